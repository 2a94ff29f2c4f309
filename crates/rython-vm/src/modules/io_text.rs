//! `TextIOWrapper` (CPython's Modules/_io/textio.c): decodes the bytes of
//! a buffered stream, translating newlines on the way in and out.
//!
//! Decoded-but-unconsumed text is kept untranslated (`dec[dec_pos..]`) so
//! `tell()` can be computed exactly: the buffer position minus the
//! undecoded bytes minus the re-encoded pending text. Newline translation
//! happens as characters are consumed (`scan`).

use std::cell::{Cell, RefCell};

use super::io_buffered::PyBuffered;
use super::iomodule::{closed_error, io_type, size_arg, unsupported};
use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::codecs;
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::PyTupleRef;
use crate::python::args;
use crate::{PyResult, VM};

const CHUNK: usize = 8192;
const MAX_CHUNK: usize = 1 << 22;

pub struct PyTextIO {
    pub buffer: RefCell<Option<PyObjectRef>>,
    pub encoding: String,
    pub errors: String,
    /// `None`: universal newlines with translation; `Some("")`: universal
    /// without translation; else the one terminator.
    pub newline: Option<String>,
    pub line_buffering: Cell<bool>,
    pub write_through: Cell<bool>,
    pub dec: RefCell<String>,
    pub dec_pos: Cell<usize>,
    pub undecoded: RefCell<Vec<u8>>,
    pub mode: RefCell<Option<PyObjectRef>>,
    /// Kinds of line ends read so far (`newlines`): `SEEN_LF`, `SEEN_CR`,
    /// `SEEN_CRLF`, counted on decoded chunks as CPython's
    /// IncrementalNewlineDecoder does (universal newlines only).
    pub seen_nl: Cell<u8>,
    /// A chunk ended with `\r`: counted with the next one (it may be half
    /// of a `\r\n`).
    pub pending_cr: Cell<bool>,
    /// False while iterating with `next()`: `tell()` is refused.
    pub telling: Cell<bool>,
}

const SEEN_LF: u8 = 1;
const SEEN_CR: u8 = 2;
const SEEN_CRLF: u8 = 4;

impl PyPayload for PyTextIO {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.object_type
    }
}

pub fn text<'a>(vm: &VM, o: &'a PyObjectRef) -> PyResult<&'a PyTextIO> {
    o.downcast_ref::<PyTextIO>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a '_io.TextIOWrapper' object but received a '{}'",
            o.class().name_string()
        ))
    })
}

/// Length of an incomplete UTF-8 sequence at the end of `b`.
fn utf8_incomplete_tail(b: &[u8]) -> usize {
    for back in 1..=3.min(b.len()) {
        let c = b[b.len() - back];
        if c & 0xC0 == 0x80 {
            continue;
        }
        let need = if c >= 0xF0 {
            4
        } else if c >= 0xE0 {
            3
        } else if c >= 0xC0 {
            2
        } else {
            1
        };
        return if need > back { back } else { 0 };
    }
    0
}

/// Outcome of scanning pending text.
enum Scan {
    /// (text to hand out, bytes of `dec` consumed)
    Done(String, usize),
    NeedMore,
}

impl PyTextIO {
    pub fn buffer(&self, vm: &VM) -> PyResult<PyObjectRef> {
        self.buffer
            .borrow()
            .clone()
            .ok_or_else(|| vm.new_value_error("underlying buffer has been detached"))
    }

    pub fn is_closed(&self, vm: &VM) -> PyResult<bool> {
        let b = self.buffer(vm)?;
        if let Some(bf) = b.downcast_ref::<PyBuffered>() {
            if let Some(raw) = bf.raw.borrow().as_ref() {
                if let Some(f) = raw.downcast_ref::<super::io_file::PyFileIO>() {
                    return Ok(f.closed.get());
                }
            }
        }
        let c = vm.get_attr(&b, &vm.intern("closed"))?;
        vm.is_true(&c)
    }

    fn check_open(&self, vm: &VM) -> PyResult<PyObjectRef> {
        let b = self.buffer(vm)?;
        if self.is_closed(vm)? {
            return Err(closed_error(vm));
        }
        Ok(b)
    }

    /// Reads one chunk from the buffer into `dec`; false at EOF.
    /// Reads up to `size` bytes (everything when None) from the buffer
    /// into `dec`; false at EOF.
    fn fill(&self, vm: &VM, buf: &PyObjectRef, size: Option<usize>) -> PyResult<bool> {
        let chunk = if let Some(b) = buf.downcast_ref::<PyBuffered>() {
            match size {
                Some(n) => b.read1(vm, Some(n))?,
                None => b.read(vm, None)?,
            }
        } else {
            let r = match size {
                None => vm.call_method(buf, "read", &[])?,
                Some(n) => match vm.get_attr_opt_str(buf, "read1")? {
                    Some(f) => vm.call(&f, &[vm.new_int(n as i64)], None)?,
                    None => vm.call_method(buf, "read", &[vm.new_int(n as i64)])?,
                },
            };
            if vm.is_none(&r) {
                Vec::new()
            } else {
                super::io_buffered::bytes_result(vm, &r)?
            }
        };
        let eof = chunk.is_empty() || size.is_none();
        let mut und = std::mem::take(&mut *self.undecoded.borrow_mut());
        und.extend(chunk);
        let keep = if !eof && self.is_utf8() {
            utf8_incomplete_tail(&und)
        } else {
            0
        };
        let tail = und.split_off(und.len() - keep);
        *self.undecoded.borrow_mut() = tail;
        if !und.is_empty() || (eof && self.pending_cr.get()) {
            let s = codecs::decode_bytes(vm, &und, &self.encoding, &self.errors)?;
            self.note_newlines(&s, eof);
            let mut d = self.dec.borrow_mut();
            if self.dec_pos.get() > 0 {
                let p = self.dec_pos.get();
                d.drain(..p);
                self.dec_pos.set(0);
            }
            d.push_str(&s);
        }
        Ok(!eof)
    }

    /// Records the kinds of line ends in a decoded chunk.
    fn note_newlines(&self, s: &str, eof: bool) {
        if !matches!(self.newline.as_deref(), None | Some("")) {
            return;
        }
        let mut text = String::new();
        if self.pending_cr.replace(false) {
            text.push('\r');
        }
        text.push_str(s);
        if !eof && text.ends_with('\r') {
            text.pop();
            self.pending_cr.set(true);
        }
        let crlf = text.matches("\r\n").count();
        let cr = text.matches('\r').count() - crlf;
        let lf = text.matches('\n').count() - crlf;
        let mut seen = self.seen_nl.get();
        if lf > 0 {
            seen |= SEEN_LF;
        }
        if cr > 0 {
            seen |= SEEN_CR;
        }
        if crlf > 0 {
            seen |= SEEN_CRLF;
        }
        self.seen_nl.set(seen);
    }

    fn is_utf8(&self) -> bool {
        matches!(
            self.encoding
                .to_ascii_lowercase()
                .replace('_', "-")
                .as_str(),
            "utf-8" | "utf8"
        )
    }

    /// Consumes up to `limit` characters (translated), stopping after a
    /// line end when `line`; `NeedMore` if the answer depends on text not
    /// yet read.
    fn scan(&self, limit: Option<usize>, line: bool, eof: bool) -> Scan {
        let d = self.dec.borrow();
        let s = &d[self.dec_pos.get()..];
        let mut out = String::new();
        let mut count = 0usize;
        let mut it = s.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if limit.is_some_and(|l| count >= l) {
                return Scan::Done(out, i);
            }
            let mut ended = false;
            match (self.newline.as_deref(), c) {
                (None | Some(""), '\r') => {
                    let translate = self.newline.is_none();
                    match it.peek() {
                        Some((_, '\n')) => {
                            it.next();
                            out.push_str(if translate { "\n" } else { "\r\n" });
                        }
                        Some(_) => out.push(if translate { '\n' } else { '\r' }),
                        None if eof => out.push(if translate { '\n' } else { '\r' }),
                        None => return Scan::NeedMore,
                    }
                    ended = true;
                }
                (None | Some("") | Some("\n"), '\n') => {
                    out.push('\n');
                    ended = true;
                }
                (Some("\r"), '\r') => {
                    out.push('\r');
                    ended = true;
                }
                (Some("\r\n"), '\r') => match it.peek() {
                    Some((_, '\n')) => {
                        it.next();
                        out.push_str("\r\n");
                        ended = true;
                    }
                    None if !eof => return Scan::NeedMore,
                    _ => out.push('\r'),
                },
                _ => out.push(c),
            }
            count += 1;
            if ended && line {
                let end = it.peek().map(|(j, _)| *j).unwrap_or(s.len());
                return Scan::Done(out, end);
            }
        }
        if eof || limit.is_some_and(|l| count >= l) {
            Scan::Done(out, s.len())
        } else {
            Scan::NeedMore
        }
    }

    fn consume(&self, vm: &VM, limit: Option<usize>, line: bool) -> PyResult<String> {
        let buf = self.check_open(vm)?;
        if !self.readable(vm, &buf)? {
            return Err(unsupported(vm, "not readable"));
        }
        self.flush_pending_writes(vm, &buf)?;
        let mut eof = false;
        // Growing chunks keep long lines and big reads linear: each failed
        // scan rescans the pending text.
        let mut chunk = CHUNK.max(limit.unwrap_or(0).min(MAX_CHUNK));
        loop {
            if let Scan::Done(out, used) = self.scan(limit, line, eof) {
                self.dec_pos.set(self.dec_pos.get() + used);
                return Ok(out);
            }
            let size = if limit.is_none() && !line {
                None
            } else {
                Some(chunk)
            };
            if !self.fill(vm, &buf, size)? {
                eof = true;
            }
            chunk = (chunk * 2).min(MAX_CHUNK);
        }
    }

    fn readable(&self, vm: &VM, buf: &PyObjectRef) -> PyResult<bool> {
        if let Some(b) = buf.downcast_ref::<PyBuffered>() {
            return Ok(b.kind != super::io_buffered::Kind::Writer);
        }
        let r = vm.call_method(buf, "readable", &[])?;
        vm.is_true(&r)
    }

    fn flush_pending_writes(&self, _vm: &VM, _buf: &PyObjectRef) -> PyResult<()> {
        Ok(())
    }

    /// Drops decoded read-ahead, seeking the buffer back to the logical
    /// position (before a write or a seek).
    fn drop_readahead(&self, vm: &VM, buf: &PyObjectRef) -> PyResult<()> {
        let pending = self.pending_bytes(vm)?;
        self.dec.borrow_mut().clear();
        self.dec_pos.set(0);
        self.undecoded.borrow_mut().clear();
        if pending > 0 {
            vm.call_method(buf, "seek", &[vm.new_int(-(pending as i64)), vm.new_int(1)])?;
        }
        Ok(())
    }

    fn pending_bytes(&self, vm: &VM) -> PyResult<usize> {
        let d = self.dec.borrow();
        let rest = &d[self.dec_pos.get()..];
        let n = if rest.is_empty() {
            0
        } else if self.is_utf8() {
            rest.len()
        } else {
            codecs::encode_str(vm, rest, false, &self.encoding, "surrogatepass")
                .map(|v| v.len())
                .unwrap_or_else(|_| rest.chars().count())
        };
        Ok(n + self.undecoded.borrow().len())
    }

    /// `write(s)`: translate, encode, hand to the buffer; flush per the
    /// line-buffering / write-through settings.
    pub fn write_str(&self, vm: &VM, s: &str) -> PyResult<()> {
        let buf = self.check_open(vm)?;
        if !self.dec.borrow().is_empty() || !self.undecoded.borrow().is_empty() {
            self.drop_readahead(vm, &buf)?;
        }
        let translated;
        let s = match self.newline.as_deref() {
            Some("\r") | Some("\r\n") if s.contains('\n') => {
                translated = s.replace('\n', self.newline.as_deref().unwrap_or("\n"));
                translated.as_str()
            }
            _ => s,
        };
        let data = if self.is_utf8() && !rython_common::surrogates::has_stand_in(s) {
            s.as_bytes().to_vec()
        } else {
            codecs::encode_str(vm, s, false, &self.encoding, &self.errors)?
        };
        let flush = self.write_through.get()
            || (self.line_buffering.get() && (s.contains('\n') || s.contains('\r')));
        if let Some(f) = buf.downcast_ref::<super::io_file::PyFileIO>() {
            if !f.writable {
                return Err(unsupported(vm, "not writable"));
            }
            let mut rest = &data[..];
            while !rest.is_empty() {
                let n = f
                    .write(rest)
                    .map_err(|e| super::iomodule::os_error_from(vm, &e, None))?;
                if n == 0 {
                    break;
                }
                rest = &rest[n..];
            }
        } else if let Some(b) = buf.downcast_ref::<PyBuffered>() {
            if b.kind == super::io_buffered::Kind::Reader {
                return Err(unsupported(vm, "not writable"));
            }
            b.write(vm, &data)?;
            if flush {
                b.flush(vm)?;
            }
        } else {
            vm.call_method(&buf, "write", &[vm.new_bytes(data)])?;
            if flush {
                vm.call_method(&buf, "flush", &[])?;
            }
        }
        Ok(())
    }

    pub fn flush(&self, vm: &VM) -> PyResult<()> {
        let buf = self.check_open(vm)?;
        if let Some(b) = buf.downcast_ref::<PyBuffered>() {
            return b.flush(vm);
        }
        if buf.payload_is::<super::io_file::PyFileIO>() {
            return Ok(());
        }
        vm.call_method(&buf, "flush", &[])?;
        Ok(())
    }
}

/// Makes a TextIOWrapper over `buffer`. `newline` is `None` when not given
/// (universal, translating) or `Some(n)`.
pub fn new_text(
    vm: &VM,
    buffer: PyObjectRef,
    encoding: Option<&str>,
    errors: Option<&str>,
    newline: Option<Option<&str>>,
    line_buffering: bool,
    write_through: bool,
) -> PyResult {
    let cls = io_type(vm, "TextIOWrapper")?;
    build(
        vm,
        &cls,
        buffer,
        encoding,
        errors,
        newline.flatten(),
        line_buffering,
        write_through,
    )
}

#[allow(clippy::too_many_arguments)]
fn build(
    vm: &VM,
    cls: &PyTypeRef,
    buffer: PyObjectRef,
    encoding: Option<&str>,
    errors: Option<&str>,
    newline: Option<&str>,
    line_buffering: bool,
    write_through: bool,
) -> PyResult {
    let encoding = match encoding {
        None | Some("locale") => "UTF-8".to_string(),
        Some(e) => {
            codecs::lookup_codec(vm, e)?;
            e.to_string()
        }
    };
    Ok(PyRef::new_with_type(
        PyTextIO {
            buffer: RefCell::new(Some(buffer)),
            encoding,
            errors: errors.unwrap_or("strict").to_string(),
            newline: newline.map(str::to_string),
            line_buffering: Cell::new(line_buffering),
            write_through: Cell::new(write_through),
            dec: RefCell::new(String::new()),
            dec_pos: Cell::new(0),
            undecoded: RefCell::new(Vec::new()),
            mode: RefCell::new(None),
            seen_nl: Cell::new(0),
            pending_cr: Cell::new(false),
            telling: Cell::new(true),
        },
        cls.clone(),
    )
    .into_object())
}

type Args<'a> = &'a [PyObjectRef];
type Kw<'a> = Option<&'a PyTupleRef>;

fn t_new(vm: &VM, cls: &PyTypeRef, a: Args, k: Kw) -> PyResult {
    let [buffer, encoding, errors, newline, lb, wt] = args::bind(
        vm,
        "TextIOWrapper",
        a,
        k,
        [
            "buffer",
            "encoding",
            "errors",
            "newline",
            "line_buffering",
            "write_through",
        ],
        1,
        0,
    )?;
    let s = |v: Option<PyObjectRef>, what: &str| -> PyResult<Option<String>> {
        match v {
            None => Ok(None),
            Some(v) if vm.is_none(&v) => Ok(None),
            Some(v) => match v.downcast_ref::<PyStr>() {
                Some(s) => Ok(Some(s.as_str().to_string())),
                None => Err(vm.new_type_error(format!(
                    "TextIOWrapper() argument '{what}' must be str or None, not {}",
                    crate::python::args::arg_type_name(&v)
                ))),
            },
        }
    };
    let encoding = s(encoding, "encoding")?;
    let errors = s(errors, "errors")?;
    let newline = s(newline, "newline")?;
    if let Some(nl) = &newline {
        if !matches!(nl.as_str(), "" | "\n" | "\r" | "\r\n") {
            let r = nl;
            return Err(vm.new_value_error(format!("illegal newline value: {r}")));
        }
    }
    let flag = |v: Option<PyObjectRef>| -> PyResult<bool> {
        match v {
            Some(v) => vm.is_true(&v),
            None => Ok(false),
        }
    };
    build(
        vm,
        cls,
        buffer.unwrap_or_else(|| vm.none()),
        encoding.as_deref(),
        errors.as_deref(),
        newline.as_deref(),
        flag(lb)?,
        flag(wt)?,
    )
}

fn t_read(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "read", a, k, 1, 2)?;
    let t = text(vm, &a[0])?;
    let n = size_arg(vm, a.get(1))?;
    Ok(vm.new_str_obj(t.consume(vm, n, false)?))
}

fn t_readline(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "readline", a, k, 1, 2)?;
    let t = text(vm, &a[0])?;
    let n = size_arg(vm, a.get(1))?;
    Ok(vm.new_str_obj(t.consume(vm, n, true)?))
}

fn t_iternext(vm: &VM, o: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    if let Some(t) = o.downcast_ref::<PyTextIO>() {
        // tell() is refused while iterating (CPython does not keep the
        // decoder snapshots it would need), until the end or a seek.
        t.telling.set(false);
        let r = if !o.class().payload.is_heap_type() {
            let line = t.consume(vm, None, true)?;
            if line.is_empty() {
                None
            } else {
                Some(vm.new_str_obj(line))
            }
        } else {
            super::iomodule::b_iternext(vm, o)?
        };
        if r.is_none() {
            t.telling.set(true);
        }
        return Ok(r);
    }
    super::iomodule::b_iternext(vm, o)
}

fn t_write(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "write", a, k, 2, 2)?;
    let t = text(vm, &a[0])?;
    let Some(s) = a[1].downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error(format!(
            "write() argument must be str, not {}",
            crate::python::args::arg_type_name(&a[1])
        )));
    };
    t.write_str(vm, s.as_str())?;
    Ok(vm.new_int(s.char_len() as i64))
}

fn t_flush(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "flush", a, k, 1, 1)?;
    text(vm, &a[0])?.flush(vm)?;
    Ok(vm.none())
}

fn t_close(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "close", a, k, 1, 1)?;
    let t = text(vm, &a[0])?;
    let buf = t.buffer(vm)?;
    if t.is_closed(vm)? {
        return Ok(vm.none());
    }
    let r = t.flush(vm);
    vm.call_method(&buf, "close", &[])?;
    r?;
    Ok(vm.none())
}

fn t_tell(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "tell", a, k, 1, 1)?;
    let t = text(vm, &a[0])?;
    let buf = t.check_open(vm)?;
    if !t.telling.get() {
        return Err(vm.new_os_error("telling position disabled by next() call"));
    }
    t.flush(vm)?;
    let pos = vm.call_method(&buf, "tell", &[])?;
    let pos = vm.to_isize(&pos, "")?;
    Ok(vm.new_int(pos - t.pending_bytes(vm)? as i64))
}

fn t_seek(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "seek", a, k, 2, 3)?;
    let t = text(vm, &a[0])?;
    let buf = t.check_open(vm)?;
    let off = vm.to_isize(&a[1], "")?;
    let wh = match a.get(2) {
        Some(w) => vm.to_isize(w, "")?,
        None => 0,
    };
    match wh {
        0 => {
            if off < 0 {
                return Err(vm.new_value_error(format!("negative seek position {off}")));
            }
        }
        1 | 2 => {
            if off != 0 {
                return Err(unsupported(
                    vm,
                    if wh == 1 {
                        "can't do nonzero cur-relative seeks"
                    } else {
                        "can't do nonzero end-relative seeks"
                    },
                ));
            }
        }
        _ => return Err(vm.new_value_error(format!("invalid whence ({wh}, should be 0, 1 or 2)"))),
    }
    t.flush(vm)?;
    if wh == 1 {
        let cur = t_tell(vm, &a[..1], None)?;
        t.dec.borrow_mut().clear();
        t.dec_pos.set(0);
        t.undecoded.borrow_mut().clear();
        vm.call_method(&buf, "seek", &[cur.clone()])?;
        return Ok(cur);
    }
    t.dec.borrow_mut().clear();
    t.dec_pos.set(0);
    t.undecoded.borrow_mut().clear();
    t.pending_cr.set(false);
    let r = vm.call_method(&buf, "seek", &[vm.new_int(off), vm.new_int(wh)])?;
    t.telling.set(true);
    if wh == 0 && off == 0 {
        // Back at the start: the decoder is reset, forgetting line ends.
        t.seen_nl.set(0);
    }
    Ok(r)
}

fn t_truncate(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "truncate", a, k, 1, 2)?;
    let t = text(vm, &a[0])?;
    let buf = t.check_open(vm)?;
    t.flush(vm)?;
    let pos = match a.get(1).filter(|p| !vm.is_none(p)) {
        Some(p) => p.clone(),
        None => t_tell(vm, &a[..1], None)?,
    };
    vm.call_method(&buf, "truncate", &[pos])
}

fn t_detach(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "detach", a, k, 1, 1)?;
    let t = text(vm, &a[0])?;
    t.flush(vm)?;
    Ok(t.buffer.borrow_mut().take().unwrap_or_else(|| vm.none()))
}

fn forward(vm: &VM, a: Args, name: &str) -> PyResult {
    let t = text(vm, &a[0])?;
    let buf = t.buffer(vm)?;
    vm.call_method(&buf, name, &[])
}

fn t_fileno(vm: &VM, a: Args, _k: Kw) -> PyResult {
    forward(vm, a, "fileno")
}
fn t_isatty(vm: &VM, a: Args, _k: Kw) -> PyResult {
    forward(vm, a, "isatty")
}
fn t_readable(vm: &VM, a: Args, _k: Kw) -> PyResult {
    forward(vm, a, "readable")
}
fn t_writable(vm: &VM, a: Args, _k: Kw) -> PyResult {
    forward(vm, a, "writable")
}
fn t_seekable(vm: &VM, a: Args, _k: Kw) -> PyResult {
    forward(vm, a, "seekable")
}

fn t_reconfigure(vm: &VM, a: Args, k: Kw) -> PyResult {
    let [lb, wt] = args::bind(
        vm,
        "reconfigure",
        &a[1..],
        k,
        ["line_buffering", "write_through"],
        0,
        0,
    )?;
    let t = text(vm, &a[0])?;
    t.flush(vm)?;
    if let Some(v) = lb.filter(|v| !vm.is_none(v)) {
        t.line_buffering.set(vm.is_true(&v)?);
    }
    if let Some(v) = wt.filter(|v| !vm.is_none(v)) {
        t.write_through.set(vm.is_true(&v)?);
    }
    Ok(vm.none())
}

fn g_buffer(vm: &VM, o: &PyObjectRef) -> PyResult {
    text(vm, o)?.buffer(vm)
}
fn g_closed(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_bool(text(vm, o)?.is_closed(vm)?))
}
fn g_name(vm: &VM, o: &PyObjectRef) -> PyResult {
    let b = text(vm, o)?.buffer(vm)?;
    vm.get_attr(&b, &vm.intern("name"))
}
fn g_encoding(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_str_obj(text(vm, o)?.encoding.as_str()))
}
fn g_errors(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_str_obj(text(vm, o)?.errors.as_str()))
}
fn g_line_buffering(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_bool(text(vm, o)?.line_buffering.get()))
}
fn g_write_through(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_bool(text(vm, o)?.write_through.get()))
}
fn g_newlines(vm: &VM, o: &PyObjectRef) -> PyResult {
    let t = text(vm, o)?;
    let s = |x: &str| vm.new_str_obj(x);
    let tuple = |v: Vec<PyObjectRef>| vm.new_tuple(v).into_object();
    Ok(match t.seen_nl.get() {
        0 => vm.none(),
        1 => s("\n"),
        2 => s("\r"),
        3 => tuple(vec![s("\r"), s("\n")]),
        4 => s("\r\n"),
        5 => tuple(vec![s("\n"), s("\r\n")]),
        6 => tuple(vec![s("\r"), s("\r\n")]),
        _ => tuple(vec![s("\r"), s("\n"), s("\r\n")]),
    })
}
fn g_mode(vm: &VM, o: &PyObjectRef) -> PyResult {
    match text(vm, o)?.mode.borrow().clone() {
        Some(m) => Ok(m),
        None => Err(vm.new_no_attribute_error(o, "mode")),
    }
}
fn s_mode(vm: &VM, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    *text(vm, o)?.mode.borrow_mut() = v;
    Ok(())
}

fn t_repr(vm: &VM, o: &PyObjectRef) -> PyResult {
    let t = text(vm, o)?;
    let tn = o.class().name_string();
    let mut s = format!("<_io.{tn}");
    if let Ok(Some(n)) = vm.get_attr_opt_str(o, "name") {
        s.push_str(&format!(" name={}", vm.repr(&n)?.payload.as_str()));
    }
    if let Some(m) = t.mode.borrow().clone() {
        s.push_str(&format!(" mode={}", vm.repr(&m)?.payload.as_str()));
    }
    s.push_str(&format!(" encoding='{}'>", t.encoding));
    Ok(vm.new_str_obj(s))
}

pub fn make_type(vm: &VM, base: &PyTypeRef) -> PyTypeRef {
    let t = crate::vm::new_static_type::<PyTextIO>(
        &vm.types.type_type,
        "TextIOWrapper",
        Some(base),
        crate::objects::typeobject::flags::BASETYPE,
    );
    t.payload.slots.new.set(Some(t_new));
    t.payload.slots.repr.set(Some(t_repr));
    super::iomodule::stream_slots(vm, &t);
    t.payload.slots.iternext.set(Some(t_iternext));
    vm.add_method(&t, "read", t_read);
    vm.add_method(&t, "readline", t_readline);
    vm.add_method(&t, "write", t_write);
    vm.add_method(&t, "flush", t_flush);
    vm.add_method(&t, "close", t_close);
    vm.add_method(&t, "tell", t_tell);
    vm.add_method(&t, "seek", t_seek);
    vm.add_method(&t, "truncate", t_truncate);
    vm.add_method(&t, "detach", t_detach);
    vm.add_method(&t, "fileno", t_fileno);
    vm.add_method(&t, "isatty", t_isatty);
    vm.add_method(&t, "readable", t_readable);
    vm.add_method(&t, "writable", t_writable);
    vm.add_method(&t, "seekable", t_seekable);
    vm.add_method(&t, "reconfigure", t_reconfigure);
    vm.add_getset(&t, "buffer", g_buffer, None);
    vm.add_getset(&t, "closed", g_closed, None);
    vm.add_getset(&t, "name", g_name, None);
    vm.add_getset(&t, "encoding", g_encoding, None);
    vm.add_getset(&t, "errors", g_errors, None);
    vm.add_getset(&t, "line_buffering", g_line_buffering, None);
    vm.add_getset(&t, "write_through", g_write_through, None);
    vm.add_getset(&t, "newlines", g_newlines, None);
    vm.add_getset(&t, "mode", g_mode, Some(s_mode));
    t
}
