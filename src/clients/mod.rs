//! The clients onramp writes setup for: what each needs, and what it writes where.
//!
//! Each client lives in its own module and is listed in [`Client::ALL`]. A client turns the
//! customer's [`Values`] into a [`Setup`] for one [`Target`] (system and shell): one or more
//! alternative [`Section`]s (a settings file, environment variables…), each made of
//! [`Snippet`]s, plus the URL the client will call, so people see where each path comes from.

pub mod aider;
pub mod cherry_studio;
pub mod claude_code;
pub mod cline;
pub mod codex;
pub mod continue_dev;
pub mod curl;
pub mod cursor;
pub mod openai_sdk;
pub mod opencode;
pub mod qwen_code;

use crate::i18n::{Lang, Msg};
use crate::profile::Profile;
use crate::shell::{EnvChange, Scope, Shell};
use serde::Serialize;

/// A client onramp can set up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Client {
    Codex,
    ClaudeCode,
    Cursor,
    CherryStudio,
    OpenAiSdk,
    Curl,
    OpenCode,
    Continue,
    Aider,
    Cline,
    QwenCode,
}

impl Client {
    pub const ALL: [Client; 11] = [
        Client::Codex,
        Client::ClaudeCode,
        Client::Cursor,
        Client::CherryStudio,
        Client::OpenAiSdk,
        Client::Curl,
        Client::OpenCode,
        Client::Continue,
        Client::Aider,
        Client::Cline,
        Client::QwenCode,
    ];

    /// The stable id used on the command line and in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Client::Codex => "codex",
            Client::ClaudeCode => "claude-code",
            Client::Cursor => "cursor",
            Client::CherryStudio => "cherry-studio",
            Client::OpenAiSdk => "openai-sdk",
            Client::Curl => "curl",
            Client::OpenCode => "opencode",
            Client::Continue => "continue",
            Client::Aider => "aider",
            Client::Cline => "cline",
            Client::QwenCode => "qwen-code",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Client::Codex => "Codex CLI",
            Client::ClaudeCode => "Claude Code",
            Client::Cursor => "Cursor",
            Client::CherryStudio => "Cherry Studio",
            Client::OpenAiSdk => "OpenAI SDKs (Python, Node.js)",
            Client::Curl => "curl",
            Client::OpenCode => "OpenCode",
            Client::Continue => "Continue",
            Client::Aider => "Aider",
            Client::Cline => "Cline / Roo Code",
            Client::QwenCode => "Qwen Code",
        }
    }

    pub fn from_id(id: &str) -> Option<Client> {
        Client::ALL.into_iter().find(|client| client.id() == id)
    }

    /// The path this relay wants after its base URL in this client's base URL setting.
    pub fn base_path(self, profile: &Profile) -> &str {
        let clients = &profile.clients;
        match self {
            Client::Codex => &clients.codex.base_path,
            Client::ClaudeCode => &clients.claude_code.base_path,
            Client::CherryStudio => &clients.cherry_studio.base_path,
            Client::Cursor
            | Client::OpenAiSdk
            | Client::Curl
            | Client::OpenCode
            | Client::Continue
            | Client::Aider
            | Client::Cline
            | Client::QwenCode => &clients.openai_compatible.base_path,
        }
    }

    /// The base URL to give this client: the relay's (or the typed) base URL followed by the
    /// path the relay wants for this client.
    pub fn base_url(self, profile: &Profile, typed_base_url: &str) -> String {
        Profile::client_base_url(typed_base_url, self.base_path(profile))
    }

    /// Whether the client appends `/v1` to its base URL itself (so a `/v1` there is doubled).
    pub fn appends_v1(self) -> bool {
        matches!(self, Client::ClaudeCode | Client::CherryStudio)
    }

    /// Whether the setup has shell commands, so that the shell matters.
    pub fn uses_shell(self) -> bool {
        match self {
            Client::Codex
            | Client::ClaudeCode
            | Client::OpenAiSdk
            | Client::Curl
            | Client::Aider
            | Client::Cline
            | Client::QwenCode
            | Client::Continue => true,
            Client::Cursor | Client::CherryStudio | Client::OpenCode => false,
        }
    }

    /// The systems the client runs on. Desktop apps have no WSL flavour.
    pub fn systems(self) -> &'static [Os] {
        match self {
            Client::Cursor | Client::CherryStudio => &[Os::Macos, Os::Linux, Os::Windows],
            _ => &Os::ALL,
        }
    }

    /// The setup for this client on `target`.
    pub fn setup(self, profile: &Profile, values: &Values, target: Target) -> Setup {
        let values = values.resolve(profile);
        match self {
            Client::Codex => codex::setup(profile, &values, target),
            Client::ClaudeCode => claude_code::setup(profile, &values, target),
            Client::Cursor => cursor::setup(profile, &values),
            Client::CherryStudio => cherry_studio::setup(profile, &values),
            Client::OpenAiSdk => openai_sdk::setup(profile, &values, target),
            Client::Curl => curl::setup(profile, &values, target),
            Client::OpenCode => opencode::setup(profile, &values, target),
            Client::Continue => continue_dev::setup(profile, &values, target),
            Client::Aider => aider::setup(profile, &values, target),
            Client::Cline => cline::setup(profile, &values, target),
            Client::QwenCode => qwen_code::setup(profile, &values, target),
        }
    }
}

/// Where the setup is for: the system, and the shell commands are written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub os: Os,
    pub shell: Shell,
}

impl Target {
    /// `os` with its usual shell.
    pub fn new(os: Os) -> Target {
        Target {
            os,
            shell: Shell::for_os(os)[0],
        }
    }

    /// `os` with `shell`, if people use that shell there.
    pub fn with_shell(os: Os, shell: Shell) -> Option<Target> {
        Shell::for_os(os)
            .contains(&shell)
            .then_some(Target { os, shell })
    }
}

/// Where the client runs. WSL is separate from Windows because a client inside WSL reads the
/// Linux home folder, not the Windows one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Os {
    Macos,
    Linux,
    Windows,
    Wsl,
}

impl Os {
    pub const ALL: [Os; 4] = [Os::Macos, Os::Linux, Os::Windows, Os::Wsl];

    /// The stable id used on the command line and in the page.
    pub fn id(self) -> &'static str {
        match self {
            Os::Macos => "macos",
            Os::Linux => "linux",
            Os::Windows => "windows",
            Os::Wsl => "wsl",
        }
    }

    pub fn from_id(id: &str) -> Option<Os> {
        Os::ALL.into_iter().find(|os| os.id() == id)
    }

    pub fn label(self) -> Msg {
        match self {
            Os::Macos => Msg::OsMacos,
            Os::Linux => Msg::OsLinux,
            Os::Windows => Msg::OsWindows,
            Os::Wsl => Msg::OsWsl,
        }
    }

    /// The visitor's system, from the browser's user agent string. WSL cannot be told apart
    /// from Windows this way, so Windows is the guess and WSL is one click away.
    pub fn from_user_agent(user_agent: &str) -> Os {
        let ua = user_agent.to_ascii_lowercase();
        if ua.contains("windows") {
            Os::Windows
        } else if ua.contains("mac os")
            || ua.contains("macintosh")
            || ua.contains("iphone")
            || ua.contains("ipad")
        {
            Os::Macos
        } else {
            Os::Linux
        }
    }

    /// `dir` and `file` joined the way this system writes paths to the user's home.
    fn home_path(self, dir: &str, file: &str) -> String {
        match self {
            Os::Windows => format!("%USERPROFILE%\\{dir}\\{file}"),
            Os::Macos | Os::Linux | Os::Wsl => format!("~/{dir}/{file}"),
        }
    }
}

/// What the customer typed. Empty fields fall back to the profile's placeholders (key, model)
/// or its base URL, so the generated text doubles as documentation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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

/// The syntax of a snippet's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Toml,
    Json,
    Yaml,
    Text,
    Posix,
    Fish,
    PowerShell,
    Cmd,
    Python,
    JavaScript,
}

impl Format {
    /// The MIME type for downloads.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Toml => "application/toml",
            Format::Json => "application/json",
            Format::Yaml => "application/yaml",
            Format::Text => "text/plain",
            Format::Python => "text/x-python",
            Format::JavaScript => "text/javascript",
            Format::Posix | Format::Fish | Format::PowerShell | Format::Cmd => "text/plain",
        }
    }
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
    },
    Value {
        /// The field's name as the client's settings screen shows it.
        field: Msg,
    },
    /// A link that hands the values to an installed app (a custom URL scheme).
    Link {
        label: Msg,
    },
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
    fn file(file_name: &'static str, path: String, format: Format, content: String) -> Snippet {
        Snippet {
            kind: SnippetKind::File { file_name, path },
            format,
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
            SnippetKind::Commands { shell } => shell.name().to_owned(),
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
            } => "onramp.ps1",
            SnippetKind::Commands { shell: Shell::Cmd } => "onramp.cmd",
            SnippetKind::Commands {
                shell: Shell::Posix | Shell::Fish,
            } => "onramp.sh",
            SnippetKind::Value { .. } | SnippetKind::Link { .. } => "value.txt",
        }
    }
}

/// One way to set the client up; a client may offer several (a settings file, or variables).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Stable within a client, e.g. `settings-file`, `env-session`.
    pub id: &'static str,
    pub title: Msg,
    pub notes: Vec<Msg>,
    pub snippets: Vec<Snippet>,
}

/// Everything a client needs on one system.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setup {
    pub sections: Vec<Section>,
    /// The URL the client will send its requests to, once set up.
    pub request_url: String,
    /// What to do after writing the files.
    pub next_step: Msg,
}

impl Setup {
    /// The section with this id.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|section| section.id == id)
    }
}

/// The two sections that set `change` in the target's shell: for this terminal, and for good.
/// A value the shell cannot hold safely turns the commands into a note saying so.
fn env_sections(target: Target, change: EnvChange, notes: &[Msg]) -> Vec<Section> {
    [
        (Scope::Session, "env-session", Msg::SectionEnvSession),
        (
            Scope::Persistent,
            "env-persistent",
            Msg::SectionEnvPersistent,
        ),
    ]
    .into_iter()
    .map(|(scope, id, title)| {
        let mut section_notes = notes.to_vec();
        let snippets = match target.shell.commands(change, scope) {
            Some(content) => vec![Snippet {
                kind: SnippetKind::Commands {
                    shell: target.shell,
                },
                format: target.shell.format(),
                content,
                notes: vec![target.shell.instruction(scope)],
            }],
            None => {
                section_notes.push(Msg::ShellCannotHoldValue);
                Vec::new()
            }
        };
        Section {
            id,
            title,
            notes: section_notes,
            snippets,
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

    #[test]
    fn ids_round_trip() {
        for client in Client::ALL {
            assert_eq!(Client::from_id(client.id()), Some(client));
        }
        for os in Os::ALL {
            assert_eq!(Os::from_id(os.id()), Some(os));
        }
        assert_eq!(Os::from_id("win"), None);
    }

    #[test]
    fn the_visitors_system_is_guessed_from_the_user_agent() {
        let cases = [
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36",
                Os::Windows,
            ),
            (
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15",
                Os::Macos,
            ),
            (
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/156",
                Os::Linux,
            ),
            ("", Os::Linux),
        ];
        for (ua, os) in cases {
            assert_eq!(Os::from_user_agent(ua), os, "{ua}");
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
