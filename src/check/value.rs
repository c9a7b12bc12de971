//! Helpers the checkers share for values inside files: whether a name can name a key's
//! variable, where a finding about a whole file points, a literal without its quotes, and
//! [`embed`], which moves a value's findings and fixes into the document where it sits.

use super::{Edit, Finding};
use std::ops::Range;

/// Whether `name` can name an environment variable, and does not look like a key: what
/// settings that name a key's variable (Codex's `env_key`, Qwen Code's `envKey`) must hold.
pub(crate) fn is_variable_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !name.to_ascii_lowercase().starts_with("sk")
}

/// Where the line holding `offset` starts.
pub(crate) fn line_start(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .and_then(|before| before.rfind('\n'))
        .map_or(0, |index| index + 1)
}

/// The span of the first character of `text` (empty for an empty text): where a finding
/// about a whole file points.
pub(crate) fn first_character(text: &str) -> Range<usize> {
    0..text.chars().next().map_or(0, char::len_utf8)
}

/// `literal` without its quotes, if it is a quoted string: the part to mask.
pub(crate) fn unquoted(source: &str, literal: &Range<usize>) -> Range<usize> {
    let text = source.get(literal.clone()).unwrap_or_default();
    let quoted = text.len() >= 2
        && matches!(
            (text.as_bytes()[0], text.as_bytes()[text.len() - 1]),
            (b'"', b'"') | (b'\'', b'\'')
        );
    if quoted {
        literal.start + 1..literal.end - 1
    } else {
        literal.clone()
    }
}

/// Findings about a string value, moved into the document where it sits as `literal` (quoted
/// or not). Where the literal holds the value verbatim the spans stay precise; otherwise
/// (escapes) they cover the literal. A fix becomes "replace the literal with the
/// fixed value, quoted again by `quote`", which is right whatever the escaping.
pub(crate) fn embed(
    findings: Vec<Finding>,
    value: &str,
    source: &str,
    literal: Range<usize>,
    quote: fn(&str) -> String,
) -> Vec<Finding> {
    // Where the value sits verbatim: the whole literal (unquoted), or inside its quotes.
    let verbatim_at = if source.get(literal.clone()) == Some(value) {
        Some(literal.start)
    } else if literal.len() >= 2 && source.get(literal.start + 1..literal.end - 1) == Some(value) {
        Some(literal.start + 1)
    } else {
        None
    };
    findings
        .into_iter()
        .map(|finding| {
            let span = match verbatim_at {
                Some(at) => at + finding.span.start..at + finding.span.end,
                None => literal.clone(),
            };
            let edits = match finding.apply_fix(value) {
                Some(fixed) => vec![Edit {
                    span: literal.clone(),
                    replacement: quote(&fixed),
                }],
                None => Vec::new(),
            };
            Finding {
                rule: finding.rule,
                span,
                edits,
            }
        })
        .collect()
}
