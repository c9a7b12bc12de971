//! The relay's variables merged into Claude Code's `settings.json`: set in its `env` block,
//! with the conflicting `ANTHROPIC_API_KEY` taken out, and the relay's variables taken out
//! of the top level, where Claude Code ignores them. A placeholder (no key or model typed)
//! only fills a variable the file does not have: a token set in `env`, or at the top level
//! where Claude Code ignores it, is kept (moved into `env`).

use super::json::Document;
use super::{Change, Merged, masked};
use crate::check::Finding;
use crate::clients::claude_code::{
    API_KEY_VARIABLE, AUTH_TOKEN_VARIABLE, BASE_URL_VARIABLE, ENV, variables,
};
use crate::clients::{Client, Values};
use crate::escape;
use crate::profile::Profile;

pub fn merge(existing: &str, profile: &Profile, values: &Values) -> Result<Merged, Vec<Finding>> {
    let mut document = Document::parse(existing, Client::ClaudeCode)?;
    let values = values.resolve(profile);
    let base_url = Client::ClaudeCode.base_url(profile, values.base_url);
    let is_key = |name: &str| name == AUTH_TOKEN_VARIABLE || name == API_KEY_VARIABLE;
    let shown = |name: &str, raw: &str| {
        let value = serde_json::from_str::<String>(raw).unwrap_or_else(|_| raw.to_owned());
        if is_key(name) { masked(&value) } else { value }
    };
    let mut changes = Vec::new();
    let mut ignored_token = None;
    for name in [BASE_URL_VARIABLE, AUTH_TOKEN_VARIABLE, API_KEY_VARIABLE] {
        if let Some(old) = document.remove(&[], name) {
            changes.push(Change {
                key: name.to_owned(),
                old: shown(name, &old),
                new: None,
            });
            if name == AUTH_TOKEN_VARIABLE {
                ignored_token = Some(old);
            }
        }
    }
    for (name, value) in variables(&base_url, &values) {
        let mut new = escape::json(value);
        if profile.placeholders.holds(value) {
            if document.get(&[ENV], name).is_some() {
                continue;
            }
            // The token the user put where Claude Code ignores it is the one they meant.
            if let Some(token) = ignored_token.take().filter(|_| name == AUTH_TOKEN_VARIABLE) {
                new = token;
            }
        }
        match document.set(&[ENV], name, &new) {
            Some(old) if old == new => {}
            Some(old) => changes.push(Change {
                key: format!("{ENV}.{name}"),
                old: shown(name, &old),
                new: Some(shown(name, &new)),
            }),
            None => {}
        }
    }
    if let Some(old) = document.remove(&[ENV], API_KEY_VARIABLE) {
        changes.push(Change {
            key: format!("{ENV}.{API_KEY_VARIABLE}"),
            old: shown(API_KEY_VARIABLE, &old),
            new: None,
        });
    }
    let mut text = document.text;
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok(Merged { text, changes })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{self, Context, Kind};

    fn merge(existing: &str) -> Merged {
        let values = Values {
            key: "sk-merge-0123456789".into(),
            base_url: String::new(),
            model: "claude-x".into(),
        };
        super::merge(existing, &Profile::builtin(), &values).unwrap()
    }

    fn is_clean(text: &str) -> bool {
        let profile = Profile::builtin();
        let context = Context {
            profile: &profile,
            client: None,
        };
        check::check(text, Some(Kind::ClaudeSettings), &context)
            .findings
            .is_empty()
    }

    #[test]
    fn the_variables_join_what_is_there_and_conflicts_go() {
        let existing = "{\n  \"model\": \"opus\",\n  \"permissions\": {\"allow\": [\"Bash(ls)\"]},\n  \"ANTHROPIC_BASE_URL\": \"https://ignored.example\",\n  \"env\": {\n    \"DISABLE_TELEMETRY\": \"1\",\n    \"ANTHROPIC_API_KEY\": \"sk-ant-old-0123456789\",\n    \"ANTHROPIC_MODEL\": \"old-model\"\n  }\n}\n";
        let merged = merge(existing);
        assert!(is_clean(&merged.text), "{}", merged.text);
        for kept in [
            "\"model\": \"opus\"",
            "\"allow\": [\"Bash(ls)\"]",
            "\"DISABLE_TELEMETRY\": \"1\"",
        ] {
            assert!(merged.text.contains(kept), "lost {kept}:\n{}", merged.text);
        }
        let keys: Vec<_> = merged.changes.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "ANTHROPIC_BASE_URL",
                "env.ANTHROPIC_MODEL",
                "env.ANTHROPIC_API_KEY"
            ]
        );
        let old_key = &merged.changes[2].old;
        assert!(!old_key.contains("sk-ant-old"), "masked: {old_key}");
        assert_eq!(
            merge(&merged.text),
            Merged {
                text: merged.text.clone(),
                changes: Vec::new()
            }
        );
    }

    #[test]
    fn a_placeholder_never_replaces_a_token_or_model_already_there() {
        let profile = Profile::builtin();
        let merge = |text: &str| super::merge(text, &profile, &Values::default()).unwrap();
        let existing = "{\n  \"env\": {\n    \"ANTHROPIC_AUTH_TOKEN\": \"sk-mine-0123456789\",\n    \"ANTHROPIC_MODEL\": \"claude-x\"\n  }\n}\n";
        let merged = merge(existing);
        let settings: serde_json::Value = serde_json::from_str(&merged.text).unwrap();
        assert_eq!(
            settings["env"]["ANTHROPIC_AUTH_TOKEN"],
            "sk-mine-0123456789"
        );
        assert_eq!(settings["env"]["ANTHROPIC_MODEL"], "claude-x");
        assert!(merged.changes.is_empty(), "{:?}", merged.changes);
        // A token outside env, where Claude Code ignores it, is moved in.
        let merged = merge("{\"ANTHROPIC_AUTH_TOKEN\": \"sk-mine-0123456789\"}");
        let settings: serde_json::Value = serde_json::from_str(&merged.text).unwrap();
        assert_eq!(
            settings["env"]["ANTHROPIC_AUTH_TOKEN"],
            "sk-mine-0123456789"
        );
        assert!(
            settings.get("ANTHROPIC_AUTH_TOKEN").is_none(),
            "{}",
            merged.text
        );
        // Where there is none, the placeholder fills it; a typed key replaces one.
        let merged = merge("{}");
        assert!(
            merged.text.contains(&profile.placeholders.api_key),
            "{}",
            merged.text
        );
        let typed = Values {
            key: "sk-typed-0123456789".into(),
            ..Values::default()
        };
        let merged = super::merge(existing, &profile, &typed).unwrap();
        assert!(
            merged.text.contains("sk-typed-0123456789"),
            "{}",
            merged.text
        );
        assert!(merged.text.contains("claude-x"), "{}", merged.text);
    }

    #[test]
    fn an_empty_or_missing_file_gets_the_env_block() {
        for existing in ["", "{}", "{}\n"] {
            let existing = if existing.is_empty() { "{}" } else { existing };
            let merged = merge(existing);
            assert!(is_clean(&merged.text), "{}", merged.text);
            assert!(merged.changes.is_empty());
        }
    }

    #[test]
    fn a_file_that_is_not_json_is_explained() {
        let values = Values::default();
        let findings = super::merge("{\"env\": {,}}", &Profile::builtin(), &values).unwrap_err();
        assert!(
            findings[0].rule.code.starts_with("json/"),
            "{:?}",
            findings[0].rule.code
        );
    }
}
