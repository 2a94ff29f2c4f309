//! Case mapping and character-class predicates of `str`
//! (CPython's unicodeobject.c `do_upper`, `do_title`..., `unicode_isalpha`...).
//!
//! Rust's full case mappings (SpecialCasing included, e.g. 'ß'.upper() ==
//! 'SS', final sigma in lower()) match CPython's. Properties Rust's std
//! does not expose the same way (letters, digits, numerics, identifiers,
//! titlecase) come from tables generated from CPython (`str_unicode.rs`).
//! Case folding and titlecasing of multi-character mappings are derived
//! from the upper/lower mappings, which differs from CPython only for a
//! few rare code points.

use crate::object::PyObjectRef;
use crate::objects::str_methods::no_args;
use crate::objects::str_unicode::{
    lookup_map, ALPHA, CASEFOLD_MAP, CASE_IGNORABLE, CASE_MAPPED, DIGIT, LOWER, NUMERIC, TITLE,
    TITLE_MAP, UPPER,
};
use crate::objects::strobject::{new_str_result, zelf};
use crate::objects::tupleobject::PyTupleRef;
use crate::{PyResult, VM};
use rython_common::unicode::in_ranges;

type Kw<'a> = Option<&'a PyTupleRef>;

/// Characters of Unicode category Lt (titlecase letters).
fn is_titlecase(c: char) -> bool {
    (c as u32) >= 0x1C5 && in_ranges(TITLE, c as u32)
}

fn is_lower_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    in_ranges(LOWER, c as u32)
}

fn is_upper_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    in_ranges(UPPER, c as u32)
}

/// The Cased property (`_PyUnicode_IsCased`).
fn is_cased(c: char) -> bool {
    is_lower_char(c) || is_upper_char(c) || is_titlecase(c)
}

/// Whether any case mapping of `c` differs from `c` in CPython's database
/// (Rust's may know newer scripts, which CPython leaves alone).
fn is_mapped(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(CASE_MAPPED, c as u32)
}

fn push_upper(out: &mut String, c: char) {
    if is_mapped(c) {
        out.extend(c.to_uppercase());
    } else {
        out.push(c);
    }
}

/// Full titlecase mapping.
pub(crate) fn push_title(out: &mut String, c: char) {
    match lookup_map(TITLE_MAP, c as u32) {
        Some(t) => out.push_str(t),
        None => push_upper(out, c),
    }
}

/// Lowercase mapping of `chars[i]` with CPython's final-sigma rule.
fn push_lower_at(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c == '\u{03A3}' {
        let before = chars[..i].iter().rev().find(|c| !is_case_ignorable(**c));
        let after = chars[i + 1..].iter().find(|c| !is_case_ignorable(**c));
        let final_sigma =
            before.is_some_and(|c| is_cased(*c)) && !after.is_some_and(|c| is_cased(*c));
        out.push(if final_sigma { '\u{03C2}' } else { '\u{03C3}' });
        return;
    }
    if is_mapped(c) {
        out.extend(c.to_lowercase());
    } else {
        out.push(c);
    }
}

fn is_case_ignorable(c: char) -> bool {
    in_ranges(CASE_IGNORABLE, c as u32)
}

fn map_chars(s: &str, f: impl Fn(&mut String, &[char], usize, &mut bool)) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut state = false;
    for i in 0..chars.len() {
        f(&mut out, &chars, i, &mut state);
    }
    out
}

pub(crate) fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    map_chars(s, |out, chars, i, _| push_lower_at(out, chars, i))
}

pub(crate) fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_upper(&mut out, c);
    }
    out
}

pub(crate) fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match lookup_map(CASEFOLD_MAP, c as u32) {
            Some(f) => out.push_str(f),
            None if is_mapped(c) => out.extend(c.to_lowercase()),
            None => out.push(c),
        }
    }
    out
}

pub(crate) fn swapcase(s: &str) -> String {
    map_chars(s, |out, chars, i, _| {
        let c = chars[i];
        if is_upper_char(c) {
            push_lower_at(out, chars, i);
        } else if is_lower_char(c) {
            push_upper(out, c);
        } else {
            out.push(c);
        }
    })
}

pub(crate) fn capitalize(s: &str) -> String {
    map_chars(s, |out, chars, i, _| {
        if i == 0 {
            push_title(out, chars[0]);
        } else {
            push_lower_at(out, chars, i);
        }
    })
}

pub(crate) fn title(s: &str) -> String {
    map_chars(s, |out, chars, i, prev_cased| {
        let c = chars[i];
        if *prev_cased {
            push_lower_at(out, chars, i);
        } else {
            push_title(out, c);
        }
        *prev_cased = is_cased(c);
    })
}

// ----- predicates -------------------------------------------------------------

pub(crate) fn is_decimal(c: char) -> bool {
    rython_common::unicode::decimal_value(c as u32).is_some()
}

/// Numeric_Type=Digit or Decimal.
pub(crate) fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(DIGIT, c as u32)
}

/// Any Numeric_Type (includes CJK numerals and fractions).
pub(crate) fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(NUMERIC, c as u32)
}

/// Letters (categories L*).
pub(crate) fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(ALPHA, c as u32)
}

pub(crate) fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}

pub(crate) fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if rython_common::unicode::is_id_start(c as u32) => {}
        _ => return false,
    }
    it.all(|c| rython_common::unicode::is_id_continue(c as u32))
}

pub(crate) fn is_lower_str(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_upper_char(c) || is_titlecase(c) {
            return false;
        }
        if is_lower_char(c) {
            cased = true;
        }
    }
    cased
}

pub(crate) fn is_upper_str(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_lower_char(c) || is_titlecase(c) {
            return false;
        }
        if is_upper_char(c) {
            cased = true;
        }
    }
    cased
}

pub(crate) fn is_title_str(s: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if is_upper_char(c) || is_titlecase(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if is_lower_char(c) {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

macro_rules! mapper {
    ($fname:ident, $name:literal, $f:path) => {
        fn $fname(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
            let s = zelf(vm, args, $name)?;
            no_args(vm, concat!("str.", $name), args, kw)?;
            new_str_result(vm, $f(s.as_str()), s)
        }
    };
}

mapper!(str_lower, "lower", lower);
mapper!(str_upper, "upper", upper);
mapper!(str_casefold, "casefold", casefold);
mapper!(str_swapcase, "swapcase", swapcase);
mapper!(str_capitalize, "capitalize", capitalize);
mapper!(str_title, "title", title);

macro_rules! predicate {
    ($fname:ident, $name:literal, |$s:ident| $body:expr) => {
        fn $fname(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
            let $s = zelf(vm, args, $name)?.as_str();
            no_args(vm, concat!("str.", $name), args, kw)?;
            Ok(vm.new_bool($body))
        }
    };
}

predicate!(str_isascii, "isascii", |s| s.is_ascii());
predicate!(str_isalpha, "isalpha", |s| !s.is_empty()
    && s.chars().all(is_alpha));
predicate!(str_isalnum, "isalnum", |s| !s.is_empty()
    && s.chars().all(is_alnum));
predicate!(str_isdecimal, "isdecimal", |s| !s.is_empty()
    && s.chars().all(is_decimal));
predicate!(str_isdigit, "isdigit", |s| !s.is_empty()
    && s.chars().all(is_digit));
predicate!(str_isnumeric, "isnumeric", |s| !s.is_empty()
    && s.chars().all(is_numeric));
predicate!(str_isspace, "isspace", |s| !s.is_empty()
    && s.chars().all(crate::objects::str_methods::is_space));
predicate!(str_isprintable, "isprintable", |s| s
    .chars()
    .all(|c| rython_common::unicode::is_printable(c as u32)));
predicate!(str_islower, "islower", |s| is_lower_str(s));
predicate!(str_isupper, "isupper", |s| is_upper_str(s));
predicate!(str_istitle, "istitle", |s| is_title_str(s));
predicate!(str_isidentifier, "isidentifier", |s| is_identifier(s));

pub(crate) fn init(vm: &VM) {
    let t = &vm.types.str_type;
    vm.add_method(t, "lower", str_lower);
    vm.add_method(t, "upper", str_upper);
    vm.add_method(t, "casefold", str_casefold);
    vm.add_method(t, "swapcase", str_swapcase);
    vm.add_method(t, "capitalize", str_capitalize);
    vm.add_method(t, "title", str_title);
    vm.add_method(t, "isascii", str_isascii);
    vm.add_method(t, "isalpha", str_isalpha);
    vm.add_method(t, "isalnum", str_isalnum);
    vm.add_method(t, "isdecimal", str_isdecimal);
    vm.add_method(t, "isdigit", str_isdigit);
    vm.add_method(t, "isnumeric", str_isnumeric);
    vm.add_method(t, "isspace", str_isspace);
    vm.add_method(t, "isprintable", str_isprintable);
    vm.add_method(t, "islower", str_islower);
    vm.add_method(t, "isupper", str_isupper);
    vm.add_method(t, "istitle", str_istitle);
    vm.add_method(t, "isidentifier", str_isidentifier);
}
