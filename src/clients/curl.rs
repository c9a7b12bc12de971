//! A one-request smoke test: does the relay accept this key, URL and model? It calls the
//! OpenAI-compatible chat endpoint, the one every relay serves, and prints the HTTP status so
//! that the answer can be read against the list of what each status means.

use super::{Client, Resolved, Section, Setup, Snippet, SnippetKind};
use crate::escape;
use crate::i18n::Msg;
use crate::platform::Shell;
use crate::platform::Target;
use crate::profile::Profile;

/// What each answer means, from the relay's troubleshooting page.
const ANSWERS: [Msg; 6] = [
    Msg::Answer200,
    Msg::Answer401,
    Msg::Answer403,
    Msg::Answer404,
    Msg::Answer429,
    Msg::AnswerModelNotFound,
];

pub fn setup(profile: &Profile, values: &Resolved, target: Target) -> Setup {
    let base_url = Client::Curl.base_url(profile, values.base_url);
    let url = format!("{base_url}/chat/completions");
    let body = serde_json::json!({
        "model": values.model,
        "messages": [{"role": "user", "content": "Say hello"}],
        "max_tokens": 16,
    })
    .to_string();
    let authorization = format!("Authorization: Bearer {}", values.key);
    let mut notes = ANSWERS.to_vec();
    let snippets = match command(target.shell, &url, &authorization, values.key, &body) {
        Some(content) => vec![Snippet {
            kind: SnippetKind::Commands {
                shell: target.shell,
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
    Setup {
        sections: vec![Section {
            id: "smoke-test",
            title: Msg::CurlTitle,
            notes,
            snippets,
        }],
        request_url: url,
        next_step: Msg::CurlNextStep,
    }
}

fn command(shell: Shell, url: &str, authorization: &str, key: &str, body: &str) -> Option<String> {
    let header = "Content-Type: application/json";
    Some(match shell {
        Shell::Posix | Shell::Fish => {
            let quote = if shell == Shell::Posix {
                escape::posix
            } else {
                escape::fish
            };
            format!(
                "curl -sS {} \\\n  -H {} \\\n  -H {} \\\n  -d {} \\\n  -w {}\n",
                quote(url),
                quote(authorization),
                quote(header),
                quote(body),
                quote("\nHTTP %{http_code}\n"),
            )
        }
        // PowerShell's `curl` is an alias of Invoke-WebRequest, and Windows PowerShell 5.1
        // strips the quotes inside arguments to curl.exe, so the test uses PowerShell's own.
        Shell::PowerShell => format!(
            "try {{\n  Invoke-RestMethod -Method Post -Uri {} `\n    -Headers @{{ Authorization = {} }} `\n    -ContentType 'application/json' -Body {}\n}} catch {{\n  \"HTTP $($_.Exception.Response.StatusCode.value__)\"\n  $_.ErrorDetails.Message\n}}\n",
            escape::powershell(url),
            escape::powershell(&format!("Bearer {key}")),
            escape::powershell(body),
        ),
        // cmd has no quoting that survives every character: only plain values are written.
        Shell::Cmd => {
            let plain =
                |text: &str| escape::cmd_assignment("_", text).is_some() && !text.contains('\\');
            if !(plain(url) && plain(authorization) && plain(&body.replace('"', ""))) {
                return None;
            }
            format!(
                "curl.exe -sS \"{url}\" -H \"{authorization}\" -H \"{header}\" -d \"{}\"\n",
                body.replace('"', "\\\"")
            )
        }
    })
}

#[cfg(test)]
mod tests {
    use crate::clients::{Client, Values};
    use crate::platform::Shell;
    use crate::platform::{Os, Target};
    use crate::profile::Profile;

    fn content(values: &Values, target: Target) -> Option<String> {
        let setup = Client::Curl.setup(&Profile::builtin(), values, target);
        setup.sections[0]
            .snippets
            .first()
            .map(|s| s.content.clone())
    }

    #[test]
    fn each_shell_gets_a_command_it_can_run() {
        let values = Values {
            key: "sk-1".into(),
            base_url: String::new(),
            model: "m".into(),
        };
        let bash = content(&values, Target::new(Os::Linux)).unwrap();
        assert!(
            bash.starts_with("curl -sS 'https://api.4096bytes.com/chat/completions'"),
            "{bash}"
        );
        assert!(bash.contains("-H 'Authorization: Bearer sk-1'"), "{bash}");
        let powershell = content(&values, Target::new(Os::Windows)).unwrap();
        assert!(
            powershell.contains("Invoke-RestMethod -Method Post"),
            "{powershell}"
        );
        assert!(
            powershell.contains("Authorization = 'Bearer sk-1'"),
            "{powershell}"
        );
        let cmd = content(
            &values,
            Target::with_shell(Os::Windows, Shell::Cmd).unwrap(),
        )
        .unwrap();
        assert!(
            cmd.starts_with("curl.exe -sS \"https://api.4096bytes.com/chat/completions\""),
            "{cmd}"
        );
        assert!(
            cmd.contains(r#"-d "{\"max_tokens\":16,\"messages\""#),
            "{cmd}"
        );
    }

    #[test]
    fn cmd_refuses_values_it_would_mangle() {
        let values = Values {
            key: "sk-%1".into(),
            base_url: String::new(),
            model: "m".into(),
        };
        assert_eq!(
            content(
                &values,
                Target::with_shell(Os::Windows, Shell::Cmd).unwrap()
            ),
            None
        );
    }
}
