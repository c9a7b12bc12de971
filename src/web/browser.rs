//! The few browser facilities the page uses, each wrapped once: the visitor's system and
//! language, the choices remembered on this device, the clipboard, file downloads, the crash
//! banner, and what the page's start-up script left for it (an operator's profile, the
//! doctor's worker in the one-file build).

use crate::i18n::{Lang, Msg};
use crate::platform::Os;
use crate::profile::Brand;
use crate::view::Remembered;
use leptos::prelude::{document, window};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Element;

/// The browser's window; none when the first view is rendered at build time (`onramp
/// prerender`, natively, where a call into the browser would panic). There every read below
/// finds nothing, so the view rendered is a first visit's: no link, no remembered choice, an
/// unknown system and language.
fn browser_window() -> Option<web_sys::Window> {
    cfg!(target_arch = "wasm32").then(window)
}

/// The visitor's system as the user agent tells it.
pub fn visitor_os() -> Os {
    let user_agent = browser_window().and_then(|window| window.navigator().user_agent().ok());
    Os::from_user_agent(&user_agent.unwrap_or_default())
}

/// The visitor's preferred language.
pub fn visitor_lang() -> Lang {
    let language = browser_window().and_then(|window| window.navigator().language());
    Lang::from_tag(&language.unwrap_or_default())
}

/// Whether the install commands start unfolded. The stylesheet says, for the screen's width
/// (`--install: folded` on a phone, style/main.css), so that where they fold is written once;
/// js/boot.js reads the same for the first view. Unfolded where there is no browser: the
/// first view rendered at build time, which js/boot.js folds before the first paint.
pub fn install_starts_open() -> bool {
    let Some(window) = browser_window() else {
        return true;
    };
    let install = document()
        .document_element()
        .and_then(|root| window.get_computed_style(&root).ok().flatten())
        .and_then(|style| style.get_property_value("--install").ok());
    install.is_none_or(|value| value.trim() != "folded")
}

/// Puts `text` on the clipboard. Fails where the Clipboard API is missing or refused
/// (insecure origins, some embedded frames); the caller then asks the visitor to copy by hand.
pub async fn copy_text(text: &str) -> Result<(), ()> {
    let clipboard = window().navigator().clipboard();
    if clipboard.is_undefined() {
        return Err(());
    }
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(drop)
        .map_err(drop)
}

/// Offers `content` as a file download. The data goes from memory to a `blob:` URL: nothing
/// leaves the page.
pub fn download(file_name: &str, media_type: &str, content: &str) {
    let blob = gloo_file::Blob::new_with_options(content, Some(media_type));
    let url = gloo_file::ObjectUrl::from(blob);
    let Ok(anchor) = document().create_element("a") else {
        return;
    };
    let Ok(anchor) = anchor.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return;
    };
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Dropping the ObjectUrl revokes it. The download starts asynchronously after the click,
    // so the URL is kept alive for a while rather than revoked at once.
    leptos::prelude::set_timeout(move || drop(url), std::time::Duration::from_secs(60));
}

/// The attribute of the crash banner's reload button. The button is clicked after this
/// module died, so `js/boot.js` answers it, not a handler here.
pub const RELOAD_ATTRIBUTE: &str = "data-onramp-reload";

/// After a panic the wasm instance is dead: say so in the page, with a button that reloads
/// it, instead of freezing silently.
pub fn show_crash_banner() {
    let Some(banner) = show_alert("div", "crashed", Msg::Crashed, "") else {
        return;
    };
    let Ok(button) = document().create_element("button") else {
        return;
    };
    button.set_attribute("type", "button").ok();
    button.set_attribute(RELOAD_ATTRIBUTE, "").ok();
    button.set_text_content(Some(&in_every_language(Msg::Reload)));
    banner.append_child(&button).ok();
}

/// Puts `message` in every language (it may show before one is picked, or after the page
/// died), then `detail`, at the top of the page.
pub fn show_alert(tag: &str, class: &str, message: Msg, detail: &str) -> Option<Element> {
    let document = document();
    let (Ok(banner), Some(body)) = (document.create_element(tag), document.body()) else {
        return None;
    };
    banner.set_attribute("role", "alert").ok();
    banner.set_class_name(class);
    let text = in_every_language(message);
    banner.set_text_content(Some(format!("{text} {detail}").trim_end()));
    body.prepend_with_node_1(&banner).ok()?;
    Some(banner)
}

fn in_every_language(message: Msg) -> String {
    Lang::ALL.map(|lang| message.text(lang)).join(" / ")
}

/// The page's URL fragment, `#` included, or empty.
pub fn fragment() -> String {
    browser_window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

/// Shows `fragment` in the address bar without a new history entry (the view changes with
/// every click; the back button should leave the page, not step through them).
pub fn replace_fragment(fragment: &str) {
    let Ok(history) = window().history() else {
        return;
    };
    if self::fragment() == fragment {
        return;
    }
    let url = if fragment.is_empty() {
        // No fragment: the page's own address, without a lone `#`.
        let location = window().location();
        location.pathname().unwrap_or_default() + &location.search().unwrap_or_default()
    } else {
        fragment.to_owned()
    };
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        .ok();
}

/// The page's query, `?` included, or empty.
pub fn query() -> String {
    browser_window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default()
}

/// The address of this page with `fragment`: a link to the view it describes.
pub fn link_with(fragment: &str) -> String {
    let location = window().location();
    let (origin, path, search) = (
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default(),
    );
    format!("{origin}{path}{search}{fragment}")
}

/// Where preferences are kept on this device: choices only (language, system, shell,
/// client, theme), never the key, the model or anything pasted.
const PREFERENCE_PREFIX: &str = "onramp.";

/// A preference remembered on this device, if storage is allowed.
pub fn preference(name: &str) -> Option<String> {
    let storage = browser_window()?.local_storage().ok()??;
    storage
        .get_item(&format!("{PREFERENCE_PREFIX}{name}"))
        .ok()?
}

/// Remembers a preference on this device; does nothing where storage is refused (private
/// windows, some embedding frames).
pub fn remember(name: &str, value: &str) {
    if let Ok(Some(storage)) = window().local_storage() {
        storage
            .set_item(&format!("{PREFERENCE_PREFIX}{name}"), value)
            .ok();
    }
}

/// The choices this device remembers, as they were stored (js/boot.js reads the same names).
pub fn remembered_choices() -> Remembered {
    Remembered {
        client: preference("client"),
        os: preference("os"),
        shell: preference("shell"),
        lang: preference("lang"),
    }
}

/// Remembers `choices` on this device; what is `None` is left as it was.
pub fn remember_choices(choices: &Remembered) {
    let Remembered {
        client,
        os,
        shell,
        lang,
    } = choices;
    for (name, value) in [
        ("lang", lang),
        ("client", client),
        ("os", os),
        ("shell", shell),
    ] {
        if let Some(value) = value {
            remember(name, value);
        }
    }
}

/// Sets the page's colour theme: `light`, `dark`, or the system's when `None`.
pub fn set_theme(theme: Option<&str>) {
    let Some(root) = document().document_element() else {
        return;
    };
    match theme {
        Some(theme) => root.set_attribute("data-theme", theme).ok(),
        None => root.remove_attribute("data-theme").ok(),
    };
}

/// Moves the caret of the text area `id` to the byte range `span` of `text` (its content),
/// selecting it, and brings it into view.
pub fn select_in_text_area(id: &str, text: &str, span: std::ops::Range<usize>) {
    let Some(area) = document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return;
    };
    // The text area counts in UTF-16 code units.
    let units = |offset: usize| {
        text.get(..offset)
            .map_or(0, |before| before.encode_utf16().count()) as u32
    };
    area.focus().ok();
    area.set_selection_range(units(span.start), units(span.end))
        .ok();
}

/// How far apart the lines of `area`'s text are laid out, in CSS pixels, given that it holds
/// `lines` lines. The browser rounds the line height its style computes, and a text area's lines
/// are not a `pre`'s (Chromium 156 lays out 0.9rem/1.5 at 21.609 px in the one and 21.594 px in
/// the other: 78 px apart after 5,000 lines), so it is read off the layout: the text's height
/// over its lines, once it is taller than the area.
pub fn line_pitch(area: &web_sys::HtmlTextAreaElement, lines: usize) -> Option<f64> {
    let style = window().get_computed_style(area).ok()??;
    let pixels = |property: &str| -> Option<f64> {
        let value = style.get_property_value(property).ok()?;
        let number = js_sys::Number::parse_float(value.strip_suffix("px")?);
        (!number.is_nan()).then_some(number)
    };
    let computed = pixels("line-height")?;
    if area.scroll_height() <= area.client_height() || lines == 0 {
        return Some(computed);
    }
    let height =
        f64::from(area.scroll_height()) - pixels("padding-top")? - pixels("padding-bottom")?;
    Some(height / lines as f64)
}

/// `value` in CSS pixels (`21.609375px`), written by the browser: formatting a float in Rust
/// would add its formatting code to the page's module (about 20 KB).
pub fn css_pixels(value: f64) -> String {
    #[cfg(target_arch = "wasm32")]
    let number = js_sys::Number::from(value)
        .to_string_with_radix(10)
        .map_or_else(|_| "0".to_owned(), String::from);
    // Rendered at build time there is no browser; the native build's size does not matter.
    #[cfg(not(target_arch = "wasm32"))]
    let number = value.to_string();
    format!("{number}px")
}

/// Moves the focus to the element `id`, scrolling it into view.
pub fn focus(id: &str) {
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        element.focus().ok();
    }
}

/// A global the start-up script set, if it did.
fn global(name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(&window(), &JsValue::from_str(name))
        .ok()
        .filter(|value| !value.is_undefined())
}

// The start-up only (src/web/mod.rs).
#[cfg(target_arch = "wasm32")]
/// The text of the operator's `profile.json` next to the page, which `js/boot.js` fetches
/// while the wasm loads (`window.onrampProfile`, a promise); `None` when there is none.
pub async fn operator_profile() -> Option<String> {
    let promise: js_sys::Promise = global("onrampProfile")?.dyn_into().ok()?;
    JsFuture::from(promise).await.ok()?.as_string()
}

/// Where the doctor's worker script is, when it is not the file next to the page: the one-file
/// build (`onramp-offline.html`) sets `window.onrampWorker` to a `data:` URL.
pub fn worker_url() -> Option<String> {
    global("onrampWorker")?.as_string()
}

/// The build of this page: the crate's version and the content hash Trunk put in the page
/// module's name (`<meta name="onramp-main">`, Trunk.toml), for the support report.
pub fn build_id() -> String {
    let version = env!("CARGO_PKG_VERSION");
    let wasm = document()
        .query_selector("meta[name=\"onramp-main\"]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("data-wasm"));
    let hash = wasm.as_deref().and_then(|name| {
        let name = name.rsplit('/').next()?;
        name.strip_prefix("onramp-")?
            .strip_suffix("_bg.wasm")
            .map(str::to_owned)
    });
    match hash {
        Some(hash) => format!("{version}+{hash}"),
        None => version.to_owned(),
    }
}

/// Sets the operator's accents, when `brand` gives one, as custom properties of the root
/// element, through the CSSOM (the Content-Security-Policy allows no inline style, and needs
/// no change for this): `style/main.css` reads `--brand-accent` and the others, with its own
/// colours as fallbacks.
pub fn set_accents(brand: &Brand) {
    let Some((light, dark)) = brand.accents() else {
        return;
    };
    let Some(root) = browser_window()
        .and_then(|window| window.document()?.document_element())
        .and_then(|root| root.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let style = root.style();
    for (property, value) in [
        ("--brand-accent", light.colour),
        ("--brand-accent-text", light.label),
        ("--brand-accent-dark", dark.colour),
        ("--brand-accent-dark-text", dark.label),
    ] {
        style.set_property(property, value).ok();
    }
}

/// A focused element's id and its text selection.
#[cfg(target_arch = "wasm32")]
pub type Focus = (String, Option<(u32, u32)>);

// The start-up only (src/web/mod.rs).
#[cfg(target_arch = "wasm32")]
/// What a visitor did in the first view rendered at build time before the wasm arrived.
pub struct FirstViewInput<const FIELDS: usize, const GROUPS: usize> {
    /// The value of each input asked for by id, in the order asked, where the visitor changed
    /// it.
    pub fields: [Option<String>; FIELDS],
    /// The checked radio of each group asked for by name, in the order asked, where the
    /// visitor changed it.
    pub picked: [Option<String>; GROUPS],
    /// Whether the install commands were unfolded: js/boot.js folds them on a phone, and the
    /// visitor may have unfolded or folded them since.
    pub install_open: Option<bool>,
    /// The focused element, to give back to the page's own.
    pub focus: Option<Focus>,
}

// The start-up only (src/web/mod.rs).
#[cfg(target_arch = "wasm32")]
/// Reads what was typed into the fields `fields` and picked in the radio groups `groups` of
/// the first view (src/first_view.rs), then removes it; `None` when the page has none.
pub fn take_first_view<const FIELDS: usize, const GROUPS: usize>(
    fields: [&str; FIELDS],
    groups: [&str; GROUPS],
) -> Option<FirstViewInput<FIELDS, GROUPS>> {
    let document = document();
    let root = document.get_element_by_id(crate::first_view::ROOT_ID)?;
    let input = |selector: String| {
        root.query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|element| element.dyn_into::<web_sys::HtmlInputElement>().ok())
    };
    // Only what the visitor changed: the rest is what the first view was rendered with, which
    // a link, a remembered choice or an operator's profile may change.
    let taken = FirstViewInput {
        fields: fields.map(|id| {
            input(format!("input#{id}"))
                .filter(|input| input.value() != input.default_value())
                .map(|input| input.value())
        }),
        picked: groups.map(|name| {
            input(format!("input[name=\"{name}\"]:checked"))
                .filter(|input| !input.default_checked())
                .map(|input| input.value())
        }),
        install_open: root
            .query_selector("details.install")
            .ok()
            .flatten()
            .map(|install| install.has_attribute("open")),
        focus: document
            .active_element()
            .filter(|focused| root.contains(Some(focused)) && !focused.id().is_empty())
            .map(|focused| {
                let selection = focused
                    .dyn_ref::<web_sys::HtmlInputElement>()
                    .and_then(|input| {
                        Some((input.selection_start().ok()??, input.selection_end().ok()??))
                    });
                (focused.id(), selection)
            }),
    };
    root.remove();
    Some(taken)
}

// The start-up only (src/web/mod.rs).
#[cfg(target_arch = "wasm32")]
/// Gives the focus, and the text selection, back to the element `id` of the page.
pub fn restore_focus(id: &str, selection: Option<(u32, u32)>) {
    focus(id);
    if let (Some((start, end)), Some(input)) = (
        selection,
        document()
            .get_element_by_id(id)
            .and_then(|element| element.dyn_into::<web_sys::HtmlInputElement>().ok()),
    ) {
        input.set_selection_range(start, end).ok();
    }
}
