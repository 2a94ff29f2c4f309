//! The methods of `str` (CPython's Objects/unicodeobject.c and
//! Objects/stringlib): searching, splitting, joining, stripping, padding,
//! replacing and translating. Case mapping and the `is*` predicates live in
//! `str_case.rs`; `format`/`__format__` in `python/formatter.rs`.
//!
//! Indices are code points. All-ASCII strings index bytes directly; other
//! strings convert code-point ranges to byte ranges first.

use rython_common::surrogates::code_point;

use crate::object::PyObjectRef;
use crate::objects::longobject::PyInt;
use crate::objects::sliceobject::PySlice;
use crate::objects::strobject::{new_str_result, str_arg, zelf, PyStr};
use crate::objects::tupleobject::{PyTuple, PyTupleRef};
use crate::python::args::bind;
use crate::{PyResult, VM};

type Kw<'a> = Option<&'a PyTupleRef>;

// ----- slices and index arguments ---------------------------------------

/// Clamps a slice bound to isize the way `_PyEval_SliceIndex` does.
fn slice_bound(vm: &VM, obj: &PyObjectRef) -> PyResult<isize> {
    if !obj.payload_is::<PyInt>() && obj.class().payload.slots.nb_index.get().is_none() {
        return Err(
            vm.new_type_error("slice indices must be integers or None or have an __index__ method")
        );
    }
    let i = vm.to_index(obj)?;
    Ok(match i.downcast_ref::<PyInt>() {
        Some(PyInt::Small(v)) => (*v).clamp(isize::MIN as i64, isize::MAX as i64) as isize,
        Some(PyInt::Big(b)) if b.sign() == num_bigint::Sign::Minus => isize::MIN,
        _ => isize::MAX,
    })
}

/// `PySlice_Unpack` + `PySlice_AdjustIndices`: the `(start, stop, step)` a
/// slice selects from a sequence of `len` items.
pub fn slice_indices(vm: &VM, slice: &PySlice, len: usize) -> PyResult<(isize, isize, isize)> {
    let len = len as isize;
    let step = if vm.is_none(&slice.step) {
        1
    } else {
        let s = slice_bound(vm, &slice.step)?;
        if s == 0 {
            return Err(vm.new_value_error("slice step cannot be zero"));
        }
        // -isize::MAX so that -step cannot overflow.
        s.max(-isize::MAX)
    };
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let bound = |o: &PyObjectRef, default: isize| -> PyResult<isize> {
        if vm.is_none(o) {
            return Ok(default);
        }
        let v = slice_bound(vm, o)?;
        Ok(if v < 0 {
            (v.saturating_add(len)).max(lower)
        } else {
            v.min(upper)
        })
    };
    let start = bound(&slice.start, if step < 0 { upper } else { lower })?;
    let stop = bound(&slice.stop, if step < 0 { lower } else { upper })?;
    Ok((start, stop, step))
}

/// The number of items `slice_indices`' result selects.
pub fn slice_len(start: isize, stop: isize, step: isize) -> usize {
    if step < 0 {
        if stop < start {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        }
    } else if start < stop {
        ((stop - start - 1) / step + 1) as usize
    } else {
        0
    }
}

/// An optional `start`/`end` argument (None allowed).
pub(crate) fn opt_index(vm: &VM, obj: Option<&PyObjectRef>) -> PyResult<Option<isize>> {
    match obj {
        None => Ok(None),
        Some(o) if vm.is_none(o) => Ok(None),
        Some(o) => Ok(Some(slice_bound(vm, o)?)),
    }
}

/// `ADJUST_INDICES`: clamps `start`/`end` into `0..=len` (start may stay
/// above len, which callers treat as "nothing there").
pub(crate) fn adjust_indices(
    start: Option<isize>,
    end: Option<isize>,
    len: usize,
) -> (usize, usize) {
    let len = len as isize;
    let mut s = start.unwrap_or(0);
    let mut e = end.unwrap_or(len);
    if e > len {
        e = len;
    } else if e < 0 {
        e = (e + len).max(0);
    }
    if s < 0 {
        s = (s + len).max(0);
    }
    (s as usize, e as usize)
}

/// Checks the positional count of a METH_VARARGS-style method:
/// "find expected at least 1 argument, got 0".
/// Argument-count checks with CPython's messages. `owner` ("str", "bytes")
/// prefixes the name in the messages that use the qualified name; the
/// qualified name is only formatted for an error (this runs on every call).
pub(crate) fn check_args(
    vm: &VM,
    name: &str,
    owner: Option<&str>,
    n: usize,
    kw: Kw,
    min: usize,
    max: usize,
) -> PyResult<()> {
    let qual = || match owner {
        Some(o) => format!("{o}.{name}"),
        None => name.to_string(),
    };
    if kw.is_some_and(|k| !k.payload.is_empty()) {
        return Err(vm.new_type_error(format!("{}() takes no keyword arguments", qual())));
    }
    if n < min {
        return Err(if min == max {
            vm.new_type_error(format!(
                "{name} expected {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            ))
        } else {
            vm.new_type_error(format!(
                "{name} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            ))
        });
    }
    if n > max {
        return Err(if max == 0 {
            vm.new_type_error(format!("{}() takes no arguments ({n} given)", qual()))
        } else if min == max {
            vm.new_type_error(format!(
                "{name} expected {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            ))
        } else {
            vm.new_type_error(format!(
                "{name} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            ))
        });
    }
    Ok(())
}

/// METH_NOARGS check: "str.upper() takes no arguments (1 given)".
pub(crate) fn no_args(vm: &VM, qual: &str, args: &[PyObjectRef], kw: Kw) -> PyResult<()> {
    if args.is_empty() {
        return Err(vm.new_type_error(format!("unbound method {qual}() needs an argument")));
    }
    check_args(vm, qual, None, args.len().saturating_sub(1), kw, 0, 0)
}

/// METH_O / one-argument clinic check: "str.zfill() takes exactly one
/// argument (0 given)".
pub(crate) fn one_arg<'a>(
    vm: &VM,
    // Formatted only for an error: callers pass `format_args!`.
    qual: impl std::fmt::Display,
    args: &'a [PyObjectRef],
    kw: Kw,
) -> PyResult<&'a PyObjectRef> {
    if kw.is_some_and(|k| !k.payload.is_empty()) {
        return Err(vm.new_type_error(format!("{qual}() takes no keyword arguments")));
    }
    if args.len() != 2 {
        return Err(vm.new_type_error(format!(
            "{qual}() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    Ok(&args[1])
}

pub(crate) fn index_arg(vm: &VM, obj: &PyObjectRef) -> PyResult<isize> {
    let i = vm.to_index(obj)?;
    match i.downcast_ref::<PyInt>() {
        Some(PyInt::Small(v)) if *v >= isize::MIN as i64 && *v <= isize::MAX as i64 => {
            Ok(*v as isize)
        }
        _ => Err(vm.new_overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// An Argument Clinic `int` parameter (a C int).
pub(crate) fn c_int_arg(vm: &VM, obj: &PyObjectRef) -> PyResult<i32> {
    let i = vm.to_index(obj)?;
    match i.downcast_ref::<PyInt>().and_then(|i| i.as_i64()) {
        Some(v) if i32::try_from(v).is_ok() => Ok(v as i32),
        _ => Err(vm.new_overflow_error("Python int too large to convert to C int")),
    }
}

/// Whether `iter(obj)` can succeed (lists and tuples always can).
pub(crate) fn is_iterable(vm: &VM, obj: &PyObjectRef) -> bool {
    let _ = vm;
    obj.payload_is::<PyTuple>()
        || obj.payload_is::<crate::objects::listobject::PyList>()
        || obj.class().payload.slots.iter.get().is_some()
        || obj.class().payload.slots.getitem.get().is_some()
}

// ----- code-point ranges ----------------------------------------------

/// Byte range of code points `start..end` (both <= char_len).
pub(crate) fn byte_range(s: &PyStr, start: usize, end: usize) -> (usize, usize) {
    if s.is_ascii() {
        return (start, end.max(start));
    }
    let a = s.byte_offset(start);
    let b = a + s.substring(start, end.max(start)).len();
    (a, b)
}

fn char_count(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// `find`/`rfind` within code points `start..end`; a code-point index.
fn find_in(s: &PyStr, sub: &str, start: Option<isize>, end: Option<isize>, rev: bool) -> isize {
    let (st, en) = adjust_indices(start, end, s.char_len());
    let sub_len = char_count(sub);
    if en < st || en - st < sub_len {
        return -1;
    }
    let (a, b) = byte_range(s, st, en);
    let hay = &s.as_str()[a..b];
    let pos = if rev { hay.rfind(sub) } else { hay.find(sub) };
    match pos {
        Some(p) => (st + char_count(&hay[..p])) as isize,
        None => -1,
    }
}

type FindArgs = (PyObjectRef, Option<isize>, Option<isize>);

fn find_args(vm: &VM, name: &str, args: &[PyObjectRef], kw: Kw) -> PyResult<FindArgs> {
    check_args(
        vm,
        name,
        Some("str"),
        args.len().saturating_sub(1),
        kw,
        1,
        3,
    )?;
    let start = opt_index(vm, args.get(2))?;
    let end = opt_index(vm, args.get(3))?;
    Ok((args[1].clone(), start, end))
}

fn find_common(vm: &VM, args: &[PyObjectRef], kw: Kw, name: &str, rev: bool) -> PyResult<isize> {
    let s = zelf(vm, args, name)?;
    let (sub, start, end) = find_args(vm, name, args, kw)?;
    let sub = str_arg(vm, &sub, name, "1")?;
    Ok(find_in(s, sub, start, end, rev))
}

fn str_find(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    Ok(vm.new_int(find_common(vm, args, kw, "find", false)? as i64))
}

fn str_rfind(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    Ok(vm.new_int(find_common(vm, args, kw, "rfind", true)? as i64))
}

fn str_index(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    match find_common(vm, args, kw, "index", false)? {
        -1 => Err(vm.new_value_error("substring not found")),
        i => Ok(vm.new_int(i as i64)),
    }
}

fn str_rindex(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    match find_common(vm, args, kw, "rindex", true)? {
        -1 => Err(vm.new_value_error("substring not found")),
        i => Ok(vm.new_int(i as i64)),
    }
}

fn str_count(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let s = zelf(vm, args, "count")?;
    let (sub, start, end) = find_args(vm, "count", args, kw)?;
    let sub = str_arg(vm, &sub, "count", "1")?;
    let (st, en) = adjust_indices(start, end, s.char_len());
    if en < st {
        return Ok(vm.new_int(0));
    }
    if sub.is_empty() {
        return Ok(vm.new_int((en - st + 1) as i64));
    }
    let (a, b) = byte_range(s, st, en);
    Ok(vm.new_int(s.as_str()[a..b].matches(sub).count() as i64))
}

/// `startswith`/`endswith`: `prefix` may be a tuple of str.
fn starts_ends(
    vm: &VM,
    args: &[PyObjectRef],
    kw: Kw,
    name: &str,
    ends: bool,
) -> PyResult<PyObjectRef> {
    let s = zelf(vm, args, name)?;
    let (prefix, start, end) = find_args(vm, name, args, kw)?;
    let (st, en) = adjust_indices(start, end, s.char_len());
    let test = |p: &str| -> bool {
        if st > s.char_len() {
            return false;
        }
        if en < st {
            return false;
        }
        let (a, b) = byte_range(s, st, en);
        let hay = &s.as_str()[a..b];
        if ends {
            hay.ends_with(p)
        } else {
            hay.starts_with(p)
        }
    };
    if let Some(t) = prefix.downcast_ref::<PyTuple>() {
        for item in t.as_slice() {
            match item.downcast_ref::<PyStr>() {
                Some(p) => {
                    if test(p.as_str()) {
                        return Ok(vm.new_bool(true));
                    }
                }
                None => {
                    return Err(vm.new_type_error(format!(
                        "tuple for {name} must only contain str, not {}",
                        item.class().name_string()
                    )))
                }
            }
        }
        return Ok(vm.new_bool(false));
    }
    match prefix.downcast_ref::<PyStr>() {
        Some(p) => Ok(vm.new_bool(test(p.as_str()))),
        None => Err(vm.new_type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            prefix.class().name_string()
        ))),
    }
}

fn str_startswith(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    starts_ends(vm, args, kw, "startswith", false)
}

fn str_endswith(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    starts_ends(vm, args, kw, "endswith", true)
}

// ----- split / join / partition ------------------------------------------

pub(crate) fn is_space(c: char) -> bool {
    rython_common::unicode::is_space(c as u32)
}

fn maxsplit_arg(vm: &VM, o: Option<&PyObjectRef>) -> PyResult<isize> {
    match o {
        None => Ok(-1),
        Some(o) => index_arg(vm, o),
    }
}

fn sep_arg<'a>(vm: &VM, o: Option<&'a PyObjectRef>) -> PyResult<Option<&'a str>> {
    match o {
        None => Ok(None),
        Some(o) if vm.is_none(o) => Ok(None),
        Some(o) => match o.downcast_ref::<PyStr>() {
            Some(s) if s.char_len() == 0 => Err(vm.new_value_error("empty separator")),
            Some(s) => Ok(Some(s.as_str())),
            None => Err(vm.new_type_error(format!(
                "must be str or None, not {}",
                o.class().name_string()
            ))),
        },
    }
}

/// `str.split` on runs of whitespace: each part goes to `out` as found
/// (no intermediate vector of parts for a long text).
fn split_whitespace<'a>(s: &'a str, maxsplit: isize, out: &mut impl FnMut(&'a str)) {
    if s.is_ascii() {
        return split_ascii_whitespace(s, maxsplit, out);
    }
    let mut rest = s.trim_start_matches(is_space);
    let mut n = maxsplit;
    while !rest.is_empty() {
        if n == 0 {
            out(rest);
            return;
        }
        match rest.find(is_space) {
            Some(p) => {
                out(&rest[..p]);
                rest = rest[p..].trim_start_matches(is_space);
                n -= 1;
            }
            None => {
                out(rest);
                return;
            }
        }
    }
}

/// `split_whitespace` for ASCII text, scanning bytes.
fn split_ascii_whitespace<'a>(s: &'a str, maxsplit: isize, out: &mut impl FnMut(&'a str)) {
    let b = s.as_bytes();
    let ws = |c: u8| matches!(c, b'\t'..=b'\r' | 0x1c..=b' ');
    let mut i = 0;
    let mut n = maxsplit;
    loop {
        while i < b.len() && ws(b[i]) {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        if n == 0 {
            out(&s[i..]);
            break;
        }
        let start = i;
        while i < b.len() && !ws(b[i]) {
            i += 1;
        }
        out(&s[start..i]);
        n -= 1;
    }
}

fn rsplit_whitespace(s: &str, maxsplit: isize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_end_matches(is_space);
    let mut n = maxsplit;
    while !rest.is_empty() {
        if n == 0 {
            out.push(rest);
            break;
        }
        match rest.rfind(is_space) {
            Some(p) => {
                let c = rest[p..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
                out.push(&rest[p + c..]);
                rest = rest[..p].trim_end_matches(is_space);
                n -= 1;
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out.reverse();
    out
}

fn split_common(vm: &VM, args: &[PyObjectRef], kw: Kw, rev: bool) -> PyResult<PyObjectRef> {
    let name = if rev { "rsplit" } else { "split" };
    let s = zelf(vm, args, name)?;
    let [sep, maxsplit] = bind(vm, name, &args[1..], kw, ["sep", "maxsplit"], 0, 0)?;
    let sep = sep_arg(vm, sep.as_ref())?;
    let maxsplit = maxsplit_arg(vm, maxsplit.as_ref())?;
    let text = s.as_str();
    let part = |p: &str| {
        if p.len() == text.len() && args[0].class().is(&vm.types.str_type) {
            args[0].clone()
        } else {
            vm.new_str_read(p, s.is_genuine())
        }
    };
    let parts: Vec<&str> = match (sep, rev) {
        (None, false) => {
            // Counting first sizes the list exactly: for a long text the
            // list is the peak of memory use, doubling would waste a third.
            let mut n = 0usize;
            split_whitespace(text, maxsplit, &mut |_| n += 1);
            let mut items = Vec::with_capacity(n);
            split_whitespace(text, maxsplit, &mut |p| items.push(part(p)));
            return Ok(vm.new_list(items).into_object());
        }
        (None, true) => rsplit_whitespace(text, maxsplit),
        (Some(sep), false) => {
            if maxsplit < 0 {
                text.split(sep).collect()
            } else {
                text.splitn(maxsplit as usize + 1, sep).collect()
            }
        }
        (Some(sep), true) => {
            let mut v: Vec<&str> = if maxsplit < 0 {
                text.rsplit(sep).collect()
            } else {
                text.rsplitn(maxsplit as usize + 1, sep).collect()
            };
            v.reverse();
            v
        }
    };
    // A fresh vector of the exact size (collecting in place would keep the
    // larger buffer of the `&str` parts for the list's lifetime).
    let mut items = Vec::with_capacity(parts.len());
    items.extend(parts.into_iter().map(part));
    Ok(vm.new_list(items).into_object())
}

fn str_split(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    split_common(vm, args, kw, false)
}

fn str_rsplit(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    split_common(vm, args, kw, true)
}

/// Line boundaries of `str.splitlines`.
pub(crate) fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

fn str_splitlines(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let s = zelf(vm, args, "splitlines")?;
    let [keepends] = bind(vm, "splitlines", &args[1..], kw, ["keepends"], 0, 0)?;
    // CPython only tests the argument's truth.
    let keep = match keepends {
        Some(k) => vm.is_true(&k)?,
        None => false,
    };
    let text = s.as_str();
    let mut out = Vec::new();
    let mut line_start = 0;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_linebreak(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some(&(_, '\n')) = it.peek() {
                    it.next();
                    end += 1;
                }
            }
            let stop = if keep { end } else { i };
            out.push(vm.new_str_read(&text[line_start..stop], s.is_genuine()));
            line_start = end;
        }
    }
    if line_start < text.len() {
        out.push(vm.new_str_read(&text[line_start..], s.is_genuine()));
    }
    Ok(vm.new_list(out).into_object())
}

fn str_join(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let s = zelf(vm, args, "join")?;
    let iterable = one_arg(vm, "str.join", args, kw)?;
    if !is_iterable(vm, iterable) {
        return Err(vm.new_type_error("can only join an iterable"));
    }
    let items = vm.collect(iterable)?;
    if items.len() == 1 && items[0].class().is(&vm.types.str_type) {
        return Ok(items[0].clone());
    }
    let sep = s.as_str();
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        let Some(t) = item.downcast_ref::<PyStr>() else {
            return Err(vm.new_type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                item.class().name_string()
            )));
        };
        if i > 0 {
            out.try_reserve(sep.len())
                .map_err(|_| vm.new_memory_error())?;
            out.push_str(sep);
        }
        out.try_reserve(t.as_str().len())
            .map_err(|_| vm.new_memory_error())?;
        out.push_str(t.as_str());
    }
    new_str_result(vm, out, s)
}

fn partition_common(vm: &VM, args: &[PyObjectRef], kw: Kw, rev: bool) -> PyResult<PyObjectRef> {
    let name = if rev {
        "str.rpartition"
    } else {
        "str.partition"
    };
    let s = zelf(vm, args, name)?;
    let sep = one_arg(vm, name, args, kw)?;
    let Some(sep) = sep.downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error(format!("must be str, not {}", sep.class().name_string())));
    };
    if sep.char_len() == 0 {
        return Err(vm.new_value_error("empty separator"));
    }
    let text = s.as_str();
    let sep = sep.as_str();
    let found = if rev { text.rfind(sep) } else { text.find(sep) };
    let empty = || vm.new_str_obj("");
    let whole = || {
        if args[0].class().is(&vm.types.str_type) {
            args[0].clone()
        } else {
            vm.new_str_read(text, s.is_genuine())
        }
    };
    let items = match found {
        Some(p) => vec![
            vm.new_str_read(&text[..p], s.is_genuine()),
            args[1].clone(),
            vm.new_str_read(&text[p + sep.len()..], s.is_genuine()),
        ],
        None if rev => vec![empty(), empty(), whole()],
        None => vec![whole(), empty(), empty()],
    };
    let mut items = items;
    if found.is_some() && !args[1].class().is(&vm.types.str_type) {
        items[1] = vm.new_str_obj(sep);
    }
    Ok(vm.new_tuple_obj(items))
}

fn str_partition(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    partition_common(vm, args, kw, false)
}

fn str_rpartition(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    partition_common(vm, args, kw, true)
}

// ----- strip / prefix / replace --------------------------------------------

fn strip_common(
    vm: &VM,
    args: &[PyObjectRef],
    kw: Kw,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<PyObjectRef> {
    let s = zelf(vm, args, name)?;
    check_args(
        vm,
        name,
        Some("str"),
        args.len().saturating_sub(1),
        kw,
        0,
        1,
    )?;
    let text = s.as_str();
    let out = match args.get(1) {
        Some(c) if !vm.is_none(c) => {
            let Some(chars) = c.downcast_ref::<PyStr>() else {
                return Err(vm.new_type_error(format!("{name} arg must be None or str")));
            };
            let set: Vec<char> = chars.as_str().chars().collect();
            let f = |ch: char| set.contains(&ch);
            match (left, right) {
                (true, true) => text.trim_matches(f),
                (true, false) => text.trim_start_matches(f),
                _ => text.trim_end_matches(f),
            }
        }
        _ => match (left, right) {
            (true, true) => text.trim_matches(is_space),
            (true, false) => text.trim_start_matches(is_space),
            _ => text.trim_end_matches(is_space),
        },
    };
    if out.len() == text.len() && args[0].class().is(&vm.types.str_type) {
        return Ok(args[0].clone());
    }
    new_str_result(vm, out.to_string(), s)
}

fn str_strip(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    strip_common(vm, args, kw, "strip", true, true)
}
fn str_lstrip(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    strip_common(vm, args, kw, "lstrip", true, false)
}
fn str_rstrip(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    strip_common(vm, args, kw, "rstrip", false, true)
}

fn remove_affix(vm: &VM, args: &[PyObjectRef], kw: Kw, suffix: bool) -> PyResult<PyObjectRef> {
    let name = if suffix {
        "removesuffix"
    } else {
        "removeprefix"
    };
    let s = zelf(vm, args, name)?;
    let a = one_arg(vm, format_args!("str.{name}"), args, kw)?;
    let Some(a) = a.downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error(format!(
            "{name}() argument must be str, not {}",
            crate::python::args::arg_type_name(&a)
        )));
    };
    let text = s.as_str();
    let out = if suffix {
        text.strip_suffix(a.as_str())
    } else {
        text.strip_prefix(a.as_str())
    };
    match out {
        Some(o) if !a.as_str().is_empty() => new_str_result(vm, o.to_string(), s),
        _ if args[0].class().is(&vm.types.str_type) => Ok(args[0].clone()),
        _ => new_str_result(vm, text.to_string(), s),
    }
}

fn str_removeprefix(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    remove_affix(vm, args, kw, false)
}
fn str_removesuffix(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    remove_affix(vm, args, kw, true)
}

/// `replace` on text (shared with nothing else; bytes has its own).
pub(crate) fn replace_str(text: &str, old: &str, new: &str, count: isize) -> Option<String> {
    let mut out = String::new();
    let limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    if old.is_empty() {
        let n = char_count(text);
        let reps = limit.min(n + 1);
        out.try_reserve(text.len().checked_add(new.len().checked_mul(reps)?)?)
            .ok()?;
        let mut done = 0;
        for c in text.chars() {
            if done < reps {
                out.push_str(new);
                done += 1;
            }
            out.push(c);
        }
        if done < reps {
            out.push_str(new);
        }
        return Some(out);
    }
    // One searcher for the whole text (building one per match is slow).
    let mut last = 0;
    for (p, _) in text.match_indices(old).take(limit) {
        out.try_reserve(p - last + new.len()).ok()?;
        out.push_str(&text[last..p]);
        out.push_str(new);
        last = p + old.len();
    }
    out.push_str(&text[last..]);
    Some(out)
}

fn str_replace(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let s = zelf(vm, args, "replace")?;
    let [old, new, count] = bind(vm, "replace", &args[1..], kw, ["old", "new", "count"], 2, 2)?;
    let (Some(old), Some(new)) = (old, new) else {
        return Err(vm.new_type_error("replace() takes at least 2 positional arguments (0 given)"));
    };
    let old = str_arg(vm, &old, "replace", "1")?.to_string();
    let new = str_arg(vm, &new, "replace", "2")?.to_string();
    let count = maxsplit_arg(vm, count.as_ref())?;
    if count == 0 || (!old.is_empty() && !s.as_str().contains(old.as_str())) {
        if args[0].class().is(&vm.types.str_type) {
            return Ok(args[0].clone());
        }
    }
    let out = replace_str(s.as_str(), &old, &new, count).ok_or_else(|| vm.new_memory_error())?;
    new_str_result(vm, out, s)
}

// ----- padding ---------------------------------------------------------------

fn fill_arg(vm: &VM, o: Option<&PyObjectRef>) -> PyResult<char> {
    match o {
        None => Ok(' '),
        Some(o) => match o.downcast_ref::<PyStr>() {
            Some(s) if s.char_len() == 1 => Ok(s.as_str().chars().next().unwrap_or(' ')),
            Some(_) => {
                Err(vm.new_type_error("The fill character must be exactly one character long"))
            }
            None => Err(vm.new_type_error(format!(
                "The fill character must be a unicode character, not {}",
                o.class().name_string()
            ))),
        },
    }
}

/// Pads `text` (of `len` code points) to `width` with `left`/`right` fills.
pub(crate) fn pad(vm: &VM, text: &str, left: usize, right: usize, fill: char) -> PyResult<String> {
    let mut out = String::new();
    let extra = (left + right)
        .checked_mul(fill.len_utf8())
        .and_then(|n| n.checked_add(text.len()))
        .ok_or_else(|| vm.new_memory_error())?;
    out.try_reserve_exact(extra)
        .map_err(|_| vm.new_memory_error())?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

fn pad_common(vm: &VM, args: &[PyObjectRef], kw: Kw, name: &str) -> PyResult<PyObjectRef> {
    let s = zelf(vm, args, name)?;
    check_args(
        vm,
        name,
        Some("str"),
        args.len().saturating_sub(1),
        kw,
        1,
        2,
    )?;
    let width = index_arg(vm, &args[1])?;
    let fill = fill_arg(vm, args.get(2))?;
    let len = s.char_len() as isize;
    if width <= len {
        if args[0].class().is(&vm.types.str_type) {
            return Ok(args[0].clone());
        }
        return new_str_result(vm, s.as_str().to_string(), s);
    }
    let marg = (width - len) as usize;
    let (l, r) = match name {
        "ljust" => (0, marg),
        "rjust" => (marg, 0),
        _ => {
            let left = marg / 2 + (marg & (width as usize) & 1);
            (left, marg - left)
        }
    };
    new_str_result(vm, pad(vm, s.as_str(), l, r, fill)?, s)
}

fn str_ljust(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    pad_common(vm, args, kw, "ljust")
}
fn str_rjust(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    pad_common(vm, args, kw, "rjust")
}
fn str_center(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    pad_common(vm, args, kw, "center")
}

fn str_zfill(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let s = zelf(vm, args, "zfill")?;
    let width = index_arg(vm, one_arg(vm, "str.zfill", args, kw)?)?;
    let len = s.char_len() as isize;
    if width <= len {
        if args[0].class().is(&vm.types.str_type) {
            return Ok(args[0].clone());
        }
        return new_str_result(vm, s.as_str().to_string(), s);
    }
    let text = s.as_str();
    let mut out = pad(vm, text, (width - len) as usize, 0, '0')?;
    let fill = (width - len) as usize;
    if let Some(sign @ ('+' | '-')) = text.chars().next() {
        // The sign moves in front of the zeros.
        out.replace_range(fill..fill + 1, "0");
        out.replace_range(0..1, sign.encode_utf8(&mut [0; 4]));
    }
    new_str_result(vm, out, s)
}

fn str_expandtabs(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let s = zelf(vm, args, "expandtabs")?;
    let [tabsize] = bind(vm, "expandtabs", &args[1..], kw, ["tabsize"], 0, 0)?;
    let tab = match tabsize {
        Some(t) => c_int_arg(vm, &t)?,
        None => 8,
    };
    let mut out = String::new();
    let mut col: usize = 0;
    for c in s.as_str().chars() {
        match c {
            '\t' => {
                if tab > 0 {
                    let n = tab as usize - col % tab as usize;
                    out.try_reserve(n).map_err(|_| vm.new_memory_error())?;
                    out.extend(std::iter::repeat_n(' ', n));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    new_str_result(vm, out, s)
}

// ----- translate ------------------------------------------------------------

fn str_maketrans(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    // A staticmethod: no self.
    check_args(vm, "maketrans", Some("str"), args.len(), kw, 1, 3)?;
    let d = vm.new_dict();
    if args.len() == 1 {
        let Some(src) = args[0].downcast_ref::<crate::objects::dictobject::PyDict>() else {
            return Err(
                vm.new_type_error("if you give only one argument to maketrans it must be a dict")
            );
        };
        for e in src.entries() {
            let key = if let Some(k) = e.key.downcast_ref::<PyStr>() {
                if k.char_len() != 1 {
                    return Err(
                        vm.new_value_error("string keys in translate table must be of length 1")
                    );
                }
                vm.new_int(k.code_points().next().unwrap_or(0) as i64)
            } else if e.key.payload_is::<PyInt>() {
                e.key.clone()
            } else {
                return Err(
                    vm.new_type_error("keys in translate table must be strings or integers")
                );
            };
            d.payload.set_item(vm, key, e.value.clone())?;
        }
        return Ok(d.into_object());
    }
    // CPython's argument clinic checks y (and z) first.
    let y = str_arg(vm, &args[1], "maketrans", "2")?;
    if let Some(z) = args.get(2) {
        str_arg(vm, z, "maketrans", "3")?;
    }
    let x = args[0]
        .downcast_ref::<PyStr>()
        .map(|s| s.as_str())
        .ok_or_else(|| {
            vm.new_type_error(
                "first maketrans argument must be a string if there is a second argument",
            )
        })?;
    if char_count(x) != char_count(y) {
        return Err(vm.new_value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in x.chars().zip(y.chars()) {
        d.payload.set_item(
            vm,
            vm.new_int(code_point(a, false) as i64),
            vm.new_int(code_point(b, false) as i64),
        )?;
    }
    if let Some(z) = args.get(2) {
        let z = str_arg(vm, z, "maketrans", "3")?;
        for c in z.chars() {
            d.payload
                .set_item(vm, vm.new_int(code_point(c, false) as i64), vm.none())?;
        }
    }
    Ok(d.into_object())
}

fn str_translate(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let s = zelf(vm, args, "translate")?;
    let table = one_arg(vm, "str.translate", args, kw)?.clone();
    let text = s.as_str().to_string();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let key = vm.new_int(s.code_point_of(c) as i64);
        let v = match crate::python::formatter::mapping_get(vm, &table, &key) {
            Ok(v) => v,
            Err(e) if e.as_object().class().is_subtype(&vm.types.exc.lookup_error) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        if vm.is_none(&v) {
            continue;
        }
        if let Some(r) = v.downcast_ref::<PyStr>() {
            out.push_str(r.as_str());
        } else if let Some(i) = v.downcast_ref::<PyInt>() {
            match i.as_i64().filter(|n| (0..0x110000).contains(n)) {
                Some(n) => rython_common::surrogates::push(&mut out, n as u32),
                None => {
                    return Err(vm.new_value_error("character mapping must be in range(0x110000)"))
                }
            }
        } else {
            return Err(vm.new_type_error("character mapping must return integer, None or str"));
        }
    }
    new_str_result(vm, out, s)
}

// ----- misc ---------------------------------------------------------------

fn str_encode(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let s = zelf(vm, args, "encode")?;
    let [enc, err] = bind(vm, "encode", &args[1..], kw, ["encoding", "errors"], 0, 0)?;
    let enc = match &enc {
        Some(e) => str_arg(vm, e, "encode", "'encoding'")?,
        None => "utf-8",
    };
    let err = match &err {
        Some(e) => str_arg(vm, e, "encode", "'errors'")?,
        None => "strict",
    };
    let b = crate::objects::codecs::encode_str(vm, s.as_str(), s.is_genuine(), enc, err)?;
    Ok(vm.new_bytes(b))
}

fn str_getnewargs(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let s = zelf(vm, args, "__getnewargs__")?;
    no_args(vm, "str.__getnewargs__", args, kw)?;
    Ok(vm.new_tuple_obj(vec![vm.new_str_read(s.as_str(), s.is_genuine())]))
}

fn str_sizeof(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let s = zelf(vm, args, "__sizeof__")?;
    no_args(vm, "str.__sizeof__", args, kw)?;
    let n = s.char_len();
    let max = s.code_points().max().unwrap_or(0);
    // PyASCIIObject / PyCompactUnicodeObject header plus the code units
    // and terminator (the UTF-8 cache is not counted).
    let size = if max < 0x80 {
        40 + n + 1
    } else if max < 0x100 {
        56 + n + 1
    } else if max < 0x10000 {
        56 + 2 * (n + 1)
    } else {
        56 + 4 * (n + 1)
    };
    Ok(vm.new_int(size as i64))
}

pub(crate) fn init(vm: &VM) {
    let t = &vm.types.str_type;
    vm.add_method(t, "find", str_find);
    vm.add_method(t, "rfind", str_rfind);
    vm.add_method(t, "index", str_index);
    vm.add_method(t, "rindex", str_rindex);
    vm.add_method(t, "count", str_count);
    vm.add_method(t, "startswith", str_startswith);
    vm.add_method(t, "endswith", str_endswith);
    vm.add_method(t, "split", str_split);
    vm.add_method(t, "rsplit", str_rsplit);
    vm.add_method(t, "splitlines", str_splitlines);
    vm.add_method(t, "join", str_join);
    vm.add_method(t, "partition", str_partition);
    vm.add_method(t, "rpartition", str_rpartition);
    vm.add_method(t, "strip", str_strip);
    vm.add_method(t, "lstrip", str_lstrip);
    vm.add_method(t, "rstrip", str_rstrip);
    vm.add_method(t, "removeprefix", str_removeprefix);
    vm.add_method(t, "removesuffix", str_removesuffix);
    vm.add_method(t, "replace", str_replace);
    vm.add_method(t, "ljust", str_ljust);
    vm.add_method(t, "rjust", str_rjust);
    vm.add_method(t, "center", str_center);
    vm.add_method(t, "zfill", str_zfill);
    vm.add_method(t, "expandtabs", str_expandtabs);
    vm.add_staticmethod(t, "maketrans", str_maketrans);
    vm.add_method(t, "translate", str_translate);
    vm.add_method(t, "encode", str_encode);
    vm.add_method(t, "__getnewargs__", str_getnewargs);
    vm.add_method(t, "__sizeof__", str_sizeof);
    crate::objects::str_case::init(vm);
}

#[cfg(test)]
#[path = "str_tests.rs"]
mod tests;
