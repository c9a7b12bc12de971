//! "Something is wrong?": a symptom picked from the relay's list, or recognised in the error
//! text a client printed, with its likely causes in order: how to tell, the fix, and whether
//! the doctor found it in what was pasted.

use super::browser;
use super::lang::{translated, translated_texts};
use crate::i18n::Msg;
use crate::profile::{Profile, Symptom};
use crate::symptoms;
use leptos::prelude::*;

#[component]
pub fn Troubleshoot(
    /// The codes of what the doctor and the fields found, to mark the causes they confirm.
    found: Signal<Vec<String>>,
) -> impl IntoView {
    let profile = expect_context::<StoredValue<Profile>>();
    let picked = RwSignal::new(None::<String>);
    let error_text = RwSignal::new(String::new());
    let recognised = Memo::new(move |_| {
        error_text.with(|text| {
            profile.with_value(|p| {
                symptoms::recognise(text, p)
                    .iter()
                    .map(|symptom| symptom.id.clone())
                    .collect::<Vec<_>>()
            })
        })
    });
    // What pasted error text points at wins over the list; the list otherwise.
    let shown = Memo::new(move |_| {
        recognised
            .with(|ids| ids.first().cloned())
            .or_else(|| picked.get())
    });
    let symptom = move || {
        shown
            .get()
            .and_then(|id| profile.with_value(|p| p.symptoms.iter().find(|s| s.id == id).cloned()))
    };
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
            <Show when=move || error_text.with(|t| !t.trim().is_empty()) && recognised.with(Vec::is_empty)>
                <p class="notice">{translated(Msg::NoSymptomRecognised)}</p>
            </Show>
            {move || symptom().map(|symptom| view! { <Causes symptom=symptom found=found /> })}
        </div>
    }
}

/// A symptom's likely causes, in order.
#[component]
fn Causes(symptom: Symptom, found: Signal<Vec<String>>) -> impl IntoView {
    let title = symptom.title.clone();
    view! {
        <article class="symptom" data-symptom=symptom.id.clone()>
            <h3>{translated_texts(title)}</h3>
            <p class="help">{translated(Msg::LikelyCauses)}</p>
            <ol class="causes">
                {symptom
                    .causes
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
