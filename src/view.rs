//! What the page shows: the visitor's choices as a model ([`Choices`], with the rules that
//! make and change them), and as its URL fragment holds them ([`View`]), so that a link opens
//! the same view: `#client=claude-code&os=windows&shell=powershell&lang=zh&section=env-session`.
//!
//! Only choices go there: never the key, the model or anything pasted. Reading is lenient:
//! an unknown name or value is ignored and the rest still applies, so that an old or
//! mistyped link opens as much of its view as it can. A link opened, or a fragment edited
//! in an open page, changes only what it names and the relay offers (`View::apply_to`).
//!
//! The page (src/web/choice.rs) keeps the choices in signals and asks here what they start as
//! and what a pick makes of them; it reads the browser and its storage and passes in what it
//! found, so that every rule is plain data in and out, tested natively. js/boot.js mirrors
//! [`Choices::starting`] to tell whether the first view is the visitor's.

use crate::clients::{Client, Setup, lineup};
use crate::i18n::Lang;
use crate::platform::{Os, Target};
use crate::profile::Profile;
use crate::shell::Shell;

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

/// What this device remembers from earlier visits, as it was stored: the ids of a client, a
/// system and a shell, and a language's tag; `None` where nothing is. What is not one of
/// ours (an older build's, or edited by hand) counts as nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Remembered {
    pub client: Option<String>,
    pub os: Option<String>,
    pub shell: Option<String>,
    pub lang: Option<String>,
}

/// What the browser tells about the visitor: their system (from the user agent, which
/// cannot tell WSL) and their preferred language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Browser {
    pub os: Os,
    pub lang: Lang,
}

impl Choices {
    /// The view the page opens with for the relay of `profile`: what this device remembers,
    /// else what the browser says, else the relay's default client and the system's usual
    /// shell; then the view of the link's `fragment` over it. Only the clients the relay
    /// offers (issue 22): a link's or a remembered one it does not offer gives way. Rendered
    /// at build time, with nothing remembered, no link and an unknown browser, this is a first
    /// visit's view (src/first_view.rs), which js/boot.js compares with the visitor's.
    pub fn starting(
        profile: &Profile,
        remembered: &Remembered,
        browser: Browser,
        fragment: &str,
    ) -> Choices {
        let offered = lineup::offered(profile);
        let os = remembered
            .os
            .as_deref()
            .and_then(Os::from_id)
            .unwrap_or(browser.os);
        let before_link = Choices {
            client: remembered
                .client
                .as_deref()
                .and_then(Client::from_id)
                .filter(|client| offered.contains(client))
                .unwrap_or_else(|| lineup::default_client(profile)),
            os,
            shell: remembered
                .shell
                .as_deref()
                .and_then(Shell::from_id)
                .unwrap_or_else(|| Target::new(os).shell),
            // Stored as the page wrote it: the exact tag, not a browser's language to match.
            lang: remembered
                .lang
                .as_deref()
                .and_then(|tag| Lang::ALL.into_iter().find(|lang| lang.tag() == tag))
                .unwrap_or(browser.lang),
            section: None,
        };
        View::from_fragment(fragment).apply_to(&before_link, &offered)
    }

    /// The choices once the visitor picks `client`, if the relay offers it (else nothing
    /// changes): the system stays if the client runs there, else becomes Windows (desktop
    /// apps have no WSL flavour: WSL users run them on Windows). The shell asked for stays.
    pub fn pick_client(&self, client: Client, offered: &[Client]) -> Choices {
        if !offered.contains(&client) {
            return self.clone();
        }
        Choices {
            client,
            os: system_for(client, None, self.os),
            ..self.clone()
        }
    }

    /// The choices once the visitor picks `os`, if the client runs there (else nothing
    /// changes). The shell asked for stays, even one of another system: the setup is made
    /// with this system's usual shell meanwhile ([`Choices::target`]), and going back to its
    /// system finds it again.
    pub fn pick_os(&self, os: Os) -> Choices {
        Choices {
            os: if self.client.systems().contains(&os) {
                os
            } else {
                self.os
            },
            ..self.clone()
        }
    }

    /// The choices once the visitor picks `shell`.
    pub fn pick_shell(&self, shell: Shell) -> Choices {
        Choices {
            shell,
            ..self.clone()
        }
    }

    /// The choices once what was picked before the page took over (a client, a system, a
    /// shell, each if one was) is picked again, in the order the first view offers them.
    pub fn with_picked(
        &self,
        (client, os, shell): (Option<Client>, Option<Os>, Option<Shell>),
        offered: &[Client],
    ) -> Choices {
        let mut choices = self.clone();
        if let Some(client) = client {
            choices = choices.pick_client(client, offered);
        }
        if let Some(os) = os {
            choices = choices.pick_os(os);
        }
        if let Some(shell) = shell {
            choices = choices.pick_shell(shell);
        }
        choices
    }

    /// Where the setup is made for: the system, with the shell asked for if people use it
    /// there, else the system's usual one.
    pub fn target(&self) -> Target {
        Target::with_shell_or_usual(self.os, self.shell)
    }

    /// The link to what the page shows with `setup` (these choices' setup): the system and
    /// shell the setup is made for, the shell only for a client that is given commands, and
    /// the alternative shown only once one was asked for (a first view's link stays short).
    pub fn link(&self, setup: &Setup) -> View {
        let target = self.target();
        View {
            client: Some(self.client),
            os: Some(target.os),
            shell: self.client.uses_shell().then_some(target.shell),
            lang: Some(self.lang),
            section: self
                .section
                .as_deref()
                .map(|asked| setup.shown_section(Some(asked)).to_owned()),
        }
    }

    /// What the device remembers of these choices for the next visit: what is shown (the
    /// system and shell the setup is made for), not what was asked.
    pub fn to_remember(&self) -> Remembered {
        let target = self.target();
        Remembered {
            client: Some(self.client.id().to_owned()),
            os: Some(target.os.id().to_owned()),
            shell: Some(target.shell.id().to_owned()),
            lang: Some(self.lang.tag().to_owned()),
        }
    }
}

/// The system `client` is set up for: `asked` if it runs there, else `current`, else
/// Windows (desktop apps have no WSL flavour: WSL users run them on Windows), else its first.
fn system_for(client: Client, asked: Option<Os>, current: Os) -> Os {
    let systems = client.systems();
    [asked, Some(current), Some(Os::Windows)]
        .into_iter()
        .flatten()
        .find(|os| systems.contains(os))
        .unwrap_or(systems[0])
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
        let os = system_for(client, self.os, current.os);
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
    use crate::clients::Values;

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

    /// The browser of a visitor on Linux in English: what the first view is rendered for.
    const LINUX_EN: Browser = Browser {
        os: Os::Linux,
        lang: Lang::En,
    };

    fn remembered(client: &str, os: &str, shell: &str, lang: &str) -> Remembered {
        Remembered {
            client: Some(client.into()),
            os: Some(os.into()),
            shell: Some(shell.into()),
            lang: Some(lang.into()),
        }
    }

    fn starting(remembered: &Remembered, browser: Browser, fragment: &str) -> Choices {
        Choices::starting(&Profile::builtin(), remembered, browser, fragment)
    }

    #[test]
    fn a_first_visit_starts_from_the_browser_and_the_relays_default() {
        let first = starting(&Remembered::default(), LINUX_EN, "");
        assert_eq!(
            first,
            Choices {
                client: Client::Codex,
                os: Os::Linux,
                shell: Shell::Posix,
                lang: Lang::En,
                section: None,
            }
        );
        // The system's usual shell, and the browser's language.
        let windows_zh = Browser {
            os: Os::Windows,
            lang: Lang::ZhHans,
        };
        let first = starting(&Remembered::default(), windows_zh, "");
        assert_eq!(
            (first.os, first.shell, first.lang),
            (Os::Windows, Shell::PowerShell, Lang::ZhHans)
        );
        // An operator's default client.
        let mut profile = Profile::builtin();
        profile.default_client = Some("claude-code".into());
        let first = Choices::starting(&profile, &Remembered::default(), LINUX_EN, "");
        assert_eq!(first.client, Client::ClaudeCode);
    }

    #[test]
    fn a_link_wins_over_what_is_remembered_which_wins_over_the_browser() {
        let device = remembered("claude-code", "macos", "fish", "zh-Hans");
        let windows_en = Browser {
            os: Os::Windows,
            lang: Lang::En,
        };
        let remembered_only = starting(&device, windows_en, "");
        assert_eq!(
            remembered_only,
            Choices {
                client: Client::ClaudeCode,
                os: Os::Macos,
                shell: Shell::Fish,
                lang: Lang::ZhHans,
                section: None,
            }
        );
        let linked = starting(
            &device,
            windows_en,
            "#client=aider&os=linux&shell=bash&lang=en&section=env-session",
        );
        assert_eq!(
            linked,
            Choices {
                client: Client::Aider,
                os: Os::Linux,
                shell: Shell::Posix,
                lang: Lang::En,
                section: Some("env-session".into()),
            }
        );
        // A link naming only the system keeps every other remembered choice.
        let partly = starting(&device, windows_en, "#os=linux");
        assert_eq!(
            partly,
            Choices {
                os: Os::Linux,
                ..remembered_only
            }
        );
    }

    #[test]
    fn what_is_remembered_but_not_offered_or_not_ours_gives_way() {
        // The built-in relay does not serve Gemini's protocol: its default client instead.
        let gemini = remembered("gemini-cli", "linux", "bash", "en");
        assert_eq!(starting(&gemini, LINUX_EN, "").client, Client::Codex);
        // Nor a link's, which leaves the remembered one.
        let claude = remembered("claude-code", "linux", "bash", "en");
        let linked = starting(&claude, LINUX_EN, "#client=gemini-cli");
        assert_eq!(linked.client, Client::ClaudeCode);
        // Unknown ids, and a tag the page never writes, are nothing remembered.
        let macos_zh = Browser {
            os: Os::Macos,
            lang: Lang::ZhHans,
        };
        let foreign = remembered("notepad", "beos", "tcsh", "zh");
        assert_eq!(
            starting(&foreign, macos_zh, ""),
            Choices {
                client: Client::Codex,
                os: Os::Macos,
                shell: Shell::Posix,
                lang: Lang::ZhHans,
                section: None,
            }
        );
        // A remembered system the remembered client does not run on gives way to Windows.
        let cursor_on_wsl = remembered("cursor", "wsl", "bash", "en");
        assert_eq!(starting(&cursor_on_wsl, LINUX_EN, "").os, Os::Windows);
    }

    #[test]
    fn a_shell_of_another_system_stays_asked_for_while_the_usual_one_is_used() {
        let asked = starting(&remembered("codex", "linux", "cmd", "en"), LINUX_EN, "");
        assert_eq!(asked.shell, Shell::Cmd);
        assert_eq!(
            asked.target(),
            Target {
                os: Os::Linux,
                shell: Shell::Posix
            }
        );
        // What is shown is what the link names and the device remembers.
        let setup = asked
            .client
            .setup(&Profile::builtin(), &Values::default(), asked.target());
        assert_eq!(asked.link(&setup).shell, Some(Shell::Posix));
        assert_eq!(asked.to_remember().shell.as_deref(), Some("bash"));
        // Back on its own system, the shell asked for is used.
        let on_windows = asked.pick_os(Os::Windows);
        assert_eq!(
            on_windows.target(),
            Target {
                os: Os::Windows,
                shell: Shell::Cmd
            }
        );
    }

    #[test]
    fn picking_a_client_keeps_the_system_it_runs_on_else_windows() {
        let offered = lineup::offered(&Profile::builtin());
        let on_wsl = Choices {
            shell: Shell::Fish,
            ..current()
        };
        // Desktop apps have no WSL flavour: WSL users run them on Windows.
        let cursor = on_wsl.pick_client(Client::Cursor, &offered);
        assert_eq!(
            cursor,
            Choices {
                client: Client::Cursor,
                os: Os::Windows,
                ..on_wsl.clone()
            }
        );
        // Back to a command-line client: Windows stays, and so does the shell asked for.
        let claude = cursor.pick_client(Client::ClaudeCode, &offered);
        assert_eq!((claude.os, claude.shell), (Os::Windows, Shell::Fish));
        let on_linux = Choices {
            os: Os::Linux,
            ..on_wsl.clone()
        };
        assert_eq!(on_linux.pick_client(Client::Cursor, &offered).os, Os::Linux);
        // A client the relay does not offer, or a system the client lacks, changes nothing.
        assert_eq!(on_wsl.pick_client(Client::GeminiCli, &offered), on_wsl);
        assert_eq!(cursor.pick_os(Os::Wsl), cursor);
        assert_eq!(on_wsl.pick_os(Os::Macos).os, Os::Macos);
        assert_eq!(on_wsl.pick_shell(Shell::Posix).shell, Shell::Posix);
    }

    #[test]
    fn what_was_picked_in_the_first_view_is_picked_again_client_first() {
        let offered = lineup::offered(&Profile::builtin());
        let on_wsl = Choices {
            os: Os::Wsl,
            ..current()
        };
        assert_eq!(on_wsl.with_picked((None, None, None), &offered), on_wsl);
        // Cursor moves WSL to Windows; the system picked after it stays, if Cursor runs there.
        let picked = (Some(Client::Cursor), Some(Os::Macos), Some(Shell::Fish));
        let cursor = on_wsl.with_picked(picked, &offered);
        assert_eq!(
            (cursor.client, cursor.os, cursor.shell),
            (Client::Cursor, Os::Macos, Shell::Fish)
        );
        let wsl_again = on_wsl.with_picked((Some(Client::Cursor), Some(Os::Wsl), None), &offered);
        assert_eq!(wsl_again.os, Os::Windows);
    }

    #[test]
    fn the_link_names_what_is_shown() {
        let profile = Profile::builtin();
        let setup_of = |choices: &Choices| {
            choices
                .client
                .setup(&profile, &Values::default(), choices.target())
        };
        let codex = Choices {
            section: None,
            ..current()
        };
        assert_eq!(
            codex.link(&setup_of(&codex)).fragment(),
            "#client=codex&os=wsl&shell=bash&lang=en"
        );
        // The alternative asked for, once asked; one this setup lacks gives way to its first.
        let asked = Choices {
            section: Some("no-such-tab".into()),
            ..current()
        };
        let first = setup_of(&asked).sections[0].id;
        assert_eq!(
            asked.link(&setup_of(&asked)).section.as_deref(),
            Some(first)
        );
        // A client given no commands has no shell in its link.
        let cursor = codex.pick_client(Client::Cursor, &Client::ALL);
        assert_eq!(
            cursor.link(&setup_of(&cursor)).fragment(),
            "#client=cursor&os=windows&lang=en"
        );
    }

    #[test]
    fn what_is_remembered_opens_the_same_view_next_time() {
        let windows_zh = Browser {
            os: Os::Windows,
            lang: Lang::ZhHans,
        };
        for client in lineup::offered(&Profile::builtin()) {
            for &os in client.systems() {
                for &shell in Shell::for_os(os) {
                    for lang in Lang::ALL {
                        let choices = Choices {
                            client,
                            os,
                            shell,
                            lang,
                            section: None,
                        };
                        let next = starting(&choices.to_remember(), windows_zh, "");
                        assert_eq!(next, choices);
                    }
                }
            }
        }
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
