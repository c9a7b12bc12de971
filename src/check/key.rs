//! Rules for an API key as typed into a key field or found in a file: judged for the client
//! that will send it, since clients differ (some trim spaces, some send them, one refuses).

use super::{Checked, Context, Finding, KindCheck, KindSpec, chars, fix};
use crate::clients::{Client, KeyEnd};
use crate::i18n::Text;

declare_rules! {
    /// `key/whitespace`: a space inside the key, or a line break anywhere (usually a trailing one
    /// copied along with it): the key is rejected, or the header cannot even be sent.
    WHITESPACE {
        code: "key/whitespace",
        severity: Error,
        evidence: Client("a space inside or a line break: the OpenAI Python SDK 3.54 refuses to send it (illegal header value) and curl sends a key the relay does not know"),
        message: Text {
            en: "Contains whitespace (a space, tab or line break).",
            zh: "包含空白字符（空格、制表符或换行）。",
        },
        why: Text {
            en: "The value is used exactly as typed: a stray space or line break gives 401 for a key and an invalid URL for an address.",
            zh: "该值会被原样使用：多余的空格或换行会让密钥返回 401，让地址变成无效 URL。",
        },
        fix: Some(fix::REMOVE),
    }

    /// `key/surrounding-space`: spaces or tabs before or after the key, for a client that
    /// sends them or refuses to send the key, or when the client is not known.
    SURROUNDING_SPACE {
        code: "key/surrounding-space",
        severity: Error,
        evidence: Client("the OpenAI Python SDK 3.54 sends a leading space (`Bearer  sk-…`) and refuses to send a key with a trailing one; Codex CLI 0.171 and curl send a leading one; judged for the client at hand, or for the strictest when none is given (tests/*_conformance.rs, key_whitespace_verdicts_match_*)"),
        message: Text {
            en: "Has spaces before or after the key.",
            zh: "密钥前后有空格。",
        },
        why: Text {
            en: "Some clients send them along (the relay answers 401) and the OpenAI Python SDK refuses to send such a key at all.",
            zh: "有的客户端会把空格一起发送（中转服务返回 401），OpenAI Python SDK 则会直接拒绝发送这样的密钥。",
        },
        fix: Some(fix::REMOVE),
    }

    /// `key/surrounding-space-trimmed`: the same spaces, for a client that removes them.
    SURROUNDING_SPACE_TRIMMED {
        code: "key/surrounding-space-trimmed",
        severity: Warning,
        evidence: Client("Claude Code 2.1.332 trims the key before sending it; Codex CLI 0.171 and curl send a trailing space, which HTTP servers drop from a header (tests/*_conformance.rs, key_whitespace_verdicts_match_*)"),
        message: Text {
            en: "Has spaces before or after the key, which do no harm with this client.",
            zh: "密钥前后有空格，对此客户端没有影响。",
        },
        why: Text {
            en: "It works here, but the same key pasted into another client fails: remove them.",
            zh: "在这里可以正常使用，但把同一个密钥粘贴到其他客户端时会失败：请删掉它们。",
        },
        fix: Some(fix::REMOVE),
    }

    /// `key/invisible-character`: a zero-width space, BOM or similar inside the key.
    INVISIBLE {
        code: "key/invisible-character",
        severity: Error,
        evidence: Client("Claude Code 2.1.332 and the OpenAI Python and Node SDKs refuse to send a non-ASCII key; curl sends its bytes, a key the relay does not know"),
        message: Text {
            en: "Contains an invisible character (zero-width space, byte order mark or similar).",
            zh: "包含不可见字符（零宽空格、BOM 等）。",
        },
        why: Text {
            en: "Invisible characters are copied along from web pages and chats; they become part of the value and the relay rejects it.",
            zh: "不可见字符常随网页或聊天内容一起被复制，它们会成为值的一部分，导致中转服务拒绝请求。",
        },
        fix: Some(fix::REMOVE),
    }

    /// `key/copied-punctuation`: full-width punctuation after the key (`。`, `，`, `；`, `）`…),
    /// taken along from the sentence it was copied out of.
    COPIED_PUNCTUATION {
        code: "key/copied-punctuation",
        severity: Error,
        evidence: Client("Claude Code 2.1.332 and the OpenAI SDKs send nothing for a key ending in 。 or ，; Codex CLI 0.171 and curl send a key the relay never issued (key_whitespace_verdicts_match_*)"),
        message: Text {
            en: "Ends with full-width punctuation copied along from a sentence.",
            zh: "末尾带有从句子中一起复制来的全角标点。",
        },
        why: Text {
            en: "A key is letters, digits and dashes: with the punctuation the client refuses to send it or the relay answers 401. Remove it.",
            zh: "密钥只由字母、数字和短横线组成：带上这个标点，客户端会拒绝发送，或者中转服务返回 401。请删掉它。",
        },
        fix: Some(fix::REMOVE),
    }

    /// `key/trailing-punctuation`: a full stop, comma, semicolon or closing bracket after the
    /// key, probably from the sentence it was copied out of.
    TRAILING_PUNCTUATION {
        code: "key/trailing-punctuation",
        severity: Warning,
        evidence: Heuristic("every client sends it along (observed); relay keys are letters, digits, - and _, which the relay's docs do not state"),
        message: Text {
            en: "Ends with punctuation (. , ; or a closing bracket) that keys do not have.",
            zh: "末尾带有密钥中不会出现的标点（. , ; 或右括号）。",
        },
        why: Text {
            en: "Copied out of a sentence, the key took its punctuation along: clients send it as part of the key and the relay answers 401.",
            zh: "从句子中复制时把标点也带上了：客户端会把它当作密钥的一部分发送，中转服务会返回 401。",
        },
        fix: Some(fix::REMOVE),
    }

    /// `key/non-ascii-character`: a character outside ASCII inside the key (a full-width
    /// letter from an input method, a lookalike), which no key has.
    NON_ASCII {
        code: "key/non-ascii-character",
        severity: Error,
        evidence: Client("a full-width letter: Claude Code 2.1.332, Codex CLI 0.171, the OpenAI SDKs and curl fail to send the issued key (key_whitespace_verdicts_match_*)"),
        message: Text {
            en: "Contains a character that keys do not have (a full-width letter or sign from an input method, or a lookalike outside ASCII).",
            zh: "包含密钥中不会出现的字符（输入法打出的全角字母或符号，或 ASCII 以外的形近字符）。",
        },
        why: Text {
            en: "Keys are ASCII: the client refuses to send such a key, or sends one the relay never issued (401). Copy the key again with the dashboard's copy button.",
            zh: "密钥只包含 ASCII 字符：客户端会拒绝发送这样的密钥，或者发送一个中转服务从未签发的密钥（401）。请用控制台的复制按钮重新复制密钥。",
        },
        fix: Some(fix::REPLACE),
    }

    /// `key/placeholder`: the docs' placeholder was never replaced.
    PLACEHOLDER {
        code: "key/placeholder",
        severity: Error,
        evidence: Relay("the relay's docs: the placeholder must be replaced with the key from the dashboard"),
        message: Text {
            en: "This is the placeholder from the docs, not your key.",
            zh: "这是文档中的占位符，不是你的密钥。",
        },
        why: Text {
            en: "Every request fails with 401 until it is replaced with the key from your dashboard.",
            zh: "在替换为控制台中的密钥之前，所有请求都会返回 401。",
        },
        fix: None,
    }

    /// `key/bearer-prefix`: the `Authorization` header's value was pasted instead of the key.
    BEARER_PREFIX {
        code: "key/bearer-prefix",
        severity: Error,
        evidence: Client("every client adds `Bearer ` itself (seen in each conformance test): the relay gets `Bearer Bearer sk-…`"),
        message: Text {
            en: "Starts with \"Bearer \": paste the key alone.",
            zh: "以 \"Bearer \" 开头：只需粘贴密钥本身。",
        },
        why: Text {
            en: "Clients add \"Bearer \" themselves; sent twice, the key is rejected with 401.",
            zh: "客户端会自动加上 \"Bearer \"；重复后密钥会被拒绝并返回 401。",
        },
        fix: Some(fix::REMOVE),
    }

    /// `key/quoted`: quotes copied along with the key.
    QUOTED {
        code: "key/quoted",
        severity: Error,
        evidence: Client("clients send the key exactly as written, quotes included (seen in each conformance test)"),
        message: Text {
            en: "Has quotes around it that are not part of the value.",
            zh: "两边带有不属于值本身的引号。",
        },
        why: Text {
            en: "The quotes are sent along: the key is rejected with 401, the address is invalid.",
            zh: "引号会被一起发送：密钥会返回 401，地址会无效。",
        },
        fix: Some(fix::REMOVE),
    }

    /// `key/looks-like-url`: the base URL was pasted into the key field.
    LOOKS_LIKE_URL {
        code: "key/looks-like-url",
        severity: Error,
        evidence: Relay("keys come from the relay's dashboard; an address is never one"),
        message: Text {
            en: "This looks like an address, not an API key.",
            zh: "这看起来是地址，而不是 API 密钥。",
        },
        why: Text {
            en: "The base URL was pasted into the key field: every request fails with 401.",
            zh: "Base URL 被粘贴到了密钥字段：所有请求都会返回 401。",
        },
        fix: None,
    }

    /// `key/truncated`: a shortened or masked copy (`sk-abc…xyz`, `sk-****`), as dashboards show.
    TRUNCATED {
        code: "key/truncated",
        severity: Error,
        evidence: Relay("the relay's dashboard shows a key in full once, then shortened (…) or masked (***); such a copy is not the key"),
        message: Text {
            en: "This looks like a shortened or masked copy of a key.",
            zh: "这看起来是被截断或打了码的密钥。",
        },
        why: Text {
            en: "Dashboards show keys shortened (sk-abc…xyz); only the full key works. Copy it again with the copy button.",
            zh: "控制台显示的是缩略的密钥（sk-abc…xyz）；只有完整密钥才有效。请用复制按钮重新复制。",
        },
        fix: None,
    }

    /// `key/unexpected-prefix`: the relay's keys start differently (only when the profile says how).
    UNEXPECTED_PREFIX {
        code: "key/unexpected-prefix",
        severity: Error,
        evidence: Relay("the relay profile's key.prefix: the relay issues no other keys"),
        message: Text {
            en: "This relay's keys start differently.",
            zh: "此中转服务的密钥开头不是这样。",
        },
        why: Text {
            en: "It may be a key of another service, which the relay rejects with 401.",
            zh: "这可能是其他服务的密钥，中转服务会返回 401。",
        },
        fix: None,
    }

    /// `key/unexpected-length`: the relay's keys are longer or shorter (only when the profile
    /// says how long they are).
    UNEXPECTED_LENGTH {
        code: "key/unexpected-length",
        severity: Error,
        evidence: Relay("the relay profile's key.length: the relay issues no keys of other lengths"),
        message: Text {
            en: "This relay's keys have another length.",
            zh: "此中转服务的密钥长度不是这样。",
        },
        why: Text {
            en: "A character was lost or added while copying: the relay answers 401. Copy the key again with the dashboard's copy button.",
            zh: "复制时丢失或多出了字符：中转服务会返回 401。请用控制台的复制按钮重新复制密钥。",
        },
        fix: None,
    }
}

const BEARER: &str = "bearer ";

/// This kind, as people and programs name it.
pub const KIND: KindSpec = KindSpec {
    id: "key",
    label: Text {
        en: "API key",
        zh: "API 密钥",
    },
    one_value: true,
    shell: None,
};

/// How the doctor reads this kind.
pub const CHECK: KindCheck = KindCheck {
    check,
    recognise: None,
};

/// Every finding for `key`; an empty key has none (the page then shows the placeholder). The
/// whole text is a secret.
pub fn check(key: &str, context: &Context) -> Checked {
    Checked {
        findings: findings(key, context),
        secrets: std::iter::once(0..key.len()).collect(),
    }
}

fn findings(key: &str, context: &Context) -> Vec<Finding> {
    let profile = context.profile;
    // Spaces at an end of the key do no harm only where the client (or HTTP) drops them;
    // ideographic ones only where the client trims them (HTTP keeps them).
    let wide = context.client.is_some_and(Client::trims_values);
    let edge_spaces = [KeyEnd::Start, KeyEnd::End].map(|end| {
        if context
            .client
            .is_some_and(|client| client.drops_key_spaces(end))
        {
            &SURROUNDING_SPACE_TRIMMED
        } else {
            &SURROUNDING_SPACE
        }
    });
    let mut findings = Vec::new();
    // The "Bearer " may come after pasted spaces and quotes: `"Bearer sk-…"`.
    let start = key.len()
        - key
            .trim_start_matches(|c: char| {
                c.is_whitespace()
                    || chars::is_invisible(c)
                    || crate::check::url::QUOTES.contains(&c)
            })
            .len();
    let body = &key[start..];
    if body
        .get(..BEARER.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(BEARER))
    {
        let prefix_end = start + BEARER.len();
        let prefix_end =
            prefix_end + (key[prefix_end..].len() - key[prefix_end..].trim_start().len());
        findings
            .push(Finding::new(&BEARER_PREFIX, start..prefix_end).with_edit(start..prefix_end, ""));
        // The spaces after "Bearer" are part of that fix, not a separate finding.
        findings.extend(
            chars::stray_characters_with_edges(key, &WHITESPACE, edge_spaces, &INVISIBLE, wide)
                .into_iter()
                .filter(|finding| finding.span.start >= prefix_end || finding.span.end <= start),
        );
    } else {
        findings.extend(chars::stray_characters_with_edges(
            key,
            &WHITESPACE,
            edge_spaces,
            &INVISIBLE,
            wide,
        ));
    }
    let tail = chars::tail(key);
    findings.extend(chars::tail_findings(
        &tail,
        &TRAILING_PUNCTUATION,
        &COPIED_PUNCTUATION,
    ));
    findings.extend(
        tail.quotes
            .iter()
            .map(|span| Finding::new(&QUOTED, span.clone()).with_edit(span.clone(), "")),
    );
    let trimmed_start = key.len() - key.trim_start().len();
    let trimmed_end = key[..tail.core_end].trim_end().len().max(trimmed_start);
    findings.extend(crate::check::url::quotes(
        key,
        trimmed_start,
        trimmed_end,
        &QUOTED,
    ));
    findings.extend(non_ascii(key, &findings));
    // The key as the other rules will leave it: what its length and shape are judged on.
    let core: String = key[..tail.core_end]
        .trim()
        .trim_matches(&crate::check::url::QUOTES[..])
        .chars()
        .filter(|c| !c.is_whitespace() && !chars::is_invisible(*c))
        .collect();
    let core = match core.get(..BEARER.len() - 1) {
        Some(head) if head.eq_ignore_ascii_case("bearer") => &core[BEARER.len() - 1..],
        _ => core.as_str(),
    };
    if core.is_empty() {
        return findings;
    }
    if core == profile.placeholders.api_key {
        findings.push(Finding::new(&PLACEHOLDER, 0..key.len()));
    } else if core.contains("://") || core.to_ascii_lowercase().starts_with("api.") {
        findings.push(Finding::new(&LOOKS_LIKE_URL, 0..key.len()));
    } else if core.contains('…') || core.contains("...") || core.contains("***") {
        findings.push(Finding::new(&TRUNCATED, 0..key.len()));
    } else if profile
        .key
        .prefix
        .as_ref()
        .is_some_and(|prefix| !core.starts_with(prefix.as_str()))
    {
        findings.push(Finding::new(&UNEXPECTED_PREFIX, 0..key.len()));
    } else if profile
        .key
        .length
        .is_some_and(|length| !length.contains(core.chars().count()))
    {
        findings.push(Finding::new(&UNEXPECTED_LENGTH, 0..key.len()));
    }
    findings
}

/// One finding per run of characters outside ASCII that no other finding covers (an
/// ellipsis is a shortened copy's, for `key/truncated`); a run of full-width forms
/// (`ｓｋ－`) is fixed with their ASCII letters.
fn non_ascii(key: &str, found: &[Finding]) -> Vec<Finding> {
    let covered = |index: usize| found.iter().any(|finding| finding.span.contains(&index));
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    for (index, c) in key.char_indices() {
        if c.is_ascii() || c == '…' || c.is_whitespace() || covered(index) {
            continue;
        }
        match runs.last_mut() {
            Some(run) if run.end == index => run.end = index + c.len_utf8(),
            _ => runs.push(index..index + c.len_utf8()),
        }
    }
    runs.into_iter()
        .map(|span| {
            let finding = Finding::new(&NON_ASCII, span.clone());
            let ascii: Option<String> = key[span.clone()]
                .chars()
                .map(|c| match c {
                    '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0),
                    _ => None,
                })
                .collect();
            match ascii {
                Some(ascii) => finding.with_edit(span, &ascii),
                None => finding,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{context, sorted_codes};
    use crate::profile::{LengthRange, Profile};

    fn codes(key: &str) -> Vec<&'static str> {
        sorted_codes(&check(key, &context()).findings)
    }

    fn codes_for(key: &str, client: Client) -> Vec<&'static str> {
        sorted_codes(&check(key, &context().for_client(client)).findings)
    }

    fn fix_all(key: &str) -> String {
        let mut text = key.to_owned();
        while let Some(fixed) = check(&text, &context())
            .findings
            .iter()
            .find_map(|f| f.apply_fix(&text))
        {
            text = fixed;
        }
        text
    }

    #[test]
    fn a_clean_key_has_no_findings() {
        assert!(codes("sk-abc123abc123abc123").is_empty());
        assert!(codes("").is_empty());
        assert!(codes("sk-\"quoted\\slash-0123456789").is_empty());
        assert!(
            codes("sk-short").is_empty(),
            "the relay decides, not a guess"
        );
    }

    #[test]
    fn the_whole_key_is_a_secret() {
        let secrets = check(" sk-abc ", &context()).secrets;
        assert_eq!(secrets.len(), 1);
        assert_eq!(secrets[0], 0..8);
    }

    #[test]
    fn quotes_urls_and_shortened_copies_are_not_keys() {
        assert_eq!(
            codes("\"sk-abc123abc123abc123\""),
            ["key/quoted", "key/quoted"]
        );
        assert_eq!(fix_all("‘sk-abc123abc123abc123’"), "sk-abc123abc123abc123");
        assert_eq!(codes("https://api.4096bytes.com"), ["key/looks-like-url"]);
        assert_eq!(codes("sk-abc…wxyz"), ["key/truncated"]);
        assert_eq!(codes("sk-****************wxyz"), ["key/truncated"]);
        assert_eq!(codes("sk-abc...wxyz"), ["key/truncated"]);
    }

    #[test]
    fn a_profile_can_say_how_keys_look() {
        let mut profile = Profile::builtin();
        profile.key.prefix = Some("sk-".into());
        profile.key.length = Some(LengthRange { min: 20, max: 24 });
        let context = Context {
            profile: &profile,
            client: None,
        };
        let codes = |key: &str| sorted_codes(&check(key, &context).findings);
        assert!(codes("sk-abc123abc123abc123").is_empty());
        assert_eq!(codes("pk-abc123abc123abc123"), ["key/unexpected-prefix"]);
        assert_eq!(codes("sk-abc123"), ["key/unexpected-length"]);
        assert_eq!(
            codes("sk-abc123abc123abc123abc123"),
            ["key/unexpected-length"]
        );
        assert!(codes("sk-abc…wxyz").contains(&"key/truncated"));
    }

    #[test]
    fn line_breaks_and_inner_whitespace_are_errors_for_every_client() {
        let findings = check("sk-abc123abc123abc \n", &context()).findings;
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].rule.code, "key/whitespace");
        assert_eq!(findings[0].span, 18..20);
        for client in Client::ALL {
            assert_eq!(
                codes_for("sk ab123abc123abc123", client),
                ["key/whitespace"]
            );
            assert_eq!(codes_for("sk-abc123\n", client), ["key/whitespace"]);
        }
        assert_eq!(
            codes("\u{00A0}sk-ab123abc123abc123"),
            ["key/whitespace"],
            "a no-break space is not trimmed by anyone"
        );
    }

    #[test]
    fn surrounding_spaces_are_judged_for_the_client_at_hand() {
        for key in [
            "sk-abc123abc123abc123 ",
            "\tsk-abc123abc123abc123",
            " sk-abc ",
        ] {
            let found = codes(key);
            assert!(!found.is_empty(), "{key:?}");
            assert!(
                found.iter().all(|code| *code == "key/surrounding-space"),
                "{key:?} with no client: {found:?}"
            );
            for client in Client::ALL {
                let both = [KeyEnd::Start, KeyEnd::End].map(|end| client.drops_key_spaces(end));
                let expected = match both {
                    [true, true] => "key/surrounding-space-trimmed",
                    [false, false] => "key/surrounding-space",
                    _ => continue,
                };
                assert!(
                    codes_for(key, client).iter().all(|code| *code == expected),
                    "{key:?} for {client:?}"
                );
            }
        }
        assert_eq!(
            codes_for("sk-abc123abc123abc123 ", Client::Codex),
            ["key/surrounding-space-trimmed"]
        );
        assert_eq!(
            codes_for(" sk-abc123abc123abc123", Client::Codex),
            ["key/surrounding-space"],
            "Codex sends `Bearer  sk-…`"
        );
        assert_eq!(
            codes_for("sk-abc123abc123abc123 ", Client::OpenaiSdk),
            ["key/surrounding-space"]
        );
        assert_eq!(
            codes_for(" sk-abc123abc123abc123 ", Client::Curl),
            ["key/surrounding-space", "key/surrounding-space-trimmed"],
            "curl sends both; HTTP drops the trailing one"
        );
    }

    #[test]
    fn invisible_characters_are_flagged_separately() {
        assert_eq!(
            codes("sk-\u{200B}abc123abc123abc123"),
            ["key/invisible-character"]
        );
        assert_eq!(
            codes("\u{FEFF}sk-abc123abc123abc123 "),
            ["key/invisible-character", "key/surrounding-space"]
        );
    }

    #[test]
    fn punctuation_copied_out_of_a_sentence_is_found_after_the_key() {
        let key = "sk-abc123abc123abc123";
        for client in Client::ALL {
            for wide in ["。", "，", "；", "、", "）", "】"] {
                assert_eq!(
                    codes_for(&format!("{key}{wide}"), client),
                    ["key/copied-punctuation"],
                    "{wide} for {client:?}"
                );
            }
            for ascii in [".", ",", ";", ")", "]"] {
                assert_eq!(
                    codes_for(&format!("{key}{ascii}"), client),
                    ["key/trailing-punctuation"],
                    "{ascii} for {client:?}"
                );
            }
        }
        assert_eq!(
            codes(&format!("\"{key}\"。")),
            ["key/copied-punctuation", "key/quoted", "key/quoted"]
        );
        assert_eq!(fix_all(&format!("“{key}”，")), key);
        assert_eq!(fix_all(&format!("{key}. ")), key);
        assert!(
            codes("sk-(abc)123abc123abc123").is_empty(),
            "a bracket of its own"
        );
        assert_eq!(codes("sk-abc123..."), ["key/truncated"]);
        let mut profile = Profile::builtin();
        profile.key.length = Some(LengthRange { min: 21, max: 21 });
        let context = Context {
            profile: &profile,
            client: None,
        };
        assert_eq!(
            sorted_codes(&check(&format!("{key}。"), &context).findings),
            ["key/copied-punctuation"],
            "the length is the key's without the punctuation"
        );
    }

    #[test]
    fn a_character_outside_ascii_is_no_key_s() {
        assert_eq!(
            codes("sk-abc１２３abc123abc123"),
            ["key/non-ascii-character"]
        );
        assert_eq!(fix_all("ｓｋ－abc123abc123abc123"), "sk-abc123abc123abc123");
        assert_eq!(codes("sk-abcе23abc123abc123"), ["key/non-ascii-character"]);
        assert_eq!(
            fix_all("sk-abcе23abc123abc123"),
            "sk-abcе23abc123abc123",
            "a lookalike has no safe fix"
        );
        assert_eq!(codes("sk-abc…wxyz"), ["key/truncated"]);
        assert_eq!(
            codes("sk-a\u{200B}bc。"),
            ["key/copied-punctuation", "key/invisible-character"]
        );
    }

    #[test]
    fn an_ideographic_space_is_trimmed_only_by_a_client_that_trims_it() {
        let key = "sk-abc123abc123abc123\u{3000}";
        assert_eq!(
            codes_for(key, Client::ClaudeCode),
            ["key/surrounding-space-trimmed"]
        );
        for client in [Client::Codex, Client::OpenaiSdk, Client::Curl] {
            assert_eq!(codes_for(key, client), ["key/whitespace"], "{client:?}");
        }
        assert_eq!(codes(key), ["key/whitespace"]);
    }

    #[test]
    fn the_placeholder_is_not_a_key() {
        assert_eq!(codes("YOUR_4096BYTES_API_KEY"), ["key/placeholder"]);
        assert!(codes("YOUR_4096BYTES_API_KEY_REAL").is_empty());
    }

    #[test]
    fn a_pasted_authorization_header_value_is_reduced_to_the_key() {
        assert_eq!(codes("Bearer sk-abc123abc123abc123"), ["key/bearer-prefix"]);
        assert_eq!(
            codes("bearer   sk-abc123abc123abc123 "),
            ["key/bearer-prefix", "key/surrounding-space"]
        );
        assert!(codes("bearer-token-like-key-0123").is_empty());
        assert_eq!(fix_all(" Bearer  sk-a\u{200B}bc \n"), "sk-abc");
    }
}
