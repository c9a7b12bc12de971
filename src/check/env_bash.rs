//! The kind of input for bash and zsh: `export NAME=value` lines, as a profile file or a
//! terminal reads them, and their reader: `export`, plain assignments and `set -a`, command
//! by command as `shell/words.rs` splits them. `env.rs` judges what they set.

use super::env::{self, ASSIGNED_NOT_EXPORTED, Assignment, Lines, Reach, SPACE_AROUND_EQUALS};
use super::{Checked, Context, Finding, KindCheck, KindSpec};
use crate::i18n::Text;
use crate::shell::words::{Word, variable_name};
use crate::shell::{Shell, posix};
use std::collections::HashSet;

/// This kind, as people and programs name it.
pub const KIND: KindSpec = KindSpec {
    id: "env-bash",
    label: Text {
        en: "Environment lines (bash/zsh)",
        zh: "环境变量命令（bash/zsh）",
    },
    one_value: false,
    shell: Some(Shell::Posix),
};

/// How the doctor reads this kind.
pub const CHECK: KindCheck = KindCheck {
    check,
    recognise: None,
};

/// Lines for bash or zsh (`export NAME=value`).
fn check(text: &str, context: &Context) -> Checked {
    env::check(text, Lines::Shell(Shell::Posix), context)
}

/// bash and zsh lines, command by command: `export`, plain assignments (for the shell
/// alone unless `set -a` is on or the name is exported), and assignments before a command.
pub(super) fn assignments(text: &str, findings: &mut Vec<Finding>) -> Vec<Assignment> {
    let mut assignments = Vec::new();
    let mut exported = HashSet::new();
    let mut all_export = false;
    for (command, leading) in env::shell_commands(text, Shell::Posix, posix::WORDS, findings) {
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

#[cfg(test)]
mod tests {
    use crate::check::Kind;
    use crate::check::testing::{codes, fixed};

    const KEY: &str = "sk-abc123abc123abc123";

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
}
