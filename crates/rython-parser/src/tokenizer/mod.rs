//! The lexer, after CPython's `Parser/lexer/lexer.c`: it turns decoded source
//! text into tokens, tracking indentation, bracket nesting and the PEP 701
//! f-string modes.

mod fstring;
mod number;

use crate::error::SyntaxErrorKind;
use crate::perr::PErr;

/// Maximum bracket nesting, as CPython's `MAXLEVEL`.
const MAX_PAREN_LEVEL: usize = 200;
/// Maximum indentation depth, as CPython's `MAXINDENT`.
const MAX_INDENT: usize = 100;
const TABSIZE: u32 = 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Name,
    Number,
    String,
    FStringStart,
    FStringMiddle,
    FStringEnd,
    Op,
    Newline,
    /// A non-logical newline (blank line, or inside brackets).
    Nl,
    Comment,
    Indent,
    Dedent,
    EndMarker,
}

/// A position: 1-based line, 0-based UTF-8 byte column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    /// The exact source text (for FSTRING_MIDDLE the raw, undecoded text).
    pub text: String,
    pub start: Pos,
    pub end: Pos,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FMode {
    Expr,
    Spec,
}

#[derive(Clone, Debug)]
pub(crate) struct FState {
    pub quote: char,
    pub triple: bool,
    pub raw: bool,
    pub start: Pos,
    /// One entry per open replacement field: its mode and the bracket depth
    /// just after its `{`.
    pub levels: Vec<(FMode, usize)>,
}

pub(crate) struct Lexer<'a> {
    pub src: &'a str,
    pub pos: usize,
    pub line: u32,
    pub line_start: usize,
    indents: Vec<(u32, u32)>,
    pending_dedents: usize,
    at_bol: bool,
    /// Open brackets: the character and where it was.
    pub parens: Vec<(char, Pos)>,
    pub fstrings: Vec<FState>,
    pub tokens: Vec<Token>,
    /// Whether the current logical line has produced a token yet.
    line_has_tokens: bool,
    /// Line where the innermost pending continuation started (for errors).
    done: bool,
    /// A last line of only whitespace, without a newline, counts for
    /// indentation (eval/single input, which CPython does not give a
    /// final newline).
    pub eof_line_counts: bool,
}

// Character classes come from CPython's own Unicode database (15.1), shared
// with `str.isidentifier()`/`str.isprintable()` through rython-common.
pub(crate) fn is_id_start(c: char) -> bool {
    rython_common::unicode::is_id_start(c as u32)
}

pub(crate) fn is_id_continue(c: char) -> bool {
    rython_common::unicode::is_id_continue(c as u32)
}

pub(crate) fn is_printable(c: char) -> bool {
    rython_common::unicode::is_printable(c as u32)
}

pub(crate) fn invalid_char_msg(c: char) -> String {
    if is_printable(c) {
        format!("invalid character '{}' (U+{:04X})", c, c as u32)
    } else {
        format!("invalid non-printable character U+{:04X}", c as u32)
    }
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str) -> Self {
        Lexer {
            src,
            pos: 0,
            line: 1,
            line_start: 0,
            indents: vec![(0, 0)],
            pending_dedents: 0,
            at_bol: true,
            parens: Vec::new(),
            fstrings: Vec::new(),
            tokens: Vec::new(),
            line_has_tokens: false,
            done: false,
            eof_line_counts: false,
        }
    }

    pub fn here(&self) -> Pos {
        Pos {
            line: self.line,
            col: (self.pos - self.line_start) as u32,
        }
    }

    pub fn peek(&self) -> Option<char> {
        self.src[self.pos..].chars().next()
    }

    pub fn peek_at(&self, n: usize) -> Option<char> {
        self.src[self.pos..].chars().nth(n)
    }

    pub fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.line_start = self.pos;
        }
        Some(c)
    }

    /// A tokenizer error: CPython reports it as an empty range at `at`.
    pub fn err(&self, msg: impl Into<String>, at: Pos) -> PErr {
        PErr::new(SyntaxErrorKind::SyntaxError, msg, at, at)
    }

    pub fn err_span(&self, msg: impl Into<String>, start: Pos, end: Pos) -> PErr {
        PErr::new(SyntaxErrorKind::SyntaxError, msg, start, end)
    }

    pub fn push(&mut self, kind: TokenKind, start_off: usize, start: Pos) {
        let text = self.src[start_off..self.pos].to_string();
        let end = self.here();
        if !matches!(kind, TokenKind::Nl | TokenKind::Comment) {
            self.line_has_tokens = true;
        }
        self.tokens.push(Token {
            kind,
            text,
            start,
            end,
        });
    }

    pub fn push_text(&mut self, kind: TokenKind, text: String, start: Pos, end: Pos) {
        self.tokens.push(Token {
            kind,
            text,
            start,
            end,
        });
    }

    pub fn run(self) -> Result<Vec<Token>, PErr> {
        match self.run_partial() {
            (toks, None) => Ok(toks),
            (_, Some(e)) => Err(e),
        }
    }

    /// Tokens up to the first error, and the error. CPython's tokenizer is
    /// lazy, so a parser error before that point wins over the lexer's.
    pub fn run_partial(mut self) -> (Vec<Token>, Option<PErr>) {
        while !self.done {
            if let Err(e) = self.step() {
                return (self.tokens, Some(e));
            }
        }
        (self.tokens, None)
    }

    fn step(&mut self) -> Result<(), PErr> {
        if let Some(fs) = self.fstrings.last() {
            let in_literal = match fs.levels.last() {
                None => true,
                Some((FMode::Spec, depth)) => self.parens.len() == *depth,
                Some((FMode::Expr, _)) => false,
            };
            if in_literal {
                return self.lex_fstring_middle();
            }
        }
        if self.at_bol && self.parens.is_empty() {
            self.at_bol = false;
            if self.indentation()? {
                return Ok(());
            }
        }
        if self.pending_dedents > 0 {
            self.pending_dedents -= 1;
            let p = self.here();
            self.push_text(TokenKind::Dedent, String::new(), p, p);
            return Ok(());
        }
        self.skip_spaces()?;
        let start_off = self.pos;
        let start = self.here();
        let c = match self.peek() {
            None => return self.eof(),
            Some(c) => c,
        };
        match c {
            '#' => {
                while let Some(c) = self.peek() {
                    if c == '\n' || c == '\r' {
                        break;
                    }
                    self.bump();
                }
                self.push(TokenKind::Comment, start_off, start);
            }
            '\n' | '\r' => {
                self.bump();
                if c == '\r' && self.peek() == Some('\n') {
                    self.bump();
                }
                if c == '\r' {
                    // A lone CR ends a line too; normalise line tracking.
                    if !self.src[start_off..self.pos].ends_with('\n') {
                        self.line += 1;
                        self.line_start = self.pos;
                    }
                }
                let end = Pos {
                    line: start.line,
                    col: start.col + (self.pos - start_off) as u32,
                };
                let text = self.src[start_off..self.pos].to_string();
                let kind =
                    if self.parens.is_empty() && self.line_has_tokens && self.fstrings.is_empty() {
                        TokenKind::Newline
                    } else {
                        TokenKind::Nl
                    };
                self.tokens.push(Token {
                    kind,
                    text,
                    start,
                    end,
                });
                if kind == TokenKind::Newline {
                    self.line_has_tokens = false;
                }
                if self.parens.is_empty() {
                    self.at_bol = true;
                }
            }
            '\\' => {
                self.bump();
                let after_backslash = self.here();
                match self.peek() {
                    Some('\n') => {
                        self.bump();
                    }
                    Some('\r') => {
                        self.bump();
                        if self.peek() == Some('\n') {
                            self.bump();
                        } else {
                            self.line += 1;
                            self.line_start = self.pos;
                        }
                    }
                    None => {
                        let mut e = self.err("unexpected EOF while parsing", self.here());
                        e.end_eof = true;
                        return Err(e);
                    }
                    Some(_) => {
                        let mut e = self.err(
                            "unexpected character after line continuation character",
                            Pos {
                                line: start.line,
                                col: start.col + 1,
                            },
                        );
                        e.end_col_zero = true;
                        return Err(e);
                    }
                }
                if self.peek().is_none() {
                    let mut e = self.err("unexpected EOF while parsing", after_backslash);
                    e.end_eof = true;
                    return Err(e);
                }
            }
            '0'..='9' => self.lex_number(start_off, start)?,
            '.' if matches!(self.peek_at(1), Some('0'..='9')) => {
                self.lex_number(start_off, start)?
            }
            '"' | '\'' => self.lex_string(start_off, start, "")?,
            c if is_id_start(c) => {
                // A string prefix?
                let mut n = 0;
                let mut prefix = String::new();
                while let Some(p) = self.peek_at(n) {
                    if matches!(p, 'r' | 'R' | 'b' | 'B' | 'u' | 'U' | 'f' | 'F') && n < 2 {
                        prefix.push(p);
                        n += 1;
                    } else {
                        break;
                    }
                }
                let mut is_string_prefix = false;
                while !prefix.is_empty() {
                    if matches!(self.peek_at(prefix.chars().count()), Some('"' | '\''))
                        && valid_prefix(&prefix)
                    {
                        is_string_prefix = true;
                        break;
                    }
                    prefix.pop();
                }
                if is_string_prefix {
                    for _ in 0..prefix.len() {
                        self.bump();
                    }
                    return self.lex_string(start_off, start, &prefix);
                }
                self.lex_name(start_off, start)?;
            }
            _ => self.lex_op(c, start_off, start)?,
        }
        Ok(())
    }

    fn skip_spaces(&mut self) -> Result<(), PErr> {
        while let Some(c) = self.peek() {
            if c == ' ' || c == '\t' || c == '\x0c' {
                self.bump();
            } else {
                break;
            }
        }
        Ok(())
    }

    fn eof(&mut self) -> Result<(), PErr> {
        if let Some(fs) = self.fstrings.last() {
            // Inside a replacement field the open `{` is what is reported.
            if !fs.levels.is_empty() {
                if let Some(&(c, p)) = self.parens.last() {
                    let mut e = self.err(format!("'{}' was never closed", c), p);
                    e.end_col_zero = true;
                    return Err(e);
                }
            }
            let msg = if fs.triple {
                format!(
                    "unterminated triple-quoted f-string literal (detected at line {})",
                    self.line
                )
            } else {
                format!(
                    "unterminated f-string literal (detected at line {})",
                    self.line
                )
            };
            return Err(self.err(msg, fs.start));
        }
        if let Some(&(c, p)) = self.parens.last() {
            let mut e = self.err(format!("'{}' was never closed", c), p);
            e.end_col_zero = true;
            return Err(e);
        }
        let p = self.here();
        if self.line_has_tokens {
            self.push_text(
                TokenKind::Newline,
                String::new(),
                p,
                Pos {
                    line: p.line,
                    col: p.col + 1,
                },
            );
            self.line_has_tokens = false;
        }
        // CPython places DEDENT/ENDMARKER at the end of the last line.
        let before = &self.src[..self.pos];
        let body = before
            .strip_suffix("\r\n")
            .or_else(|| before.strip_suffix('\n'))
            .or_else(|| before.strip_suffix('\r'));
        let p = match body {
            Some(body) => {
                let line_start = body.rfind(['\n', '\r']).map(|i| i + 1).unwrap_or(0);
                Pos {
                    line: self.line.saturating_sub(1).max(1),
                    col: (body.len() - line_start) as u32,
                }
            }
            None => p,
        };
        while self.indents.len() > 1 {
            self.indents.pop();
            self.push_text(TokenKind::Dedent, String::new(), p, p);
        }
        self.push_text(TokenKind::EndMarker, String::new(), p, p);
        self.done = true;
        Ok(())
    }

    /// Measures the indentation of a new line and queues INDENT/DEDENT.
    /// Returns true when it emitted a token.
    fn indentation(&mut self) -> Result<bool, PErr> {
        let mut col = 0u32;
        let mut altcol = 0u32;
        let start_off = self.pos;
        loop {
            match self.peek() {
                Some(' ') => {
                    col += 1;
                    altcol += 1;
                }
                Some('\t') => {
                    col = (col / TABSIZE + 1) * TABSIZE;
                    altcol += 1;
                }
                Some('\x0c') => {
                    col = 0;
                    altcol = 0;
                }
                _ => break,
            }
            self.bump();
        }
        // Blank lines, comment-only lines and EOF don't change indentation.
        match self.peek() {
            None if !self.eof_line_counts => return Ok(false),
            Some('#') | Some('\n') | Some('\r') => return Ok(false),
            Some('\\') => {
                // A continuation at the start of a line: CPython treats it as
                // indentation-neutral unless something follows on the line.
            }
            _ => {}
        }
        let start = Pos {
            line: self.line,
            col: 0,
        };
        let &(top, alttop) = self.indents.last().unwrap();
        if col == top {
            if altcol != alttop {
                return Err(self.tab_error());
            }
            Ok(false)
        } else if col > top {
            if self.indents.len() >= MAX_INDENT {
                let mut e = self.err("too many levels of indentation", start);
                e.kind = SyntaxErrorKind::IndentationError;
                e.end = Pos {
                    line: start.line,
                    col: 0,
                };
                e.end_col_zero = true;
                return Err(e);
            }
            if altcol <= alttop {
                return Err(self.tab_error());
            }
            self.indents.push((col, altcol));
            let text = self.src[start_off..self.pos].to_string();
            let end = self.here();
            self.tokens.push(Token {
                kind: TokenKind::Indent,
                text,
                start,
                end,
            });
            Ok(true)
        } else {
            while self.indents.len() > 1 && col < self.indents.last().unwrap().0 {
                self.indents.pop();
                self.pending_dedents += 1;
            }
            let &(top, alttop) = self.indents.last().unwrap();
            if col != top {
                let p = self.here();
                let mut e = self.err("unindent does not match any outer indentation level", p);
                e.kind = SyntaxErrorKind::IndentationError;
                let rest = &self.src[self.line_start..];
                let brk = rest.find(['\n', '\r']);
                let line = &rest[..brk.unwrap_or(rest.len())];
                // The column just past the line's newline (which exec input
                // always has).
                let nl = u32::from(brk.is_some() || !self.eof_line_counts);
                e.fixed = Some((
                    line.chars().count() as u32 + nl,
                    crate::error::END_OFFSET_EOF,
                ));
                return Err(e);
            }
            if altcol != alttop {
                return Err(self.tab_error());
            }
            Ok(false)
        }
    }

    fn tab_error(&self) -> PErr {
        let p = self.here();
        let mut e = self.err("inconsistent use of tabs and spaces in indentation", p);
        e.kind = SyntaxErrorKind::TabError;
        e.fixed = Some((1, 0));
        e
    }

    fn lex_name(&mut self, start_off: usize, start: Pos) -> Result<(), PErr> {
        while let Some(c) = self.peek() {
            if is_id_continue(c) {
                self.bump();
            } else if !c.is_ascii() && !c.is_whitespace() {
                // CPython's message names the first character that cannot
                // be part of an identifier.
                if is_printable(c) || !c.is_whitespace() {
                    let p = self.here();
                    return Err(self.err(invalid_char_msg(c), p));
                }
                break;
            } else {
                break;
            }
        }
        self.push(TokenKind::Name, start_off, start);
        Ok(())
    }

    fn lex_op(&mut self, c: char, start_off: usize, start: Pos) -> Result<(), PErr> {
        const THREE: [&str; 5] = ["**=", "//=", ">>=", "<<=", "..."];
        const TWO: [&str; 22] = [
            "!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=", ":=", "<<", "<=", "<>",
            "==", ">=", ">>", "@=", "^=", "|=", "~=", "!!",
        ];
        let rest = &self.src[self.pos..];
        let in_fexpr_top = self.fstring_expr_top();
        let mut len = 0;
        for op in THREE {
            if rest.starts_with(op) {
                len = 3;
            }
        }
        if len == 0 {
            for op in TWO {
                if op != "~=" && op != "!!" && rest.starts_with(op) {
                    len = 2;
                }
            }
        }
        // Inside an f-string replacement field, `:` and `!` at the top level
        // start the format spec / conversion, so `:=` and `!=` must not be
        // glued (`!=` still is, as in CPython).
        if in_fexpr_top && len == 2 && rest.starts_with(":=") {
            len = 1;
        }
        if len == 0 {
            if "()[]{}:,;+-*/|&<>=.%`^~@!".contains(c) {
                len = 1;
            } else {
                if c == '$' || c == '?' || c == '`' {
                    // CPython's ERRORTOKEN: the parser rejects it, and
                    // lexing goes on (a later tokenizer error may win).
                    self.bump();
                    self.push(TokenKind::Op, start_off, start);
                    return Ok(());
                }
                return Err(self.err(invalid_char_msg(c), start));
            }
        }

        for _ in 0..len {
            self.bump();
        }
        match c {
            '(' | '[' | '{' if len == 1 => {
                if self.parens.len() >= MAX_PAREN_LEVEL {
                    return Err(self.err("too many nested parentheses", start));
                }
                self.parens.push((c, start));
            }
            ')' | ']' | '}' if len == 1 => {
                match self.parens.last() {
                    None => return Err(self.err(format!("unmatched '{}'", c), start)),
                    Some(&(open, p)) => {
                        let want = match open {
                            '(' => ')',
                            '[' => ']',
                            _ => '}',
                        };
                        let fstring_brace = open == '{'
                            && self
                                .fstrings
                                .last()
                                .and_then(|f| f.levels.last())
                                .is_some_and(|l| l.1 == self.parens.len());
                        if want != c && fstring_brace {
                            return Err(self.err(format!("f-string: unmatched '{}'", c), start));
                        }
                        if want != c {
                            let msg = if p.line != start.line {
                                format!(
                                    "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                                    c, open, p.line
                                )
                            } else {
                                format!("closing parenthesis '{}' does not match opening parenthesis '{}'", c, open)
                            };
                            return Err(self.err(msg, start));
                        }
                    }
                }
                self.parens.pop();
                if c == '}' {
                    self.close_fstring_field();
                }
            }
            ':' if len == 1 && in_fexpr_top => {
                if self.fstrings.last().map_or(0, |f| f.levels.len()) >= 3 {
                    return Err(self.err_span(
                        "f-string: expressions nested too deeply",
                        start,
                        start,
                    ));
                }
                if let Some(fs) = self.fstrings.last_mut() {
                    if let Some(l) = fs.levels.last_mut() {
                        l.0 = FMode::Spec;
                    }
                }
            }
            _ => {}
        }
        self.push(TokenKind::Op, start_off, start);
        Ok(())
    }

    /// True when the lexer is directly inside an f-string replacement field
    /// (not nested in further brackets).
    fn fstring_expr_top(&self) -> bool {
        match self.fstrings.last().and_then(|f| f.levels.last()) {
            Some((FMode::Expr, depth)) => self.parens.len() == *depth,
            _ => false,
        }
    }

    fn close_fstring_field(&mut self) {
        let depth = self.parens.len() + 1;
        if let Some(fs) = self.fstrings.last_mut() {
            if let Some(&(_, d)) = fs.levels.last() {
                if d == depth {
                    fs.levels.pop();
                }
            }
        }
    }
}

pub(crate) fn valid_prefix(p: &str) -> bool {
    let l = p.to_ascii_lowercase();
    matches!(
        l.as_str(),
        "r" | "u" | "b" | "f" | "br" | "rb" | "fr" | "rf"
    )
}

/// Tokenizes `source` completely (comments and NL tokens included).
pub fn tokenize(source: &str) -> Result<Vec<Token>, PErr> {
    Lexer::new(source).run()
}

/// `eof_line_counts`: see `Lexer::eof_line_counts`.
pub(crate) fn tokenize_partial(source: &str, eof_line_counts: bool) -> (Vec<Token>, Option<PErr>) {
    let mut l = Lexer::new(source);
    l.eof_line_counts = eof_line_counts;
    l.run_partial()
}

#[cfg(test)]
mod tests;
