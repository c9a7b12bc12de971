//! The page's masthead: the relay's logo, the title, and the visitor's language and colour
//! theme.

use super::browser;
use super::lang::{Language, translated};
use crate::i18n::{Lang, Msg};
use crate::profile::Profile;
use crate::view;
use leptos::prelude::*;

/// The colour themes a visitor can pick, besides following the system.
const THEMES: [(&str, Msg); 2] = [("light", Msg::ThemeLight), ("dark", Msg::ThemeDark)];

#[component]
pub fn Masthead() -> impl IntoView {
    let profile = expect_context::<StoredValue<Profile>>();
    let Language(lang) = expect_context::<Language>();
    let logo = profile.with_value(|p| {
        p.brand
            .logo
            .clone()
            .map(|logo| (logo, p.display_name.clone()))
    });
    view! {
        <header class="masthead">
            <div>
                {logo.map(|(src, name)| view! { <img class="brand-logo" src=src alt=name /> })}
                <h1>{translated(Msg::AppTitle)}</h1>
                <p class="tagline">{translated(Msg::AppTagline)}</p>
            </div>
            <div class="preferences">
                <label class="language">
                    <span>{translated(Msg::LanguageLabel)}</span>
                    <select
                        id="language"
                        on:change=move |ev| lang.set(Lang::from_tag(&event_target_value(&ev)))
                    >
                        {Lang::ALL
                            .map(|option| {
                                view! {
                                    <option value=option.tag() selected=move || lang.get() == option>
                                        {option.native_name()}
                                    </option>
                                }
                            })}
                    </select>
                </label>
                <ThemePicker />
            </div>
        </header>
    }
}

/// The colour theme: the system's, light or dark. A host's theme (`?theme=`, which js/boot.js
/// set before the first paint) holds for this visit and is not remembered; the visitor's own
/// pick is.
#[component]
fn ThemePicker() -> impl IntoView {
    let host_theme = view::host_theme(&browser::query()).map(str::to_owned);
    let theme = RwSignal::new(host_theme.clone().or_else(|| browser::preference("theme")));
    Effect::new(move |_| {
        let chosen = theme.get();
        browser::set_theme(chosen.as_deref());
        if host_theme.is_none() || chosen != host_theme {
            browser::remember("theme", chosen.as_deref().unwrap_or(""));
        }
    });
    view! {
        <label class="theme">
            <span>{translated(Msg::ThemeLabel)}</span>
            <select
                id="theme"
                on:change=move |ev| {
                    let picked = event_target_value(&ev);
                    theme.set((!picked.is_empty()).then_some(picked));
                }
            >
                <option value="" selected=move || theme.with(Option::is_none)>
                    {translated(Msg::ThemeSystem)}
                </option>
                {THEMES
                    .map(|(id, label)| {
                        view! {
                            <option value=id selected=move || theme.get().as_deref() == Some(id)>
                                {translated(label)}
                            </option>
                        }
                    })}
            </select>
        </label>
    }
}
