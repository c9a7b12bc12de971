//! Cherry Studio: an "OpenAI" provider set in its settings screen, or imported in one click
//! through its `cherrystudio://providers/api-keys` link, built here from the same values.
//!
//! Cherry Studio (1.7 and later) appends `/v1` to the API host unless its path already has a
//! version segment (`/v1`, `/v4beta`…), then the endpoint path; a host ending in `#` is used
//! verbatim. Its import link carries standard base64 of a JSON object: its decoder maps
//! `_`→`+` and `-`→`/`, the reverse of base64url, so base64url would be misread.

use super::{Client, Resolved, Section, Setup, Snippet, SnippetKind};
use crate::i18n::Msg;
use crate::platform::Format;
use crate::profile::Profile;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

pub fn setup(profile: &Profile, values: &Resolved) -> Setup {
    let host = Client::CherryStudio.base_url(profile, values.base_url);
    Setup {
        sections: vec![
            Section {
                id: "settings",
                title: Msg::CherryTitle,
                notes: vec![Msg::CherryOpenSettings, Msg::CherryHostNote],
                snippets: vec![
                    Snippet::value(Msg::FieldProviderType, "OpenAI".to_owned()),
                    Snippet::value(Msg::FieldApiHost, host.clone()),
                    Snippet::value(Msg::FieldApiKey, values.key.to_owned()),
                    Snippet::value(Msg::FieldModelId, values.model.to_owned()),
                ],
            },
            Section {
                id: "import-link",
                title: Msg::CherryImportTitle,
                notes: vec![Msg::CherryImportNote],
                snippets: vec![Snippet {
                    kind: SnippetKind::Link {
                        label: Msg::FieldImportLink,
                    },
                    format: Format::Text,
                    content: import_link(profile, &host, values.key),
                    notes: Vec::new(),
                }],
            },
        ],
        request_url: format!("{}/chat/completions", api_base(&host)),
        next_step: Msg::CherryNextStep,
    }
}

/// Where Cherry Studio sends requests for this API host, following its own rules.
fn api_base(host: &str) -> String {
    let host = host.trim().trim_end_matches('/');
    if let Some(verbatim) = host.strip_suffix('#') {
        return verbatim.to_owned();
    }
    let path = host
        .split_once("://")
        .map_or(host, |(_, rest)| rest)
        .split_once('/')
        .map_or("", |(_, path)| path);
    let has_version = path.split('/').any(|segment| {
        segment
            .strip_prefix(['v', 'V'])
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
    });
    if has_version {
        host.to_owned()
    } else {
        format!("{host}/v1")
    }
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
        STANDARD.encode(provider.to_string())
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clients::{Client, Values};
    use crate::platform::{Os, Target};

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
