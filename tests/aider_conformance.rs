//! Conformance with the real Aider: the `export` lines and the `aider --model openai/…` line
//! onramp prints, run by bash as printed in a fresh home, make Aider send the key and model to
//! the relay's `/chat/completions`, and nothing beyond loopback.
//!
//! Needs `aider` from PyPI (`aider-chat`, pinned in `tests/clients/requirements.txt`), named by
//! `ONRAMP_AIDER`, and strace; `scripts/test` installs both (scripts/setup-clients) and runs
//! this with `--ignored`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use support::{
    ANSWER, RecordingServer, assert_requests, commands, fresh_dir, fresh_outside_dir, generate,
    run_traced_client, stated_request_path,
};

/// Keys and models that exercise quoting in the shell.
const CASES: [(&str, &str); 3] = [
    ("sk-aider-plain-0001", "gpt-5.5"),
    (
        r#"sk-"quoted"\back\slash"#,
        r#"relay/model "quoted" \ slash"#,
    ),
    ("sk-$HOME-'single'-%PATH%-`tick`", "模型-ü"),
];

/// Flags for one non-interactive question with nothing else: no git, no update check, no
/// analytics, no release notes or model warnings, plain output.
const ONE_QUESTION: [&str; 10] = [
    "--message",
    "hi",
    "--yes-always",
    "--no-git",
    "--no-check-update",
    "--analytics-disable",
    "--no-show-release-notes",
    "--no-show-model-warnings",
    "--no-pretty",
    "--no-fancy-input",
];

fn aider_binary() -> PathBuf {
    PathBuf::from(
        std::env::var_os("ONRAMP_AIDER")
            .expect("set ONRAMP_AIDER to the aider binary (scripts/setup-clients does)"),
    )
}

/// Not part of the setup: Aider downloads LiteLLM's model price list from GitHub unless its
/// cache in the home folder is fresh and not empty; a one-entry list keeps it offline.
fn seed_model_price_cache(home: &Path) {
    let caches = home.join(".aider/caches");
    std::fs::create_dir_all(&caches).unwrap();
    std::fs::write(
        caches.join("model_prices_and_context_window.json"),
        r#"{"onramp-placeholder": {}}"#,
    )
    .unwrap();
}

#[test]
#[ignore = "needs Aider; scripts/test runs it"]
fn aider_sends_the_key_and_model_to_the_relay() {
    let aider = aider_binary();
    let version = Command::new(&aider)
        .arg("--version")
        .output()
        .expect("aider runs");
    println!(
        "Aider under test: {}",
        String::from_utf8_lossy(&version.stdout).trim()
    );
    let bin_dir = aider.parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );

    for (index, (key, model)) in CASES.into_iter().enumerate() {
        let case = format!("case {index}");
        let server = RecordingServer::start();
        let home = fresh_dir(&format!("aider-home-{index}"));
        let workdir = fresh_outside_dir(&format!("aider-work-{index}"));
        seed_model_price_cache(&home);
        let snippets = generate("aider", key, &server.url(), model);
        // The printed `aider --model …` line, with the flags for one question appended.
        let start = commands(&snippets, "start");
        let script = format!(
            "{}{} \"$@\"",
            commands(&snippets, "env-session"),
            start.trim_end()
        );
        let mut command = Command::new("bash");
        command
            .arg("-c")
            .arg(script)
            .arg("bash")
            .args(ONE_QUESTION)
            .current_dir(&workdir)
            .env("HOME", &home)
            .env("PATH", &path)
            .env_remove("OPENAI_API_KEY")
            .env_remove("OPENAI_API_BASE")
            .env_remove("OPENAI_BASE_URL")
            .env_remove("AIDER_MODEL")
            // Not part of the setup: LiteLLM reads its bundled price list instead of fetching it.
            .env("LITELLM_LOCAL_MODEL_COST_MAP", "True");
        let run = run_traced_client(command, &workdir.join("connections.trace"));
        let output = &run.output;
        assert!(
            output.success,
            "{case}:\n{}\n{}",
            output.stdout, output.stderr
        );
        assert!(
            output.stdout.contains(ANSWER),
            "{case} printed: {}",
            output.stdout
        );
        assert_eq!(
            run.outside_connections,
            Vec::<String>::new(),
            "{case}: Aider tried to leave the machine"
        );
        // LiteLLM drops the openai/ prefix: the relay gets the model as typed.
        let path = stated_request_path("aider", &server.url(), model);
        assert_eq!(path, "/chat/completions");
        assert_requests(&server.requests(), &path, key, model, &case);
    }
}
