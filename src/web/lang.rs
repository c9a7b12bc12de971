//! The page's language, shared with every component through context, and the lookup of a
//! message in it.

use crate::i18n::{Lang, Msg};
use leptos::prelude::*;

/// The language the page speaks.
#[derive(Clone, Copy)]
pub struct Language(pub RwSignal<Lang>);

/// Looks up a message in the page's current language; reactive when called inside a view.
pub fn tr(msg: Msg) -> &'static str {
    let Language(lang) = expect_context::<Language>();
    msg.text(lang.get())
}
