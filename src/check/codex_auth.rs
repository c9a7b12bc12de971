//! Rules for Codex's `auth.json`, which holds the key as `OPENAI_API_KEY` when the provider
//! sets `requires_openai_auth = true`.

use super::json_text::{self, Member};
use super::{Checked, Context, Finding, KindCheck, KindSpec, embed, fix, key};
use crate::clients::{Client, codex::AUTH_KEY};
use crate::escape;
use crate::i18n::Text;

declare_rules! {
    MISSING_KEY {
        code: "auth/missing-key",
        severity: Error,
        evidence: Client("Codex CLI 0.171 finds no key, with no OPENAI_API_KEY or with it null or empty, and the relay answers 401 (tests/codex_doctor_conformance.rs)"),
        message: Text {
            en: "There is no key under OPENAI_API_KEY.",
            zh: "OPENAI_API_KEY 下没有密钥。",
        },
        why: Text {
            en: "With requires_openai_auth, Codex reads the key from exactly that name: without it, it asks you to log in.",
            zh: "使用 requires_openai_auth 时，Codex 只从这个名称读取密钥：缺少它会要求你登录。",
        },
        fix: None,
    }

    WRONG_AUTH_KEY {
        code: "auth/wrong-key-name",
        severity: Error,
        evidence: Client("Codex CLI 0.171 reads only OPENAI_API_KEY (tests/codex_doctor_conformance.rs)"),
        message: Text {
            en: "The key's entry must be named exactly OPENAI_API_KEY.",
            zh: "密钥这一项的名称必须是 OPENAI_API_KEY。",
        },
        why: Text {
            en: "Codex ignores other names and finds no key.",
            zh: "Codex 会忽略其他名称，找不到密钥。",
        },
        fix: Some(fix::RENAME),
    }

    NOT_A_STRING {
        code: "auth/not-a-string",
        severity: Error,
        evidence: Client("Codex CLI 0.171 stops: invalid type (tests/codex_doctor_conformance.rs)"),
        message: Text {
            en: "OPENAI_API_KEY must be a quoted string.",
            zh: "OPENAI_API_KEY 必须是带引号的字符串。",
        },
        why: Text {
            en: "Codex cannot read the file.",
            zh: "Codex 无法读取该文件。",
        },
        fix: None,
    }

    DUPLICATE_KEY {
        code: "auth/duplicate-key",
        severity: Error,
        evidence: Client("Codex CLI 0.171 sends no Authorization header with OPENAI_API_KEY twice in auth.json, whichever one holds the key, and the relay answers 401 (tests/codex_doctor_conformance.rs)"),
        message: Text {
            en: "OPENAI_API_KEY appears more than once.",
            zh: "OPENAI_API_KEY 出现了不止一次。",
        },
        why: Text {
            en: "Codex cannot read a file with a setting given twice and sends no key: keep one.",
            zh: "设置重复时 Codex 无法读取该文件，不会发送密钥：只保留一个。",
        },
        fix: None,
    }

    CHATGPT_LOGIN {
        code: "auth/chatgpt-login",
        severity: Error,
        evidence: Client("Codex CLI 0.171 sends the ChatGPT tokens, which the relay rejects (tests/codex_doctor_conformance.rs)"),
        message: Text {
            en: "This auth.json holds a ChatGPT login.",
            zh: "这个 auth.json 保存的是 ChatGPT 登录信息。",
        },
        why: Text {
            en: "Codex would send the ChatGPT tokens to the relay, which rejects them with 401: replace the file with the relay's key.",
            zh: "Codex 会把 ChatGPT 令牌发给中转服务，被拒绝并返回 401：请用中转服务的密钥替换此文件。",
        },
        fix: None,
    }
}

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

/// This kind, as people and programs name it.
pub const KIND: KindSpec = KindSpec {
    id: "codex-auth",
    label: Text {
        en: "Codex auth.json",
        zh: "Codex auth.json",
    },
    one_value: false,
    shell: None,
};

/// How the doctor reads this kind.
pub const CHECK: KindCheck = KindCheck {
    check,
    recognise: None,
};

pub fn check(text: &str, context: &Context) -> Checked {
    // Mistakes that hide nothing else (a trailing comma…) come first, with the rest.
    let (members, mistakes) = match json_text::read_object(text, Client::Codex) {
        Ok(read) => read,
        Err(findings) => return findings.into(),
    };
    let context = context.for_client(Client::Codex);
    let mut findings = mistakes;
    let mut secrets = Vec::new();
    let top: Vec<&Member> = members.iter().filter(|m| m.path.is_empty()).collect();
    let chatgpt = top.iter().find(|m| {
        m.key == "tokens"
            || (m.key == "auth_mode" && m.string_value(text).as_deref() == Some("chatgpt"))
    });
    if let Some(member) = chatgpt {
        findings.push(Finding::new(&CHATGPT_LOGIN, member.span()));
    }
    for member in top.iter().filter(|m| m.key == AUTH_KEY).skip(1) {
        findings.push(Finding::new(&DUPLICATE_KEY, member.key_span.clone()));
    }
    match top.iter().find(|m| m.key == AUTH_KEY) {
        Some(member) => match member.string_value(text) {
            // An empty key is no key, as `null` is.
            Some(key_text) if key_text.is_empty() => {
                findings.push(Finding::new(&MISSING_KEY, member.value_span.clone()))
            }
            Some(key_text) => {
                secrets.push(super::unquoted(text, &member.value_span));
                let key_findings = key::check(&key_text, &context).findings;
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
            None if &text[member.value_span.clone()] == "null" => {
                findings.push(Finding::new(&MISSING_KEY, member.value_span.clone()))
            }
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
                    Finding::new(&WRONG_AUTH_KEY, span.clone())
                        .with_edit(span, &escape::json(AUTH_KEY)),
                );
            }
            None if chatgpt.is_none() => {
                findings.push(Finding::new(&MISSING_KEY, super::first_character(text)))
            }
            None => {}
        },
    }
    Checked { findings, secrets }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Kind, fix_all};
    use crate::profile::Profile;

    fn codes(text: &str) -> Vec<&'static str> {
        crate::check::testing::sorted_codes(
            &check(text, &crate::check::testing::context()).findings,
        )
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
    fn no_key_twice_or_none_is_no_key() {
        for nothing in ["null", "\"\""] {
            let text = format!("{{\"OPENAI_API_KEY\": {nothing}}}");
            assert_eq!(codes(&text), ["auth/missing-key"], "{text}");
        }
        let twice = "{\"OPENAI_API_KEY\": \"sk-abc123abc123abc123\", \"OPENAI_API_KEY\": \"sk-abc123abc123abc123\"}";
        assert_eq!(codes(twice), ["auth/duplicate-key"]);
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
            fix_all(text, Kind::CodexAuth, &context).text,
            "{\"OPENAI_API_KEY\": \"sk-abc123abc123abc123\"}"
        );
        let renamed = fix_all(
            "{\"api_key\": \"sk-abc123abc123abc123\",}",
            Kind::CodexAuth,
            &context,
        )
        .text;
        assert_eq!(renamed, "{\"OPENAI_API_KEY\": \"sk-abc123abc123abc123\"}");
    }
}
