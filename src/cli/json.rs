//! What `--json` prints: one serialised shape per command's output (a finding and its fix, a
//! report, a rule, a snippet, a client), each built here from the core's types, in the
//! terminal's language. `rules` and `clients` print the same shapes for people as well.
//!
//! These are the CLI's own contract with scripts: lines and columns rather than byte spans,
//! one language, replacements masked where they touch a key; the worker's
//! [`crate::doctor::Diagnostic`] is another shape of a finding, for the page.

use crate::check::{self, LineIndex, Report, Severity};
use crate::clients::{Client, Setup, SnippetKind};
use crate::i18n::Lang;
use crate::platform::Format;
use crate::profile::Profile;
use crate::shell::Scope;
use crate::shell::Shell;
use serde::Serialize;
use std::process::ExitCode;

/// A finding as printed by `check --json`: positions, never the text (keys stay masked).
#[derive(Serialize)]
struct JsonFinding {
    code: &'static str,
    severity: &'static str,
    evidence: JsonEvidence,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    message: &'static str,
    why: &'static str,
    fix: Option<JsonFix>,
}

/// Where a rule's severity comes from.
#[derive(Serialize)]
pub(super) struct JsonEvidence {
    /// `client` (a real client's run), `source` (the client's source code), `relay` (the
    /// relay's docs or profile) or `heuristic` (a guess, never an error).
    pub(super) kind: &'static str,
    pub(super) source: &'static str,
}

/// A rule as printed by `rules --json`.
#[derive(Serialize)]
pub(super) struct JsonRule {
    pub(super) code: &'static str,
    pub(super) severity: &'static str,
    pub(super) evidence: JsonEvidence,
    pub(super) message: &'static str,
    pub(super) why: &'static str,
    pub(super) fix: Option<&'static str>,
    /// The ids of the relay's symptoms this rule explains.
    pub(super) symptoms: Vec<String>,
}

#[derive(Serialize)]
struct JsonFix {
    label: &'static str,
    edits: Vec<JsonEdit>,
}

#[derive(Serialize)]
struct JsonEdit {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    /// Masked like the key when the edit touches one.
    replacement: String,
}

#[derive(Serialize)]
pub(super) struct JsonReport {
    kind: &'static str,
    errors: usize,
    warnings: usize,
    findings: Vec<JsonFinding>,
}

/// A snippet as printed by `generate --json`.
#[derive(Serialize)]
pub(super) struct JsonSnippet<'a> {
    /// The id of the alternative it belongs to (`auth-json`, `env-session`…), or `install`
    /// for how to install the client, which comes before them all.
    section: &'static str,
    /// `file`, `commands`, `value` (to paste into a settings screen) or `link` (to open).
    kind: &'static str,
    /// Where a file goes; `null` for the other kinds.
    path: Option<&'a str>,
    /// What the snippet is headed with: the path, the shell or the settings field.
    heading: String,
    /// The shell commands are for; `null` for files.
    shell: Option<&'static str>,
    /// For commands that set variables, for how long: `session` (paste them into the terminal
    /// the client is started from) or `persistent` (for every new terminal); `null` for a
    /// command to run.
    scope: Option<&'static str>,
    file_name: &'static str,
    format: Format,
    content: &'a str,
    notes: Vec<&'static str>,
}

/// A client as printed by `clients --json`.
#[derive(Serialize)]
pub(super) struct JsonClient {
    pub(super) id: &'static str,
    pub(super) name: &'static str,
    pub(super) systems: Vec<JsonSystem>,
}

#[derive(Serialize)]
pub(super) struct JsonSystem {
    pub(super) os: &'static str,
    pub(super) shells: Vec<&'static str>,
}

/// `value` as pretty JSON on standard output.
pub(super) fn print(value: &impl Serialize) -> ExitCode {
    match serde_json::to_string_pretty(value) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: could not write JSON: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The report of checking `text`, with lines and columns counted in it.
pub(super) fn report(report: &Report, text: &str, lang: Lang) -> JsonReport {
    let lines = LineIndex::new(text);
    let position = |offset: usize| lines.line_column(offset);
    let touches_secret = |span: &std::ops::Range<usize>| {
        report
            .secrets
            .iter()
            .any(|secret| span.start < secret.end && secret.start < span.end.max(span.start + 1))
    };
    let findings = report
        .findings
        .iter()
        .map(|finding| {
            let (line, column) = position(finding.span.start);
            let (end_line, end_column) = position(finding.span.end);
            let fix = finding
                .rule
                .fix_label
                .filter(|_| !finding.edits.is_empty())
                .map(|label| JsonFix {
                    label: label.get(lang),
                    edits: finding
                        .edits
                        .iter()
                        .map(|edit| {
                            let (line, column) = position(edit.span.start);
                            let (end_line, end_column) = position(edit.span.end);
                            let replacement = if touches_secret(&edit.span) {
                                check::mask(
                                    &edit.replacement,
                                    std::slice::from_ref(&(0..edit.replacement.len())),
                                )
                            } else {
                                edit.replacement.clone()
                            };
                            JsonEdit {
                                line,
                                column,
                                end_line,
                                end_column,
                                replacement,
                            }
                        })
                        .collect(),
                });
            JsonFinding {
                code: finding.rule.code,
                severity: finding.rule.severity.as_str(),
                evidence: JsonEvidence {
                    kind: finding.rule.evidence.kind(),
                    source: finding.rule.evidence.source(),
                },
                line,
                column,
                end_line,
                end_column,
                message: finding.rule.message.get(lang),
                why: finding.rule.why.get(lang),
                fix,
            }
        })
        .collect();
    JsonReport {
        kind: report.kind.id(),
        errors: report.count(Severity::Error),
        warnings: report.count(Severity::Warning),
        findings,
    }
}

/// Every snippet of `setup`, the install steps first.
pub(super) fn snippets(setup: &Setup, lang: Lang) -> Vec<JsonSnippet<'_>> {
    let install = setup.install.iter().map(|snippet| ("install", snippet));
    let sections = setup
        .sections
        .iter()
        .flat_map(|section| section.snippets.iter().map(|snippet| (section.id, snippet)));
    install
        .chain(sections)
        .map(|(section, snippet)| {
            let (kind, path, shell, scope) = match &snippet.kind {
                SnippetKind::File { path, .. } => ("file", Some(path.as_str()), None, None),
                SnippetKind::Commands { shell, scope } => {
                    let scope = scope.map(|scope| match scope {
                        Scope::Session => "session",
                        Scope::Persistent => "persistent",
                    });
                    ("commands", None, Some(shell.id()), scope)
                }
                SnippetKind::Value { .. } => ("value", None, None, None),
                SnippetKind::Link { .. } => ("link", None, None, None),
            };
            JsonSnippet {
                section,
                kind,
                path,
                heading: snippet.heading(lang),
                shell,
                scope,
                file_name: snippet.file_name(),
                format: snippet.format,
                content: &snippet.content,
                notes: snippet.notes.iter().map(|note| note.text(lang)).collect(),
            }
        })
        .collect()
}

/// Every rule, with the symptoms of the built-in relay that it explains.
pub(super) fn rules(lang: Lang) -> Vec<JsonRule> {
    let profile = Profile::builtin();
    crate::rules()
        .map(|rule| JsonRule {
            code: rule.code,
            severity: rule.severity.as_str(),
            evidence: JsonEvidence {
                kind: rule.evidence.kind(),
                source: rule.evidence.source(),
            },
            message: rule.message.get(lang),
            why: rule.why.get(lang),
            fix: rule.fix_label.map(|label| label.get(lang)),
            symptoms: crate::symptoms::explained_by(rule.code, &profile)
                .iter()
                .map(|symptom| symptom.id.clone())
                .collect(),
        })
        .collect()
}

/// Every client, with the systems it runs on and each system's shells.
pub(super) fn clients() -> Vec<JsonClient> {
    Client::ALL
        .iter()
        .map(|client| JsonClient {
            id: client.id(),
            name: client.name(),
            systems: client
                .systems()
                .iter()
                .map(|os| JsonSystem {
                    os: os.id(),
                    shells: Shell::for_os(*os).iter().map(|s| s.id()).collect(),
                })
                .collect(),
        })
        .collect()
}
