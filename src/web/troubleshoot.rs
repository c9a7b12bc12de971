//! "Something is wrong?": a symptom picked from the relay's list, or recognised in the error
//! text a client printed, with its likely causes for the client in order (how to tell, the
//! fix, whether the doctor found it in what was pasted), then always the relay's checklist
//! and its support link (`symptoms::guide` decides; this only shows).

use super::browser;
use super::lang::{translated, translated_texts};
use crate::clients::Client;
use crate::i18n::{Msg, Texts};
use crate::profile::{Cause, Profile};
use crate::symptoms::{self, Guide};
use leptos::prelude::*;

#[component]
pub fn Troubleshoot(
    /// The codes of what the doctor and the fields found, to mark the causes they confirm.
    found: Signal<Vec<String>>,
    /// The client being set up, whose causes are shown.
    client: Signal<Client>,
) -> impl IntoView {
    let profile = expect_context::<StoredValue<Profile>>();
    let picked = RwSignal::new(None::<String>);
    let error_text = RwSignal::new(String::new());
    let guide = Memo::new(move |_| {
        error_text.with(|text| {
            picked.with(|picked| {
                profile
                    .with_value(|p| symptoms::guide(text, picked.as_deref(), Some(client.get()), p))
            })
        })
    });
    let shown = Memo::new(move |_| guide.with(|g| g.symptom.as_ref().map(|(id, _)| id.clone())));
    // The support report (web/support.rs) tells the symptom shown and the text pasted.
    if let Some(report) = use_context::<super::support::ReportSources>() {
        Effect::new(move |_| report.symptom.set(shown.get()));
        Effect::new(move |_| report.error_text.set(error_text.get()));
    }
    let titles = move || {
        profile.with_value(|p| {
            p.symptoms
                .iter()
                .map(|s| (s.id.clone(), s.title.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <label class="field" for="symptom">
            <span class="label">{translated(Msg::SymptomLabel)}</span>
            <select
                id="symptom"
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    error_text.set(String::new());
                    picked.set((!id.is_empty()).then_some(id));
                }
            >
                <option value="" selected=move || shown.get().is_none()>
                    {translated(Msg::SymptomPick)}
                </option>
                {move || {
                    titles()
                        .into_iter()
                        .map(|(id, title)| {
                            let value = id.clone();
                            view! {
                                <option value=value selected=move || shown.get().as_deref() == Some(id.as_str())>
                                    {translated_texts(title)}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </label>
        <div class="field">
            <label for="error-text">{translated(Msg::ErrorTextLabel)}</label>
            <textarea
                id="error-text"
                rows="3"
                spellcheck="false"
                autocomplete="off"
                prop:value=move || error_text.get()
                on:input=move |ev| error_text.set(event_target_value(&ev))
            ></textarea>
        </div>
        <div aria-live="polite" id="symptom-result">
            {move || {
                let guide = guide.get();
                (!guide.is_empty()).then(|| view! { <Guidance guide=guide found=found /> })
            }}
        </div>
    }
}

/// The guide's answer: the symptom's causes, or that it knows none, then what to go
/// through next and where to ask.
#[component]
fn Guidance(guide: Guide, found: Signal<Vec<String>>) -> impl IntoView {
    let Guide {
        symptom,
        causes,
        unrecognised,
        checklist,
        support_url,
    } = guide;
    view! {
        <Show when=move || unrecognised>
            <p class="notice">{translated(Msg::NoSymptomRecognised)}</p>
        </Show>
        {symptom.map(|(id, title)| view! { <Causes id=id title=title causes=causes found=found /> })}
        <section class="checklist" aria-labelledby="checklist-heading">
            <h3 id="checklist-heading">{translated(Msg::ChecklistHeading)}</h3>
            <ol>
                {checklist
                    .into_iter()
                    .map(|step| view! { <li>{translated_texts(step)}</li> })
                    .collect_view()}
            </ol>
            {support_url.map(|url| {
                view! {
                    <a class="support" href=url target="_blank" rel="noopener noreferrer">
                        {translated(Msg::ContactSupport)}
                    </a>
                }
            })}
        </section>
    }
}

/// A symptom's likely causes, in order.
#[component]
fn Causes(
    id: String,
    title: Texts,
    causes: Vec<Cause>,
    found: Signal<Vec<String>>,
) -> impl IntoView {
    view! {
        <article class="symptom" data-symptom=id>
            <h3>{translated_texts(title)}</h3>
            <p class="help">{translated(Msg::LikelyCauses)}</p>
            <ol class="causes">
                {causes
                    .into_iter()
                    .map(|cause| {
                        let rules = cause.rules.clone();
                        let confirmed = Signal::derive(move || {
                            found.with(|codes| rules.iter().any(|rule| codes.contains(rule)))
                        });
                        let has_rules = !cause.rules.is_empty();

                        view! {
                            <li class="cause" class:confirmed=move || confirmed.get()>
                                <p class="cause-text">{translated_texts(cause.text)}</p>
                                <p>
                                    <strong>{translated(Msg::CauseCheck)}</strong>
                                    " "
                                    {translated_texts(cause.check)}
                                </p>
                                <p>
                                    <strong>{translated(Msg::CauseFix)}</strong>
                                    " "
                                    {translated_texts(cause.fix)}
                                </p>
                                <Show when=move || confirmed.get()>
                                    <p class="found" role="status">{translated(Msg::CauseFound)}</p>
                                </Show>
                                <Show when=move || has_rules>
                                    <button
                                        type="button"
                                        class="to-doctor"
                                        on:click=move |_| browser::focus("doctor-input")
                                    >
                                        {translated(Msg::CauseDoctor)}
                                    </button>
                                </Show>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </article>
    }
}
