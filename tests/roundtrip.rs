//! Whatever a customer types, every file onramp generates parses back to exactly those values,
//! and every set of bash `export` lines exports exactly those values.
#![cfg(not(target_arch = "wasm32"))]

use onramp::clients::{Client, Setup, SnippetKind, Values};
use onramp::platform::{Format, Os, Target};
use onramp::profile::Profile;
use onramp::shell::Shell;
use proptest::prelude::*;
use std::collections::BTreeMap;

/// Every string in a parsed document, wherever it sits.
fn strings_in(file_name: &str, format: Format, content: &str) -> Vec<String> {
    match format {
        Format::Json => {
            let value: serde_json::Value = serde_json::from_str(content)
                .unwrap_or_else(|e| panic!("{file_name}: {e}\n{content}"));
            let mut found = Vec::new();
            collect_json(&value, &mut found);
            found
        }
        Format::Toml => {
            let doc: toml_edit::DocumentMut = content
                .parse()
                .unwrap_or_else(|e| panic!("{file_name}: {e}\n{content}"));
            let value: serde_json::Value =
                serde_json::to_value(doc_to_json(doc.as_item())).unwrap();
            let mut found = Vec::new();
            collect_json(&value, &mut found);
            found
        }
        Format::Yaml => {
            let docs = yaml_rust2::YamlLoader::load_from_str(content)
                .unwrap_or_else(|e| panic!("{file_name}: {e}\n{content}"));
            let mut found = Vec::new();
            collect_yaml(&docs[0], &mut found);
            found
        }
        Format::Python
        | Format::JavaScript
        | Format::Text
        | Format::Posix
        | Format::Fish
        | Format::PowerShell
        | Format::Cmd => Vec::new(),
    }
}

fn collect_json(value: &serde_json::Value, found: &mut Vec<String>) {
    match value {
        serde_json::Value::String(text) => found.push(text.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|item| collect_json(item, found)),
        serde_json::Value::Object(map) => map.values().for_each(|item| collect_json(item, found)),
        _ => {}
    }
}

fn collect_yaml(value: &yaml_rust2::Yaml, found: &mut Vec<String>) {
    match value {
        yaml_rust2::Yaml::String(text) => found.push(text.clone()),
        yaml_rust2::Yaml::Array(items) => items.iter().for_each(|item| collect_yaml(item, found)),
        yaml_rust2::Yaml::Hash(map) => map.values().for_each(|item| collect_yaml(item, found)),
        _ => {}
    }
}

/// A TOML item as JSON, keeping only what the checks need (strings, tables, arrays).
fn doc_to_json(item: &toml_edit::Item) -> serde_json::Value {
    if let Some(table) = item.as_table_like() {
        return table
            .iter()
            .map(|(key, item)| (key.to_owned(), doc_to_json(item)))
            .collect::<serde_json::Map<_, _>>()
            .into();
    }
    match item.as_value() {
        Some(toml_edit::Value::String(text)) => text.value().clone().into(),
        Some(toml_edit::Value::Array(items)) => items
            .iter()
            .map(|v| doc_to_json(&toml_edit::Item::Value(v.clone())))
            .collect::<Vec<_>>()
            .into(),
        _ => serde_json::Value::Null,
    }
}

/// What bash has in `names` after running `commands`.
fn bash_exports(commands: &str, names: &[&str]) -> BTreeMap<String, String> {
    let script = format!(
        "{commands}\nfor n in {}; do printf '%s\\0' \"${{!n}}\"; done",
        names.join(" ")
    );
    let output = std::process::Command::new("bash")
        .arg("-c")
        .arg(script)
        .env_clear()
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    names
        .iter()
        .map(|name| name.to_string())
        .zip(text.split('\0').map(str::to_owned))
        .collect()
}

/// The variables each client's `export` lines set, as (name, value).
fn expected_exports(
    client: Client,
    key: &str,
    url: &str,
    model: &str,
) -> Vec<(&'static str, String)> {
    match client {
        Client::Codex => vec![("RELAY_4096BYTES_API_KEY", key.to_owned())],
        Client::ClaudeCode => vec![
            ("ANTHROPIC_BASE_URL", url.to_owned()),
            ("ANTHROPIC_AUTH_TOKEN", key.to_owned()),
            ("ANTHROPIC_MODEL", model.to_owned()),
        ],
        Client::OpenaiSdk => vec![
            ("OPENAI_BASE_URL", url.to_owned()),
            ("OPENAI_API_KEY", key.to_owned()),
        ],
        Client::Aider => vec![
            ("OPENAI_API_BASE", url.to_owned()),
            ("OPENAI_API_KEY", key.to_owned()),
        ],
        Client::QwenCode => vec![
            ("OPENAI_API_KEY", key.to_owned()),
            ("OPENAI_BASE_URL", url.to_owned()),
            ("OPENAI_MODEL", model.to_owned()),
        ],
        Client::GeminiCli => vec![
            ("GEMINI_API_KEY", key.to_owned()),
            ("GOOGLE_GEMINI_BASE_URL", url.to_owned()),
            ("GEMINI_MODEL", model.to_owned()),
        ],
        _ => Vec::new(),
    }
}

/// Which of the typed values each generated file carries. (Gemini CLI's `.env` is read back
/// by the dotenv it bundles, in `tests/gemini_cli_conformance.rs`.)
fn carried(client: Client, file_name: &str) -> (bool, bool, bool) {
    // (key, url, model)
    match file_name {
        "settings.json" if client == Client::GeminiCli => (false, false, false),
        "auth.json" => (true, false, false),
        "config.toml" => (false, true, true),
        "settings.json" | "opencode.json" | "config.yaml" => (true, true, true),
        other => panic!("no expectation for {other}"),
    }
}

fn check_setup(
    setup: &Setup,
    client: Client,
    key: &str,
    url: &str,
    model: &str,
) -> Result<(), TestCaseError> {
    for section in &setup.sections {
        for snippet in &section.snippets {
            match &snippet.kind {
                SnippetKind::File { file_name, .. }
                    if matches!(snippet.format, Format::Toml | Format::Json | Format::Yaml) =>
                {
                    let strings = strings_in(file_name, snippet.format, &snippet.content);
                    let (has_key, has_url, has_model) = carried(client, file_name);
                    for (carries, value) in [(has_key, key), (has_url, url), (has_model, model)] {
                        if carries {
                            prop_assert!(
                                strings.iter().any(|s| s == value),
                                "{file_name} lacks {value:?}: {strings:?}"
                            );
                        }
                    }
                }
                SnippetKind::Commands {
                    shell: Shell::Posix,
                    scope: Some(_),
                } => {
                    let expected = expected_exports(client, key, url, model);
                    let names: Vec<&str> = expected.iter().map(|(name, _)| *name).collect();
                    let exported = bash_exports(&snippet.content, &names);
                    for (name, value) in expected {
                        prop_assert_eq!(exported.get(name), Some(&value), "{:?} {}", client, name);
                    }
                }
                _ => {}
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn every_generated_file_and_export_reads_back_exactly(
        key in "[^\u{0}]{1,16}|['\"\\\\$`!%#:\n\t {}\\[\\]]{1,12}",
        model in "[^\u{0}]{1,16}|['\"\\\\$`!%#:\n\t -]{1,12}",
        url_tail in "[^\u{0}/]{0,12}",
    ) {
        // Trailing slashes are dropped on purpose (clients append their own paths).
        let url = format!("https://relay.example/{url_tail}");
        let expected_url = url.trim_end_matches('/').to_owned();
        let profile = Profile::builtin();
        let values = Values { key: key.clone(), base_url: url.clone(), model: model.clone() };
        for client in Client::ALL {
            for os in [Os::Linux, Os::Windows] {
                let setup = client.setup(&profile, &values, Target::new(os));
                check_setup(&setup, client, &key, &expected_url, &model)?;
            }
        }
    }
}
