//! A group of radio buttons with a visible legend: the client, the system, the shell.

use super::lang::{Language, translated};
use crate::i18n::{Lang, Msg};
use leptos::prelude::*;

#[component]
pub fn Choice<T>(
    /// The radio group's `name`, also its CSS hook.
    name: &'static str,
    legend: Msg,
    /// The options, in order; may change (the shells depend on the system).
    options: Signal<Vec<T>>,
    selected: Signal<T>,
    on_pick: Callback<T>,
    /// The option's stable id, used as the radio's value.
    id_of: fn(T) -> &'static str,
    /// The option's label in a language.
    label_of: fn(T, Lang) -> &'static str,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let Language(lang) = expect_context::<Language>();
    view! {
        <fieldset class="choice" data-choice=name>
            <legend>{translated(legend)}</legend>
            <For each=move || options.get() key=move |option| id_of(*option) let:option>
                <label class="option">
                    <input
                        type="radio"
                        name=name
                        value=id_of(option)
                        // The attribute for the first view rendered at build time, which has
                        // no properties; the property for the page.
                        checked=selected.get_untracked() == option
                        prop:checked=move || selected.get() == option
                        on:change=move |_| on_pick.run(option)
                    />
                    <span>{move || label_of(option, lang.get())}</span>
                </label>
            </For>
        </fieldset>
    }
}
