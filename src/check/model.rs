//! Rules for a model name.

use super::{Checked, Context, Finding, chars, fix};
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

/// Every finding for `model`; an empty name has none (the page then shows the placeholder).
pub fn check(model: &str, context: &Context) -> Checked {
    let mut findings = chars::stray_characters(model, &WHITESPACE, &INVISIBLE);
    if !model.is_empty() && model.trim() == context.profile.placeholders.model {
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
    }
}
