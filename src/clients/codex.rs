//! Codex CLI: `config.toml` names the relay as a model provider, `auth.json` holds the key.
//!
//! What current Codex honours (0.169, checked by `tests/codex_conformance.rs` against the real
//! binary): root keys `model_provider` and `model` before any table, a
//! `[model_providers.<id>]` table with `name`, `base_url`, `wire_api = "responses"` and
//! `requires_openai_auth = true`, which makes Codex send `OPENAI_API_KEY` from `auth.json` as
//! `Authorization: Bearer <key>` to `<base_url>/responses`.
//!
//! The relay dashboard's snippet also carries `disable_response_storage`, `network_access` and
//! `windows_wsl_setup_acknowledged`; Codex 0.169 warns that it ignores all three, so they are
//! left out. So is the dashboard's `[features]` table: pasted at the top of a file that already
//! has one, it would make the file a duplicate-table error.

use super::{Format, Os, Setup, Snippet, Values};
use crate::i18n::Msg;
use crate::profile::Profile;
use toml_edit::{DocumentMut, Item, Table, value};

/// Codex's folder in the home directory (its default `CODEX_HOME`).
const CODEX_DIR: &str = ".codex";

pub fn setup(profile: &Profile, values: &Values, os: Os) -> Setup {
    let values = values.resolve(profile);
    let codex = &profile.clients.codex;
    let base_url = Profile::client_base_url(values.base_url, &codex.base_path);

    let mut config = DocumentMut::new();
    config["model_provider"] = value(codex.provider_id.as_str());
    config["model"] = value(values.model);
    // Codex's /review uses its own model setting; without it, reviews ask for a default
    // OpenAI model the relay may not serve.
    config["review_model"] = value(values.model);
    if let Some(effort) = &codex.reasoning_effort {
        config["model_reasoning_effort"] = value(effort.as_str());
    }
    let mut provider = Table::new();
    provider["name"] = value(codex.provider_name.as_str());
    provider["base_url"] = value(base_url.as_str());
    provider["wire_api"] = value("responses");
    provider["requires_openai_auth"] = value(true);
    let mut providers = Table::new();
    // Written as `[model_providers.<id>]` alone, without an empty `[model_providers]` header.
    providers.set_implicit(true);
    providers.insert(&codex.provider_id, Item::Table(provider));
    config.insert("model_providers", Item::Table(providers));

    let auth = serde_json::json!({ "OPENAI_API_KEY": values.key });
    // Serialising a map of strings cannot fail; the fallback keeps that impossible case panic-free.
    let auth = serde_json::to_string_pretty(&auth).unwrap_or_default() + "\n";

    let wsl_note = (os == Os::Wsl).then_some(Msg::CodexWslNote);
    Setup {
        snippets: vec![
            Snippet {
                file_name: "config.toml",
                path: os.home_path(CODEX_DIR, "config.toml"),
                format: Format::Toml,
                content: config.to_string(),
                notes: [Some(Msg::CodexConfigNote), wsl_note]
                    .into_iter()
                    .flatten()
                    .collect(),
            },
            Snippet {
                file_name: "auth.json",
                path: os.home_path(CODEX_DIR, "auth.json"),
                format: Format::Json,
                content: auth,
                notes: [Some(Msg::CodexAuthNote), wsl_note]
                    .into_iter()
                    .flatten()
                    .collect(),
            },
        ],
        request_url: format!("{base_url}/responses"),
        next_step: Msg::RestartNote,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup_for(key: &str, model: &str, os: Os) -> Setup {
        let values = Values {
            key: key.into(),
            base_url: String::new(),
            model: model.into(),
        };
        setup(&Profile::builtin(), &values, os)
    }

    fn parsed_config(setup: &Setup) -> toml_edit::DocumentMut {
        setup.snippets[0]
            .content
            .parse()
            .expect("config.toml parses")
    }

    fn parsed_key(setup: &Setup) -> String {
        let auth: serde_json::Value =
            serde_json::from_str(&setup.snippets[1].content).expect("auth.json parses");
        auth["OPENAI_API_KEY"]
            .as_str()
            .expect("a string")
            .to_owned()
    }

    #[test]
    fn the_config_matches_what_codex_honours() {
        let setup = setup_for("sk-1", "gpt-5.5", Os::Linux);
        assert_eq!(
            setup.snippets[0].content,
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
            setup.snippets[1].content,
            "{\n  \"OPENAI_API_KEY\": \"sk-1\"\n}\n"
        );
        assert_eq!(setup.request_url, "https://api.4096bytes.com/responses");
    }

    #[test]
    fn settings_codex_ignores_are_not_emitted() {
        let content = &setup_for("sk-1", "m", Os::Windows).snippets[0].content;
        for dead in [
            "disable_response_storage",
            "network_access",
            "windows_wsl_setup_acknowledged",
            "[features]",
        ] {
            assert!(!content.contains(dead), "{dead} in\n{content}");
        }
    }

    #[test]
    fn paths_follow_the_system() {
        let paths = |os| {
            setup_for("", "", os)
                .snippets
                .into_iter()
                .map(|s| s.path)
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
            setup_for("", "", Os::Wsl)
                .snippets
                .iter()
                .all(|s| s.notes.contains(&Msg::CodexWslNote))
        );
        assert!(
            setup_for("", "", Os::Linux)
                .snippets
                .iter()
                .all(|s| !s.notes.contains(&Msg::CodexWslNote))
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
            let setup = setup(&Profile::builtin(), &values, Os::Linux);
            let config = parsed_config(&setup);
            assert_eq!(config["model"].as_str(), Some(text));
            assert_eq!(
                config["model_providers"]["OpenAI"]["base_url"].as_str(),
                Some(values.base_url.as_str())
            );
            assert_eq!(parsed_key(&setup), text);
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
        let setup = setup(&profile, &values, Os::Linux);
        assert!(
            setup.snippets[0]
                .content
                .contains("base_url = \"https://relay.example/v1\"")
        );
        assert_eq!(setup.request_url, "https://relay.example/v1/responses");
    }
}
