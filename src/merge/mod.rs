//! The relay's settings merged into a file people already have, instead of asking them to
//! paste a block into it: only what the relay needs changes, every other setting and comment
//! stays, and what changed is listed (a key that was there is listed masked). Merging twice
//! gives what merging once gave. A file that cannot be read is not merged: the doctor's
//! findings say where and why.
//!
//! One module per file; the file's shape comes from its client's module, shared with the
//! setup that writes the file whole.

mod claude;
mod codex;
mod continue_dev;
mod json;
mod opencode;

pub use codex::merge_codex_config;

/// The rules of the merge's own refusals, for the registry ([`crate::rules`]).
pub use continue_dev::RULES;

use crate::check::{Finding, Kind};
use crate::clients::{Client, ClientFile, Values};
use crate::profile::Profile;
use serde::{Deserialize, Serialize};

/// A setting the merge changed or removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// Dotted path, e.g. `model` or `model_providers.OpenAI.base_url`.
    pub key: String,
    /// The value before, as written in the file; masked when it was a key.
    pub old: String,
    /// The value after, or `None` when the setting was removed.
    pub new: Option<String>,
}

/// The merged file and what changed in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub text: String,
    pub changes: Vec<Change>,
}

/// A file the relay's settings can be merged into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeTarget {
    /// Codex's `config.toml`.
    CodexConfig,
    /// Claude Code's `settings.json`.
    ClaudeSettings,
    /// OpenCode's `opencode.json`.
    OpenCodeConfig,
    /// Continue's `config.yaml`.
    ContinueConfig,
}

impl MergeTarget {
    pub const ALL: [MergeTarget; 4] = [
        MergeTarget::CodexConfig,
        MergeTarget::ClaudeSettings,
        MergeTarget::OpenCodeConfig,
        MergeTarget::ContinueConfig,
    ];

    /// The stable id used between the page and the doctor's worker.
    pub fn id(self) -> &'static str {
        match self {
            MergeTarget::CodexConfig => "codex-config",
            MergeTarget::ClaudeSettings => "claude-settings",
            MergeTarget::OpenCodeConfig => "opencode-config",
            MergeTarget::ContinueConfig => "continue-config",
        }
    }

    pub fn from_id(id: &str) -> Option<MergeTarget> {
        MergeTarget::ALL
            .into_iter()
            .find(|target| target.id() == id)
    }

    /// The file of `client`'s setup named `file_name`, if it can be merged into. It searches
    /// the targets rather than the client's files (`Client::file`), so that the page links
    /// only the files that can be merged into, not every client's list of files.
    pub fn for_file(client: Client, file_name: &str) -> Option<MergeTarget> {
        MergeTarget::ALL.into_iter().find(|target| {
            let (writer, file) = target.file();
            writer == client && file.name == file_name
        })
    }

    /// What the doctor merges a pasted text of `kind` into: only Codex's `config.toml`, the
    /// file people most often already have; the other files are merged from their card in
    /// the setup (`for_file`), where the client and the file are known.
    pub fn for_pasted(kind: Kind) -> Option<MergeTarget> {
        (kind == Kind::CodexConfig).then_some(MergeTarget::CodexConfig)
    }

    /// The client whose setup writes the file, and the file: the one client file whose spec
    /// names this target, found while compiling.
    pub fn file(self) -> (Client, ClientFile) {
        match self {
            MergeTarget::CodexConfig => const { declaring(MergeTarget::CodexConfig) },
            MergeTarget::ClaudeSettings => const { declaring(MergeTarget::ClaudeSettings) },
            MergeTarget::OpenCodeConfig => const { declaring(MergeTarget::OpenCodeConfig) },
            MergeTarget::ContinueConfig => const { declaring(MergeTarget::ContinueConfig) },
        }
    }
}

/// The client file that names `target` as its merge; called in constants only, so that a
/// target no file names, or two name, stops the build.
const fn declaring(target: MergeTarget) -> (Client, ClientFile) {
    let mut found = None;
    let mut client = 0;
    while client < Client::ALL.len() {
        let files = Client::ALL[client].spec().files;
        let mut file = 0;
        while file < files.len() {
            if let Some(merge) = files[file].merge
                && merge as u8 == target as u8
            {
                assert!(found.is_none(), "two client files name one merge target");
                found = Some((Client::ALL[client], files[file]));
            }
            file += 1;
        }
        client += 1;
    }
    match found {
        Some(found) => found,
        None => panic!("no client file names this merge target"),
    }
}

/// `existing` with the relay's settings merged in, or the findings that explain why it cannot
/// be merged into.
pub fn merge(
    target: MergeTarget,
    existing: &str,
    profile: &Profile,
    values: &Values,
) -> Result<Merged, Vec<Finding>> {
    match target {
        MergeTarget::CodexConfig => codex::merge_codex_config(existing, profile, values),
        MergeTarget::ClaudeSettings => claude::merge(existing, profile, values),
        MergeTarget::OpenCodeConfig => opencode::merge(existing, profile, values),
        MergeTarget::ContinueConfig => continue_dev::merge(existing, profile, values),
    }
}

/// A key as a change lists it: masked, its last four characters shown.
fn masked(key: &str) -> String {
    crate::check::mask(key, std::slice::from_ref(&(0..key.len())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_doctor_merges_only_a_codex_config() {
        for kind in Kind::ALL {
            let expected = (kind == Kind::CodexConfig).then_some(MergeTarget::CodexConfig);
            assert_eq!(MergeTarget::for_pasted(kind), expected, "{kind:?}");
        }
    }

    #[test]
    fn every_target_names_a_file_its_client_writes() {
        let profile = Profile::builtin();
        for target in MergeTarget::ALL {
            assert_eq!(MergeTarget::from_id(target.id()), Some(target));
            let (client, file) = target.file();
            assert_eq!(file.merge, Some(target));
            assert_eq!(client.file(file.name), Some(&file));
            assert_eq!(MergeTarget::for_file(client, file.name), Some(target));
            let setup = client.setup(
                &profile,
                &Values::default(),
                crate::platform::Target::new(crate::platform::Os::Linux),
            );
            assert!(
                setup
                    .sections
                    .iter()
                    .flat_map(|s| &s.snippets)
                    .any(|s| s.file_name() == file.name),
                "{target:?}"
            );
        }
    }
}
