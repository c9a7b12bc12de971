//! The kind of input for fish: `set -gx NAME value` lines, and their reader: `set` with or
//! without `-x`, `export`, assignments before a command, as `shell/words.rs` splits them.
//! `env.rs` judges what they set.

use super::env::{self, Assignment, Lines, NOT_EXPORTED, Reach, WRONG_SHELL};
use super::{Checked, Context, Finding, KindCheck, KindSpec};
use crate::i18n::Text;
use crate::shell::words::variable_name;
use crate::shell::{Shell, fish};

/// This kind, as people and programs name it.
pub const KIND: KindSpec = KindSpec {
    id: "env-fish",
    label: Text {
        en: "Environment lines (fish)",
        zh: "环境变量命令（fish）",
    },
    one_value: false,
    shell: Some(Shell::Fish),
};

/// How the doctor reads this kind.
pub const CHECK: KindCheck = KindCheck {
    check,
    recognise: None,
};

/// Lines for fish (`set -gx NAME value`).
fn check(text: &str, context: &Context) -> Checked {
    env::check(text, Lines::Shell(Shell::Fish), context)
}

/// fish lines: `set` with or without `-x`, `export NAME=value`, `NAME=value program`.
pub(super) fn assignments(text: &str, findings: &mut Vec<Finding>) -> Vec<Assignment> {
    let mut assignments = Vec::new();
    for (command, leading) in env::shell_commands(text, Shell::Fish, fish::WORDS, findings) {
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

#[cfg(test)]
mod tests {
    use crate::check::Kind;
    use crate::check::testing::{codes, fixed};

    const KEY: &str = "sk-abc123abc123abc123";

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
}
