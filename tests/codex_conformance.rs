//! Conformance with the real Codex CLI: the files onramp generates, written verbatim into a
//! fresh `CODEX_HOME`, make `codex exec` send its request where and how the relay expects.
//!
//! Needs the Codex binary from npm (`@openai/codex`, pinned in `tests/package.json`), named by
//! `ONRAMP_CODEX`; `scripts/test` installs it and runs this with `--ignored`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::PathBuf;
use std::process::Command;
use support::{RecordingServer, commands, fresh_dir, generate, run_client, write_files};

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

/// How the key reaches Codex.
#[derive(Clone, Copy, Debug)]
enum Variant {
    /// `config.toml` and `auth.json`, Codex started directly.
    AuthJson,
    /// `config.toml` with `env_key`, Codex started from bash after the printed `export` lines.
    EnvKey,
}

#[test]
#[ignore = "needs the Codex CLI; scripts/test runs it"]
fn codex_sends_the_key_and_model_to_the_relay() {
    let codex = codex_binary();
    let version = Command::new(&codex)
        .arg("--version")
        .output()
        .expect("codex runs");
    println!(
        "Codex under test: {}",
        String::from_utf8_lossy(&version.stdout).trim()
    );

    for variant in [Variant::AuthJson, Variant::EnvKey] {
        for (index, (key, model)) in CASES.into_iter().enumerate() {
            let case = format!("{variant:?} case {index}");
            let server = RecordingServer::start();
            let home = fresh_dir(&format!("codex-home-{variant:?}-{index}"));
            let workdir = fresh_dir(&format!("codex-work-{variant:?}-{index}"));
            let snippets = generate("codex", key, &server.url(), model);
            let exec = ["exec", "--skip-git-repo-check", "Reply with one word."];
            let mut command = match variant {
                Variant::AuthJson => {
                    write_files(&snippets, "auth-json", &home);
                    let mut command = Command::new(&codex);
                    command.args(exec);
                    command
                }
                Variant::EnvKey => {
                    write_files(&snippets, "env-session", &home);
                    let script =
                        format!("{}exec \"$0\" \"$@\"", commands(&snippets, "env-session"));
                    let mut command = Command::new("bash");
                    command.arg("-c").arg(script).arg(&codex).args(exec);
                    command
                }
            };
            command
                .current_dir(&workdir)
                .env("CODEX_HOME", &home)
                .env("HOME", &workdir)
                .env_remove("OPENAI_API_KEY")
                .env_remove("OPENAI_BASE_URL")
                .env_remove("CODEX_API_KEY");
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
                request.path, "/responses",
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
        }
    }
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
