//! Integer functions of the math module: gcd, lcm, isqrt, factorial,
//! comb, perm. Products of long ranges are split in halves so the big
//! multiplications work on balanced operands (fast factorial(12000)).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::object::PyObjectRef;
use crate::objects::longobject::PyInt;
use crate::{PyResult, VM};

fn index_value(vm: &VM, o: &PyObjectRef) -> PyResult<BigInt> {
    let i = vm.to_index(o)?;
    Ok(i.downcast_ref::<PyInt>()
        .map(|i| i.to_bigint())
        .unwrap_or_default())
}

/// The product lo * (lo+1) * ... * (lo+count-1). Recursion depth is
/// log2(count) (at most 64).
pub fn range_product(lo: &BigInt, count: u64) -> BigInt {
    if count == 0 {
        return BigInt::one();
    }
    if count <= 16 {
        // Multiply word-sized partial products while they fit.
        let mut acc = BigInt::one();
        // The factors must all fit in a word (lo + count - 1 may not when
        // lo is close to 2**64).
        if let Some(l) = lo.to_u64().filter(|l| l.checked_add(count).is_some()) {
            let mut word: u64 = 1;
            for k in 0..count {
                let f = l + k;
                match word.checked_mul(f) {
                    Some(w) => word = w,
                    None => {
                        acc *= word;
                        word = f;
                    }
                }
            }
            return acc * word;
        }
        let mut f = lo.clone();
        for _ in 0..count {
            acc *= &f;
            f += 1;
        }
        return acc;
    }
    let half = count / 2;
    let mid = lo + half;
    range_product(lo, half) * range_product(&mid, count - half)
}

pub fn gcd(vm: &VM, args: &[PyObjectRef]) -> PyResult {
    let mut small: i64 = 0;
    let mut big: Option<BigInt> = None;
    for a in args {
        let i = vm.to_index(a)?;
        let Some(v) = i.downcast_ref::<PyInt>() else {
            continue;
        };
        match (&mut big, v) {
            (None, PyInt::Small(x)) if *x != i64::MIN && small != i64::MIN => {
                small = small.gcd(x);
            }
            _ => {
                let cur = big.take().unwrap_or_else(|| BigInt::from(small));
                big = Some(cur.gcd(&v.to_bigint()));
            }
        }
    }
    match big {
        Some(b) => Ok(vm.new_bigint(b)),
        None => Ok(vm.new_int(small.abs())),
    }
}

pub fn lcm(vm: &VM, args: &[PyObjectRef]) -> PyResult {
    let mut acc = BigInt::one();
    for a in args {
        let v = index_value(vm, a)?;
        if acc.is_zero() {
            continue;
        }
        if v.is_zero() {
            acc = BigInt::zero();
            continue;
        }
        acc = acc.lcm(&v);
    }
    Ok(vm.new_bigint(acc.abs()))
}

pub fn isqrt(vm: &VM, n: &PyObjectRef) -> PyResult {
    let v = index_value(vm, n)?;
    if v.is_negative() {
        return Err(vm.new_value_error("isqrt() argument must be nonnegative"));
    }
    Ok(vm.new_bigint(v.sqrt()))
}

pub fn factorial(vm: &VM, n: &PyObjectRef) -> PyResult {
    let v = index_value(vm, n)?;
    if v.is_negative() {
        return Err(vm.new_value_error("factorial() not defined for negative values"));
    }
    let Some(n) = v.to_i64() else {
        return Err(
            vm.new_overflow_error("factorial() argument should not exceed 9223372036854775807")
        );
    };
    if n < 2 {
        return Ok(vm.new_int(1));
    }
    Ok(vm.new_bigint(range_product(&BigInt::from(2), n as u64 - 1)))
}

fn nonneg(vm: &VM, o: &PyObjectRef, what: &str) -> PyResult<BigInt> {
    let v = index_value(vm, o)?;
    if v.is_negative() {
        return Err(vm.new_value_error(format!("{what} must be a non-negative integer")));
    }
    Ok(v)
}

pub fn comb(vm: &VM, n: &PyObjectRef, k: &PyObjectRef) -> PyResult {
    let n = nonneg(vm, n, "n")?;
    let k = nonneg(vm, k, "k")?;
    if k > n {
        return Ok(vm.new_int(0));
    }
    let nk = &n - &k;
    let k = if nk < k { nk } else { k };
    let Some(k) = k.to_u64().filter(|k| *k <= i64::MAX as u64) else {
        return Err(vm.new_overflow_error("min(n - k, k) must not exceed 9223372036854775807"));
    };
    let top = range_product(&(&n - k + 1u32), k);
    let bottom = range_product(&BigInt::one(), k);
    Ok(vm.new_bigint(top / bottom))
}

pub fn perm(vm: &VM, n: &PyObjectRef, k: Option<&PyObjectRef>) -> PyResult {
    let Some(k) = k else {
        return factorial(vm, n);
    };
    let n = nonneg(vm, n, "n")?;
    let k = nonneg(vm, k, "k")?;
    if k > n {
        return Ok(vm.new_int(0));
    }
    let Some(k) = k.to_u64().filter(|k| *k <= i64::MAX as u64) else {
        return Err(vm.new_overflow_error("k must not exceed 9223372036854775807"));
    };
    Ok(vm.new_bigint(range_product(&(&n - k + 1u32), k)))
}
