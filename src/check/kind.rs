//! The kinds of input. A kind is one file of `src/check/` that declares its [`KindSpec`] (what
//! it is called) and its [`KindCheck`] (how the doctor reads it); build.rs generates the
//! [`Kind`] enum and its tables from those files (see `src/check/mod.rs`). The two halves are
//! apart so that the page, which names kinds, does not link the checkers, which only the
//! doctor's worker runs. Which file of a client's setup is of which kind is the client's (its
//! spec's `files`).

use super::{Checked, Context, Kind};
use crate::i18n::Text;
use crate::shell::Shell;

/// A kind of input as people and programs name it.
#[derive(Debug)]
pub struct KindSpec {
    /// The stable id: `--kind`, JSON, the page's kind switch, `tests/cases/<id>/`.
    pub id: &'static str,
    /// The name shown to people.
    pub label: Text,
    /// Whether the text is one value (a URL, a key, a model's name) rather than a file.
    pub one_value: bool,
    /// The shell whose lines this kind is, if it is a shell's (a `.env` file is no shell's).
    pub shell: Option<Shell>,
}

/// How the doctor reads a kind of input.
pub struct KindCheck {
    /// Finds the mistakes in a text of this kind.
    pub check: fn(&str, &Context) -> Checked,
    /// Whether a pasted text (trimmed, without a BOM) is surely of this kind, for a shape the
    /// generic detection (`detect.rs`) does not know. Tried in the registry's order before it.
    pub recognise: Option<fn(&str) -> bool>,
}

impl Kind {
    /// The stable id used on the command line and in JSON.
    pub fn id(self) -> &'static str {
        self.spec().id
    }

    /// The name shown to people.
    pub fn label(self) -> Text {
        self.spec().label
    }

    /// Whether the text is one value (a URL, a key, a model's name) rather than a file.
    pub fn is_one_value(self) -> bool {
        self.spec().one_value
    }

    pub fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.id() == id)
    }

    /// The kind of `shell`'s lines.
    pub fn for_shell(shell: Shell) -> Option<Kind> {
        Kind::ALL
            .into_iter()
            .find(|kind| kind.spec().shell == Some(shell))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::Path;

    /// The files of `src/check/`, each with its text.
    fn check_files() -> Vec<(String, String)> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/check");
        let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
            .map(|path| {
                let stem = path.file_stem().unwrap().to_str().unwrap().to_owned();
                (stem, std::fs::read_to_string(path).unwrap())
            })
            .collect();
        files.sort();
        files
    }

    #[test]
    fn every_kind_declared_is_registered_once_with_its_own_id() {
        let declared: Vec<String> = check_files()
            .into_iter()
            .filter(|(_, text)| text.contains("\npub const KIND: KindSpec"))
            .map(|(stem, _)| stem)
            .collect();
        assert_eq!(declared.len(), Kind::ALL.len(), "{declared:?}");
        let ids: BTreeSet<&str> = Kind::ALL.iter().map(|kind| kind.id()).collect();
        assert_eq!(ids.len(), Kind::ALL.len(), "two kinds share an id");
        for kind in Kind::ALL {
            assert_eq!(Kind::from_id(kind.id()), Some(kind));
            assert!(!kind.label().en.is_empty() && !kind.label().zh.is_empty());
        }
    }

    /// A checker in a file that declares no kind would never run on a pasted text: the
    /// files with a `check` of the checkers' shape are exactly the kinds' (and the pipeline's,
    /// which runs them).
    #[test]
    fn every_checker_declares_its_kind() {
        let undeclared: Vec<String> = check_files()
            .into_iter()
            .filter(|(stem, text)| {
                stem != "pipeline"
                    && text.contains("\npub fn check(")
                    && !text.contains("\npub const KIND: KindSpec")
            })
            .map(|(stem, _)| stem)
            .collect();
        assert!(
            undeclared.is_empty(),
            "checkers with no KIND: {undeclared:?}"
        );
    }

    #[test]
    fn every_shell_has_one_kind() {
        for shell in Shell::ALL {
            let kinds: Vec<Kind> = Kind::ALL
                .into_iter()
                .filter(|kind| kind.spec().shell == Some(shell))
                .collect();
            assert_eq!(kinds.len(), 1, "{shell:?}: {kinds:?}");
            assert_eq!(Kind::for_shell(shell), kinds.first().copied());
        }
    }

    #[test]
    fn every_kind_has_its_cases() {
        let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
        for kind in Kind::ALL {
            let dir = cases.join(kind.id());
            assert!(
                std::fs::read_dir(&dir).is_ok_and(|mut files| files.next().is_some()),
                "no cases in {}",
                dir.display()
            );
        }
    }
}
