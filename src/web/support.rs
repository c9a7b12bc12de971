//! "Copy details for support": the report of `support_report`, built from the page's state
//! when the button is pressed and put on the clipboard, in the page's language; and, when the
//! relay gives one, a link to its support.

use super::browser;
use super::lang::{Language, translated};
use crate::check::Finding;
use crate::clients::{Client, Values};
use crate::i18n::Msg;
use crate::platform::Target;
use crate::profile::Profile;
use crate::support_report::{self, Details, Found, Position};
use leptos::prelude::*;

/// What the troubleshooting guide and the doctor tell the report: the symptom shown and
/// the error text pasted; what the doctor took its text for, and its findings.
#[derive(Clone, Copy)]
pub struct ReportSources {
    pub symptom: RwSignal<Option<String>>,
    pub error_text: RwSignal<String>,
    pub doctor: RwSignal<Option<(String, Vec<Found>)>>,
}

impl ReportSources {
    pub fn new() -> Self {
        ReportSources {
            symptom: RwSignal::new(None),
            error_text: RwSignal::new(String::new()),
            doctor: RwSignal::new(None),
        }
    }
}

#[component]
pub fn SupportReport(
    profile: StoredValue<Profile>,
    client: Signal<Client>,
    target: Signal<Target>,
    values: Signal<Values>,
    /// The fields' findings: the key's, the base URL's, the model's.
    fields: [Memo<Vec<Finding>>; 3],
) -> impl IntoView {
    let Language(lang) = expect_context::<Language>();
    let sources = expect_context::<ReportSources>();
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let values = values.get_untracked();
        let field = |label: Msg, findings: Memo<Vec<Finding>>, text: &str| {
            let found = findings.with_untracked(|all| {
                all.iter()
                    .map(|f| Found {
                        code: f.rule.code.to_owned(),
                        at: Position::in_field(text, f.span.start),
                    })
                    .collect()
            });
            (label, found)
        };
        let [key, url, model] = fields;
        let text = profile.with_value(|profile| {
            let symptom = sources.symptom.get_untracked();
            let error_text = sources.error_text.get_untracked();
            let doctor = sources.doctor.get_untracked();
            support_report::report(
                &Details {
                    profile,
                    client: client.get_untracked(),
                    target: target.get_untracked(),
                    values: &values,
                    field_findings: [
                        field(Msg::KeyLabel, key, &values.key),
                        field(Msg::BaseUrlLabel, url, &values.base_url),
                        field(Msg::ModelLabel, model, &values.model),
                    ],
                    doctor,
                    symptom: symptom.as_deref(),
                    error_text: &error_text,
                    build: &browser::build_id(),
                },
                lang.get_untracked(),
            )
        });
        leptos::task::spawn_local(async move {
            copied.try_set(Some(browser::copy_text(&text).await.is_ok()));
        });
    };
    let support = profile.with_value(|p| p.support_url.clone());
    view! {
        <p class="help">{translated(Msg::ReportHelp)}</p>
        <p class="support-report">
            <button type="button" id="copy-report" on:click=copy>
                {translated(Msg::ReportCopy)}
            </button>
            {support.map(|url| view! {
                " "
                <a class="open-link" id="open-support" href=url target="_blank" rel="noopener noreferrer">
                    {translated(Msg::ReportOpenSupport)}
                </a>
            })}
        </p>
        <Show when=move || copied.get().is_some()>
            <p role="status">
                {move || if copied.get() == Some(true) { translated(Msg::ReportCopied)() } else { translated(Msg::CopyFailed)() }}
            </p>
        </Show>
    }
}
