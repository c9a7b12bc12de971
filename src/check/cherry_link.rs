//! Rules for a Cherry Studio import link, `cherrystudio://providers/api-keys?v=1&data=…`,
//! whose data is standard base64 of `{id, baseUrl, apiKey, name?, type?}`.

use super::{Checked, Context, Finding, KindCheck, KindSpec, fix, key, url};
use crate::clients::Client;
use crate::i18n::Text;
use base64::Engine;
use base64::engine::general_purpose::STANDARD_NO_PAD;
use std::ops::Range;

declare_rules! {
    NOT_A_LINK {
        code: "cherry/not-a-link",
        severity: Error,
        evidence: Source("Cherry Studio opens only cherrystudio://providers/api-keys links (its source)"),
        message: Text {
            en: "This is not a Cherry Studio import link (cherrystudio://providers/api-keys?v=1&data=…).",
            zh: "这不是 Cherry Studio 导入链接（cherrystudio://providers/api-keys?v=1&data=…）。",
        },
        why: Text {
            en: "Cherry Studio does not recognise it and nothing is imported.",
            zh: "Cherry Studio 无法识别它，什么也不会导入。",
        },
        fix: None,
    }

    BASE64URL {
        code: "cherry/base64url",
        severity: Error,
        evidence: Source("Cherry Studio decodes the data as standard base64 (its source): URL-safe base64 is misread"),
        message: Text {
            en: "The data uses URL-safe base64 (- and _), which Cherry Studio decodes wrongly.",
            zh: "data 使用了 URL 安全的 base64（- 和 _），Cherry Studio 会解码错误。",
        },
        why: Text {
            en: "Cherry Studio maps _ to + and - to /, the reverse of URL-safe base64: the import fails as invalid data.",
            zh: "Cherry Studio 把 _ 映射为 +、- 映射为 /，正好与 URL 安全 base64 相反：导入会因数据无效而失败。",
        },
        fix: Some(fix::REPLACE),
    }

    BAD_DATA {
        code: "cherry/bad-data",
        severity: Error,
        evidence: Source("Cherry Studio rejects data that is not base64 JSON (its source)"),
        message: Text {
            en: "The data part cannot be decoded into the provider's settings.",
            zh: "data 部分无法解码为提供商设置。",
        },
        why: Text {
            en: "Cherry Studio shows \"invalid data\" and imports nothing.",
            zh: "Cherry Studio 会提示数据无效，什么也不会导入。",
        },
        fix: None,
    }

    MISSING_FIELD {
        code: "cherry/missing-field",
        severity: Error,
        evidence: Source("Cherry Studio needs id, baseUrl and apiKey (its source)"),
        message: Text {
            en: "The provider lacks id, baseUrl or apiKey.",
            zh: "提供商信息缺少 id、baseUrl 或 apiKey。",
        },
        why: Text {
            en: "Cherry Studio needs all three and refuses the import.",
            zh: "Cherry Studio 需要这三项，否则拒绝导入。",
        },
        fix: None,
    }
}

const PREFIX: &str = "cherrystudio://providers/api-keys?";

/// This kind, as people and programs name it.
pub const KIND: KindSpec = KindSpec {
    id: "cherry-link",
    label: Text {
        en: "Cherry Studio import link",
        zh: "Cherry Studio 导入链接",
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
    let start = text.len() - text.trim_start().len();
    let link = text.trim();
    if !link.starts_with(PREFIX) {
        return vec![Finding::new(&NOT_A_LINK, start..start + link.len())].into();
    }
    let query_at = start + PREFIX.len();
    let Some((data, data_span)) = data_parameter(text, query_at, start + link.len()) else {
        return vec![Finding::new(&BAD_DATA, start..start + link.len())].into();
    };
    // The whole data parameter is the key, encoded: mask all of it.
    let secrets = vec![data_span.clone()];
    if data.contains(['-', '_']) {
        let standard = data.replace('-', "+").replace('_', "/");
        let finding = Finding::new(&BASE64URL, data_span.clone()).with_edit(data_span, &standard);
        return Checked {
            findings: vec![finding],
            secrets,
        };
    }
    // Cherry Studio's decoder: `+`→`_`, `/`→`-` through URLSearchParams and back. Padding
    // may be present or not.
    let Some(provider) = STANDARD_NO_PAD
        .decode(data.trim_end_matches('='))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
    else {
        return Checked {
            findings: vec![Finding::new(&BAD_DATA, data_span)],
            secrets,
        };
    };
    let field = |name: &str| {
        provider
            .get(name)
            .and_then(serde_json::Value::as_str)
            .filter(|v| !v.is_empty())
    };
    let (Some(_), Some(base_url), Some(api_key)) = (field("id"), field("baseUrl"), field("apiKey"))
    else {
        return Checked {
            findings: vec![Finding::new(&MISSING_FIELD, data_span)],
            secrets,
        };
    };
    // Mistakes inside the encoded data can only be pointed at as a whole, and fixed by
    // building a new link on the page.
    let context = context.for_client(Client::CherryStudio);
    let inside = url::check(base_url, &context)
        .findings
        .into_iter()
        .chain(key::check(api_key, &context).findings);
    let findings = inside
        .map(|finding| Finding::new(finding.rule, data_span.clone()))
        .collect();
    Checked { findings, secrets }
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
        .findings
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
