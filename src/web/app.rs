//! The page's root component: the connection details, the system, and the files.

use super::browser;
use super::field::Field;
use super::snippet::SnippetCard;
use crate::check;
use crate::clients::{Client, Os, Values};
use crate::i18n::{Lang, Msg};
use crate::profile::Profile;
use leptos::prelude::*;

/// The language the page speaks, shared with every component through context.
#[derive(Clone, Copy)]
pub struct Language(pub RwSignal<Lang>);

/// Looks up a message in the page's current language; reactive when called inside a view.
pub fn tr(msg: Msg) -> &'static str {
    let Language(lang) = expect_context::<Language>();
    msg.text(lang.get())
}

/// The whole page, for one relay: the built-in one unless a profile is given.
#[component]
pub fn App(#[prop(default = Profile::builtin())] profile: Profile) -> impl IntoView {
    let profile = StoredValue::new(profile);
    let lang = RwSignal::new(browser::visitor_lang());
    provide_context(Language(lang));

    let key = RwSignal::new(String::new());
    let base_url = RwSignal::new(profile.with_value(|p| p.base_url.clone()));
    let model = RwSignal::new(String::new());
    let os = RwSignal::new(browser::visitor_os());
    let client = Client::Codex;

    let setup = Memo::new(move |_| {
        let values = Values {
            key: key.get(),
            base_url: base_url.get(),
            model: model.get(),
        };
        profile.with_value(|p| client.setup(p, &values, os.get()))
    });
    let key_findings =
        Memo::new(move |_| key.with(|k| profile.with_value(|p| check::key::check(k, p))));
    let url_findings = Memo::new(move |_| base_url.with(|url| check::url::check(url)));
    let model_findings =
        Memo::new(move |_| model.with(|m| profile.with_value(|p| check::model::check(m, p))));
    let shows_placeholders = move || key.with(String::is_empty) || model.with(String::is_empty);

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
            <section aria-labelledby="system-heading">
                <h2 id="system-heading">{move || tr(Msg::StepSystem)}</h2>
                <fieldset class="os-choice">
                    <legend>{move || tr(Msg::OsLabel)}</legend>
                    {Os::ALL
                        .map(|option| {
                            view! {
                                <label class="os-option">
                                    <input
                                        type="radio"
                                        name="os"
                                        value=option.id()
                                        prop:checked=move || os.get() == option
                                        on:change=move |_| os.set(option)
                                    />
                                    <span>{move || tr(option.label())}</span>
                                </label>
                            }
                        })}
                </fieldset>
            </section>
            <section aria-labelledby="files-heading">
                <h2 id="files-heading">{move || tr(Msg::StepFiles)}</h2>
                <Show when=shows_placeholders>
                    <p class="notice">{move || tr(Msg::PlaceholderNotice)}</p>
                </Show>
                <For
                    each=move || setup.with(|s| s.snippets.iter().map(|snippet| snippet.file_name).collect::<Vec<_>>())
                    key=|file_name| *file_name
                    let:file_name
                >
                    <SnippetCard file_name=file_name snippet=Signal::derive(move || {
                        setup.with(|s| s.snippets.iter().find(|snippet| snippet.file_name == file_name).cloned())
                    }) />
                </For>
                <p class="request">
                    {client.name()} " " {move || tr(Msg::RequestLine)} " "
                    <code id="request-url">{move || format!("POST {}", setup.with(|s| s.request_url.clone()))}</code>
                </p>
                <p class="next-step">{move || tr(setup.with(|s| s.next_step))}</p>
            </section>
        </main>
    }
}
