//! The rule model: what a [`Rule`] is (its code, [`Severity`] and [`Evidence`], its texts and
//! its fix label), [`declare_rules!`] with which each checker module declares the rules it
//! owns, and the texts that rules of several modules share ([`fix`]'s labels,
//! `PRINTS_THE_KEY`). It knows nothing of texts being checked, so every other part of the
//! doctor can name a rule.

use crate::i18n::{Msg, Text};
use serde::{Deserialize, Serialize};

/// Declares the rules a checker module owns, and its list of them, [`RULES`](super::RULES),
/// from which [`rules`](super::rules) builds the registry: a rule cannot exist outside a list.
///
/// ```ignore
/// declare_rules! {
///     /// What the rule finds, and why it has its severity.
///     NAME {
///         code: "input/mistake",
///         severity: Error,
///         evidence: Client("what the real client did"),
///         message: Text { en: "…", zh: "…" },
///         why: Text { en: "…", zh: "…" },
///         fix: Some(fix::REMOVE),
///     }
/// }
/// ```
macro_rules! declare_rules {
    ($(
        $(#[$doc:meta])*
        $name:ident {
            code: $code:literal,
            severity: $severity:ident,
            evidence: $evidence:ident($source:literal),
            message: $message:expr,
            why: $why:expr,
            fix: $fix:expr $(,)?
        }
    )+) => {
        $(
            $(#[$doc])*
            #[doc = concat!("\n\nCode `", $code, "`, ", stringify!($severity), "; evidence: ", $source)]
            pub static $name: $crate::check::Rule = $crate::check::Rule {
                code: $code,
                severity: $crate::check::Severity::$severity,
                #[cfg(not(target_arch = "wasm32"))]
                evidence: $crate::check::Evidence::$evidence($source),
                message: $message,
                why: $why,
                fix_label: $fix,
            };
        )+
        /// Every rule this module owns, for the registry ([`crate::rules`]).
        pub static RULES: &[&$crate::check::Rule] = &[$(&$name),+];
    };
}
pub(crate) use declare_rules;

/// The labels of fixes, as buttons and help lines show them.
pub mod fix {
    use crate::i18n::Text;

    pub const REMOVE: Text = Text {
        en: "Remove it",
        zh: "删除",
    };
    pub const USE_HTTPS: Text = Text {
        en: "Use https://",
        zh: "改用 https://",
    };
    pub const ADD_HTTPS: Text = Text {
        en: "Add https://",
        zh: "加上 https://",
    };
    pub const REPLACE: Text = Text {
        en: "Replace it",
        zh: "替换",
    };
    pub const MOVE: Text = Text {
        en: "Move it",
        zh: "移动",
    };
    pub const RENAME: Text = Text {
        en: "Rename it",
        zh: "重命名",
    };
    pub const ADD: Text = Text {
        en: "Add it",
        zh: "添加",
    };
    pub const SINGLE_QUOTES: Text = Text {
        en: "Use single quotes",
        zh: "改用单引号",
    };
}

/// Why a key command must be right, for the clients that run one (Codex's `auth`, Claude
/// Code's `apiKeyHelper`).
pub(super) const PRINTS_THE_KEY: Text = Text {
    en: "The command must print the relay's key and nothing else.",
    zh: "这个命令必须只输出中转服务的密钥。",
};

/// How bad a finding is.
// Read from its name with `try_from`: serde's derived reader of an enum also takes the forms
// JSON never has here, and the page, which reads every finding's severity, would carry them
// (0.2 KB gzip of its module).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", try_from = "String")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl TryFrom<String> for Severity {
    type Error = &'static str;

    fn try_from(name: String) -> Result<Self, &'static str> {
        [Severity::Error, Severity::Warning, Severity::Info]
            .into_iter()
            .find(|severity| severity.as_str() == name)
            .ok_or("not a severity")
    }
}

impl Severity {
    pub fn label(self) -> Msg {
        match self {
            Severity::Error => Msg::SeverityError,
            Severity::Warning => Msg::SeverityWarning,
            Severity::Info => Msg::SeverityInfo,
        }
    }

    /// The stable lower-case name used in JSON output and CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// How we know what a mistake does, which decides how severe it may be: an error means the
/// client or the relay will fail, so it needs a real client's run or the relay's word; a
/// guess from the text's shape is at most a warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// Observed by running the real client (which one, and what it did); most are re-checked
    /// by the conformance tests.
    Client(&'static str),
    /// Read in the client's own source code, for clients that cannot be run here (desktop
    /// apps): which repository, and what it does.
    Source(&'static str),
    /// The relay's documentation, or its profile, says so.
    Relay(&'static str),
    /// A guess from the text's shape.
    Heuristic(&'static str),
}

impl Evidence {
    /// The stable lower-case name used in JSON output.
    pub fn kind(self) -> &'static str {
        match self {
            Evidence::Client(_) => "client",
            Evidence::Source(_) => "source",
            Evidence::Relay(_) => "relay",
            Evidence::Heuristic(_) => "heuristic",
        }
    }

    /// What the evidence is, in a sentence.
    pub fn source(self) -> &'static str {
        match self {
            Evidence::Client(source)
            | Evidence::Source(source)
            | Evidence::Relay(source)
            | Evidence::Heuristic(source) => source,
        }
    }
}

/// One kind of mistake.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable identifier, `<input>/<mistake>`, e.g. `key/whitespace`.
    pub code: &'static str,
    pub severity: Severity,
    /// Why the severity is what it is: documentation for the CLI and the README, left out of
    /// the page's modules, which never show it.
    #[cfg(not(target_arch = "wasm32"))]
    pub evidence: Evidence,
    /// One line: what is wrong.
    pub message: Text,
    /// Why it matters, in terms of the symptom users see.
    pub why: Text,
    /// The label of the fix button, for rules that can fix what they find.
    pub fix_label: Option<Text>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_severity_is_read_back_from_its_name_and_nothing_else() {
        for severity in [Severity::Error, Severity::Warning, Severity::Info] {
            let written = serde_json::to_string(&severity).unwrap();
            assert_eq!(written, format!("\"{}\"", severity.as_str()));
            assert_eq!(
                serde_json::from_str::<Severity>(&written).unwrap(),
                severity
            );
        }
        assert!(serde_json::from_str::<Severity>("\"Error\"").is_err());
        assert!(serde_json::from_str::<Severity>("0").is_err());
    }
}
