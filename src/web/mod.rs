//! The page: Leptos components over the core, and nothing else. No business logic lives here;
//! every value shown comes from `clients`, `check` or `i18n`.

mod app;
mod browser;
mod choice;
mod doctor_handle;
mod doctor_panel;
mod field;
mod footer;
mod import_links;
mod lang;
mod masthead;
mod merge_panel;
mod setup;
mod snippet;
mod support;
mod troubleshoot;

pub use app::{App, Carried};
pub use browser::{RELOAD_ATTRIBUTE, show_crash_banner};
pub use doctor_handle::{DoctorHandle, InPage, InWorker};

use crate::profile::Profile;
use leptos::prelude::*;

/// Starts the page: a panic hook that tells the visitor, then the app in `<body>`, for the
/// operator's profile when there is a valid one next to the page (`profile.json`, which
/// `js/boot.js` fetches), else for the built-in relay. The first view rendered at build time,
/// if the page has one, goes in the same task as the app is mounted, so nothing is shown
/// twice; what was typed and picked in it is carried over, and so is the focus.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use crate::i18n::Msg;
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        browser::show_crash_banner();
    }));
    wasm_bindgen_futures::spawn_local(async {
        let operator = browser::operator_profile().await;
        let loaded = operator.map(|text| crate::clients::lineup::load(&text).map(|p| (p, text)));
        let (profile, json) = match loaded {
            None => (Profile::builtin(), Profile::builtin_json().to_owned()),
            Some(Ok(loaded)) => loaded,
            // For the operator: what is wrong, naming the field; the page goes on for the
            // built-in relay.
            Some(Err(error)) => {
                browser::show_alert(
                    "p",
                    "profile-error",
                    Msg::ProfileInvalid,
                    &error.to_string(),
                );
                (Profile::builtin(), Profile::builtin_json().to_owned())
            }
        };
        let checker: DoctorHandle = std::rc::Rc::new(InWorker::new(&json));
        // The first view's fields by id and its radio groups by name, in Carried's order.
        let taken =
            browser::take_first_view(["key", "base-url", "model"], ["client", "os", "shell"]);
        let (carried, focus) = taken.map_or_else(Default::default, carried_from);
        mount_to_body(move || view! { <App profile=profile checker=checker carried=carried /> });
        if let Some((id, selection)) = focus {
            browser::restore_focus(&id, selection);
        }
    });
}

/// What the page starts from, out of what was read from the first view, and the focus to
/// give back.
#[cfg(target_arch = "wasm32")]
fn carried_from(taken: browser::FirstViewInput<3, 3>) -> (Carried, Option<browser::Focus>) {
    use crate::clients::Client;
    use crate::platform::Os;
    use crate::shell::Shell;
    let [key, base_url, model] = taken.fields;
    let [client, os, shell] = taken.picked;
    let carried = Carried {
        key,
        base_url,
        model,
        client: client.as_deref().and_then(Client::from_id),
        os: os.as_deref().and_then(Os::from_id),
        shell: shell.as_deref().and_then(Shell::from_id),
        install_open: taken.install_open,
    };
    (carried, taken.focus)
}

/// The page's first view for `profile` as HTML, rendered natively at build time
/// (`onramp prerender`), with the choices it shows: a first visit's, as the page opens for a
/// visitor with no link and nothing remembered, whose system and language are unknown.
#[cfg(not(target_arch = "wasm32"))]
pub fn render_first_view(profile: Profile) -> (String, crate::view::Choices) {
    let choices = app::starting_choices(&profile);
    // Context needs an owner; effects never run natively, and nothing asks the doctor.
    let checker: DoctorHandle = std::rc::Rc::new(InPage::new(profile.clone()));
    let html =
        Owner::new().with(move || view! { <App profile=profile checker=checker /> }.to_html());
    (html, choices)
}
