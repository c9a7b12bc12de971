//! OpenCode: a provider in `~/.config/opencode/opencode.json` built on the
//! `@ai-sdk/openai-compatible` package, which appends `/chat/completions` to `baseURL`, and
//! that provider's model selected as the default. A provider without models is dropped by
//! OpenCode, so the model is always listed.

use super::{
    Api, Client, ClientFile, ClientSpec, JsonDialect, KeySpaces, Resolved, Section, Setup, Snippet,
    install_commands,
};
use crate::check::Kind;
use crate::i18n::Msg;
use crate::merge::MergeTarget;
use crate::platform::{Format, Os, Target};
use crate::profile::{Profile, Protocol};
use crate::shell::Shell;

/// The member holding the providers, each under its id.
pub const PROVIDERS: &str = "provider";
/// The member naming the default model, as `<provider id>/<model>`.
pub const MODEL: &str = "model";

/// The relay's provider entry (under `provider.<profile id>`).
pub fn provider(profile: &Profile, base_url: &str, values: &Resolved) -> serde_json::Value {
    serde_json::json!({
        "npm": "@ai-sdk/openai-compatible",
        "name": profile.display_name,
        "options": { "baseURL": base_url, "apiKey": values.key },
        "models": { values.model: { "name": values.model } },
    })
}

/// The default model: the relay provider's model.
pub fn model(profile: &Profile, model: &str) -> String {
    format!("{}/{model}", profile.id)
}

/// The relay as a provider, and the model.
pub const CONFIG_FILE: ClientFile = ClientFile {
    name: "opencode.json",
    kind: Some(Kind::OpencodeConfig),
    merge: Some(MergeTarget::OpenCodeConfig),
};

/// What onramp knows of OpenCode, for the registry (see the module docs of `clients`).
pub const SPEC: ClientSpec = ClientSpec {
    id: "opencode",
    name: "OpenCode",
    rank: 7,
    protocol: Protocol::OpenAi,
    systems: &Os::ALL,
    base_path: |clients| &clients.openai_compatible.base_path,
    appends_v1: false,
    // OpenCode 1.18.33 sends a leading space of the key (`Bearer  sk-…`, 401) and a trailing
    // one, which the relay drops (tests/opencode_doctor_conformance.rs).
    key_spaces: KeySpaces::Sent,
    trims_values: false,
    // OpenCode 1.18.33 reads opencode.json as JSONC, with a byte order mark too (observed).
    json: JsonDialect {
        bom: true,
        comments: true,
    },
    variables: &[],
    uses_shell: false,
    check_step: true,
    files: &[CONFIG_FILE],
    setup,
};

pub fn setup(profile: &Profile, values: &Resolved, target: Target) -> Setup {
    let base_url = Client::Opencode.base_url(profile, values.base_url);
    let config = serde_json::json!({
        "$schema": "https://opencode.ai/config.json",
        PROVIDERS: { profile.id.as_str(): provider(profile, &base_url, values) },
        MODEL: model(profile, values.model),
    });
    // Serialising JSON values cannot fail; the fallback keeps that impossible case panic-free.
    let content = serde_json::to_string_pretty(&config).unwrap_or_default() + "\n";
    // OpenCode keeps its config under ~/.config on every system, Windows included.
    let path = match target.os {
        Os::Windows => "%USERPROFILE%\\.config\\opencode\\opencode.json".to_owned(),
        Os::Macos | Os::Linux | Os::Wsl => "~/.config/opencode/opencode.json".to_owned(),
    };
    let wsl_note = (target.os == Os::Wsl).then_some(Msg::WslHomeNote);
    Setup {
        install: install(target.shell),
        sections: vec![Section {
            id: "config-file",
            title: Msg::OpenCodeTitle,
            notes: Vec::new(),
            snippets: vec![
                Snippet::file(&CONFIG_FILE, path, Format::Json, content)
                    .with_notes([Msg::OpenCodeNote].into_iter().chain(wsl_note)),
            ],
            next_step: Msg::OpenCodeNextStep,
        }],
        request_url: format!("{base_url}{}", Api::ChatCompletions.path(values.model)),
        api: Api::ChatCompletions,
    }
}

/// How to install OpenCode, from its docs (opencode.ai/docs, "Install"): the install script
/// on macOS and Linux, npm everywhere, then `opencode --version`.
fn install(shell: Shell) -> Vec<Snippet> {
    let script = matches!(shell, Shell::Posix | Shell::Fish)
        .then_some("curl -fsSL https://opencode.ai/install | bash");
    install_commands(shell, script, Some(NPM_PACKAGE), "opencode --version")
}

/// OpenCode's npm package, the one the conformance test runs (tests/clients/package.json).
pub const NPM_PACKAGE: &str = "opencode-ai";

#[cfg(test)]
mod tests {
    use crate::clients::{Client, Values};
    use crate::i18n::Lang;
    use crate::platform::{Os, Target};
    use crate::profile::Profile;

    #[test]
    fn the_provider_and_model_are_wired_together() {
        let values = Values {
            key: "sk-oc".into(),
            base_url: String::new(),
            model: "gpt-5.5".into(),
        };
        let setup = Client::Opencode.setup(&Profile::builtin(), &values, Target::new(Os::Linux));
        let file = &setup.sections[0].snippets[0];
        assert_eq!(file.heading(Lang::En), "~/.config/opencode/opencode.json");
        let config: serde_json::Value = serde_json::from_str(&file.content).unwrap();
        let provider = &config["provider"]["4096bytes"];
        assert_eq!(provider["npm"], "@ai-sdk/openai-compatible");
        assert_eq!(provider["options"]["baseURL"], "https://api.4096bytes.com");
        assert_eq!(provider["options"]["apiKey"], "sk-oc");
        assert_eq!(provider["models"]["gpt-5.5"]["name"], "gpt-5.5");
        assert_eq!(config["model"], "4096bytes/gpt-5.5");
    }
}
