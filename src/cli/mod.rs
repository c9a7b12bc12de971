//! The command line: the same generation and checks as the page, in a terminal.
//!
//! The key is read from `ONRAMP_KEY` or standard input, never from an argument, so that it
//! stays out of shell history and process listings.
//!
//! [`run`] parses the arguments (`args`) and hands each command to its own module:
//! `generate`, `check`, `merge`, `lists` (rules and clients), `profile` and `prerender`.
//! Below them, `input` reads what they need (files, the key, the terminal's language),
//! `json` holds what `--json` prints and `diagnostics` renders findings for people; none of
//! these knows a command.

mod args;
mod check;
mod diagnostics;
mod generate;
mod input;
mod json;
mod lists;
mod merge;
#[cfg(feature = "prerender")]
mod prerender;
mod profile;

use args::{Cli, Command, ProfileCommand};
use clap::Parser;
use std::process::ExitCode;

/// Runs the command line; usage errors exit with 2, as clap does for its own.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let lang = input::terminal_language();
    match cli.command {
        Command::Generate(args) => generate::run(args, lang),
        Command::Check(args) => check::run(&args, lang),
        Command::Merge(args) => merge::run(&args, lang),
        Command::Rules { json } => lists::rules(json, lang),
        Command::Clients { json } => lists::clients(json),
        #[cfg(feature = "prerender")]
        Command::Prerender { page, profile } => prerender::run(&page, &profile, lang),
        Command::Profile(ProfileCommand::Default) => profile::print_default(),
        Command::Profile(ProfileCommand::Check { file }) => profile::check(&file, lang),
    }
}
