//! Cursor: no config file, only its settings screen. onramp gives the exact values to paste
//! and says why Cursor may keep using its own models.

use super::{Api, Client, ClientSpec, JsonDialect, KeySpaces, Resolved, Section, Setup, Snippet};
use crate::i18n::Msg;
use crate::platform::Os;
use crate::profile::{Profile, Protocol};

/// What onramp knows of Cursor, for the registry (see the module docs of `clients`).
pub const SPEC: ClientSpec = ClientSpec {
    id: "cursor",
    name: "Cursor",
    rank: 3,
    protocol: Protocol::OpenAi,
    systems: &[Os::Macos, Os::Linux, Os::Windows],
    base_path: |clients| &clients.openai_compatible.base_path,
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
    // Cursor appends /chat/completions to the override, like the OpenAI SDKs.
    let base_url = Client::Cursor.base_url(profile, values.base_url);
    Setup {
        install: vec![super::download_page(DOWNLOAD_PAGE)],
        sections: vec![Section {
            id: "settings",
            title: Msg::CursorTitle,
            notes: vec![
                Msg::CursorOpenSettings,
                Msg::CursorOwnModelsNote,
                Msg::CursorServerNote,
            ],
            snippets: vec![
                Snippet::value(Msg::FieldOpenAiApiKey, values.key.to_owned()),
                Snippet::value(Msg::FieldOverrideBaseUrl, base_url.clone()),
                Snippet::value(Msg::FieldCustomModel, values.model.to_owned()),
            ],
            next_step: Msg::CursorNextStep,
        }],
        request_url: format!("{base_url}{}", Api::ChatCompletions.path(values.model)),
        api: Api::ChatCompletions,
    }
}

/// Cursor's download page (linked from cursor.com's "Download" button).
const DOWNLOAD_PAGE: &str = "https://cursor.com/downloads";

#[cfg(test)]
mod tests {
    use crate::clients::{Client, SnippetKind, Values};
    use crate::i18n::Msg;
    use crate::platform::{Os, Target};
    use crate::profile::Profile;

    #[test]
    fn the_three_fields_get_exactly_the_typed_values() {
        let values = Values {
            key: "sk-cur".into(),
            base_url: String::new(),
            model: "gpt-5.5".into(),
        };
        let setup = Client::Cursor.setup(&Profile::builtin(), &values, Target::new(Os::Macos));
        let fields: Vec<_> = setup.sections[0]
            .snippets
            .iter()
            .map(|s| match s.kind {
                SnippetKind::Value { field } => (field, s.content.as_str()),
                _ => panic!("Cursor has only settings fields"),
            })
            .collect();
        assert_eq!(
            fields,
            [
                (Msg::FieldOpenAiApiKey, "sk-cur"),
                (Msg::FieldOverrideBaseUrl, "https://api.4096bytes.com"),
                (Msg::FieldCustomModel, "gpt-5.5"),
            ]
        );
        assert_eq!(
            setup.request_url,
            "https://api.4096bytes.com/chat/completions"
        );
        assert!(setup.sections[0].notes.contains(&Msg::CursorOwnModelsNote));
    }
}
