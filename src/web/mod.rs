//! The page: Leptos components over the core, and nothing else. No business logic lives here;
//! every value shown comes from `clients`, `check` or `i18n`.

mod app;
mod browser;
mod checker;
mod choice;
mod doctor;
mod field;
mod footer;
mod import_links;
mod lang;
mod merge_panel;
mod setup;
mod snippet;
mod support;
mod troubleshoot;

pub use app::App;
pub use browser::{RELOAD_ATTRIBUTE, show_crash_banner};
pub use checker::{Checker, InPage, InWorker};

use crate::i18n::Msg;
use crate::profile::Profile;
use leptos::prelude::*;

/// Starts the page: a panic hook that tells the visitor, then the app in `<body>`, for the
/// operator's profile when there is a valid one next to the page (`profile.json`, which
/// `js/boot.js` fetches), else for the built-in relay.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        browser::show_crash_banner();
    }));
    wasm_bindgen_futures::spawn_local(async {
        let operator = browser::operator_profile().await;
        let profile = match operator.map(|text| crate::clients::lineup::load(&text)) {
            None => Profile::builtin(),
            Some(Ok(profile)) => profile,
            // For the operator: what is wrong, naming the field; the page goes on for the
            // built-in relay.
            Some(Err(error)) => {
                browser::show_alert(
                    "p",
                    "profile-error",
                    Msg::ProfileInvalid,
                    &error.to_string(),
                );
                Profile::builtin()
            }
        };
        mount_to_body(move || view! { <App profile=profile /> });
    });
}
