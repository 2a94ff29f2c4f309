//! `complex` (CPython's Objects/complexobject.c).

use rython_common::float_repr::{double_to_string, FloatFlags};

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::floatobject::{number_to_float, PyFloat};
use crate::objects::longobject::{cmp_holds, int_to_f64, PyInt};
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::PyTupleRef;
use crate::objects::typeobject::{BinaryFn, CompareOp, NumberOp};
use crate::python::args::{bind, positional};
use crate::{PyResult, VM};

pub struct PyComplex {
    pub re: f64,
    pub im: f64,
}

impl PyPayload for PyComplex {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.complex_type
    }
}

impl VM {
    pub fn new_complex(&self, re: f64, im: f64) -> PyObjectRef {
        PyRef::new_exact(PyComplex { re, im }, self.types.complex_type.clone()).into_object()
    }
}

type C = (f64, f64);

/// The operand as a complex number (`None`: not a number we handle).
fn operand(vm: &VM, o: &PyObjectRef) -> Option<PyResult<C>> {
    if let Some(c) = o.downcast_ref::<PyComplex>() {
        return Some(Ok((c.re, c.im)));
    }
    if let Some(f) = o.downcast_ref::<PyFloat>() {
        return Some(Ok((f.value, 0.0)));
    }
    o.downcast_ref::<PyInt>()
        .map(|i| int_to_f64(vm, i).map(|f| (f, 0.0)))
}

macro_rules! complex_binop {
    ($name:ident, |$vm:ident, $a:ident, $b:ident| $body:expr) => {
        fn $name($vm: &VM, x: &PyObjectRef, y: &PyObjectRef) -> PyResult {
            let (Some($a), Some($b)) = (operand($vm, x), operand($vm, y)) else {
                return Ok($vm.not_implemented());
            };
            let ($a, $b) = ($a?, $b?);
            $body
        }
    };
}

fn prod(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// Smith's algorithm; `None` on division by zero.
fn quot(a: C, b: C) -> Option<C> {
    let (abs_re, abs_im) = (b.0.abs(), b.1.abs());
    if abs_re >= abs_im {
        if abs_re == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_im >= abs_re {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

complex_binop!(complex_add, |vm, a, b| Ok(
    vm.new_complex(a.0 + b.0, a.1 + b.1)
));
complex_binop!(complex_sub, |vm, a, b| Ok(
    vm.new_complex(a.0 - b.0, a.1 - b.1)
));
complex_binop!(complex_mul, |vm, a, b| {
    let r = prod(a, b);
    Ok(vm.new_complex(r.0, r.1))
});
complex_binop!(complex_div, |vm, a, b| match quot(a, b) {
    Some(r) => Ok(vm.new_complex(r.0, r.1)),
    None => Err(vm.new_zero_division_error("complex division by zero")),
});
complex_binop!(complex_pow, |vm, a, b| complex_pow_values(vm, a, b));

enum PowErr {
    Domain,
    Range,
}

fn powu(x: C, n: u64) -> C {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask = 1u64;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask <<= 1;
        p = prod(p, p);
    }
    r
}

fn pow_general(a: C, b: C) -> Result<C, PowErr> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Ok((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(PowErr::Domain);
        }
        return Ok((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    // libm's cos/sin of an infinity report a domain error.
    if phase.is_infinite() {
        return Err(PowErr::Domain);
    }
    Ok((len * phase.cos(), len * phase.sin()))
}

/// `a ** b` for complex operands, with CPython's errors.
pub fn complex_pow_values(vm: &VM, a: C, b: C) -> PyResult {
    let r = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n >= 0 {
            Ok(powu(a, n as u64))
        } else {
            quot((1.0, 0.0), powu(a, n.unsigned_abs())).ok_or(PowErr::Domain)
        }
    } else {
        pow_general(a, b)
    };
    let r = r.and_then(|r| {
        if r.0.is_infinite() || r.1.is_infinite() {
            Err(PowErr::Range)
        } else {
            Ok(r)
        }
    });
    match r {
        Ok(r) => Ok(vm.new_complex(r.0, r.1)),
        Err(PowErr::Domain) => {
            Err(vm.new_zero_division_error("0.0 to a negative or complex power"))
        }
        Err(PowErr::Range) => Err(vm.new_overflow_error("complex exponentiation")),
    }
}

fn complex_pow_mod(vm: &VM, a: &PyObjectRef, b: &PyObjectRef, m: &PyObjectRef) -> PyResult {
    // The operands are converted (NotImplemented for others) before the
    // modulus is refused.
    if operand(vm, a).is_none() || operand(vm, b).is_none() {
        return Ok(vm.not_implemented());
    }
    if !vm.is_none(m) {
        return Err(vm.new_value_error("complex modulo"));
    }
    complex_pow(vm, a, b)
}

fn value_of(a: &PyObjectRef) -> C {
    a.downcast_ref::<PyComplex>()
        .map(|c| (c.re, c.im))
        .unwrap_or((0.0, 0.0))
}

fn complex_neg(vm: &VM, a: &PyObjectRef) -> PyResult {
    let c = value_of(a);
    Ok(vm.new_complex(-c.0, -c.1))
}

fn complex_pos(vm: &VM, a: &PyObjectRef) -> PyResult {
    if a.class().is(&vm.types.complex_type) {
        return Ok(a.clone());
    }
    let c = value_of(a);
    Ok(vm.new_complex(c.0, c.1))
}

fn complex_abs(vm: &VM, a: &PyObjectRef) -> PyResult {
    let (re, im) = value_of(a);
    if re.is_infinite() || im.is_infinite() {
        return Ok(vm.new_float(f64::INFINITY));
    }
    if re.is_nan() || im.is_nan() {
        return Ok(vm.new_float(f64::NAN));
    }
    let r = re.hypot(im);
    if r.is_infinite() {
        return Err(vm.new_overflow_error("absolute value too large"));
    }
    Ok(vm.new_float(r))
}

fn complex_bool(_vm: &VM, a: &PyObjectRef) -> PyResult<bool> {
    let (re, im) = value_of(a);
    Ok(re != 0.0 || im != 0.0)
}

fn complex_richcompare(vm: &VM, a: &PyObjectRef, b: &PyObjectRef, op: CompareOp) -> PyResult {
    if op != CompareOp::Eq && op != CompareOp::Ne {
        return Ok(vm.not_implemented());
    }
    let (re, im) = value_of(a);
    let equal = if let Some(i) = b.downcast_ref::<PyInt>() {
        // Exact, like float == int.
        im == 0.0 && i.cmp_f64(re) == Some(std::cmp::Ordering::Equal)
    } else if let Some(f) = b.downcast_ref::<PyFloat>() {
        re == f.value && im == 0.0
    } else if let Some(c) = b.downcast_ref::<PyComplex>() {
        re == c.re && im == c.im
    } else {
        return Ok(vm.not_implemented());
    };
    let ord = if equal {
        std::cmp::Ordering::Equal
    } else {
        std::cmp::Ordering::Less
    };
    Ok(vm.new_bool(cmp_holds(ord, op)))
}

fn complex_hash(_vm: &VM, a: &PyObjectRef) -> PyResult<i64> {
    let (re, im) = value_of(a);
    Ok(rython_common::hash::hash_complex(re, im, a.id()))
}

/// `repr(complex)`: `1j`, `(1+2j)`, `(-0-1j)`, `(nan+infj)`.
pub fn complex_repr_string(re: f64, im: f64) -> String {
    let r = |x: f64, sign: bool| {
        double_to_string(
            x,
            'r',
            0,
            FloatFlags {
                sign,
                ..FloatFlags::default()
            },
        )
        .unwrap_or_default()
    };
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", r(im, false))
    } else {
        format!("({}{}j)", r(re, false), r(im, true))
    }
}

fn complex_repr(vm: &VM, a: &PyObjectRef) -> PyResult {
    let (re, im) = value_of(a);
    Ok(vm.new_str_obj(complex_repr_string(re, im)))
}

/// Removes underscores that sit between two digits; `None` if any other
/// underscore is present.
fn strip_underscores(s: &str) -> Option<String> {
    if !s.contains('_') {
        return Some(s.to_string());
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            let prev_ok = i > 0 && b[i - 1].is_ascii_digit();
            let next_ok = b.get(i + 1).is_some_and(|n| n.is_ascii_digit());
            if !prev_ok || !next_ok {
                return None;
            }
        } else {
            out.push(c as char);
        }
    }
    Some(out)
}

/// Length of the longest float literal at the start of `s` (0: none).
fn float_prefix_len(s: &[u8]) -> usize {
    let mut i = 0;
    if matches!(s.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let rest = &s[i..];
    for word in ["infinity", "inf", "nan"] {
        if rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word.as_bytes()) {
            return i + word.len();
        }
    }
    let start = i;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
    }
    let mut ndigits = i - start;
    if i < s.len() && s[i] == b'.' {
        let j = i + 1;
        let mut k = j;
        while k < s.len() && s[k].is_ascii_digit() {
            k += 1;
        }
        ndigits += k - j;
        if ndigits > 0 {
            i = k;
        }
    }
    if ndigits == 0 {
        return 0;
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        let mut k = i + 1;
        if k < s.len() && (s[k] == b'+' || s[k] == b'-') {
            k += 1;
        }
        let ds = k;
        while k < s.len() && s[k].is_ascii_digit() {
            k += 1;
        }
        if k > ds {
            i = k;
        }
    }
    i
}

/// Parses the `complex(str)` grammar; `None` for a malformed string.
pub fn parse_complex(text: &str) -> Option<C> {
    let cps = text.chars().map(|c| c as u32);
    let ascii = rython_common::unicode::transform_decimal_and_space_to_ascii(cps);
    let s = strip_underscores(&ascii)?;
    let s = s.as_bytes();
    let is_space = |c: u8| c.is_ascii_whitespace() || c == 0x0b;
    let mut i = 0;
    let skip_ws = |i: &mut usize| {
        while *i < s.len() && is_space(s[*i]) {
            *i += 1;
        }
    };
    skip_ws(&mut i);
    let bracket = s.get(i) == Some(&b'(');
    if bracket {
        i += 1;
        skip_ws(&mut i);
    }
    let parse = |a: usize, n: usize| -> Option<f64> {
        rython_common::float_parse::parse_float_bytes(&s[a..a + n])
    };
    let (mut x, mut y) = (0.0, 0.0);
    let n = float_prefix_len(&s[i..]);
    let is_j = |c: Option<&u8>| matches!(c, Some(b'j' | b'J'));
    if n > 0 {
        let z = parse(i, n)?;
        i += n;
        match s.get(i) {
            Some(b'+' | b'-') => {
                x = z;
                let m = float_prefix_len(&s[i..]);
                if m > 0 {
                    y = parse(i, m)?;
                    i += m;
                } else {
                    y = if s[i] == b'+' { 1.0 } else { -1.0 };
                    i += 1;
                }
                if !is_j(s.get(i)) {
                    return None;
                }
                i += 1;
            }
            c if is_j(c) => {
                y = z;
                i += 1;
            }
            _ => x = z,
        }
    } else {
        y = match s.get(i) {
            Some(b'+') => {
                i += 1;
                1.0
            }
            Some(b'-') => {
                i += 1;
                -1.0
            }
            _ => 1.0,
        };
        if !is_j(s.get(i)) {
            return None;
        }
        i += 1;
    }
    skip_ws(&mut i);
    if bracket {
        if s.get(i) != Some(&b')') {
            return None;
        }
        i += 1;
        skip_ws(&mut i);
    }
    (i == s.len()).then_some((x, y))
}

fn is_number(vm: &VM, o: &PyObjectRef) -> bool {
    let s = &o.class().payload.slots;
    let _ = vm;
    s.nb_float.get().is_some() || s.nb_index.get().is_some() || o.payload_is::<PyComplex>()
}

fn complex_new(
    vm: &VM,
    cls: &PyTypeRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult {
    let [r, i] = bind(vm, "complex", args, kwnames, ["real", "imag"], 0, 0)?;
    let make = |re: f64, im: f64| -> PyResult {
        if cls.is(&vm.types.complex_type) {
            Ok(vm.new_complex(re, im))
        } else {
            Ok(PyRef::new_with_type(PyComplex { re, im }, cls.clone()).into_object())
        }
    };
    let mut r = match r {
        Some(r) => r,
        None if i.is_none() => return make(0.0, 0.0),
        None => vm.new_int(0),
    };
    if i.is_none() && cls.is(&vm.types.complex_type) && r.class().is(&vm.types.complex_type) {
        return Ok(r);
    }
    if let Some(s) = r.downcast_ref::<PyStr>() {
        if i.is_some() {
            return Err(vm.new_type_error("complex() can't take second arg if first is a string"));
        }
        let text = s.as_str();
        let folded = rython_common::unicode::transform_decimal_and_space_to_ascii(
            text.chars().map(|c| c as u32),
        );
        if strip_underscores(&folded).is_none() {
            let shown = crate::objects::longobject::text_repr(vm, &r)?;
            return Err(vm.new_value_error(format!("could not convert string to complex: {shown}")));
        }
        return match parse_complex(text) {
            Some((re, im)) => make(re, im),
            None => Err(vm.new_value_error("complex() arg is a malformed string")),
        };
    }
    if let Some(i) = &i {
        if i.payload_is::<PyStr>() {
            return Err(vm.new_type_error("complex() second arg can't be a string"));
        }
    }
    // `__complex__` is looked up on every other argument, complex
    // subclasses (which may override it) included.
    if let Some(m) = vm.lookup_special(&r, "__complex__")? {
        let v = vm.call0(&m)?;
        if !v.class().is(&vm.types.complex_type) {
            if !v.payload_is::<PyComplex>() {
                return Err(vm.new_type_error(format!(
                    "__complex__ returned non-complex (type {})",
                    v.class().name_string()
                )));
            }
            vm.warn_deprecated(format!(
                "__complex__ returned non-complex (type {}).  The ability to return an \
                 instance of a strict subclass of complex is deprecated, and may be removed \
                 in a future version of Python.",
                v.class().name_string()
            ))?;
        }
        r = v;
    }
    if !is_number(vm, &r) {
        return Err(vm.new_type_error(format!(
            "complex() first argument must be a string or a number, not '{}'",
            r.class().name_string()
        )));
    }
    if let Some(i) = &i {
        if !is_number(vm, i) {
            return Err(vm.new_type_error(format!(
                "complex() second argument must be a number, not '{}'",
                i.class().name_string()
            )));
        }
    }
    let (mut cr, r_is_complex) = match r.downcast_ref::<PyComplex>() {
        Some(c) => ((c.re, c.im), true),
        None => ((number_to_float(vm, &r)?, 0.0), false),
    };
    if i.is_none() && r_is_complex {
        return make(cr.0, cr.1);
    }
    let (mut ci, i_is_complex) = match &i {
        None => ((0.0, 0.0), false),
        Some(i) => match i.downcast_ref::<PyComplex>() {
            Some(c) => ((c.re, c.im), true),
            None => ((number_to_float(vm, i)?, 0.0), false),
        },
    };
    if i_is_complex {
        cr.0 -= ci.1;
    }
    if r_is_complex && i.is_some() {
        ci.0 += cr.1;
    }
    make(cr.0, ci.0)
}

fn this(vm: &VM, args: &[PyObjectRef], name: &str) -> PyResult<C> {
    match args.first().and_then(|a| a.downcast_ref::<PyComplex>()) {
        Some(c) => Ok((c.re, c.im)),
        None => Err(vm.new_type_error(format!(
            "descriptor '{name}' of 'complex' object needs an argument"
        ))),
    }
}

fn complex_conjugate(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let c = this(vm, args, "conjugate")?;
    positional(vm, "complex.conjugate", &args[1..], kw, 0, 0)?;
    Ok(vm.new_complex(c.0, -c.1))
}

fn complex_getnewargs(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let c = this(vm, args, "__getnewargs__")?;
    positional(vm, "complex.__getnewargs__", &args[1..], kw, 0, 0)?;
    Ok(vm.new_tuple_obj(vec![vm.new_float(c.0), vm.new_float(c.1)]))
}

fn complex_complex(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let c = this(vm, args, "__complex__")?;
    positional(vm, "complex.__complex__", &args[1..], kw, 0, 0)?;
    if args[0].class().is(&vm.types.complex_type) {
        return Ok(args[0].clone());
    }
    Ok(vm.new_complex(c.0, c.1))
}

fn get_real(vm: &VM, a: &PyObjectRef) -> PyResult {
    Ok(vm.new_float(value_of(a).0))
}

fn get_imag(vm: &VM, a: &PyObjectRef) -> PyResult {
    Ok(vm.new_float(value_of(a).1))
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let t = &vm.types.complex_type;
    let s = &t.payload.slots;
    s.repr.set(Some(complex_repr));
    s.hash.set(Some(complex_hash));
    s.richcompare.set(Some(complex_richcompare));
    s.new.set(Some(complex_new));
    let nb = |op: NumberOp, f: BinaryFn| s.nb_binary[op as usize].set(Some(f));
    nb(NumberOp::Add, complex_add);
    nb(NumberOp::Subtract, complex_sub);
    nb(NumberOp::Multiply, complex_mul);
    nb(NumberOp::TrueDivide, complex_div);
    nb(NumberOp::Power, complex_pow);
    s.nb_power_mod.set(Some(complex_pow_mod));
    s.nb_negative.set(Some(complex_neg));
    s.nb_positive.set(Some(complex_pos));
    s.nb_absolute.set(Some(complex_abs));
    s.nb_bool.set(Some(complex_bool));
    vm.add_method(t, "conjugate", complex_conjugate);
    vm.add_method(t, "__getnewargs__", complex_getnewargs);
    vm.add_method(t, "__complex__", complex_complex);
    vm.add_member(t, "real", get_real);
    vm.add_member(t, "imag", get_imag);
}
