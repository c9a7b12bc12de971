//! What a check produces: a [`Finding`] (a rule at a span) with the [`Edit`]s that fix it,
//! [`apply_edits`] that makes them, and [`Checked`], one checker's findings with where the
//! text's secrets sit. Checkers build these and the pipeline sorts and bounds them, so this
//! file depends on neither.

use super::Rule;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A text edit: replace the bytes in `span` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    pub span: Range<usize>,
    pub replacement: String,
}

impl Edit {
    /// The smallest edit that turns `old` into `new`: what lies between their common start
    /// and their common end, on character boundaries.
    pub fn between(old: &str, new: &str) -> Edit {
        let prefix: usize = old
            .chars()
            .zip(new.chars())
            .take_while(|(a, b)| a == b)
            .map(|(c, _)| c.len_utf8())
            .sum();
        let longest_suffix = old.len().min(new.len()) - prefix;
        let suffix: usize = old
            .chars()
            .rev()
            .zip(new.chars().rev())
            .take_while(|(a, b)| a == b)
            .map(|(c, _)| c.len_utf8())
            .scan(0, |total, length| {
                *total += length;
                Some(*total)
            })
            .take_while(|total| *total <= longest_suffix)
            .last()
            .unwrap_or(0);
        Edit {
            span: prefix..old.len() - suffix,
            replacement: new[prefix..new.len() - suffix].to_owned(),
        }
    }
}

/// One mistake found in one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static Rule,
    /// Byte range in the checked text.
    pub span: Range<usize>,
    /// Edits that remove the mistake; empty when the rule cannot fix it by itself.
    pub edits: Vec<Edit>,
}

impl Finding {
    pub(crate) fn new(rule: &'static Rule, span: Range<usize>) -> Self {
        Finding {
            rule,
            span,
            edits: Vec::new(),
        }
    }

    pub(crate) fn with_edit(mut self, span: Range<usize>, replacement: &str) -> Self {
        self.edits.push(Edit {
            span,
            replacement: replacement.to_owned(),
        });
        self
    }

    /// `text` with this finding's fix applied, or `None` if it has no fix or the edits do not
    /// fit `text` (it changed since it was checked).
    pub fn apply_fix(&self, text: &str) -> Option<String> {
        apply_edits(text, &self.edits)
    }
}

/// `text` with `edits` made, last first so that each span still points where it did; `None`
/// when there is nothing to do or an edit does not fit `text` (it changed since it was
/// checked).
pub fn apply_edits(text: &str, edits: &[Edit]) -> Option<String> {
    if edits.is_empty() {
        return None;
    }
    let mut edits: Vec<&Edit> = edits.iter().collect();
    edits.sort_by_key(|edit| std::cmp::Reverse(edit.span.start));
    let mut fixed = text.to_owned();
    for edit in edits {
        if edit.span.end > fixed.len()
            || edit.span.start > edit.span.end
            || !fixed.is_char_boundary(edit.span.start)
            || !fixed.is_char_boundary(edit.span.end)
        {
            return None;
        }
        fixed.replace_range(edit.span.clone(), &edit.replacement);
    }
    Some(fixed)
}

/// What one checker found in one text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checked {
    pub findings: Vec<Finding>,
    /// Byte ranges that hold a key: mask them wherever the text is shown.
    pub secrets: Vec<Range<usize>>,
}

impl From<Vec<Finding>> for Checked {
    fn from(findings: Vec<Finding>) -> Self {
        Checked {
            findings,
            secrets: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Severity, fix};
    use crate::i18n::Text;

    static RULE: Rule = Rule {
        code: "test/rule",
        severity: Severity::Error,
        #[cfg(not(target_arch = "wasm32"))]
        evidence: crate::check::Evidence::Heuristic("a test"),
        message: Text { en: "a", zh: "甲" },
        why: Text { en: "b", zh: "乙" },
        fix_label: Some(fix::REMOVE),
    };

    #[test]
    fn fixes_apply_from_the_end_so_spans_stay_valid() {
        let finding = Finding::new(&RULE, 0..1)
            .with_edit(0..1, "")
            .with_edit(4..5, "");
        assert_eq!(finding.apply_fix(" abc ").as_deref(), Some("abc"));
    }

    #[test]
    fn a_fix_that_no_longer_fits_is_refused() {
        let finding = Finding::new(&RULE, 3..4).with_edit(3..4, "");
        assert_eq!(finding.apply_fix("ab"), None);
        let finding = Finding::new(&RULE, 1..2).with_edit(1..2, "");
        assert_eq!(finding.apply_fix("é"), None, "splitting a character");
    }

    #[test]
    fn the_edit_between_two_texts_is_the_smallest_one() {
        let cases = [
            ("abc", "abc", 3..3, ""),
            ("a = 1\n", "a = 1\nb = 2\n", 6..6, "b = 2\n"),
            ("{ x }", "{ x , y }", 4..4, ", y "),
            ("aaa", "aa", 2..3, ""),
            ("é1é", "é2é", 2..3, "2"),
        ];
        for (old, new, span, replacement) in cases {
            let edit = Edit::between(old, new);
            assert_eq!(
                (edit.span.clone(), edit.replacement.as_str()),
                (span, replacement)
            );
            let mut applied = old.to_owned();
            applied.replace_range(edit.span, &edit.replacement);
            assert_eq!(applied, new);
        }
    }
}
