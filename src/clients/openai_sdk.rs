//! The official OpenAI SDKs for Python and Node.js: both read `OPENAI_BASE_URL` and
//! `OPENAI_API_KEY` when the client is created without arguments, then append the endpoint
//! path (`/chat/completions`) to the base URL. The examples rely on exactly that, so the
//! same two variables serve any program built on these SDKs.

use super::{
    Api, Client, ClientFile, ClientSpec, EnvSetup, JsonDialect, KeySpaces, Resolved, Setup,
    Snippet, env_sections,
};
use crate::escape;
use crate::i18n::Msg;
use crate::platform::{Format, Os, Target};
use crate::profile::{Profile, Protocol};
use crate::shell::EnvChange;
use crate::shell::Shell;

/// Where the SDKs (and many tools built on them) send their requests.
pub const BASE_URL_VARIABLE: &str = "OPENAI_BASE_URL";
/// The key the SDKs send as `Authorization: Bearer <key>`.
pub const API_KEY_VARIABLE: &str = "OPENAI_API_KEY";

/// The Python example, in the current folder.
pub const PYTHON_EXAMPLE: ClientFile = ClientFile {
    name: "example.py",
    kind: None,
    merge: None,
};

/// The Node.js example, in the current folder.
pub const NODE_EXAMPLE: ClientFile = ClientFile {
    name: "example.mjs",
    kind: None,
    merge: None,
};

/// What onramp knows of OpenAI SDKs (Python, Node.js), for the registry (see the module docs of `clients`).
pub const SPEC: ClientSpec = ClientSpec {
    id: "openai-sdk",
    name: "OpenAI SDKs (Python, Node.js)",
    rank: 5,
    protocol: Protocol::OpenAi,
    systems: &Os::ALL,
    base_path: |clients| &clients.openai_compatible.base_path,
    appends_v1: false,
    // The OpenAI Python SDK 3.54 sends a leading space (`Bearer  sk-…`) and refuses to send a
    // trailing one.
    key_spaces: KeySpaces::Harmful,
    // The OpenAI Python SDK 3.54 sends a model's final space and fails on a base URL's.
    trims_values: false,
    json: JsonDialect::STRICT,
    variables: &[],
    uses_shell: true,
    check_step: true,
    files: &[PYTHON_EXAMPLE, NODE_EXAMPLE],
    setup,
};

pub fn setup(profile: &Profile, values: &Resolved, target: Target) -> Setup {
    let base_url = Client::OpenaiSdk.base_url(profile, values.base_url);
    // A JSON string literal is also a valid Python and JavaScript string literal.
    let model = escape::json(values.model);
    // Both examples go with either way of setting the variables: each section is whole.
    let examples = [
        Snippet::file(
            &PYTHON_EXAMPLE,
            PYTHON_EXAMPLE.name.into(),
            Format::Python,
            python_example(&model),
        )
        .with_notes([Msg::SdkPythonNote]),
        Snippet::file(
            &NODE_EXAMPLE,
            NODE_EXAMPLE.name.into(),
            Format::JavaScript,
            node_example(&model),
        )
        .with_notes([Msg::SdkNodeNote]),
    ];
    let sections = env_sections(
        target,
        EnvSetup {
            change: EnvChange {
                set: &[
                    (BASE_URL_VARIABLE, &base_url),
                    (API_KEY_VARIABLE, values.key),
                ],
                unset: &[],
            },
            notes: &[Msg::SdkEnvNote],
            files: &[],
            then: &examples,
            next_steps: [Msg::SdkEnvSessionNextStep, Msg::SdkEnvPersistentNextStep],
        },
    );
    Setup {
        install: install(target.shell),
        sections,
        request_url: format!("{base_url}{}", Api::ChatCompletions.path(values.model)),
        api: Api::ChatCompletions,
    }
}

/// The SDKs' packages, as their READMEs install them (`pip install openai`, `npm install
/// openai`; the same packages the conformance test runs, tests/requirements.txt and
/// tests/package.json). The Node package is installed where example.mjs is, not globally.
fn install(shell: Shell) -> Vec<Snippet> {
    vec![
        Snippet::run(shell, "pip install openai\n".into()).with_notes([Msg::InstallSdkPythonNote]),
        Snippet::run(shell, format!("npm install {NPM_PACKAGE}\n"))
            .with_notes([Msg::InstallSdkNodeNote]),
    ]
}

/// The Node SDK's npm package.
pub const NPM_PACKAGE: &str = "openai";

fn python_example(model: &str) -> String {
    format!(
        r#"from openai import OpenAI

client = OpenAI()  # reads OPENAI_BASE_URL and OPENAI_API_KEY
completion = client.chat.completions.create(
    model={model},
    messages=[{{"role": "user", "content": "Say hello"}}],
)
print(completion.choices[0].message.content)
"#
    )
}

fn node_example(model: &str) -> String {
    format!(
        r#"import OpenAI from "openai";

const client = new OpenAI(); // reads OPENAI_BASE_URL and OPENAI_API_KEY
const completion = await client.chat.completions.create({{
  model: {model},
  messages: [{{ role: "user", content: "Say hello" }}],
}});
console.log(completion.choices[0].message.content);
"#
    )
}

#[cfg(test)]
mod tests {
    use crate::clients::{Client, Values};
    use crate::platform::{Os, Target};
    use crate::profile::Profile;

    #[test]
    fn variables_and_examples_use_the_relay() {
        let values = Values {
            key: "sk-1".into(),
            base_url: String::new(),
            model: "m\"x".into(),
        };
        let setup = Client::OpenaiSdk.setup(&Profile::builtin(), &values, Target::new(Os::Linux));
        let session = &setup.sections[0].snippets[0].content;
        assert_eq!(
            session,
            "export OPENAI_BASE_URL='https://api.4096bytes.com'\nexport OPENAI_API_KEY='sk-1'\n"
        );
        for section in ["env-session", "env-persistent"] {
            let snippets = &setup.section(section).unwrap().snippets;
            let python = &snippets[1].content;
            assert!(python.contains(r#"model="m\"x","#), "{python}");
            let node = &snippets[2].content;
            assert!(node.contains(r#"model: "m\"x","#), "{node}");
        }
        assert_eq!(
            setup.request_url,
            "https://api.4096bytes.com/chat/completions"
        );
    }
}
