//! `onramp generate`: the files and commands a client needs, for people or as JSON, after
//! the key, the base URL and the model have been judged on standard error.

use super::args::{GenerateArgs, offered, usage_error};
use super::{diagnostics, input, json};
use crate::check::Field;
use crate::clients::{Client, Setup, Snippet, Values};
use crate::i18n::{Lang, Msg};
use crate::platform::Target;
use crate::profile::Profile;
use crate::shell::Shell;
use std::process::ExitCode;

/// Runs the command: the shell, the profile and the client are checked before the key is read.
pub(super) fn run(args: GenerateArgs, lang: Lang) -> ExitCode {
    let target = match args.shell {
        None => Target::new(args.os),
        Some(shell) => match Target::with_shell(args.os, shell) {
            Some(target) => target,
            None => {
                let usual: Vec<_> = Shell::for_os(args.os).iter().map(|s| s.id()).collect();
                return usage_error(&lang.not_a_shell_for(
                    shell.id(),
                    args.os.id(),
                    &usual.join(", "),
                ));
            }
        },
    };
    let profile = match args.profile.load(lang) {
        Ok(profile) => profile,
        Err(message) => return usage_error(&message),
    };
    if let Err(message) = offered(&profile, args.client, lang) {
        return usage_error(&message);
    }
    match input::read_key(lang) {
        Ok(key) => generate(args, &profile, target, key, lang),
        Err(message) => usage_error(&message),
    }
}

fn generate(
    args: GenerateArgs,
    profile: &Profile,
    target: Target,
    key: String,
    lang: Lang,
) -> ExitCode {
    let values = Values {
        key,
        base_url: args.base_url,
        model: args.model,
    };
    let mut base_url_has_error = false;
    for (value, name, field) in [
        (&values.key, "key", Field::Key),
        (&values.base_url, "--base-url", Field::BaseUrl),
        (&values.model, "--model", Field::Model),
    ] {
        let findings = field.check(value, profile, args.client).findings;
        if field == Field::BaseUrl {
            base_url_has_error = Field::breaks_request_url(&findings);
        }
        eprint!(
            "{}",
            diagnostics::render_value(value, name, &findings, lang)
        );
    }

    let setup = args.client.setup(profile, &values, target);
    if args.json {
        json::print(&json::snippets(&setup, lang))
    } else {
        print_for_people(args.client, &setup, base_url_has_error, lang);
        ExitCode::SUCCESS
    }
}

fn print_for_people(client: Client, setup: &Setup, base_url_has_error: bool, lang: Lang) {
    let print_snippet = |snippet: &Snippet| {
        println!("── {} ──", snippet.heading(lang));
        for note in &snippet.notes {
            println!("# {}", note.text(lang));
        }
        println!("{}", snippet.content.trim_end());
    };
    if !setup.install.is_empty() {
        println!("━━ {} ━━", Msg::InstallHeading.text(lang));
        setup.install.iter().for_each(print_snippet);
        println!();
    }
    for section in &setup.sections {
        println!("━━ {} ━━", section.title.text(lang));
        for note in &section.notes {
            println!("  {}", note.text(lang));
        }
        section.snippets.iter().for_each(print_snippet);
        println!("→ {}", section.next_step.text(lang));
        println!();
    }
    println!(
        "{} {} {}",
        client.name(),
        Msg::RequestLine.text(lang),
        setup.request_url
    );
    if base_url_has_error {
        println!("{}", Msg::RequestUrlBroken.text(lang));
    }
}
