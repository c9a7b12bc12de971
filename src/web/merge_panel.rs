//! "I already have this file": paste it, and get it back with the relay's settings merged in
//! by the doctor's worker, changed lines highlighted and changes listed; comments and other
//! settings stay.

use super::browser;
use super::doctor_handle::{DoctorHandle, Stopped};
use super::field::{FindingItem, placed};
use super::lang::{tr, translated};
use crate::clients::Values;
use crate::doctor::{Answer, Diagnostic, Request, Task};
use crate::i18n::Msg;
use crate::merge::{Change, MergeTarget};
use crate::platform::Format;
use leptos::prelude::*;
use std::collections::HashMap;

#[component]
pub fn MergePanel(target: MergeTarget, values: Signal<Values>) -> impl IntoView {
    let checker = expect_context::<StoredValue<DoctorHandle, LocalStorage>>();
    let existing = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Result<Answer, Stopped>>);
    let input_id = format!("merge-{}", target.id());
    let merge = move |_| {
        let request = Request {
            id: 0,
            text: existing.get_untracked(),
            kind: None,
            client: Some(target.file().0.id().to_owned()),
            task: Task::Merge {
                target: target.id().to_owned(),
                values: values.get_untracked(),
            },
        };
        let reply = Box::new(move |answer: Result<Answer, Stopped>| {
            outcome.try_set(Some(answer));
        });
        checker.with_value(|checker| checker.send(request, reply));
    };
    // A button and a hidden region rather than `<details>`: while a closed `<details>` is on
    // the page, Chromium takes seconds to clear a large paste from the doctor (300 KB: 6 s, a
    // bare page 0.3 s; `tests/e2e/page.test.mjs`), and a hidden region costs nothing.
    let open = RwSignal::new(false);
    let region_id = format!("{input_id}-panel");
    view! {
        <div class="merge-panel" data-target=target.id()>
            <button
                type="button"
                class="disclosure"
                aria-expanded=move || open.get().to_string()
                aria-controls=region_id.clone()
                on:click=move |_| open.update(|open| *open = !*open)
            >
                {translated(Msg::MergeToggle)}
            </button>
            <div id=region_id hidden=move || !open.get()>
                <p class="help">{translated(Msg::MergeHelp)}</p>
                <label for=input_id.clone()>{translated(Msg::MergeInputLabel)}</label>
                <textarea
                    id=input_id
                    rows="6"
                    spellcheck="false"
                    autocomplete="off"
                    autocapitalize="off"
                    prop:value=move || existing.get()
                    on:input=move |ev| {
                        outcome.set(None);
                        existing.set(event_target_value(&ev));
                    }
                ></textarea>
                <button type="button" class="merge" on:click=merge>
                    {translated(Msg::MergeButton)}
                </button>
                <MergeResult target=target existing=existing outcome=outcome />
            </div>
        </div>
    }
}

/// What the merge made of the file: the merged file with what changed (and what is still
/// wrong in it), or why it could not merge.
#[component]
fn MergeResult(
    target: MergeTarget,
    existing: RwSignal<String>,
    outcome: RwSignal<Option<Result<Answer, Stopped>>>,
) -> impl IntoView {
    move || {
        outcome.get().map(|outcome| match outcome {
            Ok(Answer {
                text: Some(text),
                changes: Some(changes),
                findings,
                ..
            }) => {
                let changed = changed_lines(&existing.get_untracked(), &text);
                // What the merge kept of the file (a broken provider table, a value it had no
                // replacement for) is said here, not left for the client to fail on.
                let merged = RwSignal::new(text.clone());
                let kept = (!findings.is_empty()).then(|| view! {
                    <div class="merge-result" role="status">
                        <p>{translated(Msg::MergeStillWrong)}</p>
                        <ul class="findings">
                            {placed(findings, &text)
                                .into_iter()
                                .map(|(finding, line_column)| view! { <FindingItem finding=finding value=merged line_column=line_column /> })
                                .collect_view()}
                        </ul>
                    </div>
                });
                view! {
                    <MergedFile target=target text=text changed=changed />
                    <MergeChanges changes=changes />
                    {kept}
                }
                .into_any()
            }
            Ok(Answer { refused, .. }) => {
                view! { <CannotMerge findings=refused.unwrap_or_default() text=existing /> }.into_any()
            }
            Err(Stopped) => view! { <p class="doctor-stopped" role="alert">{translated(Msg::DoctorStopped)}</p> }
                .into_any(),
        })
    }
}

/// Why the relay's settings could not be merged into `text`: the findings that keep it from
/// being merged into, each with its place.
#[component]
pub fn CannotMerge(
    findings: Vec<Diagnostic>,
    text: RwSignal<String>,
    /// Shows the rules' codes, as the doctor does.
    #[prop(optional)]
    with_code: bool,
) -> impl IntoView {
    view! {
        <div class="merge-result" role="alert">
            <p>{translated(Msg::DoctorCannotMerge)}</p>
            <ul class="findings">
                {text
                    .with_untracked(|text| placed(findings, text))
                    .into_iter()
                    .map(|(finding, line_column)| {
                        view! { <FindingItem finding=finding value=text line_column=line_column with_code=with_code /> }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}

/// What a merge changed, in the page's current language.
#[component]
pub fn MergeChanges(changes: Vec<Change>) -> impl IntoView {
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
            <p>{translated(heading)}</p>
            <ul>{items}</ul>
        </div>
    }
}

/// The merged file, its changed lines marked, with Copy and Download.
#[component]
fn MergedFile(target: MergeTarget, text: String, changed: Vec<bool>) -> impl IntoView {
    let file_name = target.file().1.name;
    let format = match file_name.rsplit('.').next() {
        Some("toml") => Format::Toml,
        Some("yaml") => Format::Yaml,
        _ => Format::Json,
    };
    let copy_text = text.clone();
    let download_text = text.clone();
    let lines = text
        .lines()
        .zip(changed)
        .map(|(line, changed)| {
            view! { <span class="line" class:changed=changed>{format!("{line}\n")}</span> }
        })
        .collect_view();
    view! {
        <article class="snippet merged" data-file=file_name>
            <header>
                <h4>{translated(Msg::MergeResultLabel)}</h4>
                <div class="actions">
                    <button
                        type="button"
                        class="copy"
                        on:click=move |_| {
                            let text = copy_text.clone();
                            leptos::task::spawn_local(async move {
                                browser::copy_text(&text).await.ok();
                            });
                        }
                    >
                        {translated(Msg::Copy)}
                    </button>
                    <button
                        type="button"
                        class="download"
                        on:click=move |_| browser::download(file_name, format.media_type(), &download_text)
                    >
                        {translated(Msg::Download)}
                    </button>
                </div>
            </header>
            <p class="help">{translated(Msg::MergeChangedLines)}</p>
            <pre tabindex="0"><code class="content">{lines}</code></pre>
        </article>
    }
}

/// For each line of `merged`, whether it is new: not among the lines of `existing` (each
/// line of `existing` vouches for one line of `merged`).
fn changed_lines(existing: &str, merged: &str) -> Vec<bool> {
    let mut unmatched: HashMap<&str, usize> = HashMap::new();
    for line in existing.lines() {
        *unmatched.entry(line).or_default() += 1;
    }
    merged
        .lines()
        .map(|line| match unmatched.get_mut(line) {
            Some(count) if *count > 0 => {
                *count -= 1;
                false
            }
            _ => true,
        })
        .collect()
}
