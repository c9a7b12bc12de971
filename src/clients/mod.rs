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
use crate::platform::{Format, Os, Shell, Target};
use crate::profile::Profile;
use crate::shell::{EnvChange, Scope};

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

    /// Whether spaces and tabs at `end` of the key do no harm with this client: it trims
    /// them, or HTTP does (a server drops whitespace after a header's value, not inside it).
    /// Observed against a loopback relay, and re-checked by the conformance tests
    /// (`key_whitespace_verdicts_match_*`): Claude Code 2.1.332 trims both ends (from files
    /// and from variables); Codex CLI 0.171 and curl send both, so only the trailing ones are
    /// dropped (by the server); the OpenAI Python SDK 3.54 sends a leading one
    /// (`Bearer  sk-…`) and refuses to send a trailing one; Qwen Code 0.24.4 sends a leading
    /// one. Clients not run that way are taken as harmed by both.
    pub fn drops_key_spaces(self, end: KeyEnd) -> bool {
        match self {
            Client::ClaudeCode => true,
            Client::Codex | Client::Curl | Client::QwenCode => end == KeyEnd::End,
            _ => false,
        }
    }

    /// Whether the client reads a JSON settings file that starts with a byte order mark:
    /// Claude Code 2.1.332 and Qwen Code 0.24.4 read settings.json with one; Codex CLI 0.171
    /// stops on an auth.json with one.
    pub fn reads_json_with_bom(self) -> bool {
        matches!(self, Client::ClaudeCode | Client::QwenCode)
    }

    /// Whether the client reads `//` and `/* */` comments in its JSON settings file: Qwen Code
    /// 0.24.4 does (observed); Codex and Claude Code read strict JSON.
    pub fn reads_json_comments(self) -> bool {
        matches!(self, Client::QwenCode)
    }

    /// The client that reads an environment variable of this name, where the name tells:
    /// Claude Code's variables, and the variable the relay's Codex setup names in `env_key`.
    /// The SDKs' `OPENAI_*` names are read by many clients, so they tell nothing.
    pub fn reading_variable(name: &str, profile: &Profile) -> Option<Client> {
        use claude_code::{API_KEY_VARIABLE, AUTH_TOKEN_VARIABLE, BASE_URL_VARIABLE};
        if [BASE_URL_VARIABLE, AUTH_TOKEN_VARIABLE, API_KEY_VARIABLE].contains(&name) {
            Some(Client::ClaudeCode)
        } else if name == profile.clients.codex.env_key {
            Some(Client::Codex)
        } else if name == aider::BASE_URL_VARIABLE {
            Some(Client::Aider)
        } else {
            None
        }
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
