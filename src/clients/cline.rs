//! Cline and Roo Code (a fork with the same settings): the "OpenAI Compatible" provider,
//! set in the extension's settings screen.

use super::{Client, Resolved, Section, Setup, Snippet};
use crate::i18n::Msg;
use crate::profile::Profile;

pub fn setup(profile: &Profile, values: &Resolved) -> Setup {
    // The extension hands the base URL to the OpenAI SDK, which appends /chat/completions.
    let base_url = Client::Cline.base_url(profile, values.base_url);
    Setup {
        sections: vec![Section {
            id: "settings",
            title: Msg::ClineTitle,
            notes: vec![Msg::ClineOpenSettings],
            snippets: vec![
                Snippet::value(Msg::FieldBaseUrl, base_url.clone()),
                Snippet::value(Msg::FieldApiKey, values.key.to_owned()),
                Snippet::value(Msg::FieldModelId, values.model.to_owned()),
            ],
        }],
        request_url: format!("{base_url}/chat/completions"),
        next_step: Msg::ClineNextStep,
    }
}

#[cfg(test)]
mod tests {
    use crate::clients::{Client, Values};
    use crate::platform::{Os, Target};
    use crate::profile::Profile;

    #[test]
    fn the_fields_get_the_relay_values() {
        let values = Values {
            key: "sk-c".into(),
            base_url: "https://r.example/".into(),
            model: "m".into(),
        };
        let setup = Client::Cline.setup(&Profile::builtin(), &values, Target::new(Os::Linux));
        let contents: Vec<_> = setup.sections[0]
            .snippets
            .iter()
            .map(|s| s.content.as_str())
            .collect();
        assert_eq!(contents, ["https://r.example", "sk-c", "m"]);
        assert_eq!(setup.request_url, "https://r.example/chat/completions");
    }
}
