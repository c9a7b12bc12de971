//! Where a byte offset is, as people count: [`LineIndex`] for the line and column in a text
//! (one index per text, for every position shown), [`char_position`] for the character in a
//! one-line field. Spans are bytes everywhere else; only what is shown counts characters.

use std::ops::Range;

/// Where each line of a text starts, so that any offset's line is found by a binary search
/// instead of a scan from the text's start: one index serves every finding in a text.
pub struct LineIndex<'a> {
    text: &'a str,
    /// The byte offset where each line starts, the first (0) included.
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let breaks = text.bytes().enumerate().filter(|(_, b)| *b == b'\n');
        let starts = std::iter::once(0)
            .chain(breaks.map(|(index, _)| index + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// The 0-based number of the line that byte `offset` is on (the last line for offsets past
    /// the text's end).
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|start| *start <= offset) - 1
    }

    /// The lines (0-based numbers) that the bytes `span` are on; for an empty span, the
    /// line it sits on.
    pub fn lines_of(&self, span: &Range<usize>) -> Range<usize> {
        let first = self.line(span.start);
        let last = self.line(span.end.saturating_sub(1).max(span.start));
        first..last + 1
    }

    /// The byte offset where line `line` (0-based, as [`LineIndex::line`] numbers it) starts.
    pub fn start(&self, line: usize) -> usize {
        self.starts[line]
    }

    /// The 1-based line and column (in characters) of byte `offset` (an offset inside a
    /// character counts as that character's start, one past the end as the end).
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset);
        let line = self.line(offset);
        let column = self.text[self.starts[line]..offset].chars().count() + 1;
        (line + 1, column)
    }
}

/// The largest char boundary at or before `offset`, within `text`.
fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The 1-based character position of byte `offset` in `text`, for showing where in a
/// one-line field a finding is without showing the field's content.
pub fn char_position(text: &str, offset: usize) -> usize {
    text.char_indices()
        .take_while(|(index, _)| *index < offset)
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line and column of `offset` counted by reading `text` from its start: what
    /// [`LineIndex`] must agree with.
    fn line_column(text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset);
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |index| index + 1);
        let line = before.matches('\n').count() + 1;
        (line, before[line_start..].chars().count() + 1)
    }

    #[test]
    fn a_line_index_places_offsets_as_a_scan_from_the_start_does() {
        let text = "ab\né三\n\nlast";
        let lines = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(
                lines.line_column(offset),
                line_column(text, offset),
                "at {offset}"
            );
        }
        assert_eq!(lines.lines_of(&(0..3)), 0..1, "a line with its line break");
        assert_eq!(
            lines.lines_of(&(3..3)),
            1..2,
            "an insertion at a line's start"
        );
        assert_eq!(lines.lines_of(&(1..4)), 0..2);
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        assert_eq!(char_position("héllo", 0), 1);
        assert_eq!(char_position("héllo", 3), 3);
    }
}
