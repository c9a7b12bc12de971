//! Merging the relay's Codex settings into a `config.toml` the user already has, instead of
//! asking them to paste a block into it (and get the table order wrong).
//!
//! Only what the relay needs changes: the top-level `model_provider`, `model`, `review_model`
//! (and the recommended reasoning effort), and the relay's `[model_providers.<id>]` table.
//! Values that differ are replaced and listed; every other key, table and comment stays as it
//! was. Top-level settings that had slid under a table are taken out of it. Merging twice gives
//! the same text as merging once.

use crate::check::{self, Finding};
use crate::clients::Values;
use crate::profile::Profile;
use toml_edit::{DocumentMut, Item, Table, Value, value};

/// A setting the merge changed or removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Dotted path, e.g. `model` or `model_providers.OpenAI.base_url`.
    pub key: String,
    /// The value before, as written in the file; masked when it was a key.
    pub old: String,
    /// The value after, or `None` when the setting was removed.
    pub new: Option<String>,
}

/// The merged file and what changed in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub text: String,
    pub changes: Vec<Change>,
}

/// Top-level settings the merge writes, which must not sit under a table.
const ROOT_SETTINGS: [&str; 4] = [
    "model_provider",
    "model",
    "review_model",
    "model_reasoning_effort",
];

/// Settings of the provider table that fight `requires_openai_auth` for the key.
const OTHER_KEY_SOURCES: [&str; 2] = ["env_key", "experimental_bearer_token"];

/// `existing` with the relay's provider set. A file that is not valid TOML is returned as the
/// doctor's finding, which says where and why.
pub fn merge_codex_config(
    existing: &str,
    profile: &Profile,
    values: &Values,
) -> Result<Merged, Finding> {
    let mut doc: DocumentMut = existing.parse().map_err(|_| {
        let context = check::Context {
            profile,
            client: None,
        };
        let report = check::check(existing, Some(check::Kind::CodexConfig), &context);
        report
            .findings
            .into_iter()
            .next()
            .unwrap_or_else(not_mergeable)
    })?;
    let values = values.resolve(profile);
    let codex = &profile.clients.codex;
    let mut changes = Vec::new();

    remove_misplaced_root_settings(doc.as_table_mut(), &mut Vec::new(), &mut changes);

    let mut root_settings = vec![
        ("model_provider", codex.provider_id.clone()),
        ("model", values.model.to_owned()),
        ("review_model", values.model.to_owned()),
    ];
    if let Some(effort) = &codex.reasoning_effort {
        root_settings.push(("model_reasoning_effort", effort.clone()));
    }
    for (key, new) in root_settings {
        set_string(doc.as_table_mut(), key, &new, key, &mut changes);
    }

    let providers = doc
        .entry("model_providers")
        .or_insert_with(|| {
            let mut table = Table::new();
            table.set_implicit(true);
            Item::Table(table)
        })
        .as_table_mut();
    let Some(providers) = providers else {
        // `model_providers = "…"`: not a table, so Codex could not read it anyway.
        return Err(not_mergeable());
    };
    let provider = providers
        .entry(&codex.provider_id)
        .or_insert_with(|| Item::Table(Table::new()))
        .as_table_mut();
    let Some(provider) = provider else {
        return Err(not_mergeable());
    };
    let path = |key: &str| format!("model_providers.{}.{key}", codex.provider_id);
    let base_url = Profile::client_base_url(values.base_url, &codex.base_path);
    set_string(
        provider,
        "name",
        &codex.provider_name,
        &path("name"),
        &mut changes,
    );
    set_string(
        provider,
        "base_url",
        &base_url,
        &path("base_url"),
        &mut changes,
    );
    set_string(
        provider,
        "wire_api",
        "responses",
        &path("wire_api"),
        &mut changes,
    );
    if provider.get("requires_openai_auth").and_then(Item::as_bool) != Some(true) {
        if let Some(old) = provider.get("requires_openai_auth") {
            changes.push(Change {
                key: path("requires_openai_auth"),
                old: old.to_string().trim().to_owned(),
                new: Some("true".into()),
            });
        }
        provider["requires_openai_auth"] = value(true);
    }
    for key in OTHER_KEY_SOURCES {
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
    let mut text = doc.to_string();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok(Merged { text, changes })
}

/// The finding for a file that parses but cannot take the settings: `model_providers` (or
/// the relay's provider) is a value where a table must be, which Codex cannot read either.
fn not_mergeable() -> Finding {
    Finding::new(&check::codex_config::SYNTAX, 0..0)
}

/// Sets `key` to the string `new`, keeping the comments around an existing value.
fn set_string(table: &mut Table, key: &str, new: &str, path: &str, changes: &mut Vec<Change>) {
    match table.get_mut(key).and_then(Item::as_value_mut) {
        Some(existing) if existing.as_str() == Some(new) => {}
        Some(existing) => {
            changes.push(Change {
                key: path.to_owned(),
                old: existing.to_string().trim().to_owned(),
                new: Some(new.to_owned()),
            });
            let decor = existing.decor().clone();
            *existing = Value::from(new);
            *existing.decor_mut() = decor;
        }
        None => {
            if let Some(old) = table.get(key) {
                changes.push(Change {
                    key: path.to_owned(),
                    old: old.to_string().trim().to_owned(),
                    new: Some(new.to_owned()),
                });
            }
            table[key] = value(new);
        }
    }
}

/// Takes top-level settings out of the tables they slid under (an appended block).
fn remove_misplaced_root_settings(
    table: &mut Table,
    path: &mut Vec<String>,
    changes: &mut Vec<Change>,
) {
    for (key, item) in table.iter_mut() {
        let Item::Table(child) = item else { continue };
        path.push(key.get().to_owned());
        // `model` is a setting of its own in these tables.
        let own_model = matches!(
            path.first().map(String::as_str),
            Some("profiles" | "agents")
        );
        for setting in ROOT_SETTINGS {
            if setting == "model" && own_model {
                continue;
            }
            if let Some(old) = child.remove(setting) {
                changes.push(Change {
                    key: format!("{}.{setting}", path.join(".")),
                    old: old.to_string().trim().to_owned(),
                    new: None,
                });
            }
        }
        remove_misplaced_root_settings(child, path, changes);
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
        let error = merge_codex_config("model = \"unterminated\n", &Profile::builtin(), &values())
            .unwrap_err();
        assert_eq!(error.rule.code, "toml/syntax");
    }
}
