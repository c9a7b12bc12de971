//! Rules for an API key as typed or pasted into a key field.

use super::{Finding, Rule, Severity, chars};
use crate::i18n::Msg;
use crate::profile::Profile;

/// `key/whitespace`: a space inside the key, or a line break anywhere (usually a trailing one
/// copied along with it): the key is rejected, or the header cannot even be sent.
pub static WHITESPACE: Rule = Rule {
    code: "key/whitespace",
    severity: Severity::Error,
    message: Msg::WhitespaceInValue,
    why: Msg::WhitespaceWhy,
    fix_label: Some(Msg::FixRemove),
};

/// `key/surrounding-space`: spaces or tabs before or after the key. HTTP trims them from the
/// header, so Codex and most relays accept the key (checked with the real Codex); some
/// clients send them and get 401.
pub static SURROUNDING_SPACE: Rule = Rule {
    code: "key/surrounding-space",
    severity: Severity::Warning,
    message: Msg::KeySurroundingSpace,
    why: Msg::KeySurroundingSpaceWhy,
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

/// `key/quoted`: quotes copied along with the key.
pub static QUOTED: Rule = Rule {
    code: "key/quoted",
    severity: Severity::Error,
    message: Msg::QuotedValue,
    why: Msg::QuotedValueWhy,
    fix_label: Some(Msg::FixRemove),
};

/// `key/looks-like-url`: the base URL was pasted into the key field.
pub static LOOKS_LIKE_URL: Rule = Rule {
    code: "key/looks-like-url",
    severity: Severity::Error,
    message: Msg::KeyLooksLikeUrl,
    why: Msg::KeyLooksLikeUrlWhy,
    fix_label: None,
};

/// `key/truncated`: a shortened or masked copy (`sk-abc…xyz`, `sk-****`), as dashboards show.
pub static TRUNCATED: Rule = Rule {
    code: "key/truncated",
    severity: Severity::Error,
    message: Msg::KeyTruncated,
    why: Msg::KeyTruncatedWhy,
    fix_label: None,
};

/// `key/unexpected-prefix`: the relay's keys start differently (only when the profile says how).
pub static UNEXPECTED_PREFIX: Rule = Rule {
    code: "key/unexpected-prefix",
    severity: Severity::Warning,
    message: Msg::KeyUnexpectedPrefix,
    why: Msg::KeyUnexpectedPrefixWhy,
    fix_label: None,
};

const BEARER: &str = "bearer ";

/// Shorter than any real key: most likely cut off while copying.
const SHORTEST_KEY: usize = 16;

/// Every finding for `key`; an empty key has none (the page then shows the placeholder).
pub fn check(key: &str, profile: &Profile) -> Vec<Finding> {
    let mut findings = Vec::new();
    // The "Bearer " may come after pasted spaces and quotes: `"Bearer sk-…"`.
    let start = key.len()
        - key
            .trim_start_matches(|c: char| {
                c.is_whitespace()
                    || chars::is_invisible(c)
                    || crate::check::url::QUOTES.contains(&c)
            })
            .len();
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
            chars::stray_characters_with_edges(key, &WHITESPACE, &SURROUNDING_SPACE, &INVISIBLE)
                .into_iter()
                .filter(|finding| finding.span.start >= prefix_end || finding.span.end <= start),
        );
    } else {
        findings.extend(chars::stray_characters_with_edges(
            key,
            &WHITESPACE,
            &SURROUNDING_SPACE,
            &INVISIBLE,
        ));
    }
    let trimmed_start = key.len() - key.trim_start().len();
    let trimmed_end = key.trim_end().len().max(trimmed_start);
    findings.extend(crate::check::url::quotes(
        key,
        trimmed_start,
        trimmed_end,
        &QUOTED,
    ));
    // The key as the other rules will leave it: what its length and shape are judged on.
    let core: String = key
        .trim()
        .trim_matches(&crate::check::url::QUOTES[..])
        .chars()
        .filter(|c| !c.is_whitespace() && !chars::is_invisible(*c))
        .collect();
    let core = match core.get(..BEARER.len() - 1) {
        Some(head) if head.eq_ignore_ascii_case("bearer") => &core[BEARER.len() - 1..],
        _ => core.as_str(),
    };
    if core.is_empty() {
        return findings;
    }
    if core == profile.placeholders.api_key {
        findings.push(Finding::new(&PLACEHOLDER, 0..key.len()));
    } else if core.contains("://") || core.to_ascii_lowercase().starts_with("api.") {
        findings.push(Finding::new(&LOOKS_LIKE_URL, 0..key.len()));
    } else if core.contains('…')
        || core.contains("...")
        || core.contains("***")
        || core.chars().count() < SHORTEST_KEY
    {
        findings.push(Finding::new(&TRUNCATED, 0..key.len()));
    } else if profile
        .key_prefix
        .as_ref()
        .is_some_and(|prefix| !core.starts_with(prefix.as_str()))
    {
        findings.push(Finding::new(&UNEXPECTED_PREFIX, 0..key.len()));
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
        assert!(codes("sk-abc123abc123abc123").is_empty());
        assert!(codes("").is_empty());
        assert!(codes("sk-\"quoted\\slash-0123456789").is_empty());
    }

    #[test]
    fn quotes_urls_and_shortened_copies_are_not_keys() {
        assert_eq!(
            codes("\"sk-abc123abc123abc123\""),
            ["key/quoted", "key/quoted"]
        );
        assert_eq!(fix_all("‘sk-abc123abc123abc123’"), "sk-abc123abc123abc123");
        assert_eq!(codes("https://api.4096bytes.com"), ["key/looks-like-url"]);
        assert_eq!(codes("sk-abc…wxyz"), ["key/truncated"]);
        assert_eq!(codes("sk-****************wxyz"), ["key/truncated"]);
        assert_eq!(codes("sk-short"), ["key/truncated"]);
    }

    #[test]
    fn a_profile_can_say_how_keys_start() {
        let mut profile = Profile::builtin();
        profile.key_prefix = Some("sk-".into());
        let codes = |key: &str| {
            check(key, &profile)
                .iter()
                .map(|f| f.rule.code)
                .collect::<Vec<_>>()
        };
        assert!(codes("sk-abc123abc123abc123").is_empty());
        assert_eq!(codes("pk-abc123abc123abc123"), ["key/unexpected-prefix"]);
    }

    #[test]
    fn trailing_and_inner_whitespace_is_flagged_with_its_position() {
        let findings = check("sk-abc123abc123abc \n", &Profile::builtin());
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].rule.code, "key/whitespace");
        assert_eq!(findings[0].span, 18..20);
        assert_eq!(codes("sk ab123abc123abc123"), ["key/whitespace"]);
        assert_eq!(
            codes("sk-abc123abc123abc123 "),
            ["key/surrounding-space"],
            "HTTP trims it"
        );
        assert_eq!(codes("\tsk-abc123abc123abc123"), ["key/surrounding-space"]);
        assert_eq!(
            codes("\u{00A0}sk-ab123abc123abc123"),
            ["key/whitespace"],
            "no-break space"
        );
    }

    #[test]
    fn invisible_characters_are_flagged_separately() {
        assert_eq!(
            codes("sk-\u{200B}abc123abc123abc123"),
            ["key/invisible-character"]
        );
        assert_eq!(
            codes("\u{FEFF}sk-abc123abc123abc123 "),
            ["key/invisible-character", "key/surrounding-space"]
        );
    }

    #[test]
    fn the_placeholder_is_not_a_key() {
        assert_eq!(codes("YOUR_4096BYTES_API_KEY"), ["key/placeholder"]);
        assert!(codes("YOUR_4096BYTES_API_KEY_REAL").is_empty());
    }

    #[test]
    fn a_pasted_authorization_header_value_is_reduced_to_the_key() {
        assert_eq!(codes("Bearer sk-abc123abc123abc123"), ["key/bearer-prefix"]);
        assert_eq!(
            codes("bearer   sk-abc123abc123abc123 "),
            ["key/bearer-prefix", "key/surrounding-space"]
        );
        assert!(codes("bearer-token-like-key-0123").is_empty());
        assert_eq!(
            fix_all(" Bearer  sk-a\u{200B}bc \n"),
            " sk-abc".trim_start()
        );
    }
}
