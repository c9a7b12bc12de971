//! The baseline page: the stack onramp is built on and nothing else. One field and one TOML
//! file built with toml_edit from values read with serde_json, shown in the same markup as
//! onramp's snippets (`.snippet .content`), so both pages have a "first snippet visible" moment.

use leptos::prelude::*;
use toml_edit::{DocumentMut, Item, Table, value};

/// Stands in for onramp's relay profile, which is JSON compiled into the page.
const PROFILE: &str = r#"{"name": "4096bytes", "base_url": "https://api.4096bytes.com",
    "model_placeholder": "PASTE_MODEL_NAME_FROM_DASHBOARD"}"#;

/// A Codex-like `config.toml` for the model, parsed, edited and printed by toml_edit so that its
/// parser and printer are both linked, as they are in onramp.
fn config_toml(profile: &serde_json::Value, model: &str) -> String {
    let text = |field: &str| profile[field].as_str().unwrap_or_default();
    let mut document: DocumentMut = "model_provider = \"OpenAI\"\n".parse().unwrap_or_default();
    document["model"] = value(if model.is_empty() {
        text("model_placeholder")
    } else {
        model
    });
    let mut provider = Table::new();
    provider["name"] = value(text("name"));
    provider["base_url"] = value(text("base_url"));
    provider["wire_api"] = value("responses");
    let mut providers = Table::new();
    providers.set_implicit(true);
    providers["OpenAI"] = Item::Table(provider);
    document["model_providers"] = Item::Table(providers);
    document.to_string()
}

#[component]
fn Baseline() -> impl IntoView {
    let profile: serde_json::Value = serde_json::from_str(PROFILE).unwrap_or_default();
    let model = RwSignal::new(String::new());
    let content = Memo::new(move |_| model.with(|model| config_toml(&profile, model)));
    // `elementtiming`, as on onramp's snippet lines: the browser reports when the snippet is
    // first painted (bench/page.mjs). On the <pre>, the block that lays out the text.
    let snippet = view! { <pre class="snippet"><code class="content">{content}</code></pre> }
        .attr("elementtiming", "snippet");
    view! {
        <label for="model">"Model"</label>
        <input id="model" prop:value=move || model.get() on:input=move |ev| model.set(event_target_value(&ev)) />
        {snippet}
    }
}

fn main() {
    leptos::mount::mount_to_body(Baseline);
}
