//! Object-model-free numeric and text helpers shared by the Rython VM.
//!
//! These mirror the pieces of CPython 3.13 that live in `Python/pystrtod.c`,
//! `Python/dtoa.c`, `Python/formatter_unicode.c`, `Python/pyhash.c`,
//! `Objects/longobject.c` and `Objects/floatobject.c`, and produce exactly
//! the same strings, hashes and error messages. Nothing here knows about
//! Python objects: callers pass plain Rust values (and a type name where an
//! error message needs one).
//!
//! Modules:
//! - [`float_repr`]: `repr(float)` ([`float_repr::repr`]) and the
//!   `PyOS_double_to_string` family ([`float_repr::format_float`],
//!   [`float_repr::double_to_string`]) used by `%`-formatting and `format()`.
//! - [`float_hex`]: `float.hex()` and `float.fromhex()`.
//! - [`float_round`]: `round(x)` and `round(x, ndigits)` for floats.
//! - [`float_parse`]: `float(str)` ([`float_parse::parse_float`]).
//! - [`complex_parse`]: `complex(str)` ([`complex_parse::parse_complex`]).
//! - [`int_parse`]: `int(str, base)` ([`int_parse::parse_int`]) and the
//!   `sys.set_int_max_str_digits` limit messages.
//! - [`int_format`]: integer to string in any base 2..=36, `bin`/`oct`/`hex`
//!   style prefixes, and the decimal digit-limit check for `str(int)`.
//! - [`format_spec`]: the format-spec mini-language
//!   ([`format_spec::parse_format_spec`], [`format_spec::format_int`],
//!   [`format_spec::format_float`], [`format_spec::format_complex`],
//!   [`format_spec::format_str`]).
//! - [`printf`]: one `%` directive of printf-style formatting
//!   ([`printf::printf_int`], [`printf::printf_float`], [`printf::printf_str`]).
//! - [`hash`]: bit-exact CPython hashing (ints, floats, complex, tuples,
//!   frozensets, SipHash-1-3 for str/bytes, `PYTHONHASHSEED` handling).
//! - [`repr_str`]: `repr(str)`, `ascii(str)`, `repr(bytes)`.
//! - [`unicode`]: `str.isprintable`, `str.isspace` and decimal-digit values
//!   from CPython's Unicode 15.1 database.

pub mod complex_parse;
pub mod float_hex;
pub mod float_parse;
pub mod float_repr;
pub mod float_round;
pub mod format_spec;
pub mod hash;
pub mod int_format;
pub mod int_parse;
pub mod printf;
pub mod repr_str;
pub mod unicode;
mod unicode_tables;
