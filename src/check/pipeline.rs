//! The doctor's pipeline, from a pasted text to a [`Report`]: [`check`] runs the checker of the
//! text's [`Kind`] (detected when not given) within the input's and the findings' bounds, sorts
//! and dedups the findings and adds the key-like tokens to the secrets; [`fix_all`] checks and
//! fixes until no fix is left; [`rules`] lists every rule of `src/check/` (build.rs generates
//! the list). It runs every checker, through the registry ([`Kind::checker`], of the one
//! [`Checker`] shape), so it sits above them all.

use super::{
    Checked, Context, Edit, Finding, Kind, LineIndex, Rule, Severity, apply_edits, detect,
    keylike_tokens,
};
use crate::i18n::Text;
use std::ops::Range;

/// The largest input checked. Bigger inputs get one `input/too-large` finding: nothing a
/// client reads is that big, and the page must stay responsive.
pub const MAX_INPUT_BYTES: usize = 1 << 20;

/// The most findings one check reports, first ones first: more would not help anyone, and
/// each is an element on the page.
pub const MAX_FINDINGS: usize = 1000;

/// The one shape of every checker: a text and what is known about it, in; findings and the
/// secrets' places, out.
pub type Checker = fn(&str, &Context) -> Checked;

impl Kind {
    /// The checker that reads this kind of input.
    pub fn checker(self) -> Checker {
        self.check_spec().check
    }
}

/// The outcome of checking one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub kind: Kind,
    /// Sorted by position.
    pub findings: Vec<Finding>,
    /// Byte ranges that hold a key: mask them wherever the text is shown.
    pub secrets: Vec<Range<usize>>,
}

impl Report {
    pub fn has_errors(&self) -> bool {
        self.findings
            .iter()
            .any(|finding| finding.rule.severity == Severity::Error)
    }

    /// How many findings have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|finding| finding.rule.severity == severity)
            .count()
    }
}

declare_rules! {
    /// More than [`MAX_INPUT_BYTES`]: not checked at all.
    TOO_LARGE {
        code: "input/too-large",
        severity: Warning,
        evidence: Heuristic("onramp checks at most 1 MiB; no client's settings are that large"),
        message: Text {
            en: "This is too large to check (over 1 MiB).",
            zh: "内容太大，无法检查（超过 1 MiB）。",
        },
        why: Text {
            en: "No client's settings are that large: paste only the file or the lines in question.",
            zh: "客户端的配置不会这么大：请只粘贴相关的文件或那几行。",
        },
        fix: None,
    }
}

/// Checks `text` as `kind`, or as the kind [`detect::detect`] recognises.
pub fn check(text: &str, kind: Option<Kind>, context: &Context) -> Report {
    let kind = kind.unwrap_or_else(|| detect::detect(text, context.profile));
    if text.len() > MAX_INPUT_BYTES {
        return Report {
            kind,
            findings: vec![Finding::new(&TOO_LARGE, 0..0)],
            secrets: Vec::new(),
        };
    }
    // A value saved in a file ends with a line break that is not part of the value.
    let text = if kind.is_one_value() {
        text.strip_suffix('\n')
            .map_or(text, |t| t.strip_suffix('\r').unwrap_or(t))
    } else {
        text
    };
    let Checked {
        mut findings,
        mut secrets,
    } = kind.checker()(text, context);
    // A file that does not parse gives its checker no idea where its key is: whatever looks
    // like a key is masked as well, so that no way of showing the text can leak one.
    secrets.extend(keylike_tokens(text));
    findings.sort_by_key(|finding| (finding.span.start, finding.span.end));
    findings.dedup_by(|a, b| a.rule.code == b.rule.code && a.span == b.span);
    findings.truncate(MAX_FINDINGS);
    Report {
        kind,
        findings,
        secrets,
    }
}

/// Every rule of the doctor, from the lists of the modules that own them.
pub fn rules() -> impl Iterator<Item = &'static Rule> {
    super::RULE_LISTS.into_iter().flatten().copied()
}

/// What [`fix_all`] made of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixAll {
    /// The text with every fix made.
    pub text: String,
    /// How many times the text was checked: the last check is the one that found no fix left
    /// to make (or the bound was hit).
    pub passes: usize,
}

/// The most checks [`fix_all`] makes, so that two fixes can never undo each other forever.
const MAX_FIX_PASSES: usize = 64;

/// `text` with the fixes of its findings applied, as ruff applies its fixes: each pass checks
/// the text once and makes every fix that edits no line a fix taken before it in that pass
/// edits, first findings first; the others are found again, on the fixed text, by the next
/// pass. Passes repeat until no finding has a fix left (or [`MAX_FIX_PASSES`] is hit).
///
/// Fixes on one line wait for each other, not only fixes whose edits overlap: the checks read
/// a line (an assignment, a setting) as a whole, so one fix there can change what another
/// should be. A value on its own is read whole however many lines it has, so its fixes are
/// made one per pass: removing both quotes after a URL in one pass, say, differs from
/// removing one and checking again, which finds the other paired with the quote before it.
pub fn fix_all(text: &str, kind: Kind, context: &Context) -> FixAll {
    let mut fixed = text.to_owned();
    let mut passes = 0;
    while passes < MAX_FIX_PASSES {
        let report = check(&fixed, Some(kind), context);
        passes += 1;
        match apply_fixes_on_other_lines(&fixed, &report.findings, kind.is_one_value()) {
            Some(next) if next != fixed => fixed = next,
            _ => break,
        }
    }
    FixAll {
        text: fixed,
        passes,
    }
}

/// `text` with the fixes made of every finding in `findings` whose edits fit `text` and edit
/// no line that the edits of a finding taken before it edit (when `one_value`, the text
/// counts as one line); `None` when no finding has a fix that fits.
fn apply_fixes_on_other_lines(text: &str, findings: &[Finding], one_value: bool) -> Option<String> {
    // The index of a text without line breaks puts every offset on its one line.
    let lines = LineIndex::new(if one_value { "" } else { text });
    let mut claimed = ClaimedLines::default();
    let mut edits = Vec::new();
    for finding in findings {
        let edited: Vec<Range<usize>> = finding
            .edits
            .iter()
            .map(|edit| lines.lines_of(&edit.span))
            .collect();
        let free = !finding.edits.is_empty()
            && edits_fit(text, &finding.edits)
            && !edited.iter().any(|lines| claimed.meets(lines));
        if free {
            for lines in &edited {
                claimed.claim(lines);
            }
            edits.extend(finding.edits.iter().cloned());
        }
    }
    apply_edits(text, &edits)
}

/// Whether [`apply_edits`] would make `edits` on `text`, checked without copying `text`
/// where the edits lie apart from each other (all but none do).
fn edits_fit(text: &str, edits: &[Edit]) -> bool {
    let fits = |span: &Range<usize>| {
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    };
    let mut spans: Vec<&Range<usize>> = edits.iter().map(|edit| &edit.span).collect();
    spans.sort_by_key(|span| span.start);
    let apart = spans
        .windows(2)
        .all(|pair| pair[0].end <= pair[1].start && pair[0].start < pair[1].start);
    if apart {
        spans.into_iter().all(fits)
    } else {
        apply_edits(text, edits).is_some()
    }
}

/// The lines (0-based numbers, each range of them non-empty) that the edits taken so far in
/// one pass edit, sorted and apart from each other.
#[derive(Default)]
struct ClaimedLines {
    ranges: Vec<Range<usize>>,
}

impl ClaimedLines {
    /// Whether a claimed range shares a line with `lines`. Of the claimed ranges that start
    /// before `lines` ends, the last one ends furthest, since they are apart and sorted.
    fn meets(&self, lines: &Range<usize>) -> bool {
        let before_end = self.ranges.partition_point(|range| range.start < lines.end);
        before_end > 0 && self.ranges[before_end - 1].end > lines.start
    }

    fn claim(&mut self, lines: &Range<usize>) {
        let first = self
            .ranges
            .partition_point(|range| range.end <= lines.start);
        let last = self.ranges.partition_point(|range| range.start < lines.end);
        let merged = self.ranges[first..last]
            .iter()
            .fold(lines.clone(), |hull, range| {
                hull.start.min(range.start)..hull.end.max(range.end)
            });
        self.ranges.splice(first..last, [merged]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing;

    #[test]
    fn the_fixes_of_one_value_wait_for_each_other_whatever_its_lines() {
        let context = testing::context();
        // Once the quote after the host is removed, the next one pairs with the quote in the
        // host and stays: removing both in one pass would lose that.
        let quoted = fix_all("https://a\"b.com\".\".", Kind::Url, &context);
        assert_eq!(quoted.text, "https://a\"b.com\".");
        assert_eq!(quoted.passes, 3);
        // Once the first line break is removed, the full stop before the second one is inside
        // the URL: removing the last full stop in the same pass would lose the one after `b`.
        let broken = fix_all("https://a.com.\nb.\n.", Kind::Url, &context);
        assert_eq!(broken.text, "https://a.com.b.");
        assert_eq!(broken.passes, 4);
    }

    #[test]
    fn fixes_on_one_line_of_a_file_wait_for_each_other() {
        let text = "export OPENAI_BASE_URL = \"http://api.4096bytes.com\"\nOPENAI_API_KEY=x\n";
        let fixed = fix_all(text, Kind::EnvBash, &testing::context());
        assert_eq!(
            fixed.text,
            "export OPENAI_BASE_URL='https://api.4096bytes.com'\nexport OPENAI_API_KEY=x\n"
        );
        // The first line's two fixes, one per pass (the second line's with the first), then
        // the check that finds nothing left to fix.
        assert_eq!(fixed.passes, 3);
    }
}
