//! Inputs that grow with a size in bytes, shared by the growth test (`tests/robustness.rs`)
//! and the benchmark (`bench/doctor.rs`), so that the figures the benchmark reports are those
//! of the inputs the test guards.

use onramp::check::Kind;

/// Makes an input of about the given number of bytes.
pub type MakeInput = fn(usize) -> String;

/// Inputs that grow with a size in bytes, one per kind of work the checkers do: many small
/// tables, many keys, one huge string, thousands of JSON members, many shell lines, a URL full
/// of stray characters, a key of blanks. `bench/doctor.rs` times the same inputs.
pub fn growing_inputs() -> Vec<(Kind, MakeInput)> {
    vec![
        (Kind::CodexConfig, |bytes| {
            let mut text = String::from("model_provider = \"OpenAI\"\n");
            let mut index = 0;
            while text.len() + 100 < bytes {
                text.push_str(&format!(
                    "[t{index}] # table\nkey = \"value \\\"quoted\\\"\"\nlist = [1, 2, 3]\n\n"
                ));
                index += 1;
            }
            text
        }),
        (Kind::CodexConfig, |bytes| {
            repeated("model = \"gpt-5.5\" # filler\n", bytes)
        }),
        (Kind::CodexAuth, |bytes| {
            format!("{{\"OPENAI_API_KEY\": \"{}\"}}", "k".repeat(bytes - 24))
        }),
        (Kind::ClaudeSettings, |bytes| {
            format!(
                "{{\"env\": {{{}\"ANTHROPIC_AUTH_TOKEN\": \"sk-abc123abc123abc123\"}}}}",
                repeated("\"X_VAR\": \"value\", ", bytes - 60)
            )
        }),
        (Kind::EnvBash, |bytes| {
            repeated("export OPENAI_API_KEY='sk-abc123abc123abc123 '\n", bytes)
        }),
        (Kind::DotEnv, |bytes| {
            repeated(
                "OPENAI_BASE_URL=https://api.4096bytes.com/v1/chat/completions\n",
                bytes,
            )
        }),
        (Kind::Url, |bytes| {
            format!(
                "https://api.4096bytes.com/{}",
                "\u{200B} ".repeat(bytes / 4 - 8)
            )
        }),
        (Kind::Key, |bytes| " ".repeat(bytes)),
    ]
}

/// A text of about `bytes` made by repeating `unit`.
fn repeated(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len())
}
