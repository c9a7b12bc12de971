//! The files step: the setup of the chosen client, its alternatives as tabs (the recommended
//! one first), the chosen one's files and commands, where the client will send its requests,
//! and the import links; and a last step that checks it works.

use super::import_links::ImportLinks;
use super::lang::{tr, translated};
use super::merge_panel::MergePanel;
use super::snippet::SnippetCard;
use crate::clients::{Client, Setup, SnippetKind, Values};
use crate::i18n::Msg;
use crate::merge::MergeTarget;
use crate::platform::Target;
use crate::profile::Profile;
use leptos::prelude::*;

/// The third step: the setup, then the import links.
#[component]
pub fn FilesStep(
    setup: Memo<Setup>,
    client: Signal<Client>,
    tab: RwSignal<Option<String>>,
    values: Signal<Values>,
    base_url_has_error: Signal<bool>,
    install_open: bool,
) -> impl IntoView {
    let profile = expect_context::<StoredValue<Profile>>();
    let shows_placeholders = move || values.with(|v| v.key.is_empty() || v.model.is_empty());
    view! {
        <section aria-labelledby="files-heading">
            <h2 id="files-heading">{translated(Msg::StepFiles)}</h2>
            <Show when=shows_placeholders>
                <p class="notice">{translated(Msg::PlaceholderNotice)}</p>
            </Show>
            <SetupStep
                setup=setup
                client=client
                tab=tab
                values=values
                base_url_has_error=base_url_has_error
                install_open=install_open
            />
            <ImportLinks profile=profile values=values />
        </section>
    }
}

#[component]
fn SetupStep(
    setup: Memo<Setup>,
    client: Signal<Client>,
    /// The alternative asked for (a link's, or the last tab clicked).
    tab: RwSignal<Option<String>>,
    values: Signal<Values>,
    /// Whether the base URL field has an error: the request URL stated is then wrong too.
    base_url_has_error: Signal<bool>,
    /// Whether the install commands start unfolded (the visitor folds and unfolds them).
    install_open: bool,
) -> impl IntoView {
    let shown = Memo::new(move |_| setup.with(|s| tab.with(|t| s.shown_section(t.as_deref()))));
    let tab_ids = move || {
        setup.with(|s| {
            s.sections
                .iter()
                .map(|section| section.id)
                .collect::<Vec<_>>()
        })
    };
    // Two clients share a tab's id (`env-session`) but not always its label: the label
    // follows the setup, not the button kept for the id.
    let tab_label = move |id: &'static str| {
        move || setup.with(|s| s.section(id).map(|section| tr(section.title)))
    };
    let has_alternatives = move || setup.with(|s| s.sections.len() > 1);
    // The shown alternative and its number of snippets decide when its cards are rebuilt;
    // everything else in them follows the setup.
    let panel = Memo::new(move |_| {
        let id = shown.get();
        let count = setup.with(|s| s.section(id).map_or(0, |section| section.snippets.len()));
        (id, count)
    });
    let install_count = move || setup.with(|s| s.install.len());
    view! {
        <details class="install" open=install_open>
            <summary>
                <h3>{translated(Msg::InstallHeading)}</h3>
            </summary>
            {move || {
                (0..install_count())
                    .map(|index| {
                        let snippet = Signal::derive(move || setup.with(|s| s.install.get(index).cloned()));
                        view! { <SnippetCard snippet=snippet /> }
                    })
                    .collect_view()
            }}
        </details>
        <Show when=has_alternatives>
            <div class="tabs" role="tablist" aria-label=translated(Msg::AlternativesLabel)>
                <For each=tab_ids key=|id| *id let:id>
                    <button
                        type="button"
                        role="tab"
                        id=format!("tab-{id}")
                        data-section=id
                        aria-controls="setup-panel"
                        aria-selected=move || (shown.get() == id).to_string()
                        on:click=move |_| tab.set(Some(id.to_owned()))
                    >
                        {tab_label(id)}
                    </button>
                </For>
            </div>
        </Show>
        <div
            class="tab-panel"
            role="tabpanel"
            id="setup-panel"
            aria-labelledby=move || format!("tab-{}", shown.get())
        >
            {move || {
                let (id, count) = panel.get();
                view! { <SectionView setup=setup client=client id=id snippet_count=count values=values /> }
            }}
        </div>
        <p class="request">
            {move || client.get().name()} " " {translated(Msg::RequestLine)} " "
            <code id="request-url">
                {move || format!("POST {}", setup.with(|s| s.request_url.clone()))}
            </code>
        </p>
        <Show when=move || base_url_has_error.get()>
            <p class="request-error" role="alert">{translated(Msg::RequestUrlBroken)}</p>
        </Show>
        <p class="next-step">
            {move || setup.with(|s| s.section(shown.get()).map(|section| tr(section.next_step)))}
        </p>
    }
}

/// One alternative way to set the client up: its notes and snippets, and for a file people
/// may already have, a way to merge into theirs.
#[component]
fn SectionView(
    setup: Memo<Setup>,
    client: Signal<Client>,
    id: &'static str,
    snippet_count: usize,
    values: Signal<Values>,
) -> impl IntoView {
    let notes = move || {
        setup
            .with(|s| s.section(id).map(|section| section.notes.clone()))
            .unwrap_or_default()
    };
    // With tabs, the chosen tab already names the alternative; a heading under it would only
    // repeat it and push the first file down.
    let single = move || setup.with(|s| s.sections.len() == 1);
    view! {
        <section class="variant" data-section=id>
            <Show when=single>
                <h3>{move || setup.with(|s| s.section(id).map(|section| tr(section.title)))}</h3>
            </Show>
            <ul class="notes">
                {move || notes().into_iter().map(|note| view! { <li>{translated(note)}</li> }).collect_view()}
            </ul>
            {(0..snippet_count)
                .map(|index| {
                    let snippet = Signal::derive(move || {
                        setup.with(|s| s.section(id).and_then(|section| section.snippets.get(index).cloned()))
                    });
                    let merge_target = move || {
                        snippet.with(|s| match s.as_ref().map(|s| &s.kind) {
                            Some(SnippetKind::File { file_name, .. }) => {
                                MergeTarget::for_file(client.get(), file_name)
                            }
                            _ => None,
                        })
                    };
                    view! {
                        <SnippetCard snippet=snippet />
                        {move || merge_target().map(|target| view! { <MergePanel target=target values=values /> })}
                    }
                })
                .collect_view()}
        </section>
    }
}

/// The last step: one request with the customer's values, in their shell, and what each
/// answer means (the smoke test curl's setup is made of).
#[component]
pub fn CheckStep(
    profile: StoredValue<Profile>,
    client: Signal<Client>,
    values: Signal<Values>,
    target: Signal<Target>,
) -> impl IntoView {
    let check = Memo::new(move |_| {
        profile.with_value(|p| values.with(|v| client.get().check(p, v, target.get())))
    });
    view! {
        <p class="help">{translated(Msg::CheckIntro)}</p>
        <div class="check">
            {move || {
                let count = check.with(|section| section.snippets.len());
                (0..count)
                    .map(|index| {
                        let snippet = Signal::derive(move || check.with(|section| section.snippets.get(index).cloned()));
                        view! { <SnippetCard snippet=snippet /> }
                    })
                    .collect_view()
            }}
        </div>
        <ul class="notes answers">
            {move || {
                check
                    .with(|section| section.notes.clone())
                    .into_iter()
                    .map(|note| view! { <li>{translated(note)}</li> })
                    .collect_view()
            }}
        </ul>
    }
}
