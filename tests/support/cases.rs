// Each test binary that includes this file uses a different part of it.
#![allow(dead_code)]

//! The doctor's realistic cases, `tests/cases/<kind id>/<name>.<ext>`, each with a
//! `<name>.expect` file listing the codes the doctor must find, one per line (none for a
//! clean input). Lines before the codes may say more about the case:
//! - `client: <id>`: the text is for this client, and is judged for it;
//! - `codex: skip: <reason>`, `codex: env` or `codex: env NAME=VALUE`: how the Codex
//!   conformance test runs it (not at all; with the key in the variable the relay's setup
//!   names, or with `NAME` set to `VALUE`, `<key>` in it standing for the key);
//! - `key: <key>`: the key the relay issued, when it is not the cases' usual one (a key with
//!   a `$` in it, say), for the conformance tests' strict relay.
//!
//! Shared by `tests/cases.rs`, `tests/snapshots.rs` and `tests/codex_doctor_conformance.rs`.

use onramp::check::{Context, Kind};
use onramp::clients::Client;
use onramp::profile::Profile;
use std::path::{Path, PathBuf};

pub struct Case {
    pub path: PathBuf,
    pub kind: Kind,
    pub client: Option<Client>,
    pub text: String,
    /// The codes the doctor must find, sorted.
    pub expected: Vec<String>,
    /// What the `codex:` line says, if there is one.
    pub codex: Option<String>,
    /// The key the relay issued, if the case names one.
    pub key: Option<String>,
}

impl Case {
    /// The path from the project's root, as shown in snapshots and messages.
    pub fn name(&self) -> String {
        self.path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(&self.path)
            .display()
            .to_string()
            .trim_start_matches('/')
            .to_owned()
    }

    /// What the checks know: the built-in relay, and the case's client.
    pub fn context<'a>(&self, profile: &'a Profile) -> Context<'a> {
        Context {
            profile,
            client: self.client,
        }
    }
}

/// Every case, sorted by path.
pub fn cases() -> Vec<Case> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut cases = Vec::new();
    for dir in std::fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap().path();
        let kind = Kind::from_id(dir.file_name().unwrap().to_str().unwrap())
            .expect("a directory per kind id");
        for file in std::fs::read_dir(&dir).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_some_and(|ext| ext == "expect") {
                continue;
            }
            let expect = std::fs::read_to_string(path.with_extension("expect"))
                .unwrap_or_else(|_| panic!("{} has no .expect file", path.display()));
            let mut client = None;
            let mut codex = None;
            let mut key = None;
            let mut expected = Vec::new();
            for line in expect.lines().filter(|line| !line.trim().is_empty()) {
                if let Some(id) = line.strip_prefix("client: ") {
                    client = Some(Client::from_id(id.trim()).expect("a client id"));
                } else if let Some(marker) = line.strip_prefix("codex: ") {
                    codex = Some(marker.to_owned());
                } else if let Some(issued) = line.strip_prefix("key: ") {
                    key = Some(issued.to_owned());
                } else {
                    expected.push(line.trim().to_owned());
                }
            }
            expected.sort();
            let text = std::fs::read_to_string(&path).unwrap();
            cases.push(Case {
                path,
                kind,
                client,
                text,
                expected,
                codex,
                key,
            });
        }
    }
    cases.sort_by(|a, b| a.path.cmp(&b.path));
    cases
}

/// What a client made of one case: whether it got an answer from the strict relay, and what
/// to show when onramp disagrees; `Err(why)` for a case the client is not given.
pub type Run = Result<(bool, String), &'static str>;

/// Gives every case of `kind` to the real client (`run(case, index)`) and asserts that onramp
/// reports an error exactly where the client fails to get an answer from the relay, for at
/// least `at_least` cases (unless `ONRAMP_CASE=<part of a path>` picks some).
pub fn assert_errors_exactly_where_the_client_fails(
    kind: Kind,
    client: &str,
    at_least: usize,
    mut run: impl FnMut(&Case, usize) -> Run,
) {
    let profile = Profile::builtin();
    let only = std::env::var("ONRAMP_CASE").unwrap_or_default();
    let (mut agreed, mut skipped, mut disagreements) = (0, 0, Vec::new());
    let chosen = cases()
        .into_iter()
        .filter(|case| case.kind == kind && case.name().contains(&only));
    for (index, case) in chosen.enumerate() {
        let name = case.name();
        let (reached, shown) = match run(&case, index) {
            Ok(outcome) => outcome,
            Err(reason) => {
                println!("skipped {name}: {reason}");
                skipped += 1;
                continue;
            }
        };
        let onramp_error =
            onramp::check::check(&case.text, Some(case.kind), &case.context(&profile)).has_errors();
        let verdict = if reached {
            "reached the relay"
        } else {
            "failed"
        };
        let onramp = if onramp_error { "error" } else { "clean" };
        println!("{name}: onramp {onramp} / {client} {verdict}");
        if onramp_error == reached {
            disagreements.push(format!(
                "{name}: onramp error = {onramp_error}, {client} reached the relay = {reached}\n{shown}"
            ));
        } else {
            agreed += 1;
        }
    }
    println!("{agreed} cases agree, {skipped} skipped");
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n\n"));
    assert!(
        !only.is_empty() || agreed >= at_least,
        "only {agreed} cases were run"
    );
}
