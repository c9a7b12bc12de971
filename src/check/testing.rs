//! What the checkers' unit tests share: the built-in relay without a client, findings as
//! sorted codes, and a text checked or fixed as a kind.

use super::{Context, Finding, Kind, fix_all};
use crate::profile::Profile;
use std::sync::LazyLock;

static PROFILE: LazyLock<Profile> = LazyLock::new(Profile::builtin);

pub fn context() -> Context<'static> {
    Context {
        profile: &PROFILE,
        client: None,
    }
}

pub fn sorted_codes(findings: &[Finding]) -> Vec<&'static str> {
    let mut codes: Vec<_> = findings.iter().map(|finding| finding.rule.code).collect();
    codes.sort();
    codes
}

/// The codes `kind`'s checker finds in `text`, sorted.
pub fn codes(text: &str, kind: Kind) -> Vec<&'static str> {
    sorted_codes(&(kind.check_spec().check)(text, &context()).findings)
}

/// `text` with every fix made, checked as `kind`.
pub fn fixed(text: &str, kind: Kind) -> String {
    fix_all(text, kind, &context()).text
}
