//! One-click import into desktop apps that take a provider from a link: CC Switch (for each
//! client it manages that the relay offers) and Chatbox. The page builds each link from what
//! was typed; the key is in the link and nowhere else, and the visitor opens it.
//!
//! The formats are the apps' parsers', read at pinned commits:
//! - CC Switch, `farion1231/cc-switch` at 5ca9459d (2026-08-21), `src-tauri/src/deeplink/`
//!   `parser.rs`, `provider.rs`, `utils.rs`: `ccswitch://v1/import?resource=provider&app=…`,
//!   query pairs decoded as a form (`+` is a space), the last of a repeated name wins. It
//!   requires `name`, a non-empty `apiKey` and `endpoint`; `endpoint` is split at `,` (more
//!   endpoints) and each part must parse as an http(s) URL. Codex's `base_url` is the endpoint
//!   trimmed of spaces and trailing `/`, with no `/v1` added; Claude Code's
//!   `ANTHROPIC_BASE_URL`, Gemini CLI's `GOOGLE_GEMINI_BASE_URL` and OpenCode's `baseURL` are
//!   the endpoint trimmed. It shows a confirmation with the key masked; `enabled=true` makes
//!   the provider the app's current one, which writes the client's files.
//! - Chatbox, `chatboxai/chatbox` at 0d3139e5 (1.20.0, 2026-04-02), `src/main/deeplinks.ts`,
//!   `src/renderer/routes/settings/provider/route.tsx`, `src/renderer/utils/base64.ts` and
//!   `provider-config.ts`: `chatbox://provider/import?config=<base64 of JSON>`, the parameter
//!   read with `URLSearchParams`, spaces turned back into `+`, decoded by js-base64 as UTF-8,
//!   then checked: a custom provider `{id, name, type, settings: {apiHost, apiPath?, apiKey?,
//!   models?: [{modelId}]}}` whose id is none of its built-in providers'. With `apiPath` given
//!   it calls `apiHost` + `apiPath` as they are (`src/shared/utils/llm_utils.ts`).

use crate::clients::{Client, Values, lineup};
use crate::i18n::Msg;
use crate::profile::{Profile, Protocol};
use base64::Engine;

/// An app that imports a provider from a link, and for which of its clients.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportApp {
    /// CC Switch, setting up one of the clients it manages.
    CcSwitch(Client),
    Chatbox,
}

/// The clients CC Switch imports a provider for, with its name for each (`app=`).
pub const CC_SWITCH_APPS: [(Client, &str); 4] = [
    (Client::ClaudeCode, "claude"),
    (Client::Codex, "codex"),
    (Client::GeminiCli, "gemini"),
    (Client::Opencode, "opencode"),
];

/// Chatbox calls `apiHost` + this for an OpenAI-compatible provider.
pub const CHATBOX_API_PATH: &str = "/chat/completions";

/// One link, and what the app does with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportLink {
    pub app: ImportApp,
    pub url: String,
    /// What opening it does, for the line beside it.
    pub effect: Msg,
}

impl ImportApp {
    /// The label of the link: the app, and the client it sets up.
    pub fn label(self) -> String {
        match self {
            ImportApp::CcSwitch(client) => format!("CC Switch · {}", client.name()),
            ImportApp::Chatbox => "Chatbox".to_owned(),
        }
    }
}

/// The links for this relay and these values: none until a key and a model are typed (an
/// import with a placeholder would only fail later), then one per app and client the relay
/// offers whose parser takes the values.
pub fn links(profile: &Profile, values: &Values) -> Vec<ImportLink> {
    if values.key.is_empty() || values.model.is_empty() {
        return Vec::new();
    }
    let base_url = values.resolve(profile).base_url;
    let offered = |client| lineup::unavailable(profile, client).is_none();
    let cc_switch = CC_SWITCH_APPS
        .into_iter()
        .filter(|(client, _)| offered(*client))
        .filter_map(|(client, app)| {
            let endpoint = client.base_url(profile, base_url);
            cc_switch_takes(&endpoint).then(|| ImportLink {
                app: ImportApp::CcSwitch(client),
                url: cc_switch_link(app, &profile.display_name, &endpoint, values),
                effect: cc_switch_effect(client),
            })
        });
    // Chatbox is none of onramp's clients: it is offered wherever OpenAI's API is served.
    let chatbox = profile.serves(Protocol::OpenAi).then(|| ImportLink {
        app: ImportApp::Chatbox,
        url: chatbox_link(
            profile,
            &Client::OpenaiSdk.base_url(profile, base_url),
            values,
        ),
        effect: Msg::ChatboxImportEffect,
    });
    cc_switch.chain(chatbox).collect()
}

fn cc_switch_effect(client: Client) -> Msg {
    match client {
        Client::ClaudeCode => Msg::CcSwitchClaudeEffect,
        Client::Codex => Msg::CcSwitchCodexEffect,
        Client::GeminiCli => Msg::CcSwitchGeminiEffect,
        _ => Msg::CcSwitchOpenCodeEffect,
    }
}

/// Whether CC Switch's parser takes this endpoint as one http(s) URL: no `,` (it would split
/// there), a scheme and a host, nothing its URL parser refuses or would change.
fn cc_switch_takes(endpoint: &str) -> bool {
    let rest = endpoint
        .strip_prefix("https://")
        .or_else(|| endpoint.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        !host.is_empty()
            && !host.starts_with(['@', ':'])
            && endpoint
                .chars()
                .all(|c| c.is_ascii_graphic() && !matches!(c, ',' | '\\' | '<' | '>' | '"'))
    })
}

fn cc_switch_link(app: &str, name: &str, endpoint: &str, values: &Values) -> String {
    let pairs = [
        ("resource", "provider"),
        ("app", app),
        ("name", name),
        ("endpoint", endpoint),
        ("apiKey", values.key.as_str()),
        ("model", values.model.as_str()),
        ("enabled", "true"),
    ];
    let query: Vec<String> = pairs
        .iter()
        .map(|(name, value)| format!("{name}={}", percent_encode(value)))
        .collect();
    format!("ccswitch://v1/import?{}", query.join("&"))
}

/// Chatbox's provider id for this relay: its own prefix for custom providers, so that it can
/// never be one of Chatbox's built-in ids (`openai`, `deepseek`…), which it refuses.
pub fn chatbox_provider_id(profile: &Profile) -> String {
    format!("custom-provider-{}", profile.id)
}

fn chatbox_link(profile: &Profile, api_host: &str, values: &Values) -> String {
    let config = serde_json::json!({
        "id": chatbox_provider_id(profile),
        "name": profile.display_name,
        "type": "openai",
        "isCustom": true,
        "settings": {
            "apiHost": api_host,
            "apiPath": CHATBOX_API_PATH,
            "apiKey": values.key,
            "models": [{ "modelId": values.model }],
        },
    });
    let encoded = base64::engine::general_purpose::STANDARD.encode(config.to_string());
    format!(
        "chatbox://provider/import?config={}",
        percent_encode(&encoded)
    )
}

/// Every byte but the unreserved ones percent-encoded: what any query parser reads back as
/// it was, whether it takes `+` for a space or not.
fn percent_encode(value: &str) -> String {
    let mut encoded = String::with_capacity(value.len() * 3);
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    //! The links are read back by ports of the apps' own rules (at the commits named above),
    //! for every app and for keys, models and names with quotes, `&`, `#`, `%`, `+`, spaces
    //! and non-ASCII.
    use super::*;
    use crate::platform::{Os, Target};
    use proptest::prelude::*;
    use std::collections::HashMap;

    /// `url::Url::query_pairs` as CC Switch uses it: `&`-separated, the first `=` splits,
    /// `+` is a space, `%XX` a byte, UTF-8 decoded lossily; the last of a name wins.
    fn query_pairs(query: &str) -> HashMap<String, String> {
        let decode = |part: &str| {
            let bytes = part.as_bytes();
            let mut out = Vec::new();
            let mut i = 0;
            while i < bytes.len() {
                match bytes[i] {
                    b'+' => out.push(b' '),
                    b'%' if i + 2 < bytes.len() => {
                        let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                        match u8::from_str_radix(hex, 16) {
                            Ok(byte) => {
                                out.push(byte);
                                i += 2;
                            }
                            Err(_) => out.push(b'%'),
                        }
                    }
                    byte => out.push(byte),
                }
                i += 1;
            }
            String::from_utf8_lossy(&out).into_owned()
        };
        query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| match pair.split_once('=') {
                Some((name, value)) => (decode(name), decode(value)),
                None => (decode(pair), String::new()),
            })
            .collect()
    }

    /// What CC Switch 5ca9459d writes for the client, from a link it accepts; its refusal
    /// otherwise.
    fn cc_switch_imports(link: &str) -> Result<HashMap<&'static str, String>, String> {
        let query = link
            .strip_prefix("ccswitch://v1/import?")
            .ok_or("not a v1 import link")?;
        // Nothing in the query that a URL parser would change or stop at.
        assert!(
            query.bytes().all(|b| b.is_ascii_graphic() && b != b'#'),
            "{query}"
        );
        let params = query_pairs(query);
        let get = |name: &str| params.get(name).cloned();
        if get("resource").as_deref() != Some("provider") {
            return Err("resource".into());
        }
        let app = get("app").ok_or("Missing 'app' parameter")?;
        if ![
            "claude",
            "codex",
            "gemini",
            "grokbuild",
            "opencode",
            "openclaw",
            "hermes",
        ]
        .contains(&app.as_str())
        {
            return Err(format!("Invalid provider app type: '{app}'"));
        }
        let name = get("name").ok_or("Missing 'name' parameter")?;
        let endpoint = get("endpoint").ok_or("Endpoint is required")?;
        for part in endpoint.split(',') {
            let part = part.trim();
            if !part.is_empty() && !cc_switch_takes(part) {
                return Err(format!("Invalid URL for endpoint: {part}"));
            }
        }
        let primary = endpoint
            .split(',')
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned();
        if primary.is_empty() {
            return Err("Endpoint cannot be empty".into());
        }
        let key = get("apiKey")
            .filter(|k| !k.is_empty())
            .ok_or("API key is required")?;
        let model = get("model");
        let mut wrote = HashMap::from([
            ("name", name),
            ("enabled", get("enabled").unwrap_or_default()),
        ]);
        match app.as_str() {
            "codex" => {
                wrote.insert("base_url", primary.trim_end_matches('/').to_owned());
                wrote.insert("OPENAI_API_KEY", key);
                wrote.insert("model", model.unwrap_or_else(|| "gpt-5-codex".into()));
            }
            "claude" => {
                wrote.insert("ANTHROPIC_BASE_URL", primary);
                wrote.insert("ANTHROPIC_AUTH_TOKEN", key);
                wrote.extend(model.map(|m| ("ANTHROPIC_MODEL", m)));
            }
            "gemini" => {
                wrote.insert("GOOGLE_GEMINI_BASE_URL", primary);
                wrote.insert("GEMINI_API_KEY", key);
                wrote.extend(model.map(|m| ("GEMINI_MODEL", m)));
            }
            _ => {
                wrote.insert("baseURL", primary);
                wrote.insert("apiKey", key);
                wrote.extend(model.map(|m| ("model", m)));
            }
        }
        Ok(wrote)
    }

    /// Chatbox 0d3139e5's built-in provider ids (`ModelProviderEnum`), which an import may not take.
    const CHATBOX_BUILTIN_IDS: [&str; 23] = [
        "chatbox-ai",
        "openai",
        "openai-responses",
        "azure",
        "chatglm-6b",
        "claude",
        "gemini",
        "ollama",
        "groq",
        "deepseek",
        "siliconflow",
        "volcengine",
        "mistral-ai",
        "lm-studio",
        "perplexity",
        "xAI",
        "openrouter",
        "minimax",
        "minimax-cn",
        "moonshot",
        "qwen",
        "qwen-portal",
        "custom",
    ];

    /// The provider Chatbox imports from a link, and the URL it then calls; its refusal
    /// otherwise.
    fn chatbox_imports(link: &str) -> Result<(serde_json::Value, String), String> {
        let query = link
            .strip_prefix("chatbox://provider/import?")
            .ok_or("not a provider import link")?;
        assert!(
            query.bytes().all(|b| b.is_ascii_graphic() && b != b'#'),
            "{query}"
        );
        // URLSearchParams.get, then decodeBase64's spaces back to `+`.
        let config = query_pairs(query)
            .remove("config")
            .unwrap_or_default()
            .replace(' ', "+");
        // js-base64 reads the standard and the URL-safe alphabet, with or without padding.
        let cleaned: String = config
            .chars()
            .map(|c| match c {
                '-' => '+',
                '_' => '/',
                c => c,
            })
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '/'))
            .collect();
        let bytes = base64::engine::general_purpose::STANDARD_NO_PAD
            .decode(cleaned)
            .map_err(|e| e.to_string())?;
        let json: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
        let text = |value: &serde_json::Value| value.as_str().map(str::to_owned);
        let id = text(&json["id"]).ok_or("id")?;
        if CHATBOX_BUILTIN_IDS.contains(&id.as_str()) {
            return Err("builtin-provider-id-conflict".into());
        }
        text(&json["name"]).ok_or("name")?;
        if !["openai", "openai-responses", "anthropic"]
            .contains(&json["type"].as_str().unwrap_or(""))
        {
            return Err("type".into());
        }
        let settings = &json["settings"];
        let host = text(&settings["apiHost"]).ok_or("settings.apiHost")?;
        text(&settings["apiKey"]).ok_or("settings.apiKey")?;
        for model in settings["models"].as_array().ok_or("settings.models")? {
            text(&model["modelId"]).ok_or("modelId")?;
        }
        // normalizeOpenAIApiHostAndPath with a path given: trimmed, one `/` dropped.
        let host = host.trim();
        let host = host.strip_suffix('/').unwrap_or(host);
        let path = text(&settings["apiPath"]).unwrap_or_default();
        Ok((json.clone(), format!("{host}{}", path.trim())))
    }

    fn values(key: &str, model: &str) -> Values {
        Values {
            key: key.into(),
            base_url: String::new(),
            model: model.into(),
        }
    }

    fn gemini_relay() -> Profile {
        let mut profile = Profile::builtin();
        profile.protocols.push(Protocol::Gemini);
        profile
    }

    #[test]
    fn no_link_until_a_key_and_a_model_are_typed() {
        let profile = gemini_relay();
        assert!(links(&profile, &values("", "m")).is_empty());
        assert!(links(&profile, &values("sk-1", "")).is_empty());
        let apps: Vec<_> = links(&profile, &values("sk-1", "m"))
            .iter()
            .map(|link| link.app)
            .collect();
        assert_eq!(
            apps,
            [
                ImportApp::CcSwitch(Client::ClaudeCode),
                ImportApp::CcSwitch(Client::Codex),
                ImportApp::CcSwitch(Client::GeminiCli),
                ImportApp::CcSwitch(Client::Opencode),
                ImportApp::Chatbox,
            ]
        );
    }

    #[test]
    fn only_apps_for_clients_the_relay_offers() {
        let builtin = Profile::builtin();
        let apps: Vec<_> = links(&builtin, &values("sk-1", "m"))
            .iter()
            .map(|l| l.app)
            .collect();
        assert!(!apps.contains(&ImportApp::CcSwitch(Client::GeminiCli)));
        assert!(apps.contains(&ImportApp::CcSwitch(Client::ClaudeCode)));
        let mut no_anthropic = builtin.clone();
        no_anthropic.protocols = vec![Protocol::OpenAi];
        let apps: Vec<_> = links(&no_anthropic, &values("sk-1", "m"))
            .iter()
            .map(|l| l.app)
            .collect();
        assert!(!apps.contains(&ImportApp::CcSwitch(Client::ClaudeCode)));
        let mut listed = builtin;
        listed.shown_clients = Some(vec!["claude-code".into()]);
        let apps: Vec<_> = links(&listed, &values("sk-1", "m"))
            .iter()
            .map(|l| l.app)
            .collect();
        assert_eq!(
            apps,
            [ImportApp::CcSwitch(Client::ClaudeCode), ImportApp::Chatbox]
        );
    }

    #[test]
    fn each_app_gets_the_base_url_its_client_needs_and_codex_no_added_v1() {
        let mut profile = gemini_relay();
        profile.base_url = "https://relay.example".into();
        profile.clients.codex.base_path = "/v1".into();
        profile.clients.openai_compatible.base_path = "/v1".into();
        let links = links(&profile, &values("sk-1", "m"));
        let target = Target::new(Os::Linux);
        for link in &links {
            match link.app {
                ImportApp::CcSwitch(client) => {
                    let wrote = cc_switch_imports(&link.url).unwrap();
                    let base_url = client.base_url(&profile, &profile.base_url);
                    let (field, request) = match client {
                        Client::Codex => ("base_url", format!("{base_url}/responses")),
                        Client::ClaudeCode => {
                            ("ANTHROPIC_BASE_URL", format!("{base_url}/v1/messages"))
                        }
                        Client::GeminiCli => ("GOOGLE_GEMINI_BASE_URL", String::new()),
                        _ => ("baseURL", format!("{base_url}/chat/completions")),
                    };
                    assert_eq!(wrote[field], base_url, "{client:?}");
                    assert_eq!(wrote["enabled"], "true");
                    let setup = client.setup(&profile, &values("sk-1", "m"), target);
                    if !request.is_empty() {
                        assert_eq!(setup.request_url, request, "{client:?}");
                    }
                }
                ImportApp::Chatbox => {
                    let (_, calls) = chatbox_imports(&link.url).unwrap();
                    assert_eq!(calls, "https://relay.example/v1/chat/completions");
                    let curl = Client::Curl.setup(&profile, &values("sk-1", "m"), target);
                    assert_eq!(calls, curl.request_url);
                }
            }
        }
        let codex = links
            .iter()
            .find(|l| l.app == ImportApp::CcSwitch(Client::Codex))
            .unwrap();
        assert_eq!(
            cc_switch_imports(&codex.url).unwrap()["base_url"],
            "https://relay.example/v1"
        );
        // The built-in relay serves Codex at its origin: no /v1 appears from anywhere.
        let builtin = links_for(
            &Profile::builtin(),
            "sk-1",
            "m",
            ImportApp::CcSwitch(Client::Codex),
        );
        assert_eq!(
            cc_switch_imports(&builtin).unwrap()["base_url"],
            "https://api.4096bytes.com"
        );
    }

    fn links_for(profile: &Profile, key: &str, model: &str, app: ImportApp) -> String {
        links(profile, &values(key, model))
            .into_iter()
            .find(|link| link.app == app)
            .unwrap()
            .url
    }

    #[test]
    fn a_base_url_cc_switch_would_split_or_refuse_gets_no_cc_switch_link() {
        let profile = Profile::builtin();
        for bad in [
            "https://a.example,b",
            "ftp://a.example",
            "https://",
            "https://a b.example",
        ] {
            let typed = Values {
                key: "sk-1".into(),
                base_url: bad.into(),
                model: "m".into(),
            };
            let apps: Vec<_> = links(&profile, &typed).iter().map(|l| l.app).collect();
            assert_eq!(apps, [ImportApp::Chatbox], "{bad}");
        }
    }

    #[test]
    fn chatbox_takes_the_relay_as_a_custom_provider() {
        let link = links_for(&Profile::builtin(), "sk-1", "gpt-5.5", ImportApp::Chatbox);
        let (json, calls) = chatbox_imports(&link).unwrap();
        assert_eq!(json["id"], "custom-provider-4096bytes");
        assert_eq!(json["name"], "4096bytes");
        assert_eq!(json["type"], "openai");
        assert_eq!(json["settings"]["apiKey"], "sk-1");
        assert_eq!(json["settings"]["models"][0]["modelId"], "gpt-5.5");
        assert_eq!(calls, "https://api.4096bytes.com/chat/completions");
        // Even a relay whose own id is one of Chatbox's built-in ones.
        let mut openai = Profile::builtin();
        openai.id = "openai".into();
        let link = links_for(&openai, "sk-1", "m", ImportApp::Chatbox);
        assert!(chatbox_imports(&link).is_ok());
    }

    /// Keys, models and names with what breaks links: quotes, `&`, `#`, `%`, `+`, `=`,
    /// spaces, non-ASCII (the escaping property tests' shapes).
    fn awkward() -> impl Strategy<Value = String> {
        prop_oneof![
            "[ -~]{1,30}",
            "[\"'&#%+=? \\\\/a-z]{1,20}",
            "[a-z\u{e9}\u{4e2d}\u{6587}\u{1F600} ]{1,12}",
        ]
    }

    proptest! {
        #[test]
        fn every_link_reads_back_to_exactly_the_typed_values(
            key in awkward(),
            model in awkward(),
            name in awkward(),
        ) {
            let mut profile = gemini_relay();
            profile.display_name = name.clone();
            let typed = values(&key, &model);
            let all = links(&profile, &typed);
            prop_assert_eq!(all.len(), 5);
            for link in all {
                match link.app {
                    ImportApp::CcSwitch(client) => {
                        let wrote = cc_switch_imports(&link.url).unwrap();
                        let key_field = match client {
                            Client::Codex => "OPENAI_API_KEY",
                            Client::ClaudeCode => "ANTHROPIC_AUTH_TOKEN",
                            Client::GeminiCli => "GEMINI_API_KEY",
                            _ => "apiKey",
                        };
                        prop_assert_eq!(&wrote[key_field], &key);
                        prop_assert_eq!(&wrote["name"], &name);
                        let model_field = match client {
                            Client::ClaudeCode => "ANTHROPIC_MODEL",
                            Client::GeminiCli => "GEMINI_MODEL",
                            _ => "model",
                        };
                        prop_assert_eq!(&wrote[model_field], &model);
                    }
                    ImportApp::Chatbox => {
                        let (json, _) = chatbox_imports(&link.url).unwrap();
                        prop_assert_eq!(json["settings"]["apiKey"].as_str(), Some(key.as_str()));
                        prop_assert_eq!(json["name"].as_str(), Some(name.as_str()));
                        prop_assert_eq!(
                            json["settings"]["models"][0]["modelId"].as_str(),
                            Some(model.as_str())
                        );
                    }
                }
            }
        }
    }
}
