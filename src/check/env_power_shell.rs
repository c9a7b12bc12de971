//! The kind of input for PowerShell: `$env:NAME = 'value'` lines, and their reader: `$env:`,
//! `[Environment]::SetEnvironmentVariable` and `setx`, statement by statement as the
//! dialect's `LINES` split them. `env.rs` judges what they set.

use super::env::{self, Assignment, Lines, Reach, UNBALANCED_QUOTES, WRONG_SHELL};
use super::{Checked, Context, Finding, KindCheck, KindSpec, env_cmd};
use crate::i18n::Text;
use crate::shell::words::{is_copy_artifact, variable_name};
use crate::shell::{Shell, power_shell};
use std::ops::Range;

/// This kind, as people and programs name it.
pub const KIND: KindSpec = KindSpec {
    id: "env-powershell",
    label: Text {
        en: "Environment lines (PowerShell)",
        zh: "环境变量命令（PowerShell）",
    },
    one_value: false,
    shell: Some(Shell::PowerShell),
};

/// How the doctor reads this kind.
pub const CHECK: KindCheck = KindCheck {
    check,
    recognise: None,
};

/// Lines for PowerShell (`$env:NAME = 'value'`).
fn check(text: &str, context: &Context) -> Checked {
    env::check(text, Lines::Shell(Shell::PowerShell), context)
}

/// The assignments of PowerShell lines, statement by statement.
pub(super) fn assignments(text: &str, findings: &mut Vec<Finding>) -> Vec<Assignment> {
    env::line_by_line(text, power_shell::LINES, findings, statement)
}

/// `$env:NAME = …`, `[Environment]::SetEnvironmentVariable(…)`, or cmd's `setx`, a program.
fn statement(statement: &str, at: usize, findings: &mut Vec<Finding>) -> Option<Assignment> {
    if Lines::Shell(Shell::PowerShell).is_foreign(statement) {
        findings.push(Finding::new(&WRONG_SHELL, at..at + statement.len()));
        return None;
    }
    let lower = statement.to_ascii_lowercase();
    if lower.starts_with("$env:") {
        let name_at = 5;
        let name_len = variable_name(&statement[name_at..]);
        let rest = statement[name_at + name_len..]
            .trim_start()
            .strip_prefix('=')?
            .trim_start();
        let value_at = statement.len() - rest.len();
        let string = powershell_string(rest, at + value_at, findings)?;
        return Some(string.assignment(at + name_at..at + name_at + name_len));
    }
    if lower.starts_with("[environment]::setenvironmentvariable(") {
        let open = statement.find('(')? + 1;
        let args = &statement[open..];
        let name_text = args.trim_start();
        let name_at = open + (args.len() - name_text.len());
        // The name's literal is quoted: its span without the quotes is the name.
        let name = powershell_string(name_text, at + name_at, findings)?;
        let after_name = name_text[name.literal.len()..]
            .trim_start()
            .strip_prefix(',')?
            .trim_start();
        let value_at = statement.len() - after_name.len();
        let mut string = powershell_string(after_name, at + value_at, findings)?;
        string.after_quote = None; // an argument, followed by `,` or `)`
        return Some(string.assignment(name.literal.start + 1..name.literal.end - 1));
    }
    if lower.starts_with("setx ") {
        return env_cmd::statement(statement, at, findings);
    }
    None
}

/// A PowerShell string literal as read: '…' (quotes doubled), or "…" (backtick escapes,
/// `$name`, `${…}` and `$(…)` replaced).
struct PowerShellString {
    literal: Range<usize>,
    value: Option<String>,
    meant: String,
    expansion: Option<Range<usize>>,
    after_quote: Option<Range<usize>>,
}

impl PowerShellString {
    fn assignment(self, name: Range<usize>) -> Assignment {
        Assignment {
            name,
            literal: self.literal,
            value: self.value,
            meant: self.meant,
            expansion: self.expansion,
            after_quote: self.after_quote,
            reach: Reach::Exported,
        }
    }
}

fn powershell_string(
    text: &str,
    at: usize,
    findings: &mut Vec<Finding>,
) -> Option<PowerShellString> {
    let quote = text.chars().next().filter(|c| matches!(c, '\'' | '"'))?;
    let mut meant = String::new();
    let mut expansion = None;
    let mut chars = text.char_indices().skip(1).peekable();
    while let Some((index, c)) = chars.next() {
        let next = chars.peek().map(|(_, next)| *next);
        if c == quote {
            if next == Some(quote) {
                meant.push(quote);
                chars.next();
                continue;
            }
            let end = index + 1;
            // Text joined to the closing quote is no part of the string: PowerShell refuses
            // the line ("Unexpected token").
            let tail = &text[end..];
            let artifacts = tail.len() - tail.trim_start_matches(is_copy_artifact).len();
            let after_quote = (artifacts > 0
                && tail[artifacts..]
                    .chars()
                    .next()
                    .is_none_or(|c| c.is_whitespace() || c == ';' || c == '#'))
            .then(|| at + end..at + end + artifacts);
            return Some(PowerShellString {
                literal: at..at + end,
                value: expansion.is_none().then(|| meant.clone()),
                meant,
                expansion,
                after_quote,
            });
        }
        match (quote, c) {
            ('"', '`') => {
                if let Some((_, escaped)) = chars.next() {
                    match escaped {
                        '$' | '"' | '`' | '\'' => meant.push(escaped),
                        // `n, `t, `0…: characters the text does not show.
                        _ => {
                            expansion
                                .get_or_insert(at + index..at + index + 1 + escaped.len_utf8());
                            meant.push('`');
                            meant.push(escaped);
                        }
                    }
                }
            }
            ('"', '$')
                if next.is_some_and(|n| {
                    n.is_ascii_alphanumeric()
                        || matches!(n, '_' | '{' | '(' | ':' | '?' | '$' | '^')
                }) =>
            {
                expansion.get_or_insert(at + index..at + index + 2);
                meant.push('$');
            }
            _ => meant.push(c),
        }
    }
    findings.push(Finding::new(&UNBALANCED_QUOTES, at..at + 1));
    None
}

#[cfg(test)]
mod tests {
    use crate::check::Kind;
    use crate::check::testing::codes;

    const KEY: &str = "sk-abc123abc123abc123";

    #[test]
    fn power_shell_mistakes() {
        assert_eq!(
            codes(&format!("set OPENAI_API_KEY={KEY}"), Kind::EnvPowerShell),
            ["env/wrong-shell"]
        );
        assert!(
            codes(
                &format!("setx OPENAI_API_KEY \"{KEY}\""),
                Kind::EnvPowerShell
            )
            .is_empty()
        );
        assert_eq!(
            codes(
                &format!("$env:OPENAI_API_KEY = '{KEY}"),
                Kind::EnvPowerShell
            ),
            ["env/unbalanced-quotes"]
        );
    }
}
