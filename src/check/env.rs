//! Rules for environment-variable lines as pasted into a shell or a `.env` file: the syntax of
//! each shell, then the values (URL, key, model) by the variable's name.

use super::{Checked, Context, Finding, Kind, claude_settings, embed, fix, key, model, url};
use crate::clients::claude_code::{API_KEY_VARIABLE, AUTH_TOKEN_VARIABLE};
use crate::clients::{Client, openai_sdk};
use crate::escape;
use crate::i18n::Text;
use std::ops::Range;

declare_rules! {
    SPACE_AROUND_EQUALS {
        code: "env/space-around-equals",
        severity: Error,
        evidence: Client("bash: export NAME = value fails (not a valid identifier); cmd keeps the spaces in the name and the value"),
        message: Text {
            en: "Has spaces around =.",
            zh: "= 两边有空格。",
        },
        why: Text {
            en: "bash runs it as a command (\"command not found\"); cmd makes the space part of the name and value.",
            zh: "bash 会把它当作命令执行（\"command not found\"）；cmd 会把空格当成名称和值的一部分。",
        },
        fix: Some(fix::REMOVE),
    }

    WRONG_SHELL {
        code: "env/wrong-shell",
        severity: Error,
        evidence: Client("each shell rejects or misreads the others' syntax: the variable is not set"),
        message: Text {
            en: "This is another shell's syntax.",
            zh: "这是另一种命令行的语法。",
        },
        why: Text {
            en: "bash uses export, fish set -gx, PowerShell $env:, cmd set: in the wrong shell the variable is not set.",
            zh: "bash 用 export，fish 用 set -gx，PowerShell 用 $env:，cmd 用 set：在错误的命令行中变量不会被设置。",
        },
        fix: None,
    }

    UNBALANCED_QUOTES {
        code: "env/unbalanced-quotes",
        severity: Error,
        evidence: Client("bash waits for the closing quote; PowerShell reports a missing terminator"),
        message: Text {
            en: "Has a quote that is never closed.",
            zh: "有一个没有闭合的引号。",
        },
        why: Text {
            en: "The shell waits for more input or takes the rest of the line into the value.",
            zh: "命令行会等待更多输入，或把这一行余下的内容都当作值。",
        },
        fix: None,
    }

    QUOTES_IN_VALUE {
        code: "env/quotes-in-value",
        severity: Error,
        evidence: Client("cmd: set NAME=\"value\" keeps the quotes in the value"),
        message: Text {
            en: "In cmd, these quotes become part of the value.",
            zh: "在 cmd 中，这些引号会成为值的一部分。",
        },
        why: Text {
            en: "set NAME=\"value\" keeps the quotes: write set \"NAME=value\" instead.",
            zh: "set NAME=\"value\" 会保留引号：请改写为 set \"NAME=value\"。",
        },
        fix: Some(fix::MOVE),
    }

    NOT_EXPORTED {
        code: "env/not-exported",
        severity: Warning,
        evidence: Heuristic("fish: set without -x keeps the export flag the variable already had, which may be none"),
        message: Text {
            en: "set without -x makes a fish variable that programs do not see.",
            zh: "不带 -x 的 set 只会创建 fish 变量，程序看不到它。",
        },
        why: Text {
            en: "The client does not get the variable: add -gx.",
            zh: "客户端拿不到这个变量：请加上 -gx。",
        },
        fix: Some(fix::ADD),
    }

    MISSPELLED {
        code: "env/misspelled-variable",
        severity: Error,
        evidence: Client("Claude Code 2.1.332 reads ANTHROPIC_BASE_URL, ANTHROPIC_AUTH_TOKEN and ANTHROPIC_API_KEY, and ignores other names"),
        message: Text {
            en: "This is not a variable Claude Code reads.",
            zh: "Claude Code 不读取这个变量。",
        },
        why: Text {
            en: "Claude Code reads ANTHROPIC_BASE_URL and ANTHROPIC_AUTH_TOKEN; other names are ignored.",
            zh: "Claude Code 读取的是 ANTHROPIC_BASE_URL 和 ANTHROPIC_AUTH_TOKEN；其他名称会被忽略。",
        },
        fix: Some(fix::RENAME),
    }
}

/// One `NAME=value` found on a line.
struct Assignment {
    name: Range<usize>,
    /// The value as written, quotes included.
    literal: Range<usize>,
    /// The value the shell ends up with.
    value: String,
}

/// Lines for bash or zsh (`export NAME=value`).
pub fn check_bash(text: &str, context: &Context) -> Checked {
    check(text, Kind::EnvBash, context)
}

/// Lines for fish (`set -gx NAME value`).
pub fn check_fish(text: &str, context: &Context) -> Checked {
    check(text, Kind::EnvFish, context)
}

/// Lines for PowerShell (`$env:NAME = 'value'`).
pub fn check_powershell(text: &str, context: &Context) -> Checked {
    check(text, Kind::EnvPowerShell, context)
}

/// Lines for cmd (`set "NAME=value"`).
pub fn check_cmd(text: &str, context: &Context) -> Checked {
    check(text, Kind::EnvCmd, context)
}

/// A `.env` file (`NAME=value`).
pub fn check_dotenv(text: &str, context: &Context) -> Checked {
    check(text, Kind::DotEnv, context)
}

fn check(text: &str, kind: Kind, context: &Context) -> Checked {
    let mut findings = Vec::new();
    let mut secrets = Vec::new();
    let mut names = Vec::new();
    for (start, line) in statements(text, kind) {
        let content = line.trim_end_matches(['\n', '\r']);
        let indent = content.len() - content.trim_start().len();
        let statement = &content[indent..];
        if statement.is_empty() || is_comment(kind, statement) {
            continue;
        }
        let at = start + indent;
        let assignment = match kind {
            Kind::EnvFish => fish(statement, at, &mut findings),
            Kind::EnvPowerShell => powershell(statement, at, &mut findings),
            Kind::EnvCmd => cmd(statement, at, &mut findings),
            _ => posix(statement, at, kind, &mut findings),
        };
        let Some(assignment) = assignment else {
            continue;
        };
        let name = &text[assignment.name.clone()];
        if assignment.value.is_empty() {
            continue; // `set NAME=` and the like clear a variable.
        }
        names.push((name.to_owned(), assignment.name.clone()));
        if let Some(meant) = (name.starts_with("ANTHROPIC_") || name.starts_with("CLAUDE_"))
            .then(|| claude_settings::meant(name))
            .flatten()
        {
            let span = assignment.name.clone();
            findings.push(Finding::new(&MISSPELLED, span.clone()).with_edit(span, meant));
        }
        let quote = quoting(kind);
        let (value, literal) = (&assignment.value, assignment.literal.clone());
        let upper = name.to_ascii_uppercase();
        // The client the variable is for, when its name says; else the one being set up.
        let reader = Client::reading_variable(name, context.profile).or(context.client);
        if upper.ends_with("_BASE_URL") || upper.ends_with("_API_BASE") {
            // Every reader of OPENAI_BASE_URL wants the relay's OpenAI-compatible base path.
            let client = reader
                .or_else(|| (name == openai_sdk::BASE_URL_VARIABLE).then_some(Client::OpenAiSdk));
            let context = Context { client, ..*context };
            findings.extend(embed(
                url::check(value, &context).findings,
                value,
                text,
                literal,
                quote,
            ));
        } else if upper.contains("KEY") || upper.contains("TOKEN") {
            secrets.push(super::unquoted(text, &literal));
            let context = Context {
                client: reader,
                ..*context
            };
            findings.extend(embed(
                key::check(value, &context).findings,
                value,
                text,
                literal,
                quote,
            ));
        } else if upper.ends_with("MODEL") {
            findings.extend(embed(
                model::check(value, context).findings,
                value,
                text,
                literal,
                quote,
            ));
        }
    }
    let span_of = |wanted: &str| {
        names
            .iter()
            .find(|(name, _)| name == wanted)
            .map(|(_, span)| span.clone())
    };
    if let (Some(_), Some(api_key)) = (span_of(AUTH_TOKEN_VARIABLE), span_of(API_KEY_VARIABLE)) {
        findings.push(Finding::new(&claude_settings::BOTH_AUTH, api_key));
    }
    Checked { findings, secrets }
}

/// The text split into statements, each with its offset: one per line, except that a quoted
/// value may run over several lines (a key pasted with its line break, then quoted), as the
/// shell reads it. cmd has no such quoting.
fn statements(text: &str, kind: Kind) -> Vec<(usize, &str)> {
    let mut statements = Vec::new();
    let (mut start, mut open) = (0, None::<char>);
    let mut escaped = false;
    for (index, c) in text.char_indices() {
        match (open, c) {
            _ if escaped => escaped = false,
            (Some('"'), '\\') if kind != Kind::EnvPowerShell => escaped = true,
            (Some('"'), '`') if kind == Kind::EnvPowerShell => escaped = true,
            (Some(quote), c) if c == quote => open = None,
            (None, '\'' | '"') if kind != Kind::EnvCmd => open = Some(c),
            (None, '#') => open = Some('\n'), // a comment runs to the end of the line
            (Some('\n') | None, '\n') => {
                statements.push((start, &text[start..=index]));
                start = index + 1;
                open = None;
            }
            _ => {}
        }
    }
    if start < text.len() {
        statements.push((start, &text[start..]));
    }
    statements
}

fn is_comment(kind: Kind, statement: &str) -> bool {
    let lower = statement.to_ascii_lowercase();
    match kind {
        Kind::EnvCmd => {
            lower.starts_with("rem ")
                || lower == "rem"
                || lower.starts_with("::")
                || lower.starts_with("@echo")
        }
        _ => statement.starts_with('#'),
    }
}

/// How a fixed value is written back in this syntax.
fn quoting(kind: Kind) -> fn(&str) -> String {
    match kind {
        Kind::EnvFish => escape::fish,
        Kind::EnvPowerShell => escape::powershell,
        Kind::EnvCmd => str::to_owned,
        Kind::DotEnv => escape::json,
        _ => escape::posix,
    }
}

/// The shell whose way of setting or clearing a variable `statement` is, recognised by how
/// it starts; `None` for anything else. Detection uses it to tell the kind of pasted lines.
pub(crate) fn shell_of(statement: &str) -> Option<Kind> {
    let lower = statement.trim_start().to_ascii_lowercase();
    let mut words = lower.split_whitespace();
    let word = words.next()?;
    Some(
        if lower.starts_with("$env:")
            || lower.starts_with("[environment]::")
            || lower.starts_with("remove-item env:")
        {
            Kind::EnvPowerShell
        } else if word == "setx" {
            Kind::EnvCmd
        } else if word == "set" {
            // cmd's `set NAME=value`, `set "NAME=value"` or `set NAME = value`, as opposed to
            // fish's `set -gx NAME value` or `set NAME value`.
            let name = words.next().unwrap_or_default();
            let cmd = !name.starts_with('-')
                && (name.contains('=')
                    || name.starts_with('"')
                    || words.next().is_some_and(|next| next.starts_with('=')));
            if cmd { Kind::EnvCmd } else { Kind::EnvFish }
        } else if word == "export" || word == "unset" {
            Kind::EnvBash
        } else {
            return None;
        },
    )
}

/// Another shell's way of setting a variable, recognised by how the line starts.
fn foreign_syntax(statement: &str, own: Kind) -> bool {
    let Some(shell) = shell_of(statement) else {
        return false;
    };
    let word = statement
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let accepted = match own {
        Kind::EnvBash | Kind::DotEnv => shell == Kind::EnvBash,
        // fish 3 accepts `export NAME=value` as well.
        Kind::EnvFish => matches!(shell, Kind::EnvFish | Kind::EnvBash),
        // `setx` is a Windows program, runnable from PowerShell too.
        Kind::EnvPowerShell => shell == Kind::EnvPowerShell || word == "setx",
        _ => shell == Kind::EnvCmd,
    };
    !accepted
}

fn variable_name(text: &str) -> usize {
    text.char_indices()
        .find(|(index, c)| {
            !(c.is_ascii_alphanumeric() || *c == '_') || (*index == 0 && c.is_ascii_digit())
        })
        .map_or(text.len(), |(index, _)| index)
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
    Some(Assignment {
        name: at..at + name_len,
        literal: at + value_start..at + value_start + length,
        value,
    })
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

fn posix(
    statement: &str,
    at: usize,
    kind: Kind,
    findings: &mut Vec<Finding>,
) -> Option<Assignment> {
    if foreign_syntax(statement, kind) {
        findings.push(Finding::new(&WRONG_SHELL, at..at + statement.len()));
        return None;
    }
    let skip = statement
        .strip_prefix("export ")
        .map_or(0, |rest| statement.len() - rest.trim_start().len());
    name_equals_value(&statement[skip..], at + skip, findings)
}

fn fish(statement: &str, at: usize, findings: &mut Vec<Finding>) -> Option<Assignment> {
    if foreign_syntax(statement, Kind::EnvFish) {
        findings.push(Finding::new(&WRONG_SHELL, at..at + statement.len()));
        return None;
    }
    if statement.starts_with("export ") {
        return posix(statement, at, Kind::EnvFish, findings);
    }
    let rest = statement.strip_prefix("set")?;
    let mut position = 3;
    let mut exported = false;
    let mut words = rest.split_inclusive(' ').peekable();
    while let Some(word) = words.peek().copied() {
        let trimmed = word.trim();
        if trimmed.is_empty() {
            position += word.len();
            words.next();
        } else if trimmed.starts_with('-') {
            exported |=
                trimmed == "--export" || (!trimmed.starts_with("--") && trimmed.contains('x'));
            if trimmed.contains('e') && !trimmed.starts_with("--") {
                return None; // `set -e NAME` clears a variable.
            }
            position += word.len();
            words.next();
        } else {
            break;
        }
    }
    if !exported {
        findings.push(Finding::new(&NOT_EXPORTED, at..at + 3).with_edit(at + 3..at + 3, " -gx"));
    }
    let after = &statement[position..];
    let name_len = variable_name(after);
    if name_len == 0 {
        return None;
    }
    let value_text = after[name_len..].trim_start();
    let value_at = position + (after.len() - value_text.len());
    let (value, length) = quoted_value(value_text, at + value_at, findings)?;
    Some(Assignment {
        name: at + position..at + position + name_len,
        literal: at + value_at..at + value_at + length,
        value,
    })
}

fn powershell(statement: &str, at: usize, findings: &mut Vec<Finding>) -> Option<Assignment> {
    if foreign_syntax(statement, Kind::EnvPowerShell) {
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
        let (value, length) = powershell_string(rest, at + value_at, findings)?;
        return Some(Assignment {
            name: at + name_at..at + name_at + name_len,
            literal: at + value_at..at + value_at + length,
            value,
        });
    }
    if lower.starts_with("[environment]::setenvironmentvariable(") {
        let open = statement.find('(')? + 1;
        let args = &statement[open..];
        let name_text = args.trim_start();
        let name_at = open + (args.len() - name_text.len());
        // The name's literal is quoted: its span without the quotes is the name.
        let (_, name_length) = powershell_string(name_text, at + name_at, findings)?;
        let after_name = name_text[name_length..]
            .trim_start()
            .strip_prefix(',')?
            .trim_start();
        let value_at = statement.len() - after_name.len();
        let (value, length) = powershell_string(after_name, at + value_at, findings)?;
        return Some(Assignment {
            name: at + name_at + 1..at + name_at + name_length - 1,
            literal: at + value_at..at + value_at + length,
            value,
        });
    }
    if lower.starts_with("setx ") {
        return cmd(statement, at, findings);
    }
    None
}

/// A PowerShell string literal: '…' (quotes doubled) or "…" (backtick escapes, kept as is).
fn powershell_string(
    text: &str,
    at: usize,
    findings: &mut Vec<Finding>,
) -> Option<(String, usize)> {
    let quote = text.chars().next().filter(|c| matches!(c, '\'' | '"'))?;
    let mut value = String::new();
    let mut chars = text.char_indices().skip(1).peekable();
    while let Some((index, c)) = chars.next() {
        if c == quote {
            if chars.peek().map(|(_, next)| *next) == Some(quote) {
                value.push(quote);
                chars.next();
                continue;
            }
            return Some((value, index + 1));
        }
        value.push(c);
    }
    findings.push(Finding::new(&UNBALANCED_QUOTES, at..at + 1));
    None
}

fn cmd(statement: &str, at: usize, findings: &mut Vec<Finding>) -> Option<Assignment> {
    if foreign_syntax(statement, Kind::EnvCmd) {
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
        return Some(Assignment {
            name: at + name_at..at + name_at + name_len,
            literal: at + value_at..at + value_at + length,
            value,
        });
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
        return Some(Assignment {
            name: at + body_at + 1..at + body_at + 1 + name_len,
            literal: at + value_at..at + value_at + value.len(),
            value: value.to_owned(),
        });
    }
    let assignment = name_equals_value_cmd(body, at + body_at, findings)?;
    let value_literal = &statement[assignment.literal.start - at..assignment.literal.end - at];
    if value_literal.len() >= 2 && value_literal.starts_with('"') && value_literal.ends_with('"') {
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
    Some(Assignment {
        name: at..at + name_len,
        literal: at + value_at..at + body.len(),
        value: value.trim_matches('"').to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::fix_all;
    use crate::profile::Profile;

    fn codes(text: &str, kind: Kind) -> Vec<&'static str> {
        crate::check::testing::sorted_codes(
            &check(text, kind, &crate::check::testing::context()).findings,
        )
    }

    fn fixed(text: &str, kind: Kind) -> String {
        let profile = Profile::builtin();
        fix_all(
            text,
            kind,
            &Context {
                profile: &profile,
                client: None,
            },
        )
    }

    const KEY: &str = "sk-abc123abc123abc123";

    #[test]
    fn generated_lines_are_clean_in_every_shell() {
        let profile = Profile::builtin();
        let values = crate::clients::Values {
            key: KEY.into(),
            base_url: String::new(),
            model: "claude-x".into(),
        };
        for (os, shell, kind) in [
            (
                crate::platform::Os::Linux,
                crate::platform::Shell::Posix,
                Kind::EnvBash,
            ),
            (
                crate::platform::Os::Linux,
                crate::platform::Shell::Fish,
                Kind::EnvFish,
            ),
            (
                crate::platform::Os::Windows,
                crate::platform::Shell::PowerShell,
                Kind::EnvPowerShell,
            ),
            (
                crate::platform::Os::Windows,
                crate::platform::Shell::Cmd,
                Kind::EnvCmd,
            ),
        ] {
            for client in [
                Client::ClaudeCode,
                Client::OpenAiSdk,
                Client::Aider,
                Client::Codex,
            ] {
                let target = crate::platform::Target::with_shell(os, shell).unwrap();
                let setup = client.setup(&profile, &values, target);
                for section in setup.sections.iter().filter(|s| s.id.starts_with("env-")) {
                    for snippet in section.snippets.iter().filter(|s| {
                        matches!(
                            s.kind,
                            crate::clients::SnippetKind::Commands { scope: Some(_), .. }
                        )
                    }) {
                        assert!(
                            codes(&snippet.content, kind).is_empty(),
                            "{client:?} {kind:?}:\n{}",
                            snippet.content
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn bash_mistakes() {
        assert_eq!(
            codes(&format!("export OPENAI_API_KEY = {KEY}"), Kind::EnvBash),
            ["env/space-around-equals"]
        );
        assert_eq!(
            fixed(&format!("export OPENAI_API_KEY = {KEY}"), Kind::EnvBash),
            format!("export OPENAI_API_KEY={KEY}")
        );
        assert_eq!(
            codes(&format!("$env:OPENAI_API_KEY = '{KEY}'"), Kind::EnvBash),
            ["env/wrong-shell"]
        );
        assert_eq!(
            codes(&format!("set OPENAI_API_KEY={KEY}"), Kind::EnvBash),
            ["env/wrong-shell"]
        );
        assert_eq!(
            codes(&format!("export OPENAI_API_KEY=\"{KEY}"), Kind::EnvBash),
            ["env/unbalanced-quotes"]
        );
        assert_eq!(
            codes(
                "export ANTHROPIC_BASE_URL=https://api.4096bytes.com/v1",
                Kind::EnvBash
            ),
            ["url/doubled-v1"]
        );
        assert_eq!(
            codes(
                &format!(
                    "export ANTHROPIC_API_BASE=https://api.4096bytes.com\nexport ANTHROPIC_AUTH_TOKEN={KEY}"
                ),
                Kind::EnvBash
            ),
            ["env/misspelled-variable"]
        );
        assert_eq!(
            codes(&format!("export OPENAI_API_KEY='{KEY} '"), Kind::EnvBash),
            ["key/surrounding-space"]
        );
        assert_eq!(
            fixed(&format!("export OPENAI_API_KEY='{KEY} '"), Kind::EnvBash),
            format!("export OPENAI_API_KEY='{KEY}'")
        );
    }

    #[test]
    fn windows_mistakes() {
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

    #[test]
    fn fish_needs_export() {
        assert_eq!(
            codes(&format!("set OPENAI_API_KEY {KEY}"), Kind::EnvFish),
            ["env/not-exported"]
        );
        assert_eq!(
            fixed(&format!("set OPENAI_API_KEY {KEY}"), Kind::EnvFish),
            format!("set -gx OPENAI_API_KEY {KEY}")
        );
        assert!(codes(&format!("set -Ux OPENAI_API_KEY '{KEY}'"), Kind::EnvFish).is_empty());
    }

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
