//! Conformance with the real Codex CLI: every tab of the setup onramp generates, applied on its
//! own as its notes say in a fresh home (files at their paths, variables in the terminal or in
//! ~/.bashrc read by a new terminal), makes `codex exec` send its request where and how the
//! relay expects; the check command makes the same request; the Windows lines check clean.
//!
//! Needs the Codex binary from npm (`@openai/codex`, pinned in `tests/package.json`), named by
//! `ONRAMP_CODEX`; `scripts/test` installs it and runs this with `--ignored`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::PathBuf;
use std::process::Command;
use support::{
    Keeps, RecordingServer, assert_check_makes_the_clients_request,
    assert_windows_lines_check_clean, fresh_dir, generate, run_client, stated_request_path,
    terminal_for_tab, write_files,
};

/// Keys and models that exercise escaping in TOML and JSON. Keys stay ASCII: an HTTP header
/// cannot carry anything else, so no client could send a non-ASCII key.
const CASES: [(&str, &str); 3] = [
    ("sk-conformance-plain-0001", "gpt-5.5"),
    (
        r#"sk-"quoted"\back\slash"#,
        r#"relay/model "quoted" \ slash"#,
    ),
    ("sk-$HOME-'single'-%PATH%-`tick`", "模型-ü"),
];

/// Words Codex uses when it skips a setting it does not know.
const IGNORED_SETTING_WARNINGS: [&str; 4] = [
    "unrecognized",
    "is ignored",
    "ignoring",
    "unknown configuration",
];

fn codex_binary() -> PathBuf {
    let path = std::env::var_os("ONRAMP_CODEX")
        .expect("set ONRAMP_CODEX to the codex binary (scripts/test installs it from npm)");
    PathBuf::from(path)
}

/// Every tab of Codex's setup, each applied on its own as its notes say, with the cases it
/// is run with: all three for the recommended tab and the one for this terminal, the most
/// awkward one for the tab that keeps the variable in ~/.bashrc.
const TABS: [(&str, Keeps, &[usize]); 3] = [
    ("auth-json", Keeps::Nothing, &[0, 1, 2]),
    ("env-session", Keeps::ThisTerminal, &[0, 1, 2]),
    ("env-persistent", Keeps::EveryNewTerminal, &[2]),
];

#[test]
#[ignore = "needs the Codex CLI; scripts/test runs it"]
fn every_tab_makes_codex_send_the_key_and_model_to_the_relay() {
    let codex = codex_binary();
    let version = Command::new(&codex)
        .arg("--version")
        .output()
        .expect("codex runs");
    println!(
        "Codex under test: {}",
        String::from_utf8_lossy(&version.stdout).trim()
    );

    let mut checks = 0;
    for (tab, keeps, cases) in TABS {
        for &index in cases {
            let (key, model) = CASES[index];
            let case = format!("{tab} case {index}");
            let server = RecordingServer::start();
            let home = fresh_dir(&format!("codex-home-{tab}-{index}"));
            let workdir = fresh_dir(&format!("codex-work-{tab}-{index}"));
            let snippets = generate("codex", key, &server.url(), model);
            // The files at their paths in a fresh home (~/.codex), the variable where the tab
            // says, then codex started from that terminal.
            let (mut command, applied) =
                terminal_for_tab(&snippets, tab, &home, "exec \"$0\" \"$@\"");
            assert_eq!(applied, keeps, "{case}");
            command
                .arg(&codex)
                .args(["exec", "--skip-git-repo-check", "Reply with one word."])
                .current_dir(&workdir)
                .env_remove("CODEX_HOME")
                .env_remove("OPENAI_API_KEY")
                .env_remove("OPENAI_BASE_URL")
                .env_remove("CODEX_API_KEY")
                .env_remove("RELAY_4096BYTES_API_KEY");
            let output = run_client(command);
            let printed = format!("{}\n{}", output.stdout, output.stderr);
            assert!(output.success, "codex failed for {case}:\n{printed}");
            for warning in IGNORED_SETTING_WARNINGS {
                assert!(
                    !printed.to_lowercase().contains(warning),
                    "{case}: Codex printed {warning:?}:\n{printed}"
                );
            }

            let requests = server.requests();
            let responses: Vec<_> = requests
                .iter()
                .filter(|r| r.path.ends_with("/responses"))
                .collect();
            assert_eq!(responses.len(), 1, "{case}: requests seen: {requests:#?}");
            let request = responses[0];
            assert_eq!(request.method, "POST");
            assert_eq!(
                request.path,
                stated_request_path("codex", &server.url(), model),
                "4096bytes serves /responses at the origin"
            );
            assert_eq!(
                request.header("authorization"),
                Some(format!("Bearer {key}").as_str()),
                "{case}"
            );
            let body: serde_json::Value =
                serde_json::from_slice(&request.body).expect("a JSON body");
            assert_eq!(body["model"].as_str(), Some(model), "{case}");
            if tab == "auth-json" {
                checks += assert_check_makes_the_clients_request("codex", key, model, request);
            }
        }
    }
    let windows = assert_windows_lines_check_clean("codex", &CASES);
    println!(
        "Codex: {} tabs proven on their own, each started by the real client; {checks} check \
         commands made its request; {windows} Windows tabs checked clean by the doctor",
        TABS.len()
    );
}

#[test]
#[ignore = "needs the Codex CLI; scripts/test runs it"]
fn key_whitespace_verdicts_match_codex() {
    let codex = codex_binary();
    for (index, (mistake, key)) in support::KEY_MISTAKES.into_iter().enumerate() {
        let server = RecordingServer::start();
        let home = fresh_dir(&format!("codex-whitespace-{index}"));
        let snippets = generate("codex", key, &server.url(), "gpt-5.5");
        write_files(&snippets, "auth-json", &home);
        let mut command = Command::new(&codex);
        command
            .args(["exec", "--skip-git-repo-check", "Reply with one word."])
            .current_dir(&home)
            .env("CODEX_HOME", &home)
            .env("HOME", &home)
            .env_remove("OPENAI_API_KEY")
            .env_remove("OPENAI_BASE_URL")
            .env_remove("CODEX_API_KEY");
        run_client(command);
        let reached = support::relay_got_the_key(&server.requests());
        support::assert_verdict("codex", mistake, key, reached);
    }
}
