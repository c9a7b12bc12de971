//! What the relay's profile adds around the tool: its name in the page's title, and links to
//! its documentation and support under the tool when it gives them.

use super::lang::tr;
use crate::i18n::Msg;
use crate::profile::Profile;
use leptos::prelude::*;

#[component]
pub fn RelayFooter(profile: StoredValue<Profile>) -> impl IntoView {
    let (name, docs, support) = profile.with_value(|p| {
        (
            p.display_name.clone(),
            p.docs_url.clone(),
            p.support_url.clone(),
        )
    });
    Effect::new(move |_| document().set_title(&format!("{} · {name}", tr(Msg::AppTitle))));
    // The profile admits http(s) URLs only. A link opens in a new tab: an embedded page
    // would otherwise navigate inside its frame.
    let link = |url: Option<String>, label: Msg| {
        url.map(|url| {
            view! {
                <a href=url target="_blank" rel="noopener noreferrer">
                    {move || tr(label)}
                </a>
            }
        })
    };
    (docs.is_some() || support.is_some()).then(|| {
        view! {
            <footer class="relay-links">
                {link(docs, Msg::LinkDocs)} {link(support, Msg::LinkSupport)}
            </footer>
        }
    })
}
