//! The kind of input for cmd: `set "NAME=value"` lines, and their reader: `set` in its
//! spellings and `setx`, line by line as the dialect's `LINES` split them. `env.rs` judges
//! what they set.

use super::env::{
    self, Assignment, Lines, QUOTES_IN_VALUE, SPACE_AROUND_EQUALS, UNBALANCED_QUOTES, WRONG_SHELL,
};
use super::{Checked, Context, Finding, KindCheck, KindSpec};
use crate::i18n::Text;
use crate::shell::words::variable_name;
use crate::shell::{Shell, cmd};

/// This kind, as people and programs name it.
pub const KIND: KindSpec = KindSpec {
    id: "env-cmd",
    label: Text {
        en: "Environment lines (cmd)",
        zh: "环境变量命令（cmd）",
    },
    one_value: false,
    shell: Some(Shell::Cmd),
};

/// How the doctor reads this kind.
pub const CHECK: KindCheck = KindCheck {
    check,
    recognise: None,
};

/// Lines for cmd (`set "NAME=value"`).
fn check(text: &str, context: &Context) -> Checked {
    env::check(text, Lines::Shell(Shell::Cmd), context)
}

/// The assignments of cmd lines, line by line.
pub(super) fn assignments(text: &str, findings: &mut Vec<Finding>) -> Vec<Assignment> {
    env::line_by_line(text, cmd::LINES, findings, statement)
}

/// `set NAME=value`, `set "NAME=value"` or `setx NAME value` (which PowerShell runs too).
pub(super) fn statement(
    statement: &str,
    at: usize,
    findings: &mut Vec<Finding>,
) -> Option<Assignment> {
    if Lines::Shell(Shell::Cmd).is_foreign(statement) {
        findings.push(Finding::new(&WRONG_SHELL, at..at + statement.len()));
        return None;
    }
    let lower = statement.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("setx ") {
        let name_at = 5 + (rest.len() - rest.trim_start().len());
        let name_len = variable_name(&statement[name_at..]);
        let value_text = statement[name_at + name_len..].trim_start();
        let value_at = statement.len() - value_text.len();
        let (value, length) = match value_text.strip_prefix('"') {
            Some(inner) => match inner.find('"') {
                Some(close) => (inner[..close].to_owned(), close + 2),
                None => {
                    findings.push(Finding::new(
                        &UNBALANCED_QUOTES,
                        at + value_at..at + value_at + 1,
                    ));
                    return None;
                }
            },
            None => {
                let end = value_text.find(' ').unwrap_or(value_text.len());
                (value_text[..end].to_owned(), end)
            }
        };
        return Some(Assignment::plain(
            at + name_at..at + name_at + name_len,
            at + value_at..at + value_at + length,
            value,
        ));
    }
    let rest = lower.strip_prefix("set ")?;
    let body_at = 4 + (rest.len() - rest.trim_start().len());
    let body = &statement[body_at..];
    if let Some(inner) = body.strip_prefix('"') {
        // set "NAME=value": everything up to the last quote.
        let close = inner.rfind('"')?;
        let assignment = &inner[..close];
        let name_len = variable_name(assignment);
        let value = assignment.get(name_len..)?.strip_prefix('=')?;
        let value_at = body_at + 1 + name_len + 1;
        return Some(Assignment::plain(
            at + body_at + 1..at + body_at + 1 + name_len,
            at + value_at..at + value_at + value.len(),
            value.to_owned(),
        ));
    }
    let assignment = name_equals_value_cmd(body, at + body_at, findings)?;
    let value_literal = &statement[assignment.literal.start - at..assignment.literal.end - at];
    if value_literal.len() >= 2
        && value_literal.starts_with('"')
        && value_literal[1..].contains('"')
    {
        // set NAME="value" keeps the quotes: move the opening quote before the name.
        let opening = assignment.literal.start..assignment.literal.start + 1;
        let finding = Finding::new(&QUOTES_IN_VALUE, assignment.literal.clone())
            .with_edit(opening, "")
            .with_edit(assignment.name.start..assignment.name.start, "\"");
        findings.push(finding);
    }
    Some(assignment)
}

/// cmd's `set NAME=value`: the value is the rest of the line, spaces and quotes included.
fn name_equals_value_cmd(body: &str, at: usize, findings: &mut Vec<Finding>) -> Option<Assignment> {
    let name_len = variable_name(body);
    if name_len == 0 {
        return None;
    }
    let after_name = &body[name_len..];
    let spaces_before = after_name.len() - after_name.trim_start_matches(' ').len();
    let rest = after_name[spaces_before..].strip_prefix('=')?;
    let spaces_after = rest.len() - rest.trim_start_matches(' ').len();
    if spaces_before + spaces_after > 0 {
        let equals = at + name_len + spaces_before;
        let mut finding = Finding::new(
            &SPACE_AROUND_EQUALS,
            at + name_len..equals + 1 + spaces_after,
        );
        if spaces_before > 0 {
            finding = finding.with_edit(at + name_len..equals, "");
        }
        if spaces_after > 0 {
            finding = finding.with_edit(equals + 1..equals + 1 + spaces_after, "");
        }
        findings.push(finding);
    }
    let value_at = name_len + spaces_before + 1 + spaces_after;
    let value = &body[value_at..];
    Some(Assignment::plain(
        at..at + name_len,
        at + value_at..at + body.len(),
        value.trim_matches('"').to_owned(),
    ))
}

#[cfg(test)]
mod tests {
    use crate::check::Kind;
    use crate::check::testing::{codes, fixed};

    const KEY: &str = "sk-abc123abc123abc123";

    #[test]
    fn cmd_mistakes() {
        assert_eq!(
            codes(&format!("set OPENAI_API_KEY = {KEY}"), Kind::EnvCmd),
            ["env/space-around-equals"]
        );
        assert_eq!(
            codes(&format!("set OPENAI_API_KEY=\"{KEY}\""), Kind::EnvCmd),
            ["env/quotes-in-value"]
        );
        assert_eq!(
            fixed(&format!("set OPENAI_API_KEY=\"{KEY}\""), Kind::EnvCmd),
            format!("set \"OPENAI_API_KEY={KEY}\"")
        );
        assert_eq!(
            codes(&format!("export OPENAI_API_KEY={KEY}"), Kind::EnvCmd),
            ["env/wrong-shell"]
        );
    }
}
