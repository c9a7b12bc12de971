//! Cherry Studio: an "OpenAI" provider set in its settings screen, or imported in one click
//! through its `cherrystudio://providers/api-keys` link, built here from the same values.
//!
//! Cherry Studio (1.7 and later) appends `/v1` to the API host unless its path already has a
//! version segment (`/v1`, `/v4beta`…), then the endpoint path; a host ending in `#` is used
//! verbatim. Its import link carries standard base64 of a JSON object: its decoder maps
//! `_`→`+` and `-`→`/`, the reverse of base64url, so base64url would be misread. Before
//! parsing that JSON, released versions replace every `'` with `"` and delete every `(` and
//! `)`, so the link writes those three characters as JSON escapes, which survive that and
//! decode to the characters themselves. The tests below pin each rule to the source read.

use super::{
    Api, Client, ClientSpec, JsonDialect, KeySpaces, Resolved, Section, Setup, Snippet, SnippetKind,
};
use crate::i18n::Msg;
use crate::platform::{Format, Os};
use crate::profile::{Profile, Protocol};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// What onramp knows of Cherry Studio, for the registry (see the module docs of `clients`).
pub const SPEC: ClientSpec = ClientSpec {
    id: "cherry-studio",
    name: "Cherry Studio",
    rank: 4,
    protocol: Protocol::OpenAi,
    systems: &[Os::Macos, Os::Linux, Os::Windows],
    base_path: |clients| &clients.cherry_studio.base_path,
    // Cherry Studio adds a `/v1` only to a path without a version, so none is doubled.
    appends_v1: false,
    key_spaces: KeySpaces::Harmful,
    trims_values: false,
    json: JsonDialect::STRICT,
    variables: &[],
    uses_shell: false,
    check_step: true,
    files: &[],
    setup: |profile, values, _| setup(profile, values),
};

pub fn setup(profile: &Profile, values: &Resolved) -> Setup {
    let host = Client::CherryStudio.base_url(profile, values.base_url);
    Setup {
        install: vec![super::download_page(DOWNLOAD_PAGE)],
        sections: vec![
            Section {
                id: "settings",
                next_step: Msg::CherryNextStep,
                title: Msg::CherryTitle,
                notes: vec![Msg::CherryOpenSettings, Msg::CherryHostNote],
                snippets: vec![
                    Snippet::value(Msg::FieldProviderType, "OpenAI".to_owned()),
                    Snippet::value(Msg::FieldApiHost, host.clone()),
                    Snippet::value(Msg::FieldApiKey, values.key.to_owned()),
                    Snippet::value(Msg::FieldModelId, values.model.to_owned()),
                ],
            },
            // The link adds the provider with its host and key, not a model: the model's id
            // comes with it, so that this section is whole.
            Section {
                id: "import-link",
                title: Msg::CherryImportTitle,
                notes: vec![Msg::CherryImportNote],
                snippets: vec![
                    Snippet {
                        kind: SnippetKind::Link {
                            label: Msg::FieldImportLink,
                        },
                        format: Format::Text,
                        content: import_link(profile, &host, values.key),
                        notes: Vec::new(),
                    },
                    Snippet::value(Msg::FieldModelId, values.model.to_owned()),
                ],
                next_step: Msg::CherryImportNextStep,
            },
        ],
        request_url: chat_url(&host),
        api: Api::ChatCompletions,
    }
}

/// Cherry Studio's download page, as its site links it.
const DOWNLOAD_PAGE: &str = "https://www.cherry-ai.com/download";

/// The endpoints a host ending in `#` may name itself; Cherry Studio then calls it as it is.
const ENDPOINTS: [&str; 8] = [
    "chat/completions",
    "responses",
    "messages",
    "generateContent",
    "streamGenerateContent",
    "images/generations",
    "images/edits",
    "predict",
];

/// The chat completions URL Cherry Studio calls for this API host, following its own rules.
fn chat_url(host: &str) -> String {
    let trimmed = host.trim().trim_end_matches('/');
    match trimmed.strip_suffix('#') {
        Some(verbatim) if ENDPOINTS.iter().any(|e| verbatim.ends_with(e)) => verbatim.to_owned(),
        _ => format!("{}/chat/completions", api_base(host)),
    }
}

/// Where Cherry Studio sends requests for this API host, before the endpoint path.
fn api_base(host: &str) -> String {
    let host = host.trim().trim_end_matches('/');
    if let Some(verbatim) = host.strip_suffix('#') {
        return verbatim.trim_end_matches('/').to_owned();
    }
    let path = host
        .split_once("://")
        .map_or(host, |(_, rest)| rest)
        .split_once('/')
        .map_or("", |(_, path)| path);
    if has_version(path) {
        host.to_owned()
    } else {
        format!("{host}/v1")
    }
}

/// Whether a host's path has a version segment (`v1`, `V4beta`…), after which Cherry Studio
/// adds no `/v1` of its own.
pub fn has_version(path: &str) -> bool {
    path.split('/').any(|segment| {
        segment
            .strip_prefix(['v', 'V'])
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
    })
}

/// The `cherrystudio://` link that adds the provider (or this key to it, if it exists).
fn import_link(profile: &Profile, host: &str, key: &str) -> String {
    let provider = serde_json::json!({
        "id": profile.id,
        "name": profile.display_name,
        "type": "openai",
        "baseUrl": host,
        "apiKey": key,
    });
    format!(
        "cherrystudio://providers/api-keys?v=1&data={}",
        STANDARD.encode(escape_quote_and_parentheses(&provider.to_string()))
    )
}

/// `json` with each `'`, `(` and `)` written as a `\u` escape. Those characters only occur
/// inside JSON strings, where the escape means the same, and Cherry Studio's decoder does not
/// rewrite an escape as it rewrites the characters.
fn escape_quote_and_parentheses(json: &str) -> String {
    let mut escaped = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '\'' => escaped.push_str("\\u0027"),
            '(' => escaped.push_str("\\u0028"),
            ')' => escaped.push_str("\\u0029"),
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clients::{Client, Values};
    use crate::platform::{Os, Target};

    /// CherryHQ/cherry-studio `src/renderer/src/utils/api.ts` (commit 01cafa35): `formatApiHost`
    /// trims the host, drops one trailing `/`, keeps it as it is when it ends in `#` or
    /// `hasAPIVersion` finds `/v\d+…` in its path, else appends `/v1`; `routeToEndpoint`
    /// splits a host ending in `<endpoint>#` into that base and endpoint.
    #[test]
    fn the_api_host_follows_cherry_studios_rules() {
        assert_eq!(
            api_base("https://api.4096bytes.com"),
            "https://api.4096bytes.com/v1"
        );
        assert_eq!(api_base("https://r.example/v1/"), "https://r.example/v1");
        assert_eq!(
            api_base("https://r.example/api/v4beta"),
            "https://r.example/api/v4beta"
        );
        assert_eq!(
            api_base("https://r.example/custom#"),
            "https://r.example/custom"
        );
        assert_eq!(
            api_base("https://v1.example"),
            "https://v1.example/v1",
            "a host name is not a path"
        );
        assert_eq!(
            chat_url("https://r.example/api/v3"),
            "https://r.example/api/v3/chat/completions"
        );
        assert_eq!(
            chat_url("https://r.example/v1/chat/completions#"),
            "https://r.example/v1/chat/completions",
            "a host naming its endpoint before # is called as it is"
        );
    }

    /// What Cherry Studio does with an import link, step by step as its source does it:
    /// `src/main/services/urlschema/handle-providers.ts` (CherryHQ/cherry-studio, commit
    /// 1bf07218, the 1.x line) takes the URL's query, replaces `+` with `_` and `/` with `-`,
    /// parses it as URL search parameters, maps `data` back (`_`→`+`, `-`→`/`), decodes it as
    /// base64, then replaces every `'` with `"`, deletes `(` and `)`, and parses JSON. The
    /// settings page (`src/renderer/src/pages/settings/ProviderSettings/index.tsx`, commit
    /// 04400cb8) refuses the import unless `id`, `apiKey` and `baseUrl` are all non-empty,
    /// and trims the key. `v=1` is only logged. (The newer `protocol/handlers/
    /// providersImport.ts` tries plain JSON first and falls back to the same rewriting.)
    fn import_like_cherry_studio(link: &str) -> Option<serde_json::Value> {
        let query = link.strip_prefix("cherrystudio://providers/api-keys")?;
        let query = query.replace('+', "_").replace('/', "-");
        let data = query
            .trim_start_matches('?')
            .split('&')
            .find_map(|pair| pair.strip_prefix("data="))?;
        let data = data.replace('_', "+").replace('-', "/");
        let text = String::from_utf8(STANDARD.decode(data).ok()?).ok()?;
        let text = text.replace('\'', "\"").replace(['(', ')'], "");
        let provider: serde_json::Value = serde_json::from_str(&text).ok()?;
        let present = |field: &str| provider[field].as_str().is_some_and(|v| !v.is_empty());
        (present("id") && present("apiKey") && present("baseUrl")).then_some(provider)
    }

    #[test]
    fn cherry_studio_imports_exactly_the_typed_key_and_host() {
        for key in [
            "sk-plain-0001",
            "sk-🔑+/=_-",
            "sk-'single'-(paren)-\"double\"-\\back",
            "sk-'",
        ] {
            let values = Values {
                key: key.into(),
                base_url: "https://r.example/(x)/it's".into(),
                model: "m".into(),
            };
            let setup =
                Client::CherryStudio.setup(&Profile::builtin(), &values, Target::new(Os::Macos));
            let link = &setup.section("import-link").unwrap().snippets[0].content;
            let imported = import_like_cherry_studio(link).expect(key);
            assert_eq!(imported["apiKey"], key);
            assert_eq!(imported["baseUrl"], "https://r.example/(x)/it's");
            assert_eq!(imported["id"], "4096bytes");
            assert_eq!(imported["type"], "openai");
        }
        // Without the escapes, Cherry Studio's rewriting would change such a key.
        let naive = format!(
            "cherrystudio://providers/api-keys?v=1&data={}",
            STANDARD.encode(r#"{"id":"r","baseUrl":"https://r.example","apiKey":"sk-(1)"}"#)
        );
        assert_eq!(import_like_cherry_studio(&naive).unwrap()["apiKey"], "sk-1");
    }

    #[test]
    fn the_import_link_decodes_to_the_provider() {
        let values = Values {
            key: "sk-🔑+/=".into(),
            base_url: String::new(),
            model: "m".into(),
        };
        let setup =
            Client::CherryStudio.setup(&Profile::builtin(), &values, Target::new(Os::Windows));
        let link = &setup.section("import-link").unwrap().snippets[0];
        assert_eq!(
            link.kind,
            crate::clients::SnippetKind::Link {
                label: crate::i18n::Msg::FieldImportLink
            }
        );
        let link = &link.content;
        let data = link
            .strip_prefix("cherrystudio://providers/api-keys?v=1&data=")
            .unwrap();
        let decoded: serde_json::Value =
            serde_json::from_slice(&STANDARD.decode(data).unwrap()).unwrap();
        assert_eq!(decoded["apiKey"], "sk-🔑+/=");
        assert_eq!(decoded["baseUrl"], "https://api.4096bytes.com");
        assert_eq!(decoded["id"], "4096bytes");
        assert_eq!(decoded["type"], "openai");
        assert_eq!(
            setup.request_url,
            "https://api.4096bytes.com/v1/chat/completions"
        );
    }
}
