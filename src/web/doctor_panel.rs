//! The doctor on the page: paste anything, see what is wrong where and why, underlined in
//! place, fix it in a click, or merge the relay's settings into an existing Codex config.
//! The checking happens in the doctor's worker (see `doctor_handle`); this only shows it.

use super::browser::css_pixels;
use super::doctor_handle::{DoctorHandle, Stopped};
use super::field::{FindingItem, placed};
use super::lang::{Language, tr, tr_text, translated, translated_texts};
use super::merge_panel::{CannotMerge, MergeChanges};
use crate::check::{Kind, Severity};
use crate::clients::{Client, Values};
use crate::doctor::{Answer, Diagnostic, Request, Task};
use crate::editor::{
    FINDINGS_LISTED, PAUSE_BEFORE_READING, Underlay, Viewport, is_plain, line_numbers,
};
use crate::i18n::Msg;
use crate::merge::{Change, MergeTarget};
use leptos::prelude::*;

/// The text area's id, for labels, links and tests.
const INPUT: &str = "doctor-input";

/// What the doctor works on: the pasted text, what it was asked about it and what it said.
#[derive(Clone, Copy)]
struct Pasted {
    text: RwSignal<String>,
    /// The kind picked for the text; `None` to recognise it.
    chosen_kind: RwSignal<Option<Kind>>,
    client: RwSignal<Client>,
    /// The doctor's answer about the text as it is now; `None` while it is being checked.
    answer: RwSignal<Option<Answer>>,
    /// The doctor stopped on the text shown (it was started anew for the next one).
    stopped: RwSignal<bool>,
    /// The last merge: what it changed, or the findings that kept it from merging.
    merge_outcome: RwSignal<Option<Result<Vec<Change>, Vec<Diagnostic>>>>,
    doctor: StoredValue<DoctorHandle, LocalStorage>,
}

impl Pasted {
    /// Sends `task` about the current text; `done` gets the answer if the text is unchanged.
    fn send(self, task: Task, done: Box<dyn FnOnce(Answer)>) {
        let sent = self.text.get_untracked();
        self.stopped.set(false);
        let request = Request {
            id: 0,
            text: sent.clone(),
            kind: self
                .chosen_kind
                .get_untracked()
                .map(|kind| kind.id().to_owned()),
            client: Some(self.client.get_untracked().id().to_owned()),
            task,
        };
        let (text, stopped) = (self.text, self.stopped);
        let reply = Box::new(move |outcome: Result<Answer, Stopped>| match outcome {
            Ok(received) if text.with_untracked(|now| *now == sent) => done(received),
            Ok(_) => {}
            Err(Stopped) => {
                stopped.try_set(true);
            }
        });
        self.doctor.with_value(|doctor| doctor.send(request, reply));
    }

    /// Reads the current answer, if there is one.
    fn answered<T>(self, read: impl FnOnce(&Answer) -> T) -> Option<T> {
        self.answer.with(|answer| answer.as_ref().map(read))
    }

    fn count(self, severity: Severity) -> usize {
        self.answered(|a| a.findings.iter().filter(|f| f.severity == severity).count())
            .unwrap_or_default()
    }

    /// Waiting for the answer about the text as it is now.
    fn pending(self) -> bool {
        self.answer.with(Option::is_none) && self.text.with(|t| !t.is_empty())
    }

    /// The kind the text was checked as.
    fn kind(self) -> Option<Kind> {
        self.answered(|a| Kind::from_id(&a.kind)).flatten()
    }

    /// The file the relay's settings can be merged into, if the text is one.
    fn merge_target(self) -> Option<MergeTarget> {
        self.kind().and_then(MergeTarget::for_pasted)
    }

    /// Replaces the text with what a fix or a merge made of it.
    fn replace(self, made: Option<String>) {
        if let Some(made) = made {
            self.text.set(made);
        }
    }
}

#[component]
pub fn DoctorPanel(
    client: RwSignal<Client>,
    values: Signal<Values>,
    /// Where the codes of what the doctor found go, for the troubleshooting guide.
    found: RwSignal<Vec<String>>,
) -> impl IntoView {
    let pasted = Pasted {
        text: RwSignal::new(String::new()),
        chosen_kind: RwSignal::new(None),
        client,
        answer: RwSignal::new(None),
        stopped: RwSignal::new(false),
        merge_outcome: RwSignal::new(None),
        doctor: expect_context(),
    };
    let Pasted { text, answer, .. } = pasted;
    // Every change of the text, its kind or the client is checked again.
    Effect::new(move |_| {
        let empty = text.with(String::is_empty);
        pasted.chosen_kind.track();
        client.track();
        answer.set(None);
        if !empty {
            pasted.send(
                Task::Check,
                Box::new(move |received| answer.set(Some(received))),
            );
        }
    });
    Effect::new(move |_| {
        found.set(
            pasted
                .answered(|a| a.findings.iter().map(|f| f.code.clone()).collect())
                .unwrap_or_default(),
        );
        // The support report (web/support.rs): the kind, and each finding's code and place.
        if let Some(report) = use_context::<super::support::ReportSources>() {
            report.doctor.set(pasted.answered(|a| {
                let found = a.findings.iter().map(|f| (f.code.clone(), f.span.start));
                let text = a.text.as_deref().unwrap_or_default();
                (
                    a.kind.clone(),
                    crate::support_report::found_in_text(text, found),
                )
            }));
        }
    });

    view! {
        <p class="help">{translated(Msg::DoctorHelp)}</p>
        <div class="field">
            <label for=INPUT>{translated(Msg::DoctorInputLabel)}</label>
            <Editor text=text answer=answer on_input=Callback::new(move |_| pasted.merge_outcome.set(None)) />
        </div>
        <KindPicker pasted=pasted />
        <Show when=move || text.with(String::is_empty)>
            <p class="help" id="doctor-accepts">{translated(Msg::DoctorAccepts)}</p>
        </Show>
        <Show when=move || pasted.stopped.get()>
            <p class="doctor-stopped" role="alert">{translated(Msg::DoctorStopped)}</p>
        </Show>
        <Summary pasted=pasted />
        <Findings pasted=pasted />
        <Actions pasted=pasted values=values />
        <MergeOutcome pasted=pasted />
    }
}

/// The kind to check the text as (recognised unless one is picked), and the kind it was
/// checked as.
#[component]
fn KindPicker(pasted: Pasted) -> impl IntoView {
    let chosen_kind = pasted.chosen_kind;
    view! {
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
                {move || pasted.kind().map(|kind| tr_text(kind.label()))}
            </span>
        </label>
    }
}

/// How many errors and warnings were found, or that the text is being checked.
#[component]
fn Summary(pasted: Pasted) -> impl IntoView {
    let Language(lang) = expect_context::<Language>();
    let shown = move || pasted.text.with(|t| !t.is_empty()) && !pasted.stopped.get();
    view! {
        <Show when=shown>
            <p
                class="doctor-summary"
                role="status"
                id="doctor-summary"
                aria-busy=move || pasted.pending().to_string()
            >
                {move || match pasted.answered(|a| a.findings.is_empty()) {
                    None => tr(Msg::DoctorChecking).to_owned(),
                    Some(true) => tr(Msg::DoctorClean).to_owned(),
                    Some(false) => lang
                        .get()
                        .doctor_summary(pasted.count(Severity::Error), pasted.count(Severity::Warning)),
                }}
            </p>
        </Show>
    }
}

/// The first [`FINDINGS_LISTED`] findings, each with its place, and how many more there are.
#[component]
fn Findings(pasted: Pasted) -> impl IntoView {
    let Language(lang) = expect_context::<Language>();
    let text = pasted.text;
    let listed = move || {
        let listed =
            pasted.answered(|a| a.findings.iter().take(FINDINGS_LISTED).cloned().collect());
        text.with_untracked(|text| placed(listed.unwrap_or_default(), text))
    };
    let not_listed = move || {
        pasted
            .answered(|a| a.findings.len().saturating_sub(FINDINGS_LISTED))
            .unwrap_or_default()
    };
    let locate = Callback::new(move |span: std::ops::Range<usize>| {
        text.with_untracked(|t| super::browser::select_in_text_area(INPUT, t, span));
    });
    view! {
        <ul
            class="findings"
            id="doctor-findings"
            aria-live="polite"
            aria-busy=move || pasted.pending().to_string()
        >
            <For
                each=listed
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
    }
}

/// Fix everything that has a fix; merge the relay's settings into the file pasted.
#[component]
fn Actions(pasted: Pasted, values: Signal<Values>) -> impl IntoView {
    let fixable =
        move || pasted.answered(|a| a.findings.iter().any(|f| !f.edits.is_empty())) == Some(true);
    let fix_all = move |_| {
        pasted.send(
            Task::FixAll,
            Box::new(move |received| pasted.replace(received.text)),
        );
    };
    let merge = move |_| {
        let Some(target) = untrack(move || pasted.merge_target()) else {
            return;
        };
        let task = Task::Merge {
            target: target.id().to_owned(),
            values: values.get_untracked(),
        };
        let done = move |received: Answer| match (received.changes, received.refused) {
            (Some(changes), _) => {
                pasted.replace(received.text);
                pasted.merge_outcome.set(Some(Ok(changes)));
            }
            (None, refused) => pasted
                .merge_outcome
                .set(Some(Err(refused.unwrap_or_default()))),
        };
        pasted.send(task, Box::new(done));
    };
    let mergeable = move || pasted.merge_target().is_some() && pasted.text.with(|t| !t.is_empty());
    view! {
        <div class="doctor-actions">
            <Show when=fixable>
                <button type="button" class="fix-all" on:click=fix_all>
                    {translated(Msg::DoctorFixAll)}
                </button>
            </Show>
            <Show when=mergeable>
                <button type="button" class="merge" on:click=merge>
                    {translated(Msg::DoctorMerge)}
                </button>
            </Show>
        </div>
    }
}

/// What the last merge changed, or why it could not merge.
#[component]
fn MergeOutcome(pasted: Pasted) -> impl IntoView {
    let text = pasted.text;
    move || {
        pasted.merge_outcome.get().map(|outcome| match outcome {
            Ok(changes) => view! { <MergeChanges changes=changes /> }.into_any(),
            Err(findings) => {
                view! { <CannotMerge findings=findings text=text with_code=true /> }.into_any()
            }
        })
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
    view! {
        <div class="editor" class:plain=plain>
            <Gutter lines=lines viewport=viewport />
            <div class="surface">
                <UnderlayText underlay=underlay lines=lines viewport=viewport />
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

/// Where the drawn lines go, to sit under the text area's: `lines`, moved to where it shows
/// them, at its own line pitch, which differs from what the same style gives a `pre` (the
/// browser rounds each its own way): a few hundred lines would otherwise drift apart by a
/// pixel or more. Unmeasured, the style's own.
fn placement(
    viewport: RwSignal<Viewport>,
    lines: Memo<std::ops::Range<usize>>,
) -> (impl Fn() -> f64 + Copy, impl Fn() -> Option<String> + Copy) {
    let offset = move || viewport.with(|v| lines.with(|lines| v.offset(lines)));
    let line_height = move || viewport.with(|v| v.measured_line_height().map(css_pixels));
    (offset, line_height)
}

/// The numbers of the lines in view.
#[component]
fn Gutter(lines: Memo<std::ops::Range<usize>>, viewport: RwSignal<Viewport>) -> impl IntoView {
    let (offset, line_height) = placement(viewport, lines);
    view! {
    <div class="gutter" aria-hidden="true">
        <span
            class="lines"
            style:transform=move || format!("translateY({})", css_pixels(offset()))
            style:line-height=line_height
        >
            {move || line_numbers(lines.get())}
        </span>
    </div>
    }
}

/// The lines in view as shown: keys masked, findings marked.
#[component]
fn UnderlayText(
    underlay: Memo<Underlay>,
    lines: Memo<std::ops::Range<usize>>,
    viewport: RwSignal<Viewport>,
) -> impl IntoView {
    let (offset, line_height) = placement(viewport, lines);
    view! {
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
    }
}
