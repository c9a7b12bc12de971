//! What the commands read: the text to check or merge, a relay profile's file, the key (from
//! `ONRAMP_KEY` or standard input, never an argument), and from the terminal its language and
//! whether it takes colours.

use crate::check::{self, Severity};
use crate::i18n::{Lang, Msg};
use crate::profile::Profile;
use std::io::{IsTerminal, Read};

/// The environment variable that may hold the key.
const KEY_VARIABLE: &str = "ONRAMP_KEY";

/// The text to check and the name to show for it. Reads one byte more than the checker takes,
/// so that a larger input is reported as too large instead of read whole.
pub(super) fn read_input(
    file: Option<&std::path::Path>,
    lang: Lang,
) -> Result<(String, String), String> {
    let limit = check::MAX_INPUT_BYTES as u64 + 1;
    let (name, mut reader): (String, Box<dyn Read>) =
        match file.filter(|path| path.as_os_str() != "-") {
            Some(path) => {
                let file = std::fs::File::open(path).map_err(|error| {
                    lang.cannot_read(&path.display().to_string(), &error.to_string())
                })?;
                (path.display().to_string(), Box::new(file))
            }
            None if std::io::stdin().is_terminal() => {
                return Err(Msg::CliStdinIsTerminal.text(lang).to_owned());
            }
            None => ("<stdin>".to_owned(), Box::new(std::io::stdin())),
        };
    let mut bytes = Vec::new();
    reader
        .by_ref()
        .take(limit)
        .read_to_end(&mut bytes)
        .map_err(|error| lang.cannot_read(&name, &error.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|_| lang.not_utf8(&name))?;
    Ok((name, text))
}

/// Reads and checks a profile file; the message names the file and the field.
pub(super) fn read_profile(path: &std::path::Path, lang: Lang) -> Result<Profile, String> {
    read_profile_text(path, lang).map(|(profile, _)| profile)
}

/// [`read_profile`], with the file's text.
pub(super) fn read_profile_text(
    path: &std::path::Path,
    lang: Lang,
) -> Result<(Profile, String), String> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|error| lang.cannot_read(&name, &error.to_string()))?;
    let profile =
        crate::clients::lineup::load(&text).map_err(|error| format!("{name}: {error}"))?;
    Ok((profile, text))
}

/// The key in `ONRAMP_KEY`, when it is set.
pub(super) fn key_from_variable(lang: Lang) -> Option<Result<String, String>> {
    let key = std::env::var_os(KEY_VARIABLE)?;
    Some(
        key.into_string()
            .map_err(|_| Msg::CliKeyNotUtf8.text(lang).to_owned()),
    )
}

/// The key from `ONRAMP_KEY`, else from standard input unless that is a terminal (typing a key
/// there would echo it), else empty so that the placeholder is printed.
pub(super) fn read_key(lang: Lang) -> Result<String, String> {
    if let Some(key) = key_from_variable(lang) {
        return key;
    }
    let mut stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprintln!(
            "{}: {}",
            Severity::Info.label().text(lang),
            Msg::CliNoKey.text(lang)
        );
        return Ok(String::new());
    }
    let mut key = String::new();
    stdin
        .read_to_string(&mut key)
        .map_err(|error| lang.cannot_read("<stdin>", &error.to_string()))?;
    // `echo KEY |` and here-strings add one line break that is not part of the key.
    let without_newline = key
        .strip_suffix('\n')
        .map(|k| k.strip_suffix('\r').unwrap_or(k));
    Ok(without_newline.map(str::to_owned).unwrap_or(key))
}

/// The terminal's language from the usual locale variables.
pub(super) fn terminal_language() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|value| !value.is_empty()))
        .map_or(Lang::En, |tag| Lang::from_tag(&tag))
}

/// Whether diagnostics get colours: on a terminal, unless `NO_COLOR` asks otherwise.
pub(super) fn colours() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}
