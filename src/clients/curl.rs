//! A one-request smoke test: does the relay accept this key, URL and model the way a client
//! will use them? The request is the client's own: its API at the URL its setup states, the
//! key in the header it sends it in, the chosen model, and a minimal body. The command prints
//! the HTTP status, so that the answer can be read against the list of what each status means.

use super::{
    Api, Client, ClientSpec, JsonDialect, KeySpaces, Resolved, Section, Setup, Snippet, SnippetKind,
};
use crate::i18n::Msg;
use crate::platform::{Os, Target};
use crate::profile::{Profile, Protocol};
use crate::shell::{Shell, cmd, power_shell};

/// What each answer means, from the relay's troubleshooting page.
const ANSWERS: [Msg; 6] = [
    Msg::Answer200,
    Msg::Answer401,
    Msg::Answer403,
    Msg::Answer404,
    Msg::Answer429,
    Msg::AnswerModelNotFound,
];

/// The `anthropic-version` header Claude Code sends with every Messages request (the one
/// version of that API; `tests/claude_code_conformance.rs` compares it with the real client's).
pub const ANTHROPIC_VERSION: &str = "2023-06-01";

/// What is asked: short, so that the answer costs next to nothing.
const PROMPT: &str = "Say hello";

/// The most tokens the answer may take.
const MAX_TOKENS: u32 = 16;

/// What onramp knows of curl, for the registry (see the module docs of `clients`).
pub const SPEC: ClientSpec = ClientSpec {
    id: "curl",
    name: "curl",
    rank: 6,
    protocol: Protocol::OpenAi,
    systems: &Os::ALL,
    base_path: |clients| &clients.openai_compatible.base_path,
    appends_v1: false,
    // curl sends spaces and tabs at both ends of the key as typed.
    key_spaces: KeySpaces::Sent,
    trims_values: false,
    json: JsonDialect::STRICT,
    variables: &[],
    uses_shell: true,
    // curl's setup is the request that checks it already.
    check_step: false,
    files: &[],
    setup,
};

/// The curl client's own setup: the smoke test of the OpenAI-compatible chat endpoint, the one
/// every relay serves.
pub fn setup(profile: &Profile, values: &Resolved, target: Target) -> Setup {
    let base_url = Client::Curl.base_url(profile, values.base_url);
    let url = format!("{base_url}{}", Api::ChatCompletions.path(values.model));
    let mut section = check(Api::ChatCompletions, &url, values, target);
    section.id = "smoke-test";
    section.title = Msg::CurlTitle;
    Setup {
        install: install(target.shell),
        sections: vec![section],
        request_url: url,
        api: Api::ChatCompletions,
    }
}

/// curl comes with the system (macOS, Windows 10 and later as `curl.exe`, most Linux
/// distributions): the install step only checks that it is there.
fn install(shell: Shell) -> Vec<Snippet> {
    let version = match shell {
        Shell::Cmd => "curl.exe --version\n",
        Shell::Posix | Shell::Fish | Shell::PowerShell => "curl --version\n",
    };
    vec![Snippet::run(shell, version.to_owned()).with_notes([Msg::InstallCurlNote])]
}

/// The request `api` is called with: the headers besides the content type, and the JSON body.
fn request(api: Api, values: &Resolved) -> (Vec<(&'static str, String)>, String) {
    let bearer = ("Authorization", format!("Bearer {}", values.key));
    let messages = serde_json::json!([{"role": "user", "content": PROMPT}]);
    let (headers, body) = match api {
        Api::ChatCompletions => (
            vec![bearer],
            serde_json::json!({
                "model": values.model,
                "messages": messages,
                "max_tokens": MAX_TOKENS,
            }),
        ),
        Api::Responses => (
            vec![bearer],
            serde_json::json!({ "model": values.model, "input": PROMPT }),
        ),
        // Gemini CLI sends GEMINI_API_KEY in its own header, and the model in the URL.
        Api::StreamGenerateContent => (
            vec![("x-goog-api-key", values.key.to_owned())],
            serde_json::json!({
                "contents": [{"role": "user", "parts": [{"text": PROMPT}]}],
            }),
        ),
        // Claude Code sends ANTHROPIC_AUTH_TOKEN as a bearer token, never as x-api-key.
        Api::Messages => (
            vec![bearer, ("anthropic-version", ANTHROPIC_VERSION.to_owned())],
            serde_json::json!({
                "model": values.model,
                "max_tokens": MAX_TOKENS,
                "messages": messages,
            }),
        ),
    };
    (headers, body.to_string())
}

/// The section that checks a client's setup with one request: `api` at `url`, in the target's
/// shell, and what each answer means.
pub fn check(api: Api, url: &str, values: &Resolved, target: Target) -> Section {
    let (headers, body) = request(api, values);
    let mut notes = ANSWERS.to_vec();
    let snippets = match command(target.shell, url, &headers, &body) {
        Some(content) => vec![Snippet {
            kind: SnippetKind::Commands {
                shell: target.shell,
                scope: None,
            },
            format: target.shell.format(),
            content,
            notes: Vec::new(),
        }],
        None => {
            notes.insert(0, Msg::ShellCannotHoldValue);
            Vec::new()
        }
    };
    Section {
        id: "check",
        title: Msg::StepCheck,
        notes,
        snippets,
        next_step: Msg::CurlNextStep,
    }
}

const CONTENT_TYPE: &str = "Content-Type: application/json";

/// The command for `shell`, or `None` when the shell cannot pass a value on unchanged.
fn command(shell: Shell, url: &str, headers: &[(&str, String)], body: &str) -> Option<String> {
    let header_lines: Vec<String> = headers
        .iter()
        .map(|(name, value)| format!("{name}: {value}"))
        .chain([CONTENT_TYPE.to_owned()])
        .collect();
    Some(match shell {
        Shell::Posix | Shell::Fish => {
            let quote = shell.quoting();
            let mut lines = vec![format!("curl -sS {}", quote(url))];
            lines.extend(header_lines.iter().map(|h| format!("  -H {}", quote(h))));
            lines.push(format!("  -d {}", quote(body)));
            // curl's own `\n` in the format: one line to read, and the status on a line of
            // its own after the answer.
            lines.push(format!("  -w {}", quote(r"\nHTTP %{http_code}\n")));
            lines.join(" \\\n") + "\n"
        }
        // PowerShell's `curl` is an alias of Invoke-WebRequest, and Windows PowerShell 5.1
        // strips the quotes inside arguments to curl.exe, so the test uses PowerShell's own,
        // which reports the status of an answer and of a refusal alike.
        Shell::PowerShell => {
            let headers = headers
                .iter()
                .map(|(name, value)| {
                    format!(
                        "{} = {}",
                        power_shell::quoted(name),
                        power_shell::quoted(value)
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            format!(
                "try {{\n  $answer = Invoke-WebRequest -UseBasicParsing -Method Post -Uri {} `\n    -Headers @{{ {headers} }} `\n    -ContentType 'application/json' -Body {}\n  $answer.Content\n  \"HTTP $($answer.StatusCode)\"\n}} catch {{\n  $_.ErrorDetails.Message\n  \"HTTP $($_.Exception.Response.StatusCode.value__)\"\n}}\n",
                power_shell::quoted(url),
                power_shell::quoted(body),
            )
        }
        // cmd has no quoting that survives every character: only plain values are written.
        // Inside the body every `\"` toggles cmd's quoting, so the values there are read
        // unquoted by cmd and must hold none of its operators. `-i` prints the status line
        // first: a `-w` format needs `%`, which a batch file would eat.
        Shell::Cmd => {
            let plain = |text: &str| {
                cmd::assignment("_", text).is_some()
                    && !text.contains(['\\', '&', '|', '<', '>', '^'])
            };
            if !(plain(url)
                && header_lines.iter().all(|h| plain(h))
                && plain(&body.replace('"', "")))
            {
                return None;
            }
            let headers: String = header_lines
                .iter()
                .map(|h| format!(" -H \"{h}\""))
                .collect();
            format!(
                "curl.exe -sS -i \"{url}\"{headers} -d \"{}\"\n",
                body.replace('"', "\\\"")
            )
        }
    })
}

#[cfg(test)]
mod tests {
    use crate::clients::{Client, Values};
    use crate::platform::{Os, Target};
    use crate::profile::Profile;
    use crate::shell::Shell;

    fn values() -> Values {
        Values {
            key: "sk-1".into(),
            base_url: String::new(),
            model: "m".into(),
        }
    }

    fn check(client: Client, values: &Values, target: Target) -> Option<String> {
        let section = client.check(&Profile::builtin(), values, target);
        section.snippets.first().map(|s| s.content.clone())
    }

    #[test]
    fn each_shell_gets_a_command_it_can_run() {
        let bash = check(Client::Curl, &values(), Target::new(Os::Linux)).unwrap();
        assert_eq!(
            bash,
            r#"curl -sS 'https://api.4096bytes.com/chat/completions' \
  -H 'Authorization: Bearer sk-1' \
  -H 'Content-Type: application/json' \
  -d '{"max_tokens":16,"messages":[{"content":"Say hello","role":"user"}],"model":"m"}' \
  -w '\nHTTP %{http_code}\n'
"#
        );
        let powershell = check(Client::Curl, &values(), Target::new(Os::Windows)).unwrap();
        assert!(
            powershell.contains("Invoke-WebRequest -UseBasicParsing -Method Post"),
            "{powershell}"
        );
        assert!(
            powershell.contains("-Headers @{ 'Authorization' = 'Bearer sk-1' }"),
            "{powershell}"
        );
        // The status is printed for an answer as for a refusal.
        assert!(
            powershell.contains("\"HTTP $($answer.StatusCode)\""),
            "{powershell}"
        );
        assert!(
            powershell.contains("\"HTTP $($_.Exception.Response.StatusCode.value__)\""),
            "{powershell}"
        );
        let cmd = Target::with_shell(Os::Windows, Shell::Cmd).unwrap();
        let cmd = check(Client::Curl, &values(), cmd).unwrap();
        assert_eq!(
            cmd,
            r#"curl.exe -sS -i "https://api.4096bytes.com/chat/completions" -H "Authorization: Bearer sk-1" -H "Content-Type: application/json" -d "{\"max_tokens\":16,\"messages\":[{\"content\":\"Say hello\",\"role\":\"user\"}],\"model\":\"m\"}"
"#
        );
        // One line each, with no `%` that a batch file would eat.
        assert_eq!(cmd.lines().count(), 1);
        assert!(!cmd.contains('%'));
    }

    /// The check calls what the chosen client calls, as it calls it.
    #[test]
    fn the_check_makes_the_clients_request() {
        let linux = Target::new(Os::Linux);
        let codex = check(Client::Codex, &values(), linux).unwrap();
        assert!(
            codex.starts_with("curl -sS 'https://api.4096bytes.com/responses'"),
            "{codex}"
        );
        assert!(
            codex.contains(r#"-d '{"input":"Say hello","model":"m"}'"#),
            "{codex}"
        );
        let claude = check(Client::ClaudeCode, &values(), linux).unwrap();
        assert!(
            claude.starts_with("curl -sS 'https://api.4096bytes.com/v1/messages'"),
            "{claude}"
        );
        assert!(
            claude.contains("-H 'Authorization: Bearer sk-1'"),
            "{claude}"
        );
        assert!(
            claude.contains("-H 'anthropic-version: 2023-06-01'"),
            "{claude}"
        );
        assert!(!claude.contains("x-api-key"), "{claude}");
        assert!(
            claude.contains(
                r#"-d '{"max_tokens":16,"messages":[{"content":"Say hello","role":"user"}],"model":"m"}'"#
            ),
            "{claude}"
        );
        let continue_responses = Values {
            model: "gpt-5.5".into(),
            ..values()
        };
        let cn = check(Client::ContinueDev, &continue_responses, linux).unwrap();
        assert!(
            cn.starts_with("curl -sS 'https://api.4096bytes.com/responses'"),
            "{cn}"
        );
        for client in [
            Client::OpenaiSdk,
            Client::Opencode,
            Client::Aider,
            Client::Cline,
            Client::QwenCode,
            Client::Cursor,
        ] {
            let command = check(client, &values(), linux).unwrap();
            assert!(
                command.starts_with("curl -sS 'https://api.4096bytes.com/chat/completions'"),
                "{client:?}: {command}"
            );
        }
        // Cherry Studio adds /v1 to a host without a version.
        let cherry = check(Client::CherryStudio, &values(), linux).unwrap();
        assert!(
            cherry.starts_with("curl -sS 'https://api.4096bytes.com/v1/chat/completions'"),
            "{cherry}"
        );
    }

    /// Every check states the URL the client's setup states.
    #[test]
    fn the_check_calls_the_stated_request_url() {
        let profile = Profile::builtin();
        for client in Client::ALL {
            for &os in client.systems() {
                let target = Target::new(os);
                let setup = client.setup(&profile, &values(), target);
                let command = check(client, &values(), target).unwrap();
                let quoted = match os {
                    Os::Windows => format!("'{}'", setup.request_url),
                    _ => format!("curl -sS '{}'", setup.request_url),
                };
                assert!(command.contains(&quoted), "{client:?} {os:?}: {command}");
            }
        }
    }

    #[test]
    fn cmd_refuses_values_it_would_mangle() {
        let cmd = Target::with_shell(Os::Windows, Shell::Cmd).unwrap();
        for (key, model) in [
            ("sk-%1", "m"),
            ("sk-1", "a&b"),
            ("sk-1", "a|b"),
            ("sk-1", "x^y"),
        ] {
            let values = Values {
                key: key.into(),
                base_url: String::new(),
                model: model.into(),
            };
            let section = Client::Curl.check(&Profile::builtin(), &values, cmd);
            assert!(section.snippets.is_empty(), "{key} {model}");
            assert!(
                section
                    .notes
                    .contains(&crate::i18n::Msg::ShellCannotHoldValue)
            );
        }
    }
}
