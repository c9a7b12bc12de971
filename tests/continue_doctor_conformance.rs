//! The doctor against the real Continue command line: for every `continue-config` case in
//! `tests/cases/`, onramp must report an error exactly when `cn` 1.5.47, given that
//! `config.yaml`, fails to get an answer from a strict loopback relay (the right key at the
//! endpoint cn calls for the file's first model, `/chat/completions` or `/responses`; 401 or
//! 404 otherwise). Needs `ONRAMP_CN` and strace (`scripts/setup-clients`); `scripts/test` runs
//! this with `--ignored`. `ONRAMP_CASE=<part of a path>` runs only the matching cases.
//!
//! cn is started as the setup's next step says, `cn --config <the file> -p hi`, with
//! `RELAY_4096BYTES_API_KEY` exported holding the key: the variable a `${{ secrets.… }}` case
//! names, as someone who keeps the key in a secret has it set.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/cases.rs"]
mod cases;
mod support;

use onramp::check::Kind;
use onramp::clients::continue_dev::{CONFIG_DIR, CONFIG_FILE, cli_endpoint};
use std::path::Path;
use std::process::Command;
use support::{RecordingServer, Strict, fresh_dir, fresh_outside_dir};

/// The key the cases are written with, which the strict relay accepts.
const KEY: &str = "sk-onramp-case-key-0001abcd";
const RELAY: &str = "https://api.4096bytes.com";
/// The variable the secret-reference case reads the key from.
const SECRET: &str = "RELAY_4096BYTES_API_KEY";

/// The endpoint cn calls for the first model of the file, when YAML reads it.
fn endpoint(config: &str) -> String {
    let model = yaml_rust2::YamlLoader::load_from_str(config)
        .ok()
        .and_then(|docs| {
            docs.first()?["models"][0]["model"]
                .as_str()
                .map(str::to_owned)
        })
        .unwrap_or_default();
    cli_endpoint(&model).path(&model)
}

/// Whether cn, set up with this config.yaml, got an answer from the strict relay without
/// trying to leave the machine.
fn cn_reaches_the_relay(cn: &Path, config: &str, key: &str, index: usize) -> (bool, String) {
    let server = RecordingServer::strict(Strict {
        key: key.into(),
        model: None,
        endpoint: endpoint(config),
    });
    let home = fresh_dir(&format!("cn-doctor-{index}"));
    let workdir = fresh_outside_dir(&format!("cn-doctor-work-{index}"));
    let file = home.join(CONFIG_DIR).join(CONFIG_FILE.name);
    std::fs::create_dir_all(home.join(CONFIG_DIR)).unwrap();
    std::fs::write(&file, config.replace(RELAY, &server.url())).unwrap();
    let preload = workdir.join("loopback-only.cjs");
    std::fs::write(&preload, support::CN_LOOPBACK_ONLY).unwrap();
    let mut command = Command::new(cn);
    command
        .arg("--config")
        .arg(&file)
        .args(["-p", "hi"])
        .current_dir(&workdir)
        .env("HOME", &home)
        .env("NODE_OPTIONS", format!("--require {}", preload.display()))
        .env(SECRET, key)
        // An exported Anthropic key would make cn rewrite config.yaml.
        .env_remove("ANTHROPIC_API_KEY")
        .env_remove("OPENAI_API_KEY")
        .env_remove("CONTINUE_GLOBAL_DIR")
        .env_remove("CONTINUE_API_KEY")
        .env_remove("CONTINUE_API_BASE")
        .env("CONTINUE_CLI_ENABLE_TELEMETRY", "0")
        .env("CONTINUE_METRICS_ENABLED", "0");
    support::reached_the_relay(command, &workdir.join("connections.trace"), &server, None)
}

#[test]
#[ignore = "needs Continue's cn and strace; scripts/test runs it"]
fn onramp_reports_an_error_exactly_where_cn_fails() {
    let cn = std::path::PathBuf::from(
        std::env::var_os("ONRAMP_CN").expect("set ONRAMP_CN (scripts/setup-clients does)"),
    );
    let version = Command::new(&cn).arg("--version").output().unwrap();
    println!(
        "Continue CLI under test: {}",
        String::from_utf8_lossy(&version.stdout).trim()
    );
    cases::assert_errors_exactly_where_the_client_fails(
        Kind::ContinueConfig,
        "cn",
        30,
        |case, index| {
            let key = case.key.as_deref().unwrap_or(KEY);
            Ok(cn_reaches_the_relay(&cn, &case.text, key, index))
        },
    );
}
