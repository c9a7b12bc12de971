//! The validator (the "doctor"): small rules, each with a stable code, a message, a span and
//! an optional fix.
//!
//! A [`Rule`] is one unit: its code, its severity and the evidence behind it, its texts in
//! both languages and its fix label, declared with [`declare_rules!`] in the checker module that owns
//! it, next to the code that finds it. A checker reads one [`Kind`] of input and returns
//! [`Finding`]s that point at the offending bytes, with text edits that fix them where that
//! is safe. Findings never carry the text they point at, so a finding about a key cannot leak
//! the key; a [`Checked`] result also lists where secrets sit, so that anything that shows the
//! input (a source line under a diagnostic) can mask them.
//!
//! The parts every checker shares each have a file: the rule model (`rule.rs`), findings and
//! their edits (`finding.rs`), positions as people count them (`position.rs`), the kinds of
//! input (`kind.rs`), what is known besides the text (`context.rs`), masking (`mask.rs`) and
//! the helpers for values inside files (`value.rs`).
//!
//! Each kind of input is one file that declares its `KIND` and its `CHECK` (see `kind.rs`);
//! build.rs finds them and generates the registry included below: their modules, the [`Kind`]
//! enum and its tables, and the list of every file's rules. Above the checkers, `pipeline.rs` turns a
//! pasted text into a [`Report`] and `field.rs` judges one typed value. Their items are
//! re-exported here, so that each is `check::X` whichever file holds it.

// First, so that `declare_rules!` is in scope in every checker module below.
#[macro_use]
mod rule;

mod context;
mod field;
mod finding;
mod kind;
mod mask;
mod pipeline;
mod position;
#[cfg(test)]
pub(crate) mod testing;
mod value;

pub mod chars;
pub mod detect;
pub mod env;
pub mod json_text;

include!(concat!(env!("OUT_DIR"), "/kinds.rs"));
kind_modules!();

pub use context::Context;
pub use field::Field;
pub use finding::{Checked, Edit, Finding, apply_edits};
pub use kind::{KindCheck, KindSpec};
pub use mask::{Masked, keylike_tokens, mask};
pub use pipeline::{
    Checker, FixAll, MAX_FINDINGS, MAX_INPUT_BYTES, RULES, Report, TOO_LARGE, check, fix_all, rules,
};
pub use position::{LineIndex, char_position};
use rule::PRINTS_THE_KEY;
pub(crate) use rule::declare_rules;
pub use rule::{Evidence, Rule, Severity, fix};
pub(crate) use value::{embed, first_character, is_variable_name, line_start, unquoted};
