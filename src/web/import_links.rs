//! "Or: import with one click": the CC Switch and Chatbox links for the typed values
//! (`import_links`), each with what opening it does. Nothing shows until a key and a model
//! are typed; the links are built here, in the page, and opened by the visitor.

use super::lang::translated;
use crate::clients::Values;
use crate::i18n::Msg;
use crate::import_links;
use crate::profile::Profile;
use leptos::prelude::*;

#[component]
pub fn ImportLinks(profile: StoredValue<Profile>, values: Signal<Values>) -> impl IntoView {
    let links =
        Memo::new(move |_| profile.with_value(|p| values.with(|v| import_links::links(p, v))));
    view! {
        <section class="import-links" aria-labelledby="import-heading">
            <h3 id="import-heading">{translated(Msg::ImportTitle)}</h3>
            <Show
                when=move || links.with(|links| !links.is_empty())
                fallback=|| view! { <p class="help">{translated(Msg::ImportNeedsValues)}</p> }
            >
                <p class="help">{translated(Msg::ImportIntro)}</p>
                <ul class="notes">
                    {move || {
                        links
                            .get()
                            .into_iter()
                            .map(|link| {
                                view! {
                                    <li>
                                        <a class="open-link import-link" href=link.url>
                                            {link.app.label()}
                                        </a>
                                        " "
                                        <span>{translated(link.effect)}</span>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </Show>
        </section>
    }
}
