//! Where the `^` part of a traceback caret line goes inside the `~` part
//! (Lib/traceback.py `_extract_caret_anchors_from_line_segment`): the
//! operator of a binary operation, the brackets of a subscript, the
//! parentheses of a call.

use rython_parser::ast::{Expr, ExprKind, Mod, StmtKind};

/// Byte range `[start, end)` within `segment` to mark with `^`, or None
/// for plain carets.
pub fn anchors(segment: &str) -> Option<(usize, usize)> {
    let wrapped = format!("(\n{segment}\n)");
    let tree = rython_parser::parse(&wrapped, rython_parser::Mode::Exec, "<segment>").ok()?;
    let Mod::Module { body } = tree else {
        return None;
    };
    if body.len() != 1 {
        return None;
    }
    let StmtKind::Expr { value } = &body[0].node else {
        return None;
    };
    let lines: Vec<&str> = wrapped.split('\n').collect();
    // Offsets in the wrapped text map back to the segment: line 2 is the
    // segment's first line.
    let to_seg = |lineno: u32, col: u32| -> Option<usize> {
        if lineno < 2 {
            return None;
        }
        let mut off = 0usize;
        for l in lines.iter().take(lineno as usize - 1).skip(1) {
            off += l.len() + 1;
        }
        Some(off + col as usize)
    };
    let seg_bytes = segment.as_bytes();
    let next_non_space = |mut i: usize| {
        while i < seg_bytes.len()
            && (seg_bytes[i] == b' '
                || seg_bytes[i] == b'\t'
                || seg_bytes[i] == b'\n'
                || seg_bytes[i] == b'\\'
                || seg_bytes[i] == b'(' && false)
        {
            i += 1;
        }
        i
    };
    match &value.node {
        ExprKind::BinOp { left, right, .. } => {
            // The operator: first non-space char after the left operand
            // (skipping closing parens), up to the right operand's start.
            let mut i = to_seg(left.loc.end_lineno, left.loc.end_col_offset)?;
            loop {
                i = next_non_space(i);
                if i < seg_bytes.len() && (seg_bytes[i] == b')' || seg_bytes[i] == b'#') {
                    i += 1;
                    continue;
                }
                break;
            }
            let start = i;
            let mut end = start + 1;
            if end < seg_bytes.len()
                && !seg_bytes[end].is_ascii_whitespace()
                && !is_operand_start(seg_bytes[end])
            {
                end += 1;
            }
            let _ = right;
            Some((start, end.min(seg_bytes.len())))
        }
        ExprKind::Subscript { value: v, .. } => {
            let mut i = to_seg(v.loc.end_lineno, v.loc.end_col_offset)?;
            while i < seg_bytes.len() && seg_bytes[i] != b'[' {
                i += 1;
            }
            let end = to_seg(value.loc.end_lineno, value.loc.end_col_offset)?;
            Some((i, end.min(seg_bytes.len())))
        }
        ExprKind::Call { func, .. } => {
            let mut i = to_seg(func.loc.end_lineno, func.loc.end_col_offset)?;
            while i < seg_bytes.len() && seg_bytes[i] != b'(' {
                i += 1;
            }
            let end = to_seg(value.loc.end_lineno, value.loc.end_col_offset)?;
            Some((i, end.min(seg_bytes.len())))
        }
        _ => None,
    }
}

fn is_operand_start(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || b == b'_'
        || b == b'('
        || b == b'['
        || b == b'{'
        || b == b'\''
        || b == b'"'
        || b == b'.'
        || b == b'-'
        || b == b'+'
        || b == b'~'
}
