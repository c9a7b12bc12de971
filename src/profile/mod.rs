//! The relay's profile: everything onramp knows about one relay, as data.
//!
//! A profile is plain JSON so that a relay operator can describe their own relay without
//! touching code. The 4096bytes profile is compiled in and used when nothing else is loaded.

use crate::i18n::Texts;
use serde::{Deserialize, Serialize};

/// The profile every build carries, taken from the 4096bytes documentation.
const BUILTIN_4096BYTES: &str = include_str!("4096bytes.json");

/// One relay: its address, the placeholders its docs use, and per client the URL shape it expects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Stable identifier, e.g. `4096bytes`.
    pub id: String,
    /// Name shown to people.
    pub display_name: String,
    /// The base URL customers are given: scheme and host, without any endpoint path.
    pub base_url: String,
    pub placeholders: Placeholders,
    /// Model names to suggest; empty when the relay wants them copied from its dashboard.
    #[serde(default)]
    pub models: Vec<String>,
    /// What the relay's keys look like, as far as its docs say.
    #[serde(default)]
    pub key: KeyShape,
    pub clients: ClientProfiles,
    /// What customers see go wrong, from the relay's own troubleshooting page, with the
    /// likely causes of each: the page's way in by symptom.
    #[serde(default)]
    pub symptoms: Vec<Symptom>,
}

/// Something a customer sees go wrong, as the relay's troubleshooting page names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Symptom {
    /// Stable, for links and tests, e.g. `unauthorized`.
    pub id: String,
    pub title: Texts,
    /// Words of the error texts clients print for it, matched without case in what a
    /// customer pastes (`401`, `invalid api key`, `builder error`).
    #[serde(default)]
    pub signs: Vec<String>,
    /// The likely causes, the most likely first.
    pub causes: Vec<Cause>,
}

/// One likely cause of a symptom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cause {
    pub text: Texts,
    /// How to tell whether it is this.
    pub check: Texts,
    pub fix: Texts,
    /// The doctor's rules that find this cause in a pasted file or value.
    #[serde(default)]
    pub rules: Vec<String>,
}

/// The values shown while the customer has not typed their own, so that the page reads as
/// the relay's documentation and a copied snippet is obviously unfinished.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Placeholders {
    pub api_key: String,
    pub model: String,
}

/// What every key the relay issues looks like. Only what the relay documents belongs here:
/// the doctor reports a key outside this shape as an error, since the relay will refuse it.
/// 4096bytes documents neither, so the built-in profile leaves both open.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyShape {
    /// How every key starts, e.g. `sk-`.
    #[serde(default)]
    pub prefix: Option<String>,
    /// The fewest and the most characters a key has.
    #[serde(default)]
    pub length: Option<LengthRange>,
}

/// An inclusive range of lengths, in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LengthRange {
    pub min: usize,
    pub max: usize,
}

impl LengthRange {
    pub fn contains(self, length: usize) -> bool {
        (self.min..=self.max).contains(&length)
    }
}

/// Per-client settings of the relay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientProfiles {
    pub codex: CodexProfile,
    /// Claude Code appends `/v1/messages` to its base URL itself, so for most relays this is
    /// `""`: a base path ending in `/v1` would make it call `/v1/v1/messages`.
    pub claude_code: BasePath,
    /// Clients and SDKs that append `/chat/completions`, `/responses` or `/models` to the base
    /// URL they are given (OpenAI SDKs, curl, Cursor, Cline, Continue, OpenCode, Aider):
    /// `"/v1"` for most relays, `""` for relays that serve those paths at the origin.
    pub openai_compatible: BasePath,
    /// Cherry Studio's "API host": Cherry Studio itself appends `/v1` unless the path already
    /// has a version segment, so for most relays this is `""`.
    pub cherry_studio: BasePath,
}

/// The path a client's base URL needs after the relay's base URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BasePath {
    pub base_path: String,
}

/// How Codex CLI reaches this relay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodexProfile {
    /// Path appended to the base URL to form Codex's `base_url` (Codex then adds `/responses`):
    /// `""` for relays that serve `/responses` at the origin, `"/v1"` for most others.
    pub base_path: String,
    /// The `[model_providers.<id>]` table name. Codex rejects the built-in ids (`openai`,
    /// `ollama`, `lmstudio`); ids are case-sensitive, so `OpenAI` is allowed.
    pub provider_id: String,
    /// The provider's display `name`, which Codex requires to be non-empty.
    pub provider_name: String,
    /// `model_reasoning_effort` to write, if the relay recommends one.
    #[serde(default)]
    pub reasoning_effort: Option<String>,
    /// The environment variable for the variant that keeps the key out of files
    /// (Codex's `env_key`). It must be a valid shell variable name.
    pub env_key: String,
}

/// Why a profile file could not be used.
#[derive(Debug)]
pub struct ProfileError(serde_json::Error);

impl std::fmt::Display for ProfileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the relay profile is not valid: {}", self.0)
    }
}

impl std::error::Error for ProfileError {}

impl Profile {
    /// Reads a profile from its JSON text.
    pub fn from_json(text: &str) -> Result<Self, ProfileError> {
        serde_json::from_str(text).map_err(ProfileError)
    }

    /// The compiled-in 4096bytes profile.
    pub fn builtin() -> Self {
        // The embedded file is checked by `builtin_profile_parses` below; an error here would
        // be a build defect, not bad user input.
        Self::from_json(BUILTIN_4096BYTES).expect("the embedded 4096bytes profile is valid")
    }

    /// The base URL a client should be given: the relay's base URL (or the one the customer
    /// typed) without trailing slashes, followed by the client's path from this profile.
    pub fn client_base_url(base_url: &str, client_base_path: &str) -> String {
        format!("{}{}", base_url.trim_end_matches('/'), client_base_path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_profile_parses() {
        let profile = Profile::builtin();
        assert_eq!(profile.base_url, "https://api.4096bytes.com");
        assert_eq!(profile.placeholders.api_key, "YOUR_4096BYTES_API_KEY");
        assert_eq!(
            profile.placeholders.model,
            "PASTE_MODEL_NAME_FROM_DASHBOARD"
        );
        // 4096bytes is used at the bare origin by every client, as its docs say.
        assert_eq!(profile.clients.codex.base_path, "");
        assert_eq!(profile.clients.claude_code.base_path, "");
        assert_eq!(profile.clients.openai_compatible.base_path, "");
        let env_key = &profile.clients.codex.env_key;
        assert!(
            env_key.starts_with(|c: char| c.is_ascii_alphabetic()),
            "{env_key}"
        );
        assert!(
            env_key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_'),
            "{env_key}"
        );
    }

    #[test]
    fn another_relay_is_configured_by_data_alone() {
        let text = BUILTIN_4096BYTES
            .replace("https://api.4096bytes.com", "https://relay.example")
            .replacen("\"base_path\": \"\"", "\"base_path\": \"/v1\"", 1);
        let profile = Profile::from_json(&text).unwrap();
        assert_eq!(
            Profile::client_base_url(&profile.base_url, &profile.clients.codex.base_path),
            "https://relay.example/v1"
        );
    }

    #[test]
    fn unknown_fields_are_reported_not_ignored() {
        let text = BUILTIN_4096BYTES.replace("\"models\"", "\"modles\"");
        let error = Profile::from_json(&text).unwrap_err().to_string();
        assert!(error.contains("modles"), "{error}");
    }

    #[test]
    fn trailing_slashes_do_not_double_up() {
        assert_eq!(
            Profile::client_base_url("https://a.example//", "/v1"),
            "https://a.example/v1"
        );
        assert_eq!(
            Profile::client_base_url("https://a.example", ""),
            "https://a.example"
        );
    }
}
