//! Rules for Qwen Code's `~/.qwen/settings.json` (Qwen Code 0.24.4, observed against a
//! loopback relay; see `src/clients/qwen_code.rs`). The file may hold comments, which Qwen
//! Code reads.

use super::json_text::{self, Member};
use super::{
    Checked, Context, Finding, KindCheck, KindSpec, embed, fix, is_variable_name, key, model, url,
};
use crate::clients::Client;
use crate::clients::qwen_code::{OPENAI_AUTH_TYPE, expands_variables};
use crate::escape;
use crate::i18n::Text;

declare_rules! {
    /// A login with Qwen's own OAuth is still selected.
    OAUTH_SELECTED {
        code: "qwen/oauth-selected",
        severity: Error,
        evidence: Client("Qwen Code 0.24.4 stops: \"Qwen OAuth free tier was discontinued … Run /auth\", and ignores the OpenAI settings (observed)"),
        message: Text {
            en: "security.auth.selectedType still selects the Qwen OAuth login.",
            zh: "security.auth.selectedType 仍然选择的是 Qwen OAuth 登录。",
        },
        why: Text {
            en: "Qwen Code then ignores the relay's settings and stops: select \"openai\".",
            zh: "Qwen Code 会忽略中转服务的设置并停止运行：请改为 \"openai\"。",
        },
        fix: Some(fix::REPLACE),
    }

    /// `envKey` holds the key instead of the name of a variable.
    ENV_KEY_HOLDS_KEY {
        code: "qwen/env-key-holds-key",
        severity: Error,
        evidence: Client("Qwen Code 0.24.4 looks for a variable of that name and stops when there is none (observed)"),
        message: Text {
            en: "envKey must be the name of an environment variable, not the key itself.",
            zh: "envKey 应该是环境变量的名称，而不是密钥本身。",
        },
        why: Text {
            en: "Qwen Code finds no variable of that name and stops; put the key in the \"env\" block under that name.",
            zh: "Qwen Code 找不到这个名称的变量并停止运行；请把密钥以该名称放进 \"env\" 块。",
        },
        fix: None,
    }

    /// A `$NAME` or `${NAME}` inside a key: Qwen Code replaces it.
    VARIABLE_IN_VALUE {
        code: "qwen/variable-in-value",
        severity: Warning,
        evidence: Client("Qwen Code 0.24.4 replaces $NAME and ${NAME} in every string of settings.json with that environment variable, with no escape (a key with $HOME arrived changed); whether it breaks depends on the environment"),
        message: Text {
            en: "Contains $ followed by a name, which Qwen Code replaces with an environment variable.",
            zh: "包含 $ 加名称的内容，Qwen Code 会把它替换成环境变量。",
        },
        why: Text {
            en: "If a variable of that name is set, the key sent is not yours and the relay answers 401: set the key as an exported variable instead.",
            zh: "如果设置了同名变量，发送出去的就不是你的密钥，中转服务会返回 401：请改为用导出的环境变量提供密钥。",
        },
        fix: None,
    }

    /// A `$NAME` inside a key where NAME is set in every terminal: the key arrives changed.
    SHELL_VARIABLE_IN_VALUE {
        code: "qwen/shell-variable-in-value",
        severity: Error,
        evidence: Client("Qwen Code 0.24.4 replaced $HOME in a key with the home folder (observed); HOME, PATH, USER, LOGNAME, SHELL and PWD are set in every terminal"),
        message: Text {
            en: "Contains a variable every terminal sets ($HOME, $PATH…), which Qwen Code puts in its place.",
            zh: "包含每个终端都会设置的变量（$HOME、$PATH 等），Qwen Code 会用它的值替换。",
        },
        why: Text {
            en: "The key sent is not yours and the relay answers 401: set the key as an exported variable instead.",
            zh: "发送出去的不是你的密钥，中转服务会返回 401：请改为用导出的环境变量提供密钥。",
        },
        fix: None,
    }

    /// Usage statistics are left on.
    USAGE_STATISTICS {
        code: "qwen/usage-statistics",
        severity: Warning,
        evidence: Client("without privacy.usageStatisticsEnabled: false, Qwen Code 0.24.4 contacts an outside host (observed under strace)"),
        message: Text {
            en: "Usage statistics are not switched off.",
            zh: "没有关闭使用统计。",
        },
        why: Text {
            en: "Qwen Code then sends usage data to a host other than the relay; set \"privacy\": {\"usageStatisticsEnabled\": false}.",
            zh: "Qwen Code 会把使用数据发往中转服务以外的主机；请设置 \"privacy\": {\"usageStatisticsEnabled\": false}。",
        },
        fix: None,
    }
}

/// Qwen Code's own login, which the relay's setup replaces.
const QWEN_OAUTH: &str = "qwen-oauth";
/// The auth type that talks to the Responses API and appends `/v1/responses` itself.
const RESPONSES_AUTH_TYPE: &str = "openai-responses";

/// This kind, as people and programs name it.
pub const KIND: KindSpec = KindSpec {
    id: "qwen-settings",
    label: Text {
        en: "Qwen Code settings.json",
        zh: "Qwen Code settings.json",
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
    let (members, mistakes) = match json_text::read_object(text, Client::QwenCode) {
        Ok(read) => read,
        Err(findings) => return findings.into(),
    };
    let context = context.for_client(Client::QwenCode);
    let mut checked = Checked::from(mistakes);
    let at = |path: &[&str], key: &str| {
        members.iter().find(move |m| {
            m.key == key && m.path.iter().map(String::as_str).eq(path.iter().copied())
        })
    };
    let selected = at(&["security", "auth"], "selectedType");
    let selected_type = selected.and_then(|m| m.string_value(text));
    if let (Some(member), Some(QWEN_OAUTH)) = (selected, selected_type.as_deref()) {
        let span = member.value_span.clone();
        let fix = escape::json(OPENAI_AUTH_TYPE);
        checked
            .findings
            .push(Finding::new(&OAUTH_SELECTED, span.clone()).with_edit(span, &fix));
    }
    let responses = selected_type.as_deref() == Some(RESPONSES_AUTH_TYPE);

    let mut key_variables = Vec::new();
    for member in members.iter().filter(|m| is_provider(m)) {
        let Some(value) = member.string_value(text) else {
            continue;
        };
        let literal = member.value_span.clone();
        match member.key.as_str() {
            "baseUrl" => base_url(text, &value, literal, responses, &context, &mut checked),
            "envKey" if is_variable_name(&value) => key_variables.push(value),
            "envKey" => {
                checked.secrets.push(super::unquoted(text, &literal));
                checked
                    .findings
                    .push(Finding::new(&ENV_KEY_HOLDS_KEY, literal));
            }
            "id" => embed_value(
                text,
                model::check(&value, &context).findings,
                &value,
                literal,
                &mut checked,
            ),
            _ => {}
        }
    }
    let keys = members.iter().filter(|m| {
        (m.path == ["env"] && (key_variables.contains(&m.key) || holds_a_key(&m.key)))
            || (m.path == ["security", "auth"] && m.key == "apiKey")
    });
    for member in keys {
        let Some(value) = member.string_value(text) else {
            continue;
        };
        let literal = member.value_span.clone();
        checked.secrets.push(super::unquoted(text, &literal));
        // A value that is only a reference is meant to be replaced; one inside a key is not.
        let reference = value.starts_with('$')
            && !value[1..].contains('$')
            && value[1..]
                .trim_matches(['{', '}'])
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_');
        if expands_variables(&value) && !reference {
            let rule = if names_a_shell_variable(&value) {
                &SHELL_VARIABLE_IN_VALUE
            } else {
                &VARIABLE_IN_VALUE
            };
            checked.findings.push(Finding::new(rule, literal.clone()));
        }
        embed_value(
            text,
            key::check(&value, &context).findings,
            &value,
            literal,
            &mut checked,
        );
    }
    if let Some(member) = at(&["security", "auth"], "baseUrl")
        && let Some(value) = member.string_value(text)
    {
        let literal = member.value_span.clone();
        base_url(text, &value, literal, responses, &context, &mut checked);
    }
    if let Some(member) = at(&["model"], "name")
        && let Some(value) = member.string_value(text)
    {
        let findings = model::check(&value, &context).findings;
        embed_value(
            text,
            findings,
            &value,
            member.value_span.clone(),
            &mut checked,
        );
    }
    let statistics_off = at(&["privacy"], "usageStatisticsEnabled")
        .is_some_and(|m| &text[m.value_span.clone()] == "false");
    if !statistics_off {
        let span = at(&[], "privacy").map_or_else(|| super::first_character(text), Member::span);
        checked.findings.push(Finding::new(&USAGE_STATISTICS, span));
    }
    checked
}

/// Variables every terminal session has.
const SHELL_VARIABLES: [&str; 6] = ["HOME", "PATH", "USER", "LOGNAME", "SHELL", "PWD"];

/// Whether `value` has `$NAME` or `${NAME}` for a variable every terminal sets.
fn names_a_shell_variable(value: &str) -> bool {
    value.split('$').skip(1).any(|after| {
        let name = after.strip_prefix('{').unwrap_or(after);
        let length = name
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(name.len());
        SHELL_VARIABLES.contains(&&name[..length])
    })
}

/// A setting of one of the OpenAI-compatible providers in `modelProviders`.
fn is_provider(member: &Member) -> bool {
    matches!(member.path.as_slice(), [providers, kind, item]
        if providers == "modelProviders"
            && (kind == OPENAI_AUTH_TYPE || kind == RESPONSES_AUTH_TYPE)
            && item == "[]")
}

/// A variable of the `env` block that holds a key, by its name.
fn holds_a_key(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    upper.contains("KEY") || upper.contains("TOKEN")
}

fn embed_value(
    text: &str,
    findings: Vec<Finding>,
    value: &str,
    literal: std::ops::Range<usize>,
    checked: &mut Checked,
) {
    checked
        .findings
        .extend(embed(findings, value, text, literal, escape::json));
}

/// The provider's base URL; in Responses mode Qwen Code appends `/v1/responses` itself, so a
/// `/v1` there is doubled.
fn base_url(
    text: &str,
    value: &str,
    literal: std::ops::Range<usize>,
    responses: bool,
    context: &Context,
    checked: &mut Checked,
) {
    let mut findings = url::check(value, context).findings;
    let trimmed = value.trim_end_matches('/');
    if responses && trimmed.to_ascii_lowercase().ends_with("/v1") {
        let v1 = trimmed.len() - 3..value.len();
        findings.retain(|finding| finding.rule.code != url::UNEXPECTED_PATH.code);
        findings.push(Finding::new(&url::DOUBLED_V1, v1.clone()).with_edit(v1, ""));
    }
    embed_value(text, findings, value, literal, checked);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{context, sorted_codes};

    fn codes(text: &str) -> Vec<&'static str> {
        sorted_codes(&check(text, &context()).findings)
    }

    fn settings(key: &str) -> String {
        format!(
            r#"{{"env": {{"RELAY_KEY": "{key}"}}, "modelProviders": {{"openai": [{{"id": "m", "baseUrl": "https://api.4096bytes.com", "envKey": "RELAY_KEY"}}]}}, "privacy": {{"usageStatisticsEnabled": false}}}}"#
        )
    }

    #[test]
    fn a_value_that_only_names_a_variable_is_meant_to_be_replaced() {
        assert!(codes(&settings("${MY_RELAY_KEY}")).is_empty());
        assert!(codes(&settings("$MY_RELAY_KEY")).is_empty());
        assert_eq!(
            codes(&settings("sk-$MY_RELAY-1")),
            ["qwen/variable-in-value"]
        );
        assert_eq!(
            codes(&settings("sk-${PATH}-1")),
            ["qwen/shell-variable-in-value"]
        );
        assert!(codes(&settings("sk-$-1")).is_empty(), "a lone $ stays");
    }

    #[test]
    fn keys_in_the_file_are_secrets() {
        let text = settings("sk-secret-0123456789");
        let secrets = check(&text, &context()).secrets;
        assert!(
            secrets
                .iter()
                .any(|span| &text[span.clone()] == "sk-secret-0123456789")
        );
    }
}
