//! The doctor against the real Codex CLI: for every Codex case in `tests/cases/`, onramp must
//! report an error exactly when Codex, given that file, fails to start or fails to reach a
//! strict loopback relay (the right key, model and path, or 401/404).
//!
//! Cases marked `codex: skip …` in their `.expect` file would make Codex leave the machine
//! (a built-in OpenAI provider, a wrong host) or depend on something outside the file; the
//! reason is printed. `codex: env` sets the variable the relay's setup names in `env_key` to the
//! key, as the person's shell would; `codex: env NAME=VALUE` sets `NAME` instead, `<key>` in
//! `VALUE` standing for the key (`codex: env RELAY_AUTH=Bearer <key>`). Needs `ONRAMP_CODEX`; `scripts/test` runs this with `--ignored`.
//! `ONRAMP_CASE=<part of a path>` runs only the matching cases.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/cases.rs"]
mod cases;
mod support;

use onramp::check::{self, Context, Kind};
use onramp::profile::Profile;
use std::path::{Path, PathBuf};
use std::process::Command;
use support::{RecordingServer, Strict, fresh_dir, run_client};

/// The key and model the cases are written with, which the strict relay accepts.
const KEY: &str = "sk-onramp-case-key-0001abcd";
const MODEL: &str = "gpt-5.5";
const RELAY: &str = "https://api.4096bytes.com";

struct CodexCase {
    path: PathBuf,
    kind: Kind,
    text: String,
    /// `Some(reason)` for cases Codex is not run on.
    skip: Option<String>,
    /// The variables the person's shell sets for it (the key read from the environment).
    env: Vec<(String, String)>,
}

fn codex_cases() -> Vec<CodexCase> {
    cases::cases()
        .into_iter()
        .filter(|case| matches!(case.kind, Kind::CodexConfig | Kind::CodexAuth))
        .map(|case| CodexCase {
            skip: case
                .codex
                .as_deref()
                .and_then(|marker| marker.strip_prefix("skip: "))
                .map(str::to_owned),
            env: case.codex.as_deref().map(environment).unwrap_or_default(),
            path: case.path,
            kind: case.kind,
            text: case.text,
        })
        .collect()
}

/// The variables a `codex:` marker sets: none unless it is `env` or `env NAME=VALUE`.
fn environment(marker: &str) -> Vec<(String, String)> {
    match marker.strip_prefix("env") {
        Some("") => vec![("RELAY_4096BYTES_API_KEY".into(), KEY.into())],
        Some(assignment) => assignment
            .trim()
            .split_once('=')
            .map(|(name, value)| (name.to_owned(), value.replace("<key>", KEY)))
            .into_iter()
            .collect(),
        None => Vec::new(),
    }
}

/// The case's text pointed at the loopback relay instead of the real one.
fn on_loopback(text: &str, server: &RecordingServer) -> String {
    let host = server.url().trim_start_matches("http://").to_owned();
    text.replace(RELAY, &server.url())
        .replace("api.4096bytes.com", &host)
        .replace("api.4096bytes", &host)
}

fn good_config(server: &RecordingServer) -> String {
    format!(
        "model_provider = \"OpenAI\"\nmodel = \"{MODEL}\"\n\n[model_providers.OpenAI]\nname = \"4096bytes\"\nbase_url = \"{}\"\nwire_api = \"responses\"\nrequires_openai_auth = true\n",
        server.url()
    )
}

/// Whether Codex, set up with this case, got a turn answered by the strict relay.
fn codex_reaches_the_relay(codex: &Path, case: &CodexCase, index: usize) -> (bool, String) {
    let server = RecordingServer::strict(Strict {
        key: KEY.into(),
        model: Some(MODEL.into()),
        endpoint: "/responses".into(),
    });
    let home = fresh_dir(&format!("doctor-home-{index}"));
    let (config, auth) = match case.kind {
        Kind::CodexConfig => (
            on_loopback(&case.text, &server),
            format!("{{\"OPENAI_API_KEY\": \"{KEY}\"}}"),
        ),
        _ => (good_config(&server), case.text.clone()),
    };
    std::fs::write(home.join("config.toml"), config).unwrap();
    std::fs::write(home.join("auth.json"), auth).unwrap();
    let mut command = Command::new(codex);
    command
        .args(["exec", "--skip-git-repo-check", "Reply with one word."])
        .current_dir(&home)
        .env("CODEX_HOME", &home)
        .env("HOME", &home)
        .env_remove("OPENAI_API_KEY")
        .env_remove("OPENAI_BASE_URL")
        .env_remove("CODEX_API_KEY");
    command.envs(case.env.iter().map(|(name, value)| (name, value)));
    let output = run_client(command);
    let answered = server
        .requests()
        .iter()
        .any(|request| request.status == "200 OK");
    (
        output.success && answered,
        format!("{}\n{}", output.stdout, output.stderr),
    )
}

#[test]
#[ignore = "needs the Codex CLI; scripts/test runs it"]
fn onramp_reports_an_error_exactly_where_codex_fails() {
    let codex = PathBuf::from(
        std::env::var_os("ONRAMP_CODEX").expect("set ONRAMP_CODEX (scripts/test does)"),
    );
    let version = Command::new(&codex)
        .arg("--version")
        .output()
        .expect("codex runs");
    println!(
        "Codex under test: {}",
        String::from_utf8_lossy(&version.stdout).trim()
    );
    let profile = Profile::builtin();
    let context = Context {
        profile: &profile,
        client: None,
    };
    let (mut agreed, mut skipped, mut disagreements) = (0, 0, Vec::new());
    let only = std::env::var("ONRAMP_CASE").unwrap_or_default();
    for (index, case) in codex_cases()
        .iter()
        .enumerate()
        .filter(|(_, case)| case.path.to_string_lossy().contains(&only))
    {
        let name = case
            .path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(&case.path)
            .display()
            .to_string();
        if let Some(reason) = &case.skip {
            println!("skipped {name}: {reason}");
            skipped += 1;
            continue;
        }
        let onramp_error = check::check(&case.text, Some(case.kind), &context).has_errors();
        let (reached, printed) = codex_reaches_the_relay(&codex, case, index);
        println!(
            "{name}: onramp {} / Codex {}",
            if onramp_error { "error" } else { "clean" },
            if reached {
                "reached the relay"
            } else {
                "failed"
            }
        );
        if onramp_error == reached {
            disagreements.push(format!("{name}: onramp error = {onramp_error}, Codex reached the relay = {reached}\n{printed}"));
        } else {
            agreed += 1;
        }
    }
    println!("{agreed} cases agree, {skipped} skipped");
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n\n"));
    assert!(
        !only.is_empty() || agreed >= 30,
        "only {agreed} cases were run"
    );
}
