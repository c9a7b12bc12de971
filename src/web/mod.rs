//! The page: Leptos components over the core, and nothing else. No business logic lives here;
//! every value shown comes from `clients`, `check` or `i18n`.

mod app;
mod browser;
mod checker;
mod choice;
mod doctor;
mod field;
mod lang;
mod merge_panel;
mod setup;
mod snippet;
mod troubleshoot;

pub use app::App;
pub use checker::{Checker, InPage, InWorker};

use leptos::prelude::*;

/// Starts the page: a panic hook that tells the visitor, then the app in `<body>`.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        browser::show_crash_banner();
    }));
    mount_to_body(|| view! { <App /> });
}
