//! TOML writes the same data in several spellings, and Codex reads them all alike (Codex CLI
//! 0.169 reached the relay with each, `shared/reference/verified-clients.md`). A property
//! test: any Codex config, mistakes included, written in every spelling, gets the same
//! findings at the matching places, and "fix all" leaves only findings without a fix.
#![cfg(not(target_arch = "wasm32"))]

use onramp::check::{self, Context, Kind};
use onramp::escape;
use onramp::profile::Profile;
use proptest::prelude::*;

/// The ways a provider table can be written.
#[derive(Debug, Clone, Copy)]
enum Spelling {
    /// `[model_providers.OpenAI]`
    Header,
    /// `[model_providers."OpenAI"]`
    QuotedHeader,
    /// `model_providers = { OpenAI = { … } }` at the top
    RootInline,
    /// `[model_providers]` then `OpenAI = { … }`
    InlineEntry,
    /// `model_providers.OpenAI.name = …` at the top
    DottedRoot,
    /// `[model_providers]` then `OpenAI.name = …`
    DottedInTable,
}

const SPELLINGS: [Spelling; 6] = [
    Spelling::Header,
    Spelling::QuotedHeader,
    Spelling::RootInline,
    Spelling::InlineEntry,
    Spelling::DottedRoot,
    Spelling::DottedInTable,
];

/// A config: the selected provider and the provider's settings, each right or wrong.
#[derive(Debug, Clone)]
struct Config {
    selected: &'static str,
    id: &'static str,
    settings: Vec<(&'static str, String)>,
}

fn config() -> impl Strategy<Value = Config> {
    let selected = prop::sample::select(vec!["OpenAI", "relay", "openai"]);
    let id = prop::sample::select(vec!["OpenAI", "openai"]);
    let base_url = prop::sample::select(vec![
        None,
        Some("https://api.4096bytes.com"),
        Some("https://api.4096bytes.com/v1/responses"),
        Some("http://api.4096bytes.com"),
        Some("api.4096bytes.com "),
    ]);
    let wire_api = prop::sample::select(vec![None, Some("responses"), Some("chat")]);
    let auth = prop::sample::select(vec![
        None,
        Some(("requires_openai_auth", "true")),
        Some(("requires_openai_auth", "false")),
        Some(("env_key", "\"RELAY_4096BYTES_API_KEY\"")),
        Some(("env_key", "\"sk-onramp-case-key-0001abcd\"")),
    ]);
    (selected, id, base_url, wire_api, auth).prop_map(|(selected, id, base_url, wire_api, auth)| {
        let mut settings = vec![("name", escape::toml("4096bytes"))];
        settings.extend(base_url.map(|url| ("base_url", escape::toml(url))));
        settings.extend(wire_api.map(|api| ("wire_api", escape::toml(api))));
        settings.extend(auth.map(|(key, value)| (key, value.to_owned())));
        Config {
            selected,
            id,
            settings,
        }
    })
}

fn write(config: &Config, spelling: Spelling) -> String {
    let id = config.id;
    let mut text = format!(
        "model_provider = {}\nmodel = \"gpt-5.5\"\n",
        escape::toml(config.selected)
    );
    let pairs = |separator: &str| {
        config
            .settings
            .iter()
            .map(|(key, value)| format!("{key} = {value}"))
            .collect::<Vec<_>>()
            .join(separator)
    };
    let dotted = |prefix: &str| {
        config
            .settings
            .iter()
            .map(|(key, value)| format!("{prefix}{id}.{key} = {value}\n"))
            .collect::<String>()
    };
    match spelling {
        Spelling::Header => text += &format!("\n[model_providers.{id}]\n{}\n", pairs("\n")),
        Spelling::QuotedHeader => {
            text += &format!("\n[model_providers.\"{id}\"]\n{}\n", pairs("\n"))
        }
        Spelling::RootInline => {
            text += &format!("model_providers = {{ {id} = {{ {} }} }}\n", pairs(", "))
        }
        Spelling::InlineEntry => {
            text += &format!("\n[model_providers]\n{id} = {{ {} }}\n", pairs(", "))
        }
        Spelling::DottedRoot => text += &dotted("model_providers."),
        Spelling::DottedInTable => text += &format!("\n[model_providers]\n{}", dotted("")),
    }
    text
}

/// What a finding points at, whatever the spelling: a value's text, or the provider's id
/// (from its `[header]`, its quoted key or its bare key).
fn target(text: &str, span: &std::ops::Range<usize>) -> String {
    let pointed = &text[span.clone()];
    pointed
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim_start_matches("model_providers.")
        .trim_matches('"')
        .to_owned()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_spelling_gets_the_same_findings_at_the_same_places(config in config()) {
        let profile = Profile::builtin();
        let context = Context { profile: &profile, client: None };
        let mut first: Option<(Spelling, Vec<(&str, String)>)> = None;
        for spelling in SPELLINGS {
            let text = write(&config, spelling);
            let report = check::check(&text, Some(Kind::CodexConfig), &context);
            let mut found: Vec<(&str, String)> = report
                .findings
                .iter()
                .map(|finding| (finding.rule.code, target(&text, &finding.span)))
                .collect();
            found.sort();
            match &first {
                None => first = Some((spelling, found)),
                Some((first_spelling, expected)) => prop_assert_eq!(
                    &found, expected,
                    "{:?} against {:?}:\n{}", spelling, first_spelling, text
                ),
            }
            // Fixing everything leaves a file that parses, with no fix left to make.
            let fixed = check::fix_all(&text, Kind::CodexConfig, &context).text;
            let after = check::check(&fixed, Some(Kind::CodexConfig), &context);
            prop_assert!(
                after.findings.iter().all(|finding| finding.edits.is_empty()),
                "{:?}: a fix is left after fixing all:\n{}", spelling, fixed
            );
            prop_assert!(
                after.findings.iter().all(|finding| finding.rule.code != "toml/syntax"),
                "{:?}: fixing broke the file:\n{}", spelling, fixed
            );
        }
    }
}

#[test]
fn the_spellings_are_written_as_named() {
    let config = Config {
        selected: "OpenAI",
        id: "OpenAI",
        settings: vec![("name", "\"x\"".into())],
    };
    let texts: Vec<String> = SPELLINGS.iter().map(|s| write(&config, *s)).collect();
    assert!(texts[0].contains("[model_providers.OpenAI]\nname"));
    assert!(texts[1].contains("[model_providers.\"OpenAI\"]"));
    assert!(texts[2].contains("model_providers = { OpenAI = { name = \"x\" } }"));
    assert!(texts[3].contains("[model_providers]\nOpenAI = { name = \"x\" }"));
    assert!(texts[4].contains("model_providers.OpenAI.name = \"x\""));
    assert!(texts[5].contains("[model_providers]\nOpenAI.name = \"x\""));
}
