//! The details step (the key, the base URL, the model); a labelled input with its help text
//! and the findings for what was typed in it.

use super::lang::{Language, tr, translated, translated_texts};
use crate::check::{self, Finding, LineIndex, Severity};
use crate::clients::{Client, Values};
use crate::doctor::Diagnostic;
use crate::i18n::Msg;
use crate::profile::Profile;
use crate::symptoms;
use leptos::prelude::*;

/// What was typed into one of the details' fields, and its findings.
#[derive(Clone, Copy)]
pub struct Typed {
    pub value: RwSignal<String>,
    pub findings: Memo<Vec<Finding>>,
}

impl Typed {
    /// `value` typed into `field`, judged as the core judges it for the client being set up
    /// (some trim spaces around a key, some add /v1 to a base URL themselves), as the CLI
    /// judges its options.
    pub fn judged(
        value: RwSignal<String>,
        field: check::Field,
        client: RwSignal<Client>,
        profile: StoredValue<Profile>,
    ) -> Typed {
        let findings = Memo::new(move |_| {
            let client = client.get();
            value.with(|text| {
                profile.with_value(|profile| field.check(text, profile, client).findings)
            })
        });
        Typed { value, findings }
    }
}

/// The details the setup is made with, each judged as it is typed.
#[derive(Clone, Copy)]
pub struct Details {
    pub key: Typed,
    pub base_url: Typed,
    pub model: Typed,
}

impl Details {
    /// The fields, holding what was typed into the first view's (key, base URL, model), the
    /// base URL the relay's where nothing was.
    pub fn new(
        [key, base_url, model]: [Option<String>; 3],
        client: RwSignal<Client>,
        profile: StoredValue<Profile>,
    ) -> Details {
        let typed = |value, field| Typed::judged(RwSignal::new(value), field, client, profile);
        let relay_base_url = || profile.with_value(|p| p.base_url.clone());
        Details {
            key: typed(key.unwrap_or_default(), check::Field::Key),
            base_url: typed(
                base_url.unwrap_or_else(relay_base_url),
                check::Field::BaseUrl,
            ),
            model: typed(model.unwrap_or_default(), check::Field::Model),
        }
    }

    /// What the setup is made with, as typed now.
    pub fn values(self) -> Values {
        Values {
            key: self.key.value.get(),
            base_url: self.base_url.value.get(),
            model: self.model.value.get(),
        }
    }

    /// The key's, the base URL's and the model's findings.
    pub fn findings(self) -> [Memo<Vec<Finding>>; 3] {
        [
            self.key.findings,
            self.base_url.findings,
            self.model.findings,
        ]
    }
}

/// The first step: the key, the base URL and the model, each with its findings.
#[component]
pub fn DetailsStep(details: Details) -> impl IntoView {
    let profile = expect_context::<StoredValue<Profile>>();
    let Details {
        key,
        base_url,
        model,
    } = details;
    view! {
        <section aria-labelledby="details-heading">
            <h2 id="details-heading">{translated(Msg::StepDetails)}</h2>
            <Field
                id="key"
                label=Msg::KeyLabel
                help=Msg::KeyHelp
                secret=true
                value=key.value
                findings=key.findings
            />
            <Field
                id="base-url"
                label=Msg::BaseUrlLabel
                help=Msg::BaseUrlHelp
                inputmode="url"
                value=base_url.value
                findings=base_url.findings
            />
            <Field
                id="model"
                label=Msg::ModelLabel
                help=Msg::ModelHelp
                value=model.value
                findings=model.findings
                suggestions=profile.with_value(|p| p.models.clone())
            />
        </section>
    }
}

/// One input. A `secret` field (the key) is masked until the visitor reveals it.
#[component]
pub fn Field(
    id: &'static str,
    label: Msg,
    help: Msg,
    value: RwSignal<String>,
    findings: Memo<Vec<Finding>>,
    /// The virtual keyboard to offer (`url`, `text`). The input itself is always a text
    /// input: `type="url"` would silently trim what was pasted, hiding the very mistakes
    /// the findings point out.
    #[prop(default = "text")]
    inputmode: &'static str,
    #[prop(optional)] secret: bool,
    /// Values to offer while typing (the relay profile's model names).
    #[prop(optional)]
    suggestions: Vec<String>,
) -> impl IntoView {
    let revealed = RwSignal::new(false);
    let help_id = format!("{id}-help");
    let findings_id = format!("{id}-findings");
    let suggestions_id = (!suggestions.is_empty()).then(|| format!("{id}-suggestions"));
    let has_error =
        move || findings.with(|all| all.iter().any(|f| f.rule.severity == Severity::Error));
    let input_type = move || {
        if secret && !revealed.get() {
            "password"
        } else {
            "text"
        }
    };

    view! {
        <div class="field" class:invalid=has_error>
            <label for=id>{translated(label)}</label>
            <div class="input-row">
                <input
                    id=id
                    type=input_type
                    inputmode=inputmode
                    list=suggestions_id.clone()
                    autocomplete="off"
                    spellcheck="false"
                    autocapitalize="off"
                    aria-describedby=format!("{help_id} {findings_id}")
                    aria-invalid=move || has_error().to_string()
                    // The attribute for the first view rendered at build time (src/first_view.rs),
                    // which has no properties; the property for the page.
                    value=value.get_untracked()
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
                {secret
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="reveal"
                                aria-controls=id
                                aria-pressed=move || revealed.get().to_string()
                                on:click=move |_| revealed.update(|shown| *shown = !*shown)
                            >
                                {move || tr(if revealed.get() { Msg::HideKey } else { Msg::ShowKey })}
                            </button>
                        }
                    })}
            </div>
            {suggestions_id.map(|list_id| {
                view! {
                    <datalist id=list_id>
                        {suggestions.into_iter().map(|value| view! { <option value=value /> }).collect_view()}
                    </datalist>
                }
            })}
            <p class="help" id=help_id>{translated(help)}</p>
            <ul class="findings" id=findings_id aria-live="polite">
                <For
                    each=move || findings.with(|all| all.iter().map(Diagnostic::from).collect::<Vec<_>>())
                    key=|finding| (finding.code.clone(), finding.span.clone())
                    let:finding
                >
                    <FindingItem finding=finding value=value />
                </For>
            </ul>
        </div>
    }
}

/// The findings about a pasted `text`, each with its line and column, all placed with one line
/// index: reading a long text from its start for every finding froze the page.
pub fn placed(findings: Vec<Diagnostic>, text: &str) -> Vec<(Diagnostic, (usize, usize))> {
    if findings.is_empty() {
        return Vec::new();
    }
    let lines = LineIndex::new(text);
    findings
        .into_iter()
        .map(|finding| {
            let line_column = lines.line_column(finding.span.start);
            (finding, line_column)
        })
        .collect()
}

/// One finding: what is wrong, where (as a position, never the text), why, and its fix.
/// In a pasted text the position is a line and column, in a field a character.
#[component]
pub fn FindingItem(
    finding: Diagnostic,
    value: RwSignal<String>,
    /// Where the finding is in a pasted text, from [`placed`]: a pasted text's finding is
    /// about the text it was found in, and a change brings a new answer. A field's value is
    /// short, and its findings are kept while it changes: they are placed by character as it
    /// is now.
    #[prop(optional)]
    line_column: Option<(usize, usize)>,
    /// Shows the rule's code (`key/surrounding-space`): for the doctor's details, where people
    /// who support others read them, not under the fields customers type in.
    #[prop(optional)]
    with_code: bool,
    /// Moves the caret to the finding's place, where the text is shown.
    #[prop(optional)]
    on_locate: Option<Callback<std::ops::Range<usize>>>,
) -> impl IntoView {
    let Language(lang) = expect_context::<Language>();
    let profile = expect_context::<StoredValue<Profile>>();
    let start = finding.span.start;
    let span = finding.span.clone();
    // The relay's symptoms this mistake can cause, by their titles.
    let explains = profile.with_value(|p| {
        symptoms::explained_by(&finding.code, p)
            .into_iter()
            .map(|symptom| symptom.title.clone())
            .collect::<Vec<_>>()
    });
    let position = move || match line_column {
        Some((line, column)) => lang.get().at_line_column(line, column),
        None => value.with(|text| lang.get().at_character(check::char_position(text, start))),
    };
    let severity = finding.severity;
    let Diagnostic {
        code,
        message,
        why,
        fix,
        edits,
        ..
    } = finding;
    let fix = fix.map(|label| {
        let apply = move |_| {
            value.update(|text| {
                if let Some(fixed) = check::apply_edits(text, &edits) {
                    *text = fixed;
                }
            })
        };
        view! {
            <button type="button" class="fix" on:click=apply>
                {translated_texts(label)}
            </button>
        }
    });

    let data_code = code.clone();
    view! {
        <li class=format!("finding {}", severity.as_str()) data-code=data_code>
            <span class="severity">{translated(severity.label())}</span>
            " "
            <span class="message">{translated_texts(message)}</span>
            <span class="position">{move || lang.get().position_after_message(&position())}</span>
            {with_code.then(|| view! { " " <code class="rule-code">{code}</code> })}
            <span class="why">{translated_texts(why)}</span>
            {(!explains.is_empty())
                .then(|| {
                    view! {
                        <span class="explains">
                            {move || {
                                let lang = lang.get();
                                lang.explains(&explains.iter().map(|title| title.get(lang)).collect::<Vec<_>>())
                            }}
                        </span>
                    }
                })}
            {on_locate
                .map(|locate| {
                    view! {
                        <button type="button" class="locate" on:click=move |_| locate.run(span.clone())>
                            {translated(Msg::DoctorShow)}
                        </button>
                    }
                })}
            {fix}
        </li>
    }
}
