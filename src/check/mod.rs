//! The validator (the "doctor"): small rules, each with a stable code, a message, a span and
//! an optional fix.
//!
//! A [`Rule`] is one unit: its code, its severity and the evidence behind it, its texts in
//! both languages and its fix label, declared with [`declare_rules!`] in the checker module that owns
//! it, next to the code that finds it. A checker reads one [`Kind`] of input and returns
//! [`Finding`]s that point at the offending bytes, with text edits that fix them where that
//! is safe. Findings never carry the text they point at, so a finding about a key cannot leak
//! the key; a [`Checked`] result also lists where secrets sit, so that anything that shows the
//! input (a source line under a diagnostic) can mask them.

/// Declares the rules a checker module owns, and its list of them, [`RULES`](self), from which
/// [`rules`] builds the registry: a rule cannot exist outside a list.
///
/// ```ignore
/// declare_rules! {
///     /// What the rule finds, and why it has its severity.
///     NAME {
///         code: "input/mistake",
///         severity: Error,
///         evidence: Client("what the real client did"),
///         message: Text { en: "…", zh: "…" },
///         why: Text { en: "…", zh: "…" },
///         fix: Some(fix::REMOVE),
///     }
/// }
/// ```
macro_rules! declare_rules {
    ($(
        $(#[$doc:meta])*
        $name:ident {
            code: $code:literal,
            severity: $severity:ident,
            evidence: $evidence:ident($source:literal),
            message: $message:expr,
            why: $why:expr,
            fix: $fix:expr $(,)?
        }
    )+) => {
        $(
            $(#[$doc])*
            #[doc = concat!("\n\nCode `", $code, "`, ", stringify!($severity), "; evidence: ", $source)]
            pub static $name: $crate::check::Rule = $crate::check::Rule {
                code: $code,
                severity: $crate::check::Severity::$severity,
                #[cfg(not(target_arch = "wasm32"))]
                evidence: $crate::check::Evidence::$evidence($source),
                message: $message,
                why: $why,
                fix_label: $fix,
            };
        )+
        /// Every rule this module owns, for the registry ([`crate::rules`]).
        pub static RULES: &[&$crate::check::Rule] = &[$(&$name),+];
    };
}
pub(crate) use declare_rules;

pub mod chars;
pub mod cherry_link;
pub mod claude_settings;
pub mod codex_auth;
pub mod codex_config;
pub mod detect;
pub mod env;
pub mod json_text;
pub mod key;
pub mod model;
pub mod qwen_settings;
pub mod shell_words;
pub mod url;

use crate::clients::Client;
use crate::i18n::{Msg, Text};
use crate::profile::Profile;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// The largest input checked. Bigger inputs get one `input/too-large` finding: nothing a
/// client reads is that big, and the page must stay responsive.
pub const MAX_INPUT_BYTES: usize = 1 << 20;

/// The most findings one check reports, first ones first: more would not help anyone, and
/// each is an element on the page.
pub const MAX_FINDINGS: usize = 1000;

/// The labels of fixes, as buttons and help lines show them.
pub mod fix {
    use crate::i18n::Text;

    pub const REMOVE: Text = Text {
        en: "Remove it",
        zh: "删除",
    };
    pub const USE_HTTPS: Text = Text {
        en: "Use https://",
        zh: "改用 https://",
    };
    pub const ADD_HTTPS: Text = Text {
        en: "Add https://",
        zh: "加上 https://",
    };
    pub const REPLACE: Text = Text {
        en: "Replace it",
        zh: "替换",
    };
    pub const MOVE: Text = Text {
        en: "Move it",
        zh: "移动",
    };
    pub const RENAME: Text = Text {
        en: "Rename it",
        zh: "重命名",
    };
    pub const ADD: Text = Text {
        en: "Add it",
        zh: "添加",
    };
    pub const SINGLE_QUOTES: Text = Text {
        en: "Use single quotes",
        zh: "改用单引号",
    };
}

/// Why a key command must be right, for the clients that run one (Codex's `auth`, Claude
/// Code's `apiKeyHelper`).
const PRINTS_THE_KEY: Text = Text {
    en: "The command must print the relay's key and nothing else.",
    zh: "这个命令必须只输出中转服务的密钥。",
};

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
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

/// How we know what a mistake does, which decides how severe it may be: an error means the
/// client or the relay will fail, so it needs a real client's run or the relay's word; a
/// guess from the text's shape is at most a warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// Observed by running the real client (which one, and what it did); most are re-checked
    /// by the conformance tests.
    Client(&'static str),
    /// Read in the client's own source code, for clients that cannot be run here (desktop
    /// apps): which repository, and what it does.
    Source(&'static str),
    /// The relay's documentation, or its profile, says so.
    Relay(&'static str),
    /// A guess from the text's shape.
    Heuristic(&'static str),
}

impl Evidence {
    /// The stable lower-case name used in JSON output.
    pub fn kind(self) -> &'static str {
        match self {
            Evidence::Client(_) => "client",
            Evidence::Source(_) => "source",
            Evidence::Relay(_) => "relay",
            Evidence::Heuristic(_) => "heuristic",
        }
    }

    /// What the evidence is, in a sentence.
    pub fn source(self) -> &'static str {
        match self {
            Evidence::Client(source)
            | Evidence::Source(source)
            | Evidence::Relay(source)
            | Evidence::Heuristic(source) => source,
        }
    }
}

/// One kind of mistake.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable identifier, `<input>/<mistake>`, e.g. `key/whitespace`.
    pub code: &'static str,
    pub severity: Severity,
    /// Why the severity is what it is: documentation for the CLI and the README, left out of
    /// the page's modules, which never show it.
    #[cfg(not(target_arch = "wasm32"))]
    pub evidence: Evidence,
    /// One line: what is wrong.
    pub message: Text,
    /// Why it matters, in terms of the symptom users see.
    pub why: Text,
    /// The label of the fix button, for rules that can fix what they find.
    pub fix_label: Option<Text>,
}

/// A text edit: replace the bytes in `span` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    pub span: Range<usize>,
    pub replacement: String,
}

impl Edit {
    /// The smallest edit that turns `old` into `new`: what lies between their common start
    /// and their common end, on character boundaries.
    pub fn between(old: &str, new: &str) -> Edit {
        let prefix: usize = old
            .chars()
            .zip(new.chars())
            .take_while(|(a, b)| a == b)
            .map(|(c, _)| c.len_utf8())
            .sum();
        let longest_suffix = old.len().min(new.len()) - prefix;
        let suffix: usize = old
            .chars()
            .rev()
            .zip(new.chars().rev())
            .take_while(|(a, b)| a == b)
            .map(|(c, _)| c.len_utf8())
            .scan(0, |total, length| {
                *total += length;
                Some(*total)
            })
            .take_while(|total| *total <= longest_suffix)
            .last()
            .unwrap_or(0);
        Edit {
            span: prefix..old.len() - suffix,
            replacement: new[prefix..new.len() - suffix].to_owned(),
        }
    }
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
        apply_edits(text, &self.edits)
    }
}

/// `text` with `edits` made, last first so that each span still points where it did; `None`
/// when there is nothing to do or an edit does not fit `text` (it changed since it was
/// checked).
pub fn apply_edits(text: &str, edits: &[Edit]) -> Option<String> {
    if edits.is_empty() {
        return None;
    }
    let mut edits: Vec<&Edit> = edits.iter().collect();
    edits.sort_by_key(|edit| std::cmp::Reverse(edit.span.start));
    let mut fixed = text.to_owned();
    for edit in edits {
        if edit.span.end > fixed.len()
            || edit.span.start > edit.span.end
            || !fixed.is_char_boundary(edit.span.start)
            || !fixed.is_char_boundary(edit.span.end)
        {
            return None;
        }
        fixed.replace_range(edit.span.clone(), &edit.replacement);
    }
    Some(fixed)
}

/// Where each line of a text starts, so that any offset's line is found by a binary search
/// instead of a scan from the text's start: one index serves every finding in a text.
pub struct LineIndex<'a> {
    text: &'a str,
    /// The byte offset where each line starts, the first (0) included.
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let breaks = text.bytes().enumerate().filter(|(_, b)| *b == b'\n');
        let starts = std::iter::once(0)
            .chain(breaks.map(|(index, _)| index + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// The 0-based number of the line that byte `offset` is on (the last line for offsets past
    /// the text's end).
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|start| *start <= offset) - 1
    }

    /// The lines (0-based numbers) that the bytes `span` are on; for an empty span, the
    /// line it sits on.
    pub fn lines_of(&self, span: &Range<usize>) -> Range<usize> {
        let first = self.line(span.start);
        let last = self.line(span.end.saturating_sub(1).max(span.start));
        first..last + 1
    }

    /// The byte offset where line `line` (0-based, as [`LineIndex::line`] numbers it) starts.
    pub fn start(&self, line: usize) -> usize {
        self.starts[line]
    }

    /// The 1-based line and column (in characters) of byte `offset` (an offset inside a
    /// character counts as that character's start, one past the end as the end).
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset);
        let line = self.line(offset);
        let column = self.text[self.starts[line]..offset].chars().count() + 1;
        (line + 1, column)
    }
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
    QwenSettings,
}

impl Kind {
    pub const ALL: [Kind; 13] = [
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
        Kind::QwenSettings,
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
            Kind::QwenSettings => "qwen-settings",
        }
    }

    /// Whether the text is one value (a URL, a key, a model's name) rather than a file.
    pub fn is_one_value(self) -> bool {
        matches!(self, Kind::Url | Kind::Key | Kind::Model)
    }

    pub fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.id() == id)
    }

    /// The kind of a file `client`'s setup writes, when the doctor reads it.
    pub fn for_file(client: Client, file_name: &str) -> Option<Kind> {
        Some(match (client, file_name) {
            (Client::Codex, "config.toml") => Kind::CodexConfig,
            (Client::Codex, "auth.json") => Kind::CodexAuth,
            (Client::ClaudeCode, "settings.json") => Kind::ClaudeSettings,
            (Client::QwenCode, "settings.json") => Kind::QwenSettings,
            _ => return None,
        })
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
            Kind::QwenSettings => Msg::KindQwenSettings,
        }
    }
}

/// What the checks know besides the text: the relay, and the client it is meant for.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub profile: &'a Profile,
    /// The client the text is for, when known: it decides, for example, whether `/v1` in a
    /// base URL is expected or doubled, or whether a space around a key is trimmed. Without
    /// one, values are judged for the strictest client that could read them.
    pub client: Option<Client>,
}

impl Context<'_> {
    /// The same relay, for `client`.
    pub fn for_client(&self, client: Client) -> Context<'_> {
        Context {
            client: Some(client),
            ..*self
        }
    }
}

/// A value typed into one of the page's fields (or given as an option to `onramp generate`)
/// while a client is being set up. Each is judged for that client: whether it trims a space
/// around the key, whether it adds `/v1` itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Key,
    /// The relay's base URL, to which the setup adds the client's own path.
    BaseUrl,
    Model,
}

impl Field {
    /// The findings for `text` typed into this field while `client` is set up for the relay of
    /// `profile`. The page and the CLI both judge their fields here, so that they agree.
    pub fn check(self, text: &str, profile: &Profile, client: Client) -> Checked {
        let context = Context {
            profile,
            client: Some(client),
        };
        match self {
            Field::Key => key::check(text, &context),
            Field::BaseUrl => url::check_relay_base_url(text, &context),
            Field::Model => model::check(text, &context),
        }
    }
}

/// What one checker found in one text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checked {
    pub findings: Vec<Finding>,
    /// Byte ranges that hold a key: mask them wherever the text is shown.
    pub secrets: Vec<Range<usize>>,
}

impl From<Vec<Finding>> for Checked {
    fn from(findings: Vec<Finding>) -> Self {
        Checked {
            findings,
            secrets: Vec::new(),
        }
    }
}

/// The one shape of every checker: a text and what is known about it, in; findings and the
/// secrets' places, out.
pub type Checker = fn(&str, &Context) -> Checked;

impl Kind {
    /// The checker that reads this kind of input.
    pub fn checker(self) -> Checker {
        match self {
            Kind::Url => url::check,
            Kind::Key => key::check,
            Kind::Model => model::check,
            Kind::CodexConfig => codex_config::check,
            Kind::CodexAuth => codex_auth::check,
            Kind::ClaudeSettings => claude_settings::check,
            Kind::EnvBash => env::check_bash,
            Kind::EnvFish => env::check_fish,
            Kind::EnvPowerShell => env::check_powershell,
            Kind::EnvCmd => env::check_cmd,
            Kind::DotEnv => env::check_dotenv,
            Kind::CherryLink => cherry_link::check,
            Kind::QwenSettings => qwen_settings::check,
        }
    }
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

    /// How many findings have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|finding| finding.rule.severity == severity)
            .count()
    }
}

declare_rules! {
    /// More than [`MAX_INPUT_BYTES`]: not checked at all.
    TOO_LARGE {
        code: "input/too-large",
        severity: Warning,
        evidence: Heuristic("onramp checks at most 1 MiB; no client's settings are that large"),
        message: Text {
            en: "This is too large to check (over 1 MiB).",
            zh: "内容太大，无法检查（超过 1 MiB）。",
        },
        why: Text {
            en: "No client's settings are that large: paste only the file or the lines in question.",
            zh: "客户端的配置不会这么大：请只粘贴相关的文件或那几行。",
        },
        fix: None,
    }
}

/// Checks `text` as `kind`, or as the kind [`detect::detect`] recognises.
pub fn check(text: &str, kind: Option<Kind>, context: &Context) -> Report {
    let kind = kind.unwrap_or_else(|| detect::detect(text, context.profile));
    if text.len() > MAX_INPUT_BYTES {
        return Report {
            kind,
            findings: vec![Finding::new(&TOO_LARGE, 0..0)],
            secrets: Vec::new(),
        };
    }
    // A value saved in a file ends with a line break that is not part of the value.
    let text = if kind.is_one_value() {
        text.strip_suffix('\n')
            .map_or(text, |t| t.strip_suffix('\r').unwrap_or(t))
    } else {
        text
    };
    let Checked {
        mut findings,
        mut secrets,
    } = kind.checker()(text, context);
    // A file that does not parse gives its checker no idea where its key is: whatever looks
    // like a key is masked as well, so that no way of showing the text can leak one.
    secrets.extend(keylike_tokens(text));
    findings.sort_by_key(|finding| (finding.span.start, finding.span.end));
    findings.dedup_by(|a, b| a.rule.code == b.rule.code && a.span == b.span);
    findings.truncate(MAX_FINDINGS);
    Report {
        kind,
        findings,
        secrets,
    }
}

/// Byte ranges of the tokens in `text` that look like keys wherever they are: a word that
/// starts like the keys of most services (`sk-`, `sk_`), or a long run of letters and digits
/// (32 or more, both kinds), longer than model names and host names get.
pub fn keylike_tokens(text: &str) -> Vec<Range<usize>> {
    // Bytes, not chars: a key's characters are ASCII, and no byte of a longer UTF-8 character
    // is. No token is copied: this runs over every byte of every paste.
    let is_key_byte = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_');
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut offset = 0;
    while offset < bytes.len() {
        if !is_key_byte(bytes[offset]) {
            offset += 1;
            continue;
        }
        let from = offset;
        while offset < bytes.len() && is_key_byte(bytes[offset]) {
            offset += 1;
        }
        let token = &bytes[from..offset];
        let prefixed = token.len() > 6
            && (token[..3].eq_ignore_ascii_case(b"sk-") || token[..3].eq_ignore_ascii_case(b"sk_"));
        let long = token.len() >= 32
            && token.iter().any(u8::is_ascii_digit)
            && token.iter().any(u8::is_ascii_alphabetic);
        if prefixed || long {
            tokens.push(from..offset);
        }
    }
    tokens
}

/// Every rule of the doctor, from the lists of the modules that own them.
pub fn rules() -> impl Iterator<Item = &'static Rule> {
    [
        RULES,
        url::RULES,
        key::RULES,
        model::RULES,
        json_text::RULES,
        codex_config::RULES,
        codex_auth::RULES,
        claude_settings::RULES,
        env::RULES,
        cherry_link::RULES,
        qwen_settings::RULES,
    ]
    .into_iter()
    .flatten()
    .copied()
}

/// What [`fix_all`] made of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixAll {
    /// The text with every fix made.
    pub text: String,
    /// How many times the text was checked: the last check is the one that found no fix left
    /// to make (or the bound was hit).
    pub passes: usize,
}

/// The most checks [`fix_all`] makes, so that two fixes can never undo each other forever.
const MAX_FIX_PASSES: usize = 64;

/// `text` with the fixes of its findings applied, as ruff applies its fixes: each pass checks
/// the text once and makes every fix that edits no line a fix taken before it in that pass
/// edits, first findings first; the others are found again, on the fixed text, by the next
/// pass. Passes repeat until no finding has a fix left (or [`MAX_FIX_PASSES`] is hit).
///
/// Fixes on one line wait for each other, not only fixes whose edits overlap: the checks read
/// a line (an assignment, a setting) as a whole, so one fix there can change what another
/// should be. A value on its own is read whole however many lines it has, so its fixes are
/// made one per pass: removing both quotes after a URL in one pass, say, differs from
/// removing one and checking again, which finds the other paired with the quote before it.
pub fn fix_all(text: &str, kind: Kind, context: &Context) -> FixAll {
    let mut fixed = text.to_owned();
    let mut passes = 0;
    while passes < MAX_FIX_PASSES {
        let report = check(&fixed, Some(kind), context);
        passes += 1;
        match apply_fixes_on_other_lines(&fixed, &report.findings, kind.is_one_value()) {
            Some(next) if next != fixed => fixed = next,
            _ => break,
        }
    }
    FixAll {
        text: fixed,
        passes,
    }
}

/// `text` with the fixes made of every finding in `findings` whose edits fit `text` and edit
/// no line that the edits of a finding taken before it edit (when `one_value`, the text
/// counts as one line); `None` when no finding has a fix that fits.
fn apply_fixes_on_other_lines(text: &str, findings: &[Finding], one_value: bool) -> Option<String> {
    // The index of a text without line breaks puts every offset on its one line.
    let lines = LineIndex::new(if one_value { "" } else { text });
    let mut claimed = ClaimedLines::default();
    let mut edits = Vec::new();
    for finding in findings {
        let edited: Vec<Range<usize>> = finding
            .edits
            .iter()
            .map(|edit| lines.lines_of(&edit.span))
            .collect();
        let free = !finding.edits.is_empty()
            && edits_fit(text, &finding.edits)
            && !edited.iter().any(|lines| claimed.meets(lines));
        if free {
            for lines in &edited {
                claimed.claim(lines);
            }
            edits.extend(finding.edits.iter().cloned());
        }
    }
    apply_edits(text, &edits)
}

/// Whether [`apply_edits`] would make `edits` on `text`, checked without copying `text`
/// where the edits lie apart from each other (all but none do).
fn edits_fit(text: &str, edits: &[Edit]) -> bool {
    let fits = |span: &Range<usize>| {
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    };
    let mut spans: Vec<&Range<usize>> = edits.iter().map(|edit| &edit.span).collect();
    spans.sort_by_key(|span| span.start);
    let apart = spans
        .windows(2)
        .all(|pair| pair[0].end <= pair[1].start && pair[0].start < pair[1].start);
    if apart {
        spans.into_iter().all(fits)
    } else {
        apply_edits(text, edits).is_some()
    }
}

/// The lines (0-based numbers, each range of them non-empty) that the edits taken so far in
/// one pass edit, sorted and apart from each other.
#[derive(Default)]
struct ClaimedLines {
    ranges: Vec<Range<usize>>,
}

impl ClaimedLines {
    /// Whether a claimed range shares a line with `lines`. Of the claimed ranges that start
    /// before `lines` ends, the last one ends furthest, since they are apart and sorted.
    fn meets(&self, lines: &Range<usize>) -> bool {
        let before_end = self.ranges.partition_point(|range| range.start < lines.end);
        before_end > 0 && self.ranges[before_end - 1].end > lines.start
    }

    fn claim(&mut self, lines: &Range<usize>) {
        let first = self
            .ranges
            .partition_point(|range| range.end <= lines.start);
        let last = self.ranges.partition_point(|range| range.start < lines.end);
        let merged = self.ranges[first..last]
            .iter()
            .fold(lines.clone(), |hull, range| {
                hull.start.min(range.start)..hull.end.max(range.end)
            });
        self.ranges.splice(first..last, [merged]);
    }
}

/// `text` with every secret span masked: all but the last 4 characters become `•`, except
/// blanks, which stay visible (they are what many findings about a key point at) and tell
/// nothing about the key.
pub fn mask(text: &str, secrets: &[Range<usize>]) -> String {
    Masked::new(text, secrets).text
}

/// A text with its secrets masked, and where each byte offset of the original falls in it,
/// so that spans found in the original can be shown on the masked text.
pub struct Masked {
    pub text: String,
    /// For each byte offset of the original (its length included), the offset in `text`.
    offsets: Vec<usize>,
}

impl Masked {
    /// In one pass over `text`, whatever the number of secrets: a paste of thousands of keys
    /// once took minutes here (every secret tried at every character).
    pub fn new(text: &str, secrets: &[Range<usize>]) -> Masked {
        let mut starts: Vec<&Range<usize>> = secrets.iter().filter(|s| !s.is_empty()).collect();
        starts.sort_by_key(|span| span.start);
        let mut starts = starts.into_iter().peekable();
        let mut masked = String::with_capacity(text.len());
        let mut offsets = Vec::with_capacity(text.len() + 1);
        // The secret being masked: where it ends, and how many of its characters other than
        // whitespace are left from here (its last four stay readable).
        let mut inside: Option<(usize, usize)> = None;
        for (offset, c) in text.char_indices() {
            inside = inside.filter(|(end, _)| offset < *end);
            while let Some(span) = starts.next_if(|span| span.start <= offset) {
                // Of overlapping secrets, the one reaching furthest is masked.
                if span.end > offset && inside.is_none_or(|(end, _)| span.end > end) {
                    let left = text.get(offset..span.end).map_or(0, |rest| {
                        rest.chars().filter(|c| !c.is_whitespace()).count()
                    });
                    inside = Some((span.end, left));
                }
            }
            let remaining = inside.map_or(0, |(_, left)| left);
            // Every byte of the character maps to where its replacement starts.
            offsets.extend(std::iter::repeat_n(masked.len(), c.len_utf8()));
            masked.push(if remaining > 4 && !c.is_whitespace() {
                '•'
            } else {
                c
            });
            if let Some((_, left)) = inside.as_mut().filter(|_| !c.is_whitespace()) {
                *left = left.saturating_sub(1);
            }
        }
        offsets.push(masked.len());
        Masked {
            text: masked,
            offsets,
        }
    }

    /// Where byte `offset` of the original is in the masked text.
    pub fn offset(&self, offset: usize) -> usize {
        self.offsets.get(offset).copied().unwrap_or(self.text.len())
    }

    /// Where the bytes `span` of the original are in the masked text.
    pub fn span(&self, span: &Range<usize>) -> Range<usize> {
        self.offset(span.start)..self.offset(span.end)
    }
}

/// Whether `name` can name an environment variable, and does not look like a key: what
/// settings that name a key's variable (Codex's `env_key`, Qwen Code's `envKey`) must hold.
pub(crate) fn is_variable_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !name.to_ascii_lowercase().starts_with("sk")
}

/// The span of the first character of `text` (empty for an empty text): where a finding
/// about a whole file points.
pub(crate) fn first_character(text: &str) -> Range<usize> {
    0..text.chars().next().map_or(0, char::len_utf8)
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
        #[cfg(not(target_arch = "wasm32"))]
        evidence: Evidence::Heuristic("a test"),
        message: Text { en: "a", zh: "甲" },
        why: Text { en: "b", zh: "乙" },
        fix_label: Some(fix::REMOVE),
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
    fn the_edit_between_two_texts_is_the_smallest_one() {
        let cases = [
            ("abc", "abc", 3..3, ""),
            ("a = 1\n", "a = 1\nb = 2\n", 6..6, "b = 2\n"),
            ("{ x }", "{ x , y }", 4..4, ", y "),
            ("aaa", "aa", 2..3, ""),
            ("é1é", "é2é", 2..3, "2"),
        ];
        for (old, new, span, replacement) in cases {
            let edit = Edit::between(old, new);
            assert_eq!(
                (edit.span.clone(), edit.replacement.as_str()),
                (span, replacement)
            );
            let mut applied = old.to_owned();
            applied.replace_range(edit.span, &edit.replacement);
            assert_eq!(applied, new);
        }
    }

    #[test]
    fn the_fixes_of_one_value_wait_for_each_other_whatever_its_lines() {
        let context = testing::context();
        // Once the quote after the host is removed, the next one pairs with the quote in the
        // host and stays: removing both in one pass would lose that.
        let quoted = fix_all("https://a\"b.com\".\".", Kind::Url, &context);
        assert_eq!(quoted.text, "https://a\"b.com\".");
        assert_eq!(quoted.passes, 3);
        // Once the first line break is removed, the full stop before the second one is inside
        // the URL: removing the last full stop in the same pass would lose the one after `b`.
        let broken = fix_all("https://a.com.\nb.\n.", Kind::Url, &context);
        assert_eq!(broken.text, "https://a.com.b.");
        assert_eq!(broken.passes, 4);
    }

    #[test]
    fn fixes_on_one_line_of_a_file_wait_for_each_other() {
        let text = "export OPENAI_BASE_URL = \"http://api.4096bytes.com\"\nOPENAI_API_KEY=x\n";
        let fixed = fix_all(text, Kind::EnvBash, &testing::context());
        assert_eq!(
            fixed.text,
            "export OPENAI_BASE_URL='https://api.4096bytes.com'\nexport OPENAI_API_KEY=x\n"
        );
        // The first line's two fixes, one per pass (the second line's with the first), then
        // the check that finds nothing left to fix.
        assert_eq!(fixed.passes, 3);
    }

    /// The line and column of `offset` counted by reading `text` from its start: what
    /// [`LineIndex`] must agree with.
    fn line_column(text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset);
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |index| index + 1);
        let line = before.matches('\n').count() + 1;
        (line, before[line_start..].chars().count() + 1)
    }

    #[test]
    fn a_line_index_places_offsets_as_a_scan_from_the_start_does() {
        let text = "ab\né三\n\nlast";
        let lines = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(
                lines.line_column(offset),
                line_column(text, offset),
                "at {offset}"
            );
        }
        assert_eq!(lines.lines_of(&(0..3)), 0..1, "a line with its line break");
        assert_eq!(
            lines.lines_of(&(3..3)),
            1..2,
            "an insertion at a line's start"
        );
        assert_eq!(lines.lines_of(&(1..4)), 0..2);
    }

    #[test]
    fn masking_keeps_the_last_four_characters_and_maps_offsets() {
        let text = "key = \"sk-é123456\" # ok";
        let secret = 7..18;
        let masked = Masked::new(text, std::slice::from_ref(&secret));
        assert_eq!(masked.text, "key = \"••••••3456\" # ok");
        assert_eq!(
            mask(" sk-secret-1234 ", std::slice::from_ref(&(0..16))),
            " ••••••••••1234 "
        );
        assert_eq!(&masked.text[masked.span(&(18..19))], "\"");
        assert_eq!(&masked.text[masked.span(&(14..18))], "3456");
        assert_eq!(masked.offset(text.len()), masked.text.len());
    }

    #[test]
    fn masking_in_one_pass_masks_as_trying_every_secret_at_every_character() {
        // What masking was before it took one pass, for secrets that do not overlap.
        fn every_secret_everywhere(text: &str, secrets: &[Range<usize>]) -> String {
            text.char_indices()
                .map(|(offset, c)| {
                    let remaining = secrets
                        .iter()
                        .find(|span| span.contains(&offset))
                        .and_then(|span| text.get(offset..span.end))
                        .map_or(0, |rest| {
                            rest.chars().filter(|c| !c.is_whitespace()).count()
                        });
                    if remaining > 4 && !c.is_whitespace() {
                        '•'
                    } else {
                        c
                    }
                })
                .collect()
        }
        let text = "a sk-one-1234567 b \"sk-two 89abcdef\" c sk-é三-00000000 d 令牌 sk-x";
        let find = |token: &str| text.find(token).map(|at| at..at + token.len()).unwrap();
        let secrets = [
            find("sk-é三-00000000"),
            find("sk-one-1234567"),
            find("sk-two 89abcdef"),
            find("sk-x"),
        ];
        for count in 0..=secrets.len() {
            let some = &secrets[..count];
            assert_eq!(
                Masked::new(text, some).text,
                every_secret_everywhere(text, some)
            );
        }
        // Overlapping secrets: the one reaching furthest is masked, so nothing shows.
        let masked = Masked::new(text, &[find("sk-one-1234567"), find("sk-one")]);
        assert_eq!(
            masked.text,
            every_secret_everywhere(text, &[find("sk-one-1234567")])
        );
        // A secret beyond the text, or empty, changes nothing.
        assert_eq!(Masked::new(text, &[5..5, 900..901]).text, text);
    }

    #[test]
    fn keys_are_masked_even_where_the_text_does_not_parse() {
        let text = "{\"OPENAI_API_KEY\": \"sk-secret-abcdef1234 \",}\nmodel = claude-sonnet-4-5";
        let tokens: Vec<_> = keylike_tokens(text)
            .into_iter()
            .map(|span| &text[span])
            .collect();
        assert_eq!(tokens, ["sk-secret-abcdef1234"]);
        let long = "token a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5 end";
        let tokens = keylike_tokens(long);
        assert_eq!(tokens.len(), 1);
        assert_eq!(
            &long[tokens[0].clone()],
            "a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5"
        );
        // Characters beyond ASCII end a token, and a token may end the text.
        let text = "ключ=sk-abcdefgh€SK_ABCDEFGH";
        let tokens: Vec<_> = keylike_tokens(text)
            .into_iter()
            .map(|span| &text[span])
            .collect();
        assert_eq!(tokens, ["sk-abcdefgh", "SK_ABCDEFGH"]);
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        assert_eq!(char_position("héllo", 0), 1);
        assert_eq!(char_position("héllo", 3), 3);
    }
}
