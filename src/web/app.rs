//! The page's root component: its state (signals), what follows from it (memos), the link
//! that describes the view, and the layout of the steps.

use super::browser;
use super::checker::{Checker, InWorker};
use super::choice::Choice;
use super::doctor::Doctor;
use super::field::Field;
use super::footer::RelayFooter;
use super::import_links::ImportLinks;
use super::lang::{Language, translated};
use super::setup::{CheckStep, SetupStep, shown_section};
use super::support::{ReportSources, SupportReport};
use super::troubleshoot::Troubleshoot;
use crate::check;
use crate::clients::{Client, Values, lineup};
use crate::i18n::{Lang, Msg};
use crate::platform::{Os, Shell, Target};
use crate::profile::Profile;
use crate::view::{self, Choices, View};
use leptos::prelude::*;
use std::rc::Rc;

/// The colour themes a visitor can pick, besides following the system.
const THEMES: [(&str, Msg); 2] = [("light", Msg::ThemeLight), ("dark", Msg::ThemeDark)];

/// Sets `signal` only to a new value: what follows from it is then not redone for nothing.
fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|current| *current != value) {
        signal.set(value);
    }
}

/// What a visitor typed and picked in the first view rendered at build time, before the wasm
/// took it over (src/web/mod.rs): the page starts from it. `None` where they did nothing.
#[derive(Clone, Default)]
pub struct Carried {
    pub key: Option<String>,
    pub base_url: Option<String>,
    pub model: Option<String>,
    pub client: Option<Client>,
    pub os: Option<Os>,
    pub shell: Option<Shell>,
    /// Whether the install commands were unfolded.
    pub install_open: Option<bool>,
}

/// The view the page opens with: what this device remembers, else what the browser says,
/// else the relay's default; then a link's view over it. Rendered at build time, where there
/// is no browser, it is a first visit's (src/first_view.rs).
pub fn starting_choices(profile: &Profile) -> Choices {
    let remembered = |name: &str| browser::preference(name);
    // Only the clients the relay offers (issue 22): a link's or a remembered one it does not
    // offer gives way to the relay's default.
    let offered = lineup::offered(profile);
    let remembered_os = remembered("os")
        .as_deref()
        .and_then(Os::from_id)
        .unwrap_or_else(browser::visitor_os);
    let before_link = Choices {
        client: remembered("client")
            .as_deref()
            .and_then(Client::from_id)
            .filter(|client| offered.contains(client))
            .unwrap_or_else(|| lineup::default_client(profile)),
        os: remembered_os,
        shell: remembered("shell")
            .as_deref()
            .and_then(Shell::from_id)
            .unwrap_or_else(|| Target::new(remembered_os).shell),
        lang: remembered("lang")
            .and_then(|tag| Lang::ALL.into_iter().find(|l| l.tag() == tag))
            .unwrap_or_else(browser::visitor_lang),
        section: None,
    };
    View::from_fragment(&browser::fragment()).apply_to(&before_link, &offered)
}

/// The whole page, for one relay: the built-in one unless a profile is given.
#[component]
pub fn App(
    #[prop(default = Profile::builtin())] profile: Profile,
    /// Who answers the doctor: a Web Worker in the page, the page itself in the UI tests.
    #[prop(default = Rc::new(InWorker::new()))]
    checker: Checker,
    #[prop(optional)] carried: Carried,
) -> impl IntoView {
    let profile = StoredValue::new(profile);
    profile.with_value(|profile| checker.use_profile(profile));
    let checker = StoredValue::new_local(checker);
    provide_context(profile);
    provide_context(checker);

    let offered = profile.with_value(lineup::offered);
    let chosen = profile.with_value(starting_choices);
    let lang = RwSignal::new(chosen.lang);
    provide_context(Language(lang));
    let client = RwSignal::new(
        carried
            .client
            .filter(|client| offered.contains(client))
            .unwrap_or(chosen.client),
    );
    let report_sources = ReportSources::new();
    provide_context(report_sources);
    // The operator's accent, checked when the profile was read.
    profile.with_value(|p| {
        if let Some((light, dark)) = p.brand.accents() {
            browser::set_accent((light.colour, light.label), (dark.colour, dark.label));
        }
    });
    let logo = profile.with_value(|p| {
        p.brand
            .logo
            .clone()
            .map(|logo| (logo, p.display_name.clone()))
    });
    let os = RwSignal::new(
        carried
            .os
            .filter(|os| client.get_untracked().systems().contains(os))
            .unwrap_or(chosen.os),
    );
    let shell = RwSignal::new(carried.shell.unwrap_or(chosen.shell));
    let tab = RwSignal::new(chosen.section);
    // A fragment edited in the open page (or a link to this page followed) changes the view
    // as opening it would. The page's own updates of the fragment replace it without this
    // event.
    // (From an effect: effects run in the browser only, never when the first view is
    // rendered at build time.)
    let offered_for_links = offered.clone();
    Effect::new(move |_| {
        let offered_for_links = offered_for_links.clone();
        let on_link = window_event_listener(leptos::ev::hashchange, move |_| {
            let current = Choices {
                client: client.get_untracked(),
                os: os.get_untracked(),
                shell: shell.get_untracked(),
                lang: lang.get_untracked(),
                section: tab.get_untracked(),
            };
            let next =
                View::from_fragment(&browser::fragment()).apply_to(&current, &offered_for_links);
            set_if_changed(client, next.client);
            set_if_changed(os, next.os);
            set_if_changed(shell, next.shell);
            set_if_changed(lang, next.lang);
            set_if_changed(tab, next.section);
        });
        on_cleanup(move || on_link.remove());
    });
    // A host's theme (`?theme=`, which js/boot.js set before the first paint) holds for this
    // visit and is not remembered; the visitor's own pick is.
    let host_theme = view::host_theme(&browser::query()).map(str::to_owned);
    let theme = RwSignal::new(host_theme.clone().or_else(|| browser::preference("theme")));

    let key = RwSignal::new(carried.key.unwrap_or_default());
    let base_url = RwSignal::new(
        carried
            .base_url
            .unwrap_or_else(|| profile.with_value(|p| p.base_url.clone())),
    );
    let model = RwSignal::new(carried.model.unwrap_or_default());
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

    // A field's findings, judged for the client being set up (some trim spaces around a key,
    // some add /v1 to a base URL themselves), as the CLI judges its options.
    let field_findings = move |value: RwSignal<String>, field: check::Field| {
        Memo::new(move |_| {
            let client = client.get();
            value.with(|text| {
                profile.with_value(|profile| field.check(text, profile, client).findings)
            })
        })
    };
    let key_findings = field_findings(key, check::Field::Key);
    let url_findings = field_findings(base_url, check::Field::BaseUrl);
    let model_findings = field_findings(model, check::Field::Model);
    let base_url_has_error = Signal::derive(move || {
        url_findings.with(|all| {
            all.iter()
                .any(|f| f.rule.severity == check::Severity::Error)
        })
    });
    let shows_placeholders = move || key.with(String::is_empty) || model.with(String::is_empty);
    // What the doctor found, and what the fields show: the causes the guide can confirm.
    let doctor_found = RwSignal::new(Vec::<String>::new());
    let found = Signal::derive(move || {
        let mut codes = doctor_found.get();
        for findings in [key_findings, url_findings, model_findings] {
            findings.with(|all| codes.extend(all.iter().map(|f| f.rule.code.to_owned())));
        }
        codes
    });

    // The link in the address bar follows the view (never the values), and the device
    // remembers the choices. A memo, so that a keystroke (which changes the setup, not the
    // view) writes neither the address nor the storage.
    let view = Memo::new(move |_| View {
        client: Some(client.get()),
        os: Some(target.get().os),
        shell: client.get().uses_shell().then(|| target.get().shell),
        lang: Some(lang.get()),
        section: setup
            .with(|s| tab.with(|t| t.as_deref().map(|asked| shown_section(s, Some(asked)))))
            .map(str::to_owned),
    });
    Effect::new(move |_| {
        view.with(|view| browser::replace_fragment(&view.fragment()));
        browser::remember("lang", lang.get_untracked().tag());
        browser::remember("client", client.get_untracked().id());
        browser::remember("os", target.get_untracked().os.id());
        browser::remember("shell", target.get_untracked().shell.id());
    });
    Effect::new(move |_| {
        let chosen = theme.get();
        browser::set_theme(chosen.as_deref());
        if host_theme.is_none() || chosen != host_theme {
            browser::remember("theme", chosen.as_deref().unwrap_or(""));
        }
    });
    // Keep the document's language in step, for screen readers and fonts.
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            root.set_attribute("lang", lang.get().tag()).ok();
        }
    });
    // The doctor's module loads while the visitor reads the setup, not on their first paste.
    // (An effect: effects run in the browser only, never when rendering at build time.)
    Effect::new(move |_| {
        request_idle_callback(move || checker.with_value(|checker| checker.warm()))
    });

    let link_copied = RwSignal::new(false);
    let copy_link = move |_| {
        let link = browser::link_with(&browser::fragment());
        leptos::task::spawn_local(async move {
            link_copied.try_set(browser::copy_text(&link).await.is_ok());
        });
    };

    view! {
        <header class="masthead">
            <div>
                {logo.map(|(src, name)| view! { <img class="brand-logo" src=src alt=name /> })}
                <h1>{translated(Msg::AppTitle)}</h1>
                <p class="tagline">{translated(Msg::AppTagline)}</p>
            </div>
            <div class="preferences">
                <label class="language">
                    <span>{translated(Msg::LanguageLabel)}</span>
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
                <label class="theme">
                    <span>{translated(Msg::ThemeLabel)}</span>
                    <select
                        id="theme"
                        on:change=move |ev| {
                            let picked = event_target_value(&ev);
                            theme.set((!picked.is_empty()).then_some(picked));
                        }
                    >
                        <option value="" selected=move || theme.with(Option::is_none)>
                            {translated(Msg::ThemeSystem)}
                        </option>
                        {THEMES
                            .map(|(id, label)| {
                                view! {
                                    <option value=id selected=move || theme.get().as_deref() == Some(id)>
                                        {translated(label)}
                                    </option>
                                }
                            })}
                    </select>
                </label>
            </div>
        </header>
        <main>
            <section aria-labelledby="details-heading">
                <h2 id="details-heading">{translated(Msg::StepDetails)}</h2>
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
                <h2 id="client-heading">{translated(Msg::StepClient)}</h2>
                <Choice
                    name="client"
                    legend=Msg::ClientLabel
                    options=Signal::stored(offered)
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
                <p class="link-to-setup">
                    <button type="button" class="copy-link" on:click=copy_link>
                        {translated(Msg::CopyLink)}
                    </button>
                    <Show when=move || link_copied.get()>
                        <span role="status">{translated(Msg::LinkCopied)}</span>
                    </Show>
                </p>
            </section>
            <section aria-labelledby="files-heading">
                <h2 id="files-heading">{translated(Msg::StepFiles)}</h2>
                <Show when=shows_placeholders>
                    <p class="notice">{translated(Msg::PlaceholderNotice)}</p>
                </Show>
                <SetupStep
                    setup=setup
                    client=client.into()
                    tab=tab
                    values=values.into()
                    base_url_has_error=base_url_has_error
                    install_open=carried.install_open.unwrap_or_else(browser::install_starts_open)
                />
                <ImportLinks profile=profile values=values.into() />
            </section>
            <Show when=move || client.get() != Client::Curl>
                <section aria-labelledby="check-heading">
                    <h2 id="check-heading">{translated(Msg::StepCheck)}</h2>
                    <CheckStep profile=profile client=client.into() values=values.into() target=target.into() />
                </section>
            </Show>
            <section aria-labelledby="troubleshoot-heading">
                <h2 id="troubleshoot-heading">{translated(Msg::StepTroubleshoot)}</h2>
                <Troubleshoot found=found client=Signal::derive(move || client.get()) />
            </section>
            <section aria-labelledby="doctor-heading">
                <h2 id="doctor-heading">{translated(Msg::StepDoctor)}</h2>
                <Doctor client=client values=values.into() found=doctor_found />
            </section>
            <section aria-labelledby="report-heading">
                <h2 id="report-heading">{translated(Msg::ReportCopy)}</h2>
                <SupportReport
                    profile=profile
                    client=client.into()
                    target=target.into()
                    values=values.into()
                    fields=[key_findings, url_findings, model_findings]
                />
            </section>
        </main>
        // Issue 10: the relay's links and name, from its profile (web/footer.rs).
        <RelayFooter profile=profile />
    }
}
