//! onramp: copy-ready setup for the AI clients of an OpenAI-compatible API relay, and a
//! checker for what people paste.
//!
//! The map of the crate:
//! - [`platform`]: systems, shells and file formats: where a client runs.
//! - [`profile`]: the relay as data (4096bytes built in).
//! - [`clients`]: one module per client; turns typed values into files with their paths.
//! - [`check`]: the validator, one small rule per mistake.
//! - [`merge`]: the relay's settings merged into a file people already have.
//! - [`doctor`]: the checks as a service, plain data in and out, for the page's Web Worker.
//! - [`symptoms`]: the way in by what went wrong, linked to the doctor's rules.
//! - [`import_links`]: one-click import links for CC Switch and Chatbox.
//! - [`support_report`]: the redacted "details for support" report.
//! - [`view`]: what the page shows, as a link's fragment holds it.
//! - [`i18n`]: every human-readable string, in English and Simplified Chinese.
//! - [`first_view`]: the page's first view, rendered at build time, put into `index.html`.
//! - `web` (wasm32, and natively with the `prerender` feature to render the first view at
//!   build time): the Leptos page, a thin layer over the above.
//! - `worker` (wasm32 only, compiled natively with `web`): the doctor's Web Worker, a second
//!   wasm module.
//! - `cli` (native only): the terminal command over the same core.

pub mod check;
pub mod clients;
pub mod doctor;
pub mod editor;
pub mod escape;
pub mod first_view;
pub mod i18n;
pub mod import_links;
pub mod merge;
pub mod platform;
pub mod profile;
pub mod shell;
pub mod support_report;
pub mod symptoms;
pub mod view;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

/// Every rule: the doctor's, from the lists of the modules that own them, and the merge's.
pub fn rules() -> impl Iterator<Item = &'static check::Rule> {
    check::rules().chain(merge::RULES.iter().copied())
}
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod web;

/// Both wasm modules allocate with Talc rather than Rust's default dlmalloc: it is smaller
/// (gzip -9: the doctor 3.0 KB smaller, the main module 0.4 KB).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod worker;
