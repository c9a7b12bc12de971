//! Conformance with the real Gemini CLI: the files and lines onramp prints for a relay that
//! serves the Gemini protocol (`~/.gemini/.env` with `settings.json`, written verbatim at their
//! stated paths; or the bash `export` lines with `settings.json`) make `gemini -p hi` send
//! `POST <base>/v1beta/models/<model>:streamGenerateContent?alt=sse` with the key in
//! `x-goog-api-key`, and nothing beyond loopback. Run on the systems Gemini CLI supports that
//! can run here: Linux, and macOS and WSL (whose files and bash lines are the same, at the
//! same paths in the home folder); Windows' PowerShell and cmd cannot run here.
//!
//! Also: every value the `.env` file is written with reads back exactly with dotenv 17.1.0,
//! the parser Gemini CLI 0.61.0 bundles, and values it cannot hold get no file.
//!
//! Needs `gemini` from npm (`@google/gemini-cli`, pinned in `tests/clients/package.json`, with
//! `dotenv`), named by `ONRAMP_GEMINI` and `ONRAMP_DOTENV`, and strace; `scripts/test`
//! installs them (scripts/setup-clients) and runs this with `--ignored`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use support::{
    ANSWER, Keeps, RecordingServer, Request, fresh_dir, fresh_outside_dir, masked,
    run_traced_client, summary, terminal_for_tab,
};

/// Keys and models that exercise the .env file's quotes, the shell's, and the path.
const CASES: [(&str, &str); 4] = [
    ("sk-gemini-plain-0001", "gemini-2.5-pro"),
    // Double quotes, backslashes, `#` (a comment outside quotes) and `$` (never expanded).
    (
        r#"sk-"quoted"\back\slash #hash $HOME"#,
        "relay/model \"quoted\"",
    ),
    // A single quote sends the value into double quotes; `%`, backquote; a model that the
    // path percent-encodes. (Gemini CLI also puts the model in its User-Agent header, so a
    // character beyond U+00FF, `模型`, stops it before any request: observed with 0.61.0.)
    ("sk-'single'-%PATH%-`tick`", "relay model {v2}"),
    // Both quotes: backquotes.
    ("sk-'both'-\"quotes\"-%20", "gemini-flash"),
];

fn gemini_binary() -> PathBuf {
    PathBuf::from(
        std::env::var_os("ONRAMP_GEMINI")
            .expect("set ONRAMP_GEMINI to the gemini binary (scripts/setup-clients does)"),
    )
}

/// A profile of the built-in relay that also serves the Gemini protocol, in `dir`.
fn gemini_profile(dir: &Path) -> PathBuf {
    let text = onramp::profile::Profile::builtin_json().replace(
        "\"protocols\": [\"openai\", \"anthropic\"]",
        "\"protocols\": [\"openai\", \"anthropic\", \"gemini\"]",
    );
    let path = dir.join("profile.json");
    std::fs::write(&path, text).unwrap();
    path
}

/// `onramp generate --client gemini-cli --json` for this relay, system and values.
fn generate(
    profile: &Path,
    os: &str,
    key: &str,
    base_url: &str,
    model: &str,
) -> Vec<serde_json::Value> {
    let output = Command::new(env!("CARGO_BIN_EXE_onramp"))
        .args(["generate", "--client", "gemini-cli", "--os", os, "--json"])
        .arg("--profile")
        .arg(profile)
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
    serde_json::from_slice(&output.stdout).expect("a JSON array")
}

/// The path of the URL onramp says Gemini CLI will call, without the base URL.
fn stated_request(base_url: &str, model: &str) -> String {
    use onramp::clients::{Client, Values};
    use onramp::platform::{Os, Target};
    let values = Values {
        key: "sk-unused".into(),
        base_url: base_url.into(),
        model: model.into(),
    };
    let setup = Client::GeminiCli.setup(
        &onramp::profile::Profile::builtin(),
        &values,
        Target::new(Os::Linux),
    );
    setup.request_url.strip_prefix(base_url).unwrap().to_owned()
}

/// Every request was the one onramp states, with the key in `x-goog-api-key` only.
fn assert_gemini_requests(requests: &[Request], path_and_query: &str, key: &str, case: &str) {
    let seen = summary(requests);
    assert!(!requests.is_empty(), "{case}: the relay got no request");
    for request in requests {
        assert_eq!(request.method, "POST", "{case}: {seen:#?}");
        assert_eq!(request.path, path_and_query, "{case}: {seen:#?}");
        assert!(
            request.header("x-goog-api-key") == Some(key),
            "{case}: x-goog-api-key is not the key {}",
            masked(key)
        );
        assert_eq!(request.header("authorization"), None, "{case}");
        assert_eq!(request.status, "200 OK", "{case}: {seen:#?}");
    }
}

/// Every tab, with what it keeps: the file alone, the variables pasted into the terminal that
/// starts Gemini CLI, or kept in ~/.bashrc for a new terminal (each with settings.json).
const TABS: [(&str, Keeps); 3] = [
    ("env-file", Keeps::Nothing),
    ("env-session", Keeps::ThisTerminal),
    ("env-persistent", Keeps::EveryNewTerminal),
];

#[test]
#[ignore = "needs Gemini CLI; scripts/test runs it"]
fn every_tab_makes_gemini_cli_send_the_key_and_model_to_the_relay() {
    let gemini = gemini_binary();
    let version = Command::new(&gemini)
        .arg("--version")
        .output()
        .expect("gemini runs");
    println!(
        "Gemini CLI under test: {}",
        String::from_utf8_lossy(&version.stdout).trim()
    );
    let profile = gemini_profile(&fresh_dir("gemini-profile"));
    let mut runs = 0;
    let mut checks = 0;
    for os in ["linux", "macos", "wsl"] {
        for (tab, keeps) in TABS {
            for (index, (key, model)) in CASES.into_iter().enumerate() {
                // macOS's and WSL's files and lines are Linux's, and the tab for every new
                // terminal has the same lines as the one for this terminal: their hardest
                // case is enough.
                if (os != "linux" || tab == "env-persistent") && index != 1 {
                    continue;
                }
                let case = format!("{os} {tab} case {index}");
                let server = RecordingServer::start();
                let home = fresh_dir(&format!("gemini-home-{os}-{tab}-{index}"));
                let workdir = fresh_outside_dir(&format!("gemini-work-{os}-{tab}-{index}"));
                let snippets = generate(&profile, os, key, &server.url(), model);
                let (mut command, applied) =
                    terminal_for_tab(&snippets, tab, &home, "exec \"$0\" \"$@\"");
                assert_eq!(applied, keeps, "{case}");
                command
                    .arg(&gemini)
                    // Headless in a folder nobody trusted yet: what a trusted folder gives.
                    .args(["--skip-trust", "-p", "hi"])
                    .current_dir(&workdir)
                    // A variable set in the environment would win over the file.
                    .env_remove("GEMINI_API_KEY")
                    .env_remove("GOOGLE_API_KEY")
                    .env_remove("GOOGLE_GEMINI_BASE_URL")
                    .env_remove("GEMINI_MODEL")
                    .env_remove("GEMINI_CLI_TRUST_WORKSPACE");
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
                    "{case}: Gemini CLI tried to leave the machine"
                );
                let stated = stated_request(&server.url(), model);
                assert!(stated.starts_with("/v1beta/models/"), "{stated}");
                let requests = server.requests();
                assert_gemini_requests(&requests, &stated, key, &case);
                if os == "linux" && tab == "env-file" {
                    checks += assert_check_makes_gemini_clis_request(key, model, &requests[0]);
                }
            }
        }
    }
    // Linux: every case in the two tabs of its own, the hardest in the tab for every new
    // terminal; macOS and WSL: the hardest in each tab.
    assert_eq!(runs, 2 * CASES.len() + 1 + 2 * TABS.len());
    assert_eq!(checks, 2 * CASES.len());
}

/// The "check that it works" command for Gemini CLI, run by bash and by fish against the
/// loopback relay, makes the request Gemini CLI made (method, path and query, the key in
/// `x-goog-api-key` and no `Authorization`) and prints its status. Returns how many ran.
fn assert_check_makes_gemini_clis_request(key: &str, model: &str, client: &Request) -> usize {
    use onramp::clients::{Client, Values};
    use onramp::platform::{Os, Target};
    use onramp::shell::Shell;
    let mut ran = 0;
    for shell in [Shell::Posix, Shell::Fish] {
        let server = RecordingServer::start();
        let values = Values {
            key: key.into(),
            base_url: server.url(),
            model: model.into(),
        };
        let target = Target::with_shell(Os::Linux, shell).unwrap();
        let check = Client::GeminiCli.check(&onramp::profile::Profile::builtin(), &values, target);
        let content = &check.snippets.first().expect("a check command").content;
        let program = if shell == Shell::Fish { "fish" } else { "bash" };
        let output = support::run_client({
            let mut command = Command::new(program);
            command.arg("-c").arg(content);
            command
        });
        let case = format!("Gemini CLI's check in {program}");
        assert!(output.success, "{case}: {}", output.stderr);
        assert!(
            output.stdout.lines().any(|line| line == "HTTP 200"),
            "{case}: no status line in {}",
            output.stdout
        );
        let requests = server.requests();
        assert_eq!(requests.len(), 1, "{case}: {:#?}", summary(&requests));
        let request = &requests[0];
        assert_eq!(request.method, client.method, "{case}");
        assert_eq!(request.path, client.path, "{case}");
        for header in ["x-goog-api-key", "authorization"] {
            assert_eq!(
                request.header(header),
                client.header(header),
                "{case}: {header}"
            );
        }
        ran += 1;
    }
    ran
}

/// dotenv 17.1.0's `parse` on `text`, by the real package.
fn dotenv_parse(text: &str) -> serde_json::Map<String, serde_json::Value> {
    let dotenv = std::env::var_os("ONRAMP_DOTENV").expect(
        "set ONRAMP_DOTENV to tests/clients/node_modules/dotenv (scripts/setup-clients does)",
    );
    let dir = fresh_dir("gemini-dotenv");
    let file = dir.join("values.env");
    std::fs::write(&file, text).unwrap();
    let output = Command::new("node")
        .arg("-e")
        .arg(
            "const fs = require('fs'); const dotenv = require(process.argv[1]);\
             process.stdout.write(JSON.stringify(dotenv.parse(fs.readFileSync(process.argv[2]))))",
        )
        .arg(&dotenv)
        .arg(&file)
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
#[ignore = "needs dotenv from npm; scripts/test runs it"]
fn every_env_file_value_reads_back_with_the_dotenv_gemini_cli_bundles() {
    // Many values in one file, one node run: shapes that matter to dotenv (quotes, `#`, `=`,
    // `\n` as two characters, spaces at the ends, `$`, non-ASCII), and random ones.
    let mut values: Vec<String> = [
        "",
        " ",
        "plain",
        " lead",
        "trail ",
        "#hash",
        "a # b",
        "'",
        "\"",
        "`",
        "'\"",
        "\"`",
        "'`",
        "\\n",
        "'\\n",
        "\\r\"",
        "a=b",
        "$HOME",
        "${HOME}",
        "%20&#",
        "模型 ü",
        "\\",
        "'\\'",
        "\\'",
        "export X=1",
    ]
    .map(str::to_owned)
    .to_vec();
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy =
        proptest::string::string_regex("[ -~\u{a0}-\u{17f}\u{4e00}-\u{4e10}]{0,24}").unwrap();
    for _ in 0..400 {
        values.push(strategy.new_tree(&mut runner).unwrap().current());
    }
    let mut text = String::new();
    let mut expected = serde_json::Map::new();
    let mut refused = 0;
    for (index, value) in values.iter().enumerate() {
        match onramp::escape::dotenv(value) {
            Some(written) => {
                text.push_str(&format!("V{index}={written}\n"));
                expected.insert(format!("V{index}"), value.clone().into());
            }
            None => {
                refused += 1;
                // Only a line break, or a single quote and a backquote with what rules out
                // double quotes, leave no quotes to write it in.
                assert!(
                    value.contains(['\n', '\r']) || (value.contains('\'') && value.contains('`')),
                    "refused without cause: {value:?}"
                );
            }
        }
    }
    let parsed = dotenv_parse(&text);
    for (name, value) in &expected {
        assert_eq!(parsed.get(name), Some(value), "{name}");
    }
    println!("{} values read back, {refused} refused", expected.len());
}
