//! Codex CLI: `config.toml` names the relay as a model provider, `auth.json` holds the key.
//!
//! What current Codex honours (0.171, checked by `tests/codex_conformance.rs` against the real
//! binary): root keys `model_provider` and `model` before any table, a
//! `[model_providers.<id>]` table with `name`, `base_url`, `wire_api = "responses"` and
//! `requires_openai_auth = true`, which makes Codex send `OPENAI_API_KEY` from `auth.json` as
//! `Authorization: Bearer <key>` to `<base_url>/responses`.
//!
//! The relay dashboard's snippet also carries `disable_response_storage`, `network_access` and
//! `windows_wsl_setup_acknowledged`; Codex 0.171 warns that it ignores all three, so they are
//! left out. So is the dashboard's `[features]` table: pasted at the top of a file that already
//! has one, it would make the file a duplicate-table error.

use super::{
    Api, Client, ClientFile, ClientSpec, EnvSetup, JsonDialect, KeySpaces, Resolved, Section,
    Setup, Snippet, env_sections, install_commands,
};
use crate::check::Kind;
use crate::escape;
use crate::i18n::Msg;
use crate::merge::MergeTarget;
use crate::platform::{Format, Os, Target};
use crate::profile::{Profile, Protocol};
use crate::shell::EnvChange;
use crate::shell::Shell;

/// Codex's folder in the home directory (its default `CODEX_HOME`).
const CODEX_DIR: &str = ".codex";

/// The relay as a model provider, and the model.
pub const CONFIG_FILE: ClientFile = ClientFile {
    name: "config.toml",
    kind: Some(Kind::CodexConfig),
    merge: Some(MergeTarget::CodexConfig),
};

/// The key.
pub const AUTH_FILE: ClientFile = ClientFile {
    name: "auth.json",
    kind: Some(Kind::CodexAuth),
    merge: None,
};

/// The one member of `auth.json` Codex reads the key from.
pub const AUTH_KEY: &str = "OPENAI_API_KEY";

/// The parts of Codex's `config.toml` that matter for a relay, as Codex 0.171 reads them
/// (`tests/codex_doctor_conformance.rs` holds the checker to them). Generation, checking and
/// merging all name settings through these.
pub mod config {
    /// Top level: the id of the provider to use.
    pub const MODEL_PROVIDER: &str = "model_provider";
    /// Top level: the model; `review_model` is the one `/review` uses.
    pub const MODEL: &str = "model";
    pub const REVIEW_MODEL: &str = "review_model";
    pub const REASONING_EFFORT: &str = "model_reasoning_effort";
    /// Top level: the table of providers, `[model_providers.<id>]`.
    pub const PROVIDERS: &str = "model_providers";
    /// A provider's settings.
    pub const NAME: &str = "name";
    pub const BASE_URL: &str = "base_url";
    pub const WIRE_API: &str = "wire_api";
    /// The only `wire_api` Codex still supports.
    pub const RESPONSES: &str = "responses";
    /// `true` makes Codex send `OPENAI_API_KEY` from `auth.json`.
    pub const REQUIRES_OPENAI_AUTH: &str = "requires_openai_auth";
    /// The name of an environment variable holding the key.
    pub const ENV_KEY: &str = "env_key";
    /// The key itself, in the file.
    pub const BEARER_TOKEN: &str = "experimental_bearer_token";
    /// Headers sent as written: an `Authorization` one carries the key.
    pub const HTTP_HEADERS: &str = "http_headers";
    /// Headers each sent with the value of the environment variable it names.
    pub const ENV_HTTP_HEADERS: &str = "env_http_headers";
    /// The header that carries the key, compared without case as HTTP does.
    pub const AUTHORIZATION: &str = "authorization";
    /// A table whose `command` (with `args`) prints the key.
    pub const AUTH_COMMAND: &str = "auth";
    /// What people name the key instead, at the top or in a provider table, compared without
    /// case and with `-` read as `_`: Codex reads none of them (observed for `api_key`,
    /// `bearer_token` and `OPENAI_API_KEY`: no key is sent).
    pub const MISNAMED_KEYS: [&str; 8] = [
        "api_key",
        "apikey",
        "bearer_token",
        "token",
        "access_token",
        "auth_token",
        "openai_api_key",
        "key",
    ];

    /// Settings that only mean something at the top of the file.
    pub const ROOT_ONLY: [&str; 7] = [
        MODEL_PROVIDER,
        MODEL,
        REVIEW_MODEL,
        REASONING_EFFORT,
        "approval_policy",
        "sandbox_mode",
        "openai_base_url",
    ];
    /// Tables in which `model` is a setting of their own.
    pub const TABLES_WITH_A_MODEL: [&str; 2] = ["profiles", "agents"];
    /// Top-level settings Codex 0.171 reports as ignored (they come from relay dashboards).
    pub const IGNORED: [&str; 3] = [
        "disable_response_storage",
        "network_access",
        "windows_wsl_setup_acknowledged",
    ];
    /// Provider ids Codex keeps for its built-in providers (ids are case-sensitive).
    pub const RESERVED_IDS: [&str; 4] = ["openai", "ollama", "lmstudio", "amazon-bedrock"];
}

/// Where `config.toml` takes the key from.
#[derive(Clone, Copy)]
pub enum KeySource<'a> {
    /// `auth.json`'s `OPENAI_API_KEY`, through `requires_openai_auth = true`.
    AuthJson,
    /// The environment variable named by `env_key`.
    Environment(&'a str),
}

/// The top-level settings the relay's setup writes, in order.
pub fn root_settings<'a>(profile: &'a Profile, model: &'a str) -> Vec<(&'static str, &'a str)> {
    let codex = &profile.clients.codex;
    let mut settings = vec![
        (config::MODEL_PROVIDER, codex.provider_id.as_str()),
        (config::MODEL, model),
        // Codex's /review uses its own model setting; without it, reviews ask for a default
        // OpenAI model the relay may not serve.
        (config::REVIEW_MODEL, model),
    ];
    if let Some(effort) = &codex.reasoning_effort {
        settings.push((config::REASONING_EFFORT, effort.as_str()));
    }
    settings
}

/// The value of a setting in the relay's provider table.
#[derive(Clone, Copy)]
pub enum ProviderValue<'a> {
    Text(&'a str),
    Flag(bool),
}

impl ProviderValue<'_> {
    /// The value as `config.toml` holds it.
    fn toml(self) -> String {
        match self {
            ProviderValue::Text(text) => escape::toml(text),
            ProviderValue::Flag(flag) => flag.to_string(),
        }
    }
}

/// The relay's provider table, in order.
pub fn provider_settings<'a>(
    profile: &'a Profile,
    base_url: &'a str,
    source: KeySource<'a>,
) -> Vec<(&'static str, ProviderValue<'a>)> {
    let codex = &profile.clients.codex;
    let mut settings = vec![
        (config::NAME, ProviderValue::Text(&codex.provider_name)),
        (config::BASE_URL, ProviderValue::Text(base_url)),
        (config::WIRE_API, ProviderValue::Text(config::RESPONSES)),
    ];
    settings.push(match source {
        KeySource::AuthJson => (config::REQUIRES_OPENAI_AUTH, ProviderValue::Flag(true)),
        KeySource::Environment(name) => (config::ENV_KEY, ProviderValue::Text(name)),
    });
    settings
}

/// What onramp knows of Codex CLI, for the registry (see the module docs of `clients`).
pub const SPEC: ClientSpec = ClientSpec {
    id: "codex",
    name: "Codex CLI",
    rank: 1,
    protocol: Protocol::OpenAi,
    systems: &Os::ALL,
    base_path: |clients| &clients.codex.base_path,
    appends_v1: false,
    // Codex CLI 0.171 sends spaces and tabs at both ends of the key (observed against a
    // loopback relay; `key_whitespace_verdicts_match_*`).
    key_spaces: KeySpaces::Sent,
    // Codex CLI 0.171 sends a model's final space and fails on a base URL's ("builder
    // error").
    trims_values: false,
    // Codex CLI 0.171 stops on an auth.json that starts with a byte order mark.
    json: JsonDialect::STRICT,
    variables: &[],
    uses_shell: true,
    check_step: true,
    files: &[CONFIG_FILE, AUTH_FILE],
    setup,
};

pub fn setup(profile: &Profile, values: &Resolved, target: Target) -> Setup {
    let codex = &profile.clients.codex;
    let base_url = Client::Codex.base_url(profile, values.base_url);
    let wsl_note = (target.os == Os::Wsl).then_some(Msg::WslHomeNote);
    let config_file = |source| {
        Snippet::file(
            &CONFIG_FILE,
            target.os.home_path(CODEX_DIR, CONFIG_FILE.name),
            Format::Toml,
            config(profile, values, &base_url, source),
        )
        .with_notes([Msg::CodexConfigNote].into_iter().chain(wsl_note))
    };
    // Serialising a map of strings cannot fail; the fallback keeps that impossible case panic-free.
    let auth = serde_json::to_string_pretty(&serde_json::json!({ AUTH_KEY: values.key }))
        .unwrap_or_default()
        + "\n";
    let auth_file = Snippet::file(
        &AUTH_FILE,
        target.os.home_path(CODEX_DIR, AUTH_FILE.name),
        Format::Json,
        auth,
    )
    .with_notes([Msg::CodexAuthNote].into_iter().chain(wsl_note));

    let mut sections = vec![Section {
        id: "auth-json",
        title: Msg::CodexAuthJsonTitle,
        notes: Vec::new(),
        snippets: vec![config_file(KeySource::AuthJson), auth_file],
        next_step: Msg::RestartNote,
    }];
    // Either variable section is a whole setup: config.toml names the variable, the commands
    // set it.
    let env_config = [config_file(KeySource::Environment(&codex.env_key))];
    let mut env = env_sections(
        target,
        EnvSetup {
            change: EnvChange {
                set: &[(&codex.env_key, values.key)],
                unset: &[],
            },
            notes: &[Msg::EnvGuiAppsNote],
            files: &env_config,
            then: &[],
            next_steps: [
                Msg::CodexEnvSessionNextStep,
                Msg::CodexEnvPersistentNextStep,
            ],
        },
    );
    env[0].title = Msg::CodexEnvSessionTitle;
    env[1].title = Msg::CodexEnvPersistentTitle;
    sections.extend(env);
    Setup {
        install: install(target.shell),
        sections,
        request_url: format!("{base_url}{}", Api::Responses.path(values.model)),
        api: Api::Responses,
    }
}

/// How to install Codex, as the relay's Codex page gives it (its "Install" step, after the
/// openai/codex README): the install script for macOS and Linux, the PowerShell one for
/// Windows (written to run from cmd too), or npm, then `codex --version`.
fn install(shell: Shell) -> Vec<Snippet> {
    let script = match shell {
        Shell::Posix | Shell::Fish => "curl -fsSL https://chatgpt.com/codex/install.sh | sh",
        Shell::PowerShell | Shell::Cmd => {
            "powershell -ExecutionPolicy ByPass -c \"irm https://chatgpt.com/codex/install.ps1 | iex\""
        }
    };
    install_commands(shell, Some(script), Some(NPM_PACKAGE), "codex --version")
}

/// Codex's npm package, the one the conformance test runs (tests/package.json).
pub const NPM_PACKAGE: &str = "@openai/codex";

/// `config.toml`: root keys first, then the provider table, as `toml_edit` would write the
/// same document (`[model_providers.<id>]` alone, without an empty `[model_providers]`).
/// Written as text so that the page's main module does not link `toml_edit`.
fn config(profile: &Profile, values: &Resolved, base_url: &str, source: KeySource) -> String {
    let mut text = String::new();
    for (key, setting) in root_settings(profile, values.model) {
        text += &format!("{key} = {}\n", escape::toml(setting));
    }
    let provider_id = escape::toml_key(&profile.clients.codex.provider_id);
    text += &format!("\n[{}.{provider_id}]\n", config::PROVIDERS);
    for (key, setting) in provider_settings(profile, base_url, source) {
        text += &format!("{key} = {}\n", setting.toml());
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clients::{Client, SnippetKind, Values};
    use crate::shell::Scope;
    use crate::shell::Shell;
    use toml_edit::DocumentMut;

    fn setup_for(key: &str, model: &str, os: Os) -> Setup {
        let values = Values {
            key: key.into(),
            base_url: String::new(),
            model: model.into(),
        };
        Client::Codex.setup(&Profile::builtin(), &values, Target::new(os))
    }

    /// The snippets of the `auth.json` variant: config.toml, then auth.json.
    fn files(setup: &Setup) -> &[Snippet] {
        &setup.sections[0].snippets
    }

    fn parsed_config(setup: &Setup) -> DocumentMut {
        files(setup)[0].content.parse().expect("config.toml parses")
    }

    fn parsed_key(setup: &Setup) -> String {
        let auth: serde_json::Value =
            serde_json::from_str(&files(setup)[1].content).expect("auth.json parses");
        auth["OPENAI_API_KEY"]
            .as_str()
            .expect("a string")
            .to_owned()
    }

    #[test]
    fn the_config_matches_what_codex_honours() {
        let setup = setup_for("sk-1", "gpt-5.5", Os::Linux);
        assert_eq!(setup.sections[0].id, "auth-json");
        assert_eq!(
            files(&setup)[0].content,
            r#"model_provider = "OpenAI"
model = "gpt-5.5"
review_model = "gpt-5.5"
model_reasoning_effort = "xhigh"

[model_providers.OpenAI]
name = "4096bytes"
base_url = "https://api.4096bytes.com"
wire_api = "responses"
requires_openai_auth = true
"#
        );
        assert_eq!(
            files(&setup)[1].content,
            "{\n  \"OPENAI_API_KEY\": \"sk-1\"\n}\n"
        );
        assert_eq!(setup.request_url, "https://api.4096bytes.com/responses");
    }

    /// The same `config.toml` built with `toml_edit`.
    fn toml_edit_config(profile: &Profile, values: &Resolved, source: KeySource) -> String {
        use toml_edit::{Item, Table, value};
        let mut document = DocumentMut::new();
        for (key, setting) in root_settings(profile, values.model) {
            document[key] = value(setting);
        }
        let base_url = Client::Codex.base_url(profile, values.base_url);
        let mut provider = Table::new();
        for (key, setting) in provider_settings(profile, &base_url, source) {
            provider[key] = Item::Value(setting.into());
        }
        let mut providers = Table::new();
        providers.set_implicit(true);
        providers.insert(&profile.clients.codex.provider_id, Item::Table(provider));
        document.insert(config::PROVIDERS, Item::Table(providers));
        document.to_string()
    }

    #[test]
    fn the_config_is_written_as_toml_edit_writes_it() {
        let mut profile = Profile::builtin();
        let awkward = [
            "plain",
            "it's \"quoted\"",
            "a.b c",
            "line\nbreak\\",
            "\u{1}'''",
        ];
        for text in awkward {
            profile.clients.codex.provider_id = text.into();
            profile.clients.codex.provider_name = text.into();
            let values = Values {
                key: text.into(),
                base_url: format!("https://h.example/{text}"),
                model: text.into(),
            };
            let values = values.resolve(&profile);
            let base_url = Client::Codex.base_url(&profile, values.base_url);
            for source in [KeySource::AuthJson, KeySource::Environment(text)] {
                assert_eq!(
                    config(&profile, &values, &base_url, source),
                    toml_edit_config(&profile, &values, source),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn settings_codex_ignores_are_not_emitted() {
        let setup = setup_for("sk-1", "m", Os::Windows);
        for snippet in setup.sections.iter().flat_map(|s| &s.snippets) {
            for dead in [
                "disable_response_storage",
                "network_access",
                "windows_wsl_setup_acknowledged",
                "[features]",
            ] {
                assert!(
                    !snippet.content.contains(dead),
                    "{dead} in\n{}",
                    snippet.content
                );
            }
        }
    }

    #[test]
    fn paths_follow_the_system() {
        let paths = |os| {
            files(&setup_for("", "", os))
                .iter()
                .map(|s| s.heading(crate::i18n::Lang::En))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            paths(Os::Linux),
            ["~/.codex/config.toml", "~/.codex/auth.json"]
        );
        assert_eq!(
            paths(Os::Macos),
            ["~/.codex/config.toml", "~/.codex/auth.json"]
        );
        assert_eq!(
            paths(Os::Windows),
            [
                "%USERPROFILE%\\.codex\\config.toml",
                "%USERPROFILE%\\.codex\\auth.json"
            ]
        );
        assert_eq!(
            paths(Os::Wsl),
            ["~/.codex/config.toml", "~/.codex/auth.json"]
        );
        assert!(
            files(&setup_for("", "", Os::Wsl))
                .iter()
                .all(|s| s.notes.contains(&Msg::WslHomeNote))
        );
        assert!(
            files(&setup_for("", "", Os::Linux))
                .iter()
                .all(|s| !s.notes.contains(&Msg::WslHomeNote))
        );
    }

    #[test]
    fn without_values_the_snippets_show_the_placeholders() {
        let setup = setup_for("", "", Os::Linux);
        assert_eq!(parsed_key(&setup), "YOUR_4096BYTES_API_KEY");
        assert_eq!(
            parsed_config(&setup)["model"].as_str(),
            Some("PASTE_MODEL_NAME_FROM_DASHBOARD")
        );
    }

    #[test]
    fn any_typed_value_round_trips_through_toml_and_json() {
        let awkward = [
            "sk-\"quoted\"\\back\\slash",
            "it's $HOME `cmd` %PATH% 100%",
            "新しい-模型-🔑",
            "tab\there\nnewline\r\u{0}\u{7f}",
            "'''triple''' \"\"\"quotes\"\"\"",
            " ",
        ];
        for text in awkward {
            let values = Values {
                key: text.into(),
                base_url: format!("https://h.example/{text}"),
                model: text.into(),
            };
            let setup = Client::Codex.setup(&Profile::builtin(), &values, Target::new(Os::Linux));
            let config = parsed_config(&setup);
            assert_eq!(config["model"].as_str(), Some(text));
            assert_eq!(
                config["model_providers"]["OpenAI"]["base_url"].as_str(),
                Some(values.base_url.as_str())
            );
            assert_eq!(parsed_key(&setup), text);
        }
    }

    /// Both variable sections are whole setups: config.toml naming the variable, then the
    /// line that sets it, for this terminal or in ~/.bashrc.
    #[test]
    fn each_env_key_variant_names_the_variable_and_sets_it() {
        let setup = setup_for("sk-env", "m", Os::Linux);
        for (id, scope) in [
            ("env-session", Scope::Session),
            ("env-persistent", Scope::Persistent),
        ] {
            let section = setup.section(id).unwrap();
            let config: DocumentMut = section.snippets[0].content.parse().unwrap();
            let provider = &config["model_providers"]["OpenAI"];
            assert_eq!(
                provider["env_key"].as_str(),
                Some("RELAY_4096BYTES_API_KEY")
            );
            assert!(provider.get("requires_openai_auth").is_none());
            assert_eq!(
                section.snippets[1].kind,
                SnippetKind::Commands {
                    shell: Shell::Posix,
                    scope: Some(scope),
                }
            );
            assert_eq!(
                section.snippets[1].content,
                "export RELAY_4096BYTES_API_KEY='sk-env'\n"
            );
            assert_eq!(section.snippets.len(), 2, "{id}");
        }
        let windows = setup_for("sk-env", "m", Os::Windows);
        let persistent = windows.section("env-persistent").unwrap();
        assert_eq!(persistent.snippets[0].file_name(), "config.toml");
        assert_eq!(
            persistent.snippets[1].content,
            "[Environment]::SetEnvironmentVariable('RELAY_4096BYTES_API_KEY', 'sk-env', 'User')\n"
        );
    }

    /// The relay's Codex page: the install script on macOS and Linux, the PowerShell one on
    /// Windows, or npm; then `codex --version`.
    #[test]
    fn the_setup_begins_with_the_official_install_commands() {
        let commands = |os, shell| {
            let target = Target::with_shell(os, shell).unwrap();
            Client::Codex
                .setup(&Profile::builtin(), &Values::default(), target)
                .install
                .iter()
                .map(|s| s.content.clone())
                .collect::<Vec<_>>()
        };
        for shell in [Shell::Posix, Shell::Fish] {
            assert_eq!(
                commands(Os::Linux, shell),
                [
                    "curl -fsSL https://chatgpt.com/codex/install.sh | sh\n",
                    "npm install -g @openai/codex\n",
                    "codex --version\n"
                ]
            );
        }
        for shell in [Shell::PowerShell, Shell::Cmd] {
            assert_eq!(
                commands(Os::Windows, shell)[0],
                "powershell -ExecutionPolicy ByPass -c \"irm https://chatgpt.com/codex/install.ps1 | iex\"\n"
            );
        }
    }

    #[test]
    fn the_base_path_comes_from_the_profile() {
        let mut profile = Profile::builtin();
        profile.clients.codex.base_path = "/v1".into();
        let values = Values {
            base_url: "https://relay.example/".into(),
            ..Values::default()
        };
        let setup = Client::Codex.setup(&profile, &values, Target::new(Os::Linux));
        assert!(
            files(&setup)[0]
                .content
                .contains("base_url = \"https://relay.example/v1\"")
        );
        assert_eq!(setup.request_url, "https://relay.example/v1/responses");
    }
}
