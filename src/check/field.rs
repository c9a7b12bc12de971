//! [`Field`]: a value typed into one of the page's fields or given as an option to the CLI,
//! judged by the checker of that value for the client being set up. Both entry points judge
//! their fields here so that they agree; pasted texts go through the pipeline instead.

use super::{Checked, Context, Finding, Severity, key, model, url};
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

    /// Whether `findings` of [`Field::BaseUrl`] make the request URL that the setup states
    /// wrong too, which the page and the CLI say under it: any error does.
    pub fn breaks_request_url(findings: &[Finding]) -> bool {
        findings
            .iter()
            .any(|finding| finding.rule.severity == Severity::Error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_field_is_judged_for_the_client_being_set_up() {
        let profile = Profile::builtin();
        // Codex adds no /v1 itself: the base URL must hold it. Claude Code adds its own.
        let with_v1 = "https://api.4096bytes.com/v1";
        let codes = |client| {
            Field::BaseUrl
                .check(with_v1, &profile, client)
                .findings
                .iter()
                .map(|finding| finding.rule.code)
                .collect::<Vec<_>>()
        };
        assert_ne!(codes(Client::Codex), codes(Client::ClaudeCode));
    }

    #[test]
    fn an_error_in_the_base_url_breaks_the_request_url() {
        let profile = Profile::builtin();
        let findings = |url| Field::BaseUrl.check(url, &profile, Client::Codex).findings;
        assert!(!Field::breaks_request_url(&findings(
            "https://api.4096bytes.com"
        )));
        assert!(Field::breaks_request_url(&findings(
            "https://api.4096bytes.com/v1/chat/completions"
        )));
    }
}
