//! Raising exceptions from native code (CPython's Python/errors.c). Every
//! message a native function raises is built here or at its call site with
//! CPython's exact wording.

use crate::object::{PyObjectRef, PyRef, PyTypeRef};
use crate::objects::exceptions::{PyBaseException, PyBaseExceptionRef};
use crate::VM;

impl VM {
    /// An instance of exception type `ty` with `args`, made without running
    /// `__init__` (what `PyErr_SetObject` does for builtin exceptions).
    pub fn new_exception(&self, ty: &PyTypeRef, args: Vec<PyObjectRef>) -> PyBaseExceptionRef {
        let args = self.new_tuple(args);
        PyRef::new_with_type(PyBaseException::new(args), ty.clone())
    }

    pub fn new_exception_msg(&self, ty: &PyTypeRef, msg: impl Into<String>) -> PyBaseExceptionRef {
        let m: String = msg.into();
        self.new_exception(ty, vec![self.new_str_obj(m)])
    }

    pub fn new_exception_empty(&self, ty: &PyTypeRef) -> PyBaseExceptionRef {
        self.new_exception(ty, vec![])
    }

    /// Sets an attribute in an exception's `__dict__` (name, obj, value...).
    pub fn set_exception_attr(&self, exc: &PyBaseExceptionRef, name: &str, value: PyObjectRef) {
        if let Some(ext) = exc.as_object().instance_ext() {
            let dict = ext.dict_object(self, exc.as_object().class());
            if let Some(dict) = dict.downcast_ref::<crate::objects::dictobject::PyDict>() {
                dict.set_str(self, name, value);
            }
        }
    }

    pub fn new_type_error(&self, msg: impl Into<String>) -> PyBaseExceptionRef {
        self.new_exception_msg(&self.types.exc.type_error, msg)
    }
    pub fn new_value_error(&self, msg: impl Into<String>) -> PyBaseExceptionRef {
        self.new_exception_msg(&self.types.exc.value_error, msg)
    }
    pub fn new_index_error(&self, msg: impl Into<String>) -> PyBaseExceptionRef {
        self.new_exception_msg(&self.types.exc.index_error, msg)
    }
    pub fn new_key_error(&self, key: PyObjectRef) -> PyBaseExceptionRef {
        self.new_exception(&self.types.exc.key_error, vec![key])
    }
    pub fn new_overflow_error(&self, msg: impl Into<String>) -> PyBaseExceptionRef {
        self.new_exception_msg(&self.types.exc.overflow_error, msg)
    }
    pub fn new_zero_division_error(&self, msg: impl Into<String>) -> PyBaseExceptionRef {
        self.new_exception_msg(&self.types.exc.zero_division_error, msg)
    }
    pub fn new_runtime_error(&self, msg: impl Into<String>) -> PyBaseExceptionRef {
        self.new_exception_msg(&self.types.exc.runtime_error, msg)
    }
    pub fn new_recursion_error(&self, msg: impl Into<String>) -> PyBaseExceptionRef {
        self.new_exception_msg(&self.types.exc.recursion_error, msg)
    }
    pub fn new_not_implemented_error(&self, msg: impl Into<String>) -> PyBaseExceptionRef {
        self.new_exception_msg(&self.types.exc.not_implemented_error, msg)
    }
    pub fn new_system_error(&self, msg: impl Into<String>) -> PyBaseExceptionRef {
        self.new_exception_msg(&self.types.exc.system_error, msg)
    }
    pub fn new_memory_error(&self) -> PyBaseExceptionRef {
        self.new_exception_empty(&self.types.exc.memory_error)
    }
    pub fn new_eof_error(&self, msg: impl Into<String>) -> PyBaseExceptionRef {
        self.new_exception_msg(&self.types.exc.eof_error, msg)
    }
    pub fn new_os_error(&self, msg: impl Into<String>) -> PyBaseExceptionRef {
        self.new_exception_msg(&self.types.exc.os_error, msg)
    }
    pub fn new_unicode_error(&self, msg: impl Into<String>) -> PyBaseExceptionRef {
        self.new_exception_msg(&self.types.exc.unicode_error, msg)
    }
    pub fn new_lookup_error(&self, msg: impl Into<String>) -> PyBaseExceptionRef {
        self.new_exception_msg(&self.types.exc.lookup_error, msg)
    }
    pub fn new_assertion_error(&self, msg: impl Into<String>) -> PyBaseExceptionRef {
        self.new_exception_msg(&self.types.exc.assertion_error, msg)
    }

    /// `AttributeError` with `name` and `obj` set (used by the "Did you
    /// mean" suggestions).
    pub fn new_attribute_error(
        &self,
        msg: impl Into<String>,
        obj: Option<&PyObjectRef>,
        name: Option<&str>,
    ) -> PyBaseExceptionRef {
        let e = self.new_exception_msg(&self.types.exc.attribute_error, msg);
        self.set_exception_attr(
            &e,
            "name",
            name.map(|n| self.new_str_obj(n))
                .unwrap_or_else(|| self.none()),
        );
        self.set_exception_attr(&e, "obj", obj.cloned().unwrap_or_else(|| self.none()));
        e
    }

    /// `'T' object has no attribute 'name'`.
    pub fn new_no_attribute_error(&self, obj: &PyObjectRef, name: &str) -> PyBaseExceptionRef {
        let msg = format!(
            "'{}' object has no attribute '{}'",
            obj.class().name_string(),
            name
        );
        self.new_attribute_error(msg, Some(obj), Some(name))
    }

    pub fn new_name_error(&self, name: &str) -> PyBaseExceptionRef {
        let e = self.new_exception_msg(
            &self.types.exc.name_error,
            format!("name '{name}' is not defined"),
        );
        self.set_exception_attr(&e, "name", self.new_str_obj(name));
        e
    }

    pub fn new_unbound_local_error(&self, name: &str) -> PyBaseExceptionRef {
        let e = self.new_exception_msg(
            &self.types.exc.unbound_local_error,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        );
        self.set_exception_attr(&e, "name", self.new_str_obj(name));
        e
    }

    pub fn new_stop_iteration(&self, value: Option<PyObjectRef>) -> PyBaseExceptionRef {
        let args = value.clone().map(|v| vec![v]).unwrap_or_default();
        let e = self.new_exception(&self.types.exc.stop_iteration, args);
        self.set_exception_attr(&e, "value", value.unwrap_or_else(|| self.none()));
        e
    }

    pub fn new_import_error(
        &self,
        msg: impl Into<String>,
        name: Option<&str>,
        module_not_found: bool,
    ) -> PyBaseExceptionRef {
        let ty = if module_not_found {
            &self.types.exc.module_not_found_error
        } else {
            &self.types.exc.import_error
        };
        let e = self.new_exception_msg(ty, msg);
        self.set_exception_attr(
            &e,
            "name",
            name.map(|n| self.new_str_obj(n))
                .unwrap_or_else(|| self.none()),
        );
        self.set_exception_attr(&e, "path", self.none());
        self.set_exception_attr(
            &e,
            "msg",
            e.payload
                .args
                .borrow()
                .payload
                .as_slice()
                .first()
                .cloned()
                .unwrap_or_else(|| self.none()),
        );
        e
    }

    /// "unsupported operand type(s) for +: 'int' and 'str'".
    pub fn new_unsupported_binop(
        &self,
        op: &str,
        a: &PyObjectRef,
        b: &PyObjectRef,
    ) -> PyBaseExceptionRef {
        self.new_type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            op,
            a.class().name_string(),
            b.class().name_string()
        ))
    }
}

/// A warning issued by native code, waiting for the eval loop to tell where
/// (see `VM::warn`).
pub struct PendingWarning {
    pub category: PyTypeRef,
    pub message: String,
    /// `recursion_depth` when it was issued: the frame at that depth (or a
    /// native call it made) issued it.
    pub depth: usize,
}

impl VM {
    /// `PyErr_WarnEx(category, message, 1)`: a warning pointing at the
    /// Python code running the current instruction (its file, line, module
    /// and `__warningregistry__`), through the `warnings` module's filters,
    /// so `catch_warnings`, `simplefilter("error")` and the "print once per
    /// location" rule apply.
    ///
    /// Native code does not see the frame it runs for, so the warning is
    /// queued with the depth of that frame, and the eval loop issues it as
    /// soon as the native call returns to it, where the frame and its
    /// current instruction are known; a filter turning it into an exception
    /// then fails that instruction. (So, unlike CPython, Python code that
    /// the same native call runs after the warning, such as `__trunc__`
    /// after "The delegation of int() to __trunc__", runs before the
    /// warning is shown or raised.) Rust code running outside any Python
    /// frame issues it at once, pointing at the `sys` module as CPython
    /// does. Queueing costs the eval loop one flag test after each
    /// instruction that can run native code (`tri_w!`), instead of
    /// publishing every frame it switches to.
    pub fn warn(&self, category: &PyTypeRef, message: impl Into<String>) -> crate::PyResult<()> {
        let depth = self.recursion_depth.get();
        if depth == 0 {
            return self.issue_warning(category, message.into(), None);
        }
        self.state
            .pending_warnings
            .borrow_mut()
            .push(PendingWarning {
                category: category.clone(),
                message: message.into(),
                depth,
            });
        self.state.warn_pending.set(true);
        Ok(())
    }

    /// `warn` with a `DeprecationWarning`.
    pub fn warn_deprecated(&self, message: impl Into<String>) -> crate::PyResult<()> {
        let cat = self.types.exc.deprecation_warning.clone();
        self.warn(&cat, message)
    }

    /// Issues the queued warnings of `frame` (the innermost frame, at the
    /// current depth) and of native calls it made, in order, at its current
    /// instruction. On an exception the rest are dropped: the operation
    /// would have stopped at the first.
    pub(crate) fn flush_warnings(
        &self,
        frame: &crate::python::frame::Frame,
    ) -> crate::PyResult<()> {
        let (code, globals) = (&frame.code, &frame.globals);
        let depth = self.recursion_depth.get();
        let mine: Vec<PendingWarning> = {
            let mut all = self.state.pending_warnings.borrow_mut();
            let (mine, rest): (Vec<_>, Vec<_>) = all.drain(..).partition(|w| w.depth >= depth);
            *all = rest;
            self.state.warn_pending.set(!all.is_empty());
            mine
        };
        let line = code.payload.line_at(frame.lasti).unwrap_or(0);
        for w in mine {
            self.issue_warning(&w.category, w.message, Some((code, line, globals)))?;
        }
        Ok(())
    }

    /// `flush_warnings` where an instruction can no longer fail.
    pub(crate) fn flush_warnings_unraisable(&self, frame: &crate::python::frame::Frame) {
        if let Err(e) = self.flush_warnings(frame) {
            self.write_unraisable(&e, None, "Exception ignored in");
        }
    }

    /// `warn_explicit` for a warning raised at `place` (code, line,
    /// globals), or at the `sys` module without one.
    fn issue_warning(
        &self,
        category: &PyTypeRef,
        message: String,
        place: Option<(
            &crate::objects::codeobject::PyCodeRef,
            u32,
            &crate::objects::dictobject::PyDictRef,
        )>,
    ) -> crate::PyResult<()> {
        let (filename, lineno, globals) = match place {
            Some((code, line, globals)) => (
                code.payload.filename.clone().into_object(),
                line as i64,
                globals.clone(),
            ),
            None => {
                let sys = self.import_module("sys")?;
                let d = self.get_attr_str(&sys, "__dict__")?;
                match d.downcast::<crate::objects::dictobject::PyDict>() {
                    Ok(d) => (self.new_str_obj("sys"), 1, d),
                    Err(_) => return Ok(()),
                }
            }
        };
        let module = match globals.payload.get_str_name(self, "__name__") {
            Some(m) if m.payload_is::<crate::objects::strobject::PyStr>() => m,
            _ => self.new_str_obj("<string>"),
        };
        let registry = match globals.payload.get_str_name(self, "__warningregistry__") {
            Some(r) => r,
            None => {
                let r = self.new_dict().into_object();
                globals
                    .payload
                    .set_str(self, "__warningregistry__", r.clone());
                r
            }
        };
        let warnings = self.import_module("warnings")?;
        let explicit = self.get_attr_str(&warnings, "warn_explicit")?;
        self.call(
            &explicit,
            &[
                self.new_str_obj(message),
                category.clone().into_object(),
                filename,
                self.new_int(lineno),
                module,
                registry,
                globals.into_object(),
            ],
            None,
        )?;
        Ok(())
    }
}
