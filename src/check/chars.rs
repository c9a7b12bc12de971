//! Whitespace and invisible characters: the mistakes every pasted value can carry.

use super::{Finding, Rule};
use std::ops::Range;

/// Characters that render as nothing but travel along with copied text: zero-width spaces and
/// joiners, the byte order mark, the soft hyphen and the bidirectional controls.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// Byte ranges of the maximal runs of characters in `text` for which `matches` holds, at most
/// [`MAX_RUNS`] of them.
fn runs(text: &str, matches: impl Fn(char) -> bool) -> Vec<Range<usize>> {
    let mut found: Vec<Range<usize>> = Vec::new();
    for (start, c) in text.char_indices().filter(|(_, c)| matches(*c)) {
        let end = start + c.len_utf8();
        let full = found.len() == MAX_RUNS;
        match found.last_mut() {
            Some(run) if run.end == start => run.end = end,
            _ if full => break,
            _ => found.push(start..end),
        }
    }
    found
}

/// Enough to show that a value is riddled with stray characters; more would only slow the
/// page down (each finding is a list item) without telling anyone anything new.
const MAX_RUNS: usize = 100;

/// One finding per run of whitespace and per run of invisible characters, each fixed by
/// deleting the run. Used for values that never legitimately contain either (keys, URLs,
/// model names).
pub fn stray_characters(
    text: &str,
    whitespace: &'static Rule,
    invisible: &'static Rule,
) -> Vec<Finding> {
    stray_characters_with_edges(text, whitespace, [whitespace; 2], invisible)
}

/// Like [`stray_characters`], but spaces and tabs at the start and at the end (no line
/// breaks) are reported with `edge_spaces[0]` and `edge_spaces[1]`: whether they do harm
/// depends on the client, and on the end.
pub fn stray_characters_with_edges(
    text: &str,
    whitespace: &'static Rule,
    edge_spaces: [&'static Rule; 2],
    invisible: &'static Rule,
) -> Vec<Finding> {
    let blank =
        |span: &std::ops::Range<usize>| text[span.clone()].chars().all(|c| c == ' ' || c == '\t');
    let mut findings: Vec<Finding> = runs(text, char::is_whitespace)
        .into_iter()
        .map(|span| {
            let rule = match (span.start == 0, span.end == text.len()) {
                (true, _) if blank(&span) => edge_spaces[0],
                (_, true) if blank(&span) => edge_spaces[1],
                _ => whitespace,
            };
            Finding::new(rule, span.clone()).with_edit(span, "")
        })
        .chain(
            runs(text, is_invisible)
                .into_iter()
                .map(|span| Finding::new(invisible, span.clone()).with_edit(span, "")),
        )
        .collect();
    findings.sort_by_key(|finding| finding.span.start);
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_merge_neighbours_only() {
        assert_eq!(runs(" a  b\t", char::is_whitespace), vec![0..1, 2..4, 5..6]);
        assert!(runs("abc", char::is_whitespace).is_empty());
    }

    #[test]
    fn pasted_invisibles_are_recognised() {
        for c in ['\u{200B}', '\u{FEFF}', '\u{00AD}', '\u{2060}', '\u{202E}'] {
            assert!(is_invisible(c), "{:04X}", c as u32);
        }
        for c in ['a', ' ', '-', '\u{00A0}', '中'] {
            assert!(!is_invisible(c), "{:04X}", c as u32);
        }
    }
}
