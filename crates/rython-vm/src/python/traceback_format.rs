//! The text of an uncaught exception, exactly as CPython 3.13 prints it
//! through Lib/traceback.py (`TracebackException.format`): the chain of
//! causes and contexts, exception groups in their boxes, source lines with
//! `~~^^` carets, notes, SyntaxError's caret line and the "Did you mean"
//! hints.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use crate::object::PyObjectRef;
use crate::objects::exceptions::PyBaseException;
use crate::objects::longobject::PyInt;
use crate::objects::strobject::PyStr;
use crate::objects::traceback::PyTraceback;
use crate::objects::tupleobject::PyTuple;
use crate::python::traceback_anchors::{anchors, byte_to_char_offset, Anchors};
use crate::VM;

const CAUSE_MESSAGE: &str =
    "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MESSAGE: &str =
    "\nDuring handling of the above exception, another exception occurred:\n\n";
const RECURSIVE_CUTOFF: usize = 3;
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;
/// Bound on the exceptions visited (chains and group members), so a huge
/// or adversarial structure cannot exhaust memory.
const MAX_NODES: usize = 100_000;

thread_local! {
    /// Sources of code that has no file (`-c`), by filename, as linecache
    /// holds them in CPython 3.13.
    static SOURCES: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// Makes tracebacks show the lines of `source` for frames of `filename`
/// (call for `-c` programs, whose filename is `<string>`).
pub fn register_source(filename: &str, source: &str) {
    SOURCES.with(|s| {
        s.borrow_mut()
            .insert(filename.to_string(), source.to_string())
    });
}

/// One exception with its (already de-duplicated) cause, context and
/// group members: Lib/traceback.py's `TracebackException`.
struct Node {
    exc: PyObjectRef,
    cause: Option<usize>,
    context: Option<usize>,
    exceptions: Option<Vec<usize>>,
}

fn payload(e: &PyObjectRef) -> Option<&PyBaseException> {
    e.downcast_ref::<PyBaseException>()
}

fn is_group(vm: &VM, e: &PyObjectRef) -> bool {
    e.class().is_subtype(&vm.types.exc.base_exception_group)
}

/// Builds the tree breadth-wise with the `seen` set, in the order
/// `TracebackException.__init__` does, so cycles are cut where CPython
/// cuts them.
fn build(vm: &VM, exc: &PyObjectRef) -> Vec<Node> {
    let mut nodes = vec![Node {
        exc: exc.clone(),
        cause: None,
        context: None,
        exceptions: None,
    }];
    let mut seen: HashSet<usize> = HashSet::new();
    seen.insert(exc.id());
    let mut queue = vec![0usize];
    let new_node = |nodes: &mut Vec<Node>, seen: &mut HashSet<usize>, e: PyObjectRef| {
        seen.insert(e.id());
        nodes.push(Node {
            exc: e,
            cause: None,
            context: None,
            exceptions: None,
        });
        nodes.len() - 1
    };
    while let Some(i) = queue.pop() {
        if nodes.len() > MAX_NODES {
            break;
        }
        let e = nodes[i].exc.clone();
        let Some(p) = payload(&e) else { continue };
        let cause = match p.get_cause() {
            Some(c) if !seen.contains(&c.id()) => Some(new_node(&mut nodes, &mut seen, c)),
            _ => None,
        };
        let need_context = cause.is_none() && !p.suppress_context.get();
        let context = match p.get_context() {
            Some(c) if need_context && !seen.contains(&c.id()) => {
                Some(new_node(&mut nodes, &mut seen, c))
            }
            _ => None,
        };
        let exceptions = if is_group(vm, &e) {
            let members = crate::objects::exceptiongroup::group_exceptions(vm, &e);
            Some(
                members
                    .into_iter()
                    .map(|m| new_node(&mut nodes, &mut seen, m))
                    .collect::<Vec<_>>(),
            )
        } else {
            None
        };
        nodes[i].cause = cause;
        nodes[i].context = context;
        queue.extend(cause);
        queue.extend(context);
        if let Some(ex) = &exceptions {
            queue.extend(ex.iter().copied());
        }
        nodes[i].exceptions = exceptions;
    }
    nodes
}

struct Ctx {
    depth: usize,
    need_close: bool,
    /// `~~^^` lines under source lines (the C-level printer of "Exception
    /// ignored" reports has none).
    carets: bool,
    files: HashMap<String, Option<Vec<String>>>,
    /// Which frames of each traceback are shown.
    limit: Option<Limit>,
    /// Whether causes and contexts are shown too.
    chain: bool,
}

/// A traceback limit: the traceback module's `limit` counts from the
/// oldest frame when positive and from the newest when negative; the
/// uncaught-exception printer keeps the newest `sys.tracebacklimit`.
#[derive(Clone, Copy)]
pub enum Limit {
    First(usize),
    Last(usize),
}

impl Ctx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// `_ExceptionPrintContext.emit`: every line gets the group margin.
    fn emit(&self, out: &mut String, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            out.push_str(&prefix);
            out.push_str(line);
        }
    }
}

/// The full report for an exception and its chain (`traceback.print_exception`).
pub fn format_exception(vm: &VM, exc: &PyObjectRef) -> String {
    format_with(vm, exc, true, None, true)
}

/// `traceback.format_exception(exc, limit=..., chain=...)`.
pub fn format_exception_limited(
    vm: &VM,
    exc: &PyObjectRef,
    limit: Option<Limit>,
    chain: bool,
) -> String {
    format_with(vm, exc, true, limit, chain)
}

/// The report of an uncaught exception, under `sys.tracebacklimit`.
pub fn format_uncaught(vm: &VM, exc: &PyObjectRef) -> String {
    let limit = vm
        .sys_attr("tracebacklimit")
        .ok()
        .and_then(|l| {
            l.downcast_ref::<crate::objects::longobject::PyInt>()
                .map(|i| i.as_i64())
        })
        .map(|l| Limit::Last(l.unwrap_or(i64::MAX).max(0) as usize));
    format_with(vm, exc, true, limit, true)
}

/// The report as the unraisable hook prints it (`PyErr_WriteUnraisable`):
/// source lines without caret lines.
pub fn format_exception_plain(vm: &VM, exc: &PyObjectRef) -> String {
    format_with(vm, exc, false, None, true)
}

fn format_with(
    vm: &VM,
    exc: &PyObjectRef,
    carets: bool,
    limit: Option<Limit>,
    chain: bool,
) -> String {
    let nodes = build(vm, exc);
    let mut ctx = Ctx {
        depth: 0,
        need_close: false,
        carets,
        files: HashMap::new(),
        limit,
        chain,
    };
    let mut out = String::new();
    format_node(vm, &nodes, 0, &mut ctx, &mut out);
    out
}

fn format_node(vm: &VM, nodes: &[Node], start: usize, ctx: &mut Ctx, out: &mut String) {
    // The chain, oldest first.
    let mut chain: Vec<(Option<&str>, usize)> = Vec::new();
    let mut cur = Some(start);
    while let Some(i) = cur {
        let n = &nodes[i];
        let (msg, next) = match (n.cause, n.context) {
            _ if !ctx.chain => (None, None),
            (Some(c), _) => (Some(CAUSE_MESSAGE), Some(c)),
            (None, Some(c)) => (Some(CONTEXT_MESSAGE), Some(c)),
            _ => (None, None),
        };
        chain.push((msg, i));
        cur = next;
    }
    for (msg, i) in chain.into_iter().rev() {
        if let Some(m) = msg {
            ctx.emit(out, m, '|');
        }
        let exc = &nodes[i].exc;
        let stack = format_stack(vm, exc, ctx);
        match &nodes[i].exceptions {
            None => {
                if !stack.is_empty() {
                    ctx.emit(out, "Traceback (most recent call last):\n", '|');
                    ctx.emit(out, &stack, '|');
                }
                ctx.emit(out, &format_exception_only(vm, exc), '|');
            }
            Some(_) if ctx.depth > MAX_GROUP_DEPTH => {
                ctx.emit(
                    out,
                    &format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"),
                    '|',
                );
            }
            Some(members) => {
                let toplevel = ctx.depth == 0;
                if toplevel {
                    ctx.depth += 1;
                }
                if !stack.is_empty() {
                    ctx.emit(
                        out,
                        "Exception Group Traceback (most recent call last):\n",
                        if toplevel { '+' } else { '|' },
                    );
                    ctx.emit(out, &stack, '|');
                }
                ctx.emit(out, &format_exception_only(vm, exc), '|');
                let num = members.len();
                let n = if num <= MAX_GROUP_WIDTH {
                    num
                } else {
                    MAX_GROUP_WIDTH + 1
                };
                ctx.need_close = false;
                for k in 0..n {
                    let last = k == n - 1;
                    if last {
                        ctx.need_close = true;
                    }
                    let truncated = k >= MAX_GROUP_WIDTH;
                    let title = if truncated {
                        "...".to_string()
                    } else {
                        (k + 1).to_string()
                    };
                    out.push_str(&ctx.indent());
                    out.push_str(if k == 0 { "+-" } else { "  " });
                    out.push_str(&format!("+---------------- {title} ----------------\n"));
                    ctx.depth += 1;
                    if !truncated {
                        format_node(vm, nodes, members[k], ctx, out);
                    } else {
                        let remaining = num - MAX_GROUP_WIDTH;
                        let plural = if remaining > 1 { "s" } else { "" };
                        ctx.emit(
                            out,
                            &format!("and {remaining} more exception{plural}\n"),
                            '|',
                        );
                    }
                    if last && ctx.need_close {
                        out.push_str(&ctx.indent());
                        out.push_str("+------------------------------------\n");
                        ctx.need_close = false;
                    }
                    ctx.depth -= 1;
                }
                if toplevel {
                    ctx.depth = 0;
                }
            }
        }
    }
}

/// One traceback entry (`FrameSummary`).
struct Frame {
    filename: String,
    lineno: Option<u32>,
    end_lineno: Option<u32>,
    colno: Option<u32>,
    end_colno: Option<u32>,
    name: String,
}

fn frames_of(exc: &PyObjectRef) -> Vec<Frame> {
    let mut out = Vec::new();
    let mut cur = payload(exc)
        .and_then(|p| p.get_traceback())
        .and_then(|t| t.downcast::<PyTraceback>().ok());
    while let Some(t) = cur {
        if out.len() > 1_000_000 {
            break;
        }
        let code = &t.payload.frame.payload.code.payload;
        let pos = code.code.positions.get(t.payload.lasti as usize).copied();
        let (lineno, end_lineno, colno, end_colno) = match pos {
            Some(p) if p.lineno > 0 => (
                Some(p.lineno),
                Some(p.end_lineno.max(p.lineno)),
                Some(p.col),
                Some(p.end_col),
            ),
            _ => (t.payload.lineno, t.payload.lineno, None, None),
        };
        out.push(Frame {
            filename: code.filename.payload.as_str().to_string(),
            lineno,
            end_lineno,
            colno,
            end_colno,
            name: code.name.payload.as_str().to_string(),
        });
        cur = t.payload.next.borrow().clone();
    }
    out
}

/// `StackSummary.format`, with runs of identical entries collapsed.
fn format_stack(vm: &VM, exc: &PyObjectRef, ctx: &mut Ctx) -> String {
    let _ = vm;
    let mut frames = frames_of(exc);
    match ctx.limit {
        Some(Limit::Last(n)) => {
            frames.drain(..frames.len().saturating_sub(n));
        }
        Some(Limit::First(n)) => frames.truncate(n),
        None => {}
    }
    let mut out = String::new();
    let mut last: Option<(&str, Option<u32>, &str)> = None;
    let mut count = 0usize;
    let repeated = |count: usize| {
        let c = count - RECURSIVE_CUTOFF;
        format!(
            "  [Previous line repeated {c} more time{}]\n",
            if c > 1 { "s" } else { "" }
        )
    };
    for f in &frames {
        let key = (f.filename.as_str(), f.lineno, f.name.as_str());
        if last != Some(key) {
            if count > RECURSIVE_CUTOFF {
                out.push_str(&repeated(count));
            }
            last = Some(key);
            count = 0;
        }
        count += 1;
        if count > RECURSIVE_CUTOFF {
            continue;
        }
        out.push_str(&format_frame(f, ctx));
    }
    if count > RECURSIVE_CUTOFF {
        out.push_str(&repeated(count));
    }
    out
}

fn file_lines<'a>(ctx: &'a mut Ctx, filename: &str) -> Option<&'a Vec<String>> {
    if !ctx.files.contains_key(filename) {
        let text = SOURCES
            .with(|s| s.borrow().get(filename).cloned())
            .or_else(|| {
                if filename.starts_with('<') && filename.ends_with('>') {
                    return None;
                }
                let data = std::fs::read(filename).ok()?;
                Some(String::from_utf8_lossy(&data).into_owned())
            });
        let lines = text.map(|t| {
            t.split_inclusive('\n')
                .map(|l| l.to_string())
                .collect::<Vec<_>>()
        });
        ctx.files.insert(filename.to_string(), lines);
    }
    ctx.files.get(filename).and_then(|l| l.as_ref())
}

/// `textwrap.dedent`: removes the whitespace prefix common to all
/// non-blank lines; blank lines become empty.
fn dedent(lines: &[String]) -> Vec<String> {
    let mut margin: Option<&str> = None;
    for l in lines {
        if l.trim().is_empty() {
            continue;
        }
        let ws_len = l.len() - l.trim_start_matches([' ', '\t']).len();
        let ws = &l[..ws_len];
        margin = Some(match margin {
            None => ws,
            Some(m) => {
                let common = m
                    .bytes()
                    .zip(ws.bytes())
                    .take_while(|(a, b)| a == b)
                    .count();
                &m[..common]
            }
        });
    }
    let m = margin.unwrap_or("").len();
    lines
        .iter()
        .map(|l| {
            if l.trim().is_empty() {
                String::new()
            } else {
                l[m.min(l.len())..].to_string()
            }
        })
        .collect()
}

fn is_wide(c: char) -> bool {
    let c = c as u32;
    matches!(c,
        0x1100..=0x115F | 0x231A..=0x231B | 0x2329..=0x232A | 0x23E9..=0x23EC
        | 0x23F0 | 0x23F3 | 0x25FD..=0x25FE | 0x2614..=0x2615 | 0x2648..=0x2653
        | 0x267F | 0x2693 | 0x26A1 | 0x26AA..=0x26AB | 0x26BD..=0x26BE
        | 0x26C4..=0x26C5 | 0x26CE | 0x26D4 | 0x26EA | 0x26F2..=0x26F3 | 0x26F5
        | 0x26FA | 0x26FD | 0x2705 | 0x270A..=0x270B | 0x2728 | 0x274C | 0x274E
        | 0x2753..=0x2755 | 0x2757 | 0x2795..=0x2797 | 0x27B0 | 0x27BF
        | 0x2B1B..=0x2B1C | 0x2B50 | 0x2B55 | 0x2E80..=0x303E | 0x3041..=0x33FF
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xA960..=0xA97F
        | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE10..=0xFE19 | 0xFE30..=0xFE6F
        | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x16FE0..=0x16FE4 | 0x17000..=0x18CFF
        | 0x1B000..=0x1B2FF | 0x1F004 | 0x1F0CF | 0x1F18E | 0x1F191..=0x1F19A
        | 0x1F200..=0x1F251 | 0x1F300..=0x1F320 | 0x1F32D..=0x1F335
        | 0x1F337..=0x1F37C | 0x1F37E..=0x1F393 | 0x1F3A0..=0x1F3CA
        | 0x1F3CF..=0x1F3D3 | 0x1F3E0..=0x1F3F0 | 0x1F3F4 | 0x1F3F8..=0x1F43E
        | 0x1F440 | 0x1F442..=0x1F4FC | 0x1F4FF..=0x1F53D | 0x1F54B..=0x1F54E
        | 0x1F550..=0x1F567 | 0x1F57A | 0x1F595..=0x1F596 | 0x1F5A4
        | 0x1F5FB..=0x1F64F | 0x1F680..=0x1F6C5 | 0x1F6CC | 0x1F6D0..=0x1F6D2
        | 0x1F6D5..=0x1F6D7 | 0x1F6EB..=0x1F6EC | 0x1F6F4..=0x1F6FC
        | 0x1F7E0..=0x1F7EB | 0x1F90C..=0x1F93A | 0x1F93C..=0x1F945
        | 0x1F947..=0x1F9FF | 0x1FA70..=0x1FAFF | 0x20000..=0x2FFFD | 0x30000..=0x3FFFD)
}

/// `_display_width`: terminal columns of the first `offset` characters.
fn display_width(line: &[char], offset: usize) -> usize {
    let take = offset.min(line.len());
    if line.iter().all(|c| c.is_ascii()) {
        return offset;
    }
    line[..take]
        .iter()
        .map(|&c| if is_wide(c) { 2 } else { 1 })
        .sum::<usize>()
        + offset.saturating_sub(take)
}

/// `StackSummary.format_frame_summary`.
fn format_frame(f: &Frame, ctx: &mut Ctx) -> String {
    let mut row = format!(
        "  File \"{}\", line {}, in {}\n",
        f.filename,
        f.lineno
            .map(|l| l.to_string())
            .unwrap_or_else(|| "None".into()),
        f.name
    );
    let (Some(lineno), Some(end_lineno)) = (f.lineno, f.end_lineno) else {
        return row;
    };
    let Some(file) = file_lines(ctx, &f.filename) else {
        return row;
    };
    // Lines `lineno..=end_lineno`, right-stripped (missing lines empty).
    let original: Vec<String> = (lineno..=end_lineno)
        .take(10_000)
        .map(|n| {
            (n as usize)
                .checked_sub(1)
                .and_then(|i| file.get(i))
                .map(|l| l.trim_end().to_string())
                .unwrap_or_default()
        })
        .collect();
    let dedented = dedent(&original);
    if dedented.iter().all(|l| l.trim().is_empty()) {
        return row;
    }
    let (Some(colno), Some(end_colno)) = (f.colno, f.end_colno) else {
        row.push_str(&format!("    {}\n", original[0].trim()));
        return row;
    };
    let first_line = &original[0];
    let last_line = &original[original.len() - 1];
    let start_offset = byte_to_char_offset(first_line, colno as usize);
    let end_offset = byte_to_char_offset(last_line, end_colno as usize);
    let all_lines: Vec<Vec<char>> = dedented.iter().map(|l| l.chars().collect()).collect();
    let dedent_chars = first_line.chars().count() - all_lines[0].len();
    let start_offset = start_offset.saturating_sub(dedent_chars);
    let end_offset = end_offset.saturating_sub(dedent_chars);
    let last = all_lines.len() - 1;
    let dp_start = display_width(&all_lines[0], start_offset);
    let dp_end = display_width(&all_lines[last], end_offset);

    let joined: Vec<char> = dedented.join("\n").chars().collect();
    let cut_end = joined
        .len()
        .saturating_sub(all_lines[last].len().saturating_sub(end_offset));
    let segment: String = if start_offset <= cut_end {
        joined[start_offset..cut_end].iter().collect()
    } else {
        String::new()
    };
    let anchors = anchors(&segment);
    let show_carets =
        ctx.carets && should_show_carets(start_offset, end_offset, &dedented, &all_lines, anchors);

    let mut significant: Vec<usize> = vec![0, last];
    let (mut left_end, mut right_start) = (0usize, 0usize);
    let (mut primary, mut secondary) = ('^', '^');
    if let Some(a) = anchors {
        left_end = a.left_end_offset;
        right_start = a.right_start_offset;
        if a.left_end_lineno == 0 {
            left_end += start_offset;
        }
        if a.right_start_lineno == 0 {
            right_start += start_offset;
        }
        if let Some(l) = all_lines.get(a.left_end_lineno) {
            left_end = display_width(l, left_end);
        }
        if let Some(l) = all_lines.get(a.right_start_lineno) {
            right_start = display_width(l, right_start);
        }
        primary = a.primary_char;
        secondary = a.secondary_char;
        for base in [a.left_end_lineno, a.right_start_lineno] {
            for d in [base.wrapping_sub(1), base, base + 1] {
                significant.push(d);
            }
        }
    }
    significant.retain(|&l| l <= last);
    significant.sort_unstable();
    significant.dedup();

    let mut result = String::new();
    let output_line = |result: &mut String, lineno: usize| {
        let line = &all_lines[lineno];
        result.push_str(&line.iter().collect::<String>());
        result.push('\n');
        if !show_carets {
            return;
        }
        let num_spaces = line.len() - line.iter().skip_while(|c| c.is_whitespace()).count();
        let num_carets = if lineno == last {
            dp_end
        } else {
            display_width(line, line.len())
        };
        let mut carets = String::new();
        for col in 0..num_carets {
            if col < num_spaces || (lineno == 0 && col < dp_start) {
                carets.push(' ');
            } else if let Some(a) = anchors.filter(|a| {
                (lineno > a.left_end_lineno || (lineno == a.left_end_lineno && col >= left_end))
                    && (lineno < a.right_start_lineno
                        || (lineno == a.right_start_lineno && col < right_start))
            }) {
                let _ = a;
                carets.push(secondary);
            } else {
                carets.push(primary);
            }
        }
        // An empty span (an instruction without a real column range, like
        // a generator's first instruction) gets no caret line; CPython has
        // no columns for those.
        if carets.trim().is_empty() {
            return;
        }
        result.push_str(&carets);
        result.push('\n');
    };
    for (i, &l) in significant.iter().enumerate() {
        if i > 0 {
            let diff = l - significant[i - 1];
            if diff == 2 {
                output_line(&mut result, l - 1);
            } else if diff > 2 {
                result.push_str(&format!("...<{} lines>...\n", diff - 1));
            }
        }
        output_line(&mut result, l);
    }
    let lines: Vec<String> = result.lines().map(|l| l.to_string()).collect();
    for l in dedent(&lines) {
        row.push_str("    ");
        row.push_str(&l);
        row.push('\n');
    }
    row
}

/// `_should_show_carets`: no carets under a line the instruction fully
/// covers, unless anchors split it; none either for `return f(x)` and
/// `x = f(y)` covering their whole line.
fn should_show_carets(
    start_offset: usize,
    end_offset: usize,
    dedented: &[String],
    all_lines: &[Vec<char>],
    anchors: Option<Anchors>,
) -> bool {
    use rython_parser::ast::{ExprKind, Mod, StmtKind};
    let text = dedented.join("\n");
    if let Ok(Mod::Module { body }) =
        rython_parser::parse(&text, rython_parser::Mode::Exec, "<frame>")
    {
        let Some(stmt) = body.first() else {
            return false;
        };
        let value = match &stmt.node {
            StmtKind::Return { value: Some(v) } => match &v.node {
                ExprKind::Call { func, .. } if matches!(func.node, ExprKind::Name { .. }) => {
                    Some(v)
                }
                _ => None,
            },
            StmtKind::Assign { targets, value } => match &value.node {
                ExprKind::Call { .. }
                    if targets.len() == 1 && matches!(targets[0].node, ExprKind::Name { .. }) =>
                {
                    Some(value)
                }
                _ => None,
            },
            _ => None,
        };
        if let Some(v) = value {
            // As in CPython, the AST's byte columns are compared with the
            // character offsets.
            let l = &v.loc;
            if l.lineno == 1
                && l.end_lineno as usize == all_lines.len()
                && l.col_offset as usize == start_offset
                && l.end_col_offset as usize == end_offset
            {
                return false;
            }
        }
    }
    if anchors.is_some() {
        return true;
    }
    let first = &all_lines[0];
    let lastl = &all_lines[all_lines.len() - 1];
    let before: String = first[..start_offset.min(first.len())].iter().collect();
    let after: String = lastl[end_offset.min(lastl.len())..].iter().collect();
    !before.trim_start().is_empty() || !after.trim_end().is_empty()
}

/// `str(value)`, or CPython's placeholder when it raises.
fn safe_str(vm: &VM, v: &PyObjectRef, what: &str) -> String {
    match vm.str(v) {
        Ok(s) => s.payload.as_str().to_string(),
        Err(_) => format!("<{what} str() failed>"),
    }
}

/// `module.QualName` unless the module is `__main__` or `builtins`.
fn exc_type_str(vm: &VM, exc: &PyObjectRef) -> String {
    let ty = exc.class();
    let qualname = ty.payload.qualname.borrow().clone();
    let module = if ty.payload.is_heap_type() {
        ty.payload.dict.get_str_name(vm, "__module__")
    } else {
        None
    };
    match module {
        None => qualname,
        Some(m) => match m.downcast_ref::<PyStr>() {
            Some(s) if s.as_str() == "__main__" || s.as_str() == "builtins" => qualname,
            Some(s) => format!("{}.{qualname}", s.as_str()),
            None => format!("<unknown>.{qualname}"),
        },
    }
}

/// The last line(s) of a report: `Type: message` (or SyntaxError's
/// location and caret), then the notes.
pub fn format_exception_only(vm: &VM, exc: &PyObjectRef) -> String {
    let stype = exc_type_str(vm, exc);
    let mut out = String::new();
    if exc.class().is_subtype(&vm.types.exc.syntax_error) {
        out.push_str(&format_syntax_error(vm, exc, &stype));
    } else {
        let mut s = safe_str(vm, exc, "exception");
        if let Some(suffix) = crate::python::suggestions::suggestion_suffix(vm, exc) {
            s.push_str(&suffix);
        }
        if s.is_empty() {
            out.push_str(&format!("{stype}\n"));
        } else {
            out.push_str(&format!("{stype}: {s}\n"));
        }
    }
    let notes = match vm.get_attr_opt_str(exc, "__notes__") {
        Ok(n) => n,
        Err(e) => {
            let r = vm
                .repr_string(e.as_object())
                .unwrap_or_else(|_| "<__notes__ repr() failed>".into());
            out.push_str(&format!("Ignored error getting __notes__: {r}\n"));
            return out;
        }
    };
    if let Some(notes) = notes {
        let is_seq = notes.payload_is::<crate::objects::listobject::PyList>()
            || notes.payload_is::<PyTuple>()
            || (notes.class().payload.slots.getitem.get().is_some()
                && notes.class().payload.slots.len.get().is_some()
                && !notes.payload_is::<PyStr>()
                && !notes.payload_is::<crate::objects::bytesobject::PyBytes>()
                && !notes.payload_is::<crate::objects::dictobject::PyDict>());
        if is_seq {
            if let Ok(items) = vm.collect(&notes) {
                for n in items {
                    let s = safe_str(vm, &n, "note");
                    for l in s.split('\n') {
                        out.push_str(l);
                        out.push('\n');
                    }
                }
            }
        } else if !vm.is_none(&notes) {
            let r = vm
                .repr_string(&notes)
                .unwrap_or_else(|_| "<__notes__ repr() failed>".into());
            out.push_str(&format!("{r}\n"));
        }
    }
    out
}

fn int_value(v: &Option<PyObjectRef>) -> Option<i64> {
    v.as_ref()
        .and_then(|v| v.downcast_ref::<PyInt>())
        .and_then(|i| i.as_i64())
}

/// `TracebackException._format_syntax_error`.
fn format_syntax_error(vm: &VM, exc: &PyObjectRef, stype: &str) -> String {
    let get = |n: &str| {
        vm.get_attr_opt_str(exc, n)
            .ok()
            .flatten()
            .filter(|v| !vm.is_none(v))
    };
    let lineno = get("lineno");
    let end_lineno = get("end_lineno");
    let str_of = |v: &Option<PyObjectRef>| {
        v.as_ref().map(|v| match v.downcast_ref::<PyInt>() {
            Some(i) => i.to_bigint().to_string(),
            None => safe_str(vm, v, "lineno"),
        })
    };
    let lineno_s = str_of(&lineno);
    let end_lineno_s = str_of(&end_lineno);
    let filename = get("filename");
    let mut out = String::new();
    let mut suffix = String::new();
    if let Some(l) = &lineno_s {
        let f = match &filename {
            Some(f) => {
                let s = safe_str(vm, f, "filename");
                if s.is_empty() {
                    "<string>".to_string()
                } else {
                    s
                }
            }
            None => "<string>".to_string(),
        };
        out.push_str(&format!("  File \"{f}\", line {l}\n"));
    } else if let Some(f) = &filename {
        suffix = format!(" ({})", safe_str(vm, f, "filename"));
    }
    if let Some(text) = get("text").filter(|t| t.payload_is::<PyStr>()) {
        let text = text
            .downcast_ref::<PyStr>()
            .map(|s| s.as_str())
            .unwrap_or("");
        let rtext = text.trim_end_matches('\n');
        let ltext = rtext.trim_start_matches([' ', '\n', '\x0c']);
        let spaces = rtext.chars().count() - ltext.chars().count();
        let offset = get("offset");
        match (&offset, int_value(&offset)) {
            (None, _) => out.push_str(&format!("    {ltext}\n")),
            (Some(_), Some(mut off)) => {
                let text_len = text.chars().count() as i64;
                let rlen = rtext.chars().count() as i64;
                let mut end_off = if lineno_s == end_lineno_s {
                    match int_value(&get("end_offset")) {
                        Some(e) if e != 0 => e,
                        _ => off,
                    }
                } else {
                    rlen + 1
                };
                if !text.is_empty() && off > text_len {
                    off = rlen + 1;
                }
                if !text.is_empty() && end_off > text_len {
                    end_off = rlen + 1;
                }
                if off >= end_off || end_off < 0 {
                    end_off = off + 1;
                }
                let colno = off - 1 - spaces as i64;
                let end_colno = end_off - 1 - spaces as i64;
                out.push_str(&format!("    {ltext}\n"));
                if colno >= 0 {
                    let caretspace: String = ltext
                        .chars()
                        .take(colno as usize)
                        .map(|c| if c.is_whitespace() { c } else { ' ' })
                        .collect();
                    out.push_str(&format!(
                        "    {caretspace}{}\n",
                        "^".repeat((end_colno - colno).max(0) as usize)
                    ));
                }
            }
            _ => {}
        }
    }
    let msg = match get("msg") {
        Some(m) => {
            let s = safe_str(vm, &m, "msg");
            let truthy = vm.is_true(&m).unwrap_or(true);
            if truthy {
                s
            } else {
                "<no detail available>".to_string()
            }
        }
        None => "<no detail available>".to_string(),
    };
    out.push_str(&format!("{stype}: {msg}{suffix}\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::exceptions::tests::{call_type, meth, s, vm};

    fn strs(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn dedent_like_textwrap() {
        assert_eq!(
            dedent(&strs(&["    a", "      b", ""])),
            strs(&["a", "  b", ""])
        );
        assert_eq!(dedent(&strs(&["\tx", "    y"])), strs(&["\tx", "    y"]));
        assert_eq!(dedent(&strs(&["  ", "  z"])), strs(&["", "z"]));
    }

    #[test]
    fn display_width_counts_wide_chars() {
        let l: Vec<char> = "x = '日本'".chars().collect();
        assert_eq!(display_width(&l, 6), 7);
        let l: Vec<char> = "abc".chars().collect();
        assert_eq!(display_width(&l, 2), 2);
    }

    #[test]
    fn exception_only_and_notes() {
        let vm = vm();
        let e = call_type(&vm, &vm.types.exc.value_error, vec![s(&vm, "bad")], vec![]).unwrap();
        meth(&vm, &e, "add_note", vec![s(&vm, "note 1\nmore")]).unwrap();
        assert_eq!(format_exception(&vm, &e), "ValueError: bad\nnote 1\nmore\n");
        let e = call_type(&vm, &vm.types.exc.key_error, vec![], vec![]).unwrap();
        assert_eq!(format_exception_only(&vm, &e), "KeyError\n");
    }

    #[test]
    fn syntax_error_caret_line() {
        let vm = vm();
        let info = vm.new_tuple_obj(vec![
            s(&vm, "f.py"),
            vm.new_int(3),
            vm.new_int(5),
            s(&vm, "    foo bar baz\n"),
            vm.new_int(3),
            vm.new_int(8),
        ]);
        let e = call_type(
            &vm,
            &vm.types.exc.syntax_error,
            vec![s(&vm, "bad thing"), info],
            vec![],
        )
        .unwrap();
        assert_eq!(
            format_exception_only(&vm, &e),
            "  File \"f.py\", line 3\n    foo bar baz\n    ^^^\nSyntaxError: bad thing\n"
        );
    }

    #[test]
    fn group_boxes() {
        let vm = vm();
        let leaf =
            |m: &str| call_type(&vm, &vm.types.exc.value_error, vec![s(&vm, m)], vec![]).unwrap();
        let inner = vm.new_list(vec![leaf("a"), leaf("b")]).into_object();
        let g = call_type(
            &vm,
            &vm.types.exception_group_type,
            vec![s(&vm, "eg"), inner],
            vec![],
        )
        .unwrap();
        assert_eq!(
            format_exception(&vm, &g),
            "  | ExceptionGroup: eg (2 sub-exceptions)\n\
             \x20 +-+---------------- 1 ----------------\n\
             \x20   | ValueError: a\n\
             \x20   +---------------- 2 ----------------\n\
             \x20   | ValueError: b\n\
             \x20   +------------------------------------\n"
        );
    }
}
