//! The doctor on the page: paste anything, see what is wrong where and why, underlined in
//! place, fix it in a click, or merge the relay's settings into an existing Codex config.
//! The checking happens in the doctor's worker (see `checker`); this only shows it.

use super::browser::css_pixels;
use super::checker::{Checker, Stopped};
use super::field::{FindingItem, placed};
use super::lang::{Language, tr, tr_text, translated, translated_texts};
use crate::check::{Kind, Severity};
use crate::clients::{Client, Values};
use crate::doctor::{Answer, Diagnostic, Request, Task};
use crate::editor::{
    FINDINGS_LISTED, PAUSE_BEFORE_READING, Underlay, Viewport, is_plain, line_numbers,
};
use crate::i18n::Msg;
use crate::merge::{Change, Target};
use leptos::prelude::*;

/// The text area's id, for labels, links and tests.
const INPUT: &str = "doctor-input";

#[component]
pub fn Doctor(
    client: RwSignal<Client>,
    values: Signal<Values>,
    /// Where the codes of what the doctor found go, for the troubleshooting guide.
    found: RwSignal<Vec<String>>,
) -> impl IntoView {
    let checker = expect_context::<StoredValue<Checker, LocalStorage>>();
    let Language(lang) = expect_context::<Language>();
    let text = RwSignal::new(String::new());
    let chosen_kind = RwSignal::new(None::<Kind>);
    // The doctor's answer about the text as it is now; `None` while it is being checked.
    let answer = RwSignal::new(None::<Answer>);
    // The checker stopped on the text shown (it was started anew for the next one).
    let stopped = RwSignal::new(false);
    // The last merge: what it changed, or the findings that kept it from merging.
    let merge_outcome = RwSignal::new(None::<Result<Vec<Change>, Vec<Diagnostic>>>);
    // Sends `task` about the current text; `done` gets the answer if the text is unchanged.
    let send = move |task: Task, done: Box<dyn FnOnce(Answer)>| {
        let sent = text.get_untracked();
        stopped.set(false);
        let request = Request {
            id: 0,
            text: sent.clone(),
            kind: chosen_kind.get_untracked().map(|kind| kind.id().to_owned()),
            client: Some(client.get_untracked().id().to_owned()),
            task,
        };
        let reply = Box::new(move |outcome: Result<Answer, Stopped>| match outcome {
            Ok(received) if text.with_untracked(|now| *now == sent) => done(received),
            Ok(_) => {}
            Err(Stopped) => {
                stopped.try_set(true);
            }
        });
        checker.with_value(|checker| checker.send(request, reply));
    };
    // Every change of the text, its kind or the client is checked again.
    Effect::new(move |_| {
        let empty = text.with(String::is_empty);
        chosen_kind.track();
        client.track();
        answer.set(None);
        if !empty {
            send(
                Task::Check,
                Box::new(move |received| answer.set(Some(received))),
            );
        }
    });
    Effect::new(move |_| {
        let codes = answer.with(|a| {
            a.as_ref()
                .map(|a| a.findings.iter().map(|f| f.code.clone()).collect())
                .unwrap_or_default()
        });
        found.set(codes);
        // The support report (web/support.rs): the kind, and each finding's code and place.
        if let Some(report) = use_context::<super::support::ReportSources>() {
            report.doctor.set(answer.with(|a| {
                a.as_ref().map(|a| {
                    let found = a.findings.iter().map(|f| (f.code.clone(), f.span.start));
                    (
                        a.kind.clone(),
                        crate::support_report::found_in_text(&a.text, found),
                    )
                })
            }));
        }
    });
    let findings = move || {
        let listed = answer.with(|a| {
            a.as_ref()
                .map(|a| {
                    a.findings
                        .iter()
                        .take(FINDINGS_LISTED)
                        .cloned()
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        });
        text.with_untracked(|text| placed(listed, text))
    };
    let not_listed = move || {
        answer.with(|a| {
            a.as_ref()
                .map_or(0, |a| a.findings.len().saturating_sub(FINDINGS_LISTED))
        })
    };
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
        send(
            Task::FixAll,
            Box::new(move |received| text.set(received.text)),
        );
    };
    let merge_target = move || kind().and_then(Target::for_pasted);
    let merge = move |_| {
        let Some(target) = untrack(merge_target) else {
            return;
        };
        let task = Task::Merge {
            target: target.id().to_owned(),
            values: values.get_untracked(),
        };
        send(
            task,
            Box::new(move |received| match (received.changes, received.refused) {
                (Some(changes), _) => {
                    text.set(received.text);
                    merge_outcome.set(Some(Ok(changes)));
                }
                (None, refused) => merge_outcome.set(Some(Err(refused.unwrap_or_default()))),
            }),
        );
    };
    let locate = Callback::new(move |span: std::ops::Range<usize>| {
        text.with_untracked(|t| super::browser::select_in_text_area(INPUT, t, span));
    });

    view! {
        <p class="help">{translated(Msg::DoctorHelp)}</p>
        <div class="field">
            <label for=INPUT>{translated(Msg::DoctorInputLabel)}</label>
            <Editor text=text answer=answer on_input=Callback::new(move |_| merge_outcome.set(None)) />
        </div>
        <label class="doctor-kind">
            <span>{translated(Msg::DoctorKindLabel)}</span>
            <select
                id="doctor-kind"
                on:change=move |ev| chosen_kind.set(Kind::from_id(&event_target_value(&ev)))
            >
                <option value="" selected=move || chosen_kind.get().is_none()>
                    {translated(Msg::DoctorKindAuto)}
                </option>
                {Kind::ALL
                    .map(|kind| {
                        view! {
                            <option value=kind.id() selected=move || chosen_kind.get() == Some(kind)>
                                {translated_texts(kind.label().into())}
                            </option>
                        }
                    })}
            </select>
            <span class="detected" id="doctor-detected">
                {move || kind().map(|kind| tr_text(kind.label()))}
            </span>
        </label>
        <Show when=move || text.with(String::is_empty)>
            <p class="help" id="doctor-accepts">{translated(Msg::DoctorAccepts)}</p>
        </Show>
        <Show when=move || stopped.get()>
            <p class="doctor-stopped" role="alert">{translated(Msg::DoctorStopped)}</p>
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
                        lang.get().doctor_summary(count(Severity::Error), count(Severity::Warning))
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
                key=|(finding, _)| (finding.code.clone(), finding.span.clone())
                children=move |(finding, line_column)| {
                    view! { <FindingItem finding=finding value=text line_column=line_column with_code=true on_locate=locate /> }
                }
            />
        </ul>
        <Show when=move || not_listed() != 0>
            <p class="help" id="doctor-not-listed">
                {move || lang.get().more_findings(not_listed())}
            </p>
        </Show>
        <div class="doctor-actions">
            <Show when=fixable>
                <button type="button" class="fix-all" on:click=fix_all>
                    {translated(Msg::DoctorFixAll)}
                </button>
            </Show>
            <Show when=move || merge_target().is_some() && text.with(|t| !t.is_empty())>
                <button type="button" class="merge" on:click=merge>
                    {translated(Msg::DoctorMerge)}
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
                                <p>{translated(Msg::DoctorCannotMerge)}</p>
                                <ul class="findings">
                                    {text
                                        .with_untracked(|text| placed(findings, text))
                                        .into_iter()
                                        .map(|(finding, line_column)| {
                                            view! { <FindingItem finding=finding value=text line_column=line_column with_code=true /> }
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

/// The text area, with line numbers beside it and each finding underlined in place behind
/// it. The underlay shows the text with keys masked; the text area's own text is transparent
/// over it, so that what one sees is masked while what one edits is the text. Both draw only
/// the lines in view (see [`crate::editor`]), moved to where the text area shows them. A
/// text too long for that is shown plain ([`crate::editor::PLAIN_ABOVE`]).
#[component]
fn Editor(
    text: RwSignal<String>,
    answer: RwSignal<Option<Answer>>,
    on_input: Callback<()>,
) -> impl IntoView {
    let viewport = RwSignal::new(Viewport::default());
    let plain = Memo::new(move |_| text.with(|text| is_plain(text.len())));
    let underlay = Memo::new(move |_| {
        if plain.get() {
            return Underlay::new("", None);
        }
        text.with(|text| answer.with(|answer| Underlay::new(text, answer.as_ref())))
    });
    let area_ref = NodeRef::<leptos::html::Textarea>::new();
    // `text` was just read from the text area, which holds it already: writing it back would
    // make the browser lay all of it out again.
    let read_from_area = StoredValue::new(false);
    // A text the page put there (a fix, a merge) is written into the text area.
    Effect::new(move |_| {
        text.with(|text| {
            let typed = read_from_area.get_value();
            read_from_area.set_value(false);
            if let Some(area) = area_ref.get().filter(|_| !typed) {
                area.set_value(text);
            }
        })
    });
    // The read of a long text waiting for typing to pause.
    let pending_read = StoredValue::new(None::<TimeoutHandle>);
    let read = move |ev: &leptos::ev::Event| {
        let area = event_target::<web_sys::HtmlTextAreaElement>(ev);
        if let Some(waiting) = pending_read.get_value() {
            waiting.clear();
        }
        // The length is known without copying the text out of the text area.
        if is_plain(area.text_length() as usize) {
            let later = set_timeout_with_handle(
                move || {
                    read_from_area.set_value(true);
                    text.set(area.value());
                },
                PAUSE_BEFORE_READING,
            );
            pending_read.set_value(later.ok());
        } else {
            pending_read.set_value(None);
            read_from_area.set_value(true);
            text.set(area.value());
        }
    };
    let lines = Memo::new(move |_| viewport.with(|v| v.lines(underlay.with(Underlay::line_count))));
    let measure = move |ev: &leptos::ev::Event| {
        let area = event_target::<web_sys::HtmlTextAreaElement>(ev);
        viewport.set(Viewport {
            top: f64::from(area.scroll_top()),
            left: f64::from(area.scroll_left()),
            height: f64::from(area.client_height()),
            line_height: super::browser::line_pitch(
                &area,
                underlay.with_untracked(Underlay::line_count),
            )
            .unwrap_or_default(),
        });
    };
    let offset = move || viewport.with(|v| lines.with(|lines| v.offset(lines)));
    // The drawn lines follow the text area's own line pitch, which differs from what the same
    // style gives a `pre` (the browser rounds each its own way): a few hundred lines would
    // otherwise drift apart by a pixel or more. Unmeasured, the style's own.
    let line_height = move || viewport.with(|v| v.measured_line_height().map(css_pixels));
    view! {
        <div class="editor" class:plain=plain>
            <div class="gutter" aria-hidden="true">
                <span
                    class="lines"
                    style:transform=move || format!("translateY({})", css_pixels(offset()))
                    style:line-height=line_height
                >
                    {move || line_numbers(lines.get())}
                </span>
            </div>
            <div class="surface">
                <pre class="underlay" aria-hidden="true">
                    <span
                        class="lines"
                        style:transform=move || {
                            format!(
                                "translate({}, {})",
                                css_pixels(-viewport.with(|v| v.left)),
                                css_pixels(offset())
                            )
                        }
                        style:line-height=line_height
                    >
                        {move || {
                            underlay
                                .with(|underlay| {
                                    underlay
                                        .parts(lines.get())
                                        .into_iter()
                                        .map(|(part, severity)| match severity {
                                            Some(severity) => view! { <mark class=severity.as_str()>{part.to_owned()}</mark> }.into_any(),
                                            None => part.to_owned().into_any(),
                                        })
                                        .collect_view()
                                })
                        }}
                        // A text ending in a line break needs one more line to match the text area.
                        " "
                    </span>
                </pre>
                <textarea
                    id=INPUT
                    rows="10"
                    wrap="off"
                    spellcheck="false"
                    autocomplete="off"
                    autocapitalize="off"
                    aria-describedby="doctor-findings"
                    node_ref=area_ref
                    on:input=move |ev| {
                        on_input.run(());
                        read(&ev);
                        if !plain.get_untracked() {
                            measure(&ev);
                        }
                    }
                    on:scroll=move |ev| measure(&ev)
                    // A text area made taller by hand shows more lines.
                    on:pointerup=move |ev| measure(&ev)
                ></textarea>
            </div>
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
