//! Conformance with the real Codex CLI: the files onramp generates, written verbatim into a
//! fresh `CODEX_HOME`, make `codex exec` send its request where and how the relay expects.
//!
//! Needs the Codex binary from npm (`@openai/codex`, pinned in `tests/package.json`), named by
//! `ONRAMP_CODEX`; `scripts/test` installs it and runs this with `--ignored`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;
use support::{RecordingServer, run_with_timeout};

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

/// The snippets from `onramp generate --json`, as (file name, content).
fn generate(key: &str, base_url: &str, model: &str) -> Vec<(String, String)> {
    let output = Command::new(env!("CARGO_BIN_EXE_onramp"))
        .args(["generate", "--client", "codex", "--os", "linux", "--json"])
        .args(["--base-url", base_url, "--model", model])
        .env("ONRAMP_KEY", key)
        .stdin(Stdio::null())
        .output()
        .expect("onramp runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let snippets: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    snippets
        .as_array()
        .expect("an array")
        .iter()
        .map(|s| {
            (
                s["file_name"].as_str().unwrap().to_owned(),
                s["content"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn fresh_dir(name: &str) -> PathBuf {
    // Under target/, not /tmp: Codex refuses some setup in temporary folders and says so.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
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

    for (index, (key, model)) in CASES.into_iter().enumerate() {
        let server = RecordingServer::start();
        let home = fresh_dir(&format!("codex-home-{index}"));
        for (file_name, content) in generate(key, &server.url(), model) {
            std::fs::write(home.join(file_name), content).unwrap();
        }
        let workdir = fresh_dir(&format!("codex-work-{index}"));

        let mut command = Command::new(&codex);
        command
            .args(["exec", "--skip-git-repo-check", "Reply with one word."])
            .current_dir(&workdir)
            .env("CODEX_HOME", &home)
            .env("HOME", &workdir)
            .env_remove("OPENAI_API_KEY")
            .env_remove("OPENAI_BASE_URL")
            .env_remove("CODEX_API_KEY");
        let output = run_with_timeout(command, Duration::from_secs(90));
        let printed = format!("{}\n{}", output.stdout, output.stderr);
        assert!(output.success, "codex failed for case {index}:\n{printed}");
        for warning in IGNORED_SETTING_WARNINGS {
            assert!(
                !printed.to_lowercase().contains(warning),
                "case {index}: Codex printed {warning:?}:\n{printed}"
            );
        }

        let requests = server.requests();
        let responses: Vec<_> = requests
            .iter()
            .filter(|r| r.path.ends_with("/responses"))
            .collect();
        assert_eq!(
            responses.len(),
            1,
            "case {index}: requests seen: {requests:#?}"
        );
        let request = responses[0];
        assert_eq!(request.method, "POST");
        assert_eq!(
            request.path, "/responses",
            "4096bytes serves /responses at the origin"
        );
        assert_eq!(
            request.header("authorization"),
            Some(format!("Bearer {key}").as_str())
        );
        let body: serde_json::Value = serde_json::from_slice(&request.body).expect("a JSON body");
        assert_eq!(body["model"].as_str(), Some(model), "case {index}");
    }
}
