//! Where a client runs: the system, the shell commands are pasted into (each shell is its
//! dialect in `shell`), and the syntaxes of what onramp writes. Plain facts with no
//! behaviour of their own, below `shell` (which writes commands for a shell) and `clients`
//! (which write files for a system).

use crate::i18n::Msg;
use crate::shell::Shell;
use serde::Serialize;

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

    /// `os` with `shell` if people use that shell there, else with its usual one: a shell
    /// asked for on another system gives way where the setup is made, and stays asked for.
    pub fn with_shell_or_usual(os: Os, shell: Shell) -> Target {
        Target::with_shell(os, shell).unwrap_or_else(|| Target::new(os))
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
    pub fn home_path(self, dir: &str, file: &str) -> String {
        match self {
            Os::Windows => format!("%USERPROFILE%\\{dir}\\{file}"),
            Os::Macos | Os::Linux | Os::Wsl => format!("~/{dir}/{file}"),
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
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
}
