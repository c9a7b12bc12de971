//! The doctor against the real OpenCode: for every `opencode-config` case in `tests/cases/`,
//! onramp must report an error exactly when OpenCode, given that `opencode.json`, fails to get
//! an answer from a strict loopback relay (the right key and model at the right path, or
//! 401/404). Needs `ONRAMP_OPENCODE` and strace (`scripts/setup-clients`); `scripts/test` runs
//! this with `--ignored`. `ONRAMP_CASE=<part of a path>` runs only the matching cases.
//!
//! The relay serves the Chat Completions API, and the Responses API for Codex: a case whose
//! provider is built on `@ai-sdk/openai` (which posts `/responses`) is run against a relay
//! strict on that path. A key given as `{env:NAME}` is run with `NAME` exported, as the
//! person's terminal would have it.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/cases.rs"]
mod cases;
mod support;

use onramp::check::Kind;
use std::path::{Path, PathBuf};
use std::process::Command;
use support::{ANSWER, RecordingServer, Strict, fresh_dir, fresh_outside_dir, generate};

/// The key and model the cases are written with, which the strict relay accepts.
const KEY: &str = "sk-onramp-case-key-0001abcd";
const MODEL: &str = "gpt-5.5";
const RELAY: &str = "https://api.4096bytes.com";
const RELAY_HOST: &str = "api.4096bytes.com";

/// Cases OpenCode is not run on, and why.
const NOT_RUN: [(&str, &str); 1] = [(
    "base-url-http.json",
    "over loopback (itself http) the relay's https cannot be reproduced",
)];

fn opencode_binary() -> PathBuf {
    PathBuf::from(
        std::env::var_os("ONRAMP_OPENCODE")
            .expect("set ONRAMP_OPENCODE to the opencode binary (scripts/setup-clients does)"),
    )
}

/// The variable a `{env:NAME}` in the text names, if there is one.
fn env_variable(text: &str) -> Option<&str> {
    let (_, after) = text.split_once("{env:")?;
    after.split_once('}').map(|(name, _)| name)
}

/// Whether OpenCode, set up with this opencode.json, got an answer from the strict relay
/// without trying to leave the machine.
fn opencode_reaches_the_relay(
    opencode: &Path,
    config: &str,
    key: &str,
    index: usize,
) -> (bool, String) {
    let endpoint = if config.contains("\"@ai-sdk/openai\"") {
        "/responses"
    } else {
        "/chat/completions"
    };
    let server = RecordingServer::strict(Strict {
        key: key.into(),
        model: Some(MODEL.into()),
        endpoint: endpoint.into(),
    });
    let home = fresh_dir(&format!("opencode-doctor-{index}"));
    let workdir = fresh_outside_dir(&format!("opencode-doctor-work-{index}"));
    let dir = home.join(".config/opencode");
    std::fs::create_dir_all(&dir).unwrap();
    let host = server.url().trim_start_matches("http://").to_owned();
    let on_loopback = config
        .replace(RELAY, &server.url())
        .replace(RELAY_HOST, &host);
    std::fs::write(dir.join("opencode.json"), on_loopback).unwrap();
    let mut command = Command::new(opencode);
    command
        .args(["run", "hi"])
        .current_dir(&workdir)
        .env("HOME", &home)
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .env_remove("XDG_CACHE_HOME")
        .env_remove("XDG_STATE_HOME")
        .env_remove("OPENCODE_CONFIG")
        .env_remove("OPENCODE_CONFIG_CONTENT")
        // As in opencode_conformance.rs: no model list, update or share calls, and npm offline.
        .env("OPENCODE_DISABLE_MODELS_FETCH", "1")
        .env("OPENCODE_DISABLE_AUTOUPDATE", "1")
        .env("OPENCODE_DISABLE_SHARE", "1")
        .env("npm_config_offline", "true");
    if let Some(name) = env_variable(config) {
        command.env(name, key);
    }
    support::reached_the_relay(
        command,
        &workdir.join("connections.trace"),
        &server,
        Some(ANSWER),
    )
}

/// The clean case named after onramp's own file is that file, byte for byte.
#[test]
fn the_clean_generated_case_is_what_onramp_generates() {
    let snippets = generate("opencode", KEY, RELAY, MODEL);
    let generated = snippets
        .iter()
        .find(|s| s["kind"] == "file" && s["file_name"] == "opencode.json")
        .and_then(|s| s["content"].as_str())
        .expect("an opencode.json");
    let case = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cases/opencode-config/clean-generated.json");
    assert_eq!(std::fs::read_to_string(case).unwrap(), generated);
}

#[test]
#[ignore = "needs OpenCode and strace; scripts/test runs it"]
fn onramp_reports_an_error_exactly_where_opencode_fails() {
    let opencode = opencode_binary();
    let version = Command::new(&opencode).arg("--version").output().unwrap();
    println!(
        "OpenCode under test: {}",
        String::from_utf8_lossy(&version.stdout).trim()
    );
    cases::assert_errors_exactly_where_the_client_fails(
        Kind::OpencodeConfig,
        "OpenCode",
        30,
        |case, index| {
            let key = case.key.as_deref().unwrap_or(KEY);
            let name = case.name();
            if let Some((_, reason)) = NOT_RUN.iter().find(|(file, _)| name.ends_with(file)) {
                return Err(reason);
            }
            Ok(opencode_reaches_the_relay(
                &opencode, &case.text, key, index,
            ))
        },
    );
}
