//! Conformance with the real Qwen Code: every tab onramp prints (`~/.qwen/settings.json`
//! written verbatim at its stated path, the variables for this terminal, the variables kept in
//! ~/.bashrc), applied on its own as its notes say, makes `qwen -p hi` send the key and model to
//! the relay's `/chat/completions`, and nothing beyond loopback; the check command makes the
//! same request.
//!
//! The file variant runs with stale `OPENAI_API_KEY`, `OPENAI_BASE_URL` and `OPENAI_MODEL`
//! exported, which the file must win over; a key Qwen Code would expand (`$HOME…`) must get no
//! file at all, and a `$` it leaves alone must arrive unchanged.
//!
//! Needs `qwen` from npm (`@qwen-code/qwen-code`, pinned in `tests/clients/package.json`),
//! named by `ONRAMP_QWEN`, and strace; `scripts/test` installs both (scripts/setup-clients)
//! and runs this with `--ignored`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::PathBuf;
use std::process::Command;
use support::{
    ANSWER, Keeps, RecordingServer, assert_check_makes_the_clients_request, assert_requests,
    assert_windows_lines_check_clean, fresh_dir, fresh_outside_dir, generate, run_traced_client,
    stated_request_path, terminal_for_tab,
};

/// Keys and models that exercise escaping in JSON and the shell, and Qwen Code's `$` rule.
const CASES: [(&str, &str); 4] = [
    ("sk-qwen-plain-0001", "qwen3-coder-plus"),
    (
        r#"sk-"quoted"\back\slash"#,
        r#"relay/model "quoted" \ slash"#,
    ),
    // Qwen Code would replace $HOME in settings.json: the file variant must not exist.
    ("sk-$HOME-'single'-%PATH%-`tick`", "模型-ü"),
    // A $ before something other than a name or { stays as it is, even in the file.
    ("sk-cost-$-5-$!-'q'", "gpt-5.5"),
];

fn qwen_binary() -> PathBuf {
    PathBuf::from(
        std::env::var_os("ONRAMP_QWEN")
            .expect("set ONRAMP_QWEN to the qwen binary (scripts/setup-clients does)"),
    )
}

/// Every tab of Qwen Code's setup, each applied on its own as its notes say, with the cases it
/// is run with: all four for the settings file and the variables for this terminal, and for the
/// variables kept in ~/.bashrc the most awkward key (one that no settings file may hold).
const TABS: [(&str, Keeps, &[usize]); 3] = [
    ("settings-file", Keeps::Nothing, &[0, 1, 2, 3]),
    ("env-session", Keeps::ThisTerminal, &[0, 1, 2, 3]),
    ("env-persistent", Keeps::EveryNewTerminal, &[2]),
];

#[test]
#[ignore = "needs Qwen Code; scripts/test runs it"]
fn every_tab_makes_qwen_code_send_the_key_and_model_to_the_relay() {
    let qwen = qwen_binary();
    let version = Command::new(&qwen)
        .arg("--version")
        .output()
        .expect("qwen runs");
    println!(
        "Qwen Code under test: {}",
        String::from_utf8_lossy(&version.stdout).trim()
    );
    let (mut runs, mut checks) = (0, 0);

    for (tab, keeps, cases) in TABS {
        for &index in cases {
            let (key, model) = CASES[index];
            let case = format!("{tab} case {index}");
            let server = RecordingServer::start();
            let home = fresh_dir(&format!("qwen-home-{tab}-{index}"));
            let workdir = fresh_outside_dir(&format!("qwen-work-{tab}-{index}"));
            let snippets = generate("qwen-code", key, &server.url(), model);
            if tab == "settings-file" {
                let has_file = snippets
                    .iter()
                    .any(|s| s["section"] == tab && s["kind"] == "file");
                let expands = key.contains("$HOME");
                assert_eq!(has_file, !expands, "{case}: a settings file is offered");
                if expands {
                    continue;
                }
            }
            let (mut command, applied) =
                terminal_for_tab(&snippets, tab, &home, "exec \"$0\" \"$@\"");
            assert_eq!(applied, keeps, "{case}");
            command.arg(&qwen).args(["-p", "hi"]);
            if keeps == Keeps::Nothing {
                // Stale variables of another setup, which the file must win over.
                command
                    .env("OPENAI_API_KEY", "sk-stale-should-not-be-sent")
                    .env("OPENAI_BASE_URL", "http://127.0.0.1:9")
                    .env("OPENAI_MODEL", "stale-model");
            } else {
                command
                    .env_remove("OPENAI_API_KEY")
                    .env_remove("OPENAI_BASE_URL")
                    .env_remove("OPENAI_MODEL");
            }
            command
                .current_dir(&workdir)
                .env_remove("QWEN_HOME")
                // Not part of the setup (the file has it too): no usage statistics.
                .env("QWEN_USAGE_STATISTICS_ENABLED", "false");
            let run = run_traced_client(command, &workdir.join("connections.trace"));
            runs += 1;
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
                "{case}: Qwen Code tried to leave the machine"
            );
            let path = stated_request_path("qwen-code", &server.url(), model);
            assert_eq!(path, "/chat/completions");
            let requests = server.requests();
            assert_requests(&requests, &path, key, model, &case);
            if tab == "env-session" {
                checks +=
                    assert_check_makes_the_clients_request("qwen-code", key, model, &requests[0]);
            }
        }
    }
    assert_eq!(runs, 2 * CASES.len() - 1 + 1);
    let windows = assert_windows_lines_check_clean("qwen-code", &CASES);
    println!(
        "Qwen Code: {} tabs proven on their own, each started by the real client; {checks} \
         check commands made its request; {windows} Windows tabs checked clean by the doctor",
        TABS.len()
    );
}
