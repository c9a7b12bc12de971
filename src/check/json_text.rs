//! JSON as people paste it: what breaks it before any client reads it (a byte order mark,
//! typographic quotes, trailing commas, other syntax errors), and where each member sits in
//! the text, so that rules can point at it.

use super::{Finding, fix};
use crate::clients::Client;
use crate::i18n::Text;
use std::ops::Range;

declare_rules! {
    SYNTAX {
        code: "json/syntax",
        severity: Error,
        evidence: Client("Codex CLI 0.171 stops on an auth.json that is not JSON; Claude Code 2.1.332 does not load such a settings.json"),
        message: Text {
            en: "This is not valid JSON.",
            zh: "这不是有效的 JSON。",
        },
        why: Text {
            en: "The client cannot read the file and ignores it or refuses to start.",
            zh: "客户端无法读取该文件，会忽略它或拒绝启动。",
        },
        fix: None,
    }

    BOM {
        code: "json/bom",
        severity: Error,
        evidence: Client("Codex CLI 0.171 stops on an auth.json that starts with a BOM (Claude Code 2.1.332 accepts one, so settings.json is not checked for it)"),
        message: Text {
            en: "The file starts with an invisible byte order mark.",
            zh: "文件开头有一个不可见的字节顺序标记（BOM）。",
        },
        why: Text {
            en: "Some JSON readers reject it; Windows Notepad adds it when saving as \"UTF-8 with BOM\".",
            zh: "部分 JSON 解析器会拒绝它；Windows 记事本以\"带 BOM 的 UTF-8\"保存时会加上它。",
        },
        fix: Some(fix::REMOVE),
    }

    SMART_QUOTES {
        code: "json/smart-quotes",
        severity: Error,
        evidence: Client("typographic quotes make the file invalid JSON, which Codex CLI 0.171 and Claude Code 2.1.332 cannot read"),
        message: Text {
            en: "Uses typographic quotes (“ ”) where JSON needs straight quotes (\").",
            zh: "使用了排版引号（“ ”），而 JSON 需要直引号（\"）。",
        },
        why: Text {
            en: "Word processors and chat apps replace quotes; the file is then not JSON.",
            zh: "文字处理软件和聊天应用会替换引号，文件就不再是 JSON 了。",
        },
        fix: Some(fix::REPLACE),
    }

    TRAILING_COMMA {
        code: "json/trailing-comma",
        severity: Error,
        evidence: Client("Claude Code 2.1.332 does not load a settings.json with a trailing comma (\"These settings did not load\"); Codex CLI 0.171 stops"),
        message: Text {
            en: "Has a comma before a closing brace or bracket.",
            zh: "在右花括号或右方括号前多了一个逗号。",
        },
        why: Text {
            en: "JSON does not allow it: the file cannot be read.",
            zh: "JSON 不允许这样：文件无法被读取。",
        },
        fix: Some(fix::REMOVE),
    }

    NOT_AN_OBJECT {
        code: "json/not-an-object",
        severity: Error,
        evidence: Client("Codex CLI 0.171 and Claude Code 2.1.332 read their settings only from an object"),
        message: Text {
            en: "The file must be a JSON object ({ … }).",
            zh: "文件必须是一个 JSON 对象（{ … }）。",
        },
        why: Text {
            en: "The client cannot find its settings in anything else.",
            zh: "否则客户端找不到它的设置。",
        },
        fix: None,
    }
}

/// One `"key": value` member of an object, with positions.
#[derive(Debug, Clone)]
pub struct Member {
    /// The keys of the objects around it, outermost first (`[]` for array elements).
    pub path: Vec<String>,
    pub key: String,
    /// The key's literal, quotes included.
    pub key_span: Range<usize>,
    /// The value's text: a string literal with its quotes, a number, an object…
    pub value_span: Range<usize>,
}

impl Member {
    /// The value, if it is a string.
    pub fn string_value(&self, text: &str) -> Option<String> {
        let literal = text.get(self.value_span.clone())?;
        literal
            .starts_with('"')
            .then(|| serde_json::from_str(literal).ok())
            .flatten()
    }

    /// The whole member, from its key to its value.
    pub fn span(&self) -> Range<usize> {
        self.key_span.start..self.value_span.end
    }
}

/// The parsed document and its members, or the findings that explain why `reader` cannot read
/// it as JSON.
pub fn parse(text: &str, reader: Client) -> Result<(serde_json::Value, Vec<Member>), Vec<Finding>> {
    match read(text, reader)? {
        (value, members, mistakes) if mistakes.is_empty() => Ok((value, members)),
        (_, _, mistakes) => Err(mistakes),
    }
}

/// The document and its members as they will be once the mistakes that hide nothing else are
/// fixed (a byte order mark, trailing commas), with those mistakes; or the findings that
/// explain why `reader` cannot read it at all.
pub fn read(
    text: &str,
    reader: Client,
) -> Result<(serde_json::Value, Vec<Member>, Vec<Finding>), Vec<Finding>> {
    // Comments are blanked, not removed, so that every offset stays where it was.
    let given = text;
    let uncommented = reader.reads_json_comments().then(|| blank_comments(text));
    let text = uncommented.as_deref().unwrap_or(text);
    let surface = surface(text, reader);
    // A byte order mark and a trailing comma are read past, turned into as many spaces, so
    // that everything else in the file is reported at once. Typographic quotes move where
    // strings start and end: nothing read past them could be trusted.
    let readable = (!surface.iter().any(|finding| finding.rule == &SMART_QUOTES))
        .then(|| blank_spans(text, &surface));
    let text = readable.as_deref().unwrap_or(text);
    let body = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    match serde_json::from_str::<serde_json::Value>(body) {
        Ok(value) if surface.is_empty() || readable.is_some() => {
            let offset = text.len() - body.len();
            let members = members(body)
                .into_iter()
                .map(|m| m.shifted(offset))
                .collect();
            Ok((value, members, surface))
        }
        Ok(_) => Err(surface),
        // Typographic quotes and trailing commas explain the syntax error better than its
        // position does; once they are fixed, any error left is reported on its own.
        Err(_) if !surface.is_empty() => Err(surface),
        Err(error) => {
            let mut offset =
                text.len() - body.len() + offset_of(body, error.line(), error.column());
            // The character at the error, in the text as given (with its BOM, and with any
            // comment, whose characters the blanking turned into as many spaces as bytes).
            while !given.is_char_boundary(offset) {
                offset -= 1;
            }
            let end = given
                .get(offset..)
                .and_then(|rest| rest.chars().next())
                .map_or(offset, |c| offset + c.len_utf8());
            Err(vec![Finding::new(&SYNTAX, offset..end)])
        }
    }
}

/// The members of a settings file for `reader`, which must be a JSON object; otherwise the
/// findings that say why it is not one.
pub fn parse_object(text: &str, reader: Client) -> Result<Vec<Member>, Vec<Finding>> {
    let (value, members) = parse(text, reader)?;
    if value.is_object() {
        Ok(members)
    } else {
        Err(vec![Finding::new(&NOT_AN_OBJECT, 0..text.len())])
    }
}

/// Like [`parse_object`], reading past the mistakes that hide nothing else (see [`read`]):
/// the members and those mistakes, for a checker to report with its own findings.
pub fn read_object(
    text: &str,
    reader: Client,
) -> Result<(Vec<Member>, Vec<Finding>), Vec<Finding>> {
    let (value, members, mistakes) = read(text, reader)?;
    if value.is_object() {
        Ok((members, mistakes))
    } else {
        Err(vec![Finding::new(&NOT_AN_OBJECT, 0..text.len())])
    }
}

/// `text` with the spans of `findings` turned into as many spaces as they have bytes.
fn blank_spans(text: &str, findings: &[Finding]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for finding in findings {
        if let Some(span) = bytes.get_mut(finding.span.clone()) {
            span.fill(b' ');
        }
    }
    // Each span covers whole characters (a BOM, a comma), so the bytes stay UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_owned())
}

/// The byte offset of a 1-based line and column (as serde_json counts them: column 0 means
/// the error is at the end of the previous line).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let line_text = text[line_start.min(text.len())..]
        .split('\n')
        .next()
        .unwrap_or_default();
    let within: usize = line_text
        .chars()
        .take(column.saturating_sub(1))
        .map(char::len_utf8)
        .sum();
    (line_start + within).min(text.len())
}

/// `text` with its `//` and `/* */` comments (outside strings) turned into spaces, line
/// breaks kept: the same offsets, and JSON a strict parser reads.
fn blank_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let (mut in_string, mut escaped) = (false, false);
    while let Some(c) = chars.next() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            out.push(c);
            continue;
        }
        match (c, chars.peek()) {
            ('"', _) => {
                in_string = true;
                out.push(c);
            }
            ('/', Some('/')) => {
                while let Some(next) = chars.next_if(|next| *next != '\n') {
                    out.extend(std::iter::repeat_n(' ', next.len_utf8()));
                }
                out.push(' ');
            }
            ('/', Some('*')) => {
                chars.next();
                out.push_str("  ");
                let mut previous = ' ';
                for next in chars.by_ref() {
                    let closes = previous == '*' && next == '/';
                    match next {
                        '\n' | '\r' => out.push(next),
                        _ => out.extend(std::iter::repeat_n(' ', next.len_utf8())),
                    }
                    if closes {
                        break;
                    }
                    previous = next;
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// Mistakes visible without parsing: a BOM (where `reader` stops on one), typographic quotes
/// and trailing commas outside strings.
fn surface(text: &str, reader: Client) -> Vec<Finding> {
    let mut findings = Vec::new();
    if text.starts_with('\u{FEFF}') && !reader.reads_json_with_bom() {
        findings.push(Finding::new(&BOM, 0..3).with_edit(0..3, ""));
    }
    let mut in_string = false;
    let mut escaped = false;
    let mut smart_quotes = Vec::new();
    for (index, c) in text.char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '“' | '”' | '„' | '″' => smart_quotes.push(index..index + c.len_utf8()),
            ',' => {
                let rest = text[index + 1..].trim_start();
                if rest.starts_with('}') || rest.starts_with(']') {
                    findings.push(
                        Finding::new(&TRAILING_COMMA, index..index + 1)
                            .with_edit(index..index + 1, ""),
                    );
                }
            }
            _ => {}
        }
    }
    // Each typographic quote is reported where it is, but fixing one fixes them all: once one
    // is straight, the others would read as the inside of a string.
    for span in &smart_quotes {
        let finding = smart_quotes.iter().fold(
            Finding::new(&SMART_QUOTES, span.clone()),
            |finding, quote| finding.with_edit(quote.clone(), "\""),
        );
        findings.push(finding);
    }
    findings
}

impl Member {
    fn shifted(mut self, offset: usize) -> Member {
        self.key_span = self.key_span.start + offset..self.key_span.end + offset;
        self.value_span = self.value_span.start + offset..self.value_span.end + offset;
        self
    }
}

/// Every object member of a valid JSON text, with positions. Only called on text serde_json
/// accepted, whose nesting serde_json has already bounded (128 levels).
fn members(text: &str) -> Vec<Member> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        text,
        at: 0,
        found: Vec::new(),
    };
    scanner.value(&mut Vec::new());
    scanner.found
}

struct Scanner<'a> {
    bytes: &'a [u8],
    text: &'a str,
    at: usize,
    found: Vec<Member>,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn value(&mut self, path: &mut Vec<String>) {
        self.skip_whitespace();
        match self.peek() {
            Some(b'{') => self.object(path),
            Some(b'[') => self.array(path),
            Some(b'"') => self.string(),
            Some(_) => {
                while !matches!(
                    self.peek(),
                    None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
                ) {
                    self.at += 1;
                }
            }
            None => {}
        }
    }

    fn string(&mut self) {
        self.at += 1;
        while let Some(byte) = self.peek() {
            self.at += if byte == b'\\' { 2 } else { 1 };
            if byte == b'"' {
                return;
            }
        }
    }

    fn object(&mut self, path: &mut Vec<String>) {
        self.at += 1;
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                self.at += usize::from(self.peek() == Some(b'}'));
                return;
            }
            let key_start = self.at;
            self.string();
            let key_span = key_start..self.at.min(self.bytes.len());
            let key = self
                .text
                .get(key_span.clone())
                .and_then(|k| serde_json::from_str(k).ok())
                .unwrap_or_default();
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return;
            }
            self.at += 1;
            self.skip_whitespace();
            let value_start = self.at;
            path.push(key);
            self.value(path);
            let key = path.pop().unwrap_or_default();
            let value_span = value_start..self.at.min(self.bytes.len());
            self.found.push(Member {
                path: path.clone(),
                key,
                key_span,
                value_span,
            });
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.at += 1,
                _ => {
                    self.at += usize::from(self.peek() == Some(b'}'));
                    return;
                }
            }
        }
    }

    fn array(&mut self, path: &mut Vec<String>) {
        self.at += 1;
        path.push("[]".to_owned());
        loop {
            self.skip_whitespace();
            if matches!(self.peek(), None | Some(b']')) {
                self.at += 1;
                break;
            }
            self.value(path);
            self.skip_whitespace();
            if self.peek() == Some(b',') {
                self.at += 1;
            }
        }
        path.pop();
    }
}

/// Where a finding at `offset` is, for messages that need it.
#[cfg(test)]
fn position(text: &str, offset: usize) -> (usize, usize) {
    super::LineIndex::new(text).line_column(offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<&'static str> {
        match parse(text, Client::Codex) {
            Ok(_) => Vec::new(),
            Err(findings) => findings.iter().map(|f| f.rule.code).collect(),
        }
    }

    #[test]
    fn pasted_json_mistakes_are_named() {
        assert!(codes("{\"a\": \"b\"}").is_empty());
        assert_eq!(codes("\u{FEFF}{\"a\": \"b\"}"), ["json/bom"]);
        assert!(
            parse("\u{FEFF}{\"a\": \"b\"}", Client::ClaudeCode).is_ok(),
            "Claude Code reads it"
        );
        assert_eq!(codes("{“a”: “b”}"), ["json/smart-quotes"; 4]);
        assert_eq!(codes("{\"a\": \"b\",\n}"), ["json/trailing-comma"]);
        assert!(
            codes("{\"a\": \"“quoted”, inside\"}").is_empty(),
            "inside a string they are text"
        );
    }

    #[test]
    fn a_trailing_comma_or_a_bom_hides_nothing_else() {
        let text = "\u{FEFF}{\"env\": {\"A\": \"x\",},}";
        let (_, members, mistakes) = read(text, Client::Codex).unwrap();
        let codes: Vec<_> = mistakes.iter().map(|f| f.rule.code).collect();
        assert_eq!(
            codes,
            ["json/bom", "json/trailing-comma", "json/trailing-comma"]
        );
        let a = members.iter().find(|m| m.key == "A").unwrap();
        assert_eq!(a.path, ["env"]);
        assert_eq!(
            &text[a.value_span.clone()],
            "\"x\"",
            "offsets are the text's"
        );
        assert!(
            parse(text, Client::Codex).is_err(),
            "strict reading refuses it"
        );
        // Typographic quotes hide where strings are: nothing is read past them.
        assert!(read("{“a”: \"b\",}", Client::Codex).is_err());
    }

    #[test]
    fn syntax_errors_point_at_the_spot() {
        let text = "{\n  \"a\": \"b\"\n  \"c\": 1\n}";
        let findings = parse(text, Client::Codex).unwrap_err();
        assert_eq!(findings[0].rule.code, "json/syntax");
        assert_eq!(position(text, findings[0].span.start), (3, 3));
    }

    #[test]
    fn an_error_after_a_byte_order_mark_points_at_whole_characters() {
        let text = "\u{FEFF}／{";
        let findings = parse(text, Client::ClaudeCode).unwrap_err();
        assert_eq!(&text[findings[0].span.clone()], "／");
    }

    #[test]
    fn comments_count_only_for_clients_that_read_them() {
        let text = "{\n  // the relay\n  \"a\": \"b // not a comment\" /* c */\n}";
        assert!(parse(text, Client::Codex).is_err());
        let (value, members) = parse(text, Client::QwenCode).unwrap();
        assert_eq!(value["a"], "b // not a comment");
        assert_eq!(
            &text[members[0].value_span.clone()],
            "\"b // not a comment\""
        );
        assert_eq!(blank_comments(text).len(), text.len());
    }

    #[test]
    fn an_error_in_a_comment_points_at_a_whole_character() {
        let text = "/*ὐ";
        let findings = parse(text, Client::QwenCode).unwrap_err();
        assert!(
            text.get(findings[0].span.clone()).is_some(),
            "{:?}",
            findings[0].span
        );
    }

    #[test]
    fn members_know_where_they_are() {
        let text = "{\"env\": {\"A\": \"x\\\"y\", \"B\": 1}, \"list\": [{\"C\": true}]}";
        let (_, members) = parse(text, Client::Codex).unwrap();
        let a = members.iter().find(|m| m.key == "A").unwrap();
        assert_eq!(a.path, ["env"]);
        assert_eq!(&text[a.value_span.clone()], "\"x\\\"y\"");
        assert_eq!(a.string_value(text).as_deref(), Some("x\"y"));
        let b = members.iter().find(|m| m.key == "B").unwrap();
        assert_eq!(&text[b.value_span.clone()], "1");
        let c = members.iter().find(|m| m.key == "C").unwrap();
        assert_eq!(c.path, ["list", "[]"]);
    }
}
