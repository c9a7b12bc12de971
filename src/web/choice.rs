//! The visitor's choices: their signals, the step where they are made (the client, the
//! system, the shell), and the group of radio buttons each is picked in.

use super::browser;
use super::lang::{Language, translated};
use crate::clients::{Client, Setup};
use crate::i18n::{Lang, Msg};
use crate::platform::{Os, Target};
use crate::shell::Shell;
use crate::view::{Choices, View};
use leptos::prelude::*;

/// The visitor's choices, a signal each, so that what follows from one (the setup from the
/// client, the texts from the language) is not redone when another changes. What they become
/// is the core's to say (`view::Choices`); these only hold it.
#[derive(Clone, Copy)]
pub struct ChoiceSignals {
    pub client: RwSignal<Client>,
    pub os: RwSignal<Os>,
    pub shell: RwSignal<Shell>,
    pub lang: RwSignal<Lang>,
    /// The alternative (tab) asked for: a link's, or the last tab clicked.
    pub tab: RwSignal<Option<String>>,
}

impl ChoiceSignals {
    pub fn new(choices: Choices) -> ChoiceSignals {
        ChoiceSignals {
            client: RwSignal::new(choices.client),
            os: RwSignal::new(choices.os),
            shell: RwSignal::new(choices.shell),
            lang: RwSignal::new(choices.lang),
            tab: RwSignal::new(choices.section),
        }
    }

    /// The choices, read where this is tracked.
    pub fn get(self) -> Choices {
        Choices {
            client: self.client.get(),
            os: self.os.get(),
            shell: self.shell.get(),
            lang: self.lang.get(),
            section: self.tab.get(),
        }
    }

    /// The choices, read without tracking them (in a handler, or to start from).
    pub fn get_untracked(self) -> Choices {
        Choices {
            client: self.client.get_untracked(),
            os: self.os.get_untracked(),
            shell: self.shell.get_untracked(),
            lang: self.lang.get_untracked(),
            section: self.tab.get_untracked(),
        }
    }

    /// Sets each choice to `next`'s, only where it changed: what follows from the others is
    /// then not redone for nothing.
    pub fn set(self, next: Choices) {
        set_if_changed(self.client, next.client);
        set_if_changed(self.os, next.os);
        set_if_changed(self.shell, next.shell);
        set_if_changed(self.lang, next.lang);
        set_if_changed(self.tab, next.section);
    }

    /// Applies `change` (a pick) to the choices as they are.
    pub fn update(self, change: impl FnOnce(&Choices) -> Choices) {
        self.set(change(&self.get_untracked()));
    }

    /// From now on, the link in the address bar follows what is shown with `setup` (never the
    /// values), and the device remembers the choices. Through a memo, so that a keystroke
    /// (which changes the setup, not the view) writes neither the address nor the storage.
    pub fn show_in_link(self, setup: Memo<Setup>) {
        let view = Memo::new(move |_| {
            let shown = self.get();
            setup.with(|setup| shown.link(setup))
        });
        Effect::new(move |_| {
            view.with(|view| browser::replace_fragment(&view.fragment()));
            browser::remember_choices(&self.get_untracked().to_remember());
        });
    }

    /// From now on, a fragment edited in the open page (or a link to this page followed)
    /// changes the choices as opening it would. The page's own updates of the fragment
    /// replace it without this event.
    /// (From an effect: effects run in the browser only, never when the first view is
    /// rendered at build time.)
    pub fn follow_link_changes(self, offered: Vec<Client>) {
        Effect::new(move |_| {
            let offered = offered.clone();
            let on_link = window_event_listener(leptos::ev::hashchange, move |_| {
                let link = View::from_fragment(&browser::fragment());
                self.update(|current| link.apply_to(current, &offered));
            });
            on_cleanup(move || on_link.remove());
        });
    }
}

/// Sets `signal` only to a new value.
fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|current| *current != value) {
        signal.set(value);
    }
}

/// A group of radio buttons with a visible legend: the client, the system, the shell.
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

/// The second step: the client, its system and, for a client given commands, the shell; and
/// a link to this view.
#[component]
pub fn ClientStep(
    choices: ChoiceSignals,
    offered: Vec<Client>,
    target: Signal<Target>,
) -> impl IntoView {
    let ChoiceSignals { client, os, .. } = choices;
    let link_copied = RwSignal::new(false);
    let copy_link = move |_| {
        let link = browser::link_with(&browser::fragment());
        leptos::task::spawn_local(async move {
            link_copied.try_set(browser::copy_text(&link).await.is_ok());
        });
    };
    let offered_for_picks = offered.clone();
    view! {
        <section aria-labelledby="client-heading">
            <h2 id="client-heading">{translated(Msg::StepClient)}</h2>
            <Choice
                name="client"
                legend=Msg::ClientLabel
                options=Signal::stored(offered)
                selected=client.into()
                on_pick=Callback::new(move |picked| {
                    choices.update(|current| current.pick_client(picked, &offered_for_picks))
                })
                id_of=Client::id
                label_of=|client, _| client.name()
            />
            <Choice
                name="os"
                legend=Msg::OsLabel
                options=Signal::derive(move || client.get().systems().to_vec())
                selected=os.into()
                on_pick=Callback::new(move |picked| choices.update(|current| current.pick_os(picked)))
                id_of=Os::id
                label_of=|os, lang| os.label().text(lang)
            />
            <Show when=move || client.get().uses_shell()>
                <Choice
                    name="shell"
                    legend=Msg::ShellLabel
                    options=Signal::derive(move || Shell::for_os(os.get()).to_vec())
                    selected=Signal::derive(move || target.get().shell)
                    on_pick=Callback::new(move |picked| choices.update(|current| current.pick_shell(picked)))
                    id_of=Shell::id
                    label_of=|shell, _| shell.name()
                />
            </Show>
            <p class="link-to-setup">
                <button type="button" class="copy-link" on:click=copy_link>
                    {translated(Msg::CopyLink)}
                </button>
                <Show when=move || link_copied.get()>
                    <span role="status">{translated(Msg::LinkCopied)}</span>
                </Show>
            </p>
        </section>
    }
}
