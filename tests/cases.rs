//! The doctor against realistic inputs: every file in `tests/cases/<kind>/` is checked as that
//! kind and must yield exactly the codes listed in its `.expect` file (none for clean inputs);
//! every fix must leave its mistake fixed; and everything onramp generates must check clean.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/cases.rs"]
mod cases;

use cases::{Case, cases};
use onramp::check::{self, Context, Evidence, Kind, Severity};
use onramp::clients::{Client, SnippetKind, Values};
use onramp::i18n::{Lang, Msg};
use onramp::platform::Target;
use onramp::profile::Profile;
use onramp::shell::Shell;
use std::collections::BTreeSet;

/// The codes the doctor finds in a case, sorted.
fn codes(case: &Case) -> Vec<String> {
    let profile = Profile::builtin();
    let report = check::check(&case.text, Some(case.kind), &case.context(&profile));
    let mut codes: Vec<String> = report
        .findings
        .iter()
        .map(|f| f.rule.code.to_owned())
        .collect();
    codes.sort();
    codes
}

#[test]
fn there_are_enough_realistic_cases() {
    let cases = cases();
    let broken = cases
        .iter()
        .filter(|case| !case.expected.is_empty())
        .count();
    let clean = cases.len() - broken;
    println!("{broken} broken and {clean} clean cases");
    assert!(broken >= 60, "{broken} broken cases");
    assert!(clean >= 10, "{clean} clean cases");
}

#[test]
fn every_case_yields_exactly_its_expected_codes() {
    let mut failures = Vec::new();
    for case in cases() {
        let found = codes(&case);
        if found != case.expected {
            failures.push(format!(
                "{}: expected {:?}, found {found:?}",
                case.name(),
                case.expected
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_case_is_recognised_as_its_kind() {
    let mut failures = Vec::new();
    for case in cases() {
        let detected = check::detect::detect(&case.text, &Profile::builtin());
        // Text pasted into the wrong place (another shell's lines, a URL in the key field) is
        // recognised as what it is, which is the point of those cases.
        let misplaced = [
            "env/wrong-shell",
            "cherry/not-a-link",
            "key/looks-like-url",
            "url/looks-like-key",
        ];
        let misplaced = case
            .expected
            .iter()
            .any(|code| misplaced.contains(&code.as_str()));
        if detected != case.kind && !misplaced {
            failures.push(format!("{}: detected as {}", case.name(), detected.id()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn each_fix_removes_its_own_finding_and_fix_all_leaves_only_unfixable_errors() {
    let profile = Profile::builtin();
    for case in cases() {
        let context = case.context(&profile);
        let report = check::check(&case.text, Some(case.kind), &context);
        for finding in &report.findings {
            let Some(fixed) = finding.apply_fix(&case.text) else {
                continue;
            };
            let after = check::check(&fixed, Some(case.kind), &context);
            let same = after
                .findings
                .iter()
                .filter(|f| f.rule.code == finding.rule.code)
                .count();
            let before = report
                .findings
                .iter()
                .filter(|f| f.rule.code == finding.rule.code)
                .count();
            assert!(
                same < before,
                "{}: the fix for {} did not remove it:\n{fixed}",
                case.name(),
                finding.rule.code
            );
        }
        let fixed = check::fix_all(&case.text, case.kind, &context).text;
        let unfixable: BTreeSet<_> = report
            .findings
            .iter()
            .filter(|f| f.edits.is_empty())
            .map(|f| f.rule.code)
            .collect();
        for finding in check::check(&fixed, Some(case.kind), &context).findings {
            if finding.rule.severity == Severity::Error {
                assert!(
                    unfixable.contains(finding.rule.code),
                    "{}: error {} left after fixing all:\n{fixed}",
                    case.name(),
                    finding.rule.code
                );
            }
        }
    }
}

/// What fix-all made when it made one fix per check: the first finding's fix that fits, then
/// a check of the result, until no finding has a fix (or 64 fixes were made).
fn one_fix_per_check(text: &str, kind: Kind, context: &Context) -> String {
    let mut fixed = text.to_owned();
    for _ in 0..64 {
        let report = check::check(&fixed, Some(kind), context);
        match report
            .findings
            .iter()
            .find_map(|finding| finding.apply_fix(&fixed))
        {
            Some(next) if next != fixed => fixed = next,
            _ => break,
        }
    }
    fixed
}

/// Making every fix on other lines in one pass gives the text that one fix per check gave, for
/// every case read as every kind (which gives fixes that interact in ways no case was
/// written for).
#[test]
fn fix_all_makes_what_one_fix_per_check_made() {
    let profile = Profile::builtin();
    let mut failures = Vec::new();
    for case in cases() {
        let context = case.context(&profile);
        for kind in Kind::ALL {
            let expected = one_fix_per_check(&case.text, kind, &context);
            let fixed = check::fix_all(&case.text, kind, &context).text;
            if fixed != expected {
                failures.push(format!(
                    "{} as {}:\n{fixed}\ninstead of\n{expected}",
                    case.name(),
                    kind.id()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rule_is_exercised_by_a_case_or_a_unit_test() {
    let covered: BTreeSet<String> = cases().into_iter().flat_map(|case| case.expected).collect();
    // Rules whose trigger needs more than a file, tested next to the rule: a megabyte, and
    // a profile that says how the relay's keys look.
    let elsewhere = [
        "input/too-large",
        "key/unexpected-prefix",
        "key/unexpected-length",
        "merge/flow-list",
    ];
    let mut codes = BTreeSet::new();
    for rule in onramp::rules() {
        assert!(codes.insert(rule.code), "{} is listed twice", rule.code);
        assert!(
            covered.contains(rule.code) || elsewhere.contains(&rule.code),
            "no case for {}",
            rule.code
        );
    }
}

#[test]
fn every_code_a_case_expects_is_a_registered_rule() {
    // A rule declared outside the registry's lists would be found but never documented or
    // held to its cases: its cases name it, and this fails.
    let registered: BTreeSet<&str> = onramp::rules().map(|rule| rule.code).collect();
    for case in cases() {
        for code in &case.expected {
            assert!(
                registered.contains(code.as_str()),
                "{}: {code} is not in check::rules()",
                case.name()
            );
        }
    }
}

#[test]
fn a_guess_is_never_an_error() {
    for rule in onramp::rules() {
        assert!(
            !(matches!(rule.evidence, Evidence::Heuristic(_)) && rule.severity == Severity::Error),
            "{} is an error on a heuristic: {}",
            rule.code,
            rule.evidence.source()
        );
        assert!(!rule.evidence.source().is_empty(), "{}", rule.code);
        for lang in Lang::ALL {
            assert!(!rule.message.get(lang).trim().is_empty(), "{}", rule.code);
            assert!(!rule.why.get(lang).trim().is_empty(), "{}", rule.code);
        }
        assert_ne!(
            rule.message.en, rule.message.zh,
            "{} is not translated",
            rule.code
        );
    }
}

/// The kind to check a generated snippet as.
fn kind_of(client: Client, kind: &SnippetKind) -> Option<Kind> {
    Some(match kind {
        SnippetKind::File { file_name, .. } => client.file(file_name)?.kind?,
        SnippetKind::Link { .. } => Kind::CherryLink,
        SnippetKind::Value {
            field: Msg::FieldApiKey | Msg::FieldOpenAiApiKey | Msg::FieldClineApiKey,
        } => Kind::Key,
        SnippetKind::Value {
            field: Msg::FieldCustomModel | Msg::FieldModelId | Msg::FieldClineModelId,
        } => Kind::Model,
        _ => return None,
    })
}

#[test]
fn everything_onramp_generates_checks_clean() {
    let profile = Profile::builtin();
    let values = Values {
        key: "sk-onramp-case-key-0001abcd".into(),
        base_url: String::new(),
        model: "gpt-5.5".into(),
    };
    let mut checked = 0;
    for client in Client::ALL {
        for &os in client.systems() {
            for &shell in Shell::for_os(os) {
                let setup = client.setup(&profile, &values, Target::with_shell(os, shell).unwrap());
                for section in &setup.sections {
                    for snippet in &section.snippets {
                        let kind = match &snippet.kind {
                            SnippetKind::Commands {
                                shell,
                                scope: Some(_),
                            } => Kind::for_shell(*shell),
                            kind => kind_of(client, kind),
                        };
                        let Some(kind) = kind else { continue };
                        let report = check::check(
                            &snippet.content,
                            Some(kind),
                            &Context {
                                profile: &profile,
                                client: Some(client),
                            },
                        );
                        // A note says what must hold outside the text (the variable that
                        // env_key names is set): the setup's other steps see to it.
                        let mistakes: Vec<_> = report
                            .findings
                            .iter()
                            .filter(|finding| finding.rule.severity != Severity::Info)
                            .collect();
                        assert!(
                            mistakes.is_empty(),
                            "{client:?} {os:?} {shell:?} {}: {:?}\n{}",
                            section.id,
                            mistakes,
                            snippet.content
                        );
                        checked += 1;
                    }
                }
            }
        }
    }
    println!("{checked} generated snippets checked");
    assert!(checked > 100);
}

#[test]
fn every_rule_with_a_fix_has_its_fix_proven_on_a_case() {
    let profile = Profile::builtin();
    let mut proven = BTreeSet::new();
    for case in cases() {
        let context = case.context(&profile);
        let report = check::check(&case.text, Some(case.kind), &context);
        for finding in report.findings.iter().filter(|f| !f.edits.is_empty()) {
            let Some(fixed) = finding.apply_fix(&case.text) else {
                continue;
            };
            let after = check::check(&fixed, Some(case.kind), &context);
            let before_count = report
                .findings
                .iter()
                .filter(|f| f.rule.code == finding.rule.code)
                .count();
            let after_count = after
                .findings
                .iter()
                .filter(|f| f.rule.code == finding.rule.code)
                .count();
            if after_count < before_count {
                proven.insert(finding.rule.code);
            }
        }
    }
    // Fixable rules whose fix is proven next to the rule instead (their trigger needs a
    // profile or a value no file case holds).
    let elsewhere: [&str; 0] = [];
    let unproven: Vec<_> = onramp::rules()
        .filter(|rule| {
            rule.fix_label.is_some()
                && !proven.contains(rule.code)
                && !elsewhere.contains(&rule.code)
        })
        .map(|rule| rule.code)
        .collect();
    assert!(
        unproven.is_empty(),
        "fixes never exercised on a case: {unproven:?}"
    );
}
