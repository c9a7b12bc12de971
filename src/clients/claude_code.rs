//! Claude Code: the relay's URL and key as environment variables, either in the `env` block of
//! `~/.claude/settings.json` (read by every way Claude Code starts) or set in a shell.
//!
//! Claude Code appends `/v1/messages` to `ANTHROPIC_BASE_URL` and sends
//! `ANTHROPIC_AUTH_TOKEN` as `Authorization: Bearer <key>` (checked against the real client by
//! `tests/claude_code_conformance.rs`). `ANTHROPIC_API_KEY` would be sent as `x-api-key`
//! instead, and with both set Claude Code warns that auth may not work, so it is cleared.

use super::{
    Api, Client, ClientFile, ClientSpec, EnvSetup, JsonDialect, KeySpaces, Resolved, Section,
    Setup, Snippet, env_sections, install_commands,
};
use crate::check::Kind;
use crate::i18n::Msg;
use crate::merge::MergeTarget;
use crate::platform::{Format, Os, Target};
use crate::profile::{Profile, Protocol};
use crate::shell::EnvChange;
use crate::shell::Shell;

const CLAUDE_DIR: &str = ".claude";
/// The `env` block with the variables, or the same set in a shell.
pub const SETTINGS_FILE: ClientFile = ClientFile {
    name: "settings.json",
    kind: Some(Kind::ClaudeSettings),
    merge: Some(MergeTarget::ClaudeSettings),
};
/// Where Claude Code sends its requests, with `/v1/messages` appended.
pub const BASE_URL_VARIABLE: &str = "ANTHROPIC_BASE_URL";
/// The key, sent as `Authorization: Bearer <key>`.
pub const AUTH_TOKEN_VARIABLE: &str = "ANTHROPIC_AUTH_TOKEN";
/// A key sent as `x-api-key` instead; must not be set alongside `ANTHROPIC_AUTH_TOKEN`.
pub const API_KEY_VARIABLE: &str = "ANTHROPIC_API_KEY";
/// The model to use.
pub const MODEL_VARIABLE: &str = "ANTHROPIC_MODEL";
/// A top-level setting of settings.json: a command whose output Claude Code sends as the key
/// (as `Authorization: Bearer` and `x-api-key`) when no key variable is set.
pub const API_KEY_HELPER: &str = "apiKeyHelper";

/// The variables that point Claude Code at the relay, in settings.json's `env` block or in a
/// shell.
pub fn variables<'a>(base_url: &'a str, values: &Resolved<'a>) -> [(&'static str, &'a str); 3] {
    [
        (BASE_URL_VARIABLE, base_url),
        (AUTH_TOKEN_VARIABLE, values.key),
        (MODEL_VARIABLE, values.model),
    ]
}

/// The member of settings.json that holds the variables.
pub const ENV: &str = "env";

/// What onramp knows of Claude Code, for the registry (see the module docs of `clients`).
pub const SPEC: ClientSpec = ClientSpec {
    id: "claude-code",
    name: "Claude Code",
    rank: 2,
    protocol: Protocol::Anthropic,
    systems: &Os::ALL,
    base_path: |clients| &clients.claude_code.base_path,
    appends_v1: true,
    // Claude Code 2.1.332 trims both ends of the key, from files and from variables
    // (observed against a loopback relay; `key_whitespace_verdicts_match_*`).
    key_spaces: KeySpaces::Trimmed,
    // Observed against a loopback relay with settings.json's `env`: Claude Code 2.1.332 sent
    // `ANTHROPIC_AUTH_TOKEN` without a final U+3000, `ANTHROPIC_BASE_URL` without surrounding
    // spaces, a tab or a U+3000, and `ANTHROPIC_MODEL` without a final space
    // (`claude_doctor_conformance.rs` runs the claude-settings cases with them).
    trims_values: true,
    // Claude Code 2.1.332 reads settings.json with a byte order mark; it reads strict JSON
    // otherwise (no comments).
    json: JsonDialect {
        bom: true,
        comments: false,
    },
    variables: &[BASE_URL_VARIABLE, AUTH_TOKEN_VARIABLE, API_KEY_VARIABLE],
    uses_shell: true,
    check_step: true,
    files: &[SETTINGS_FILE],
    setup,
};

pub fn setup(profile: &Profile, values: &Resolved, target: Target) -> Setup {
    let base_url = Client::ClaudeCode.base_url(profile, values.base_url);
    let vars = variables(&base_url, values);
    let env: serde_json::Map<String, serde_json::Value> = vars
        .iter()
        .map(|(name, value)| ((*name).to_owned(), (*value).into()))
        .collect();
    // Serialising a map of strings cannot fail; the fallback keeps that impossible case panic-free.
    let settings =
        serde_json::to_string_pretty(&serde_json::json!({ ENV: env })).unwrap_or_default() + "\n";
    let wsl_note = (target.os == Os::Wsl).then_some(Msg::WslHomeNote);
    let settings_file = Snippet::file(
        &SETTINGS_FILE,
        target.os.home_path(CLAUDE_DIR, SETTINGS_FILE.name),
        Format::Json,
        settings,
    )
    .with_notes([Msg::ClaudeSettingsNote].into_iter().chain(wsl_note));

    let mut sections = vec![Section {
        id: "settings-file",
        title: Msg::ClaudeSettingsTitle,
        notes: vec![Msg::ClaudeNoApiKeyNote, Msg::ClaudeOnboardingNote],
        snippets: vec![settings_file],
        next_step: Msg::ClaudeNextStep,
    }];
    sections.extend(env_sections(
        target,
        EnvSetup {
            change: EnvChange {
                set: &vars,
                unset: &[API_KEY_VARIABLE],
            },
            notes: &[Msg::EnvGuiAppsNote, Msg::ClaudeOnboardingNote],
            files: &[],
            then: &[],
            next_steps: [Msg::ClaudeEnvSessionNextStep, Msg::ClaudeNextStep],
        },
    ));
    Setup {
        install: install(target.shell),
        sections,
        request_url: format!("{base_url}{}", Api::Messages.path(values.model)),
        api: Api::Messages,
    }
}

/// How to install Claude Code, from its setup page (code.claude.com/docs/en/setup, "Install
/// Claude Code"): the native installer for each shell, or npm, then `claude --version`.
fn install(shell: Shell) -> Vec<Snippet> {
    let installer = match shell {
        Shell::Posix | Shell::Fish => "curl -fsSL https://claude.ai/install.sh | bash",
        Shell::PowerShell => "irm https://claude.ai/install.ps1 | iex",
        Shell::Cmd => {
            "curl -fsSL https://claude.ai/install.cmd -o install.cmd && install.cmd && del install.cmd"
        }
    };
    install_commands(
        shell,
        Some(installer),
        Some(NPM_PACKAGE),
        "claude --version",
    )
}

/// Claude Code's npm package, the one the conformance test runs (tests/package.json).
pub const NPM_PACKAGE: &str = "@anthropic-ai/claude-code";

#[cfg(test)]
mod tests {
    use crate::clients::{Client, Setup, Values};
    use crate::platform::{Os, Target};
    use crate::profile::Profile;
    use crate::shell::Shell;

    fn setup(values: &Values, target: Target) -> Setup {
        Client::ClaudeCode.setup(&Profile::builtin(), values, target)
    }

    fn values() -> Values {
        Values {
            key: "sk-ant".into(),
            base_url: "https://relay.example/".into(),
            model: "claude-x".into(),
        }
    }

    #[test]
    fn settings_json_carries_the_env_block() {
        let setup = setup(&values(), Target::new(Os::Macos));
        let file = &setup.sections[0].snippets[0];
        assert_eq!(
            file.heading(crate::i18n::Lang::En),
            "~/.claude/settings.json"
        );
        let settings: serde_json::Value = serde_json::from_str(&file.content).unwrap();
        assert_eq!(
            settings,
            serde_json::json!({"env": {
                "ANTHROPIC_BASE_URL": "https://relay.example",
                "ANTHROPIC_AUTH_TOKEN": "sk-ant",
                "ANTHROPIC_MODEL": "claude-x"
            }})
        );
        assert_eq!(setup.request_url, "https://relay.example/v1/messages");
    }

    #[test]
    fn windows_paths_and_powershell_variables() {
        let setup = setup(&values(), Target::new(Os::Windows));
        assert_eq!(
            setup.sections[0].snippets[0].heading(crate::i18n::Lang::En),
            "%USERPROFILE%\\.claude\\settings.json"
        );
        let session = setup
            .sections
            .iter()
            .find(|s| s.id == "env-session")
            .unwrap();
        let commands = &session.snippets[0].content;
        assert!(
            commands.starts_with("Remove-Item Env:ANTHROPIC_API_KEY"),
            "{commands}"
        );
        assert!(
            commands.contains("$env:ANTHROPIC_AUTH_TOKEN = 'sk-ant'"),
            "{commands}"
        );
    }

    #[test]
    fn cmd_gets_a_note_instead_of_commands_it_would_mangle() {
        let target = Target::with_shell(Os::Windows, Shell::Cmd).unwrap();
        let mut values = values();
        values.key = "sk-100%".into();
        let setup = setup(&values, target);
        let session = setup
            .sections
            .iter()
            .find(|s| s.id == "env-session")
            .unwrap();
        assert!(session.snippets.is_empty());
        assert!(
            session
                .notes
                .contains(&crate::i18n::Msg::ShellCannotHoldValue)
        );
    }

    #[test]
    fn a_relay_with_a_v1_base_path_is_not_doubled_by_accident() {
        let mut profile = Profile::builtin();
        profile.clients.claude_code.base_path = String::new();
        profile.clients.openai_compatible.base_path = "/v1".into();
        let setup = Client::ClaudeCode.setup(&profile, &values(), Target::new(Os::Linux));
        assert_eq!(setup.request_url, "https://relay.example/v1/messages");
    }
}
