//! PowerShell: `$env:NAME = 'value'`, verbatim strings in which each quote is doubled.

use super::{LineSyntax, Scope, ShellSpec, hash_comment};
use crate::i18n::Msg;
use crate::platform::{Format, Os};

/// PowerShell, as people and the doctor know it.
pub const DIALECT: ShellSpec = ShellSpec {
    id: "powershell",
    aliases: &[],
    name: "PowerShell",
    rank: 2,
    systems: &[Os::Windows],
    usual_on: &[Os::Windows],
    format: Format::PowerShell,
    word: quoted,
    // Windows PowerShell 5.1 passes an embedded `"` on unescaped: the program splits the
    // argument there.
    argument: |value| (!value.contains('"')).then(|| quoted(value)),
    set_line,
    unset_line,
    persistent_note: Msg::EnvPersistentNote,
    sets_variable,
    // `setx` is a Windows program, runnable from PowerShell too.
    also_runs: |statement| statement.split_whitespace().next() == Some("setx"),
};

/// How the doctor splits a text for it into statements: line by line.
pub const LINES: LineSyntax = LineSyntax {
    quotes: Some('`'),
    semicolon_ends: true,
    is_comment: hash_comment,
};

/// A PowerShell verbatim string: single quotes, each quote doubled. PowerShell also takes the
/// typographic single quotes (U+2018–U+201B) as quotes, so those are doubled too.
pub fn quoted(value: &str) -> String {
    let mut quoted = String::with_capacity(value.len() + 2);
    quoted.push('\'');
    for c in value.chars() {
        if matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}') {
            quoted.push(c);
        }
        quoted.push(c);
    }
    quoted.push('\'');
    quoted
}

fn set_line(name: &str, value: &str, scope: Scope) -> Option<String> {
    Some(match scope {
        Scope::Session => format!("$env:{name} = {}", quoted(value)),
        Scope::Persistent => format!(
            "[Environment]::SetEnvironmentVariable('{name}', {}, 'User')",
            quoted(value)
        ),
    })
}

fn unset_line(name: &str, scope: Scope) -> String {
    match scope {
        Scope::Session => format!("Remove-Item Env:{name} -ErrorAction SilentlyContinue"),
        Scope::Persistent => {
            format!("[Environment]::SetEnvironmentVariable('{name}', $null, 'User')")
        }
    }
}

/// `$env:NAME = …`, `[Environment]::SetEnvironmentVariable(…)` or `Remove-Item Env:NAME`.
fn sets_variable(statement: &str) -> bool {
    statement.starts_with("$env:")
        || statement.starts_with("[environment]::")
        || statement.starts_with("remove-item env:")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_as_documented() {
        assert_eq!(quoted("it’s o'k"), "'it’’s o''k'");
    }
}
