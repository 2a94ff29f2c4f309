//! Methods and attributes of `int` (`int.bit_length`, `int.to_bytes`...).

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{Signed, Zero};

use super::long_ops;
use super::PyInt;
use crate::object::PyObjectRef;
use crate::objects::bytearrayobject::PyByteArray;
use crate::objects::bytesobject::PyBytes;
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::PyTupleRef;
use crate::objects::typeobject::PyType;
use crate::python::args::{bind, positional};
use crate::{PyResult, VM};

fn this<'a>(vm: &VM, args: &'a [PyObjectRef], name: &str) -> PyResult<&'a PyInt> {
    args.first()
        .and_then(|a| a.downcast_ref::<PyInt>())
        .ok_or_else(|| {
            vm.new_type_error(format!(
                "descriptor '{name}' of 'int' object needs an argument"
            ))
        })
}

fn exact(vm: &VM, args: &[PyObjectRef]) -> PyResult {
    match args.first() {
        Some(a) => long_ops::int_pos(vm, a),
        None => Err(vm.new_type_error("descriptor of 'int' object needs an argument")),
    }
}

fn int_conjugate(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    positional(vm, "int.conjugate", &args[args.len().min(1)..], kw, 0, 0)?;
    exact(vm, args)
}

fn int_trunc(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    positional(vm, "int.__trunc__", &args[args.len().min(1)..], kw, 0, 0)?;
    exact(vm, args)
}

fn int_floor(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    positional(vm, "int.__floor__", &args[args.len().min(1)..], kw, 0, 0)?;
    exact(vm, args)
}

fn int_ceil(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    positional(vm, "int.__ceil__", &args[args.len().min(1)..], kw, 0, 0)?;
    exact(vm, args)
}

pub(crate) fn bit_length_of(i: &PyInt) -> u64 {
    match i {
        PyInt::Small(v) => 64 - v.unsigned_abs().leading_zeros() as u64,
        PyInt::Big(b) => b.bits(),
    }
}

fn int_bit_length(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let i = this(vm, args, "bit_length")?;
    positional(vm, "int.bit_length", &args[1..], kw, 0, 0)?;
    Ok(vm.new_int(bit_length_of(i) as i64))
}

fn int_bit_count(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let i = this(vm, args, "bit_count")?;
    positional(vm, "int.bit_count", &args[1..], kw, 0, 0)?;
    let n = match i {
        PyInt::Small(v) => v.unsigned_abs().count_ones() as u64,
        PyInt::Big(b) => b
            .magnitude()
            .iter_u64_digits()
            .map(|d| d.count_ones() as u64)
            .sum(),
    };
    Ok(vm.new_int(n as i64))
}

fn int_is_integer(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    this(vm, args, "is_integer")?;
    positional(vm, "int.is_integer", &args[1..], kw, 0, 0)?;
    Ok(vm.new_bool(true))
}

fn int_as_integer_ratio(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    this(vm, args, "as_integer_ratio")?;
    positional(vm, "int.as_integer_ratio", &args[1..], kw, 0, 0)?;
    let n = exact(vm, args)?;
    Ok(vm.new_tuple_obj(vec![n, vm.new_int(1)]))
}

fn int_getnewargs(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    this(vm, args, "__getnewargs__")?;
    positional(vm, "int.__getnewargs__", &args[1..], kw, 0, 0)?;
    let n = exact(vm, args)?;
    Ok(vm.new_tuple_obj(vec![n]))
}

fn int_sizeof(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let i = this(vm, args, "__sizeof__")?;
    positional(vm, "int.__sizeof__", &args[1..], kw, 0, 0)?;
    // CPython stores 30-bit digits after a 24-byte header, at least one.
    let digits = bit_length_of(i).div_ceil(30).max(1);
    Ok(vm.new_int(24 + 4 * digits as i64))
}

/// The optional positional-only `ndigits` of `__round__`.
pub fn round_arg(
    vm: &VM,
    tyname: &str,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult<Option<PyObjectRef>> {
    if kw.is_some_and(|k| !k.payload.is_empty()) {
        return Err(vm.new_type_error(format!("{tyname}.__round__() takes no keyword arguments")));
    }
    match args {
        [] => Ok(None),
        [n] => Ok(Some(n.clone())),
        _ => Err(vm.new_type_error(format!(
            "__round__ expected at most 1 argument, got {}",
            args.len()
        ))),
    }
}

/// Positional arguments beyond `max` for a function whose other
/// parameters are keyword-only.
/// Argument Clinic's count checks for a method with `maxpos` positional
/// and `maxargs` parameters in all (the rest keyword-only).
fn check_positional(
    vm: &VM,
    fname: &str,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
    maxpos: usize,
    maxargs: usize,
) -> PyResult<()> {
    let total = args.len();
    let npos = total - kw.map(|k| k.payload.len()).unwrap_or(0);
    if total > maxargs {
        return Err(vm.new_type_error(format!(
            "{fname}() takes at most {maxargs} {}argument{} ({total} given)",
            if npos == 0 { "keyword " } else { "" },
            if maxargs == 1 { "" } else { "s" }
        )));
    }
    if npos > maxpos {
        return Err(vm.new_type_error(format!(
            "{fname}() takes at most {maxpos} positional argument{} ({npos} given)",
            if maxpos == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

fn int_round(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let i = this(vm, args, "__round__")?;
    let nd = round_arg(vm, "int", &args[1..], kw)?;
    // Unlike float's, int's `ndigits` may not be None.
    let nd = match nd {
        Some(n) => vm.to_index(&n)?,
        None => return exact(vm, args),
    };
    let nd = nd
        .downcast_ref::<PyInt>()
        .map(|n| n.to_bigint())
        .unwrap_or_default();
    if !nd.is_negative() {
        return exact(vm, args);
    }
    let x = i.to_bigint();
    // 10**-ndigits exceeds |x| by far: the result is 0 (even the tie 0.5
    // rounds to the even 0).
    let digits = (-&nd).to_u64_digits().1;
    let k = if digits.len() > 1 {
        u64::MAX
    } else {
        digits.first().copied().unwrap_or(0)
    };
    if k > bit_length_of(i) + 1 {
        return Ok(vm.new_int(0));
    }
    let p = num_traits::Pow::pow(&BigInt::from(10), k);
    let (q, r) = x.div_mod_floor(&p);
    let twice: BigInt = &r * 2u32;
    let up = match twice.cmp(&p) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Equal => q.is_odd(),
        std::cmp::Ordering::Less => false,
    };
    let q = if up { q + 1 } else { q };
    Ok(vm.new_bigint(q * p))
}

/// `__divmod__` (arg 0) and `__rdivmod__` (arg 1), as slot wrappers.
fn wrap_int_divmod(
    vm: &VM,
    _t: &crate::object::PyTypeRef,
    arg: u32,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    crate::objects::typeobject::typeobject_wrappers::wrap_divmod_with(
        vm,
        arg,
        args,
        kw,
        long_ops::int_divmod,
    )
}

/// The `byteorder` argument, checked to be a str as the parser does.
fn byteorder_type<'a>(
    vm: &VM,
    b: &'a Option<PyObjectRef>,
    fname: &str,
) -> PyResult<Option<&'a PyStr>> {
    let Some(b) = b else { return Ok(None) };
    match b.downcast_ref::<PyStr>() {
        Some(s) => Ok(Some(s)),
        // `_PyArg_BadArgument` names None itself, other objects by type.
        None => Err(vm.new_type_error(format!(
            "{fname}() argument 'byteorder' must be str, not {}",
            crate::python::args::arg_type_name(&b)
        ))),
    }
}

/// True for little-endian; the value is checked by the method itself,
/// after its other arguments were converted.
fn byteorder_value(vm: &VM, b: Option<&PyStr>) -> PyResult<bool> {
    match b.map(|s| s.as_str()) {
        None | Some("big") => Ok(false),
        Some("little") => Ok(true),
        _ => Err(vm.new_value_error("byteorder must be either 'little' or 'big'")),
    }
}

fn signed_arg(vm: &VM, s: Option<PyObjectRef>) -> PyResult<bool> {
    match s {
        Some(s) => vm.is_true(&s),
        None => Ok(false),
    }
}

/// Larger byte strings cannot be allocated; fail cleanly instead.
const MAX_BYTES: u64 = 1 << 34;

fn int_to_bytes(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let i = this(vm, args, "to_bytes")?;
    check_positional(vm, "to_bytes", &args[1..], kw, 2, 3)?;
    let [length, order, signed] = bind(
        vm,
        "to_bytes",
        &args[1..],
        kw,
        ["length", "byteorder", "signed"],
        0,
        0,
    )?;
    // The parser converts in order (length to a Py_ssize_t, byteorder must
    // be a str, signed's truth), then the method checks the values.
    let length = match length {
        Some(l) => {
            let l = vm.to_index(&l)?;
            match l.downcast_ref::<PyInt>() {
                Some(PyInt::Small(v)) => *v,
                _ => {
                    return Err(
                        vm.new_overflow_error("Python int too large to convert to C ssize_t")
                    )
                }
            }
        }
        None => 1,
    };
    let order = byteorder_type(vm, &order, "to_bytes")?;
    let signed = signed_arg(vm, signed)?;
    let little = byteorder_value(vm, order)?;
    if length < 0 {
        return Err(vm.new_value_error("length argument must be non-negative"));
    }
    let length = length as u64;
    let x = i.to_bigint();
    if !signed && x.is_negative() {
        return Err(vm.new_overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = x.to_signed_bytes_le();
    if !signed {
        // Unsigned: drop the sign byte a positive value may carry.
        while bytes.len() > 1 && bytes.last() == Some(&0) {
            bytes.pop();
        }
        if x.is_zero() {
            bytes.clear();
        }
    } else if x.is_zero() || (length == 0 && x == BigInt::from(-1)) {
        // CPython accepts -1 in zero bytes: its sign extension is empty.
        bytes.clear();
    }
    if bytes.len() as u64 > length {
        return Err(vm.new_overflow_error("int too big to convert"));
    }
    if length > MAX_BYTES {
        return Err(vm.new_memory_error());
    }
    let fill = if x.sign() == Sign::Minus { 0xff } else { 0 };
    bytes.resize(length as usize, fill);
    if !little {
        bytes.reverse();
    }
    Ok(vm.new_bytes(bytes))
}

fn bytes_of(vm: &VM, obj: &PyObjectRef) -> PyResult<Vec<u8>> {
    if let Some(b) = obj.downcast_ref::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    if let Some(b) = obj.downcast_ref::<PyByteArray>() {
        return Ok(b.value.borrow().clone());
    }
    if obj.payload_is::<PyStr>() {
        return Err(vm.new_type_error("cannot convert 'str' object to bytes"));
    }
    let items = vm.collect(obj).map_err(|e| {
        if e.as_object().class().is(&vm.types.exc.type_error) {
            vm.new_type_error(format!(
                "cannot convert '{}' object to bytes",
                obj.class().name_string()
            ))
        } else {
            e
        }
    })?;
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        let v = vm.to_index(&it)?;
        match v.downcast_ref::<PyInt>() {
            Some(PyInt::Small(b)) if (0..256).contains(b) => out.push(*b as u8),
            _ => return Err(vm.new_value_error("bytes must be in range(0, 256)")),
        }
    }
    Ok(out)
}

fn int_from_bytes(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let Some(cls) = args.first().cloned() else {
        return Err(vm.new_type_error("descriptor 'from_bytes' of 'int' object needs an argument"));
    };
    check_positional(vm, "from_bytes", &args[1..], kw, 2, 3)?;
    let [bytes, order, signed] = bind(
        vm,
        "from_bytes",
        &args[1..],
        kw,
        ["bytes", "byteorder", "signed"],
        1,
        0,
    )?;
    let order = byteorder_type(vm, &order, "from_bytes")?;
    let signed = signed_arg(vm, signed)?;
    let little = byteorder_value(vm, order)?;
    let bytes = bytes
        .map(|b| bytes_of(vm, &b))
        .transpose()?
        .unwrap_or_default();
    let v = match (little, signed) {
        (true, true) => BigInt::from_signed_bytes_le(&bytes),
        (true, false) => BigInt::from_bytes_le(Sign::Plus, &bytes),
        (false, true) => BigInt::from_signed_bytes_be(&bytes),
        (false, false) => BigInt::from_bytes_be(Sign::Plus, &bytes),
    };
    let n = vm.new_bigint(v);
    if cls.is(vm.types.int_type.as_object()) || !cls.payload_is::<PyType>() {
        return Ok(n);
    }
    vm.call1(&cls, n)
}

fn get_self(vm: &VM, a: &PyObjectRef) -> PyResult {
    long_ops::int_pos(vm, a)
}

fn get_zero(vm: &VM, _a: &PyObjectRef) -> PyResult {
    Ok(vm.new_int(0))
}

fn get_one(vm: &VM, _a: &PyObjectRef) -> PyResult {
    Ok(vm.new_int(1))
}

pub(crate) fn init(vm: &VM) {
    let t = &vm.types.int_type;
    vm.add_method(t, "conjugate", int_conjugate);
    vm.add_method(t, "bit_length", int_bit_length);
    vm.add_method(t, "bit_count", int_bit_count);
    vm.add_method(t, "to_bytes", int_to_bytes);
    vm.add_classmethod(t, "from_bytes", int_from_bytes);
    vm.add_method(t, "as_integer_ratio", int_as_integer_ratio);
    vm.add_method(t, "is_integer", int_is_integer);
    vm.add_method(t, "__trunc__", int_trunc);
    vm.add_method(t, "__floor__", int_floor);
    vm.add_method(t, "__ceil__", int_ceil);
    vm.add_method(t, "__round__", int_round);
    vm.add_method(t, "__getnewargs__", int_getnewargs);
    vm.add_method(t, "__sizeof__", int_sizeof);
    use crate::objects::typeobject::typeobject_wrappers::add_slot_wrapper;
    add_slot_wrapper(vm, t, "__divmod__", wrap_int_divmod, 0);
    add_slot_wrapper(vm, t, "__rdivmod__", wrap_int_divmod, 1);
    vm.add_getset(t, "real", get_self, None);
    vm.add_getset(t, "imag", get_zero, None);
    vm.add_getset(t, "numerator", get_self, None);
    vm.add_getset(t, "denominator", get_one, None);
}
