//! Conformance with the real OpenCode: the `opencode.json` onramp generates, written verbatim
//! at its stated path in a fresh home, makes `opencode run` send the key and model to the
//! relay's `/chat/completions`, and nothing beyond loopback.
//!
//! Needs `opencode` from npm (`opencode-ai`, pinned in `tests/clients/package.json`), named by
//! `ONRAMP_OPENCODE`, and strace; `scripts/test` installs both (scripts/setup-clients) and runs
//! this with `--ignored`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::PathBuf;
use std::process::Command;
use support::{
    ANSWER, RecordingServer, assert_check_makes_the_clients_request, assert_requests, fresh_dir,
    fresh_outside_dir, generate, install_files, run_traced_client, stated_request_path,
};

/// Keys and models that exercise escaping in JSON. Keys stay ASCII: an HTTP header cannot
/// carry anything else.
const CASES: [(&str, &str); 3] = [
    ("sk-opencode-plain-0001", "gpt-5.5"),
    (
        r#"sk-"quoted"\back\slash"#,
        r#"relay/model "quoted" \ slash"#,
    ),
    ("sk-$HOME-'single'-%PATH%-`tick`", "模型-ü"),
];

fn opencode_binary() -> PathBuf {
    PathBuf::from(
        std::env::var_os("ONRAMP_OPENCODE")
            .expect("set ONRAMP_OPENCODE to the opencode binary (scripts/setup-clients does)"),
    )
}

#[test]
#[ignore = "needs OpenCode; scripts/test runs it"]
fn opencode_sends_the_key_and_model_to_the_relay() {
    let opencode = opencode_binary();
    let version = Command::new(&opencode)
        .arg("--version")
        .output()
        .expect("opencode runs");
    println!(
        "OpenCode under test: {}",
        String::from_utf8_lossy(&version.stdout).trim()
    );

    let mut checks = 0;
    for (index, (key, model)) in CASES.into_iter().enumerate() {
        let case = format!("case {index}");
        let server = RecordingServer::start();
        let home = fresh_dir(&format!("opencode-home-{index}"));
        let workdir = fresh_outside_dir(&format!("opencode-work-{index}"));
        let snippets = generate("opencode", key, &server.url(), model);
        install_files(&snippets, "config-file", &home);

        let mut command = Command::new(&opencode);
        command
            .args(["run", "hi"])
            .current_dir(&workdir)
            .env("HOME", &home)
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("XDG_DATA_HOME")
            .env_remove("XDG_CACHE_HOME")
            .env_remove("XDG_STATE_HOME")
            .env_remove("OPENCODE_CONFIG")
            .env_remove("OPENCODE_CONFIG_CONTENT")
            // Not part of the setup: keep OpenCode's model list, update and share calls off
            // the network, and its background install of its plugin package (from the npm
            // registry, into ~/.config/opencode) in npm's offline mode.
            .env("OPENCODE_DISABLE_MODELS_FETCH", "1")
            .env("OPENCODE_DISABLE_AUTOUPDATE", "1")
            .env("OPENCODE_DISABLE_SHARE", "1")
            .env("npm_config_offline", "true");
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
            "{case}: OpenCode tried to leave the machine"
        );
        // A title request, then the chat: both to the stated URL.
        let path = stated_request_path("opencode", &server.url(), model);
        assert_eq!(path, "/chat/completions");
        let requests = server.requests();
        assert_requests(&requests, &path, key, model, &case);
        checks += assert_check_makes_the_clients_request("opencode", key, model, &requests[0]);
    }
    println!(
        "OpenCode: 1 tab (config-file) proven on its own; {checks} check commands made its request"
    );
}
