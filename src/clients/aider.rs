//! Aider: LiteLLM underneath, pointed at the relay by `OPENAI_API_BASE` and `OPENAI_API_KEY`,
//! with the model named `openai/<model>` so that LiteLLM treats it as OpenAI-compatible.

use super::{
    Api, Client, ClientSpec, EnvSetup, JsonDialect, KeySpaces, Resolved, Setup, Snippet,
    env_sections,
};
use crate::i18n::Msg;
use crate::platform::{Os, Target};
use crate::profile::{Profile, Protocol};
use crate::shell::EnvChange;
use crate::shell::Shell;

/// Aider's name for the base URL (through LiteLLM); the key is the SDKs' variable.
pub const BASE_URL_VARIABLE: &str = "OPENAI_API_BASE";

/// What onramp knows of Aider, for the registry (see the module docs of `clients`).
pub const SPEC: ClientSpec = ClientSpec {
    id: "aider",
    name: "Aider",
    rank: 9,
    protocol: Protocol::OpenAi,
    systems: &Os::ALL,
    base_path: |clients| &clients.openai_compatible.base_path,
    appends_v1: false,
    key_spaces: KeySpaces::Harmful,
    trims_values: false,
    json: JsonDialect::STRICT,
    variables: &[BASE_URL_VARIABLE],
    uses_shell: true,
    check_step: true,
    files: &[],
    setup,
};

pub fn setup(profile: &Profile, values: &Resolved, target: Target) -> Setup {
    let base_url = Client::Aider.base_url(profile, values.base_url);
    let model = format!("openai/{}", values.model);
    // The start command goes with either way of setting the variables: each section is whole.
    let start: Vec<Snippet> = target
        .shell
        .quote(&model)
        .map(|model| {
            Snippet::run(target.shell, format!("aider --model {model}\n"))
                .with_notes([Msg::AiderModelNote])
        })
        .into_iter()
        .collect();
    let mut sections = env_sections(
        target,
        EnvSetup {
            change: EnvChange {
                set: &[
                    (BASE_URL_VARIABLE, &base_url),
                    (super::openai_sdk::API_KEY_VARIABLE, values.key),
                ],
                unset: &[],
            },
            notes: &[],
            files: &[],
            then: &start,
            next_steps: [
                Msg::AiderEnvSessionNextStep,
                Msg::AiderEnvPersistentNextStep,
            ],
        },
    );
    if start.is_empty() {
        for section in &mut sections {
            section.snippets.clear();
            if !section.notes.contains(&Msg::ShellCannotHoldValue) {
                section.notes.push(Msg::ShellCannotHoldValue);
            }
        }
    }
    Setup {
        install: install(target.shell),
        sections,
        request_url: format!("{base_url}{}", Api::ChatCompletions.path(values.model)),
        api: Api::ChatCompletions,
    }
}

/// How to install Aider, from its installation page (aider.chat/docs/install.html, "Get
/// started quickly with aider-install"): `aider-install` puts aider (PyPI `aider-chat`, the
/// package the conformance test runs) in an environment of its own, then `aider --version`.
fn install(shell: Shell) -> Vec<Snippet> {
    vec![
        Snippet::run(
            shell,
            "python -m pip install aider-install\naider-install\n".into(),
        )
        .with_notes([Msg::InstallScriptNote]),
        Snippet::run(shell, "aider --version\n".into()).with_notes([Msg::InstallVersionNote]),
    ]
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
        for section in ["env-session", "env-persistent"] {
            assert_eq!(
                setup.section(section).unwrap().snippets[1].content,
                "aider --model 'openai/gpt-5.5'\n"
            );
        }
        let setup = Client::Aider.setup(&Profile::builtin(), &values, Target::new(Os::Windows));
        assert_eq!(
            setup.section("env-session").unwrap().snippets[1].content,
            "aider --model 'openai/gpt-5.5'\n"
        );
    }
}
