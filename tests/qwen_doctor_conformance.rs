//! The doctor against the real Qwen Code: for every `qwen-settings` case in `tests/cases/`,
//! onramp must report an error exactly when Qwen Code, given that `settings.json`, fails to
//! get an answer from a strict loopback relay (the right key at `/chat/completions`, or
//! 401/404). Needs `ONRAMP_QWEN` and strace (`scripts/setup-clients`); `scripts/test` runs this
//! with `--ignored`. `ONRAMP_CASE=<part of a path>` runs only the matching cases.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/cases.rs"]
mod cases;
mod support;

use onramp::check::Kind;
use std::path::Path;
use std::process::Command;
use support::{RecordingServer, Strict, fresh_dir, fresh_outside_dir};

/// The key the cases are written with, which the strict relay accepts.
const KEY: &str = "sk-onramp-case-key-0001abcd";
const RELAY: &str = "https://api.4096bytes.com";

/// Whether Qwen Code, set up with this settings file, got an answer from the strict relay
/// without trying to leave the machine.
fn qwen_reaches_the_relay(qwen: &Path, settings: &str, key: &str, index: usize) -> (bool, String) {
    let server = RecordingServer::strict(Strict {
        key: key.into(),
        model: None,
        endpoint: "/chat/completions".into(),
    });
    let home = fresh_dir(&format!("qwen-doctor-{index}"));
    let workdir = fresh_outside_dir(&format!("qwen-doctor-work-{index}"));
    std::fs::create_dir_all(home.join(".qwen")).unwrap();
    std::fs::write(
        home.join(".qwen/settings.json"),
        settings.replace(RELAY, &server.url()),
    )
    .unwrap();
    let mut command = Command::new(qwen);
    command
        .args(["-p", "hi"])
        .current_dir(&workdir)
        .env("HOME", &home)
        .env_remove("QWEN_HOME")
        .env_remove("OPENAI_API_KEY")
        .env_remove("OPENAI_BASE_URL")
        .env_remove("OPENAI_MODEL")
        // Statistics are judged as a warning of their own, not by this run.
        .env("QWEN_USAGE_STATISTICS_ENABLED", "false");
    support::reached_the_relay(command, &workdir.join("connections.trace"), &server, None)
}

#[test]
#[ignore = "needs Qwen Code and strace; scripts/test runs it"]
fn onramp_reports_an_error_exactly_where_qwen_code_fails() {
    let qwen = std::path::PathBuf::from(
        std::env::var_os("ONRAMP_QWEN").expect("set ONRAMP_QWEN (scripts/setup-clients does)"),
    );
    let version = Command::new(&qwen).arg("--version").output().unwrap();
    println!(
        "Qwen Code under test: {}",
        String::from_utf8_lossy(&version.stdout).trim()
    );
    cases::assert_errors_exactly_where_the_client_fails(
        Kind::QwenSettings,
        "Qwen Code",
        11,
        |case, index| {
            let key = case.key.as_deref().unwrap_or(KEY);
            Ok(qwen_reaches_the_relay(&qwen, &case.text, key, index))
        },
    );
}
