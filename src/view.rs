//! What the page shows, as its URL fragment holds it, so that a link opens the same view:
//! `#client=claude-code&os=windows&shell=powershell&lang=zh&section=env-session`.
//!
//! Only choices go there: never the key, the model or anything pasted. Reading is lenient:
//! an unknown name or value is ignored and the rest still applies, so that an old or
//! mistyped link opens as much of its view as it can. A link opened, or a fragment edited
//! in an open page, changes only what it names and the relay offers (`View::apply_to`).

use crate::clients::Client;
use crate::i18n::Lang;
use crate::platform::{Os, Shell};

/// The parts of the view a link can set; `None` leaves the page's own choice.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct View {
    pub client: Option<Client>,
    pub os: Option<Os>,
    pub shell: Option<Shell>,
    pub lang: Option<Lang>,
    /// The id of the setup's alternative shown (its tab), e.g. `env-session`.
    pub section: Option<String>,
}

/// What the page shows: every choice made, whoever made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choices {
    pub client: Client,
    pub os: Os,
    /// The shell asked for; one that does not fit `os` gives way to the system's usual one
    /// where the setup is made.
    pub shell: Shell,
    pub lang: Lang,
    /// The alternative (tab) asked for; the setup shows its first when it has no such one.
    pub section: Option<String>,
}

impl View {
    /// The choices once this view applies to `current`: each part it names replaces the
    /// current one, except a client the relay does not offer and a system the client does
    /// not run on; a client that does not run on the current system either gets Windows
    /// (desktop apps have no WSL flavour: WSL users run them on Windows).
    pub fn apply_to(&self, current: &Choices, offered: &[Client]) -> Choices {
        let client = self
            .client
            .filter(|client| offered.contains(client))
            .unwrap_or(current.client);
        let systems = client.systems();
        let os = [self.os, Some(current.os), Some(Os::Windows)]
            .into_iter()
            .flatten()
            .find(|os| systems.contains(os))
            .unwrap_or(systems[0]);
        Choices {
            client,
            os,
            shell: self.shell.unwrap_or(current.shell),
            lang: self.lang.unwrap_or(current.lang),
            section: self.section.clone().or_else(|| current.section.clone()),
        }
    }

    /// The view a fragment (with or without its `#`) describes.
    pub fn from_fragment(fragment: &str) -> View {
        let mut view = View::default();
        let pairs = fragment.trim_start_matches('#').split('&');
        for (name, value) in pairs.filter_map(|pair| pair.split_once('=')) {
            match name {
                "client" => view.client = Client::from_id(value).or(view.client),
                "os" => view.os = Os::from_id(value).or(view.os),
                "shell" => view.shell = Shell::from_id(value).or(view.shell),
                "lang" => view.lang = lang_from_id(value).or(view.lang),
                "section" if is_section_id(value) => view.section = Some(value.to_owned()),
                _ => {}
            }
        }
        view
    }

    /// The fragment for this view, `#` included; empty when nothing is set.
    pub fn fragment(&self) -> String {
        let pairs: Vec<String> = [
            self.client.map(|client| ("client", client.id())),
            self.os.map(|os| ("os", os.id())),
            self.shell.map(|shell| ("shell", shell.id())),
            self.lang.map(|lang| ("lang", lang_id(lang))),
            self.section.as_deref().map(|section| ("section", section)),
        ]
        .into_iter()
        .flatten()
        .map(|(name, value)| format!("{name}={value}"))
        .collect();
        if pairs.is_empty() {
            String::new()
        } else {
            format!("#{}", pairs.join("&"))
        }
    }
}

/// The theme a host asks for in the page's query (`?embed=1&theme=light`), so that a frame
/// matches a help center whatever the visitor's system says: `light` or `dark`, else none.
pub fn host_theme(query: &str) -> Option<&'static str> {
    let pairs = query.trim_start_matches('?').split('&');
    let asked = pairs.filter_map(|pair| pair.split_once('=')).rev();
    asked
        .filter(|(name, _)| *name == "theme")
        .find_map(|(_, value)| ["light", "dark"].into_iter().find(|theme| *theme == value))
}

/// The short language names links use.
fn lang_id(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::ZhHans => "zh",
    }
}

fn lang_from_id(id: &str) -> Option<Lang> {
    Lang::ALL
        .into_iter()
        .find(|lang| lang_id(*lang) == id || lang.tag().eq_ignore_ascii_case(id))
}

/// Section ids are short lower-case words joined by `-`: anything else is not one of ours.
fn is_section_id(value: &str) -> bool {
    (1..=40).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_opens_the_view_it_names() {
        let view = View::from_fragment("#client=claude-code&os=windows&shell=powershell&lang=zh");
        assert_eq!(view.client, Some(Client::ClaudeCode));
        assert_eq!(view.os, Some(Os::Windows));
        assert_eq!(view.shell, Some(Shell::PowerShell));
        assert_eq!(view.lang, Some(Lang::ZhHans));
        assert_eq!(view.section, None);
        assert_eq!(
            view.fragment(),
            "#client=claude-code&os=windows&shell=powershell&lang=zh"
        );
    }

    #[test]
    fn what_is_unknown_or_malformed_is_ignored_and_the_rest_applies() {
        let view = View::from_fragment(
            "client=notepad&os=macos&&shell&lang=fr&section=<script>&key=sk-1&section=env-session",
        );
        assert_eq!(
            view,
            View {
                os: Some(Os::Macos),
                section: Some("env-session".into()),
                ..View::default()
            }
        );
        assert_eq!(View::from_fragment(""), View::default());
        assert_eq!(View::default().fragment(), "");
    }

    fn current() -> Choices {
        Choices {
            client: Client::Codex,
            os: Os::Wsl,
            shell: Shell::Posix,
            lang: Lang::En,
            section: Some("auth-json".into()),
        }
    }

    #[test]
    fn an_edited_fragment_changes_what_it_names_and_keeps_the_rest() {
        let edited = View::from_fragment("#client=claude-code&lang=zh");
        assert_eq!(
            edited.apply_to(&current(), &Client::ALL),
            Choices {
                client: Client::ClaudeCode,
                lang: Lang::ZhHans,
                ..current()
            }
        );
        assert_eq!(
            View::default().apply_to(&current(), &Client::ALL),
            current()
        );
    }

    #[test]
    fn a_client_not_offered_or_a_system_it_lacks_gives_way() {
        let offered = [Client::Codex, Client::Cursor];
        let not_offered = View::from_fragment("#client=claude-code&os=linux");
        let applied = not_offered.apply_to(&current(), &offered);
        assert_eq!((applied.client, applied.os), (Client::Codex, Os::Linux));
        // Cursor is a desktop app: no WSL, asked for or current.
        let desktop = View::from_fragment("#client=cursor&os=wsl");
        let applied = desktop.apply_to(&current(), &offered);
        assert_eq!((applied.client, applied.os), (Client::Cursor, Os::Windows));
    }

    #[test]
    fn a_host_asks_for_light_or_dark() {
        assert_eq!(host_theme("?embed=1&theme=light"), Some("light"));
        assert_eq!(
            host_theme("theme=dark&parent=https://help.example.com"),
            Some("dark")
        );
        for query in [
            "",
            "?theme=",
            "?theme=blue",
            "?embed=1",
            "?themes=dark",
            "?theme=Dark",
        ] {
            assert_eq!(host_theme(query), None, "{query}");
        }
    }

    #[test]
    fn every_choice_round_trips() {
        for client in Client::ALL {
            for &os in client.systems() {
                for &shell in Shell::for_os(os) {
                    for lang in Lang::ALL {
                        let view = View {
                            client: Some(client),
                            os: Some(os),
                            shell: Some(shell),
                            lang: Some(lang),
                            section: Some("settings-file".into()),
                        };
                        assert_eq!(View::from_fragment(&view.fragment()), view);
                    }
                }
            }
        }
    }
}
