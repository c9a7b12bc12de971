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
    stray_characters_with_edges(text, whitespace, [whitespace; 2], invisible, false)
}

/// Like [`stray_characters`], but spaces and tabs at the start and at the end (no line
/// breaks) are reported with `edge_spaces[0]` and `edge_spaces[1]`: whether they do harm
/// depends on the client, and on the end. With `wide`, ideographic spaces (U+3000) there
/// count too: for a client that trims them (JavaScript's `trim()` does).
pub fn stray_characters_with_edges(
    text: &str,
    whitespace: &'static Rule,
    edge_spaces: [&'static Rule; 2],
    invisible: &'static Rule,
    wide: bool,
) -> Vec<Finding> {
    let blank = |span: &std::ops::Range<usize>| {
        text[span.clone()]
            .chars()
            .all(|c| c == ' ' || c == '\t' || (wide && c == IDEOGRAPHIC_SPACE))
    };
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

/// The space of Chinese and Japanese text, which a copy out of a sentence can take along.
pub const IDEOGRAPHIC_SPACE: char = '\u{3000}';

/// What ends a sentence or closes a bracket, in ASCII and full width: a copy of a value out
/// of a sentence takes it along (`…/v1。`, `sk-…,`). Quotes are [`super::url::QUOTES`].
pub fn is_copied_punctuation(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ')'
            | ']'
            | '}'
            | '>'
            | '。'
            | '．'
            | '，'
            | '；'
            | '、'
            | '）'
            | '］'
            | '｝'
            | '】'
            | '』'
            | '》'
            | '〉'
            | '〕'
            | '｡'
            | '､'
    )
}

/// The bracket that `c` closes, if it closes one.
fn opener(c: char) -> Option<char> {
    Some(match c {
        ')' => '(',
        ']' => '[',
        '}' => '{',
        '>' => '<',
        '）' => '（',
        '］' => '［',
        '｝' => '｛',
        '】' => '【',
        '』' => '『',
        '》' => '《',
        '〉' => '〈',
        '〕' => '〔',
        _ => return None,
    })
}

/// What a copy out of a sentence left after a value: punctuation, among quotes, whitespace
/// and invisible characters (those are other rules' business).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Tail {
    /// Where the value's own text ends (before the tail); `text.len()` without punctuation.
    pub core_end: usize,
    /// Runs of copied punctuation, each all ASCII or all not, with whether it is ASCII.
    pub punctuation: Vec<(Range<usize>, bool)>,
    /// Runs of quotes inside the tail.
    pub quotes: Vec<Range<usize>>,
}

/// The copied tail of `text`, or none (`punctuation` empty) when `text` ends with its own
/// characters: a closing bracket whose opening one is in the value (`http://[::1]`) and an
/// ellipsis (`sk-abc...`, a shortened copy) are the value's own; a value of nothing but
/// punctuation has no tail.
pub fn tail(text: &str) -> Tail {
    let quote = |c: char| super::url::QUOTES.contains(&c);
    let mut core_end = text.len();
    for (index, c) in text.char_indices().rev() {
        let copied = c.is_whitespace()
            || is_invisible(c)
            || quote(c)
            || (is_copied_punctuation(c) && !opener(c).is_some_and(|o| text[..index].contains(o)));
        if !copied {
            break;
        }
        core_end = index;
    }
    let none = Tail {
        core_end: text.len(),
        ..Tail::default()
    };
    if core_end == 0 || text[core_end..].contains("..") {
        return none;
    }
    let mut punctuation: Vec<(Range<usize>, bool)> = Vec::new();
    let mut quotes: Vec<Range<usize>> = Vec::new();
    for (offset, c) in text[core_end..].char_indices() {
        let start = core_end + offset;
        let span = start..start + c.len_utf8();
        if quote(c) {
            match quotes.last_mut() {
                Some(run) if run.end == start => run.end = span.end,
                _ => quotes.push(span),
            }
        } else if is_copied_punctuation(c) {
            match punctuation.last_mut() {
                Some((run, ascii)) if run.end == start && *ascii == c.is_ascii() => {
                    run.end = span.end;
                }
                _ => punctuation.push((span, c.is_ascii())),
            }
        }
    }
    if punctuation.is_empty() {
        return none;
    }
    Tail {
        core_end,
        punctuation,
        quotes,
    }
}

/// One finding per run of copied punctuation in `tail`, with `ascii` or `wide` as the run is
/// ASCII or not, each fixed by deleting the run.
pub fn tail_findings(tail: &Tail, ascii: &'static Rule, wide: &'static Rule) -> Vec<Finding> {
    tail.punctuation
        .iter()
        .map(|(span, is_ascii)| {
            let rule = if *is_ascii { ascii } else { wide };
            Finding::new(rule, span.clone()).with_edit(span.clone(), "")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copied_tail_is_found_after_the_value() {
        let spans = |text: &str| tail(text).punctuation;
        assert_eq!(spans("sk-abc."), vec![(6..7, true)]);
        assert_eq!(spans("sk-abc。"), vec![(6..9, false)]);
        assert_eq!(spans("sk-abc\"。 "), vec![(7..10, false)]);
        assert_eq!(tail("sk-abc\"。 ").quotes, vec![6..7]);
        assert_eq!(spans("sk-abc.）"), vec![(6..7, true), (7..10, false)]);
        assert_eq!(tail("“sk-abc”，").core_end, 9);
        for own in [
            "sk-abc",
            "http://[::1]",
            "sk-abc...",
            "a(b)",
            "...",
            "",
            "\"sk\"",
        ] {
            assert!(spans(own).is_empty(), "{own:?}");
        }
    }

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
