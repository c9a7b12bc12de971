//! The relay's model merged into Continue's `config.yaml`: its entry in the top-level
//! `models` list, first (`cn -p` uses the first chat model), in place of an entry of the same
//! name if there is one.
//! With no model typed, the relay's entry already there keeps its model; with no key typed,
//! the entry replaced keeps its key.
//!
//! The file is edited as lines: Continue's files are written in YAML's block style
//! (`models:` then `- name: …` items), which is all that is touched; a YAML parser with
//! positions would add more to the doctor's module than this whole merge. A `models` list in
//! flow style (`[…]`) with items in it is left alone, with a finding that says so.

use super::{Change, Merged, masked};
use crate::check::continue_config::{is_models_header, scalar};
use crate::check::{Finding, declare_rules};
use crate::clients::continue_dev::{MODELS, entry_name, model_entry};
use crate::clients::{Client, Resolved, Values};
use crate::i18n::Text;
use crate::profile::Profile;

declare_rules! {
    /// The `models` list is written inline; the merge adds to block lists only.
    FLOW_LIST {
        code: "merge/flow-list",
        severity: Info,
        evidence: Heuristic("onramp's merge edits YAML block lists only; Continue reads either"),
        message: Text {
            en: "This file writes its models list inline ([…]): add the entry by hand, or write the list as - items.",
            zh: "这个文件以行内形式（[…]）书写模型列表：请手动添加这一项，或改用 - 开头的列表写法。",
        },
        why: Text {
            en: "The merge only adds to lists written one item per line, to leave everything else as it is.",
            zh: "合并只会向每行一项的列表中添加内容，以保证其他内容不被改动。",
        },
        fix: None,
    }
}

/// The settings of an entry listed when they change.
const LISTED: [&str; 3] = ["model", "apiBase", "apiKey"];

pub fn merge(existing: &str, profile: &Profile, values: &Values) -> Result<Merged, Vec<Finding>> {
    let values = values.resolve(profile);
    let base_url = Client::ContinueDev.base_url(profile, values.base_url);
    let mut lines: Vec<String> = existing.lines().map(str::to_owned).collect();
    let header = lines.iter().position(|line| is_models_header(line));
    let mut changes = Vec::new();
    match header {
        None => {
            if lines.last().is_some_and(|last| !last.trim().is_empty()) {
                lines.push(String::new());
            }
            lines.push(format!("{MODELS}:"));
            lines.extend(entry_lines(&model_entry(profile, &base_url, &values, "  ")));
        }
        Some(at) => {
            let after_colon = lines[at][MODELS.len() + 1..].trim();
            let inline = after_colon.split('#').next().unwrap_or_default().trim();
            match inline {
                "" => {}
                "[]" => lines[at] = format!("{MODELS}:"),
                _ => {
                    let start: usize = existing.lines().take(at).map(|l| l.len() + 1).sum();
                    let span = start..start + lines[at].len();
                    return Err(vec![Finding::new(&FLOW_LIST, span)]);
                }
            }
            let block_end = block_end(&lines, at);
            let items = items(&lines, at + 1, block_end);
            let indent = items
                .first()
                .map_or_else(|| "  ".to_owned(), |item| indentation(&lines[item.start]));
            let placeholder = |value: &str| profile.placeholders.holds(value);
            // With no model typed, the relay's entry already in the list is the one meant.
            let relay_prefix = format!("{} ", profile.display_name);
            let own_model = items
                .iter()
                .filter(|_| placeholder(values.model))
                .filter(|item| {
                    item_name(&lines, item).is_some_and(|n| n.starts_with(&relay_prefix))
                })
                .find_map(|item| setting(&lines[item.clone()], "model"));
            let model = own_model.as_deref().unwrap_or(values.model);
            let name = entry_name(profile, model);
            let same_entry = items
                .iter()
                .find(|item| item_name(&lines, item) == Some(name.clone()));
            // With no key typed, the entry keeps its own.
            let own_key = same_entry
                .filter(|_| placeholder(values.key))
                .and_then(|item| setting(&lines[item.clone()], "apiKey"));
            let resolved = Resolved {
                key: own_key.as_deref().unwrap_or(values.key),
                base_url: values.base_url,
                model,
            };
            let entry = entry_lines(&model_entry(profile, &base_url, &resolved, &indent));
            if let Some(item) = same_entry {
                changes = listed_changes(&lines[item.clone()], &entry, &name);
                lines.drain(item.clone());
            }
            // First in the list: `cn -p` uses the first chat model listed (cn 1.5.47, observed:
            // with a local model listed first it never asks the relay).
            let first = items.first().map_or(at + 1, |item| item.start);
            lines.splice(first..first, entry);
        }
    }
    let mut text = lines.join("\n");
    text.push('\n');
    Ok(Merged { text, changes })
}

/// Where the block under the header at `at` ends: at the next line at the top level that
/// is not blank or a comment.
fn block_end(lines: &[String], at: usize) -> usize {
    (at + 1..lines.len())
        .find(|&index| {
            let line = &lines[index];
            !line.trim().is_empty() && !line.starts_with([' ', '\t', '#', '-'])
        })
        .unwrap_or(lines.len())
}

/// The line ranges of the list's items: each starts with `- ` at the list's indentation.
fn items(lines: &[String], start: usize, end: usize) -> Vec<std::ops::Range<usize>> {
    let Some(first) = (start..end).find(|&index| lines[index].trim_start().starts_with("- "))
    else {
        return Vec::new();
    };
    let indent = indentation(&lines[first]);
    let starts: Vec<usize> = (first..end)
        .filter(|&index| {
            lines[index].starts_with(&indent) && lines[index][indent.len()..].starts_with("- ")
        })
        .collect();
    starts
        .iter()
        .enumerate()
        .map(|(index, &item)| {
            let next = starts.get(index + 1).copied().unwrap_or(end);
            // An item ends before the blank lines that separate it from the next one.
            let mut item_end = next;
            while item_end > item + 1 && lines[item_end - 1].trim().is_empty() {
                item_end -= 1;
            }
            item..item_end
        })
        .collect()
}

/// The `name:` of an item, unquoted.
fn item_name(lines: &[String], item: &std::ops::Range<usize>) -> Option<String> {
    lines[item.clone()]
        .iter()
        .map(|line| line.trim_start().trim_start_matches("- ").trim_start())
        .find_map(|line| line.strip_prefix("name:"))
        .map(scalar)
}

fn indentation(line: &str) -> String {
    line.chars().take_while(|c| *c == ' ').collect()
}

fn entry_lines(entry: &str) -> Vec<String> {
    entry.lines().map(str::to_owned).collect()
}

/// The value of `key` among an item's lines, unquoted.
fn setting(lines: &[String], key: &str) -> Option<String> {
    lines.iter().find_map(|line| {
        line.trim_start()
            .trim_start_matches("- ")
            .strip_prefix(key)
            .and_then(|rest| rest.strip_prefix(':'))
            .map(scalar)
    })
}

/// What the new entry changes in the old one, for the settings worth listing.
fn listed_changes(old: &[String], new: &[String], name: &str) -> Vec<Change> {
    LISTED
        .iter()
        .filter_map(|key| {
            let (before, after) = (setting(old, key)?, setting(new, key)?);
            (before != after).then(|| {
                let shown = |value: &str| {
                    if *key == "apiKey" {
                        masked(value)
                    } else {
                        value.to_owned()
                    }
                };
                Change {
                    key: format!("{MODELS}[{name}].{key}"),
                    old: shown(&before),
                    new: Some(shown(&after)),
                }
            })
        })
        .collect()
}

// Native only: reads the YAML back with yaml-rust2, a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn values(model: &str) -> Values {
        Values {
            key: "sk-merge-0123456789".into(),
            base_url: String::new(),
            model: model.into(),
        }
    }

    fn merge(existing: &str) -> Merged {
        super::merge(existing, &Profile::builtin(), &values("gpt-5.5")).unwrap()
    }

    fn parsed(text: &str) -> yaml_rust2::Yaml {
        yaml_rust2::YamlLoader::load_from_str(text)
            .unwrap_or_else(|error| panic!("{error}:\n{text}"))
            .remove(0)
    }

    #[test]
    fn a_placeholder_never_replaces_the_entrys_own_key_or_model() {
        let profile = Profile::builtin();
        let existing = "models:\n  - name: 4096bytes gpt-5.5\n    provider: openai\n    model: gpt-5.5\n    apiBase: https://api.4096bytes.com\n    apiKey: sk-mine-0123456789\n";
        let merged = super::merge(existing, &profile, &Values::default()).unwrap();
        let models = &parsed(&merged.text)["models"];
        assert_eq!(models.as_vec().unwrap().len(), 1, "{}", merged.text);
        assert_eq!(models[0]["model"].as_str(), Some("gpt-5.5"));
        assert_eq!(models[0]["apiKey"].as_str(), Some("sk-mine-0123456789"));
        assert!(merged.changes.is_empty(), "{:?}", merged.changes);
        // A typed key replaces it, listed masked.
        let merged = super::merge(existing, &profile, &values("gpt-5.5")).unwrap();
        let models = &parsed(&merged.text)["models"];
        assert_eq!(models[0]["apiKey"].as_str(), Some("sk-merge-0123456789"));
        assert_eq!(merged.changes.len(), 1, "{:?}", merged.changes);
        assert!(!merged.changes[0].old.contains("sk-mine"));
    }

    #[test]
    fn the_relays_entry_listed_after_another_moves_first() {
        let existing = "models:\n  - name: Local\n    provider: ollama\n    model: llama3\n  - name: 4096bytes gpt-5.5\n    provider: openai\n    model: gpt-5.5\n    apiBase: https://api.4096bytes.com\n    apiKey: sk-old-0123456789\n";
        let merged = merge(existing);
        let models = parsed(&merged.text)["models"].as_vec().unwrap().clone();
        assert_eq!(models.len(), 2, "{}", merged.text);
        assert_eq!(models[0]["name"].as_str(), Some("4096bytes gpt-5.5"));
        assert_eq!(models[0]["apiKey"].as_str(), Some("sk-merge-0123456789"));
        assert_eq!(models[1]["name"].as_str(), Some("Local"));
    }

    #[test]
    fn the_entry_joins_the_other_models_first_and_the_rest_stays() {
        let existing = "name: My config\nversion: 0.0.1\nschema: v1\n\n# my models\nmodels:\n    - name: Local\n      provider: ollama\n      model: llama3\n\ncontext:\n  - provider: code\n";
        let merged = merge(existing);
        let config = parsed(&merged.text);
        let models = config["models"].as_vec().unwrap();
        assert_eq!(models.len(), 2, "{}", merged.text);
        // First, because `cn -p` uses the first chat model listed.
        assert_eq!(models[0]["name"].as_str(), Some("4096bytes gpt-5.5"));
        assert_eq!(models[1]["name"].as_str(), Some("Local"));
        assert_eq!(
            models[0]["apiBase"].as_str(),
            Some("https://api.4096bytes.com")
        );
        assert_eq!(models[0]["apiKey"].as_str(), Some("sk-merge-0123456789"));
        assert_eq!(config["context"][0]["provider"].as_str(), Some("code"));
        assert!(merged.text.contains("# my models\n"));
        assert!(
            merged.text.contains("    - name: \"4096bytes gpt-5.5\""),
            "{}",
            merged.text
        );
        assert_eq!(
            merge(&merged.text).text,
            merged.text,
            "merging twice is merging once"
        );
    }

    #[test]
    fn an_entry_of_the_same_name_is_replaced_and_its_changes_listed() {
        let old = merge("models:\n  - name: Local\n    model: x\n").text;
        let stale = old
            .replace("sk-merge-0123456789", "sk-stale-0123456789")
            .replace("https://api.4096bytes.com", "https://old.example/v1");
        let merged = merge(&stale);
        assert_eq!(merged.text, old);
        let keys: Vec<_> = merged.changes.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "models[4096bytes gpt-5.5].apiBase",
                "models[4096bytes gpt-5.5].apiKey"
            ]
        );
        assert!(!merged.changes[1].old.contains("sk-stale"), "masked");
    }

    #[test]
    fn a_file_without_models_or_with_an_empty_inline_list_gets_one() {
        for existing in [
            "",
            "name: x\n",
            "name: x\nmodels: []\nrules:\n  - be brief\n",
        ] {
            let merged = merge(existing);
            let config = parsed(&merged.text);
            assert_eq!(
                config["models"][0]["model"].as_str(),
                Some("gpt-5.5"),
                "{}",
                merged.text
            );
        }
    }

    #[test]
    fn an_inline_list_with_items_is_left_alone_with_a_reason() {
        let existing = "models: [{name: a, provider: ollama}]\n";
        let findings = super::merge(existing, &Profile::builtin(), &values("m")).unwrap_err();
        assert_eq!(findings[0].rule.code, "merge/flow-list");
        assert_eq!(&existing[findings[0].span.clone()], existing.trim_end());
    }
}
