//! Conformance with the real Continue command line: the `config.yaml` onramp generates,
//! written verbatim at its stated path in a fresh home, makes `cn -p` send the key and model to
//! the URL onramp states for that model (`/chat/completions`, or `/responses` for the names cn
//! sends to the Responses API), and nothing beyond loopback; also when started the way the
//! setup's next step says, `cn --config ~/.continue/config.yaml`.
//!
//! Needs `cn` from npm (`@continuedev/cli`, pinned in `tests/clients/package.json`), named by
//! `ONRAMP_CN`, and strace; `scripts/test` installs both (scripts/setup-clients) and runs this
//! with `--ignored`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::PathBuf;
use std::process::Command;
use support::{
    ANSWER, Keeps, RecordingServer, assert_check_makes_the_clients_request, assert_requests,
    assert_windows_lines_check_clean, fresh_dir, fresh_outside_dir, generate, run_commands,
    run_traced_client, stated_request_path, terminal_for_tab,
};

/// Keys that exercise escaping in YAML, and models for both of cn's endpoints.
const CASES: [(&str, &str); 3] = [
    ("sk-continue-plain-0001", "deepseek-chat"),
    (
        r#"sk-"quoted"\back\slash"#,
        r#"relay/model "quoted" \ slash: # not a comment"#,
    ),
    ("sk-$HOME-'single'-%PATH%-`tick`", "gpt-5.5"),
];

fn cn_binary() -> PathBuf {
    PathBuf::from(
        std::env::var_os("ONRAMP_CN")
            .expect("set ONRAMP_CN to the cn binary (scripts/setup-clients does)"),
    )
}

/// How cn is started.
/// Both tabs of Continue's setup, each applied on its own with all three cases: the file
/// (the one the editor extension reads, proven here by `cn -p` on its default path), and the
/// file with the printed `cn --config …` line.
const TABS: [&str; 2] = ["config-file", "start-cli"];

#[test]
#[ignore = "needs Continue's cn; scripts/test runs it"]
fn every_tab_makes_cn_send_the_key_and_model_to_the_stated_url() {
    let cn = cn_binary();
    let version = Command::new(&cn)
        .arg("--version")
        .output()
        .expect("cn runs");
    println!(
        "Continue CLI under test: {}",
        String::from_utf8_lossy(&version.stdout).trim()
    );

    let bin_dir = cn.parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut checks = 0;
    for tab in TABS {
        for (index, (key, model)) in CASES.into_iter().enumerate() {
            let case = format!("{tab} case {index}");
            let server = RecordingServer::start();
            let home = fresh_dir(&format!("cn-home-{tab}-{index}"));
            let workdir = fresh_outside_dir(&format!("cn-work-{tab}-{index}"));
            let snippets = generate("continue", key, &server.url(), model);
            let preload = workdir.join("loopback-only.cjs");
            std::fs::write(&preload, support::CN_LOOPBACK_ONLY).unwrap();
            // The tab's file at its path; then cn, started by the tab's own line if it has one.
            let start = run_commands(&snippets, tab);
            let then = match start.as_slice() {
                [] => "exec \"$0\" \"$@\"".to_owned(),
                [printed] => format!("{} \"$@\"", printed.trim_end()),
                more => panic!("{case}: {} start commands", more.len()),
            };
            let (mut command, keeps) = terminal_for_tab(&snippets, tab, &home, &then);
            assert_eq!(keeps, Keeps::Nothing, "{case}");
            command
                .arg(if start.is_empty() {
                    cn.as_os_str()
                } else {
                    "bash".as_ref()
                })
                .args(["-p", "hi"])
                .current_dir(&workdir)
                .env("PATH", &path)
                .env("NODE_OPTIONS", format!("--require {}", preload.display()))
                // An exported Anthropic key would make cn rewrite config.yaml.
                .env_remove("ANTHROPIC_API_KEY")
                .env_remove("CONTINUE_GLOBAL_DIR")
                .env_remove("CONTINUE_API_KEY")
                .env_remove("CONTINUE_API_BASE")
                // Not part of the setup: no telemetry or metrics.
                .env("CONTINUE_CLI_ENABLE_TELEMETRY", "0")
                .env("CONTINUE_METRICS_ENABLED", "0");
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
                "{case}: cn tried to leave the machine"
            );
            let path = stated_request_path("continue", &server.url(), model);
            let expected = if model.starts_with("gpt-5") {
                "/responses"
            } else {
                "/chat/completions"
            };
            assert_eq!(path, expected, "{case}: the URL onramp states");
            let requests = server.requests();
            assert_requests(&requests, &path, key, model, &case);
            if tab == "start-cli" {
                checks +=
                    assert_check_makes_the_clients_request("continue", key, model, &requests[0]);
            }
        }
    }
    let windows = assert_windows_lines_check_clean("continue", &CASES);
    println!(
        "Continue: {} tabs proven on their own with cn; {checks} check commands made its \
         request; {windows} Windows tabs checked clean by the doctor",
        TABS.len()
    );
}
