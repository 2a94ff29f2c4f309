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
    /// Set while looking ahead at the arguments after an unparenthesised
    /// generator expression.
    pub in_genexp_args: bool,
    /// Span of the last complete `disjunction` and whether it was a bare
    /// name (for the "forgot a comma" hint).
    pub last_disj: Option<(Pos, Pos, bool)>,
    /// Byte offset of the start of each line (line breaks as the lexer
    /// counts them: `\r\n`, `\n` or a lone `\r`).
    pub line_starts: Vec<usize>,
}

pub(crate) fn parse_source(source: &str, mode: Mode, filename: &str) -> PResult<Mod> {
    let (toks, mut lex_err) = tokenizer::tokenize_partial(source, mode != Mode::Exec);
    if let Some(e) = &mut lex_err {
        e.lexer = true;
    }
    let continued = continued_lines(&toks, source);
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
        in_genexp_args: false,
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
        // Single input turns the ENDMARKER into a NEWLINE, which starts on
        // the last character and has no end column.
        Err(mut e)
            if mode == Mode::Single
                && lex_err.is_none()
                && !source.ends_with(['\n', '\r'])
                && e.start == p.toks[sentinel].start
                && e.start.col > 0
                && e.msg.starts_with("expected") =>
        {
            let ls = p.line_starts.last().copied().unwrap_or(0);
            let line = &source[ls..];
            let col = crate::perr::char_col(line, e.start.col);
            e.fixed = Some((col, crate::error::END_OFFSET_EOF));
            Err(e)
        }
        r => r,
    };
    let r = match lex_err {
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
    };
    // The warnings, located as the errors they become under an "error"
    // filter.
    let warnings = crate::take_pending()
        .into_iter()
        .map(|w| {
            let mut e = PErr::syntax(w.msg.clone(), w.start, w.end);
            e.lexer = w.lexer;
            e.text = Some(error_text(
                &e,
                source,
                mode,
                filename,
                &p.line_starts,
                &continued,
                w.end.line,
            ));
            crate::CompileWarning {
                lineno: w.start.line,
                msg: w.msg,
                error: e.into_info(source),
            }
        })
        .collect();
    crate::set_warnings(warnings);
    r.map_err(|mut e| {
        if e.text.is_none() {
            let seen = p.max_seen.get().min(p.toks.len() - 1);
            let tok_line = if e.lexer {
                e.start.line
            } else {
                p.toks[seen].end.line
            };
            e.text = Some(error_text(
                &e,
                source,
                mode,
                filename,
                &p.line_starts,
                &continued,
                tok_line,
            ));
        }
        e
    })
}

/// The lines (1-based) that CPython's string tokenizer reads while a
/// token is still open (a backslash continuation, a multi-line string):
/// its line buffer then keeps the lines before them.
fn continued_lines(toks: &[Token], source: &str) -> Vec<bool> {
    let n = source.len() + 2;
    let mut cont = vec![false; 2];
    let mark = |cont: &mut Vec<bool>, from: u32, to: u32| {
        for l in from..=to {
            let l = l as usize;
            if l >= cont.len() {
                if l > n {
                    break;
                }
                cont.resize(l + 1, false);
            }
            cont[l] = true;
        }
    };
    for (i, t) in toks.iter().enumerate() {
        if t.end.line > t.start.line {
            mark(&mut cont, t.start.line + 1, t.end.line);
        }
        if matches!(
            t.kind,
            TokenKind::Newline | TokenKind::Nl | TokenKind::Comment
        ) {
            continue;
        }
        if let Some(next) = toks.get(i + 1) {
            if next.start.line > t.end.line
                && !matches!(next.kind, TokenKind::Dedent | TokenKind::EndMarker)
            {
                mark(&mut cont, t.end.line + 1, next.start.line);
            }
        }
    }
    cont
}

/// `SyntaxError.text` as CPython 3.13 reports it.
///
/// - Errors the tokenizer raises itself carry their physical line without
///   its newline.
/// - Parser errors of a file (exec mode, `filename` readable) carry the
///   line as read from the file, with its newline.
/// - Otherwise (a string) the text comes from the tokenizer's buffer: the
///   line it was reading when the parser failed (`tok_line`, with the lines
///   a token continued from), newline-terminated as the translated input
///   is (exec input gets a final newline); an error on an earlier line
///   gets that line alone, without its newline.
fn error_text(
    e: &PErr,
    source: &str,
    mode: Mode,
    filename: &str,
    line_starts: &[usize],
    continued: &[bool],
    tok_line: u32,
) -> Option<String> {
    let nlines = if source.is_empty() {
        0
    } else if source.ends_with(['\n', '\r']) {
        line_starts.len() - 1
    } else {
        line_starts.len()
    };
    // (body, whether the source line ends with a line break)
    let line = |n: u32| -> Option<(&str, bool)> {
        if n == 0 || n as usize > nlines {
            return None;
        }
        let a = line_starts[n as usize - 1];
        let b = line_starts.get(n as usize).copied().unwrap_or(source.len());
        let raw = &source[a..b];
        let body = raw.trim_end_matches(['\n', '\r']);
        Some((body, body.len() != raw.len()))
    };
    let lineno = e.start.line;
    if lineno == 0 {
        // Empty eval/single input: an error at line 0 with empty text.
        return Some(String::new());
    }
    let tokenizer_raised = e.lexer
        && !(e.msg.ends_with("was never closed")
            || e.msg == "unexpected EOF while parsing"
            || e.msg == "unindent does not match any outer indentation level"
            || e.msg == "inconsistent use of tabs and spaces in indentation"
            || e.msg == "unexpected character after line continuation character"
            || e.msg == "too many levels of indentation");
    if tokenizer_raised {
        return Some(line(lineno).map(|(b, _)| b.to_string()).unwrap_or_default());
    }
    if mode == Mode::Exec && crate::program_text(filename, lineno).is_some() {
        return line(lineno).map(|(b, nl)| if nl { format!("{b}\n") } else { b.to_string() });
    }
    let cur = if e.lexer && e.msg.ends_with("was never closed") {
        // The tokenizer reported it at the end of input.
        nlines as u32
    } else {
        tok_line
    };
    let cur = cur.clamp(1, nlines.max(1) as u32);
    if lineno < cur {
        return Some(line(lineno).map(|(b, _)| b.to_string()).unwrap_or_default());
    }
    let mut first = cur;
    while first > 1 && continued.get(first as usize).copied().unwrap_or(false) {
        first -= 1;
    }
    let mut s = String::new();
    for n in first..=cur {
        if let Some((b, nl)) = line(n) {
            s.push_str(b);
            // Exec input is given a final newline.
            if nl || mode == Mode::Exec {
                s.push('\n');
            }
        }
    }
    Some(s)
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
            if let Some(err) = self.legacy_print_error(&e) {
                return Err(err);
            }
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
        } else if self.toks[self.pos..].iter().any(|t| {
            !matches!(
                t.kind,
                TokenKind::Indent | TokenKind::Dedent | TokenKind::Newline | TokenKind::EndMarker
            )
        }) {
            // CPython looks at the raw text after the statement: only
            // whitespace and comments may follow.
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
