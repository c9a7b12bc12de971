//! The validator (the "doctor"): small rules, each with a stable code, a message, a span and
//! an optional fix.
//!
//! A [`Rule`] describes one mistake (its code, severity and texts); a checker for one [`Kind`]
//! of input returns [`Finding`]s that point at the offending bytes, with text edits that fix
//! them where that is safe. Findings never carry the text they point at, so a finding about a
//! key cannot leak the key; a [`Report`] also lists where secrets sit, so that anything that
//! shows the input (a source line under a diagnostic) can mask them.

/// Declares a [`Rule`] as a static: `rule!(NAME, "input/mistake", Severity, Message, Why, fix)`.
macro_rules! rule {
    ($name:ident, $code:literal, $severity:ident, $message:ident, $why:ident, $fix:expr) => {
        #[doc = concat!("`", $code, "`")]
        pub static $name: $crate::check::Rule = $crate::check::Rule {
            code: $code,
            severity: $crate::check::Severity::$severity,
            message: $crate::i18n::Msg::$message,
            why: $crate::i18n::Msg::$why,
            fix_label: $fix,
        };
    };
}

mod chars;
pub mod cherry_link;
pub mod claude_settings;
pub mod codex_auth;
pub mod codex_config;
pub mod detect;
pub mod env;
pub mod json_text;
pub mod key;
pub mod model;
pub mod url;

use crate::clients::Client;
use crate::i18n::Msg;
use crate::profile::Profile;
use std::ops::Range;

/// The largest input checked. Bigger inputs get one `input/too-large` finding: nothing a
/// client reads is that big, and the page must stay responsive.
pub const MAX_INPUT_BYTES: usize = 1 << 20;

/// The most findings one check reports, first ones first: more would not help anyone, and
/// each is an element on the page.
pub const MAX_FINDINGS: usize = 1000;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn label(self) -> Msg {
        match self {
            Severity::Error => Msg::SeverityError,
            Severity::Warning => Msg::SeverityWarning,
            Severity::Info => Msg::SeverityInfo,
        }
    }

    /// The stable lower-case name used in JSON output and CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One kind of mistake.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable identifier, `<input>/<mistake>`, e.g. `key/whitespace`.
    pub code: &'static str,
    pub severity: Severity,
    /// One line: what is wrong.
    pub message: Msg,
    /// Why it matters, in terms of the symptom users see.
    pub why: Msg,
    /// The label of the fix button, for rules that can fix what they find.
    pub fix_label: Option<Msg>,
}

/// A text edit: replace the bytes in `span` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Range<usize>,
    pub replacement: String,
}

/// One mistake found in one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static Rule,
    /// Byte range in the checked text.
    pub span: Range<usize>,
    /// Edits that remove the mistake; empty when the rule cannot fix it by itself.
    pub edits: Vec<Edit>,
}

impl Finding {
    pub(crate) fn new(rule: &'static Rule, span: Range<usize>) -> Self {
        Finding {
            rule,
            span,
            edits: Vec::new(),
        }
    }

    pub(crate) fn with_edit(mut self, span: Range<usize>, replacement: &str) -> Self {
        self.edits.push(Edit {
            span,
            replacement: replacement.to_owned(),
        });
        self
    }

    /// `text` with this finding's fix applied, or `None` if it has no fix or the edits do not
    /// fit `text` (it changed since it was checked).
    pub fn apply_fix(&self, text: &str) -> Option<String> {
        if self.edits.is_empty() {
            return None;
        }
        let mut edits: Vec<&Edit> = self.edits.iter().collect();
        edits.sort_by_key(|edit| std::cmp::Reverse(edit.span.start));
        let mut fixed = text.to_owned();
        for edit in edits {
            if edit.span.end > fixed.len()
                || !fixed.is_char_boundary(edit.span.start)
                || !fixed.is_char_boundary(edit.span.end)
            {
                return None;
            }
            fixed.replace_range(edit.span.clone(), &edit.replacement);
        }
        Some(fixed)
    }
}

/// The 1-based line and column (in characters) of byte `offset` in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset);
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |index| index + 1);
    let line = before.matches('\n').count() + 1;
    (line, before[line_start..].chars().count() + 1)
}

/// The largest char boundary at or before `offset`, within `text`.
fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// What kind of text is being checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Url,
    Key,
    Model,
    CodexConfig,
    CodexAuth,
    ClaudeSettings,
    EnvBash,
    EnvFish,
    EnvPowerShell,
    EnvCmd,
    DotEnv,
    CherryLink,
}

impl Kind {
    pub const ALL: [Kind; 12] = [
        Kind::Url,
        Kind::Key,
        Kind::Model,
        Kind::CodexConfig,
        Kind::CodexAuth,
        Kind::ClaudeSettings,
        Kind::EnvBash,
        Kind::EnvFish,
        Kind::EnvPowerShell,
        Kind::EnvCmd,
        Kind::DotEnv,
        Kind::CherryLink,
    ];

    /// The stable id used on the command line and in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Kind::Url => "url",
            Kind::Key => "key",
            Kind::Model => "model",
            Kind::CodexConfig => "codex-config",
            Kind::CodexAuth => "codex-auth",
            Kind::ClaudeSettings => "claude-settings",
            Kind::EnvBash => "env-bash",
            Kind::EnvFish => "env-fish",
            Kind::EnvPowerShell => "env-powershell",
            Kind::EnvCmd => "env-cmd",
            Kind::DotEnv => "dotenv",
            Kind::CherryLink => "cherry-link",
        }
    }

    pub fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.id() == id)
    }

    /// The name shown to people.
    pub fn label(self) -> Msg {
        match self {
            Kind::Url => Msg::KindUrl,
            Kind::Key => Msg::KindKey,
            Kind::Model => Msg::KindModel,
            Kind::CodexConfig => Msg::KindCodexConfig,
            Kind::CodexAuth => Msg::KindCodexAuth,
            Kind::ClaudeSettings => Msg::KindClaudeSettings,
            Kind::EnvBash => Msg::KindEnvBash,
            Kind::EnvFish => Msg::KindEnvFish,
            Kind::EnvPowerShell => Msg::KindEnvPowerShell,
            Kind::EnvCmd => Msg::KindEnvCmd,
            Kind::DotEnv => Msg::KindDotEnv,
            Kind::CherryLink => Msg::KindCherryLink,
        }
    }
}

/// What the checks know besides the text: the relay, and the client it is meant for.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub profile: &'a Profile,
    /// The client the text is for, when known: it decides, for example, whether `/v1` in a
    /// base URL is expected or doubled.
    pub client: Option<Client>,
}

/// The outcome of checking one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub kind: Kind,
    /// Sorted by position.
    pub findings: Vec<Finding>,
    /// Byte ranges that hold a key: mask them wherever the text is shown.
    pub secrets: Vec<Range<usize>>,
}

impl Report {
    pub fn has_errors(&self) -> bool {
        self.findings
            .iter()
            .any(|finding| finding.rule.severity == Severity::Error)
    }
}

/// `/input/too-large`: the text is over [`MAX_INPUT_BYTES`].
pub static TOO_LARGE: Rule = Rule {
    code: "input/too-large",
    severity: Severity::Error,
    message: Msg::InputTooLarge,
    why: Msg::InputTooLargeWhy,
    fix_label: None,
};

/// Checks `text` as `kind`, or as the kind [`detect::detect`] recognises.
pub fn check(text: &str, kind: Option<Kind>, context: &Context) -> Report {
    let kind = kind.unwrap_or_else(|| detect::detect(text));
    if text.len() > MAX_INPUT_BYTES {
        return Report {
            kind,
            findings: vec![Finding::new(&TOO_LARGE, 0..0)],
            secrets: Vec::new(),
        };
    }
    // A value saved in a file ends with a line break that is not part of the value.
    let text = match kind {
        Kind::Url | Kind::Key | Kind::Model => text
            .strip_suffix('\n')
            .map_or(text, |t| t.strip_suffix('\r').unwrap_or(t)),
        _ => text,
    };
    let (mut findings, secrets) = match kind {
        Kind::Url => (url::check_for(text, context), Vec::new()),
        Kind::Key => (
            key::check(text, context.profile),
            std::iter::once(0..text.len()).collect(),
        ),
        Kind::Model => (model::check(text, context.profile), Vec::new()),
        Kind::CodexConfig => codex_config::check(text, context),
        Kind::CodexAuth => codex_auth::check(text, context),
        Kind::ClaudeSettings => claude_settings::check(text, context),
        Kind::EnvBash | Kind::EnvFish | Kind::EnvPowerShell | Kind::EnvCmd | Kind::DotEnv => {
            env::check(text, kind, context)
        }
        Kind::CherryLink => cherry_link::check(text, context),
    };
    findings.sort_by_key(|finding| (finding.span.start, finding.span.end));
    findings.dedup_by(|a, b| a.rule.code == b.rule.code && a.span == b.span);
    findings.truncate(MAX_FINDINGS);
    Report {
        kind,
        findings,
        secrets,
    }
}

/// Every rule, for documentation and for the tests that hold each rule to its promises.
pub fn rules() -> Vec<&'static Rule> {
    vec![
        &TOO_LARGE,
        &url::WHITESPACE,
        &url::INVISIBLE,
        &url::QUOTED,
        &url::FULLWIDTH,
        &url::SCHEME_MISSING,
        &url::SCHEME_MISSPELLED,
        &url::INSECURE_HTTP,
        &url::ENDPOINT_PATH,
        &url::DOUBLED_V1,
        &url::UNEXPECTED_PATH,
        &url::DOUBLE_SLASH,
        &url::QUERY_OR_FRAGMENT,
        &url::HOST_TYPO,
        &url::OTHER_HOST,
        &url::LOOKS_LIKE_KEY,
        &key::WHITESPACE,
        &key::SURROUNDING_SPACE,
        &key::INVISIBLE,
        &key::PLACEHOLDER,
        &key::BEARER_PREFIX,
        &key::QUOTED,
        &key::LOOKS_LIKE_URL,
        &key::TRUNCATED,
        &key::UNEXPECTED_PREFIX,
        &model::WHITESPACE,
        &model::INVISIBLE,
        &model::PLACEHOLDER,
        &codex_config::SYNTAX,
        &codex_config::DUPLICATE,
        &codex_config::ROOT_KEY_UNDER_TABLE,
        &codex_config::PROVIDER_UNDEFINED,
        &codex_config::BUILTIN_PROVIDER,
        &codex_config::RESERVED_ID,
        &codex_config::WIRE_API,
        &codex_config::NO_AUTH,
        &codex_config::NO_BASE_URL,
        &codex_config::ENV_KEY_HOLDS_KEY,
        &codex_config::IGNORED_SETTING,
        &codex_config::LEGACY_PROFILE,
        &codex_config::LEGACY_PROFILES_TABLE,
        &codex_config::TOP_LEVEL_BASE_URL,
        &codex_config::NOT_A_STRING,
        &json_text::SYNTAX,
        &json_text::BOM,
        &json_text::SMART_QUOTES,
        &json_text::TRAILING_COMMA,
        &json_text::NOT_AN_OBJECT,
        &codex_auth::MISSING_KEY,
        &codex_auth::WRONG_KEY_NAME,
        &codex_auth::NOT_A_STRING,
        &codex_auth::CHATGPT_LOGIN,
        &claude_settings::NO_ENV,
        &claude_settings::OUTSIDE_ENV,
        &claude_settings::MISSPELLED,
        &claude_settings::NOT_A_STRING,
        &claude_settings::NO_AUTH,
        &claude_settings::NO_BASE_URL,
        &claude_settings::BOTH_AUTH,
        &env::SPACE_AROUND_EQUALS,
        &env::WRONG_SHELL,
        &env::UNBALANCED_QUOTES,
        &env::QUOTES_IN_VALUE,
        &env::NOT_EXPORTED,
        &env::MISSPELLED,
        &cherry_link::NOT_A_LINK,
        &cherry_link::BASE64URL,
        &cherry_link::BAD_DATA,
        &cherry_link::MISSING_FIELD,
    ]
}

/// `text` with the fixes of its findings applied, one after another and re-checked each time,
/// until no finding has a fix left (or a bound is hit, so that two fixes can never undo each
/// other forever).
pub fn fix_all(text: &str, kind: Kind, context: &Context) -> String {
    let mut fixed = text.to_owned();
    for _ in 0..64 {
        let report = check(&fixed, Some(kind), context);
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

/// `text` with every secret span masked: all but the last 4 characters become `•`.
pub fn mask(text: &str, secrets: &[Range<usize>]) -> String {
    let mut masked = String::with_capacity(text.len());
    for (offset, c) in text.char_indices() {
        let remaining = secrets
            .iter()
            .find(|span| span.contains(&offset))
            .and_then(|span| text.get(offset..span.end))
            .map_or(0, |rest| rest.chars().count());
        masked.push(if remaining > 4 { '•' } else { c });
    }
    masked
}

/// `literal` without its quotes, if it is a quoted string: the part to mask.
pub(crate) fn unquoted(source: &str, literal: &Range<usize>) -> Range<usize> {
    let text = source.get(literal.clone()).unwrap_or_default();
    let quoted = text.len() >= 2
        && matches!(
            (text.as_bytes()[0], text.as_bytes()[text.len() - 1]),
            (b'"', b'"') | (b'\'', b'\'')
        );
    if quoted {
        literal.start + 1..literal.end - 1
    } else {
        literal.clone()
    }
}

/// Findings about a string value, moved into the document where it sits as `literal` (quoted
/// or not). Where the literal holds the value verbatim the spans stay precise; otherwise
/// (escapes) they cover the literal. A fix becomes "replace the literal with the
/// fixed value, quoted again by `quote`", which is right whatever the escaping.
pub(crate) fn embed(
    findings: Vec<Finding>,
    value: &str,
    source: &str,
    literal: Range<usize>,
    quote: fn(&str) -> String,
) -> Vec<Finding> {
    // Where the value sits verbatim: the whole literal (unquoted), or inside its quotes.
    let verbatim_at = if source.get(literal.clone()) == Some(value) {
        Some(literal.start)
    } else if literal.len() >= 2 && source.get(literal.start + 1..literal.end - 1) == Some(value) {
        Some(literal.start + 1)
    } else {
        None
    };
    findings
        .into_iter()
        .map(|finding| {
            let span = match verbatim_at {
                Some(at) => at + finding.span.start..at + finding.span.end,
                None => literal.clone(),
            };
            let edits = match finding.apply_fix(value) {
                Some(fixed) => vec![Edit {
                    span: literal.clone(),
                    replacement: quote(&fixed),
                }],
                None => Vec::new(),
            };
            Finding {
                rule: finding.rule,
                span,
                edits,
            }
        })
        .collect()
}

/// The 1-based character position of byte `offset` in `text`, for showing where in a
/// one-line field a finding is without showing the field's content.
pub fn char_position(text: &str, offset: usize) -> usize {
    text.char_indices()
        .take_while(|(index, _)| *index < offset)
        .count()
        + 1
}

/// What the checkers' unit tests share: the built-in relay without a client, and findings as
/// sorted codes.
#[cfg(test)]
pub(crate) mod testing {
    use super::{Context, Finding};
    use crate::profile::Profile;
    use std::sync::LazyLock;

    static PROFILE: LazyLock<Profile> = LazyLock::new(Profile::builtin);

    pub fn context() -> Context<'static> {
        Context {
            profile: &PROFILE,
            client: None,
        }
    }

    pub fn sorted_codes(findings: &[Finding]) -> Vec<&'static str> {
        let mut codes: Vec<_> = findings.iter().map(|finding| finding.rule.code).collect();
        codes.sort();
        codes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static RULE: Rule = Rule {
        code: "test/rule",
        severity: Severity::Error,
        message: Msg::WhitespaceInValue,
        why: Msg::WhitespaceWhy,
        fix_label: Some(Msg::FixRemove),
    };

    #[test]
    fn fixes_apply_from_the_end_so_spans_stay_valid() {
        let finding = Finding::new(&RULE, 0..1)
            .with_edit(0..1, "")
            .with_edit(4..5, "");
        assert_eq!(finding.apply_fix(" abc ").as_deref(), Some("abc"));
    }

    #[test]
    fn a_fix_that_no_longer_fits_is_refused() {
        let finding = Finding::new(&RULE, 3..4).with_edit(3..4, "");
        assert_eq!(finding.apply_fix("ab"), None);
        let finding = Finding::new(&RULE, 1..2).with_edit(1..2, "");
        assert_eq!(finding.apply_fix("é"), None, "splitting a character");
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        assert_eq!(char_position("héllo", 0), 1);
        assert_eq!(char_position("héllo", 3), 3);
    }
}
