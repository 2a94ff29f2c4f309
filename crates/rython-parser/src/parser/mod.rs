//! A hand-written recursive-descent parser for the Python 3.13 grammar
//! (`Grammar/python.gram`), with precedence climbing for binary operators.

mod arguments;
mod atom;
mod compound;
mod errors;
mod expression;
mod fstring;
mod params;
mod pattern;
mod statement;
mod target;

use crate::ast::*;
use crate::perr::PErr;
use crate::tokenizer::{self, Pos, Token, TokenKind};
use crate::Mode;

/// Nesting beyond this many recursive grammar levels is refused the way
/// CPython's parser refuses it (its `MAXSTACK`), long before the Rust stack
/// is at risk.
const MAX_DEPTH: u32 = 2500;
pub(crate) const TOO_COMPLEX: &str = "Parser stack overflowed - Python source too complex to parse";

pub(crate) const KEYWORDS: [&str; 35] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

pub(crate) fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s)
}

pub(crate) type PResult<T> = Result<T, PErr>;

pub(crate) struct Parser<'a> {
    pub src: &'a str,
    pub toks: Vec<Token>,
    pub pos: usize,
    pub depth: u32,
    /// End of the last consumed token.
    pub prev_end: Pos,
    /// The furthest token index looked at (for lazy-lexer error order).
    pub max_seen: std::cell::Cell<usize>,
    /// Set while parsing call arguments, where `name=` is a keyword.
    pub no_eq_hint: bool,
    /// Span of the last complete `disjunction` and whether it was a bare
    /// name (for the "forgot a comma" hint).
    pub last_disj: Option<(Pos, Pos, bool)>,
    /// Byte offset of the start of each line (line breaks as the lexer
    /// counts them: `\r\n`, `\n` or a lone `\r`).
    pub line_starts: Vec<usize>,
}

pub(crate) fn parse_source(source: &str, mode: Mode) -> PResult<Mod> {
    let (toks, lex_err) = tokenizer::tokenize_partial(source);
    let mut filtered: Vec<Token> = Vec::with_capacity(toks.len());
    let mut comment_start = None;
    for mut t in toks {
        match t.kind {
            TokenKind::Comment => comment_start = Some(t.start),
            TokenKind::Nl => comment_start = None,
            _ => {
                // CPython's NEWLINE token begins where a trailing comment
                // does; error spans show it.
                if t.kind == TokenKind::Newline {
                    if let Some(c) = comment_start {
                        t.start = c;
                    }
                }
                comment_start = None;
                filtered.push(t);
            }
        }
    }
    let mut toks = filtered;
    if let Some(e) = &lex_err {
        // A sentinel standing where the lexer gave up.
        toks.push(Token {
            kind: TokenKind::EndMarker,
            text: String::new(),
            start: e.start,
            end: e.start,
        });
    }
    let sentinel = toks.len() - 1;
    let mut p = Parser {
        src: source,
        toks,
        pos: 0,
        depth: 0,
        prev_end: Pos { line: 1, col: 0 },
        max_seen: std::cell::Cell::new(0),
        no_eq_hint: false,
        last_disj: None,
        line_starts: line_starts(source),
    };
    let r = match mode {
        Mode::Exec => p.file(),
        Mode::Eval => p.eval_input(),
        Mode::Single => p.interactive(),
    };
    // eval/single input is not given a trailing newline by CPython's string
    // tokenizer, and a generic error at the implicit end of input then has
    // no column: offset and end_offset are both 0.
    let r = match r {
        Err(mut e)
            if mode != Mode::Exec
                && lex_err.is_none()
                && e.msg == "invalid syntax"
                && !source.ends_with('\n')
                && e.start == p.toks[sentinel].start =>
        {
            e.fixed = Some((0, 0));
            Err(e)
        }
        r => r,
    };
    match lex_err {
        Some(le) => match r {
            Err(pe) if p.max_seen.get() < sentinel => {
                let seen = p.max_seen.get();
                let reaches_end = p.second_pass_reaches(sentinel);
                Err(prefer_lexer_error(
                    pe,
                    le,
                    p.toks[seen].start.line,
                    reaches_end,
                ))
            }
            _ => Err(le),
        },
        None => r,
    }
}

/// CPython tokenizes the rest of the file after a parser error, and an
/// error raised by the tokenizer there replaces the parser's; indentation
/// errors are not raised that way, and an unclosed bracket only counts
/// when the parser failed on a later line.
fn prefer_lexer_error(pe: PErr, le: PErr, parser_line: u32, at_end: bool) -> PErr {
    use crate::error::SyntaxErrorKind;
    if le.kind != SyntaxErrorKind::SyntaxError || le.msg == "too many levels of indentation" {
        return pe;
    }
    if pe.msg == "unexpected indent" || pe.msg == "unexpected unindent" {
        return pe;
    }
    // These are status codes in CPython's tokenizer, not raised errors.
    if le.msg == "unexpected character after line continuation character"
        || le.msg == "unexpected EOF while parsing"
    {
        return pe;
    }
    // Observed: an unterminated f-string found after a parser error does
    // not replace it.
    if le.msg.starts_with("unterminated f-string")
        || le.msg.starts_with("unterminated triple-quoted f-string")
    {
        return pe;
    }
    if le.msg.ends_with("was never closed") {
        return if parser_line > le.start.line || at_end {
            le
        } else {
            pe
        };
    }
    le
}

fn line_starts(src: &str) -> Vec<usize> {
    let b = src.as_bytes();
    let mut v = vec![0];
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')) {
            v.push(i + 1);
        }
        i += 1;
    }
    v
}

pub(crate) fn loc(start: Pos, end: Pos) -> Loc {
    Loc {
        lineno: start.line,
        col_offset: start.col,
        end_lineno: end.line,
        end_col_offset: end.col,
    }
}

pub(crate) fn start_of(l: &Loc) -> Pos {
    Pos {
        line: l.lineno,
        col: l.col_offset,
    }
}

pub(crate) fn end_of(l: &Loc) -> Pos {
    Pos {
        line: l.end_lineno,
        col: l.end_col_offset,
    }
}

impl<'a> Parser<'a> {
    pub fn tok(&self) -> &Token {
        let i = self.pos.min(self.toks.len() - 1);
        if i > self.max_seen.get() {
            self.max_seen.set(i);
        }
        &self.toks[i]
    }

    pub fn nth(&self, n: usize) -> &Token {
        let i = (self.pos + n).min(self.toks.len() - 1);
        if i > self.max_seen.get() {
            self.max_seen.set(i);
        }
        &self.toks[i]
    }

    pub fn start(&self) -> Pos {
        self.tok().start
    }

    pub fn kind(&self) -> TokenKind {
        self.tok().kind
    }

    pub fn at_op(&self, op: &str) -> bool {
        let t = self.tok();
        t.kind == TokenKind::Op && t.text == op
    }

    pub fn nth_is_op(&self, n: usize, op: &str) -> bool {
        let t = self.nth(n);
        t.kind == TokenKind::Op && t.text == op
    }

    pub fn at_kw(&self, kw: &str) -> bool {
        let t = self.tok();
        t.kind == TokenKind::Name && t.text == kw
    }

    pub fn at_name(&self) -> bool {
        let t = self.tok();
        t.kind == TokenKind::Name && !is_keyword(&t.text)
    }

    pub fn bump(&mut self) -> Token {
        let t = self.tok().clone();
        // Block structure tokens never end a node: CPython's EXTRA spans stop
        // at the last real token.
        if !matches!(
            t.kind,
            TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent | TokenKind::EndMarker
        ) {
            self.prev_end = t.end;
        }
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
        t
    }

    pub fn eat_op(&mut self, op: &str) -> bool {
        if self.at_op(op) {
            self.bump();
            true
        } else {
            false
        }
    }

    pub fn eat_kw(&mut self, kw: &str) -> bool {
        if self.at_kw(kw) {
            self.bump();
            true
        } else {
            false
        }
    }

    pub fn expect_op(&mut self, op: &str) -> PResult<Token> {
        if self.at_op(op) {
            Ok(self.bump())
        } else if op == ":" {
            Err(self.expected_colon(false))
        } else {
            Err(self.invalid_syntax())
        }
    }

    pub fn expect_kw(&mut self, kw: &str) -> PResult<Token> {
        if self.at_kw(kw) {
            Ok(self.bump())
        } else {
            Err(self.invalid_syntax())
        }
    }

    /// A plain (non-keyword) identifier, NFKC-normalised as CPython does.
    pub fn name(&mut self) -> PResult<(Identifier, Loc)> {
        if !self.at_name() {
            return Err(self.invalid_syntax());
        }
        let t = self.bump();
        Ok((normalize_name(&t.text), loc(t.start, t.end)))
    }

    pub fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            let p = self.start();
            return Err(PErr::syntax(TOO_COMPLEX, p, p));
        }
        Ok(())
    }

    pub fn leave(&mut self) {
        self.depth -= 1;
    }

    pub fn mk_expr(&self, node: ExprKind, start: Pos) -> Expr {
        Expr {
            node,
            loc: loc(start, self.prev_end),
        }
    }

    pub fn mk_stmt(&self, node: StmtKind, start: Pos) -> Stmt {
        Stmt {
            node,
            loc: loc(start, self.prev_end),
        }
    }

    /// CPython's second (error-reporting) pass tries `NAME expression`
    /// (the legacy `print x` rule) where the parse failed after a name;
    /// that lookahead can run into the tokenizer's error.
    fn second_pass_reaches(&mut self, sentinel: usize) -> bool {
        let fail = self.max_seen.get();
        if fail == 0 || fail >= self.toks.len() {
            return false;
        }
        let prev = &self.toks[fail - 1];
        if prev.kind != TokenKind::Name || is_keyword(&prev.text) {
            return false;
        }
        self.pos = fail;
        if !self.starts_expression() {
            return false;
        }
        let _ = self.star_expressions();
        self.max_seen.get() >= sentinel
    }

    fn file(&mut self) -> PResult<Mod> {
        let body = self.statements_until_end()?;
        Ok(Mod::Module { body })
    }

    fn statements_until_end(&mut self) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        while self.kind() != TokenKind::EndMarker {
            if self.kind() == TokenKind::Newline {
                self.bump();
                continue;
            }
            self.statement(&mut body)?;
        }
        Ok(body)
    }

    fn eval_input(&mut self) -> PResult<Mod> {
        while self.kind() == TokenKind::Newline {
            self.bump();
        }
        if self.kind() == TokenKind::EndMarker {
            return Err(self.empty_input_error());
        }
        let e = self.expressions()?;
        while self.kind() == TokenKind::Newline {
            self.bump();
        }
        if self.kind() != TokenKind::EndMarker {
            return Err(self.invalid_syntax());
        }
        Ok(Mod::Expression { body: Box::new(e) })
    }

    /// `single` input: exactly one statement (a compound statement or one
    /// line of simple statements), as the REPL compiles it.
    fn interactive(&mut self) -> PResult<Mod> {
        if self.kind() == TokenKind::EndMarker {
            return Err(self.empty_input_error());
        }
        let mut body = Vec::new();
        if self.kind() == TokenKind::Newline {
            return Err(self.invalid_syntax());
        }
        let compound = self.statement_is_compound();
        self.statement(&mut body)?;
        if compound {
            while self.kind() == TokenKind::Newline {
                self.bump();
            }
            if self.kind() != TokenKind::EndMarker {
                return Err(self.invalid_syntax());
            }
        } else if self.kind() != TokenKind::EndMarker {
            let nl = self.toks[self.pos.saturating_sub(1)].clone();
            let mut e = self.err_at_token(
                "multiple statements found while compiling a single statement",
                &nl,
            );
            e.kind = crate::error::SyntaxErrorKind::SyntaxError;
            return Err(e);
        }
        Ok(Mod::Interactive { body })
    }

    fn statement_is_compound(&self) -> bool {
        let t = self.tok();
        (t.kind == TokenKind::Op && t.text == "@")
            || (t.kind == TokenKind::Name
                && matches!(
                    t.text.as_str(),
                    "def" | "class" | "if" | "while" | "for" | "try" | "with" | "async" | "match"
                ))
    }

    /// CPython's error for input with no tokens at all.
    pub fn empty_input_error(&self) -> PErr {
        let line = if self.src.is_empty() {
            0
        } else {
            self.tok().start.line
        };
        let p = Pos { line, col: 0 };
        let mut e = PErr::syntax("invalid syntax", p, p);
        e.fixed = Some((0, 0));
        e
    }
}

pub(crate) fn normalize_name(s: &str) -> String {
    if s.is_ascii() {
        s.to_string()
    } else {
        use unicode_normalization::UnicodeNormalization;
        s.nfkc().collect()
    }
}
