//! [`Context`]: what the checks know besides the text, the relay and the client it is meant
//! for. Every checker reads it; it depends on no checker.

use crate::clients::Client;
use crate::profile::Profile;

/// What the checks know besides the text: the relay, and the client it is meant for.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub profile: &'a Profile,
    /// The client the text is for, when known: it decides, for example, whether `/v1` in a
    /// base URL is expected or doubled, or whether a space around a key is trimmed. Without
    /// one, values are judged for the strictest client that could read them.
    pub client: Option<Client>,
}

impl Context<'_> {
    /// The same relay, for `client`.
    pub fn for_client(&self, client: Client) -> Context<'_> {
        Context {
            client: Some(client),
            ..*self
        }
    }
}
