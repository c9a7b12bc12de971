//! The doctor never panics (a panic kills the whole page), whatever it is given, and stays
//! fast: arbitrary text for every kind, random mutations of every case in `tests/cases/`, and
//! megabyte inputs.
//!
//! `ONRAMP_FUZZ_CASES` sets how many mutated inputs the mutation test tries (default 3000);
//! run it with a large number for a longer fuzzing session.
#![cfg(not(target_arch = "wasm32"))]

use onramp::check::{self, Context, Kind};
use onramp::merge::merge_codex_config;
use onramp::profile::Profile;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::path::Path;
use std::time::{Duration, Instant};

/// Checks `text` as every kind (and as whatever it looks like), fixes it, and merges it,
/// touching every public entry point that reads user text.
fn exercise(text: &str) {
    let profile = Profile::builtin();
    for client in [
        None,
        Some(onramp::clients::Client::ClaudeCode),
        Some(onramp::clients::Client::Codex),
    ] {
        let context = Context {
            profile: &profile,
            client,
        };
        for kind in Kind::ALL.into_iter().map(Some).chain([None]) {
            let report = check::check(text, kind, &context);
            for finding in &report.findings {
                let _ = finding.apply_fix(text);
                let _ = check::line_column(text, finding.span.start);
                let _ = check::char_position(text, finding.span.end);
            }
            let _ = check::mask(text, &report.secrets);
            let _ = check::fix_all(text, report.kind, &context);
        }
    }
    let _ = merge_codex_config(text, &profile, &onramp::clients::Values::default());
}

fn case_texts() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut texts = Vec::new();
    for dir in std::fs::read_dir(root).unwrap() {
        for file in std::fs::read_dir(dir.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_none_or(|ext| ext != "expect") {
                texts.push(std::fs::read_to_string(path).unwrap());
            }
        }
    }
    texts
}

/// Characters that stress parsers: quotes of every kind, escapes, brackets, separators,
/// invisible and full-width characters, line breaks, and multi-byte text.
const HOSTILE: &[char] = &[
    '"', '\'', '`', '\\', '[', ']', '{', '}', '=', ':', ',', '#', '$', '%', '\n', '\r', '\t', ' ',
    '\u{0}', '\u{FEFF}', '\u{200B}', '“', '”', '：', '／', '。', 'é', '模', '🔑', '/', '.', '?',
    '&', '-', '_',
];

/// A mutation of `text`: characters inserted, a range deleted or a range repeated.
fn mutated(text: &str, seed: (usize, usize, usize, u8)) -> String {
    let (at, length, pick, how) = seed;
    let chars: Vec<char> = text.chars().collect();
    let at = at % (chars.len() + 1);
    let end = (at + length % 16).min(chars.len());
    let mut out: Vec<char> = chars[..at].to_vec();
    match how % 3 {
        0 => {
            out.extend((0..=length % 4).map(|i| HOSTILE[(pick + i) % HOSTILE.len()]));
            out.extend(&chars[at..]);
        }
        1 => out.extend(&chars[end..]),
        _ => {
            out.extend(&chars[at..end]);
            out.extend(&chars[at..]);
        }
    }
    out.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        exercise(&text);
    }

    #[test]
    fn hostile_text_never_panics(text in proptest::collection::vec(proptest::sample::select(HOSTILE), 0..64)) {
        exercise(&text.into_iter().collect::<String>());
    }
}

#[test]
fn mutated_cases_never_panic() {
    let cases = case_texts();
    let runs: u32 = std::env::var("ONRAMP_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3000);
    let started = Instant::now();
    let mut runner = TestRunner::new(Config {
        cases: runs,
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (
        0..cases.len(),
        proptest::collection::vec(
            (any::<usize>(), any::<usize>(), any::<usize>(), any::<u8>()),
            1..4,
        ),
    );
    runner
        .run(&strategy, |(index, seeds)| {
            let text = seeds
                .into_iter()
                .fold(cases[index].clone(), |text, seed| mutated(&text, seed));
            exercise(&text);
            Ok(())
        })
        .unwrap();
    println!("{runs} mutated inputs checked in {:.1?}", started.elapsed());
}

/// A config.toml of about `bytes` with one small table after another, comments included.
fn many_tables(bytes: usize) -> String {
    let mut text = String::from("model_provider = \"OpenAI\"\n");
    let mut index = 0;
    while text.len() < bytes - 100 {
        text.push_str(&format!(
            "[t{index}] # table\nkey = \"value \\\"quoted\\\"\"\nlist = [1, 2, 3]\n\n"
        ));
        index += 1;
    }
    text
}

/// A text of about `bytes` made by repeating `unit`.
fn repeated(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len())
}

#[test]
fn a_megabyte_is_checked_quickly_and_more_is_refused() {
    let profile = Profile::builtin();
    let context = Context {
        profile: &profile,
        client: None,
    };
    let megabyte = check::MAX_INPUT_BYTES - 1024;
    let inputs = [
        (Kind::CodexConfig, many_tables(megabyte)),
        (
            Kind::CodexConfig,
            repeated("model = \"gpt-5.5\" # filler\n", megabyte),
        ),
        (
            Kind::CodexAuth,
            format!("{{\"OPENAI_API_KEY\": \"{}\"}}", "k".repeat(megabyte)),
        ),
        (
            Kind::ClaudeSettings,
            format!(
                "{{\"env\": {{{}\"ANTHROPIC_AUTH_TOKEN\": \"sk-abc123abc123abc123\"}}}}",
                repeated("\"X_VAR\": \"value\", ", megabyte)
            ),
        ),
        (
            Kind::EnvBash,
            repeated("export OPENAI_API_KEY='sk-abc123abc123abc123 '\n", megabyte),
        ),
        (
            Kind::DotEnv,
            repeated(
                "OPENAI_BASE_URL=https://api.4096bytes.com/v1/chat/completions\n",
                megabyte,
            ),
        ),
        (
            Kind::Url,
            format!(
                "https://api.4096bytes.com/{}",
                "\u{200B} ".repeat(megabyte / 4)
            ),
        ),
        (Kind::Key, " ".repeat(megabyte)),
    ];
    let limit = if cfg!(debug_assertions) {
        Duration::from_millis(2000)
    } else {
        Duration::from_millis(100)
    };
    for (kind, text) in inputs {
        assert!(text.len() <= check::MAX_INPUT_BYTES, "{}", text.len());
        // The best of three runs: the cost of the check, not the noise of a shared machine.
        let mut elapsed = Duration::MAX;
        let mut report = None;
        for _ in 0..3 {
            let started = Instant::now();
            report = Some(check::check(&text, Some(kind), &context));
            elapsed = elapsed.min(started.elapsed());
        }
        let report = report.unwrap();
        println!(
            "{:>14}: {} bytes, {} findings, {elapsed:.1?}",
            kind.id(),
            text.len(),
            report.findings.len()
        );
        assert!(elapsed < limit, "{} took {elapsed:?}", kind.id());
    }
    let too_large = "x".repeat(check::MAX_INPUT_BYTES + 1);
    let started = Instant::now();
    let report = check::check(&too_large, None, &context);
    assert!(started.elapsed() < limit);
    assert_eq!(
        report
            .findings
            .iter()
            .map(|f| f.rule.code)
            .collect::<Vec<_>>(),
        ["input/too-large"]
    );
}
