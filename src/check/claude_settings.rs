//! Rules for Claude Code's `settings.json`: the relay's variables belong in its `env` object.

use super::json_text::{self, Member};
use super::{Checked, Context, Finding, KindCheck, KindSpec, embed, fix, key, model, url};
use crate::clients::Client;
use crate::clients::claude_code::{
    API_KEY_HELPER, API_KEY_VARIABLE, AUTH_TOKEN_VARIABLE, BASE_URL_VARIABLE, ENV, MODEL_VARIABLE,
};
use crate::escape;
use crate::i18n::Text;

declare_rules! {
    NO_ENV {
        code: "claude/no-env",
        severity: Error,
        evidence: Client("Claude Code 2.1.332 takes the relay's variables only from the env block, and otherwise calls Anthropic"),
        message: Text {
            en: "There is no \"env\" object.",
            zh: "没有 \"env\" 对象。",
        },
        why: Text {
            en: "Claude Code reads the relay's variables only from the env block.",
            zh: "Claude Code 只从 env 块读取中转服务的变量。",
        },
        fix: None,
    }

    OUTSIDE_ENV {
        code: "claude/outside-env",
        severity: Error,
        evidence: Client("Claude Code 2.1.332 ignores ANTHROPIC_BASE_URL outside the env block and calls api.anthropic.com (observed)"),
        message: Text {
            en: "This variable sits outside the \"env\" block.",
            zh: "这个变量在 \"env\" 块之外。",
        },
        why: Text {
            en: "Claude Code ignores it there and keeps using Anthropic's API.",
            zh: "Claude Code 会忽略它，继续使用 Anthropic 的 API。",
        },
        fix: None,
    }

    MISSPELLED {
        code: "claude/misspelled-variable",
        severity: Error,
        evidence: Client("Claude Code 2.1.332 reads ANTHROPIC_BASE_URL, ANTHROPIC_AUTH_TOKEN and ANTHROPIC_API_KEY, and ignores other names"),
        message: Text {
            en: "This is not a variable Claude Code reads.",
            zh: "Claude Code 不读取这个变量。",
        },
        why: Text {
            en: "Claude Code reads ANTHROPIC_BASE_URL and ANTHROPIC_AUTH_TOKEN; other names are ignored.",
            zh: "Claude Code 读取的是 ANTHROPIC_BASE_URL 和 ANTHROPIC_AUTH_TOKEN；其他名称会被忽略。",
        },
        fix: Some(fix::RENAME),
    }

    NOT_A_STRING {
        code: "claude/not-a-string",
        severity: Warning,
        evidence: Client("Claude Code 2.1.332 turns numbers, booleans and objects into text and starts (observed); an object becomes [object Object]"),
        message: Text {
            en: "Environment values should be quoted strings.",
            zh: "环境变量的值应该是带引号的字符串。",
        },
        why: Text {
            en: "Claude Code turns other values into text, an object into [object Object]: quote the value to be sure what the variable holds.",
            zh: "Claude Code 会把其他类型的值转成文本，对象会变成 [object Object]：给值加上引号，才能确定变量的内容。",
        },
        fix: Some(fix::REPLACE),
    }

    /// Claude Code's sources of the key in settings.json: `ANTHROPIC_AUTH_TOKEN` and
    /// `ANTHROPIC_API_KEY` in `env`, and `apiKeyHelper` at the top; each reached the relay.
    NO_AUTH {
        code: "claude/no-auth",
        severity: Error,
        evidence: Client("Claude Code 2.1.332 sends no key to the relay, which answers 401, also with the token empty or emptied by a later duplicate; a null token is sent as Bearer null (tests/claude_doctor_conformance.rs)"),
        message: Text {
            en: "No ANTHROPIC_AUTH_TOKEN (or ANTHROPIC_API_KEY, or apiKeyHelper) gives a key.",
            zh: "没有 ANTHROPIC_AUTH_TOKEN（或 ANTHROPIC_API_KEY、apiKeyHelper）提供密钥。",
        },
        why: Text {
            en: "Claude Code sends no key to the relay, or asks you to log in to Anthropic.",
            zh: "Claude Code 不会向中转服务发送密钥，或者要求你登录 Anthropic。",
        },
        fix: None,
    }

    KEY_FROM_HELPER {
        code: "claude/key-from-helper",
        severity: Info,
        evidence: Client("Claude Code 2.1.332 runs apiKeyHelper and sends what it prints as Bearer and x-api-key; it reached the relay (tests/claude_doctor_conformance.rs)"),
        message: Text {
            en: "Claude Code runs this command and sends what it prints as the key.",
            zh: "Claude Code 会运行这个命令，并把它输出的内容作为密钥发送。",
        },
        why: super::PRINTS_THE_KEY,
        fix: None,
    }

    HELPER_IN_ENV {
        code: "claude/helper-in-env",
        severity: Error,
        evidence: Client("Claude Code 2.1.332 does not run an apiKeyHelper inside env and sends no key (tests/claude_doctor_conformance.rs)"),
        message: Text {
            en: "apiKeyHelper belongs at the top level of settings.json, not in \"env\".",
            zh: "apiKeyHelper 应该位于 settings.json 的顶层，而不是 \"env\" 中。",
        },
        why: Text {
            en: "In env it is only a variable: Claude Code never runs it and sends no key.",
            zh: "在 env 中它只是一个变量：Claude Code 不会运行它，也不会发送密钥。",
        },
        fix: None,
    }

    DUPLICATE_KEY {
        code: "claude/duplicate-key",
        severity: Warning,
        evidence: Client("Claude Code 2.1.332 reads settings.json as JSON.parse does: of a key given twice, the last one counts, an env block as a token (tests/claude_doctor_conformance.rs)"),
        message: Text {
            en: "This is given again further down: Claude Code uses the last one.",
            zh: "后面又给出了同一项：Claude Code 使用最后一个。",
        },
        why: Text {
            en: "This one changes nothing, which misleads whoever edits it: remove it.",
            zh: "这一项不会有任何效果，会误导修改配置的人：请删除它。",
        },
        fix: None,
    }

    NO_BASE_URL {
        code: "claude/no-base-url",
        severity: Error,
        evidence: Client("Claude Code 2.1.332 sends its requests to api.anthropic.com without ANTHROPIC_BASE_URL"),
        message: Text {
            en: "No ANTHROPIC_BASE_URL is set.",
            zh: "没有设置 ANTHROPIC_BASE_URL。",
        },
        why: Text {
            en: "Claude Code sends the key to Anthropic's API instead of the relay.",
            zh: "Claude Code 会把密钥发往 Anthropic 的 API 而不是中转服务。",
        },
        fix: None,
    }

    BOTH_AUTH {
        code: "claude/both-auth",
        severity: Warning,
        evidence: Client("Claude Code 2.1.332 sends both, as Bearer and as x-api-key (observed); the relay decides which counts"),
        message: Text {
            en: "Both ANTHROPIC_AUTH_TOKEN and ANTHROPIC_API_KEY are set.",
            zh: "同时设置了 ANTHROPIC_AUTH_TOKEN 和 ANTHROPIC_API_KEY。",
        },
        why: Text {
            en: "Claude Code sends both, as a Bearer token and as x-api-key, and the relay picks one: keep ANTHROPIC_AUTH_TOKEN only.",
            zh: "Claude Code 会同时发送两者（Bearer 令牌和 x-api-key），由中转服务决定用哪个：只保留 ANTHROPIC_AUTH_TOKEN。",
        },
        fix: None,
    }
}

/// Names people write for the two variables that matter, and which one they meant.
const MISSPELLINGS: [(&str, &str); 12] = [
    ("ANTHROPIC_API_BASE", BASE_URL_VARIABLE),
    ("ANTHROPIC_BASEURL", BASE_URL_VARIABLE),
    ("ANTHROPIC_API_URL", BASE_URL_VARIABLE),
    ("ANTHROPIC_URL", BASE_URL_VARIABLE),
    ("ANTHROPIC_BASE_URI", BASE_URL_VARIABLE),
    ("OPENAI_BASE_URL", BASE_URL_VARIABLE),
    ("OPENAI_API_BASE", BASE_URL_VARIABLE),
    ("ANTHROPIC_TOKEN", AUTH_TOKEN_VARIABLE),
    ("ANTHROPIC_AUTH_KEY", AUTH_TOKEN_VARIABLE),
    ("ANTHROPIC_KEY", AUTH_TOKEN_VARIABLE),
    ("CLAUDE_API_KEY", AUTH_TOKEN_VARIABLE),
    ("OPENAI_API_KEY", AUTH_TOKEN_VARIABLE),
];

/// The variables whose values are judged, and so must be read where Claude Code reads them.
const JUDGED_VARIABLES: [&str; 5] = [
    BASE_URL_VARIABLE,
    AUTH_TOKEN_VARIABLE,
    API_KEY_VARIABLE,
    MODEL_VARIABLE,
    API_KEY_HELPER,
];

/// Whether the variable holds a key, so that its value is masked.
fn is_key_variable(name: &str) -> bool {
    [AUTH_TOKEN_VARIABLE, API_KEY_VARIABLE].contains(&name)
}

/// The variables that point Claude Code at the relay.
const RELAY_VARIABLES: [&str; 3] = [BASE_URL_VARIABLE, AUTH_TOKEN_VARIABLE, API_KEY_VARIABLE];

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

/// This kind, as people and programs name it.
pub const KIND: KindSpec = KindSpec {
    id: "claude-settings",
    label: Text {
        en: "Claude Code settings.json",
        zh: "Claude Code settings.json",
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
    let (members, mistakes) = match json_text::read_object(text, Client::ClaudeCode) {
        Ok(read) => read,
        Err(findings) => return findings.into(),
    };
    let mut findings = mistakes;
    let mut secrets = Vec::new();
    // Claude Code reads the file with JSON.parse: of a key given twice in one object, the
    // last counts. Each setting judged here is looked up as its last occurrence; the
    // earlier ones are reported, and their keys masked.
    let top: Vec<&Member> = members.iter().filter(|m| m.path.is_empty()).collect();
    let mut seen: Vec<&str> = Vec::new();
    let top_judged = top
        .iter()
        .rev()
        .filter(|m| [ENV, API_KEY_HELPER].contains(&m.key.as_str()));
    for member in top_judged {
        if seen.contains(&member.key.as_str()) {
            findings.push(Finding::new(&DUPLICATE_KEY, member.key_span.clone()));
        } else {
            seen.push(&member.key);
        }
    }
    for member in members
        .iter()
        .filter(|m| m.path == [ENV] && is_key_variable(&m.key))
    {
        if member.string_value(text).is_some() {
            secrets.push(super::unquoted(text, &member.value_span));
        }
    }
    let helper = top.iter().rev().find(|m| m.key == API_KEY_HELPER);
    if let Some(helper) = helper {
        findings.push(Finding::new(&KEY_FROM_HELPER, helper.value_span.clone()));
    }
    let relay_variable = |name: &str| RELAY_VARIABLES.contains(&name) || meant(name).is_some();
    for member in members
        .iter()
        .filter(|m| m.path.is_empty() && relay_variable(&m.key))
    {
        findings.push(Finding::new(&OUTSIDE_ENV, member.key_span.clone()));
    }
    let Some(env) = top.iter().rev().find(|m| m.key == ENV) else {
        findings.push(Finding::new(&NO_ENV, super::first_character(text)));
        return Checked { findings, secrets };
    };
    // The variables of the last env block, the one Claude Code reads, each of the ones
    // judged here at its last occurrence, with the name it was probably meant to have.
    let in_env = |m: &&Member| {
        m.path == [ENV]
            && env.value_span.start <= m.key_span.start
            && m.value_span.end <= env.value_span.end
    };
    let mut vars: Vec<(&Member, Option<&'static str>)> = Vec::new();
    let mut judged: Vec<&str> = Vec::new();
    for var in members.iter().filter(in_env).rev() {
        let name = var.key.as_str();
        if JUDGED_VARIABLES.contains(&name) {
            if judged.contains(&name) {
                findings.push(Finding::new(&DUPLICATE_KEY, var.key_span.clone()));
                continue;
            }
            judged.push(name);
        }
        vars.push((var, meant(name)));
    }
    vars.reverse();
    let context = context.for_client(Client::ClaudeCode);
    for &(var, meant) in &vars {
        if let Some(meant) = meant {
            let span = var.key_span.clone();
            findings.push(
                Finding::new(&MISSPELLED, span.clone()).with_edit(span, &escape::json(meant)),
            );
        }
        let Some(value) = var.string_value(text) else {
            let raw = &text[var.value_span.clone()];
            // Claude Code sends a null key as the text "null", no key at all: the no-auth
            // finding reports it (quoting it would make it the key).
            if raw == "null" && is_key_variable(&var.key) {
                continue;
            }
            let finding = Finding::new(&NOT_A_STRING, var.value_span.clone());
            // A number or boolean becomes the same text, quoted; objects, arrays and null
            // (no value) cannot.
            let quotable = !raw.starts_with(['{', '[']) && raw != "null";
            findings.push(if quotable {
                finding.with_edit(var.value_span.clone(), &escape::json(raw))
            } else {
                finding
            });
            continue;
        };
        let literal = var.value_span.clone();
        match var.key.as_str() {
            BASE_URL_VARIABLE => findings.extend(embed(
                url::check(&value, &context).findings,
                &value,
                text,
                literal,
                escape::json,
            )),
            AUTH_TOKEN_VARIABLE | API_KEY_VARIABLE if !value.is_empty() => {
                findings.extend(embed(
                    key::check(&value, &context).findings,
                    &value,
                    text,
                    literal,
                    escape::json,
                ));
            }
            MODEL_VARIABLE => findings.extend(embed(
                model::check(&value, &context).findings,
                &value,
                text,
                literal,
                escape::json,
            )),
            _ => {}
        }
    }
    let has = |name: &str| {
        vars.iter()
            .find(|(var, _)| var.key == name)
            .map(|(var, _)| *var)
    };
    // A key variable that is null or empty gives no key: Claude Code sends none, or "null".
    let gives_key = |name: &str| {
        has(name).filter(|var| {
            var.string_value(text)
                .is_some_and(|value| !value.is_empty())
        })
    };
    let misplaced_helper = vars.iter().find(|(var, _)| var.key == API_KEY_HELPER);
    if let Some((var, _)) = misplaced_helper {
        findings.push(Finding::new(&HELPER_IN_ENV, var.key_span.clone()));
    }
    match (gives_key(AUTH_TOKEN_VARIABLE), gives_key(API_KEY_VARIABLE)) {
        (None, None)
            if helper.is_none()
                && misplaced_helper.is_none()
                && !vars
                    .iter()
                    .any(|(_, meant)| *meant == Some(AUTH_TOKEN_VARIABLE)) =>
        {
            // At the variable that holds nothing, or at the env block.
            let at = has(AUTH_TOKEN_VARIABLE).or(has(API_KEY_VARIABLE));
            let span = at.map_or(env.key_span.clone(), |var| var.value_span.clone());
            findings.push(Finding::new(&NO_AUTH, span));
        }
        (Some(_), Some(api_key)) => {
            findings.push(Finding::new(&BOTH_AUTH, api_key.key_span.clone()))
        }
        _ => {}
    }
    if has(BASE_URL_VARIABLE).is_none()
        && !vars
            .iter()
            .any(|(_, meant)| *meant == Some(BASE_URL_VARIABLE))
    {
        findings.push(Finding::new(&NO_BASE_URL, env.key_span.clone()));
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
        assert_eq!(
            fix_all(&misspelled, Kind::ClaudeSettings, &context).text,
            GOOD
        );
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

    #[test]
    fn every_place_claude_code_takes_a_key_from_counts() {
        let no_token = r#"{"env": {"ANTHROPIC_BASE_URL": "https://api.4096bytes.com"}}"#;
        assert_eq!(codes(no_token), ["claude/no-auth"]);
        let api_key = no_token.replace(
            "\"}}",
            "\", \"ANTHROPIC_API_KEY\": \"sk-abc123abc123abc123\"}}",
        );
        assert!(codes(&api_key).is_empty(), "{api_key}");
        let helper = no_token.replace("{\"env\"", "{\"apiKeyHelper\": \"print-key\", \"env\"");
        assert_eq!(codes(&helper), ["claude/key-from-helper"]);
        let in_env = no_token.replace("\"}}", "\", \"apiKeyHelper\": \"print-key\"}}");
        assert_eq!(codes(&in_env), ["claude/helper-in-env"]);
    }

    #[test]
    fn a_token_is_judged_as_json_parse_reads_it() {
        let token = |value: &str| GOOD.replace("\"sk-abc123abc123abc123\"", value);
        for nothing in ["null", "\"\""] {
            let text = token(nothing);
            assert_eq!(codes(&text), ["claude/no-auth"], "{text}");
            let finding = check(&text, &crate::check::testing::context()).findings;
            assert_eq!(&text[finding[0].span.clone()], nothing, "at the value");
        }
        // The last of two counts: an empty one after the key leaves none.
        let twice = |first: &str, last: &str| {
            token(first).replace("}}", &format!(", \"ANTHROPIC_AUTH_TOKEN\": {last}}}}}"))
        };
        let emptied = twice("\"sk-abc123abc123abc123\"", "\"\"");
        assert_eq!(codes(&emptied), ["claude/duplicate-key", "claude/no-auth"]);
        let replaced = twice("\"\"", "\"sk-abc123abc123abc123\"");
        assert_eq!(codes(&replaced), ["claude/duplicate-key"]);
        let checked = check(&emptied, &crate::check::testing::context());
        assert!(
            checked
                .secrets
                .iter()
                .any(|span| &emptied[span.clone()] == "sk-abc123abc123abc123"),
            "the key given first is masked too"
        );
    }
}
