//! The kind of input for a `.env` file: `NAME=value` lines, as the SDKs' dotenv loaders read
//! them, and their reader (a `.env` file is no shell's: its lines split as `LINES` says).
//! `env.rs` judges what they set.

use super::env::{self, Assignment, Lines, SPACE_AROUND_EQUALS, UNBALANCED_QUOTES, WRONG_SHELL};
use super::{Checked, Context, Finding, KindCheck, KindSpec};
use crate::i18n::Text;
use crate::shell::words::variable_name;
use crate::shell::{self, LineSyntax};

/// This kind, as people and programs name it.
pub const KIND: KindSpec = KindSpec {
    id: "dotenv",
    label: Text {
        en: ".env file",
        zh: ".env 文件",
    },
    one_value: false,
    shell: None,
};

/// How the doctor reads this kind.
pub const CHECK: KindCheck = KindCheck {
    check,
    recognise: None,
};

/// A `.env` file (`NAME=value`).
fn check(text: &str, context: &Context) -> Checked {
    env::check(text, Lines::DotEnv, context)
}

/// How a `.env` file splits into statements: line by line, a quoted value perhaps over
/// several, `#` comments.
const LINES: LineSyntax = LineSyntax {
    quotes: Some('\\'),
    semicolon_ends: false,
    is_comment: shell::hash_comment,
};

/// The assignments of a `.env` file, line by line.
pub(super) fn assignments(text: &str, findings: &mut Vec<Finding>) -> Vec<Assignment> {
    env::line_by_line(text, LINES, findings, statement)
}

/// `NAME=value` at `at` (the value quoted POSIX-style, or bare up to a space or comment).
fn name_equals_value(
    statement: &str,
    at: usize,
    findings: &mut Vec<Finding>,
) -> Option<Assignment> {
    let name_len = variable_name(statement);
    if name_len == 0 {
        return None;
    }
    let after_name = &statement[name_len..];
    let before_equals = after_name.len() - after_name.trim_start_matches([' ', '\t']).len();
    let rest = &after_name[before_equals..];
    let rest = rest.strip_prefix('=')?;
    let after_equals = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let value_start = name_len + before_equals + 1 + after_equals;
    if before_equals + after_equals > 0 {
        let mut finding = Finding::new(&SPACE_AROUND_EQUALS, at + name_len..at + value_start);
        if before_equals > 0 {
            finding = finding.with_edit(at + name_len..at + name_len + before_equals, "");
        }
        if after_equals > 0 {
            finding = finding.with_edit(at + value_start - after_equals..at + value_start, "");
        }
        findings.push(finding);
    }
    let (value, length) = quoted_value(&statement[value_start..], at + value_start, findings)?;
    Some(Assignment::plain(
        at..at + name_len,
        at + value_start..at + value_start + length,
        value,
    ))
}

/// A value that may be single- or double-quoted, then ends at whitespace or a comment; returns
/// the value and the length of its literal.
fn quoted_value(text: &str, at: usize, findings: &mut Vec<Finding>) -> Option<(String, usize)> {
    match text.chars().next() {
        Some(quote @ ('\'' | '"')) => {
            let mut value = String::new();
            let mut chars = text.char_indices().skip(1);
            while let Some((index, c)) = chars.next() {
                match c {
                    c if c == quote => return Some((value, index + 1)),
                    '\\' if quote == '"' => match chars.next() {
                        Some((_, escaped @ ('"' | '\\' | '$' | '`'))) => value.push(escaped),
                        Some((_, other)) => {
                            value.push('\\');
                            value.push(other);
                        }
                        None => value.push('\\'),
                    },
                    c => value.push(c),
                }
            }
            findings.push(Finding::new(&UNBALANCED_QUOTES, at..at + 1));
            None
        }
        // Unquoted, the value ends at the first blank: the shell drops what follows (or
        // takes it as another word), so trailing spaces there are harmless.
        _ => {
            let end = text.find(char::is_whitespace).unwrap_or(text.len());
            Some((text[..end].to_owned(), end))
        }
    }
}

/// A `.env` line: `NAME=value`, perhaps after `export `.
fn statement(statement: &str, at: usize, findings: &mut Vec<Finding>) -> Option<Assignment> {
    if Lines::DotEnv.is_foreign(statement) {
        findings.push(Finding::new(&WRONG_SHELL, at..at + statement.len()));
        return None;
    }
    let skip = statement
        .strip_prefix("export ")
        .map_or(0, |rest| statement.len() - rest.trim_start().len());
    name_equals_value(&statement[skip..], at + skip, findings)
}

#[cfg(test)]
mod tests {
    use crate::check::Kind;
    use crate::check::testing::codes;

    const KEY: &str = "sk-abc123abc123abc123";

    #[test]
    fn dotenv_and_both_claude_keys() {
        assert!(
            codes(
                &format!(
                    "# relay\nOPENAI_BASE_URL=https://api.4096bytes.com\nOPENAI_API_KEY={KEY}\n"
                ),
                Kind::DotEnv
            )
            .is_empty()
        );
        let both = format!("ANTHROPIC_AUTH_TOKEN={KEY}\nANTHROPIC_API_KEY={KEY}\n");
        assert_eq!(codes(&both, Kind::DotEnv), ["claude/both-auth"]);
    }
}
