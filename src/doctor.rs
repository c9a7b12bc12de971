//! The doctor as a service: a request in plain data in, an answer in plain data out.
//!
//! The page sends its requests to a Web Worker (`worker`, a second wasm module) that answers
//! them with [`answer`]: the parser and the rules load only when the doctor is used, checking
//! a megabyte never blocks typing, and a panic ends the worker, not the page. Everything
//! crosses as JSON text, so a [`Diagnostic`] carries what the page shows of a finding (its
//! texts in both languages, its span and its fix) rather than a reference to a rule. The
//! relay's profile crosses once, as its own [`Message`], not with every request: it is most
//! of a request's bytes (the relay's symptoms), and a request goes with every keystroke.

use crate::check::{self, Context, Edit, Finding, Kind, Severity};
use crate::clients::{Client, Values};
use crate::i18n::Texts;
use crate::merge::{self, Change, MergeTarget};
use crate::profile::Profile;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// What the page posts to the doctor's worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Message {
    /// The relay the page is for (the built-in one, or an operator's): sent when the worker
    /// starts, before any request, and again only if it changes. No answer.
    Profile(Box<Profile>),
    /// Answered with an [`Answer`] carrying its id.
    Request(Request),
}

/// The [`Message::Profile`] for the profile written as `profile_json`, as serde writes that
/// message, without reading the profile and writing it out again: the page hands the worker
/// the text it read its profile from.
pub fn profile_message(profile_json: &str) -> String {
    format!("{{\"Profile\":{profile_json}}}")
}

/// What the page asks of the doctor, about the relay of the last [`Message::Profile`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// Echoed in the answer, so that the page can drop answers to requests it no longer waits
    /// for (those a worker that stopped was still working on).
    pub id: u64,
    pub text: String,
    /// The kind's id; recognised from the text when absent.
    pub kind: Option<String>,
    /// The client's id, when the text is for a known client.
    pub client: Option<String>,
    pub task: Task,
}

/// What to do with the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Task {
    /// Find the mistakes.
    Check,
    /// Apply every fix, then find what is left.
    FixAll,
    /// Merge the relay's settings, with these values, into the text: the file named by
    /// `target` (a [`merge::MergeTarget`] id).
    Merge { target: String, values: Values },
}

/// What the doctor answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub id: u64,
    /// The id of the kind the text was checked as.
    pub kind: String,
    /// The fixed or merged text the findings are about, when the task changed the one sent;
    /// `None` when they are about the text sent, which then does not cross back (a check is
    /// most of the requests, one per pause in typing, and its text can be a megabyte).
    pub text: Option<String>,
    pub findings: Vec<Diagnostic>,
    /// Where keys sit in `text`: mask them wherever it is shown.
    pub secrets: Vec<Range<usize>>,
    /// What a merge changed, when one was asked for and done.
    pub changes: Option<Vec<Change>>,
    /// Why a merge was refused: the findings that keep the file from being merged into.
    pub refused: Option<Vec<Diagnostic>>,
}

/// A finding as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub code: String,
    pub severity: Severity,
    pub message: Texts,
    pub why: Texts,
    /// The fix's label, when the finding has a fix.
    pub fix: Option<Texts>,
    /// Byte range in the text.
    pub span: Range<usize>,
    pub edits: Vec<Edit>,
}

impl Diagnostic {
    /// `text` with this finding's fix applied, if it has one that fits.
    pub fn apply_fix(&self, text: &str) -> Option<String> {
        check::apply_edits(text, &self.edits)
    }
}

impl From<&Finding> for Diagnostic {
    fn from(finding: &Finding) -> Self {
        let rule = finding.rule;
        let fix = rule
            .fix_label
            .filter(|_| !finding.edits.is_empty())
            .map(Texts::from);
        Diagnostic {
            code: rule.code.to_owned(),
            severity: rule.severity,
            message: rule.message.into(),
            why: rule.why.into(),
            fix,
            span: finding.span.clone(),
            edits: finding.edits.clone(),
        }
    }
}

/// Answers one request about the relay of `profile`.
pub fn answer(request: &Request, profile: &Profile) -> Answer {
    let context = Context {
        profile,
        client: request.client.as_deref().and_then(Client::from_id),
    };
    let chosen = request.kind.as_deref().and_then(Kind::from_id);
    // The text the task made, if it made one: a check reads the text sent as it is.
    let mut made = None::<String>;
    let (mut changes, mut refused) = (None, None);
    match &request.task {
        Task::Check => {}
        Task::FixAll => {
            let kind = chosen.unwrap_or_else(|| check::detect::detect(&request.text, profile));
            made = Some(check::fix_all(&request.text, kind, &context).text);
        }
        Task::Merge { target, values } => {
            let merged = match MergeTarget::from_id(target) {
                Some(target) => merge::merge(target, &request.text, profile, values),
                None => Err(Vec::new()),
            };
            match merged {
                Ok(merged) => {
                    made = Some(merged.text);
                    changes = Some(merged.changes);
                }
                Err(findings) => refused = Some(findings.iter().map(Diagnostic::from).collect()),
            }
        }
    }
    // A merged file is checked as what it is, where the doctor reads that kind of file.
    let kind = match (&request.task, &changes) {
        (Task::Merge { target, .. }, Some(_)) => {
            MergeTarget::from_id(target).and_then(|target| target.file().1.kind)
        }
        _ => None,
    }
    .or(chosen);
    let text = made.as_deref().unwrap_or(&request.text);
    let report = check::check(text, kind, &context);
    Answer {
        id: request.id,
        kind: report.kind.id().to_owned(),
        findings: report.findings.iter().map(Diagnostic::from).collect(),
        secrets: report.secrets,
        text: made.filter(|made| *made != request.text),
        changes,
        refused,
    }
}

/// An answer for a request that could not be read: nothing found, nothing changed. A worker
/// that cannot read a message at all answers with id 0.
pub fn unreadable(id: u64) -> Answer {
    Answer {
        id,
        kind: Kind::Model.id().to_owned(),
        text: None,
        findings: Vec::new(),
        secrets: Vec::new(),
        changes: None,
        refused: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(text: &str, task: Task) -> Request {
        Request {
            id: 7,
            text: text.to_owned(),
            kind: None,
            client: None,
            task,
        }
    }

    /// The answer to `request(text, task)` about the built-in relay.
    fn answered(text: &str, task: Task) -> Answer {
        answer(&request(text, task), &Profile::builtin())
    }

    #[test]
    fn the_profile_crosses_once_and_a_request_carries_only_its_text() {
        let profile = Profile::builtin();
        let sent = |message: &Message| serde_json::to_string(message).unwrap();
        let profile_message = sent(&Message::Profile(Box::new(profile.clone())));
        let request_message = sent(&Message::Request(request("model = \"o3\"\n", Task::Check)));
        // The relay's symptoms make the profile tens of kilobytes; a keystroke's request is a
        // few hundred bytes plus its text.
        assert!(profile_message.len() > 10_000, "{}", profile_message.len());
        assert!(request_message.len() < 300, "{request_message}");
        let read = |json: &str| serde_json::from_str::<Message>(json).unwrap();
        assert_eq!(read(&profile_message), Message::Profile(Box::new(profile)));
        assert!(matches!(
            read(&request_message),
            Message::Request(Request { id: 7, .. })
        ));
    }

    #[test]
    fn the_profile_crosses_as_the_text_it_was_read_from() {
        let json = Profile::builtin_json();
        let message = serde_json::from_str::<Message>(&profile_message(json)).unwrap();
        assert_eq!(message, Message::Profile(Box::new(Profile::builtin())));
        let written = serde_json::to_string(&Message::Profile(Box::new(Profile::builtin())));
        let read_back = serde_json::from_str::<Message>(&written.unwrap()).unwrap();
        assert_eq!(message, read_back);
    }

    /// What crosses to the worker and back is JSON text: a round trip must not change it.
    fn across(answer: &Answer) -> Answer {
        serde_json::from_str(&serde_json::to_string(answer).unwrap()).unwrap()
    }

    #[test]
    fn a_check_names_the_kind_and_carries_the_texts_of_its_findings() {
        let text = "{\n  \"OPENAI_API_KEY\": \"sk-doctor-0123456789\",\n}\n";
        let answer = across(&answered(text, Task::Check));
        assert_eq!(answer.id, 7);
        assert_eq!(answer.kind, "codex-auth");
        // The findings are about the text sent, which does not come back.
        assert_eq!(answer.text, None);
        let comma = &answer.findings[0];
        assert_eq!(comma.code, "json/trailing-comma");
        assert_eq!(comma.severity, Severity::Error);
        assert!(comma.message.zh.contains("逗号"));
        assert!(comma.fix.is_some());
        assert_eq!(
            comma.apply_fix(text).as_deref(),
            Some("{\n  \"OPENAI_API_KEY\": \"sk-doctor-0123456789\"\n}\n")
        );
        assert!(
            answer
                .secrets
                .iter()
                .any(|span| &text[span.clone()] == "sk-doctor-0123456789")
        );
    }

    #[test]
    fn fix_all_answers_with_the_fixed_text_and_what_is_left() {
        let answer = answered(
            "http://api.4096bytes.com/v1/chat/completions ",
            Task::FixAll,
        );
        assert_eq!(answer.text.as_deref(), Some("https://api.4096bytes.com/v1"));
        assert!(answer.findings.is_empty(), "{:?}", answer.findings);
        // Nothing to fix: the text stays where it is.
        let clean = answered("https://api.4096bytes.com/v1", Task::FixAll);
        assert_eq!(clean.text, None);
    }

    #[test]
    fn a_merge_answers_with_its_changes_or_why_it_was_refused() {
        let values = Values {
            model: "gpt-5.5".into(),
            ..Values::default()
        };
        let into_codex_config = |values: &Values| Task::Merge {
            target: MergeTarget::CodexConfig.id().to_owned(),
            values: values.clone(),
        };
        let merged = across(&answered("model = \"o3\"\n", into_codex_config(&values)));
        assert_eq!(merged.kind, "codex-config");
        assert!(merged.text.unwrap().contains("[model_providers.OpenAI]"));
        assert_eq!(merged.changes.as_ref().unwrap()[0].key, "model");
        let refused = answered("model_providers = 1\n", into_codex_config(&values));
        assert_eq!(refused.refused.unwrap()[0].code, "codex/not-a-table");
        assert!(refused.changes.is_none());
    }
}
