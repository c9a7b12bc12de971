//! "Copy details for support": a plain-text report of what the visitor set up and what went
//! wrong, in their language, for the relay's support to read, and safe to paste anywhere.
//!
//! The key is given as its length and last four characters only. Invisible characters in
//! what was typed are written as `U+200B` and the like, so that support sees them. The
//! doctor's findings are given as codes and positions, never the text they point at. The
//! pasted error text keeps its words but not its secrets: whatever looks like a key is
//! masked (all but its last four characters), and so is the typed key in every form a text
//! can carry it (as typed, trimmed, URL-encoded, JSON-escaped, base64).

use crate::check::{self, chars::is_invisible};
use crate::clients::{Client, Values};
use crate::i18n::{Lang, Msg};
use crate::platform::Target;
use crate::profile::Profile;
use base64::Engine;
use std::ops::Range;

/// A finding for the report: its rule's code and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub code: String,
    pub at: Position,
}

/// Where a finding is: a character of a one-line field, or a line and column of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    Character(usize),
    LineColumn(usize, usize),
}

impl Position {
    /// The position of byte `offset` of a one-line field.
    pub fn in_field(text: &str, offset: usize) -> Position {
        Position::Character(text.get(..offset).unwrap_or(text).chars().count() + 1)
    }

    fn describe(self, lang: Lang) -> String {
        match self {
            Position::Character(at) => lang.at_character(at),
            Position::LineColumn(line, column) => lang.at_line_column(line, column),
        }
    }
}

/// Everything the report tells.
pub struct Details<'a> {
    pub profile: &'a Profile,
    pub client: Client,
    pub target: Target,
    pub values: &'a Values,
    /// What the fields' checks found, by field (the key's, the base URL's, the model's).
    pub field_findings: [(Msg, Vec<Found>); 3],
    /// What the doctor found in the text pasted into it, and what it took the text for.
    pub doctor: Option<(String, Vec<Found>)>,
    /// The symptom chosen or recognised, by its id.
    pub symptom: Option<&'a str>,
    pub error_text: &'a str,
    /// The build of the page.
    pub build: &'a str,
}

/// The report's text.
pub fn report(details: &Details, lang: Lang) -> String {
    let Details {
        profile, values, ..
    } = details;
    let key = values.key.as_str();
    let line = |label: Msg, value: String| format!("{}{}{value}\n", label.text(lang), colon(lang));
    let typed = |value: &str| {
        if value.is_empty() {
            Msg::ReportNotTyped.text(lang).to_owned()
        } else {
            format!("\"{}\"", visible(&redact(value, key)))
        }
    };
    let mut text = format!("{}\n", Msg::ReportTitle.text(lang));
    text += &line(
        Msg::ReportRelay,
        format!("{}{}", profile.display_name, aside(lang, &profile.id)),
    );
    text += &line(Msg::ClientLabel, details.client.name().to_owned());
    let mut system = details.target.os.label().text(lang).to_owned();
    if details.client.uses_shell() {
        system = format!("{system}{}{}", comma(lang), details.target.shell.name());
    }
    text += &line(Msg::ReportSystem, system);
    text += &line(Msg::ReportBaseUrlTyped, typed(&values.base_url));
    text += &line(Msg::KeyLabel, key_summary(key, lang));
    text += &line(Msg::ModelLabel, typed(&values.model));
    let setup = details.client.setup(profile, values, details.target);
    // The request URL holds the base URL and the model, which the report shows anyway.
    text += &line(
        Msg::ReportRequestUrl,
        visible(&redact(&setup.request_url, key)),
    );
    let findings = |found: &[Found]| {
        if found.is_empty() {
            Msg::ReportNone.text(lang).to_owned()
        } else {
            found
                .iter()
                .map(|found| format!("{}{}", found.code, aside(lang, &found.at.describe(lang))))
                .collect::<Vec<_>>()
                .join("; ")
        }
    };
    for (field, found) in &details.field_findings {
        text += &format!(
            "{}{}{}{}\n",
            Msg::ReportFieldFindings.text(lang),
            aside(lang, field.text(lang)),
            colon(lang),
            findings(found)
        );
    }
    text += &line(
        Msg::ReportDoctorFindings,
        match &details.doctor {
            None => Msg::ReportNone.text(lang).to_owned(),
            Some((kind, found)) => format!("{kind}{}{}", colon(lang), findings(found)),
        },
    );
    let symptom = details.symptom.and_then(|id| {
        profile
            .symptoms
            .iter()
            .find(|symptom| symptom.id == id)
            .map(|symptom| format!("{}{}", symptom.title.get(lang), aside(lang, id)))
    });
    text += &line(
        Msg::ReportSymptom,
        symptom.unwrap_or_else(|| Msg::ReportNone.text(lang).to_owned()),
    );
    if details.error_text.trim().is_empty() {
        text += &line(Msg::ReportErrorText, Msg::ReportNone.text(lang).to_owned());
    } else {
        text += &format!(
            "{}{}\n{}\n",
            Msg::ReportErrorText.text(lang),
            colon(lang).trim_end(),
            redact(details.error_text.trim_end(), key)
        );
    }
    text += &line(Msg::ReportBuild, details.build.to_owned());
    text
}

/// Punctuation in the report's language: Chinese takes full-width marks, with no spaces.
fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ": ",
        Lang::ZhHans => "：",
    }
}

fn comma(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ", ",
        Lang::ZhHans => "，",
    }
}

/// `text` in parentheses after what it explains.
fn aside(lang: Lang, text: &str) -> String {
    match lang {
        Lang::En => format!(" ({text})"),
        Lang::ZhHans => format!("（{text}）"),
    }
}

/// The key as support may see it: its length and last four characters (invisible ones
/// shown by code point), or that none was typed.
pub fn key_summary(key: &str, lang: Lang) -> String {
    let count = key.chars().count();
    if count == 0 {
        return Msg::ReportNotTyped.text(lang).to_owned();
    }
    let tail: String = key.chars().skip(count.saturating_sub(4)).collect();
    // A key of four characters or fewer is not shown at all.
    let tail = if count > 4 {
        visible(&tail)
    } else {
        "…".to_owned()
    };
    match lang {
        Lang::En => format!("{count} characters, ending \"{tail}\""),
        Lang::ZhHans => format!("{count} 个字符，结尾为 \"{tail}\""),
    }
}

/// `text` with invisible characters, and whitespace other than the plain space, written as
/// their code points (`U+200B`), so that they can be seen and told apart.
pub fn visible(text: &str) -> String {
    let mut shown = String::with_capacity(text.len());
    for c in text.chars() {
        if is_invisible(c) || (c.is_whitespace() && c != ' ') || c.is_control() {
            shown.push_str(&format!("<U+{:04X}>", u32::from(c)));
        } else {
            shown.push(c);
        }
    }
    shown
}

/// `text` with its secrets masked: whatever looks like a key, and `key` in every form a
/// text carries it.
pub fn redact(text: &str, key: &str) -> String {
    let mut secrets: Vec<Range<usize>> = check::keylike_tokens(text);
    for form in key_forms(key) {
        secrets.extend(text.match_indices(&form).map(|(at, _)| at..at + form.len()));
    }
    check::mask(text, &secrets)
}

/// The forms a key takes in the texts people paste: as typed, trimmed, URL-encoded,
/// JSON-escaped, base64. Forms of fewer than five characters are left alone: masking those
/// would mask common words and show nothing of a key anyway.
fn key_forms(key: &str) -> Vec<String> {
    let trimmed = key.trim();
    let url: String = trimmed
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let json = crate::escape::json(trimmed);
    let json = json.trim_matches('"').to_owned();
    let base64 = base64::engine::general_purpose::STANDARD.encode(trimmed);
    let mut forms = vec![key.to_owned(), trimmed.to_owned(), url, json, base64];
    forms.retain(|form| form.chars().count() > 4);
    forms.sort();
    forms.dedup();
    forms
}

/// The findings of a checked text, for the report.
pub fn found_in_text(
    text: &str,
    findings: impl IntoIterator<Item = (String, usize)>,
) -> Vec<Found> {
    // One index for every finding: a megabyte with thousands of findings is read once.
    let lines = check::LineIndex::new(text);
    findings
        .into_iter()
        .map(|(code, offset)| {
            let (line, column) = lines.line_column(offset);
            Found {
                code,
                at: Position::LineColumn(line, column),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::Os;
    use crate::shell::Shell;

    const KEY: &str = "sk-onramp-support-Secret-9f3Q";

    fn details<'a>(values: &'a Values, profile: &'a Profile, error_text: &'a str) -> Details<'a> {
        Details {
            profile,
            client: Client::Codex,
            target: Target::with_shell(Os::Windows, Shell::PowerShell).unwrap(),
            values,
            field_findings: [
                (
                    Msg::KeyLabel,
                    vec![Found {
                        code: "key/whitespace".into(),
                        at: Position::Character(30),
                    }],
                ),
                (Msg::BaseUrlLabel, Vec::new()),
                (Msg::ModelLabel, Vec::new()),
            ],
            doctor: Some((
                "codex-config".into(),
                vec![Found {
                    code: "codex/root-key-under-table".into(),
                    at: Position::LineColumn(3, 1),
                }],
            )),
            symptom: Some("unauthorized"),
            error_text,
            build: "0.1.0+abc123",
        }
    }

    #[test]
    fn the_report_tells_everything_but_the_key() {
        let profile = Profile::builtin();
        let values = Values {
            key: format!("{KEY} "),
            base_url: "https://api.4096bytes.com\u{200B}/".into(),
            model: "gpt-5.5".into(),
        };
        let error = format!("unexpected status 401 Unauthorized: Bearer {KEY} is not valid");
        let text = report(&details(&values, &profile, &error), Lang::En);
        for expected in [
            "Relay: 4096bytes (4096bytes)",
            "Client: Codex CLI",
            "Windows, PowerShell",
            "Base URL as typed: \"https://api.4096bytes.com<U+200B>/\"",
            "API key: 30 characters, ending \"f3Q \"",
            "Model: \"gpt-5.5\"",
            "Checks of the fields (API key): key/whitespace (at character 30)",
            "codex-config: codex/root-key-under-table (line 3, column 1)",
            "401 or authentication failed (unauthorized)",
            "unexpected status 401 Unauthorized: Bearer ",
            "0.1.0+abc123",
        ] {
            assert!(text.contains(expected), "{expected:?} in:\n{text}");
        }
        assert!(!text.contains(KEY), "{text}");
        assert!(!text.contains("Secret"), "{text}");
        let chinese = report(&details(&values, &profile, &error), Lang::ZhHans);
        assert!(chinese.contains("客户端：Codex CLI"), "{chinese}");
        assert!(chinese.contains("系统：Windows，PowerShell"), "{chinese}");
        assert!(
            chinese.contains("codex/root-key-under-table（第 3 行第 1 列）"),
            "{chinese}"
        );
        assert!(
            chinese.contains("字段检查（API 密钥）：key/whitespace"),
            "{chinese}"
        );
        assert!(chinese.contains("30 个字符"), "{chinese}");
        assert!(!chinese.contains(KEY));
    }

    #[test]
    fn invisible_characters_are_written_by_code_point() {
        assert_eq!(visible("a\u{200B}b"), "a<U+200B>b");
        assert_eq!(
            visible("\u{FEFF}x\u{00A0}y\tz\u{3000}"),
            "<U+FEFF>x<U+00A0>y<U+0009>z<U+3000>"
        );
        assert_eq!(visible("sk-plain ü 中"), "sk-plain ü 中");
        assert_eq!(visible("\u{202E}evil"), "<U+202E>evil");
    }

    #[test]
    fn the_key_is_its_length_and_last_four() {
        assert_eq!(key_summary(KEY, Lang::En), "29 characters, ending \"9f3Q\"");
        assert_eq!(key_summary("abc", Lang::En), "3 characters, ending \"…\"");
        assert_eq!(key_summary("", Lang::En), "not typed");
        assert_eq!(
            key_summary("sk-a\u{200B}", Lang::En),
            "5 characters, ending \"-a<U+200B>\"".replace("-a", "k-a")
        );
    }

    #[test]
    fn redaction_masks_keys_and_every_form_of_the_typed_one() {
        let url_form = "sk-with%20space%26amp";
        let key = "sk-with space&amp";
        assert!(key_forms(key).contains(&url_form.to_owned()));
        let pasted = format!(
            "token={url_form} json=\"{}\" b64={} other=sk-proj-ABCDEFGH1234 plain {key}",
            crate::escape::json(key).trim_matches('"'),
            base64::engine::general_purpose::STANDARD.encode(key),
        );
        let redacted = redact(&pasted, key);
        for form in key_forms(key) {
            assert!(!redacted.contains(&form), "{form} in {redacted}");
        }
        assert!(!redacted.contains("ABCDEFGH"), "{redacted}");
        assert!(redacted.contains("1234"), "last four stay: {redacted}");
        assert!(redacted.starts_with("token="), "{redacted}");
        // A model name or a host is no key.
        assert_eq!(
            redact("model gpt-5.5 at api.4096bytes.com", ""),
            "model gpt-5.5 at api.4096bytes.com"
        );
    }

    #[test]
    fn positions_count_characters_from_one() {
        let text = "a = 1\n[t]\nkéy = 2";
        let found = |offset: usize| found_in_text(text, [("x/y".to_owned(), offset)])[0].at;
        assert_eq!(found(text.find("y =").unwrap()), Position::LineColumn(3, 3));
        assert_eq!(found(0), Position::LineColumn(1, 1));
        assert_eq!(found(6), Position::LineColumn(2, 1));
        assert_eq!(Position::in_field("ab\u{200B}c", 2), Position::Character(3));
        assert_eq!(
            found_in_text(text, [("x/y".to_owned(), 6)]),
            [Found {
                code: "x/y".into(),
                at: Position::LineColumn(2, 1)
            }]
        );
    }
}
