//! fish: `set -gx NAME 'value'`, single quotes in which only `\'` and `\\` are escapes.

use super::words::Syntax;
use super::{Scope, ShellSpec, cmd, posix};
use crate::i18n::Msg;
use crate::platform::{Format, Os};

/// fish, as people and the doctor know it.
pub const DIALECT: ShellSpec = ShellSpec {
    id: "fish",
    aliases: &[],
    name: "fish",
    rank: 1,
    systems: &[Os::Macos, Os::Linux, Os::Wsl],
    usual_on: &[],
    format: Format::Fish,
    word: quoted,
    argument: |value| Some(quoted(value)),
    set_line,
    unset_line,
    persistent_note: Msg::EnvPersistentNote,
    sets_variable,
    // fish 3 accepts `export NAME=value` as well.
    also_runs: posix::DIALECT.sets_variable,
};

/// The doctor reads its lines command by command, by these rules of `words.rs`.
pub const WORDS: Syntax = Syntax::Fish;

/// A fish word: single quotes, in which only `\'` and `\\` are escapes.
pub fn quoted(value: &str) -> String {
    format!("'{}'", value.replace('\\', r"\\").replace('\'', r"\'"))
}

/// `-g` holds for this terminal; `-U`, a universal variable, for every fish from now on.
fn set_line(name: &str, value: &str, scope: Scope) -> Option<String> {
    let flags = match scope {
        Scope::Session => "-gx",
        Scope::Persistent => "-Ux",
    };
    Some(format!("set {flags} {name} {}", quoted(value)))
}

fn unset_line(name: &str, scope: Scope) -> String {
    match scope {
        Scope::Session => format!("set -e {name}"),
        Scope::Persistent => format!("set -Ue {name}"),
    }
}

/// `set -gx NAME value` or `set NAME value`: a `set` that is neither bash's options alone
/// nor cmd's `set NAME=value`.
fn sets_variable(statement: &str) -> bool {
    let mut words = statement.split_whitespace();
    if words.next() != Some("set") {
        return false;
    }
    let rest: Vec<&str> = words.collect();
    !posix::sets_options(&rest) && !cmd::sets_with_equals(&rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_as_documented() {
        assert_eq!(quoted(r"it's \o/"), r"'it\'s \\o/'");
    }
}
