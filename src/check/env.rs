//! Rules for environment-variable lines as pasted into a shell or a `.env` file: the syntax of
//! each shell, then the values (URL, key, model) by the variable's name.

use super::{Checked, Context, Finding, claude_settings, embed, fix, key, model, url};
use crate::clients::claude_code::{API_KEY_VARIABLE, AUTH_TOKEN_VARIABLE};
use crate::clients::{Client, openai_sdk};
use crate::escape;
use crate::i18n::Text;
use crate::shell::words::{self, Command, Syntax, Unclosed, Word, variable_name};
use crate::shell::{self, LineSyntax, Shell, cmd as cmd_shell, fish, posix, power_shell};
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

/// How a `.env` file splits into statements: line by line, a quoted value perhaps over
/// several, `#` comments.
const DOTENV_LINES: LineSyntax = LineSyntax {
    quotes: Some('\\'),
    semicolon_ends: false,
    is_comment: shell::hash_comment,
};

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
    fn is_foreign(self, statement: &str) -> bool {
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
    fn of_word(word: &Word, reach: Reach) -> Option<Assignment> {
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
    fn of_words(name: Range<usize>, words: &[Word], at: usize, reach: Reach) -> Assignment {
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
    fn plain(name: Range<usize>, literal: Range<usize>, value: String) -> Assignment {
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

/// Lines for bash or zsh (`export NAME=value`).
pub fn check_bash(text: &str, context: &Context) -> Checked {
    check(text, Lines::Shell(Shell::Posix), context)
}

/// Lines for fish (`set -gx NAME value`).
pub fn check_fish(text: &str, context: &Context) -> Checked {
    check(text, Lines::Shell(Shell::Fish), context)
}

/// Lines for PowerShell (`$env:NAME = 'value'`).
pub fn check_powershell(text: &str, context: &Context) -> Checked {
    check(text, Lines::Shell(Shell::PowerShell), context)
}

/// Lines for cmd (`set "NAME=value"`).
pub fn check_cmd(text: &str, context: &Context) -> Checked {
    check(text, Lines::Shell(Shell::Cmd), context)
}

/// A `.env` file (`NAME=value`).
pub fn check_dotenv(text: &str, context: &Context) -> Checked {
    check(text, Lines::DotEnv, context)
}

/// The assignments of `text`, with what is wrong in its syntax added to `findings`.
fn read(text: &str, lines: Lines, findings: &mut Vec<Finding>) -> Vec<Assignment> {
    match lines {
        Lines::Shell(Shell::Posix) => posix_lines(text, findings),
        Lines::Shell(Shell::Fish) => fish_lines(text, findings),
        Lines::Shell(Shell::PowerShell) => {
            line_by_line(text, power_shell::LINES, findings, powershell)
        }
        Lines::Shell(Shell::Cmd) => line_by_line(text, cmd_shell::LINES, findings, cmd),
        Lines::DotEnv => line_by_line(text, DOTENV_LINES, findings, dotenv),
    }
}

/// The assignments of `text` split into statements by `syntax`, each statement (trimmed, not
/// a comment) read by `read` with its offset.
fn line_by_line(
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

fn check(text: &str, lines: Lines, context: &Context) -> Checked {
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
fn shell_commands(
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

/// bash and zsh lines, command by command: `export`, plain assignments (for the shell
/// alone unless `set -a` is on or the name is exported), and assignments before a command.
fn posix_lines(text: &str, findings: &mut Vec<Finding>) -> Vec<Assignment> {
    let mut assignments = Vec::new();
    let mut exported = HashSet::new();
    let mut all_export = false;
    for (command, leading) in shell_commands(text, Shell::Posix, posix::WORDS, findings) {
        let words = &command.words;
        let (prefix, rest) = words.split_at(leading);
        let program = rest.first().and_then(|word| word.value.as_deref());
        match program {
            // In the background or a pipeline, only the program itself gets its variables.
            None | Some("export" | "set") if !command.runs_here => {}
            None => {
                // Only assignments: the shell keeps them. `NAME= value` runs `value`.
                if let Some(spaced) = spaced_assignment(words, text, findings) {
                    assignments.push(spaced);
                    continue;
                }
                let reach = if all_export {
                    Reach::Exported
                } else {
                    Reach::ShellOnly
                };
                assignments.extend(prefix.iter().filter_map(|w| Assignment::of_word(w, reach)));
            }
            Some("export") if prefix.is_empty() => {
                let mut index = 1;
                while index < rest.len() {
                    if let Some(spaced) = spaced_assignment(&rest[index..], text, findings) {
                        assignments.push(spaced);
                        index += 2;
                    } else if let Some(assignment) =
                        Assignment::of_word(&rest[index], Reach::Exported)
                    {
                        assignments.push(assignment);
                    } else if let Some(name) = rest[index].value.as_deref() {
                        exported.insert(name.to_owned());
                    }
                    index += 1;
                }
            }
            Some("set") if prefix.is_empty() => {
                let flags: Vec<&str> = rest[1..]
                    .iter()
                    .filter_map(|w| w.value.as_deref())
                    .collect();
                for (index, flag) in flags.iter().enumerate() {
                    let allexport = flags.get(index + 1) == Some(&"allexport");
                    match *flag {
                        "-a" => all_export = true,
                        "+a" => all_export = false,
                        "-o" if allexport => all_export = true,
                        "+o" if allexport => all_export = false,
                        _ => {}
                    }
                }
            }
            Some(_) => {
                if let Some(spaced) = spaced_assignment(words, text, findings) {
                    assignments.push(spaced);
                    continue;
                }
                // `NAME=value program`, `env NAME=value program`: for that program alone.
                let env_prefix = if program == Some("env") {
                    rest[1..]
                        .iter()
                        .take_while(|word| word.equals.is_some())
                        .count()
                } else {
                    0
                };
                assignments.extend(
                    prefix
                        .iter()
                        .chain(&rest[1..1 + env_prefix])
                        .filter_map(|word| Assignment::of_word(word, Reach::CommandOnly)),
                );
            }
        }
    }
    for assignment in &mut assignments {
        let name = &text[assignment.name.clone()];
        if assignment.reach == Reach::ShellOnly && exported.contains(name) {
            assignment.reach = Reach::Exported;
        }
        if assignment.reach == Reach::ShellOnly {
            let at = assignment.name.start;
            findings.push(
                Finding::new(&ASSIGNED_NOT_EXPORTED, assignment.name.clone())
                    .with_edit(at..at, "export "),
            );
        }
    }
    assignments
}

/// `NAME = value`, `NAME =value` or `NAME= value` at the start of `words`: what the person
/// meant, with the spaces to take out.
fn spaced_assignment(
    words: &[Word],
    text: &str,
    findings: &mut Vec<Finding>,
) -> Option<Assignment> {
    let first = words.first()?;
    let first_text = first.text(text);
    let is_name = |word: &Word| {
        let text = word.text(text);
        !text.is_empty() && variable_name(text) == text.len()
    };
    let second = words.get(1)?;
    let (name, value_word, equals_at, strip) =
        if is_name(first) && second.text(text).starts_with('=') {
            if second.text(text) == "=" {
                (first.span.clone(), words.get(2)?, second.span.start, false)
            } else {
                (first.span.clone(), second, second.span.start, true)
            }
        } else if first.equals == Some(first_text.len() - 1) && !first.quoted && words.len() == 2 {
            // `NAME= value` and nothing else: `NAME= program args` sets NAME empty for it.
            let name = first.span.start..first.span.end - 1;
            (name, second, first.span.end - 1, false)
        } else {
            return None;
        };
    let value_start = value_word.span.start + usize::from(strip);
    let mut finding = Finding::new(&SPACE_AROUND_EQUALS, name.end..value_start);
    if equals_at > name.end {
        finding = finding.with_edit(name.end..equals_at, "");
    }
    if value_start > equals_at + 1 {
        finding = finding.with_edit(equals_at + 1..value_word.span.start, "");
    }
    findings.push(finding);
    let strip_equals = |s: &str| s.strip_prefix('=').unwrap_or(s).to_owned();
    Some(Assignment {
        name,
        literal: value_start..value_word.span.end,
        value: value_word
            .value
            .as_deref()
            .map(|v| if strip { strip_equals(v) } else { v.to_owned() }),
        meant: if strip {
            strip_equals(&value_word.meant)
        } else {
            value_word.meant.clone()
        },
        expansion: value_word.expansion.clone(),
        after_quote: value_word.after_quote.clone(),
        reach: Reach::Nowhere,
    })
}

/// fish lines: `set` with or without `-x`, `export NAME=value`, `NAME=value program`.
fn fish_lines(text: &str, findings: &mut Vec<Finding>) -> Vec<Assignment> {
    let mut assignments = Vec::new();
    for (command, leading) in shell_commands(text, Shell::Fish, fish::WORDS, findings) {
        let (prefix, rest) = command.words.split_at(leading);
        match rest.first().and_then(|word| word.value.as_deref()) {
            // fish refuses `NAME=value` alone: "Unsupported use of '='".
            None => findings.push(Finding::new(&WRONG_SHELL, command.span.clone())),
            Some("export") if prefix.is_empty() => assignments.extend(
                rest[1..]
                    .iter()
                    .filter_map(|word| Assignment::of_word(word, Reach::Exported)),
            ),
            Some("set") if prefix.is_empty() => {
                let set = &rest[0];
                let flags = rest[1..]
                    .iter()
                    .take_while(|word| word.text(text).starts_with('-'))
                    .count();
                let mut exported = false;
                for flag in &rest[1..1 + flags] {
                    let flag = flag.text(text);
                    let long = flag.starts_with("--");
                    exported |= flag == "--export" || (!long && flag.contains('x'));
                }
                let erase_or_query = rest[1..1 + flags].iter().any(|flag| {
                    let flag = flag.text(text);
                    matches!(flag, "--erase" | "--query" | "--names" | "--show")
                        || (!flag.starts_with("--") && flag.contains(['e', 'q', 'n', 'S']))
                });
                let Some(name_word) = rest.get(1 + flags) else {
                    continue;
                };
                let name_text = name_word.text(text);
                if erase_or_query
                    || name_text.is_empty()
                    || variable_name(name_text) != name_text.len()
                {
                    continue;
                }
                let reach = if exported {
                    Reach::Exported
                } else {
                    Reach::ShellOnly
                };
                if !exported {
                    let after_set = set.span.end;
                    findings.push(
                        Finding::new(&NOT_EXPORTED, set.span.clone())
                            .with_edit(after_set..after_set, " -gx"),
                    );
                }
                assignments.push(Assignment::of_words(
                    name_word.span.clone(),
                    &rest[2 + flags..],
                    name_word.span.end,
                    reach,
                ));
            }
            Some(_) => assignments.extend(
                prefix
                    .iter()
                    .filter_map(|word| Assignment::of_word(word, Reach::CommandOnly)),
            ),
        }
    }
    assignments
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
fn dotenv(statement: &str, at: usize, findings: &mut Vec<Finding>) -> Option<Assignment> {
    if Lines::DotEnv.is_foreign(statement) {
        findings.push(Finding::new(&WRONG_SHELL, at..at + statement.len()));
        return None;
    }
    let skip = statement
        .strip_prefix("export ")
        .map_or(0, |rest| statement.len() - rest.trim_start().len());
    name_equals_value(&statement[skip..], at + skip, findings)
}

fn powershell(statement: &str, at: usize, findings: &mut Vec<Finding>) -> Option<Assignment> {
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
        return cmd(statement, at, findings);
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
            let artifacts = tail.len() - tail.trim_start_matches(words::is_copy_artifact).len();
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

fn cmd(statement: &str, at: usize, findings: &mut Vec<Finding>) -> Option<Assignment> {
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
    use super::*;
    use crate::check::{Kind, fix_all};
    use crate::platform::{Os, Target};
    use crate::profile::Profile;
    use crate::shell::{EnvChange, Scope};

    fn codes(text: &str, kind: Kind) -> Vec<&'static str> {
        let lines = kind.spec().shell.map_or(Lines::DotEnv, Lines::Shell);
        crate::check::testing::sorted_codes(
            &check(text, lines, &crate::check::testing::context()).findings,
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
        .text
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
