//! The relay's profile: everything onramp knows about one relay, as data.
//!
//! A profile is plain JSON so that a relay operator can describe their own relay without
//! touching code: the page reads a `profile.json` next to `index.html`, the CLI takes
//! `--profile FILE`. The 4096bytes profile is compiled in and used when nothing else is loaded.

mod brand;

pub use brand::{Accent, Brand};

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
    /// Other base URLs the relay also answers on (a second domain, a region's address, one
    /// given to a particular client): the doctor takes their hosts for the relay's own.
    #[serde(default)]
    pub accepted_base_urls: Vec<String>,
    pub placeholders: Placeholders,
    /// Model names to suggest; empty when the relay wants them copied from its dashboard.
    #[serde(default)]
    pub models: Vec<String>,
    /// What the relay's keys look like, as far as its docs say.
    #[serde(default)]
    pub key: KeyShape,
    /// The relay's documentation, linked under the tool when given (an http(s) URL).
    #[serde(default)]
    pub docs_url: Option<String>,
    /// Where customers get help, linked under the tool when given (an http(s) URL).
    #[serde(default)]
    pub support_url: Option<String>,
    /// What to go through, in order, when an error is none of the symptoms: the relay's
    /// recommended order, ending with how to ask support.
    #[serde(default)]
    pub checklist: Vec<Texts>,
    /// The APIs the relay serves: a client that needs another is not offered.
    #[serde(default = "Protocol::served_when_unsaid")]
    pub protocols: Vec<Protocol>,
    /// The clients the page offers, in this order, by the ids of `onramp clients`; `None`
    /// offers every client the relay's protocols serve, in onramp's order. Checked against
    /// the clients by `clients::lineup`, which profile does not know.
    #[serde(default)]
    pub shown_clients: Option<Vec<String>>,
    /// The client shown first; `None` for the first one offered.
    #[serde(default)]
    pub default_client: Option<String>,
    /// The operator's accent colour and logo on the page.
    #[serde(default)]
    pub brand: Brand,
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
    /// Words of the error texts clients print for it, matched in what a customer pastes
    /// without the case of ASCII letters (`401`, `invalid api key`, `builder error`); words in
    /// other scripts match as written (`无效的令牌`).
    #[serde(default)]
    pub signs: Vec<String>,
    /// The broader symptoms this one is a case of (`quota-exhausted` of `forbidden`): where
    /// both are recognised, this one comes first, whatever their signs' count.
    #[serde(default)]
    pub within: Vec<String>,
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
    /// The clients (ids) it is a cause for; empty for every client.
    #[serde(default)]
    pub clients: Vec<String>,
}

/// An API a relay may serve, named for the vendor that defined it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Protocol {
    /// OpenAI's: `/chat/completions`, `/responses`, `/models`.
    #[serde(rename = "openai")]
    OpenAi,
    /// Anthropic's Messages API, `/v1/messages`.
    #[serde(rename = "anthropic")]
    Anthropic,
    /// Google's Gemini API, `/v1beta/models/{model}:generateContent` and its stream.
    #[serde(rename = "gemini")]
    Gemini,
}

impl Protocol {
    /// A profile that names no protocol: the relay serves what onramp's clients needed before
    /// profiles could say (OpenAI's and Anthropic's).
    fn served_when_unsaid() -> Vec<Protocol> {
        vec![Protocol::OpenAi, Protocol::Anthropic]
    }

    /// The id a profile writes.
    pub fn id(self) -> &'static str {
        match self {
            Protocol::OpenAi => "openai",
            Protocol::Anthropic => "anthropic",
            Protocol::Gemini => "gemini",
        }
    }
}

/// The values shown while the customer has not typed their own, so that the page reads as
/// the relay's documentation and a copied snippet is obviously unfinished.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Placeholders {
    pub api_key: String,
    pub model: String,
}

impl Placeholders {
    /// Whether `value` is one of them: a stand-in that a merge writes only where a file has
    /// nothing, never over a value of its own.
    pub fn holds(&self, value: &str) -> bool {
        value == self.api_key || value == self.model
    }
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
    /// Gemini CLI's `GOOGLE_GEMINI_BASE_URL`: it appends `/v1beta/models/…` itself, so `""`
    /// (the default) for most relays that serve the Gemini protocol.
    #[serde(default)]
    pub gemini_cli: BasePath,
}

/// The path a client's base URL needs after the relay's base URL.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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

/// Why a profile could not be used: the field's path (`clients.codex.env_key`), then what is
/// wrong with it and, for JSON errors, where (serde_json's line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileError(String);

impl std::fmt::Display for ProfileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ProfileError {}

impl ProfileError {
    /// What is wrong with the field at `field` (a path such as `shown_clients[2]`).
    pub fn in_field(field: &str, what: &str) -> ProfileError {
        ProfileError(format!("{field}: {what}"))
    }
}

impl Profile {
    /// Reads a profile from its JSON text, then checks what JSON types cannot say: URLs that
    /// are http(s) URLs, a variable name a shell takes, a range whose ends are in order.
    pub fn from_json(text: &str) -> Result<Self, ProfileError> {
        let profile: Profile = serde_json::from_str(text).map_err(|error| {
            // serde_json says what is wrong and where; the path of the field is read off the
            // text up to there (a wrapping deserializer would cost the page more).
            let line_start: usize = text
                .split_inclusive('\n')
                .take(error.line().saturating_sub(1))
                .map(str::len)
                .sum();
            match field_path(text, line_start + error.column()) {
                path if path.is_empty() => ProfileError(error.to_string()),
                path => ProfileError(format!("{path}: {error}")),
            }
        })?;
        profile.validate()?;
        Ok(profile)
    }

    fn validate(&self) -> Result<(), ProfileError> {
        let wrong = |field: &str, what: &str| Err(ProfileError(format!("{field}: {what}")));
        let urls = [("base_url".to_owned(), Some(&self.base_url))]
            .into_iter()
            .chain(
                self.accepted_base_urls
                    .iter()
                    .enumerate()
                    .map(|(i, url)| (format!("accepted_base_urls[{i}]"), Some(url))),
            )
            .chain([
                ("docs_url".to_owned(), self.docs_url.as_ref()),
                ("support_url".to_owned(), self.support_url.as_ref()),
            ]);
        for (field, url) in urls {
            if let Some(url) = url.filter(|url| !is_web_url(url)) {
                return wrong(
                    &field,
                    &format!("expected an https:// or http:// URL, found `{url}`"),
                );
            }
        }
        let env_key = &self.clients.codex.env_key;
        let mut chars = env_key.chars();
        let name_start = chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
        if !name_start || !chars.all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return wrong(
                "clients.codex.env_key",
                &format!("expected a variable name (letters, digits, _), found `{env_key}`"),
            );
        }
        if let Some(length) = self.key.length.filter(|l| l.min > l.max) {
            return wrong(
                "key.length",
                &format!("min ({}) is larger than max ({})", length.min, length.max),
            );
        }
        if self.protocols.is_empty() {
            return wrong(
                "protocols",
                "lists no protocol: give openai, anthropic or gemini",
            );
        }
        for (i, protocol) in self.protocols.iter().enumerate() {
            if self.protocols[..i].contains(protocol) {
                return wrong(
                    &format!("protocols[{i}]"),
                    &format!("`{}` is listed twice", protocol.id()),
                );
            }
        }
        self.brand
            .validate()
            .or_else(|(field, what)| wrong(field, &what))
    }

    /// The built-in profile as JSON, the starting point of an operator's own.
    pub fn builtin_json() -> &'static str {
        BUILTIN_4096BYTES
    }

    /// The compiled-in 4096bytes profile.
    pub fn builtin() -> Self {
        // The embedded file is checked by `builtin_profile_parses` below; an error here would
        // be a build defect, not bad user input.
        Self::from_json(BUILTIN_4096BYTES).expect("the embedded 4096bytes profile is valid")
    }

    /// Every base URL of the relay: the one customers are given, then the others it accepts.
    pub fn base_urls(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.base_url.as_str())
            .chain(self.accepted_base_urls.iter().map(String::as_str))
    }

    /// The base URL a client should be given: the relay's base URL (or the one the customer
    /// typed) without trailing slashes, followed by the client's path from this profile.
    pub fn client_base_url(base_url: &str, client_base_path: &str) -> String {
        format!("{}{}", base_url.trim_end_matches('/'), client_base_path)
    }

    /// Whether the relay serves `protocol`.
    pub fn serves(&self, protocol: Protocol) -> bool {
        self.protocols.contains(&protocol)
    }
}

/// The path (`clients.codex.env_key`, `models[2]`) of the member or element that the first
/// `end` bytes of a JSON text end in, as far as they were read: where serde_json stopped.
fn field_path(text: &str, end: usize) -> String {
    /// An object and the key of the member being read, or an array and how many elements
    /// were read (`None` before the first).
    enum Frame<'a> {
        Object {
            key: Option<&'a str>,
            wants_key: bool,
        },
        Array(Option<usize>),
    }
    let bytes = &text.as_bytes()[..end.min(text.len())];
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if let Some(Frame::Array(count @ None)) = stack.last_mut()
            && !byte.is_ascii_whitespace()
            && byte != b']'
        {
            *count = Some(0);
        }
        match byte {
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object { key, wants_key }) = stack.last_mut()
                    && *wants_key
                {
                    *key = text.get(start..i.min(bytes.len()));
                    *wants_key = false;
                }
            }
            b'{' => stack.push(Frame::Object {
                key: None,
                wants_key: true,
            }),
            b'[' => stack.push(Frame::Array(None)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { wants_key, .. }) => *wants_key = true,
                Some(Frame::Array(Some(count))) => *count += 1,
                _ => {}
            },
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Array(Some(index)) => path.push_str(&format!("[{index}]")),
            _ => {}
        }
    }
    path
}

/// `https://` or `http://`, a host, and no whitespace or control character anywhere.
fn is_web_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        !rest.starts_with(['/', '?', '#', ':', '@'])
            && !rest.is_empty()
            && !url.chars().any(|c| c.is_whitespace() || c.is_control())
    })
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
    fn an_error_names_the_field_and_where_it_is() {
        let text =
            BUILTIN_4096BYTES.replace("\"env_key\": \"RELAY_4096BYTES_API_KEY\"", "\"env_key\": 7");
        let error = Profile::from_json(&text).unwrap_err().to_string();
        assert!(
            error.starts_with(
                "clients.codex.env_key: invalid type: integer `7`, expected a string at line "
            ),
            "{error}"
        );
        let missing = BUILTIN_4096BYTES.replace("\"provider_id\": \"OpenAI\",", "");
        let error = Profile::from_json(&missing).unwrap_err().to_string();
        assert!(
            error.starts_with("clients.codex: missing field `provider_id`"),
            "{error}"
        );
        let error = Profile::from_json("{").unwrap_err().to_string();
        assert!(
            error.contains("EOF while parsing an object at line 1 column 1"),
            "{error}"
        );
        let error = Profile::from_json(&format!("{BUILTIN_4096BYTES} {{}}")).unwrap_err();
        assert!(error.to_string().contains("trailing characters"), "{error}");
    }

    #[test]
    fn the_path_is_read_off_the_text_where_serde_stopped() {
        let text = r#"{"a": {"b": [1, {"c": "x\"y"}, 3], "d": 2}}"#;
        let at = |needle: &str| field_path(text, text.find(needle).unwrap() + needle.len());
        assert_eq!(at(r#"{"a""#), "a");
        assert_eq!(at("[1"), "a.b[0]");
        assert_eq!(at(r#""c": "x\"y""#), "a.b[1].c");
        assert_eq!(at(r#""y"}"#), "a.b[1]");
        assert_eq!(at(", 3"), "a.b[2]");
        assert_eq!(at("3]"), "a.b");
        assert_eq!(at("\"d\": 2"), "a.d");
        assert_eq!(at("2}"), "a");
        assert_eq!(at("2}}"), "");
        assert_eq!(field_path(text, 1), "");
        assert_eq!(field_path("[", 1), "");
        // A list whose first element is the wrong type.
        let text = r#"{"models": {"#;
        assert_eq!(field_path(text, text.len()), "models");
        let text = r#"{"models": ["#;
        assert_eq!(field_path(text, text.len()), "models");
    }

    #[test]
    fn values_json_cannot_judge_are_checked_and_named() {
        let error = |from: &str, to: &str| {
            let text = BUILTIN_4096BYTES.replacen(from, to, 1);
            Profile::from_json(&text).unwrap_err().to_string()
        };
        assert_eq!(
            error("\"https://api.4096bytes.com\"", "\"api.example\""),
            "base_url: expected an https:// or http:// URL, found `api.example`"
        );
        assert!(
            error(
                "\"accepted_base_urls\": []",
                "\"accepted_base_urls\": [\"https://a.example\", \"ftp://b\"]"
            )
            .starts_with("accepted_base_urls[1]: ")
        );
        assert!(
            error(
                "\"docs_url\": null",
                "\"docs_url\": \"javascript:alert(1)\""
            )
            .starts_with("docs_url: ")
        );
        assert!(
            error("\"RELAY_4096BYTES_API_KEY\"", "\"MY KEY\"")
                .starts_with("clients.codex.env_key: ")
        );
        assert!(
            error("\"length\": null", "\"length\": {\"min\": 9, \"max\": 3}")
                .starts_with("key.length: min (9) is larger than max (3)")
        );
    }

    #[test]
    fn every_field_of_the_builtin_profile_is_written_out() {
        // `onramp profile default` prints it as the template of an operator's own.
        let profile = Profile::builtin();
        let printed = serde_json::to_string_pretty(&profile).unwrap();
        assert_eq!(Profile::from_json(&printed).unwrap(), profile);
        for field in [
            "accepted_base_urls",
            "docs_url",
            "support_url",
            "key",
            "models",
            "protocols",
            "shown_clients",
            "default_client",
            "brand",
            "accent",
            "accent_dark",
            "logo",
            "gemini_cli",
        ] {
            assert!(printed.contains(&format!("\"{field}\"")), "{field}");
            // `onramp profile default` prints the file itself.
            assert!(
                BUILTIN_4096BYTES.contains(&format!("\"{field}\"")),
                "{field}"
            );
        }
        assert_eq!(
            profile.base_urls().collect::<Vec<_>>(),
            ["https://api.4096bytes.com"]
        );
    }

    #[test]
    fn protocols_say_what_the_relay_serves() {
        let profile = Profile::builtin();
        assert_eq!(profile.protocols, [Protocol::OpenAi, Protocol::Anthropic]);
        assert!(!profile.serves(Protocol::Gemini));
        // An operator's profile written before protocols existed keeps today's clients.
        let unsaid = BUILTIN_4096BYTES.replace("\"protocols\": [\"openai\", \"anthropic\"],", "");
        assert_eq!(
            Profile::from_json(&unsaid).unwrap().protocols,
            profile.protocols
        );
        let with = |protocols: &str| {
            Profile::from_json(&BUILTIN_4096BYTES.replace(
                "\"protocols\": [\"openai\", \"anthropic\"]",
                &format!("\"protocols\": {protocols}"),
            ))
        };
        assert!(
            with("[\"openai\", \"gemini\"]")
                .unwrap()
                .serves(Protocol::Gemini)
        );
        let error = with("[\"openai\", \"grpc\"]").unwrap_err().to_string();
        assert!(
            error.starts_with("protocols[1]: unknown variant `grpc`"),
            "{error}"
        );
        assert_eq!(
            with("[]").unwrap_err().to_string(),
            "protocols: lists no protocol: give openai, anthropic or gemini"
        );
        assert_eq!(
            with("[\"gemini\", \"gemini\"]").unwrap_err().to_string(),
            "protocols[1]: `gemini` is listed twice"
        );
    }

    #[test]
    fn a_brand_is_checked_and_named() {
        let with = |brand: &str| {
            Profile::from_json(&BUILTIN_4096BYTES.replacen("\"accent\": null", brand, 1))
        };
        let profile = with("\"accent\": \"#0b6e4f\"").unwrap_err().to_string();
        assert!(
            profile.starts_with("brand.accent: #0b6e4f as text on the dark theme's"),
            "{profile}"
        );
        let ok = BUILTIN_4096BYTES.replacen(
            "\"accent\": null,\n    \"accent_dark\": null,\n    \"logo\": null",
            "\"accent\": \"#0b6e4f\",\n    \"accent_dark\": \"#5fd3a8\",\n    \"logo\": \"logo.svg\"",
            1,
        );
        let brand = Profile::from_json(&ok).unwrap().brand;
        assert_eq!(brand.logo.as_deref(), Some("logo.svg"));
        let error = with("\"accent\": 7").unwrap_err().to_string();
        assert!(error.starts_with("brand.accent: invalid type"), "{error}");
        let error = with("\"colour\": \"#000000\"").unwrap_err().to_string();
        assert!(
            error.starts_with("brand.colour: unknown field `colour`"),
            "{error}"
        );
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
