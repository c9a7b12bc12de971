//! Rules for a model name.

use super::{Finding, Rule, Severity, chars};
use crate::i18n::Msg;
use crate::profile::Profile;

/// `model/whitespace`: model names never contain whitespace; the relay answers "model not found".
pub static WHITESPACE: Rule = Rule {
    code: "model/whitespace",
    severity: Severity::Error,
    message: Msg::WhitespaceInValue,
    why: Msg::WhitespaceWhy,
    fix_label: Some(Msg::FixRemove),
};

/// `model/invisible-character`: a zero-width space, BOM or similar inside the name.
pub static INVISIBLE: Rule = Rule {
    code: "model/invisible-character",
    severity: Severity::Error,
    message: Msg::InvisibleInValue,
    why: Msg::InvisibleWhy,
    fix_label: Some(Msg::FixRemove),
};

/// `model/placeholder`: the docs' placeholder was never replaced.
pub static PLACEHOLDER: Rule = Rule {
    code: "model/placeholder",
    severity: Severity::Error,
    message: Msg::ModelPlaceholder,
    why: Msg::ModelPlaceholderWhy,
    fix_label: None,
};

/// Every finding for `model`; an empty name has none (the page then shows the placeholder).
pub fn check(model: &str, profile: &Profile) -> Vec<Finding> {
    let mut findings = chars::stray_characters(model, &WHITESPACE, &INVISIBLE);
    if !model.is_empty() && model.trim() == profile.placeholders.model {
        findings.push(Finding::new(&PLACEHOLDER, 0..model.len()));
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(model: &str) -> Vec<&'static str> {
        check(model, &Profile::builtin())
            .iter()
            .map(|finding| finding.rule.code)
            .collect()
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
