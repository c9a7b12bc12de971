//! `onramp check`: a text's findings, for people or as JSON, or the text with every fix made;
//! exits with 1 while an error is left.

use super::args::{CheckArgs, offered, usage_error};
use super::{diagnostics, input, json};
use crate::check::{self, Context};
use crate::i18n::Lang;
use crate::profile::Profile;
use std::process::ExitCode;

/// Runs the command: the profile and the client are checked before the text is read.
pub(super) fn run(args: &CheckArgs, lang: Lang) -> ExitCode {
    match args.profile.load(lang).and_then(|profile| {
        if let Some(client) = args.client {
            offered(&profile, client, lang)?;
        }
        Ok((profile, input::read_input(args.file.as_deref(), lang)?))
    }) {
        Ok((profile, (name, text))) => check_text(args, &profile, &name, &text, lang),
        Err(message) => usage_error(&message),
    }
}

fn check_text(args: &CheckArgs, profile: &Profile, name: &str, text: &str, lang: Lang) -> ExitCode {
    let context = Context {
        profile,
        client: args.client,
    };
    let report = check::check(text, args.kind, &context);
    if args.fix {
        let fixed = check::fix_all(text, report.kind, &context).text;
        print!("{fixed}");
        let still_wrong = check::check(&fixed, Some(report.kind), &context).has_errors();
        return if still_wrong {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        };
    }
    if args.json {
        json::print(&json::report(&report, text, lang));
    } else {
        print!(
            "{}",
            diagnostics::render(&report, name, text, lang, input::colours())
        );
    }
    if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
