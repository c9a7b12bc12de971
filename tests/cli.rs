//! The `onramp` command line, run as a person or a script would run it.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn onramp(args: &[&str], env_key: Option<&str>, stdin: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_onramp"));
    command.args(args).env_remove("ONRAMP_KEY").env("LANG", "C");
    if let Some(key) = env_key {
        command.env("ONRAMP_KEY", key);
    }
    command.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    command.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = command.spawn().expect("onramp runs");
    if let Some(text) = stdin {
        // onramp may not read its input at all (a key in ONRAMP_KEY wins) and exit first.
        let written = child.stdin.take().unwrap().write_all(text.as_bytes());
        if let Err(error) = written {
            assert_eq!(error.kind(), std::io::ErrorKind::BrokenPipe, "{error}");
        }
    }
    child.wait_with_output().unwrap()
}

const GENERATE: [&str; 8] = [
    "generate", "--client", "codex", "--os", "linux", "--model", "gpt-5.5", "--json",
];

fn snippets(output: &Output) -> Vec<serde_json::Value> {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice::<Vec<serde_json::Value>>(&output.stdout).expect("a JSON array")
}

fn auth_key(snippets: &[serde_json::Value]) -> String {
    let auth = snippets
        .iter()
        .find(|s| s["file_name"] == "auth.json")
        .expect("auth.json");
    let parsed: serde_json::Value =
        serde_json::from_str(auth["content"].as_str().unwrap()).unwrap();
    parsed["OPENAI_API_KEY"].as_str().unwrap().to_owned()
}

#[test]
fn json_output_lists_each_file_with_path_format_and_content() {
    let all = snippets(&onramp(&GENERATE, Some("sk-env"), None));
    let snippets: Vec<_> = all
        .iter()
        .filter(|s| s["section"] == "auth-json")
        .cloned()
        .collect();
    assert_eq!(snippets.len(), 2);
    assert_eq!(snippets[0]["kind"], "file");
    assert_eq!(snippets[0]["path"], "~/.codex/config.toml");
    assert_eq!(snippets[0]["format"], "toml");
    assert_eq!(snippets[1]["path"], "~/.codex/auth.json");
    assert_eq!(snippets[1]["format"], "json");
    let config: toml_edit::DocumentMut = snippets[0]["content"].as_str().unwrap().parse().unwrap();
    assert_eq!(config["model"].as_str(), Some("gpt-5.5"));
    assert_eq!(auth_key(&snippets), "sk-env");
}

#[test]
fn the_key_comes_from_standard_input_without_its_final_line_break() {
    assert_eq!(
        auth_key(&snippets(&onramp(&GENERATE, None, Some("sk-piped\n")))),
        "sk-piped"
    );
    assert_eq!(
        auth_key(&snippets(&onramp(&GENERATE, None, Some("sk-crlf\r\n")))),
        "sk-crlf"
    );
    // The environment variable wins over standard input.
    assert_eq!(
        auth_key(&snippets(&onramp(
            &GENERATE,
            Some("sk-env"),
            Some("sk-stdin")
        ))),
        "sk-env"
    );
}

#[test]
fn without_a_key_the_placeholder_is_written() {
    assert_eq!(
        auth_key(&snippets(&onramp(&GENERATE, None, Some("")))),
        "YOUR_4096BYTES_API_KEY"
    );
}

#[test]
fn mistakes_are_reported_by_position_without_echoing_the_key() {
    let output = onramp(&GENERATE, Some("sk-secret-value-0123456789 "), None);
    let stderr = String::from_utf8_lossy(&output.stderr);
    // Codex trims the space, so this is a warning for Codex.
    assert!(
        stderr.contains("warning[key/surrounding-space-trimmed]"),
        "{stderr}"
    );
    assert!(stderr.contains("at character 27"), "{stderr}");
    assert!(
        !stderr.contains("sk-secret"),
        "the key leaked into: {stderr}"
    );
    // The file still holds exactly what was given: the finding says what to change.
    assert_eq!(auth_key(&snippets(&output)), "sk-secret-value-0123456789 ");
}

#[test]
fn the_human_format_shows_paths_and_the_request_url() {
    let args = [
        "generate",
        "--client",
        "codex",
        "--os",
        "windows",
        "--base-url",
        "https://relay.example/",
    ];
    let output = onramp(&args, Some("sk-1"), None);
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("%USERPROFILE%\\.codex\\config.toml"),
        "{stdout}"
    );
    assert!(
        stdout.contains("https://relay.example/responses"),
        "{stdout}"
    );
}

/// `--base-url` is judged for the chosen client, as the page's field is: Claude Code adds
/// `/v1` itself, so a base URL ending in `/v1` is an error, and the request URL printed, which
/// doubles it, says that it will not work.
#[test]
fn a_base_url_the_client_extends_is_an_error_beside_the_request_url() {
    let args = [
        "generate",
        "--client",
        "claude-code",
        "--os",
        "linux",
        "--base-url",
        "https://api.4096bytes.com/v1",
    ];
    let output = onramp(&args, Some("sk-1"), None);
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("error[url/doubled-v1]"), "{stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let request = stdout
        .lines()
        .position(|line| line.ends_with("https://api.4096bytes.com/v1/v1/messages"))
        .unwrap_or_else(|| panic!("no request URL in {stdout}"));
    assert!(
        stdout
            .lines()
            .nth(request + 1)
            .unwrap_or_default()
            .contains("The base URL has an error"),
        "{stdout}"
    );

    // For Codex, whose relay path is none, /v1 is not the relay's path; the relay's own
    // base URL is clean for both.
    let mut codex = args;
    codex[2] = "codex";
    let stderr = String::from_utf8_lossy(&onramp(&codex, Some("sk-1"), None).stderr).into_owned();
    assert!(stderr.contains("error[url/unexpected-path]"), "{stderr}");
    for client in ["claude-code", "codex"] {
        let mut clean = args;
        clean[2] = client;
        clean[6] = "https://api.4096bytes.com";
        let output = onramp(&clean, Some("sk-1"), None);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("url/"), "{client}: {stderr}");
        assert!(
            !String::from_utf8_lossy(&output.stdout).contains("The base URL has an error"),
            "{client}"
        );
    }
}

/// The JSON output says how each set of commands is used, and begins with how to install the
/// client.
#[test]
fn json_commands_say_their_scope_and_the_install_comes_first() {
    let args = ["generate", "--client", "codex", "--os", "linux", "--json"];
    let snippets = snippets(&onramp(&args, Some("sk-1"), None));
    assert_eq!(snippets[0]["section"], "install");
    assert_eq!(
        snippets[0]["content"],
        "curl -fsSL https://chatgpt.com/codex/install.sh | sh\n"
    );
    let scope = |section: &str| {
        snippets
            .iter()
            .find(|s| s["section"] == section && s["kind"] == "commands")
            .map(|s| s["scope"].clone())
    };
    assert_eq!(scope("install"), Some(serde_json::Value::Null));
    assert_eq!(scope("env-session"), Some("session".into()));
    assert_eq!(scope("env-persistent"), Some("persistent".into()));
}

#[test]
fn commands_are_written_for_the_chosen_shell() {
    let args = [
        "generate",
        "--client",
        "claude-code",
        "--os",
        "windows",
        "--shell",
        "cmd",
        "--json",
    ];
    let snippets = snippets(&onramp(&args, Some("sk-1"), None));
    let session = snippets
        .iter()
        .find(|s| s["section"] == "env-session")
        .expect("env-session");
    assert_eq!(session["kind"], "commands");
    assert_eq!(session["shell"], "cmd");
    assert!(
        session["content"]
            .as_str()
            .unwrap()
            .contains("set \"ANTHROPIC_AUTH_TOKEN=sk-1\"")
    );
}

#[test]
fn clients_are_listed_with_their_systems_and_shells() {
    let output = onramp(&["clients", "--json"], None, None);
    assert!(output.status.success());
    let clients: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    let ids: Vec<_> = clients.iter().map(|c| c["id"].as_str().unwrap()).collect();
    for id in ["codex", "claude-code", "openai-sdk", "curl"] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    let windows = clients[0]["systems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["os"] == "windows")
        .unwrap();
    assert_eq!(windows["shells"], serde_json::json!(["powershell", "cmd"]));
}

#[test]
fn bad_arguments_exit_with_2_and_say_why() {
    let cases: [&[&str]; 5] = [
        &[
            "generate", "--client", "codex", "--os", "linux", "--shell", "cmd",
        ],
        &["generate", "--client", "codex", "--os", "beos"],
        &["generate", "--client", "notepad", "--os", "linux"],
        &["generate", "--os", "linux"],
        // The key is never taken from an argument, where shell history would keep it.
        &[
            "generate", "--client", "codex", "--os", "linux", "--key", "sk-1",
        ],
    ];
    for args in cases {
        let output = onramp(args, None, Some(""));
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.starts_with("error:"), "{args:?}: {stderr}");
    }
}

/// A profile file for another relay, written to a temporary folder.
fn profile_file(name: &str, edit: impl Fn(String) -> String) -> std::path::PathBuf {
    let default = onramp(&["profile", "default"], None, None);
    assert!(default.status.success());
    let dir = std::env::temp_dir().join(format!("onramp-cli-profile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, edit(String::from_utf8(default.stdout).unwrap())).unwrap();
    path
}

fn operator(text: String) -> String {
    text.replace("https://api.4096bytes.com", "https://relay.example")
        .replace("\"4096bytes\"", "\"Example Relay\"")
        .replace(
            "\"accepted_base_urls\": []",
            "\"accepted_base_urls\": [\"https://cn.relay.example\"]",
        )
}

#[test]
fn profile_default_prints_the_builtin_profile_which_checks_clean() {
    let output = onramp(&["profile", "default"], None, None);
    let profile: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(profile["base_url"], "https://api.4096bytes.com");
    let path = profile_file("default.json", |text| text);
    let check = onramp(&["profile", "check", path.to_str().unwrap()], None, None);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn profile_check_names_the_bad_field_and_fails() {
    let path = profile_file("broken.json", |text| {
        operator(text).replace(
            "\"env_key\": \"RELAY_4096BYTES_API_KEY\"",
            "\"env_key\": 42",
        )
    });
    let output = onramp(&["profile", "check", path.to_str().unwrap()], None, None);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("broken.json: clients.codex.env_key: invalid type: integer `42`, expected a string at line"),
        "{stderr}"
    );
    // The same file given to a command: a usage error with the same message.
    let output = onramp(
        &[
            "generate",
            "--client",
            "codex",
            "--os",
            "linux",
            "--profile",
            path.to_str().unwrap(),
        ],
        None,
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("clients.codex.env_key"));
}

#[test]
fn generate_check_and_merge_take_another_relays_profile() {
    let path = profile_file("operator.json", operator);
    let profile = path.to_str().unwrap();
    let mut args = GENERATE.to_vec();
    args.extend(["--profile", profile]);
    let output = onramp(&args, Some("sk-operator-0123456789"), None);
    let all = serde_json::to_string(&snippets(&output)).unwrap();
    assert!(all.contains("https://relay.example"), "{all}");
    assert!(all.contains("Example Relay"), "{all}");
    assert!(!all.contains("4096bytes.com"), "{all}");
    // The host the relay also accepts is its own; the built-in relay's is another host.
    let check = |url: &str| {
        let output = onramp(
            &["check", "--kind", "url", "--json", "--profile", profile],
            None,
            Some(url),
        );
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert!(check("https://cn.relay.example").is_empty());
    assert_eq!(check("https://api.4096bytes.com"), ["url/other-host"]);
    let output = onramp(
        &["merge", "--model", "m", "--profile", profile],
        None,
        Some("model = \"o3\"\n"),
    );
    assert!(output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("base_url = \"https://relay.example\"")
    );
}

#[test]
fn merge_into_each_clients_file_keeps_what_was_there() {
    let key = "sk-merged-0123456789";
    let merged = |into: &str, existing: &str| {
        let output = onramp(
            &["merge", "--into", into, "--model", "gpt-5.5", "-"],
            Some(key),
            Some(existing),
        );
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(output.status.success(), "{into}: {stderr}");
        assert!(
            !stderr.contains(key),
            "{into}: the key in the changes: {stderr}"
        );
        String::from_utf8(output.stdout).unwrap()
    };
    // Claude Code: the key goes into env (the file needs it); the old one is listed masked.
    let claude = merged(
        "claude-settings",
        "{\n  \"model\": \"opus\",\n  \"env\": { \"ANTHROPIC_API_KEY\": \"sk-stale-9999\" }\n}\n",
    );
    let settings: serde_json::Value = serde_json::from_str(&claude).unwrap();
    assert_eq!(settings["env"]["ANTHROPIC_AUTH_TOKEN"], key);
    assert_eq!(settings["model"], "opus");
    assert!(
        settings["env"].get("ANTHROPIC_API_KEY").is_none(),
        "{claude}"
    );
    // OpenCode and Continue: the relay added beside the user's own settings.
    let opencode = merged("opencode-config", "{\n  \"theme\": \"dark\"\n}\n");
    let config: serde_json::Value = serde_json::from_str(&opencode).unwrap();
    assert_eq!(config["theme"], "dark");
    assert!(opencode.contains("gpt-5.5"), "{opencode}");
    let continue_yaml = merged("continue-config", "name: mine\nversion: 1.0.0\n");
    assert!(continue_yaml.starts_with("name: mine\n"), "{continue_yaml}");
    assert!(continue_yaml.contains("gpt-5.5"), "{continue_yaml}");
    // A file the merge cannot read: the finding, and status 1.
    let output = onramp(
        &["merge", "--into", "opencode-config", "-"],
        None,
        Some("{ \"a\": "),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).contains("error["));
}

#[test]
fn merge_without_a_model_or_key_keeps_the_files_own() {
    // No --model, no ONRAMP_KEY: the placeholders fill only what is missing.
    let output = onramp(
        &["merge", "-"],
        None,
        Some(
            "model = \"gpt-5.5\"\n\n[model_providers.OpenAI]\nbase_url = \"https://old.example/v1\"\n",
        ),
    );
    assert!(output.status.success());
    let merged = String::from_utf8_lossy(&output.stdout);
    assert!(merged.starts_with("model = \"gpt-5.5\"\n"), "{merged}");
    assert!(
        merged.contains("base_url = \"https://api.4096bytes.com\""),
        "{merged}"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("changed model:"), "{stderr}");
    assert!(merged.contains("review_model = \"gpt-5.5\""), "{merged}");
    assert!(!stderr.contains("error["), "{stderr}");
    // Into an empty file the placeholder goes, and the check of the merged file says so.
    let output = onramp(&["merge", "-"], None, Some(""));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("error[model/placeholder]"), "{stderr}");
    let claude = |key: Option<&str>| {
        let output = onramp(
            &["merge", "--into", "claude-settings", "-"],
            key,
            Some(
                "{\"env\": {\"ANTHROPIC_AUTH_TOKEN\": \"sk-mine-0123456789\", \"ANTHROPIC_MODEL\": \"claude-x\"}}\n",
            ),
        );
        assert!(output.status.success());
        let settings: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(!stderr.contains("sk-mine-0123456789"), "masked: {stderr}");
        (settings, stderr)
    };
    let (settings, stderr) = claude(None);
    assert_eq!(
        settings["env"]["ANTHROPIC_AUTH_TOKEN"],
        "sk-mine-0123456789"
    );
    assert_eq!(settings["env"]["ANTHROPIC_MODEL"], "claude-x");
    assert!(!stderr.contains("changed"), "{stderr}");
    // A typed key replaces the file's; the old one is listed masked.
    let (settings, stderr) = claude(Some("sk-typed-0123456789"));
    assert_eq!(
        settings["env"]["ANTHROPIC_AUTH_TOKEN"],
        "sk-typed-0123456789"
    );
    assert_eq!(settings["env"]["ANTHROPIC_MODEL"], "claude-x");
    assert!(
        stderr.contains("changed env.ANTHROPIC_AUTH_TOKEN"),
        "{stderr}"
    );
}

#[test]
fn a_client_the_relay_does_not_serve_is_refused_with_the_reason() {
    // A relay without Anthropic's API: Claude Code is neither generated nor checked for.
    let path = profile_file("no-anthropic.json", |text| {
        text.replace(
            "\"protocols\": [\"openai\", \"anthropic\"]",
            "\"protocols\": [\"openai\", \"gemini\"]",
        )
    });
    let profile = path.to_str().unwrap();
    let generate = |client: &str, profile: Option<&str>| {
        let mut args = vec!["generate", "--client", client, "--os", "linux"];
        args.extend(profile.map(|p| ["--profile", p]).into_iter().flatten());
        onramp(&args, Some("sk-1"), None)
    };
    let output = generate("claude-code", Some(profile));
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: Claude Code needs Anthropic's Messages API (/v1/messages), which this relay does not serve.\n"
    );
    let output = onramp(
        &[
            "check",
            "--kind",
            "key",
            "--client",
            "claude-code",
            "--profile",
            profile,
            "-",
        ],
        None,
        Some("sk-1"),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("Claude Code needs"));
    // The same relay offers Gemini CLI; the built-in one does not.
    assert!(generate("gemini-cli", Some(profile)).status.success());
    let output = generate("gemini-cli", None);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("needs the Gemini API"));
}

#[test]
fn profile_check_refuses_unknown_clients_and_unreadable_brands() {
    for (edit, field) in [
        (
            (
                "\"shown_clients\": null",
                "\"shown_clients\": [\"codex\", \"vscode\"]",
            ),
            "shown_clients[1]: unknown client `vscode`",
        ),
        (
            (
                "\"default_client\": null",
                "\"default_client\": \"gemini-cli\"",
            ),
            "default_client: Gemini CLI needs the gemini protocol",
        ),
        (
            ("\"accent\": null", "\"accent\": \"#ffee00\""),
            "brand.accent: #ffee00 as text on the light theme's background",
        ),
        (
            (
                "\"logo\": null",
                "\"logo\": \"https://cdn.example/logo.svg\"",
            ),
            "brand.logo: expected the name of an image file next to index.html",
        ),
    ] {
        let path = profile_file("bad-client.json", |text| text.replace(edit.0, edit.1));
        let output = onramp(&["profile", "check", path.to_str().unwrap()], None, None);
        assert_eq!(output.status.code(), Some(1), "{field}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains(&format!("bad-client.json: {field}")),
            "{stderr}"
        );
    }
}
