//! In-memory streams: `StringIO` (Modules/_io/stringio.c) and `BytesIO`
//! (Modules/_io/bytesio.c).

use std::cell::{Cell, RefCell};

use super::iomodule::{bytes_like, check_closed_flag, size_arg};
use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::PyTupleRef;
use crate::python::args;
use crate::{PyResult, VM};

/// Writing past this position (after a far seek) would need an absurd
/// zero-filled allocation: MemoryError instead of an abort.
const MAX_MEMORY_STREAM: usize = 1 << 34;

type Args<'a> = &'a [PyObjectRef];
type Kw<'a> = Option<&'a PyTupleRef>;

pub struct PyStringIO {
    pub buf: RefCell<Vec<char>>,
    pub pos: Cell<usize>,
    pub closed: Cell<bool>,
    /// `None`: translate `\r\n`/`\r` to `\n` on write (newline=None).
    pub newline: RefCell<Option<String>>,
}

impl PyPayload for PyStringIO {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.object_type
    }
}

pub struct PyBytesIO {
    pub buf: RefCell<Vec<u8>>,
    pub pos: Cell<usize>,
    pub closed: Cell<bool>,
}

impl PyPayload for PyBytesIO {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.object_type
    }
}

fn sio<'a>(vm: &VM, o: &'a PyObjectRef) -> PyResult<&'a PyStringIO> {
    let s = o.downcast_ref::<PyStringIO>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a '_io.StringIO' object but received a '{}'",
            o.class().name_string()
        ))
    })?;
    if s.closed.get() {
        // stringio.c's message has no final period.
        return Err(vm.new_value_error("I/O operation on closed file"));
    }
    Ok(s)
}

fn bio<'a>(vm: &VM, o: &'a PyObjectRef) -> PyResult<&'a PyBytesIO> {
    let s = o.downcast_ref::<PyBytesIO>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a '_io.BytesIO' object but received a '{}'",
            o.class().name_string()
        ))
    })?;
    check_closed_flag(vm, s.closed.get())?;
    Ok(s)
}

// ----- StringIO -------------------------------------------------------------

impl PyStringIO {
    fn write(&self, s: &str) -> usize {
        let translated: String;
        let s = match self.newline.borrow().as_deref() {
            None => {
                translated = s.replace("\r\n", "\n").replace('\r', "\n");
                translated.as_str()
            }
            Some("\r") | Some("\r\n") => {
                let nl = self.newline.borrow().clone().unwrap_or_default();
                translated = s.replace('\n', &nl);
                translated.as_str()
            }
            _ => s,
        };
        let chars: Vec<char> = s.chars().collect();
        let mut b = self.buf.borrow_mut();
        let pos = self.pos.get();
        if pos > b.len() {
            b.resize(pos, '\0');
        }
        let end = pos + chars.len();
        let overlap = end.min(b.len()) - pos;
        b.splice(pos..pos + overlap, chars.iter().copied());
        self.pos.set(end);
        chars.len()
    }

    fn readline(&self, limit: Option<usize>) -> String {
        let b = self.buf.borrow();
        let start = self.pos.get().min(b.len());
        let rest = &b[start..];
        let mut end = rest.len();
        let nl = self.newline.borrow().clone();
        for (i, &c) in rest.iter().enumerate() {
            let hit = match nl.as_deref() {
                Some("") => {
                    if c == '\r' {
                        end = if rest.get(i + 1) == Some(&'\n') {
                            i + 2
                        } else {
                            i + 1
                        };
                        break;
                    }
                    c == '\n'
                }
                Some("\r") => c == '\r',
                Some("\r\n") => c == '\n' && i > 0 && rest[i - 1] == '\r',
                _ => c == '\n',
            };
            if hit {
                end = i + 1;
                break;
            }
        }
        if let Some(l) = limit {
            end = end.min(l);
        }
        self.pos.set(start + end);
        rest[..end].iter().collect()
    }
}

fn sio_new(_vm: &VM, cls: &PyTypeRef, _a: Args, _k: Kw) -> PyResult {
    Ok(PyRef::new_with_type(
        PyStringIO {
            buf: RefCell::new(Vec::new()),
            pos: Cell::new(0),
            closed: Cell::new(false),
            newline: RefCell::new(Some("\n".to_string())),
        },
        cls.clone(),
    )
    .into_object())
}

fn sio_init(vm: &VM, o: &PyObjectRef, a: Args, k: Kw) -> PyResult<()> {
    let [initial, newline] = args::bind(vm, "StringIO", a, k, ["initial_value", "newline"], 0, 0)?;
    let s = o
        .downcast_ref::<PyStringIO>()
        .ok_or_else(|| vm.new_type_error("StringIO.__init__ on a non-StringIO"))?;
    let nl = match newline {
        None => Some("\n".to_string()),
        Some(v) if vm.is_none(&v) => None,
        Some(v) => match v.downcast_ref::<PyStr>() {
            Some(n) => {
                if !matches!(n.as_str(), "" | "\n" | "\r" | "\r\n") {
                    let r = n.as_str();
                    return Err(vm.new_value_error(format!("illegal newline value: {r}")));
                }
                Some(n.as_str().to_string())
            }
            None => {
                return Err(vm.new_type_error(format!(
                    "newline must be str or None, not {}",
                    v.class().name_string()
                )))
            }
        },
    };
    *s.newline.borrow_mut() = nl;
    s.buf.borrow_mut().clear();
    s.pos.set(0);
    s.closed.set(false);
    if let Some(iv) = initial.filter(|v| !vm.is_none(v)) {
        let Some(text) = iv.downcast_ref::<PyStr>() else {
            return Err(vm.new_type_error(format!(
                "initial_value must be str or None, not {}",
                iv.class().name_string()
            )));
        };
        s.write(text.as_str());
        s.pos.set(0);
    }
    Ok(())
}

fn sio_getvalue(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "getvalue", a, k, 1, 1)?;
    let s = sio(vm, &a[0])?;
    let v: String = s.buf.borrow().iter().collect();
    Ok(vm.new_str_obj(v))
}

fn sio_read(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "read", a, k, 1, 2)?;
    let s = sio(vm, &a[0])?;
    let n = size_arg(vm, a.get(1))?;
    let b = s.buf.borrow();
    let start = s.pos.get().min(b.len());
    let end = n.map_or(b.len(), |n| (start + n).min(b.len()));
    s.pos.set(end.max(s.pos.get()));
    let out: String = b[start..end].iter().collect();
    Ok(vm.new_str_obj(out))
}

fn sio_readline(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "readline", a, k, 1, 2)?;
    let s = sio(vm, &a[0])?;
    let n = size_arg(vm, a.get(1))?;
    Ok(vm.new_str_obj(s.readline(n)))
}

fn sio_iternext(vm: &VM, o: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    if o.downcast_ref::<PyStringIO>().is_some() {
        if !o.class().payload.is_heap_type() {
            let s = sio(vm, o)?;
            let line = s.readline(None);
            return Ok((!line.is_empty()).then(|| vm.new_str_obj(line)));
        }
    }
    super::iomodule::b_iternext(vm, o)
}

fn sio_write(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "write", a, k, 2, 2)?;
    let s = sio(vm, &a[0])?;
    let Some(text) = a[1].downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error(format!(
            "string argument expected, got '{}'",
            a[1].class().name_string()
        )));
    };
    if s.pos.get().saturating_add(text.char_len()) > MAX_MEMORY_STREAM {
        return Err(vm.new_memory_error());
    }
    s.write(text.as_str());
    Ok(vm.new_int(text.char_len() as i64))
}

fn seek_args(vm: &VM, a: Args) -> PyResult<(i64, i64)> {
    let off = vm.to_isize(&a[1], "")?;
    let wh = match a.get(2) {
        Some(w) => vm.to_isize(w, "")?,
        None => 0,
    };
    Ok((off, wh))
}

fn sio_seek(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "seek", a, k, 2, 3)?;
    let s = sio(vm, &a[0])?;
    let (off, wh) = seek_args(vm, &a)?;
    match wh {
        0 if off < 0 => Err(vm.new_value_error(format!("Negative seek position {off}"))),
        0 => {
            s.pos.set(off as usize);
            Ok(vm.new_int(off))
        }
        1 | 2 if off != 0 => Err(super::iomodule::unsupported(
            vm,
            if wh == 1 {
                "Can't do nonzero cur-relative seeks"
            } else {
                "Can't do nonzero end-relative seeks"
            },
        )),
        1 => Ok(vm.new_int(s.pos.get() as i64)),
        2 => {
            let n = s.buf.borrow().len();
            s.pos.set(n);
            Ok(vm.new_int(n as i64))
        }
        _ => Err(vm.new_value_error(format!("Invalid whence ({wh}, should be 0, 1 or 2)"))),
    }
}

fn sio_tell(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "tell", a, k, 1, 1)?;
    Ok(vm.new_int(sio(vm, &a[0])?.pos.get() as i64))
}

fn sio_truncate(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "truncate", a, k, 1, 2)?;
    let s = sio(vm, &a[0])?;
    let size = match a.get(1).filter(|v| !vm.is_none(v)) {
        Some(v) => vm.to_isize(v, "")?,
        None => s.pos.get() as i64,
    };
    if size < 0 {
        return Err(vm.new_value_error(format!("Negative size value {size}")));
    }
    s.buf.borrow_mut().truncate(size as usize);
    Ok(vm.new_int(size))
}

fn sio_close(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "close", a, k, 1, 1)?;
    if let Some(s) = a[0].downcast_ref::<PyStringIO>() {
        s.closed.set(true);
        s.buf.borrow_mut().clear();
    }
    if let Some(s) = a[0].downcast_ref::<PyBytesIO>() {
        s.closed.set(true);
        s.buf.borrow_mut().clear();
    }
    Ok(vm.none())
}

fn g_closed(vm: &VM, o: &PyObjectRef) -> PyResult {
    let c = o
        .downcast_ref::<PyStringIO>()
        .map(|s| s.closed.get())
        .or_else(|| o.downcast_ref::<PyBytesIO>().map(|s| s.closed.get()))
        .unwrap_or(false);
    Ok(vm.new_bool(c))
}

fn m_true(vm: &VM, a: Args, _k: Kw) -> PyResult {
    if let Some(s) = a[0].downcast_ref::<PyStringIO>() {
        check_closed_flag(vm, s.closed.get())?;
    }
    if let Some(s) = a[0].downcast_ref::<PyBytesIO>() {
        check_closed_flag(vm, s.closed.get())?;
    }
    Ok(vm.new_bool(true))
}

fn m_flush(vm: &VM, a: Args, _k: Kw) -> PyResult {
    m_true(vm, a, None)?;
    Ok(vm.none())
}

fn g_line_buffering(vm: &VM, o: &PyObjectRef) -> PyResult {
    sio(vm, o)?;
    Ok(vm.new_bool(false))
}

fn g_newlines(vm: &VM, _o: &PyObjectRef) -> PyResult {
    Ok(vm.none())
}

// ----- BytesIO --------------------------------------------------------------

fn bio_new(vm: &VM, cls: &PyTypeRef, _a: Args, _k: Kw) -> PyResult {
    let _ = vm;
    Ok(PyRef::new_with_type(
        PyBytesIO {
            buf: RefCell::new(Vec::new()),
            pos: Cell::new(0),
            closed: Cell::new(false),
        },
        cls.clone(),
    )
    .into_object())
}

fn bio_init(vm: &VM, o: &PyObjectRef, a: Args, k: Kw) -> PyResult<()> {
    let [initial] = args::bind(vm, "BytesIO", a, k, ["initial_bytes"], 0, 0)?;
    let s = o
        .downcast_ref::<PyBytesIO>()
        .ok_or_else(|| vm.new_type_error("BytesIO.__init__ on a non-BytesIO"))?;
    let data = match initial.filter(|v| !vm.is_none(v)) {
        Some(v) => bytes_like(vm, &v)?,
        None => Vec::new(),
    };
    *s.buf.borrow_mut() = data;
    s.pos.set(0);
    Ok(())
}

fn bio_getvalue(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "getvalue", a, k, 1, 1)?;
    let s = bio(vm, &a[0])?;
    let v = s.buf.borrow().clone();
    Ok(vm.new_bytes(v))
}

fn bio_read(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "read", a, k, 1, 2)?;
    let s = bio(vm, &a[0])?;
    let n = size_arg(vm, a.get(1))?;
    let b = s.buf.borrow();
    let start = s.pos.get().min(b.len());
    let end = n.map_or(b.len(), |n| (start + n).min(b.len()));
    s.pos.set(end.max(s.pos.get()));
    Ok(vm.new_bytes(b[start..end].to_vec()))
}

fn bio_readinto(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "readinto", a, k, 2, 2)?;
    let s = bio(vm, &a[0])?;
    super::iomodule::readinto_with(vm, &a[1], |n| {
        let b = s.buf.borrow();
        let start = s.pos.get().min(b.len());
        let end = (start + n).min(b.len());
        s.pos.set(end.max(s.pos.get()));
        Ok(b[start..end].to_vec())
    })
}

fn bio_readline(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "readline", a, k, 1, 2)?;
    let s = bio(vm, &a[0])?;
    let n = size_arg(vm, a.get(1))?;
    let b = s.buf.borrow();
    let start = s.pos.get().min(b.len());
    let rest = &b[start..];
    let mut end = rest
        .iter()
        .position(|&c| c == b'\n')
        .map_or(rest.len(), |i| i + 1);
    if let Some(n) = n {
        end = end.min(n);
    }
    s.pos.set(start + end);
    Ok(vm.new_bytes(rest[..end].to_vec()))
}

fn bio_write(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "write", a, k, 2, 2)?;
    let s = bio(vm, &a[0])?;
    let data = bytes_like(vm, &a[1])?;
    if s.pos.get().saturating_add(data.len()) > MAX_MEMORY_STREAM {
        return Err(vm.new_memory_error());
    }
    let mut b = s.buf.borrow_mut();
    let pos = s.pos.get();
    if pos > b.len() {
        b.resize(pos, 0);
    }
    let end = pos + data.len();
    let overlap = end.min(b.len()) - pos;
    b.splice(pos..pos + overlap, data.iter().copied());
    s.pos.set(end);
    Ok(vm.new_int(data.len() as i64))
}

fn bio_seek(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "seek", a, k, 2, 3)?;
    let s = bio(vm, &a[0])?;
    let (off, wh) = seek_args(vm, &a)?;
    let base = match wh {
        0 => {
            if off < 0 {
                return Err(vm.new_value_error(format!("negative seek value {off}")));
            }
            0
        }
        1 => s.pos.get() as i64,
        2 => s.buf.borrow().len() as i64,
        _ => return Err(vm.new_value_error(format!("invalid whence ({wh}, should be 0, 1 or 2)"))),
    };
    let p = (base + off).max(0);
    s.pos.set(p as usize);
    Ok(vm.new_int(p))
}

fn bio_tell(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "tell", a, k, 1, 1)?;
    Ok(vm.new_int(bio(vm, &a[0])?.pos.get() as i64))
}

fn bio_truncate(vm: &VM, a: Args, k: Kw) -> PyResult {
    let a = args::positional(vm, "truncate", a, k, 1, 2)?;
    let s = bio(vm, &a[0])?;
    let size = match a.get(1).filter(|v| !vm.is_none(v)) {
        Some(v) => vm.to_isize(v, "")?,
        None => s.pos.get() as i64,
    };
    if size < 0 {
        return Err(vm.new_value_error(format!("negative size value {size}")));
    }
    s.buf.borrow_mut().truncate(size as usize);
    Ok(vm.new_int(size))
}

fn mem_type<T: PyPayload>(vm: &VM, name: &str, base: &PyTypeRef) -> PyTypeRef {
    let t = crate::vm::new_static_type::<T>(
        &vm.types.type_type,
        name,
        Some(base),
        crate::objects::typeobject::flags::BASETYPE,
    );
    super::iomodule::stream_slots(vm, &t);
    vm.add_method(&t, "close", sio_close);
    vm.add_method(&t, "readable", m_true);
    vm.add_method(&t, "writable", m_true);
    vm.add_method(&t, "seekable", m_true);
    vm.add_method(&t, "flush", m_flush);
    vm.add_getset(&t, "closed", g_closed, None);
    t
}

/// (StringIO, BytesIO)
pub fn make_types(vm: &VM, text_base: &PyTypeRef, buf_base: &PyTypeRef) -> (PyTypeRef, PyTypeRef) {
    let s = mem_type::<PyStringIO>(vm, "StringIO", text_base);
    s.payload.slots.new.set(Some(sio_new));
    s.payload.slots.init.set(Some(sio_init));
    s.payload.slots.iternext.set(Some(sio_iternext));
    vm.add_method(&s, "getvalue", sio_getvalue);
    vm.add_method(&s, "read", sio_read);
    vm.add_method(&s, "readline", sio_readline);
    vm.add_method(&s, "write", sio_write);
    vm.add_method(&s, "seek", sio_seek);
    vm.add_method(&s, "tell", sio_tell);
    vm.add_method(&s, "truncate", sio_truncate);
    vm.add_getset(&s, "line_buffering", g_line_buffering, None);
    vm.add_getset(&s, "newlines", g_newlines, None);
    let b = mem_type::<PyBytesIO>(vm, "BytesIO", buf_base);
    b.payload.slots.new.set(Some(bio_new));
    b.payload.slots.init.set(Some(bio_init));
    vm.add_method(&b, "getvalue", bio_getvalue);
    vm.add_method(&b, "read", bio_read);
    vm.add_method(&b, "read1", bio_read);
    vm.add_method(&b, "readinto", bio_readinto);
    vm.add_method(&b, "readline", bio_readline);
    vm.add_method(&b, "write", bio_write);
    vm.add_method(&b, "seek", bio_seek);
    vm.add_method(&b, "tell", bio_tell);
    vm.add_method(&b, "truncate", bio_truncate);
    (s, b)
}
