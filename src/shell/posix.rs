//! bash, zsh and the other POSIX shells: `export NAME='value'`, single quotes in which
//! nothing is special.

use super::words::Syntax;
use super::{Scope, ShellSpec};
use crate::i18n::Msg;
use crate::platform::{Format, Os};

/// bash and zsh, as people and the doctor know them.
pub const DIALECT: ShellSpec = ShellSpec {
    id: "bash",
    aliases: &["zsh", "sh"],
    name: "bash / zsh",
    rank: 0,
    systems: &[Os::Macos, Os::Linux, Os::Wsl],
    usual_on: &[Os::Macos, Os::Linux, Os::Wsl],
    format: Format::Posix,
    word: quoted,
    argument: |value| Some(quoted(value)),
    set_line,
    unset_line: |name, _| format!("unset {name}"),
    persistent_note: Msg::EnvPosixProfileNote,
    sets_variable,
    also_runs: |_| false,
};

/// The doctor reads its lines command by command, by these rules of `words.rs`.
pub const WORDS: Syntax = Syntax::Posix;

/// A POSIX shell word (bash, zsh, dash): single quotes, in which nothing is special, with each
/// `'` written as `'\''`. A NUL byte cannot be part of a shell word or an environment
/// variable at all; callers check values with [`super::fits_environment`] first.
pub fn quoted(value: &str) -> String {
    format!("'{}'", value.replace('\'', r"'\''"))
}

/// `export` holds for this terminal; a profile file runs the same line in every new one.
fn set_line(name: &str, value: &str, _: Scope) -> Option<String> {
    Some(format!("export {name}={}", quoted(value)))
}

/// `export NAME=…`, `unset NAME`, or `set` with options alone (`set -a`, `set +o allexport`).
fn sets_variable(statement: &str) -> bool {
    let mut words = statement.split_whitespace();
    match words.next() {
        Some("export" | "unset") => true,
        Some("set") => sets_options(&words.collect::<Vec<_>>()),
        _ => false,
    }
}

/// Whether the words after `set` (in lower case) are bash's options alone (`-a`,
/// `+o allexport`), as opposed to fish's `set -gx NAME value` or `set NAME value` and cmd's
/// `set NAME=value`.
pub(super) fn sets_options(rest: &[&str]) -> bool {
    let options = !rest.is_empty()
        && rest.iter().enumerate().all(|(index, word)| {
            (word.len() > 1
                && word.starts_with(['-', '+'])
                && word[1..].bytes().all(|b| b.is_ascii_alphabetic()))
                || (index > 0 && matches!(rest[index - 1], "-o" | "+o"))
        })
        && !rest.iter().any(|word| word.starts_with("--"))
        && rest.len() <= 2;
    options && (rest.len() == 1 || matches!(rest[0], "-o" | "+o"))
}

// Native only: these tests run bash and use proptest.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Strings that break naive quoting.
    const AWKWARD: [&str; 8] = [
        "",
        "it's",
        r#"say "hi""#,
        r"back\slash\",
        "$HOME `whoami` $(id)",
        "100% %PATH% !bang!",
        "tab\tnew\nline\r",
        "ünï©ødé 模型 🔑 \u{FEFF}\u{85}\u{7F}",
    ];

    #[test]
    fn quotes_as_documented() {
        assert_eq!(quoted("it's"), r"'it'\''s'");
    }

    #[test]
    fn words_survive_bash() {
        for value in AWKWARD {
            assert_eq!(bash_echo(value), value, "{value:?}");
        }
    }

    /// What bash prints for `printf %s <word>`.
    fn bash_echo(value: &str) -> String {
        let output = std::process::Command::new("bash")
            .arg("-c")
            .arg(format!("printf %s {}", quoted(value)))
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap()
    }

    proptest! {
        // Each case starts a bash process: fewer cases, each with shell-hostile characters.
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn any_string_survives_bash(value in "[^\u{0}]{0,24}|[ -~]{0,24}|['\"\\\\$`!%\n\t ]{0,24}") {
            prop_assert_eq!(bash_echo(&value), value);
        }
    }
}
