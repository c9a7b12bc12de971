//! The page's root component: the connection details, the system, and the files.

use super::browser;
use super::checker::{Checker, InWorker};
use super::choice::Choice;
use super::doctor::Doctor;
use super::field::Field;
use super::footer::RelayFooter;
use super::lang::{Language, tr};
use super::snippet::SnippetCard;
use crate::check::{self, Context};
use crate::clients::{Client, Setup, Values};
use crate::i18n::{Lang, Msg};
use crate::platform::Shell;
use crate::platform::{Os, Target};
use crate::profile::Profile;
use leptos::prelude::*;
use std::rc::Rc;

/// The whole page, for one relay: the built-in one unless a profile is given.
#[component]
pub fn App(
    #[prop(default = Profile::builtin())] profile: Profile,
    /// Who answers the doctor: a Web Worker in the page, the page itself in the UI tests.
    #[prop(default = Rc::new(InWorker::new()))]
    checker: Checker,
) -> impl IntoView {
    let profile = StoredValue::new(profile);
    let checker = StoredValue::new_local(checker);
    let lang = RwSignal::new(browser::visitor_lang());
    provide_context(Language(lang));

    let key = RwSignal::new(String::new());
    let base_url = RwSignal::new(profile.with_value(|p| p.base_url.clone()));
    let model = RwSignal::new(String::new());
    let client = RwSignal::new(Client::Codex);
    let os = RwSignal::new(browser::visitor_os());
    let shell = RwSignal::new(Target::new(os.get_untracked()).shell);
    // A shell picked for another system falls back to this system's usual one.
    let target = Memo::new(move |_| {
        Target::with_shell(os.get(), shell.get()).unwrap_or_else(|| Target::new(os.get()))
    });

    let values = Memo::new(move |_| Values {
        key: key.get(),
        base_url: base_url.get(),
        model: model.get(),
    });
    let setup = Memo::new(move |_| {
        profile.with_value(|p| values.with(|values| client.get().setup(p, values, target.get())))
    });
    // A field's findings: the key is judged for the client being set up (some trim spaces,
    // some do not); the base URL field holds the relay's own URL, whatever the client.
    // Each field names its checker itself: going through `Kind` would link every checker
    // into the page's module, where only these three belong.
    let field_findings = move |value: RwSignal<String>,
                               checker: check::Checker,
                               client: Signal<Option<Client>>| {
        Memo::new(move |_| {
            let client = client.get();
            value.with(|text| {
                profile.with_value(|profile| checker(text, &Context { profile, client }).findings)
            })
        })
    };
    let key_client = Signal::derive(move || Some(client.get()));
    let key_findings = field_findings(key, check::key::check, key_client);
    let url_findings = field_findings(base_url, check::url::check, Signal::stored(None));
    let model_findings = field_findings(model, check::model::check, Signal::stored(None));
    let shows_placeholders = move || key.with(String::is_empty) || model.with(String::is_empty);

    // The doctor's module loads while the visitor reads the setup, not on their first paste.
    request_idle_callback(move || checker.with_value(|checker| checker.warm()));

    // Keep the document's language in step, for screen readers and fonts.
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            root.set_attribute("lang", lang.get().tag()).ok();
        }
    });

    view! {
        <header class="masthead">
            <div>
                <h1>{move || tr(Msg::AppTitle)}</h1>
                <p class="tagline">{move || tr(Msg::AppTagline)}</p>
            </div>
            <label class="language">
                <span>{move || tr(Msg::LanguageLabel)}</span>
                <select
                    id="language"
                    on:change=move |ev| lang.set(Lang::from_tag(&event_target_value(&ev)))
                >
                    {Lang::ALL
                        .map(|option| {
                            view! {
                                <option value=option.tag() selected=move || lang.get() == option>
                                    {option.native_name()}
                                </option>
                            }
                        })}
                </select>
            </label>
        </header>
        <main>
            <section aria-labelledby="details-heading">
                <h2 id="details-heading">{move || tr(Msg::StepDetails)}</h2>
                <Field
                    id="key"
                    label=Msg::KeyLabel
                    help=Msg::KeyHelp
                    secret=true
                    value=key
                    findings=key_findings
                />
                <Field
                    id="base-url"
                    label=Msg::BaseUrlLabel
                    help=Msg::BaseUrlHelp
                    inputmode="url"
                    value=base_url
                    findings=url_findings
                />
                <Field
                    id="model"
                    label=Msg::ModelLabel
                    help=Msg::ModelHelp
                    value=model
                    findings=model_findings
                    suggestions=profile.with_value(|p| p.models.clone())
                />
            </section>
            <section aria-labelledby="client-heading">
                <h2 id="client-heading">{move || tr(Msg::StepClient)}</h2>
                <Choice
                    name="client"
                    legend=Msg::ClientLabel
                    options=Signal::stored(Client::ALL.to_vec())
                    selected=client.into()
                    on_pick=Callback::new(move |picked: Client| {
                        client.set(picked);
                        // Desktop apps have no WSL flavour: WSL users run them on Windows.
                        if !picked.systems().contains(&os.get_untracked()) {
                            os.set(Os::Windows);
                        }
                    })
                    id_of=Client::id
                    label_of=|client, _| client.name()
                />
            </section>
            <section aria-labelledby="system-heading">
                <h2 id="system-heading">{move || tr(Msg::StepSystem)}</h2>
                <Choice
                    name="os"
                    legend=Msg::OsLabel
                    options=Signal::derive(move || client.get().systems().to_vec())
                    selected=os.into()
                    on_pick=Callback::new(move |picked| os.set(picked))
                    id_of=Os::id
                    label_of=|os, lang| os.label().text(lang)
                />
                <Show when=move || client.get().uses_shell()>
                <Choice
                    name="shell"
                    legend=Msg::ShellLabel
                    options=Signal::derive(move || Shell::for_os(os.get()).to_vec())
                    selected=Signal::derive(move || target.get().shell)
                    on_pick=Callback::new(move |picked| shell.set(picked))
                    id_of=Shell::id
                    label_of=|shell, _| shell.name()
                />
                </Show>
            </section>
            <section aria-labelledby="files-heading">
                <h2 id="files-heading">{move || tr(Msg::StepFiles)}</h2>
                <Show when=shows_placeholders>
                    <p class="notice">{move || tr(Msg::PlaceholderNotice)}</p>
                </Show>
                <For each=move || section_shapes(&setup.read()) key=|shape| *shape let:shape>
                    <SectionView setup=setup id=shape.0 snippet_count=shape.1 />
                </For>
                <p class="request">
                    {move || client.get().name()} " " {move || tr(Msg::RequestLine)} " "
                    <code id="request-url">
                        {move || format!("POST {}", setup.with(|s| s.request_url.clone()))}
                    </code>
                </p>
                <p class="next-step">{move || tr(setup.with(|s| s.next_step))}</p>
            </section>
            <section aria-labelledby="doctor-heading">
                <h2 id="doctor-heading">{move || tr(Msg::StepDoctor)}</h2>
                <Doctor profile=profile client=client values=values.into() checker=checker />
            </section>
        </main>
        // Issue 10: the relay's links and name, from its profile (web/footer.rs).
        <RelayFooter profile=profile />
    }
}

/// Each section's id and number of snippets: what decides whether its cards are rebuilt.
/// Everything else in a card follows the setup reactively.
fn section_shapes(setup: &Setup) -> Vec<(&'static str, usize)> {
    setup
        .sections
        .iter()
        .map(|section| (section.id, section.snippets.len()))
        .collect()
}

/// One alternative way to set the client up: its title, notes and snippets.
#[component]
fn SectionView(setup: Memo<Setup>, id: &'static str, snippet_count: usize) -> impl IntoView {
    let title = move || {
        setup
            .with(|s| s.section(id).map(|section| section.title))
            .map(tr)
    };
    let notes = move || {
        setup
            .with(|s| s.section(id).map(|section| section.notes.clone()))
            .unwrap_or_default()
    };
    view! {
        <section class="variant" data-section=id>
            <h3>{title}</h3>
            <ul class="notes">
                {move || notes().into_iter().map(|note| view! { <li>{move || tr(note)}</li> }).collect_view()}
            </ul>
            {(0..snippet_count)
                .map(|index| {
                    let snippet = Signal::derive(move || {
                        setup.with(|s| s.section(id).and_then(|section| section.snippets.get(index).cloned()))
                    });
                    view! { <SnippetCard snippet=snippet /> }
                })
                .collect_view()}
        </section>
    }
}
