//! printf-style `%` formatting of `str` and `bytes` (CPython's
//! Objects/unicodeobject.c `PyUnicode_Format` and bytesobject.c
//! `_PyBytes_FormatEx`).
//!
//! One engine serves both: a bytes format string is handled as Latin-1
//! text (every byte one char) and converted back at the end, so `%s` of
//! bytes inserts raw bytes and everything else produced is ASCII.

use num_bigint::BigInt;
use num_traits::Signed;

use crate::object::PyObjectRef;
use crate::objects::longobject::PyInt;
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::PyTuple;
use crate::{PyResult, VM};
use rython_common::float_repr::{format_float, FloatFlags};

/// `fmt % args` for str.
pub fn format_str(vm: &VM, fmt: &str, args: &PyObjectRef) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    Formatter::new(vm, args, false).run(&chars)
}

/// `fmt % args` for bytes and bytearray.
pub fn format_bytes(vm: &VM, fmt: &[u8], args: &PyObjectRef) -> PyResult<Vec<u8>> {
    let chars: Vec<char> = fmt.iter().map(|&b| b as char).collect();
    let out = Formatter::new(vm, args, true).run(&chars)?;
    Ok(out.chars().map(|c| c as u32 as u8).collect())
}

#[derive(Default, Clone, Copy)]
struct Flags {
    left: bool,
    sign: bool,
    space: bool,
    alt: bool,
    zero: bool,
}

struct Formatter<'a> {
    vm: &'a VM,
    /// The argument(s): the right operand, or the value of the last
    /// `%(key)` lookup (CPython replaces its `args` the same way).
    args: PyObjectRef,
    /// Positional arguments when `args` is a tuple.
    tuple: Option<Vec<PyObjectRef>>,
    /// Next positional index; for a non-tuple argument -2 means unused, -1
    /// used (CPython's `argidx` / `arglen` convention).
    argidx: isize,
    arglen: isize,
    dict: Option<PyObjectRef>,
    bytes: bool,
}

impl<'a> Formatter<'a> {
    fn new(vm: &'a VM, args: &'a PyObjectRef, bytes: bool) -> Formatter<'a> {
        let tuple = args
            .downcast_ref::<PyTuple>()
            .map(|t| t.as_slice().to_vec());
        let (argidx, arglen) = match &tuple {
            Some(t) => (0, t.len() as isize),
            None => (-2, -1),
        };
        // Bytes formatting does not take a bytes or bytearray for a mapping.
        let is_mapping = tuple.is_none()
            && !args.payload_is::<PyStr>()
            && !(bytes
                && (args.payload_is::<crate::objects::bytesobject::PyBytes>()
                    || args.payload_is::<crate::objects::bytearrayobject::PyByteArray>()))
            && (args.payload_is::<crate::objects::dictobject::PyDict>()
                || args.class().payload.slots.getitem.get().is_some());
        let dict = if is_mapping { Some(args.clone()) } else { None };
        Formatter {
            vm,
            args: args.clone(),
            tuple,
            argidx,
            arglen,
            dict,
            bytes,
        }
    }

    fn next_arg(&mut self) -> PyResult<PyObjectRef> {
        if self.argidx < self.arglen {
            let i = self.argidx;
            self.argidx += 1;
            return Ok(match &self.tuple {
                Some(t) => t[i as usize].clone(),
                None => self.args.clone(),
            });
        }
        if self.arglen < 0 && self.argidx == -2 {
            self.argidx = -1;
            return Ok(self.args.clone());
        }
        Err(self
            .vm
            .new_type_error("not enough arguments for format string"))
    }

    fn run(mut self, f: &[char]) -> PyResult<String> {
        let vm = self.vm;
        let mut out = String::with_capacity(f.len() + 16);
        let mut i = 0;
        while i < f.len() {
            if f[i] != '%' {
                out.push(f[i]);
                i += 1;
                continue;
            }
            i += 1;
            let spec_start = i;
            if i < f.len() && f[i] == '(' {
                let Some(dict) = self.dict.clone() else {
                    return Err(vm.new_type_error("format requires a mapping"));
                };
                let mut depth = 1;
                let start = i + 1;
                i += 1;
                while i < f.len() && depth > 0 {
                    match f[i] {
                        '(' => depth += 1,
                        ')' => depth -= 1,
                        _ => {}
                    }
                    i += 1;
                }
                if depth > 0 {
                    return Err(vm.new_value_error("incomplete format key"));
                }
                let key_text: String = f[start..i - 1].iter().collect();
                let key = if self.bytes {
                    vm.new_bytes(
                        key_text
                            .chars()
                            .map(|c| c as u32 as u8)
                            .collect::<Vec<u8>>(),
                    )
                } else {
                    vm.new_str_obj(key_text)
                };
                self.args = crate::python::formatter::mapping_get(vm, &dict, &key)?;
                self.tuple = None;
                self.arglen = -1;
                self.argidx = -2;
            }
            let mut flags = Flags::default();
            while i < f.len() {
                match f[i] {
                    '-' => flags.left = true,
                    '+' => flags.sign = true,
                    ' ' => flags.space = true,
                    '#' => flags.alt = true,
                    '0' => flags.zero = true,
                    _ => break,
                }
                i += 1;
            }
            let mut width: Option<usize> = None;
            if i < f.len() && f[i] == '*' {
                let w = self.star_arg()?;
                if w < 0 {
                    flags.left = true;
                }
                width = Some(w.unsigned_abs());
                i += 1;
            } else {
                let (w, n) = read_number(vm, &f[i..], "width too big")?;
                i += n;
                width = w.or(width);
            }
            let mut prec: Option<usize> = None;
            if i < f.len() && f[i] == '.' {
                i += 1;
                if i < f.len() && f[i] == '*' {
                    let p = self.star_arg()?;
                    prec = Some(p.max(0) as usize);
                    i += 1;
                } else {
                    let (p, n) = read_number(vm, &f[i..], "precision too big")?;
                    i += n;
                    prec = Some(p.unwrap_or(0));
                }
            }
            while i < f.len() && matches!(f[i], 'h' | 'l' | 'L') {
                i += 1;
            }
            if i >= f.len() {
                return Err(vm.new_value_error("incomplete format"));
            }
            let conv = f[i];
            let conv_index = i;
            i += 1;
            if conv == '%' && conv_index == spec_start {
                out.push('%');
                continue;
            }
            if conv == '%' {
                // `%5%`: a conversion like any other, which takes an
                // argument and then is not a known one.
                self.next_arg()?;
            }
            let known = matches!(
                conv,
                's' | 'r'
                    | 'a'
                    | 'd'
                    | 'i'
                    | 'u'
                    | 'o'
                    | 'x'
                    | 'X'
                    | 'e'
                    | 'E'
                    | 'f'
                    | 'F'
                    | 'g'
                    | 'G'
                    | 'c'
            ) || (self.bytes && conv == 'b');
            if !known {
                let c = conv as u32;
                let shown = if (32..=126).contains(&c) { conv } else { '?' };
                return Err(vm.new_value_error(format!(
                    "unsupported format character '{shown}' (0x{c:x}) at index {conv_index}"
                )));
            }
            let v = self.next_arg()?;
            let piece = self.convert(conv, &v, flags, prec)?;
            pad_into(vm, &mut out, &piece, width.unwrap_or(0), flags)?;
        }
        if self.argidx < self.arglen && self.dict.is_none() {
            let what = if self.bytes { "bytes" } else { "string" };
            return Err(vm.new_type_error(format!(
                "not all arguments converted during {what} formatting"
            )));
        }
        Ok(out)
    }

    fn star_arg(&mut self) -> PyResult<isize> {
        let v = self.next_arg()?;
        match v.downcast_ref::<PyInt>() {
            Some(PyInt::Small(n)) if (i32::MIN as i64..=i32::MAX as i64).contains(n) => {
                Ok(*n as isize)
            }
            Some(_) => Err(self
                .vm
                .new_overflow_error("Python int too large to convert to C int")),
            None => Err(self.vm.new_type_error("* wants int")),
        }
    }

    /// The converted value, with a flag telling whether it is numeric (so
    /// zero padding goes after its sign and prefix).
    fn convert(
        &self,
        conv: char,
        v: &PyObjectRef,
        flags: Flags,
        prec: Option<usize>,
    ) -> PyResult<Piece> {
        let vm = self.vm;
        match conv {
            's' | 'b' if self.bytes => {
                let b = bytes_for_format(vm, v)?;
                let mut s: String = b.iter().map(|&x| x as char).collect();
                truncate(&mut s, prec);
                Ok(Piece::text(s))
            }
            's' | 'r' | 'a' => {
                let mut s = match conv {
                    's' => vm.str_string(v)?,
                    'r' if !self.bytes => vm.repr_string(v)?,
                    _ => rython_common::repr_str::escape_non_ascii(&vm.repr_string(v)?),
                };
                truncate(&mut s, prec);
                Ok(Piece::text(s))
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let n = self.int_value(conv, v)?;
                let limit = self.vm.int_max_str_digits.get();
                // Decimal output obeys sys.set_int_max_str_digits (checked
                // only where the bit length allows too many digits).
                if matches!(conv, 'd' | 'i' | 'u') && limit > 0 && n.bits() > 3 * limit as u64 {
                    rython_common::int_format::to_decimal_string(
                        &n,
                        self.vm.int_max_str_digits.get(),
                    )
                    .map_err(|e| self.vm.new_value_error(e.message()))?;
                }
                Ok(format_int(&n, conv, flags, prec))
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = self.float_value(v)?;
                let ff = FloatFlags {
                    alt: flags.alt,
                    ..FloatFlags::default()
                };
                let body =
                    format_float(x.abs(), conv, Some(prec.unwrap_or(6)), ff).unwrap_or_default();
                let neg = x.is_sign_negative() && !x.is_nan();
                let sign = if neg {
                    "-"
                } else if flags.sign {
                    "+"
                } else if flags.space {
                    " "
                } else {
                    ""
                };
                Ok(Piece {
                    prefix: sign.to_string(),
                    body,
                    numeric: true,
                })
            }
            _ => self.format_char(v),
        }
    }

    /// CPython's `mainformatlong`: an int (subclasses included) as is;
    /// another number through `__index__` (`%o`, `%x`, `%X`) or `int()`
    /// (the others, so a float subclass's `__int__` is used), a TypeError
    /// becoming the "required" message.
    fn int_value(&self, conv: char, v: &PyObjectRef) -> PyResult<BigInt> {
        let vm = self.vm;
        if let Some(i) = v.downcast_ref::<PyInt>() {
            return Ok(i.to_bigint());
        }
        let slots = &v.class().payload.slots;
        let hex = matches!(conv, 'o' | 'x' | 'X');
        let wrong = || {
            let what = if hex { "an integer" } else { "a real number" };
            vm.new_type_error(format!(
                "%{conv} format: {what} is required, not {}",
                v.class().name_string()
            ))
        };
        let is_number = slots.nb_index.get().is_some()
            || slots.nb_int.get().is_some()
            || slots.nb_float.get().is_some()
            || v.payload_is::<crate::objects::complexobject::PyComplex>();
        if !is_number {
            return Err(wrong());
        }
        let r = if hex {
            vm.to_index(v)
        } else {
            crate::objects::longobject::number_to_int(vm, v)
        };
        match r {
            Ok(i) => Ok(i
                .downcast_ref::<PyInt>()
                .map(|i| i.to_bigint())
                .unwrap_or_default()),
            Err(e) if e.as_object().class().is_subtype(&vm.types.exc.type_error) => Err(wrong()),
            Err(e) => Err(e),
        }
    }

    /// CPython's `formatfloat`: `PyFloat_AsDouble`.
    fn float_value(&self, v: &PyObjectRef) -> PyResult<f64> {
        self.vm.to_f64(v)
    }

    fn format_char(&self, v: &PyObjectRef) -> PyResult<Piece> {
        let vm = self.vm;
        if self.bytes {
            let err = || vm.new_type_error("%c requires an integer in range(256) or a single byte");
            if let Some(b) = crate::objects::bytes_methods::bytes_or_bytearray(v) {
                if b.len() == 1 {
                    return Ok(Piece::text((b[0] as char).to_string()));
                }
                return Err(err());
            }
            if v.payload_is::<PyInt>() || v.class().payload.slots.nb_index.get().is_some() {
                let i = vm.to_index(v)?;
                return match i.downcast_ref::<PyInt>().and_then(|i| i.as_i64()) {
                    Some(n) if (0..256).contains(&n) => {
                        Ok(Piece::text((n as u8 as char).to_string()))
                    }
                    _ => Err(vm.new_overflow_error("%c arg not in range(256)")),
                };
            }
            return Err(err());
        }
        if let Some(s) = v.downcast_ref::<PyStr>() {
            if s.char_len() == 1 {
                return Ok(Piece::text(s.as_str().to_string()));
            }
            return Err(vm.new_type_error("%c requires int or char"));
        }
        if v.payload_is::<PyInt>() || v.class().payload.slots.nb_index.get().is_some() {
            let i = vm.to_index(v)?;
            return match i.downcast_ref::<PyInt>().and_then(|i| i.as_i64()) {
                Some(n) if (0..0x110000).contains(&n) => Ok(Piece::text(
                    rython_common::surrogates::store(n as u32)
                        .unwrap_or('\0')
                        .to_string(),
                )),
                _ => Err(vm.new_overflow_error("%c arg not in range(0x110000)")),
            };
        }
        Err(vm.new_type_error("%c requires int or char"))
    }
}

/// A converted value: `prefix` (sign and `0x`) is kept in front of zero
/// padding when `numeric`.
struct Piece {
    prefix: String,
    body: String,
    numeric: bool,
}

impl Piece {
    fn text(body: String) -> Piece {
        Piece {
            prefix: String::new(),
            body,
            numeric: false,
        }
    }
}

fn truncate(s: &mut String, prec: Option<usize>) {
    if let Some(p) = prec {
        if let Some((b, _)) = s.char_indices().nth(p) {
            s.truncate(b);
        }
    }
}

fn read_number(vm: &VM, f: &[char], too_big: &str) -> PyResult<(Option<usize>, usize)> {
    let mut n: Option<usize> = None;
    let mut i = 0;
    while i < f.len() && f[i].is_ascii_digit() {
        let d = f[i] as usize - '0' as usize;
        let v = n.unwrap_or(0);
        n = Some(
            v.checked_mul(10)
                .and_then(|v| v.checked_add(d))
                .filter(|v| *v <= isize::MAX as usize)
                .ok_or_else(|| vm.new_value_error(too_big.to_string()))?,
        );
        i += 1;
    }
    Ok((n, i))
}

fn format_int(n: &BigInt, conv: char, flags: Flags, prec: Option<usize>) -> Piece {
    let neg = n.is_negative();
    let mag = n.abs();
    let mut digits = match conv {
        'o' => mag.to_str_radix(8),
        'x' => mag.to_str_radix(16),
        'X' => mag.to_str_radix(16).to_uppercase(),
        _ => mag.to_str_radix(10),
    };
    if let Some(p) = prec {
        if digits.len() < p {
            digits = "0".repeat(p - digits.len()) + &digits;
        }
    }
    let mut prefix = String::new();
    if neg {
        prefix.push('-');
    } else if flags.sign {
        prefix.push('+');
    } else if flags.space {
        prefix.push(' ');
    }
    if flags.alt {
        match conv {
            'o' => prefix.push_str("0o"),
            'x' => prefix.push_str("0x"),
            'X' => prefix.push_str("0X"),
            _ => {}
        }
    }
    Piece {
        prefix,
        body: digits,
        numeric: true,
    }
}

fn pad_into(vm: &VM, out: &mut String, p: &Piece, width: usize, flags: Flags) -> PyResult<()> {
    let len = p.prefix.chars().count() + p.body.chars().count();
    let fill = width.saturating_sub(len);
    // Absurd widths are a MemoryError, not an abort.
    fill.checked_add(p.prefix.len() + p.body.len())
        .and_then(|n| out.try_reserve(n).ok())
        .ok_or_else(|| vm.new_memory_error())?;
    if fill == 0 {
        out.push_str(&p.prefix);
        out.push_str(&p.body);
    } else if flags.left {
        out.push_str(&p.prefix);
        out.push_str(&p.body);
        out.extend(std::iter::repeat_n(' ', fill));
    } else if flags.zero && p.numeric {
        out.push_str(&p.prefix);
        out.extend(std::iter::repeat_n('0', fill));
        out.push_str(&p.body);
    } else {
        out.extend(std::iter::repeat_n(' ', fill));
        out.push_str(&p.prefix);
        out.push_str(&p.body);
    }
    Ok(())
}

/// `%b`/`%s` in bytes formatting: a bytes-like object or `__bytes__`.
fn bytes_for_format(vm: &VM, v: &PyObjectRef) -> PyResult<Vec<u8>> {
    if let Some(b) = crate::objects::bytes_methods::buffer_bytes(vm, v)? {
        return Ok(b);
    }
    if let Some(m) = vm.lookup_special(v, "__bytes__")? {
        let r = vm.call0(&m)?;
        if let Some(b) = r.downcast_ref::<crate::objects::bytesobject::PyBytes>() {
            return Ok(b.as_bytes().to_vec());
        }
        return Err(vm.new_type_error(format!(
            "__bytes__ returned non-bytes (type {})",
            r.class().name_string()
        )));
    }
    Err(vm.new_type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        v.class().name_string()
    )))
}
