//! The relay's provider merged into OpenCode's `opencode.json`: its settings set one by one
//! under `provider.<relay id>` (other providers, and other settings of this one, stay), and
//! the relay's model made the default. A placeholder (no key or model typed) only fills
//! what the file does not have: a key, a model of the relay's, a default model.

use super::json::{Document, pretty};
use super::{Change, Merged, masked};
use crate::check::Finding;
use crate::clients::opencode::{MODEL, PROVIDERS, model, provider};
use crate::clients::{Client, Values};
use crate::escape;
use crate::profile::Profile;

/// The provider's settings that carry the key: listed masked.
const KEY_SETTING: &str = "apiKey";

pub fn merge(existing: &str, profile: &Profile, values: &Values) -> Result<Merged, Vec<Finding>> {
    let mut document = Document::parse(existing, Client::Opencode)?;
    let values = values.resolve(profile);
    let base_url = Client::Opencode.base_url(profile, values.base_url);
    let mut changes = Vec::new();
    let mut record = |path: &[&str], key: &str, old: Option<String>, new: &str| {
        let Some(old) = old.filter(|old| old != new) else {
            return;
        };
        let shown = |raw: &str| {
            let value = serde_json::from_str::<String>(raw).unwrap_or_else(|_| raw.to_owned());
            if key == KEY_SETTING {
                masked(&value)
            } else {
                value
            }
        };
        let mut dotted: Vec<&str> = path.to_vec();
        dotted.push(key);
        changes.push(Change {
            key: dotted.join("."),
            old: shown(&old),
            new: Some(shown(new)),
        });
    };
    // Each leaf of the relay's provider entry, set where it belongs.
    let entry = provider(profile, &base_url, &values);
    let mut leaves = Vec::new();
    collect_leaves(&entry, &mut Vec::new(), &mut leaves);
    for (path, value) in leaves {
        let mut full = vec![PROVIDERS, profile.id.as_str()];
        full.extend(path.iter().map(String::as_str));
        let (key, above) = full.split_last().expect("a leaf has a key");
        if let Some(placeholder) = value.as_str().filter(|v| profile.placeholders.holds(v)) {
            // A placeholder that names an entry (`models.<model>`) would add one beside the
            // user's: it fills the list only when it is empty.
            let present = match full.iter().position(|part| *part == placeholder) {
                Some(named) => document.has_members(&full[..named]),
                None => document.get(above, key).is_some(),
            };
            if present {
                continue;
            }
        }
        let new = pretty(&value);
        let old = document.set(above, key, &new);
        record(above, key, old, &new);
    }
    if !(profile.placeholders.holds(values.model) && document.get(&[], MODEL).is_some()) {
        let new = escape::json(&model(profile, values.model));
        let old = document.set(&[], MODEL, &new);
        record(&[], MODEL, old, &new);
    }
    let mut text = document.text;
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok(Merged { text, changes })
}

/// The paths and values of the scalars (and empty objects) inside `value`.
fn collect_leaves(
    value: &serde_json::Value,
    path: &mut Vec<String>,
    out: &mut Vec<(Vec<String>, serde_json::Value)>,
) {
    match value.as_object() {
        Some(object) if !object.is_empty() => {
            for (key, child) in object {
                path.push(key.clone());
                collect_leaves(child, path, out);
                path.pop();
            }
        }
        _ => out.push((path.clone(), value.clone())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merge(existing: &str) -> Merged {
        let values = Values {
            key: "sk-merge-0123456789".into(),
            base_url: String::new(),
            model: "gpt-5.5".into(),
        };
        super::merge(existing, &Profile::builtin(), &values).unwrap()
    }

    #[test]
    fn the_provider_joins_the_others_and_becomes_the_default() {
        let existing = "{\n  \"$schema\": \"https://opencode.ai/config.json\",\n  \"theme\": \"tokyonight\",\n  \"provider\": {\n    \"ollama\": {\"npm\": \"@ai-sdk/openai-compatible\"},\n    \"4096bytes\": {\n      \"options\": {\"apiKey\": \"sk-old-0123456789\", \"timeout\": 60000}\n    }\n  },\n  \"model\": \"ollama/llama3\"\n}\n";
        let merged = merge(existing);
        let config: serde_json::Value = serde_json::from_str(&merged.text).unwrap();
        assert_eq!(config["theme"], "tokyonight");
        assert_eq!(
            config["provider"]["ollama"]["npm"],
            "@ai-sdk/openai-compatible"
        );
        let relay = &config["provider"]["4096bytes"];
        assert_eq!(relay["options"]["baseURL"], "https://api.4096bytes.com");
        assert_eq!(relay["options"]["apiKey"], "sk-merge-0123456789");
        assert_eq!(
            relay["options"]["timeout"], 60000,
            "its other settings stay"
        );
        assert_eq!(relay["models"]["gpt-5.5"]["name"], "gpt-5.5");
        assert_eq!(config["model"], "4096bytes/gpt-5.5");
        let keys: Vec<_> = merged.changes.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(keys, ["provider.4096bytes.options.apiKey", "model"]);
        assert!(!merged.changes[0].old.contains("sk-old"), "masked");
        assert_eq!(
            merge(&merged.text).text,
            merged.text,
            "merging twice is merging once"
        );
    }

    #[test]
    fn a_placeholder_never_replaces_a_key_or_model_already_there() {
        let profile = Profile::builtin();
        let existing = "{\n  \"provider\": {\n    \"4096bytes\": {\n      \"options\": {\"apiKey\": \"sk-mine-0123456789\"},\n      \"models\": {\"gpt-5.5\": {\"name\": \"gpt-5.5\"}}\n    }\n  },\n  \"model\": \"4096bytes/gpt-5.5\"\n}\n";
        let merged = super::merge(existing, &profile, &Values::default()).unwrap();
        let config: serde_json::Value = serde_json::from_str(&merged.text).unwrap();
        let relay = &config["provider"]["4096bytes"];
        assert_eq!(relay["options"]["apiKey"], "sk-mine-0123456789");
        assert_eq!(
            relay["models"].as_object().unwrap().len(),
            1,
            "{}",
            merged.text
        );
        assert_eq!(config["model"], "4096bytes/gpt-5.5");
        assert!(
            !merged.text.contains(&profile.placeholders.model),
            "{}",
            merged.text
        );
        // Where there is nothing, the placeholders fill it.
        let merged = super::merge("{}", &profile, &Values::default()).unwrap();
        assert!(
            merged.text.contains(&profile.placeholders.model),
            "{}",
            merged.text
        );
        assert!(
            merged.text.contains(&profile.placeholders.api_key),
            "{}",
            merged.text
        );
    }

    #[test]
    fn an_empty_file_becomes_the_whole_setup() {
        let merged = merge("{}");
        let config: serde_json::Value = serde_json::from_str(&merged.text).unwrap();
        assert_eq!(config["model"], "4096bytes/gpt-5.5");
        assert!(merged.changes.is_empty());
    }
}
