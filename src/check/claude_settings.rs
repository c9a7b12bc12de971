//! Rules for Claude Code's `settings.json`: the relay's variables belong in its `env` object.

use super::json_text::{self, Member};
use super::{Context, Finding, embed, key, url};
use crate::clients::Client;
use crate::escape;
use crate::i18n::Msg;
use std::ops::Range;

rule!(
    NO_ENV,
    "claude/no-env",
    Error,
    ClaudeNoEnv,
    ClaudeNoEnvWhy,
    None
);
rule!(
    OUTSIDE_ENV,
    "claude/outside-env",
    Error,
    ClaudeOutsideEnv,
    ClaudeOutsideEnvWhy,
    None
);
rule!(
    MISSPELLED,
    "claude/misspelled-variable",
    Error,
    ClaudeMisspelled,
    ClaudeMisspelledWhy,
    Some(Msg::FixRename)
);
rule!(
    NOT_A_STRING,
    "claude/not-a-string",
    Error,
    ClaudeNotAString,
    ClaudeNotAStringWhy,
    Some(Msg::FixReplace)
);
rule!(
    NO_AUTH,
    "claude/no-auth",
    Error,
    ClaudeNoAuth,
    ClaudeNoAuthWhy,
    None
);
rule!(
    NO_BASE_URL,
    "claude/no-base-url",
    Error,
    ClaudeNoBaseUrl,
    ClaudeNoBaseUrlWhy,
    None
);
rule!(
    BOTH_AUTH,
    "claude/both-auth",
    Warning,
    ClaudeBothAuth,
    ClaudeBothAuthWhy,
    None
);

pub(crate) const BASE_URL: &str = "ANTHROPIC_BASE_URL";
pub(crate) const AUTH_TOKEN: &str = "ANTHROPIC_AUTH_TOKEN";
pub(crate) const API_KEY: &str = "ANTHROPIC_API_KEY";

/// Names people write for the two variables that matter, and which one they meant.
const MISSPELLINGS: [(&str, &str); 12] = [
    ("ANTHROPIC_API_BASE", BASE_URL),
    ("ANTHROPIC_BASEURL", BASE_URL),
    ("ANTHROPIC_API_URL", BASE_URL),
    ("ANTHROPIC_URL", BASE_URL),
    ("ANTHROPIC_BASE_URI", BASE_URL),
    ("OPENAI_BASE_URL", BASE_URL),
    ("OPENAI_API_BASE", BASE_URL),
    ("ANTHROPIC_TOKEN", AUTH_TOKEN),
    ("ANTHROPIC_AUTH_KEY", AUTH_TOKEN),
    ("ANTHROPIC_KEY", AUTH_TOKEN),
    ("CLAUDE_API_KEY", AUTH_TOKEN),
    ("OPENAI_API_KEY", AUTH_TOKEN),
];

/// The variables that point Claude Code at the relay.
const RELAY_VARIABLES: [&str; 3] = [BASE_URL, AUTH_TOKEN, API_KEY];

/// The name a misspelled variable was meant to have: a known confusion, the wrong case of a
/// real name, or a near miss of one (ANTHROPIC_BASE_ULR).
pub(crate) fn meant(name: &str) -> Option<&'static str> {
    let upper = name.to_ascii_uppercase();
    if let Some((_, meant)) = MISSPELLINGS.iter().find(|(wrong, _)| *wrong == upper) {
        return Some(meant);
    }
    RELAY_VARIABLES.into_iter().find(|real| {
        // Lengths further apart than the allowed distance cannot be near misses; checking that
        // first keeps a settings file with thousands of variables fast.
        name != *real
            && upper.len().abs_diff(real.len()) <= 2
            && (upper == *real || strsim::levenshtein(&upper, real) <= 2)
    })
}

pub fn check(text: &str, context: &Context) -> (Vec<Finding>, Vec<Range<usize>>) {
    let members = match json_text::parse_object(text) {
        Ok(members) => members,
        Err(findings) => return (findings, Vec::new()),
    };
    let mut findings = Vec::new();
    let mut secrets = Vec::new();
    let relay_variable = |name: &str| RELAY_VARIABLES.contains(&name) || meant(name).is_some();
    for member in members
        .iter()
        .filter(|m| m.path.is_empty() && relay_variable(&m.key))
    {
        findings.push(Finding::new(&OUTSIDE_ENV, member.key_span.clone()));
    }
    let Some(env) = members.iter().find(|m| m.path.is_empty() && m.key == "env") else {
        findings.push(Finding::new(&NO_ENV, 0..text.len().min(1)));
        return (findings, secrets);
    };
    // Each variable with the name it was probably meant to have, worked out once.
    let vars: Vec<(&Member, Option<&'static str>)> = members
        .iter()
        .filter(|m| m.path == ["env"])
        .map(|m| (m, meant(&m.key)))
        .collect();
    let context = super::Context {
        client: Some(Client::ClaudeCode),
        ..*context
    };
    for &(var, meant) in &vars {
        if let Some(meant) = meant {
            let span = var.key_span.clone();
            findings.push(
                Finding::new(&MISSPELLED, span.clone()).with_edit(span, &escape::json(meant)),
            );
        }
        let Some(value) = var.string_value(text) else {
            let raw = &text[var.value_span.clone()];
            let finding = Finding::new(&NOT_A_STRING, var.value_span.clone());
            // A number or boolean becomes the same text, quoted; objects and arrays cannot.
            let quotable = !raw.starts_with(['{', '[']);
            findings.push(if quotable {
                finding.with_edit(var.value_span.clone(), &escape::json(raw))
            } else {
                finding
            });
            continue;
        };
        let literal = var.value_span.clone();
        match var.key.as_str() {
            BASE_URL => findings.extend(embed(
                url::check_for(&value, &context),
                &value,
                text,
                literal,
                escape::json,
            )),
            AUTH_TOKEN | API_KEY => {
                secrets.push(super::unquoted(text, &literal));
                findings.extend(embed(
                    key::check(&value, context.profile),
                    &value,
                    text,
                    literal,
                    escape::json,
                ));
            }
            _ => {}
        }
    }
    let has = |name: &str| {
        vars.iter()
            .find(|(var, _)| var.key == name)
            .map(|(var, _)| *var)
    };
    match (has(AUTH_TOKEN), has(API_KEY)) {
        (None, None) if !vars.iter().any(|(_, meant)| *meant == Some(AUTH_TOKEN)) => {
            findings.push(Finding::new(&NO_AUTH, env.key_span.clone()));
        }
        (Some(_), Some(api_key)) => {
            findings.push(Finding::new(&BOTH_AUTH, api_key.key_span.clone()))
        }
        _ => {}
    }
    if has(BASE_URL).is_none() && !vars.iter().any(|(_, meant)| *meant == Some(BASE_URL)) {
        findings.push(Finding::new(&NO_BASE_URL, env.key_span.clone()));
    }
    (findings, secrets)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Kind, fix_all};
    use crate::profile::Profile;

    fn codes(text: &str) -> Vec<&'static str> {
        crate::check::testing::sorted_codes(&check(text, &crate::check::testing::context()).0)
    }

    const GOOD: &str = r#"{"env": {"ANTHROPIC_BASE_URL": "https://api.4096bytes.com", "ANTHROPIC_AUTH_TOKEN": "sk-abc123abc123abc123", "ANTHROPIC_MODEL": "claude-x"}}"#;

    #[test]
    fn the_generated_file_is_clean() {
        assert!(codes(GOOD).is_empty());
    }

    #[test]
    fn variables_in_the_wrong_place_or_with_the_wrong_name() {
        assert_eq!(
            codes(r#"{"ANTHROPIC_BASE_URL": "https://api.4096bytes.com"}"#),
            ["claude/no-env", "claude/outside-env"]
        );
        let misspelled = GOOD.replace("ANTHROPIC_BASE_URL", "ANTHROPIC_API_BASE");
        assert_eq!(codes(&misspelled), ["claude/misspelled-variable"]);
        let near = GOOD.replace("ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_AUTH_TOKNE");
        assert_eq!(codes(&near), ["claude/misspelled-variable"]);
        let profile = Profile::builtin();
        let context = Context {
            profile: &profile,
            client: None,
        };
        assert_eq!(fix_all(&misspelled, Kind::ClaudeSettings, &context), GOOD);
    }

    #[test]
    fn auth_and_url_mistakes() {
        assert_eq!(
            codes(&GOOD.replace("ANTHROPIC_AUTH_TOKEN", "X_UNRELATED")),
            ["claude/no-auth"]
        );
        let both = GOOD.replace("}}", ", \"ANTHROPIC_API_KEY\": \"sk-abc123abc123abc123\"}}");
        assert_eq!(codes(&both), ["claude/both-auth"]);
        let v1 = GOOD.replace("4096bytes.com\"", "4096bytes.com/v1\"");
        assert_eq!(codes(&v1), ["url/doubled-v1"]);
        let number = r#"{"env": {"ANTHROPIC_BASE_URL": "https://api.4096bytes.com", "ANTHROPIC_AUTH_TOKEN": "sk-abc123abc123abc123", "API_TIMEOUT_MS": 600000}}"#;
        assert_eq!(codes(number), ["claude/not-a-string"]);
    }
}
