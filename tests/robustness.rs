//! The doctor never panics (a panic kills the whole page), whatever it is given, and its work
//! grows linearly with the input: arbitrary text for every kind, random mutations of every
//! case in `tests/cases/`, and megabyte inputs compared with small ones.
//!
//! `ONRAMP_FUZZ_CASES` sets how many mutated inputs the mutation test tries (default 3000);
//! run it with a large number for a longer fuzzing session.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/inputs.rs"]
mod inputs;

use onramp::check::{self, Context, Kind};
use onramp::merge;
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
            let lines = check::LineIndex::new(text);
            for finding in &report.findings {
                let code = finding.rule.code;
                assert_span(text, &finding.span, code);
                for edit in &finding.edits {
                    assert_span(text, &edit.span, code);
                }
                assert!(
                    finding.edits.is_empty() || finding.apply_fix(text).is_some(),
                    "{code}: its fix does not apply to {text:?}"
                );
                let _ = lines.line_column(finding.span.start);
                let _ = check::char_position(text, finding.span.end);
            }
            for secret in &report.secrets {
                assert_span(text, secret, "a secret");
            }
            let _ = check::mask(text, &report.secrets);
            let _ = check::fix_all(text, report.kind, &context);
        }
    }
    let values = onramp::clients::Values::default();
    for target in merge::MergeTarget::ALL {
        match merge::merge(target, text, &profile, &values) {
            Ok(merged) => {
                let readable = match target {
                    merge::MergeTarget::CodexConfig => {
                        merged.text.parse::<toml_edit::DocumentMut>().is_ok()
                    }
                    // What was strict JSON stays strict JSON.
                    merge::MergeTarget::ClaudeSettings | merge::MergeTarget::OpenCodeConfig => {
                        serde_json::from_str::<serde_json::Value>(text).is_err()
                            || serde_json::from_str::<serde_json::Value>(&merged.text).is_ok()
                    }
                    merge::MergeTarget::ContinueConfig => true,
                };
                assert!(
                    readable,
                    "the merge of {text:?} into {} cannot be read back:\n{}",
                    target.id(),
                    merged.text
                );
            }
            Err(findings) => {
                for finding in &findings {
                    assert_span(text, &finding.span, finding.rule.code);
                }
            }
        }
    }
}

/// A span must lie inside the text, on character boundaries, the right way round: anything
/// else points at the wrong place, or makes the page slice through a character and panic.
fn assert_span(text: &str, span: &std::ops::Range<usize>, what: &str) {
    assert!(
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end),
        "{what}: span {span:?} in {text:?}"
    );
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

/// The least time one check of `text` took over `runs` runs: the cost of the work, without
/// the noise a busy machine adds to some runs.
/// Each sample checks `text` `repeats` times, so that a sample of a small input is long enough
/// to measure.
fn least_time(text: &str, kind: Kind, context: &Context, samples: u32, repeats: u32) -> Duration {
    (0..samples)
        .map(|_| {
            let started = Instant::now();
            for _ in 0..repeats {
                std::hint::black_box(check::check(text, Some(kind), context));
            }
            started.elapsed() / repeats
        })
        .min()
        .unwrap_or_default()
}

/// A guard against work that grows faster than the input (a quadratic scan of a megabyte
/// would freeze the page), built so that a slow or busy machine cannot trip it: it compares
/// the time per byte of a 1 MiB input with that of a 32 KiB one on the same machine in the
/// same run. Linear work gives a ratio near 1, quadratic work near 32; the limit is 8. No
/// absolute time is asserted: `bench/doctor.rs` reports those.
#[test]
fn checking_time_grows_linearly_with_the_input() {
    let profile = Profile::builtin();
    let context = Context {
        profile: &profile,
        client: None,
    };
    let (small, large) = (32 << 10, check::MAX_INPUT_BYTES - 1024);
    for (index, (kind, make)) in inputs::growing_inputs().into_iter().enumerate() {
        let (small_text, large_text) = (make(small), make(large));
        assert!(large_text.len() <= check::MAX_INPUT_BYTES);
        let small_time = least_time(&small_text, kind, &context, 9, 16);
        let large_time = least_time(&large_text, kind, &context, 3, 1);
        let per_byte = |time: Duration, bytes: usize| time.as_secs_f64() / bytes as f64;
        let ratio = per_byte(large_time, large_text.len())
            / per_byte(small_time, small_text.len()).max(f64::MIN_POSITIVE);
        println!(
            "input {index} ({}): {} bytes in {large_time:.1?}, {} bytes in {small_time:.1?}: {ratio:.2}× the time per byte",
            kind.id(),
            large_text.len(),
            small_text.len()
        );
        assert!(
            ratio < 8.0,
            "input {index} ({}): a byte of the large input costs {ratio:.1}× a byte of the small one",
            kind.id()
        );
    }
}

#[test]
fn more_than_a_megabyte_is_refused_without_being_read() {
    let profile = Profile::builtin();
    let context = Context {
        profile: &profile,
        client: None,
    };
    let too_large = "x".repeat(check::MAX_INPUT_BYTES + 1);
    let report = check::check(&too_large, None, &context);
    assert_eq!(
        report
            .findings
            .iter()
            .map(|f| f.rule.code)
            .collect::<Vec<_>>(),
        ["input/too-large"]
    );
}
