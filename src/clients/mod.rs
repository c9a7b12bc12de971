//! The clients onramp writes setup for: what each needs, and what it writes where.
//!
//! Each client lives in its own module and is listed in [`Client::ALL`]. A client turns the
//! customer's [`Values`] into [`Snippet`]s: files with their target path on the chosen [`Os`],
//! and the request the client will then send, so people see where the URL comes from.

pub mod codex;

use crate::i18n::Msg;
use crate::profile::Profile;
use serde::Serialize;

/// A client onramp can set up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Client {
    Codex,
}

impl Client {
    pub const ALL: [Client; 1] = [Client::Codex];

    /// The stable id used on the command line and in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Client::Codex => "codex",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Client::Codex => "Codex CLI",
        }
    }

    pub fn from_id(id: &str) -> Option<Client> {
        Client::ALL.into_iter().find(|client| client.id() == id)
    }

    /// The files and the request for this client.
    pub fn setup(self, profile: &Profile, values: &Values, os: Os) -> Setup {
        match self {
            Client::Codex => codex::setup(profile, values, os),
        }
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
    fn resolve<'a>(&'a self, profile: &'a Profile) -> Resolved<'a> {
        let or =
            |typed: &'a str, fallback: &'a str| if typed.is_empty() { fallback } else { typed };
        Resolved {
            key: or(&self.key, &profile.placeholders.api_key),
            base_url: or(&self.base_url, &profile.base_url),
            model: or(&self.model, &profile.placeholders.model),
        }
    }
}

struct Resolved<'a> {
    key: &'a str,
    base_url: &'a str,
    model: &'a str,
}

/// The syntax of a snippet's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Toml,
    Json,
}

impl Format {
    /// The MIME type for downloads.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Toml => "application/toml",
            Format::Json => "application/json",
        }
    }
}

/// One file to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The file's name alone, for downloads.
    pub file_name: &'static str,
    /// Where the file goes on the chosen system, as the user would type it.
    pub path: String,
    pub format: Format,
    pub content: String,
    /// Where and how to put it.
    pub notes: Vec<Msg>,
}

/// Everything a client needs on one system.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setup {
    pub snippets: Vec<Snippet>,
    /// The URL the client will send its requests to, once set up.
    pub request_url: String,
    /// What to do after writing the files.
    pub next_step: Msg,
}

#[cfg(test)]
mod tests {
    use super::*;

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
