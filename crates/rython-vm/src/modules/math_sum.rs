//! Accurate summation in the math module: `fsum` (Shewchuk's exact
//! partials), `hypot`/`dist` (scaled norm with a correction step),
//! `sumprod` (triple-length accumulation) and `prod`, following the
//! algorithms of CPython's Modules/mathmodule.c.

use crate::object::PyObjectRef;
use crate::objects::floatobject::PyFloat;
use crate::objects::longobject::PyInt;
use crate::objects::typeobject::NumberOp;
use crate::{PyResult, VM};

/// `(hi, lo)` with `hi + lo` exactly equal to the computed quantity.
#[derive(Clone, Copy)]
struct DoubleLength {
    hi: f64,
    lo: f64,
}

#[derive(Clone, Copy)]
struct TripleLength {
    hi: f64,
    lo: f64,
    tiny: f64,
}

/// Error-free sum (Knuth's TwoSum).
fn dl_sum(a: f64, b: f64) -> DoubleLength {
    let x = a + b;
    let z = x - a;
    let y = (a - (x - z)) + (b - z);
    DoubleLength { hi: x, lo: y }
}

/// Error-free sum when |a| >= |b| (Dekker's FastTwoSum).
fn dl_fast_sum(a: f64, b: f64) -> DoubleLength {
    let hi = a + b;
    let lo = (a - hi) + b;
    DoubleLength { hi, lo }
}

/// Error-free product via fused multiply-add.
fn dl_mul(x: f64, y: f64) -> DoubleLength {
    let z = x * y;
    let zz = x.mul_add(y, -z);
    DoubleLength { hi: z, lo: zz }
}

fn tl_fma(x: f64, y: f64, total: TripleLength) -> TripleLength {
    let pr = dl_mul(x, y);
    let sm = dl_sum(total.hi, pr.hi);
    let r1 = dl_sum(total.lo, pr.lo);
    let r2 = dl_sum(r1.hi, sm.lo);
    TripleLength {
        hi: sm.hi,
        lo: r2.hi,
        tiny: total.tiny + r1.lo + r2.lo,
    }
}

fn tl_to_d(total: TripleLength) -> f64 {
    let last = dl_sum(total.lo, total.hi);
    total.tiny + last.lo + last.hi
}

/// The Euclidean norm of `vec` (all finite unless `found_nan`/inf max),
/// `max` being the largest magnitude. Depth-bounded: the subnormal
/// rescaling recurses at most once.
pub fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let max_e = frexp_exp(max);
    if max_e < -1023 {
        // ldexp(1.0, -max_e) would overflow: rescale subnormals first.
        for v in vec.iter_mut() {
            *v /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = crate::objects::longobject::long_ops::pow2(-max_e as i64);
    let mut csum = 1.0;
    let mut frac1 = 0.0;
    let mut frac2 = 0.0;
    for &v in vec.iter() {
        let x = v * scale;
        let pr = dl_mul(x, x);
        let sm = dl_fast_sum(csum, pr.hi);
        csum = sm.hi;
        frac1 += pr.lo;
        frac2 += sm.lo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let pr = dl_mul(-h, h);
    let sm = dl_fast_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

/// The exponent `frexp` would return for a finite nonzero double.
pub fn frexp_exp(x: f64) -> i32 {
    let bits = x.to_bits();
    let raw = ((bits >> 52) & 0x7ff) as i32;
    if raw == 0 {
        let mant = bits & ((1u64 << 52) - 1);
        // Subnormal: the leading one sits below bit 52.
        -1022 - (mant.leading_zeros() as i32 - 12)
    } else {
        raw - 1022
    }
}

fn as_double(vm: &VM, o: &PyObjectRef) -> PyResult<f64> {
    if let Some(f) = o.downcast_ref::<PyFloat>() {
        return Ok(f.value);
    }
    vm.to_f64(o)
}

/// `math.hypot(*coordinates)`.
pub fn hypot(vm: &VM, args: &[PyObjectRef]) -> PyResult<f64> {
    let mut v = Vec::with_capacity(args.len());
    let mut max = 0.0f64;
    let mut nan = false;
    for a in args {
        let x = as_double(vm, a)?.abs();
        nan |= x.is_nan();
        if x > max {
            max = x;
        }
        v.push(x);
    }
    Ok(vector_norm(&mut v, max, nan))
}

/// `math.dist(p, q)`.
pub fn dist(vm: &VM, p: &PyObjectRef, q: &PyObjectRef) -> PyResult<f64> {
    let p = vm.collect(p)?;
    let q = vm.collect(q)?;
    if p.len() != q.len() {
        return Err(vm.new_value_error("both points must have the same number of dimensions"));
    }
    let mut v = Vec::with_capacity(p.len());
    let mut max = 0.0f64;
    let mut nan = false;
    for (a, b) in p.iter().zip(&q) {
        let x = (as_double(vm, a)? - as_double(vm, b)?).abs();
        nan |= x.is_nan();
        if x > max {
            max = x;
        }
        v.push(x);
    }
    Ok(vector_norm(&mut v, max, nan))
}

/// `math.fsum(iterable)`: the correctly rounded sum.
pub fn fsum(vm: &VM, iterable: &PyObjectRef) -> PyResult<f64> {
    let it = vm.get_iter(iterable)?;
    let mut p: Vec<f64> = Vec::new();
    let mut special_sum = 0.0;
    let mut inf_sum = 0.0;
    while let Some(item) = vm.next(&it)? {
        let mut x = as_double(vm, &item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // Overflow of finite summands, or an inf/nan summand.
                if xsave.is_finite() {
                    return Err(vm.new_overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.new_value_error("-inf + inf in fsum"));
        }
        return Ok(special_sum);
    }
    let mut n = p.len();
    let mut hi = 0.0;
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Half-even rounding across partials: nudge when the rest of the
        // partials push the tie one way.
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

fn exact_int(vm: &VM, o: &PyObjectRef) -> Option<i64> {
    if !o.class().is(&vm.types.int_type) {
        return None;
    }
    o.downcast_ref::<PyInt>().and_then(|i| i.as_i64())
}

fn is_exact_float(vm: &VM, o: &PyObjectRef) -> bool {
    o.class().is(&vm.types.float_type)
}

fn is_int_or_bool(vm: &VM, o: &PyObjectRef) -> bool {
    o.class().is(&vm.types.int_type) || o.class().is(&vm.types.bool_type)
}

/// `math.sumprod(p, q)`: ints summed exactly, floats with triple-length
/// accumulation, anything else with `+` and `*`.
pub fn sumprod(vm: &VM, p: &PyObjectRef, q: &PyObjectRef) -> PyResult {
    let p_it = vm.get_iter(p)?;
    let q_it = vm.get_iter(q)?;
    let mut total = vm.new_int(0);
    let (mut int_on, mut int_used, mut int_total) = (true, false, 0i64);
    let zero = TripleLength {
        hi: 0.0,
        lo: 0.0,
        tiny: 0.0,
    };
    let (mut flt_on, mut flt_used, mut flt_total) = (true, false, zero);
    loop {
        let pi = vm.next(&p_it)?;
        let qi = vm.next(&q_it)?;
        if pi.is_some() != qi.is_some() {
            return Err(vm.new_value_error("Inputs are not the same length"));
        }
        let pair = pi.zip(qi);
        if int_on {
            if let Some((a, b)) = &pair {
                if let (Some(x), Some(y)) = (exact_int(vm, a), exact_int(vm, b)) {
                    if let Some(t) = x.checked_mul(y).and_then(|m| int_total.checked_add(m)) {
                        int_total = t;
                        int_used = true;
                        continue;
                    }
                }
            }
            int_on = false;
            if int_used {
                total = vm.binary_op(&total, &vm.new_int(int_total), NumberOp::Add)?;
                int_used = false;
            }
        }
        if flt_on {
            let mut consumed = false;
            if let Some((a, b)) = &pair {
                let vals = if is_exact_float(vm, a) && is_exact_float(vm, b) {
                    Some((as_double(vm, a)?, as_double(vm, b)?))
                } else if is_exact_float(vm, a) && is_int_or_bool(vm, b) {
                    a.downcast_ref::<PyFloat>()
                        .zip(b.downcast_ref::<PyInt>().and_then(|i| i.to_f64_opt()))
                        .map(|(f, g)| (f.value, g))
                } else if is_exact_float(vm, b) && is_int_or_bool(vm, a) {
                    a.downcast_ref::<PyInt>()
                        .and_then(|i| i.to_f64_opt())
                        .zip(b.downcast_ref::<PyFloat>())
                        .map(|(f, g)| (f, g.value))
                } else {
                    None
                };
                if let Some((x, y)) = vals {
                    let t = tl_fma(x, y, flt_total);
                    if t.hi.is_finite() {
                        flt_total = t;
                        flt_used = true;
                        consumed = true;
                    }
                }
            }
            if consumed {
                continue;
            }
            flt_on = false;
            if flt_used {
                let term = vm.new_float(tl_to_d(flt_total));
                total = vm.binary_op(&total, &term, NumberOp::Add)?;
                flt_total = zero;
                flt_used = false;
            }
        }
        let Some((a, b)) = pair else {
            return Ok(total);
        };
        let term = vm.binary_op(&a, &b, NumberOp::Multiply)?;
        total = vm.binary_op(&total, &term, NumberOp::Add)?;
    }
}

/// `math.prod(iterable, *, start=1)`.
pub fn prod(vm: &VM, iterable: &PyObjectRef, start: PyObjectRef) -> PyResult {
    let it = vm.get_iter(iterable)?;
    let mut result = start;
    while let Some(item) = vm.next(&it)? {
        result = vm.binary_op(&result, &item, NumberOp::Multiply)?;
    }
    Ok(result)
}
