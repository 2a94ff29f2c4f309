//! Methods shared by `bytes` and `bytearray` (CPython's
//! Objects/bytes_methods.c and the stringlib templates). Each native
//! function is registered on both types; results have the type of `self`.

use crate::object::PyObjectRef;
use crate::objects::bytearrayobject::PyByteArray;
use crate::objects::bytesobject::PyBytes;
use crate::objects::longobject::PyInt;
use crate::objects::memoryobject::PyMemoryView;
use crate::objects::str_methods::{
    adjust_indices, check_args, index_arg, no_args, one_arg, opt_index,
};
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::{PyTuple, PyTupleRef};
use crate::python::args::bind;
use crate::{PyResult, VM};

type Kw<'a> = Option<&'a PyTupleRef>;

/// `PyObject_GetBuffer(obj, PyBUF_SIMPLE)`, copied: the bytes of a bytes,
/// bytearray or C-contiguous memoryview. `Ok(None)` for an object without
/// the buffer protocol; a released view is a ValueError and a
/// non-contiguous one a BufferError, as in CPython.
pub fn buffer_bytes(vm: &VM, obj: &PyObjectRef) -> PyResult<Option<Vec<u8>>> {
    if let Some(b) = bytes_or_bytearray(obj) {
        return Ok(Some(b));
    }
    if let Some(m) = obj.downcast_ref::<PyMemoryView>() {
        return m.simple_bytes(vm).map(Some);
    }
    Ok(None)
}

/// Like `buffer_bytes` for a view of any layout (`PyBUF_FULL_RO` copied to
/// C order): what `bytes(x)`, `bytearray(x)` and slice assignment take.
pub fn buffer_bytes_any(vm: &VM, obj: &PyObjectRef) -> PyResult<Option<Vec<u8>>> {
    if let Some(m) = obj.downcast_ref::<PyMemoryView>() {
        return m.bytes(vm).map(Some);
    }
    Ok(bytes_or_bytearray(obj))
}

/// `PyObject_CheckBuffer`: whether `obj` exports a buffer.
pub fn is_buffer(obj: &PyObjectRef) -> bool {
    obj.payload_is::<PyBytes>()
        || obj.payload_is::<PyByteArray>()
        || obj.payload_is::<PyMemoryView>()
}

/// The contents of a bytes or bytearray (where CPython tests
/// `PyBytes_Check`/`PyByteArray_Check` rather than the buffer protocol).
pub fn bytes_or_bytearray(obj: &PyObjectRef) -> Option<Vec<u8>> {
    if let Some(b) = obj.downcast_ref::<PyBytes>() {
        return Some(b.as_bytes().to_vec());
    }
    if let Some(b) = obj.downcast_ref::<PyByteArray>() {
        return Some(b.value.borrow().clone());
    }
    None
}

/// A bytes-like argument or "a bytes-like object is required, not 'str'".
pub(crate) fn bytes_arg(vm: &VM, obj: &PyObjectRef) -> PyResult<Vec<u8>> {
    buffer_bytes(vm, obj)?.ok_or_else(|| {
        vm.new_type_error(format!(
            "a bytes-like object is required, not '{}'",
            obj.class().name_string()
        ))
    })
}

/// The type name methods of `self` report: "bytes" or "bytearray".
fn owner(bytearray: bool) -> &'static str {
    if bytearray {
        "bytearray"
    } else {
        "bytes"
    }
}

/// `self` of a bytes/bytearray method: its contents and whether it is a
/// bytearray (results take the same type).
fn zelf(vm: &VM, args: &[PyObjectRef], name: &str) -> PyResult<(Vec<u8>, bool)> {
    let Some(o) = args.first() else {
        return Err(vm.new_type_error(format!("unbound method {name}() needs an argument")));
    };
    if let Some(b) = o.downcast_ref::<PyBytes>() {
        return Ok((b.as_bytes().to_vec(), false));
    }
    if let Some(b) = o.downcast_ref::<PyByteArray>() {
        return Ok((b.value.borrow().clone(), true));
    }
    Err(vm.new_type_error(format!(
        "descriptor '{name}' for 'bytes' objects doesn't apply to a '{}' object",
        o.class().name_string()
    )))
}

/// A result of the same kind as `self`.
pub(crate) fn new_like(vm: &VM, bytearray: bool, v: Vec<u8>) -> PyObjectRef {
    if bytearray {
        vm.new_bytearray(v)
    } else {
        vm.new_bytes(v)
    }
}

/// A byte value argument (`0 <= v < 256`).
pub(crate) fn byte_value(vm: &VM, obj: &PyObjectRef) -> PyResult<u8> {
    let i = vm.to_index(obj)?;
    match i.downcast_ref::<PyInt>().and_then(|i| i.as_i64()) {
        Some(v) if (0..256).contains(&v) => Ok(v as u8),
        _ => Err(vm.new_value_error("byte must be in range(0, 256)")),
    }
}

/// The needle of find/count/index: bytes-like or an int byte.
fn needle(vm: &VM, obj: &PyObjectRef) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer_bytes(vm, obj)? {
        return Ok(b);
    }
    if obj.payload_is::<PyInt>() || obj.class().payload.slots.nb_index.get().is_some() {
        return Ok(vec![byte_value(vm, obj)?]);
    }
    Err(vm.new_type_error(format!(
        "argument should be integer or bytes-like object, not '{}'",
        obj.class().name_string()
    )))
}

pub(crate) fn find_sub(hay: &[u8], sub: &[u8]) -> Option<usize> {
    if sub.is_empty() {
        return Some(0);
    }
    if sub.len() == 1 {
        return hay.iter().position(|&b| b == sub[0]);
    }
    hay.windows(sub.len()).position(|w| w == sub)
}

pub(crate) fn rfind_sub(hay: &[u8], sub: &[u8]) -> Option<usize> {
    if sub.is_empty() {
        return Some(hay.len());
    }
    if sub.len() > hay.len() {
        return None;
    }
    hay.windows(sub.len()).rposition(|w| w == sub)
}

fn count_sub(hay: &[u8], sub: &[u8]) -> usize {
    if sub.is_empty() {
        return hay.len() + 1;
    }
    let mut n = 0;
    let mut i = 0;
    while let Some(p) = find_sub(&hay[i..], sub) {
        n += 1;
        i += p + sub.len();
    }
    n
}

fn find_common(vm: &VM, args: &[PyObjectRef], kw: Kw, name: &str, rev: bool) -> PyResult<isize> {
    let (s, ba) = zelf(vm, args, name)?;
    check_args(
        vm,
        name,
        Some(owner(ba)),
        args.len().saturating_sub(1),
        kw,
        1,
        3,
    )?;
    let sub = needle(vm, &args[1])?;
    let (st, en) = adjust_indices(
        opt_index(vm, args.get(2))?,
        opt_index(vm, args.get(3))?,
        s.len(),
    );
    if en < st || en - st < sub.len() {
        return Ok(-1);
    }
    let hay = &s[st..en];
    let r = if rev {
        rfind_sub(hay, &sub)
    } else {
        find_sub(hay, &sub)
    };
    Ok(r.map(|p| (p + st) as isize).unwrap_or(-1))
}

fn b_find(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    Ok(vm.new_int(find_common(vm, args, kw, "find", false)? as i64))
}
fn b_rfind(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    Ok(vm.new_int(find_common(vm, args, kw, "rfind", true)? as i64))
}
fn b_index(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    match find_common(vm, args, kw, "index", false)? {
        -1 => Err(vm.new_value_error("subsection not found")),
        i => Ok(vm.new_int(i as i64)),
    }
}
fn b_rindex(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    match find_common(vm, args, kw, "rindex", true)? {
        -1 => Err(vm.new_value_error("subsection not found")),
        i => Ok(vm.new_int(i as i64)),
    }
}

fn b_count(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let (s, ba) = zelf(vm, args, "count")?;
    check_args(
        vm,
        "count",
        Some(owner(ba)),
        args.len().saturating_sub(1),
        kw,
        1,
        3,
    )?;
    let sub = needle(vm, &args[1])?;
    let (st, en) = adjust_indices(
        opt_index(vm, args.get(2))?,
        opt_index(vm, args.get(3))?,
        s.len(),
    );
    if en < st {
        return Ok(vm.new_int(0));
    }
    Ok(vm.new_int(count_sub(&s[st..en], &sub) as i64))
}

fn starts_ends(
    vm: &VM,
    args: &[PyObjectRef],
    kw: Kw,
    name: &str,
    ends: bool,
) -> PyResult<PyObjectRef> {
    let (s, ba) = zelf(vm, args, name)?;
    check_args(
        vm,
        name,
        Some(owner(ba)),
        args.len().saturating_sub(1),
        kw,
        1,
        3,
    )?;
    let (st, en) = adjust_indices(
        opt_index(vm, args.get(2))?,
        opt_index(vm, args.get(3))?,
        s.len(),
    );
    let test = |p: &[u8]| -> bool {
        if st > s.len() || en < st {
            return false;
        }
        let hay = &s[st..en];
        if ends {
            hay.ends_with(p)
        } else {
            hay.starts_with(p)
        }
    };
    let prefix = &args[1];
    if let Some(t) = prefix.downcast_ref::<PyTuple>() {
        for item in t.as_slice() {
            if test(&bytes_arg(vm, item)?) {
                return Ok(vm.new_bool(true));
            }
        }
        return Ok(vm.new_bool(false));
    }
    match buffer_bytes(vm, prefix)? {
        Some(p) => Ok(vm.new_bool(test(&p))),
        None => Err(vm.new_type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {}",
            prefix.class().name_string()
        ))),
    }
}

fn b_startswith(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    starts_ends(vm, args, kw, "startswith", false)
}
fn b_endswith(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    starts_ends(vm, args, kw, "endswith", true)
}

pub(crate) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn split_common(vm: &VM, args: &[PyObjectRef], kw: Kw, rev: bool) -> PyResult<PyObjectRef> {
    let name = if rev { "rsplit" } else { "split" };
    let (s, ba) = zelf(vm, args, name)?;
    let [sep, maxsplit] = bind(vm, name, &args[1..], kw, ["sep", "maxsplit"], 0, 0)?;
    let sep = match &sep {
        Some(o) if !vm.is_none(o) => {
            let b = bytes_arg(vm, o)?;
            if b.is_empty() {
                return Err(vm.new_value_error("empty separator"));
            }
            Some(b)
        }
        _ => None,
    };
    let maxsplit = match &maxsplit {
        Some(m) => index_arg(vm, m)?,
        None => -1,
    };
    let mut parts: Vec<&[u8]> = Vec::new();
    let mut n = maxsplit;
    match (&sep, rev) {
        (None, false) => {
            let mut i = 0;
            loop {
                while i < s.len() && is_ascii_space(s[i]) {
                    i += 1;
                }
                if i >= s.len() {
                    break;
                }
                if n == 0 {
                    parts.push(&s[i..]);
                    break;
                }
                let j = (i..s.len())
                    .find(|&j| is_ascii_space(s[j]))
                    .unwrap_or(s.len());
                parts.push(&s[i..j]);
                i = j;
                n -= 1;
            }
        }
        (None, true) => {
            let mut j = s.len();
            loop {
                while j > 0 && is_ascii_space(s[j - 1]) {
                    j -= 1;
                }
                if j == 0 {
                    break;
                }
                if n == 0 {
                    parts.push(&s[..j]);
                    break;
                }
                let i = (0..j)
                    .rev()
                    .find(|&i| is_ascii_space(s[i]))
                    .map(|i| i + 1)
                    .unwrap_or(0);
                parts.push(&s[i..j]);
                j = i;
                n -= 1;
            }
            parts.reverse();
        }
        (Some(sep), false) => {
            let mut rest: &[u8] = &s;
            while n != 0 {
                match find_sub(rest, sep) {
                    Some(p) => {
                        parts.push(&rest[..p]);
                        rest = &rest[p + sep.len()..];
                        n -= 1;
                    }
                    None => break,
                }
            }
            parts.push(rest);
        }
        (Some(sep), true) => {
            let mut rest: &[u8] = &s;
            while n != 0 {
                match rfind_sub(rest, sep) {
                    Some(p) => {
                        parts.push(&rest[p + sep.len()..]);
                        rest = &rest[..p];
                        n -= 1;
                    }
                    None => break,
                }
            }
            parts.push(rest);
            parts.reverse();
        }
    }
    let items = parts
        .into_iter()
        .map(|p| new_like(vm, ba, p.to_vec()))
        .collect();
    Ok(vm.new_list(items).into_object())
}

fn b_split(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    split_common(vm, args, kw, false)
}
fn b_rsplit(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    split_common(vm, args, kw, true)
}

fn b_splitlines(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let (s, ba) = zelf(vm, args, "splitlines")?;
    let [keepends] = bind(vm, "splitlines", &args[1..], kw, ["keepends"], 0, 0)?;
    let keep = match keepends {
        Some(k) => vm.is_true(&k)?,
        None => false,
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < s.len() {
        if s[i] == b'\n' || s[i] == b'\r' {
            let mut end = i + 1;
            if s[i] == b'\r' && s.get(i + 1) == Some(&b'\n') {
                end += 1;
            }
            out.push(new_like(
                vm,
                ba,
                s[start..if keep { end } else { i }].to_vec(),
            ));
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < s.len() {
        out.push(new_like(vm, ba, s[start..].to_vec()));
    }
    Ok(vm.new_list(out).into_object())
}

fn b_join(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let (sep, ba) = zelf(vm, args, "join")?;
    let it = one_arg(vm, format_args!("{}.join", owner(ba)), args, kw)?;
    let items = vm.collect(it)?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(b) = buffer_bytes(vm, item).ok().flatten() else {
            return Err(vm.new_type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                item.class().name_string()
            )));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.try_reserve(b.len())
            .map_err(|_| vm.new_memory_error())?;
        out.extend_from_slice(&b);
    }
    Ok(new_like(vm, ba, out))
}

fn partition_common(vm: &VM, args: &[PyObjectRef], kw: Kw, rev: bool) -> PyResult<PyObjectRef> {
    let name = if rev { "rpartition" } else { "partition" };
    let (s, ba) = zelf(vm, args, name)?;
    let sep_obj = one_arg(vm, format_args!("{}.{name}", owner(ba)), args, kw)?;
    let sep = bytes_arg(vm, sep_obj)?;
    if sep.is_empty() {
        return Err(vm.new_value_error("empty separator"));
    }
    let found = if rev {
        rfind_sub(&s, &sep)
    } else {
        find_sub(&s, &sep)
    };
    // bytes (immutable) hands back the separator object and, when it is
    // not found, itself; bytearray makes new bytearrays.
    let e = || new_like(vm, ba, Vec::new());
    let whole = || {
        if ba {
            new_like(vm, ba, s.clone())
        } else {
            args[0].clone()
        }
    };
    let items = match found {
        Some(p) => vec![
            new_like(vm, ba, s[..p].to_vec()),
            if ba {
                new_like(vm, ba, sep.clone())
            } else {
                sep_obj.clone()
            },
            new_like(vm, ba, s[p + sep.len()..].to_vec()),
        ],
        None if rev => vec![e(), e(), whole()],
        None => vec![whole(), e(), e()],
    };
    Ok(vm.new_tuple_obj(items))
}

fn b_partition(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    partition_common(vm, args, kw, false)
}
fn b_rpartition(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    partition_common(vm, args, kw, true)
}

fn strip_common(
    vm: &VM,
    args: &[PyObjectRef],
    kw: Kw,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<PyObjectRef> {
    let (s, ba) = zelf(vm, args, name)?;
    check_args(
        vm,
        name,
        Some(owner(ba)),
        args.len().saturating_sub(1),
        kw,
        0,
        1,
    )?;
    let set: Option<Vec<u8>> = match args.get(1) {
        Some(o) if !vm.is_none(o) => Some(bytes_arg(vm, o)?),
        _ => None,
    };
    let strip = |b: u8| match &set {
        Some(set) => set.contains(&b),
        None => is_ascii_space(b),
    };
    let mut i = 0;
    let mut j = s.len();
    if left {
        while i < j && strip(s[i]) {
            i += 1;
        }
    }
    if right {
        while j > i && strip(s[j - 1]) {
            j -= 1;
        }
    }
    Ok(new_like(vm, ba, s[i..j].to_vec()))
}

fn b_strip(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    strip_common(vm, args, kw, "strip", true, true)
}
fn b_lstrip(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    strip_common(vm, args, kw, "lstrip", true, false)
}
fn b_rstrip(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    strip_common(vm, args, kw, "rstrip", false, true)
}

fn affix(vm: &VM, args: &[PyObjectRef], kw: Kw, suffix: bool) -> PyResult<PyObjectRef> {
    let name = if suffix {
        "removesuffix"
    } else {
        "removeprefix"
    };
    let (s, ba) = zelf(vm, args, name)?;
    let a = bytes_arg(
        vm,
        one_arg(vm, format_args!("{}.{name}", owner(ba)), args, kw)?,
    )?;
    let out = if suffix {
        s.strip_suffix(a.as_slice())
    } else {
        s.strip_prefix(a.as_slice())
    };
    Ok(new_like(vm, ba, out.unwrap_or(&s).to_vec()))
}

fn b_removeprefix(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    affix(vm, args, kw, false)
}
fn b_removesuffix(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    affix(vm, args, kw, true)
}

fn b_replace(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let (s, ba) = zelf(vm, args, "replace")?;
    check_args(
        vm,
        "replace",
        Some(owner(ba)),
        args.len().saturating_sub(1),
        kw,
        2,
        3,
    )?;
    let old = bytes_arg(vm, &args[1])?;
    let new = bytes_arg(vm, &args[2])?;
    let count = match args.get(3) {
        Some(c) => index_arg(vm, c)?,
        None => -1,
    };
    let limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let mut out = Vec::new();
    if old.is_empty() {
        let mut done = 0;
        for &b in &s {
            if done < limit {
                out.try_reserve(new.len())
                    .map_err(|_| vm.new_memory_error())?;
                out.extend_from_slice(&new);
                done += 1;
            }
            out.push(b);
        }
        if done < limit {
            out.extend_from_slice(&new);
        }
        return Ok(new_like(vm, ba, out));
    }
    let mut rest: &[u8] = &s;
    let mut done = 0;
    while done < limit {
        match find_sub(rest, &old) {
            Some(p) => {
                out.try_reserve(p + new.len())
                    .map_err(|_| vm.new_memory_error())?;
                out.extend_from_slice(&rest[..p]);
                out.extend_from_slice(&new);
                rest = &rest[p + old.len()..];
                done += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(rest);
    Ok(new_like(vm, ba, out))
}

fn pad_common(vm: &VM, args: &[PyObjectRef], kw: Kw, name: &str) -> PyResult<PyObjectRef> {
    let (s, ba) = zelf(vm, args, name)?;
    check_args(
        vm,
        name,
        Some(owner(ba)),
        args.len().saturating_sub(1),
        kw,
        1,
        2,
    )?;
    let width = index_arg(vm, &args[1])?;
    let fill = match args.get(2) {
        None => b' ',
        Some(f) => match bytes_or_bytearray(f) {
            Some(b) if b.len() == 1 => b[0],
            _ => {
                return Err(vm.new_type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    crate::python::args::arg_type_name(&f)
                )))
            }
        },
    };
    let len = s.len() as isize;
    if width <= len {
        return Ok(new_like(vm, ba, s));
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
    let mut out = Vec::new();
    out.try_reserve_exact(width as usize)
        .map_err(|_| vm.new_memory_error())?;
    out.extend(std::iter::repeat_n(fill, l));
    out.extend_from_slice(&s);
    out.extend(std::iter::repeat_n(fill, r));
    Ok(new_like(vm, ba, out))
}

fn b_ljust(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    pad_common(vm, args, kw, "ljust")
}
fn b_rjust(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    pad_common(vm, args, kw, "rjust")
}
fn b_center(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    pad_common(vm, args, kw, "center")
}

fn b_zfill(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let (s, ba) = zelf(vm, args, "zfill")?;
    let width = index_arg(
        vm,
        one_arg(vm, format_args!("{}.zfill", owner(ba)), args, kw)?,
    )?;
    if width <= s.len() as isize {
        return Ok(new_like(vm, ba, s));
    }
    let fill = width as usize - s.len();
    let mut out = Vec::new();
    out.try_reserve_exact(width as usize)
        .map_err(|_| vm.new_memory_error())?;
    out.extend(std::iter::repeat_n(b'0', fill));
    out.extend_from_slice(&s);
    if matches!(s.first(), Some(b'+' | b'-')) {
        out[0] = s[0];
        out[fill] = b'0';
    }
    Ok(new_like(vm, ba, out))
}

fn b_expandtabs(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let (s, ba) = zelf(vm, args, "expandtabs")?;
    let [tabsize] = bind(vm, "expandtabs", &args[1..], kw, ["tabsize"], 0, 0)?;
    let tab = match tabsize {
        Some(t) => crate::objects::str_methods::c_int_arg(vm, &t)?,
        None => 8,
    };
    let mut out = Vec::new();
    let mut col = 0usize;
    for &b in &s {
        match b {
            b'\t' => {
                if tab > 0 {
                    let n = tab as usize - col % tab as usize;
                    out.try_reserve(n).map_err(|_| vm.new_memory_error())?;
                    out.extend(std::iter::repeat_n(b' ', n));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(b);
                col = 0;
            }
            _ => {
                out.push(b);
                col += 1;
            }
        }
    }
    Ok(new_like(vm, ba, out))
}

// ----- case and predicates (ASCII only, as in CPython) -----------------------

fn title_bytes(s: &[u8]) -> Vec<u8> {
    let mut prev = false;
    s.iter()
        .map(|&b| {
            let r = if prev {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            };
            prev = b.is_ascii_alphabetic();
            r
        })
        .collect()
}

fn capitalize_bytes(s: &[u8]) -> Vec<u8> {
    s.iter()
        .enumerate()
        .map(|(i, b)| {
            if i == 0 {
                b.to_ascii_uppercase()
            } else {
                b.to_ascii_lowercase()
            }
        })
        .collect()
}

fn swapcase_bytes(s: &[u8]) -> Vec<u8> {
    s.iter()
        .map(|&b| {
            if b.is_ascii_uppercase() {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            }
        })
        .collect()
}

fn istitle_bytes(s: &[u8]) -> bool {
    let (mut cased, mut prev) = (false, false);
    for &b in s {
        if b.is_ascii_uppercase() {
            if prev {
                return false;
            }
            prev = true;
            cased = true;
        } else if b.is_ascii_lowercase() {
            if !prev {
                return false;
            }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    cased
}

macro_rules! bytes_mapper {
    ($fname:ident, $name:literal, |$s:ident| $body:expr) => {
        fn $fname(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
            let ($s, ba) = zelf(vm, args, $name)?;
            no_args(
                vm,
                if ba {
                    concat!("bytearray.", $name)
                } else {
                    concat!("bytes.", $name)
                },
                args,
                kw,
            )?;
            Ok(new_like(vm, ba, $body))
        }
    };
}

bytes_mapper!(b_lower, "lower", |s| s.to_ascii_lowercase());
bytes_mapper!(b_upper, "upper", |s| s.to_ascii_uppercase());
bytes_mapper!(b_title, "title", |s| title_bytes(&s));
bytes_mapper!(b_capitalize, "capitalize", |s| capitalize_bytes(&s));
bytes_mapper!(b_swapcase, "swapcase", |s| swapcase_bytes(&s));

macro_rules! bytes_pred {
    ($fname:ident, $name:literal, |$s:ident| $body:expr) => {
        fn $fname(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
            let ($s, ba) = zelf(vm, args, $name)?;
            no_args(
                vm,
                if ba {
                    concat!("bytearray.", $name)
                } else {
                    concat!("bytes.", $name)
                },
                args,
                kw,
            )?;
            Ok(vm.new_bool($body))
        }
    };
}

bytes_pred!(b_isascii, "isascii", |s| s.is_ascii());
bytes_pred!(b_isalpha, "isalpha", |s| !s.is_empty()
    && s.iter().all(|b| b.is_ascii_alphabetic()));
bytes_pred!(b_isalnum, "isalnum", |s| !s.is_empty()
    && s.iter().all(|b| b.is_ascii_alphanumeric()));
bytes_pred!(b_isdigit, "isdigit", |s| !s.is_empty()
    && s.iter().all(|b| b.is_ascii_digit()));
bytes_pred!(b_isspace, "isspace", |s| !s.is_empty()
    && s.iter().all(|b| is_ascii_space(*b)));
bytes_pred!(b_islower, "islower", |s| s
    .iter()
    .any(|b| b.is_ascii_lowercase())
    && !s.iter().any(|b| b.is_ascii_uppercase()));
bytes_pred!(b_isupper, "isupper", |s| s
    .iter()
    .any(|b| b.is_ascii_uppercase())
    && !s.iter().any(|b| b.is_ascii_lowercase()));
bytes_pred!(b_istitle, "istitle", |s| istitle_bytes(&s));

// ----- translate / hex / decode -------------------------------------------------

fn b_translate(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let (s, ba) = zelf(vm, args, "translate")?;
    let [table, delete] = bind(vm, "translate", &args[1..], kw, ["table", "delete"], 1, 1)?;
    let table = match &table {
        Some(t) if !vm.is_none(t) => {
            let t = bytes_arg(vm, t)?;
            if t.len() != 256 {
                return Err(vm.new_value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
        _ => None,
    };
    let delete = match &delete {
        Some(d) => bytes_arg(vm, d)?,
        None => Vec::new(),
    };
    let out = s
        .iter()
        .filter(|b| !delete.contains(b))
        .map(|&b| table.as_ref().map(|t| t[b as usize]).unwrap_or(b))
        .collect();
    Ok(new_like(vm, ba, out))
}

fn b_maketrans(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    check_args(vm, "maketrans", Some("bytes"), args.len(), kw, 2, 2)?;
    let from = bytes_arg(vm, &args[0])?;
    let to = bytes_arg(vm, &args[1])?;
    if from.len() != to.len() {
        return Err(vm.new_value_error("maketrans arguments must have same length"));
    }
    let mut t: Vec<u8> = (0..=255u8).collect();
    for (a, b) in from.iter().zip(&to) {
        t[*a as usize] = *b;
    }
    Ok(vm.new_bytes(t))
}

/// `bytes.hex([sep[, bytes_per_sep]])`.
pub(crate) fn hex_with_sep(
    vm: &VM,
    s: &[u8],
    sep: Option<&PyObjectRef>,
    per: Option<&PyObjectRef>,
) -> PyResult<String> {
    // Argument Clinic converts bytes_per_sep (a C int) before the
    // separator is looked at.
    let per = match per {
        Some(p) => {
            let i = vm.to_index(p)?;
            match i.downcast_ref::<PyInt>().and_then(|i| i.as_i64()) {
                Some(v) if i32::try_from(v).is_ok() => v as isize,
                _ => return Err(vm.new_overflow_error("Python int too large to convert to C int")),
            }
        }
        None => 1,
    };
    let sep_char = match sep {
        None => None,
        Some(o) => {
            if vm.len(o)? != 1 {
                return Err(vm.new_value_error("sep must be length 1."));
            }
            let c = if let Some(st) = o.downcast_ref::<PyStr>() {
                st.as_str().chars().next().map_or(0, |c| c as u32)
            } else if let Some(b) = o.downcast_ref::<PyBytes>() {
                b.as_bytes().first().map_or(0, |b| *b as u32)
            } else {
                return Err(vm.new_type_error("sep must be str or bytes."));
            };
            if c > 127 {
                return Err(vm.new_value_error("sep must be ASCII."));
            }
            Some(c as u8 as char)
        }
    };
    let hex: Vec<String> = s.iter().map(|b| format!("{b:02x}")).collect();
    let Some(sep) = sep_char else {
        return Ok(hex.concat());
    };
    if per == 0 || s.is_empty() {
        return Ok(hex.concat());
    }
    let group = per.unsigned_abs();
    let mut groups: Vec<String> = Vec::new();
    if per > 0 {
        // Groups counted from the right.
        let first = s.len() % group;
        if first > 0 {
            groups.push(hex[..first].concat());
        }
        for c in hex[first..].chunks(group) {
            groups.push(c.concat());
        }
    } else {
        for c in hex.chunks(group) {
            groups.push(c.concat());
        }
    }
    Ok(groups.join(&sep.to_string()))
}

fn b_hex(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let (s, _) = zelf(vm, args, "hex")?;
    let [sep, per] = bind(vm, "hex", &args[1..], kw, ["sep", "bytes_per_sep"], 0, 0)?;
    Ok(vm.new_str_obj(hex_with_sep(vm, &s, sep.as_ref(), per.as_ref())?))
}

/// `bytes.fromhex(string)` / `bytearray.fromhex(string)` (classmethod).
fn b_fromhex(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let is_bytearray = args
        .first()
        .is_some_and(|c| c.is(vm.types.bytearray_type.as_object()));
    let owner = if is_bytearray { "bytearray" } else { "bytes" };
    let arg = crate::objects::str_methods::one_arg(vm, format_args!("{owner}.fromhex"), args, kw)?;
    let cls = args[0].clone();
    let Some(text) = arg.downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error(format!(
            "fromhex() argument must be str, not {}",
            crate::python::args::arg_type_name(&args[1])
        )));
    };
    let chars: Vec<char> = text.as_str().chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let bad = |pos: usize| {
        vm.new_value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {pos}"
        ))
    };
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() || chars[i] == '\x0b' {
            i += 1;
            continue;
        }
        let hi = chars[i]
            .to_digit(16)
            .filter(|_| chars[i].is_ascii())
            .ok_or_else(|| bad(i))?;
        let lo = chars
            .get(i + 1)
            .and_then(|c| c.to_digit(16).filter(|_| c.is_ascii()))
            .ok_or_else(|| bad(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    let is_bytearray = cls.is(vm.types.bytearray_type.as_object());
    let is_bytes = cls.is(vm.types.bytes_type.as_object());
    let v = new_like(vm, is_bytearray, out);
    if is_bytes || is_bytearray {
        return Ok(v);
    }
    // A subclass: `cls(result)`.
    vm.call1(&cls, v)
}

fn b_decode(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let (s, _) = zelf(vm, args, "decode")?;
    let [enc, err] = bind(vm, "decode", &args[1..], kw, ["encoding", "errors"], 0, 0)?;
    let enc = match &enc {
        Some(e) => crate::objects::strobject::str_arg(vm, e, "decode", "'encoding'")?,
        None => "utf-8",
    };
    let err = match &err {
        Some(e) => crate::objects::strobject::str_arg(vm, e, "decode", "'errors'")?,
        None => "strict",
    };
    crate::objects::codecs::decode_to_str(vm, &s, enc, err)
}

/// Registers the shared methods on `bytes` or `bytearray`.
pub(crate) fn init_common(vm: &VM, t: &crate::object::PyTypeRef) {
    vm.add_method(t, "find", b_find);
    vm.add_method(t, "rfind", b_rfind);
    vm.add_method(t, "index", b_index);
    vm.add_method(t, "rindex", b_rindex);
    vm.add_method(t, "count", b_count);
    vm.add_method(t, "startswith", b_startswith);
    vm.add_method(t, "endswith", b_endswith);
    vm.add_method(t, "split", b_split);
    vm.add_method(t, "rsplit", b_rsplit);
    vm.add_method(t, "splitlines", b_splitlines);
    vm.add_method(t, "join", b_join);
    vm.add_method(t, "partition", b_partition);
    vm.add_method(t, "rpartition", b_rpartition);
    vm.add_method(t, "strip", b_strip);
    vm.add_method(t, "lstrip", b_lstrip);
    vm.add_method(t, "rstrip", b_rstrip);
    vm.add_method(t, "removeprefix", b_removeprefix);
    vm.add_method(t, "removesuffix", b_removesuffix);
    vm.add_method(t, "replace", b_replace);
    vm.add_method(t, "ljust", b_ljust);
    vm.add_method(t, "rjust", b_rjust);
    vm.add_method(t, "center", b_center);
    vm.add_method(t, "zfill", b_zfill);
    vm.add_method(t, "expandtabs", b_expandtabs);
    vm.add_method(t, "lower", b_lower);
    vm.add_method(t, "upper", b_upper);
    vm.add_method(t, "title", b_title);
    vm.add_method(t, "capitalize", b_capitalize);
    vm.add_method(t, "swapcase", b_swapcase);
    vm.add_method(t, "isascii", b_isascii);
    vm.add_method(t, "isalpha", b_isalpha);
    vm.add_method(t, "isalnum", b_isalnum);
    vm.add_method(t, "isdigit", b_isdigit);
    vm.add_method(t, "isspace", b_isspace);
    vm.add_method(t, "islower", b_islower);
    vm.add_method(t, "isupper", b_isupper);
    vm.add_method(t, "istitle", b_istitle);
    vm.add_method(t, "translate", b_translate);
    vm.add_staticmethod(t, "maketrans", b_maketrans);
    vm.add_method(t, "hex", b_hex);
    vm.add_classmethod(t, "fromhex", b_fromhex);
    vm.add_method(t, "decode", b_decode);
}
