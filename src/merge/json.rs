//! Members of a JSON settings file set or removed in place, as text: everything else keeps
//! its order, spacing and indentation (serde_json would sort and reformat the whole file).
//! Positions come from the doctor's reading of the file ([`json_text`]), which also says why
//! a file cannot be read.

use crate::check::Finding;
use crate::check::json_text::{self, Member};
use crate::clients::Client;
use crate::escape;
use std::ops::Range;

/// A JSON settings file being edited.
pub struct Document {
    pub text: String,
    reader: Client,
    members: Vec<Member>,
}

impl Document {
    /// The file as `reader` reads it, or the findings that say why it cannot.
    pub fn parse(text: &str, reader: Client) -> Result<Document, Vec<Finding>> {
        let members = json_text::parse_object(text, reader)?;
        Ok(Document {
            text: text.to_owned(),
            reader,
            members,
        })
    }

    /// The member `key` of the object at `path`.
    pub fn get(&self, path: &[&str], key: &str) -> Option<&Member> {
        self.members
            .iter()
            .find(|member| member.key == key && same_path(&member.path, path))
    }

    /// Whether the object at `path` has any member.
    pub fn has_members(&self, path: &[&str]) -> bool {
        self.members
            .iter()
            .any(|member| same_path(&member.path, path))
    }

    /// Sets `key` of the object at `path` (made, with the objects above it, if missing) to
    /// `value`, a JSON text. Returns the value's text before, if there was one.
    pub fn set(&mut self, path: &[&str], key: &str, value: &str) -> Option<String> {
        if let Some(member) = self.get(path, key) {
            let old = self.text[member.value_span.clone()].to_owned();
            if old != value {
                let span = member.value_span.clone();
                self.replace(span, value);
            }
            return Some(old);
        }
        let object = match path.split_last() {
            None => root_object(&self.text)?,
            Some((last, above)) => {
                if self.get(above, last).is_none() {
                    self.set(above, last, "{}");
                }
                let parent = self.get(above, last)?;
                let span = parent.value_span.clone();
                // A value that is not an object cannot take a member: replace it.
                if !self.text[span.clone()].starts_with('{') {
                    self.replace(span, "{}");
                }
                self.get(above, last)?.value_span.clone()
            }
        };
        self.insert(object, path, key, value);
        None
    }

    /// Removes `key` of the object at `path`, with the comma that separated it; returns its
    /// value's text.
    pub fn remove(&mut self, path: &[&str], key: &str) -> Option<String> {
        let member = self.get(path, key)?;
        let old = self.text[member.value_span.clone()].to_owned();
        let (start, end) = (member.key_span.start, member.value_span.end);
        let after = &self.text[end..];
        let span = match after.trim_start().strip_prefix(',') {
            // Followed by a comma: take the member, the comma and the blanks up to the next.
            Some(rest) => {
                let next = self.text.len() - rest.trim_start().len();
                start..next
            }
            // The last member: take the comma before it, from where the previous one ended.
            None => {
                let before = self.text[..start].trim_end();
                match before.strip_suffix(',') {
                    Some(kept) => kept.len()..end,
                    None => start..end,
                }
            }
        };
        self.replace(span, "");
        Some(old)
    }

    fn replace(&mut self, span: Range<usize>, replacement: &str) {
        self.text.replace_range(span, replacement);
        // The file stays valid JSON through every edit; reading it again keeps positions
        // right for the next one.
        if let Ok(members) = json_text::parse_object(&self.text, self.reader) {
            self.members = members;
        }
    }

    /// Adds `"key": value` as the last member of the object whose text is at `object`.
    fn insert(&mut self, object: Range<usize>, path: &[&str], key: &str, value: &str) {
        let last_member = self
            .members
            .iter()
            .filter(|member| same_path(&member.path, path))
            .max_by_key(|member| member.value_span.end);
        let opening_line_indent = indentation(&self.text, object.start);
        let member = escape::json(key);
        match last_member {
            Some(last) => {
                let one_line = !self.text[object.start..last.key_span.start].contains('\n');
                let insertion = if one_line {
                    format!(", {member}: {value}")
                } else {
                    let indent = indentation(&self.text, last.key_span.start);
                    format!(",\n{indent}{member}: {}", reindent(value, &indent))
                };
                let at = last.value_span.end;
                self.replace(at..at, &insertion);
            }
            None => {
                let indent = format!("{opening_line_indent}  ");
                let insertion = format!(
                    "\n{indent}{member}: {}\n{opening_line_indent}",
                    reindent(value, &indent)
                );
                // Whatever blank the empty object held goes.
                self.replace(object.start + 1..object.end - 1, &insertion);
            }
        }
    }
}

fn same_path(member_path: &[String], path: &[&str]) -> bool {
    member_path.len() == path.len() && member_path.iter().zip(path).all(|(a, b)| a == b)
}

/// The span of the file's outer object.
fn root_object(text: &str) -> Option<Range<usize>> {
    let start = text.find('{')?;
    let end = text.rfind('}')? + 1;
    (start < end).then_some(start..end)
}

/// The blanks that start the line `offset` is on.
fn indentation(text: &str, offset: usize) -> String {
    let line_start = text[..offset].rfind('\n').map_or(0, |at| at + 1);
    text[line_start..]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect()
}

/// A multi-line JSON value indented to sit at `indent` (its first line follows the key).
fn reindent(value: &str, indent: &str) -> String {
    value.replace('\n', &format!("\n{indent}"))
}

/// `value` as pretty-printed JSON text.
pub fn pretty(value: &serde_json::Value) -> String {
    // Serialising a JSON value cannot fail; the fallback keeps that impossible case panic-free.
    serde_json::to_string_pretty(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edited(text: &str, edit: impl FnOnce(&mut Document)) -> String {
        let mut document = Document::parse(text, Client::ClaudeCode).unwrap();
        edit(&mut document);
        let result = document.text.clone();
        serde_json::from_str::<serde_json::Value>(&result)
            .unwrap_or_else(|error| panic!("{error}:\n{result}"));
        result
    }

    #[test]
    fn a_member_is_replaced_in_place() {
        let text = "{\n  \"env\": {\n    \"A\": \"old\", \"B\": 1\n  }\n}\n";
        let result = edited(text, |d| {
            assert_eq!(d.set(&["env"], "A", "\"new\"").as_deref(), Some("\"old\""));
        });
        assert_eq!(
            result,
            "{\n  \"env\": {\n    \"A\": \"new\", \"B\": 1\n  }\n}\n"
        );
    }

    #[test]
    fn a_member_is_added_after_the_last_one_with_its_indentation() {
        let text = "{\n    \"theme\": \"dark\",\n    \"env\": {\n        \"A\": \"1\"\n    }\n}";
        let result = edited(text, |d| {
            d.set(&["env"], "B", "\"2\"");
        });
        assert_eq!(
            result,
            "{\n    \"theme\": \"dark\",\n    \"env\": {\n        \"A\": \"1\",\n        \"B\": \"2\"\n    }\n}"
        );
    }

    #[test]
    fn missing_objects_are_made_and_empty_ones_filled() {
        assert_eq!(
            edited("{}", |d| {
                d.set(&["env"], "A", "\"1\"");
            }),
            "{\n  \"env\": {\n    \"A\": \"1\"\n  }\n}"
        );
        assert_eq!(
            edited("{\"x\": true}", |d| {
                d.set(&["env"], "A", "\"1\"");
            }),
            "{\"x\": true, \"env\": {\n  \"A\": \"1\"\n}}"
        );
    }

    #[test]
    fn a_member_is_removed_with_its_comma() {
        let text = "{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 3\n}";
        assert_eq!(
            edited(text, |d| {
                d.remove(&[], "b");
            }),
            "{\n  \"a\": 1,\n  \"c\": 3\n}"
        );
        assert_eq!(
            edited(text, |d| {
                d.remove(&[], "c");
            }),
            "{\n  \"a\": 1,\n  \"b\": 2\n}"
        );
        assert_eq!(
            edited("{\"only\": 1}", |d| {
                d.remove(&[], "only");
            }),
            "{}"
        );
    }
}
