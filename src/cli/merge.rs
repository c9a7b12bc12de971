//! `onramp merge`: the relay's settings merged into a file people have, printed whole; what
//! changed, and what is still wrong in the result, go to standard error.

use super::args::{MergeArgs, usage_error};
use super::{diagnostics, input};
use crate::check::{self, Context, Report};
use crate::clients::Values;
use crate::i18n::{Lang, Msg};
use crate::merge;
use crate::profile::Profile;
use std::io::IsTerminal;
use std::process::ExitCode;

/// Runs the command: the profile is loaded before the file is read.
pub(super) fn run(args: &MergeArgs, lang: Lang) -> ExitCode {
    match args
        .profile
        .load(lang)
        .and_then(|profile| Ok((profile, input::read_input(args.file.as_deref(), lang)?)))
    {
        Ok((profile, (name, text))) => merge_file(args, &profile, &name, &text, lang),
        Err(message) => usage_error(&message),
    }
}

fn merge_file(args: &MergeArgs, profile: &Profile, name: &str, text: &str, lang: Lang) -> ExitCode {
    // Standard input may be the file, so the key comes from the variable only (the
    // placeholder without it), never from an argument.
    let key = match input::key_from_variable(lang).unwrap_or_else(|| Ok(String::new())) {
        Ok(key) => key,
        Err(message) => return usage_error(&message),
    };
    let values = Values {
        key,
        base_url: args.base_url.clone(),
        model: args.model.clone(),
    };
    match merge::merge(args.into, text, profile, &values) {
        Ok(merged) => {
            print!("{}", merged.text);
            for change in &merged.changes {
                eprintln!(
                    "{}",
                    lang.merge_change(&change.key, &change.old, change.new.as_deref())
                );
            }
            // What the merge kept (a placeholder, a broken provider table) is checked like any
            // file, on the merged text, so that nothing wrong is passed on in silence.
            let (client, file) = args.into.file();
            let context = Context {
                profile,
                client: Some(client),
            };
            let report = check::check(&merged.text, file.kind, &context);
            if !report.findings.is_empty() {
                let name = Msg::CliMergedFile.text(lang);
                let styled =
                    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
                eprint!(
                    "{}",
                    diagnostics::render(&report, name, &merged.text, lang, styled)
                );
            }
            ExitCode::SUCCESS
        }
        Err(findings) => {
            // The checker's report, for where the secrets are; only the blocking findings.
            let (client, file) = args.into.file();
            let context = Context {
                profile,
                client: Some(client),
            };
            let report = Report {
                findings,
                ..check::check(text, file.kind, &context)
            };
            print!(
                "{}",
                diagnostics::render(&report, name, text, lang, input::colours())
            );
            ExitCode::from(1)
        }
    }
}
