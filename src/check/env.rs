//! Rules for environment-variable lines as pasted into a shell or a `.env` file: what every
//! shell's reader shares (an [`Assignment`] and its [`Reach`], the rules, the commands of
//! bash, zsh and fish, the statements of the others), and the judging of what they set: the
//! values (URL, key, model) by the variable's name. Each shell's reader is in its kind's file
//! (`env_bash.rs`, `env_fish.rs`, `env_power_shell.rs`, `env_cmd.rs`, `dot_env.rs`); the
//! rules stay here, in the order `onramp rules` lists them.

use super::{
    Checked, Context, Finding, claude_settings, dot_env, embed, env_bash, env_cmd, env_fish,
    env_power_shell, fix, key, model, url,
};
use crate::clients::claude_code::{API_KEY_VARIABLE, AUTH_TOKEN_VARIABLE};
use crate::clients::{Client, openai_sdk};
use crate::escape;
use crate::i18n::Text;
use crate::shell::words::{self, Command, Syntax, Unclosed, Word};
use crate::shell::{self, LineSyntax, Shell};
use std::collections::HashSet;
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
        severity: Error,
        evidence: Client("fish 3.6.0: after `set NAME value` a program started from fish has no NAME in its environment; after `set -gx NAME value` it has (tests/shells.rs)"),
        message: Text {
            en: "set without -x makes a fish variable that programs do not see.",
            zh: "不带 -x 的 set 只会创建 fish 变量，程序看不到它。",
        },
        why: Text {
            en: "The client does not get the variable (unless it was exported before): add -gx.",
            zh: "客户端拿不到这个变量（除非它之前已被导出）：请加上 -gx。",
        },
        fix: Some(fix::ADD),
    }

    ASSIGNED_NOT_EXPORTED {
        code: "env/assigned-not-exported",
        severity: Error,
        evidence: Client("bash 5.2.15 and zsh 5.9: after `NAME=value` alone a program started from the shell has no NAME in its environment; after `export NAME=value`, `set -a` or `NAME=value program` it has (tests/shells.rs)"),
        message: Text {
            en: "Without export, only this shell has the variable: programs it starts do not get it.",
            zh: "没有 export，这个变量只存在于当前命令行中：它启动的程序拿不到。",
        },
        why: Text {
            en: "The client starts without it (unless it was exported before) and finds no key or address: write export before the name.",
            zh: "客户端启动时没有这个变量（除非它之前已被导出），于是找不到密钥或地址：请在名称前加上 export。",
        },
        fix: Some(fix::ADD),
    }

    EXPANDED_IN_VALUE {
        code: "env/expanded-in-value",
        severity: Error,
        evidence: Client("bash 5.2.15, zsh 5.9 and fish 3.6.0 replace $NAME, ${…}, $(…) (and in bash and zsh `…`) inside double quotes and unquoted, an unset NAME by nothing (tests/shells.rs); PowerShell does the same in double quotes (about_Quoting_Rules)"),
        message: Text {
            en: "The shell replaces this $… (or `…`) with something else: the value is not what is written.",
            zh: "命令行会把这里的 $…（或 `…`）替换成别的内容：值不再是写下的样子。",
        },
        why: Text {
            en: "A key, address or model with a $ in it reaches the client changed, and the relay answers 401 or 404. In single quotes nothing is replaced.",
            zh: "含有 $ 的密钥、地址或模型到达客户端时已被改变，中转服务会返回 401 或 404。放在单引号中就不会被替换。",
        },
        fix: Some(fix::SINGLE_QUOTES),
    }

    TEXT_AFTER_QUOTE {
        code: "env/text-after-quote",
        severity: Error,
        evidence: Client("bash 5.2.15, zsh 5.9 and fish 3.6.0 join characters written right after a closing quote to the value: export K='sk-1'. sets sk-1. (tests/shells.rs); PowerShell refuses a token after a string (about_Parsing)"),
        message: Text {
            en: "These characters after the closing quote become part of the value.",
            zh: "右引号后面的这些字符会成为值的一部分。",
        },
        why: Text {
            en: "Copied from a sentence, the value took its punctuation along: bash, zsh and fish add it to the key, address or model (401, 404); PowerShell refuses the line.",
            zh: "从句子中复制时把标点也带上了：bash、zsh 和 fish 会把它加进密钥、地址或模型（401、404）；PowerShell 会拒绝这一行。",
        },
        fix: Some(fix::REMOVE),
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

/// Whose lines a text is: a shell's, or a `.env` file's (which the SDKs' dotenv loaders read,
/// no shell).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    Shell(Shell),
    DotEnv,
}

impl Lines {
    /// How a fixed value is written back in these lines.
    fn quoting(self) -> fn(&str) -> String {
        match self {
            Lines::Shell(shell) => shell.quoting(),
            Lines::DotEnv => escape::json,
        }
    }

    /// Whether `statement`, a shell's way of setting a variable, is another's than these
    /// lines': the variable is not set. A `.env` file takes bash's `export NAME=value`.
    pub(super) fn is_foreign(self, statement: &str) -> bool {
        Shell::setting_variable_in(statement).is_some()
            && !match self {
                Lines::Shell(shell) => shell.runs(statement),
                Lines::DotEnv => Shell::Posix.runs(statement),
            }
    }
}

/// Who sees a variable once the lines have run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// The environment: every program started afterwards gets it.
    Exported,
    /// The shell alone (`NAME=value` in bash, `set NAME value` in fish): programs it starts
    /// do not get it.
    ShellOnly,
    /// The one command on the same line (`NAME=value codex`).
    CommandOnly,
    /// No one: the shell reads the line otherwise (`NAME = value` runs a program `NAME`),
    /// and the doctor judges the value it means.
    Nowhere,
}

/// One variable the lines set, as the shell sets it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    pub name: Range<usize>,
    /// The value as written, quotes included.
    pub literal: Range<usize>,
    /// The value the shell ends up with; `None` where it replaces a part of it (`$…`).
    pub value: Option<String>,
    /// The value as written with nothing replaced, and the first part that is.
    pub meant: String,
    pub expansion: Option<Range<usize>>,
    /// Copy artifacts right after a closing quote.
    pub after_quote: Option<Range<usize>>,
    pub reach: Reach,
}

impl Assignment {
    /// The assignment a `NAME=value` word makes.
    pub(super) fn of_word(word: &Word, reach: Reach) -> Option<Assignment> {
        let equals = word.equals?;
        Some(Assignment {
            name: word.span.start..word.span.start + equals,
            literal: word.span.start + equals + 1..word.span.end,
            value: word
                .value
                .as_ref()
                .map(|value| value[equals + 1..].to_owned()),
            meant: word.meant[equals + 1..].to_owned(),
            expansion: word.expansion.clone(),
            after_quote: word.after_quote.clone(),
            reach,
        })
    }

    /// The assignment of `name` to the value of `words` (fish's `set NAME a b`: joined by
    /// spaces, as fish exports a list).
    pub(super) fn of_words(
        name: Range<usize>,
        words: &[Word],
        at: usize,
        reach: Reach,
    ) -> Assignment {
        let join = |part: fn(&Word) -> Option<&str>| {
            words
                .iter()
                .map(part)
                .collect::<Option<Vec<_>>>()
                .map(|parts| parts.join(" "))
        };
        Assignment {
            name,
            literal: words.first().map_or(at, |w| w.span.start)
                ..words.last().map_or(at, |w| w.span.end),
            value: join(|word| word.value.as_deref()),
            meant: join(|word| Some(&word.meant)).unwrap_or_default(),
            expansion: words.iter().find_map(|word| word.expansion.clone()),
            after_quote: words.last().and_then(|word| word.after_quote.clone()),
            reach,
        }
    }

    /// A value read by the per-line parsers (PowerShell, cmd, `.env`), with nothing replaced.
    pub(super) fn plain(name: Range<usize>, literal: Range<usize>, value: String) -> Assignment {
        Assignment {
            name,
            literal,
            meant: value.clone(),
            value: Some(value),
            expansion: None,
            after_quote: None,
            reach: Reach::Exported,
        }
    }
}

/// The variables `text` sets, read as `lines`' shell (or dotenv loader) reads it: what the
/// doctor judges, and what `tests/shells.rs` compares with the real shells.
pub fn assignments(text: &str, lines: Lines) -> Vec<Assignment> {
    read(text, lines, &mut Vec::new())
}

/// The assignments of `text`, with what is wrong in its syntax added to `findings`.
fn read(text: &str, lines: Lines, findings: &mut Vec<Finding>) -> Vec<Assignment> {
    match lines {
        Lines::Shell(Shell::Posix) => env_bash::assignments(text, findings),
        Lines::Shell(Shell::Fish) => env_fish::assignments(text, findings),
        Lines::Shell(Shell::PowerShell) => env_power_shell::assignments(text, findings),
        Lines::Shell(Shell::Cmd) => env_cmd::assignments(text, findings),
        Lines::DotEnv => dot_env::assignments(text, findings),
    }
}

/// The assignments of `text` split into statements by `syntax`, each statement (trimmed, not
/// a comment) read by `read` with its offset.
pub(super) fn line_by_line(
    text: &str,
    syntax: LineSyntax,
    findings: &mut Vec<Finding>,
    read: fn(&str, usize, &mut Vec<Finding>) -> Option<Assignment>,
) -> Vec<Assignment> {
    let mut assignments = Vec::new();
    for (start, line) in shell::statements(text, syntax) {
        let content = line.trim_end_matches(['\n', '\r']);
        let indent = content.len() - content.trim_start().len();
        let statement = &content[indent..];
        if statement.is_empty() || (syntax.is_comment)(statement) {
            continue;
        }
        assignments.extend(read(statement, start + indent, findings));
    }
    assignments
}

/// The value rules about what a copy out of a sentence left after the value.
const TAIL_RULES: [&str; 5] = [
    "key/copied-punctuation",
    "key/trailing-punctuation",
    "key/quoted",
    "url/copied-punctuation",
    "model/copied-punctuation",
];

pub(super) fn check(text: &str, lines: Lines, context: &Context) -> Checked {
    let mut findings = Vec::new();
    let mut secrets = Vec::new();
    let mut names = Vec::new();
    let assignments = read(text, lines, &mut findings);
    // The values whose quotes cmd keeps, as reading found them: looked up for each assignment,
    // once (searching the findings for each made a file of many lines quadratic).
    let quotes_kept: HashSet<Range<usize>> = findings
        .iter()
        .filter(|finding| finding.rule.code == QUOTES_IN_VALUE.code)
        .map(|finding| finding.span.clone())
        .collect();
    for assignment in assignments {
        let name = &text[assignment.name.clone()];
        if let Some(after) = assignment.after_quote.clone() {
            findings.push(Finding::new(&TEXT_AFTER_QUOTE, after.clone()).with_edit(after, ""));
        }
        if assignment.value.as_deref() == Some("") || assignment.literal.is_empty() {
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
        let quote = lines.quoting();
        let literal = assignment.literal.clone();
        let upper = name.to_ascii_uppercase();
        let is_url = upper.ends_with("_BASE_URL") || upper.ends_with("_API_BASE");
        let is_key = !is_url && (upper.contains("KEY") || upper.contains("TOKEN"));
        let is_model = !is_url && !is_key && upper.ends_with("MODEL");
        if is_key {
            secrets.push(super::unquoted(text, &literal));
        }
        let Some(value) = &assignment.value else {
            // A value that starts with a reference (`"$RELAY_KEY"`, `"${BASE}/v1"`) is meant
            // to expand; text before a `$` is a value with a `$` in it.
            let expansion = assignment.expansion.clone().unwrap_or(literal.clone());
            let before =
                text[literal.start..expansion.start.max(literal.start)].trim_matches(['"', '\'']);
            if (is_url || is_key || is_model) && !before.is_empty() {
                findings.push(
                    Finding::new(&EXPANDED_IN_VALUE, expansion)
                        .with_edit(literal, &quote(&assignment.meant)),
                );
            }
            continue;
        };
        // The client the variable is for, when its name says; else the one being set up.
        let reader = Client::reading_variable(name, context.profile).or(context.client);
        let checked = if is_url {
            // Every reader of OPENAI_BASE_URL wants the relay's OpenAI-compatible base path.
            let client = reader
                .or_else(|| (name == openai_sdk::BASE_URL_VARIABLE).then_some(Client::OpenaiSdk));
            url::check(value, &Context { client, ..*context })
        } else if is_key {
            key::check(
                value,
                &Context {
                    client: reader,
                    ..*context
                },
            )
        } else if is_model {
            model::check(value, context)
        } else {
            continue;
        };
        // Punctuation and quotes after the value's end are the line's to fix when the shell
        // took them from after a closing quote (text-after-quote), or when cmd keeps quotes
        // (quotes-in-value: with the quote moved, cmd drops what follows it).
        let line_fixes_the_tail =
            assignment.after_quote.is_some() || quotes_kept.contains(&literal);
        let value_findings = checked
            .findings
            .into_iter()
            .filter(|finding| !(line_fixes_the_tail && TAIL_RULES.contains(&finding.rule.code)));
        findings.extend(embed(value_findings.collect(), value, text, literal, quote));
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

/// The commands of `text` as `shell` (bash/zsh or fish, read by `syntax`) reads them, each
/// with the number of assignments before its program; a quote never closed and another
/// shell's lines become findings.
pub(super) fn shell_commands(
    text: &str,
    shell: Shell,
    syntax: Syntax,
    findings: &mut Vec<Finding>,
) -> Vec<(Command, usize)> {
    let (commands, unclosed) = words::commands(text, syntax);
    if let Some(Unclosed(span)) = unclosed {
        findings.push(Finding::new(&UNBALANCED_QUOTES, span));
    }
    commands
        .into_iter()
        .filter_map(|command| {
            if Lines::Shell(shell).is_foreign(&text[command.span.clone()]) {
                findings.push(Finding::new(&WRONG_SHELL, command.span.clone()));
                return None;
            }
            let leading = command
                .words
                .iter()
                .take_while(|word| word.equals.is_some())
                .count();
            Some((command, leading))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Kind;
    use crate::check::testing::codes;
    use crate::platform::{Os, Target};
    use crate::profile::Profile;
    use crate::shell::{EnvChange, Scope};

    const KEY: &str = "sk-abc123abc123abc123";

    #[test]
    fn generated_lines_are_clean_in_every_shell() {
        let profile = Profile::builtin();
        let values = crate::clients::Values {
            key: KEY.into(),
            base_url: String::new(),
            model: "claude-x".into(),
        };
        for (os, shell) in [
            (Os::Linux, Shell::Posix),
            (Os::Linux, Shell::Fish),
            (Os::Windows, Shell::PowerShell),
            (Os::Windows, Shell::Cmd),
        ] {
            for client in [
                Client::ClaudeCode,
                Client::OpenaiSdk,
                Client::Aider,
                Client::Codex,
            ] {
                let target = Target::with_shell(os, shell).unwrap();
                let setup = client.setup(&profile, &values, target);
                for section in setup.sections.iter().filter(|s| s.id.starts_with("env-")) {
                    for snippet in section.snippets.iter().filter(|s| {
                        matches!(
                            s.kind,
                            crate::clients::SnippetKind::Commands { scope: Some(_), .. }
                        )
                    }) {
                        assert!(
                            codes(&snippet.content, Kind::for_shell(shell).unwrap()).is_empty(),
                            "{client:?} {shell:?}:\n{}",
                            snippet.content
                        );
                    }
                }
            }
        }
    }

    /// What each shell writes for a value, the doctor's reader for that shell reads back as
    /// the same value; a value a shell cannot hold stays refused, not mangled.
    #[test]
    fn every_shell_reads_back_what_it_writes() {
        let awkward = [
            "plain",
            "it's",
            r#"say "hi""#,
            r"back\slash\",
            "$HOME `whoami` $(id)",
            "spaces  inside and after ",
            "ünï©ødé 模型 🔑",
            "100% !bang!",
            "two\nlines",
            "a\0b",
        ];
        // The values each shell refuses: cmd has no quoting for `"`, `%`, `!` or a line
        // break, and no shell holds a NUL byte.
        let refused = |shell: Shell, value: &str| {
            value.contains('\0') || (shell == Shell::Cmd && value.contains(['"', '%', '!', '\n']))
        };
        for shell in Shell::ALL {
            for value in awkward {
                for scope in [Scope::Session, Scope::Persistent] {
                    let change = EnvChange {
                        set: &[("ONRAMP_V", value)],
                        unset: &[],
                    };
                    let Some(lines) = shell.commands(change, scope) else {
                        assert!(refused(shell, value), "{shell:?} refused {value:?}");
                        continue;
                    };
                    assert!(!refused(shell, value), "{shell:?} wrote {value:?}");
                    let read = assignments(&lines, Lines::Shell(shell));
                    let values: Vec<Option<&str>> =
                        read.iter().map(|read| read.value.as_deref()).collect();
                    assert_eq!(values, [Some(value)], "{shell:?} {scope:?}:\n{lines}");
                }
            }
        }
    }
}
