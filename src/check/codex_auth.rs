//! Rules for Codex's `auth.json`, which holds the key as `OPENAI_API_KEY` when the provider
//! sets `requires_openai_auth = true`.

use super::json_text::{self, Member};
use super::{Context, Finding, embed, key};
use crate::escape;
use crate::i18n::Msg;
use std::ops::Range;

rule!(
    MISSING_KEY,
    "auth/missing-key",
    Error,
    AuthMissingKey,
    AuthMissingKeyWhy,
    None
);
rule!(
    WRONG_KEY_NAME,
    "auth/wrong-key-name",
    Error,
    AuthWrongKeyName,
    AuthWrongKeyNameWhy,
    Some(Msg::FixRename)
);
rule!(
    NOT_A_STRING,
    "auth/not-a-string",
    Error,
    AuthNotAString,
    AuthNotAStringWhy,
    None
);
rule!(
    CHATGPT_LOGIN,
    "auth/chatgpt-login",
    Error,
    AuthChatGptLogin,
    AuthChatGptLoginWhy,
    None
);

/// The one name Codex reads the key from.
const KEY_NAME: &str = "OPENAI_API_KEY";

/// Names people use instead, compared without case.
const MISNAMED: [&str; 8] = [
    "openai_api_key",
    "openai_key",
    "api_key",
    "apikey",
    "key",
    "token",
    "openai-api-key",
    "4096bytes_api_key",
];

pub fn check(text: &str, context: &Context) -> (Vec<Finding>, Vec<Range<usize>>) {
    let members = match json_text::parse_object(text) {
        Ok(members) => members,
        Err(findings) => return (findings, Vec::new()),
    };
    let mut findings = Vec::new();
    let mut secrets = Vec::new();
    let top: Vec<&Member> = members.iter().filter(|m| m.path.is_empty()).collect();
    let chatgpt = top.iter().find(|m| {
        m.key == "tokens"
            || (m.key == "auth_mode" && m.string_value(text).as_deref() == Some("chatgpt"))
    });
    if let Some(member) = chatgpt {
        findings.push(Finding::new(&CHATGPT_LOGIN, member.span()));
    }
    match top.iter().find(|m| m.key == KEY_NAME) {
        Some(member) => match member.string_value(text) {
            Some(key_text) => {
                secrets.push(super::unquoted(text, &member.value_span));
                let key_findings = key::check(&key_text, context.profile);
                findings.extend(embed(
                    key_findings,
                    &key_text,
                    text,
                    member.value_span.clone(),
                    escape::json,
                ));
            }
            // `null` is what Codex writes for a ChatGPT login, reported above.
            None if chatgpt.is_some() && &text[member.value_span.clone()] == "null" => {}
            None => findings.push(Finding::new(&NOT_A_STRING, member.value_span.clone())),
        },
        None => match top
            .iter()
            .find(|m| MISNAMED.contains(&m.key.to_ascii_lowercase().as_str()))
        {
            Some(member) => {
                secrets.push(super::unquoted(text, &member.value_span));
                let span = member.key_span.clone();
                findings.push(
                    Finding::new(&WRONG_KEY_NAME, span.clone())
                        .with_edit(span, &escape::json(KEY_NAME)),
                );
            }
            None if chatgpt.is_none() => {
                findings.push(Finding::new(&MISSING_KEY, 0..text.len().min(1)))
            }
            None => {}
        },
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

    #[test]
    fn the_generated_file_is_clean() {
        assert!(codes("{\n  \"OPENAI_API_KEY\": \"sk-abc123abc123abc123\"\n}\n").is_empty());
        assert!(
            codes("{\"auth_mode\": \"apikey\", \"OPENAI_API_KEY\": \"sk-abc123abc123abc123\"}")
                .is_empty()
        );
    }

    #[test]
    fn wrong_names_types_and_logins() {
        assert_eq!(
            codes("{\"openai_api_key\": \"sk-abc123abc123abc123\"}"),
            ["auth/wrong-key-name"]
        );
        assert_eq!(codes("{\"OPENAI_API_KEY\": 123}"), ["auth/not-a-string"]);
        assert_eq!(codes("{}"), ["auth/missing-key"]);
        assert_eq!(codes("[]"), ["json/not-an-object"]);
        let login = "{\"auth_mode\": \"chatgpt\", \"OPENAI_API_KEY\": null, \"tokens\": {\"id_token\": \"x\"}}";
        assert_eq!(codes(login), ["auth/chatgpt-login"]);
    }

    #[test]
    fn key_mistakes_inside_the_file_are_found_and_fixed() {
        let text = "{\"OPENAI_API_KEY\": \" sk-abc123abc123abc123\\n\"}";
        assert_eq!(codes(text), ["key/surrounding-space", "key/whitespace"]);
        let profile = Profile::builtin();
        let context = Context {
            profile: &profile,
            client: None,
        };
        assert_eq!(
            fix_all(text, Kind::CodexAuth, &context),
            "{\"OPENAI_API_KEY\": \"sk-abc123abc123abc123\"}"
        );
        let renamed = fix_all(
            "{\"api_key\": \"sk-abc123abc123abc123\",}",
            Kind::CodexAuth,
            &context,
        );
        assert_eq!(renamed, "{\"OPENAI_API_KEY\": \"sk-abc123abc123abc123\"}");
    }
}
