//! Conformance with the real Aider: each tab onramp prints (the variables for this terminal or
//! kept in ~/.bashrc, then the `aider --model openai/…` line), applied on its own as its notes
//! say in a fresh home, makes Aider send the key and model to the relay's `/chat/completions`,
//! and nothing beyond loopback; the check command makes the same request.
//!
//! Needs `aider` from PyPI (`aider-chat`, pinned in `tests/clients/requirements.txt`), named by
//! `ONRAMP_AIDER`, and strace; `scripts/test` installs both (scripts/setup-clients) and runs
//! this with `--ignored`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use support::{
    ANSWER, Keeps, RecordingServer, assert_check_makes_the_clients_request, assert_requests,
    assert_windows_lines_check_clean, fresh_dir, fresh_outside_dir, generate, run_commands,
    run_traced_client, stated_request_path, terminal_for_tab,
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

/// Both tabs of Aider's setup, each applied on its own as its notes say (the variables, then
/// the start command in that terminal), with the cases each is run with: all three for the
/// variables for this terminal, the most awkward one for those kept in ~/.bashrc.
const TABS: [(&str, Keeps, &[usize]); 2] = [
    ("env-session", Keeps::ThisTerminal, &[0, 1, 2]),
    ("env-persistent", Keeps::EveryNewTerminal, &[2]),
];

#[test]
#[ignore = "needs Aider; scripts/test runs it"]
fn every_tab_makes_aider_send_the_key_and_model_to_the_relay() {
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

    let mut checks = 0;
    for (tab, keeps, cases) in TABS {
        for &index in cases {
            let (key, model) = CASES[index];
            let case = format!("{tab} case {index}");
            let server = RecordingServer::start();
            let home = fresh_dir(&format!("aider-home-{tab}-{index}"));
            let workdir = fresh_outside_dir(&format!("aider-work-{tab}-{index}"));
            seed_model_price_cache(&home);
            let snippets = generate("aider", key, &server.url(), model);
            // The printed `aider --model …` line, typed in the terminal the tab set up, with
            // the flags for one question appended.
            let start = run_commands(&snippets, tab);
            assert_eq!(start.len(), 1, "{case}: one start command");
            let then = format!("{} \"$@\"", start[0].trim_end());
            let (mut command, applied) = terminal_for_tab(&snippets, tab, &home, &then);
            assert_eq!(applied, keeps, "{case}");
            command
                .arg("bash")
                .args(ONE_QUESTION)
                .current_dir(&workdir)
                .env("PATH", &path)
                .env_remove("OPENAI_API_KEY")
                .env_remove("OPENAI_API_BASE")
                .env_remove("OPENAI_BASE_URL")
                .env_remove("AIDER_MODEL")
                // Not part of the setup: LiteLLM reads its bundled price list instead of
                // fetching it.
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
            let stated = stated_request_path("aider", &server.url(), model);
            assert_eq!(stated, "/chat/completions");
            let requests = server.requests();
            assert_requests(&requests, &stated, key, model, &case);
            if tab == "env-session" {
                checks += assert_check_makes_the_clients_request("aider", key, model, &requests[0]);
            }
        }
    }
    let windows = assert_windows_lines_check_clean("aider", &CASES);
    println!(
        "Aider: {} tabs proven on their own, each started by the real client; {checks} check \
         commands made its request; {windows} Windows tabs checked clean by the doctor",
        TABS.len()
    );
}
