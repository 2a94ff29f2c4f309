//! `BufferedReader`, `BufferedWriter`, `BufferedRandom` (CPython's
//! Modules/_io/bufferedio.c): one Rust layout, `PyBuffered`, whose `kind`
//! says which operations the type allows. The raw stream is called
//! through Rust directly when it is a `FileIO`, else through its methods.

use std::cell::{Cell, RefCell};
use std::io::SeekFrom;

use super::io_file::{whence_seek, PyFileIO};
use super::iomodule::{bytes_like, closed_error, io_type, os_error_from, size_arg, unsupported};
use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::bytesobject::PyBytes;
use crate::objects::tupleobject::PyTupleRef;
use crate::python::args;
use crate::{PyResult, VM};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Reader,
    Writer,
    Random,
}

pub struct PyBuffered {
    pub raw: RefCell<Option<PyObjectRef>>,
    pub kind: Kind,
    pub size: usize,
    /// Read-ahead bytes not yet handed out (from `rpos`).
    pub rbuf: RefCell<Vec<u8>>,
    pub rpos: Cell<usize>,
    pub wbuf: RefCell<Vec<u8>>,
}

impl PyPayload for PyBuffered {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.object_type
    }
}

/// A buffered file dropped without `close()` still writes its data, as
/// CPython's finalizer does (`open(p, "w").write(s)` is common). Only a
/// FileIO raw can be written without running Python code here.
impl Drop for PyBuffered {
    fn drop(&mut self) {
        let data = std::mem::take(self.wbuf.get_mut());
        if data.is_empty() {
            return;
        }
        if let Some(raw) = self.raw.get_mut().as_ref() {
            if let Some(f) = raw.downcast_ref::<PyFileIO>() {
                if !f.closed.get() {
                    let mut rest = &data[..];
                    while !rest.is_empty() {
                        match f.write(rest) {
                            Ok(0) | Err(_) => break,
                            Ok(n) => rest = &rest[n.min(rest.len())..],
                        }
                    }
                }
            }
        }
    }
}

// ----- raw-stream access ----------------------------------------------------

fn raw_read(vm: &VM, raw: &PyObjectRef, n: Option<usize>) -> PyResult<Option<Vec<u8>>> {
    if let Some(f) = raw.downcast_ref::<PyFileIO>() {
        if f.closed.get() {
            return Err(closed_error(vm));
        }
        return f.read_checked(vm, n).map(Some);
    }
    let r = match n {
        Some(n) => vm.call_method(raw, "read", &[vm.new_int(n as i64)])?,
        None => vm.call_method(raw, "readall", &[])?,
    };
    if vm.is_none(&r) {
        return Ok(None);
    }
    Ok(Some(bytes_like(vm, &r)?))
}

fn raw_write_all(vm: &VM, raw: &PyObjectRef, mut data: &[u8]) -> PyResult<()> {
    while !data.is_empty() {
        let n = if let Some(f) = raw.downcast_ref::<PyFileIO>() {
            if f.closed.get() {
                return Err(closed_error(vm));
            }
            f.write(data).map_err(|e| os_error_from(vm, &e, None))?
        } else {
            let r = vm.call_method(raw, "write", &[vm.new_bytes(data.to_vec())])?;
            if vm.is_none(&r) {
                return Err(vm.new_exception_msg(
                    &vm.types.exc.blocking_io_error,
                    "write could not complete without blocking",
                ));
            }
            vm.to_isize(&r, "")?.max(0) as usize
        };
        if n == 0 {
            return Err(vm.new_os_error("raw write() returned 0 bytes"));
        }
        data = &data[n.min(data.len())..];
    }
    Ok(())
}

fn raw_seek(vm: &VM, raw: &PyObjectRef, off: i64, whence: i64) -> PyResult<i64> {
    if let Some(f) = raw.downcast_ref::<PyFileIO>() {
        if f.closed.get() {
            return Err(closed_error(vm));
        }
        let pos = whence_seek(vm, off, whence)?;
        return f
            .seek(pos)
            .map(|p| p as i64)
            .map_err(|e| os_error_from(vm, &e, None));
    }
    let r = vm.call_method(raw, "seek", &[vm.new_int(off), vm.new_int(whence)])?;
    vm.to_isize(&r, "")
}

fn raw_closed(vm: &VM, raw: &PyObjectRef) -> PyResult<bool> {
    if let Some(f) = raw.downcast_ref::<PyFileIO>() {
        return Ok(f.closed.get());
    }
    let c = vm.get_attr(raw, &vm.intern("closed"))?;
    vm.is_true(&c)
}

// ----- the buffered object --------------------------------------------------

impl PyBuffered {
    pub fn raw(&self, vm: &VM) -> PyResult<PyObjectRef> {
        self.raw
            .borrow()
            .clone()
            .ok_or_else(|| vm.new_value_error("raw stream has been detached"))
    }

    fn check_open(&self, vm: &VM) -> PyResult<PyObjectRef> {
        let raw = self.raw(vm)?;
        if raw_closed(vm, &raw)? {
            return Err(closed_error(vm));
        }
        Ok(raw)
    }

    fn check_readable(&self, vm: &VM) -> PyResult<PyObjectRef> {
        let raw = self.check_open(vm)?;
        if self.kind == Kind::Writer {
            return Err(unsupported(vm, "read"));
        }
        Ok(raw)
    }

    /// Drops the read-ahead, moving the raw position back to the logical one.
    fn drop_readahead(&self, vm: &VM, raw: &PyObjectRef) -> PyResult<()> {
        let ahead = self.rbuf.borrow().len() - self.rpos.get();
        self.rbuf.borrow_mut().clear();
        self.rpos.set(0);
        if ahead > 0 {
            raw_seek(vm, raw, -(ahead as i64), 1)?;
        }
        Ok(())
    }

    pub fn flush_writes(&self, vm: &VM) -> PyResult<()> {
        let data = std::mem::take(&mut *self.wbuf.borrow_mut());
        if data.is_empty() {
            return Ok(());
        }
        let raw = self.raw(vm)?;
        raw_write_all(vm, &raw, &data)
    }

    pub fn write(&self, vm: &VM, data: &[u8]) -> PyResult<usize> {
        let raw = self.check_open(vm)?;
        if self.kind == Kind::Reader {
            return Err(unsupported(vm, "write"));
        }
        if self.rpos.get() < self.rbuf.borrow().len() {
            self.drop_readahead(vm, &raw)?;
        }
        let full = {
            let mut w = self.wbuf.borrow_mut();
            w.extend_from_slice(data);
            w.len() >= self.size
        };
        if full {
            self.flush_writes(vm)?;
        }
        Ok(data.len())
    }

    pub fn flush(&self, vm: &VM) -> PyResult<()> {
        self.check_open(vm)?;
        self.flush_writes(vm)
    }

    /// Up to `n` bytes (all when None), reading the raw stream as needed.
    pub fn read(&self, vm: &VM, n: Option<usize>) -> PyResult<Vec<u8>> {
        let raw = self.check_readable(vm)?;
        self.flush_writes(vm)?;
        let mut out = {
            let b = self.rbuf.borrow();
            let avail = &b[self.rpos.get()..];
            let take = n.map_or(avail.len(), |n| n.min(avail.len()));
            self.rpos.set(self.rpos.get() + take);
            avail[..take].to_vec()
        };
        match n {
            None => {
                if let Some(rest) = raw_read(vm, &raw, None)? {
                    out.extend(rest);
                }
            }
            Some(n) => {
                while out.len() < n {
                    let want = (n - out.len()).max(self.size);
                    match raw_read(vm, &raw, Some(want))? {
                        Some(chunk) if !chunk.is_empty() => {
                            let need = n - out.len();
                            if chunk.len() > need {
                                out.extend_from_slice(&chunk[..need]);
                                *self.rbuf.borrow_mut() = chunk[need..].to_vec();
                                self.rpos.set(0);
                            } else {
                                out.extend(chunk);
                            }
                        }
                        _ => break,
                    }
                }
            }
        }
        Ok(out)
    }

    /// At most one raw read (CPython's `read1`): what is buffered, else
    /// one chunk.
    pub fn read1(&self, vm: &VM, n: Option<usize>) -> PyResult<Vec<u8>> {
        let raw = self.check_readable(vm)?;
        self.flush_writes(vm)?;
        if self.rpos.get() >= self.rbuf.borrow().len() {
            let chunk = raw_read(vm, &raw, Some(self.size.max(n.unwrap_or(0))))?;
            *self.rbuf.borrow_mut() = chunk.unwrap_or_default();
            self.rpos.set(0);
        }
        let b = self.rbuf.borrow();
        let avail = &b[self.rpos.get()..];
        let take = n.map_or(avail.len(), |n| n.min(avail.len()));
        self.rpos.set(self.rpos.get() + take);
        Ok(avail[..take].to_vec())
    }

    pub fn readline(&self, vm: &VM, limit: Option<usize>) -> PyResult<Vec<u8>> {
        self.check_readable(vm)?;
        let mut out = Vec::new();
        loop {
            let chunk_taken = {
                let b = self.rbuf.borrow();
                let avail = &b[self.rpos.get()..];
                let mut end = match avail.iter().position(|&c| c == b'\n') {
                    Some(i) => i + 1,
                    None => avail.len(),
                };
                if let Some(l) = limit {
                    end = end.min(l - out.len());
                }
                out.extend_from_slice(&avail[..end]);
                self.rpos.set(self.rpos.get() + end);
                end
            };
            let _ = chunk_taken;
            if out.last() == Some(&b'\n') || limit.is_some_and(|l| out.len() >= l) {
                break;
            }
            let more = self.read1(vm, None)?;
            if more.is_empty() {
                break;
            }
            // read1 consumed `more`; put it back as read-ahead.
            *self.rbuf.borrow_mut() = more;
            self.rpos.set(0);
        }
        Ok(out)
    }

    pub fn tell(&self, vm: &VM) -> PyResult<i64> {
        let raw = self.check_open(vm)?;
        let pos = raw_seek(vm, &raw, 0, 1)?;
        let ahead = (self.rbuf.borrow().len() - self.rpos.get()) as i64;
        Ok(pos - ahead + self.wbuf.borrow().len() as i64)
    }

    pub fn seek(&self, vm: &VM, off: i64, whence: i64) -> PyResult<i64> {
        let raw = self.check_open(vm)?;
        if !(0..=2).contains(&whence) {
            return Err(vm.new_value_error(format!("whence value {whence} unsupported")));
        }
        self.flush_writes(vm)?;
        let off = if whence == 1 {
            off - (self.rbuf.borrow().len() - self.rpos.get()) as i64
        } else {
            off
        };
        self.rbuf.borrow_mut().clear();
        self.rpos.set(0);
        raw_seek(vm, &raw, off, whence)
    }
}

pub fn buffered<'a>(vm: &VM, o: &'a PyObjectRef) -> PyResult<&'a PyBuffered> {
    o.downcast_ref::<PyBuffered>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a buffered object but received a '{}'",
            o.class().name_string()
        ))
    })
}

pub fn new_buffered(vm: &VM, kind: Kind, raw: PyObjectRef, size: usize) -> PyResult {
    let name = match kind {
        Kind::Reader => "BufferedReader",
        Kind::Writer => "BufferedWriter",
        Kind::Random => "BufferedRandom",
    };
    let cls = io_type(vm, name)?;
    Ok(make(kind, raw, size, &cls))
}

fn make(kind: Kind, raw: PyObjectRef, size: usize, cls: &PyTypeRef) -> PyObjectRef {
    PyRef::new_with_type(
        PyBuffered {
            raw: RefCell::new(Some(raw)),
            kind,
            size: size.max(1),
            rbuf: RefCell::new(Vec::new()),
            rpos: Cell::new(0),
            wbuf: RefCell::new(Vec::new()),
        },
        cls.clone(),
    )
    .into_object()
}

fn kind_of(vm: &VM, cls: &PyTypeRef) -> Kind {
    for (n, k) in [
        ("BufferedRandom", Kind::Random),
        ("BufferedWriter", Kind::Writer),
    ] {
        if let Ok(t) = io_type(vm, n) {
            if cls.is_subtype(&t) {
                return k;
            }
        }
    }
    Kind::Reader
}

fn x_new(vm: &VM, cls: &PyTypeRef, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let name = cls.name_string();
    let [raw, size] = args::bind(vm, &name, a, k, ["raw", "buffer_size"], 1, 0)?;
    let size = match size {
        Some(s) => vm.to_isize(&s, "")?,
        None => super::iomodule::DEFAULT_BUFFER_SIZE as i64,
    };
    if size <= 0 {
        return Err(vm.new_value_error("buffer size must be strictly positive"));
    }
    let raw = raw.unwrap_or_else(|| vm.none());
    Ok(make(kind_of(vm, cls), raw, size as usize, cls))
}

type Args<'a> = &'a [PyObjectRef];
type Kw<'a> = Option<&'a PyTupleRef>;

fn x_read(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "read", a, k, 1, 2)?;
    let b = buffered(vm, &a[0])?;
    let n = size_arg(vm, a.get(1))?;
    Ok(vm.new_bytes(b.read(vm, n)?))
}

fn x_readinto(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "readinto", a, k, 2, 2)?;
    let b = buffered(vm, &a[0])?;
    super::iomodule::readinto_with(vm, &a[1], |n| b.read(vm, Some(n)))
}

fn x_read1(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "read1", a, k, 1, 2)?;
    let b = buffered(vm, &a[0])?;
    let n = size_arg(vm, a.get(1))?;
    Ok(vm.new_bytes(b.read1(vm, n)?))
}

fn x_peek(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "peek", a, k, 1, 2)?;
    let b = buffered(vm, &a[0])?;
    let data = b.read1(vm, None)?;
    // Un-consume what read1 handed out.
    *b.rbuf.borrow_mut() = data.clone();
    b.rpos.set(0);
    Ok(vm.new_bytes(data))
}

fn x_readline(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "readline", a, k, 1, 2)?;
    let b = buffered(vm, &a[0])?;
    let n = size_arg(vm, a.get(1))?;
    Ok(vm.new_bytes(b.readline(vm, n)?))
}

fn x_write(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "write", a, k, 2, 2)?;
    let b = buffered(vm, &a[0])?;
    let data = bytes_like(vm, &a[1])?;
    Ok(vm.new_int(b.write(vm, &data)? as i64))
}

fn x_flush(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "flush", a, k, 1, 1)?;
    buffered(vm, &a[0])?.flush(vm)?;
    Ok(vm.none())
}

fn x_tell(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "tell", a, k, 1, 1)?;
    Ok(vm.new_int(buffered(vm, &a[0])?.tell(vm)?))
}

fn x_seek(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "seek", a, k, 2, 3)?;
    let b = buffered(vm, &a[0])?;
    let off = vm.to_isize(&a[1], "")?;
    let wh = match a.get(2) {
        Some(w) => vm.to_isize(w, "")?,
        None => 0,
    };
    Ok(vm.new_int(b.seek(vm, off, wh)?))
}

fn x_truncate(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "truncate", a, k, 1, 2)?;
    let b = buffered(vm, &a[0])?;
    let raw = b.check_open(vm)?;
    if b.kind == Kind::Reader {
        return Err(unsupported(vm, "truncate"));
    }
    b.flush_writes(vm)?;
    let pos = match a.get(1).filter(|p| !vm.is_none(p)) {
        Some(p) => p.clone(),
        None => vm.new_int(b.tell(vm)?),
    };
    b.drop_readahead(vm, &raw)?;
    vm.call_method(&raw, "truncate", &[pos])
}

fn x_close(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "close", a, k, 1, 1)?;
    let b = buffered(vm, &a[0])?;
    let raw = b.raw(vm)?;
    if raw_closed(vm, &raw)? {
        return Ok(vm.none());
    }
    let r = b.flush_writes(vm);
    vm.call_method(&raw, "close", &[])?;
    r?;
    Ok(vm.none())
}

fn x_detach(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "detach", a, k, 1, 1)?;
    let b = buffered(vm, &a[0])?;
    b.flush(vm)?;
    Ok(b.raw.borrow_mut().take().unwrap_or_else(|| vm.none()))
}

fn forward(vm: &VM, a: Args, name: &str) -> PyResult {
    let b = buffered(vm, &a[0])?;
    let raw = b.raw(vm)?;
    vm.call_method(&raw, name, &[])
}

fn x_fileno(vm: &VM, a: Args, _k: Kw) -> PyResult {
    forward(vm, a, "fileno")
}

fn x_isatty(vm: &VM, a: Args, _k: Kw) -> PyResult {
    forward(vm, a, "isatty")
}

fn x_seekable(vm: &VM, a: Args, _k: Kw) -> PyResult {
    forward(vm, a, "seekable")
}

fn x_readable(vm: &VM, a: Args, _k: Kw) -> PyResult {
    let b = buffered(vm, &a[0])?;
    b.check_open(vm)?;
    Ok(vm.new_bool(b.kind != Kind::Writer))
}

fn x_writable(vm: &VM, a: Args, _k: Kw) -> PyResult {
    let b = buffered(vm, &a[0])?;
    b.check_open(vm)?;
    Ok(vm.new_bool(b.kind != Kind::Reader))
}

fn g_raw(vm: &VM, o: &PyObjectRef) -> PyResult {
    buffered(vm, o)?.raw(vm)
}

fn g_closed(vm: &VM, o: &PyObjectRef) -> PyResult {
    let raw = buffered(vm, o)?.raw(vm)?;
    Ok(vm.new_bool(raw_closed(vm, &raw)?))
}

fn g_name(vm: &VM, o: &PyObjectRef) -> PyResult {
    let raw = buffered(vm, o)?.raw(vm)?;
    vm.get_attr(&raw, &vm.intern("name"))
}

fn g_mode(vm: &VM, o: &PyObjectRef) -> PyResult {
    let raw = buffered(vm, o)?.raw(vm)?;
    vm.get_attr(&raw, &vm.intern("mode"))
}

fn x_repr(vm: &VM, o: &PyObjectRef) -> PyResult {
    let tn = o.class().name_string();
    match vm.get_attr_opt_str(o, "name") {
        Ok(Some(n)) => {
            let r = vm.repr(&n)?;
            Ok(vm.new_str_obj(format!("<_io.{tn} name={}>", r.payload.as_str())))
        }
        _ => Ok(vm.new_str_obj(format!("<_io.{tn}>"))),
    }
}

pub fn bytes_result(vm: &VM, o: &PyObjectRef) -> PyResult<Vec<u8>> {
    if let Some(b) = o.downcast_ref::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    bytes_like(vm, o)
}

/// The three types, Reader/Writer/Random in that order.
pub fn make_types(vm: &VM, base: &PyTypeRef) -> Vec<PyTypeRef> {
    let mut out = Vec::new();
    for name in ["BufferedReader", "BufferedWriter", "BufferedRandom"] {
        let t = crate::vm::new_static_type::<PyBuffered>(
            &vm.types.type_type,
            name,
            Some(base),
            crate::objects::typeobject::flags::BASETYPE,
        );
        t.payload.slots.new.set(Some(x_new));
        t.payload.slots.repr.set(Some(x_repr));
        super::iomodule::stream_slots(vm, &t);
        if name != "BufferedWriter" {
            vm.add_method(&t, "read", x_read);
            vm.add_method(&t, "read1", x_read1);
            vm.add_method(&t, "readinto", x_readinto);
            vm.add_method(&t, "peek", x_peek);
            vm.add_method(&t, "readline", x_readline);
        }
        if name != "BufferedReader" {
            vm.add_method(&t, "write", x_write);
        }
        vm.add_method(&t, "flush", x_flush);
        vm.add_method(&t, "tell", x_tell);
        vm.add_method(&t, "seek", x_seek);
        vm.add_method(&t, "truncate", x_truncate);
        vm.add_method(&t, "close", x_close);
        vm.add_method(&t, "detach", x_detach);
        vm.add_method(&t, "fileno", x_fileno);
        vm.add_method(&t, "isatty", x_isatty);
        vm.add_method(&t, "seekable", x_seekable);
        vm.add_method(&t, "readable", x_readable);
        vm.add_method(&t, "writable", x_writable);
        vm.add_getset(&t, "raw", g_raw, None);
        vm.add_getset(&t, "closed", g_closed, None);
        vm.add_getset(&t, "name", g_name, None);
        vm.add_getset(&t, "mode", g_mode, None);
        out.push(t);
    }
    let _ = SeekFrom::Start(0);
    out
}
