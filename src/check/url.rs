//! Rules for a base URL as typed or pasted into a URL field.

use super::{Finding, Rule, Severity, chars};
use crate::i18n::Msg;

/// `url/whitespace`: spaces or line breaks make the URL invalid.
pub static WHITESPACE: Rule = Rule {
    code: "url/whitespace",
    severity: Severity::Error,
    message: Msg::WhitespaceInValue,
    why: Msg::WhitespaceWhy,
    fix_label: Some(Msg::FixRemove),
};

/// `url/invisible-character`: a zero-width space, BOM or similar inside the URL.
pub static INVISIBLE: Rule = Rule {
    code: "url/invisible-character",
    severity: Severity::Error,
    message: Msg::InvisibleInValue,
    why: Msg::InvisibleWhy,
    fix_label: Some(Msg::FixRemove),
};

/// `url/scheme-missing`: `api.example.com` instead of `https://api.example.com`.
pub static SCHEME_MISSING: Rule = Rule {
    code: "url/scheme-missing",
    severity: Severity::Error,
    message: Msg::UrlSchemeMissing,
    why: Msg::UrlSchemeMissingWhy,
    fix_label: Some(Msg::FixAddHttps),
};

/// `url/insecure-http`: `http://` where the relay serves `https://`.
pub static INSECURE_HTTP: Rule = Rule {
    code: "url/insecure-http",
    severity: Severity::Error,
    message: Msg::UrlInsecureHttp,
    why: Msg::UrlInsecureHttpWhy,
    fix_label: Some(Msg::FixUseHttps),
};

/// Every finding for `url`; an empty URL has none (the page then uses the relay's own).
pub fn check(url: &str) -> Vec<Finding> {
    let mut findings = chars::stray_characters(url, &WHITESPACE, &INVISIBLE);
    let start = url
        .char_indices()
        .find(|(_, c)| !c.is_whitespace() && !chars::is_invisible(*c))
        .map_or(url.len(), |(index, _)| index);
    let rest = &url[start..];
    let has_prefix = |prefix: &str| {
        rest.get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    if has_prefix("http://") {
        let scheme = start..start + "http".len();
        findings.push(Finding::new(&INSECURE_HTTP, scheme.clone()).with_edit(scheme, "https"));
    } else if !rest.is_empty() && !rest.contains("://") {
        findings
            .push(Finding::new(&SCHEME_MISSING, start..start).with_edit(start..start, "https://"));
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(url: &str) -> Vec<&'static str> {
        check(url).iter().map(|finding| finding.rule.code).collect()
    }

    fn fixed(url: &str, code: &str) -> String {
        let finding = check(url)
            .into_iter()
            .find(|f| f.rule.code == code)
            .unwrap();
        finding.apply_fix(url).unwrap()
    }

    #[test]
    fn the_relay_url_is_clean() {
        assert!(codes("https://api.4096bytes.com").is_empty());
        assert!(codes("HTTPS://api.4096bytes.com/").is_empty());
        assert!(codes("").is_empty());
    }

    #[test]
    fn http_is_upgraded_to_https() {
        assert_eq!(codes("http://api.4096bytes.com"), ["url/insecure-http"]);
        assert_eq!(
            fixed("HTTP://api.4096bytes.com", "url/insecure-http"),
            "https://api.4096bytes.com"
        );
    }

    #[test]
    fn a_bare_host_gets_a_scheme() {
        assert_eq!(codes("api.4096bytes.com"), ["url/scheme-missing"]);
        assert_eq!(
            fixed(" api.4096bytes.com", "url/scheme-missing"),
            " https://api.4096bytes.com"
        );
    }

    #[test]
    fn stray_characters_anywhere_are_flagged() {
        assert_eq!(codes("https://api.4096bytes.com \n"), ["url/whitespace"]);
        assert_eq!(
            codes("\u{FEFF}https://api.4096bytes.com"),
            ["url/invisible-character"]
        );
        assert_eq!(
            codes("  \u{200B}"),
            ["url/whitespace", "url/invisible-character"]
        );
    }
}
