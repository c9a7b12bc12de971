//! Telling what was pasted, so that people need not say it.

use super::Kind;
use crate::profile::Profile;
use crate::shell::Shell;

/// The kind of `text`, judged from its shape; anything unrecognised is taken as a model name.
/// The relay's own placeholders are recognised for what they stand for.
pub fn detect(text: &str, profile: &Profile) -> Kind {
    let trimmed = text
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
        .trim_end();
    // A kind that knows its own shape says so first.
    if let Some(kind) = Kind::ALL.into_iter().find(|kind| {
        kind.check_spec()
            .recognise
            .is_some_and(|recognise| recognise(trimmed))
    }) {
        return kind;
    }
    if trimmed
        .get(..15)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("cherrystudio://"))
    {
        return Kind::CherryLink;
    }
    // A JSON object, or an array of them pasted where an object belongs.
    let json_array = trimmed
        .strip_prefix('[')
        .is_some_and(|rest| rest.trim_start().starts_with(['{', '"']));
    if trimmed.starts_with('{') || trimmed.starts_with('“') || json_array {
        let lower = trimmed.to_ascii_lowercase();
        return if lower.contains("\"modelproviders\"") || lower.contains("\"$version\"") {
            Kind::QwenSettings
        } else if lower.contains("anthropic_") || lower.contains("\"env\"") {
            Kind::ClaudeSettings
        } else {
            Kind::CodexAuth
        };
    }
    // Lines are looked at one by one until one tells: a pasted config.toml is often long.
    let lines = || {
        trimmed
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
    };
    if lines().any(|line| (line.starts_with('[') && line.ends_with(']')) || is_toml_setting(line)) {
        return Kind::CodexConfig;
    }
    let lines: Vec<&str> = lines().collect();
    if let Some(kind) = shell_kind(&lines) {
        return kind;
    }
    // Assignments beside a command (`codex`, `A=1 python example.py`) are typed in a shell.
    if lines.iter().any(|line| is_dotenv_line(line))
        && lines.iter().any(|line| runs_a_program(line))
    {
        return Kind::EnvBash;
    }
    if lines.len() > 1 || lines.first().is_some_and(|line| is_dotenv_line(line)) {
        return Kind::DotEnv;
    }
    single_value(trimmed, profile)
}

/// `key = value` with TOML's spacing and a Codex setting name or a quoted value.
fn is_toml_setting(line: &str) -> bool {
    let Some((key, value)) = line.split_once(" = ") else {
        return false;
    };
    let key = key.trim();
    key.chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && (key.starts_with("model")
            || key == "base_url"
            || key == "wire_api"
            || value.trim_start().starts_with('"'))
}

fn is_dotenv_line(line: &str) -> bool {
    line.split_once('=').is_some_and(|(name, _)| {
        !name.is_empty()
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && name.chars().any(|c| c.is_ascii_uppercase())
    })
}

/// Whether `line` starts a program, perhaps after assignments for it: a lower-case word
/// that is not an assignment (`python example.py`, `OPENAI_API_KEY=… aider`).
fn runs_a_program(line: &str) -> bool {
    line.split_whitespace()
        .find(|word| !is_dotenv_line(word))
        .is_some_and(|word| {
            word.starts_with(|c: char| c.is_ascii_lowercase())
                && word
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '/'))
        })
}

/// The kind of the shell whose syntax most lines use.
fn shell_kind(lines: &[&str]) -> Option<Kind> {
    let mut counts = [0usize; Shell::ALL.len()];
    for shell in lines
        .iter()
        .filter_map(|line| Shell::setting_variable_in(line))
    {
        if let Some(index) = Shell::ALL.iter().position(|each| *each == shell) {
            counts[index] += 1;
        }
    }
    let (index, count) = counts.iter().enumerate().max_by_key(|(_, count)| **count)?;
    let shell = Shell::ALL.get(index)?;
    (*count > 0).then(|| Kind::for_shell(*shell)).flatten()
}

/// One value: a URL, a key or a model name.
fn single_value(text: &str, profile: &Profile) -> Kind {
    let lower = text.to_ascii_lowercase();
    let core = lower.trim_matches(|c: char| super::url::QUOTES.contains(&c));
    if core.eq_ignore_ascii_case(&profile.placeholders.api_key) {
        return Kind::Key;
    }
    if core.eq_ignore_ascii_case(&profile.placeholders.model) {
        return Kind::Model;
    }
    let host_like = core.split(['/', ':']).next().is_some_and(|host| {
        host.contains('.')
            && host
                .rsplit('.')
                .next()
                .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
    });
    if core.contains("://") || core.starts_with("http") || host_like {
        Kind::Url
    } else if core.starts_with("sk-")
        || core.starts_with("bearer ")
        || (core.len() >= 24 && !core.contains(['.', ' ']))
    {
        Kind::Key
    } else {
        Kind::Model
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_texts_are_recognised() {
        let cases = [
            ("https://api.4096bytes.com", Kind::Url),
            ("api.4096bytes.com/v1", Kind::Url),
            (" \"https://api.4096bytes.com\" ", Kind::Url),
            ("sk-abc123abc123abc123", Kind::Key),
            ("YOUR_4096BYTES_API_KEY", Kind::Key),
            ("PASTE_MODEL_NAME_FROM_DASHBOARD", Kind::Model),
            ("Bearer sk-abc", Kind::Key),
            ("gpt-5.5", Kind::Model),
            ("claude-sonnet-4-5", Kind::Model),
            (
                "model_provider = \"OpenAI\"\n[model_providers.OpenAI]\n",
                Kind::CodexConfig,
            ),
            ("[features]\ngoals = true\n", Kind::CodexConfig),
            ("{\n  \"OPENAI_API_KEY\": \"sk-1\"\n}", Kind::CodexAuth),
            ("\u{FEFF}{\"OPENAI_API_KEY\": \"sk-1\"}", Kind::CodexAuth),
            (
                "{\"env\": {\"ANTHROPIC_BASE_URL\": \"x\"}}",
                Kind::ClaudeSettings,
            ),
            (
                "export OPENAI_API_KEY=sk-1\nexport OPENAI_BASE_URL=x",
                Kind::EnvBash,
            ),
            ("set -gx OPENAI_API_KEY sk-1", Kind::EnvFish),
            ("set OPENAI_API_KEY sk-1", Kind::EnvFish),
            ("$env:OPENAI_API_KEY = 'sk-1'", Kind::EnvPowerShell),
            ("set OPENAI_API_KEY=sk-1", Kind::EnvCmd),
            ("setx OPENAI_API_KEY \"sk-1\"", Kind::EnvCmd),
            (
                "OPENAI_API_KEY=sk-1\nOPENAI_BASE_URL=https://x.example",
                Kind::DotEnv,
            ),
            (
                "cherrystudio://providers/api-keys?v=1&data=e30=",
                Kind::CherryLink,
            ),
        ];
        let profile = Profile::builtin();
        for (text, kind) in cases {
            assert_eq!(detect(text, &profile), kind, "{text:?}");
        }
    }
}
