//! Which clients a relay offers: those whose API the relay serves (the profile's
//! `protocols`), in the order the profile lists them (`shown_clients`), the profile's
//! `default_client` first chosen. The page's client choice, the doctor's client (the page's),
//! `onramp generate` and `onramp check --client` all ask here.
//!
//! The profile names clients by id; only this module knows the ids, so reading an operator's
//! profile is [`load`]: the profile's own checks, then these.

use super::Client;
use crate::i18n::Msg;
use crate::profile::{Profile, ProfileError, Protocol};

/// Why a relay does not offer a client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unavailable {
    /// It needs an API the relay does not serve.
    Protocol(Protocol),
    /// The relay's page lists its clients and this is not one of them.
    NotShown,
}

impl Unavailable {
    /// The reason, as a sentence that follows the client's name.
    pub fn reason(self) -> Msg {
        match self {
            Unavailable::Protocol(Protocol::OpenAi) => Msg::NeedsOpenAiProtocol,
            Unavailable::Protocol(Protocol::Anthropic) => Msg::NeedsAnthropicProtocol,
            Unavailable::Protocol(Protocol::Gemini) => Msg::NeedsGeminiProtocol,
            Unavailable::NotShown => Msg::NotAmongShownClients,
        }
    }
}

/// Why `client` is not offered for this relay, or `None` when it is.
pub fn unavailable(profile: &Profile, client: Client) -> Option<Unavailable> {
    if !profile.serves(client.protocol()) {
        Some(Unavailable::Protocol(client.protocol()))
    } else if profile
        .shown_clients
        .as_ref()
        .is_some_and(|shown| !shown.iter().any(|id| id == client.id()))
    {
        Some(Unavailable::NotShown)
    } else {
        None
    }
}

/// The clients offered, in the order shown.
pub fn offered(profile: &Profile) -> Vec<Client> {
    let listed: Vec<Client> = match &profile.shown_clients {
        Some(ids) => ids.iter().filter_map(|id| Client::from_id(id)).collect(),
        None => Client::ALL.to_vec(),
    };
    listed
        .into_iter()
        .filter(|client| profile.serves(client.protocol()))
        .collect()
}

/// The client chosen when the visitor has chosen none: the profile's default, else the first
/// offered. A profile that passed [`check`] offers at least one.
pub fn default_client(profile: &Profile) -> Client {
    let offered = offered(profile);
    profile
        .default_client
        .as_deref()
        .and_then(Client::from_id)
        .filter(|client| offered.contains(client))
        .or(offered.first().copied())
        .unwrap_or(Client::Curl)
}

/// Reads an operator's profile: its own checks ([`Profile::from_json`]), then the clients it
/// names.
pub fn load(text: &str) -> Result<Profile, ProfileError> {
    let profile = Profile::from_json(text)?;
    check(&profile)?;
    Ok(profile)
}

/// The clients a profile names exist, are listed once, and speak an API the relay serves;
/// the default is one of those offered.
pub fn check(profile: &Profile) -> Result<(), ProfileError> {
    let known = || Client::ALL.map(Client::id).join(", ");
    let named = |field: &str, id: &str| -> Result<Client, ProfileError> {
        let client = Client::from_id(id).ok_or_else(|| {
            ProfileError::in_field(field, &format!("unknown client `{id}`; known: {}", known()))
        })?;
        if !profile.serves(client.protocol()) {
            return Err(ProfileError::in_field(
                field,
                &format!(
                    "{} needs the {} protocol, which protocols does not list",
                    client.name(),
                    client.protocol().id()
                ),
            ));
        }
        Ok(client)
    };
    if let Some(shown) = &profile.shown_clients {
        if shown.is_empty() {
            return Err(ProfileError::in_field(
                "shown_clients",
                "lists no client: give at least one, or null for all",
            ));
        }
        for (i, id) in shown.iter().enumerate() {
            let field = format!("shown_clients[{i}]");
            named(&field, id)?;
            if shown[..i].contains(id) {
                return Err(ProfileError::in_field(
                    &field,
                    &format!("`{id}` is listed twice"),
                ));
            }
        }
    }
    if let Some(id) = &profile.default_client {
        let client = named("default_client", id)?;
        if unavailable(profile, client) == Some(Unavailable::NotShown) {
            return Err(ProfileError::in_field(
                "default_client",
                &format!("`{id}` is not in shown_clients"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(edit: impl FnOnce(&mut Profile)) -> Profile {
        let mut profile = Profile::builtin();
        edit(&mut profile);
        profile
    }

    fn error(profile: &Profile) -> String {
        check(profile).unwrap_err().to_string()
    }

    #[test]
    fn the_builtin_relay_offers_every_openai_and_anthropic_client() {
        let builtin = Profile::builtin();
        assert_eq!(check(&builtin), Ok(()));
        let offered = offered(&builtin);
        assert!(offered.contains(&Client::ClaudeCode));
        assert!(!offered.contains(&Client::GeminiCli));
        assert_eq!(offered.len(), Client::ALL.len() - 1);
        assert_eq!(default_client(&builtin), Client::Codex);
        assert_eq!(
            unavailable(&builtin, Client::GeminiCli),
            Some(Unavailable::Protocol(Protocol::Gemini))
        );
        assert_eq!(unavailable(&builtin, Client::Codex), None);
    }

    #[test]
    fn a_relay_without_anthropic_hides_claude_code_and_one_with_gemini_shows_gemini_cli() {
        let relay = profile(|p| p.protocols = vec![Protocol::OpenAi, Protocol::Gemini]);
        let offered = offered(&relay);
        assert!(!offered.contains(&Client::ClaudeCode));
        assert!(offered.contains(&Client::GeminiCli));
        assert_eq!(
            unavailable(&relay, Client::ClaudeCode).map(Unavailable::reason),
            Some(Msg::NeedsAnthropicProtocol)
        );
        let gemini_only = profile(|p| p.protocols = vec![Protocol::Gemini]);
        assert_eq!(super::offered(&gemini_only), [Client::GeminiCli]);
        assert_eq!(default_client(&gemini_only), Client::GeminiCli);
    }

    #[test]
    fn the_order_and_the_default_are_the_profiles() {
        let relay = profile(|p| {
            p.shown_clients = Some(vec!["claude-code".into(), "curl".into(), "codex".into()]);
            p.default_client = Some("curl".into());
        });
        assert_eq!(check(&relay), Ok(()));
        assert_eq!(
            offered(&relay),
            [Client::ClaudeCode, Client::Curl, Client::Codex]
        );
        assert_eq!(default_client(&relay), Client::Curl);
        assert_eq!(
            unavailable(&relay, Client::Cursor),
            Some(Unavailable::NotShown)
        );
        let no_default = profile(|p| p.shown_clients = Some(vec!["opencode".into()]));
        assert_eq!(default_client(&no_default), Client::Opencode);
    }

    #[test]
    fn bad_client_lists_are_refused_with_the_field_named() {
        let shown = |ids: &[&str]| {
            profile(|p| p.shown_clients = Some(ids.iter().map(|id| (*id).to_owned()).collect()))
        };
        let message = error(&shown(&["codex", "notepad"]));
        assert!(
            message.starts_with("shown_clients[1]: unknown client `notepad`; known: codex, "),
            "{message}"
        );
        assert_eq!(
            error(&shown(&["codex", "curl", "codex"])),
            "shown_clients[2]: `codex` is listed twice"
        );
        assert_eq!(
            error(&shown(&["gemini-cli"])),
            "shown_clients[0]: Gemini CLI needs the gemini protocol, which protocols does not list"
        );
        assert!(error(&shown(&[])).starts_with("shown_clients: lists no client"));
        let default = |id: &str| {
            profile(|p| {
                p.shown_clients = Some(vec!["codex".into()]);
                p.default_client = Some(id.into());
            })
        };
        assert_eq!(
            error(&default("curl")),
            "default_client: `curl` is not in shown_clients"
        );
        assert!(error(&default("vim")).starts_with("default_client: unknown client `vim`"));
        let anthropic_off = profile(|p| {
            p.protocols = vec![Protocol::OpenAi];
            p.default_client = Some("claude-code".into());
        });
        assert_eq!(
            error(&anthropic_off),
            "default_client: Claude Code needs the anthropic protocol, which protocols does not list"
        );
    }

    #[test]
    fn load_reads_and_checks_in_one_step() {
        let text = Profile::builtin_json().replace(
            "\"shown_clients\": null",
            "\"shown_clients\": [\"codex\", \"emacs\"]",
        );
        let message = load(&text).unwrap_err().to_string();
        assert!(
            message.starts_with("shown_clients[1]: unknown client `emacs`"),
            "{message}"
        );
        assert_eq!(load(Profile::builtin_json()), Ok(Profile::builtin()));
    }
}
