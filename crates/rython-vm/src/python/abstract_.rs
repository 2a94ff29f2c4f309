//! The abstract object layer (CPython's Objects/abstract.c and object.c):
//! attribute access, calls, comparison, hashing, truth, the number,
//! sequence, mapping and iterator protocols. Everything dispatches through
//! the type's slots; exact builtin types get inline fast paths.

use crate::object::{PyObjectRef, PyRef, PyTypeRef};
use crate::objects::dictobject::PyDict;
use crate::objects::floatobject::PyFloat;
use crate::objects::funcobject::PyFunction;
use crate::objects::longobject::PyInt;
use crate::objects::strobject::{PyStr, PyStrRef};
use crate::objects::tupleobject::PyTupleRef;
use crate::objects::typeobject::{CompareOp, NumberOp, PyType};
use crate::{PyResult, VM};

impl VM {
    // ----- attributes -------------------------------------------------

    #[inline]
    pub fn get_attr(&self, obj: &PyObjectRef, name: &PyStrRef) -> PyResult {
        match obj.class().payload.slots.getattro.get() {
            Some(f) => f(self, obj, name),
            None => generic_getattr(self, obj, name),
        }
    }

    pub fn get_attr_str(&self, obj: &PyObjectRef, name: &str) -> PyResult {
        let n = self.intern(name);
        self.get_attr(obj, &n)
    }

    /// `_PyObject_LookupAttr`: `Ok(None)` when the attribute is missing
    /// (AttributeError swallowed), other errors propagate.
    pub fn get_attr_opt(
        &self,
        obj: &PyObjectRef,
        name: &PyStrRef,
    ) -> PyResult<Option<PyObjectRef>> {
        let f = obj.class().payload.slots.getattro.get();
        // Comparing slot pointers is only a shortcut: a false mismatch takes
        // the general path below.
        #[allow(unpredictable_function_pointer_comparisons)]
        let generic =
            f.is_none() || f == Some(generic_getattr as crate::objects::typeobject::GetattroFn);
        if generic {
            return generic_getattr_opt(self, obj, name);
        }
        match self.get_attr(obj, name) {
            Ok(v) => Ok(Some(v)),
            Err(e)
                if e.as_object()
                    .class()
                    .is_subtype(&self.types.exc.attribute_error) =>
            {
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    pub fn get_attr_opt_str(&self, obj: &PyObjectRef, name: &str) -> PyResult<Option<PyObjectRef>> {
        let n = self.intern(name);
        self.get_attr_opt(obj, &n)
    }

    pub fn set_attr(
        &self,
        obj: &PyObjectRef,
        name: &PyStrRef,
        value: Option<PyObjectRef>,
    ) -> PyResult<()> {
        match obj.class().payload.slots.setattro.get() {
            Some(f) => f(self, obj, name, value),
            None => generic_setattr(self, obj, name, value),
        }
    }

    pub fn set_attr_str(&self, obj: &PyObjectRef, name: &str, value: PyObjectRef) -> PyResult<()> {
        let n = self.intern(name);
        self.set_attr(obj, &n, Some(value))
    }

    /// Looks up a special method on the type (not the instance) and binds
    /// it: `_PyObject_LookupSpecial`.
    pub fn lookup_special(&self, obj: &PyObjectRef, name: &str) -> PyResult<Option<PyObjectRef>> {
        let Some(attr) = obj.class().lookup_str(self, name) else {
            return Ok(None);
        };
        Ok(Some(self.bind_descriptor(
            attr,
            Some(obj),
            obj.class().as_object(),
        )?))
    }

    /// Applies `__get__` if `attr` is a descriptor.
    pub fn bind_descriptor(
        &self,
        attr: PyObjectRef,
        obj: Option<&PyObjectRef>,
        cls: &PyObjectRef,
    ) -> PyResult {
        match attr.class().payload.slots.descr_get.get() {
            Some(get) => get(self, &attr, obj, Some(cls)),
            None => Ok(attr),
        }
    }

    /// Calls `obj.name(*args)`, looking the method up on the type.
    pub fn call_method(&self, obj: &PyObjectRef, name: &str, args: &[PyObjectRef]) -> PyResult {
        let n = self.intern(name);
        if let Some(attr) = obj.class().lookup(self, &n) {
            if attr.payload_is::<PyFunction>()
                || attr.payload_is::<crate::objects::methodobject::PyMethodDescr>()
            {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(obj.clone());
                full.extend_from_slice(args);
                return self.call(&attr, &full, None);
            }
        }
        let f = self.get_attr(obj, &n)?;
        self.call(&f, args, None)
    }

    // ----- calls --------------------------------------------------------

    /// `PyObject_Vectorcall`: positional args, then keyword values named by
    /// `kwnames`.
    #[inline]
    pub fn call(
        &self,
        callable: &PyObjectRef,
        args: &[PyObjectRef],
        kwnames: Option<&PyTupleRef>,
    ) -> PyResult {
        match callable.class().payload.slots.call.get() {
            Some(f) => f(self, callable, args, kwnames),
            None => Err(self.new_type_error(format!(
                "'{}' object is not callable",
                callable.class().name_string()
            ))),
        }
    }

    pub fn call0(&self, callable: &PyObjectRef) -> PyResult {
        self.call(callable, &[], None)
    }

    pub fn call1(&self, callable: &PyObjectRef, a: PyObjectRef) -> PyResult {
        self.call(callable, &[a], None)
    }

    pub fn is_callable(&self, obj: &PyObjectRef) -> bool {
        obj.class().payload.slots.call.get().is_some()
    }

    // ----- repr / str / hash -------------------------------------------

    pub fn repr(&self, obj: &PyObjectRef) -> PyResult<PyStrRef> {
        let f = obj.class().payload.slots.repr.get();
        let r = match f {
            Some(f) => {
                let depth = self.recursion_depth.get();
                if depth >= self.recursion_limit.get() {
                    return Err(self.new_recursion_error(
                        "maximum recursion depth exceeded while getting the repr of an object",
                    ));
                }
                self.recursion_depth.set(depth + 1);
                let r = f(self, obj);
                self.recursion_depth.set(depth);
                r?
            }
            None => return Ok(self.new_str(default_repr(self, obj))),
        };
        match r.downcast::<PyStr>() {
            Ok(s) => Ok(s),
            Err(r) => Err(self.new_type_error(format!(
                "__repr__ returned non-string (type {})",
                r.class().name_string()
            ))),
        }
    }

    pub fn str(&self, obj: &PyObjectRef) -> PyResult<PyStrRef> {
        if obj.class().as_object().is(self.types.str_type.as_object()) {
            return Ok(obj.clone().downcast::<PyStr>().ok().expect("exact str"));
        }
        let r = match obj.class().payload.slots.str.get() {
            Some(f) => f(self, obj)?,
            None => return self.repr(obj),
        };
        match r.downcast::<PyStr>() {
            Ok(s) => Ok(s),
            Err(r) => Err(self.new_type_error(format!(
                "__str__ returned non-string (type {})",
                r.class().name_string()
            ))),
        }
    }

    pub fn repr_string(&self, obj: &PyObjectRef) -> PyResult<String> {
        Ok(self.repr(obj)?.payload.as_str().to_string())
    }

    pub fn str_string(&self, obj: &PyObjectRef) -> PyResult<String> {
        Ok(self.str(obj)?.payload.as_str().to_string())
    }

    #[inline]
    pub fn hash(&self, obj: &PyObjectRef) -> PyResult<i64> {
        if let Some(s) = obj.downcast_ref::<PyStr>() {
            if obj.class().as_object().is(self.types.str_type.as_object()) {
                return Ok(s.hash_value(self));
            }
        }
        if let Some(PyInt::Small(v)) = obj.downcast_ref::<PyInt>() {
            if obj.class().is(&self.types.int_type) || obj.class().is(&self.types.bool_type) {
                return Ok(crate::python::pyhash::hash_i64(*v));
            }
        }
        match obj.class().payload.slots.hash.get() {
            Some(f) => f(self, obj),
            None => {
                Err(self
                    .new_type_error(format!("unhashable type: '{}'", obj.class().name_string())))
            }
        }
    }

    // ----- comparison ----------------------------------------------------

    /// `PyObject_RichCompare` with the reflected-operand and subclass-first
    /// rules, and the identity fallback for `==`/`!=`.
    pub fn rich_compare(&self, a: &PyObjectRef, b: &PyObjectRef, op: CompareOp) -> PyResult {
        let depth = self.recursion_depth.get();
        if depth >= self.recursion_limit.get() {
            return Err(self.new_recursion_error("maximum recursion depth exceeded in comparison"));
        }
        self.recursion_depth.set(depth + 1);
        let r = self.rich_compare_inner(a, b, op);
        self.recursion_depth.set(depth);
        r
    }

    fn rich_compare_inner(&self, a: &PyObjectRef, b: &PyObjectRef, op: CompareOp) -> PyResult {
        let ta = a.class();
        let tb = b.class();
        let mut checked_reverse = false;
        if !ta.as_object().is(tb.as_object()) && tb.is_subtype(ta) {
            if let Some(f) = tb.payload.slots.richcompare.get() {
                checked_reverse = true;
                let r = f(self, b, a, op.swapped())?;
                if !self.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        if let Some(f) = ta.payload.slots.richcompare.get() {
            let r = f(self, a, b, op)?;
            if !self.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if !checked_reverse {
            if let Some(f) = tb.payload.slots.richcompare.get() {
                let r = f(self, b, a, op.swapped())?;
                if !self.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        match op {
            CompareOp::Eq => Ok(self.new_bool(a.is(b))),
            CompareOp::Ne => Ok(self.new_bool(!a.is(b))),
            _ => Err(self.new_type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                ta.name_string(),
                tb.name_string()
            ))),
        }
    }

    pub fn rich_compare_bool(
        &self,
        a: &PyObjectRef,
        b: &PyObjectRef,
        op: CompareOp,
    ) -> PyResult<bool> {
        if a.is(b) {
            match op {
                CompareOp::Eq => return Ok(true),
                CompareOp::Ne => return Ok(false),
                _ => {}
            }
        }
        let r = self.rich_compare(a, b, op)?;
        self.is_true(&r)
    }

    /// `a == b` as a bool, identity implying equality (as containers do).
    #[inline]
    pub fn eq_bool(&self, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        self.rich_compare_bool(a, b, CompareOp::Eq)
    }

    // ----- truth ---------------------------------------------------------

    #[inline]
    pub fn is_true(&self, obj: &PyObjectRef) -> PyResult<bool> {
        if obj.is(&self.ctx.true_obj) {
            return Ok(true);
        }
        if obj.is(&self.ctx.false_obj) || obj.is(&self.ctx.none) {
            return Ok(false);
        }
        let slots = &obj.class().payload.slots;
        if let Some(f) = slots.nb_bool.get() {
            return f(self, obj);
        }
        if let Some(f) = slots.len.get() {
            return Ok(f(self, obj)? != 0);
        }
        Ok(true)
    }

    // ----- numbers -------------------------------------------------------

    /// `binary_op1`: try `type(a)`'s slot and `type(b)`'s, the subclass first.
    pub fn binary_op1(&self, a: &PyObjectRef, b: &PyObjectRef, op: NumberOp) -> PyResult {
        let ta = a.class();
        let tb = b.class();
        let slotv = ta.payload.slots.nb_binary[op as usize].get();
        let mut slotw = if ta.as_object().is(tb.as_object()) {
            None
        } else {
            tb.payload.slots.nb_binary[op as usize].get()
        };
        // As in CPython: the same slot on both sides is tried once. Slot
        // pointers of one function may differ across codegen units, which
        // only means trying a slot twice (it returns NotImplemented again).
        #[allow(unpredictable_function_pointer_comparisons)]
        let same = slotw.is_some() && slotw == slotv;
        if same {
            slotw = None;
        }
        if let Some(fv) = slotv {
            if let Some(fw) = slotw {
                if tb.is_subtype(ta) {
                    let r = fw(self, a, b)?;
                    if !self.is_not_implemented(&r) {
                        return Ok(r);
                    }
                    slotw = None;
                }
            }
            let r = fv(self, a, b)?;
            if !self.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if let Some(fw) = slotw {
            return fw(self, a, b);
        }
        Ok(self.not_implemented())
    }

    pub fn binary_op(&self, a: &PyObjectRef, b: &PyObjectRef, op: NumberOp) -> PyResult {
        let r = self.binary_op1(a, b, op)?;
        if !self.is_not_implemented(&r) {
            return Ok(r);
        }
        // Sequence fallbacks: `+` concatenates, `*` repeats.
        match op {
            NumberOp::Add => {
                if let Some(r) = crate::python::sequence::concat_fallback(self, a, b)? {
                    return Ok(r);
                }
            }
            NumberOp::Multiply => {
                if let Some(r) = crate::python::sequence::repeat_fallback(self, a, b)? {
                    return Ok(r);
                }
            }
            _ => {}
        }
        if op == NumberOp::Rshift
            && a.payload_is::<crate::objects::methodobject::PyBuiltinFunction>()
        {
            if let Some(f) = a.downcast_ref::<crate::objects::methodobject::PyBuiltinFunction>() {
                if f.name == "print" {
                    return Err(self.new_type_error(format!(
                        "unsupported operand type(s) for >>: 'builtin_function_or_method' and '{}'. Did you mean \"print(<message>, file=<output_stream>)\"?",
                        b.class().name_string()
                    )));
                }
            }
        }
        if op == NumberOp::Power {
            return Err(self.new_unsupported_binop("** or pow()", a, b));
        }
        Err(self.new_unsupported_binop(op.symbol(), a, b))
    }

    /// Three-argument `pow(a, b, m)` with `m` not None (CPython's
    /// `ternary_op`): the operands' slots as for a binary operator, then the
    /// modulus's (which is how `pow(2, 3, 4.0)` reaches float's error).
    pub fn ternary_pow(&self, a: &PyObjectRef, b: &PyObjectRef, m: &PyObjectRef) -> PyResult {
        let ta = a.class();
        let tb = b.class();
        let slotv = ta.payload.slots.nb_power_mod.get();
        let mut slotw = if ta.as_object().is(tb.as_object()) {
            None
        } else {
            tb.payload.slots.nb_power_mod.get()
        };
        #[allow(unpredictable_function_pointer_comparisons)]
        let same = slotw.is_some() && slotw == slotv;
        if same {
            slotw = None;
        }
        if let Some(fv) = slotv {
            if let Some(fw) = slotw {
                if tb.is_subtype(ta) {
                    let r = fw(self, a, b, m)?;
                    if !self.is_not_implemented(&r) {
                        return Ok(r);
                    }
                    slotw = None;
                }
            }
            let r = fv(self, a, b, m)?;
            if !self.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if let Some(fw) = slotw {
            let r = fw(self, a, b, m)?;
            if !self.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        let slotz = m.class().payload.slots.nb_power_mod.get();
        #[allow(unpredictable_function_pointer_comparisons)]
        let tried = slotz == slotv || slotz == slotw;
        if let (Some(fz), false) = (slotz, tried) {
            let r = fz(self, a, b, m)?;
            if !self.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        Err(self.new_type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
            a.class().name_string(),
            b.class().name_string(),
            m.class().name_string()
        )))
    }

    /// In-place operator (`a += b`): `__iadd__` first, then the binary op.
    pub fn inplace_op(&self, a: &PyObjectRef, b: &PyObjectRef, op: NumberOp) -> PyResult {
        if let Some(f) = a.class().payload.slots.nb_inplace[op as usize].get() {
            let r = f(self, a, b)?;
            if !self.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        let r = self.binary_op1(a, b, op)?;
        if !self.is_not_implemented(&r) {
            return Ok(r);
        }
        match op {
            NumberOp::Add => {
                if let Some(r) = crate::python::sequence::inplace_concat_fallback(self, a, b)? {
                    return Ok(r);
                }
            }
            NumberOp::Multiply => {
                if let Some(r) = crate::python::sequence::inplace_repeat_fallback(self, a, b)? {
                    return Ok(r);
                }
            }
            _ => {}
        }
        let sym = format!("{}=", op.symbol());
        if op == NumberOp::Power {
            return Err(self.new_unsupported_binop("**=", a, b));
        }
        Err(self.new_unsupported_binop(&sym, a, b))
    }

    pub fn unary_op(&self, a: &PyObjectRef, which: UnaryOp) -> PyResult {
        let slots = &a.class().payload.slots;
        let (f, sym) = match which {
            UnaryOp::Negative => (slots.nb_negative.get(), "unary -"),
            UnaryOp::Positive => (slots.nb_positive.get(), "unary +"),
            UnaryOp::Invert => (slots.nb_invert.get(), "unary ~"),
            UnaryOp::Absolute => (slots.nb_absolute.get(), "abs()"),
        };
        match f {
            Some(f) => f(self, a),
            None => Err(self.new_type_error(format!(
                "bad operand type for {}: '{}'",
                sym,
                a.class().name_string()
            ))),
        }
    }

    /// A C `int` argument (the `i` format of `PyArg_Parse`): an index that
    /// must fit 32 bits.
    pub fn to_c_int(&self, obj: &PyObjectRef) -> PyResult<i32> {
        let i = self.to_index(obj)?;
        i.downcast_ref::<PyInt>()
            .and_then(|i| i.as_i64())
            .and_then(|v| i32::try_from(v).ok())
            .ok_or_else(|| self.new_overflow_error("Python int too large to convert to C int"))
    }

    /// `operator.index`: the int value of an object with `__index__`.
    pub fn to_index(&self, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
        if obj.payload_is::<PyInt>() {
            return Ok(obj.clone());
        }
        match obj.class().payload.slots.nb_index.get() {
            Some(f) => {
                let r = f(self, obj)?;
                if r.class().is(&self.types.int_type) {
                    Ok(r)
                } else if r.payload_is::<PyInt>() {
                    self.warn_deprecated(format!(
                        "__index__ returned non-int (type {}).  The ability to return an \
                         instance of a strict subclass of int is deprecated, and may be \
                         removed in a future version of Python.",
                        r.class().name_string()
                    ))?;
                    Ok(r)
                } else {
                    Err(self.new_type_error(format!(
                        "__index__ returned non-int (type {})",
                        r.class().name_string()
                    )))
                }
            }
            None => Err(self.new_type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                obj.class().name_string()
            ))),
        }
    }

    /// An index as i64, raising `OverflowError` like `PyNumber_AsSsize_t`
    /// with `IndexError` when `overflow_is_index_error`.
    pub fn to_isize(&self, obj: &PyObjectRef, what: &str) -> PyResult<i64> {
        if let Some(PyInt::Small(v)) = obj.downcast_ref::<PyInt>() {
            return Ok(*v);
        }
        // Only an object without `__index__` gets the "indices" message; an
        // error from `__index__` itself propagates.
        if !what.is_empty()
            && !obj.payload_is::<PyInt>()
            && obj.class().payload.slots.nb_index.get().is_none()
        {
            return Err(self.new_type_error(format!(
                "{what} must be integers or slices, not {}",
                obj.class().name_string()
            )));
        }
        let i = self.to_index(obj)?;
        match i.downcast_ref::<PyInt>() {
            Some(PyInt::Small(v)) => Ok(*v),
            _ => Err(self.new_exception_msg(
                &self.types.exc.index_error,
                format!(
                    "cannot fit '{}' into an index-sized integer",
                    obj.class().name_string()
                ),
            )),
        }
    }

    /// `PyFloat_AsDouble`: a float (subclasses included) as is; anything
    /// else through its type's `nb_float` slot (an int subclass overriding
    /// `__float__` included), else `__index__`.
    pub fn to_f64(&self, obj: &PyObjectRef) -> PyResult<f64> {
        if let Some(f) = obj.downcast_ref::<PyFloat>() {
            return Ok(f.value);
        }
        if obj.class().is(&self.types.int_type) {
            if let Some(i) = obj.downcast_ref::<PyInt>() {
                return crate::objects::longobject::int_to_f64(self, i);
            }
        }
        if let Some(f) = obj.class().payload.slots.nb_float.get() {
            let r = f(self, obj)?;
            return self.float_result(obj, &r);
        }
        if obj.class().payload.slots.nb_index.get().is_some() {
            let i = self.to_index(obj)?;
            return match i.downcast_ref::<PyInt>() {
                Some(i) => crate::objects::longobject::int_to_f64(self, i),
                None => self.to_f64(&i),
            };
        }
        Err(self.new_type_error(format!(
            "must be real number, not {}",
            obj.class().name_string()
        )))
    }

    /// The value of what `obj`'s `__float__` returned: a float, a float
    /// subclass with a DeprecationWarning, else a TypeError.
    pub fn float_result(&self, obj: &PyObjectRef, r: &PyObjectRef) -> PyResult<f64> {
        let Some(f) = r.downcast_ref::<PyFloat>() else {
            return Err(self.new_type_error(format!(
                "{}.__float__ returned non-float (type {})",
                obj.class().name_string(),
                r.class().name_string()
            )));
        };
        if !r.class().is(&self.types.float_type) {
            self.warn_deprecated(format!(
                "{}.__float__ returned non-float (type {}).  The ability to return an \
                 instance of a strict subclass of float is deprecated, and may be removed \
                 in a future version of Python.",
                obj.class().name_string(),
                r.class().name_string()
            ))?;
        }
        Ok(f.value)
    }

    // ----- sequences and mappings ---------------------------------------

    pub fn len(&self, obj: &PyObjectRef) -> PyResult<usize> {
        match obj.class().payload.slots.len.get() {
            Some(f) => f(self, obj),
            None => Err(self.new_type_error(format!(
                "object of type '{}' has no len()",
                obj.class().name_string()
            ))),
        }
    }

    pub fn get_item(&self, obj: &PyObjectRef, key: &PyObjectRef) -> PyResult {
        if let Some(f) = obj.class().payload.slots.getitem.get() {
            return f(self, obj, key);
        }
        if obj.payload_is::<PyType>() {
            // `type[int]`: `type` itself is generic (CPython special-cases it).
            if obj.is(self.types.type_type.as_object()) {
                return Ok(crate::objects::genericaliasobject::new_generic_alias(
                    self,
                    obj.clone(),
                    key.clone(),
                ));
            }
            if let Some(cgi) = self.get_attr_opt_str(obj, "__class_getitem__")? {
                return self.call1(&cgi, key.clone());
            }
            if let Some(t) = obj.downcast_ref::<PyType>() {
                return Err(
                    self.new_type_error(format!("type '{}' is not subscriptable", t.name()))
                );
            }
        }
        Err(self.new_type_error(format!(
            "'{}' object is not subscriptable",
            obj.class().name_string()
        )))
    }

    pub fn set_item(
        &self,
        obj: &PyObjectRef,
        key: &PyObjectRef,
        value: PyObjectRef,
    ) -> PyResult<()> {
        match obj.class().payload.slots.setitem.get() {
            Some(f) => f(self, obj, key, Some(value)),
            None => Err(self.new_type_error(format!(
                "'{}' object does not support item assignment",
                obj.class().name_string()
            ))),
        }
    }

    pub fn del_item(&self, obj: &PyObjectRef, key: &PyObjectRef) -> PyResult<()> {
        let cls = obj.class();
        if let Some(f) = cls.payload.slots.setitem.get() {
            return f(self, obj, key, None);
        }
        // CPython words it twice: `PySequence_DelItem` (a type with
        // sequence methods, which classes always have, and an index key)
        // says "doesn't", `PyObject_DelItem` "does not".
        let s = &cls.payload.slots;
        let sequence =
            cls.payload.is_heap_type() || s.contains.get().is_some() || s.len.get().is_some();
        let index = key.payload_is::<PyInt>() || key.class().payload.slots.nb_index.get().is_some();
        Err(self.new_type_error(format!(
            "'{}' object {} support item deletion",
            cls.name_string(),
            if sequence && index {
                "doesn't"
            } else {
                "does not"
            }
        )))
    }

    /// `item in container`.
    pub fn contains(&self, container: &PyObjectRef, item: &PyObjectRef) -> PyResult<bool> {
        if let Some(f) = container.class().payload.slots.contains.get() {
            return f(self, container, item);
        }
        // Fall back to iteration (`_PySequence_IterSearch`).
        let it = self.get_iter(container).map_err(|_| {
            self.new_type_error(format!(
                "argument of type '{}' is not iterable",
                container.class().name_string()
            ))
        })?;
        while let Some(x) = self.next(&it)? {
            if self.eq_bool(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    // ----- iteration -----------------------------------------------------

    pub fn get_iter(&self, obj: &PyObjectRef) -> PyResult {
        if let Some(f) = obj.class().payload.slots.iter.get() {
            let it = f(self, obj)?;
            if it.class().payload.slots.iternext.get().is_none() {
                return Err(self.new_type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    it.class().name_string()
                )));
            }
            return Ok(it);
        }
        if obj.class().payload.slots.getitem.get().is_some() && !obj.payload_is::<PyDict>() {
            return Ok(crate::objects::iterobject::new_seq_iterator(
                self,
                obj.clone(),
            ));
        }
        Err(self.new_type_error(format!(
            "'{}' object is not iterable",
            obj.class().name_string()
        )))
    }

    /// `PyIter_Next`: `Ok(None)` at exhaustion.
    #[inline]
    pub fn next(&self, iter: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        match iter.class().payload.slots.iternext.get() {
            // A raised StopIteration (e.g. a generator's return value) also
            // means exhaustion, as `PyIter_Next` treats it.
            Some(f) => match f(self, iter) {
                Err(e)
                    if e.as_object()
                        .class()
                        .is_subtype(&self.types.exc.stop_iteration) =>
                {
                    Ok(None)
                }
                r => r,
            },
            None => Err(self.new_type_error(format!(
                "'{}' object is not an iterator",
                iter.class().name_string()
            ))),
        }
    }

    /// Collects an iterable into a vector (`PySequence_Fast`).
    /// The size an iterable announces (CPython's `PyObject_LengthHint`,
    /// asked after `iter()`): `__len__`, ignoring a TypeError from it.
    /// Callers preallocate the whole hint, as CPython does, so an impossible
    /// size is a MemoryError (or `__len__`'s OverflowError, as for
    /// `list(range(10**20))`) before anything is built, not an abort when
    /// memory runs out.
    pub fn length_hint(&self, obj: &PyObjectRef) -> PyResult<Option<usize>> {
        if obj.class().payload.slots.len.get().is_none() {
            return Ok(None);
        }
        match self.len(obj) {
            Ok(n) => Ok(Some(n)),
            Err(e) if e.as_object().class().is_subtype(&self.types.exc.type_error) => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub fn collect(&self, obj: &PyObjectRef) -> PyResult<Vec<PyObjectRef>> {
        // Exact types only: a subclass may override `__iter__`.
        if let Some(t) = obj.exact(&self.ctx.tuple_exact) {
            return Ok(t.as_slice().to_vec());
        }
        if let Some(l) = obj.exact(&self.ctx.list_exact) {
            return Ok(l.to_vec());
        }
        let it = self.get_iter(obj)?;
        let mut v = Vec::new();
        if let Some(n) = self.length_hint(obj)? {
            v.try_reserve(n).map_err(|_| self.new_memory_error())?;
        }
        while let Some(x) = self.next(&it)? {
            v.push(x);
        }
        Ok(v)
    }

    // ----- isinstance ----------------------------------------------------

    #[inline]
    pub fn fast_isinstance(&self, obj: &PyObjectRef, cls: &PyTypeRef) -> bool {
        obj.class().is_subtype(cls)
    }

    /// `isinstance(obj, cls)` including tuples and `__instancecheck__`.
    fn claimed_class_is_subtype(&self, obj: &PyObjectRef, cls: &PyTypeRef) -> PyResult<bool> {
        if !obj
            .class()
            .payload
            .has_flag(crate::objects::typeobject::flags::HEAPTYPE)
        {
            return Ok(false);
        }
        let icls = match self.get_attr_opt_str(obj, "__class__") {
            Ok(Some(c)) => c,
            Ok(None) => return Ok(false),
            Err(e)
                if e.as_object()
                    .class()
                    .is_subtype(&self.types.exc.attribute_error) =>
            {
                return Ok(false)
            }
            Err(e) => return Err(e),
        };
        match icls.downcast::<PyType>() {
            Ok(t) if !t.is(obj.class()) => Ok(t.is_subtype(cls)),
            _ => Ok(false),
        }
    }

    pub fn isinstance(&self, obj: &PyObjectRef, cls: &PyObjectRef) -> PyResult<bool> {
        if let Some(t) = cls.downcast_ref::<PyType>() {
            let _ = t;
            let cls_t: PyTypeRef = cls.clone().downcast::<PyType>().ok().expect("checked");
            if obj.class().is_subtype(&cls_t) {
                return Ok(true);
            }
            if cls.class().as_object().is(self.types.type_type.as_object()) {
                // A class may claim another `__class__` (proxies, mocks):
                // CPython's object_isinstance consults it. Builtin types
                // cannot override it.
                return self.claimed_class_is_subtype(obj, &cls_t);
            }
        }
        if let Some(t) = cls.downcast_ref::<crate::objects::tupleobject::PyTuple>() {
            for c in t.as_slice() {
                if self.isinstance(obj, c)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if let Some(check) = self.lookup_special(cls, "__instancecheck__")? {
            let r = self.call1(&check, obj.clone())?;
            return self.is_true(&r);
        }
        Err(self.new_type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"))
    }

    pub fn issubclass(&self, sub: &PyObjectRef, cls: &PyObjectRef) -> PyResult<bool> {
        if let Some(t) = cls.downcast_ref::<crate::objects::tupleobject::PyTuple>() {
            for c in t.as_slice() {
                if self.issubclass(sub, c)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if cls.class().as_object().is(self.types.type_type.as_object()) {
            let Ok(sub_t) = sub.clone().downcast::<PyType>() else {
                return Err(self.new_type_error("issubclass() arg 1 must be a class"));
            };
            let cls_t = cls.clone().downcast::<PyType>().ok().expect("checked");
            return Ok(sub_t.is_subtype(&cls_t));
        }
        if let Some(check) = self.lookup_special(cls, "__subclasscheck__")? {
            let r = self.call1(&check, sub.clone())?;
            return self.is_true(&r);
        }
        Err(self
            .new_type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"))
    }
}

#[derive(Clone, Copy, Debug)]
pub enum UnaryOp {
    Negative,
    Positive,
    Invert,
    Absolute,
}

/// `<module.T object at 0x...>`.
pub fn default_repr(vm: &VM, obj: &PyObjectRef) -> String {
    format!(
        "<{} object at {:#x}>",
        type_qualified_name(vm, obj.class()),
        obj.id()
    )
}

/// `module.QualName` for heap types, the bare name for builtins.
pub fn type_qualified_name(vm: &VM, ty: &PyTypeRef) -> String {
    if !ty.payload.is_heap_type() {
        return ty.name_string();
    }
    let module = ty.payload.dict.get_str_name(vm, "__module__");
    match module.as_ref().and_then(|m| m.downcast_ref::<PyStr>()) {
        Some(m) if m.as_str() != "builtins" => {
            format!("{}.{}", m.as_str(), ty.payload.qualname.borrow())
        }
        _ => ty.payload.qualname.borrow().clone(),
    }
}

/// `PyObject_GenericGetAttr`.
pub fn generic_getattr(vm: &VM, obj: &PyObjectRef, name: &PyStrRef) -> PyResult {
    match generic_getattr_opt(vm, obj, name)? {
        Some(v) => Ok(v),
        None => Err(vm.new_no_attribute_error(obj, name.payload.as_str())),
    }
}

pub fn generic_getattr_opt(
    vm: &VM,
    obj: &PyObjectRef,
    name: &PyStrRef,
) -> PyResult<Option<PyObjectRef>> {
    let ty = obj.class();
    let attr = ty.lookup(vm, name);
    let mut getter = None;
    if let Some(a) = &attr {
        let at = a.class();
        getter = at.payload.slots.descr_get.get();
        if let Some(g) = getter {
            if at.payload.slots.descr_set.get().is_some() {
                return g(vm, a, Some(obj), Some(ty.as_object())).map(Some);
            }
        }
    }
    if let Some(ext) = obj.instance_ext() {
        if let Some(v) = ext.get_attr(vm, ty, name)? {
            return Ok(Some(v));
        }
    }
    if let Some(a) = attr {
        if let Some(g) = getter {
            return g(vm, &a, Some(obj), Some(ty.as_object())).map(Some);
        }
        return Ok(Some(a));
    }
    Ok(None)
}

/// `PyObject_GenericSetAttr`.
pub fn generic_setattr(
    vm: &VM,
    obj: &PyObjectRef,
    name: &PyStrRef,
    value: Option<PyObjectRef>,
) -> PyResult<()> {
    let ty = obj.class();
    if let Some(attr) = ty.lookup(vm, name) {
        if let Some(set) = attr.class().payload.slots.descr_set.get() {
            return set(vm, &attr, obj, value);
        }
    }
    if let Some(ext) = obj.instance_ext() {
        if ty
            .payload
            .has_flag(crate::objects::typeobject::flags::HAS_DICT)
        {
            return match ext.set_attr(vm, ty, name, value)? {
                true => Ok(()),
                false => Err(vm.new_no_attribute_error(obj, name.payload.as_str())),
            };
        }
    }
    let tname = ty.name_string();
    if ty.lookup(vm, name).is_some() {
        return Err(vm.new_attribute_error(
            format!(
                "'{tname}' object attribute '{}' is read-only",
                name.payload.as_str()
            ),
            Some(obj),
            Some(name.payload.as_str()),
        ));
    }
    Err(vm.new_attribute_error(
        format!(
            "'{tname}' object has no attribute '{}' and no __dict__ for setting new attributes",
            name.payload.as_str()
        ),
        Some(obj),
        Some(name.payload.as_str()),
    ))
}

/// Builds a `PyRef` check helper used across modules.
pub fn exact_type(obj: &PyObjectRef, ty: &PyTypeRef) -> bool {
    obj.class().as_object().is(ty.as_object())
}

impl PyRef<PyType> {
    #[inline]
    pub fn is(&self, other: &PyTypeRef) -> bool {
        self.as_object().is(other.as_object())
    }
}
