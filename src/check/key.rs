//! Rules for an API key as typed or pasted into a key field.

use super::{Finding, Rule, Severity, chars};
use crate::i18n::Msg;
use crate::profile::Profile;

/// `key/whitespace`: a space, tab or line break anywhere in the key, usually a trailing one
/// copied along with it.
pub static WHITESPACE: Rule = Rule {
    code: "key/whitespace",
    severity: Severity::Error,
    message: Msg::WhitespaceInValue,
    why: Msg::WhitespaceWhy,
    fix_label: Some(Msg::FixRemove),
};

/// `key/invisible-character`: a zero-width space, BOM or similar inside the key.
pub static INVISIBLE: Rule = Rule {
    code: "key/invisible-character",
    severity: Severity::Error,
    message: Msg::InvisibleInValue,
    why: Msg::InvisibleWhy,
    fix_label: Some(Msg::FixRemove),
};

/// `key/placeholder`: the docs' placeholder was never replaced.
pub static PLACEHOLDER: Rule = Rule {
    code: "key/placeholder",
    severity: Severity::Error,
    message: Msg::KeyPlaceholder,
    why: Msg::KeyPlaceholderWhy,
    fix_label: None,
};

/// `key/bearer-prefix`: the `Authorization` header's value was pasted instead of the key.
pub static BEARER_PREFIX: Rule = Rule {
    code: "key/bearer-prefix",
    severity: Severity::Error,
    message: Msg::KeyBearerPrefix,
    why: Msg::KeyBearerPrefixWhy,
    fix_label: Some(Msg::FixRemove),
};

const BEARER: &str = "bearer ";

/// Every finding for `key`; an empty key has none (the page then shows the placeholder).
pub fn check(key: &str, profile: &Profile) -> Vec<Finding> {
    let mut findings = Vec::new();
    let start = key.len() - key.trim_start().len();
    let body = &key[start..];
    if body
        .get(..BEARER.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(BEARER))
    {
        let prefix_end = start + BEARER.len();
        let prefix_end =
            prefix_end + (key[prefix_end..].len() - key[prefix_end..].trim_start().len());
        findings
            .push(Finding::new(&BEARER_PREFIX, start..prefix_end).with_edit(start..prefix_end, ""));
        // The spaces after "Bearer" are part of that fix, not a separate finding.
        findings.extend(
            chars::stray_characters(key, &WHITESPACE, &INVISIBLE)
                .into_iter()
                .filter(|finding| finding.span.start >= prefix_end || finding.span.end <= start),
        );
    } else {
        findings.extend(chars::stray_characters(key, &WHITESPACE, &INVISIBLE));
    }
    if !key.is_empty() && key.trim() == profile.placeholders.api_key {
        findings.push(Finding::new(&PLACEHOLDER, 0..key.len()));
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(key: &str) -> Vec<&'static str> {
        check(key, &Profile::builtin())
            .iter()
            .map(|finding| finding.rule.code)
            .collect()
    }

    fn fix_all(key: &str) -> String {
        let mut text = key.to_owned();
        while let Some(fixed) = check(&text, &Profile::builtin())
            .iter()
            .find_map(|f| f.apply_fix(&text))
        {
            text = fixed;
        }
        text
    }

    #[test]
    fn a_clean_key_has_no_findings() {
        assert!(codes("sk-abc123").is_empty());
        assert!(codes("").is_empty());
        assert!(codes("sk-\"quoted\\slash").is_empty());
    }

    #[test]
    fn trailing_and_inner_whitespace_is_flagged_with_its_position() {
        let findings = check("sk-abc \n", &Profile::builtin());
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].rule.code, "key/whitespace");
        assert_eq!(findings[0].span, 6..8);
        assert_eq!(codes("sk ab"), ["key/whitespace"]);
        assert_eq!(codes("\u{00A0}sk-ab"), ["key/whitespace"], "no-break space");
    }

    #[test]
    fn invisible_characters_are_flagged_separately() {
        assert_eq!(codes("sk-\u{200B}abc"), ["key/invisible-character"]);
        assert_eq!(
            codes("\u{FEFF}sk-abc "),
            ["key/invisible-character", "key/whitespace"]
        );
    }

    #[test]
    fn the_placeholder_is_not_a_key() {
        assert_eq!(codes("YOUR_4096BYTES_API_KEY"), ["key/placeholder"]);
        assert!(codes("YOUR_4096BYTES_API_KEY_REAL").is_empty());
    }

    #[test]
    fn a_pasted_authorization_header_value_is_reduced_to_the_key() {
        assert_eq!(codes("Bearer sk-abc"), ["key/bearer-prefix"]);
        assert_eq!(
            codes("bearer   sk-abc "),
            ["key/bearer-prefix", "key/whitespace"]
        );
        assert!(codes("bearer-token-like-key").is_empty());
        assert_eq!(
            fix_all(" Bearer  sk-a\u{200B}bc \n"),
            " sk-abc".trim_start()
        );
    }
}
