//! Conformance with the real Cline command line: the `cline auth …` line onramp prints, run by
//! bash as printed in a fresh home, makes `cline "say hi"` send the key and model to the
//! relay's `/chat/completions`, and nothing beyond loopback.
//!
//! Needs `cline` from npm (`cline`, pinned in `tests/clients/package.json`), named by
//! `ONRAMP_CLINE`, and strace; `scripts/test` installs both (scripts/setup-clients) and runs
//! this with `--ignored`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use support::{
    ANSWER, ClientRun, RecordingServer, assert_check_makes_the_clients_request, assert_requests,
    assert_windows_lines_check_clean, end_leftover_processes, fresh_dir, fresh_outside_dir,
    generate, run_commands, run_traced_client, stated_request_path,
};

/// Keys and models that exercise quoting in the shell.
const CASES: [(&str, &str); 3] = [
    ("sk-cline-plain-0001", "gpt-5.5"),
    (
        r#"sk-"quoted"\back\slash"#,
        r#"relay/model "quoted" \ slash"#,
    ),
    ("sk-$HOME-'single'-%PATH%-`tick`", "模型-ü"),
];

/// What Cline may leave running in the background after a task: its session hub.
const HUB_DAEMON: &str = "--cline-hub-daemon";

fn cline_binary() -> PathBuf {
    PathBuf::from(
        std::env::var_os("ONRAMP_CLINE")
            .expect("set ONRAMP_CLINE to the cline binary (scripts/setup-clients does)"),
    )
}

/// Not part of the setup: Cline's global settings with telemetry and automatic updates off
/// (its telemetry has no environment switch, only this file).
fn turn_telemetry_off(home: &Path) {
    let settings = home.join(".cline/data/settings");
    std::fs::create_dir_all(&settings).unwrap();
    std::fs::write(
        settings.join("global-settings.json"),
        r#"{"telemetryOptOut": true, "autoUpdateEnabled": false}"#,
    )
    .unwrap();
}

/// `command` in `home` with the environment every Cline run of this test gets.
fn in_home(mut command: Command, home: &Path, workdir: &Path, path: &str) -> Command {
    command
        .current_dir(workdir)
        .env("HOME", home)
        .env("PATH", path)
        .env_remove("CLINE_DIR")
        .env_remove("CLINE_DATA_DIR")
        .env_remove("CLINE_API_KEY")
        .env_remove("CLINE_PROVIDER")
        .env_remove("CLINE_MODEL")
        // Not part of the setup: sessions in this process rather than a background hub, no
        // update check, and no feature-flag requests (E2E_TEST switches those off).
        .env("CLINE_SESSION_BACKEND_MODE", "local")
        .env("CLINE_NO_AUTO_UPDATE", "1")
        .env("E2E_TEST", "true");
    command
}

fn assert_ran(run: &ClientRun, what: &str) {
    assert!(
        run.output.success,
        "{what}:\n{}\n{}",
        run.output.stdout, run.output.stderr
    );
    assert_eq!(
        run.outside_connections,
        Vec::<String>::new(),
        "{what}: Cline tried to leave the machine"
    );
}

#[test]
#[ignore = "needs the Cline CLI; scripts/test runs it"]
fn cline_sends_the_key_and_model_to_the_relay() {
    let cline = cline_binary();
    let version = Command::new(&cline)
        .arg("--version")
        .output()
        .expect("cline runs");
    println!(
        "Cline CLI under test: {}",
        String::from_utf8_lossy(&version.stdout).trim()
    );
    let path = format!(
        "{}:{}",
        cline.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );

    let mut checks = 0;
    for (index, (key, model)) in CASES.into_iter().enumerate() {
        let case = format!("case {index}");
        let server = RecordingServer::start();
        let home = fresh_dir(&format!("cline-home-{index}"));
        let workdir = fresh_outside_dir(&format!("cline-work-{index}"));
        turn_telemetry_off(&home);
        let snippets = generate("cline", key, &server.url(), model);

        // The tab's one line, run once as its note says.
        let printed = run_commands(&snippets, "cli");
        assert_eq!(printed.len(), 1, "{case}");
        let mut auth = Command::new("bash");
        auth.arg("-c").arg(&printed[0]);
        let auth = run_traced_client(
            in_home(auth, &home, &workdir, &path),
            &workdir.join("auth.trace"),
        );
        assert_ran(&auth, &format!("{case}: cline auth"));

        let mut task = Command::new(&cline);
        // A one-word prompt would be taken as the name of a command.
        task.arg("say hi");
        let task = run_traced_client(
            in_home(task, &home, &workdir, &path),
            &workdir.join("task.trace"),
        );
        let ended = end_leftover_processes(HUB_DAEMON, &home);
        if !ended.is_empty() {
            println!("{case}: ended the hub Cline left running: {ended:?}");
        }
        assert_ran(&task, &format!("{case}: cline \"say hi\""));
        assert!(
            task.output.stdout.contains(ANSWER),
            "{case} printed: {}",
            task.output.stdout
        );
        let stated = stated_request_path("cline", &server.url(), model);
        assert_eq!(stated, "/chat/completions");
        let requests = server.requests();
        assert_requests(&requests, &stated, key, model, &case);
        checks += assert_check_makes_the_clients_request("cline", key, model, &requests[0]);
    }
    let windows = assert_windows_lines_check_clean("cline", &CASES);
    // The other tab, the extension's settings screen, is not run: no registry has it.
    println!(
        "Cline: 1 of 2 tabs (cli) proven on its own with the Cline CLI; {checks} check \
         commands made its request; {windows} Windows tabs checked clean by the doctor"
    );
}
