//! Where the `^` part of a traceback caret line goes inside the `~` part
//! (Lib/traceback.py `_extract_caret_anchors_from_line_segment`): the
//! operator of a binary operation, the brackets of a subscript or call.

use rython_parser::ast::{Expr, ExprKind, Mod, StmtKind};

/// Anchor positions in the segment's lines (line index, character index):
/// `~` before `left_end`, `^` from `left_end` up to `right_start`, `~`
/// after.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anchors {
    pub left_end_lineno: usize,
    pub left_end_offset: usize,
    pub right_start_lineno: usize,
    pub right_start_offset: usize,
    pub primary_char: char,
    pub secondary_char: char,
}

/// Character index of UTF-8 byte `offset` in `line`
/// (`_byte_offset_to_character_offset`).
pub fn byte_to_char_offset(line: &str, offset: usize) -> usize {
    let b = line.as_bytes();
    let cut = &b[..offset.min(b.len())];
    String::from_utf8_lossy(cut).chars().count()
}

struct Seg {
    lines: Vec<Vec<char>>,
    raw: Vec<String>,
}

impl Seg {
    fn normalize(&self, lineno: usize, offset: u32) -> Option<usize> {
        Some(byte_to_char_offset(self.raw.get(lineno)?, offset as usize))
    }

    fn next_valid_char(&self, mut lineno: usize, mut col: usize) -> Option<(usize, usize)> {
        while lineno < self.lines.len() && col >= self.lines[lineno].len() {
            col = 0;
            lineno += 1;
        }
        (lineno < self.lines.len() && col < self.lines[lineno].len()).then_some((lineno, col))
    }

    fn increment(&self, lineno: usize, col: usize) -> Option<(usize, usize)> {
        self.next_valid_char(lineno, col + 1)
    }

    fn nextline(&self, lineno: usize) -> Option<(usize, usize)> {
        self.next_valid_char(lineno + 1, 0)
    }

    /// The next character that is not in a comment or line continuation
    /// and satisfies `stop`.
    fn increment_until(
        &self,
        mut lineno: usize,
        mut col: usize,
        stop: impl Fn(char) -> bool,
    ) -> Option<(usize, usize)> {
        loop {
            let ch = *self.lines.get(lineno)?.get(col)?;
            if ch == '\\' || ch == '#' {
                (lineno, col) = self.nextline(lineno)?;
            } else if !stop(ch) {
                (lineno, col) = self.increment(lineno, col)?;
            } else {
                return Some((lineno, col));
            }
        }
    }

    /// The position just past `expr` (moved to a real character when
    /// `force_valid`). Line numbers drop 2 for the added "(\n".
    fn setup_positions(&self, expr: &Expr, force_valid: bool) -> Option<(usize, usize)> {
        let lineno = (expr.loc.end_lineno as usize).checked_sub(2)?;
        let col = self.normalize(lineno, expr.loc.end_col_offset)?;
        if force_valid {
            self.next_valid_char(lineno, col)
        } else {
            Some((lineno, col))
        }
    }
}

fn anchors_at(lo: (usize, usize), hi: (usize, usize)) -> Anchors {
    Anchors {
        left_end_lineno: lo.0,
        left_end_offset: lo.1,
        right_start_lineno: hi.0,
        right_start_offset: hi.1,
        primary_char: '~',
        secondary_char: '^',
    }
}

/// The anchors of `segment` (the source text of the failing
/// instruction), or None when it is not a binary operation, subscript or
/// call.
pub fn anchors(segment: &str) -> Option<Anchors> {
    let wrapped = format!("(\n{segment}\n)");
    let tree = rython_parser::parse(&wrapped, rython_parser::Mode::Exec, "<segment>").ok()?;
    let Mod::Module { body } = tree else {
        return None;
    };
    if body.len() != 1 {
        return None;
    }
    let StmtKind::Expr { value: expr } = &body[0].node else {
        return None;
    };
    let raw: Vec<String> = segment.lines().map(|l| l.to_string()).collect();
    let seg = Seg {
        lines: raw.iter().map(|l| l.chars().collect()).collect(),
        raw,
    };
    match &expr.node {
        ExprKind::BinOp { left, right, .. } => {
            let (lineno, col) = seg.setup_positions(left, true)?;
            let (lineno, col) =
                seg.increment_until(lineno, col, |c| !c.is_whitespace() && c != ')')?;
            let line = &seg.lines[lineno];
            let mut right_col = col + 1;
            let right_line = (right.loc.lineno as usize).checked_sub(2)?;
            if right_col < line.len()
                && (right_line > lineno
                    || right_col < seg.normalize(right_line, right.loc.col_offset)?)
                && !line[right_col].is_whitespace()
                && line[right_col] != '\\'
                && line[right_col] != '#'
            {
                right_col += 1;
            }
            Some(anchors_at((lineno, col), (lineno, right_col)))
        }
        ExprKind::Subscript { value, .. } => {
            let (l, c) = seg.setup_positions(value, true)?;
            let left = seg.increment_until(l, c, |ch| ch == '[')?;
            let right = seg.setup_positions(expr, false)?;
            Some(anchors_at(left, right))
        }
        ExprKind::Call { func, .. } => {
            let (l, c) = seg.setup_positions(func, true)?;
            let left = seg.increment_until(l, c, |ch| ch == '(')?;
            let right = seg.setup_positions(expr, false)?;
            Some(anchors_at(left, right))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(s: &str) -> Option<(usize, usize, usize, usize)> {
        anchors(s).map(|a| {
            (
                a.left_end_lineno,
                a.left_end_offset,
                a.right_start_lineno,
                a.right_start_offset,
            )
        })
    }

    #[test]
    fn binop_subscript_call() {
        assert_eq!(a("1/0"), Some((0, 1, 0, 2)));
        assert_eq!(a("a // b"), Some((0, 2, 0, 4)));
        assert_eq!(a("(a) ** b"), Some((0, 4, 0, 6)));
        assert_eq!(a("x[1]"), Some((0, 1, 0, 4)));
        assert_eq!(a("f(n+1)"), Some((0, 1, 0, 6)));
        assert_eq!(a("a.b.c(1)"), Some((0, 5, 0, 8)));
        assert_eq!(a("a +\n  b"), Some((0, 2, 0, 3)));
        assert_eq!(a("x"), None);
        assert_eq!(a("x ="), None);
    }
}
