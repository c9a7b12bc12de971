//! The command line: the same generation and checks as the page, in a terminal.
//!
//! The key is read from `ONRAMP_KEY` or standard input, never from an argument, so that it
//! stays out of shell history and process listings.

use crate::check::{self, Finding};
use crate::clients::{Client, Os, Setup, Values};
use crate::i18n::Lang;
use crate::profile::Profile;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};
use serde::Serialize;
use std::io::{IsTerminal, Read};
use std::process::ExitCode;

/// The environment variable that may hold the key.
const KEY_VARIABLE: &str = "ONRAMP_KEY";

#[derive(Parser)]
#[command(
    name = "onramp",
    version,
    about = "Set up AI clients for an OpenAI-compatible API relay"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the files a client needs. The key comes from standard input or ONRAMP_KEY.
    Generate(GenerateArgs),
}

#[derive(Args)]
struct GenerateArgs {
    /// The client to set up.
    #[arg(long, value_parser = PossibleValuesParser::new(Client::ALL.map(Client::id))
        .try_map(|id| Client::from_id(&id).ok_or("unknown client")))]
    client: Client,
    /// The system the client runs on.
    #[arg(long, value_parser = PossibleValuesParser::new(Os::ALL.map(Os::id))
        .try_map(|id| Os::from_id(&id).ok_or("unknown system")))]
    os: Os,
    /// The relay's base URL [default: the relay profile's].
    #[arg(long, default_value = "", hide_default_value = true)]
    base_url: String,
    /// The model name [default: the profile's placeholder].
    #[arg(long, default_value = "", hide_default_value = true)]
    model: String,
    /// Print a JSON array of {file_name, path, format, content, notes}.
    #[arg(long)]
    json: bool,
}

/// A snippet as printed by `--json`.
#[derive(Serialize)]
struct JsonSnippet<'a> {
    file_name: &'a str,
    path: &'a str,
    format: crate::clients::Format,
    content: &'a str,
    notes: Vec<&'static str>,
}

/// Runs the command line; usage errors exit with 2, as clap does for its own.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let lang = terminal_language();
    match cli.command {
        Command::Generate(args) => match read_key() {
            Ok(key) => generate(args, key, lang),
            Err(message) => {
                eprintln!("error: {message}");
                ExitCode::from(2)
            }
        },
    }
}

fn generate(args: GenerateArgs, key: String, lang: Lang) -> ExitCode {
    let profile = Profile::builtin();
    let values = Values {
        key,
        base_url: args.base_url,
        model: args.model,
    };
    report(
        &values.key,
        "key",
        &check::key::check(&values.key, &profile),
        lang,
    );
    report(
        &values.base_url,
        "--base-url",
        &check::url::check(&values.base_url),
        lang,
    );
    report(
        &values.model,
        "--model",
        &check::model::check(&values.model, &profile),
        lang,
    );

    let setup = args.client.setup(&profile, &values, args.os);
    if args.json {
        print_json(&setup, lang)
    } else {
        print_for_people(args.client, &setup, lang);
        ExitCode::SUCCESS
    }
}

fn print_json(setup: &Setup, lang: Lang) -> ExitCode {
    let snippets: Vec<JsonSnippet> = setup
        .snippets
        .iter()
        .map(|snippet| JsonSnippet {
            file_name: snippet.file_name,
            path: &snippet.path,
            format: snippet.format,
            content: &snippet.content,
            notes: snippet.notes.iter().map(|note| note.text(lang)).collect(),
        })
        .collect();
    match serde_json::to_string_pretty(&snippets) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: could not write JSON: {error}");
            ExitCode::FAILURE
        }
    }
}

fn print_for_people(client: Client, setup: &Setup, lang: Lang) {
    for snippet in &setup.snippets {
        println!("── {} ──", snippet.path);
        for note in &snippet.notes {
            println!("# {}", note.text(lang));
        }
        println!("{}", snippet.content.trim_end());
        println!();
    }
    println!(
        "{} {} {}",
        client.name(),
        crate::i18n::Msg::RequestLine.text(lang),
        setup.request_url
    );
    println!("{}", setup.next_step.text(lang));
}

/// Prints findings for one value to standard error, by position only: the value may be the key.
fn report(value: &str, field: &str, findings: &[Finding], lang: Lang) {
    for finding in findings {
        let rule = finding.rule;
        let position = lang.at_character(check::char_position(value, finding.span.start));
        eprintln!(
            "{}[{}]: {field}: {} ({position})\n  = {}",
            rule.severity.label().text(lang),
            rule.code,
            rule.message.text(lang),
            rule.why.text(lang)
        );
    }
}

/// The key from `ONRAMP_KEY`, else from standard input unless that is a terminal (typing a key
/// there would echo it), else empty so that the placeholder is printed.
fn read_key() -> Result<String, String> {
    if let Some(key) = std::env::var_os(KEY_VARIABLE) {
        return key
            .into_string()
            .map_err(|_| format!("{KEY_VARIABLE} is not valid UTF-8"));
    }
    let mut stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprintln!(
            "note: no key given (pipe it in or set {KEY_VARIABLE}); printing the placeholder"
        );
        return Ok(String::new());
    }
    let mut key = String::new();
    stdin
        .read_to_string(&mut key)
        .map_err(|error| format!("could not read the key from standard input: {error}"))?;
    // `echo KEY |` and here-strings add one line break that is not part of the key.
    let without_newline = key
        .strip_suffix('\n')
        .map(|k| k.strip_suffix('\r').unwrap_or(k));
    Ok(without_newline.map(str::to_owned).unwrap_or(key))
}

/// The terminal's language from the usual locale variables.
fn terminal_language() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|value| !value.is_empty()))
        .map_or(Lang::En, |tag| Lang::from_tag(&tag))
}
