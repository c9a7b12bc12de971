//! Continue (the VS Code and JetBrains extension, and its `cn` command line): a model entry
//! with `provider: openai` and `apiBase` in `~/.continue/config.yaml`. Without `apiBase` the
//! key would be sent to OpenAI itself.
//!
//! Both append the endpoint to `apiBase` and add no `/v1` of their own. Which endpoint depends
//! on the model's name: some names go to the Responses API (`/responses`), the others to
//! `/chat/completions`, by a rule that differs between the command line and the extension
//! (see [`cli_endpoint`] and [`extension_endpoint`]). `cn` 1.5.47 is run by
//! `tests/continue_conformance.rs`.
//!
//! `cn`'s first interactive start, without `~/.continue/.onboarding_complete`, ignores this
//! file, asks for an Anthropic key and exits; with `ANTHROPIC_API_KEY` exported, `cn -p`
//! rewrites the file. Starting it with `--config` and the file's path avoids both; `cn` does
//! not expand a `~` in that path itself, so the shell must (see [`cli_start_command`]).

use super::{
    Api, Client, ClientFile, ClientSpec, JsonDialect, KeySpaces, Resolved, Section, Setup, Snippet,
    install_commands,
};
use crate::check::Kind;
use crate::escape;
use crate::i18n::Msg;
use crate::merge::MergeTarget;
use crate::platform::{Format, Os, Target};
use crate::profile::{Profile, Protocol};
use crate::shell::Shell;

/// Continue's folder in the home directory, and its config file there.
pub const CONFIG_DIR: &str = ".continue";
pub const CONFIG_FILE: ClientFile = ClientFile {
    name: "config.yaml",
    kind: Some(Kind::ContinueConfig),
    merge: Some(MergeTarget::ContinueConfig),
};
/// The top-level list of models.
pub const MODELS: &str = "models";

/// The name the relay's model entry is listed under.
pub fn entry_name(profile: &Profile, model: &str) -> String {
    format!("{} {model}", profile.display_name)
}

/// The relay's entry in the `models` list, as YAML lines indented by `indent`.
pub fn model_entry(profile: &Profile, base_url: &str, values: &Resolved, indent: &str) -> String {
    let lines = [
        format!(
            "- name: {}",
            escape::yaml(&entry_name(profile, values.model))
        ),
        "  provider: openai".to_owned(),
        format!("  model: {}", escape::yaml(values.model)),
        format!("  apiBase: {}", escape::yaml(base_url)),
        format!("  apiKey: {}", escape::yaml(values.key)),
        "  roles:".to_owned(),
        "    - chat".to_owned(),
        "    - edit".to_owned(),
        "    - apply".to_owned(),
    ];
    lines
        .iter()
        .map(|line| format!("{indent}{line}\n"))
        .collect()
}

/// The endpoint `cn` calls for `model`: the Responses API for names starting with `gpt-5` or
/// with `o` and a digit, in any case (`/^(?:gpt-5|gpt-5-codex|o[0-9])/i`), whatever the
/// base URL and whatever `useResponsesApi` says.
pub fn cli_endpoint(model: &str) -> Api {
    let lower = model.to_ascii_lowercase();
    let o_digit = lower
        .strip_prefix('o')
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
    if lower.starts_with("gpt-5") || o_digit {
        Api::Responses
    } else {
        Api::ChatCompletions
    }
}

/// The endpoint the editor extension calls for `model` with `provider: openai`: the Responses
/// API for names starting with `o` and a digit, or containing `gpt-5` to `gpt-9` anywhere,
/// case-sensitively (`/^o[0-9]+/` or `/gpt-[5-9]/`), unless the entry says
/// `useResponsesApi: false`, which this file does not.
pub fn extension_endpoint(model: &str) -> Api {
    let o_digit = model
        .strip_prefix('o')
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
    let gpt_5_to_9 = model
        .match_indices("gpt-")
        .any(|(at, _)| model[at + 4..].starts_with(|c: char| ('5'..='9').contains(&c)));
    if o_digit || gpt_5_to_9 {
        Api::Responses
    } else {
        Api::ChatCompletions
    }
}

/// The command that starts `cn` on this file, with its path written so that `shell` expands
/// the home folder (PowerShell and cmd do not know `~`).
pub fn cli_start_command(shell: Shell) -> String {
    let file = CONFIG_FILE.name;
    let path = match shell {
        Shell::Posix | Shell::Fish => format!("~/{CONFIG_DIR}/{file}"),
        Shell::PowerShell => format!("\"$env:USERPROFILE\\{CONFIG_DIR}\\{file}\""),
        Shell::Cmd => format!("\"%USERPROFILE%\\{CONFIG_DIR}\\{file}\""),
    };
    format!("cn --config {path}\n")
}

/// What onramp knows of Continue, for the registry (see the module docs of `clients`).
pub const SPEC: ClientSpec = ClientSpec {
    id: "continue",
    name: "Continue",
    rank: 8,
    protocol: Protocol::OpenAi,
    systems: &Os::ALL,
    base_path: |clients| &clients.openai_compatible.base_path,
    appends_v1: false,
    // cn 1.5.47 sends a leading space of a quoted `apiKey` (401) and a trailing one, which the
    // relay drops (tests/continue_doctor_conformance.rs).
    key_spaces: KeySpaces::Sent,
    trims_values: false,
    json: JsonDialect::STRICT,
    variables: &[],
    uses_shell: true,
    check_step: true,
    files: &[CONFIG_FILE],
    setup,
};

pub fn setup(profile: &Profile, values: &Resolved, target: Target) -> Setup {
    let base_url = Client::ContinueDev.base_url(profile, values.base_url);
    let content = format!(
        "name: {}\nversion: 0.0.1\nschema: v1\n{MODELS}:\n{}",
        escape::yaml(&profile.display_name),
        model_entry(profile, &base_url, values, "  "),
    );
    let wsl_note = (target.os == Os::Wsl).then_some(Msg::WslHomeNote);
    let cli = cli_endpoint(values.model);
    let endpoint_note = match (cli, extension_endpoint(values.model)) {
        (Api::ChatCompletions, Api::Responses) => Some(Msg::ContinueExtensionUsesResponses),
        (Api::Responses, Api::ChatCompletions) => Some(Msg::ContinueExtensionUsesChat),
        _ => None,
    };
    let file = Snippet::file(
        &CONFIG_FILE,
        target.os.home_path(CONFIG_DIR, CONFIG_FILE.name),
        Format::Yaml,
        content,
    )
    .with_notes([Msg::ContinueNote].into_iter().chain(wsl_note));
    let config_file = Section {
        id: "config-file",
        title: Msg::ContinueTitle,
        notes: endpoint_note.into_iter().collect(),
        snippets: vec![file.clone()],
        next_step: Msg::ContinueExtensionNextStep,
    };
    // The command line's section is whole: the same file, and the command that reads it.
    let start_cli = Section {
        id: "start-cli",
        title: Msg::ContinueCliTitle,
        notes: vec![Msg::ContinueCliOnboardingNote],
        snippets: vec![
            file,
            Snippet::run(target.shell, cli_start_command(target.shell)),
        ],
        next_step: Msg::ContinueStartCli,
    };
    Setup {
        install: install(target.shell),
        sections: vec![config_file, start_cli],
        request_url: format!("{base_url}{}", cli.path(values.model)),
        api: cli,
    }
}

/// How to install Continue: the editor extension from the VS Code Marketplace (its id,
/// `Continue.continue`, from the marketplace link in continuedev/continue `docs/index.mdx`),
/// and the command line from npm (docs.continue.dev/cli/install; `@continuedev/cli`, the
/// package the conformance test runs), then `cn --version`.
fn install(shell: Shell) -> Vec<Snippet> {
    let extension = Snippet::run(shell, "code --install-extension Continue.continue\n".into())
        .with_notes([Msg::InstallExtensionNote]);
    [extension]
        .into_iter()
        .chain(install_commands(
            shell,
            None,
            Some(NPM_PACKAGE),
            "cn --version",
        ))
        .collect()
}

/// The npm package of Continue's command line, the one the conformance test runs
/// (tests/clients/package.json).
pub const NPM_PACKAGE: &str = "@continuedev/cli";

// Native only: reads the YAML back with yaml-rust2, a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::clients::{Client, Values};
    use crate::i18n::Lang;
    use crate::platform::{Os, Target};
    use crate::profile::Profile;
    use yaml_rust2::YamlLoader;

    fn setup_for(model: &str) -> Setup {
        let values = Values {
            key: "sk-co".into(),
            base_url: String::new(),
            model: model.into(),
        };
        Client::ContinueDev.setup(&Profile::builtin(), &values, Target::new(Os::Linux))
    }

    #[test]
    fn the_yaml_reads_back_with_the_typed_values() {
        for (key, model) in [("sk-co", "gpt-5.5"), ("sk-\"q\": #x", "a: b # c\n- d")] {
            let values = Values {
                key: key.into(),
                base_url: String::new(),
                model: model.into(),
            };
            let setup =
                Client::ContinueDev.setup(&Profile::builtin(), &values, Target::new(Os::Windows));
            let file = &setup.sections[0].snippets[0];
            assert_eq!(
                file.heading(Lang::En),
                "%USERPROFILE%\\.continue\\config.yaml"
            );
            let docs = YamlLoader::load_from_str(&file.content).unwrap();
            let entry = &docs[0]["models"][0];
            assert_eq!(docs[0]["schema"].as_str(), Some("v1"));
            assert_eq!(entry["provider"].as_str(), Some("openai"));
            assert_eq!(entry["model"].as_str(), Some(model));
            assert_eq!(entry["apiKey"].as_str(), Some(key));
            assert_eq!(entry["apiBase"].as_str(), Some("https://api.4096bytes.com"));
        }
    }

    #[test]
    fn the_command_line_is_started_on_the_file_with_a_path_each_shell_expands() {
        let command = |os, shell| {
            let target = Target::with_shell(os, shell).unwrap();
            let setup = Client::ContinueDev.setup(&Profile::builtin(), &Values::default(), target);
            let section = setup.section("start-cli").unwrap().clone();
            assert_eq!(section.notes, [Msg::ContinueCliOnboardingNote]);
            section.snippets[1].content.clone()
        };
        assert_eq!(
            command(Os::Linux, Shell::Posix),
            "cn --config ~/.continue/config.yaml\n"
        );
        assert_eq!(
            command(Os::Macos, Shell::Fish),
            "cn --config ~/.continue/config.yaml\n"
        );
        assert_eq!(
            command(Os::Windows, Shell::PowerShell),
            "cn --config \"$env:USERPROFILE\\.continue\\config.yaml\"\n"
        );
        assert_eq!(
            command(Os::Windows, Shell::Cmd),
            "cn --config \"%USERPROFILE%\\.continue\\config.yaml\"\n"
        );
    }

    /// `cn` 1.5.47 (npm `@continuedev/cli`, whose package ships its sources): in
    /// `src/util/exponentialBackoff.ts` it streams through the Responses API whenever
    /// `isResponsesModel(model)` holds; that function, in continuedev/continue
    /// `packages/openai-adapters/src/apis/openaiResponses.ts` (read at commit d0a3c0b6,
    /// 2026-06-18, and in the package's bundle), tests `/^(?:gpt-5|gpt-5-codex|o[0-9])/i`.
    #[test]
    fn the_command_line_picks_the_endpoint_like_cn_1_5_47() {
        for model in [
            "gpt-5",
            "gpt-5.5",
            "GPT-5-codex",
            "gpt-5o",
            "o1",
            "o3-mini",
            "O4",
        ] {
            assert_eq!(cli_endpoint(model), Api::Responses, "{model}");
        }
        for model in [
            "gpt-4o",
            "gpt-6",
            "deepseek-chat",
            "openai/gpt-5",
            "o",
            "omni-1",
            "",
            "gpt-4.1",
        ] {
            assert_eq!(cli_endpoint(model), Api::ChatCompletions, "{model}");
        }
    }

    /// The extension 1.3.40 (continuedev/continue at commit d0a3c0b6, 2026-06-18):
    /// `core/llm/index.ts` `canUseOpenAIResponses` takes the Responses API when the provider is
    /// `openai`, `useResponsesApi` is not `false` and `isOSeriesOrGpt5PlusModel(model)` holds,
    /// which `core/llm/llms/OpenAI.ts` defines as `/^o[0-9]+/` or `/gpt-[5-9]/`.
    #[test]
    fn the_extension_picks_the_endpoint_like_its_source() {
        for model in [
            "gpt-5.5",
            "gpt-6",
            "gpt-7-turbo",
            "o1",
            "o77-mini",
            "openai/gpt-5",
        ] {
            assert_eq!(extension_endpoint(model), Api::Responses, "{model}");
        }
        for model in [
            "gpt-4.5",
            "gpt-o4-mini",
            "os1",
            "1os",
            "O3",
            "GPT-5",
            "deepseek-chat",
            "",
        ] {
            assert_eq!(extension_endpoint(model), Api::ChatCompletions, "{model}");
        }
    }

    /// How the extension uses `apiBase` (continuedev/continue at commit d0a3c0b6): the
    /// constructor in `core/llm/index.ts` adds a trailing `/`, `_getEndpoint` in
    /// `core/llm/llms/OpenAI.ts` resolves `new URL(endpoint, apiBase)`, and chat goes through
    /// `packages/openai-adapters`, which hands `apiBase` to the OpenAI SDK as `baseURL`: both
    /// give `{apiBase}/chat/completions` or `{apiBase}/responses`, with no `/v1` of their own
    /// (`https://api.openai.com/v1/` is only the default when `apiBase` is missing).
    #[test]
    fn the_request_url_is_api_base_and_the_endpoint() {
        let mut profile = Profile::builtin();
        profile.clients.openai_compatible.base_path = "/v1".into();
        let values = Values {
            key: "k".into(),
            base_url: "https://r.example/".into(),
            model: "deepseek-chat".into(),
        };
        let setup = Client::ContinueDev.setup(&profile, &values, Target::new(Os::Linux));
        assert_eq!(setup.request_url, "https://r.example/v1/chat/completions");
        let docs = YamlLoader::load_from_str(&setup.sections[0].snippets[0].content).unwrap();
        assert_eq!(
            docs[0]["models"][0]["apiBase"].as_str(),
            Some("https://r.example/v1")
        );
    }

    #[test]
    fn the_request_url_follows_the_command_lines_rule_and_notes_the_extensions() {
        let chat = setup_for("deepseek-chat");
        assert_eq!(
            chat.request_url,
            "https://api.4096bytes.com/chat/completions"
        );
        assert!(chat.sections[0].notes.is_empty());

        let responses = setup_for("gpt-5.5");
        assert_eq!(responses.request_url, "https://api.4096bytes.com/responses");
        assert!(responses.sections[0].notes.is_empty());

        let differs = setup_for("gpt-6");
        assert_eq!(
            differs.request_url,
            "https://api.4096bytes.com/chat/completions"
        );
        assert!(
            differs.sections[0]
                .notes
                .contains(&Msg::ContinueExtensionUsesResponses)
        );
        let differs = setup_for("O3");
        assert_eq!(differs.request_url, "https://api.4096bytes.com/responses");
        assert!(
            differs.sections[0]
                .notes
                .contains(&Msg::ContinueExtensionUsesChat)
        );
    }
}
