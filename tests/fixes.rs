//! Property test of the fixes: inject any combination of fixable mistakes into a clean key and
//! URL, wrap them in any of the files people paste, and "fix all" must give back exactly the
//! clean file, which then checks without an error. Fixes on different lines are made in one
//! pass.
#![cfg(not(target_arch = "wasm32"))]

use onramp::check::{self, Context, Kind};
use onramp::escape;
use onramp::profile::Profile;
use proptest::prelude::*;

const KEY: &str = "sk-onramp-fix-key-0001abcd";
const URL: &str = "https://api.4096bytes.com";

#[derive(Debug, Clone, Copy)]
enum KeyMistake {
    InvisibleInside(usize),
    Bearer,
    StraightQuotes,
    CurlyQuotes,
    LeadingSpace,
    TrailingSpace,
    TrailingNewline,
}

#[derive(Debug, Clone, Copy)]
enum UrlMistake {
    Endpoint(usize),
    Query,
    HostTypo,
    Http,
    NoScheme,
    MisspelledScheme(usize),
    FullwidthColon,
    InvisibleInside(usize),
    Quotes,
    TrailingSpace,
}

fn key_mistake() -> impl Strategy<Value = KeyMistake> {
    prop_oneof![
        (3..KEY.len()).prop_map(KeyMistake::InvisibleInside),
        Just(KeyMistake::Bearer),
        Just(KeyMistake::StraightQuotes),
        Just(KeyMistake::CurlyQuotes),
        Just(KeyMistake::LeadingSpace),
        Just(KeyMistake::TrailingSpace),
        Just(KeyMistake::TrailingNewline),
    ]
}

fn url_mistake() -> impl Strategy<Value = UrlMistake> {
    prop_oneof![
        (0..3usize).prop_map(UrlMistake::Endpoint),
        Just(UrlMistake::Query),
        Just(UrlMistake::HostTypo),
        Just(UrlMistake::Http),
        Just(UrlMistake::NoScheme),
        (0..4usize).prop_map(UrlMistake::MisspelledScheme),
        Just(UrlMistake::FullwidthColon),
        (9..URL.len()).prop_map(UrlMistake::InvisibleInside),
        Just(UrlMistake::Quotes),
        Just(UrlMistake::TrailingSpace),
    ]
}

/// The key with the mistakes applied, innermost first (so that they compose as pasted).
fn broken_key(mut mistakes: Vec<KeyMistake>) -> String {
    mistakes.sort_by_key(|m| match m {
        KeyMistake::InvisibleInside(_) => 0,
        KeyMistake::Bearer => 1,
        KeyMistake::StraightQuotes | KeyMistake::CurlyQuotes => 2,
        _ => 3,
    });
    let mut key = KEY.to_owned();
    for mistake in mistakes {
        match mistake {
            KeyMistake::InvisibleInside(at) if key.is_char_boundary(at) => {
                key.insert(at, '\u{200B}')
            }
            KeyMistake::InvisibleInside(_) => {}
            KeyMistake::Bearer => key = format!("Bearer {key}"),
            KeyMistake::StraightQuotes => key = format!("\"{key}\""),
            KeyMistake::CurlyQuotes => key = format!("“{key}”"),
            KeyMistake::LeadingSpace => key.insert(0, ' '),
            KeyMistake::TrailingSpace => key.push(' '),
            KeyMistake::TrailingNewline => key.push('\n'),
        }
    }
    key
}

fn broken_url(mut mistakes: Vec<UrlMistake>) -> String {
    mistakes.sort_by_key(|m| match m {
        UrlMistake::Endpoint(_) | UrlMistake::Query => 0,
        UrlMistake::HostTypo => 1,
        UrlMistake::Http | UrlMistake::NoScheme | UrlMistake::MisspelledScheme(_) => 2,
        UrlMistake::FullwidthColon | UrlMistake::InvisibleInside(_) => 3,
        UrlMistake::Quotes => 4,
        UrlMistake::TrailingSpace => 5,
    });
    let mut url = URL.to_owned();
    let mut scheme_changed = false;
    for mistake in mistakes {
        match mistake {
            UrlMistake::Endpoint(which) if !url.contains('?') => {
                url.push_str(["/chat/completions", "/responses", "/models"][which])
            }
            UrlMistake::Query if !url.contains('?') => url.push_str("?source=dashboard"),
            UrlMistake::HostTypo => url = url.replace("4096bytes", "4069bytes"),
            UrlMistake::Http if !scheme_changed => {
                url = url.replacen("https://", "http://", 1);
                scheme_changed = true;
            }
            UrlMistake::NoScheme if !scheme_changed => {
                url = url.replacen("https://", "", 1);
                scheme_changed = true;
            }
            UrlMistake::MisspelledScheme(which) if !scheme_changed => {
                url = url.replacen(
                    "https://",
                    ["htps://", "https:/", "https//", "hhttps://"][which],
                    1,
                );
                scheme_changed = true;
            }
            UrlMistake::FullwidthColon if url.contains(':') => url = url.replacen(':', "：", 1),
            UrlMistake::InvisibleInside(at) if url.is_char_boundary(at.min(url.len())) => {
                url.insert(at.min(url.len()), '\u{FEFF}')
            }
            UrlMistake::Quotes => url = format!("“{url}”"),
            UrlMistake::TrailingSpace => url.push(' '),
            _ => {}
        }
    }
    url
}

/// The files people paste, each holding the URL and/or the key, quoted the way onramp writes
/// them (so that a fixed file can be compared with the clean one).
fn wrapped(wrapper: usize, url: &str, key: &str) -> (Kind, String) {
    match wrapper {
        0 => (Kind::Key, key.to_owned()),
        1 => (Kind::Url, url.to_owned()),
        2 => (
            Kind::CodexAuth,
            format!("{{\n  \"OPENAI_API_KEY\": {}\n}}\n", escape::json(key)),
        ),
        3 => (
            Kind::ClaudeSettings,
            format!(
                "{{\"env\": {{\"ANTHROPIC_BASE_URL\": {}, \"ANTHROPIC_AUTH_TOKEN\": {}}}}}\n",
                escape::json(url),
                escape::json(key)
            ),
        ),
        4 => (
            Kind::CodexConfig,
            format!(
                "model_provider = \"OpenAI\"\nmodel = \"gpt-5.5\"\n\n[model_providers.OpenAI]\nname = \"4096bytes\"\nbase_url = {}\nwire_api = \"responses\"\nrequires_openai_auth = true\n",
                escape::toml(url)
            ),
        ),
        _ => (
            Kind::EnvBash,
            format!(
                "export OPENAI_BASE_URL={}\nexport OPENAI_API_KEY={}\n",
                onramp::shell::posix::quoted(url),
                onramp::shell::posix::quoted(key)
            ),
        ),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn fix_all_restores_the_clean_file(
        key_mistakes in proptest::collection::vec(key_mistake(), 0..4),
        url_mistakes in proptest::collection::vec(url_mistake(), 0..4),
        wrapper in 0..6usize,
    ) {
        let profile = Profile::builtin();
        let context = Context { profile: &profile, client: None };
        let (kind, clean) = wrapped(wrapper, URL, KEY);
        let (_, broken) = wrapped(wrapper, &broken_url(url_mistakes), &broken_key(key_mistakes));
        let fixed = check::fix_all(&broken, kind, &context).text;
        let left = check::check(&fixed, Some(kind), &context);
        prop_assert!(!left.has_errors(), "errors left in {fixed:?}: {:?}", left.findings);
        // A value on its own may end with the line break that ends a file: it is not checked.
        let fixed = if matches!(kind, Kind::Key | Kind::Url) { fixed.strip_suffix('\n').unwrap_or(&fixed).to_owned() } else { fixed };
        prop_assert_eq!(fixed, clean, "from {:?}", broken);
    }
}

/// Fixes on different lines do not wait for each other: a file with a fixable mistake on each
/// of 64 lines is fixed by one pass, and a second finds nothing left to fix. (Making one fix
/// per check, as fix-all once did, took 64 checks, its bound: one more such line stayed
/// broken.)
#[test]
fn fixes_on_different_lines_are_made_in_one_pass() {
    let mistakes = [
        "export OPENAI_BASE_URL=\"http://api.4096bytes.com\"",
        "export OPENAI_BASE_URL=\"https://api.4096bytes.com \"",
        "export OPENAI_BASE_URL = \"https://api.4096bytes.com\"",
        "export OPENAI_BASE_URL=\"api.4096bytes.com\"",
        "export OPENAI_BASE_URL=\"https://api.4096bytes.com/v1/chat/completions\"",
        "OPENAI_BASE_URL=\"https://api.4096bytes.com\"",
        "export OPENAI_BASE_URL=\"https://api.4096bytes.com/v1\"",
        "export OPENAI_BASE_URL=\"https://api.4096bytes.com\u{200B}\"",
    ];
    let broken: String = mistakes
        .iter()
        .cycle()
        .take(64)
        .map(|line| format!("{line}\n"))
        .collect();
    let profile = Profile::builtin();
    let context = Context {
        profile: &profile,
        client: None,
    };
    let report = check::check(&broken, Some(Kind::EnvBash), &context);
    let fixable = report
        .findings
        .iter()
        .filter(|finding| !finding.edits.is_empty())
        .count();
    assert_eq!(fixable, 64, "{:?}", report.findings);
    let fixed = check::fix_all(&broken, Kind::EnvBash, &context);
    assert_eq!(fixed.passes, 2, "{}", fixed.text);
    let left = check::check(&fixed.text, Some(Kind::EnvBash), &context);
    assert!(left.findings.is_empty(), "{:?}", left.findings);
}
