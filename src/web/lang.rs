//! The page's language, shared with every component through context, and the lookup of a
//! message in it.

use crate::i18n::{Lang, Msg, Text, Texts};
use leptos::prelude::*;

/// The language the page speaks.
#[derive(Clone, Copy)]
pub struct Language(pub RwSignal<Lang>);

/// Looks up a message in the page's current language; reactive when called inside a view.
pub fn tr(msg: Msg) -> &'static str {
    let Language(lang) = expect_context::<Language>();
    msg.text(lang.get())
}

/// Like [`tr`], for a text declared with its data (a kind of input's name, say).
pub fn tr_text(text: Text) -> &'static str {
    let Language(lang) = expect_context::<Language>();
    text.get(lang.get())
}

/// A message as the views show it, following the page's language. Every message shown this
/// way is the same closure type, so the renderer's code for it is in the module once, not
/// once per message: each distinct closure in a view costs a few KB of wasm.
pub fn translated(msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let Language(lang) = expect_context::<Language>();
    move || msg.text(lang.get())
}

/// Like [`translated`], for a text read from data (a relay profile's, or the doctor's).
pub fn translated_texts(texts: Texts) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let Language(lang) = expect_context::<Language>();
    move || texts.get(lang.get()).to_owned()
}
