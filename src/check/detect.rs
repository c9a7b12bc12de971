//! Telling what was pasted, so that people need not say it.

use super::Kind;

/// The kind of `text`, judged from its shape; anything unrecognised is taken as a model name.
pub fn detect(text: &str) -> Kind {
    let trimmed = text
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
        .trim_end();
    let lower = trimmed.to_ascii_lowercase();
    if lower.starts_with("cherrystudio://") {
        return Kind::CherryLink;
    }
    if trimmed.starts_with('{') || trimmed.starts_with('“') {
        return if lower.contains("anthropic_") || lower.contains("\"env\"") {
            Kind::ClaudeSettings
        } else {
            Kind::CodexAuth
        };
    }
    let lines: Vec<&str> = trimmed
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    if lines
        .iter()
        .any(|line| line.starts_with('[') && line.ends_with(']'))
        || lines.iter().any(|line| is_toml_setting(line))
    {
        return Kind::CodexConfig;
    }
    if let Some(kind) = shell_kind(&lines) {
        return kind;
    }
    if lines.len() > 1 || lines.first().is_some_and(|line| is_dotenv_line(line)) {
        return Kind::DotEnv;
    }
    single_value(trimmed)
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

/// The shell whose syntax most lines use.
fn shell_kind(lines: &[&str]) -> Option<Kind> {
    let mut counts = [0usize; 4];
    for line in lines {
        let lower = line.to_ascii_lowercase();
        let index = if lower.starts_with("$env:")
            || lower.starts_with("[environment]::")
            || lower.starts_with("remove-item env:")
        {
            2
        } else if lower.starts_with("set -") || lower.starts_with("set --") {
            1
        } else if lower.starts_with("setx ") || (lower.starts_with("set ") && is_cmd_set(&lower)) {
            3
        } else if lower.starts_with("set ") {
            1
        } else if lower.starts_with("export ") || lower.starts_with("unset ") {
            0
        } else {
            continue;
        };
        counts[index] += 1;
    }
    let (index, count) = counts.iter().enumerate().max_by_key(|(_, count)| **count)?;
    (*count > 0).then_some(
        [
            Kind::EnvBash,
            Kind::EnvFish,
            Kind::EnvPowerShell,
            Kind::EnvCmd,
        ][index],
    )
}

/// cmd's `set NAME=value`, `set "NAME=value"` or `set NAME = value`, as opposed to fish's
/// `set NAME value`.
fn is_cmd_set(line: &str) -> bool {
    let mut words = line.split_whitespace().skip(1);
    let name = words.next().unwrap_or_default();
    name.contains('=')
        || name.starts_with('"')
        || words.next().is_some_and(|word| word.starts_with('='))
}

/// One value: a URL, a key or a model name.
fn single_value(text: &str) -> Kind {
    let lower = text.to_ascii_lowercase();
    let core = lower.trim_matches(|c: char| super::url::QUOTES.contains(&c));
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
        for (text, kind) in cases {
            assert_eq!(detect(text), kind, "{text:?}");
        }
    }
}
