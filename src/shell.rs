//! Writing commands for a shell: quoting a value, and setting or clearing environment
//! variables for this terminal or for good.

use crate::escape;
use crate::i18n::Msg;
pub use crate::platform::Shell;

/// An environment change a client needs: variables to set, and variables to clear because
/// they would override or conflict with the ones set.
#[derive(Debug, Clone, Copy)]
pub struct EnvChange<'a> {
    pub set: &'a [(&'a str, &'a str)],
    pub unset: &'a [&'a str],
}

/// For how long a change holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// This terminal, until it is closed.
    Session,
    /// Every terminal opened from now on.
    Persistent,
}

/// Writing commands, for each shell.
impl Shell {
    /// `value` as one argument of a program started from this shell, or `None` when the
    /// program would not receive it as it is. Windows programs split their own command line:
    /// in cmd a value ending in `\` would escape the closing quote, and Windows PowerShell 5.1
    /// passes embedded `"` on unescaped, so such values are refused there, as cmd refuses
    /// what it cannot hold at all (see [`escape::cmd_assignment`]).
    pub fn quote(self, value: &str) -> Option<String> {
        match self {
            Shell::Posix => Some(escape::posix(value)),
            Shell::Fish => Some(escape::fish(value)),
            Shell::PowerShell if value.contains('"') => None,
            Shell::PowerShell => Some(escape::powershell(value)),
            Shell::Cmd if value.ends_with('\\') => None,
            Shell::Cmd => escape::cmd_assignment("_", value).map(|_| format!("\"{value}\"")),
        }
    }

    /// What to do with the commands of `scope` in this shell.
    pub fn instruction(self, scope: Scope) -> Msg {
        match (self, scope) {
            (_, Scope::Session) => Msg::EnvSessionNote,
            (Shell::Posix, Scope::Persistent) => Msg::EnvPosixProfileNote,
            (Shell::Fish | Shell::PowerShell | Shell::Cmd, Scope::Persistent) => {
                Msg::EnvPersistentNote
            }
        }
    }

    /// The commands that make `change` in this shell, or `None` when a value cannot be written
    /// for it safely (see [`escape::cmd_assignment`]; no shell can hold a NUL byte).
    pub fn commands(self, change: EnvChange, scope: Scope) -> Option<String> {
        if !change
            .set
            .iter()
            .all(|(_, value)| escape::fits_environment(value))
        {
            return None;
        }
        let mut lines = Vec::new();
        for name in change.unset {
            lines.push(self.unset_line(name, scope));
        }
        for (name, value) in change.set {
            lines.push(self.set_line(name, value, scope)?);
        }
        Some(lines.join("\n") + "\n")
    }

    fn set_line(self, name: &str, value: &str, scope: Scope) -> Option<String> {
        Some(match (self, scope) {
            (Shell::Posix, _) => format!("export {name}={}", escape::posix(value)),
            (Shell::Fish, Scope::Session) => format!("set -gx {name} {}", escape::fish(value)),
            (Shell::Fish, Scope::Persistent) => format!("set -Ux {name} {}", escape::fish(value)),
            (Shell::PowerShell, Scope::Session) => {
                format!("$env:{name} = {}", escape::powershell(value))
            }
            (Shell::PowerShell, Scope::Persistent) => format!(
                "[Environment]::SetEnvironmentVariable('{name}', {}, 'User')",
                escape::powershell(value)
            ),
            (Shell::Cmd, Scope::Session) => {
                format!("set \"{}\"", escape::cmd_assignment(name, value)?)
            }
            (Shell::Cmd, Scope::Persistent) => {
                // Checked the same way as `set`: setx's quoting has the same limits.
                escape::cmd_assignment(name, value)?;
                format!("setx {name} \"{value}\"")
            }
        })
    }

    fn unset_line(self, name: &str, scope: Scope) -> String {
        match (self, scope) {
            (Shell::Posix, _) => format!("unset {name}"),
            (Shell::Fish, Scope::Session) => format!("set -e {name}"),
            (Shell::Fish, Scope::Persistent) => format!("set -Ue {name}"),
            (Shell::PowerShell, Scope::Session) => {
                format!("Remove-Item Env:{name} -ErrorAction SilentlyContinue")
            }
            (Shell::PowerShell, Scope::Persistent) => {
                format!("[Environment]::SetEnvironmentVariable('{name}', $null, 'User')")
            }
            (Shell::Cmd, Scope::Session) => format!("set {name}="),
            (Shell::Cmd, Scope::Persistent) => {
                format!("reg delete HKCU\\Environment /v {name} /f 2>nul")
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const CHANGE: EnvChange = EnvChange {
        set: &[("RELAY_URL", "https://r.example"), ("RELAY_KEY", "sk-'1'")],
        unset: &["OTHER_KEY"],
    };

    #[test]
    fn each_shell_writes_its_own_syntax() {
        let session = |shell: Shell| shell.commands(CHANGE, Scope::Session).unwrap();
        assert_eq!(
            session(Shell::Posix),
            "unset OTHER_KEY\nexport RELAY_URL='https://r.example'\nexport RELAY_KEY='sk-'\\''1'\\'''\n"
        );
        assert_eq!(
            session(Shell::Fish),
            "set -e OTHER_KEY\nset -gx RELAY_URL 'https://r.example'\nset -gx RELAY_KEY 'sk-\\'1\\''\n"
        );
        assert_eq!(
            session(Shell::PowerShell),
            "Remove-Item Env:OTHER_KEY -ErrorAction SilentlyContinue\n$env:RELAY_URL = 'https://r.example'\n$env:RELAY_KEY = 'sk-''1'''\n"
        );
        assert_eq!(
            session(Shell::Cmd),
            "set OTHER_KEY=\nset \"RELAY_URL=https://r.example\"\nset \"RELAY_KEY=sk-'1'\"\n"
        );
        let persistent = Shell::Cmd.commands(CHANGE, Scope::Persistent).unwrap();
        assert!(
            persistent.contains("setx RELAY_KEY \"sk-'1'\""),
            "{persistent}"
        );
        let persistent = Shell::PowerShell
            .commands(CHANGE, Scope::Persistent)
            .unwrap();
        assert!(
            persistent.contains("SetEnvironmentVariable('RELAY_KEY', 'sk-''1''', 'User')"),
            "{persistent}"
        );
    }

    #[test]
    fn arguments_windows_programs_would_misread_are_refused() {
        assert_eq!(Shell::Cmd.quote("sk-a\\").as_deref(), None);
        assert_eq!(Shell::Cmd.quote("sk-a\\b").as_deref(), Some("\"sk-a\\b\""));
        assert_eq!(Shell::PowerShell.quote("sk-\"q\"").as_deref(), None);
        assert_eq!(Shell::PowerShell.quote("it's").as_deref(), Some("'it''s'"));
        assert_eq!(
            Shell::Posix.quote("sk-\"q\"\\").as_deref(),
            Some("'sk-\"q\"\\'")
        );
    }

    #[test]
    fn unsafe_values_are_refused_not_mangled() {
        let change = EnvChange {
            set: &[("K", "100%")],
            unset: &[],
        };
        assert_eq!(Shell::Cmd.commands(change, Scope::Session), None);
        assert!(Shell::PowerShell.commands(change, Scope::Session).is_some());
        let nul = EnvChange {
            set: &[("K", "a\0b")],
            unset: &[],
        };
        assert_eq!(Shell::Posix.commands(nul, Scope::Session), None);
    }

    /// What bash exports after running the commands.
    fn bash_exports(commands: &str, names: &[&str]) -> Vec<String> {
        let script = format!(
            "{commands}\nfor n in {}; do printf '%s\\0' \"${{!n}}\"; done",
            names.join(" ")
        );
        let output = std::process::Command::new("bash")
            .arg("-c")
            .arg(script)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let text = String::from_utf8(output.stdout).unwrap();
        text.split('\0')
            .take(names.len())
            .map(str::to_owned)
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn bash_exports_exactly_the_values(
            a in "[^\u{0}]{0,20}|['\"\\\\$`!%\n\t ]{0,20}",
            b in "[^\u{0}]{0,20}",
        ) {
            let change = EnvChange { set: &[("ONRAMP_A", &a), ("ONRAMP_B", &b)], unset: &[] };
            for scope in [Scope::Session, Scope::Persistent] {
                let commands = Shell::Posix.commands(change, scope).unwrap();
                prop_assert_eq!(bash_exports(&commands, &["ONRAMP_A", "ONRAMP_B"]), vec![a.clone(), b.clone()]);
            }
        }
    }
}
