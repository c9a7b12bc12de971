//! The few browser facilities the page uses, each wrapped once: the visitor's system and
//! language, the clipboard, file downloads and the crash banner.

use crate::i18n::{Lang, Msg};
use crate::platform::Os;
use leptos::prelude::{document, window};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The visitor's system as the user agent tells it.
pub fn visitor_os() -> Os {
    Os::from_user_agent(&window().navigator().user_agent().unwrap_or_default())
}

/// The visitor's preferred language.
pub fn visitor_lang() -> Lang {
    Lang::from_tag(&window().navigator().language().unwrap_or_default())
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

/// After a panic the wasm instance is dead: say so in the page instead of freezing silently.
pub fn show_crash_banner() {
    let document = document();
    let (Ok(banner), Some(body)) = (document.create_element("div"), document.body()) else {
        return;
    };
    banner.set_attribute("role", "alert").ok();
    banner.set_class_name("crashed");
    let text = Lang::ALL.map(|lang| Msg::Crashed.text(lang)).join(" / ");
    banner.set_text_content(Some(&text));
    body.prepend_with_node_1(&banner).ok();
}
