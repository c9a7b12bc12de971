// Each test binary includes this module and uses a different part of it.
#![allow(dead_code)]

//! What the conformance tests share: onramp's output for a client, a loopback HTTP server that
//! records every request and answers like a relay, and a runner that stops a client which hangs.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// The snippets of `onramp generate --client CLIENT --os linux --json` for these values.
pub fn generate(client: &str, key: &str, base_url: &str, model: &str) -> Vec<serde_json::Value> {
    let output = Command::new(env!("CARGO_BIN_EXE_onramp"))
        .args(["generate", "--client", client, "--os", "linux", "--json"])
        .args(["--base-url", base_url, "--model", model])
        .env("ONRAMP_KEY", key)
        .stdin(Stdio::null())
        .output()
        .expect("onramp runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("a JSON array")
}

/// Writes the files of one section verbatim into `dir`, under their own names.
pub fn write_files(snippets: &[serde_json::Value], section: &str, dir: &Path) {
    let files = snippets
        .iter()
        .filter(|s| s["section"] == section && s["kind"] == "file");
    for snippet in files {
        let name = snippet["file_name"].as_str().unwrap();
        std::fs::write(dir.join(name), snippet["content"].as_str().unwrap()).unwrap();
    }
}

/// Writes the files of one section verbatim where their stated path says, inside `home`
/// (paths start with `~/`, as onramp writes them for Linux; a path without is where the
/// person works, which for these tests is the home folder).
pub fn install_files(snippets: &[serde_json::Value], section: &str, home: &Path) {
    let files = snippets
        .iter()
        .filter(|s| s["section"] == section && s["kind"] == "file");
    for snippet in files {
        let path = snippet["path"].as_str().unwrap();
        let path = home.join(path.strip_prefix("~/").unwrap_or(path));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, snippet["content"].as_str().unwrap()).unwrap();
    }
}

/// The path of the URL onramp says `client` will call (`Setup::request_url`), for a relay at
/// `base_url` (an origin) and this model.
pub fn stated_request_path(client: &str, base_url: &str, model: &str) -> String {
    use onramp::clients::{Client, Values};
    use onramp::platform::{Os, Target};
    let values = Values {
        key: "sk-unused".into(),
        base_url: base_url.into(),
        model: model.into(),
    };
    let setup = Client::from_id(client).expect("a client id").setup(
        &onramp::profile::Profile::builtin(),
        &values,
        Target::new(Os::Linux),
    );
    setup
        .request_url
        .strip_prefix(base_url)
        .expect("the request URL starts with the base URL")
        .to_owned()
}

/// The shell commands of one section.
pub fn commands(snippets: &[serde_json::Value], section: &str) -> String {
    let snippet = snippets
        .iter()
        .find(|s| s["section"] == section && s["kind"] == "commands");
    snippet.expect("a commands snippet")["content"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The commands of one section that are run as they stand (a start command, `cline auth`),
/// not variables to keep: `scope` is `null`.
pub fn run_commands(snippets: &[serde_json::Value], section: &str) -> Vec<String> {
    snippets
        .iter()
        .filter(|s| s["section"] == section && s["kind"] == "commands" && s["scope"].is_null())
        .map(|s| s["content"].as_str().unwrap().to_owned())
        .collect()
}

/// How a tab keeps its variables, from its commands' `scope`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keeps {
    /// No variables: files only, or commands to run.
    Nothing,
    /// Pasted into the terminal the client is then started from.
    ThisTerminal,
    /// Kept in ~/.bashrc, read by every new terminal.
    EveryNewTerminal,
}

/// A bash terminal in `home` with one tab of `snippets` applied the way its notes say: its
/// files written at their stated paths; lines for this terminal pasted into it; lines for
/// every new terminal appended to ~/.bashrc (after Debian's default one, which a new user's
/// home starts with), then a new interactive bash, as a new terminal starts, reads it. `then`
/// is what the person types next, run by that bash; the arguments added to the command
/// become its `$0`, `$1`…
pub fn terminal_for_tab(
    snippets: &[serde_json::Value],
    section: &str,
    home: &Path,
    then: &str,
) -> (Command, Keeps) {
    install_files(snippets, section, home);
    let variables = |scope: &str| {
        snippets
            .iter()
            .filter(|s| s["section"] == section && s["scope"] == scope)
            .map(|s| s["content"].as_str().unwrap().to_owned())
            .collect::<String>()
    };
    let (this_terminal, every_new_terminal) = (variables("session"), variables("persistent"));
    let mut command = Command::new("bash");
    let keeps = if !every_new_terminal.is_empty() {
        let skeleton = std::fs::read_to_string("/etc/skel/.bashrc").unwrap_or_default();
        std::fs::write(home.join(".bashrc"), skeleton + "\n" + &every_new_terminal).unwrap();
        command.arg("-i");
        Keeps::EveryNewTerminal
    } else if !this_terminal.is_empty() {
        Keeps::ThisTerminal
    } else {
        Keeps::Nothing
    };
    command.arg("-c").arg(format!("{this_terminal}{then}"));
    command.env("HOME", home);
    (command, keeps)
}

/// An empty folder under target/ (not /tmp: Codex refuses some setup in temporary folders).
pub fn fresh_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// An empty folder in the system's temporary folder, outside this repository: clients that
/// look for a git root, a project config or a `.env` in the parent folders of where they run
/// (Aider, Qwen Code, OpenCode) find none of this repository's.
pub fn fresh_outside_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join("onramp-conformance").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub path: String,
    pub headers: HashMap<String, String>,
    pub body: Vec<u8>,
    /// The status line it was answered with.
    pub status: &'static str,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(String::as_str)
    }
}

pub struct RecordingServer {
    port: u16,
    requests: Arc<Mutex<Vec<Request>>>,
}

/// What a strict relay accepts: this key, at this endpoint, with this model (or any).
#[derive(Clone)]
pub struct Strict {
    pub key: String,
    /// `None` accepts whatever model the client asks for.
    pub model: Option<String>,
    /// The path, without query, e.g. `/responses`.
    pub endpoint: String,
}

impl RecordingServer {
    /// A server that answers every well-formed request, and records it.
    pub fn start() -> Self {
        Self::serve(None)
    }

    /// A server that, like a relay, answers 401 for another key and 404 for another model or
    /// path: a client "reaches the relay" only if it gets everything right.
    pub fn strict(strict: Strict) -> Self {
        Self::serve(Some(strict))
    }

    fn serve(strict: Option<Strict>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let recorded = Arc::clone(&requests);
        // The thread ends with the test process; each connection is answered and closed.
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                if let Some(request) = answer(stream, strict.as_ref()) {
                    recorded.lock().unwrap().push(request);
                }
            }
        });
        RecordingServer { port, requests }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }
}

fn answer(stream: TcpStream, strict: Option<&Strict>) -> Option<Request> {
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let (method, path) = (parts.next()?.to_owned(), parts.next()?.to_owned());
    let mut headers = HashMap::new();
    loop {
        line.clear();
        reader.read_line(&mut line).ok()?;
        let Some((name, value)) = line.trim_end_matches(['\r', '\n']).split_once(':') else {
            break;
        };
        // As HTTP reads a field: only spaces and tabs around the value are dropped (RFC 9110
        // OWS), not an ideographic space that a client sent.
        let value = value.trim_matches([' ', '\t']);
        headers.insert(name.trim().to_ascii_lowercase(), value.to_owned());
    }
    let length = headers
        .get("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;

    let endpoint = path.split('?').next().unwrap_or_default();
    let refusal = strict.and_then(|strict| {
        let model = serde_json::from_slice::<serde_json::Value>(&body)
            .ok()?
            .get("model")?
            .as_str()
            .map(str::to_owned);
        // The Anthropic API's own key header counts on its endpoint, as relays that serve
        // it accept (Claude Code sends ANTHROPIC_API_KEY there and only there).
        let anthropic_key =
            endpoint.ends_with("/v1/messages") && headers.get("x-api-key") == Some(&strict.key);
        if headers.get("authorization").map(String::as_str)
            != Some(&format!("Bearer {}", strict.key))
            && !anthropic_key
        {
            Some("401 Unauthorized")
        } else if endpoint != strict.endpoint
            || strict
                .model
                .as_ref()
                .is_some_and(|wanted| model.as_ref() != Some(wanted))
        {
            Some("404 Not Found")
        } else {
            None
        }
    });
    let refusal =
        refusal.or_else(|| (strict.is_some() && method != "POST").then_some("404 Not Found"));
    let (status, content_type, payload) = match (method.as_str(), endpoint) {
        _ if refusal.is_some() => (
            refusal.unwrap_or_default(),
            "application/json",
            "{\"error\":{\"message\":\"refused\"}}".to_owned(),
        ),
        ("POST", p) if p.ends_with("/responses") => {
            ("200 OK", "text/event-stream", responses_stream())
        }
        ("POST", p) if p.ends_with("/chat/completions") && asks_for_stream(&body) => {
            ("200 OK", "text/event-stream", chat_completion_stream())
        }
        ("POST", p) if p.ends_with("/chat/completions") => {
            ("200 OK", "application/json", chat_completion())
        }
        ("POST", p) if p.ends_with("/v1/messages") => {
            ("200 OK", "text/event-stream", messages_stream())
        }
        ("POST", p) if p.ends_with(":streamGenerateContent") => {
            ("200 OK", "text/event-stream", gemini_stream())
        }
        _ => ("404 Not Found", "text/plain", String::new()),
    };
    let mut stream = stream;
    write!(
        stream,
        "HTTP/1.1 {status}\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{payload}",
        payload.len()
    )
    .ok()?;
    Some(Request {
        method,
        path,
        headers,
        body,
        status,
    })
}

/// The text every answer of this server carries, for tests to find in what a client printed.
pub const ANSWER: &str = "hello from the loopback relay";

/// A minimal Chat Completions answer.
fn chat_completion() -> String {
    serde_json::json!({
        "id": "chatcmpl-onramp", "object": "chat.completion", "created": 0, "model": "m",
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": ANSWER}}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    })
    .to_string()
}

/// Whether a JSON request body has `"stream": true`.
fn asks_for_stream(body: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(body)
        .is_ok_and(|body| body["stream"] == serde_json::Value::Bool(true))
}

/// A minimal streamed Chat Completions answer: one text chunk, a final chunk with the reason
/// and usage, then `[DONE]`.
fn chat_completion_stream() -> String {
    let chunk = |delta: serde_json::Value, finish: serde_json::Value| {
        serde_json::json!({
            "id": "chatcmpl-onramp", "object": "chat.completion.chunk", "created": 0, "model": "m",
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        })
    };
    let mut last = chunk(serde_json::json!({}), "stop".into());
    last["usage"] =
        serde_json::json!({"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2});
    let chunks = [
        chunk(
            serde_json::json!({"role": "assistant", "content": ANSWER}),
            serde_json::Value::Null,
        ),
        last,
    ];
    chunks
        .iter()
        .map(|chunk| format!("data: {chunk}\n\n"))
        .chain(["data: [DONE]\n\n".to_owned()])
        .collect()
}

/// A minimal Anthropic Messages stream (Claude Code always streams).
fn messages_stream() -> String {
    let events = [
        serde_json::json!({"type": "message_start", "message": {
            "id": "msg_onramp", "type": "message", "role": "assistant", "model": "m",
            "content": [], "stop_reason": null, "stop_sequence": null,
            "usage": {"input_tokens": 1, "output_tokens": 1}}}),
        serde_json::json!({"type": "content_block_start", "index": 0,
            "content_block": {"type": "text", "text": ""}}),
        serde_json::json!({"type": "content_block_delta", "index": 0,
            "delta": {"type": "text_delta", "text": ANSWER}}),
        serde_json::json!({"type": "content_block_stop", "index": 0}),
        serde_json::json!({"type": "message_delta",
            "delta": {"stop_reason": "end_turn", "stop_sequence": null},
            "usage": {"output_tokens": 1}}),
        serde_json::json!({"type": "message_stop"}),
    ];
    sse(&events)
}

/// A Gemini API stream (`:streamGenerateContent?alt=sse`) of one answer: one event, unnamed.
fn gemini_stream() -> String {
    let answer = serde_json::json!({
        "candidates": [{"index": 0, "finishReason": "STOP",
                        "content": {"role": "model", "parts": [{"text": ANSWER}]}}],
        "usageMetadata": {"promptTokenCount": 1, "candidatesTokenCount": 1, "totalTokenCount": 2},
        "modelVersion": "m",
    });
    format!("data: {answer}\r\n\r\n")
}

/// Server-sent events, each named by its `type`.
fn sse(events: &[serde_json::Value]) -> String {
    events
        .iter()
        .map(|event| {
            format!(
                "event: {}\ndata: {event}\n\n",
                event["type"].as_str().unwrap()
            )
        })
        .collect()
}

/// A Responses API stream of one text message, with every event the API sends for it: Codex
/// reads the finished items, while clients on the OpenAI SDK's stream helper (Continue's cn)
/// build the response from the `added` and `delta` events and need each object whole.
fn responses_stream() -> String {
    let text = serde_json::json!({"type": "output_text", "text": ANSWER, "annotations": []});
    let message = |status: &str, content: serde_json::Value| {
        serde_json::json!({
            "type": "message", "role": "assistant", "id": "msg_onramp", "status": status,
            "content": content,
        })
    };
    let response = |status: &str, output: serde_json::Value| {
        serde_json::json!({
            "id": "resp_onramp", "object": "response", "created_at": 0, "model": "m",
            "status": status, "output": output, "usage": {
                "input_tokens": 0, "input_tokens_details": null, "output_tokens": 0,
                "output_tokens_details": null, "total_tokens": 0},
        })
    };
    let part = serde_json::json!({"item_id": "msg_onramp", "output_index": 0, "content_index": 0});
    let with = |mut event: serde_json::Value, fields: &serde_json::Value| {
        for (name, value) in fields.as_object().into_iter().flatten() {
            event[name] = value.clone();
        }
        event
    };
    let done = message("completed", serde_json::json!([text.clone()]));
    let events = [
        serde_json::json!({"type": "response.created",
            "response": response("in_progress", serde_json::json!([]))}),
        serde_json::json!({"type": "response.output_item.added", "output_index": 0,
            "item": message("in_progress", serde_json::json!([]))}),
        with(
            serde_json::json!({"type": "response.content_part.added",
                "part": {"type": "output_text", "text": "", "annotations": []}}),
            &part,
        ),
        with(
            serde_json::json!({"type": "response.output_text.delta", "delta": ANSWER}),
            &part,
        ),
        with(
            serde_json::json!({"type": "response.output_text.done", "text": ANSWER}),
            &part,
        ),
        with(
            serde_json::json!({"type": "response.content_part.done", "part": text}),
            &part,
        ),
        serde_json::json!({"type": "response.output_item.done", "output_index": 0,
            "item": done.clone()}),
        serde_json::json!({"type": "response.completed",
            "response": response("completed", serde_json::json!([done]))}),
    ];
    sse(&events)
}

pub struct Output {
    pub success: bool,
    pub stdout: String,
    pub stderr: String,
}

/// How long a client may run before it is taken to hang and killed. Not a speed check: a
/// client answers in seconds, even on a slow machine; some retry for minutes after an error
/// (Claude Code on a 401), and this only ends those.
pub const HANG_GUARD: Duration = Duration::from_secs(300);

/// Runs `command` with no standard input until it exits; kills it after [`HANG_GUARD`] and
/// reports that as a failure.
pub fn run_client(command: Command) -> Output {
    run_client_until(command, || false)
}

/// Like [`run_client`], but also stops the client as soon as `decided` says its outcome is
/// known (it tried to leave the machine, say), and reports that as a failure.
pub fn run_client_until(mut command: Command, decided: impl Fn() -> bool) -> Output {
    let limit = HANG_GUARD;
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the client starts");
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = thread::spawn(move || {
        let mut text = String::new();
        stdout.read_to_string(&mut text).ok();
        text
    });
    let err = thread::spawn(move || {
        let mut text = String::new();
        stderr.read_to_string(&mut text).ok();
        text
    });
    let deadline = Instant::now() + limit;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if Instant::now() > deadline || decided() {
            child.kill().ok();
            child.wait().ok();
            break None;
        }
        thread::sleep(Duration::from_millis(50));
    };
    let (stdout, mut stderr) = (out.join().unwrap(), err.join().unwrap());
    if status.is_none() {
        stderr.push_str("\n[stopped: it hung, or its outcome was already known]");
    }
    Output {
        success: status.is_some_and(|s| s.success()),
        stdout,
        stderr,
    }
}

/// The key a relay issued, in the whitespace verdict tests.
pub const CLEAN_KEY: &str = "sk-onramp-whitespace-0001";

/// That key with the mistakes people paste along with it, whitespace and what a copy out of a
/// Chinese sentence takes along: the doctor's verdict on each, for a client, must match what
/// that client does with it. (An ASCII full stop or comma is sent along by every client: the
/// relay's call, so no verdict to compare.)
pub const KEY_MISTAKES: [(&str, &str); 8] = [
    ("a leading space", " sk-onramp-whitespace-0001"),
    ("a trailing space", "sk-onramp-whitespace-0001 "),
    ("a trailing tab", "sk-onramp-whitespace-0001\t"),
    ("a zero-width space", "sk-onramp-\u{200B}whitespace-0001"),
    (
        "a trailing ideographic space",
        "sk-onramp-whitespace-0001\u{3000}",
    ),
    ("a copied 。", "sk-onramp-whitespace-0001。"),
    ("a copied ，", "sk-onramp-whitespace-0001，"),
    ("a full-width letter", "sk-onramp-ｗhitespace-0001"),
];

/// Whether the relay got the key it issued: a request whose `Authorization` header, read as
/// servers read it (whitespace around the value dropped, none inside), is `Bearer <key>`.
pub fn relay_got_the_key(requests: &[Request]) -> bool {
    let expected = format!("Bearer {CLEAN_KEY}");
    requests
        .iter()
        .any(|request| request.header("authorization") == Some(expected.as_str()))
}

/// Whether `onramp check --kind key --client <client>` calls `key` an error (exit status 1).
pub fn doctor_calls_it_an_error(key: &str, client: &str) -> bool {
    let mut child = Command::new(env!("CARGO_BIN_EXE_onramp"))
        .args(["check", "--kind", "key", "--client", client, "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("onramp runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(key.as_bytes())
        .unwrap();
    let status = child.wait().unwrap();
    assert!(matches!(status.code(), Some(0 | 1)), "{status}");
    status.code() == Some(1)
}

/// Asserts that the doctor errs on `key` for `client` exactly when the client, run with it,
/// did not get the issued key to the relay.
pub fn assert_verdict(client: &str, mistake: &str, key: &str, reached: bool) {
    let error = doctor_calls_it_an_error(key, client);
    println!(
        "{client}, key with {mistake}: the client {} the relay; onramp says {}",
        if reached { "reached" } else { "did not reach" },
        if error { "error" } else { "no error" }
    );
    assert_eq!(
        error, !reached,
        "{client}, key with {mistake}: onramp's verdict disagrees with the client"
    );
}

/// One run of a client: what it printed, and every connection it tried to open beyond this
/// machine's loopback (none is allowed: a test must not reach the internet).
pub struct ClientRun {
    pub output: Output,
    /// `address:port` of each TCP or UDP connection to a non-loopback address, DNS included.
    pub outside_connections: Vec<String>,
}

/// Runs `command` under `strace`, which records every `connect` of the client and of each
/// process it starts. The whole process group is killed after [`HANG_GUARD`] (clients retry
/// for minutes on some errors), which counts as a failure.
pub fn run_traced_client(command: Command, trace: &Path) -> ClientRun {
    let limit = HANG_GUARD;
    use std::os::unix::process::CommandExt;

    let mut traced = Command::new("strace");
    traced
        .args(["-f", "--seccomp-bpf", "-qq", "-e", "trace=connect", "-o"])
        .arg(trace)
        .arg("--")
        .arg(command.get_program())
        .args(command.get_args())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        // Its own process group, so that a hang guard can stop everything the client started.
        .process_group(0);
    if let Some(dir) = command.get_current_dir() {
        traced.current_dir(dir);
    }
    for (name, value) in command.get_envs() {
        match value {
            Some(value) => traced.env(name, value),
            None => traced.env_remove(name),
        };
    }
    let mut child = traced
        .spawn()
        .expect("strace runs the client (scripts/setup-clients installs strace)");
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = thread::spawn(move || {
        let mut text = String::new();
        stdout.read_to_string(&mut text).ok();
        text
    });
    let err = thread::spawn(move || {
        let mut text = String::new();
        stderr.read_to_string(&mut text).ok();
        text
    });
    let deadline = Instant::now() + limit;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if Instant::now() > deadline {
            // The group's id is the id of the process that leads it: strace, started here.
            Command::new("kill")
                .args(["-KILL", "--", &format!("-{}", child.id())])
                .status()
                .ok();
            child.wait().ok();
            break None;
        }
        thread::sleep(Duration::from_millis(50));
    };
    let (stdout, mut stderr) = (out.join().unwrap(), err.join().unwrap());
    if status.is_none() {
        stderr.push_str(&format!("\n[killed after {limit:?}: it hung]"));
    }
    let trace_text = std::fs::read_to_string(trace).unwrap_or_default();
    ClientRun {
        output: Output {
            success: status.is_some_and(|s| s.success()),
            stdout,
            stderr,
        },
        outside_connections: outside_connections(&trace_text),
    }
}

/// The non-loopback `address:port`s of the `connect` calls in an strace log.
fn outside_connections(trace: &str) -> Vec<String> {
    let field = |line: &str, name: &str| {
        let start = line.find(name)? + name.len();
        let rest = &line[start..];
        Some(rest[..rest.find(['"', ')'])?].to_owned())
    };
    trace
        .lines()
        .filter(|line| line.contains("connect(") && line.contains("sa_family=AF_INET"))
        .filter_map(|line| {
            let port = field(line, "htons(")?;
            let address =
                field(line, "inet_addr(\"").or_else(|| field(line, "inet_pton(AF_INET6, \""))?;
            let loopback = address.starts_with("127.")
                || address == "::1"
                || address.starts_with("::ffff:127.");
            (!loopback).then(|| format!("{address}:{port}"))
        })
        .collect()
}

/// Stops the processes a client left running in the background, found by the temporary
/// `home` they were started with (no other process has it), each by its id.
pub fn end_leftover_processes(marker: &str, home: &Path) -> Vec<u32> {
    let home_entry = format!("HOME={}", home.display());
    let mut ended = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        let read = |file: &str| std::fs::read(entry.path().join(file)).unwrap_or_default();
        let has = |bytes: Vec<u8>, wanted: &str| {
            bytes
                .split(|&b| b == 0)
                .any(|part| part == wanted.as_bytes())
        };
        if has(read("cmdline"), marker) && has(read("environ"), &home_entry) {
            Command::new("kill").arg(pid.to_string()).status().ok();
            ended.push(pid);
        }
    }
    ended
}

/// A secret as messages may show it: its length and last four characters.
pub fn masked(secret: &str) -> String {
    let chars: Vec<char> = secret.chars().collect();
    let tail: String = chars[chars.len().saturating_sub(4)..].iter().collect();
    format!("[{} characters, ending {tail:?}]", chars.len())
}

/// Method, path, model and answer of each request, without headers (they carry the key).
pub fn summary(requests: &[Request]) -> Vec<String> {
    requests
        .iter()
        .map(|request| {
            let model = serde_json::from_slice::<serde_json::Value>(&request.body)
                .ok()
                .and_then(|body| body["model"].as_str().map(str::to_owned));
            format!(
                "{} {} model={model:?} → {}",
                request.method, request.path, request.status
            )
        })
        .collect()
}

/// The client sent at least one request, and every request it sent was a `POST` to `path`
/// with `Authorization: Bearer <key>` and `model` in its JSON body, answered 200.
pub fn assert_requests(requests: &[Request], path: &str, key: &str, model: &str, case: &str) {
    let seen = summary(requests);
    assert!(!requests.is_empty(), "{case}: the relay got no request");
    for request in requests {
        assert_eq!(request.method, "POST", "{case}: {seen:#?}");
        assert_eq!(
            request.path.split('?').next(),
            Some(path),
            "{case}: {seen:#?}"
        );
        assert!(
            request.header("authorization") == Some(format!("Bearer {key}").as_str()),
            "{case}: Authorization is not \"Bearer \" and the key {}",
            masked(key)
        );
        let body: serde_json::Value = serde_json::from_slice(&request.body).expect("a JSON body");
        assert_eq!(body["model"].as_str(), Some(model), "{case}: {seen:#?}");
        assert_eq!(request.status, "200 OK", "{case}: {seen:#?}");
    }
}

/// The error codes `onramp check --kind <kind> --client <client>` reports on `text`.
fn doctor_errors(text: &str, kind: &str, client: &str) -> Vec<String> {
    let mut doctor = Command::new(env!("CARGO_BIN_EXE_onramp"))
        .args(["check", "--kind", kind, "--client", client, "--json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("onramp runs");
    doctor
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let report = doctor.wait_with_output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| f["code"].as_str().unwrap().to_owned())
        .collect()
}

/// The lines of every tab for Windows (PowerShell and cmd), which cannot run here, given to
/// the doctor as that shell's environment lines for `client`: it may find no error in them
/// beyond what it finds in the key or the model alone (test values are odd on purpose), for
/// each of `cases` (key, model). Returns how many tabs were checked.
pub fn assert_windows_lines_check_clean(client: &str, cases: &[(&str, &str)]) -> usize {
    cases
        .iter()
        .map(|(key, model)| windows_lines_check_clean(client, key, model))
        .sum()
}

fn windows_lines_check_clean(client: &str, key: &str, model: &str) -> usize {
    let mut in_the_values = doctor_errors(key, "key", client);
    in_the_values.extend(doctor_errors(model, "model", client));
    let mut checked = 0;
    for (shell, kind) in [("powershell", "env-powershell"), ("cmd", "env-cmd")] {
        let output = Command::new(env!("CARGO_BIN_EXE_onramp"))
            .args([
                "generate", "--client", client, "--os", "windows", "--shell", shell,
            ])
            .args(["--model", model, "--json"])
            .env("ONRAMP_KEY", key)
            .stdin(Stdio::null())
            .output()
            .expect("onramp runs");
        let snippets: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
        let mut tabs: Vec<&str> = snippets
            .iter()
            .filter(|s| s["kind"] == "commands" && s["section"] != "install")
            .filter_map(|s| s["section"].as_str())
            .collect();
        tabs.dedup();
        for tab in tabs {
            let lines: String = snippets
                .iter()
                .filter(|s| s["section"] == tab && s["kind"] == "commands")
                .map(|s| s["content"].as_str().unwrap())
                .collect();
            let errors: Vec<String> = doctor_errors(&lines, kind, client)
                .into_iter()
                .filter(|code| !in_the_values.contains(code))
                .collect();
            assert!(
                errors.is_empty(),
                "{client} {shell} {tab}: the doctor finds {errors:?} in\n{}",
                lines.replace(key, &masked(key))
            );
            checked += 1;
        }
    }
    checked
}

/// Runs the "check that it works" command onramp gives for `client` (bash and fish, the shells
/// that run here) against a strict loopback relay, and asserts that it makes the request the
/// client made (`client_request`: method, path, `Authorization`, `anthropic-version`, model)
/// and that it prints the status code. Returns how many shells ran it.
pub fn assert_check_makes_the_clients_request(
    client: &str,
    key: &str,
    model: &str,
    client_request: &Request,
) -> usize {
    use onramp::clients::{Client, Values};
    use onramp::platform::{Os, Target};
    use onramp::shell::Shell;
    let client_id = client;
    let client = Client::from_id(client_id).expect("a client id");
    let profile = onramp::profile::Profile::builtin();
    // The relay serves every API at its origin: the path is the API's.
    let for_model = Values {
        model: model.into(),
        ..Values::default()
    };
    let path = client
        .setup(&profile, &for_model, Target::new(Os::Linux))
        .api
        .path(model);
    let endpoint = path.split('?').next().unwrap_or_default();
    assert_eq!(
        client_request.path.split('?').next(),
        Some(endpoint),
        "{client_id}: the client called another path than its API's"
    );
    let mut ran = 0;
    for shell in [Shell::Posix, Shell::Fish] {
        let server = RecordingServer::strict(Strict {
            key: key.to_owned(),
            model: Some(model.to_owned()),
            endpoint: endpoint.to_owned(),
        });
        let values = Values {
            key: key.into(),
            base_url: server.url(),
            model: model.into(),
        };
        let target = Target::with_shell(Os::Linux, shell).unwrap();
        let check = client.check(&profile, &values, target);
        let content = &check.snippets.first().expect("a check command").content;
        let program = match shell {
            Shell::Fish => "fish",
            _ => "bash",
        };
        let mut command = Command::new(program);
        command.arg("-c").arg(content);
        let output = run_client(command);
        let case = format!("{client_id}'s check in {program}");
        assert!(output.success, "{case}: {}", output.stderr);
        assert!(
            output.stdout.lines().any(|line| line == "HTTP 200"),
            "{case}: no status line in {}",
            output.stdout
        );
        let requests = server.requests();
        assert_eq!(requests.len(), 1, "{case}: {:#?}", summary(&requests));
        let check_request = &requests[0];
        assert_eq!(check_request.method, client_request.method, "{case}");
        assert_eq!(
            check_request.path.split('?').next(),
            Some(endpoint),
            "{case}"
        );
        for header in ["authorization", "anthropic-version", "x-api-key"] {
            assert_eq!(
                check_request
                    .header(header)
                    .map(|v| v.replace(key, "<key>")),
                client_request
                    .header(header)
                    .map(|v| v.replace(key, "<key>")),
                "{case}: {header}"
            );
        }
        let model_of = |request: &Request| {
            serde_json::from_slice::<serde_json::Value>(&request.body).unwrap()["model"].clone()
        };
        assert_eq!(model_of(check_request), model_of(client_request), "{case}");
        assert_eq!(check_request.status, "200 OK", "{case}");
        println!("{case}: the request the client made, answered 200, status printed");
        ran += 1;
    }
    ran
}

/// Not part of any setup: cn 1.5.47 asks api.continue.dev for its latest version on every
/// start (`src/version.ts`, at module load) and has no switch to stop it. Preloaded into its
/// Node process (`NODE_OPTIONS=--require`), this refuses every connection beyond loopback
/// before it is attempted.
pub const CN_LOOPBACK_ONLY: &str = r#"
const net = require("node:net");
const connect = net.Socket.prototype.connect;
const loopback = new Set(["127.0.0.1", "::1", "localhost"]);
net.Socket.prototype.connect = function (...args) {
  const options = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (options !== null && typeof options === "object" && options.path === undefined) {
    const host = options.host ?? "localhost";
    if (!loopback.has(host)) {
      const error = Object.assign(new Error(`${host} is not loopback`), { code: "ECONNREFUSED" });
      process.nextTick(() => this.destroy(error));
      return this;
    }
  }
  return connect.apply(this, args);
};
"#;

/// Runs `command` traced and tells whether the client reached the strict relay `server`: it
/// ended well, the relay answered one request with 200, and it tried no other address; with
/// what to show when that is not what onramp expected. `answered_with`, if given, must also
/// be in what the client printed.
pub fn reached_the_relay(
    command: Command,
    trace: &Path,
    server: &RecordingServer,
    answered_with: Option<&str>,
) -> (bool, String) {
    let run = run_traced_client(command, trace);
    let answered = server.requests().iter().any(|r| r.status == "200 OK");
    let reached = run.output.success
        && answered
        && answered_with.is_none_or(|text| run.output.stdout.contains(text))
        && run.outside_connections.is_empty();
    let shown = format!(
        "{:?}\noutside: {:?}\n{}\n{}",
        summary(&server.requests()),
        run.outside_connections,
        run.output.stdout,
        run.output.stderr
    );
    (reached, shown)
}
