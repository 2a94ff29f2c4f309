//! Hand-written cases (values checked against CPython 3.13) that are too
//! large or too special for the generated table.

use super::*;
use num_bigint::BigInt;

fn spec(s: &str) -> FormatSpec {
    parse_format_spec(s).unwrap()
}

#[test]
fn huge_precisions() {
    let s = format_float(0.1, &spec(".70000f"), "float").unwrap();
    assert_eq!(s.len(), 70002);
    assert!(s.starts_with("0.1000000000000000055511151231257827021181583404541015625000"));
    assert!(s.ends_with("000"));
    let s = format_float(5e-324, &spec(".70000e"), "float").unwrap();
    assert_eq!(s.len(), 70007);
    assert!(s.starts_with("4.9406564584124654417656879286"));
    assert!(s.ends_with("000e-324"));
    assert_eq!(
        format_float(-1.5, &spec(".70000g"), "float").unwrap(),
        "-1.5"
    );
    let s = format_float(2f64.sqrt(), &spec("#.70000g"), "float").unwrap();
    assert_eq!(s.len(), 70001);
    assert!(s.starts_with("1.4142135623730951454746218587"));
    let e = format_float(1.5, &spec(".3000000000"), "float").unwrap_err();
    assert_eq!(e.message, "precision too big");
    let p = crate::float_repr::format_float(0.1, 'f', Some(70000), Default::default()).unwrap();
    assert_eq!(p.len(), 70002);
}

#[test]
fn int_edge_cases() {
    let big = BigInt::from(2).pow(70);
    let e = format_int(&big, &spec("c"), "int", 4300).unwrap_err();
    assert_eq!(e.kind, ErrorKind::OverflowError);
    assert_eq!(e.message, "Python int too large to convert to C long");
    let e = format_int(&-big, &spec("c"), "int", 4300).unwrap_err();
    assert_eq!(e.message, "Python int too large to convert to C long");
    let limit_msg = "Exceeds the limit (4300 digits) for integer string conversion; \
                     use sys.set_int_max_str_digits() to increase the limit";
    let huge = BigInt::from(10).pow(5000);
    for s in ["d", ","] {
        let e = format_int(&huge, &spec(s), "int", 4300).unwrap_err();
        assert_eq!(
            (e.kind, e.message.as_str()),
            (ErrorKind::ValueError, limit_msg)
        );
    }
    let x = format_int(&huge, &spec("_x"), "int", 4300).unwrap();
    assert_eq!(x.len(), 5191);
    assert!(x.starts_with("3_1e20_801"));
    assert_eq!(format_int(&huge, &spec("d"), "int", 0).unwrap().len(), 5001);
    let n = format_int(&BigInt::from(10).pow(4299), &spec("n"), "int", 4300).unwrap();
    assert_eq!(n.len(), 4300);
    let e = format_int(&BigInt::from(10).pow(400), &spec("e"), "int", 4300).unwrap_err();
    assert_eq!(e.kind, ErrorKind::OverflowError);
    assert_eq!(e.message, "int too large to convert to float");
}

#[test]
fn absurd_widths_do_not_abort() {
    let e = format_int(&BigInt::from(1), &spec("1000000000000000"), "int", 4300).unwrap_err();
    assert_eq!(e.kind, ErrorKind::MemoryError);
    let e = format_str("a", &spec("1000000000000000"), "str").unwrap_err();
    assert_eq!(e.kind, ErrorKind::MemoryError);
    let e = format_float(1.0, &spec("01000000000000000"), "float").unwrap_err();
    assert_eq!(e.kind, ErrorKind::MemoryError);
}

#[test]
fn garbage_specs_never_panic() {
    let alphabet: Vec<char> = "<>=^+- z#0159,_.%cdxXbonseEfFgGr\u{20ac}\u{661}\u{0}"
        .chars()
        .collect();
    let n = alphabet.len();
    let values = [BigInt::from(-1234567), BigInt::from(0x10ffff)];
    for len in 0..=3u32 {
        for mut k in 0..n.pow(len) {
            let mut s = String::new();
            for _ in 0..len {
                s.push(alphabet[k % n]);
                k /= n;
            }
            let Ok(spec) = parse_format_spec(&s) else {
                continue;
            };
            for v in &values {
                let _ = format_int(v, &spec, "int", 4300);
            }
            for x in [-0.0, 1234.5678, f64::NAN, -1e300] {
                let _ = format_float(x, &spec, "float");
                let _ = format_complex(x, -x, &spec, "complex");
            }
            let _ = format_str("h\u{e9}llo", &spec, "str");
        }
    }
}
