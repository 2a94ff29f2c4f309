//! `int` (CPython's Objects/longobject.c): arbitrary precision with an
//! inline machine-word fast path. Values in i64 range are always `Small`;
//! `Big` only holds values outside it, so equal values have one form.

use std::cmp::Ordering;

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::bytesobject::PyBytes;
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::PyTupleRef;
use crate::objects::typeobject::{CompareOp, NumberOp};
use crate::{PyResult, VM};

#[path = "long_methods.rs"]
mod long_methods;
#[path = "long_ops.rs"]
pub mod long_ops;

pub use long_methods::round_arg;
pub use long_ops::int_divmod;

pub type PyIntRef = PyRef<PyInt>;

pub enum PyInt {
    Small(i64),
    Big(Box<BigInt>),
}

impl PyPayload for PyInt {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.int_type
    }
}

/// Small ints kept preallocated, as CPython does for -5..=256.
pub const SMALL_INT_MIN: i64 = -5;
pub const SMALL_INT_MAX: i64 = 256;

impl PyInt {
    pub fn from_bigint(b: BigInt) -> PyInt {
        match b.to_i64() {
            Some(v) => PyInt::Small(v),
            None => PyInt::Big(Box::new(b)),
        }
    }

    pub fn to_bigint(&self) -> BigInt {
        match self {
            PyInt::Small(v) => BigInt::from(*v),
            PyInt::Big(b) => (**b).clone(),
        }
    }

    #[inline]
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            PyInt::Small(v) => Some(*v),
            PyInt::Big(_) => None,
        }
    }
}

impl VM {
    #[inline]
    pub fn new_int(&self, v: i64) -> PyObjectRef {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&v) {
            return self.ctx.small_ints[(v - SMALL_INT_MIN) as usize].clone();
        }
        PyRef::new_exact(PyInt::Small(v), self.types.int_type.clone()).into_object()
    }

    pub fn new_bigint(&self, b: BigInt) -> PyObjectRef {
        match b.to_i64() {
            Some(v) => self.new_int(v),
            None => {
                PyRef::new_exact(PyInt::Big(Box::new(b)), self.types.int_type.clone()).into_object()
            }
        }
    }

    pub fn new_int_from(&self, v: PyInt) -> PyObjectRef {
        match v {
            PyInt::Small(v) => self.new_int(v),
            PyInt::Big(b) => self.new_bigint(*b),
        }
    }

    #[inline]
    pub fn new_bool(&self, b: bool) -> PyObjectRef {
        if b {
            self.ctx.true_obj.clone()
        } else {
            self.ctx.false_obj.clone()
        }
    }
}

/// `float(i)`: correctly rounded; OverflowError for ints too large for a
/// double.
pub fn int_to_f64(vm: &VM, i: &PyInt) -> crate::PyResult<f64> {
    match i.to_f64_opt() {
        Some(f) => Ok(f),
        None => Err(vm.new_overflow_error("int too large to convert to float")),
    }
}

impl PyInt {
    #[inline]
    pub fn is_zero(&self) -> bool {
        matches!(self, PyInt::Small(0))
    }

    #[inline]
    pub fn is_negative(&self) -> bool {
        match self {
            PyInt::Small(v) => *v < 0,
            PyInt::Big(b) => b.sign() == Sign::Minus,
        }
    }

    /// The value as a correctly rounded double, `None` if out of range.
    pub fn to_f64_opt(&self) -> Option<f64> {
        match self {
            PyInt::Small(v) => Some(*v as f64),
            PyInt::Big(b) => {
                let f = long_ops::biguint_to_f64(b.magnitude())?;
                Some(if b.sign() == Sign::Minus { -f } else { f })
            }
        }
    }

    pub fn cmp_int(&self, other: &PyInt) -> Ordering {
        match (self, other) {
            (PyInt::Small(a), PyInt::Small(b)) => a.cmp(b),
            // Big values lie outside the i64 range, so the sign decides.
            (PyInt::Small(_), PyInt::Big(b)) => {
                if b.sign() == Sign::Minus {
                    Ordering::Greater
                } else {
                    Ordering::Less
                }
            }
            (PyInt::Big(a), PyInt::Small(_)) => {
                if a.sign() == Sign::Minus {
                    Ordering::Less
                } else {
                    Ordering::Greater
                }
            }
            (PyInt::Big(a), PyInt::Big(b)) => a.cmp(b),
        }
    }

    /// Exact comparison with a double (`None` when `f` is NaN): no
    /// precision is lost however large the int.
    pub fn cmp_f64(&self, f: f64) -> Option<Ordering> {
        if f.is_nan() {
            return None;
        }
        if f.is_infinite() {
            return Some(if f > 0.0 {
                Ordering::Less
            } else {
                Ordering::Greater
            });
        }
        if let PyInt::Small(v) = self {
            if v.unsigned_abs() <= 1 << 53 {
                return (*v as f64).partial_cmp(&f);
            }
        }
        let fl = f.floor();
        let fi = f64_to_bigint(fl);
        match self.to_bigint().cmp(&fi) {
            Ordering::Equal if f > fl => Some(Ordering::Less),
            o => Some(o),
        }
    }

    pub fn hash(&self) -> i64 {
        match self {
            PyInt::Small(v) => rython_common::hash::hash_i64(*v),
            PyInt::Big(b) => rython_common::hash::hash_int(b),
        }
    }
}

/// The exact integer value of an integral finite double.
pub fn f64_to_bigint(f: f64) -> BigInt {
    if f.abs() < 9.2e18 {
        return BigInt::from(f as i64);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let mag = if exp >= 0 {
        BigInt::from(mant) << exp as u64
    } else {
        BigInt::from(mant >> (-exp) as u64)
    };
    if f < 0.0 {
        -mag
    } else {
        mag
    }
}

/// `int(f)` for a double: truncates; errors as CPython's
/// `PyLong_FromDouble`.
pub fn f64_to_int(vm: &VM, f: f64) -> PyResult {
    if f.is_nan() {
        return Err(vm.new_value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.new_overflow_error("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.2e18 {
        return Ok(vm.new_int(t as i64));
    }
    Ok(vm.new_bigint(f64_to_bigint(t)))
}

/// Whether `ord` satisfies the comparison `op`.
#[inline]
pub fn cmp_holds(ord: Ordering, op: CompareOp) -> bool {
    match op {
        CompareOp::Lt => ord == Ordering::Less,
        CompareOp::Le => ord != Ordering::Greater,
        CompareOp::Eq => ord == Ordering::Equal,
        CompareOp::Ne => ord != Ordering::Equal,
        CompareOp::Gt => ord == Ordering::Greater,
        CompareOp::Ge => ord != Ordering::Less,
    }
}

fn int_richcompare(vm: &VM, a: &PyObjectRef, b: &PyObjectRef, op: CompareOp) -> PyResult {
    match (a.downcast_ref::<PyInt>(), b.downcast_ref::<PyInt>()) {
        (Some(x), Some(y)) => Ok(vm.new_bool(cmp_holds(x.cmp_int(y), op))),
        _ => Ok(vm.not_implemented()),
    }
}

fn int_hash(_vm: &VM, a: &PyObjectRef) -> PyResult<i64> {
    Ok(a.downcast_ref::<PyInt>().map(|i| i.hash()).unwrap_or(0))
}

/// `str(i)` under `sys.set_int_max_str_digits`.
pub fn int_to_decimal(vm: &VM, i: &PyInt) -> PyResult<String> {
    match i {
        PyInt::Small(v) => Ok(v.to_string()),
        PyInt::Big(b) => {
            rython_common::int_format::to_decimal_string(b, vm.int_max_str_digits.get())
                .map_err(|e| vm.new_value_error(e.message()))
        }
    }
}

fn int_repr(vm: &VM, a: &PyObjectRef) -> PyResult {
    match a.downcast_ref::<PyInt>() {
        Some(i) => Ok(vm.new_str_obj(int_to_decimal(vm, i)?)),
        None => Err(vm.new_type_error("descriptor '__repr__' requires a 'int' object")),
    }
}

/// Parses `int(text, base)` for str, bytes and bytearray arguments;
/// `Ok(None)` when `x` is none of them.
pub fn int_from_text(vm: &VM, x: &PyObjectRef, base: u32) -> PyResult<Option<BigInt>> {
    let limit = vm.int_max_str_digits.get();
    if let Some(s) = x.downcast_ref::<PyStr>() {
        return match rython_common::int_parse::parse_int_with_limit(s.as_str(), base, limit) {
            Ok(v) => Ok(Some(v)),
            Err(e) => {
                let shown = text_repr(vm, x)?;
                Err(vm.new_value_error(e.message(base, &shown)))
            }
        };
    }
    match crate::objects::bytes_methods::bytes_or_bytearray(x) {
        Some(b) => int_from_bytes_text(vm, &b, base).map(Some),
        None => Ok(None),
    }
}

/// `_PyLong_FromBytes`: an error shows the text as a bytes object.
pub fn int_from_bytes_text(vm: &VM, b: &[u8], base: u32) -> PyResult<BigInt> {
    let limit = vm.int_max_str_digits.get();
    rython_common::int_parse::parse_int_bytes(b, base, limit).map_err(|e| {
        let shown = rython_common::repr_str::repr_bytes(b);
        vm.new_value_error(e.message(base, &shown))
    })
}

/// `repr()` of a str/bytes argument for error messages.
pub fn text_repr(vm: &VM, x: &PyObjectRef) -> PyResult<String> {
    if x.class().is(&vm.types.str_type) {
        if let Some(s) = x.downcast_ref::<PyStr>() {
            return Ok(rython_common::repr_str::repr_str(s.as_str()));
        }
    }
    if x.class().is(&vm.types.bytes_type) {
        if let Some(b) = x.downcast_ref::<PyBytes>() {
            return Ok(rython_common::repr_str::repr_bytes(b.as_bytes()));
        }
    }
    vm.repr_string(x)
}

/// `PyNumber_Long`: `int(x)` with one argument. Only an exact int is
/// returned as is: a subclass goes through its type's `nb_int` slot, which
/// runs an overriding `__int__`.
pub fn number_to_int(vm: &VM, x: &PyObjectRef) -> PyResult {
    if x.class().is(&vm.types.int_type) {
        return Ok(x.clone());
    }
    if let Some(f) = x.class().payload.slots.nb_int.get() {
        let r = f(vm, x)?;
        if r.class().is(&vm.types.int_type) {
            return Ok(r);
        }
        if !r.payload_is::<PyInt>() {
            return Err(vm.new_type_error(format!(
                "__int__ returned non-int (type {})",
                r.class().name_string()
            )));
        }
        vm.warn_deprecated(format!(
            "__int__ returned non-int (type {}).  The ability to return an instance of a \
             strict subclass of int is deprecated, and may be removed in a future version \
             of Python.",
            r.class().name_string()
        ))?;
        return long_ops::int_pos(vm, &r);
    }
    if x.class().payload.slots.nb_index.get().is_some() {
        let r = vm.to_index(x)?;
        return long_ops::int_pos(vm, &r);
    }
    if let Some(trunc) = vm.lookup_special(x, "__trunc__")? {
        vm.warn_deprecated("The delegation of int() to __trunc__ is deprecated.")?;
        let r = vm.call0(&trunc)?;
        if r.payload_is::<PyInt>() {
            return long_ops::int_pos(vm, &r);
        }
        if r.class().payload.slots.nb_index.get().is_none() {
            return Err(vm.new_type_error(format!(
                "__trunc__ returned non-Integral (type {})",
                r.class().name_string()
            )));
        }
        let r = vm.to_index(&r)?;
        return long_ops::int_pos(vm, &r);
    }
    if let Some(v) = int_from_text(vm, x, 10)? {
        return Ok(vm.new_bigint(v));
    }
    // Another buffer (a memoryview): its bytes, unless it has none to give.
    if let Some(m) = x.downcast_ref::<crate::objects::memoryobject::PyMemoryView>() {
        if let Ok(b) = m.simple_bytes(vm) {
            return Ok(vm.new_bigint(int_from_bytes_text(vm, &b, 10)?));
        }
    }
    Err(vm.new_type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        x.class().name_string()
    )))
}

fn int_new(
    vm: &VM,
    cls: &PyTypeRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult {
    let nkw = kwnames.map(|k| k.payload.len()).unwrap_or(0);
    let n = args.len();
    if n > 2 {
        // Argument Clinic words the error differently with keywords.
        return Err(vm.new_type_error(if nkw > 0 {
            format!("int() takes at most 2 arguments ({n} given)")
        } else {
            format!("int expected at most 2 arguments, got {n}")
        }));
    }
    let [x, base] = crate::python::args::bind(vm, "int", args, kwnames, ["x", "base"], 0, 1)?;
    let value = match (x, base) {
        (None, None) => vm.new_int(0),
        (None, Some(_)) => return Err(vm.new_type_error("int() missing string argument")),
        (Some(x), None) => number_to_int(vm, &x)?,
        (Some(x), Some(b)) => {
            let b = vm.to_index(&b)?;
            let base = match b.downcast_ref::<PyInt>() {
                Some(PyInt::Small(v)) if *v == 0 || (2..=36).contains(v) => *v as u32,
                _ => return Err(vm.new_value_error("int() base must be >= 2 and <= 36, or 0")),
            };
            match int_from_text(vm, &x, base)? {
                Some(v) => vm.new_bigint(v),
                None => {
                    return Err(
                        vm.new_type_error("int() can't convert non-string with explicit base")
                    )
                }
            }
        }
    };
    if cls.is(&vm.types.int_type) {
        return Ok(value);
    }
    let payload = match value.downcast_ref::<PyInt>() {
        Some(PyInt::Small(v)) => PyInt::Small(*v),
        Some(PyInt::Big(b)) => PyInt::Big(b.clone()),
        None => PyInt::Small(0),
    };
    Ok(PyRef::new_with_type(payload, cls.clone()).into_object())
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let t = &vm.types.int_type;
    let s = &t.payload.slots;
    s.repr.set(Some(int_repr));
    s.hash.set(Some(int_hash));
    s.richcompare.set(Some(int_richcompare));
    s.new.set(Some(int_new));
    use long_ops::*;
    let nb = |op: NumberOp, f: crate::objects::typeobject::BinaryFn| {
        s.nb_binary[op as usize].set(Some(f));
    };
    nb(NumberOp::Add, int_add);
    nb(NumberOp::Subtract, int_sub);
    nb(NumberOp::Multiply, int_mul);
    nb(NumberOp::FloorDivide, int_floordiv);
    nb(NumberOp::Remainder, int_mod);
    nb(NumberOp::TrueDivide, int_truediv);
    nb(NumberOp::Power, int_pow);
    nb(NumberOp::Lshift, int_lshift);
    nb(NumberOp::Rshift, int_rshift);
    nb(NumberOp::And, int_and);
    nb(NumberOp::Or, int_or);
    nb(NumberOp::Xor, int_xor);
    s.nb_power_mod.set(Some(int_pow_mod));
    s.nb_negative.set(Some(int_neg));
    s.nb_positive.set(Some(int_pos));
    s.nb_absolute.set(Some(int_abs));
    s.nb_invert.set(Some(int_invert));
    s.nb_bool.set(Some(int_bool));
    s.nb_int.set(Some(int_pos));
    s.nb_index.set(Some(int_pos));
    s.nb_float.set(Some(int_float));
    long_methods::init(vm);
    crate::objects::boolobject::init(vm);
}

#[cfg(test)]
#[path = "number_tests.rs"]
pub(crate) mod number_tests;
