//! The arguments: clap's types for every command, the value parser that names one of a list
//! by its id, the relay profile that `--profile` names, and the refusals clap cannot make
//! itself, which exit with 2 as its own do.

use super::input;
use crate::check::Kind;
use crate::clients::Client;
use crate::i18n::Lang;
use crate::merge;
use crate::platform::Os;
use crate::profile::Profile;
use crate::shell::Shell;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "onramp",
    version,
    about = "Set up AI clients for an OpenAI-compatible API relay"
)]
pub(super) struct Cli {
    #[command(subcommand)]
    pub(super) command: Command,
}

#[derive(Subcommand)]
pub(super) enum Command {
    /// Print the files and commands a client needs. The key comes from standard input or ONRAMP_KEY.
    Generate(GenerateArgs),
    /// Check a config file, env lines, a URL or a key for the mistakes behind most support tickets.
    /// Exits with 1 when an error is found.
    Check(CheckArgs),
    /// Print a file people already have (Codex config.toml by default) with the relay's settings
    /// merged in; what changed goes to standard error. The key, where the file holds one, comes
    /// from ONRAMP_KEY.
    Merge(MergeArgs),
    /// List the doctor's rules: code, severity, where the severity comes from, and texts.
    Rules {
        /// Print JSON: [{code, severity, evidence: {kind, source}, message, why, fix}].
        #[arg(long)]
        json: bool,
    },
    /// List the clients, with the systems and shells each supports.
    Clients {
        /// Print JSON: [{id, name, systems: [{os, shells}]}].
        #[arg(long)]
        json: bool,
    },
    /// Print the built-in relay profile, or check one (the page reads profile.json beside it).
    #[command(subcommand)]
    Profile(ProfileCommand),
    /// Render the page's first view into a built index.html, so that it shows before the wasm
    /// has loaded (Trunk's post_build hook runs this on release builds). With --profile, the
    /// operator's relay is baked in: the page shows it at once while that profile.json is next
    /// to it.
    #[cfg(feature = "prerender")]
    Prerender {
        /// The built index.html, rewritten in place.
        page: std::path::PathBuf,
        #[command(flatten)]
        profile: ProfileArg,
    },
}

#[derive(Subcommand)]
pub(super) enum ProfileCommand {
    /// Print the built-in profile: the template of another relay's.
    Default,
    /// Check a profile; exits with 1 and names the field when it is not valid.
    Check {
        /// The profile's JSON file.
        file: std::path::PathBuf,
    },
}

/// `--profile FILE`: another relay than the built-in one.
#[derive(Args)]
pub(super) struct ProfileArg {
    /// The relay profile to use [default: the built-in one; see `onramp profile default`].
    #[arg(long, value_name = "FILE")]
    pub(super) profile: Option<std::path::PathBuf>,
}

impl ProfileArg {
    pub(super) fn load(&self, lang: Lang) -> Result<Profile, String> {
        match &self.profile {
            None => Ok(Profile::builtin()),
            Some(path) => input::read_profile(path, lang),
        }
    }
}

/// The parser of an argument that names one of `all` by its id: the same ids as the page's
/// links, listed in `--help`, and refused with that list when unknown.
fn one_of<T: Copy + Send + Sync + 'static>(
    all: &'static [T],
    id: fn(T) -> &'static str,
) -> impl TypedValueParser<Value = T> {
    PossibleValuesParser::new(all.iter().map(|&each| id(each))).try_map(move |picked| {
        all.iter()
            .copied()
            .find(|&each| id(each) == picked)
            .ok_or("not one of the possible values")
    })
}

#[derive(Args)]
pub(super) struct GenerateArgs {
    /// The client to set up.
    #[arg(long, value_parser = one_of(&Client::ALL, Client::id))]
    pub(super) client: Client,
    /// The system the client runs on.
    #[arg(long, value_parser = one_of(&Os::ALL, Os::id))]
    pub(super) os: Os,
    /// The shell for commands [default: bash on macOS, Linux and WSL; powershell on Windows].
    #[arg(long, value_parser = one_of(&Shell::ALL, Shell::id))]
    pub(super) shell: Option<Shell>,
    /// The relay's base URL [default: the relay profile's].
    #[arg(long, default_value = "", hide_default_value = true)]
    pub(super) base_url: String,
    /// The model name [default: the profile's placeholder].
    #[arg(long, default_value = "", hide_default_value = true)]
    pub(super) model: String,
    /// Print a JSON array of snippets: {section, kind, path, shell, file_name, format, content, notes}.
    #[arg(long)]
    pub(super) json: bool,
    #[command(flatten)]
    pub(super) profile: ProfileArg,
}

#[derive(Args)]
pub(super) struct CheckArgs {
    /// The file to check; `-` or nothing reads standard input.
    pub(super) file: Option<std::path::PathBuf>,
    /// What the text is [default: recognised from its content].
    #[arg(long, value_parser = one_of(&Kind::ALL, Kind::id))]
    pub(super) kind: Option<Kind>,
    /// The client the text is for (decides, for example, whether /v1 belongs in a URL).
    #[arg(long, value_parser = one_of(&Client::ALL, Client::id))]
    pub(super) client: Option<Client>,
    /// Print {kind, findings: [{code, severity, line, column, end_line, end_column, message, why, fix}]}.
    #[arg(long)]
    pub(super) json: bool,
    /// Print the text with every fix applied, instead of the findings.
    #[arg(long, conflicts_with = "json")]
    pub(super) fix: bool,
    #[command(flatten)]
    pub(super) profile: ProfileArg,
}

#[derive(Args)]
pub(super) struct MergeArgs {
    /// The existing file; `-` or nothing reads standard input.
    pub(super) file: Option<std::path::PathBuf>,
    /// Which client's file it is.
    #[arg(long, default_value = "codex-config", value_parser = one_of(&merge::MergeTarget::ALL, merge::MergeTarget::id))]
    pub(super) into: merge::MergeTarget,
    /// The relay's base URL [default: the relay profile's].
    #[arg(long, default_value = "", hide_default_value = true)]
    pub(super) base_url: String,
    /// The model name [default: the profile's placeholder].
    #[arg(long, default_value = "", hide_default_value = true)]
    pub(super) model: String,
    #[command(flatten)]
    pub(super) profile: ProfileArg,
}

/// Whether the relay offers `client`; if not, the message says why (its API, or the
/// profile's list of clients).
pub(super) fn offered(profile: &Profile, client: Client, lang: Lang) -> Result<(), String> {
    match crate::clients::lineup::unavailable(profile, client) {
        None => Ok(()),
        Some(why) => Err(format!("{} {}", client.name(), why.reason().text(lang))),
    }
}

/// A usage error: exits with 2, as clap does for its own.
pub(super) fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}
