//! Integer to text (Objects/longobject.c `_PyLong_Format`,
//! `long_to_decimal_string`), including the `sys.set_int_max_str_digits`
//! limit that `str(int)` enforces.

use num_bigint::{BigInt, Sign};

/// CPython's default `sys.get_int_max_str_digits()`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;
/// `sys.int_info.str_digits_check_threshold`: the smallest nonzero limit.
pub const MAX_STR_DIGITS_THRESHOLD: usize = 640;

/// `str(n)` would produce more decimal digits than the limit allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StrDigitsLimitError {
    pub limit: usize,
}

impl StrDigitsLimitError {
    /// The `ValueError` message `str(int)` raises.
    pub fn message(&self) -> String {
        to_str_limit_message(self.limit)
    }
}

/// Message of the `ValueError` from `str(int)` / `format(int)` when the
/// value has more than `limit` digits.
pub fn to_str_limit_message(limit: usize) -> String {
    format!(
        "Exceeds the limit ({limit} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    )
}

/// Digits of `|n|` in `base` (2..=36), lowercase, with a leading `-` for
/// negatives and no prefix. Bases outside 2..=36 are clamped.
pub fn to_str_radix(n: &BigInt, base: u32) -> String {
    n.to_str_radix(base.clamp(2, 36))
}

/// `bin()`, `oct()`, `hex()` style text: `0b101`, `-0o17`, `0xff`.
/// Other bases get no prefix.
pub fn to_prefixed(n: &BigInt, base: u32) -> String {
    let prefix = match base {
        2 => "0b",
        8 => "0o",
        16 => "0x",
        _ => "",
    };
    let digits = n.magnitude().to_str_radix(base.clamp(2, 36));
    let mut s = String::with_capacity(digits.len() + 3);
    if n.sign() == Sign::Minus {
        s.push('-');
    }
    s.push_str(prefix);
    s.push_str(&digits);
    s
}

/// `str(n)` under a digit limit (`max_str_digits == 0` means unlimited).
pub fn to_decimal_string(n: &BigInt, max_str_digits: usize) -> Result<String, StrDigitsLimitError> {
    if max_str_digits > 0 {
        // A number with b bits has at least floor((b-1)*log10(2))+1 digits;
        // refuse hopeless cases before paying for the conversion.
        let bits = n.bits();
        if bits > 1 {
            let min_digits = ((bits - 1) as f64 * std::f64::consts::LOG10_2).floor() as u64 + 1;
            if min_digits > max_str_digits as u64 + 1 {
                return Err(StrDigitsLimitError {
                    limit: max_str_digits,
                });
            }
        }
    }
    let s = n.to_str_radix(10);
    let digits = s.len() - usize::from(s.starts_with('-'));
    if max_str_digits > 0 && digits > max_str_digits {
        return Err(StrDigitsLimitError {
            limit: max_str_digits,
        });
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    #[test]
    fn prefixed() {
        // bin/oct/hex from CPython 3.13.
        assert_eq!(to_prefixed(&big("0"), 2), "0b0");
        assert_eq!(to_prefixed(&big("5"), 2), "0b101");
        assert_eq!(to_prefixed(&big("-5"), 2), "-0b101");
        assert_eq!(to_prefixed(&big("8"), 8), "0o10");
        assert_eq!(to_prefixed(&big("-255"), 16), "-0xff");
        assert_eq!(
            to_prefixed(&big("340282366920938463463374607431768211456"), 16),
            "0x100000000000000000000000000000000"
        );
        assert_eq!(to_str_radix(&big("-35"), 36), "-z");
        assert_eq!(to_str_radix(&big("123456789"), 10), "123456789");
    }

    #[test]
    fn decimal_limit() {
        let n: BigInt = BigInt::from(10).pow(4299);
        assert_eq!(to_decimal_string(&n, 4300).unwrap().len(), 4300);
        let n: BigInt = -BigInt::from(10).pow(4299);
        assert_eq!(to_decimal_string(&n, 4300).unwrap().len(), 4301);
        let n: BigInt = BigInt::from(10).pow(4300);
        let e = to_decimal_string(&n, 4300).unwrap_err();
        assert_eq!(
            e.message(),
            "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        );
        assert!(to_decimal_string(&n, 0).is_ok());
        let huge: BigInt = BigInt::from(1) << 100_000u32;
        assert!(to_decimal_string(&huge, 4300).is_err());
        assert!(to_decimal_string(&BigInt::from(999), 640).is_ok());
    }
}
