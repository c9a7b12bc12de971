//! Masking: the key-like tokens of any text ([`keylike_tokens`], for texts that do not parse),
//! and a text with its secrets masked ([`mask`], [`Masked`], which maps spans of the original
//! onto it), so that nothing that shows a pasted text can show a key.

use std::ops::Range;

/// Byte ranges of the tokens in `text` that look like keys wherever they are: a word that
/// starts like the keys of most services (`sk-`, `sk_`), or a long run of letters and digits
/// (32 or more, both kinds), longer than model names and host names get.
pub fn keylike_tokens(text: &str) -> Vec<Range<usize>> {
    // Bytes, not chars: a key's characters are ASCII, and no byte of a longer UTF-8 character
    // is. No token is copied: this runs over every byte of every paste.
    let is_key_byte = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_');
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut offset = 0;
    while offset < bytes.len() {
        if !is_key_byte(bytes[offset]) {
            offset += 1;
            continue;
        }
        let from = offset;
        while offset < bytes.len() && is_key_byte(bytes[offset]) {
            offset += 1;
        }
        let token = &bytes[from..offset];
        let prefixed = token.len() > 6
            && (token[..3].eq_ignore_ascii_case(b"sk-") || token[..3].eq_ignore_ascii_case(b"sk_"));
        let long = token.len() >= 32
            && token.iter().any(u8::is_ascii_digit)
            && token.iter().any(u8::is_ascii_alphabetic);
        if prefixed || long {
            tokens.push(from..offset);
        }
    }
    tokens
}

/// `text` with every secret span masked: all but the last 4 characters become `•`, except
/// blanks, which stay visible (they are what many findings about a key point at) and tell
/// nothing about the key.
pub fn mask(text: &str, secrets: &[Range<usize>]) -> String {
    Masked::new(text, secrets).text
}

/// A text with its secrets masked, and where each byte offset of the original falls in it,
/// so that spans found in the original can be shown on the masked text.
pub struct Masked {
    pub text: String,
    /// For each byte offset of the original (its length included), the offset in `text`.
    offsets: Vec<usize>,
}

impl Masked {
    /// In one pass over `text`, whatever the number of secrets: a paste of thousands of keys
    /// once took minutes here (every secret tried at every character).
    pub fn new(text: &str, secrets: &[Range<usize>]) -> Masked {
        let mut starts: Vec<&Range<usize>> = secrets.iter().filter(|s| !s.is_empty()).collect();
        starts.sort_by_key(|span| span.start);
        let mut starts = starts.into_iter().peekable();
        let mut masked = String::with_capacity(text.len());
        let mut offsets = Vec::with_capacity(text.len() + 1);
        // The secret being masked: where it ends, and how many of its characters other than
        // whitespace are left from here (its last four stay readable).
        let mut inside: Option<(usize, usize)> = None;
        for (offset, c) in text.char_indices() {
            inside = inside.filter(|(end, _)| offset < *end);
            while let Some(span) = starts.next_if(|span| span.start <= offset) {
                // Of overlapping secrets, the one reaching furthest is masked.
                if span.end > offset && inside.is_none_or(|(end, _)| span.end > end) {
                    let left = text.get(offset..span.end).map_or(0, |rest| {
                        rest.chars().filter(|c| !c.is_whitespace()).count()
                    });
                    inside = Some((span.end, left));
                }
            }
            let remaining = inside.map_or(0, |(_, left)| left);
            // Every byte of the character maps to where its replacement starts.
            offsets.extend(std::iter::repeat_n(masked.len(), c.len_utf8()));
            masked.push(if remaining > 4 && !c.is_whitespace() {
                '•'
            } else {
                c
            });
            if let Some((_, left)) = inside.as_mut().filter(|_| !c.is_whitespace()) {
                *left = left.saturating_sub(1);
            }
        }
        offsets.push(masked.len());
        Masked {
            text: masked,
            offsets,
        }
    }

    /// Where byte `offset` of the original is in the masked text.
    pub fn offset(&self, offset: usize) -> usize {
        self.offsets.get(offset).copied().unwrap_or(self.text.len())
    }

    /// Where the bytes `span` of the original are in the masked text.
    pub fn span(&self, span: &Range<usize>) -> Range<usize> {
        self.offset(span.start)..self.offset(span.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masking_keeps_the_last_four_characters_and_maps_offsets() {
        let text = "key = \"sk-é123456\" # ok";
        let secret = 7..18;
        let masked = Masked::new(text, std::slice::from_ref(&secret));
        assert_eq!(masked.text, "key = \"••••••3456\" # ok");
        assert_eq!(
            mask(" sk-secret-1234 ", std::slice::from_ref(&(0..16))),
            " ••••••••••1234 "
        );
        assert_eq!(&masked.text[masked.span(&(18..19))], "\"");
        assert_eq!(&masked.text[masked.span(&(14..18))], "3456");
        assert_eq!(masked.offset(text.len()), masked.text.len());
    }

    #[test]
    fn masking_in_one_pass_masks_as_trying_every_secret_at_every_character() {
        // What masking was before it took one pass, for secrets that do not overlap.
        fn every_secret_everywhere(text: &str, secrets: &[Range<usize>]) -> String {
            text.char_indices()
                .map(|(offset, c)| {
                    let remaining = secrets
                        .iter()
                        .find(|span| span.contains(&offset))
                        .and_then(|span| text.get(offset..span.end))
                        .map_or(0, |rest| {
                            rest.chars().filter(|c| !c.is_whitespace()).count()
                        });
                    if remaining > 4 && !c.is_whitespace() {
                        '•'
                    } else {
                        c
                    }
                })
                .collect()
        }
        let text = "a sk-one-1234567 b \"sk-two 89abcdef\" c sk-é三-00000000 d 令牌 sk-x";
        let find = |token: &str| text.find(token).map(|at| at..at + token.len()).unwrap();
        let secrets = [
            find("sk-é三-00000000"),
            find("sk-one-1234567"),
            find("sk-two 89abcdef"),
            find("sk-x"),
        ];
        for count in 0..=secrets.len() {
            let some = &secrets[..count];
            assert_eq!(
                Masked::new(text, some).text,
                every_secret_everywhere(text, some)
            );
        }
        // Overlapping secrets: the one reaching furthest is masked, so nothing shows.
        let masked = Masked::new(text, &[find("sk-one-1234567"), find("sk-one")]);
        assert_eq!(
            masked.text,
            every_secret_everywhere(text, &[find("sk-one-1234567")])
        );
        // A secret beyond the text, or empty, changes nothing.
        assert_eq!(Masked::new(text, &[5..5, 900..901]).text, text);
    }

    #[test]
    fn keys_are_masked_even_where_the_text_does_not_parse() {
        let text = "{\"OPENAI_API_KEY\": \"sk-secret-abcdef1234 \",}\nmodel = claude-sonnet-4-5";
        let tokens: Vec<_> = keylike_tokens(text)
            .into_iter()
            .map(|span| &text[span])
            .collect();
        assert_eq!(tokens, ["sk-secret-abcdef1234"]);
        let long = "token a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5 end";
        let tokens = keylike_tokens(long);
        assert_eq!(tokens.len(), 1);
        assert_eq!(
            &long[tokens[0].clone()],
            "a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5"
        );
        // Characters beyond ASCII end a token, and a token may end the text.
        let text = "ключ=sk-abcdefgh€SK_ABCDEFGH";
        let tokens: Vec<_> = keylike_tokens(text)
            .into_iter()
            .map(|span| &text[span])
            .collect();
        assert_eq!(tokens, ["sk-abcdefgh", "SK_ABCDEFGH"]);
    }
}
