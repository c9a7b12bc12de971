//! Rules for a Cherry Studio import link, `cherrystudio://providers/api-keys?v=1&data=…`,
//! whose data is standard base64 of `{id, baseUrl, apiKey, name?, type?}`.

use super::{Context, Finding, key, url};
use crate::clients::Client;
use crate::i18n::Msg;
use base64::Engine;
use base64::engine::general_purpose::STANDARD_NO_PAD;
use std::ops::Range;

rule!(
    NOT_A_LINK,
    "cherry/not-a-link",
    Error,
    CherryNotALink,
    CherryNotALinkWhy,
    None
);
rule!(
    BASE64URL,
    "cherry/base64url",
    Error,
    CherryBase64Url,
    CherryBase64UrlWhy,
    Some(Msg::FixReplace)
);
rule!(
    BAD_DATA,
    "cherry/bad-data",
    Error,
    CherryBadData,
    CherryBadDataWhy,
    None
);
rule!(
    MISSING_FIELD,
    "cherry/missing-field",
    Error,
    CherryMissingField,
    CherryMissingFieldWhy,
    None
);

const PREFIX: &str = "cherrystudio://providers/api-keys?";

pub fn check(text: &str, context: &Context) -> (Vec<Finding>, Vec<Range<usize>>) {
    let start = text.len() - text.trim_start().len();
    let link = text.trim();
    if !link.starts_with(PREFIX) {
        return (
            vec![Finding::new(&NOT_A_LINK, start..start + link.len())],
            Vec::new(),
        );
    }
    let query_at = start + PREFIX.len();
    let Some((data, data_span)) = data_parameter(text, query_at, start + link.len()) else {
        return (
            vec![Finding::new(&BAD_DATA, start..start + link.len())],
            Vec::new(),
        );
    };
    // The whole data parameter is the key, encoded: mask all of it.
    let secrets = vec![data_span.clone()];
    if data.contains(['-', '_']) {
        let standard = data.replace('-', "+").replace('_', "/");
        let finding = Finding::new(&BASE64URL, data_span.clone()).with_edit(data_span, &standard);
        return (vec![finding], secrets);
    }
    // Cherry Studio's decoder: `+`→`_`, `/`→`-` through URLSearchParams and back. Padding
    // may be present or not.
    let Some(provider) = STANDARD_NO_PAD
        .decode(data.trim_end_matches('='))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
    else {
        return (vec![Finding::new(&BAD_DATA, data_span)], secrets);
    };
    let field = |name: &str| {
        provider
            .get(name)
            .and_then(serde_json::Value::as_str)
            .filter(|v| !v.is_empty())
    };
    let (Some(_), Some(base_url), Some(api_key)) = (field("id"), field("baseUrl"), field("apiKey"))
    else {
        return (vec![Finding::new(&MISSING_FIELD, data_span)], secrets);
    };
    // Mistakes inside the encoded data can only be pointed at as a whole, and fixed by
    // building a new link on the page.
    let context = Context {
        client: Some(Client::CherryStudio),
        ..*context
    };
    let inside = url::check_for(base_url, &context)
        .into_iter()
        .chain(key::check(api_key, context.profile));
    let findings = inside
        .map(|finding| Finding::new(finding.rule, data_span.clone()))
        .collect();
    (findings, secrets)
}

/// The value of the `data` parameter and its span.
fn data_parameter(text: &str, query_at: usize, end: usize) -> Option<(String, Range<usize>)> {
    let mut at = query_at;
    for pair in text.get(query_at..end)?.split('&') {
        if let Some(value) = pair.strip_prefix("data=") {
            let value_at = at + 5;
            let decoded = value
                .replace("%2B", "+")
                .replace("%2F", "/")
                .replace("%3D", "=");
            return Some((decoded, value_at..value_at + value.len()));
        }
        at += pair.len() + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clients::Values;
    use crate::platform::{Os, Target};
    use crate::profile::Profile;
    use base64::engine::general_purpose::URL_SAFE;

    fn codes(text: &str) -> Vec<&'static str> {
        let profile = Profile::builtin();
        check(
            text,
            &Context {
                profile: &profile,
                client: None,
            },
        )
        .0
        .iter()
        .map(|f| f.rule.code)
        .collect()
    }

    fn link_for(key: &str, base_url: &str) -> String {
        let values = Values {
            key: key.into(),
            base_url: base_url.into(),
            model: "m".into(),
        };
        let setup =
            Client::CherryStudio.setup(&Profile::builtin(), &values, Target::new(Os::Windows));
        setup.section("import-link").unwrap().snippets[0]
            .content
            .clone()
    }

    #[test]
    fn the_generated_link_is_clean() {
        assert!(codes(&link_for("sk-abc123abc123abc123", "")).is_empty());
    }

    #[test]
    fn broken_links() {
        assert_eq!(codes("https://example.com"), ["cherry/not-a-link"]);
        assert_eq!(
            codes("cherrystudio://providers/api-keys?v=1&data=!!!"),
            ["cherry/bad-data"]
        );
        let url_safe = URL_SAFE.encode(r#"{"id":"x","baseUrl":"https://api.4096bytes.com","apiKey":"sk-abc123abc123abc123>>>???"}"#);
        assert!(url_safe.contains(['-', '_']));
        assert_eq!(
            codes(&format!("{PREFIX}v=1&data={url_safe}")),
            ["cherry/base64url"]
        );
        let missing = base64::engine::general_purpose::STANDARD.encode(r#"{"id":"x"}"#);
        assert_eq!(
            codes(&format!("{PREFIX}v=1&data={missing}")),
            ["cherry/missing-field"]
        );
        assert_eq!(
            codes(&link_for("sk-abc123abc123abc123 ", "")),
            ["key/surrounding-space"]
        );
    }
}
