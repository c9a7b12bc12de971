//! The page's components in headless Chromium: each test mounts the app in its own container
//! and drives it the way a visitor would, through input events and clicks.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use onramp::i18n::{Lang, Msg};
use onramp::profile::Profile;
use onramp::web::{App, DoctorHandle, InPage};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A mounted app, removed from the page when dropped.
struct Page(HtmlElement);

impl Page {
    async fn open() -> Page {
        Page::open_for(Profile::builtin()).await
    }

    async fn open_for(profile: Profile) -> Page {
        // Each test starts as a first visit: no remembered choices, no view in the address.
        window().local_storage().unwrap().unwrap().clear().unwrap();
        let path = window().location().pathname().unwrap();
        window()
            .history()
            .unwrap()
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
            .unwrap();
        let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
        document().body().unwrap().append_child(&container).unwrap();
        // The doctor answers in the page: the runner serves no worker module.
        let checker: DoctorHandle = Rc::new(InPage::new(profile.clone()));
        mount_to(
            container.clone(),
            move || view! { <App profile=profile checker=checker /> },
        )
        .forget();
        settle().await;
        Page(container)
    }

    fn find(&self, selector: &str) -> Option<Element> {
        self.0.query_selector(selector).unwrap()
    }

    fn get(&self, selector: &str) -> Element {
        self.find(selector)
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
    }

    fn input(&self, selector: &str) -> HtmlInputElement {
        self.get(selector).unchecked_into()
    }

    fn text(&self, selector: &str) -> String {
        self.get(selector).text_content().unwrap_or_default()
    }

    fn file(&self, file_name: &str) -> String {
        self.text(&format!(".snippet[data-file='{file_name}'] .content"))
    }

    async fn type_into(&self, selector: &str, text: &str) {
        let input = self.input(selector);
        input.set_value(text);
        input.dispatch_event(&bubbling("input")).unwrap();
        settle().await;
    }

    /// Shows the setup's alternative `id` (a tab).
    async fn show_tab(&self, id: &str) {
        self.click(&format!("[role='tab'][data-section='{id}']"))
            .await;
    }

    async fn click(&self, selector: &str) {
        self.get(selector).unchecked_into::<HtmlElement>().click();
        settle().await;
    }
}

impl Drop for Page {
    fn drop(&mut self) {
        self.0.remove();
    }
}

fn bubbling(kind: &str) -> Event {
    let init = EventInit::new();
    init.set_bubbles(true);
    Event::new_with_event_init_dict(kind, &init).unwrap()
}

/// Lets the reactive system run the effects a change scheduled: some run as microtasks after
/// others, so wait for a whole turn of the event loop, as a visitor's next keystroke would.
async fn settle() {
    leptos::task::tick().await;
    let next_turn = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(next_turn)
        .await
        .unwrap();
}

fn auth_key(page: &Page) -> String {
    let auth: serde_json::Value =
        serde_json::from_str(&page.file("auth.json")).expect("auth.json is JSON");
    auth["OPENAI_API_KEY"].as_str().unwrap().to_owned()
}

#[wasm_bindgen_test]
async fn before_any_typing_the_files_show_the_placeholders() {
    let page = Page::open().await;
    assert_eq!(auth_key(&page), "YOUR_4096BYTES_API_KEY");
    assert!(
        page.file("config.toml")
            .contains("model = \"PASTE_MODEL_NAME_FROM_DASHBOARD\"")
    );
    assert!(
        page.file("config.toml")
            .contains("base_url = \"https://api.4096bytes.com\"")
    );
    assert!(page.find(".notice").is_some());
    assert_eq!(
        page.text("#request-url"),
        "POST https://api.4096bytes.com/responses"
    );
}

#[wasm_bindgen_test]
async fn typed_values_flow_into_the_files() {
    let page = Page::open().await;
    page.type_into("#key", r#"sk-"q"\b"#).await;
    page.type_into("#model", "gpt-5.5").await;
    assert_eq!(auth_key(&page), r#"sk-"q"\b"#);
    assert!(page.file("config.toml").contains("model = \"gpt-5.5\""));
    assert!(page.find(".notice").is_none(), "no placeholders left");
}

#[wasm_bindgen_test]
async fn the_key_field_is_masked_until_revealed_and_never_remembered() {
    let page = Page::open().await;
    let key = page.input("#key");
    assert_eq!(key.type_(), "password");
    assert_eq!(key.get_attribute("autocomplete").as_deref(), Some("off"));
    assert_eq!(key.get_attribute("spellcheck").as_deref(), Some("false"));
    assert!(
        page.get("label[for='key']")
            .text_content()
            .unwrap()
            .contains("API key")
    );
    page.click("button.reveal").await;
    assert_eq!(key.type_(), "text");
    assert_eq!(
        page.get("button.reveal")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    page.click("button.reveal").await;
    assert_eq!(key.type_(), "password");
}

#[wasm_bindgen_test]
async fn a_trailing_space_in_the_key_is_flagged_and_fixed_in_one_click() {
    let page = Page::open().await;
    page.type_into("#key", "sk-secret-abc-0123456789 ").await;
    // Codex, the client the page starts with, sends it, and the server drops it: a warning.
    assert!(
        page.find("#key-findings .finding.warning[data-code='key/surrounding-space-trimmed']")
            .is_some()
    );
    // The Python SDK refuses to send such a key: for the SDKs it is an error.
    page.click("input[name='client'][value='openai-sdk']").await;
    let finding = page.get("#key-findings .finding.error[data-code='key/surrounding-space']");
    let text = finding.text_content().unwrap();
    assert!(text.contains("at character 25"), "{text}");
    assert!(
        !text.contains("sk-secret"),
        "the finding must not show the key: {text}"
    );
    // Rule codes are for the doctor's details and the CLI, not for customers at a field.
    assert!(!text.contains("key/surrounding-space"), "{text}");
    assert!(finding.query_selector(".rule-code").unwrap().is_none());

    page.click("#key-findings .finding button.fix").await;
    assert_eq!(page.input("#key").value(), "sk-secret-abc-0123456789");
    assert!(page.find("#key-findings .finding").is_none());
    assert!(
        page.text("[role='tabpanel'] .snippet[data-shell='bash'] .content")
            .contains("export OPENAI_API_KEY='sk-secret-abc-0123456789'\n")
    );

    page.type_into("#key", "sk-secret abc-0123456789").await;
    assert!(
        page.find("#key-findings .finding[data-code='key/whitespace']")
            .is_some()
    );
    assert_eq!(
        page.input("#key").get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn an_invisible_character_in_the_key_is_flagged() {
    let page = Page::open().await;
    page.type_into("#key", "sk-\u{200B}abc-0123456789abc").await;
    assert!(
        page.find("#key-findings .finding[data-code='key/invisible-character']")
            .is_some()
    );
}

#[wasm_bindgen_test]
async fn a_url_without_scheme_gets_https_from_its_fix() {
    let page = Page::open().await;
    page.type_into("#base-url", "api.4096bytes.com").await;
    page.click("#base-url-findings .finding[data-code='url/scheme-missing'] button.fix")
        .await;
    assert_eq!(page.input("#base-url").value(), "https://api.4096bytes.com");
}

/// The base URL field is judged for the chosen client: Claude Code adds /v1 itself, so a base
/// URL ending in /v1 is an error there, shown beside the doubled request URL it gives.
#[wasm_bindgen_test]
async fn a_base_url_the_client_extends_is_an_error_beside_the_request_url() {
    let page = Page::open().await;
    page.click("input[name='client'][value='claude-code']")
        .await;
    page.type_into("#base-url", "https://api.4096bytes.com/v1")
        .await;
    assert!(
        page.find("#base-url-findings .finding.error[data-code='url/doubled-v1']")
            .is_some(),
        "{}",
        page.text("#base-url-findings")
    );
    assert_eq!(
        page.text("#request-url"),
        "POST https://api.4096bytes.com/v1/v1/messages"
    );
    assert!(
        page.find(".request-error[role='alert']").is_some(),
        "the doubled request URL is stated without an error beside it"
    );

    // Codex, for which the relay wants no path, gets its own verdict.
    page.click("input[name='client'][value='codex']").await;
    assert!(
        page.find("#base-url-findings .finding.error[data-code='url/unexpected-path']")
            .is_some()
    );
    assert!(page.find(".request-error").is_some());

    page.click("#base-url-findings .finding button.fix").await;
    assert_eq!(page.input("#base-url").value(), "https://api.4096bytes.com");
    assert_eq!(
        page.text("#request-url"),
        "POST https://api.4096bytes.com/responses"
    );
    assert!(page.find(".request-error").is_none());
    assert!(page.find("#base-url-findings .finding").is_none());
}

/// The setup begins with how to install the client, and "check that it works" makes the
/// chosen client's request.
#[wasm_bindgen_test]
async fn the_setup_starts_with_the_install_and_the_check_calls_what_the_client_calls() {
    let page = Page::open().await;
    page.click("input[name='os'][value='linux']").await;
    assert_eq!(
        page.text(".install .snippet .content"),
        "curl -fsSL https://chatgpt.com/codex/install.sh | sh\n"
    );
    let check = page.text(".check .snippet .content");
    assert!(
        check.starts_with("curl -sS 'https://api.4096bytes.com/responses'"),
        "{check}"
    );
    page.click("input[name='client'][value='claude-code']")
        .await;
    let check = page.text(".check .snippet .content");
    assert!(
        check.starts_with("curl -sS 'https://api.4096bytes.com/v1/messages'"),
        "{check}"
    );
    assert!(
        check.contains("-H 'anthropic-version: 2023-06-01'"),
        "{check}"
    );
    assert!(
        check.contains("-w '\\nHTTP %{http_code}\\n'\n"),
        "the status format on one line: {check}"
    );
    assert_eq!(
        page.text(".install .snippet .content"),
        "curl -fsSL https://claude.ai/install.sh | bash\n"
    );
    page.click("input[name='client'][value='cursor']").await;
    assert_eq!(
        page.get(".install a.open-link")
            .get_attribute("href")
            .as_deref(),
        Some("https://cursor.com/downloads")
    );
}

#[wasm_bindgen_test]
async fn each_system_gets_its_own_paths() {
    let page = Page::open().await;
    let path = |page: &Page| page.text(".snippet[data-file='config.toml'] .path");
    page.click("input[name='os'][value='windows']").await;
    assert_eq!(path(&page), "%USERPROFILE%\\.codex\\config.toml");
    page.click("input[name='os'][value='wsl']").await;
    assert_eq!(path(&page), "~/.codex/config.toml");
    assert!(
        page.text(".snippet[data-file='config.toml'] .notes")
            .contains("WSL")
    );
    page.click("input[name='os'][value='macos']").await;
    assert_eq!(path(&page), "~/.codex/config.toml");
}

#[wasm_bindgen_test]
async fn the_page_switches_to_simplified_chinese() {
    let page = Page::open().await;
    let select: HtmlSelectElement = page.get("#language").unchecked_into();
    select.set_value("zh-Hans");
    select.dispatch_event(&bubbling("change")).unwrap();
    settle().await;
    assert_eq!(page.text("label[for='key']"), "API 密钥");
    assert_eq!(
        page.text(".snippet[data-file='auth.json'] button.copy"),
        "复制"
    );
    // Full-width punctuation and no stray spaces in what is put together from parts.
    page.type_into("#key", "sk-secret-abc-0123456789 ").await;
    assert_eq!(
        page.text("#key-findings .finding .position"),
        "（位于第 25 个字符）"
    );
    let input: web_sys::HtmlTextAreaElement = page.get("#doctor-input").unchecked_into();
    input.set_value("{\n  \"OPENAI_API_KEY\": \"sk-secret-abc-0123456789\",\n}\n");
    input.dispatch_event(&bubbling("input")).unwrap();
    settle().await;
    assert_eq!(page.text("#doctor-summary"), "发现的问题——错误：1，警告：0");
    assert_eq!(
        page.text("#doctor-findings .finding[data-code='json/trailing-comma'] .position"),
        "（第 2 行第 47 列）"
    );
}

#[wasm_bindgen_test]
async fn another_relay_profile_drives_the_page() {
    let mut profile = Profile::builtin();
    profile.base_url = "https://relay.example".into();
    profile.clients.codex.base_path = "/v1".into();
    profile.models = vec!["model-a".into(), "model-b".into()];
    let page = Page::open_for(profile).await;
    assert_eq!(page.input("#base-url").value(), "https://relay.example");
    assert_eq!(
        page.text("#request-url"),
        "POST https://relay.example/v1/responses"
    );
    let model = page.input("#model");
    let list = model
        .get_attribute("list")
        .expect("the model field offers the profile's models");
    let options = page
        .0
        .query_selector_all(&format!("datalist#{list} option"))
        .unwrap();
    assert_eq!(options.length(), 2);
}

#[wasm_bindgen_test]
async fn without_suggested_models_there_is_no_list() {
    let page = Page::open().await;
    assert_eq!(page.input("#model").get_attribute("list"), None);
    assert!(page.find("datalist").is_none());
}

#[wasm_bindgen_test]
async fn picking_claude_code_shows_its_settings_file_and_shell_commands() {
    let page = Page::open().await;
    page.type_into("#key", "sk-claude").await;
    page.click("input[name='client'][value='claude-code']")
        .await;
    let settings: serde_json::Value = serde_json::from_str(&page.file("settings.json")).unwrap();
    assert_eq!(settings["env"]["ANTHROPIC_AUTH_TOKEN"], "sk-claude");
    assert_eq!(
        page.text("#request-url"),
        "POST https://api.4096bytes.com/v1/messages"
    );
    page.click("input[name='os'][value='linux']").await;
    page.show_tab("env-session").await;
    let commands = page.text("[data-section='env-session'] .snippet[data-shell='bash'] .content");
    assert!(
        commands.contains("export ANTHROPIC_AUTH_TOKEN='sk-claude'"),
        "{commands}"
    );
}

#[wasm_bindgen_test]
async fn the_shells_offered_follow_the_system() {
    let page = Page::open().await;
    page.click("input[name='os'][value='linux']").await;
    page.click("input[name='shell'][value='fish']").await;
    assert!(page.find("input[name='shell'][value='cmd']").is_none());
    page.click("input[name='os'][value='windows']").await;
    assert!(page.find("input[name='shell'][value='fish']").is_none());
    let powershell = page.input("input[name='shell'][value='powershell']");
    assert!(
        powershell.checked(),
        "fish is not a Windows shell: PowerShell is picked instead"
    );
    page.click("input[name='shell'][value='cmd']").await;
    page.show_tab("env-persistent").await;
    let commands = page.text("[data-section='env-persistent'] .snippet[data-shell='cmd'] .content");
    assert!(
        commands.starts_with("setx RELAY_4096BYTES_API_KEY "),
        "{commands}"
    );
}

#[wasm_bindgen_test]
async fn gui_clients_get_values_to_paste_and_no_shell_choice() {
    let page = Page::open().await;
    page.type_into("#key", "sk-gui").await;
    page.click("input[name='client'][value='cursor']").await;
    assert!(
        page.find("input[name='shell']").is_none(),
        "Cursor needs no shell"
    );
    let values: Vec<String> = {
        let nodes = page
            .0
            .query_selector_all("[data-section='settings'] .snippet .content")
            .unwrap();
        (0..nodes.length())
            .map(|i| nodes.item(i).unwrap().text_content().unwrap())
            .collect()
    };
    assert_eq!(
        values,
        [
            "sk-gui",
            "https://api.4096bytes.com",
            "PASTE_MODEL_NAME_FROM_DASHBOARD"
        ]
    );
    assert!(
        page.find("[data-section='settings'] button.download")
            .is_none()
    );

    page.click("input[name='client'][value='codex']").await;
    page.click("input[name='os'][value='wsl']").await;
    page.click("input[name='client'][value='cherry-studio']")
        .await;
    assert!(
        page.input("input[name='os'][value='windows']").checked(),
        "WSL users run the app on Windows"
    );
    page.show_tab("import-link").await;
    let link = page.get("[data-section='import-link'] a.open-link");
    let href = link.get_attribute("href").unwrap();
    assert!(
        href.starts_with("cherrystudio://providers/api-keys?v=1&data="),
        "{href}"
    );
    assert!(
        page.find("input[name='os'][value='wsl']").is_none(),
        "no WSL for desktop apps"
    );
}

#[wasm_bindgen_test]
async fn the_doctor_finds_fixes_and_merges() {
    let page = Page::open().await;
    page.type_into("#model", "gpt-5.5").await;
    let input: web_sys::HtmlTextAreaElement = page.get("#doctor-input").unchecked_into();
    let type_text = |text: &str| {
        input.set_value(text);
        input.dispatch_event(&bubbling("input")).unwrap();
    };
    type_text("{\n  \"OPENAI_API_KEY\": \"sk-secret-abc-0123456789\",\n}\n");
    settle().await;
    assert_eq!(page.text("#doctor-detected"), "Codex auth.json");
    let finding = page.get("#doctor-findings .finding[data-code='json/trailing-comma']");
    let text = finding.text_content().unwrap();
    assert!(text.contains("line 2, column 47"), "{text}");
    assert!(!text.contains("sk-secret"), "{text}");
    assert_eq!(
        finding
            .query_selector(".rule-code")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("json/trailing-comma"),
        "the doctor's details name the rule"
    );
    page.click("button.fix-all").await;
    assert_eq!(
        input.value(),
        "{\n  \"OPENAI_API_KEY\": \"sk-secret-abc-0123456789\"\n}\n"
    );
    assert_eq!(page.text("#doctor-summary"), "No problems found.");

    type_text("[features]\ngoals = true\nmodel_provider = \"OpenAI\"\n");
    settle().await;
    assert!(
        page.find("#doctor-findings .finding[data-code='codex/root-key-under-table']")
            .is_some()
    );
    page.click(".doctor-actions button.merge").await;
    assert!(
        input.value().starts_with("model_provider = \"OpenAI\""),
        "{}",
        input.value()
    );
    assert!(
        page.find("#doctor-findings .finding.error").is_none(),
        "{}",
        page.text("#doctor-findings")
    );
    assert!(
        page.text(".merge-result")
            .contains("features.model_provider")
    );
}

#[wasm_bindgen_test]
async fn the_merge_keeps_the_files_model_when_none_is_typed_and_lists_what_is_still_wrong() {
    let page = Page::open().await;
    let panel = ".merge-panel[data-target='codex-config']";
    let merge = |existing: &'static str| {
        let page = &page;
        async move {
            page.type_into(&format!("{panel} textarea"), existing).await;
            page.click(&format!("{panel} button.merge")).await;
            page.text(&format!("{panel} .snippet.merged .content"))
        }
    };
    // No model typed: the file's own stays, and nothing is left to report.
    let merged = merge("model = \"gpt-5.5\"\n").await;
    assert!(merged.starts_with("model = \"gpt-5.5\"\n"), "{merged}");
    assert!(
        !merged.contains("PASTE_MODEL_NAME_FROM_DASHBOARD"),
        "{merged}"
    );
    assert!(page.find(&format!("{panel} .finding")).is_none());
    // A file without a model gets the placeholder, and the panel says it still needs one.
    let merged = merge("approval_policy = \"never\"\n").await;
    assert!(
        merged.contains("PASTE_MODEL_NAME_FROM_DASHBOARD"),
        "{merged}"
    );
    assert!(
        page.find(&format!("{panel} .finding[data-code='model/placeholder']"))
            .is_some(),
        "{}",
        page.text(panel)
    );
}

#[wasm_bindgen_test]
fn after_a_crash_the_page_says_so_in_both_languages_and_offers_a_reload() {
    onramp::web::show_crash_banner();
    let banner = document()
        .query_selector("body > .crashed")
        .unwrap()
        .unwrap();
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    let text = banner.text_content().unwrap_or_default();
    assert!(text.contains("stopped working"), "{text}");
    assert!(text.contains("页面已停止工作"), "{text}");
    let selector = format!("button[{}]", onramp::web::RELOAD_ATTRIBUTE);
    let button = banner
        .query_selector(&selector)
        .unwrap()
        .expect("a reload button");
    assert_eq!(button.text_content().as_deref(), Some("Reload / 重新加载"));
    banner.remove();
}

#[wasm_bindgen_test]
async fn an_unknown_error_still_ends_with_the_relays_checklist() {
    let page = Page::open().await;
    page.type_into("#error-text", "something odd happened at 3 am")
        .await;
    assert!(page.find("#symptom-result .notice").is_some());
    assert!(page.find("#symptom-result .symptom").is_none());
    let steps = page
        .0
        .query_selector_all("#symptom-result .checklist li")
        .unwrap();
    assert_eq!(steps.length(), 7, "the relay's recommended order");
    let last = steps.item(6).unwrap().text_content().unwrap_or_default();
    assert!(last.contains("support"), "{last}");
    // The built-in relay names no support page; a relay that does gets its link there.
    assert!(page.find("#symptom-result a.support").is_none());
    drop(page);
    let mut profile = Profile::builtin();
    profile.support_url = Some("https://relay.example/support".into());
    let page = Page::open_for(profile).await;
    page.type_into("#error-text", "something odd happened at 3 am")
        .await;
    let link = page.get("#symptom-result .checklist a.support");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://relay.example/support")
    );
}

#[wasm_bindgen_test]
async fn the_advice_for_401_is_the_chosen_clients() {
    let page = Page::open().await;
    page.click("input[name='client'][value='claude-code']")
        .await;
    page.type_into(
        "#error-text",
        "API Error: 401 {\"error\":{\"message\":\"Invalid token\"}}",
    )
    .await;
    let causes = page.text("#symptom-result .causes");
    assert!(causes.contains("ANTHROPIC_API_KEY"), "{causes}");
    assert!(!causes.contains("requires_openai_auth"), "{causes}");
    assert!(page.find("#symptom-result .checklist li").is_some());
    page.click("input[name='client'][value='codex']").await;
    let causes = page.text("#symptom-result .causes");
    assert!(causes.contains("requires_openai_auth"), "{causes}");
    assert!(!causes.contains("ANTHROPIC_API_KEY"), "{causes}");
}

#[wasm_bindgen_test]
async fn switching_clients_relabels_the_tabs_they_share() {
    let page = Page::open().await;
    // Codex's and Claude Code's second tabs are both `env-session`, with labels of their own.
    let session_tab = "[role='tab'][data-section='env-session']";
    assert_eq!(
        page.text(session_tab),
        Msg::CodexEnvSessionTitle.text(Lang::En)
    );
    page.click("input[name='client'][value='claude-code']")
        .await;
    assert_eq!(
        page.text(session_tab),
        Msg::SectionEnvSession.text(Lang::En)
    );
}

/// Edits the fragment in the address bar, as a visitor would, and waits for the page to follow.
async fn edit_fragment(fragment: &str) {
    let changed = js_sys::Promise::new(&mut |resolve, _| {
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        window()
            .add_event_listener_with_callback_and_add_event_listener_options(
                "hashchange",
                &resolve,
                &options,
            )
            .unwrap();
    });
    window().location().set_hash(fragment).unwrap();
    wasm_bindgen_futures::JsFuture::from(changed).await.unwrap();
    settle().await;
}

#[wasm_bindgen_test]
async fn editing_the_fragment_of_the_open_page_changes_the_view() {
    let page = Page::open().await;
    edit_fragment("client=claude-code&os=linux&shell=fish&lang=en&section=env-session").await;
    assert!(
        page.input("input[name='client'][value='claude-code']")
            .checked()
    );
    assert!(page.input("input[name='os'][value='linux']").checked());
    assert!(page.input("input[name='shell'][value='fish']").checked());
    assert_eq!(
        page.get("[role='tab'][data-section='env-session']")
            .get_attribute("aria-selected")
            .as_deref(),
        Some("true")
    );
    // A part left out keeps what is shown; one the relay does not offer is ignored.
    edit_fragment("client=notepad&os=macos").await;
    assert!(
        page.input("input[name='client'][value='claude-code']")
            .checked()
    );
    assert!(page.input("input[name='os'][value='macos']").checked());
}
