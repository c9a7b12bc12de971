//! The command line: the same generation and checks as the page, in a terminal.
//!
//! The key is read from `ONRAMP_KEY` or standard input, never from an argument, so that it
//! stays out of shell history and process listings.

mod diagnostics;

use crate::check::{self, Context, Field, Kind, LineIndex, Report, Severity};
use crate::clients::{Client, Setup, Snippet, SnippetKind, Values};
use crate::i18n::{Lang, Msg};
use crate::merge;
use crate::platform::Shell;
use crate::platform::{Format, Os, Target};
use crate::profile::Profile;
use crate::shell::Scope;
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
enum ProfileCommand {
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
struct ProfileArg {
    /// The relay profile to use [default: the built-in one; see `onramp profile default`].
    #[arg(long, value_name = "FILE")]
    profile: Option<std::path::PathBuf>,
}

impl ProfileArg {
    fn load(&self, lang: Lang) -> Result<Profile, String> {
        match &self.profile {
            None => Ok(Profile::builtin()),
            Some(path) => read_profile(path, lang),
        }
    }
}

/// Reads and checks a profile file; the message names the file and the field.
fn read_profile(path: &std::path::Path, lang: Lang) -> Result<Profile, String> {
    read_profile_text(path, lang).map(|(profile, _)| profile)
}

/// [`read_profile`], with the file's text.
fn read_profile_text(path: &std::path::Path, lang: Lang) -> Result<(Profile, String), String> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|error| lang.cannot_read(&name, &error.to_string()))?;
    let profile =
        crate::clients::lineup::load(&text).map_err(|error| format!("{name}: {error}"))?;
    Ok((profile, text))
}

/// `onramp prerender`: the first view rendered into `page` (src/first_view.rs).
#[cfg(feature = "prerender")]
fn prerender(page: &std::path::Path, profile: &ProfileArg, lang: Lang) -> ExitCode {
    use crate::first_view::{self, RenderedFor};
    let (profile, digest) = match &profile.profile {
        None => (Profile::builtin(), None),
        Some(path) => match read_profile_text(path, lang) {
            Ok((profile, text)) => (profile, Some(first_view::profile_digest(&text))),
            Err(message) => return usage_error(&message),
        },
    };
    let name = page.display().to_string();
    let html = match std::fs::read_to_string(page) {
        Ok(html) => html,
        Err(error) => return usage_error(&lang.cannot_read(&name, &error.to_string())),
    };
    let (view, choices) = crate::web::render_first_view(profile);
    let rendered_for = RenderedFor {
        choices: &choices,
        profile: digest,
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
struct GenerateArgs {
    /// The client to set up.
    #[arg(long, value_parser = one_of(&Client::ALL, Client::id))]
    client: Client,
    /// The system the client runs on.
    #[arg(long, value_parser = one_of(&Os::ALL, Os::id))]
    os: Os,
    /// The shell for commands [default: bash on macOS, Linux and WSL; powershell on Windows].
    #[arg(long, value_parser = one_of(&Shell::ALL, Shell::id))]
    shell: Option<Shell>,
    /// The relay's base URL [default: the relay profile's].
    #[arg(long, default_value = "", hide_default_value = true)]
    base_url: String,
    /// The model name [default: the profile's placeholder].
    #[arg(long, default_value = "", hide_default_value = true)]
    model: String,
    /// Print a JSON array of snippets: {section, kind, path, shell, file_name, format, content, notes}.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    profile: ProfileArg,
}

#[derive(Args)]
struct CheckArgs {
    /// The file to check; `-` or nothing reads standard input.
    file: Option<std::path::PathBuf>,
    /// What the text is [default: recognised from its content].
    #[arg(long, value_parser = one_of(&Kind::ALL, Kind::id))]
    kind: Option<Kind>,
    /// The client the text is for (decides, for example, whether /v1 belongs in a URL).
    #[arg(long, value_parser = one_of(&Client::ALL, Client::id))]
    client: Option<Client>,
    /// Print {kind, findings: [{code, severity, line, column, end_line, end_column, message, why, fix}]}.
    #[arg(long)]
    json: bool,
    /// Print the text with every fix applied, instead of the findings.
    #[arg(long, conflicts_with = "json")]
    fix: bool,
    #[command(flatten)]
    profile: ProfileArg,
}

#[derive(Args)]
struct MergeArgs {
    /// The existing file; `-` or nothing reads standard input.
    file: Option<std::path::PathBuf>,
    /// Which client's file it is.
    #[arg(long, default_value = "codex-config", value_parser = one_of(&merge::Target::ALL, merge::Target::id))]
    into: merge::Target,
    /// The relay's base URL [default: the relay profile's].
    #[arg(long, default_value = "", hide_default_value = true)]
    base_url: String,
    /// The model name [default: the profile's placeholder].
    #[arg(long, default_value = "", hide_default_value = true)]
    model: String,
    #[command(flatten)]
    profile: ProfileArg,
}

/// A finding as printed by `check --json`: positions, never the text (keys stay masked).
#[derive(Serialize)]
struct JsonFinding {
    code: &'static str,
    severity: &'static str,
    evidence: JsonEvidence,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    message: &'static str,
    why: &'static str,
    fix: Option<JsonFix>,
}

/// Where a rule's severity comes from.
#[derive(Serialize)]
struct JsonEvidence {
    /// `client` (a real client's run), `source` (the client's source code), `relay` (the
    /// relay's docs or profile) or `heuristic` (a guess, never an error).
    kind: &'static str,
    source: &'static str,
}

/// A rule as printed by `rules --json`.
#[derive(Serialize)]
struct JsonRule {
    code: &'static str,
    severity: &'static str,
    evidence: JsonEvidence,
    message: &'static str,
    why: &'static str,
    fix: Option<&'static str>,
    /// The ids of the relay's symptoms this rule explains.
    symptoms: Vec<String>,
}

#[derive(Serialize)]
struct JsonFix {
    label: &'static str,
    edits: Vec<JsonEdit>,
}

#[derive(Serialize)]
struct JsonEdit {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    /// Masked like the key when the edit touches one.
    replacement: String,
}

#[derive(Serialize)]
struct JsonReport {
    kind: &'static str,
    errors: usize,
    warnings: usize,
    findings: Vec<JsonFinding>,
}

/// A snippet as printed by `generate --json`.
#[derive(Serialize)]
struct JsonSnippet<'a> {
    /// The id of the alternative it belongs to (`auth-json`, `env-session`…), or `install`
    /// for how to install the client, which comes before them all.
    section: &'static str,
    /// `file`, `commands`, `value` (to paste into a settings screen) or `link` (to open).
    kind: &'static str,
    /// Where a file goes; `null` for the other kinds.
    path: Option<&'a str>,
    /// What the snippet is headed with: the path, the shell or the settings field.
    heading: String,
    /// The shell commands are for; `null` for files.
    shell: Option<&'static str>,
    /// For commands that set variables, for how long: `session` (paste them into the terminal
    /// the client is started from) or `persistent` (for every new terminal); `null` for a
    /// command to run.
    scope: Option<&'static str>,
    file_name: &'static str,
    format: Format,
    content: &'a str,
    notes: Vec<&'static str>,
}

/// A client as printed by `clients --json`.
#[derive(Serialize)]
struct JsonClient {
    id: &'static str,
    name: &'static str,
    systems: Vec<JsonSystem>,
}

#[derive(Serialize)]
struct JsonSystem {
    os: &'static str,
    shells: Vec<&'static str>,
}

/// Runs the command line; usage errors exit with 2, as clap does for its own.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let lang = terminal_language();
    match cli.command {
        Command::Generate(args) => {
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
            match read_key(lang) {
                Ok(key) => generate(args, &profile, target, key, lang),
                Err(message) => usage_error(&message),
            }
        }
        Command::Check(args) => match args.profile.load(lang).and_then(|profile| {
            if let Some(client) = args.client {
                offered(&profile, client, lang)?;
            }
            Ok((profile, read_input(args.file.as_deref(), lang)?))
        }) {
            Ok((profile, (name, text))) => check_text(&args, &profile, &name, &text, lang),
            Err(message) => usage_error(&message),
        },
        Command::Merge(args) => match args
            .profile
            .load(lang)
            .and_then(|profile| Ok((profile, read_input(args.file.as_deref(), lang)?)))
        {
            Ok((profile, (name, text))) => merge_file(&args, &profile, &name, &text, lang),
            Err(message) => usage_error(&message),
        },
        Command::Rules { json } => list_rules(json, lang),
        Command::Clients { json } => list_clients(json),
        #[cfg(feature = "prerender")]
        Command::Prerender { page, profile } => prerender(&page, &profile, lang),
        Command::Profile(ProfileCommand::Default) => {
            print!("{}", Profile::builtin_json());
            ExitCode::SUCCESS
        }
        Command::Profile(ProfileCommand::Check { file }) => match read_profile(&file, lang) {
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
        },
    }
}

fn list_rules(json: bool, lang: Lang) -> ExitCode {
    let profile = Profile::builtin();
    let rules: Vec<JsonRule> = crate::rules()
        .map(|rule| JsonRule {
            code: rule.code,
            severity: rule.severity.as_str(),
            evidence: JsonEvidence {
                kind: rule.evidence.kind(),
                source: rule.evidence.source(),
            },
            message: rule.message.get(lang),
            why: rule.why.get(lang),
            fix: rule.fix_label.map(|label| label.get(lang)),
            symptoms: crate::symptoms::explained_by(rule.code, &profile)
                .iter()
                .map(|symptom| symptom.id.clone())
                .collect(),
        })
        .collect();
    if json {
        return print_json(&rules);
    }
    for rule in rules {
        println!("{} ({}, {})", rule.code, rule.severity, rule.evidence.kind);
        println!("  {}", rule.message);
        println!("  {}: {}", Msg::CliWhy.text(lang), rule.why);
        println!("  evidence: {}", rule.evidence.source);
        if !rule.symptoms.is_empty() {
            println!("  explains: {}", rule.symptoms.join(", "));
        }
    }
    ExitCode::SUCCESS
}

/// Whether the relay offers `client`; if not, the message says why (its API, or the
/// profile's list of clients).
fn offered(profile: &Profile, client: Client, lang: Lang) -> Result<(), String> {
    match crate::clients::lineup::unavailable(profile, client) {
        None => Ok(()),
        Some(why) => Err(format!("{} {}", client.name(), why.reason().text(lang))),
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

fn list_clients(json: bool) -> ExitCode {
    let clients: Vec<JsonClient> = Client::ALL
        .iter()
        .map(|client| JsonClient {
            id: client.id(),
            name: client.name(),
            systems: client
                .systems()
                .iter()
                .map(|os| JsonSystem {
                    os: os.id(),
                    shells: Shell::for_os(*os).iter().map(|s| s.id()).collect(),
                })
                .collect(),
        })
        .collect();
    if json {
        return print_json(&clients);
    }
    for client in clients {
        let systems: Vec<String> = client
            .systems
            .iter()
            .map(|s| format!("{} ({})", s.os, s.shells.join(", ")))
            .collect();
        println!(
            "{:<12} {:<30} {}",
            client.id,
            client.name,
            systems.join("; ")
        );
    }
    ExitCode::SUCCESS
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
            base_url_has_error = findings.iter().any(|f| f.rule.severity == Severity::Error);
        }
        eprint!(
            "{}",
            diagnostics::render_value(value, name, &findings, lang)
        );
    }

    let setup = args.client.setup(profile, &values, target);
    if args.json {
        print_json(&json_snippets(&setup, lang))
    } else {
        print_for_people(args.client, &setup, base_url_has_error, lang);
        ExitCode::SUCCESS
    }
}

fn json_snippets(setup: &Setup, lang: Lang) -> Vec<JsonSnippet<'_>> {
    let install = setup.install.iter().map(|snippet| ("install", snippet));
    let sections = setup
        .sections
        .iter()
        .flat_map(|section| section.snippets.iter().map(|snippet| (section.id, snippet)));
    install
        .chain(sections)
        .map(|(section, snippet)| {
            let (kind, path, shell, scope) = match &snippet.kind {
                SnippetKind::File { path, .. } => ("file", Some(path.as_str()), None, None),
                SnippetKind::Commands { shell, scope } => {
                    let scope = scope.map(|scope| match scope {
                        Scope::Session => "session",
                        Scope::Persistent => "persistent",
                    });
                    ("commands", None, Some(shell.id()), scope)
                }
                SnippetKind::Value { .. } => ("value", None, None, None),
                SnippetKind::Link { .. } => ("link", None, None, None),
            };
            JsonSnippet {
                section,
                kind,
                path,
                heading: snippet.heading(lang),
                shell,
                scope,
                file_name: snippet.file_name(),
                format: snippet.format,
                content: &snippet.content,
                notes: snippet.notes.iter().map(|note| note.text(lang)).collect(),
            }
        })
        .collect()
}

fn print_json(value: &impl Serialize) -> ExitCode {
    match serde_json::to_string_pretty(value) {
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

/// The text to check and the name to show for it. Reads one byte more than the checker takes,
/// so that a larger input is reported as too large instead of read whole.
fn read_input(file: Option<&std::path::Path>, lang: Lang) -> Result<(String, String), String> {
    let limit = check::MAX_INPUT_BYTES as u64 + 1;
    let (name, mut reader): (String, Box<dyn Read>) =
        match file.filter(|path| path.as_os_str() != "-") {
            Some(path) => {
                let file = std::fs::File::open(path).map_err(|error| {
                    lang.cannot_read(&path.display().to_string(), &error.to_string())
                })?;
                (path.display().to_string(), Box::new(file))
            }
            None if std::io::stdin().is_terminal() => {
                return Err(Msg::CliStdinIsTerminal.text(lang).to_owned());
            }
            None => ("<stdin>".to_owned(), Box::new(std::io::stdin())),
        };
    let mut bytes = Vec::new();
    reader
        .by_ref()
        .take(limit)
        .read_to_end(&mut bytes)
        .map_err(|error| lang.cannot_read(&name, &error.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|_| lang.not_utf8(&name))?;
    Ok((name, text))
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
        print_json(&json_report(&report, text, lang));
    } else {
        print!(
            "{}",
            diagnostics::render(&report, name, text, lang, colours())
        );
    }
    if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn merge_file(args: &MergeArgs, profile: &Profile, name: &str, text: &str, lang: Lang) -> ExitCode {
    // Standard input may be the file, so the key comes from the variable only (the
    // placeholder without it), never from an argument.
    let key = match key_from_variable(lang).unwrap_or_else(|| Ok(String::new())) {
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
            let (client, file_name) = args.into.file();
            let context = Context {
                profile,
                client: Some(client),
            };
            let report = check::check(&merged.text, Kind::for_file(client, file_name), &context);
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
            let (client, file_name) = args.into.file();
            let context = Context {
                profile,
                client: Some(client),
            };
            let report = Report {
                findings,
                ..check::check(text, Kind::for_file(client, file_name), &context)
            };
            print!(
                "{}",
                diagnostics::render(&report, name, text, lang, colours())
            );
            ExitCode::from(1)
        }
    }
}

fn json_report(report: &Report, text: &str, lang: Lang) -> JsonReport {
    let lines = LineIndex::new(text);
    let position = |offset: usize| lines.line_column(offset);
    let touches_secret = |span: &std::ops::Range<usize>| {
        report
            .secrets
            .iter()
            .any(|secret| span.start < secret.end && secret.start < span.end.max(span.start + 1))
    };
    let findings = report
        .findings
        .iter()
        .map(|finding| {
            let (line, column) = position(finding.span.start);
            let (end_line, end_column) = position(finding.span.end);
            let fix = finding
                .rule
                .fix_label
                .filter(|_| !finding.edits.is_empty())
                .map(|label| JsonFix {
                    label: label.get(lang),
                    edits: finding
                        .edits
                        .iter()
                        .map(|edit| {
                            let (line, column) = position(edit.span.start);
                            let (end_line, end_column) = position(edit.span.end);
                            let replacement = if touches_secret(&edit.span) {
                                check::mask(
                                    &edit.replacement,
                                    std::slice::from_ref(&(0..edit.replacement.len())),
                                )
                            } else {
                                edit.replacement.clone()
                            };
                            JsonEdit {
                                line,
                                column,
                                end_line,
                                end_column,
                                replacement,
                            }
                        })
                        .collect(),
                });
            JsonFinding {
                code: finding.rule.code,
                severity: finding.rule.severity.as_str(),
                evidence: JsonEvidence {
                    kind: finding.rule.evidence.kind(),
                    source: finding.rule.evidence.source(),
                },
                line,
                column,
                end_line,
                end_column,
                message: finding.rule.message.get(lang),
                why: finding.rule.why.get(lang),
                fix,
            }
        })
        .collect();
    JsonReport {
        kind: report.kind.id(),
        errors: report.count(Severity::Error),
        warnings: report.count(Severity::Warning),
        findings,
    }
}

/// Whether diagnostics get colours: on a terminal, unless `NO_COLOR` asks otherwise.
fn colours() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// The key in `ONRAMP_KEY`, when it is set.
fn key_from_variable(lang: Lang) -> Option<Result<String, String>> {
    let key = std::env::var_os(KEY_VARIABLE)?;
    Some(
        key.into_string()
            .map_err(|_| Msg::CliKeyNotUtf8.text(lang).to_owned()),
    )
}

/// The key from `ONRAMP_KEY`, else from standard input unless that is a terminal (typing a key
/// there would echo it), else empty so that the placeholder is printed.
fn read_key(lang: Lang) -> Result<String, String> {
    if let Some(key) = key_from_variable(lang) {
        return key;
    }
    let mut stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprintln!(
            "{}: {}",
            Severity::Info.label().text(lang),
            Msg::CliNoKey.text(lang)
        );
        return Ok(String::new());
    }
    let mut key = String::new();
    stdin
        .read_to_string(&mut key)
        .map_err(|error| lang.cannot_read("<stdin>", &error.to_string()))?;
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
