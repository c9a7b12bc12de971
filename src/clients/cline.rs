//! Cline and Roo Code (a fork with the same provider): the "OpenAI Compatible" provider, set
//! in the extension's settings screen, or for the Cline command line (npm `cline`) by one
//! `cline auth` command, which saves it in `~/.cline/data/settings/providers.json`.
//!
//! Both hand the base URL to an OpenAI-compatible client that appends `/chat/completions` and
//! adds no `/v1` of its own (read in their sources, see the tests; the command line is run
//! by `tests/cline_conformance.rs`).

use super::{
    Api, Client, ClientSpec, JsonDialect, KeySpaces, Resolved, Section, Setup, Snippet,
    install_commands,
};
use crate::i18n::Msg;
use crate::platform::{Os, Target};
use crate::profile::{Profile, Protocol};
use crate::shell::Shell;

/// The provider id `cline auth -p` takes for an OpenAI-compatible API.
pub const CLI_PROVIDER: &str = "openai-compatible";

/// What onramp knows of Cline / Roo Code, for the registry (see the module docs of `clients`).
pub const SPEC: ClientSpec = ClientSpec {
    id: "cline",
    name: "Cline / Roo Code",
    rank: 10,
    protocol: Protocol::OpenAi,
    systems: &Os::ALL,
    base_path: |clients| &clients.openai_compatible.base_path,
    appends_v1: false,
    key_spaces: KeySpaces::Harmful,
    trims_values: false,
    json: JsonDialect::STRICT,
    variables: &[],
    uses_shell: true,
    check_step: true,
    files: &[],
    setup,
};

pub fn setup(profile: &Profile, values: &Resolved, target: Target) -> Setup {
    let base_url = Client::Cline.base_url(profile, values.base_url);
    let extension = Section {
        id: "settings",
        title: Msg::ClineTitle,
        notes: vec![Msg::ClineOpenSettings, Msg::RooCustomModelNote],
        snippets: vec![
            Snippet::value(Msg::FieldBaseUrl, base_url.clone()),
            Snippet::value(Msg::FieldClineApiKey, values.key.to_owned()),
            Snippet::value(Msg::FieldClineModelId, values.model.to_owned()),
        ],
        next_step: Msg::ClineExtensionNextStep,
    };
    let command = cli_command(target, &base_url, values);
    let mut cli_notes = vec![Msg::ClineCliNote];
    if command.is_none() {
        cli_notes.push(Msg::ShellCannotHoldValue);
    }
    let cli = Section {
        id: "cli",
        title: Msg::ClineCliTitle,
        notes: cli_notes,
        snippets: command
            .map(|content| Snippet::run(target.shell, content))
            .into_iter()
            .collect(),
        next_step: Msg::ClineCliNextStep,
    };
    Setup {
        install: install(target.shell),
        sections: vec![extension, cli],
        request_url: format!("{base_url}{}", Api::ChatCompletions.path(values.model)),
        api: Api::ChatCompletions,
    }
}

/// How to install Cline: the editor extension from the VS Code Marketplace (ids
/// `saoudrizwan.claude-dev` for Cline and `RooVeterinaryInc.roo-cline` for Roo Code, as their
/// marketplace pages name them), and the command line from npm (docs.cline.bot/cline-cli/
/// installation; `cline`, the package the conformance test runs), then `cline --version`.
fn install(shell: Shell) -> Vec<Snippet> {
    let extensions = Snippet::run(
        shell,
        "code --install-extension saoudrizwan.claude-dev\ncode --install-extension RooVeterinaryInc.roo-cline\n".into(),
    )
    .with_notes([Msg::InstallClineExtensionNote]);
    [extensions]
        .into_iter()
        .chain(install_commands(
            shell,
            None,
            Some(NPM_PACKAGE),
            "cline --version",
        ))
        .collect()
}

/// The npm package of the Cline command line (tests/clients/package.json).
pub const NPM_PACKAGE: &str = "cline";

/// `cline auth` with the relay's values, quoted for the target's shell; `None` when the shell
/// cannot hold one of them as an argument.
fn cli_command(target: Target, base_url: &str, values: &Resolved) -> Option<String> {
    let quote = |value: &str| {
        crate::shell::fits_environment(value)
            .then(|| target.shell.quote(value))
            .flatten()
    };
    Some(format!(
        "cline auth -p {CLI_PROVIDER} -b {} -k {} -m {}\n",
        quote(base_url)?,
        quote(values.key)?,
        quote(values.model)?,
    ))
}

#[cfg(test)]
mod tests {
    use crate::clients::{Client, Setup, Values};
    use crate::i18n::Msg;
    use crate::platform::{Os, Target};
    use crate::profile::Profile;
    use crate::shell::Shell;

    fn setup(key: &str, target: Target) -> Setup {
        let values = Values {
            key: key.into(),
            base_url: "https://r.example/".into(),
            model: "m".into(),
        };
        Client::Cline.setup(&Profile::builtin(), &values, target)
    }

    /// The labels as the settings screens show them. Cline (cline/cline at commit 21cb8d25,
    /// extension 4.1.13), `apps/vscode/webview-ui/src/components/settings/providers/
    /// OpenAICompatible.tsx`: "Base URL", an `ApiKeyField` whose label is
    /// `${providerName} API Key` with `providerName="OpenAI Compatible"`, and "Model ID".
    /// Roo Code (RooCodeInc/Roo-Code at commit cb836567, 3.52.1), the same file name in its
    /// `webview-ui`, with `webview-ui/src/i18n/locales/en/settings.json`: "Base URL"
    /// (`providers.openAiBaseUrl`), "API Key" (`providers.apiKey`) and a model picker labelled
    /// "Model" (`modelPicker.label`) that offers "Use custom: {{modelId}}".
    #[test]
    fn the_fields_get_the_relay_values() {
        let setup = setup("sk-c", Target::new(Os::Linux));
        let fields: Vec<_> = setup
            .section("settings")
            .unwrap()
            .snippets
            .iter()
            .map(|s| (s.heading(crate::i18n::Lang::En), s.content.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                ("Base URL".to_owned(), "https://r.example"),
                (
                    "OpenAI Compatible API Key (Roo Code: API Key)".to_owned(),
                    "sk-c"
                ),
                ("Model ID (Roo Code: Model)".to_owned(), "m"),
            ]
        );
    }

    /// Both send `<base URL>/chat/completions` and add no `/v1`. Cline: `sdk/packages/llms/src/
    /// providers/vendors/openai-compatible.ts` passes the base URL as `baseURL` to
    /// `createOpenAICompatible` (`@ai-sdk/openai-compatible`, which appends the endpoint path).
    /// Roo Code: `src/api/providers/openai.ts` passes `openAiBaseUrl` as `baseURL` to the
    /// OpenAI SDK (`https://api.openai.com/v1` when empty, Azure's client for `*.azure.com`).
    #[test]
    fn the_request_goes_to_the_base_url_and_chat_completions() {
        let setup = setup("sk-c", Target::new(Os::Linux));
        assert_eq!(setup.request_url, "https://r.example/chat/completions");
        let mut profile = Profile::builtin();
        profile.clients.openai_compatible.base_path = "/v1".into();
        let values = Values {
            base_url: "https://r.example".into(),
            ..Values::default()
        };
        let setup = Client::Cline.setup(&profile, &values, Target::new(Os::Linux));
        assert_eq!(setup.request_url, "https://r.example/v1/chat/completions");
        assert_eq!(
            setup.section("settings").unwrap().snippets[0].content,
            "https://r.example/v1"
        );
    }

    #[test]
    fn the_command_line_is_quoted_for_each_shell() {
        let command = |shell| {
            let target = Target::with_shell(
                if matches!(shell, Shell::Posix | Shell::Fish) {
                    Os::Linux
                } else {
                    Os::Windows
                },
                shell,
            )
            .unwrap();
            setup("sk-'1'\\z", target).section("cli").unwrap().snippets[0]
                .content
                .clone()
        };
        assert_eq!(
            command(Shell::Posix),
            "cline auth -p openai-compatible -b 'https://r.example' -k 'sk-'\\''1'\\''\\z' -m 'm'\n"
        );
        assert_eq!(
            command(Shell::Fish),
            "cline auth -p openai-compatible -b 'https://r.example' -k 'sk-\\'1\\'\\\\z' -m 'm'\n"
        );
        assert_eq!(
            command(Shell::PowerShell),
            "cline auth -p openai-compatible -b 'https://r.example' -k 'sk-''1''\\z' -m 'm'\n"
        );
        assert_eq!(
            command(Shell::Cmd),
            "cline auth -p openai-compatible -b \"https://r.example\" -k \"sk-'1'\\z\" -m \"m\"\n"
        );
    }

    #[test]
    fn cmd_gets_a_note_instead_of_a_value_it_would_change() {
        let cmd = Target::with_shell(Os::Windows, Shell::Cmd).unwrap();
        let section = setup("sk-100%", cmd).section("cli").unwrap().clone();
        assert!(section.snippets.is_empty());
        assert!(section.notes.contains(&Msg::ShellCannotHoldValue));
        let powershell = Target::new(Os::Windows);
        assert_eq!(
            setup("sk-100%", powershell)
                .section("cli")
                .unwrap()
                .snippets[0]
                .content,
            "cline auth -p openai-compatible -b 'https://r.example' -k 'sk-100%' -m 'm'\n"
        );
    }
}
