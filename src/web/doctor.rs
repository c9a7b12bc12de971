//! The doctor on the page: paste anything, see what is wrong where and why, fix it in a click,
//! or merge the relay's settings into an existing Codex config.

use super::field::FindingItem;
use super::lang::tr;
use crate::check::{self, Context, Finding, Kind, Report, Severity};
use crate::clients::{Client, Values};
use crate::i18n::Msg;
use crate::merge::{Change, merge_codex_config};
use crate::profile::Profile;
use leptos::prelude::*;

#[component]
pub fn Doctor(
    profile: StoredValue<Profile>,
    client: RwSignal<Client>,
    values: Signal<Values>,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let chosen_kind = RwSignal::new(None::<Kind>);
    // The last merge: what it changed, or the findings that kept it from merging.
    let merge_outcome = RwSignal::new(None::<Result<Vec<Change>, Vec<Finding>>>);
    let report = Memo::new(move |_| {
        let client = Some(client.get());
        text.with(|text| {
            profile.with_value(|p| {
                check::check(text, chosen_kind.get(), &Context { profile: p, client })
            })
        })
    });
    let count = move |severity: Severity| {
        report.with(|r| {
            r.findings
                .iter()
                .filter(|f| f.rule.severity == severity)
                .count()
        })
    };
    let fixable = move || report.with(|r| r.findings.iter().any(|f| !f.edits.is_empty()));
    let fix_all = move |_| {
        let kind = report.with(|r| r.kind);
        let client = Some(client.get_untracked());
        text.update(|t| {
            *t = profile.with_value(|p| check::fix_all(t, kind, &Context { profile: p, client }))
        });
    };
    let merge = move |_| {
        let merged = text.with_untracked(|t| {
            profile.with_value(|p| merge_codex_config(t, p, &values.get_untracked()))
        });
        match merged {
            Ok(merged) => {
                text.set(merged.text);
                merge_outcome.set(Some(Ok(merged.changes)));
            }
            Err(findings) => merge_outcome.set(Some(Err(findings))),
        }
    };

    view! {
        <p class="help">{move || tr(Msg::DoctorHelp)}</p>
        <div class="field">
            <label for="doctor-input">{move || tr(Msg::DoctorInputLabel)}</label>
            <textarea
                id="doctor-input"
                rows="8"
                spellcheck="false"
                autocomplete="off"
                autocapitalize="off"
                aria-describedby="doctor-findings"
                prop:value=move || text.get()
                on:input=move |ev| {
                    merge_outcome.set(None);
                    text.set(event_target_value(&ev));
                }
            ></textarea>
        </div>
        <label class="doctor-kind">
            <span>{move || tr(Msg::DoctorKindLabel)}</span>
            <select
                id="doctor-kind"
                on:change=move |ev| chosen_kind.set(Kind::from_id(&event_target_value(&ev)))
            >
                <option value="" selected=move || chosen_kind.get().is_none()>
                    {move || tr(Msg::DoctorKindAuto)}
                </option>
                {Kind::ALL
                    .map(|kind| {
                        view! {
                            <option value=kind.id() selected=move || chosen_kind.get() == Some(kind)>
                                {move || tr(kind.label())}
                            </option>
                        }
                    })}
            </select>
            <span class="detected" id="doctor-detected">
                {move || report.with(|r| tr(r.kind.label()))}
            </span>
        </label>
        <Show when=move || text.with(|t| !t.is_empty())>
            <p class="doctor-summary" role="status" id="doctor-summary">
                {move || {
                    if report.with(|r| r.findings.is_empty()) {
                        tr(Msg::DoctorClean).to_owned()
                    } else {
                        format!(
                            "{} {} {}, {} {}",
                            tr(Msg::DoctorSummary),
                            tr(Msg::DoctorErrors),
                            count(Severity::Error),
                            tr(Msg::DoctorWarnings),
                            count(Severity::Warning),
                        )
                    }
                }}
            </p>
        </Show>
        <ul class="findings" id="doctor-findings" aria-live="polite">
            <For
                each=move || report.with(|r: &Report| r.findings.clone())
                key=|finding| (finding.rule.code, finding.span.clone())
                let:finding
            >
                <FindingItem finding=finding value=text multiline=true />
            </For>
        </ul>
        <div class="doctor-actions">
            <Show when=fixable>
                <button type="button" class="fix-all" on:click=fix_all>
                    {move || tr(Msg::DoctorFixAll)}
                </button>
            </Show>
            <Show when=move || report.with(|r| r.kind == Kind::CodexConfig) && text.with(|t| !t.is_empty())>
                <button type="button" class="merge" on:click=merge>
                    {move || tr(Msg::DoctorMerge)}
                </button>
            </Show>
        </div>
        {move || {
            merge_outcome
                .get()
                .map(|outcome| match outcome {
                    Ok(changes) => view! { <MergeChanges changes=changes /> }.into_any(),
                    Err(findings) => {
                        view! {
                            <div class="merge-result" role="alert">
                                <p>{move || tr(Msg::DoctorCannotMerge)}</p>
                                <ul class="findings">
                                    {findings
                                        .into_iter()
                                        .map(|finding| {
                                            view! { <FindingItem finding=finding value=text multiline=true /> }
                                        })
                                        .collect_view()}
                                </ul>
                            </div>
                        }
                            .into_any()
                    }
                })
        }}
    }
}

/// What a merge changed, in the page's current language.
#[component]
fn MergeChanges(changes: Vec<Change>) -> impl IntoView {
    let heading = if changes.is_empty() {
        Msg::DoctorMergedNothing
    } else {
        Msg::DoctorMerged
    };
    let items = changes
        .into_iter()
        .map(|change| {
            let new = change.new.clone();
            view! {
                <li>
                    <code>{change.key}</code> ": " <code>{change.old}</code> " → "
                    <code>{move || new.clone().unwrap_or_else(|| tr(Msg::DoctorRemoved).to_owned())}</code>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="merge-result" role="status">
            <p>{move || tr(heading)}</p>
            <ul>{items}</ul>
        </div>
    }
}
