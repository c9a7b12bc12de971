//! [`Kind`]: what kind of text is being checked, with its tables (its id, its label, whether
//! it is one value). Which file of a client's setup is of which kind is the client's (its
//! spec's `files`). The table of the checker each kind runs is in the pipeline, the one part
//! of the doctor that knows every checker.

use crate::i18n::Msg;

/// What kind of text is being checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Url,
    Key,
    Model,
    CodexConfig,
    CodexAuth,
    ClaudeSettings,
    EnvBash,
    EnvFish,
    EnvPowerShell,
    EnvCmd,
    DotEnv,
    CherryLink,
    QwenSettings,
}

impl Kind {
    pub const ALL: [Kind; 13] = [
        Kind::Url,
        Kind::Key,
        Kind::Model,
        Kind::CodexConfig,
        Kind::CodexAuth,
        Kind::ClaudeSettings,
        Kind::EnvBash,
        Kind::EnvFish,
        Kind::EnvPowerShell,
        Kind::EnvCmd,
        Kind::DotEnv,
        Kind::CherryLink,
        Kind::QwenSettings,
    ];

    /// The stable id used on the command line and in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Kind::Url => "url",
            Kind::Key => "key",
            Kind::Model => "model",
            Kind::CodexConfig => "codex-config",
            Kind::CodexAuth => "codex-auth",
            Kind::ClaudeSettings => "claude-settings",
            Kind::EnvBash => "env-bash",
            Kind::EnvFish => "env-fish",
            Kind::EnvPowerShell => "env-powershell",
            Kind::EnvCmd => "env-cmd",
            Kind::DotEnv => "dotenv",
            Kind::CherryLink => "cherry-link",
            Kind::QwenSettings => "qwen-settings",
        }
    }

    /// Whether the text is one value (a URL, a key, a model's name) rather than a file.
    pub fn is_one_value(self) -> bool {
        matches!(self, Kind::Url | Kind::Key | Kind::Model)
    }

    pub fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.id() == id)
    }

    /// The name shown to people.
    pub fn label(self) -> Msg {
        match self {
            Kind::Url => Msg::KindUrl,
            Kind::Key => Msg::KindKey,
            Kind::Model => Msg::KindModel,
            Kind::CodexConfig => Msg::KindCodexConfig,
            Kind::CodexAuth => Msg::KindCodexAuth,
            Kind::ClaudeSettings => Msg::KindClaudeSettings,
            Kind::EnvBash => Msg::KindEnvBash,
            Kind::EnvFish => Msg::KindEnvFish,
            Kind::EnvPowerShell => Msg::KindEnvPowerShell,
            Kind::EnvCmd => Msg::KindEnvCmd,
            Kind::DotEnv => Msg::KindDotEnv,
            Kind::CherryLink => Msg::KindCherryLink,
            Kind::QwenSettings => Msg::KindQwenSettings,
        }
    }
}
