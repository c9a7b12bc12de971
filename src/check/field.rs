//! [`Field`]: a value typed into one of the page's fields or given as an option to the CLI,
//! judged by the checker of that value for the client being set up. Both entry points judge
//! their fields here so that they agree; pasted texts go through the pipeline instead.

use super::{Checked, Context, key, model, url};
use crate::clients::Client;
use crate::profile::Profile;

/// A value typed into one of the page's fields (or given as an option to `onramp generate`)
/// while a client is being set up. Each is judged for that client: whether it trims a space
/// around the key, whether it adds `/v1` itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Key,
    /// The relay's base URL, to which the setup adds the client's own path.
    BaseUrl,
    Model,
}

impl Field {
    /// The findings for `text` typed into this field while `client` is set up for the relay of
    /// `profile`. The page and the CLI both judge their fields here, so that they agree.
    pub fn check(self, text: &str, profile: &Profile, client: Client) -> Checked {
        let context = Context {
            profile,
            client: Some(client),
        };
        match self {
            Field::Key => key::check(text, &context),
            Field::BaseUrl => url::check_relay_base_url(text, &context),
            Field::Model => model::check(text, &context),
        }
    }
}
