//! Conformance with the real Claude Code: both variants onramp prints (the `env` block of
//! `~/.claude/settings.json`, and the bash `export` lines) make `claude -p` send the key and
//! model to the relay's `/v1/messages`.
//!
//! Needs the `claude` binary from npm (`@anthropic-ai/claude-code`, pinned in
//! `tests/package.json`), named by `ONRAMP_CLAUDE`; `scripts/test` runs this with `--ignored`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::PathBuf;
use std::process::Command;
use support::{ANSWER, RecordingServer, commands, fresh_dir, generate, run_client, write_files};

const CASES: [(&str, &str); 3] = [
    ("sk-claude-plain-0001", "claude-relay-model"),
    (
        r#"sk-"quoted"\back\slash"#,
        r#"relay/model "quoted" \ slash"#,
    ),
    ("sk-$HOME-'single'-%PATH%-`tick`", "模型-ü"),
];

fn claude_binary() -> PathBuf {
    PathBuf::from(
        std::env::var_os("ONRAMP_CLAUDE")
            .expect("set ONRAMP_CLAUDE to the claude binary (scripts/test does)"),
    )
}

#[derive(Clone, Copy, Debug)]
enum Variant {
    /// `~/.claude/settings.json` written verbatim, claude started directly.
    SettingsFile,
    /// claude started from bash after the printed `unset`/`export` lines.
    Environment,
}

#[test]
#[ignore = "needs Claude Code; scripts/test runs it"]
fn claude_code_sends_the_key_and_model_to_the_relay() {
    let claude = claude_binary();
    let version = Command::new(&claude)
        .arg("--version")
        .output()
        .expect("claude runs");
    println!(
        "Claude Code under test: {}",
        String::from_utf8_lossy(&version.stdout).trim()
    );

    for variant in [Variant::SettingsFile, Variant::Environment] {
        for (index, (key, model)) in CASES.into_iter().enumerate() {
            let case = format!("{variant:?} case {index}");
            let server = RecordingServer::start();
            let home = fresh_dir(&format!("claude-home-{variant:?}-{index}"));
            let snippets = generate("claude-code", key, &server.url(), model);
            let prompt = ["-p", "Reply with one word."];
            let mut command = match variant {
                Variant::SettingsFile => {
                    let settings_dir = home.join(".claude");
                    std::fs::create_dir_all(&settings_dir).unwrap();
                    write_files(&snippets, "settings-file", &settings_dir);
                    let mut command = Command::new(&claude);
                    command.args(prompt);
                    command
                }
                Variant::Environment => {
                    let script =
                        format!("{}exec \"$0\" \"$@\"", commands(&snippets, "env-session"));
                    let mut command = Command::new("bash");
                    command.arg("-c").arg(script).arg(&claude).args(prompt);
                    command
                }
            };
            command
                .current_dir(&home)
                .env("HOME", &home)
                // Not part of the setup: keeps Claude Code's own update and telemetry calls
                // off the network, so that the test talks to loopback only.
                .env("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1")
                .env_remove("ANTHROPIC_BASE_URL")
                .env_remove("ANTHROPIC_AUTH_TOKEN")
                .env_remove("ANTHROPIC_MODEL");
            if let Variant::Environment = variant {
                // The printed commands must clear a conflicting key left in the environment.
                command.env("ANTHROPIC_API_KEY", "sk-stale-should-be-unset");
            } else {
                command.env_remove("ANTHROPIC_API_KEY");
            }
            let output = run_client(command);
            assert!(
                output.success,
                "{case}:\n{}\n{}\nrequests: {:?}",
                output.stdout,
                output.stderr,
                server
                    .requests()
                    .iter()
                    .map(|r| format!("{} {}", r.method, r.path))
                    .collect::<Vec<_>>()
            );
            assert!(
                output.stdout.contains(ANSWER),
                "{case} printed: {}",
                output.stdout
            );

            let requests = server.requests();
            let messages: Vec<_> = requests
                .iter()
                .filter(|r| r.path.starts_with("/v1/messages"))
                .collect();
            assert_eq!(messages.len(), 1, "{case}: {requests:#?}");
            let request = messages[0];
            assert_eq!(request.method, "POST", "{case}");
            assert_eq!(
                request.path.split('?').next(),
                Some("/v1/messages"),
                "{case}"
            );
            assert_eq!(
                request.header("authorization"),
                Some(format!("Bearer {key}").as_str()),
                "{case}"
            );
            assert_eq!(
                request.header("x-api-key"),
                None,
                "{case}: only the bearer token is sent"
            );
            let body: serde_json::Value =
                serde_json::from_slice(&request.body).expect("a JSON body");
            assert_eq!(body["model"].as_str(), Some(model), "{case}");
        }
    }
}

#[test]
#[ignore = "needs Claude Code; scripts/test runs it"]
fn key_whitespace_verdicts_match_claude_code() {
    let claude = claude_binary();
    for (index, (mistake, key)) in support::KEY_MISTAKES.into_iter().enumerate() {
        let server = RecordingServer::start();
        let home = fresh_dir(&format!("claude-whitespace-{index}"));
        let settings_dir = home.join(".claude");
        std::fs::create_dir_all(&settings_dir).unwrap();
        let snippets = generate("claude-code", key, &server.url(), "claude-x");
        write_files(&snippets, "settings-file", &settings_dir);
        let mut command = Command::new(&claude);
        command
            .args(["-p", "Reply with one word."])
            .current_dir(&home)
            .env("HOME", &home)
            .env("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1")
            .env_remove("ANTHROPIC_BASE_URL")
            .env_remove("ANTHROPIC_AUTH_TOKEN")
            .env_remove("ANTHROPIC_API_KEY");
        run_client(command);
        let reached = support::relay_got_the_key(&server.requests());
        support::assert_verdict("claude-code", mistake, key, reached);
    }
}
