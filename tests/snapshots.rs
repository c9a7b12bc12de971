//! What a person sees, pinned: for every case in `tests/cases/`, the output of `onramp check`
//! (each finding's code, line and column, the source line with the spot underlined and keys
//! masked, why, the fix) and the text `onramp check --fix` prints; and the other commands'
//! output for typical inputs. A change in any of it fails `cargo test` until the snapshot is
//! updated, and the update shows in review:
//!
//! ```sh
//! INSTA_UPDATE=always cargo test --test snapshots   # then read `git diff tests/snapshots`
//! ```
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/cases.rs"]
mod cases;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// Runs onramp from the project's root (so that paths in its output are relative) in the
/// given language, and shows its exit status, standard output and standard error.
fn onramp(args: &[&str], stdin: Option<&str>, lang: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_onramp"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("ONRAMP_KEY")
        .env("NO_COLOR", "1")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("onramp runs");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    let output = child.wait_with_output().unwrap();
    let mut shown = format!("$ onramp {}", args.join(" "));
    shown += &format!("\n[exit status {}]\n", output.status.code().unwrap_or(-1));
    shown += &String::from_utf8_lossy(&output.stdout);
    if !output.stderr.is_empty() {
        shown += "--- standard error\n";
        shown += &String::from_utf8_lossy(&output.stderr);
    }
    shown
}

#[test]
fn every_case_as_a_person_sees_it() {
    // Every file of a case but its `.expect`, whatever the kind's extension.
    insta::glob!("cases/*/*", |path| {
        if path.extension().is_some_and(|ext| ext == "expect") {
            return;
        }
        let relative = path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap()
            .to_str()
            .unwrap();
        let case = cases::cases()
            .into_iter()
            .find(|case| case.path == path)
            .expect("a case");
        let mut args = vec!["check", "--kind", case.kind.id()];
        if let Some(client) = case.client {
            args.extend(["--client", client.id()]);
        }
        args.push(relative);
        let check = onramp(&args, None, "C");
        args.insert(1, "--fix");
        let fixed = onramp(&args, None, "C");
        insta::assert_snapshot!(format!("{check}\n{fixed}"));
    });
}

/// A few cases in Chinese: the messages, the level names and wide characters in source lines.
#[test]
fn diagnostics_follow_the_language() {
    for case in [
        "tests/cases/url/fullwidth-colon.txt",
        "tests/cases/codex-config/appended-after-features.toml",
    ] {
        let kind = Path::new(case)
            .parent()
            .and_then(Path::file_name)
            .and_then(|name| name.to_str())
            .unwrap();
        let name = Path::new(case).file_stem().unwrap().to_str().unwrap();
        insta::assert_snapshot!(
            format!("zh-{name}"),
            onramp(&["check", "--kind", kind, case], None, "zh_CN.UTF-8")
        );
    }
}

#[test]
fn check_as_json() {
    insta::assert_snapshot!(onramp(
        &[
            "check",
            "--json",
            "tests/cases/codex-auth/trailing-space-in-key.json"
        ],
        None,
        "C"
    ));
}

#[test]
fn a_key_in_a_file_that_does_not_parse_is_still_masked() {
    let text = "{\n  \"OPENAI_API_KEY\": \"sk-unparsed-secret-0123456789\",\n}\n";
    let shown = onramp(&["check", "--kind", "codex-auth", "-"], Some(text), "C");
    assert!(!shown.contains("sk-unparsed-secret"), "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn merge_lists_its_changes_and_masks_an_old_key() {
    let existing = "# mine\nmodel = \"o3\" # my favourite\n\n[features]\nweb_search_request = true\nmodel_provider = \"OpenAI\"\n\n[model_providers.OpenAI]\nname = \"old\"\nbase_url = \"https://old.example/v1\"\nenv_key = \"sk-old-secret-0123456789\"\n";
    let shown = onramp(&["merge", "--model", "gpt-5.5", "-"], Some(existing), "C");
    assert!(!shown.contains("sk-old-secret"), "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn merge_refuses_what_codex_could_not_read_and_says_where() {
    insta::assert_snapshot!(onramp(
        &[
            "merge",
            "tests/cases/codex-config/providers-not-a-table.toml"
        ],
        None,
        "C"
    ));
    insta::assert_snapshot!(
        "merge-syntax",
        onramp(&["merge", "-"], Some("model = \"unterminated\n"), "C")
    );
}

#[test]
fn generate_for_people() {
    insta::assert_snapshot!(onramp(
        &[
            "generate",
            "--client",
            "claude-code",
            "--os",
            "windows",
            "--model",
            "claude-x"
        ],
        Some("sk-generate-0123456789 \n"),
        "C"
    ));
}

/// The rules with their severities and evidence: the doctor's documentation, reviewed here.
#[test]
fn the_rules() {
    insta::assert_snapshot!(onramp(&["rules"], None, "C"));
}

/// A case removed must take its snapshot with it, or the snapshot would pin nothing.
#[test]
fn every_case_snapshot_belongs_to_a_case() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let prefix = "snapshots__every_case_as_a_person_sees_it@";
    for entry in std::fs::read_dir(root.join("snapshots")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let Some(case) = name
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(".snap"))
        else {
            continue;
        };
        let path = root.join("cases").join(case.replacen("__", "/", 1));
        assert!(path.exists(), "{name} has no case {}", path.display());
    }
}
