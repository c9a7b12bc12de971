//! Conformance with the real Qwen Code: both variants onramp prints (`~/.qwen/settings.json`
//! written verbatim at its stated path, and the bash `export` lines) make `qwen -p hi` send the
//! key and model to the relay's `/chat/completions`, and nothing beyond loopback.
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
    ANSWER, RecordingServer, assert_requests, commands, fresh_dir, fresh_outside_dir, generate,
    install_files, run_traced_client, stated_request_path,
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

#[derive(Clone, Copy, Debug)]
enum Variant {
    /// `~/.qwen/settings.json` written verbatim, qwen started directly.
    SettingsFile,
    /// qwen started from bash after the printed `export` lines.
    Environment,
}

#[test]
#[ignore = "needs Qwen Code; scripts/test runs it"]
fn qwen_code_sends_the_key_and_model_to_the_relay() {
    let qwen = qwen_binary();
    let version = Command::new(&qwen)
        .arg("--version")
        .output()
        .expect("qwen runs");
    println!(
        "Qwen Code under test: {}",
        String::from_utf8_lossy(&version.stdout).trim()
    );
    let mut runs = 0;

    for variant in [Variant::SettingsFile, Variant::Environment] {
        for (index, (key, model)) in CASES.into_iter().enumerate() {
            let case = format!("{variant:?} case {index}");
            let server = RecordingServer::start();
            let home = fresh_dir(&format!("qwen-home-{variant:?}-{index}"));
            let workdir = fresh_outside_dir(&format!("qwen-work-{variant:?}-{index}"));
            let snippets = generate("qwen-code", key, &server.url(), model);
            let has_file = snippets
                .iter()
                .any(|s| s["section"] == "settings-file" && s["kind"] == "file");
            let prompt = ["-p", "hi"];
            let mut command = match variant {
                Variant::SettingsFile => {
                    let expands = key.contains("$HOME");
                    assert_eq!(has_file, !expands, "{case}: a settings file is offered");
                    if expands {
                        continue;
                    }
                    install_files(&snippets, "settings-file", &home);
                    let mut command = Command::new(&qwen);
                    command
                        .args(prompt)
                        // Stale variables of another setup, which the file must win over.
                        .env("OPENAI_API_KEY", "sk-stale-should-not-be-sent")
                        .env("OPENAI_BASE_URL", "http://127.0.0.1:9")
                        .env("OPENAI_MODEL", "stale-model");
                    command
                }
                Variant::Environment => {
                    let script =
                        format!("{}exec \"$0\" \"$@\"", commands(&snippets, "env-session"));
                    let mut command = Command::new("bash");
                    command
                        .arg("-c")
                        .arg(script)
                        .arg(&qwen)
                        .args(prompt)
                        .env_remove("OPENAI_API_KEY")
                        .env_remove("OPENAI_BASE_URL")
                        .env_remove("OPENAI_MODEL");
                    command
                }
            };
            command
                .current_dir(&workdir)
                .env("HOME", &home)
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
            assert_requests(&server.requests(), &path, key, model, &case);
        }
    }
    assert_eq!(runs, 2 * CASES.len() - 1);
}
