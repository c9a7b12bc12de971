//! `onramp profile`: the built-in relay profile printed, or an operator's checked.

use super::input;
use crate::i18n::Lang;
use crate::profile::Profile;
use std::process::ExitCode;

/// `onramp profile default`: the built-in profile, the template of another relay's.
pub(super) fn print_default() -> ExitCode {
    print!("{}", Profile::builtin_json());
    ExitCode::SUCCESS
}

/// `onramp profile check`: the relay a valid profile names; exits with 1 when it is not valid.
pub(super) fn check(file: &std::path::Path, lang: Lang) -> ExitCode {
    match input::read_profile(file, lang) {
        Ok(profile) => {
            println!(
                "{}: {} ({})",
                file.display(),
                profile.display_name,
                profile.base_url
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
    }
}
