//! The clients onramp writes setup for: what each needs, and what it writes where.
//!
//! A client is one file, `src/clients/<module>.rs`: its setup, the facts the doctor and the
//! merge read about it, and its [`ClientSpec`] (`pub const SPEC: ClientSpec`), which says
//! who it is, where it runs, how it reads a key and a JSON file, which files it writes (with
//! the doctor's [`Kind`] and the merge's [`MergeTarget`] for each) and which function makes
//! its setup. build.rs makes the registry from those files (its `Registry`): the module
//! declarations, the [`Client`] enum (`claude_code.rs` is `Client::ClaudeCode`),
//! [`Client::ALL`] and [`Client::spec`]; adding a client is adding its file. The methods of
//! [`Client`] below read the spec.
//!
//! A client turns the customer's [`Values`] into a [`Setup`] for one [`Target`] (system and
//! shell): one or more alternative [`Section`]s (a settings file, environment variables…),
//! each made of [`Snippet`]s, plus the URL the client will call, so people see where each
//! path comes from.

include!(concat!(env!("OUT_DIR"), "/clients_registry.rs"));

client_modules!();
/// Not a client: which clients a relay offers.
pub mod lineup;

use crate::check::Kind;
use crate::i18n::{Lang, Msg};
use crate::merge::MergeTarget;
use crate::platform::{Format, Os, Target};
use crate::profile::{ClientProfiles, Profile, Protocol};
use crate::shell::Shell;
use crate::shell::{EnvChange, Scope};

/// The API a client calls at its request URL: what its requests look like, so that one test
/// request can be made the way the client makes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Api {
    /// OpenAI's Chat Completions: `POST …/chat/completions`, the key as a bearer token.
    ChatCompletions,
    /// OpenAI's Responses API: `POST …/responses`, the key as a bearer token.
    Responses,
    /// Anthropic's Messages API as Claude Code calls it: `POST …/v1/messages`, the key as a
    /// bearer token (from `ANTHROPIC_AUTH_TOKEN`) and an `anthropic-version` header.
    Messages,
    /// Google's Gemini API as Gemini CLI calls it: `POST
    /// …/v1beta/models/<model>:streamGenerateContent?alt=sse`, the key in `x-goog-api-key`.
    StreamGenerateContent,
}

impl Api {
    /// The path (and query) the client appends to its base URL to call `model`.
    pub fn path(self, model: &str) -> String {
        match self {
            Api::ChatCompletions => "/chat/completions".to_owned(),
            Api::Responses => "/responses".to_owned(),
            Api::Messages => "/v1/messages".to_owned(),
            Api::StreamGenerateContent => format!(
                "/v1beta/models/{}:streamGenerateContent?alt=sse",
                gemini_cli::path_segment(model)
            ),
        }
    }
}

/// What a client's module declares about it (its `SPEC`): every fact about the client that
/// is not in its setup's code.
#[derive(Debug, Clone, Copy)]
pub struct ClientSpec {
    /// The stable id used on the command line, in JSON and in profiles.
    pub id: &'static str,
    /// The name shown to people.
    pub name: &'static str,
    /// Where the client stands in lists (the page's choice, `onramp clients`, a relay's
    /// clients when its profile lists none): 1 first. No two clients share one.
    pub rank: u8,
    /// The API the client speaks to the relay.
    pub protocol: Protocol,
    /// The systems the client runs on. Desktop apps have no WSL flavour.
    pub systems: &'static [Os],
    /// Where in the profile the path this relay wants after its base URL is, for this
    /// client's base URL setting.
    pub base_path: fn(&ClientProfiles) -> &str,
    /// Whether the client appends `/v1` to its base URL itself, whatever is there (so a `/v1`
    /// there is doubled).
    pub appends_v1: bool,
    /// What spaces and tabs at either end of the key do with this client.
    pub key_spaces: KeySpaces,
    /// Whether the client trims the whitespace around a key, base URL and model name it
    /// reads, ideographic spaces (U+3000) included, as JavaScript's `trim()` does.
    pub trims_values: bool,
    /// How the client reads its JSON settings file, if it has one.
    pub json: JsonDialect,
    /// Environment variables only this client reads, so that their name tells which client a
    /// pasted line is for.
    pub variables: &'static [&'static str],
    /// Whether the setup has shell commands, so that the shell matters.
    pub uses_shell: bool,
    /// Whether the page follows the setup with "check that it works" (the one request of
    /// [`Client::check`]).
    pub check_step: bool,
    /// The files the setup writes.
    pub files: &'static [ClientFile],
    /// The setup for `target`, from the values to write.
    pub setup: fn(&Profile, &Resolved, Target) -> Setup,
}

/// What spaces and tabs at the ends of a key do, observed against a loopback relay and
/// re-checked by the conformance tests (`key_whitespace_verdicts_match_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeySpaces {
    /// The client trims both ends.
    Trimmed,
    /// The client sends both, so only the trailing ones are dropped (by the server: HTTP
    /// drops whitespace after a header's value, not inside it).
    Sent,
    /// The client is harmed by both, or was not run that way and is taken to be.
    Harmful,
}

/// How a client reads a JSON settings file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonDialect {
    /// Whether it reads a file that starts with a byte order mark.
    pub bom: bool,
    /// Whether it reads `//` and `/* */` comments.
    pub comments: bool,
}

impl JsonDialect {
    /// Strict JSON: no byte order mark, no comments.
    pub const STRICT: JsonDialect = JsonDialect {
        bom: false,
        comments: false,
    };
}

/// A file a client's setup writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientFile {
    /// The file's name alone, as the setup writes it and downloads it.
    pub name: &'static str,
    /// What the doctor reads it as, if it has a checker for it.
    pub kind: Option<Kind>,
    /// What the relay's settings are merged into when people already have the file.
    pub merge: Option<MergeTarget>,
}

/// Every variable a client's spec names as its own, with the client, in one table made while
/// compiling (a loop over the specs at run time was 300 bytes more of the doctor's wasm).
const OWN_VARIABLES: [(&str, Client); own_variable_count()] = own_variables();

const fn own_variable_count() -> usize {
    let mut count = 0;
    let mut client = 0;
    while client < Client::ALL.len() {
        count += Client::ALL[client].spec().variables.len();
        client += 1;
    }
    count
}

const fn own_variables<const N: usize>() -> [(&'static str, Client); N] {
    let mut table = [("", Client::Codex); N];
    let mut filled = 0;
    let mut client = 0;
    while client < Client::ALL.len() {
        let variables = Client::ALL[client].spec().variables;
        let mut variable = 0;
        while variable < variables.len() {
            table[filled] = (variables[variable], Client::ALL[client]);
            filled += 1;
            variable += 1;
        }
        client += 1;
    }
    table
}

impl Client {
    /// The stable id used on the command line and in JSON.
    pub fn id(self) -> &'static str {
        read_spec!(self, |spec| spec.id)
    }

    pub fn name(self) -> &'static str {
        read_spec!(self, |spec| spec.name)
    }

    pub fn from_id(id: &str) -> Option<Client> {
        Client::ALL.into_iter().find(|client| client.id() == id)
    }

    /// The path this relay wants after its base URL in this client's base URL setting.
    pub fn base_path(self, profile: &Profile) -> &str {
        read_spec!(self, |spec| (spec.base_path)(&profile.clients))
    }

    /// The base URL to give this client: the relay's (or the typed) base URL followed by the
    /// path the relay wants for this client.
    pub fn base_url(self, profile: &Profile, typed_base_url: &str) -> String {
        Profile::client_base_url(typed_base_url, self.base_path(profile))
    }

    /// Whether the client appends `/v1` to its base URL itself, whatever is there (so a `/v1`
    /// there is doubled).
    pub fn appends_v1(self) -> bool {
        read_spec!(self, |spec| spec.appends_v1)
    }

    /// Whether spaces and tabs at `end` of the key do no harm with this client: it trims
    /// them, or HTTP does.
    pub fn drops_key_spaces(self, end: KeyEnd) -> bool {
        match read_spec!(self, |spec| spec.key_spaces) {
            KeySpaces::Trimmed => true,
            KeySpaces::Sent => end == KeyEnd::End,
            KeySpaces::Harmful => false,
        }
    }

    /// Whether the client trims the whitespace around a key, base URL and model name it reads.
    pub fn trims_values(self) -> bool {
        read_spec!(self, |spec| spec.trims_values)
    }

    /// Whether the client reads a JSON settings file that starts with a byte order mark.
    pub fn reads_json_with_bom(self) -> bool {
        read_spec!(self, |spec| spec.json.bom)
    }

    /// Whether the client reads `//` and `/* */` comments in its JSON settings file.
    pub fn reads_json_comments(self) -> bool {
        read_spec!(self, |spec| spec.json.comments)
    }

    /// The client that reads an environment variable of this name, where the name tells:
    /// the variables a client's spec names as its own, and the variable the relay's Codex
    /// setup names in `env_key`. The SDKs' `OPENAI_*` names are read by many clients, so they
    /// tell nothing.
    pub fn reading_variable(name: &str, profile: &Profile) -> Option<Client> {
        OWN_VARIABLES
            .iter()
            .find(|(variable, _)| *variable == name)
            .map(|&(_, client)| client)
            .or_else(|| (name == profile.clients.codex.env_key).then_some(Client::Codex))
    }

    /// Whether the setup has shell commands, so that the shell matters.
    pub fn uses_shell(self) -> bool {
        read_spec!(self, |spec| spec.uses_shell)
    }

    /// Whether the page follows this client's setup with "check that it works" (the one
    /// request of [`Client::check`]).
    pub fn has_check_step(self) -> bool {
        read_spec!(self, |spec| spec.check_step)
    }

    /// The systems the client runs on. Desktop apps have no WSL flavour.
    pub fn systems(self) -> &'static [Os] {
        read_spec!(self, |spec| spec.systems)
    }

    /// The API the client speaks to the relay.
    pub fn protocol(self) -> Protocol {
        read_spec!(self, |spec| spec.protocol)
    }

    /// The files the client's setup writes.
    pub fn files(self) -> &'static [ClientFile] {
        read_spec!(self, |spec| spec.files)
    }

    /// The file of the client's setup named `file_name`.
    pub fn file(self, file_name: &str) -> Option<&'static ClientFile> {
        self.files().iter().find(|file| file.name == file_name)
    }

    /// The one request that proves this client's setup works: the client's API at the URL the
    /// setup states, with the key sent the way the client sends it and the chosen model.
    pub fn check(self, profile: &Profile, values: &Values, target: Target) -> Section {
        let setup = self.setup(profile, values, target);
        curl::check(
            setup.api,
            &setup.request_url,
            &values.resolve(profile),
            target,
        )
    }

    /// The setup for this client on `target`.
    pub fn setup(self, profile: &Profile, values: &Values, target: Target) -> Setup {
        let values = values.resolve(profile);
        read_spec!(self, |spec| (spec.setup)(profile, &values, target))
    }
}

/// One end of a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyEnd {
    Start,
    End,
}

/// What the customer typed. Empty fields fall back to the profile's placeholders (key, model)
/// or its base URL, so the generated text doubles as documentation.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Values {
    pub key: String,
    pub base_url: String,
    pub model: String,
}

impl Values {
    /// The values to write: typed ones verbatim (the checker flags their mistakes rather than
    /// this silently changing them), empty ones replaced from the profile.
    pub fn resolve<'a>(&'a self, profile: &'a Profile) -> Resolved<'a> {
        let or =
            |typed: &'a str, fallback: &'a str| if typed.is_empty() { fallback } else { typed };
        Resolved {
            key: or(&self.key, &profile.placeholders.api_key),
            base_url: or(&self.base_url, &profile.base_url),
            model: or(&self.model, &profile.placeholders.model),
        }
    }
}

/// The values a client writes: typed ones, or the profile's where nothing was typed.
pub struct Resolved<'a> {
    pub key: &'a str,
    pub base_url: &'a str,
    pub model: &'a str,
}

/// What a snippet is: a file to write, commands to paste into a shell, or a value to paste
/// into a field of a settings screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SnippetKind {
    File {
        /// The file's name alone, for downloads.
        file_name: &'static str,
        /// Where the file goes on the chosen system, as the user would type it.
        path: String,
    },
    Commands {
        shell: Shell,
        /// For commands that set variables: for how long they hold (which says how to use
        /// them: paste into the terminal, or keep for every new one). `None` for a command to
        /// run.
        scope: Option<Scope>,
    },
    Value {
        /// The field's name as the client's settings screen shows it.
        field: Msg,
    },
    /// A link to open: one that hands the values to an installed app (a custom URL scheme),
    /// or a desktop app's download page.
    Link { label: Msg },
}

/// One piece of text to copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub kind: SnippetKind,
    pub format: Format,
    pub content: String,
    /// Where and how to use it.
    pub notes: Vec<Msg>,
}

impl Snippet {
    /// `file`, one its client's spec declares, at `path`.
    fn file(file: &ClientFile, path: String, format: Format, content: String) -> Snippet {
        Snippet {
            kind: SnippetKind::File {
                file_name: file.name,
                path,
            },
            format,
            content,
            notes: Vec::new(),
        }
    }

    /// Commands to run in `shell` (not variables to keep).
    fn run(shell: Shell, content: String) -> Snippet {
        Snippet {
            kind: SnippetKind::Commands { shell, scope: None },
            format: shell.format(),
            content,
            notes: Vec::new(),
        }
    }

    fn value(field: Msg, content: String) -> Snippet {
        Snippet {
            kind: SnippetKind::Value { field },
            format: Format::Text,
            content,
            notes: Vec::new(),
        }
    }

    fn with_notes(mut self, notes: impl IntoIterator<Item = Msg>) -> Snippet {
        self.notes.extend(notes);
        self
    }

    /// What the snippet is headed with: the file's path, the shell's name, or the field's.
    pub fn heading(&self, lang: Lang) -> String {
        match &self.kind {
            SnippetKind::File { path, .. } => path.clone(),
            SnippetKind::Commands { shell, .. } => shell.name().to_owned(),
            SnippetKind::Value { field: label } | SnippetKind::Link { label } => {
                label.text(lang).to_owned()
            }
        }
    }

    /// The name to download the snippet under.
    pub fn file_name(&self) -> &'static str {
        match self.kind {
            SnippetKind::File { file_name, .. } => file_name,
            SnippetKind::Commands {
                shell: Shell::PowerShell,
                ..
            } => "onramp.ps1",
            SnippetKind::Commands {
                shell: Shell::Cmd, ..
            } => "onramp.cmd",
            SnippetKind::Commands {
                shell: Shell::Posix | Shell::Fish,
                ..
            } => "onramp.sh",
            SnippetKind::Value { .. } | SnippetKind::Link { .. } => "value.txt",
        }
    }
}

/// One way to set the client up; a client may offer several (a settings file, or variables).
/// Each is a whole setup on its own: its files and commands, applied as their notes say, are
/// all the client needs once installed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Stable within a client, e.g. `settings-file`, `env-session`.
    pub id: &'static str,
    pub title: Msg,
    pub notes: Vec<Msg>,
    pub snippets: Vec<Snippet>,
    /// What to do once this section's files and commands are in place.
    pub next_step: Msg,
}

/// Everything a client needs on one system.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setup {
    /// How to install the client, before any of its sections: the official commands for the
    /// target's shell, or the download page of a desktop app.
    pub install: Vec<Snippet>,
    pub sections: Vec<Section>,
    /// The URL the client will send its requests to, once set up.
    pub request_url: String,
    /// The API the client calls there.
    pub api: Api,
}

impl Setup {
    /// The section with this id.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|section| section.id == id)
    }

    /// Calls `change` on the text of every snippet: the install commands' and each
    /// alternative's.
    pub fn for_each_snippet(&mut self, mut change: impl FnMut(&mut String)) {
        let sections = self.sections.iter_mut().flat_map(|s| &mut s.snippets);
        for snippet in self.install.iter_mut().chain(sections) {
            change(&mut snippet.content);
        }
    }

    /// The id of the alternative shown: the one asked for, if this setup has it, else the
    /// first (a link's alternative may be another client's).
    pub fn shown_section(&self, asked: Option<&str>) -> &'static str {
        asked
            .and_then(|id| self.section(id))
            .or(self.sections.first())
            .map_or("", |section| section.id)
    }
}

/// How to install a command-line client in `shell`: its official installer, if it has one for
/// that shell; else, or also, npm (`npm install -g <package>`, which runs in every shell); then
/// the command that prints its version, in a new terminal.
fn install_commands(
    shell: Shell,
    installer: Option<&str>,
    npm_package: Option<&str>,
    version: &str,
) -> Vec<Snippet> {
    let installer = installer.map(|command| {
        Snippet::run(shell, format!("{command}\n")).with_notes([Msg::InstallScriptNote])
    });
    let npm_note = if installer.is_some() {
        Msg::InstallNpmOrNote
    } else {
        Msg::InstallNpmNote
    };
    let npm = npm_package.map(|package| {
        Snippet::run(shell, format!("npm install -g {package}\n")).with_notes([npm_note])
    });
    installer
        .into_iter()
        .chain(npm)
        .chain([Snippet::run(shell, format!("{version}\n")).with_notes([Msg::InstallVersionNote])])
        .collect()
}

/// A desktop app's official download page, to install it from.
fn download_page(url: &str) -> Snippet {
    Snippet {
        kind: SnippetKind::Link {
            label: Msg::FieldDownloadPage,
        },
        format: Format::Text,
        content: url.to_owned(),
        notes: vec![Msg::InstallDownloadNote],
    }
}

/// What a setup through environment variables is made of, besides the variables.
struct EnvSetup<'a> {
    change: EnvChange<'a>,
    /// Notes for both sections.
    notes: &'a [Msg],
    /// Files the variables go with, written first (the same for both sections).
    files: &'a [Snippet],
    /// What to run once the variables are set (a start command, an example).
    then: &'a [Snippet],
    /// The next step of the section for this terminal, and of the one for every new terminal.
    next_steps: [Msg; 2],
}

/// The two sections that set the variables in the target's shell: for this terminal, and for
/// good, each a whole setup with the files and commands that go with the variables. A value
/// the shell cannot hold safely turns a section into a note saying so.
fn env_sections(target: Target, env: EnvSetup) -> Vec<Section> {
    [
        (Scope::Session, "env-session", Msg::SectionEnvSession),
        (
            Scope::Persistent,
            "env-persistent",
            Msg::SectionEnvPersistent,
        ),
    ]
    .into_iter()
    .zip(env.next_steps)
    .map(|((scope, id, title), next_step)| {
        let mut notes = env.notes.to_vec();
        let snippets = match target.shell.commands(env.change, scope) {
            Some(content) => {
                let variables = Snippet {
                    kind: SnippetKind::Commands {
                        shell: target.shell,
                        scope: Some(scope),
                    },
                    format: target.shell.format(),
                    content,
                    notes: vec![target.shell.instruction(scope)],
                };
                let mut snippets = env.files.to_vec();
                snippets.push(variables);
                snippets.extend_from_slice(env.then);
                snippets
            }
            None => {
                notes.push(Msg::ShellCannotHoldValue);
                Vec::new()
            }
        };
        Section {
            id,
            title,
            notes,
            snippets,
            next_step,
        }
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_client_has_a_setup_for_every_system_and_shell() {
        let profile = Profile::builtin();
        for client in Client::ALL {
            for &os in client.systems() {
                for &shell in Shell::for_os(os) {
                    let target = Target::with_shell(os, shell).unwrap();
                    let setup = client.setup(&profile, &Values::default(), target);
                    assert!(!setup.sections.is_empty(), "{client:?} {os:?} {shell:?}");
                    let has_commands = setup
                        .sections
                        .iter()
                        .flat_map(|s| &s.snippets)
                        .any(|s| matches!(s.kind, SnippetKind::Commands { .. }));
                    assert_eq!(has_commands, client.uses_shell(), "{client:?}");
                    assert!(setup.request_url.starts_with("https://api.4096bytes.com/"));
                    let ids: Vec<_> = setup.sections.iter().map(|s| s.id).collect();
                    let mut unique = ids.clone();
                    unique.sort();
                    unique.dedup();
                    assert_eq!(ids.len(), unique.len(), "section ids are unique: {ids:?}");
                }
            }
        }
        assert_eq!(Target::with_shell(Os::Linux, Shell::Cmd), None);
    }

    /// Every target of every client, with its setup for `values`.
    fn every_setup(values: &Values) -> Vec<(Client, Target, Setup)> {
        let profile = Profile::builtin();
        let mut setups = Vec::new();
        for client in Client::ALL {
            for &os in client.systems() {
                for &shell in Shell::for_os(os) {
                    let target = Target::with_shell(os, shell).unwrap();
                    setups.push((client, target, client.setup(&profile, values, target)));
                }
            }
        }
        setups
    }

    /// What a snippet hands over, as text: its content, or the provider data an import link
    /// carries (base64 JSON after `data=`).
    fn handed_over(snippet: &Snippet) -> String {
        use base64::Engine;
        match snippet.kind {
            SnippetKind::Link { .. } => snippet
                .content
                .split_once("data=")
                .and_then(|(_, data)| base64::engine::general_purpose::STANDARD.decode(data).ok())
                .and_then(|bytes| String::from_utf8(bytes).ok())
                .unwrap_or_else(|| snippet.content.clone()),
            _ => snippet.content.clone(),
        }
    }

    /// Whether a section only says why it has nothing to copy (a value no shell or file of
    /// this kind can hold).
    fn explains_why_it_is_empty(section: &Section) -> bool {
        section
            .notes
            .iter()
            .any(|note| matches!(note, Msg::ShellCannotHoldValue | Msg::QwenDollarInValue))
    }

    /// Each tab is a whole setup: what it gives to copy carries the key, the base URL and the
    /// model, so that nothing of another tab is needed (Codex's variable for good once came
    /// without the config.toml that names it, Aider's variables without the model).
    #[test]
    fn every_section_carries_the_key_the_base_url_and_the_model() {
        let values = Values {
            key: "sk-whole-setup-0001".into(),
            base_url: "https://relay.example".into(),
            model: "model-whole-0001".into(),
        };
        let mut checked = 0;
        for (client, target, setup) in every_setup(&values) {
            for section in setup
                .sections
                .iter()
                .filter(|s| !explains_why_it_is_empty(s))
            {
                let handed: String = section.snippets.iter().map(handed_over).collect();
                for (what, value) in [
                    ("key", values.key.as_str()),
                    ("base URL", values.base_url.as_str()),
                    ("model", values.model.as_str()),
                ] {
                    assert!(
                        handed.contains(value),
                        "{client:?} {target:?} {}: no {what} in\n{handed}",
                        section.id
                    );
                }
                checked += 1;
            }
        }
        assert!(checked > 100, "{checked}");
    }

    /// The English texts a section shows: its notes, its snippets' notes and its next step.
    fn texts(section: &Section) -> Vec<&'static str> {
        section
            .notes
            .iter()
            .chain(section.snippets.iter().flat_map(|s| &s.notes))
            .chain([&section.next_step])
            .map(|msg| msg.text(Lang::En))
            .collect()
    }

    /// For how long the variables a section sets hold, if it sets any.
    fn scope_of(section: &Section) -> Option<Scope> {
        section
            .snippets
            .iter()
            .find_map(|snippet| match snippet.kind {
                SnippetKind::Commands { scope, .. } => scope,
                _ => None,
            })
    }

    /// What a section says fits what it is: variables for this terminal are used in that
    /// terminal (not "open a new terminal"), variables for good in a new one, and "both
    /// files" means two files (the session tab of Codex once said to open a new terminal, and
    /// its tab with one file to save both).
    #[test]
    fn notes_and_next_steps_fit_the_section() {
        for (client, target, setup) in every_setup(&Values::default()) {
            for section in &setup.sections {
                let case = format!("{client:?} {target:?} {}", section.id);
                let texts = texts(section);
                let says = |words: &str| texts.iter().any(|text| text.contains(words));
                let next = section.next_step.text(Lang::En);
                match scope_of(section) {
                    Some(Scope::Session) => {
                        assert!(next.contains("terminal where you set"), "{case}: {next}");
                        assert!(!says("new terminal"), "{case}: {texts:#?}");
                    }
                    Some(Scope::Persistent) => {
                        assert!(next.contains("new terminal"), "{case}: {next}");
                        assert!(!says("terminal where you set"), "{case}: {texts:#?}");
                    }
                    None => assert!(!says("where you set the variable"), "{case}: {next}"),
                }
                let files = section
                    .snippets
                    .iter()
                    .filter(|s| matches!(s.kind, SnippetKind::File { .. }))
                    .count();
                if says("both files") {
                    assert_eq!(files, 2, "{case}");
                }
            }
        }
    }

    /// Each client's setup begins with how to install it: commands for its shell, or a
    /// desktop app's download page.
    #[test]
    fn every_setup_begins_with_how_to_install_the_client() {
        for (client, target, setup) in every_setup(&Values::default()) {
            assert!(!setup.install.is_empty(), "{client:?} {target:?}");
            for snippet in &setup.install {
                match &snippet.kind {
                    SnippetKind::Commands { shell, scope } => {
                        assert_eq!(*shell, target.shell, "{client:?}");
                        assert_eq!(*scope, None, "{client:?}: install commands are run");
                    }
                    SnippetKind::Link { .. } => {
                        assert!(client.systems().len() == 3, "{client:?} is a desktop app");
                        assert!(snippet.content.starts_with("https://"), "{client:?}");
                    }
                    kind => panic!("{client:?}: {kind:?} in install"),
                }
                assert!(
                    !snippet.notes.is_empty(),
                    "{client:?}: says what it installs"
                );
            }
        }
        // Where the official installer differs per shell, each shell gets its own.
        let first = |client: Client, os, shell| {
            let target = Target::with_shell(os, shell).unwrap();
            client
                .setup(&Profile::builtin(), &Values::default(), target)
                .install[0]
                .content
                .clone()
        };
        assert_eq!(
            first(Client::ClaudeCode, Os::Macos, Shell::Posix),
            "curl -fsSL https://claude.ai/install.sh | bash\n"
        );
        assert_eq!(
            first(Client::ClaudeCode, Os::Windows, Shell::PowerShell),
            "irm https://claude.ai/install.ps1 | iex\n"
        );
        assert_eq!(
            first(Client::ClaudeCode, Os::Windows, Shell::Cmd),
            "curl -fsSL https://claude.ai/install.cmd -o install.cmd && install.cmd && del install.cmd\n"
        );
        assert_eq!(
            first(Client::Opencode, Os::Linux, Shell::Posix),
            "curl -fsSL https://opencode.ai/install | bash\n"
        );
        assert_eq!(
            first(Client::Opencode, Os::Windows, Shell::PowerShell),
            "npm install -g opencode-ai\n"
        );
        assert_eq!(
            first(Client::Cursor, Os::Macos, Shell::Posix),
            "https://cursor.com/downloads"
        );
    }

    /// The npm packages the setups install are the ones the conformance tests install and
    /// run (tests/package.json, tests/clients/package.json), and each client tested from npm
    /// is installed from its package.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_npm_packages_installed_are_the_ones_tested() {
        let tested: Vec<String> = ["tests/package.json", "tests/clients/package.json"]
            .iter()
            .flat_map(|file| {
                let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
                let manifest: serde_json::Value =
                    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
                manifest["devDependencies"]
                    .as_object()
                    .unwrap()
                    .keys()
                    .cloned()
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut installed = Vec::new();
        for (client, _, setup) in every_setup(&Values::default()) {
            for snippet in &setup.install {
                for line in snippet.content.lines() {
                    let package = line
                        .strip_prefix("npm install -g ")
                        .or_else(|| line.strip_prefix("npm install "));
                    if let Some(package) = package {
                        assert!(
                            tested.iter().any(|t| t == package),
                            "{client:?} installs {package}, which no test runs"
                        );
                        installed.push((client, package.to_owned()));
                    }
                }
            }
        }
        for (client, package) in [
            (Client::Codex, codex::NPM_PACKAGE),
            (Client::ClaudeCode, claude_code::NPM_PACKAGE),
            (Client::OpenaiSdk, openai_sdk::NPM_PACKAGE),
            (Client::Opencode, opencode::NPM_PACKAGE),
            (Client::ContinueDev, continue_dev::NPM_PACKAGE),
            (Client::Cline, cline::NPM_PACKAGE),
            (Client::QwenCode, qwen_code::NPM_PACKAGE),
            (Client::GeminiCli, gemini_cli::NPM_PACKAGE),
        ] {
            assert!(
                installed.contains(&(client, package.to_owned())),
                "{client:?} is not installed from {package}"
            );
        }
    }

    #[test]
    fn ids_round_trip() {
        for client in Client::ALL {
            assert_eq!(Client::from_id(client.id()), Some(client));
        }
    }

    /// Every file of src/clients/ but mod.rs and lineup.rs is a client that declares its spec
    /// where build.rs finds it (a line starting `pub const SPEC: ClientSpec`, after any
    /// indentation), and the registry lists each client once, with an id and a name of its
    /// own.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn every_client_file_declares_its_spec_and_is_listed_once() {
        // The modules of src/clients/ that are not clients.
        const NOT_CLIENTS: [&str; 2] = ["mod", "lineup"];
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/clients");
        let mut files = Vec::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let stem = path.file_stem().unwrap().to_str().unwrap().to_owned();
            if path.extension().is_some_and(|e| e == "rs") && !NOT_CLIENTS.contains(&stem.as_str())
            {
                let text = std::fs::read_to_string(&path).unwrap();
                assert!(
                    text.lines()
                        .any(|line| line.trim_start().starts_with("pub const SPEC: ClientSpec")),
                    "{} declares no `pub const SPEC: ClientSpec` at the start of a line",
                    path.display()
                );
                files.push(stem);
            }
        }
        files.sort();
        let mut listed: Vec<&str> = Client::ALL.iter().map(|c| c.module()).collect();
        listed.sort();
        assert_eq!(listed, files);
        for (what, fact) in [
            ("module", Client::module as fn(Client) -> &'static str),
            ("id", Client::id),
            ("name", Client::name),
        ] {
            let mut seen: Vec<&str> = Client::ALL.map(fact).to_vec();
            seen.sort();
            seen.dedup();
            assert_eq!(seen.len(), Client::ALL.len(), "a {what} listed twice");
        }
        let ranks: Vec<u8> = Client::ALL.iter().map(|c| c.spec().rank).collect();
        assert!(
            ranks.is_sorted() && ranks.windows(2).all(|w| w[0] != w[1]),
            "{ranks:?}"
        );
    }

    /// The files a client's spec declares are the files its setups write: each file snippet
    /// names one of them, and each is written on some system.
    #[test]
    fn every_client_declares_the_files_its_setups_write() {
        let mut written: Vec<(Client, &'static str)> = Vec::new();
        for (client, target, setup) in every_setup(&Values::default()) {
            for snippet in setup.sections.iter().flat_map(|s| &s.snippets) {
                if let SnippetKind::File { file_name, .. } = snippet.kind {
                    assert!(
                        client.file(file_name).is_some(),
                        "{client:?} {target:?} writes {file_name}, which its spec does not declare"
                    );
                    written.push((client, file_name));
                }
            }
        }
        for client in Client::ALL {
            for file in client.files() {
                assert!(
                    written.contains(&(client, file.name)),
                    "{client:?} declares {}, which no setup writes",
                    file.name
                );
            }
        }
    }

    #[test]
    fn empty_values_fall_back_to_the_profile() {
        let profile = Profile::builtin();
        let values = Values {
            key: String::new(),
            base_url: String::new(),
            model: "m".into(),
        };
        let resolved = values.resolve(&profile);
        assert_eq!(resolved.key, "YOUR_4096BYTES_API_KEY");
        assert_eq!(resolved.base_url, "https://api.4096bytes.com");
        assert_eq!(resolved.model, "m");
    }
}
