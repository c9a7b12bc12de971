//! Aider: LiteLLM underneath, pointed at the relay by `OPENAI_API_BASE` and `OPENAI_API_KEY`,
//! with the model named `openai/<model>` so that LiteLLM treats it as OpenAI-compatible.

use super::{Client, Resolved, Section, Setup, Snippet, SnippetKind, env_sections};
use crate::i18n::Msg;
use crate::platform::Target;
use crate::profile::Profile;
use crate::shell::EnvChange;

/// Aider's name for the base URL (through LiteLLM); the key is the SDKs' variable.
pub const BASE_URL_VARIABLE: &str = "OPENAI_API_BASE";

pub fn setup(profile: &Profile, values: &Resolved, target: Target) -> Setup {
    let base_url = Client::Aider.base_url(profile, values.base_url);
    let change = EnvChange {
        set: &[
            (BASE_URL_VARIABLE, &base_url),
            (super::openai_sdk::API_KEY_VARIABLE, values.key),
        ],
        unset: &[],
    };
    let mut sections = env_sections(target, change, &[]);
    let model = format!("openai/{}", values.model);
    let start = match target.shell.quote(&model) {
        Some(model) => Section {
            id: "start",
            title: Msg::AiderStartTitle,
            notes: vec![Msg::AiderModelNote],
            snippets: vec![Snippet {
                kind: SnippetKind::Commands {
                    shell: target.shell,
                },
                format: target.shell.format(),
                content: format!("aider --model {model}\n"),
                notes: Vec::new(),
            }],
        },
        None => Section {
            id: "start",
            title: Msg::AiderStartTitle,
            notes: vec![Msg::AiderModelNote, Msg::ShellCannotHoldValue],
            snippets: Vec::new(),
        },
    };
    sections.push(start);
    Setup {
        sections,
        request_url: format!("{base_url}/chat/completions"),
        next_step: Msg::AiderNextStep,
    }
}

#[cfg(test)]
mod tests {
    use crate::clients::{Client, Values};
    use crate::platform::{Os, Target};
    use crate::profile::Profile;

    #[test]
    fn variables_and_the_prefixed_model() {
        let values = Values {
            key: "sk-a".into(),
            base_url: String::new(),
            model: "gpt-5.5".into(),
        };
        let setup = Client::Aider.setup(&Profile::builtin(), &values, Target::new(Os::Linux));
        let session = &setup.section("env-session").unwrap().snippets[0].content;
        assert_eq!(
            session,
            "export OPENAI_API_BASE='https://api.4096bytes.com'\nexport OPENAI_API_KEY='sk-a'\n"
        );
        assert_eq!(
            setup.section("start").unwrap().snippets[0].content,
            "aider --model 'openai/gpt-5.5'\n"
        );
        let setup = Client::Aider.setup(&Profile::builtin(), &values, Target::new(Os::Windows));
        assert_eq!(
            setup.section("start").unwrap().snippets[0].content,
            "aider --model 'openai/gpt-5.5'\n"
        );
    }
}
