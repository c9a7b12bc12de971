//! One generated file: its path, where to put it, its text, and Copy / Download.

use super::app::tr;
use super::browser;
use crate::clients::Snippet;
use crate::i18n::Msg;
use leptos::prelude::*;
use std::time::Duration;

#[derive(Clone, Copy, PartialEq, Eq)]
enum CopyStatus {
    Idle,
    Copied,
    Failed,
}

/// How long "Copied" stays on the button.
const COPIED_FOR: Duration = Duration::from_secs(2);

#[component]
pub fn SnippetCard(file_name: &'static str, snippet: Signal<Option<Snippet>>) -> impl IntoView {
    let status = RwSignal::new(CopyStatus::Idle);
    let text_of = move |part: fn(&Snippet) -> String| {
        snippet.with(|s| s.as_ref().map(part).unwrap_or_default())
    };
    let content = move || text_of(|s| s.content.clone());

    let copy = move |_| {
        let text = content();
        leptos::task::spawn_local(async move {
            let copied = browser::copy_text(&text).await.is_ok();
            status.try_set(if copied {
                CopyStatus::Copied
            } else {
                CopyStatus::Failed
            });
            if copied {
                set_timeout(
                    move || {
                        status.try_set(CopyStatus::Idle);
                    },
                    COPIED_FOR,
                );
            }
        });
    };
    let download = move |_| {
        snippet.with(|s| {
            if let Some(s) = s {
                browser::download(s.file_name, s.format.media_type(), &s.content);
            }
        })
    };

    view! {
        <article class="snippet" data-file=file_name>
            <header>
                <h3>
                    <code class="path">{move || text_of(|s| s.path.clone())}</code>
                </h3>
                <div class="actions">
                    <button type="button" class="copy" on:click=copy>
                        {move || tr(if status.get() == CopyStatus::Copied { Msg::Copied } else { Msg::Copy })}
                    </button>
                    <button type="button" class="download" on:click=download>
                        {move || tr(Msg::Download)}
                    </button>
                </div>
            </header>
            <ul class="notes">
                {move || {
                    snippet
                        .with(|s| s.as_ref().map(|s| s.notes.clone()).unwrap_or_default())
                        .into_iter()
                        .map(|note| view! { <li>{move || tr(note)}</li> })
                        .collect_view()
                }}
            </ul>
            <pre><code class="content">{content}</code></pre>
            <Show when=move || status.get() == CopyStatus::Failed>
                <p class="copy-failed" role="alert">{move || tr(Msg::CopyFailed)}</p>
            </Show>
        </article>
    }
}
