//! One snippet: a file (its path, where to put it, its text) or shell commands, with Copy and
//! Download.

use super::browser;
use super::lang::{Language, tr, translated};
use crate::clients::{Snippet, SnippetKind};
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
pub fn SnippetCard(snippet: Signal<Option<Snippet>>) -> impl IntoView {
    let Language(lang) = expect_context::<Language>();
    let status = RwSignal::new(CopyStatus::Idle);
    // Files are addressed by name in tests and styles; commands by their shell.
    let file_name = move || {
        snippet.with(|s| match s.as_ref().map(|s| &s.kind) {
            Some(SnippetKind::File { file_name, .. }) => Some(*file_name),
            _ => None,
        })
    };
    let shell = move || {
        snippet.with(|s| match s.as_ref().map(|s| &s.kind) {
            Some(SnippetKind::Commands { shell, .. }) => Some(shell.id()),
            _ => None,
        })
    };

    view! {
        <article class="snippet" data-file=file_name data-shell=shell>
            <header>
                <h4>
                    <code class="path">
                        {move || snippet.with(|s| s.as_ref().map(|s| s.heading(lang.get())).unwrap_or_default())}
                    </code>
                </h4>
                <SnippetActions snippet=snippet status=status />
            </header>
            <ul class="notes">
                {move || {
                    snippet.with(|s| {
                        s.iter()
                            .flat_map(|s| &s.notes)
                            .map(|&note| view! { <li>{translated(note)}</li> })
                            .collect_view()
                    })
                }}
            </ul>
            // Each line its own block, so that a long one wraps with its continuation marked
            // (style/main.css, `.line`) instead of being cut off at the box's edge on a phone.
            // The text is the snippet's, character for character: Copy copies the snippet.
            // Focusable, so that a keyboard reaches the text to select it.
            // `elementtiming` (set with `.attr`: the view macro knows it for images only): the
            // browser reports when each line is first painted, which bench/page.mjs reads as
            // "first snippet painted". It is on the lines, not on `.content`: Chromium times
            // text at the block that lays it out.
            <pre tabindex="0">
                <code class="content">
                    {move || {
                        snippet.with(|s| {
                            s.iter()
                                .flat_map(|s| s.content.split_inclusive('\n'))
                                .map(|line| {
                                    view! { <span class="line">{line.to_owned()}</span> }
                                        .attr("elementtiming", "snippet")
                                })
                                .collect_view()
                        })
                    }}
                </code>
            </pre>
            <Show when=move || status.get() == CopyStatus::Failed>
                <p class="copy-failed" role="alert">
                    {translated(Msg::CopyFailed)}
                </p>
            </Show>
        </article>
    }
}

/// Copy, and Download for a file or commands, or Open for a link.
#[component]
fn SnippetActions(snippet: Signal<Option<Snippet>>, status: RwSignal<CopyStatus>) -> impl IntoView {
    let content =
        move || snippet.with(|s| s.as_ref().map(|s| s.content.clone()).unwrap_or_default());
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
    let kind_is = move |is: fn(&SnippetKind) -> bool| {
        snippet.with(|s| s.as_ref().is_some_and(|s| is(&s.kind)))
    };
    let is_file_or_commands = move || {
        kind_is(|kind| {
            matches!(
                kind,
                SnippetKind::File { .. } | SnippetKind::Commands { .. }
            )
        })
    };
    let link = move || kind_is(|kind| matches!(kind, SnippetKind::Link { .. })).then(content);
    let download = move |_| {
        snippet.with(|s| {
            if let Some(s) = s {
                browser::download(s.file_name(), s.format.media_type(), &s.content);
            }
        })
    };

    view! {
        <div class="actions">
            // `data-copied`: what js/boot.js writes on the button when it copies in the
            // first view rendered at build time, before the wasm has taken over.
            <button type="button" class="copy" data-copied=tr(Msg::Copied) on:click=copy>
                {move || {
                    tr(if status.get() == CopyStatus::Copied { Msg::Copied } else { Msg::Copy })
                }}
            </button>
            {move || {
                link()
                    .map(|href| {
                        // A web page (a download page) opens beside this one, which
                        // keeps what was typed; an app's link opens the app.
                        let web = href.starts_with("https://");
                        view! {
                            <a
                                class="open-link"
                                href=href
                                target=web.then_some("_blank")
                                rel=web.then_some("noopener noreferrer")
                            >
                                {translated(Msg::OpenLink)}
                            </a>
                        }
                    })
            }}
            <Show when=is_file_or_commands>
                <button type="button" class="download" on:click=download>
                    {translated(Msg::Download)}
                </button>
            </Show>
        </div>
    }
}
