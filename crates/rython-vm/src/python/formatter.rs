//! `format()`, `__format__` of the builtin scalar types, and `str.format` /
//! `str.format_map` (CPython's Python/formatter_unicode.c and
//! Objects/stringlib/unicode_format.h). The spec mini-language itself is
//! `rython_common::format_spec`.

use rython_common::format_spec::{self, ErrorKind, FormatError};

use crate::object::PyObjectRef;
use crate::objects::complexobject::PyComplex;
use crate::objects::exceptions::PyBaseExceptionRef;
use crate::objects::floatobject::PyFloat;
use crate::objects::longobject::PyInt;
use crate::objects::strobject::{PyStr, PyStrRef};
use crate::objects::tupleobject::PyTupleRef;
use crate::{PyResult, VM};

type Kw<'a> = Option<&'a PyTupleRef>;

fn raise(vm: &VM, e: FormatError) -> PyBaseExceptionRef {
    match e.kind {
        ErrorKind::ValueError => vm.new_value_error(e.message),
        ErrorKind::OverflowError => vm.new_overflow_error(e.message),
        ErrorKind::MemoryError => vm.new_memory_error(),
    }
}

fn parse(vm: &VM, spec: &str, type_name: &str) -> PyResult<format_spec::FormatSpec> {
    format_spec::parse_format_spec(spec).map_err(|e| raise(vm, e.into_error(type_name)))
}

/// `format(s, spec)` for str text.
pub fn format_str_value(vm: &VM, s: &str, spec: &str, type_name: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let p = parse(vm, spec, type_name)?;
    format_spec::format_str(s, &p, type_name).map_err(|e| raise(vm, e))
}

/// `format(n, spec)` for an int (or bool) payload.
pub fn format_int_value(vm: &VM, n: &PyInt, spec: &str, type_name: &str) -> PyResult<String> {
    let p = parse(vm, spec, type_name)?;
    format_spec::format_int(&n.to_bigint(), &p, type_name, vm.int_max_str_digits.get())
        .map_err(|e| raise(vm, e))
}

pub fn format_float_value(vm: &VM, x: f64, spec: &str, type_name: &str) -> PyResult<String> {
    let p = parse(vm, spec, type_name)?;
    format_spec::format_float(x, &p, type_name).map_err(|e| raise(vm, e))
}

pub fn format_complex_value(
    vm: &VM,
    re: f64,
    im: f64,
    spec: &str,
    type_name: &str,
) -> PyResult<String> {
    let p = parse(vm, spec, type_name)?;
    format_spec::format_complex(re, im, &p, type_name).map_err(|e| raise(vm, e))
}

/// `format(obj, spec)`: `type(obj).__format__(obj, spec)`, with the exact
/// builtin scalars formatted directly.
pub fn format_object(vm: &VM, obj: &PyObjectRef, spec: &str) -> PyResult<PyStrRef> {
    let cls = obj.class();
    if cls.is(&vm.types.str_type) {
        if spec.is_empty() {
            if let Ok(s) = obj.clone().downcast::<PyStr>() {
                return Ok(s);
            }
        }
        let s = obj
            .downcast_ref::<PyStr>()
            .map(|s| s.as_str())
            .unwrap_or("");
        return Ok(vm.new_str(format_str_value(vm, s, spec, "str")?));
    }
    // The exact scalars: their `__format__` with an empty spec is `str()`,
    // which the spec formatter reproduces.
    if cls.is(&vm.types.int_type) {
        if let Some(n) = obj.downcast_ref::<PyInt>() {
            if let (PyInt::Small(v), "") = (n, spec) {
                return Ok(vm.new_str(v.to_string()));
            }
            return Ok(vm.new_str(format_int_value(vm, n, spec, "int")?));
        }
    }
    if cls.is(&vm.types.bool_type) {
        if let Some(n) = obj.downcast_ref::<PyInt>() {
            if spec.is_empty() {
                let t = if n.as_i64() == Some(0) {
                    "False"
                } else {
                    "True"
                };
                return Ok(vm.new_str(t));
            }
            return Ok(vm.new_str(format_int_value(vm, n, spec, "bool")?));
        }
    }
    if cls.is(&vm.types.float_type) {
        if let Some(x) = obj.downcast_ref::<PyFloat>() {
            return Ok(vm.new_str(format_float_value(vm, x.value, spec, "float")?));
        }
    }
    if cls.is(&vm.types.complex_type) {
        if let Some(c) = obj.downcast_ref::<PyComplex>() {
            return Ok(vm.new_str(format_complex_value(vm, c.re, c.im, spec, "complex")?));
        }
    }
    let spec_obj = vm.new_str_obj(spec);
    let r = match vm.lookup_special(obj, "__format__")? {
        Some(m) => vm.call1(&m, spec_obj)?,
        None => return object_format_impl(vm, obj, spec),
    };
    match r.downcast::<PyStr>() {
        Ok(s) => Ok(s),
        Err(r) => Err(vm.new_type_error(format!(
            "__format__ must return a str, not {}",
            r.class().name_string()
        ))),
    }
}

/// `object.__format__`: only the empty spec is allowed.
fn object_format_impl(vm: &VM, obj: &PyObjectRef, spec: &str) -> PyResult<PyStrRef> {
    if !spec.is_empty() {
        return Err(vm.new_type_error(format!(
            "unsupported format string passed to {}.__format__",
            obj.class().name_string()
        )));
    }
    vm.str(obj)
}

/// The spec argument of a `__format__` method.
fn spec_arg<'a>(vm: &VM, args: &'a [PyObjectRef], kw: Kw, qual: &str) -> PyResult<&'a str> {
    let a = crate::objects::str_methods::one_arg(vm, qual, args, kw)?;
    match a.downcast_ref::<PyStr>() {
        Some(s) => Ok(s.as_str()),
        None => Err(vm.new_type_error(format!(
            "__format__() argument must be str, not {}",
            crate::python::args::arg_type_name(&a)
        ))),
    }
}

/// `object.__format__(self, spec)`, for the owner of `object`'s methods.
pub fn object_format(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let spec = spec_arg(vm, args, kw, "object.__format__")?;
    Ok(object_format_impl(vm, &args[0], spec)?.into_object())
}

fn str_format_method(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let spec = spec_arg(vm, args, kw, "str.__format__")?;
    let Some(s) = args[0].downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error("descriptor '__format__' requires a 'str' object"));
    };
    if spec.is_empty() {
        // An empty spec means `str(self)`, which a subclass may override.
        return Ok(vm.str(&args[0])?.into_object());
    }
    Ok(vm.new_str_obj(format_str_value(
        vm,
        s.as_str(),
        spec,
        &args[0].class().name_string(),
    )?))
}

fn int_format_method(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let spec = spec_arg(vm, args, kw, "int.__format__")?;
    let Some(n) = args[0].downcast_ref::<PyInt>() else {
        return Err(vm.new_type_error("descriptor '__format__' requires a 'int' object"));
    };
    // Subclasses format as `str(self)` for an empty spec (which may be
    // overridden); exact ints and bools do not need the detour.
    if let (PyInt::Small(v), "", true) = (n, spec, args[0].class().is(&vm.types.int_type)) {
        return Ok(vm.new_str_obj(v.to_string()));
    }
    if spec.is_empty() && !args[0].class().is(&vm.types.int_type) {
        if args[0].class().is(&vm.types.bool_type) {
            let t = if n.as_i64() == Some(0) {
                "False"
            } else {
                "True"
            };
            return Ok(vm.new_str_obj(t));
        }
        return Ok(vm.str(&args[0])?.into_object());
    }
    if !args[0].class().is(&vm.types.int_type) {
        // A float presentation type converts with `float(self)`, which a
        // subclass's `__float__` may override.
        let p = parse(vm, spec, &args[0].class().name_string())?;
        if matches!(p.ty, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) {
            let x = crate::objects::floatobject::number_to_float(vm, &args[0])?;
            return Ok(vm.new_str_obj(
                format_spec::format_float(x, &p, "float").map_err(|e| raise(vm, e))?,
            ));
        }
    }
    Ok(vm.new_str_obj(format_int_value(
        vm,
        n,
        spec,
        &args[0].class().name_string(),
    )?))
}

fn float_format_method(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let spec = spec_arg(vm, args, kw, "float.__format__")?;
    let Some(x) = args[0].downcast_ref::<PyFloat>() else {
        return Err(vm.new_type_error("descriptor '__format__' requires a 'float' object"));
    };
    if spec.is_empty() && !args[0].class().is(&vm.types.float_type) {
        return Ok(vm.str(&args[0])?.into_object());
    }
    Ok(vm.new_str_obj(format_float_value(
        vm,
        x.value,
        spec,
        &args[0].class().name_string(),
    )?))
}

fn complex_format_method(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let spec = spec_arg(vm, args, kw, "complex.__format__")?;
    let Some(c) = args[0].downcast_ref::<PyComplex>() else {
        return Err(vm.new_type_error("descriptor '__format__' requires a 'complex' object"));
    };
    if spec.is_empty() && !args[0].class().is(&vm.types.complex_type) {
        return Ok(vm.str(&args[0])?.into_object());
    }
    Ok(vm.new_str_obj(format_complex_value(
        vm,
        c.re,
        c.im,
        spec,
        &args[0].class().name_string(),
    )?))
}

// ----- str.format ----------------------------------------------------------------

/// `m[key]`, with exact dicts read directly.
pub(crate) fn mapping_get(vm: &VM, m: &PyObjectRef, key: &PyObjectRef) -> PyResult<PyObjectRef> {
    if m.class().is(&vm.types.dict_type) {
        if let Some(d) = m.downcast_ref::<crate::objects::dictobject::PyDict>() {
            return d
                .get_item(vm, key)?
                .ok_or_else(|| vm.new_key_error(key.clone()));
        }
    }
    vm.get_item(m, key)
}

/// Where replacement fields take their values from.
struct Source<'a> {
    positional: Option<&'a [PyObjectRef]>,
    /// `format`'s keywords (names and values) or `format_map`'s mapping.
    kwnames: Option<&'a PyTupleRef>,
    kwvalues: &'a [PyObjectRef],
    mapping: Option<&'a PyObjectRef>,
    /// 0 = not yet known, 1 = automatic numbering, 2 = manual.
    mode: std::cell::Cell<u8>,
    next_auto: std::cell::Cell<usize>,
}

const MAX_DIGITS_MSG: &str = "Too many decimal digits in format string";

/// A field name's integer value, `Ok(None)` when it is not all digits.
fn get_integer(vm: &VM, s: &[char]) -> PyResult<Option<usize>> {
    if s.is_empty() || !s.iter().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    let mut n: usize = 0;
    for c in s {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(*c as usize - '0' as usize))
            .filter(|n| *n <= isize::MAX as usize)
            .ok_or_else(|| vm.new_value_error(MAX_DIGITS_MSG))?;
    }
    Ok(Some(n))
}

impl Source<'_> {
    fn positional_arg(&self, vm: &VM, index: Option<usize>) -> PyResult<PyObjectRef> {
        let i = match index {
            Some(i) => {
                if self.mode.get() == 1 {
                    return Err(vm.new_value_error(
                        "cannot switch from automatic field numbering to manual field specification",
                    ));
                }
                self.mode.set(2);
                i
            }
            None => {
                if self.mode.get() == 2 {
                    return Err(vm.new_value_error(
                        "cannot switch from manual field specification to automatic field numbering",
                    ));
                }
                self.mode.set(1);
                let i = self.next_auto.get();
                self.next_auto.set(i + 1);
                i
            }
        };
        let Some(args) = self.positional else {
            return Err(vm.new_value_error("Format string contains positional fields"));
        };
        args.get(i).cloned().ok_or_else(|| {
            vm.new_index_error(format!(
                "Replacement index {i} out of range for positional args tuple"
            ))
        })
    }

    fn keyword_arg(&self, vm: &VM, name: &str) -> PyResult<PyObjectRef> {
        if let Some(m) = self.mapping {
            return mapping_get(vm, m, &vm.new_str_obj(name));
        }
        if let Some(k) = self.kwnames {
            for (n, v) in k.payload.as_slice().iter().zip(self.kwvalues) {
                if n.downcast_ref::<PyStr>()
                    .is_some_and(|n| n.as_str() == name)
                {
                    return Ok(v.clone());
                }
            }
        }
        Err(vm.new_key_error(vm.new_str_obj(name)))
    }

    /// Resolves `0.attr[key]`-style field names.
    fn get_field(&self, vm: &VM, name: &[char]) -> PyResult<PyObjectRef> {
        let first_end = name
            .iter()
            .position(|c| *c == '.' || *c == '[')
            .unwrap_or(name.len());
        let first = &name[..first_end];
        let mut obj = if first.is_empty() {
            self.positional_arg(vm, None)?
        } else {
            match get_integer(vm, first)? {
                Some(i) => self.positional_arg(vm, Some(i))?,
                None => self.keyword_arg(vm, &first.iter().collect::<String>())?,
            }
        };
        let mut i = first_end;
        while i < name.len() {
            match name[i] {
                '.' => {
                    let start = i + 1;
                    let mut j = start;
                    while j < name.len() && name[j] != '.' && name[j] != '[' {
                        j += 1;
                    }
                    if j == start {
                        return Err(vm.new_value_error("Empty attribute in format string"));
                    }
                    let attr: String = name[start..j].iter().collect();
                    obj = vm.get_attr_str(&obj, &attr)?;
                    i = j;
                }
                '[' => {
                    let start = i + 1;
                    let Some(off) = name[start..].iter().position(|c| *c == ']') else {
                        return Err(vm.new_value_error("Missing ']' in format string"));
                    };
                    let j = start + off;
                    if j == start {
                        return Err(vm.new_value_error("Empty attribute in format string"));
                    }
                    let key_chars = &name[start..j];
                    let key = match get_integer(vm, key_chars)? {
                        Some(n) => vm.new_int(n as i64),
                        None => vm.new_str_obj(key_chars.iter().collect::<String>()),
                    };
                    obj = mapping_get(vm, &obj, &key)?;
                    i = j + 1;
                    if i < name.len() && name[i] != '.' && name[i] != '[' {
                        return Err(vm.new_value_error(
                            "Only '.' or '[' may follow ']' in format field specifier",
                        ));
                    }
                }
                _ => {
                    return Err(vm.new_value_error(
                        "Only '.' or '[' may follow ']' in format field specifier",
                    ))
                }
            }
        }
        Ok(obj)
    }
}

/// One parsed replacement field.
struct Field {
    name: Vec<char>,
    conversion: Option<char>,
    spec: Vec<char>,
    spec_needs_expanding: bool,
}

/// CPython's `parse_field`: `s[*pos..]` follows a `{`.
fn parse_field(vm: &VM, s: &[char], pos: &mut usize) -> PyResult<Field> {
    let start = *pos;
    let mut c = '\0';
    while *pos < s.len() {
        c = s[*pos];
        *pos += 1;
        match c {
            '{' => return Err(vm.new_value_error("unexpected '{' in field name")),
            '[' => {
                while *pos < s.len() && s[*pos] != ']' {
                    *pos += 1;
                }
                c = '\0';
                continue;
            }
            '}' | ':' | '!' => break,
            _ => {
                c = '\0';
                continue;
            }
        }
    }
    let name_end = if c == '\0' { *pos } else { *pos - 1 };
    let name = s[start..name_end].to_vec();
    let mut conversion = None;
    if c == '!' || c == ':' {
        if c == '!' {
            if *pos >= s.len() {
                return Err(
                    vm.new_value_error("end of string while looking for conversion specifier")
                );
            }
            conversion = Some(s[*pos]);
            *pos += 1;
            if *pos < s.len() {
                let c2 = s[*pos];
                *pos += 1;
                if c2 == '}' {
                    return Ok(Field {
                        name,
                        conversion,
                        spec: Vec::new(),
                        spec_needs_expanding: false,
                    });
                }
                if c2 != ':' {
                    return Err(vm.new_value_error("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = *pos;
        let mut count = 1;
        let mut expand = false;
        while *pos < s.len() {
            let c = s[*pos];
            *pos += 1;
            match c {
                '{' => {
                    expand = true;
                    count += 1;
                }
                '}' => {
                    count -= 1;
                    if count == 0 {
                        return Ok(Field {
                            name,
                            conversion,
                            spec: s[spec_start..*pos - 1].to_vec(),
                            spec_needs_expanding: expand,
                        });
                    }
                }
                _ => {}
            }
        }
        return Err(vm.new_value_error("unmatched '{' in format spec"));
    }
    if c != '}' {
        return Err(vm.new_value_error("expected '}' before end of string"));
    }
    Ok(Field {
        name,
        conversion,
        spec: Vec::new(),
        spec_needs_expanding: false,
    })
}

fn render_field(vm: &VM, src: &Source, f: &Field, depth: u32, out: &mut String) -> PyResult<()> {
    let mut obj = src.get_field(vm, &f.name)?;
    if let Some(conv) = f.conversion {
        obj = match conv {
            'r' => vm.repr(&obj)?.into_object(),
            's' => vm.str(&obj)?.into_object(),
            'a' => ascii_object(vm, &obj)?.into_object(),
            c if (c as u32) < 128 => {
                return Err(vm.new_value_error(format!("Unknown conversion specifier {c}")))
            }
            c => {
                return Err(
                    vm.new_value_error(format!("Unknown conversion specifier \\x{:x}", c as u32))
                )
            }
        };
    }
    let spec: String = if f.spec_needs_expanding {
        build_string(vm, src, &f.spec, depth - 1)?
    } else {
        f.spec.iter().collect()
    };
    let r = format_object(vm, &obj, &spec)?;
    out.push_str(r.payload.as_str());
    Ok(())
}

/// CPython's `build_string` / `output_markup` loop.
fn build_string(vm: &VM, src: &Source, s: &[char], depth: u32) -> PyResult<String> {
    if depth == 0 {
        return Err(vm.new_value_error("Max string recursion exceeded"));
    }
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        i += 1;
        match c {
            '{' => {
                if i < s.len() && s[i] == '{' {
                    out.push('{');
                    i += 1;
                    continue;
                }
                if i >= s.len() {
                    return Err(vm.new_value_error("Single '{' encountered in format string"));
                }
                let field = parse_field(vm, s, &mut i)?;
                render_field(vm, src, &field, depth, &mut out)?;
            }
            '}' => {
                if i < s.len() && s[i] == '}' {
                    out.push('}');
                    i += 1;
                    continue;
                }
                return Err(vm.new_value_error("Single '}' encountered in format string"));
            }
            c => out.push(c),
        }
    }
    Ok(out)
}

/// `s.format(*args, **kwargs)` with the arguments in vectorcall form.
pub fn str_format_impl(
    vm: &VM,
    fmt: &str,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult<String> {
    let nkw = kwnames.map(|k| k.payload.len()).unwrap_or(0);
    let npos = args.len() - nkw;
    let src = Source {
        positional: Some(&args[..npos]),
        kwnames,
        kwvalues: &args[npos..],
        mapping: None,
        mode: std::cell::Cell::new(0),
        next_auto: std::cell::Cell::new(0),
    };
    let chars: Vec<char> = fmt.chars().collect();
    build_string(vm, &src, &chars, 2)
}

fn str_format(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let s = crate::objects::strobject::zelf(vm, args, "format")?;
    let out = str_format_impl(vm, s.as_str(), &args[1..], kw)?;
    Ok(vm.new_str_obj(out))
}

fn str_format_map(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let s = crate::objects::strobject::zelf(vm, args, "format_map")?;
    let mapping = crate::objects::str_methods::one_arg(vm, "str.format_map", args, kw)?;
    let src = Source {
        positional: None,
        kwnames: None,
        kwvalues: &[],
        mapping: Some(mapping),
        mode: std::cell::Cell::new(0),
        next_auto: std::cell::Cell::new(0),
    };
    let chars: Vec<char> = s.as_str().chars().collect();
    Ok(vm.new_str_obj(build_string(vm, &src, &chars, 2)?))
}

/// The conversions of f-strings and `str.format` (`CONVERT_VALUE` oparg:
/// 1 = `!s`, 2 = `!r`, 3 = `!a`).
pub fn convert_value(vm: &VM, obj: &PyObjectRef, which: u32) -> PyResult<PyObjectRef> {
    match which {
        1 => Ok(vm.str(obj)?.into_object()),
        2 => Ok(vm.repr(obj)?.into_object()),
        3 => Ok(ascii_object(vm, obj)?.into_object()),
        _ => Ok(obj.clone()),
    }
}

/// `ascii(obj)`: the repr with non-ASCII characters escaped.
pub fn ascii_object(vm: &VM, obj: &PyObjectRef) -> PyResult<PyStrRef> {
    let r = vm.repr(obj)?;
    if r.payload.is_ascii() {
        return Ok(r);
    }
    Ok(vm.new_str(rython_common::repr_str::escape_non_ascii(
        r.payload.as_str(),
    )))
}

/// `FORMAT_SIMPLE`: `format(value, '')`, with str passed through.
pub fn format_simple(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    if obj.class().is(&vm.types.str_type) {
        return Ok(obj.clone());
    }
    Ok(format_object(vm, obj, "")?.into_object())
}

/// `FORMAT_WITH_SPEC`: `format(value, spec)`; `spec` must be a str.
pub fn format_with_spec(vm: &VM, obj: &PyObjectRef, spec: &PyObjectRef) -> PyResult<PyObjectRef> {
    match spec.downcast_ref::<PyStr>() {
        Some(s) => Ok(format_object(vm, obj, s.as_str())?.into_object()),
        None => Err(vm.new_type_error(format!(
            "format() argument 2 must be str, not {}",
            crate::python::args::arg_type_name(&spec)
        ))),
    }
}

/// `format(value, format_spec='')` for the builtins module.
pub fn builtin_format(vm: &VM, args: &[PyObjectRef], kw: Kw) -> PyResult<PyObjectRef> {
    let [value, spec] =
        crate::python::args::bind(vm, "format", args, kw, ["value", "format_spec"], 1, 2)?;
    let Some(value) = value else {
        return Err(vm.new_type_error("format expected at least 1 argument, got 0"));
    };
    let spec = match &spec {
        Some(s) => match s.downcast_ref::<PyStr>() {
            Some(s) => s.as_str().to_string(),
            None => {
                return Err(vm.new_type_error(format!(
                    "format() argument 2 must be str, not {}",
                    crate::python::args::arg_type_name(&s)
                )))
            }
        },
        None => String::new(),
    };
    Ok(format_object(vm, &value, &spec)?.into_object())
}

/// Registers `__format__` on str, int (bool inherits it), float and
/// complex, and `str.format` / `str.format_map`.
pub(crate) fn init(vm: &VM) {
    vm.add_method(&vm.types.str_type, "__format__", str_format_method);
    vm.add_method(&vm.types.str_type, "format", str_format);
    vm.add_method(&vm.types.str_type, "format_map", str_format_map);
    vm.add_method(&vm.types.int_type, "__format__", int_format_method);
    vm.add_method(&vm.types.float_type, "__format__", float_format_method);
    vm.add_method(&vm.types.complex_type, "__format__", complex_format_method);
}
