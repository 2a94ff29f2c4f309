//! The `builtins` module (CPython's Python/bltinmodule.c).

use crate::object::{PyObjectRef, PyRef};
use crate::objects::dictobject::{PyDict, PyDictRef};
use crate::objects::funcobject::PyFunction;
use crate::objects::longobject::PyInt;
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::{PyTuple, PyTupleRef};
use crate::objects::typeobject::{CompareOp, PyType};
use crate::python::args;
use crate::{PyResult, VM};

type Kw<'a> = Option<&'a PyTupleRef>;

/// Splits vectorcall arguments into positional args and (name, value)
/// keyword pairs.
pub fn split_kwargs<'a>(
    args: &'a [PyObjectRef],
    kwnames: Kw,
) -> (&'a [PyObjectRef], Vec<(String, PyObjectRef)>) {
    let nkw = kwnames.map(|k| k.payload.len()).unwrap_or(0);
    let (pos, kwv) = args.split_at(args.len() - nkw);
    let kws = match kwnames {
        Some(k) => k
            .payload
            .as_slice()
            .iter()
            .zip(kwv)
            .map(|(n, v)| {
                (
                    n.downcast_ref::<PyStr>()
                        .map(|s| s.as_str().to_string())
                        .unwrap_or_default(),
                    v.clone(),
                )
            })
            .collect(),
        None => Vec::new(),
    };
    (pos, kws)
}

fn build_class(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let (pos, kws) = split_kwargs(a, k);
    if pos.len() < 2 {
        return Err(vm.new_type_error("__build_class__: not enough arguments"));
    }
    let func = pos[0].clone();
    if !func.payload_is::<PyFunction>() {
        return Err(vm.new_type_error("__build_class__: func must be a function"));
    }
    let name = pos[1].clone();
    if !name.payload_is::<PyStr>() {
        return Err(vm.new_type_error("__build_class__: name is not a string"));
    }
    let orig_bases: Vec<PyObjectRef> = pos[2..].to_vec();
    // PEP 560: __mro_entries__.
    let mut bases = Vec::with_capacity(orig_bases.len());
    let mut changed = false;
    for b in &orig_bases {
        if !b.payload_is::<PyType>() {
            if let Some(me) = vm.get_attr_opt_str(b, "__mro_entries__")? {
                let r = vm.call1(&me, vm.new_tuple(orig_bases.clone()).into_object())?;
                let Some(t) = r.downcast_ref::<PyTuple>() else {
                    return Err(vm.new_type_error("__mro_entries__ must return a tuple"));
                };
                bases.extend(t.as_slice().iter().cloned());
                changed = true;
                continue;
            }
        }
        bases.push(b.clone());
    }
    let mut meta: Option<PyObjectRef> = None;
    let mut class_kws: Vec<(String, PyObjectRef)> = Vec::new();
    for (kname, v) in kws {
        if kname == "metaclass" {
            meta = Some(v);
        } else {
            class_kws.push((kname, v));
        }
    }
    let is_class = meta
        .as_ref()
        .map(|m| m.payload_is::<PyType>())
        .unwrap_or(true);
    let mut meta = match meta {
        Some(m) => m,
        None => match bases.first() {
            Some(b) => b.class().clone().into_object(),
            None => vm.types.type_type.clone().into_object(),
        },
    };
    if is_class {
        meta = calculate_metaclass(vm, &meta, &bases)?;
    }
    let bases_t = vm.new_tuple(bases.clone()).into_object();
    let kwnames = if class_kws.is_empty() {
        None
    } else {
        Some(
            vm.new_tuple(
                class_kws
                    .iter()
                    .map(|(n, _)| vm.new_str_obj(n.as_str()))
                    .collect(),
            ),
        )
    };
    let kwvals: Vec<PyObjectRef> = class_kws.iter().map(|(_, v)| v.clone()).collect();
    let ns = match vm.get_attr_opt_str(&meta, "__prepare__")? {
        Some(prep) => {
            let mut args = vec![name.clone(), bases_t.clone()];
            args.extend(kwvals.iter().cloned());
            vm.call(&prep, &args, kwnames.as_ref())?
        }
        None => vm.new_dict().into_object(),
    };
    if ns.class().payload.slots.getitem.get().is_none() {
        let mname = if meta.payload_is::<PyType>() {
            meta.downcast_ref::<PyType>()
                .map(|t| t.name().clone())
                .unwrap_or_default()
        } else {
            "<metaclass>".into()
        };
        return Err(vm.new_type_error(format!(
            "{mname}.__prepare__() must return a mapping, not {}",
            ns.class().name_string()
        )));
    }
    let f = func.clone().downcast::<PyFunction>().ok().expect("checked");
    let cell = vm.run_class_body(&f, ns.clone())?;
    if changed {
        vm.set_item(
            &ns,
            vm.intern("__orig_bases__").as_object(),
            vm.new_tuple(orig_bases).into_object(),
        )?;
    }
    let mut args = vec![name, bases_t, ns];
    args.extend(kwvals);
    let cls = vm.call(&meta, &args, kwnames.as_ref())?;
    if let Some(cell) = cell.and_then(|c| c.downcast::<crate::objects::cellobject::PyCell>().ok()) {
        if cls.payload_is::<PyType>() {
            match cell.payload.get() {
                Some(v) if !v.is(&cls) => {
                    return Err(vm.new_type_error(format!(
                        "__class__ set to {} defining {} as {}",
                        vm.repr_string(&v)?,
                        vm.repr_string(&args_name(vm, &cls))?,
                        vm.repr_string(&cls)?
                    )))
                }
                // type.__new__ fills the cell; a metaclass that did not pass
                // `__classcell__` on left it empty.
                None => {
                    return Err(vm.new_runtime_error(format!(
                        "__class__ not set defining {} as {}. Was __classcell__ propagated to type.__new__?",
                        vm.repr_string(&args_name(vm, &cls))?,
                        vm.repr_string(&cls)?
                    )))
                }
                _ => {}
            }
        }
    }
    Ok(cls)
}

fn args_name(vm: &VM, cls: &PyObjectRef) -> PyObjectRef {
    vm.get_attr_str(cls, "__name__")
        .unwrap_or_else(|_| vm.none())
}

/// The most derived metaclass of `meta` and the bases' metaclasses.
pub fn calculate_metaclass(vm: &VM, meta: &PyObjectRef, bases: &[PyObjectRef]) -> PyResult {
    let mut winner = meta
        .clone()
        .downcast::<PyType>()
        .map_err(|_| vm.new_type_error("metaclass must be a type"))?;
    for b in bases {
        let bt = b.class().clone();
        if winner.is_subtype(&bt) {
            continue;
        }
        if bt.is_subtype(&winner) {
            winner = bt;
            continue;
        }
        return Err(vm.new_type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner.into_object())
}

impl VM {
    /// Runs a class body function with `ns` as its locals; returns the
    /// `__classcell__` cell if the body made one.
    pub fn run_class_body(
        &self,
        func: &PyRef<PyFunction>,
        ns: PyObjectRef,
    ) -> PyResult<Option<PyObjectRef>> {
        let mut frame = crate::python::call::make_frame(self, func, &[], None)?;
        frame.locals = Some(ns);
        match self.eval_frame(frame, None)? {
            crate::python::ceval::FrameExit::Return(v) => {
                Ok(if self.is_none(&v) { None } else { Some(v) })
            }
            crate::python::ceval::FrameExit::Yield(..) => {
                Err(self.new_system_error("class body yielded"))
            }
        }
    }
}

fn b_import(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [name, globals, _locals, fromlist, level] = args::bind(
        vm,
        "__import__",
        a,
        k,
        ["name", "globals", "locals", "fromlist", "level"],
        1,
        0,
    )?;
    let name = name.expect("required");
    let Some(n) = name.downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error(format!(
            "__import__() argument 1 must be str, not {}",
            crate::python::args::arg_type_name(&name)
        )));
    };
    let level = match level {
        Some(l) => vm.to_isize(&l, "")?,
        None => 0,
    };
    if level < 0 {
        return Err(vm.new_value_error("level must be >= 0"));
    }
    let g = globals.and_then(|g| g.downcast::<PyDict>().ok());
    let fromlist = fromlist.unwrap_or_else(|| vm.none());
    vm.import_full(
        n.as_str(),
        g.as_ref().map(|g| &g.payload),
        &fromlist,
        level as usize,
    )
}

fn b_print(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let (pos, kws) = split_kwargs(a, k);
    let (mut sep, mut end, mut file, mut flush_arg) = (None, None, None, None);
    for (n, v) in kws {
        match n.as_str() {
            "sep" => sep = Some(v),
            "end" => end = Some(v),
            "file" => file = Some(v),
            "flush" => flush_arg = Some(v),
            _ => {
                return Err(
                    vm.new_type_error(crate::python::suggestions::unexpected_keyword(
                        "print",
                        &n,
                        &["sep", "end", "file", "flush"],
                    )),
                )
            }
        }
    }
    let flush = match flush_arg {
        Some(v) => vm.is_true(&v)?,
        None => false,
    };
    let text_of = |v: Option<PyObjectRef>, default: &str, what: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            Some(v) if vm.is_none(&v) => Ok(default.to_string()),
            Some(v) => match v.downcast_ref::<PyStr>() {
                Some(s) => Ok(s.as_str().to_string()),
                None => Err(vm.new_type_error(format!(
                    "{what} must be None or a string, not {}",
                    v.class().name_string()
                ))),
            },
        }
    };
    let sep = text_of(sep, " ", "sep")?;
    let end = text_of(end, "\n", "end")?;
    let file = match file {
        Some(f) if !vm.is_none(&f) => f,
        _ => vm.sys_attr("stdout")?,
    };
    if vm.is_none(&file) {
        return Ok(vm.none());
    }
    if let Some(t) = file.downcast_ref::<crate::modules::io_text::PyTextIO>() {
        if !file.class().payload.is_heap_type() {
            // The builtin text stream: one write of the joined line gives
            // the same bytes as CPython's per-piece writes.
            let mut out = String::new();
            for (i, v) in pos.iter().enumerate() {
                if i > 0 {
                    out.push_str(&sep);
                }
                match vm.str(v) {
                    Ok(s) => out.push_str(s.payload.as_str()),
                    Err(e) => {
                        // What CPython wrote before the failing piece.
                        t.write_str(vm, &out)?;
                        return Err(e);
                    }
                }
            }
            out.push_str(&end);
            t.write_str(vm, &out)?;
            if flush {
                t.flush(vm)?;
            }
            return Ok(vm.none());
        }
    }
    // Any other file: `write` is looked up first (so a file without one
    // fails before anything is converted), then called per piece as
    // CPython's print does.
    let write = vm.get_attr(&file, &vm.intern("write"))?;
    for (i, v) in pos.iter().enumerate() {
        if i > 0 {
            vm.call(&write, &[vm.new_str_obj(sep.as_str())], None)?;
        }
        vm.call(&write, &[vm.str(v)?.into_object()], None)?;
    }
    vm.call(&write, &[vm.new_str_obj(end.as_str())], None)?;
    if flush {
        vm.call_method(&file, "flush", &[])?;
    }
    Ok(vm.none())
}

fn b_repr(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "repr", a, k, 1, 1)?;
    Ok(vm.repr(&a[0])?.into_object())
}

fn b_ascii(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "ascii", a, k, 1, 1)?;
    Ok(vm.ascii(&a[0])?.into_object())
}

fn b_len(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "len", a, k, 1, 1)?;
    Ok(vm.new_int(vm.len(&a[0])? as i64))
}

fn b_isinstance(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "isinstance", a, k, 2, 2)?;
    Ok(vm.new_bool(vm.isinstance(&a[0], &a[1])?))
}

fn b_issubclass(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "issubclass", a, k, 2, 2)?;
    Ok(vm.new_bool(vm.issubclass(&a[0], &a[1])?))
}

fn attr_name(vm: &VM, v: &PyObjectRef) -> PyResult<crate::objects::strobject::PyStrRef> {
    match v.clone().downcast::<PyStr>() {
        Ok(s) => Ok(vm.intern_str(s)),
        Err(o) => Err(vm.new_type_error(format!(
            "attribute name must be string, not '{}'",
            o.class().name_string()
        ))),
    }
}

fn b_getattr(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "getattr", a, k, 2, 3)?;
    let name = attr_name(vm, &a[1])?;
    if a.len() == 3 {
        return Ok(vm
            .get_attr_opt(&a[0], &name)?
            .unwrap_or_else(|| a[2].clone()));
    }
    vm.get_attr(&a[0], &name)
}

fn b_hasattr(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "hasattr", a, k, 2, 2)?;
    let name = attr_name(vm, &a[1])?;
    Ok(vm.new_bool(vm.get_attr_opt(&a[0], &name)?.is_some()))
}

fn b_setattr(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "setattr", a, k, 3, 3)?;
    let name = attr_name(vm, &a[1])?;
    vm.set_attr(&a[0], &name, Some(a[2].clone()))?;
    Ok(vm.none())
}

fn b_delattr(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "delattr", a, k, 2, 2)?;
    let name = attr_name(vm, &a[1])?;
    vm.set_attr(&a[0], &name, None)?;
    Ok(vm.none())
}

fn b_iter(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "iter", a, k, 1, 2)?;
    if a.len() == 2 {
        if !vm.is_callable(&a[0]) {
            return Err(vm.new_type_error("iter(v, w): v must be callable"));
        }
        let it = crate::objects::iterobject::PyCallableIterator {
            callable: std::cell::RefCell::new(Some(a[0].clone())),
            sentinel: a[1].clone(),
        };
        return Ok(PyRef::new_exact(it, vm.types.callable_iterator_type.clone()).into_object());
    }
    vm.get_iter(&a[0])
}

fn b_next(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "next", a, k, 1, 2)?;
    if a[0].class().payload.slots.iternext.get().is_none() {
        return Err(vm.new_type_error(format!(
            "'{}' object is not an iterator",
            a[0].class().name_string()
        )));
    }
    // Call the slot directly so a StopIteration carrying a value reaches
    // the caller unchanged.
    let slot = a[0]
        .class()
        .payload
        .slots
        .iternext
        .get()
        .expect("checked above");
    match slot(vm, &a[0]) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => match a.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.new_stop_iteration(None)),
        },
        Err(e)
            if a.len() == 2
                && e.as_object()
                    .class()
                    .is_subtype(&vm.types.exc.stop_iteration) =>
        {
            Ok(a[1].clone())
        }
        Err(e) => Err(e),
    }
}

fn b_id(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "id", a, k, 1, 1)?;
    Ok(vm.new_bigint((a[0].id() as u64).into()))
}

fn b_hash(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "hash", a, k, 1, 1)?;
    Ok(vm.new_int(vm.hash(&a[0])?))
}

fn b_callable(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "callable", a, k, 1, 1)?;
    Ok(vm.new_bool(vm.is_callable(&a[0])))
}

fn b_abs(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "abs", a, k, 1, 1)?;
    vm.unary_op(&a[0], crate::python::abstract_::UnaryOp::Absolute)
}

fn b_all(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "all", a, k, 1, 1)?;
    let it = vm.get_iter(&a[0])?;
    while let Some(v) = vm.next(&it)? {
        if !vm.is_true(&v)? {
            return Ok(vm.new_bool(false));
        }
    }
    Ok(vm.new_bool(true))
}

fn b_any(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "any", a, k, 1, 1)?;
    let it = vm.get_iter(&a[0])?;
    while let Some(v) = vm.next(&it)? {
        if vm.is_true(&v)? {
            return Ok(vm.new_bool(true));
        }
    }
    Ok(vm.new_bool(false))
}

fn b_chr(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "chr", a, k, 1, 1)?;
    let i = vm.to_index(&a[0])?;
    // 3.13 converts with PyLong_AsLongAndOverflow: a huge value is just
    // out of range.
    let v = i
        .downcast_ref::<PyInt>()
        .and_then(|i| i.as_i64())
        .unwrap_or(-1);
    if !(0..=0x10ffff).contains(&v) {
        return Err(vm.new_value_error("chr() arg not in range(0x110000)"));
    }
    let c = rython_common::surrogates::store(v as u32).unwrap_or('\0');
    // A character of the stand-in range is itself here.
    let genuine = rython_common::surrogates::is_stand_in(c) && c as i64 == v;
    Ok(vm.new_char(c, genuine))
}

fn b_ord(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "ord", a, k, 1, 1)?;
    if let Some(s) = a[0].downcast_ref::<PyStr>() {
        if s.char_len() == 1 {
            let c = s.as_str().chars().next().unwrap_or('\0');
            return Ok(vm.new_int(s.code_point_of(c) as i64));
        }
        return Err(vm.new_type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.char_len()
        )));
    }
    if let Some(b) = a[0].downcast_ref::<crate::objects::bytesobject::PyBytes>() {
        if b.value.len() == 1 {
            return Ok(vm.new_int(b.value[0] as i64));
        }
        return Err(vm.new_type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.value.len()
        )));
    }
    if let Some(b) = a[0].downcast_ref::<crate::objects::bytearrayobject::PyByteArray>() {
        let v = b.value.borrow();
        if v.len() == 1 {
            return Ok(vm.new_int(v[0] as i64));
        }
        return Err(vm.new_type_error(format!(
            "ord() expected a character, but string of length {} found",
            v.len()
        )));
    }
    Err(vm.new_type_error(format!(
        "ord() expected string of length 1, but {} found",
        a[0].class().name_string()
    )))
}

fn b_divmod(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "divmod", a, k, 2, 2)?;
    if let Some(m) = vm.lookup_special(&a[0], "__divmod__")? {
        let r = vm.call1(&m, a[1].clone())?;
        if !vm.is_not_implemented(&r) {
            return Ok(r);
        }
    }
    if !a[0].class().is(a[1].class()) {
        if let Some(m) = vm.lookup_special(&a[1], "__rdivmod__")? {
            let r = vm.call1(&m, a[0].clone())?;
            if !vm.is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    Err(vm.new_unsupported_binop("divmod()", &a[0], &a[1]))
}

fn b_pow(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [base, exp, m] = args::bind(vm, "pow", a, k, ["base", "exp", "mod"], 2, 0)?;
    let (base, exp) = (base.expect("required"), exp.expect("required"));
    match m {
        Some(m) if !vm.is_none(&m) => vm.ternary_pow(&base, &exp, &m),
        _ => vm.binary_op(&base, &exp, crate::objects::typeobject::NumberOp::Power),
    }
}

fn b_round(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [number, ndigits] = args::bind(vm, "round", a, k, ["number", "ndigits"], 1, 0)?;
    let number = number.expect("required");
    let Some(m) = vm.lookup_special(&number, "__round__")? else {
        return Err(vm.new_type_error(format!(
            "type {} doesn't define __round__ method",
            number.class().name_string()
        )));
    };
    match ndigits {
        Some(n) if !vm.is_none(&n) => vm.call1(&m, n),
        _ => vm.call0(&m),
    }
}

fn int_base_format(vm: &VM, v: &PyObjectRef, radix: u32, prefix: &str) -> PyResult {
    let i = vm.to_index(v)?;
    let n = i
        .downcast_ref::<PyInt>()
        .map(|i| i.to_bigint())
        .unwrap_or_default();
    let neg = n.sign() == num_bigint::Sign::Minus;
    let digits = n.magnitude().to_str_radix(radix);
    Ok(vm.new_str_obj(format!(
        "{}{}{}",
        if neg { "-" } else { "" },
        prefix,
        digits
    )))
}

fn b_bin(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "bin", a, k, 1, 1)?;
    int_base_format(vm, &a[0], 2, "0b")
}
fn b_oct(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "oct", a, k, 1, 1)?;
    int_base_format(vm, &a[0], 8, "0o")
}
fn b_hex(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "hex", a, k, 1, 1)?;
    int_base_format(vm, &a[0], 16, "0x")
}

fn b_format(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "format", a, k, 1, 2)?;
    let spec = match a.get(1) {
        Some(s) => match s.downcast_ref::<PyStr>() {
            Some(s) => s.as_str().to_string(),
            None => {
                return Err(vm.new_type_error(format!(
                    "format() argument 2 must be str, not {}",
                    crate::python::args::arg_type_name(&s)
                )))
            }
        },
        None => String::new(),
    };
    Ok(vm.format_obj(&a[0], &spec)?.into_object())
}

/// Shared by min() and max().
fn min_max(vm: &VM, a: &[PyObjectRef], k: Kw, name: &str, op: CompareOp) -> PyResult {
    let (pos, kws) = split_kwargs(a, k);
    let mut key = None;
    let mut default = None;
    for (n, v) in kws {
        match n.as_str() {
            "key" => key = Some(v).filter(|v| !vm.is_none(v)),
            "default" => default = Some(v),
            _ => {
                return Err(
                    vm.new_type_error(crate::python::suggestions::unexpected_keyword(
                        name,
                        &n,
                        &["key", "default"],
                    )),
                )
            }
        }
    }
    if pos.is_empty() {
        return Err(vm.new_type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    let items: Vec<PyObjectRef> = if pos.len() == 1 {
        vm.collect(&pos[0])?
    } else {
        if default.is_some() {
            return Err(vm.new_type_error(format!(
                "Cannot specify a default for {name}() with multiple positional arguments"
            )));
        }
        pos.to_vec()
    };
    let mut best: Option<(PyObjectRef, PyObjectRef)> = None;
    for item in items {
        let kv = match &key {
            Some(f) => vm.call1(f, item.clone())?,
            None => item.clone(),
        };
        match &best {
            None => best = Some((kv, item)),
            Some((bk, _)) => {
                if vm.rich_compare_bool(&kv, bk, op)? {
                    best = Some((kv, item));
                }
            }
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(vm.new_value_error(format!("{name}() iterable argument is empty"))),
        },
    }
}

fn b_min(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    min_max(vm, a, k, "min", CompareOp::Lt)
}
fn b_max(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    min_max(vm, a, k, "max", CompareOp::Gt)
}

fn b_sum(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [iterable, start] = args::bind(vm, "sum", a, k, ["iterable", "start"], 1, 1)?;
    let acc = start.unwrap_or_else(|| vm.new_int(0));
    if acc.payload_is::<PyStr>() {
        return Err(vm.new_type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if acc.payload_is::<crate::objects::bytesobject::PyBytes>() {
        return Err(vm.new_type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    if acc.payload_is::<crate::objects::bytearrayobject::PyByteArray>() {
        return Err(vm.new_type_error("sum() can't sum bytearray [use b''.join(seq) instead]"));
    }
    let it = vm.get_iter(&iterable.expect("required"))?;
    // CPython 3.12+ sums floats with compensation; sum_numbers matches it.
    crate::objects::floatobject::sum_numbers(vm, acc, &it)
}

fn b_sorted(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let (pos, kws) = split_kwargs(a, k);
    if pos.len() != 1 {
        return Err(vm.new_type_error(format!("sorted expected 1 argument, got {}", pos.len())));
    }
    let list = vm.new_list(vm.collect(&pos[0])?).into_object();
    let sort = vm.get_attr_str(&list, "sort")?;
    let names: Vec<PyObjectRef> = kws
        .iter()
        .map(|(n, _)| vm.new_str_obj(n.as_str()))
        .collect();
    let vals: Vec<PyObjectRef> = kws.into_iter().map(|(_, v)| v).collect();
    let kwn = if names.is_empty() {
        None
    } else {
        Some(vm.new_tuple(names))
    };
    vm.call(&sort, &vals, kwn.as_ref())?;
    Ok(list)
}

fn b_callable_frame_globals(vm: &VM) -> PyResult<PyDictRef> {
    match vm.state.current_frame.borrow().as_ref() {
        Some(f) => Ok(f.payload.globals.clone()),
        None => Err(vm.new_system_error("globals(): no current frame")),
    }
}

fn b_globals(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    args::positional(vm, "globals", a, k, 0, 0)?;
    Ok(b_callable_frame_globals(vm)?.into_object())
}

fn current_locals(vm: &VM) -> PyResult {
    match vm.state.current_frame.borrow().as_ref() {
        Some(f) => Ok(f
            .payload
            .locals
            .borrow()
            .clone()
            .unwrap_or_else(|| f.payload.globals.clone().into_object())),
        None => Err(vm.new_system_error("locals(): no current frame")),
    }
}

fn b_locals(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    args::positional(vm, "locals", a, k, 0, 0)?;
    current_locals(vm)
}

fn b_vars(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "vars", a, k, 0, 1)?;
    if a.is_empty() {
        return current_locals(vm);
    }
    match vm.get_attr_opt_str(&a[0], "__dict__")? {
        Some(d) => Ok(d),
        None => Err(vm.new_type_error("vars() argument must have __dict__ attribute")),
    }
}

fn b_dir(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "dir", a, k, 0, 1)?;
    let names = if a.is_empty() {
        let l = current_locals(vm)?;
        vm.call_method(&l, "keys", &[])?
    } else {
        let module_dict = a[0]
            .downcast_ref::<crate::objects::moduleobject::PyModule>()
            .filter(|_| a[0].class().is(&vm.types.module_type))
            .map(|m| m.dict.clone());
        if let Some(md) = module_dict {
            // module.__dir__: the namespace's own `__dir__` if it has one,
            // else its keys.
            let names = match md.payload.get_str_name(vm, "__dir__") {
                Some(f) => vm.call0(&f)?,
                None => vm.call_method(&md.clone().into_object(), "keys", &[])?,
            };
            let list = vm.new_list(vm.collect(&names)?).into_object();
            vm.call_method(&list, "sort", &[])?;
            return Ok(list);
        }
        match vm.lookup_special(&a[0], "__dir__")? {
            Some(m) => vm.call0(&m)?,
            None => return Err(vm.new_type_error("object does not provide __dir__")),
        }
    };
    let list = vm.new_list(vm.collect(&names)?).into_object();
    vm.call_method(&list, "sort", &[])?;
    Ok(list)
}

/// Source text of exec/eval/compile (`_Py_SourceAsString`): str, or the
/// bytes of a bytes-like object; None for anything else. No NUL allowed.
enum Source {
    Str(String),
    Bytes(Vec<u8>),
}

fn source_of(vm: &VM, source: &PyObjectRef) -> PyResult<Option<Source>> {
    let src = if let Some(s) = source.downcast_ref::<PyStr>() {
        Source::Str(s.as_str().to_string())
    } else if source.payload_is::<crate::objects::bytesobject::PyBytes>()
        || source.payload_is::<crate::objects::bytearrayobject::PyByteArray>()
        || source.payload_is::<crate::objects::memoryobject::PyMemoryView>()
    {
        Source::Bytes(crate::modules::iomodule::bytes_like(vm, source)?)
    } else {
        return Ok(None);
    };
    let has_nul = match &src {
        Source::Str(s) => s.contains('\0'),
        Source::Bytes(b) => b.contains(&0),
    };
    if has_nul {
        return Err(vm.new_exception_msg(
            &vm.types.exc.syntax_error,
            "source code string cannot contain null bytes",
        ));
    }
    Ok(Some(src))
}

/// `PyMapping_Check`: the type has `__getitem__`.
fn is_mapping(vm: &VM, o: &PyObjectRef) -> PyResult<bool> {
    if o.payload_is::<PyDict>() {
        return Ok(true);
    }
    Ok(o.class().lookup_str(vm, "__getitem__").is_some())
}

/// exec() and eval() (CPython's `builtin_exec_impl`/`builtin_eval_impl`).
fn exec_or_eval(
    vm: &VM,
    a: &[PyObjectRef],
    k: Kw,
    name: &str,
    mode: rython_compiler::Mode,
) -> PyResult {
    let exec = mode == rython_compiler::Mode::Exec;
    let [source, globals, locals, closure] = if exec {
        args::bind_ex(
            vm,
            name,
            a,
            k,
            ["source", "globals", "locals", "closure"],
            1,
            1,
            3,
        )?
    } else {
        let [s, g, l] = args::bind(vm, name, a, k, ["source", "globals", "locals"], 1, 1)?;
        [s, g, l, None]
    };
    let source = source.expect("required");
    let globals = globals.filter(|g| !vm.is_none(g));
    let locals = locals.filter(|l| !vm.is_none(l));
    if !exec {
        if let Some(l) = &locals {
            if !is_mapping(vm, l)? {
                return Err(vm.new_type_error("locals must be a mapping"));
            }
        }
        if let Some(g) = &globals {
            if !g.payload_is::<PyDict>() {
                return Err(vm.new_type_error(if is_mapping(vm, g)? {
                    "globals must be a real dict; try eval(expr, {}, mapping)"
                } else {
                    "globals must be a dict"
                }));
            }
        }
    }
    let (globals, locals) = match globals {
        Some(g) => {
            let l = locals.unwrap_or_else(|| g.clone());
            (g, l)
        }
        None => (
            b_callable_frame_globals(vm)?.into_object(),
            match locals {
                Some(l) => l,
                None => current_locals(vm)?,
            },
        ),
    };
    let globals = match globals.downcast::<PyDict>() {
        Ok(d) => d,
        Err(o) => {
            return Err(vm.new_type_error(format!(
                "exec() globals must be a dict, not {}",
                o.class().name_string()
            )))
        }
    };
    if exec && !is_mapping(vm, &locals)? {
        return Err(vm.new_type_error(format!(
            "locals must be a mapping or None, not {}",
            locals.class().name_string()
        )));
    }
    if globals.payload.get_str_name(vm, "__builtins__").is_none() {
        globals
            .payload
            .set_str(vm, "__builtins__", vm.builtins_module_obj());
    }
    let closure = closure.filter(|c| !vm.is_none(c));
    let mut func = None;
    let code = if let Ok(c) = source
        .clone()
        .downcast::<crate::objects::codeobject::PyCode>()
    {
        let nfree = c.payload.code.freevars().len();
        if !exec && nfree > 0 {
            return Err(
                vm.new_type_error("code object passed to eval() may not contain free variables")
            );
        }
        if nfree == 0 {
            if closure.is_some() {
                return Err(vm.new_type_error("cannot use a closure with this code object"));
            }
        } else {
            let ok = closure.as_ref().is_some_and(|cl| {
                cl.class().is(&vm.types.tuple_type)
                    && cl
                        .downcast_ref::<crate::objects::tupleobject::PyTuple>()
                        .is_some_and(|t| {
                            t.len() == nfree
                                && t.as_slice()
                                    .iter()
                                    .all(|x| x.payload_is::<crate::objects::cellobject::PyCell>())
                        })
            });
            if !ok {
                return Err(vm.new_type_error(format!(
                    "code object requires a closure of exactly length {nfree}"
                )));
            }
            // A function carrying the closure: the frame's free variables
            // are copied from it.
            let cells = closure
                .clone()
                .and_then(|cl| cl.downcast::<crate::objects::tupleobject::PyTuple>().ok());
            func = PyFunction::for_code(vm, c.clone(), globals.clone(), cells)
                .downcast::<PyFunction>()
                .ok();
        }
        if c.payload.flags() & rython_compiler::code::flags::OPTIMIZED != 0 {
            // A function's code runs as a call with no arguments, as
            // CPython's PyEval_EvalCode does for it (missing parameters are
            // the call's TypeError; the locals mapping is not used).
            let f = match func {
                Some(f) => f.into_object(),
                None => PyFunction::for_code(vm, c.clone(), globals.clone(), None),
            };
            let r = vm.call(&f, &[], None)?;
            return Ok(if exec { vm.none() } else { r });
        }
        c
    } else {
        if closure.is_some() {
            return Err(vm.new_type_error("closure can only be used when source is a code object"));
        }
        match source_of(vm, &source)? {
            Some(Source::Str(s)) => {
                let text = if exec {
                    s.as_str()
                } else {
                    s.trim_start_matches([' ', '\t'])
                };
                vm.compile_str(text, "<string>", mode)?
            }
            Some(Source::Bytes(b)) => {
                let start = if exec {
                    0
                } else {
                    b.iter()
                        .position(|c| *c != b' ' && *c != b'\t')
                        .unwrap_or(b.len())
                };
                vm.compile_bytes(&b[start..], "<string>", mode)?
            }
            None => {
                return Err(vm.new_type_error(format!(
                    "{name}() arg 1 must be a string, bytes or code object"
                )))
            }
        }
    };
    let r = vm.run_code_in(code, func, globals, Some(locals))?;
    Ok(if exec { vm.none() } else { r })
}

fn b_exec(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    exec_or_eval(vm, a, k, "exec", rython_compiler::Mode::Exec)
}

fn b_eval(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    exec_or_eval(vm, a, k, "eval", rython_compiler::Mode::Eval)
}

/// Flags `compile()` accepts: the `__future__` feature flags, the obsolete
/// CO_NESTED and the PyCF_* compiler flags.
const COMPILE_FLAGS_ALLOWED: i64 = 0x1FE_0000 | 0x10 | 0x400 | 0x1000 | 0x2000 | 0x4000 | 0x8000;

/// A file name argument (`PyUnicode_FSDecoder`): str, bytes or PathLike.
fn fs_decode(vm: &VM, o: &PyObjectRef) -> PyResult<String> {
    let path = crate::modules::iomodule::fspath_os(vm, o)?;
    use std::os::unix::ffi::OsStrExt;
    if path.as_os_str().as_bytes().contains(&0) {
        let is_bytes = o.payload_is::<crate::objects::bytesobject::PyBytes>();
        return Err(vm.new_value_error(if !is_bytes {
            "embedded null character"
        } else {
            "embedded null byte"
        }));
    }
    Ok(rython_common::surrogates::path_text(&path))
}

fn b_compile(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [source, filename, mode, flags, dont_inherit, optimize, _feature_version] = args::bind_ex(
        vm,
        "compile",
        a,
        k,
        [
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
            "_feature_version",
        ],
        3,
        0,
        6,
    )?;
    let source = source.expect("required");
    let filename = fs_decode(vm, &filename.expect("required"))?;
    let mode = mode.expect("required");
    let Some(mode_s) = mode.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()) else {
        return Err(vm.new_type_error(format!(
            "compile() argument 'mode' must be str, not {}",
            mode.class().name_string()
        )));
    };
    if mode_s.contains('\0') {
        return Err(vm.new_value_error("embedded null character"));
    }
    let flags = match flags {
        Some(f) => vm.to_c_int(&f)? as i64,
        None => 0,
    };
    if let Some(d) = dont_inherit {
        vm.is_true(&d)?;
    }
    let optimize = match optimize {
        Some(o) => vm.to_c_int(&o)?,
        None => -1,
    };
    if flags & !COMPILE_FLAGS_ALLOWED != 0 {
        return Err(vm.new_value_error("compile(): unrecognised flags"));
    }
    if !(-1..=2).contains(&optimize) {
        return Err(vm.new_value_error("compile(): invalid optimize value"));
    }
    let mode = match mode_s.as_str() {
        "exec" => rython_compiler::Mode::Exec,
        "eval" => rython_compiler::Mode::Eval,
        "single" => rython_compiler::Mode::Single,
        _ => return Err(vm.new_value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    if source.payload_is::<crate::objects::codeobject::PyCode>() {
        return Ok(source);
    }
    let code = match source_of(vm, &source)? {
        Some(Source::Str(s)) => vm.compile_str(&s, &filename, mode)?,
        Some(Source::Bytes(b)) => vm.compile_bytes(&b, &filename, mode)?,
        None => {
            return Err(vm.new_type_error("compile() arg 1 must be a string, bytes or AST object"))
        }
    };
    Ok(code.into_object())
}

fn b_input(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "input", a, k, 0, 1)?;
    let lost = |name: &str| vm.new_runtime_error(format!("input(): lost sys.{name}"));
    let stream = |name: &str| -> PyResult {
        let s = vm.sys_attr(name).map_err(|_| lost(name))?;
        if vm.is_none(&s) {
            return Err(lost(name));
        }
        Ok(s)
    };
    // stderr first (a failed flush is ignored), then the streams used.
    if let Ok(err) = vm.sys_attr("stderr") {
        if !vm.is_none(&err) {
            let _ = vm.call_method(&err, "flush", &[]);
        }
    }
    let stdin = stream("stdin")?;
    let out = stream("stdout")?;
    if let Some(p) = a.first() {
        vm.call_method(&out, "write", &[vm.str(p)?.into_object()])?;
    }
    vm.call_method(&out, "flush", &[])?;
    let line = vm.call_method(&stdin, "readline", &[])?;
    let Some(s) = line.downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error("object.readline() returned non-string"));
    };
    let s = s.as_str();
    if s.is_empty() {
        return Err(vm.new_eof_error("EOF when reading a line"));
    }
    Ok(vm.new_str_obj(s.strip_suffix('\n').unwrap_or(s)))
}

/// A `types.SimpleNamespace`-like object: an instance of a small heap class
/// with the given attributes (used for `sys.implementation`).
pub fn simple_namespace(vm: &VM, attrs: PyDictRef) -> PyObjectRef {
    let cls = vm
        .state
        .namespace_type
        .borrow()
        .clone()
        .and_then(|c| c.downcast::<PyType>().ok());
    let Some(cls) = cls else { return vm.none() };
    let obj = PyRef::new_with_type(crate::objects::baseobject::PyBaseObject, cls).into_object();
    if let Some(ext) = obj.instance_ext() {
        ext.set_dict(obj.class(), attrs.into_object());
    }
    obj
}

pub fn get_module(vm: &VM) -> PyResult<PyObjectRef> {
    Ok(vm
        .state
        .builtins_module
        .borrow()
        .clone()
        .expect("builtins initialised")
        .into_object())
}

pub fn init(vm: &VM) {
    let m = PyRef::new_exact(
        crate::objects::moduleobject::PyModule {
            dict: vm.builtins.clone(),
        },
        vm.types.module_type.clone(),
    );
    let d = &vm.builtins.payload;
    d.set_str(vm, "__name__", vm.new_str_obj("builtins"));
    d.set_str(
        vm,
        "__doc__",
        vm.new_str_obj("Built-in functions, types, exceptions, and other objects."),
    );
    d.set_str(vm, "__package__", vm.new_str_obj(""));
    d.set_str(vm, "__loader__", vm.none());
    d.set_str(vm, "__spec__", vm.none());
    let mo = m.clone().into_object();
    let funcs: &[(&'static str, crate::objects::methodobject::NativeFn)] = &[
        ("__build_class__", build_class),
        ("__import__", b_import),
        ("print", b_print),
        ("repr", b_repr),
        ("ascii", b_ascii),
        ("len", b_len),
        ("isinstance", b_isinstance),
        ("issubclass", b_issubclass),
        ("getattr", b_getattr),
        ("hasattr", b_hasattr),
        ("setattr", b_setattr),
        ("delattr", b_delattr),
        ("iter", b_iter),
        ("next", b_next),
        ("id", b_id),
        ("hash", b_hash),
        ("callable", b_callable),
        ("abs", b_abs),
        ("all", b_all),
        ("any", b_any),
        ("chr", b_chr),
        ("ord", b_ord),
        ("divmod", b_divmod),
        ("pow", b_pow),
        ("round", b_round),
        ("bin", b_bin),
        ("oct", b_oct),
        ("hex", b_hex),
        ("format", b_format),
        ("min", b_min),
        ("max", b_max),
        ("sum", b_sum),
        ("sorted", b_sorted),
        ("globals", b_globals),
        ("locals", b_locals),
        ("vars", b_vars),
        ("dir", b_dir),
        ("exec", b_exec),
        ("eval", b_eval),
        ("compile", b_compile),
        ("input", b_input),
        ("open", crate::modules::iomodule::io_open),
    ];
    for (name, f) in funcs {
        vm.add_function(d, &mo, name, *f);
    }
    for name in ["globals", "locals", "vars", "dir", "exec", "eval"] {
        if let Some(f) = d.get_str_name(vm, name) {
            vm.state
                .frame_builtins
                .register(f.id(), crate::python::pylifecycle::FrameUse::Locals);
        }
    }
    vm.state.frame_builtins.register(
        vm.types.super_type.as_object().id(),
        crate::python::pylifecycle::FrameUse::Super,
    );
    // A class built without a class statement takes `__module__` from the
    // calling code's globals, in `type.__new__`.
    if let Some(f) = d.get_str_name(vm, "__build_class__") {
        vm.state
            .frame_builtins
            .register(f.id(), crate::python::pylifecycle::FrameUse::Globals);
    }
    *vm.state.original_import.borrow_mut() = d.get_str_name(vm, "__import__");
    let t = &vm.types;
    for (name, ty) in [
        ("object", &t.object_type),
        ("type", &t.type_type),
        ("int", &t.int_type),
        ("bool", &t.bool_type),
        ("float", &t.float_type),
        ("complex", &t.complex_type),
        ("str", &t.str_type),
        ("bytes", &t.bytes_type),
        ("bytearray", &t.bytearray_type),
        ("list", &t.list_type),
        ("tuple", &t.tuple_type),
        ("dict", &t.dict_type),
        ("set", &t.set_type),
        ("frozenset", &t.frozenset_type),
        ("range", &t.range_type),
        ("slice", &t.slice_type),
        ("property", &t.property_type),
        ("staticmethod", &t.staticmethod_type),
        ("classmethod", &t.classmethod_type),
        ("super", &t.super_type),
        ("enumerate", &t.enumerate_type),
        ("reversed", &t.reversed_type),
        ("zip", &t.zip_type),
        ("map", &t.map_type),
        ("filter", &t.filter_type),
        ("ExceptionGroup", &t.exception_group_type),
    ] {
        d.set_str(vm, name, ty.clone().into_object());
    }
    for (name, ty) in t.exc.all() {
        d.set_str(vm, name, ty.into_object());
    }
    d.set_str(vm, "EnvironmentError", t.exc.os_error.clone().into_object());
    d.set_str(vm, "IOError", t.exc.os_error.clone().into_object());
    d.set_str(
        vm,
        "memoryview",
        vm.types.memoryview_type.clone().into_object(),
    );
    d.set_str(vm, "None", vm.none());
    d.set_str(vm, "True", vm.new_bool(true));
    d.set_str(vm, "False", vm.new_bool(false));
    d.set_str(vm, "Ellipsis", vm.ctx.ellipsis.clone());
    d.set_str(vm, "NotImplemented", vm.not_implemented());
    d.set_str(
        vm,
        "__debug__",
        vm.new_bool(vm.config.borrow().optimize == 0),
    );
    vm.sys_modules.payload.set_str(vm, "builtins", mo);
    *vm.state.builtins_module.borrow_mut() = Some(m);
}

/// CPython's `__text_signature__` of the builtins module's functions
/// (clinic-generated there; kept as data here so `inspect` sees the same).
pub(crate) fn builtin_text_signature(name: &str) -> Option<&'static str> {
    const SIGS: &[(&str, &str)] = &[
        ("__import__", "($module, /, name, globals=None, locals=None, fromlist=(),\n           level=0)"),
        ("abs", "($module, x, /)"),
        ("aiter", "($module, async_iterable, /)"),
        ("all", "($module, iterable, /)"),
        ("anext", "($module, aiterator, default=<unrepresentable>, /)"),
        ("any", "($module, iterable, /)"),
        ("ascii", "($module, obj, /)"),
        ("bin", "($module, number, /)"),
        ("callable", "($module, obj, /)"),
        ("chr", "($module, i, /)"),
        ("compile", "($module, /, source, filename, mode, flags=0,\n        dont_inherit=False, optimize=-1, *, _feature_version=-1)"),
        ("delattr", "($module, obj, name, /)"),
        ("divmod", "($module, x, y, /)"),
        ("eval", "($module, source, globals=None, locals=None, /)"),
        ("exec", "($module, source, globals=None, locals=None, /, *, closure=None)"),
        ("format", "($module, value, format_spec='', /)"),
        ("globals", "($module, /)"),
        ("hasattr", "($module, obj, name, /)"),
        ("hash", "($module, obj, /)"),
        ("hex", "($module, number, /)"),
        ("id", "($module, obj, /)"),
        ("input", "($module, prompt='', /)"),
        ("isinstance", "($module, obj, class_or_tuple, /)"),
        ("issubclass", "($module, cls, class_or_tuple, /)"),
        ("len", "($module, obj, /)"),
        ("locals", "($module, /)"),
        ("oct", "($module, number, /)"),
        ("open", "($module, /, file, mode='r', buffering=-1, encoding=None,\n     errors=None, newline=None, closefd=True, opener=None)"),
        ("ord", "($module, c, /)"),
        ("pow", "($module, /, base, exp, mod=None)"),
        ("print", "($module, /, *args, sep=' ', end='\\n', file=None, flush=False)"),
        ("repr", "($module, obj, /)"),
        ("round", "($module, /, number, ndigits=None)"),
        ("setattr", "($module, obj, name, value, /)"),
        ("sorted", "($module, iterable, /, *, key=None, reverse=False)"),
        ("sum", "($module, iterable, /, start=0)"),
    ];
    SIGS.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}
