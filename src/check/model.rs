//! Rules for a model name.

use super::{Checked, Context, Finding, KindCheck, KindSpec, chars, fix};
use crate::clients::Client;
use crate::i18n::Text;

declare_rules! {
    /// `model/whitespace`: model names never contain whitespace; the relay answers "model not found".
    WHITESPACE {
        code: "model/whitespace",
        severity: Error,
        evidence: Relay("the relay's FAQ (model not found): the model name must match the dashboard exactly"),
        message: Text {
            en: "Contains whitespace (a space, tab or line break).",
            zh: "包含空白字符（空格、制表符或换行）。",
        },
        why: Text {
            en: "The value is used exactly as typed: a stray space or line break gives 401 for a key and an invalid URL for an address.",
            zh: "该值会被原样使用：多余的空格或换行会让密钥返回 401，让地址变成无效 URL。",
        },
        fix: Some(fix::REMOVE),
    }

    /// `model/invisible-character`: a zero-width space, BOM or similar inside the name.
    INVISIBLE {
        code: "model/invisible-character",
        severity: Error,
        evidence: Relay("the relay's FAQ (model not found): the model name must match the dashboard exactly"),
        message: Text {
            en: "Contains an invisible character (zero-width space, byte order mark or similar).",
            zh: "包含不可见字符（零宽空格、BOM 等）。",
        },
        why: Text {
            en: "Invisible characters are copied along from web pages and chats; they become part of the value and the relay rejects it.",
            zh: "不可见字符常随网页或聊天内容一起被复制，它们会成为值的一部分，导致中转服务拒绝请求。",
        },
        fix: Some(fix::REMOVE),
    }

    /// `model/surrounding-space-trimmed`: spaces around the name, for a client that trims them.
    SURROUNDING_SPACE_TRIMMED {
        code: "model/surrounding-space-trimmed",
        severity: Warning,
        evidence: Client("Claude Code 2.1.332 trims ANTHROPIC_MODEL (observed); Codex CLI 0.171 and the OpenAI Python SDK send the space"),
        message: Text {
            en: "Has spaces before or after the model name, which do no harm with this client.",
            zh: "模型名称前后有空格，对此客户端没有影响。",
        },
        why: Text {
            en: "It works here, but the same name pasted into another client is sent with the spaces and the relay answers \"model not found\": remove them.",
            zh: "在这里可以正常使用，但把同一个名称粘贴到其他客户端时会连同空格一起发送，中转服务会返回 \"model not found\"：请删掉它们。",
        },
        fix: Some(fix::REMOVE),
    }

    /// `model/copied-punctuation`: a full stop, comma, semicolon or closing bracket after the
    /// name, probably from the sentence it was copied out of.
    COPIED_PUNCTUATION {
        code: "model/copied-punctuation",
        severity: Warning,
        evidence: Heuristic("clients send it along (observed); only the dashboard knows whether a name ends so"),
        message: Text {
            en: "Ends with punctuation (. , ; 。 ， or a closing bracket) copied along from a sentence.",
            zh: "末尾带有从句子中一起复制来的标点（“.”“,”“;”“。”“，”或右括号）。",
        },
        why: Text {
            en: "Clients send it as part of the name and the relay answers \"model not found\". Copy the name from the dashboard's model list.",
            zh: "客户端会把它当作名称的一部分发送，中转服务会返回 \"model not found\"。请从控制台的模型列表中复制名称。",
        },
        fix: Some(fix::REMOVE),
    }

    /// `model/placeholder`: the docs' placeholder was never replaced.
    PLACEHOLDER {
        code: "model/placeholder",
        severity: Error,
        evidence: Relay("the relay's docs: the placeholder must be replaced with a model name from the dashboard"),
        message: Text {
            en: "This is the placeholder from the docs, not a model name.",
            zh: "这是文档中的占位符，不是模型名称。",
        },
        why: Text {
            en: "The relay answers \"model not found\" until it is replaced with a name from your dashboard.",
            zh: "在替换为控制台中的模型名称之前，中转服务会返回 \"model not found\"。",
        },
        fix: None,
    }
}

/// This kind, as people and programs name it.
pub const KIND: KindSpec = KindSpec {
    id: "model",
    label: Text {
        en: "Model name",
        zh: "模型名称",
    },
    one_value: true,
    shell: None,
};

/// How the doctor reads this kind.
pub const CHECK: KindCheck = KindCheck {
    check,
    recognise: None,
};

/// Every finding for `model`; an empty name has none (the page then shows the placeholder).
pub fn check(model: &str, context: &Context) -> Checked {
    let mut findings = if context.client.is_some_and(Client::trims_values) {
        let trimmed = &SURROUNDING_SPACE_TRIMMED;
        chars::stray_characters_with_edges(model, &WHITESPACE, [trimmed; 2], &INVISIBLE, true)
    } else {
        chars::stray_characters(model, &WHITESPACE, &INVISIBLE)
    };
    let tail = chars::tail(model);
    findings.extend(chars::tail_findings(
        &tail,
        &COPIED_PUNCTUATION,
        &COPIED_PUNCTUATION,
    ));
    let name = model[..tail.core_end].trim();
    if !name.is_empty() && name == context.profile.placeholders.model {
        findings.push(Finding::new(&PLACEHOLDER, 0..model.len()));
    }
    findings.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(model: &str) -> Vec<&'static str> {
        crate::check::testing::sorted_codes(
            &check(model, &crate::check::testing::context()).findings,
        )
    }

    #[test]
    fn model_names_are_checked_for_stray_characters_and_the_placeholder() {
        assert!(codes("gpt-5.5").is_empty());
        assert!(codes("").is_empty());
        assert_eq!(codes("gpt-5.5 "), ["model/whitespace"]);
        assert_eq!(codes("gpt\u{200D}-5.5"), ["model/invisible-character"]);
        assert_eq!(
            codes("PASTE_MODEL_NAME_FROM_DASHBOARD"),
            ["model/placeholder"]
        );
        assert_eq!(
            codes("PASTE_MODEL_NAME_FROM_DASHBOARD。"),
            ["model/copied-punctuation", "model/placeholder"]
        );
    }

    fn codes_for(model: &str, client: Client) -> Vec<&'static str> {
        let context = crate::check::testing::context();
        crate::check::testing::sorted_codes(&check(model, &context.for_client(client)).findings)
    }

    #[test]
    fn punctuation_copied_out_of_a_sentence_is_a_warning() {
        for tail in [".", ",", ";", ")", "。", "，", "；", "）"] {
            let model = format!("gpt-5.5{tail}");
            assert_eq!(codes(&model), ["model/copied-punctuation"], "{model}");
            for client in Client::ALL {
                assert_eq!(codes_for(&model, client), ["model/copied-punctuation"]);
            }
        }
        assert!(codes("gpt-4o (latest)").contains(&"model/whitespace"));
        assert!(!codes("gpt-4o(latest)").contains(&"model/copied-punctuation"));
        assert!(codes("模型-ü").is_empty());
    }

    #[test]
    fn surrounding_spaces_are_judged_for_the_client_at_hand() {
        for model in ["gpt-5.5 ", " gpt-5.5", "gpt-5.5\u{3000}"] {
            assert_eq!(
                codes_for(model, Client::ClaudeCode),
                ["model/surrounding-space-trimmed"],
                "{model:?}"
            );
            for client in [Client::Codex, Client::OpenaiSdk] {
                assert_eq!(codes_for(model, client), ["model/whitespace"], "{model:?}");
            }
        }
    }
}
