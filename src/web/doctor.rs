//! The doctor on the page: paste anything, see what is wrong where and why, fix it in a click,
//! or merge the relay's settings into an existing Codex config.

use super::checker::{Checker, Stopped};
use super::field::FindingItem;
use super::lang::tr;
use crate::check::{Kind, Severity};
use crate::clients::{Client, Values};
use crate::doctor::{Answer, Diagnostic, Request, Task};
use crate::i18n::Msg;
use crate::merge::{Change, Target};
use crate::profile::Profile;
use leptos::prelude::*;

/// The text to send: the doctor reads a copy, the page keeps editing its own.
fn sent_text(text: RwSignal<String>) -> String {
    text.get_untracked()
}

#[component]
pub fn Doctor(
    profile: StoredValue<Profile>,
    client: RwSignal<Client>,
    values: Signal<Values>,
    checker: StoredValue<Checker, LocalStorage>,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let chosen_kind = RwSignal::new(None::<Kind>);
    // The doctor's answer about the text as it is now; `None` while it is being checked.
    let answer = RwSignal::new(None::<Answer>);
    // The checker stopped on the text shown (it was started anew for the next one).
    let stopped = RwSignal::new(false);
    // The last merge: what it changed, or the findings that kept it from merging.
    let merge_outcome = RwSignal::new(None::<Result<Vec<Change>, Vec<Diagnostic>>>);
    let request = move |text: String, task: Task| Request {
        id: 0,
        profile: profile.get_value(),
        text,
        kind: chosen_kind.get_untracked().map(|kind| kind.id().to_owned()),
        client: Some(client.get_untracked().id().to_owned()),
        task,
    };
    // Sends `task` about the current text; `done` gets the answer if the text is unchanged.
    let send = move |task: Task, done: fn(Answer, RwSignal<String>, RwSignal<Option<Answer>>)| {
        let sent = text.get_untracked();
        stopped.set(false);
        let reply = Box::new(move |outcome: Result<Answer, Stopped>| match outcome {
            Ok(received) if text.with_untracked(|now| *now == sent) => done(received, text, answer),
            Ok(_) => {}
            Err(Stopped) => stopped.set(true),
        });
        checker.with_value(|checker| checker.send(request(sent_text(text), task), reply));
    };
    // Every change of the text, its kind or the client is checked again.
    Effect::new(move |_| {
        let empty = text.with(String::is_empty);
        chosen_kind.track();
        client.track();
        answer.set(None);
        if !empty {
            send(Task::Check, |received, _, answer| {
                answer.set(Some(received))
            });
        }
    });
    let findings =
        move || answer.with(|a| a.as_ref().map(|a| a.findings.clone()).unwrap_or_default());
    let count = move |severity: Severity| {
        answer.with(|a| {
            a.as_ref().map_or(0, |a| {
                a.findings.iter().filter(|f| f.severity == severity).count()
            })
        })
    };
    // Waiting for the answer about the text as it is now.
    let pending = move || answer.with(Option::is_none) && text.with(|t| !t.is_empty());
    let fixable = move || {
        answer.with(|a| {
            a.as_ref()
                .is_some_and(|a| a.findings.iter().any(|f| !f.edits.is_empty()))
        })
    };
    let kind = move || answer.with(|a| a.as_ref().and_then(|a| Kind::from_id(&a.kind)));
    let fix_all = move |_| {
        send(Task::FixAll, |received, text, _| text.set(received.text));
    };
    let merge = move |_| {
        let values = values.get_untracked();
        let sent = text.get_untracked();
        let reply = Box::new(move |outcome: Result<Answer, Stopped>| match outcome {
            Ok(received) if text.with_untracked(|now| *now == sent) => {
                match (received.changes, received.refused) {
                    (Some(changes), _) => {
                        text.set(received.text);
                        merge_outcome.set(Some(Ok(changes)));
                    }
                    (None, refused) => merge_outcome.set(Some(Err(refused.unwrap_or_default()))),
                }
            }
            Ok(_) => {}
            Err(Stopped) => stopped.set(true),
        });
        checker.with_value(|checker| {
            checker.send(
                request(
                    sent_text(text),
                    Task::Merge {
                        target: Target::CodexConfig.id().to_owned(),
                        values,
                    },
                ),
                reply,
            )
        });
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
                {move || kind().map(|kind| tr(kind.label()))}
            </span>
        </label>
        <Show when=move || stopped.get()>
            <p class="doctor-stopped" role="alert">{move || tr(Msg::DoctorStopped)}</p>
        </Show>
        <Show when=move || text.with(|t| !t.is_empty()) && !stopped.get()>
            <p
                class="doctor-summary"
                role="status"
                id="doctor-summary"
                aria-busy=move || pending().to_string()
            >
                {move || {
                    if answer.with(Option::is_none) {
                        tr(Msg::DoctorChecking).to_owned()
                    } else if answer.with(|a| a.as_ref().is_some_and(|a| a.findings.is_empty())) {
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
        <ul
            class="findings"
            id="doctor-findings"
            aria-live="polite"
            aria-busy=move || pending().to_string()
        >
            <For
                each=findings
                key=|finding| (finding.code.clone(), finding.span.clone())
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
            <Show when=move || kind() == Some(Kind::CodexConfig) && text.with(|t| !t.is_empty())>
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
