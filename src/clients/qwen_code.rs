//! Qwen Code (npm `@qwen-code/qwen-code`, command `qwen`): an OpenAI-compatible model provider
//! in `~/.qwen/settings.json`, or three environment variables.
//!
//! What Qwen Code 0.24.4 does, checked by `tests/qwen_code_conformance.rs` against the real
//! client: it hands the provider's `baseUrl` to the OpenAI SDK, which appends
//! `/chat/completions`, and sends the key as `Authorization: Bearer <key>`.
//!
//! - The settings file names the model under `modelProviders.openai` with `envKey`, the name
//!   of the variable holding the key, and selects it with `security.auth.selectedType` and
//!   `model.name`. The key goes in the file's `env` block under a name of the relay's own:
//!   exported `OPENAI_API_KEY`, `OPENAI_BASE_URL` and `OPENAI_MODEL` then cannot override it
//!   (they do override `security.auth.apiKey` and `baseUrl`, the other way to write a key).
//! - Qwen Code replaces `$NAME` and `${NAME}` in every string of `settings.json` with the
//!   environment variable of that name, with no way to escape the `$`, so a value containing
//!   such a pattern is never written into the file.
//! - Without `privacy.usageStatisticsEnabled: false` it sends usage statistics to an outside
//!   host.
//! - The environment route needs all three `OPENAI_*` variables: without a model it stops
//!   with "No auth type is selected".

use super::{
    Api, ClientFile, ClientSpec, EnvSetup, JsonDialect, KeySpaces, Resolved, Section, Setup,
    Snippet, env_sections, install_commands,
};
use crate::check::Kind;
use crate::clients::Client;
use crate::i18n::Msg;
use crate::platform::{Format, Os, Target};
use crate::profile::{Profile, Protocol};
use crate::shell::EnvChange;

/// Qwen Code's folder in the home directory.
pub const SETTINGS_DIR: &str = ".qwen";
pub const SETTINGS_FILE: ClientFile = ClientFile {
    name: "settings.json",
    kind: Some(Kind::QwenSettings),
    merge: None,
};
/// The `$version` Qwen Code 0.24 writes; without it, it rewrites the file to add it.
pub const SETTINGS_VERSION: u64 = 4;
/// The auth type, and the `modelProviders` list, of OpenAI-compatible providers.
pub const OPENAI_AUTH_TYPE: &str = "openai";
/// The variables of the environment route.
pub const ENV_API_KEY: &str = "OPENAI_API_KEY";
pub const ENV_BASE_URL: &str = "OPENAI_BASE_URL";
pub const ENV_MODEL: &str = "OPENAI_MODEL";

/// What onramp knows of Qwen Code, for the registry (see the module docs of `clients`).
pub const SPEC: ClientSpec = ClientSpec {
    id: "qwen-code",
    name: "Qwen Code",
    rank: 11,
    protocol: Protocol::OpenAi,
    systems: &Os::ALL,
    base_path: |clients| &clients.openai_compatible.base_path,
    appends_v1: false,
    // Qwen Code 0.24.4 sends a leading space of the key (observed against a loopback relay).
    key_spaces: KeySpaces::Sent,
    trims_values: false,
    // Qwen Code 0.24.4 reads settings.json with a byte order mark and with `//` and `/* */`
    // comments (observed).
    json: JsonDialect {
        bom: true,
        comments: true,
    },
    variables: &[],
    uses_shell: true,
    check_step: true,
    files: &[SETTINGS_FILE],
    setup,
};

pub fn setup(profile: &Profile, values: &Resolved, target: Target) -> Setup {
    let base_url = Client::QwenCode.base_url(profile, values.base_url);
    let settings = settings(profile, values, &base_url);
    let wsl_note = (target.os == Os::Wsl).then_some(Msg::WslHomeNote);
    let settings_section = if settings_hold_values_verbatim(&settings) {
        // Serialising JSON values cannot fail; the fallback keeps that impossible case panic-free.
        let content = serde_json::to_string_pretty(&settings).unwrap_or_default() + "\n";
        Section {
            id: "settings-file",
            title: Msg::QwenSettingsTitle,
            next_step: Msg::QwenNextStep,
            notes: vec![Msg::QwenKeyVariableNote],
            snippets: vec![
                Snippet::file(
                    &SETTINGS_FILE,
                    target.os.home_path(SETTINGS_DIR, SETTINGS_FILE.name),
                    Format::Json,
                    content,
                )
                .with_notes([Msg::QwenSettingsNote].into_iter().chain(wsl_note)),
            ],
        }
    } else {
        Section {
            id: "settings-file",
            title: Msg::QwenSettingsTitle,
            next_step: Msg::QwenNextStep,
            notes: vec![Msg::QwenDollarInValue],
            snippets: Vec::new(),
        }
    };
    let mut sections = vec![settings_section];
    sections.extend(env_sections(
        target,
        EnvSetup {
            change: EnvChange {
                set: &[
                    (ENV_API_KEY, values.key),
                    (ENV_BASE_URL, &base_url),
                    (ENV_MODEL, values.model),
                ],
                unset: &[],
            },
            notes: &[Msg::QwenEnvNote],
            files: &[],
            then: &[],
            next_steps: [Msg::QwenEnvSessionNextStep, Msg::QwenNextStep],
        },
    ));
    Setup {
        install: install_commands(target.shell, None, Some(NPM_PACKAGE), "qwen --version"),
        sections,
        request_url: format!("{base_url}{}", Api::ChatCompletions.path(values.model)),
        api: Api::ChatCompletions,
    }
}

/// Qwen Code's npm package, as its docs install it (qwenlm.github.io/qwen-code-docs,
/// "Standard installation": `npm install -g @qwen-code/qwen-code`), the one the conformance
/// test runs (tests/clients/package.json).
pub const NPM_PACKAGE: &str = "@qwen-code/qwen-code";

/// The variable the settings file keeps the key in: the relay's own name, so that a stale
/// `OPENAI_API_KEY` cannot take its place.
pub fn key_variable(profile: &Profile) -> String {
    let id: String = profile
        .id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    format!("RELAY_{id}_API_KEY")
}

fn settings(profile: &Profile, values: &Resolved, base_url: &str) -> serde_json::Value {
    let key_variable = key_variable(profile);
    serde_json::json!({
        "$version": SETTINGS_VERSION,
        "env": { key_variable.as_str(): values.key },
        "modelProviders": {
            OPENAI_AUTH_TYPE: [{
                "id": values.model,
                "name": format!("{} {}", profile.display_name, values.model),
                "baseUrl": base_url,
                "envKey": key_variable,
            }]
        },
        "security": { "auth": { "selectedType": OPENAI_AUTH_TYPE } },
        "model": { "name": values.model },
        "privacy": { "usageStatisticsEnabled": false },
    })
}

/// Whether Qwen Code reads every string of `settings` back unchanged: none holds `$NAME` or
/// `${…}`, which it would replace with an environment variable.
fn settings_hold_values_verbatim(settings: &serde_json::Value) -> bool {
    match settings {
        serde_json::Value::String(text) => !expands_variables(text),
        serde_json::Value::Array(items) => items.iter().all(settings_hold_values_verbatim),
        serde_json::Value::Object(members) => members.values().all(settings_hold_values_verbatim),
        serde_json::Value::Null | serde_json::Value::Bool(_) | serde_json::Value::Number(_) => true,
    }
}

/// Whether `text` has a `$` that Qwen Code's settings loader may replace: one followed by a
/// letter, a digit, `_` or `{` (its pattern is `\$(?:(\w+)|{([^}]+)})`). A `$` followed by
/// anything else stays as it is.
pub fn expands_variables(text: &str) -> bool {
    text.split('$')
        .skip(1)
        .any(|after| after.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '{'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clients::{Client, SnippetKind, Values};
    use crate::i18n::Lang;
    use crate::shell::Shell;

    fn setup_for(key: &str, model: &str, target: Target) -> Setup {
        let values = Values {
            key: key.into(),
            base_url: String::new(),
            model: model.into(),
        };
        Client::QwenCode.setup(&Profile::builtin(), &values, target)
    }

    fn settings_file(setup: &Setup) -> Option<&Snippet> {
        setup.section("settings-file").unwrap().snippets.first()
    }

    #[test]
    fn the_settings_file_selects_the_relay_model_with_the_key_in_its_env_block() {
        let setup = setup_for("sk-qwen", "qwen3-coder-plus", Target::new(Os::Linux));
        let file = settings_file(&setup).unwrap();
        assert_eq!(file.heading(Lang::En), "~/.qwen/settings.json");
        let settings: serde_json::Value = serde_json::from_str(&file.content).unwrap();
        assert_eq!(
            settings,
            serde_json::json!({
                "$version": 4,
                "env": { "RELAY_4096BYTES_API_KEY": "sk-qwen" },
                "modelProviders": { "openai": [{
                    "id": "qwen3-coder-plus",
                    "name": "4096bytes qwen3-coder-plus",
                    "baseUrl": "https://api.4096bytes.com",
                    "envKey": "RELAY_4096BYTES_API_KEY",
                }]},
                "security": { "auth": { "selectedType": "openai" } },
                "model": { "name": "qwen3-coder-plus" },
                "privacy": { "usageStatisticsEnabled": false },
            })
        );
        assert_eq!(
            setup.request_url,
            "https://api.4096bytes.com/chat/completions"
        );
    }

    #[test]
    fn paths_follow_the_system() {
        let heading = |os| {
            settings_file(&setup_for("k", "m", Target::new(os)))
                .unwrap()
                .heading(Lang::En)
        };
        assert_eq!(heading(Os::Macos), "~/.qwen/settings.json");
        assert_eq!(heading(Os::Wsl), "~/.qwen/settings.json");
        assert_eq!(heading(Os::Windows), "%USERPROFILE%\\.qwen\\settings.json");
        let wsl = setup_for("k", "m", Target::new(Os::Wsl));
        assert!(
            settings_file(&wsl)
                .unwrap()
                .notes
                .contains(&Msg::WslHomeNote)
        );
    }

    #[test]
    fn the_variables_are_all_three_for_each_shell() {
        let setup = setup_for("sk-q'1", "m", Target::new(Os::Linux));
        assert_eq!(
            setup.section("env-session").unwrap().snippets[0].content,
            "export OPENAI_API_KEY='sk-q'\\''1'\nexport OPENAI_BASE_URL='https://api.4096bytes.com'\nexport OPENAI_MODEL='m'\n"
        );
        let windows = Target::with_shell(Os::Windows, Shell::PowerShell).unwrap();
        let windows_setup = setup_for("sk-q", "m", windows);
        let persistent = &windows_setup.section("env-persistent").unwrap().snippets[0];
        assert_eq!(
            persistent.kind,
            SnippetKind::Commands {
                shell: Shell::PowerShell,
                scope: Some(crate::shell::Scope::Persistent),
            }
        );
        assert!(
            persistent
                .content
                .contains("SetEnvironmentVariable('OPENAI_MODEL', 'm', 'User')"),
            "{}",
            persistent.content
        );
    }

    #[test]
    fn any_value_without_a_variable_pattern_reads_back_exactly() {
        for text in [
            r#"sk-"quoted"\back\slash"#,
            "sk-100%-`tick`-'single'",
            "模型-ü 🔑",
            "cost-$-5 and $ alone $",
            "tab\there\nline",
        ] {
            let values = Values {
                key: text.into(),
                base_url: format!("https://h.example/{text}"),
                model: text.into(),
            };
            let setup =
                Client::QwenCode.setup(&Profile::builtin(), &values, Target::new(Os::Linux));
            let settings: serde_json::Value =
                serde_json::from_str(&settings_file(&setup).expect(text).content).unwrap();
            let provider = &settings["modelProviders"]["openai"][0];
            assert_eq!(settings["env"]["RELAY_4096BYTES_API_KEY"], text);
            assert_eq!(provider["id"], text);
            assert_eq!(provider["baseUrl"], values.base_url.as_str());
            assert_eq!(settings["model"]["name"], text);
        }
    }

    #[test]
    fn a_value_qwen_code_would_expand_is_never_written_into_the_file() {
        for (key, model) in [
            ("sk-$HOME-1", "m"),
            ("sk-${PATH}", "m"),
            ("sk-1", "model-$1"),
            ("sk-1", "model_$_x"),
        ] {
            let setup = setup_for(key, model, Target::new(Os::Linux));
            let section = setup.section("settings-file").unwrap();
            assert!(section.snippets.is_empty(), "{key} {model}");
            assert_eq!(section.notes, [Msg::QwenDollarInValue]);
            // The variables carry the value as it is.
            assert!(!setup.section("env-session").unwrap().snippets.is_empty());
        }
    }

    #[test]
    fn only_a_dollar_before_a_name_or_brace_expands() {
        for text in ["$HOME", "a$b", "${X}", "${", "$_", "x$9"] {
            assert!(expands_variables(text), "{text}");
        }
        for text in ["", "$", "a$", "$-x", "$ x", "$$", "100$!", "$'q'"] {
            assert!(!expands_variables(text), "{text}");
        }
        // "$$x": the second $ is followed by x.
        assert!(expands_variables("$$x"));
    }

    #[test]
    fn the_key_variable_is_a_valid_name_for_any_relay_id() {
        let mut profile = Profile::builtin();
        assert_eq!(key_variable(&profile), "RELAY_4096BYTES_API_KEY");
        profile.id = "my-relay.io".into();
        assert_eq!(key_variable(&profile), "RELAY_MY_RELAY_IO_API_KEY");
    }
}
