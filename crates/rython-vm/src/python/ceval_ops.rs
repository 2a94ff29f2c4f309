//! Out-of-line parts of the eval loop's instructions: unpacking, building
//! containers, raising and matching exceptions, `with`, function creation,
//! calls with `*args`/`**kwargs`, intrinsics and structural pattern
//! matching helpers.

use crate::object::{PyObjectRef, PyRef};
use crate::objects::codeobject::PyCode;
use crate::objects::dictobject::PyDict;
use crate::objects::exceptions::{PyBaseException, PyBaseExceptionRef};
use crate::objects::funcobject::PyFunction;
use crate::objects::iterobject::{PyListIterator, PyRangeIterator};
use crate::objects::listobject::PyList;
use crate::objects::longobject::PyInt;
use crate::objects::setobject::PySet;
use crate::objects::sliceobject::PySlice;
use crate::objects::strobject::{PyStr, PyStrRef};
use crate::objects::tupleobject::PyTuple;
use crate::objects::typeobject::PyType;
use crate::python::frame::Frame;
use crate::{PyResult, VM};
use rython_compiler::{fn_attr, intrinsic1, intrinsic2};

impl VM {
    pub fn new_slice(
        &self,
        start: PyObjectRef,
        stop: PyObjectRef,
        step: PyObjectRef,
    ) -> PyObjectRef {
        PyRef::new_exact(PySlice { start, stop, step }, self.types.slice_type.clone()).into_object()
    }

    /// `container[key]` with fast paths for list/tuple indexing and dicts.
    #[inline]
    pub(crate) fn subscript(&self, container: &PyObjectRef, key: &PyObjectRef) -> PyResult {
        let ctx = &self.ctx;
        if let Some(PyInt::Small(i)) = key.exact(&ctx.int_exact) {
            let i = *i;
            if let Some(l) = container.exact(&ctx.list_exact) {
                let items = l.items.borrow();
                let n = items.len() as i64;
                let j = if i < 0 { i + n } else { i };
                if (0..n).contains(&j) {
                    return Ok(items[j as usize].clone());
                }
            } else if let Some(t) = container.exact(&ctx.tuple_exact) {
                let n = t.len() as i64;
                let j = if i < 0 { i + n } else { i };
                if (0..n).contains(&j) {
                    return Ok(t.as_slice()[j as usize].clone());
                }
            } else if let Some(s) = container.exact(&ctx.str_exact) {
                // An ASCII str indexes by byte; the one-character strings
                // are shared, as CPython's latin-1 singletons.
                if s.is_ascii() {
                    let bytes = s.as_str().as_bytes();
                    let n = bytes.len() as i64;
                    let j = if i < 0 { i + n } else { i };
                    if (0..n).contains(&j) {
                        return Ok(ctx.ascii_chars[bytes[j as usize] as usize]
                            .clone()
                            .into_object());
                    }
                }
            }
        }
        if let Some(d) = container.exact(&ctx.dict_exact) {
            if let Some(v) = d.get_item(self, key)? {
                return Ok(v);
            }
        }
        self.get_item(container, key)
    }

    #[inline]
    pub(crate) fn store_subscript(
        &self,
        container: &PyObjectRef,
        key: &PyObjectRef,
        value: PyObjectRef,
    ) -> PyResult<()> {
        let ctx = &self.ctx;
        if let Some(l) = container.exact(&ctx.list_exact) {
            if let Some(PyInt::Small(i)) = key.exact(&ctx.int_exact) {
                let mut items = l.items.borrow_mut();
                let n = items.len() as i64;
                let j = if *i < 0 { *i + n } else { *i };
                if (0..n).contains(&j) {
                    let old = std::mem::replace(&mut items[j as usize], value);
                    drop(items);
                    drop(old);
                    return Ok(());
                }
            }
        } else if let Some(d) = container.exact(&ctx.dict_exact) {
            return d.set_item(self, key.clone(), value);
        }
        self.set_item(container, key, value)
    }

    /// `FOR_ITER`'s next item, with fast paths for range and list iterators.
    #[inline]
    pub(crate) fn for_iter_next(&self, iter: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        if let Some(r) = iter.downcast_exact::<PyRangeIterator>(&self.types.range_iterator_type) {
            let rem = r.remaining.get();
            if rem == 0 {
                return Ok(None);
            }
            let v = r.next.get();
            r.remaining.set(rem - 1);
            r.next.set(v.wrapping_add(r.step));
            return Ok(Some(self.new_int(v)));
        }
        if let Some(li) = iter.downcast_exact::<PyListIterator>(&self.types.list_iterator_type) {
            let list = li.list.borrow().clone();
            let Some(list) = list else { return Ok(None) };
            let i = li.index.get();
            let item = list.payload.get(i);
            match item {
                Some(v) => {
                    li.index.set(i + 1);
                    return Ok(Some(v));
                }
                None => {
                    *li.list.borrow_mut() = None;
                    return Ok(None);
                }
            }
        }
        self.next(iter)
    }

    pub(crate) fn new_set_from(&self, items: Vec<PyObjectRef>) -> PyResult {
        Ok(crate::objects::setobject::new_set(self, items)?.into_object())
    }

    pub(crate) fn set_add_op(&self, set: &PyObjectRef, v: PyObjectRef) -> PyResult<()> {
        if let Some(s) = set.downcast_ref::<PySet>() {
            s.add(self, v)?;
        }
        Ok(())
    }

    pub(crate) fn list_extend_op(
        &self,
        list: &PyObjectRef,
        iterable: &PyObjectRef,
    ) -> PyResult<()> {
        let items = match self.collect(iterable) {
            Ok(v) => v,
            Err(e) => {
                if e.as_object().class().is(&self.types.exc.type_error)
                    && iterable.class().payload.slots.iter.get().is_none()
                    && iterable.class().payload.slots.getitem.get().is_none()
                {
                    return Err(self.new_type_error(format!(
                        "Value after * must be an iterable, not {}",
                        iterable.class().name_string()
                    )));
                }
                return Err(e);
            }
        };
        if let Some(l) = list.downcast_ref::<PyList>() {
            l.items.borrow_mut().extend(items);
        }
        Ok(())
    }

    /// `{**a}` (DICT_UPDATE) and `f(**a)` (DICT_MERGE, which rejects
    /// duplicate keys).
    pub(crate) fn dict_update_op(
        &self,
        d: &PyObjectRef,
        update: &PyObjectRef,
        merge: bool,
        func: Option<&PyObjectRef>,
    ) -> PyResult<()> {
        let Some(target) = d.downcast_ref::<PyDict>() else {
            return Ok(());
        };
        let pairs: Vec<(PyObjectRef, PyObjectRef)> = if let Some(src) = update
            .downcast_ref::<PyDict>()
            .filter(|_| crate::objects::dict_methods::is_plain_dict(self, update))
        {
            src.entries()
                .into_iter()
                .map(|e| (e.key, e.value))
                .collect()
        } else {
            let keys = match self.get_attr_opt_str(update, "keys")? {
                Some(k) => k,
                None => {
                    return Err(if merge {
                        self.new_type_error(format!(
                            "{} argument after ** must be a mapping, not {}",
                            self.function_str(func),
                            update.class().name_string()
                        ))
                    } else {
                        self.new_type_error(format!(
                            "'{}' object is not a mapping",
                            update.class().name_string()
                        ))
                    })
                }
            };
            let keys = self.call0(&keys)?;
            let mut v = Vec::new();
            for k in self.collect(&keys)? {
                let val = self.get_item(update, &k)?;
                v.push((k, val));
            }
            v
        };
        for (k, v) in pairs {
            if merge {
                if target.contains(self, &k)? {
                    // CPython reports a duplicated non-str key as a bad
                    // keyword; a lone non-str key is caught at call time.
                    let Some(kname) = k.downcast_ref::<PyStr>() else {
                        return Err(self.new_type_error(format!(
                            "{} keywords must be strings",
                            self.function_str(func)
                        )));
                    };
                    return Err(self.new_type_error(format!(
                        "{} got multiple values for keyword argument '{}'",
                        self.function_str(func),
                        kname.as_str()
                    )));
                }
            }
            target.set_item(self, k, v)?;
        }
        Ok(())
    }

    /// `module.qualname()` as CPython's `_PyObject_FunctionStr`.
    pub fn function_str(&self, func: Option<&PyObjectRef>) -> String {
        let Some(f) = func else {
            return "function".into();
        };
        let qual = self
            .get_attr_opt_str(f, "__qualname__")
            .ok()
            .flatten()
            .and_then(|q| q.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()));
        let Some(qual) = qual else {
            return self.str_string(f).unwrap_or_default() + "()";
        };
        let module = self
            .get_attr_opt_str(f, "__module__")
            .ok()
            .flatten()
            .and_then(|q| q.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()));
        match module {
            Some(m) if m != "builtins" => format!("{m}.{qual}()"),
            _ => format!("{qual}()"),
        }
    }

    pub(crate) fn unpack_sequence(
        &self,
        seq: &PyObjectRef,
        n: usize,
    ) -> PyResult<Vec<PyObjectRef>> {
        // Exact types only: a subclass may override `__iter__`.
        if let Some(t) = seq.exact(&self.ctx.tuple_exact) {
            if t.len() == n {
                return Ok(t.as_slice().to_vec());
            }
        }
        if let Some(l) = seq.exact(&self.ctx.list_exact) {
            let items = l.items.borrow();
            if items.len() == n {
                return Ok(items.clone());
            }
        }
        let it = self.get_iter(seq).map_err(|e| {
            if e.as_object().class().is(&self.types.exc.type_error) {
                self.new_type_error(format!(
                    "cannot unpack non-iterable {} object",
                    seq.class().name_string()
                ))
            } else {
                e
            }
        })?;
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            match self.next(&it)? {
                Some(v) => out.push(v),
                None => {
                    return Err(self.new_value_error(format!(
                        "not enough values to unpack (expected {}, got {})",
                        n,
                        out.len()
                    )))
                }
            }
        }
        if self.next(&it)?.is_some() {
            return Err(self.new_value_error(format!("too many values to unpack (expected {n})")));
        }
        Ok(out)
    }

    /// `a, *b, c = seq`: `before` targets, a list, `after` targets.
    pub(crate) fn unpack_ex(
        &self,
        seq: &PyObjectRef,
        before: usize,
        after: usize,
    ) -> PyResult<Vec<PyObjectRef>> {
        let items = match self.collect(seq) {
            Ok(v) => v,
            Err(e) => {
                if e.as_object().class().is(&self.types.exc.type_error)
                    && seq.class().payload.slots.iter.get().is_none()
                {
                    return Err(self.new_type_error(format!(
                        "cannot unpack non-iterable {} object",
                        seq.class().name_string()
                    )));
                }
                return Err(e);
            }
        };
        if items.len() < before + after {
            return Err(self.new_value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let mut out = Vec::with_capacity(before + after + 1);
        out.extend_from_slice(&items[..before]);
        let mid_end = items.len() - after;
        out.push(self.new_list(items[before..mid_end].to_vec()).into_object());
        out.extend_from_slice(&items[mid_end..]);
        Ok(out)
    }

    pub(crate) fn call_function_ex(
        &self,
        func: &PyObjectRef,
        callargs: &PyObjectRef,
        kwargs: Option<&PyObjectRef>,
    ) -> PyResult {
        let mut args: Vec<PyObjectRef> = match callargs.downcast_ref::<PyTuple>() {
            Some(t) => t.as_slice().to_vec(),
            None => {
                if callargs.class().payload.slots.iter.get().is_none()
                    && callargs.class().payload.slots.getitem.get().is_none()
                {
                    return Err(self.new_type_error(format!(
                        "{} argument after * must be an iterable, not {}",
                        self.function_str(Some(func)),
                        callargs.class().name_string()
                    )));
                }
                self.collect(callargs)?
            }
        };
        let mut kwnames = None;
        if let Some(kw) = kwargs {
            let d = match kw.downcast_ref::<PyDict>() {
                Some(d) => d.entries(),
                None => {
                    let tmp = self.new_dict();
                    self.dict_update_op(tmp.as_object(), kw, true, Some(func))?;
                    tmp.payload.entries()
                }
            };
            if !d.is_empty() {
                let mut names = Vec::with_capacity(d.len());
                for e in d {
                    if !e.key.payload_is::<PyStr>() {
                        return Err(self.new_type_error("keywords must be strings"));
                    }
                    names.push(e.key);
                    args.push(e.value);
                }
                kwnames = Some(self.new_tuple(names));
            }
        }
        self.call(func, &args, kwnames.as_ref())
    }

    pub(crate) fn make_function(&self, frame: &Frame, code_obj: PyObjectRef) -> PyResult {
        let code = code_obj
            .downcast::<PyCode>()
            .map_err(|_| self.new_system_error("MAKE_FUNCTION expects a code object"))?;
        let f = PyFunction::new(self, code, frame.globals.clone(), frame.builtins.clone());
        Ok(PyRef::new_exact(f, self.types.function_type.clone()).into_object())
    }

    pub(crate) fn set_function_attribute(
        &self,
        func: &PyObjectRef,
        flag: u32,
        attr: PyObjectRef,
    ) -> PyResult<()> {
        let Some(f) = func.downcast_ref::<PyFunction>() else {
            return Ok(());
        };
        match flag {
            fn_attr::DEFAULTS => *f.defaults.borrow_mut() = attr.downcast::<PyTuple>().ok(),
            fn_attr::KWDEFAULTS => *f.kwdefaults.borrow_mut() = attr.downcast::<PyDict>().ok(),
            fn_attr::ANNOTATIONS => *f.annotations.borrow_mut() = Some(attr),
            fn_attr::CLOSURE => *f.closure.borrow_mut() = attr.downcast::<PyTuple>().ok(),
            _ => {}
        }
        Ok(())
    }

    /// Turns the operand of `raise` into an exception instance.
    pub(crate) fn make_raise(
        &self,
        e: PyObjectRef,
        cause: Option<PyObjectRef>,
    ) -> PyResult<PyBaseExceptionRef> {
        let exc = self.exception_instance(e, "exceptions must derive from BaseException")?;
        if let Some(c) = cause {
            if self.is_none(&c) {
                *exc.payload.cause.borrow_mut() = None;
            } else {
                let c =
                    self.exception_instance(c, "exception causes must derive from BaseException")?;
                *exc.payload.cause.borrow_mut() = Some(c.into_object());
            }
            exc.payload.suppress_context.set(true);
        }
        Ok(exc)
    }

    /// An exception class is instantiated with no arguments; an instance
    /// is used as is.
    pub fn exception_instance(&self, e: PyObjectRef, msg: &str) -> PyResult<PyBaseExceptionRef> {
        if let Some(t) = e.downcast_ref::<PyType>() {
            let _ = t;
            let ty = e.clone().downcast::<PyType>().ok().expect("type");
            if ty.is_subtype(&self.types.exc.base_exception) {
                let inst = self.call0(&e)?;
                return match inst.downcast::<PyBaseException>() {
                    Ok(x) => Ok(x),
                    Err(other) => Err(self.new_type_error(format!(
                        "calling {} should have returned an instance of BaseException, not {}",
                        self.repr_string(&e)?,
                        other.class().name_string()
                    ))),
                };
            }
            return Err(self.new_type_error(msg));
        }
        e.downcast::<PyBaseException>()
            .map_err(|_| self.new_type_error(msg))
    }

    pub(crate) fn exception_matches(&self, exc: &PyObjectRef, typ: &PyObjectRef) -> PyResult<bool> {
        let check = |t: &PyObjectRef| -> PyResult<bool> {
            match t.clone().downcast::<PyType>() {
                Ok(ty) if ty.is_subtype(&self.types.exc.base_exception) => {
                    Ok(exc.class().is_subtype(&ty))
                }
                _ => Err(self.new_type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                )),
            }
        };
        if let Some(t) = typ.downcast_ref::<PyTuple>() {
            for x in t.as_slice() {
                check(x)?;
            }
            for x in t.as_slice() {
                if check(x)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        check(typ)
    }

    pub(crate) fn before_with(
        &self,
        mgr: &PyObjectRef,
        enter: &str,
        exit: &str,
        is_async: bool,
    ) -> PyResult<(PyObjectRef, PyObjectRef)> {
        let proto = if is_async {
            "the asynchronous context manager protocol"
        } else {
            "the context manager protocol"
        };
        let Some(enter_m) = self.lookup_special(mgr, enter)? else {
            return Err(self.new_type_error(format!(
                "'{}' object does not support {}",
                mgr.class().name_string(),
                proto
            )));
        };
        let Some(exit_m) = self.lookup_special(mgr, exit)? else {
            return Err(self.new_type_error(format!(
                "'{}' object does not support {} (missed {} method)",
                mgr.class().name_string(),
                proto,
                exit
            )));
        };
        let res = self.call0(&enter_m)?;
        Ok((exit_m, res))
    }

    pub(crate) fn setup_annotations(&self, frame: &Frame) -> PyResult<()> {
        let Some(locals) = &frame.locals else {
            return Ok(());
        };
        let key = self.intern("__annotations__");
        if self.mapping_get_opt(locals, key.as_object())?.is_none() {
            self.set_item(locals, key.as_object(), self.new_dict().into_object())?;
        }
        Ok(())
    }

    fn mapping_get_opt(
        &self,
        mapping: &PyObjectRef,
        key: &PyObjectRef,
    ) -> PyResult<Option<PyObjectRef>> {
        if let Some(d) = mapping.downcast_ref::<PyDict>() {
            return d.get_item(self, key);
        }
        match self.get_item(mapping, key) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.as_object().class().is_subtype(&self.types.exc.key_error) => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub(crate) fn call_intrinsic_1(&self, frame: &Frame, which: u32, v: PyObjectRef) -> PyResult {
        match which {
            intrinsic1::PRINT => {
                if !self.is_none(&v) {
                    let hook = self.sys_attr("displayhook")?;
                    self.call1(&hook, v)?;
                }
                Ok(self.none())
            }
            intrinsic1::IMPORT_STAR => {
                self.import_star(frame, &v)?;
                Ok(self.none())
            }
            intrinsic1::STOPITERATION_ERROR => {
                let exc = v
                    .downcast::<PyBaseException>()
                    .map_err(|_| self.new_system_error("bad exception"))?;
                let flags = frame.code.payload.flags();
                let cls = exc.as_object().class().clone();
                let msg = if cls.is_subtype(&self.types.exc.stop_iteration) {
                    if flags & rython_compiler::code::flags::ASYNC_GENERATOR != 0 {
                        Some("async generator raised StopIteration")
                    } else if flags & rython_compiler::code::flags::COROUTINE != 0 {
                        Some("coroutine raised StopIteration")
                    } else {
                        Some("generator raised StopIteration")
                    }
                } else if flags & rython_compiler::code::flags::ASYNC_GENERATOR != 0
                    && cls.is_subtype(&self.types.exc.stop_async_iteration)
                {
                    Some("async generator raised StopAsyncIteration")
                } else {
                    None
                };
                match msg {
                    Some(m) => {
                        let new = self.new_runtime_error(m);
                        *new.payload.cause.borrow_mut() = Some(exc.clone().into_object());
                        *new.payload.context.borrow_mut() = Some(exc.into_object());
                        new.payload.suppress_context.set(true);
                        Ok(new.into_object())
                    }
                    // The following RERAISE raises it; raising here would
                    // add a second traceback entry for this frame.
                    None => Ok(exc.into_object()),
                }
            }
            intrinsic1::ASYNC_GEN_WRAP => Ok(PyRef::new_exact(
                crate::objects::genobject::PyAsyncGenWrappedValue { value: v },
                self.types.async_gen_wrapped_value_type.clone(),
            )
            .into_object()),
            intrinsic1::UNARY_POSITIVE => {
                self.unary_op(&v, crate::python::abstract_::UnaryOp::Positive)
            }
            intrinsic1::LIST_TO_TUPLE => Ok(match v.downcast_ref::<PyList>() {
                Some(l) => self.new_tuple(l.to_vec()).into_object(),
                None => v,
            }),
            intrinsic1::SUBSCRIPT_GENERIC => {
                let generic = self.import_attr("typing", "Generic")?;
                self.get_item(&generic, &v)
            }
            intrinsic1::TYPEVAR
            | intrinsic1::PARAMSPEC
            | intrinsic1::TYPEVARTUPLE
            | intrinsic1::TYPEALIAS => {
                let name = match which {
                    intrinsic1::TYPEVAR => "TypeVar",
                    intrinsic1::PARAMSPEC => "ParamSpec",
                    intrinsic1::TYPEVARTUPLE => "TypeVarTuple",
                    _ => "TypeAliasType",
                };
                let cls = self.import_attr("typing", name)?;
                match v.downcast_ref::<PyTuple>() {
                    Some(t) if which == intrinsic1::TYPEALIAS => {
                        // (name, type_params, compute_value): the value is
                        // computed on first use of `__value__`.
                        let items = t.as_slice();
                        let kw = self.new_tuple(vec![self.intern("type_params").into_object()]);
                        let tp = if self.is_none(&items[1]) {
                            self.ctx.empty_tuple.clone().into_object()
                        } else {
                            items[1].clone()
                        };
                        let alias =
                            self.call(&cls, &[items[0].clone(), self.none(), tp], Some(&kw))?;
                        self.set_attr_str(&alias, "_value", self.lazy_value(items[2].clone())?)?;
                        Ok(alias)
                    }
                    // Type parameters infer their variance (PEP 695).
                    _ if which == intrinsic1::TYPEVAR || which == intrinsic1::PARAMSPEC => {
                        let kw = self.new_tuple(vec![self.intern("infer_variance").into_object()]);
                        self.call(&cls, &[v, self.new_bool(true)], Some(&kw))
                    }
                    _ => self.call1(&cls, v),
                }
            }
            _ => Err(self.new_system_error(format!("unknown intrinsic {which}"))),
        }
    }

    pub(crate) fn call_intrinsic_2(
        &self,
        which: u32,
        v1: PyObjectRef,
        v2: PyObjectRef,
    ) -> PyResult {
        match which {
            intrinsic2::PREP_RERAISE_STAR => {
                crate::python::exc_star_stub::prep_reraise_star(self, v1, v2)
            }
            // The compiler passes bounds, constraints and defaults as
            // functions computing them, evaluated on first use.
            intrinsic2::TYPEVAR_WITH_BOUND | intrinsic2::TYPEVAR_WITH_CONSTRAINTS => {
                let cls = self.import_attr("typing", "TypeVar")?;
                let kw = self.new_tuple(vec![self.intern("infer_variance").into_object()]);
                let tv = self.call(&cls, &[v1, self.new_bool(true)], Some(&kw))?;
                let attr = if which == intrinsic2::TYPEVAR_WITH_BOUND {
                    "_bound"
                } else {
                    "_constraints"
                };
                self.set_attr_str(&tv, attr, self.lazy_value(v2)?)?;
                Ok(tv)
            }
            intrinsic2::SET_FUNCTION_TYPE_PARAMS => {
                if let Some(f) = v1.downcast_ref::<PyFunction>() {
                    *f.type_params.borrow_mut() = v2.downcast::<PyTuple>().ok();
                }
                Ok(v1)
            }
            intrinsic2::SET_TYPEPARAM_DEFAULT => {
                self.set_attr_str(&v1, "_default", self.lazy_value(v2)?)?;
                Ok(v1)
            }
            _ => Err(self.new_system_error(format!("unknown intrinsic {which}"))),
        }
    }

    /// `typing._LazyValue(func)`: a PEP 695 value computed on first use.
    fn lazy_value(&self, func: PyObjectRef) -> PyResult {
        let cls = self.import_attr("typing", "_LazyValue")?;
        self.call1(&cls, func)
    }

    /// `import_module(module).name`.
    pub fn import_attr(&self, module: &str, name: &str) -> PyResult {
        let m = self.import_module(module)?;
        self.get_attr_str(&m, name)
    }

    pub(crate) fn load_super_attr(
        &self,
        global_super: &PyObjectRef,
        class: &PyObjectRef,
        self_: &PyObjectRef,
        name: &PyStrRef,
        method: bool,
        two_args: bool,
    ) -> PyResult<(PyObjectRef, Option<PyObjectRef>)> {
        let builtin_super = self.types.super_type.as_object();
        if !global_super.is(builtin_super) {
            let sup = if two_args {
                self.call(global_super, &[class.clone(), self_.clone()], None)?
            } else {
                self.call0(global_super)?
            };
            return Ok((self.get_attr(&sup, name)?, None));
        }
        let sup = self.call(builtin_super, &[class.clone(), self_.clone()], None)?;
        if method {
            // Method form: look the function up past `class` in the MRO and
            // pass `self_` explicitly, avoiding a bound-method object.
            if let (Ok(cls), Some(_)) = (class.clone().downcast::<PyType>(), Some(())) {
                let start_type = if self_.payload_is::<PyType>()
                    && self_
                        .clone()
                        .downcast::<PyType>()
                        .map(|t| t.is_subtype(&cls))
                        .unwrap_or(false)
                {
                    None
                } else {
                    Some(self_.class().clone())
                };
                if let Some(st) = start_type {
                    let mro = st.mro_with_self();
                    if let Some(pos) = mro.iter().position(|t| t.is(&cls)) {
                        for t in &mro[pos + 1..] {
                            if let Some(attr) = t.payload.dict.get_str(self, name) {
                                if attr.payload_is::<PyFunction>() {
                                    return Ok((attr, Some(self_.clone())));
                                }
                                break;
                            }
                        }
                    }
                }
            }
        }
        Ok((self.get_attr(&sup, name)?, None))
    }

    pub(crate) fn match_flag(&self, obj: &PyObjectRef, flag: u32) -> bool {
        obj.class()
            .mro_with_self()
            .iter()
            .any(|t| t.payload.has_flag(flag))
    }

    /// `MATCH_KEYS`: a tuple of the values for `keys`, or None.
    pub(crate) fn match_keys(&self, subject: &PyObjectRef, keys: &PyObjectRef) -> PyResult {
        let keys = self.collect(keys)?;
        if keys.is_empty() {
            return Ok(self.ctx.empty_tuple.clone().into_object());
        }
        let get = self.get_attr_str(subject, "get")?;
        let dummy = self.new_list(vec![]).into_object();
        let mut values = Vec::with_capacity(keys.len());
        for (i, k) in keys.iter().enumerate() {
            if keys[..i]
                .iter()
                .any(|p| self.eq_bool(p, k).unwrap_or(false))
            {
                return Err(self.new_value_error(format!(
                    "mapping pattern checks duplicate key ({})",
                    self.repr_string(k)?
                )));
            }
            let v = self.call(&get, &[k.clone(), dummy.clone()], None)?;
            if v.is(&dummy) {
                return Ok(self.none());
            }
            values.push(v);
        }
        Ok(self.new_tuple(values).into_object())
    }

    /// `MATCH_CLASS`: a tuple of the extracted attributes, or None.
    pub(crate) fn match_class(
        &self,
        subject: &PyObjectRef,
        cls: &PyObjectRef,
        nargs: usize,
        names: &PyObjectRef,
    ) -> PyResult {
        if !cls.payload_is::<PyType>() {
            return Err(self.new_type_error("called match pattern must be a class"));
        }
        if !self.isinstance(subject, cls)? {
            return Ok(self.none());
        }
        let mut out = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        if nargs > 0 {
            let match_args = self.get_attr_opt_str(cls, "__match_args__")?;
            let cls_t = cls.clone().downcast::<PyType>().ok().expect("type");
            let self_match = [
                &self.types.bool_type,
                &self.types.bytearray_type,
                &self.types.bytes_type,
                &self.types.dict_type,
                &self.types.float_type,
                &self.types.frozenset_type,
                &self.types.int_type,
                &self.types.list_type,
                &self.types.set_type,
                &self.types.str_type,
                &self.types.tuple_type,
            ]
            .iter()
            .any(|t| {
                cls_t.is_subtype(t) && cls_t.payload.layout.type_id == t.payload.layout.type_id
            });
            let tname = cls_t.name_string();
            match match_args {
                Some(ma) => {
                    let Some(t) = ma.downcast_ref::<PyTuple>() else {
                        return Err(self.new_type_error(format!(
                            "{tname}.__match_args__ must be a tuple (got {})",
                            ma.class().name_string()
                        )));
                    };
                    if nargs > t.len() {
                        return Err(self.new_type_error(format!(
                            "{tname}() accepts {} positional sub-pattern{} ({nargs} given)",
                            t.len(),
                            if t.len() == 1 { "" } else { "s" }
                        )));
                    }
                    for n in &t.as_slice()[..nargs] {
                        let Some(ns) = n.downcast_ref::<PyStr>() else {
                            return Err(self.new_type_error(format!(
                                "__match_args__ elements must be strings (got {})",
                                n.class().name_string()
                            )));
                        };
                        seen.push(ns.as_str().to_string());
                        match self.get_attr_opt_str(subject, ns.as_str())? {
                            Some(v) => out.push(v),
                            None => return Ok(self.none()),
                        }
                    }
                }
                None if self_match => {
                    if nargs > 1 {
                        return Err(self.new_type_error(format!(
                            "{tname}() accepts 1 positional sub-pattern ({nargs} given)"
                        )));
                    }
                    out.push(subject.clone());
                }
                None => {
                    return Err(self.new_type_error(format!(
                        "{tname}() accepts 0 positional sub-patterns ({nargs} given)"
                    )))
                }
            }
        }
        for n in self.collect(names)? {
            let ns = n
                .downcast_ref::<PyStr>()
                .map(|s| s.as_str().to_string())
                .unwrap_or_default();
            if seen.contains(&ns) {
                return Err(self.new_type_error(format!(
                    "{}() got multiple sub-patterns for attribute '{}'",
                    cls.downcast_ref::<PyType>()
                        .map(|t| t.name().clone())
                        .unwrap_or_default(),
                    ns
                )));
            }
            seen.push(ns.clone());
            match self.get_attr_opt_str(subject, &ns)? {
                Some(v) => out.push(v),
                None => return Ok(self.none()),
            }
        }
        Ok(self.new_tuple(out).into_object())
    }

    /// `format(obj, spec)` (`PyObject_Format`).
    pub fn format_obj(&self, obj: &PyObjectRef, spec: &str) -> PyResult<PyStrRef> {
        crate::python::formatter::format_object(self, obj, spec)
    }

    /// `ascii(obj)`.
    pub fn ascii(&self, obj: &PyObjectRef) -> PyResult<PyStrRef> {
        let r = self.repr(obj)?;
        if r.payload.is_ascii() {
            return Ok(r);
        }
        let mut s = String::new();
        for c in r.payload.as_str().chars() {
            let cp = c as u32;
            if cp < 128 {
                s.push(c);
            } else if cp < 0x100 {
                s.push_str(&format!("\\x{cp:02x}"));
            } else if cp < 0x10000 {
                s.push_str(&format!("\\u{cp:04x}"));
            } else {
                s.push_str(&format!("\\U{cp:08x}"));
            }
        }
        Ok(self.new_str(s))
    }

    pub fn sys_attr(&self, name: &str) -> PyResult {
        let sys = self.state.sys_module.borrow().clone();
        match sys {
            Some(m) => match m.payload.dict.payload.get_str_name(self, name) {
                Some(v) => Ok(v),
                None => Err(self.new_runtime_error(format!("lost sys.{name}"))),
            },
            None => Err(self.new_runtime_error(format!("lost sys.{name}"))),
        }
    }

    /// Reports an exception that cannot be raised (`PyErr_WriteUnraisable`).
    pub fn write_unraisable(&self, exc: &PyBaseExceptionRef, obj: Option<&PyObjectRef>, msg: &str) {
        let what = match obj {
            Some(o) => self
                .repr_string(o)
                .unwrap_or_else(|_| "<object repr() failed>".into()),
            None => String::new(),
        };
        let text = crate::python::traceback_format::format_exception_plain(self, exc.as_object());
        let line = if what.is_empty() {
            format!("{msg}:\n")
        } else {
            format!("{msg}: {what}\n")
        };
        self.write_stderr(&(line + &text));
    }
}
