//! How bash, zsh and fish read a pasted line: commands split at `;`, `&&`, `||`, `|`, `&` and
//! line breaks, comments dropped, each command split into words, and each word's quotes,
//! escapes and expansions resolved into the text the shell hands on. `tests/shells.rs` holds
//! this reading against the real shells.

use std::ops::Range;

/// Whose rules a line is read by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// bash and zsh: `'…'` is literal, `"…"` expands `$` and backticks, `\` escapes.
    Posix,
    /// fish: `'…'` knows `\'` and `\\`, `"…"` expands `$`, no backticks.
    Fish,
}

/// One word of a command, as the shell makes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub span: Range<usize>,
    /// What the shell makes of it; `None` where it replaces a part of it (`$…`, `` `…` ``,
    /// `~`, a wildcard), so that the text alone does not tell.
    pub value: Option<String>,
    /// The first part the shell replaces, if any.
    pub expansion: Option<Range<usize>>,
    /// The word as written, with its quotes and escapes undone but nothing replaced: what
    /// was meant when an expansion was not.
    pub meant: String,
    /// Characters right after a closing quote that a copy out of a sentence brings along
    /// (`.`, `。`, `,`…): the shell joins them to the quoted text.
    pub after_quote: Option<Range<usize>>,
    /// Where the first `=` is, when the word starts with a variable name and one (an
    /// assignment's shape), counted in the word's own text.
    pub equals: Option<usize>,
    /// Whether any part of it was quoted.
    pub quoted: bool,
}

impl Word {
    /// The word's text as written.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.span.clone()]
    }

    /// The variable name, when the word is an assignment (`NAME=…`).
    pub fn assigned_name<'a>(&self, source: &'a str) -> Option<&'a str> {
        self.equals
            .map(|at| &source[self.span.start..self.span.start + at])
    }
}

/// One command: its words, and the text it spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    pub words: Vec<Word>,
    pub span: Range<usize>,
    /// Whether the shell runs it itself, so that what it sets stays: not in the background
    /// (`… &`) or in a pipeline, which bash runs in subshells.
    pub runs_here: bool,
}

/// What reading stopped at: a quote or an expansion that is never closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unclosed(pub Range<usize>);

/// The commands of `text`, and where a quote is never closed if one is. The shell refuses
/// such a line whole (bash and zsh the line, fish the whole text), so the commands returned
/// are those it runs: the lines before it.
pub fn commands(text: &str, syntax: Syntax) -> (Vec<Command>, Option<Unclosed>) {
    let mut reader = Reader {
        text,
        syntax,
        at: 0,
        in_fish_prefix_assignment: false,
    };
    let mut commands = Vec::new();
    let mut words = Vec::new();
    let mut start = None::<usize>;
    // The commands of the lines before this one, which the shell has run whatever follows.
    let mut before_this_line = 0;
    let mut in_pipeline = false;
    let mut awaiting_command = false;
    while let Some(c) = reader.peek() {
        match c {
            ' ' | '\t' | '\r' | '<' | '>' => reader.bump(),
            // bash refuses a bracket after a word ("syntax error near unexpected token");
            // one before the first word opens a subshell.
            '(' | ')' if syntax == Syntax::Posix && !words.is_empty() => {
                commands.truncate(before_this_line);
                return (commands, None);
            }
            // fish refuses the whole text over a bracket it never opened.
            ')' if syntax == Syntax::Fish => return (Vec::new(), None),
            // In fish a `(` starts a word: a command substitution.
            '(' | ')' if syntax == Syntax::Posix => reader.bump(),
            // After `&&`, `||` or `|` the command list goes on on the next line.
            '\n' if awaiting_command => reader.bump(),
            '\n' => {
                finish(
                    &mut commands,
                    &mut words,
                    &mut start,
                    reader.at,
                    !in_pipeline,
                );
                reader.bump();
                in_pipeline = false;
                before_this_line = commands.len();
            }
            ';' | '&' | '|' => {
                let at = reader.at;
                reader.bump();
                if reader.peek().is_some_and(|next| {
                    matches!(
                        (c, next),
                        ('&', '&') | ('|', '|') | ('|', '&') | (';', ';') | (';', '&')
                    )
                }) {
                    reader.bump();
                }
                let operator = &text[at..reader.at];
                // No command before an operator ("syntax error near unexpected token"):
                // bash and zsh refuse the line, fish refuses `&&`, `||` and `|` alone.
                let refused = match syntax {
                    Syntax::Posix => start.is_none() || matches!(operator, ";;" | ";&"),
                    Syntax::Fish => start.is_none() && matches!(operator, "&&" | "||" | "|" | "|&"),
                };
                if refused {
                    commands.truncate(match syntax {
                        Syntax::Posix => before_this_line,
                        Syntax::Fish => 0,
                    });
                    return (commands, None);
                }
                // bash runs a command sent to the background, and each one of a pipeline,
                // in a subshell of its own: what it sets is lost. fish runs its builtins here.
                let elsewhere = syntax == Syntax::Posix && matches!(operator, "&" | "|" | "|&");
                finish(
                    &mut commands,
                    &mut words,
                    &mut start,
                    at,
                    !(elsewhere || in_pipeline),
                );
                in_pipeline = syntax == Syntax::Posix && matches!(operator, "|" | "|&");
                awaiting_command = matches!(operator, "&&" | "||" | "|" | "|&");
            }
            '#' => {
                // A comment runs to the end of the line.
                while reader.peek().is_some_and(|c| c != '\n') {
                    reader.bump();
                }
            }
            '\\' if reader.peek_at(1) == Some('\n') => {
                reader.bump();
                reader.bump();
            }
            _ => {
                start.get_or_insert(reader.at);
                awaiting_command = false;
                match reader.word(words.is_empty()) {
                    Ok(word) => words.push(word),
                    Err(stop) => {
                        commands.truncate(match syntax {
                            Syntax::Posix => before_this_line,
                            Syntax::Fish => 0,
                        });
                        return (commands, stop);
                    }
                }
            }
        }
    }
    if awaiting_command {
        // The text ends where a command must follow: the shell refuses it.
        commands.truncate(match syntax {
            Syntax::Posix => before_this_line,
            Syntax::Fish => 0,
        });
        return (commands, None);
    }
    finish(
        &mut commands,
        &mut words,
        &mut start,
        text.len(),
        !in_pipeline,
    );
    (commands, None)
}

/// Ends the command being read, if one was begun.
fn finish(
    commands: &mut Vec<Command>,
    words: &mut Vec<Word>,
    start: &mut Option<usize>,
    end: usize,
    runs_here: bool,
) {
    if let Some(begin) = start.take() {
        commands.push(Command {
            words: std::mem::take(words),
            span: begin..end,
            runs_here,
        });
    }
}

struct Reader<'a> {
    text: &'a str,
    syntax: Syntax,
    at: usize,
    /// fish reads `NAME=value` before a program when it runs it, not when it parses the
    /// text: a `$` with no name there fails that command alone.
    in_fish_prefix_assignment: bool,
}

/// A word being read.
#[derive(Default)]
struct Building {
    value: String,
    meant: String,
    expansion: Option<Range<usize>>,
    quoted: bool,
    /// Where the last closing quote ended.
    quote_end: Option<usize>,
}

impl Building {
    fn push(&mut self, c: char) {
        self.value.push(c);
        self.meant.push(c);
    }

    fn expanded(&mut self, span: Range<usize>, written: &str) {
        self.expansion.get_or_insert(span);
        self.meant.push_str(written);
    }
}

impl Reader<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.at..].chars().next()
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.text[self.at..].chars().nth(n)
    }

    fn bump(&mut self) {
        if let Some(c) = self.peek() {
            self.at += c.len_utf8();
        }
    }

    /// Whether `c`, unquoted, ends a word. In fish a `&` ends one only before a blank, the
    /// end, or another operator (`a&b` is a word).
    fn ends_word(&self, c: char) -> bool {
        match c {
            '&' if self.syntax == Syntax::Fish => self
                .peek_at(1)
                .is_none_or(|next| next.is_whitespace() || matches!(next, '&' | ';' | '|' | '#')),
            '(' => self.syntax == Syntax::Posix,
            _ => matches!(
                c,
                ' ' | '\t' | '\r' | '\n' | ';' | '&' | '|' | '<' | '>' | ')'
            ),
        }
    }

    /// The word here; `Err` where the shell refuses the text, with the quote that is never
    /// closed if that is why.
    /// `first`: whether it is the first word of its command.
    fn word(&mut self, first: bool) -> Result<Word, Option<Unclosed>> {
        let start = self.at;
        self.in_fish_prefix_assignment = self.syntax == Syntax::Fish
            && first
            && self.text[start..].split_once('=').is_some_and(|(name, _)| {
                name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                    && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            });
        let mut word = Building::default();
        while let Some(c) = self.peek() {
            if self.ends_word(c) {
                break;
            }
            let at = self.at;
            match c {
                '\'' => {
                    self.bump();
                    self.single_quoted(&mut word)
                        .ok_or(Some(Unclosed(at..at + 1)))?;
                    word.quoted = true;
                    word.quote_end = Some(self.at);
                }
                '"' => {
                    self.bump();
                    self.double_quoted(&mut word, at)?;
                    word.quoted = true;
                    word.quote_end = Some(self.at);
                }
                '\\' => {
                    self.bump();
                    match self.peek() {
                        None => word.push('\\'),
                        Some('\n') => self.bump(),
                        Some(escaped) => {
                            self.bump();
                            if self.syntax == Syntax::Fish && escaped.is_ascii_alphanumeric() {
                                // fish's \n, \t, \x41…: a character the text does not show.
                                word.expanded(at..self.at, &self.text[at..self.at]);
                            } else {
                                word.push(escaped);
                            }
                        }
                    }
                }
                '$' => self.dollar(&mut word, false)?,
                '`' if self.syntax == Syntax::Posix => {
                    self.bump();
                    self.skip_until('`').ok_or(Some(Unclosed(at..at + 1)))?;
                    word.expanded(at..self.at, &self.text[at..self.at]);
                }
                '=' if self.syntax == Syntax::Posix && self.starts_a_value(start, &word) => {
                    // zsh replaces `=name` with the path of the program `name`.
                    self.bump();
                    word.expanded(at..self.at, "=");
                }
                '~' if self.tilde_expands(start, &word) => {
                    self.bump();
                    word.expanded(at..self.at, "~");
                }
                // fish refuses a closing brace with no opening one.
                '}' if self.syntax == Syntax::Fish => return Err(None),
                '*' | '?' | '{' | '(' if self.syntax == Syntax::Fish => {
                    // Wildcards, braces and command substitutions: fish makes other words.
                    self.bump();
                    match c {
                        '(' => self
                            .skip_nested('(', ')')
                            .ok_or(Some(Unclosed(at..at + 1)))?,
                        '{' => self.skip_nested('{', '}').ok_or(None)?,
                        _ => {}
                    }
                    word.expanded(at..self.at, &self.text[at..self.at]);
                }
                '(' => {
                    // zsh's glob qualifiers and bash's arrays: not a value we can tell.
                    self.bump();
                    self.skip_nested('(', ')')
                        .ok_or(Some(Unclosed(at..at + 1)))?;
                    word.expanded(at..self.at, &self.text[at..self.at]);
                }
                c => {
                    self.bump();
                    word.push(c);
                }
            }
        }
        let span = start..self.at;
        let text = &self.text[span.clone()];
        let name = variable_name(text);
        let equals = (name > 0 && text[name..].starts_with('=')).then_some(name);
        let after_quote = word
            .quote_end
            .filter(|&end| end < self.at && self.text[end..self.at].chars().all(is_copy_artifact))
            .map(|end| end..self.at);
        Ok(Word {
            span,
            value: word.expansion.is_none().then_some(word.value),
            expansion: word.expansion,
            meant: word.meant,
            after_quote,
            equals,
            quoted: word.quoted,
        })
    }

    /// Whether an assignment's value starts here (nothing but empty quotes before it).
    fn starts_a_value(&self, start: usize, word: &Building) -> bool {
        let before = &self.text[start..self.at];
        let name = variable_name(before);
        name > 0 && before[name..].starts_with('=') && word.value.len() == name + 1
    }

    /// `~` at the start of a word, or of an assignment's value or one of its `:` parts. zsh
    /// also expands it after empty quotes at the start of a value (`V=''~x`; bash does not):
    /// the stricter verdict.
    fn tilde_expands(&self, start: usize, word: &Building) -> bool {
        if self.syntax == Syntax::Posix && self.starts_a_value(start, word) {
            return true;
        }
        if word.quoted {
            return false;
        }
        let before = &self.text[start..self.at];
        if before.is_empty() {
            return true;
        }
        if self.syntax == Syntax::Fish {
            return false;
        }
        let name = variable_name(before);
        name > 0
            && before[name..].starts_with('=')
            && (before.ends_with('=') || before.ends_with(':'))
    }

    /// Inside `'…'`, after the opening quote; `None` if it never closes.
    fn single_quoted(&mut self, word: &mut Building) -> Option<()> {
        loop {
            let c = self.peek()?;
            self.bump();
            match c {
                '\'' => return Some(()),
                '\\' if self.syntax == Syntax::Fish => match self.peek() {
                    Some(escaped @ ('\'' | '\\')) => {
                        self.bump();
                        word.push(escaped);
                    }
                    _ => word.push('\\'),
                },
                c => word.push(c),
            }
        }
    }

    /// Inside `"…"`, after the opening quote at `open`; `Err` where the shell refuses the
    /// text, with that quote if it never closes.
    fn double_quoted(&mut self, word: &mut Building, open: usize) -> Result<(), Option<Unclosed>> {
        let unclosed = || Some(Unclosed(open..open + 1));
        loop {
            let at = self.at;
            let c = self.peek().ok_or_else(unclosed)?;
            match c {
                '"' => {
                    self.bump();
                    return Ok(());
                }
                '\\' => {
                    self.bump();
                    let escapes: &[char] = match self.syntax {
                        Syntax::Posix => &['"', '\\', '$', '`'],
                        Syntax::Fish => &['"', '\\', '$'],
                    };
                    match self.peek() {
                        Some('\n') => self.bump(),
                        Some(escaped) if escapes.contains(&escaped) => {
                            self.bump();
                            word.push(escaped);
                        }
                        _ => word.push('\\'),
                    }
                }
                '$' => self
                    .dollar(word, true)
                    .map_err(|stop| stop.and_then(|_| unclosed()))?,
                '`' if self.syntax == Syntax::Posix => {
                    self.bump();
                    self.skip_until('`').ok_or_else(unclosed)?;
                    word.expanded(at..self.at, &self.text[at..self.at]);
                }
                c => {
                    self.bump();
                    word.push(c);
                }
            }
        }
    }

    /// A `$`: an expansion when a name, a special parameter or a bracket follows it, else
    /// the character itself (bash and zsh; fish refuses a `$` with no name after it).
    /// `Err` where the shell refuses the text, with the bracket that never closes if so.
    fn dollar(&mut self, word: &mut Building, quoted: bool) -> Result<(), Option<Unclosed>> {
        let at = self.at;
        self.bump();
        let next = self.peek();
        let unclosed = Some(Unclosed(at..at + 1));
        match (self.syntax, next) {
            (_, Some('(')) => {
                self.bump();
                self.skip_nested('(', ')').ok_or(unclosed)?;
            }
            (Syntax::Posix, Some('{')) => {
                self.bump();
                self.skip_nested('{', '}').ok_or(unclosed)?;
            }
            (Syntax::Posix, Some('[')) => {
                self.bump();
                self.skip_nested('[', ']').ok_or(unclosed)?;
            }
            (Syntax::Posix, Some('\'')) if !quoted => {
                // $'…', ANSI-C quoting: escapes the text does not show.
                self.bump();
                loop {
                    match self.peek() {
                        None => return Err(unclosed),
                        Some('\\') => {
                            self.bump();
                            self.bump();
                        }
                        Some('\'') => {
                            self.bump();
                            break;
                        }
                        Some(_) => self.bump(),
                    }
                }
            }
            (Syntax::Posix, Some('"')) if !quoted => {
                // $"…", a translated string: its text, as far as the shell is concerned.
                self.bump();
                return self.double_quoted(word, at);
            }
            // fish's `$$name`: the variable named by `$name`'s value.
            (Syntax::Fish, Some('$'))
                if self.text[self.at..]
                    .trim_start_matches('$')
                    .starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_') =>
            {
                while self.peek() == Some('$') {
                    self.bump();
                }
                while self
                    .peek()
                    .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
                {
                    self.bump();
                }
            }
            (_, Some(c)) if c.is_ascii_alphanumeric() || c == '_' => {
                let digit = c.is_ascii_digit();
                self.bump();
                if !(digit && self.syntax == Syntax::Posix) {
                    while self
                        .peek()
                        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
                    {
                        self.bump();
                    }
                }
            }
            (Syntax::Posix, Some('$' | '?' | '!' | '#' | '*' | '@' | '-')) => self.bump(),
            // zsh's flags before a name ($=name, $~name, $^name, $+name), which zsh reads
            // as such even with no name after them.
            (Syntax::Posix, Some('=' | '~' | '^' | '+')) => self.bump(),
            (Syntax::Posix, _) => {
                word.push('$');
                return Ok(());
            }
            // "Expected a variable name after this $": fish refuses the whole text.
            (Syntax::Fish, _) if !self.in_fish_prefix_assignment => return Err(None),
            (Syntax::Fish, _) => {}
        }
        word.expanded(at..self.at, &self.text[at..self.at]);
        Ok(())
    }

    /// Past the next `close`; `None` if there is none.
    fn skip_until(&mut self, close: char) -> Option<()> {
        loop {
            let c = self.peek()?;
            self.bump();
            if c == '\\' {
                self.bump();
            } else if c == close {
                return Some(());
            }
        }
    }

    /// Past the `close` that matches an `open` just read; `None` if there is none.
    fn skip_nested(&mut self, open: char, close: char) -> Option<()> {
        let mut depth = 1;
        loop {
            let c = self.peek()?;
            self.bump();
            match c {
                '\\' => self.bump(),
                '\'' if open == '(' => self.skip_until('\'')?,
                '"' if open == '(' => self.skip_until('"')?,
                c if c == open => depth += 1,
                c if c == close => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(());
                    }
                }
                _ => {}
            }
        }
    }
}

/// The length of the variable name `text` starts with (letters, digits and `_`, not starting
/// with a digit); 0 when it starts with none.
pub fn variable_name(text: &str) -> usize {
    text.char_indices()
        .find(|(index, c)| {
            !(c.is_ascii_alphanumeric() || *c == '_') || (*index == 0 && c.is_ascii_digit())
        })
        .map_or(text.len(), |(index, _)| index)
}

/// What a copy out of a sentence brings along after the value: a full stop, a comma, a
/// colon, a closing bracket (ASCII or full-width), an ideographic space.
pub fn is_copy_artifact(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ':'
            | '!'
            | '?'
            | ']'
            | '}'
            | '。'
            | '，'
            | '；'
            | '：'
            | '、'
            | '！'
            | '？'
            | '）'
            | '」'
            | '』'
            | '】'
            | '》'
            | '\u{3000}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, syntax: Syntax) -> Vec<Vec<Option<String>>> {
        let (commands, unclosed) = commands(text, syntax);
        assert_eq!(unclosed, None, "{text}");
        commands
            .into_iter()
            .map(|command| command.words.into_iter().map(|w| w.value).collect())
            .collect()
    }

    fn some(words: &[&str]) -> Vec<Option<String>> {
        words.iter().map(|w| Some((*w).to_owned())).collect()
    }

    #[test]
    fn posix_quotes_escapes_and_separators() {
        assert_eq!(
            values(
                r#"export A='a b'"c\"d" B=x\ y; C=1 && echo "$HOME" # note"#,
                Syntax::Posix
            ),
            vec![
                some(&["export", "A=a bc\"d", "B=x y"]),
                vec![Some("C=1".into())],
                vec![Some("echo".into()), None],
            ]
        );
        assert_eq!(
            values(r#"A="cost $ 5" B='$HOME' C=a#b"#, Syntax::Posix),
            vec![some(&["A=cost $ 5", "B=$HOME", "C=a#b"])]
        );
        let (read, _) = commands("export K='sk-1'。", Syntax::Posix);
        let word = &read[0].words[1];
        assert_eq!(word.value.as_deref(), Some("K=sk-1。"));
        assert_eq!(word.after_quote, Some(15..18));
        let (read, _) = commands("K=\"sk-a$b`x`\"", Syntax::Posix);
        let word = &read[0].words[0];
        assert_eq!(word.value, None);
        assert_eq!(word.expansion, Some(7..9));
        assert_eq!(word.meant, "K=sk-a$b`x`");
        assert_eq!(
            commands("K='never closed", Syntax::Posix).1,
            Some(Unclosed(2..3))
        );
    }

    #[test]
    fn fish_quotes_and_expansions() {
        assert_eq!(
            values(r#"set -gx A 'a\'b\\c\q' "x\$y"; set B `t`"#, Syntax::Fish),
            vec![
                some(&["set", "-gx", "A", r"a'b\c\q", "x$y"]),
                some(&["set", "B", "`t`"])
            ]
        );
        assert_eq!(values("set A a{b,c}", Syntax::Fish)[0][2], None);
        // "Unexpected ')' for unopened parenthesis": nothing in the text runs.
        assert!(commands("set A 1; set B '')'", Syntax::Fish).0.is_empty());
        assert_eq!(values("set A (echo hi)", Syntax::Fish)[0][2], None);
        // "Expected a variable name after this $", quoted or not: nothing runs.
        assert!(commands(r#"set A 1; set B "$""#, Syntax::Fish).0.is_empty());
        assert!(commands("set A 1; set B a$", Syntax::Fish).0.is_empty());
        assert_eq!(values(r#"set A "$$B""#, Syntax::Fish)[0][2], None);
        assert!(commands("set A 1; set B $$", Syntax::Fish).0.is_empty());
        assert_eq!(values("set A \"$HOME\"", Syntax::Fish)[0][2], None);
    }
}
