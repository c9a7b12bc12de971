//! Quoting a value for each syntax onramp writes, one function per syntax.
//!
//! Every function returns a complete literal (quotes included) that reads back as exactly the
//! given value. JSON delegates to `serde_json`. TOML is written out here as `toml_edit` writes
//! it (a test holds the two to the same text): the page's main module writes `config.toml`,
//! and `toml_edit` would add its weight to the page's first load for two functions. A
//! shell's quoting is its dialect's, in `src/shell/`. Each syntax has a test.

/// A TOML string value: the first of basic, literal, multi-line basic and multi-line literal
/// string that holds `value` without escapes, in `toml_edit`'s order; else an escaped basic
/// string, multi-line when `value` has line breaks.
pub fn toml(value: &str) -> String {
    let bytes = value.as_bytes();
    let plain = !bytes
        .iter()
        .any(|&b| (b <= 0x1f && b != b'\t' && b != b'\n') || b == 0x7f);
    let backslash = bytes.contains(&b'\\');
    let newline = bytes.contains(&b'\n');
    let single_quotes = longest_run(bytes, b'\'');
    let double_quotes = longest_run(bytes, b'"');
    // A multi-line string drops a line break right after its opening quotes: writing one
    // there keeps a value's own first line break.
    let first_break = if newline { "\n" } else { "" };
    let multi_line_basic = || format!("\"\"\"{first_break}{}\"\"\"", toml_escaped(value, 2));
    if plain && !backslash && double_quotes == 0 && !newline {
        toml_basic(value)
    } else if plain && single_quotes == 0 && !newline {
        format!("'{value}'")
    } else if plain && !backslash && double_quotes <= 2 {
        multi_line_basic()
    } else if plain && single_quotes <= 2 {
        format!("'''{first_break}{value}'''")
    } else if newline {
        multi_line_basic()
    } else {
        toml_basic(value)
    }
}

/// A TOML key, as `toml_edit` writes keys: bare when it can be, else a basic string unless
/// only a literal string holds it without escapes.
pub fn toml_key(key: &str) -> String {
    let bytes = key.as_bytes();
    let bare = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_');
    let plain = !bytes
        .iter()
        .any(|&b| (b <= 0x1f && b != b'\t') || b == 0x7f);
    let needs_escapes_in_basic = bytes.contains(&b'\\') || bytes.contains(&b'"');
    if !key.is_empty() && bytes.iter().all(bare) {
        key.to_owned()
    } else if plain && needs_escapes_in_basic && !bytes.contains(&b'\'') {
        format!("'{key}'")
    } else {
        toml_basic(key)
    }
}

/// A TOML basic string: `"…"` with escapes.
fn toml_basic(value: &str) -> String {
    format!("\"{}\"", toml_escaped(value, 0))
}

/// The longest run of `byte` in `bytes`.
fn longest_run(bytes: &[u8], byte: u8) -> usize {
    bytes
        .split(|&b| b != byte)
        .map(<[u8]>::len)
        .max()
        .unwrap_or(0)
}

/// The inside of a TOML basic string (`max_quotes` 0), or of a multi-line one (2; line breaks
/// stay): a `"` is escaped when more than `max_quotes` unescaped ones would stand together.
fn toml_escaped(value: &str, max_quotes: usize) -> String {
    let multi_line = max_quotes > 0;
    let mut escaped = String::with_capacity(value.len());
    let mut quotes = 0;
    for c in value.chars() {
        quotes = if c == '"' { quotes + 1 } else { 0 };
        match c {
            '"' if quotes > max_quotes => {
                quotes = 0;
                escaped.push_str("\\\"");
            }
            '\u{8}' => escaped.push_str("\\b"),
            '\t' => escaped.push_str("\\t"),
            '\n' if !multi_line => escaped.push_str("\\n"),
            '\u{c}' => escaped.push_str("\\f"),
            '\r' => escaped.push_str("\\r"),
            '\\' => escaped.push_str("\\\\"),
            '\0'..='\u{1f}' | '\u{7f}' if c != '\n' => {
                escaped.push_str(&format!("\\u{:04X}", u32::from(c)));
            }
            c => escaped.push(c),
        }
    }
    escaped
}

/// A JSON string literal.
pub fn json(value: &str) -> String {
    // Serialising a &str cannot fail; the fallback keeps that impossible case panic-free.
    serde_json::to_string(value).unwrap_or_default()
}

/// A YAML double-quoted scalar. Everything outside YAML's printable set, and the quote and
/// backslash themselves, is escaped; so is U+FEFF, which parsers may take for a BOM.
pub fn yaml(value: &str) -> String {
    let mut quoted = String::with_capacity(value.len() + 2);
    quoted.push('"');
    for c in value.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            '\r' => quoted.push_str("\\r"),
            ' '..='~'
            | '\u{A0}'..='\u{D7FF}'
            | '\u{E000}'..='\u{FEFE}'
            | '\u{FF00}'..='\u{FFFD}' => quoted.push(c),
            c if u32::from(c) >= 0x10000 => quoted.push(c),
            c => quoted.push_str(&format!("\\u{:04X}", u32::from(c))),
        }
    }
    quoted.push('"');
    quoted
}

/// A value of a `.env` line as the `dotenv` package reads it (17.1.0, which Gemini CLI
/// 0.61.0 bundles), or `None` when it cannot hold the value verbatim. dotenv has no escapes:
/// a quoted value ends at the next quote of its kind, an unquoted one at `#` and loses its
/// surrounding spaces, and in double quotes `\n` and `\r` become line breaks. So the value
/// goes in the first quotes it does not contain (single, double unless it holds `\n` or `\r`,
/// backquotes); one with a line break, a NUL or all three quotes cannot be written.
pub fn dotenv(value: &str) -> Option<String> {
    if value.contains(['\n', '\r', '\0']) {
        return None;
    }
    let quote = if !value.contains('\'') {
        '\''
    } else if !value.contains('"') && !value.contains("\\n") && !value.contains("\\r") {
        '"'
    } else if !value.contains('`') {
        '`'
    } else {
        return None;
    };
    Some(format!("{quote}{value}{quote}"))
}

// Native only: these tests use proptest and the parsers of toml_edit and yaml-rust2.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Strings that break naive quoting in at least one syntax.
    const AWKWARD: [&str; 10] = [
        "",
        "plain",
        "it's",
        r#"say "hi""#,
        r"back\slash\",
        "$HOME `whoami` $(id)",
        "100% %PATH% !bang!",
        "tab\tnew\nline\r",
        "‘curly’ “quotes”",
        "ünï©ødé 模型 🔑 \u{FEFF}\u{85}\u{7F}",
    ];

    #[test]
    fn toml_and_json_read_back() {
        for value in AWKWARD {
            let doc: toml_edit::DocumentMut = format!("v = {}", toml(value)).parse().unwrap();
            assert_eq!(doc["v"].as_str(), Some(value));
            assert_eq!(serde_json::from_str::<String>(&json(value)).unwrap(), value);
        }
    }

    /// What `toml_edit` writes for a string value and for a key.
    fn toml_edit_value_and_key(value: &str) -> (String, String) {
        (
            toml_edit::Value::from(value).to_string(),
            toml_edit::Key::new(value).display_repr().into_owned(),
        )
    }

    #[test]
    fn toml_is_written_as_toml_edit_writes_it() {
        let quotes = [
            "'",
            "''",
            "'''",
            "\"",
            "\"\"",
            "\"\"\"",
            "\"\"\"\"\"",
            r#"'''"""\"#,
        ];
        let breaks = [
            "\n",
            "a\nb'''\\",
            "\n'''\"\"\"",
            "\r\n",
            "\u{1}",
            "\t",
            "x\ty",
            ".:/ -_",
        ];
        for value in AWKWARD.iter().chain(&quotes).chain(&breaks) {
            assert_eq!(
                (toml(value), toml_key(value)),
                toml_edit_value_and_key(value),
                "{value:?}"
            );
        }
    }

    #[test]
    fn yaml_reads_back() {
        for value in AWKWARD {
            assert_eq!(parse_yaml_scalar(&yaml(value)), value, "{value:?}");
        }
        assert_eq!(yaml("a\"b"), r#""a\"b""#);
    }

    fn parse_yaml_scalar(text: &str) -> String {
        let docs = yaml_rust2::YamlLoader::load_from_str(&format!("v: {text}")).unwrap();
        docs[0]["v"].as_str().unwrap().to_owned()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn any_string_reads_back_from_toml_json_and_yaml(value in any::<String>()) {
            let doc: toml_edit::DocumentMut = format!("v = {}", toml(&value)).parse().unwrap();
            prop_assert_eq!(doc["v"].as_str(), Some(value.as_str()));
            prop_assert_eq!(serde_json::from_str::<String>(&json(&value)).unwrap(), value.clone());
            prop_assert_eq!(parse_yaml_scalar(&yaml(&value)), value);
        }

        #[test]
        fn any_string_is_written_as_toml_edit_writes_it(
            value in prop_oneof![any::<String>(), r#"['"\\\n\r\t a.]{0,12}"#]
        ) {
            prop_assert_eq!((toml(&value), toml_key(&value)), toml_edit_value_and_key(&value));
        }
    }
}
