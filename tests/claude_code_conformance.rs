//! Conformance with the real Claude Code: every tab onramp prints (the `env` block of
//! `~/.claude/settings.json`, the variables for this terminal, the variables kept in
//! ~/.bashrc), applied on its own as its notes say, makes `claude -p` send the key and model
//! to the relay's `/v1/messages`; the check command makes the same request (bearer token,
//! `anthropic-version`, model); the Windows lines check clean.
//!
//! Needs the `claude` binary from npm (`@anthropic-ai/claude-code`, pinned in
//! `tests/package.json`), named by `ONRAMP_CLAUDE`; `scripts/test` runs this with `--ignored`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::PathBuf;
use std::process::Command;
use support::{
    ANSWER, Keeps, RecordingServer, assert_check_makes_the_clients_request,
    assert_windows_lines_check_clean, fresh_dir, generate, run_client, stated_request_path,
    terminal_for_tab, write_files,
};

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

/// Every tab of Claude Code's setup, each applied on its own as its notes say, with the cases
/// it is run with: all three for the settings file and the variables for this terminal, the
/// most awkward one for the variables kept in ~/.bashrc.
const TABS: [(&str, Keeps, &[usize]); 3] = [
    ("settings-file", Keeps::Nothing, &[0, 1, 2]),
    ("env-session", Keeps::ThisTerminal, &[0, 1, 2]),
    ("env-persistent", Keeps::EveryNewTerminal, &[2]),
];

#[test]
#[ignore = "needs Claude Code; scripts/test runs it"]
fn every_tab_makes_claude_code_send_the_key_and_model_to_the_relay() {
    let claude = claude_binary();
    let version = Command::new(&claude)
        .arg("--version")
        .output()
        .expect("claude runs");
    println!(
        "Claude Code under test: {}",
        String::from_utf8_lossy(&version.stdout).trim()
    );

    let mut checks = 0;
    for (tab, keeps, cases) in TABS {
        for &index in cases {
            let (key, model) = CASES[index];
            let case = format!("{tab} case {index}");
            let server = RecordingServer::start();
            let home = fresh_dir(&format!("claude-home-{tab}-{index}"));
            let snippets = generate("claude-code", key, &server.url(), model);
            let (mut command, applied) =
                terminal_for_tab(&snippets, tab, &home, "exec \"$0\" \"$@\"");
            assert_eq!(applied, keeps, "{case}");
            command
                .arg(&claude)
                .args(["-p", "Reply with one word."])
                .current_dir(&home)
                // Not part of the setup: keeps Claude Code's own update and telemetry calls
                // off the network, so that the test talks to loopback only.
                .env("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1")
                .env_remove("ANTHROPIC_BASE_URL")
                .env_remove("ANTHROPIC_AUTH_TOKEN")
                .env_remove("ANTHROPIC_MODEL");
            if keeps == Keeps::Nothing {
                command.env_remove("ANTHROPIC_API_KEY");
            } else {
                // The printed commands must clear a conflicting key left in the environment.
                command.env("ANTHROPIC_API_KEY", "sk-stale-should-be-unset");
            }
            let output = run_client(command);
            assert!(
                output.success,
                "{case}:\n{}\n{}\nrequests: {:?}",
                output.stdout,
                output.stderr,
                support::summary(&server.requests())
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
                Some(stated_request_path("claude-code", &server.url(), model).as_str()),
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
            if tab == "settings-file" {
                checks +=
                    assert_check_makes_the_clients_request("claude-code", key, model, request);
            }
        }
    }
    let windows = assert_windows_lines_check_clean("claude-code", &CASES);
    println!(
        "Claude Code: {} tabs proven on their own, each started by the real client; {checks} \
         check commands made its request; {windows} Windows tabs checked clean by the doctor",
        TABS.len()
    );
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
