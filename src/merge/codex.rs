//! The relay's Codex settings merged into a `config.toml` the user already has, instead of
//! asking them to paste a block into it (and get the table order wrong).
//!
//! Only what the relay needs changes: the top-level `model_provider`, `model`, `review_model`
//! (and the recommended reasoning effort), and the relay's `[model_providers.<id>]` table.
//! Values that differ are replaced and listed; a placeholder (no model typed) only fills a
//! setting the file does not have. Every other key, table and comment stays as it was.
//! Top-level settings that had slid under a table are moved back to the top. Merging twice
//! gives the same text as merging once.

use super::{Change, Merged};
use crate::check::{self, Finding, codex_config};
use crate::clients::codex::{
    KeySource, ProviderValue, config as codex, provider_settings, root_settings,
};
use crate::clients::{Client, Values};
use crate::profile::Profile;
use toml_edit::{DocumentMut, Item, Table, TableLike, Value};

/// The doctor's findings that make a file impossible to merge into: Codex cannot read such a
/// file either, and they say where and why.
const BLOCKING: [&check::Rule; 3] = [
    &codex_config::SYNTAX,
    &codex_config::DUPLICATE,
    &codex_config::NOT_A_TABLE,
];

/// `existing` with the relay's provider set, or the findings that explain why it cannot be
/// merged into.
pub fn merge_codex_config(
    existing: &str,
    profile: &Profile,
    values: &Values,
) -> Result<Merged, Vec<Finding>> {
    let context = check::Context {
        profile,
        client: Some(Client::Codex),
    };
    let report = check::check(existing, Some(check::Kind::CodexConfig), &context);
    let blocking: Vec<Finding> = report
        .findings
        .into_iter()
        .filter(|finding| BLOCKING.contains(&finding.rule))
        .collect();
    if !blocking.is_empty() {
        return Err(blocking);
    }
    // The checker parsed the file and found every provider to be a table; the fallback keeps
    // a disagreement between the two from becoming a panic.
    merge_parsed(existing, profile, values).ok_or(blocking)
}

fn merge_parsed(existing: &str, profile: &Profile, values: &Values) -> Option<Merged> {
    let mut document: DocumentMut = existing.parse().ok()?;
    let values = values.resolve(profile);
    let provider_id = &profile.clients.codex.provider_id;
    let mut changes = Vec::new();

    let mut misplaced = Vec::new();
    remove_misplaced_root_settings(
        document.as_table_mut(),
        &mut Vec::new(),
        &mut misplaced,
        &mut changes,
    );
    // What had slid under a table is what the user meant at the top: it comes back there
    // (the first of each), then the relay's settings apply to it like to any other value.
    for (setting, value) in misplaced {
        if !document.contains_key(setting) {
            document.insert(setting, Item::Value(value));
        }
    }
    // With no model typed, the file's own model is the one meant, review_model included.
    let own_model = document
        .get(codex::MODEL)
        .and_then(Item::as_str)
        .filter(|_| profile.placeholders.holds(values.model))
        .map(str::to_owned);
    let model = own_model.as_deref().unwrap_or(values.model);
    for (key, new) in root_settings(profile, model) {
        let fill_only = profile.placeholders.holds(new);
        let root = document.as_table_mut();
        set_value(root, key, new.into(), key, fill_only, &mut changes);
    }

    let providers = document
        .entry(codex::PROVIDERS)
        .or_insert_with(|| {
            let mut table = Table::new();
            table.set_implicit(true);
            Item::Table(table)
        })
        .as_table_like_mut()?;
    // A provider written inline (`{ … }`) gets an inline table, a standard one a [header].
    let inline = providers
        .iter()
        .next()
        .is_some_and(|(_, item)| item.is_inline_table());
    if !providers.contains_key(provider_id) {
        let table = if inline {
            Item::Value(Value::InlineTable(Default::default()))
        } else {
            Item::Table(Table::new())
        };
        providers.insert(provider_id, table);
    }
    let provider = providers.get_mut(provider_id)?.as_table_like_mut()?;
    let path = |key: &str| format!("{}.{provider_id}.{key}", codex::PROVIDERS);
    let base_url = Client::Codex.base_url(profile, values.base_url);
    for (key, new) in provider_settings(profile, &base_url, KeySource::AuthJson) {
        set_value(provider, key, new.into(), &path(key), false, &mut changes);
    }
    // Another source of the key would fight `requires_openai_auth`.
    for key in [codex::ENV_KEY, codex::BEARER_TOKEN] {
        if let Some(old) = provider.remove(key) {
            let old = old.as_str().map_or_else(
                || old.to_string().trim().to_owned(),
                |secret| check::mask(secret, std::slice::from_ref(&(0..secret.len()))),
            );
            changes.push(Change {
                key: path(key),
                old,
                new: None,
            });
        }
    }
    let mut text = document.to_string();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Some(Merged { text, changes })
}

impl From<ProviderValue<'_>> for Value {
    fn from(value: ProviderValue) -> Self {
        match value {
            ProviderValue::Text(text) => Value::from(text),
            ProviderValue::Flag(flag) => Value::from(flag),
        }
    }
}

/// Sets `key` to `new`, keeping the comments around an existing value, and lists the change.
/// With `fill_only` (`new` is a placeholder), a value already there stays.
fn set_value(
    table: &mut dyn TableLike,
    key: &str,
    new: Value,
    path: &str,
    fill_only: bool,
    changes: &mut Vec<Change>,
) {
    // A value as written, without the comments and spaces around it.
    let shown = |value: &Value| {
        let mut bare = value.clone();
        bare.decor_mut().clear();
        bare.to_string()
    };
    match table.get_mut(key).and_then(Item::as_value_mut) {
        Some(_) if fill_only => {}
        Some(existing) if shown(existing) == shown(&new) => {}
        Some(existing) => {
            changes.push(Change {
                key: path.to_owned(),
                old: shown(existing),
                new: Some(shown(&new)),
            });
            let decor = existing.decor().clone();
            *existing = new;
            *existing.decor_mut() = decor;
        }
        None => {
            if let Some(old) = table.get(key) {
                changes.push(Change {
                    key: path.to_owned(),
                    old: old.to_string().trim().to_owned(),
                    new: Some(shown(&new)),
                });
            }
            table.insert(key, Item::Value(new));
        }
    }
}

/// Takes top-level settings out of the tables they slid under (an appended block), in any
/// spelling, into `removed` (each setting with its value, in the order found).
fn remove_misplaced_root_settings(
    table: &mut dyn TableLike,
    path: &mut Vec<String>,
    removed: &mut Vec<(&'static str, Value)>,
    changes: &mut Vec<Change>,
) {
    for (key, item) in table.iter_mut() {
        let Some(child) = item.as_table_like_mut() else {
            continue;
        };
        path.push(key.get().to_owned());
        // `model` is a setting of its own in these tables.
        let own_model = path
            .first()
            .is_some_and(|first| codex::TABLES_WITH_A_MODEL.contains(&first.as_str()));
        for setting in codex::ROOT_ONLY {
            if setting == codex::MODEL && own_model {
                continue;
            }
            if let Some(old) = child.remove(setting) {
                changes.push(Change {
                    key: format!("{}.{setting}", path.join(".")),
                    old: old.to_string().trim().to_owned(),
                    new: None,
                });
                if let Ok(mut value) = old.into_value() {
                    value.decor_mut().clear();
                    removed.push((setting, value));
                }
            }
        }
        remove_misplaced_root_settings(child, path, removed, changes);
        path.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Context, Kind};

    fn values() -> Values {
        Values {
            key: String::new(),
            base_url: String::new(),
            model: "gpt-5.5".into(),
        }
    }

    fn merge(existing: &str) -> Merged {
        merge_codex_config(existing, &Profile::builtin(), &values()).unwrap()
    }

    fn is_clean(text: &str) -> bool {
        let profile = Profile::builtin();
        !check::check(
            text,
            Some(Kind::CodexConfig),
            &Context {
                profile: &profile,
                client: None,
            },
        )
        .has_errors()
    }

    #[test]
    fn an_empty_file_gets_the_whole_setup() {
        let merged = merge("");
        assert!(is_clean(&merged.text), "{}", merged.text);
        assert!(merged.changes.is_empty());
        assert!(merged.text.contains("[model_providers.OpenAI]"));
        assert!(
            merged.text.ends_with("requires_openai_auth = true\n"),
            "{}",
            merged.text
        );
    }

    #[test]
    fn other_settings_and_comments_stay_and_conflicts_are_listed() {
        let existing = "# my Codex\nmodel = \"o3\" # old favourite\napproval_policy = \"on-request\"\n\n[features]\nweb_search_request = true\n\n[model_providers.OpenAI]\nname = \"old\"\nbase_url = \"https://old.example/v1\"\nenv_key = \"sk-abc123abc123abc123\"\n\n[mcp_servers.docs]\ncommand = \"npx\"\n";
        let merged = merge(existing);
        assert!(is_clean(&merged.text), "{}", merged.text);
        for kept in [
            "# my Codex\n",
            "# old favourite",
            "approval_policy = \"on-request\"",
            "[features]\nweb_search_request = true",
            "[mcp_servers.docs]\ncommand = \"npx\"",
        ] {
            assert!(
                merged.text.contains(kept),
                "lost {kept:?}:\n{}",
                merged.text
            );
        }
        let keys: Vec<&str> = merged.changes.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "model",
                "model_providers.OpenAI.name",
                "model_providers.OpenAI.base_url",
                "model_providers.OpenAI.env_key"
            ]
        );
        let env_key = merged.changes.last().unwrap();
        assert!(
            !env_key.old.contains("sk-abc123abc"),
            "the old key is masked: {}",
            env_key.old
        );
    }

    #[test]
    fn an_appended_block_is_pulled_back_to_the_top() {
        let existing =
            "[features]\ngoals = true\nmodel_provider = \"OpenAI\"\nmodel = \"gpt-5.5\"\n";
        let merged = merge(existing);
        assert!(is_clean(&merged.text), "{}", merged.text);
        assert!(
            merged.text.starts_with("model_provider = \"OpenAI\""),
            "{}",
            merged.text
        );
        assert!(
            merged.text.contains("[features]\ngoals = true\n"),
            "{}",
            merged.text
        );
    }

    #[test]
    fn a_placeholder_fills_what_is_missing_and_never_replaces_a_value() {
        let profile = Profile::builtin();
        let no_model = Values::default();
        let merge = |text: &str| merge_codex_config(text, &profile, &no_model).unwrap();
        let placeholder = &profile.placeholders.model;
        let merged = merge("model = \"gpt-5.5\" # mine\n");
        assert!(
            merged.text.starts_with("model = \"gpt-5.5\" # mine\n"),
            "{}",
            merged.text
        );
        assert!(
            merged.text.contains("review_model = \"gpt-5.5\""),
            "the file's model is the one meant: {}",
            merged.text
        );
        assert!(
            merge("")
                .text
                .contains(&format!("model = \"{placeholder}\"")),
            "a missing setting gets the placeholder"
        );
        assert!(
            merged.changes.iter().all(|change| change.key != "model"),
            "{:?}",
            merged.changes
        );
        // A model that had slid under a table is moved back up, not replaced.
        let merged = merge("[features]\ngoals = true\nmodel = \"gpt-5.5\"\n");
        assert!(
            merged.text.starts_with("model = \"gpt-5.5\"\n"),
            "{}",
            merged.text
        );
        assert!(
            !merged
                .text
                .contains(&format!("model = \"{placeholder}\"\n[")),
            "{}",
            merged.text
        );
        // A typed model still replaces the file's.
        let typed = Values {
            model: "o4".into(),
            ..Values::default()
        };
        let merged = merge_codex_config("model = \"gpt-5.5\"\n", &profile, &typed).unwrap();
        assert!(
            merged.text.starts_with("model = \"o4\"\n"),
            "{}",
            merged.text
        );
    }

    #[test]
    fn merging_twice_is_merging_once() {
        for existing in [
            "",
            "model = \"o3\"\n[features]\nx = true\nmodel_provider = \"y\"\n",
            "[model_providers.OpenAI]\nname = \"a\"\n",
        ] {
            let once = merge(existing).text;
            let twice = merge(&once);
            assert_eq!(twice.text, once);
            assert!(twice.changes.is_empty(), "{:?}", twice.changes);
        }
    }

    #[test]
    fn a_broken_file_is_explained_not_merged() {
        let merge = |text: &str| merge_codex_config(text, &Profile::builtin(), &values());
        let errors = merge("model = \"unterminated\n").unwrap_err();
        assert_eq!(errors[0].rule.code, "toml/syntax");
        assert!(
            errors[0].span.start > 0,
            "points at the spot, not at the start"
        );
        let text = "model = \"m\"\nmodel_providers = \"OpenAI\"\n";
        let errors = merge(text).unwrap_err();
        assert_eq!(errors[0].rule.code, "codex/not-a-table");
        assert_eq!(&text[errors[0].span.clone()], "\"OpenAI\"");
        let text = "[model_providers]\nOpenAI = 1\n";
        let errors = merge(text).unwrap_err();
        assert_eq!(&text[errors[0].span.clone()], "1");
    }

    #[test]
    fn every_spelling_of_the_providers_is_merged_into_in_place() {
        for existing in [
            "model_providers = { OpenAI = { name = \"old\", base_url = \"https://old.example\" } }\n",
            "[model_providers]\nOpenAI = { name = \"old\", base_url = \"https://old.example\" }\n",
            "model_providers.OpenAI.name = \"old\"\nmodel_providers.OpenAI.base_url = \"https://old.example\"\n",
            "[model_providers.\"OpenAI\"]\nname = \"old\"\nbase_url = \"https://old.example\"\n",
        ] {
            let merged = merge(existing);
            assert!(is_clean(&merged.text), "{existing}\n→\n{}", merged.text);
            assert_eq!(
                merged.text.matches("https://api.4096bytes.com").count(),
                1,
                "{}",
                merged.text
            );
            assert!(!merged.text.contains("old.example"), "{}", merged.text);
            let twice = merge(&merged.text);
            assert_eq!(twice.text, merged.text, "merging twice is merging once");
        }
    }
}
