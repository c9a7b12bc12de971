//! The doctor against the real Claude Code: for every `claude-settings` case in
//! `tests/cases/`, onramp must report an error exactly when Claude Code, given that
//! `settings.json`, fails to get an answer from a strict loopback relay (the right key at
//! `/v1/messages`, or 401/404).
//!
//! A case that sends Claude Code to Anthropic instead shows as a connection through the proxy
//! the test sets (the recording server itself): the test stops Claude Code there rather than
//! wait for its retries. Needs `ONRAMP_CLAUDE`; `scripts/test` runs this with `--ignored`.
//! `ONRAMP_CASE=<part of a path>` runs only the matching cases.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/cases.rs"]
mod cases;
mod support;

use onramp::check::{self, Kind};
use onramp::profile::Profile;
use std::path::PathBuf;
use std::process::Command;
use support::{RecordingServer, Strict, fresh_dir, run_client_until};

/// The key the cases are written with, which the strict relay accepts.
const KEY: &str = "sk-onramp-case-key-0001abcd";
const RELAY: &str = "https://api.4096bytes.com";

/// Whether Claude Code, set up with this settings file, got an answer from the strict relay.
fn claude_reaches_the_relay(claude: &PathBuf, settings: &str, index: usize) -> (bool, String) {
    let server = RecordingServer::strict(Strict {
        key: KEY.into(),
        model: None,
        endpoint: "/v1/messages".into(),
    });
    let home = fresh_dir(&format!("claude-doctor-{index}"));
    std::fs::create_dir_all(home.join(".claude")).unwrap();
    let settings = settings.replace(RELAY, &server.url());
    std::fs::write(home.join(".claude/settings.json"), settings).unwrap();
    let mut command = Command::new(claude);
    command
        .args(["-p", "Reply with one word."])
        .current_dir(&home)
        .env("HOME", &home)
        .env("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1")
        // Anything bound for another host goes through the recorder, which refuses it.
        .env("HTTPS_PROXY", server.url())
        .env("NO_PROXY", "127.0.0.1,localhost")
        .env_remove("ANTHROPIC_BASE_URL")
        .env_remove("ANTHROPIC_AUTH_TOKEN")
        .env_remove("ANTHROPIC_API_KEY")
        .env_remove("ANTHROPIC_MODEL");
    let left_the_machine = || server.requests().iter().any(|r| r.method == "CONNECT");
    let output = run_client_until(command, left_the_machine);
    let answered = server
        .requests()
        .iter()
        .any(|request| request.status == "200 OK");
    let requests: Vec<String> = server
        .requests()
        .iter()
        .map(|r| format!("{} {} → {}", r.method, r.path, r.status))
        .collect();
    (
        output.success && answered,
        format!("{requests:?}\n{}\n{}", output.stdout, output.stderr),
    )
}

#[test]
#[ignore = "needs Claude Code; scripts/test runs it"]
fn onramp_reports_an_error_exactly_where_claude_code_fails() {
    let claude = PathBuf::from(
        std::env::var_os("ONRAMP_CLAUDE").expect("set ONRAMP_CLAUDE (scripts/test does)"),
    );
    let version = Command::new(&claude).arg("--version").output().unwrap();
    println!(
        "Claude Code under test: {}",
        String::from_utf8_lossy(&version.stdout).trim()
    );
    let profile = Profile::builtin();
    let only = std::env::var("ONRAMP_CASE").unwrap_or_default();
    let (mut agreed, mut disagreements) = (0, Vec::new());
    let claude_cases = cases::cases()
        .into_iter()
        .filter(|case| case.kind == Kind::ClaudeSettings && case.name().contains(&only));
    for (index, case) in claude_cases.enumerate() {
        let report = check::check(&case.text, Some(case.kind), &case.context(&profile));
        let onramp_error = report.has_errors();
        let (reached, printed) = claude_reaches_the_relay(&claude, &case.text, index);
        println!(
            "{}: onramp {} / Claude Code {}",
            case.name(),
            if onramp_error { "error" } else { "clean" },
            if reached {
                "reached the relay"
            } else {
                "failed"
            }
        );
        if onramp_error == reached {
            disagreements.push(format!(
                "{}: onramp error = {onramp_error}, Claude Code reached the relay = {reached}\n{printed}",
                case.name()
            ));
        } else {
            agreed += 1;
        }
    }
    println!("{agreed} cases agree");
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n\n"));
    assert!(
        !only.is_empty() || agreed >= 15,
        "only {agreed} cases were run"
    );
}
