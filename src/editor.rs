//! What the doctor's editor shows beside and under the pasted text: the line numbers, and the
//! text with keys masked and findings underlined, for the lines in view only.
//!
//! The text area lays out all of a pasted text itself; drawing all of it a second and third
//! time (the underlay, the line numbers) made the page take 2.3 s to show the answer on a 1 MB
//! paste, during which nothing could be typed (1.0 s since: see the README's Performance). The
//! page draws [`Viewport::lines`] only, moved to where the text area shows them
//! ([`Viewport::offset`]).

use crate::check::{Masked, Severity};
use crate::doctor::Answer;
use std::ops::Range;

/// Above this length (in bytes, or in UTF-16 units as a text area counts) the editor is a
/// plain text area: no line numbers, no underlay, keys not masked, the findings listed below
/// it; and what is typed is read once typing pauses. Below it, every keystroke is read and
/// drawn at once. A 2 MB paste, drawn and read at every keystroke, made each one take most of
/// a second (issue 18; README, Performance).
pub const PLAIN_ABOVE: usize = 256 * 1024;

/// How long typing must pause before a text longer than [`PLAIN_ABOVE`] is read and checked.
pub const PAUSE_BEFORE_READING: std::time::Duration = std::time::Duration::from_millis(300);

/// The findings the page lists, at most; the counts cover them all. Thousands of findings
/// (every line of a long paste flagged) made thousands of list items at every answer.
pub const FINDINGS_LISTED: usize = 100;

/// Whether a text of `length` is shown plain (see [`PLAIN_ABOVE`]).
pub fn is_plain(length: usize) -> bool {
    length > PLAIN_ABOVE
}

/// Lines drawn beyond those in view, above and below: a fast scroll, or a text area made
/// taller by hand, shows text before the next measurement.
pub const MARGIN_LINES: usize = 100;

/// Lines drawn before the text area was measured (it shows 10 at first).
const UNMEASURED_LINES: usize = 2 * MARGIN_LINES;

/// Where the text area is scrolled to and how much of it shows, in CSS pixels, with the height
/// of one line; all zero until it is measured.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Viewport {
    pub top: f64,
    pub left: f64,
    pub height: f64,
    pub line_height: f64,
}

impl Viewport {
    /// The lines to draw (0-based, end excluded) of a text of `line_count` lines.
    pub fn lines(&self, line_count: usize) -> Range<usize> {
        let Some(line_height) = self.measured_line_height() else {
            return 0..line_count.min(UNMEASURED_LINES);
        };
        // `as` saturates: a negative or absurd measurement gives 0 or the last line.
        let first = (self.top / line_height).floor() as usize;
        let last = ((self.top + self.height) / line_height).ceil() as usize;
        let end = last.saturating_add(MARGIN_LINES).min(line_count);
        first.saturating_sub(MARGIN_LINES).min(end)..end
    }

    /// The height of a line, once the text area was measured (zero, or not a number, before).
    pub fn measured_line_height(&self) -> Option<f64> {
        (self.line_height > 0.0).then_some(self.line_height)
    }

    /// How far down lines `lines`, laid out from the top, must move to sit where the text area
    /// shows them.
    pub fn offset(&self, lines: &Range<usize>) -> f64 {
        lines.start as f64 * self.line_height - self.top
    }
}

/// The text as the editor shows it, cut where findings start and end.
#[derive(Debug, Clone, PartialEq)]
pub struct Underlay {
    /// The text with keys masked (when an answer about it says where they are).
    text: String,
    /// Where each line of `text` starts.
    line_starts: Vec<usize>,
    /// `text` in order, cut where findings start and end, each part with the severity of the
    /// worst finding over it.
    parts: Vec<(Range<usize>, Option<Severity>)>,
}

impl Underlay {
    /// `text` as shown: with `answer`'s keys masked and its findings marked, when it is about
    /// this very text (only then can its spans be placed on it), else as it is.
    pub fn new(text: &str, answer: Option<&Answer>) -> Underlay {
        let (shown, parts) = match answer.filter(|answer| answer.text.as_deref() == Some(text)) {
            Some(answer) => {
                let masked = Masked::new(text, &answer.secrets);
                let parts = parts(&masked, answer);
                (masked.text, parts)
            }
            None => (text.to_owned(), vec![(0..text.len(), None)]),
        };
        let line_starts = std::iter::once(0)
            .chain(shown.match_indices('\n').map(|(offset, _)| offset + 1))
            .collect();
        Underlay {
            text: shown,
            line_starts,
            parts,
        }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The text of lines `lines`, in parts, each with the severity of the worst finding over
    /// it.
    pub fn parts(&self, lines: Range<usize>) -> Vec<(&str, Option<Severity>)> {
        let start = self.line_start(lines.start);
        let end = self.line_start(lines.end).max(start);
        let first = self.parts.partition_point(|(part, _)| part.end <= start);
        self.parts[first..]
            .iter()
            .take_while(|(part, _)| part.start < end)
            .map(|(part, severity)| (part.start.max(start)..part.end.min(end), *severity))
            .filter(|(part, _)| !part.is_empty())
            .filter_map(|(part, severity)| Some((self.text.get(part)?, severity)))
            .collect()
    }

    /// Where line `line` starts, or the end of the text past its last line.
    fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len())
    }
}

/// The numbers of lines `lines` (0-based), one per line.
pub fn line_numbers(lines: Range<usize>) -> String {
    lines.map(|line| format!("{}\n", line + 1)).collect()
}

/// The masked text's cuts where `answer`'s findings start and end, each part with the severity
/// of the worst finding over it.
fn parts(masked: &Masked, answer: &Answer) -> Vec<(Range<usize>, Option<Severity>)> {
    // Each finding's place in the masked text. An empty span (a missing scheme) is shown on
    // the character after it.
    let marks: Vec<(Range<usize>, Severity)> = answer
        .findings
        .iter()
        .map(|finding| {
            let span = masked.span(&finding.span);
            let end = if span.is_empty() {
                next_boundary(&masked.text, span.end)
            } else {
                span.end
            };
            (span.start..end, finding.severity)
        })
        .collect();
    let mut cuts: Vec<usize> = marks
        .iter()
        .flat_map(|(span, _)| [span.start, span.end])
        .chain([0, masked.text.len()])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|pair| {
            let part = pair[0]..pair[1];
            let worst = marks
                .iter()
                .filter(|(span, _)| span.start <= part.start && part.end <= span.end)
                .map(|(_, severity)| *severity)
                .min();
            (part, worst)
        })
        .collect()
}

/// The end of the character at `offset`, or `offset` at the end of `text`.
fn next_boundary(text: &str, offset: usize) -> usize {
    text.get(offset..)
        .and_then(|rest| rest.chars().next())
        .map_or(offset, |c| offset + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doctor::Diagnostic;
    use crate::i18n::Texts;

    fn texts() -> Texts {
        Texts {
            en: String::new(),
            zh: String::new(),
        }
    }

    fn finding(span: Range<usize>, severity: Severity) -> Diagnostic {
        Diagnostic {
            code: "test/finding".into(),
            severity,
            message: texts(),
            why: texts(),
            fix: None,
            span,
            edits: Vec::new(),
        }
    }

    fn answer(text: &str, findings: Vec<Diagnostic>, secrets: Vec<Range<usize>>) -> Answer {
        Answer {
            id: 0,
            kind: "codex-config".into(),
            text: Some(text.into()),
            findings,
            secrets,
            changes: None,
            refused: None,
        }
    }

    fn numbered_lines(count: usize) -> String {
        (1..=count).map(|line| format!("line {line}\n")).collect()
    }

    const MEASURED: Viewport = Viewport {
        top: 0.0,
        left: 0.0,
        height: 200.0,
        line_height: 20.0,
    };

    #[test]
    fn before_measuring_the_first_lines_are_drawn() {
        assert_eq!(Viewport::default().lines(5), 0..5);
        assert_eq!(Viewport::default().lines(100_000), 0..UNMEASURED_LINES);
    }

    #[test]
    fn the_lines_in_view_are_drawn_with_a_margin_on_each_side() {
        assert_eq!(MEASURED.lines(100_000), 0..10 + MARGIN_LINES);
        let scrolled = Viewport {
            top: 1000.0 * 20.0,
            ..MEASURED
        };
        let lines = scrolled.lines(100_000);
        assert_eq!(lines, 1000 - MARGIN_LINES..1010 + MARGIN_LINES);
        // The first line drawn sits where the text area shows it: above the view by the margin.
        assert!((scrolled.offset(&lines) + MARGIN_LINES as f64 * 20.0).abs() < 1e-6);
    }

    #[test]
    fn scrolled_to_the_end_the_last_lines_are_drawn() {
        let bottom = Viewport {
            top: 990.0 * 20.0,
            ..MEASURED
        };
        assert_eq!(bottom.lines(1000), 990 - MARGIN_LINES..1000);
    }

    #[test]
    fn absurd_measurements_draw_nothing_wrong() {
        for viewport in [
            Viewport {
                top: -50.0,
                ..MEASURED
            },
            Viewport {
                top: f64::INFINITY,
                ..MEASURED
            },
            Viewport {
                line_height: f64::NAN,
                ..MEASURED
            },
            Viewport {
                height: f64::NAN,
                ..MEASURED
            },
        ] {
            let lines = viewport.lines(1000);
            assert!(
                lines.start <= lines.end && lines.end <= 1000,
                "{viewport:?}: {lines:?}"
            );
        }
    }

    #[test]
    fn the_drawn_lines_are_exactly_those_lines_of_the_text() {
        let text = numbered_lines(500);
        let underlay = Underlay::new(&text, None);
        assert_eq!(underlay.line_count(), 501);
        let shown: String = underlay
            .parts(200..203)
            .iter()
            .map(|(part, _)| *part)
            .collect();
        assert_eq!(shown, "line 201\nline 202\nline 203\n");
        let all: String = underlay
            .parts(0..501)
            .iter()
            .map(|(part, _)| *part)
            .collect();
        assert_eq!(all, text);
        assert!(underlay.parts(600..700).is_empty());
        assert_eq!(line_numbers(200..203), "201\n202\n203\n");
    }

    #[test]
    fn a_finding_is_marked_and_cut_where_the_drawn_lines_end() {
        let text = numbered_lines(10);
        // From the middle of line 3 to the middle of line 5.
        let start = text.find("line 3").unwrap() + 5;
        let end = text.find("line 5").unwrap() + 4;
        let answer = answer(&text, vec![finding(start..end, Severity::Error)], vec![]);
        let underlay = Underlay::new(&text, Some(&answer));
        assert_eq!(
            underlay.parts(3..6),
            [
                ("line 4\nline", Some(Severity::Error)),
                (" 5\nline 6\n", None)
            ]
        );
        assert_eq!(
            underlay.parts(0..3),
            [
                ("line 1\nline 2\nline ", None),
                ("3\n", Some(Severity::Error))
            ]
        );
    }

    #[test]
    fn the_worst_finding_decides_and_an_empty_span_marks_the_next_character() {
        let text = "base_url = \"api.example.com\"\n";
        let host = text.find("api").unwrap();
        let answer = answer(
            text,
            vec![
                finding(host..host, Severity::Error),
                finding(host..host + 15, Severity::Warning),
            ],
            vec![],
        );
        let underlay = Underlay::new(text, Some(&answer));
        assert_eq!(
            underlay.parts(0..2),
            [
                ("base_url = \"", None),
                ("a", Some(Severity::Error)),
                ("pi.example.com", Some(Severity::Warning)),
                ("\"\n", None)
            ]
        );
    }

    #[test]
    fn keys_are_masked_only_by_an_answer_about_this_text() {
        let text = "OPENAI_API_KEY=sk-secret-123456789\n";
        let key = text.find("sk-").unwrap()..text.len() - 1;
        let about_it = answer(text, vec![], vec![key.clone()]);
        let shown: String = Underlay::new(text, Some(&about_it))
            .parts(0..2)
            .iter()
            .map(|(part, _)| *part)
            .collect();
        assert!(!shown.contains("secret"), "{shown}");
        assert!(shown.ends_with("6789\n"), "{shown}");
        // An answer about an older text places nothing: the text shows as it is.
        let older = answer("OPENAI_API_KEY=sk-old\n", vec![], vec![key]);
        assert_eq!(
            Underlay::new(text, Some(&older)).parts(0..2),
            [(text, None)]
        );
    }
}
