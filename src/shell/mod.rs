//! The shells people paste commands into, one dialect per file: what a shell is called, where
//! it is used, how it quotes a value, which lines set or clear a variable for a session or
//! for good, and what the doctor needs to read its lines: how a text splits into statements
//! (`words.rs` for bash, zsh and fish; [`statements`] with the shell's [`LineSyntax`] for the
//! others), what a comment is, and how a line that sets a variable starts.
//!
//! Each file of `src/shell/` with a line starting `pub const DIALECT: ShellSpec` is one
//! shell; build.rs (its `Registry`) generates the [`Shell`] enum and its tables from those
//! files, as it does for the clients and the kinds. `Shell`'s methods each read one fact of
//! the spec with `read_dialect!`, so that the page, which writes commands, does not link the
//! doctor's readers. This module depends on `platform` (systems, formats) and `i18n` alone:
//! the doctor (`check`) and the clients build on it.

use crate::i18n::Msg;
use crate::platform::{Format, Os};

pub mod words;

include!(concat!(env!("OUT_DIR"), "/shells_registry.rs"));
shell_modules!();

/// What a shell's file declares about it.
pub struct ShellSpec {
    /// The stable id used on the command line and in the page.
    pub id: &'static str,
    /// Other ids the command line accepts for it (`zsh`, `sh`).
    pub aliases: &'static [&'static str],
    /// The name shown to people.
    pub name: &'static str,
    /// Where it stands in [`Shell::ALL`], lowest first: the order lists show shells in.
    pub rank: u8,
    /// The systems people use it on.
    pub systems: &'static [Os],
    /// The systems on which it is the usual shell (one of `systems`): offered first there.
    pub usual_on: &'static [Os],
    /// The syntax of the commands written for it.
    pub format: Format,
    /// `value` in this shell's quotes, read back as exactly `value` (the doctor writes fixed
    /// values with it).
    pub word: fn(&str) -> String,
    /// `value` as one argument of a program started from this shell, or `None` when the
    /// program would not receive it as it is (see [`Shell::quote`]).
    pub argument: fn(&str) -> Option<String>,
    /// The line that sets `name` to `value` for `scope`, or `None` when the value cannot be
    /// written for it safely.
    pub set_line: fn(name: &str, value: &str, scope: Scope) -> Option<String>,
    /// The line that clears `name` for `scope`.
    pub unset_line: fn(name: &str, scope: Scope) -> String,
    /// What to do with the commands that set variables for good.
    pub persistent_note: Msg,
    /// Whether `statement` (trimmed at its start, in ASCII lower case: each shell's answer
    /// compares words, once lowered for all) is this shell's way of setting or clearing a
    /// variable, by how it starts. The shells' answers never overlap: detection tells pasted
    /// lines' shell by them.
    pub sets_variable: fn(statement: &str) -> bool,
    /// Whether this shell runs `statement` (lowered likewise), another shell's way of setting
    /// a variable, all the same (fish takes bash's `export`; PowerShell runs cmd's `setx`, a
    /// program).
    pub also_runs: fn(statement: &str) -> bool,
}

/// What splits a text into statements, line by line.
#[derive(Debug, Clone, Copy)]
pub struct LineSyntax {
    /// When `'…'` and `"…"` quote, so that a quoted value may run over several lines (a key
    /// pasted with its line break, then quoted): the character that escapes the next one
    /// inside `"…"`. `None` where quotes do not (cmd).
    pub quotes: Option<char>,
    /// Whether `;` ends a statement, as a line break does.
    pub semicolon_ends: bool,
    /// Whether a statement (trimmed, not empty) is a comment.
    pub is_comment: fn(&str) -> bool,
}

/// A comment in most syntaxes: a line that starts with `#`.
pub fn hash_comment(statement: &str) -> bool {
    statement.starts_with('#')
}

/// `text` split into statements, each with its offset: one per line (and per `;` where it
/// ends one), except that a quoted value may run over several lines, as the shell reads it.
/// A `#` outside quotes starts a comment that runs to the end of the line.
pub fn statements(text: &str, syntax: LineSyntax) -> Vec<(usize, &str)> {
    let mut statements = Vec::new();
    let (mut start, mut open) = (0, None::<char>);
    let mut escaped = false;
    for (index, c) in text.char_indices() {
        match (open, c) {
            _ if escaped => escaped = false,
            (Some('"'), c) if Some(c) == syntax.quotes => escaped = true,
            (Some(quote), c) if c == quote => open = None,
            (None, '\'' | '"') if syntax.quotes.is_some() => open = Some(c),
            (None, '#') => open = Some('\n'), // a comment runs to the end of the line
            (None, ';') if syntax.semicolon_ends => {
                statements.push((start, &text[start..=index]));
                start = index + 1;
            }
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

/// Whether `value` can be stored in an environment variable at all (no NUL byte).
pub fn fits_environment(value: &str) -> bool {
    !value.contains('\0')
}

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

/// Every fact of a shell, each read from its spec.
impl Shell {
    /// The stable id used on the command line and in the page.
    pub fn id(self) -> &'static str {
        read_dialect!(self, |dialect| dialect.id)
    }

    /// The shell whose id, or one of its other ids, is `id`.
    pub fn from_id(id: &str) -> Option<Shell> {
        Shell::ALL.into_iter().find(|shell| {
            shell.id() == id || read_dialect!(*shell, |dialect| dialect.aliases).contains(&id)
        })
    }

    /// The name shown to people.
    pub fn name(self) -> &'static str {
        read_dialect!(self, |dialect| dialect.name)
    }

    /// The shells people use on `os`, the usual one first.
    pub fn for_os(os: Os) -> &'static [Shell] {
        match os {
            Os::Macos => &ON_MACOS,
            Os::Linux => &ON_LINUX,
            Os::Windows => &ON_WINDOWS,
            Os::Wsl => &ON_WSL,
        }
    }

    pub fn format(self) -> Format {
        read_dialect!(self, |dialect| dialect.format)
    }

    /// `value` as one argument of a program started from this shell, or `None` when the
    /// program would not receive it as it is. Windows programs split their own command line:
    /// in cmd a value ending in `\` would escape the closing quote, and Windows PowerShell 5.1
    /// passes embedded `"` on unescaped, so such values are refused there, as cmd refuses
    /// what it cannot hold at all (see [`cmd::assignment`]).
    pub fn quote(self, value: &str) -> Option<String> {
        read_dialect!(self, |dialect| (dialect.argument)(value))
    }

    /// How a value is written in this shell's quotes, to be read back as exactly the value.
    pub fn quoting(self) -> fn(&str) -> String {
        read_dialect!(self, |dialect| dialect.word)
    }

    /// What to do with the commands of `scope` in this shell.
    pub fn instruction(self, scope: Scope) -> Msg {
        match scope {
            Scope::Session => Msg::EnvSessionNote,
            Scope::Persistent => read_dialect!(self, |dialect| dialect.persistent_note),
        }
    }

    /// The commands that make `change` in this shell, or `None` when a value cannot be written
    /// for it safely (see [`cmd::assignment`]; no shell can hold a NUL byte).
    pub fn commands(self, change: EnvChange, scope: Scope) -> Option<String> {
        if !change.set.iter().all(|(_, value)| fits_environment(value)) {
            return None;
        }
        let mut lines = Vec::new();
        for name in change.unset {
            lines.push(read_dialect!(self, |dialect| (dialect.unset_line)(
                name, scope
            )));
        }
        for (name, value) in change.set {
            lines.push(read_dialect!(self, |dialect| (dialect.set_line)(
                name, value, scope
            ))?);
        }
        Some(lines.join("\n") + "\n")
    }

    /// The shell whose way of setting or clearing a variable `statement` is, recognised by
    /// how it starts; `None` for anything else.
    pub fn setting_variable_in(statement: &str) -> Option<Shell> {
        let lower = statement.trim_start().to_ascii_lowercase();
        Shell::ALL
            .into_iter()
            .find(|shell| read_dialect!(*shell, |dialect| (dialect.sets_variable)(&lower)))
    }

    /// Whether this shell sets the variable as `statement` does, in its own way or in
    /// another shell's that it runs all the same.
    pub fn runs(self, statement: &str) -> bool {
        let lower = statement.trim_start().to_ascii_lowercase();
        read_dialect!(self, |dialect| (dialect.sets_variable)(&lower)
            || (dialect.also_runs)(&lower))
    }
}

// The shells people use on each system, the usual one first: made while compiling, from the
// specs' `systems` and `usual_on`.
const ON_MACOS: [Shell; offered_count(Os::Macos)] = offered_on(Os::Macos);
const ON_LINUX: [Shell; offered_count(Os::Linux)] = offered_on(Os::Linux);
const ON_WINDOWS: [Shell; offered_count(Os::Windows)] = offered_on(Os::Windows);
const ON_WSL: [Shell; offered_count(Os::Wsl)] = offered_on(Os::Wsl);

/// How many shells people use on `os`.
const fn offered_count(os: Os) -> usize {
    let mut count = 0;
    let mut shell = 0;
    while shell < Shell::ALL.len() {
        if contains(Shell::ALL[shell].spec().systems, os) {
            count += 1;
        }
        shell += 1;
    }
    count
}

/// The `N` shells people use on `os`: the usual ones first, then the others, each group in
/// the order of `Shell::ALL`.
const fn offered_on<const N: usize>(os: Os) -> [Shell; N] {
    let mut offered = [Shell::ALL[0]; N];
    let mut count = 0;
    let mut pass = 0;
    while pass < 2 {
        let mut shell = 0;
        while shell < Shell::ALL.len() {
            let spec = Shell::ALL[shell].spec();
            if contains(spec.systems, os) && contains(spec.usual_on, os) == (pass == 0) {
                offered[count] = Shell::ALL[shell];
                count += 1;
            }
            shell += 1;
        }
        pass += 1;
    }
    offered
}

const fn contains(systems: &[Os], os: Os) -> bool {
    let mut at = 0;
    while at < systems.len() {
        if systems[at] as u8 == os as u8 {
            return true;
        }
        at += 1;
    }
    false
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
    fn shells_are_offered_per_system_in_todays_order() {
        assert_eq!(
            Shell::ALL,
            [Shell::Posix, Shell::Fish, Shell::PowerShell, Shell::Cmd]
        );
        assert_eq!(Shell::for_os(Os::Windows), [Shell::PowerShell, Shell::Cmd]);
        for os in [Os::Macos, Os::Linux, Os::Wsl] {
            assert_eq!(Shell::for_os(os), [Shell::Posix, Shell::Fish], "{os:?}");
        }
        assert_eq!(Shell::from_id("zsh"), Some(Shell::Posix));
        assert_eq!(Shell::from_id("sh"), Some(Shell::Posix));
        assert_eq!(Shell::from_id("pwsh"), None);
        for shell in Shell::ALL {
            assert_eq!(Shell::from_id(shell.id()), Some(shell));
        }
    }

    /// Each system has one usual shell, among those used there.
    #[test]
    fn every_system_has_one_usual_shell() {
        for os in Os::ALL {
            let usual = Shell::ALL
                .iter()
                .filter(|shell| shell.spec().usual_on.contains(&os))
                .count();
            assert_eq!(usual, 1, "{os:?}");
        }
        for shell in Shell::ALL {
            let spec = shell.spec();
            assert!(
                spec.usual_on.iter().all(|os| spec.systems.contains(os)),
                "{shell:?} is usual where it is not used"
            );
        }
    }

    /// The files of `src/shell/` that write commands for a shell (a `set_line`) are
    /// exactly the shells' that declare a `DIALECT`, each registered once, with ids and other
    /// ids no two shells share.
    #[test]
    fn every_dialect_declared_is_registered_once_with_its_own_ids() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/shell");
        let mut writing = Vec::new();
        let mut declared = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let stem = path.file_stem().unwrap().to_str().unwrap().to_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            if text.contains("\nfn set_line(") || text.contains("\npub fn quoted(") {
                writing.push(stem.clone());
            }
            if text.contains("\npub const DIALECT: ShellSpec") {
                declared.push(stem);
            }
        }
        writing.sort();
        declared.sort();
        assert_eq!(
            writing, declared,
            "a file writes commands but declares no DIALECT"
        );
        let mut registered: Vec<&str> = Shell::ALL.iter().map(|shell| shell.module()).collect();
        registered.sort_unstable();
        assert_eq!(registered, declared);
        let mut ids = std::collections::BTreeSet::new();
        for shell in Shell::ALL {
            for id in std::iter::once(&shell.id()).chain(shell.spec().aliases) {
                assert!(ids.insert(*id), "two shells answer to {id}");
                assert_eq!(Shell::from_id(id), Some(shell));
            }
        }
    }

    /// Each shell's lines are told by how they start, and no line is two shells': `set`
    /// alone is bash's options, fish's variable or cmd's assignment by what follows it.
    #[test]
    fn a_line_that_sets_a_variable_is_one_shells() {
        let cases = [
            ("export K=v", Some(Shell::Posix)),
            ("  unset K", Some(Shell::Posix)),
            ("set -a", Some(Shell::Posix)),
            ("set +o allexport", Some(Shell::Posix)),
            ("set -gx K v", Some(Shell::Fish)),
            ("set K v", Some(Shell::Fish)),
            ("set -x K", Some(Shell::Fish)),
            ("set -o", Some(Shell::Posix)),
            ("set --erase K", Some(Shell::Fish)),
            ("set K=v", Some(Shell::Cmd)),
            ("SET \"K=v\"", Some(Shell::Cmd)),
            ("set K = v", Some(Shell::Cmd)),
            ("setx K v", Some(Shell::Cmd)),
            ("$ENV:K = 'v'", Some(Shell::PowerShell)),
            ("Remove-Item Env:K", Some(Shell::PowerShell)),
            (
                "[Environment]::SetEnvironmentVariable('K', 'v', 'User')",
                Some(Shell::PowerShell),
            ),
            ("K=v", None),
            ("echo set K=v", None),
            ("", None),
        ];
        for (statement, shell) in cases {
            let lower = statement.trim_start().to_ascii_lowercase();
            let claimed: Vec<Shell> = Shell::ALL
                .into_iter()
                .filter(|each| (each.spec().sets_variable)(&lower))
                .collect();
            assert_eq!(claimed, Vec::from_iter(shell), "{statement:?}");
            assert_eq!(
                Shell::setting_variable_in(statement),
                shell,
                "{statement:?}"
            );
        }
        assert!(Shell::Fish.runs("export K=v") && Shell::PowerShell.runs("setx K v"));
        assert!(!Shell::Posix.runs("set K v") && !Shell::Cmd.runs("$env:K = 'v'"));
    }

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
