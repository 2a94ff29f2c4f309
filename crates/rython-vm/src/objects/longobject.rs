//! `int` (CPython's Objects/longobject.c): arbitrary precision with an
//! inline machine-word fast path. Values in i64 range are always `Small`;
//! `Big` only holds values outside it, so equal values have one form.

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::VM;

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

/// `float(i)`: raises OverflowError for ints too large for a double.
pub fn int_to_f64(vm: &VM, i: &PyInt) -> crate::PyResult<f64> {
    match i {
        PyInt::Small(v) => Ok(*v as f64),
        PyInt::Big(b) => match b.to_f64() {
            Some(f) if f.is_finite() => Ok(f),
            _ => Err(vm.new_overflow_error("int too large to convert to float")),
        },
    }
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let _ = vm;
}
