//! The validator: small rules, each with a stable code, a message, a span and an optional fix.
//!
//! A [`Rule`] describes one mistake (its code, severity and texts); a checker for one kind of
//! input returns [`Finding`]s that point at the offending bytes. Findings never carry the text
//! they point at, so a finding about a key cannot leak the key: the page shows a position.

mod chars;
pub mod key;
pub mod model;
pub mod url;

use crate::i18n::Msg;
use std::ops::Range;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn label(self) -> Msg {
        match self {
            Severity::Error => Msg::SeverityError,
            Severity::Warning => Msg::SeverityWarning,
            Severity::Info => Msg::SeverityInfo,
        }
    }

    /// The stable lower-case name used in JSON output and CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One kind of mistake.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable identifier, `<input>/<mistake>`, e.g. `key/whitespace`.
    pub code: &'static str,
    pub severity: Severity,
    /// One line: what is wrong.
    pub message: Msg,
    /// Why it matters, in terms of the symptom users see.
    pub why: Msg,
    /// The label of the fix button, for rules that can fix what they find.
    pub fix_label: Option<Msg>,
}

/// A text edit: replace the bytes in `span` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Range<usize>,
    pub replacement: String,
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
    fn new(rule: &'static Rule, span: Range<usize>) -> Self {
        Finding {
            rule,
            span,
            edits: Vec::new(),
        }
    }

    fn with_edit(mut self, span: Range<usize>, replacement: &str) -> Self {
        self.edits.push(Edit {
            span,
            replacement: replacement.to_owned(),
        });
        self
    }

    /// `text` with this finding's fix applied, or `None` if it has no fix or the edits do not
    /// fit `text` (it changed since it was checked).
    pub fn apply_fix(&self, text: &str) -> Option<String> {
        if self.edits.is_empty() {
            return None;
        }
        let mut edits: Vec<&Edit> = self.edits.iter().collect();
        edits.sort_by_key(|edit| std::cmp::Reverse(edit.span.start));
        let mut fixed = text.to_owned();
        for edit in edits {
            if edit.span.end > fixed.len()
                || !fixed.is_char_boundary(edit.span.start)
                || !fixed.is_char_boundary(edit.span.end)
            {
                return None;
            }
            fixed.replace_range(edit.span.clone(), &edit.replacement);
        }
        Some(fixed)
    }
}

/// The 1-based character position of byte `offset` in `text`, for showing where in a
/// one-line field a finding is without showing the field's content.
pub fn char_position(text: &str, offset: usize) -> usize {
    text.char_indices()
        .take_while(|(index, _)| *index < offset)
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    static RULE: Rule = Rule {
        code: "test/rule",
        severity: Severity::Error,
        message: Msg::WhitespaceInValue,
        why: Msg::WhitespaceWhy,
        fix_label: Some(Msg::FixRemove),
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
    fn positions_count_characters_not_bytes() {
        assert_eq!(char_position("héllo", 0), 1);
        assert_eq!(char_position("héllo", 3), 3);
    }
}
