//! Gemini CLI (npm `@google/gemini-cli`, command `gemini`): the relay's key, URL and model as
//! three environment variables, in `~/.gemini/.env` or set in a shell, and `settings.json`
//! choosing sign-in by API key. Offered only for relays that serve the Gemini protocol.
//!
//! What Gemini CLI 0.61.0 does, read in its bundle (`packages/cli/src/config/settings.ts`
//! `loadEnvironment`/`findEnvFile`, `packages/core/src/core/contentGenerator.ts`) and checked
//! by `tests/gemini_cli_conformance.rs` against the real client:
//! - it sends `POST {GOOGLE_GEMINI_BASE_URL}/v1beta/models/{GEMINI_MODEL}:streamGenerateContent?alt=sse`
//!   with the key in the `x-goog-api-key` header (no `Authorization`);
//! - without `security.auth.selectedType: "gemini-api-key"` in `settings.json` it stops with
//!   "Invalid auth method selected", even with `GEMINI_API_KEY` set;
//! - it reads one `.env` file: the first of `.gemini/.env` or `.env` in the folder it starts
//!   in and each folder above, then `~/.gemini/.env`, then `~/.env`; `.gemini/.env` files only
//!   in a folder the user trusts (it asks on a first interactive start; `gemini -p` in an
//!   untrusted folder stops unless given `--skip-trust` or `GEMINI_CLI_TRUST_WORKSPACE=true`);
//! - a variable already set in the environment wins over the file's;
//! - without `privacy.usageStatisticsEnabled: false` it sends usage statistics to
//!   play.googleapis.com;
//! - it puts the model's name in its `User-Agent` header, so a name with a character beyond
//!   U+00FF (`模型`) stops it before any request ("Cannot convert argument to a ByteString").

use super::{
    Api, Client, ClientFile, ClientSpec, EnvSetup, JsonDialect, KeySpaces, Resolved, Section,
    Setup, Snippet, env_sections, install_commands,
};
use crate::escape;
use crate::i18n::Msg;
use crate::platform::{Format, Os, Target};
use crate::profile::{Profile, Protocol};
use crate::shell::EnvChange;

/// Gemini CLI's folder in the home directory.
pub const SETTINGS_DIR: &str = ".gemini";
pub const ENV_FILE: ClientFile = ClientFile {
    name: ".env",
    kind: None,
    merge: None,
};
pub const SETTINGS_FILE: ClientFile = ClientFile {
    name: "settings.json",
    kind: None,
    merge: None,
};
/// The key, sent as `x-goog-api-key`.
pub const API_KEY_VARIABLE: &str = "GEMINI_API_KEY";
/// Where it sends its requests, with `/v1beta/models/…` appended.
pub const BASE_URL_VARIABLE: &str = "GOOGLE_GEMINI_BASE_URL";
pub const MODEL_VARIABLE: &str = "GEMINI_MODEL";
/// `security.auth.selectedType` for a key of the Gemini API.
pub const API_KEY_AUTH_TYPE: &str = "gemini-api-key";
/// Gemini CLI's npm package, as its README installs it (google-gemini/gemini-cli,
/// "Installation": `npm install -g @google/gemini-cli`), the one the conformance stage runs.
pub const NPM_PACKAGE: &str = "@google/gemini-cli";

/// What onramp knows of Gemini CLI, for the registry (see the module docs of `clients`).
pub const SPEC: ClientSpec = ClientSpec {
    id: "gemini-cli",
    name: "Gemini CLI",
    rank: 12,
    protocol: Protocol::Gemini,
    systems: &Os::ALL,
    base_path: |clients| &clients.gemini_cli.base_path,
    appends_v1: false,
    key_spaces: KeySpaces::Harmful,
    trims_values: false,
    json: JsonDialect::STRICT,
    variables: &[],
    uses_shell: true,
    check_step: true,
    files: &[SETTINGS_FILE, ENV_FILE],
    setup,
};

pub fn setup(profile: &Profile, values: &Resolved, target: Target) -> Setup {
    let base_url = Client::GeminiCli.base_url(profile, values.base_url);
    let variables = [
        (API_KEY_VARIABLE, values.key),
        (BASE_URL_VARIABLE, base_url.as_str()),
        (MODEL_VARIABLE, values.model),
    ];
    let wsl_note = (target.os == Os::Wsl).then_some(Msg::WslHomeNote);
    let settings_file = Snippet::file(
        &SETTINGS_FILE,
        target.os.home_path(SETTINGS_DIR, SETTINGS_FILE.name),
        Format::Json,
        settings(),
    )
    .with_notes([Msg::GeminiSettingsNote].into_iter().chain(wsl_note));

    let env_file = env_file(&variables).map(|content| {
        Snippet::file(
            &ENV_FILE,
            target.os.home_path(SETTINGS_DIR, ENV_FILE.name),
            Format::Text,
            content,
        )
        .with_notes([Msg::GeminiEnvFileNote].into_iter().chain(wsl_note))
    });
    let env_file_section = match env_file {
        Some(env_file) => Section {
            id: "env-file",
            title: Msg::GeminiEnvFileTitle,
            notes: vec![Msg::GeminiTrustNote, Msg::GeminiOtherEnvNote],
            snippets: vec![env_file, settings_file.clone()],
            next_step: Msg::GeminiNextStep,
        },
        None => Section {
            id: "env-file",
            title: Msg::GeminiEnvFileTitle,
            notes: vec![Msg::GeminiEnvFileCannotHold],
            snippets: Vec::new(),
            next_step: Msg::GeminiNextStep,
        },
    };
    let mut sections = vec![env_file_section];
    // The variables alone do not choose sign-in by key: each way needs the settings file.
    sections.extend(env_sections(
        target,
        EnvSetup {
            change: EnvChange {
                set: &variables,
                unset: &[],
            },
            notes: &[Msg::EnvGuiAppsNote],
            files: std::slice::from_ref(&settings_file),
            then: &[],
            next_steps: [
                Msg::GeminiEnvSessionNextStep,
                Msg::GeminiEnvPersistentNextStep,
            ],
        },
    ));
    Setup {
        install: install_commands(target.shell, None, Some(NPM_PACKAGE), "gemini --version"),
        sections,
        request_url: format!(
            "{base_url}{}",
            Api::StreamGenerateContent.path(values.model)
        ),
        api: Api::StreamGenerateContent,
    }
}

/// `settings.json`: sign-in by API key, and no usage statistics to Google's servers.
fn settings() -> String {
    let settings = serde_json::json!({
        "security": { "auth": { "selectedType": API_KEY_AUTH_TYPE } },
        "privacy": { "usageStatisticsEnabled": false },
    });
    // Serialising JSON values cannot fail; the fallback keeps that impossible case panic-free.
    serde_json::to_string_pretty(&settings).unwrap_or_default() + "\n"
}

/// The `.env` file's lines, or `None` when a value cannot be written in one.
fn env_file(variables: &[(&str, &str)]) -> Option<String> {
    variables
        .iter()
        .map(|(name, value)| Some(format!("{name}={}\n", escape::dotenv(value)?)))
        .collect()
}

/// The model as the request's path has it: the URL parser percent-encodes what a path cannot
/// hold (space, `"`, `<`, `>`, `` ` ``, `{`, `}`, controls, non-ASCII) and keeps `/`;
/// `?` and `#` are encoded too, or they would end the path.
pub(super) fn path_segment(model: &str) -> String {
    let mut encoded = String::with_capacity(model.len());
    for byte in model.bytes() {
        if byte.is_ascii_graphic() && !b"\"<>`{}?#".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clients::{SnippetKind, Values};
    use crate::shell::Shell;

    fn setup_for(values: &Values, target: Target) -> Setup {
        Client::GeminiCli.setup(&Profile::builtin(), values, target)
    }

    fn values(key: &str, model: &str) -> Values {
        Values {
            key: key.into(),
            base_url: "https://relay.example/".into(),
            model: model.into(),
        }
    }

    #[test]
    fn the_env_file_and_settings_point_gemini_cli_at_the_relay() {
        let setup = setup_for(&values("sk-1", "gemini-2.5-pro"), Target::new(Os::Linux));
        let section = setup.section("env-file").unwrap();
        let [env, settings] = &section.snippets[..] else {
            panic!("{section:?}")
        };
        assert_eq!(
            env.kind,
            SnippetKind::File {
                file_name: ".env",
                path: "~/.gemini/.env".into()
            }
        );
        assert_eq!(
            env.content,
            "GEMINI_API_KEY='sk-1'\nGOOGLE_GEMINI_BASE_URL='https://relay.example'\nGEMINI_MODEL='gemini-2.5-pro'\n"
        );
        let json: serde_json::Value = serde_json::from_str(&settings.content).unwrap();
        assert_eq!(json["security"]["auth"]["selectedType"], "gemini-api-key");
        assert_eq!(json["privacy"]["usageStatisticsEnabled"], false);
        assert_eq!(
            setup.request_url,
            "https://relay.example/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse"
        );
    }

    #[test]
    fn every_way_has_the_settings_file_and_windows_paths() {
        let target = Target::with_shell(Os::Windows, Shell::PowerShell).unwrap();
        let setup = setup_for(&values("sk-1", "m"), target);
        let ids: Vec<_> = setup.sections.iter().map(|s| s.id).collect();
        assert_eq!(ids, ["env-file", "env-session", "env-persistent"]);
        let settings_file = SnippetKind::File {
            file_name: "settings.json",
            path: "%USERPROFILE%\\.gemini\\settings.json".into(),
        };
        for section in &setup.sections {
            assert!(
                section.snippets.iter().any(|s| s.kind == settings_file),
                "{}",
                section.id
            );
        }
        let commands = &setup
            .section("env-session")
            .unwrap()
            .snippets
            .iter()
            .find(|s| matches!(s.kind, SnippetKind::Commands { .. }))
            .unwrap()
            .content;
        assert!(
            commands.contains("$env:GEMINI_API_KEY = 'sk-1'"),
            "{commands}"
        );
        assert!(commands.contains("GOOGLE_GEMINI_BASE_URL"), "{commands}");
    }

    #[test]
    fn a_value_no_env_file_can_hold_gets_no_file_but_the_variables() {
        let setup = setup_for(&values("sk-'\"`", "m"), Target::new(Os::Linux));
        let section = setup.section("env-file").unwrap();
        assert!(section.snippets.is_empty());
        assert_eq!(section.notes, [Msg::GeminiEnvFileCannotHold]);
        assert!(!setup.section("env-session").unwrap().snippets.is_empty());
    }

    #[test]
    fn the_model_is_encoded_in_the_path_as_the_client_encodes_it() {
        // Observed with Gemini CLI 0.61.0: `relay/model "x"` was requested as
        // /v1beta/models/relay/model%20%22x%22:streamGenerateContent.
        assert_eq!(path_segment("relay/model \"x\""), "relay/model%20%22x%22");
        assert_eq!(path_segment("模型-ü"), "%E6%A8%A1%E5%9E%8B-%C3%BC");
        assert_eq!(path_segment("gemini-2.5-pro"), "gemini-2.5-pro");
    }
}
