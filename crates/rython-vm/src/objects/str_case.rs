//! Case mapping and character-class predicates of `str`
//! (CPython's unicodeobject.c `do_upper`, `do_title`..., `unicode_isalpha`...).
//!
//! Rust's full case mappings (SpecialCasing included, e.g. 'ß'.upper() ==
//! 'SS', final sigma in lower()) match CPython's. Properties CPython takes
//! from its own database and Rust's std does not expose (titlecase, the
//! Numeric_Type digit class, XID) are approximated here; differences are
//! limited to rare code points.

use crate::object::PyObjectRef;
use crate::objects::str_methods::no_args;
use crate::objects::strobject::{new_str_result, zelf};
use crate::objects::tupleobject::PyTupleRef;
use crate::{PyResult, VM};

type Kw<'a> = Option<&'a PyTupleRef>;

/// Characters of Unicode category Lt (titlecase letters).
fn is_titlecase(c: char) -> bool {
    matches!(c as u32,
        0x01C5 | 0x01C8 | 0x01CB | 0x01F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F
        | 0x1FA8..=0x1FAF | 0x1FBC | 0x1FCC | 0x1FFC)
}

fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase(c)
}

/// Full titlecase mapping: the digraphs have their own titlecase letter;
/// otherwise the uppercase mapping with any extra letters lowered
/// ('ß' -> 'Ss', 'ﬁ' -> 'Fi').
pub(crate) fn push_title(out: &mut String, c: char) {
    let special = match c as u32 {
        0x01C4..=0x01C6 => Some('\u{01C5}'),
        0x01C7..=0x01C9 => Some('\u{01C8}'),
        0x01CA..=0x01CC => Some('\u{01CB}'),
        0x01F1..=0x01F3 => Some('\u{01F2}'),
        _ if is_titlecase(c) => Some(c),
        _ => None,
    };
    if let Some(t) = special {
        out.push(t);
        return;
    }
    let mut up = c.to_uppercase();
    if let Some(first) = up.next() {
        out.push(first);
    }
    for rest in up {
        out.extend(rest.to_lowercase());
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
    out.extend(c.to_lowercase());
}

/// An approximation of the Case_Ignorable property: apostrophes, periods,
/// colons and combining marks.
fn is_case_ignorable(c: char) -> bool {
    matches!(
        c,
        '\'' | '.' | ':' | '^' | '`' | '\u{AD}' | '\u{B7}' | '\u{2019}'
    ) || ('\u{300}'..='\u{36F}').contains(&c)
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
    s.to_lowercase()
}

pub(crate) fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    s.to_uppercase()
}

pub(crate) fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        // Full case folding is, for all but a few scripts, the lowercase of
        // the uppercase ('ß' -> 'ss', 'ς' -> 'σ', 'ﬁ' -> 'fi').
        if c.is_lowercase() || c.is_uppercase() || is_titlecase(c) {
            for u in c.to_uppercase() {
                out.extend(u.to_lowercase());
            }
        } else {
            out.push(c);
        }
    }
    out
}

pub(crate) fn swapcase(s: &str) -> String {
    map_chars(s, |out, chars, i, _| {
        let c = chars[i];
        if c.is_uppercase() {
            push_lower_at(out, chars, i);
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
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

/// Numeric_Type=Digit or Decimal: decimals plus superscripts, subscripts
/// and circled/parenthesized digits.
pub(crate) fn is_digit(c: char) -> bool {
    is_decimal(c)
        || matches!(c as u32,
            0xB2 | 0xB3 | 0xB9 | 0x1369..=0x1371 | 0x19DA | 0x2070 | 0x2074..=0x2079
            | 0x2080..=0x2089 | 0x2460..=0x2468 | 0x2474..=0x247C | 0x2488..=0x2490
            | 0x24EA | 0x24F5..=0x24FD | 0x24FF | 0x2776..=0x277E | 0x2780..=0x2788
            | 0x278A..=0x2792 | 0x10A40..=0x10A43 | 0x1F100..=0x1F10A)
}

/// Numeric characters, including the CJK ideographs CPython's database
/// gives numeric values.
pub(crate) fn is_numeric(c: char) -> bool {
    c.is_numeric()
        || matches!(
            c,
            '〇' | '一'
                | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '百'
                | '千'
                | '万'
                | '億'
                | '兆'
                | '零'
                | '壹'
                | '贰'
                | '叁'
                | '肆'
                | '伍'
                | '陆'
                | '柒'
                | '捌'
                | '玖'
                | '拾'
                | '佰'
                | '仟'
        )
}

/// Letters (categories L*): alphabetic minus the letter numbers and marks.
pub(crate) fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    c.is_alphabetic() && !c.is_numeric() && !is_combining(c)
}

fn is_combining(c: char) -> bool {
    let u = c as u32;
    (0x300..=0x36F).contains(&u)
        || (0x483..=0x489).contains(&u)
        || (0x591..=0x5C7).contains(&u)
        || (0x610..=0x61A).contains(&u)
        || (0x64B..=0x65F).contains(&u)
        || (0x900..=0x903).contains(&u)
        || (0x93A..=0x94F).contains(&u) && u != 0x93D
        || (0x1AB0..=0x1AFF).contains(&u)
        || (0x1DC0..=0x1DFF).contains(&u)
        || (0x20D0..=0x20FF).contains(&u)
        || (0xFE20..=0xFE2F).contains(&u)
}

pub(crate) fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}

pub(crate) fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if c == '_' || is_alpha(c) || c.is_alphabetic() && !c.is_numeric() => {}
        Some(c) if ('\u{2160}'..='\u{2188}').contains(&c) => {}
        _ => return false,
    }
    it.all(|c| c == '_' || c.is_alphanumeric() || is_combining(c) || is_decimal(c) || c == '\u{B7}')
}

pub(crate) fn is_lower_str(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            return false;
        }
        if c.is_lowercase() {
            cased = true;
        }
    }
    cased
}

pub(crate) fn is_upper_str(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_lowercase() || is_titlecase(c) {
            return false;
        }
        if c.is_uppercase() {
            cased = true;
        }
    }
    cased
}

pub(crate) fn is_title_str(s: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
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
            new_str_result(vm, $f(s.as_str()))
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
