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

/// An empty folder under target/ (not /tmp: Codex refuses some setup in temporary folders).
pub fn fresh_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
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
    pub endpoint: &'static str,
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
        let Some((name, value)) = line.trim_end().split_once(':') else {
            break;
        };
        headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_owned());
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
        if headers.get("authorization").map(String::as_str)
            != Some(&format!("Bearer {}", strict.key))
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
        ("POST", p) if p.ends_with("/chat/completions") => {
            ("200 OK", "application/json", chat_completion())
        }
        ("POST", p) if p.ends_with("/v1/messages") => {
            ("200 OK", "text/event-stream", messages_stream())
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

/// The smallest Responses API stream a client accepts as a finished turn.
fn responses_stream() -> String {
    let events = [
        serde_json::json!({"type": "response.created", "response": {"id": "resp_onramp"}}),
        serde_json::json!({"type": "response.output_item.done", "item": {
            "type": "message", "role": "assistant", "id": "msg_onramp",
            "content": [{"type": "output_text", "text": ANSWER}]}}),
        serde_json::json!({"type": "response.completed", "response": {"id": "resp_onramp", "usage": {
            "input_tokens": 0, "input_tokens_details": null, "output_tokens": 0,
            "output_tokens_details": null, "total_tokens": 0}}}),
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

/// That key with the mistakes people paste along with it: the doctor's verdict on each, for
/// a client, must match what that client does with it.
pub const KEY_MISTAKES: [(&str, &str); 4] = [
    ("a leading space", " sk-onramp-whitespace-0001"),
    ("a trailing space", "sk-onramp-whitespace-0001 "),
    ("a trailing tab", "sk-onramp-whitespace-0001\t"),
    ("a zero-width space", "sk-onramp-\u{200B}whitespace-0001"),
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
