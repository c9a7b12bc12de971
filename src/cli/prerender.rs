//! `onramp prerender` (the `prerender` feature): the page's first view rendered into a built
//! index.html (src/first_view.rs), with what it was rendered for.

use super::args::{ProfileArg, usage_error};
use super::input;
use crate::first_view::{self, RenderedFor};
use crate::i18n::Lang;
use crate::profile::Profile;
use std::process::ExitCode;

/// `onramp prerender`: the first view rendered into `page`, which is rewritten in place.
pub(super) fn run(page: &std::path::Path, profile: &ProfileArg, lang: Lang) -> ExitCode {
    let (profile, digest) = match &profile.profile {
        None => (Profile::builtin(), None),
        Some(path) => match input::read_profile_text(path, lang) {
            Ok((profile, text)) => (profile, Some(first_view::profile_digest(&text))),
            Err(message) => return usage_error(&message),
        },
    };
    let name = page.display().to_string();
    let html = match std::fs::read_to_string(page) {
        Ok(html) => html,
        Err(error) => return usage_error(&lang.cannot_read(&name, &error.to_string())),
    };
    let (view, choices) = crate::web::render_first_view(profile.clone());
    let rendered_for = RenderedFor {
        choices: &choices,
        profile: digest,
        key_placeholder: first_view::key_to_fill(&profile, &choices),
    };
    let written = first_view::insert(&html, &view, &rendered_for)
        .map_err(|error| format!("{name}: {error}"))
        .and_then(|html| std::fs::write(page, html).map_err(|error| format!("{name}: {error}")));
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
    }
}
