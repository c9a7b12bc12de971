//! The operator's brand on the page: an accent colour that text stays readable on and beside,
//! in the light and the dark theme, and a logo file next to `index.html`.
//!
//! The accent is used as a colour of text (links, outlined buttons) on the page's backgrounds
//! and as the background of filled buttons, whose label is white or near-black, whichever
//! reads better. Both uses must reach WCAG 2.2 AA for text, a contrast of 4.5:1, in each
//! theme, else the profile is refused with the contrast found.

use serde::{Deserialize, Serialize};

/// The page's backgrounds, as `style/main.css` sets them (`--bg`, `--surface`), that the
/// accent is drawn on: light, then dark. A test reads them back from the stylesheet.
pub const LIGHT_BACKGROUNDS: [&str; 2] = ["#f7f7f5", "#ffffff"];
pub const DARK_BACKGROUNDS: [&str; 2] = ["#121416", "#1b1e21"];

/// The labels a filled button may have on the accent.
const LABEL_COLOURS: [&str; 2] = ["#ffffff", "#111111"];

/// WCAG 2.2 AA for normal text, ×100.
const AA_TEXT_CONTRAST: u32 = 450;

/// What the profile says of the operator's brand; everything is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Brand {
    /// The accent colour, `#rrggbb`, for the light theme (and the dark one unless
    /// `accent_dark` is given).
    #[serde(default)]
    pub accent: Option<String>,
    /// The accent colour of the dark theme, `#rrggbb`.
    #[serde(default)]
    pub accent_dark: Option<String>,
    /// The logo's file next to `index.html` (`logo.svg`, `brand/logo.png`): the page shows it
    /// from its own origin, so the Content-Security-Policy stays as it is.
    #[serde(default)]
    pub logo: Option<String>,
}

/// One theme's accent and the label colour a filled button has on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Accent<'a> {
    pub colour: &'a str,
    pub label: &'static str,
}

impl Brand {
    /// The accents of the light and the dark theme, when the profile gives one. Only called
    /// on a checked profile, where every colour parses.
    pub fn accents(&self) -> Option<(Accent<'_>, Accent<'_>)> {
        let light = self.accent.as_deref()?;
        let dark = self.accent_dark.as_deref().unwrap_or(light);
        let accent = |colour| Accent {
            colour,
            label: parse(colour).map_or(LABEL_COLOURS[0], |rgb| best_label(rgb).0),
        };
        Some((accent(light), accent(dark)))
    }

    /// What is wrong, as the field's name and a sentence, or nothing.
    pub fn validate(&self) -> Result<(), (&'static str, String)> {
        let light = self.accent.as_deref();
        let dark = self.accent_dark.as_deref();
        if dark.is_some() && light.is_none() {
            return Err((
                "brand.accent_dark",
                "given without brand.accent, the light theme's".to_owned(),
            ));
        }
        let themes = [
            ("brand.accent", light, "light", LIGHT_BACKGROUNDS),
            // Without its own, the dark theme uses the light theme's accent, and is named.
            if dark.is_some() {
                ("brand.accent_dark", dark, "dark", DARK_BACKGROUNDS)
            } else {
                ("brand.accent", light, "dark", DARK_BACKGROUNDS)
            },
        ];
        for (field, colour, theme, backgrounds) in themes {
            let Some(colour) = colour else { continue };
            let Some(rgb) = parse(colour) else {
                return Err((
                    field,
                    format!("expected a colour as #rrggbb, found `{colour}`"),
                ));
            };
            for background in backgrounds {
                let found = contrast(rgb, parse(background).unwrap_or_default());
                if found < AA_TEXT_CONTRAST {
                    let advice = if dark.is_none() && theme == "dark" {
                        "; give brand.accent_dark a lighter one for the dark theme"
                    } else {
                        ""
                    };
                    return Err((
                        field,
                        format!(
                            "{colour} as text on the {theme} theme's background {background} has \
                             a contrast of {}, below WCAG AA's 4.50:1{advice}",
                            ratio(found)
                        ),
                    ));
                }
            }
            let (label, found) = best_label(rgb);
            if found < AA_TEXT_CONTRAST {
                return Err((
                    field,
                    format!(
                        "a button's label on {colour} has a contrast of {} at best ({label}), \
                         below WCAG AA's 4.50:1",
                        ratio(found)
                    ),
                ));
            }
        }
        if let Some(logo) = &self.logo
            && !is_page_file(logo)
        {
            return Err((
                "brand.logo",
                format!(
                    "expected the name of an image file next to index.html (.svg, .png, .webp, \
                     .jpg, .gif; letters, digits, - _ . and /), found `{logo}`"
                ),
            ));
        }
        Ok(())
    }
}

/// `#rrggbb` as its three channels.
fn parse(colour: &str) -> Option<[u8; 3]> {
    let hex = colour.strip_prefix('#').filter(|hex| hex.len() == 6)?;
    let channel = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    Some([channel(0)?, channel(2)?, channel(4)?])
}

/// The label colour that reads best on `rgb`, and its contrast ×100.
fn best_label(rgb: [u8; 3]) -> (&'static str, u32) {
    LABEL_COLOURS
        .map(|label| (label, contrast(rgb, parse(label).unwrap_or_default())))
        .into_iter()
        .max_by_key(|(_, found)| *found)
        .unwrap_or((LABEL_COLOURS[0], 0))
}

/// WCAG's contrast ratio of two colours, ×100 and rounded down.
fn contrast(a: [u8; 3], b: [u8; 3]) -> u32 {
    let (a, b) = (luminance(a) + 50_000, luminance(b) + 50_000);
    (u64::from(a.max(b)) * 100 / u64::from(a.min(b))) as u32
}

/// WCAG's relative luminance, ×1,000,000.
fn luminance([r, g, b]: [u8; 3]) -> u32 {
    let linear = |channel: u8| u64::from(LINEAR[usize::from(channel)]);
    ((2126 * linear(r) + 7152 * linear(g) + 722 * linear(b)) / 10_000) as u32
}

/// `4.50:1` from a ratio ×100 (integers: float formatting would add its code to the page).
fn ratio(hundredths: u32) -> String {
    format!("{}.{:02}:1", hundredths / 100, hundredths % 100)
}

/// A relative path of plain names ending in an image extension: it resolves next to
/// `index.html`, on the page's own origin.
fn is_page_file(path: &str) -> bool {
    let image = [".svg", ".png", ".webp", ".jpg", ".jpeg", ".gif"]
        .iter()
        .any(|extension| path.to_ascii_lowercase().ends_with(extension));
    image
        && path.len() <= 200
        && path.split('/').all(|part| {
            !part.is_empty()
                && !part.starts_with('.')
                && part
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        })
}

/// sRGB channel values 0–255 as linear light ×1,000,000 (WCAG's formula, checked by a test):
/// a table costs the page less than a power function.
const LINEAR: [u32; 256] = [
    0, 304, 607, 911, 1214, 1518, 1821, 2125, 2428, 2732, 3035, 3347, 3677, 4025, 4391, 4777, 5182,
    5605, 6049, 6512, 6995, 7499, 8023, 8568, 9134, 9721, 10330, 10960, 11612, 12286, 12983, 13702,
    14444, 15209, 15996, 16807, 17642, 18500, 19382, 20289, 21219, 22174, 23153, 24158, 25187,
    26241, 27321, 28426, 29557, 30713, 31896, 33105, 34340, 35601, 36889, 38204, 39546, 40915,
    42311, 43735, 45186, 46665, 48172, 49707, 51269, 52861, 54480, 56128, 57805, 59511, 61246,
    63010, 64803, 66626, 68478, 70360, 72272, 74214, 76185, 78187, 80220, 82283, 84376, 86500,
    88656, 90842, 93059, 95307, 97587, 99899, 102242, 104616, 107023, 109462, 111932, 114435,
    116971, 119538, 122139, 124772, 127438, 130136, 132868, 135633, 138432, 141263, 144128, 147027,
    149960, 152926, 155926, 158961, 162029, 165132, 168269, 171441, 174647, 177888, 181164, 184475,
    187821, 191202, 194618, 198069, 201556, 205079, 208637, 212231, 215861, 219526, 223228, 226966,
    230740, 234551, 238398, 242281, 246201, 250158, 254152, 258183, 262251, 266356, 270498, 274677,
    278894, 283149, 287441, 291771, 296138, 300544, 304987, 309469, 313989, 318547, 323143, 327778,
    332452, 337164, 341914, 346704, 351533, 356400, 361307, 366253, 371238, 376262, 381326, 386429,
    391572, 396755, 401978, 407240, 412543, 417885, 423268, 428690, 434154, 439657, 445201, 450786,
    456411, 462077, 467784, 473531, 479320, 485150, 491021, 496933, 502886, 508881, 514918, 520996,
    527115, 533276, 539479, 545724, 552011, 558340, 564712, 571125, 577580, 584078, 590619, 597202,
    603827, 610496, 617207, 623960, 630757, 637597, 644480, 651406, 658375, 665387, 672443, 679542,
    686685, 693872, 701102, 708376, 715694, 723055, 730461, 737910, 745404, 752942, 760525, 768151,
    775822, 783538, 791298, 799103, 806952, 814847, 822786, 830770, 838799, 846873, 854993, 863157,
    871367, 879622, 887923, 896269, 904661, 913099, 921582, 930111, 938686, 947307, 955973, 964686,
    973445, 982251, 991102, 1_000_000,
];

#[cfg(test)]
mod tests {
    use super::*;

    fn brand(accent: Option<&str>, accent_dark: Option<&str>) -> Brand {
        Brand {
            accent: accent.map(str::to_owned),
            accent_dark: accent_dark.map(str::to_owned),
            logo: None,
        }
    }

    #[test]
    fn the_linear_table_is_wcag_formula() {
        for (value, &table) in LINEAR.iter().enumerate() {
            let c = value as f64 / 255.0;
            let linear = if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            };
            assert_eq!(table, (linear * 1e6).round() as u32, "{value}");
        }
    }

    #[test]
    fn contrast_matches_known_pairs() {
        // Black on white is 21:1; #767676 on white is the classic 4.54:1.
        assert_eq!(contrast([0, 0, 0], [255, 255, 255]), 2100);
        assert_eq!(contrast([0x76; 3], [255; 3]), 454);
        assert_eq!(contrast([255; 3], [0x76; 3]), 454);
        assert_eq!(ratio(450), "4.50:1");
        assert_eq!(ratio(2100), "21.00:1");
    }

    #[test]
    fn the_page_default_accents_pass() {
        // The stylesheet's own accents, light and dark, meet the rule it sets operators.
        assert_eq!(brand(Some("#0b57d0"), Some("#8ab4f8")).validate(), Ok(()));
        let b = brand(Some("#0b57d0"), Some("#8ab4f8"));
        let (light, dark) = b.accents().unwrap();
        assert_eq!((light.colour, light.label), ("#0b57d0", "#ffffff"));
        assert_eq!((dark.colour, dark.label), ("#8ab4f8", "#111111"));
        assert_eq!(brand(None, None).validate(), Ok(()));
        assert_eq!(brand(None, None).accents(), None);
    }

    #[test]
    fn an_accent_too_pale_or_too_dark_is_refused_with_its_contrast() {
        let (field, message) = brand(Some("#7aa7ff"), Some("#8ab4f8"))
            .validate()
            .unwrap_err();
        assert_eq!(field, "brand.accent");
        assert!(
            message.contains("light theme's background #f7f7f5"),
            "{message}"
        );
        assert!(message.contains("below WCAG AA's 4.50:1"), "{message}");
        // A dark accent alone fails in the dark theme, and says what to add.
        let (field, message) = brand(Some("#0b57d0"), None).validate().unwrap_err();
        assert_eq!(field, "brand.accent");
        assert!(message.contains("dark theme's background"), "{message}");
        assert!(message.contains("brand.accent_dark"), "{message}");
        let (field, _) = brand(Some("#0b57d0"), Some("#0b57d0"))
            .validate()
            .unwrap_err();
        assert_eq!(field, "brand.accent_dark");
        // Even the classic mid grey misses the light theme's off-white background.
        assert_eq!(
            brand(Some("#767676"), None).validate().map_err(|e| e.0),
            Err("brand.accent")
        );
    }

    #[test]
    fn colours_and_logos_are_checked_for_shape() {
        for bad in ["0b57d0", "#0b57d", "#0b57d0ff", "#gggggg", "blue", "#0B57D"] {
            let (field, message) = brand(Some(bad), None).validate().unwrap_err();
            assert_eq!(field, "brand.accent");
            assert!(message.contains("#rrggbb"), "{message}");
        }
        assert_eq!(
            brand(None, Some("#8ab4f8")).validate().unwrap_err().0,
            "brand.accent_dark"
        );
        let logo = |path: &str| Brand {
            logo: Some(path.to_owned()),
            ..Brand::default()
        };
        for good in ["logo.svg", "brand/Logo-2.PNG", "a_b.webp", "x.jpeg"] {
            assert_eq!(logo(good).validate(), Ok(()), "{good}");
        }
        for bad in [
            "https://cdn.example/logo.svg",
            "/logo.svg",
            "//evil.example/logo.svg",
            "../logo.svg",
            ".hidden.svg",
            "logo.svg?x=1",
            "logo.exe",
            "javascript:alert(1)//.svg",
            "logo .svg",
            "data:image/svg+xml,<svg/>.svg",
            "",
        ] {
            assert_eq!(logo(bad).validate().unwrap_err().0, "brand.logo", "{bad}");
        }
    }

    #[test]
    fn the_backgrounds_are_the_stylesheets() {
        // The colours the accent is checked against are those the page draws it on.
        let css = include_str!("../../style/main.css");
        let value = |block_start: &str, property: &str| {
            let block = &css[css.find(block_start).unwrap()..];
            let block = &block[..block.find('}').unwrap()];
            let line = block
                .lines()
                .find(|line| line.trim_start().starts_with(property))
                .unwrap();
            line.split(':')
                .nth(1)
                .unwrap()
                .trim()
                .trim_end_matches(';')
                .to_owned()
        };
        assert_eq!(
            [value(":root {", "--bg:"), value(":root {", "--surface:")],
            LIGHT_BACKGROUNDS
        );
        let dark = ":root[data-theme=\"dark\"] {";
        assert_eq!(
            [value(dark, "--bg:"), value(dark, "--surface:")],
            DARK_BACKGROUNDS
        );
    }
}
