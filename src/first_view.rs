//! The page's first view rendered at build time (`onramp prerender`, which Trunk's post_build
//! hook runs on a release build): a visitor sees the setup from the HTML and CSS alone while
//! the wasm loads, then the wasm takes it over (src/web/mod.rs). This module puts the rendered
//! HTML into `index.html` with what it was rendered for, so that the page's start-up script
//! (js/boot.js) shows it only to a visitor for whom the wasm would render the same view.

use crate::clients::Values;
use crate::profile::Profile;
use crate::view::Choices;

/// The id of the element holding the first view.
pub const ROOT_ID: &str = "first-view";
/// The comments around it: the one-file build (scripts/hooks/post_build.py) leaves it out, and
/// a second run replaces it.
pub const START: &str = "<!--onramp:first-view-->";
pub const END: &str = "<!--/onramp:first-view-->";

/// Why the first view could not be put into a page.
#[derive(Debug, PartialEq, Eq)]
pub enum Error {
    /// The page has no `<body>` to put it in.
    NoBody,
    /// The rendered view holds a script, which the page's Content-Security-Policy refuses.
    Script,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Error::NoBody => "the page has no <body> to put the first view in",
            Error::Script => {
                "the rendered first view holds a <script>, which the page's policy refuses"
            }
        })
    }
}

/// The characters of a key that js/boot.js writes into the first view's snippets as it is
/// typed, before the wasm has taken over: none of them is quoted or escaped by any format or
/// shell onramp writes (TOML, JSON, YAML, env files, POSIX sh, fish, PowerShell, cmd), so such
/// a key stands in a snippet exactly where the placeholder stood. A key with any other
/// character (a space, a quote, an invisible one) waits for the wasm, which escapes it and
/// says what is wrong with it. [`key_to_fill`] proves the claim for each view rendered.
pub const PLAIN_KEY_CHARACTERS: &str =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-";

/// What the first view was rendered for, as js/boot.js compares it with the visitor's view.
pub struct RenderedFor<'a> {
    pub choices: &'a Choices,
    /// [`profile_digest`] of the operator's `profile.json` baked into the page; `None` for the
    /// built-in relay.
    pub profile: Option<u32>,
    /// The key's placeholder, where js/boot.js may write a plain key in its place
    /// ([`key_to_fill`]); `None` where the key waits for the wasm.
    pub key_placeholder: Option<&'a str>,
}

/// The placeholder that js/boot.js may replace with a key of [`PLAIN_KEY_CHARACTERS`] in the
/// first view's snippets for `choices`: `Some` only when, for each key probed (every plain
/// character alone, all of them together, and as a relay's key starts), the setup the wasm
/// would show is the placeholder's with that key written wherever the placeholder stands, and
/// nothing else changed. A relay whose placeholder also stands for something else (a variable
/// named `…_KEY` with the placeholder `KEY`) gets `None`: its first view waits for the wasm.
pub fn key_to_fill<'p>(profile: &'p Profile, choices: &Choices) -> Option<&'p str> {
    let placeholder = profile.placeholders.api_key.as_str();
    if placeholder.is_empty() {
        return None;
    }
    let setup_for = |key: &str| {
        let values = Values {
            key: key.to_owned(),
            ..Values::default()
        };
        choices.client.setup(profile, &values, choices.target())
    };
    let with_placeholder = setup_for("");
    let singles = PLAIN_KEY_CHARACTERS.chars().map(String::from);
    let whole = [
        PLAIN_KEY_CHARACTERS.to_owned(),
        format!("sk-{PLAIN_KEY_CHARACTERS}"),
    ];
    let verbatim = whole.into_iter().chain(singles).all(|key| {
        let mut expected = with_placeholder.clone();
        expected.for_each_snippet(|content| *content = content.replace(placeholder, &key));
        setup_for(&key) == expected
    });
    verbatim.then_some(placeholder)
}

/// `page` (the built `index.html`) with `view` (the rendered HTML) at the end of its body,
/// after the `<noscript>` line, replacing a first view put there before.
pub fn insert(page: &str, view: &str, rendered_for: &RenderedFor) -> Result<String, Error> {
    if view.to_ascii_lowercase().contains("<script") {
        return Err(Error::Script);
    }
    let page = without_first_view(page);
    let body = page.find("<body").ok_or(Error::NoBody)?;
    let end = body + page[body..].find("</body>").ok_or(Error::NoBody)?;
    let choices = rendered_for.choices;
    let profile = rendered_for
        .profile
        .map_or_else(String::new, |digest| format!("{digest:08x}"));
    let key = rendered_for
        .key_placeholder
        .map_or_else(String::new, |placeholder| {
            format!(
                r#" data-key-placeholder="{}" data-key-characters="{PLAIN_KEY_CHARACTERS}""#,
                attribute_value(placeholder)
            )
        });
    let root = format!(
        r#"{START}<div id="{ROOT_ID}" aria-busy="true" data-client="{}" data-os="{}" data-shell="{}" data-lang="{}" data-profile="{profile}"{key}>{}</div>{END}"#,
        choices.client.id(),
        choices.os.id(),
        choices.shell.id(),
        choices.lang.tag(),
        without_style_attributes(view),
    );
    Ok([&page[..end], &root, &page[end..]].concat())
}

/// `page` without the first view [`insert`] put there, if any.
pub fn without_first_view(page: &str) -> String {
    match (page.find(START), page.find(END)) {
        (Some(start), Some(end)) if start < end => {
            [&page[..start], &page[end + END.len()..]].concat()
        }
        _ => page.to_owned(),
    }
}

/// `html` without `style="…"` attributes. The page's policy allows no inline style (the wasm
/// sets styles through the CSSOM, which it allows); the only ones rendered are the doctor's
/// editor offsets, zero before anything is pasted. Leptos escapes `"` inside attribute values.
fn without_style_attributes(html: &str) -> String {
    const ATTRIBUTE: &str = " style=\"";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(ATTRIBUTE) {
        out.push_str(&rest[..start]);
        let value = &rest[start + ATTRIBUTE.len()..];
        rest = value.find('"').map_or("", |end| &value[end + 1..]);
    }
    out.push_str(rest);
    out
}

/// `value` as the text of a double-quoted attribute: an operator's placeholder may hold any
/// character.
fn attribute_value(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// A digest of an operator's `profile.json` (FNV-1a over its UTF-8 bytes, 32 bits): the page
/// baked for it shows its first view only while the file next to it is still the same text.
/// js/boot.js computes the same; a mismatch only means the first view waits for the wasm.
pub fn profile_digest(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |hash: u32, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clients::Client;
    use crate::i18n::Lang;
    use crate::platform::Os;
    use crate::shell::Shell;

    fn choices() -> Choices {
        Choices {
            client: Client::Codex,
            os: Os::Linux,
            shell: Shell::Posix,
            lang: Lang::En,
            section: None,
        }
    }

    const PAGE: &str = "<!doctype html><html><head><title>t</title></head><body class=x><noscript>n</noscript></body></html>";

    #[test]
    fn the_view_ends_the_body_with_what_it_was_rendered_for() {
        let for_ = RenderedFor {
            choices: &choices(),
            profile: None,
            key_placeholder: None,
        };
        let page = insert(PAGE, "<main>setup</main>", &for_).unwrap();
        assert_eq!(
            page,
            "<!doctype html><html><head><title>t</title></head><body class=x><noscript>n</noscript><!--onramp:first-view--><div id=\"first-view\" aria-busy=\"true\" data-client=\"codex\" data-os=\"linux\" data-shell=\"bash\" data-lang=\"en\" data-profile=\"\"><main>setup</main></div><!--/onramp:first-view--></body></html>"
        );
    }

    #[test]
    fn a_second_run_replaces_the_first_view() {
        let for_ = RenderedFor {
            choices: &choices(),
            profile: Some(0xab),
            key_placeholder: None,
        };
        let once = insert(PAGE, "<p>old</p>", &for_).unwrap();
        let twice = insert(&once, "<p>new</p>", &for_).unwrap();
        assert!(
            !twice.contains("old") && twice.matches("id=\"first-view\"").count() == 1,
            "{twice}"
        );
        assert!(twice.contains("data-profile=\"000000ab\""), "{twice}");
        assert_eq!(without_first_view(&twice), PAGE);
    }

    #[test]
    fn inline_styles_go_and_scripts_are_refused() {
        let for_ = RenderedFor {
            choices: &choices(),
            profile: None,
            key_placeholder: None,
        };
        let page = insert(
            PAGE,
            r#"<span class="lines" style="transform:translateY(0px);">1</span>"#,
            &for_,
        )
        .unwrap();
        assert!(page.contains(r#"<span class="lines">1</span>"#), "{page}");
        assert_eq!(
            insert(PAGE, "<SCRIPT>x</SCRIPT>", &for_),
            Err(Error::Script)
        );
        assert_eq!(
            insert("<html></html>", "<p></p>", &for_),
            Err(Error::NoBody)
        );
    }

    /// The page's own components rendered natively (`onramp prerender`): a first visit's Codex
    /// setup, its fields and choices with their values as attributes, nothing the policy
    /// refuses.
    #[cfg(feature = "prerender")]
    #[test]
    fn the_rendered_view_is_a_first_visits_codex_setup() {
        let (html, rendered_for) =
            crate::web::render_first_view(crate::profile::Profile::builtin());
        assert_eq!(rendered_for, choices());
        assert!(html.contains(r#"data-file="config.toml""#), "{html}");
        assert!(html.contains("YOUR_4096BYTES_API_KEY"), "{html}");
        assert!(
            html.contains(r#"value="https://api.4096bytes.com""#),
            "{html}"
        );
        assert!(
            html.contains(r#"name="client" value="codex" checked"#),
            "{html}"
        );
        let page = insert(
            PAGE,
            &html,
            &RenderedFor {
                choices: &rendered_for,
                profile: None,
                key_placeholder: None,
            },
        )
        .unwrap();
        assert!(
            !page.contains(" style=\"") && !page.contains("<script"),
            "{page}"
        );
    }

    #[test]
    fn a_plain_key_is_filled_in_where_the_setup_writes_it_verbatim() {
        let builtin = Profile::builtin();
        // Every view the page can show: each client's systems, each system's shells.
        let every_client = Client::ALL.into_iter().flat_map(|client| {
            client.systems().iter().flat_map(move |&os| {
                Shell::for_os(os)
                    .iter()
                    .map(move |&shell| (client, os, shell))
            })
        });
        // Cherry Studio's import link holds the key in base64: its view waits for the wasm.
        for (client, os, shell) in every_client {
            let choices = Choices {
                client,
                os,
                shell,
                ..choices()
            };
            let expected = (client != Client::CherryStudio).then_some("YOUR_4096BYTES_API_KEY");
            assert_eq!(
                key_to_fill(&builtin, &choices),
                expected,
                "{client:?} on {os:?} in {shell:?}"
            );
        }
        // A placeholder that also stands in the variables' names.
        let mut profile = Profile::builtin();
        profile.placeholders.api_key = "API_KEY".to_owned();
        assert_eq!(key_to_fill(&profile, &choices()), None);
        profile.placeholders.api_key = r#"<"key" & co>"#.to_owned();
        let for_ = RenderedFor {
            choices: &choices(),
            profile: None,
            key_placeholder: Some(&profile.placeholders.api_key),
        };
        let page = insert(PAGE, "<p></p>", &for_).unwrap();
        assert!(
            page.contains(&format!(r#" data-key-placeholder="&lt;&quot;key&quot; &amp; co>" data-key-characters="{PLAIN_KEY_CHARACTERS}">"#)),
            "{page}"
        );
    }

    #[test]
    fn the_digest_is_fnv1a() {
        // FNV-1a's published test values, which js/boot.js's copy must give too.
        assert_eq!(profile_digest(""), 0x811c_9dc5);
        assert_eq!(profile_digest("a"), 0xe40c_292c);
        assert_eq!(profile_digest("foobar"), 0xbf9c_f968);
    }
}
