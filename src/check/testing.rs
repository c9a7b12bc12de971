//! What the checkers' unit tests share: the built-in relay without a client, and findings as
//! sorted codes.

use super::{Context, Finding};
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
