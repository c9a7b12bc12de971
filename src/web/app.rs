//! The page's root component: its state (signals; the choices change as `view::Choices`
//! says), what follows from it (memos), and the layout of the steps.

use super::browser;
use super::choice::{ChoiceSignals, ClientStep};
use super::doctor_handle::DoctorHandle;
use super::doctor_panel::DoctorPanel;
use super::field::{Details, DetailsStep};
use super::footer::RelayFooter;
use super::lang::{Language, translated};
use super::masthead::Masthead;
use super::setup::{CheckStep, FilesStep};
use super::support::{ReportSources, SupportReport};
use super::troubleshoot::Troubleshoot;
use crate::check;
use crate::clients::{Client, lineup};
use crate::i18n::Msg;
use crate::platform::{Os, Target};
use crate::profile::Profile;
use crate::shell::Shell;
use crate::view::{self, Choices};
use leptos::prelude::*;

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

/// The view the page opens with (`Choices::starting`), from what this device remembers, what
/// the browser says and the link. Rendered at build time, where there is no browser, it is a
/// first visit's (src/first_view.rs).
pub fn starting_choices(profile: &Profile) -> Choices {
    let visitor = view::Browser {
        os: browser::visitor_os(),
        lang: browser::visitor_lang(),
    };
    let remembered = browser::remembered_choices();
    Choices::starting(profile, &remembered, visitor, &browser::fragment())
}

/// The whole page, for one relay: the built-in one unless a profile is given.
#[component]
pub fn App(
    #[prop(default = Profile::builtin())] profile: Profile,
    /// Who answers the doctor, for this relay: a Web Worker in the page, the page itself in
    /// the UI tests.
    checker: DoctorHandle,
    #[prop(optional)] carried: Carried,
) -> impl IntoView {
    let profile = StoredValue::new(profile);
    let checker = StoredValue::new_local(checker);
    provide_context(profile);
    provide_context(checker);
    let offered = profile.with_value(lineup::offered);
    // What was picked in the first view counts as picked in the page.
    let picked = (carried.client, carried.os, carried.shell);
    let choices = ChoiceSignals::new(
        profile
            .with_value(starting_choices)
            .with_picked(picked, &offered),
    );
    let ChoiceSignals {
        client, lang, tab, ..
    } = choices;
    provide_context(Language(lang));
    provide_context(ReportSources::new());
    // The operator's accent, checked when the profile was read.
    profile.with_value(|p| browser::set_accents(&p.brand));
    // A fragment edited in the open page (or a link to this page followed) changes the view
    // as opening it would.
    choices.follow_link_changes(offered.clone());

    let details = Details::new(
        [carried.key, carried.base_url, carried.model],
        client,
        profile,
    );
    let target =
        Memo::new(move |_| Target::with_shell_or_usual(choices.os.get(), choices.shell.get()));
    let values = Memo::new(move |_| details.values());
    let setup = Memo::new(move |_| {
        profile.with_value(|p| values.with(|values| client.get().setup(p, values, target.get())))
    });
    let base_url_has_error = Signal::derive(move || {
        let findings = details.base_url.findings;
        findings.with(|all| check::Field::breaks_request_url(all))
    });
    // What the doctor found, and what the fields show: the causes the guide can confirm.
    let doctor_found = RwSignal::new(Vec::<String>::new());
    let found = Signal::derive(move || {
        let mut codes = doctor_found.get();
        for findings in details.findings() {
            findings.with(|all| codes.extend(all.iter().map(|f| f.rule.code.to_owned())));
        }
        codes
    });

    choices.show_in_link(setup);
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

    view! {
        <Masthead />
        <main>
            <DetailsStep details=details />
            <ClientStep choices=choices offered=offered target=target.into() />
            <FilesStep
                setup=setup
                client=client.into()
                tab=tab
                values=values.into()
                base_url_has_error=base_url_has_error
                install_open=carried.install_open.unwrap_or_else(browser::install_starts_open)
            />
            <Show when=move || client.get().has_check_step()>
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
                <DoctorPanel client=client values=values.into() found=doctor_found />
            </section>
            <section aria-labelledby="report-heading">
                <h2 id="report-heading">{translated(Msg::ReportCopy)}</h2>
                <SupportReport
                    profile=profile
                    client=client.into()
                    target=target.into()
                    values=values.into()
                    fields=details.findings()
                />
            </section>
        </main>
        // Issue 10: the relay's links and name, from its profile (web/footer.rs).
        <RelayFooter profile=profile />
    }
}
