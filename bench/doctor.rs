//! The doctor's speed, natively: how long one check of each growing input takes at 100 KiB and
//! at 1 MiB (the figures a test once asserted, now reported), and a realistic 100 KiB
//! `config.toml`. Run by `bench/run`; `cargo bench --bench doctor -- --json FILE` also writes
//! the figures as JSON. It reports and never fails for being slow.

#[path = "../tests/support/inputs.rs"]
mod inputs;

use onramp::check::{self, Context, Kind};
use onramp::profile::Profile;
use std::time::{Duration, Instant};

/// Runs per figure; the median and the fastest are reported.
const RUNS: usize = 7;

struct Figure {
    name: String,
    bytes: usize,
    median: Duration,
    fastest: Duration,
}

fn measure(name: String, text: &str, kind: Kind, context: &Context) -> Figure {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            std::hint::black_box(check::check(text, Some(kind), context));
            started.elapsed()
        })
        .collect();
    times.sort();
    Figure {
        name,
        bytes: text.len(),
        median: times[RUNS / 2],
        fastest: times[0],
    }
}

/// A `config.toml` as people have them, grown to about `bytes`: the relay's block, then MCP
/// servers, projects and profiles with comments.
fn realistic_config(bytes: usize) -> String {
    let mut text = String::from(
        "# Codex\nmodel_provider = \"OpenAI\"\nmodel = \"gpt-5.5\"\nreview_model = \"gpt-5.5\"\n\n[model_providers.OpenAI]\nname = \"4096bytes\"\nbase_url = \"https://api.4096bytes.com\"\nwire_api = \"responses\"\nrequires_openai_auth = true\n\n[features]\nweb_search_request = true\n",
    );
    let mut index = 0;
    while text.len() < bytes {
        text.push_str(&format!(
            "\n# server {index}\n[mcp_servers.server{index}]\ncommand = \"npx\"\nargs = [\"-y\", \"@example/server-{index}\"]\nenv = {{ TOKEN_NAME = \"EXAMPLE_{index}\" }}\n\n[projects.\"/home/me/work/project-{index}\"]\ntrust_level = \"trusted\"\n"
        ));
        index += 1;
    }
    text
}

fn main() {
    let json_path = std::env::args().skip_while(|arg| arg != "--json").nth(1);
    let profile = Profile::builtin();
    let context = Context {
        profile: &profile,
        client: None,
    };
    let mut figures = vec![measure(
        "codex-config, realistic".into(),
        &realistic_config(100 << 10),
        Kind::CodexConfig,
        &context,
    )];
    for (index, (kind, make)) in inputs::growing_inputs().into_iter().enumerate() {
        for bytes in [100 << 10, check::MAX_INPUT_BYTES - 1024] {
            let name = format!("input {index} ({})", kind.id());
            figures.push(measure(name, &make(bytes), kind, &context));
        }
    }
    println!(
        "{:<32} {:>9} {:>10} {:>10}",
        "doctor, native", "bytes", "median", "fastest"
    );
    for figure in &figures {
        println!(
            "{:<32} {:>9} {:>8.2}ms {:>8.2}ms",
            figure.name,
            figure.bytes,
            figure.median.as_secs_f64() * 1e3,
            figure.fastest.as_secs_f64() * 1e3
        );
    }
    if let Some(path) = json_path {
        let json: Vec<_> = figures
            .iter()
            .map(|figure| {
                serde_json::json!({
                    "name": figure.name,
                    "bytes": figure.bytes,
                    "median_ms": figure.median.as_secs_f64() * 1e3,
                    "fastest_ms": figure.fastest.as_secs_f64() * 1e3,
                })
            })
            .collect();
        let text = serde_json::to_string_pretty(&json).unwrap_or_default();
        if let Err(error) = std::fs::write(&path, text) {
            eprintln!("cannot write {path}: {error}");
            std::process::exit(1);
        }
    }
}
