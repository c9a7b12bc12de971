//! Conformance with the OpenAI SDKs and curl: the environment variables and examples onramp
//! prints, run as printed against a loopback relay, send the key and model where they should.
//!
//! Needs `ONRAMP_PYTHON` (a Python with `openai` from `tests/requirements.txt`) and the Node
//! SDK in `tests/node_modules` (or `ONRAMP_NODE_MODULES`); `scripts/test` provides both and
//! runs this with `--ignored`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use support::{
    ANSWER, RecordingServer, Request, commands, fresh_dir, generate, run_client, write_files,
};

/// Keys and models that exercise quoting in the shell, Python and JavaScript.
const CASES: [(&str, &str); 3] = [
    ("sk-sdk-plain-0001", "gpt-5.5"),
    (
        r#"sk-"quoted"\back\slash"#,
        r#"relay/model "quoted" \ slash"#,
    ),
    ("sk-$HOME-'single'-%PATH%-`tick`", "模型-ü"),
];

fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// Where the Node SDK is installed: `tests/node_modules`, or `ONRAMP_NODE_MODULES`
/// (`scripts/canary` points it at the newest release).
fn node_modules() -> PathBuf {
    std::env::var_os("ONRAMP_NODE_MODULES")
        .map(PathBuf::from)
        .unwrap_or_else(|| tests_dir().join("node_modules"))
}

fn python() -> PathBuf {
    PathBuf::from(std::env::var_os("ONRAMP_PYTHON").expect("set ONRAMP_PYTHON (scripts/test does)"))
}

/// Runs `program` from bash after the printed `export` lines, as a user would.
fn run_after_exports(exports: &str, program: &str, workdir: &Path) -> support::Output {
    let mut command = Command::new("bash");
    command
        .arg("-c")
        .arg(format!("{exports}{program}"))
        .current_dir(workdir)
        .env_remove("OPENAI_API_KEY")
        .env_remove("OPENAI_BASE_URL");
    run_client(command)
}

/// The one chat completion request the server saw, checked against the key and model.
fn assert_chat_request(requests: &[Request], key: &str, model: &str, case: &str) {
    assert_eq!(requests.len(), 1, "{case}: {requests:#?}");
    let request = &requests[0];
    assert_eq!(request.method, "POST", "{case}");
    assert_eq!(
        request.path, "/chat/completions",
        "{case}: 4096bytes serves it at the origin"
    );
    assert_eq!(
        request.header("authorization"),
        Some(format!("Bearer {key}").as_str()),
        "{case}"
    );
    let body: serde_json::Value = serde_json::from_slice(&request.body).expect("a JSON body");
    assert_eq!(body["model"].as_str(), Some(model), "{case}");
}

#[test]
#[ignore = "needs the OpenAI SDKs; scripts/test runs it"]
fn the_python_and_node_examples_reach_the_relay() {
    let python = python();
    let version = Command::new(&python)
        .args(["-c", "import openai; print(openai.__version__)"])
        .output()
        .unwrap();
    println!(
        "OpenAI Python SDK under test: {}",
        String::from_utf8_lossy(&version.stdout).trim()
    );
    let node_sdk = std::fs::read_to_string(node_modules().join("openai/package.json")).unwrap();
    let node_sdk: serde_json::Value = serde_json::from_str(&node_sdk).unwrap();
    println!("OpenAI Node SDK under test: {}", node_sdk["version"]);

    for (index, (key, model)) in CASES.into_iter().enumerate() {
        for (language, section, program) in [
            (
                "python",
                "python",
                format!("exec '{}' example.py", python.display()),
            ),
            ("node", "node", "exec node example.mjs".to_owned()),
        ] {
            let case = format!("{language} case {index}");
            let server = RecordingServer::start();
            let workdir = fresh_dir(&format!("sdk-{language}-{index}"));
            // The example imports "openai" the way an installed package is found.
            std::os::unix::fs::symlink(node_modules(), workdir.join("node_modules")).unwrap();
            let snippets = generate("openai-sdk", key, &server.url(), model);
            write_files(&snippets, section, &workdir);
            let output = run_after_exports(&commands(&snippets, "env-session"), &program, &workdir);
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
            assert_chat_request(&server.requests(), key, model, &case);
        }
    }
}

#[test]
#[ignore = "needs curl; scripts/test runs it"]
fn the_curl_smoke_test_reaches_the_relay() {
    let version = Command::new("curl")
        .arg("--version")
        .output()
        .expect("curl runs");
    let version = String::from_utf8_lossy(&version.stdout);
    println!(
        "curl under test: {}",
        version.lines().next().unwrap_or_default()
    );
    for (index, (key, model)) in CASES.into_iter().enumerate() {
        let case = format!("curl case {index}");
        let server = RecordingServer::start();
        let snippets = generate("curl", key, &server.url(), model);
        let workdir = fresh_dir(&format!("curl-{index}"));
        let output = run_after_exports("", &commands(&snippets, "smoke-test"), &workdir);
        assert!(output.success, "{case}: {}", output.stderr);
        assert!(
            output.stdout.contains(ANSWER),
            "{case} printed: {}",
            output.stdout
        );
        assert!(
            output.stdout.contains("HTTP 200"),
            "{case} printed: {}",
            output.stdout
        );
        assert_chat_request(&server.requests(), key, model, &case);
    }
}

#[test]
#[ignore = "needs the OpenAI SDKs and curl; scripts/test runs it"]
fn key_whitespace_verdicts_match_the_sdks_and_curl() {
    let python = python();
    for (index, (mistake, key)) in support::KEY_MISTAKES.into_iter().enumerate() {
        // The SDKs are one client to the doctor: it is judged for the stricter of the two.
        let mut sdks_reached = true;
        for (language, program) in [
            ("python", format!("exec '{}' example.py", python.display())),
            ("node", "exec node example.mjs".to_owned()),
        ] {
            let server = RecordingServer::start();
            let workdir = fresh_dir(&format!("sdk-whitespace-{language}-{index}"));
            std::os::unix::fs::symlink(node_modules(), workdir.join("node_modules")).unwrap();
            let snippets = generate("openai-sdk", key, &server.url(), "gpt-5.5");
            write_files(&snippets, language, &workdir);
            run_after_exports(&commands(&snippets, "env-session"), &program, &workdir);
            let reached = support::relay_got_the_key(&server.requests());
            println!("{language} SDK, key with {mistake}: reached the relay: {reached}");
            sdks_reached &= reached;
        }
        support::assert_verdict("openai-sdk", mistake, key, sdks_reached);

        let server = RecordingServer::start();
        let workdir = fresh_dir(&format!("curl-whitespace-{index}"));
        let snippets = generate("curl", key, &server.url(), "gpt-5.5");
        run_after_exports("", &commands(&snippets, "smoke-test"), &workdir);
        let reached = support::relay_got_the_key(&server.requests());
        support::assert_verdict("curl", mistake, key, reached);
    }
}
