//! cmd: `set "NAME=value"`, with no quoting that holds every value.

use super::{LineSyntax, Scope, ShellSpec, posix};
use crate::i18n::Msg;
use crate::platform::{Format, Os};

/// cmd, as people and the doctor know it.
pub const DIALECT: ShellSpec = ShellSpec {
    id: "cmd",
    aliases: &[],
    name: "cmd",
    rank: 3,
    systems: &[Os::Windows],
    usual_on: &[],
    format: Format::Cmd,
    // A fixed value goes back as it was written: `set "NAME=value"` takes it verbatim.
    word: str::to_owned,
    argument,
    set_line,
    unset_line,
    persistent_note: Msg::EnvPersistentNote,
    sets_variable,
    also_runs: |_| false,
};

/// How the doctor splits a text for it into statements: line by line.
pub const LINES: LineSyntax = LineSyntax {
    quotes: None,
    semicolon_ends: false,
    is_comment,
};

/// The `NAME=value` part of cmd's `set "NAME=value"`, or `None` when cmd cannot hold the value
/// verbatim: `%` may expand a variable, `"` ends the quoting, `!` expands under delayed
/// expansion, and a line break ends the command. There is no escape that works both typed
/// at the prompt and in a batch file, so such values are sent to PowerShell instead.
pub fn assignment(name: &str, value: &str) -> Option<String> {
    let unsafe_char = |c: char| matches!(c, '%' | '"' | '!' | '\n' | '\r' | '\0');
    (!value.contains(unsafe_char) && !name.contains(unsafe_char)).then(|| format!("{name}={value}"))
}

/// A program splits its own command line: a value ending in `\` would escape the closing
/// quote.
fn argument(value: &str) -> Option<String> {
    if value.ends_with('\\') {
        return None;
    }
    assignment("_", value).map(|_| format!("\"{value}\""))
}

fn set_line(name: &str, value: &str, scope: Scope) -> Option<String> {
    Some(match scope {
        Scope::Session => format!("set \"{}\"", assignment(name, value)?),
        Scope::Persistent => {
            // Checked the same way as `set`: setx's quoting has the same limits.
            assignment(name, value)?;
            format!("setx {name} \"{value}\"")
        }
    })
}

fn unset_line(name: &str, scope: Scope) -> String {
    match scope {
        Scope::Session => format!("set {name}="),
        Scope::Persistent => format!("reg delete HKCU\\Environment /v {name} /f 2>nul"),
    }
}

/// `rem`, `::` and `@echo` lines do nothing to the variables.
fn is_comment(statement: &str) -> bool {
    let lower = statement.to_ascii_lowercase();
    lower.starts_with("rem ")
        || lower == "rem"
        || lower.starts_with("::")
        || lower.starts_with("@echo")
}

/// `setx NAME value`, or `set` with an assignment (`set NAME=value`, `set "NAME=value"`,
/// `set NAME = value`) that is not bash's options alone.
fn sets_variable(statement: &str) -> bool {
    let mut words = statement.split_whitespace();
    match words.next() {
        Some("setx") => true,
        Some("set") => {
            let rest: Vec<&str> = words.collect();
            !posix::sets_options(&rest) && sets_with_equals(&rest)
        }
        _ => false,
    }
}

/// Whether the words after `set` (in lower case) are cmd's assignment: a name joined to or
/// followed by `=`, or a quoted `"NAME=value"`.
pub(super) fn sets_with_equals(rest: &[&str]) -> bool {
    let name = rest.first().copied().unwrap_or_default();
    !name.starts_with('-')
        && (name.contains('=')
            || name.starts_with('"')
            || rest.get(1).is_some_and(|next| next.starts_with('=')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_it_cannot_hold() {
        assert_eq!(
            assignment("K", "sk-a^b&c|d<e>f").as_deref(),
            Some("K=sk-a^b&c|d<e>f")
        );
        for value in ["100%", "say \"hi\"", "bang!", "two\nlines"] {
            assert_eq!(assignment("K", value), None, "{value:?}");
        }
    }
}
