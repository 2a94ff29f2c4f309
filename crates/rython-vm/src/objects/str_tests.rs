//! Unit tests of str, bytes, bytearray, %-formatting and str.format,
//! through the registered slots and method descriptors. Expected strings
//! come from CPython 3.13.

use crate::object::PyObjectRef;
use crate::objects::bytearrayobject::PyByteArray;
use crate::objects::bytesobject::PyBytes;
use crate::objects::exceptions::PyBaseException;
use crate::objects::listobject::PyList;
use crate::objects::longobject::PyInt;
use crate::objects::methodobject::PyMethodDescr;
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::PyTuple;
use crate::objects::typeobject::NumberOp;
use crate::{PyResult, VM};

pub(crate) fn vm() -> VM {
    VM::new(Default::default()).unwrap()
}

/// A repr good enough for the values these tests produce (independent of
/// the other types' repr slots).
pub(crate) fn show(vm: &VM, o: &PyObjectRef) -> String {
    if let Some(s) = o.downcast_ref::<PyStr>() {
        return rython_common::repr_str::repr_str(s.as_str());
    }
    if o.is(&vm.ctx.true_obj) {
        return "True".into();
    }
    if o.is(&vm.ctx.false_obj) {
        return "False".into();
    }
    if vm.is_none(o) {
        return "None".into();
    }
    if let Some(i) = o.downcast_ref::<PyInt>() {
        return i.to_bigint().to_string();
    }
    if let Some(b) = o.downcast_ref::<PyBytes>() {
        return rython_common::repr_str::repr_bytes(b.as_bytes());
    }
    if let Some(b) = o.downcast_ref::<PyByteArray>() {
        return rython_common::repr_str::repr_bytearray(&b.value.borrow());
    }
    if let Some(l) = o.downcast_ref::<PyList>() {
        let items: Vec<String> = l.to_vec().iter().map(|x| show(vm, x)).collect();
        return format!("[{}]", items.join(", "));
    }
    if let Some(t) = o.downcast_ref::<PyTuple>() {
        let items: Vec<String> = t.as_slice().iter().map(|x| show(vm, x)).collect();
        if items.len() == 1 {
            return format!("({},)", items[0]);
        }
        return format!("({})", items.join(", "));
    }
    format!("<{}>", o.class().name_string())
}

pub(crate) fn res(vm: &VM, r: PyResult<PyObjectRef>) -> String {
    match r {
        Ok(o) => show(vm, &o),
        Err(e) => {
            let name = e.as_object().class().name_string();
            let exc: &PyBaseException = &e.payload;
            let args = exc.args.borrow().clone();
            let msg = match args.payload.as_slice() {
                [] => String::new(),
                [a] => match a.downcast_ref::<PyStr>() {
                    Some(s) if name != "KeyError" => s.as_str().to_string(),
                    _ => show(vm, a),
                },
                many => {
                    // Unicode errors: rebuild CPython's str().
                    let get = |i: usize| many.get(i).cloned();
                    let txt = |o: Option<PyObjectRef>| {
                        o.and_then(|o| o.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()))
                            .unwrap_or_default()
                    };
                    let num = |o: Option<PyObjectRef>| {
                        o.and_then(|o| o.downcast_ref::<PyInt>().and_then(|i| i.as_i64()))
                            .unwrap_or(0) as usize
                    };
                    let enc = txt(get(0));
                    let (st, en, reason) = (num(get(2)), num(get(3)), txt(get(4)));
                    if name == "UnicodeEncodeError" {
                        crate::objects::codecs::encode_error_message(
                            &enc,
                            &txt(get(1)),
                            st,
                            en,
                            &reason,
                        )
                    } else {
                        let data = get(1)
                            .and_then(|o| {
                                o.downcast_ref::<PyBytes>().map(|b| b.as_bytes().to_vec())
                            })
                            .unwrap_or_default();
                        crate::objects::codecs::decode_error_message(&enc, &data, st, en, &reason)
                    }
                }
            };
            format!("{name}: {msg}")
        }
    }
}

pub(crate) fn s(vm: &VM, text: &str) -> PyObjectRef {
    vm.new_str_obj(text)
}

pub(crate) fn i(vm: &VM, n: i64) -> PyObjectRef {
    vm.new_int(n)
}

pub(crate) fn b(vm: &VM, data: &[u8]) -> PyObjectRef {
    vm.new_bytes(data.to_vec())
}

/// Calls `obj.name(*args)` through the method descriptor in the type.
pub(crate) fn call(
    vm: &VM,
    obj: &PyObjectRef,
    name: &str,
    args: &[PyObjectRef],
) -> PyResult<PyObjectRef> {
    call_kw(vm, obj, name, args, &[])
}

pub(crate) fn call_kw(
    vm: &VM,
    obj: &PyObjectRef,
    name: &str,
    args: &[PyObjectRef],
    kw: &[(&str, PyObjectRef)],
) -> PyResult<PyObjectRef> {
    let d = obj
        .class()
        .lookup_str(vm, name)
        .unwrap_or_else(|| panic!("no method {name}"));
    let d = d
        .downcast_ref::<PyMethodDescr>()
        .expect("method descriptor");
    let mut full = Vec::new();
    if d.kind != crate::objects::methodobject::MethodKind::Static {
        full.push(obj.clone());
    }
    full.extend_from_slice(args);
    let names: Vec<PyObjectRef> = kw.iter().map(|(n, _)| vm.new_str_obj(*n)).collect();
    full.extend(kw.iter().map(|(_, v)| v.clone()));
    let kwt = if kw.is_empty() {
        None
    } else {
        Some(vm.new_tuple(names))
    };
    (d.func)(vm, &full, kwt.as_ref())
}

fn binop(vm: &VM, a: &PyObjectRef, bb: &PyObjectRef, op: NumberOp) -> PyResult<PyObjectRef> {
    vm.binary_op(a, bb, op)
}

#[test]
fn str_slots() {
    let vm = vm();
    let abc = s(&vm, "héllo");
    assert_eq!(res(&vm, vm.get_item(&abc, &i(&vm, -1))), "'o'");
    assert_eq!(
        res(&vm, vm.get_item(&abc, &i(&vm, 5))),
        "IndexError: string index out of range"
    );
    assert_eq!(
        res(&vm, vm.get_item(&abc, &vm.new_float(1.5))),
        "TypeError: string indices must be integers, not 'float'"
    );
    let sl = crate::object::PyRef::new_exact(
        crate::objects::sliceobject::PySlice {
            start: vm.none(),
            stop: vm.none(),
            step: i(&vm, -2),
        },
        vm.types.slice_type.clone(),
    )
    .into_object();
    assert_eq!(res(&vm, vm.get_item(&abc, &sl)), "'olh'");
    assert_eq!(
        res(&vm, binop(&vm, &abc, &s(&vm, "!"), NumberOp::Add)),
        "'héllo!'"
    );
    assert_eq!(
        res(&vm, binop(&vm, &abc, &i(&vm, 1), NumberOp::Add)),
        "TypeError: can only concatenate str (not \"int\") to str"
    );
    assert_eq!(
        res(
            &vm,
            binop(&vm, &s(&vm, "ab"), &i(&vm, 3), NumberOp::Multiply)
        ),
        "'ababab'"
    );
    assert_eq!(
        res(
            &vm,
            binop(&vm, &i(&vm, 2), &s(&vm, "ab"), NumberOp::Multiply)
        ),
        "'abab'"
    );
    assert_eq!(
        res(
            &vm,
            binop(&vm, &s(&vm, "a"), &vm.new_float(1.5), NumberOp::Multiply)
        ),
        "TypeError: can't multiply sequence by non-int of type 'float'"
    );
    assert_eq!(
        res(
            &vm,
            binop(&vm, &s(&vm, "a"), &i(&vm, -1), NumberOp::Multiply)
        ),
        "''"
    );
    assert!(vm.contains(&abc, &s(&vm, "éll")).unwrap());
    assert_eq!(
        res(&vm, vm.contains(&abc, &i(&vm, 1)).map(|x| vm.new_bool(x))),
        "TypeError: 'in <string>' requires string as left operand, not int"
    );
    assert_eq!(vm.len(&abc).unwrap(), 5);
    let it = vm.get_iter(&abc).unwrap();
    let mut got = String::new();
    while let Some(c) = vm.next(&it).unwrap() {
        got.push_str(c.downcast_ref::<PyStr>().unwrap().as_str());
        got.push(',');
    }
    assert_eq!(got, "h,é,l,l,o,");
    assert_eq!(vm.repr_string(&s(&vm, "it's\n")).unwrap(), "\"it's\\n\"");
    let lt = vm
        .rich_compare_bool(
            &s(&vm, "a"),
            &s(&vm, "é"),
            crate::objects::typeobject::CompareOp::Lt,
        )
        .unwrap();
    assert!(lt);
}

#[test]
fn str_search_methods() {
    let vm = vm();
    let t = s(&vm, "hello world hello");
    let c = |name: &str, args: &[PyObjectRef]| res(&vm, call(&vm, &t, name, args));
    assert_eq!(c("find", &[s(&vm, "o")]), "4");
    assert_eq!(c("find", &[s(&vm, "o"), i(&vm, 5)]), "7");
    assert_eq!(c("rfind", &[s(&vm, "hello")]), "12");
    assert_eq!(c("find", &[s(&vm, ""), i(&vm, 20)]), "-1");
    assert_eq!(c("find", &[s(&vm, ""), i(&vm, 17)]), "17");
    assert_eq!(
        c("index", &[s(&vm, "z")]),
        "ValueError: substring not found"
    );
    assert_eq!(c("count", &[s(&vm, "l")]), "5");
    assert_eq!(c("count", &[s(&vm, "")]), "18");
    assert_eq!(c("count", &[s(&vm, ""), i(&vm, 18)]), "0");
    assert_eq!(
        c("find", &[]),
        "TypeError: find expected at least 1 argument, got 0"
    );
    assert_eq!(
        c("find", &[i(&vm, 1)]),
        "TypeError: find() argument 1 must be str, not int"
    );
    assert_eq!(
        c("find", &[s(&vm, "a"), s(&vm, "x")]),
        "TypeError: slice indices must be integers or None or have an __index__ method"
    );
    assert_eq!(c("startswith", &[s(&vm, "hello")]), "True");
    assert_eq!(c("startswith", &[s(&vm, "world"), i(&vm, 6)]), "True");
    let tup = vm.new_tuple_obj(vec![s(&vm, "x"), s(&vm, "llo")]);
    assert_eq!(c("endswith", &[tup]), "True");
    assert_eq!(
        c("startswith", &[i(&vm, 1)]),
        "TypeError: startswith first arg must be str or a tuple of str, not int"
    );
    let tup = vm.new_tuple_obj(vec![i(&vm, 1)]);
    assert_eq!(
        c("startswith", &[tup]),
        "TypeError: tuple for startswith must only contain str, not int"
    );
    assert_eq!(
        res(
            &vm,
            call_kw(&vm, &t, "find", &[s(&vm, "a")], &[("start", i(&vm, 1))])
        ),
        "TypeError: str.find() takes no keyword arguments"
    );
}

#[test]
fn str_split_join() {
    let vm = vm();
    let c = |t: &str, name: &str, args: &[PyObjectRef]| res(&vm, call(&vm, &s(&vm, t), name, args));
    assert_eq!(c("  a b\t c  ", "split", &[]), "['a', 'b', 'c']");
    assert_eq!(
        c("  a b\t c  ", "split", &[vm.none(), i(&vm, 1)]),
        "['a', 'b\\t c  ']"
    );
    assert_eq!(
        c("  a b\t c  ", "rsplit", &[vm.none(), i(&vm, 1)]),
        "['  a b', 'c']"
    );
    assert_eq!(c("a,b,,c", "split", &[s(&vm, ",")]), "['a', 'b', '', 'c']");
    assert_eq!(
        c("a,b,,c", "rsplit", &[s(&vm, ","), i(&vm, 2)]),
        "['a,b', '', 'c']"
    );
    assert_eq!(
        c("a", "split", &[s(&vm, "")]),
        "ValueError: empty separator"
    );
    assert_eq!(
        c("a", "split", &[i(&vm, 1)]),
        "TypeError: must be str or None, not int"
    );
    assert_eq!(c("", "split", &[]), "[]");
    assert_eq!(c("", "split", &[s(&vm, ",")]), "['']");
    assert_eq!(
        c("a\nb\r\nc\rd\x0be\u{2028}f", "splitlines", &[]),
        "['a', 'b', 'c', 'd', 'e', 'f']"
    );
    assert_eq!(
        res(
            &vm,
            call_kw(
                &vm,
                &s(&vm, "a\nb\r\n"),
                "splitlines",
                &[],
                &[("keepends", vm.new_bool(true))]
            )
        ),
        "['a\\n', 'b\\r\\n']"
    );
    let l = vm
        .new_list(vec![s(&vm, "a"), s(&vm, "b"), s(&vm, "c")])
        .into_object();
    assert_eq!(c("-", "join", &[l]), "'a-b-c'");
    let l = vm.new_list(vec![s(&vm, "a"), i(&vm, 1)]).into_object();
    assert_eq!(
        c("-", "join", &[l]),
        "TypeError: sequence item 1: expected str instance, int found"
    );
    assert_eq!(
        c("-", "join", &[i(&vm, 1)]),
        "TypeError: can only join an iterable"
    );
    assert_eq!(c("a=b=c", "partition", &[s(&vm, "=")]), "('a', '=', 'b=c')");
    assert_eq!(
        c("a=b=c", "rpartition", &[s(&vm, "=")]),
        "('a=b', '=', 'c')"
    );
    assert_eq!(c("abc", "rpartition", &[s(&vm, "=")]), "('', '', 'abc')");
    assert_eq!(
        c("abc", "partition", &[s(&vm, "")]),
        "ValueError: empty separator"
    );
    assert_eq!(
        c("abc", "partition", &[i(&vm, 1)]),
        "TypeError: must be str, not int"
    );
}

#[test]
fn str_transform_methods() {
    let vm = vm();
    let c = |t: &str, name: &str, args: &[PyObjectRef]| res(&vm, call(&vm, &s(&vm, t), name, args));
    assert_eq!(c("  xx  ", "strip", &[]), "'xx'");
    assert_eq!(c("xxaxx", "lstrip", &[s(&vm, "x")]), "'axx'");
    assert_eq!(c("xxaxx", "rstrip", &[s(&vm, "x")]), "'xxa'");
    assert_eq!(
        c("a", "strip", &[i(&vm, 1)]),
        "TypeError: strip arg must be None or str"
    );
    assert_eq!(c("abc", "center", &[i(&vm, 8), s(&vm, "*")]), "'**abc***'");
    assert_eq!(c("ab", "center", &[i(&vm, 5)]), "'  ab '");
    assert_eq!(c("abc", "ljust", &[i(&vm, 5)]), "'abc  '");
    assert_eq!(c("abc", "rjust", &[i(&vm, 5), s(&vm, "é")]), "'ééabc'");
    assert_eq!(
        c("a", "center", &[i(&vm, 5), s(&vm, "ab")]),
        "TypeError: The fill character must be exactly one character long"
    );
    assert_eq!(
        c("a", "center", &[i(&vm, 5), i(&vm, 1)]),
        "TypeError: The fill character must be a unicode character, not int"
    );
    assert_eq!(c("-42", "zfill", &[i(&vm, 6)]), "'-00042'");
    assert_eq!(c("42", "zfill", &[i(&vm, 1)]), "'42'");
    assert_eq!(
        c("a", "zfill", &[]),
        "TypeError: str.zfill() takes exactly one argument (0 given)"
    );
    assert_eq!(c("a\tbc\td", "expandtabs", &[]), "'a       bc      d'");
    assert_eq!(c("a\tb", "expandtabs", &[i(&vm, 4)]), "'a   b'");
    assert_eq!(
        c("aaaa", "replace", &[s(&vm, "a"), s(&vm, "b"), i(&vm, 2)]),
        "'bbaa'"
    );
    assert_eq!(c("abc", "replace", &[s(&vm, ""), s(&vm, "-")]), "'-a-b-c-'");
    assert_eq!(
        res(
            &vm,
            call_kw(
                &vm,
                &s(&vm, "aa"),
                "replace",
                &[s(&vm, "a"), s(&vm, "b")],
                &[("count", i(&vm, 1))]
            )
        ),
        "'ba'"
    );
    assert_eq!(
        c("a", "replace", &[]),
        "TypeError: replace() takes at least 2 positional arguments (0 given)"
    );
    assert_eq!(c("prefix-x", "removeprefix", &[s(&vm, "prefix-")]), "'x'");
    assert_eq!(c("x.py", "removesuffix", &[s(&vm, ".py")]), "'x'");
    assert_eq!(
        c("a", "removeprefix", &[i(&vm, 1)]),
        "TypeError: removeprefix() argument must be str, not int"
    );
    assert_eq!(c("ß straße", "upper", &[]), "'SS STRASSE'");
    assert_eq!(c("ΟΔΟΣ Σ", "lower", &[]), "'οδος σ'");
    assert_eq!(c("hello wORLD ß", "title", &[]), "'Hello World Ss'");
    assert_eq!(c("hELLO ǆ", "capitalize", &[]), "'Hello ǆ'");
    assert_eq!(c("Straße", "casefold", &[]), "'strasse'");
    assert_eq!(c("aBc", "swapcase", &[]), "'AbC'");
    assert_eq!(
        c("a", "upper", &[i(&vm, 1)]),
        "TypeError: str.upper() takes no arguments (1 given)"
    );
    for (t, name, exp) in [
        ("abc", "isalpha", "True"),
        ("ab1", "isalnum", "True"),
        ("", "isalpha", "False"),
        ("١٢٣", "isdecimal", "True"),
        ("²", "isdigit", "True"),
        ("²", "isdecimal", "False"),
        ("½", "isnumeric", "True"),
        (" \t\u{3000}", "isspace", "True"),
        ("abc", "islower", "True"),
        ("ABC1", "isupper", "True"),
        ("Hello World", "istitle", "True"),
        ("Hello world", "istitle", "False"),
        ("_a1", "isidentifier", "True"),
        ("1a", "isidentifier", "False"),
        ("a\n", "isprintable", "False"),
        ("é", "isascii", "False"),
    ] {
        assert_eq!(c(t, name, &[]), exp, "{t:?}.{name}()");
    }
}

#[test]
fn str_translate_maketrans() {
    let vm = vm();
    let st = s(&vm, "");
    let table = call(
        &vm,
        &st,
        "maketrans",
        &[s(&vm, "ab"), s(&vm, "xy"), s(&vm, "c")],
    )
    .unwrap();
    assert_eq!(
        res(&vm, call(&vm, &s(&vm, "abcd"), "translate", &[table])),
        "'xyd'"
    );
    assert_eq!(
        res(
            &vm,
            call(&vm, &st, "maketrans", &[s(&vm, "a"), s(&vm, "bc")])
        ),
        "ValueError: the first two maketrans arguments must have equal length"
    );
    assert_eq!(
        res(&vm, call(&vm, &st, "maketrans", &[i(&vm, 1)])),
        "TypeError: if you give only one argument to maketrans it must be a dict"
    );
    let d = vm.new_dict();
    d.payload
        .set_item(&vm, i(&vm, 97), vm.new_float(1.5))
        .unwrap();
    assert_eq!(
        res(
            &vm,
            call(&vm, &s(&vm, "a"), "translate", &[d.into_object()])
        ),
        "TypeError: character mapping must return integer, None or str"
    );
}

#[test]
fn codecs() {
    let vm = vm();
    let c = |t: &str, args: &[PyObjectRef]| res(&vm, call(&vm, &s(&vm, t), "encode", args));
    assert_eq!(c("é", &[]), "b'\\xc3\\xa9'");
    assert_eq!(c("é", &[s(&vm, "latin-1")]), "b'\\xe9'");
    assert_eq!(
        c("é", &[s(&vm, "ascii")]),
        "UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)"
    );
    assert_eq!(
        c("aéé", &[s(&vm, "ascii")]),
        "UnicodeEncodeError: 'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)"
    );
    assert_eq!(
        c("é😀", &[s(&vm, "ascii"), s(&vm, "xmlcharrefreplace")]),
        "b'&#233;&#128512;'"
    );
    assert_eq!(
        c("é", &[s(&vm, "ascii"), s(&vm, "backslashreplace")]),
        "b'\\\\xe9'"
    );
    assert_eq!(c("aé", &[s(&vm, "US-ASCII"), s(&vm, "replace")]), "b'a?'");
    assert_eq!(
        c("a", &[s(&vm, "xyz")]),
        "LookupError: unknown encoding: xyz"
    );
    let d = |data: &[u8], args: &[PyObjectRef]| res(&vm, call(&vm, &b(&vm, data), "decode", args));
    assert_eq!(
        d(b"\xff", &[]),
        "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"
    );
    assert_eq!(
        d(b"\xe4\xb8", &[]),
        "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: unexpected end of data"
    );
    assert_eq!(
        d(b"\xf0\x9f\x41", &[]),
        "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte"
    );
    assert_eq!(
        d(b"a\xffb", &[s(&vm, "utf8"), s(&vm, "replace")]),
        "'a\u{fffd}b'"
    );
    assert_eq!(
        d(b"a\xffb", &[s(&vm, "ascii"), s(&vm, "backslashreplace")]),
        "'a\\\\xffb'"
    );
    assert_eq!(d(b"a\xffb", &[s(&vm, "ascii"), s(&vm, "ignore")]), "'ab'");
    assert_eq!(d(b"\xe9", &[s(&vm, "iso-8859-1")]), "'é'");
}

#[test]
fn percent_format() {
    let vm = vm();
    let f =
        |fmt: &str, a: PyObjectRef| res(&vm, vm.binary_op(&s(&vm, fmt), &a, NumberOp::Remainder));
    let t = |v: Vec<PyObjectRef>| vm.new_tuple_obj(v);
    assert_eq!(f("%s-%r", t(vec![s(&vm, "a"), s(&vm, "b")])), "\"a-'b'\"");
    assert_eq!(
        f(
            "%5d|%-5d|%05d",
            t(vec![i(&vm, 42), i(&vm, 42), i(&vm, -42)])
        ),
        "'   42|42   |-0042'"
    );
    assert_eq!(f("%+d % d", t(vec![i(&vm, 1), i(&vm, 2)])), "'+1  2'");
    assert_eq!(
        f("%#x %X %#o", t(vec![i(&vm, 255), i(&vm, 255), i(&vm, 8)])),
        "'0xff FF 0o10'"
    );
    assert_eq!(
        f(
            "%.3f %e %g",
            t(vec![
                vm.new_float(3.14159),
                vm.new_float(1234.5),
                vm.new_float(0.0001)
            ])
        ),
        "'3.142 1.234500e+03 0.0001'"
    );
    assert_eq!(
        f(
            "%*d|%.*f",
            t(vec![i(&vm, 4), i(&vm, 7), i(&vm, 1), vm.new_float(2.25)])
        ),
        "'   7|2.2'"
    );
    assert_eq!(f("%c%c", t(vec![i(&vm, 65), s(&vm, "é")])), "'Aé'");
    assert_eq!(f("%.2s", s(&vm, "abc")), "'ab'");
    assert_eq!(f("100%%", t(vec![])), "'100%'");
    assert_eq!(f("%d", vm.new_float(3.9)), "'3'");
    assert_eq!(
        f("%d", s(&vm, "a")),
        "TypeError: %d format: a real number is required, not str"
    );
    assert_eq!(
        f("%x", vm.new_float(1.5)),
        "TypeError: %x format: an integer is required, not float"
    );
    assert_eq!(
        f("%y", i(&vm, 1)),
        "ValueError: unsupported format character 'y' (0x79) at index 1"
    );
    assert_eq!(
        f("%s %s", t(vec![i(&vm, 1)])),
        "TypeError: not enough arguments for format string"
    );
    assert_eq!(
        f("%s", t(vec![i(&vm, 1), i(&vm, 2)])),
        "TypeError: not all arguments converted during string formatting"
    );
    assert_eq!(
        f("abc", i(&vm, 5)),
        "TypeError: not all arguments converted during string formatting"
    );
    assert_eq!(f("%c", s(&vm, "ab")), "TypeError: %c requires int or char");
    assert_eq!(
        f("%c", i(&vm, -1)),
        "OverflowError: %c arg not in range(0x110000)"
    );
    assert_eq!(
        f("%(a)s", i(&vm, 1)),
        "TypeError: format requires a mapping"
    );
    assert_eq!(
        f("%*d", t(vec![s(&vm, "a"), i(&vm, 1)])),
        "TypeError: * wants int"
    );
    let d = vm.new_dict();
    d.payload
        .set_item(&vm, s(&vm, "name"), s(&vm, "x"))
        .unwrap();
    assert_eq!(f("%(name)s=%(name)r", d.clone().into_object()), "\"x='x'\"");
    assert_eq!(f("%(missing)s", d.into_object()), "KeyError: 'missing'");
    assert_eq!(
        f("%5s|%-5s|", t(vec![s(&vm, "a"), s(&vm, "b")])),
        "'    a|b    |'"
    );
    assert_eq!(f("%f", vm.new_float(f64::INFINITY)), "'inf'");
    assert_eq!(f("%05f", vm.new_float(f64::INFINITY)), "'00inf'");
    // bytes
    let bf =
        |fmt: &[u8], a: PyObjectRef| res(&vm, vm.binary_op(&b(&vm, fmt), &a, NumberOp::Remainder));
    assert_eq!(
        bf(b"%s|%d|%x", t(vec![b(&vm, b"ab"), i(&vm, 5), i(&vm, 255)])),
        "b'ab|5|ff'"
    );
    assert_eq!(
        bf(b"%a %r", t(vec![s(&vm, "é"), s(&vm, "é")])),
        "b\"'\\\\xe9' '\\\\xe9'\""
    );
    assert_eq!(
        bf(b"%s", s(&vm, "a")),
        "TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'str'"
    );
    assert_eq!(
        bf(b"%c", i(&vm, 300)),
        "OverflowError: %c arg not in range(256)"
    );
    assert_eq!(
        bf(b"%s", t(vec![b(&vm, b"a"), i(&vm, 1)])),
        "TypeError: not all arguments converted during bytes formatting"
    );
}

#[test]
fn str_format_method() {
    let vm = vm();
    let f = |fmt: &str, args: &[PyObjectRef]| res(&vm, call(&vm, &s(&vm, fmt), "format", args));
    assert_eq!(f("x{}y{}z", &[i(&vm, 1), s(&vm, "a")]), "'x1yaz'");
    assert_eq!(f("{1}{0}{1}", &[i(&vm, 1), i(&vm, 2)]), "'212'");
    assert_eq!(f("{{}}{{", &[]), "'{}{'");
    assert_eq!(f("{0!r:>5}", &[s(&vm, "a")]), "\"  'a'\"");
    assert_eq!(
        f(
            "{0:{1}.{2}f}",
            &[vm.new_float(3.14159), i(&vm, 10), i(&vm, 2)]
        ),
        "'      3.14'"
    );
    assert_eq!(
        f(
            "{:x}|{:>4}|{:<4}|{:^5}",
            &[i(&vm, 255), s(&vm, "a"), i(&vm, 1), s(&vm, "b")]
        ),
        "'ff|   a|1   |  b  '"
    );
    assert_eq!(f("{:,}", &[i(&vm, 1234567)]), "'1,234,567'");
    let d = vm.new_dict();
    d.payload.set_item(&vm, s(&vm, "a"), i(&vm, 6)).unwrap();
    d.payload.set_item(&vm, s(&vm, "0"), i(&vm, 5)).unwrap();
    assert_eq!(f("{0[a]}", &[d.clone().into_object()]), "'6'");
    assert_eq!(f("{0[0]}", &[d.into_object()]), "KeyError: 0");
    assert_eq!(
        f("{", &[]),
        "ValueError: Single '{' encountered in format string"
    );
    assert_eq!(
        f("}", &[]),
        "ValueError: Single '}' encountered in format string"
    );
    assert_eq!(
        f("{0}}", &[i(&vm, 1)]),
        "ValueError: Single '}' encountered in format string"
    );
    assert_eq!(
        f("{0}{}", &[i(&vm, 1), i(&vm, 2)]),
        "ValueError: cannot switch from manual field specification to automatic field numbering"
    );
    assert_eq!(
        f("{}{0}", &[i(&vm, 1), i(&vm, 2)]),
        "ValueError: cannot switch from automatic field numbering to manual field specification"
    );
    assert_eq!(
        f("{1}", &[i(&vm, 1)]),
        "IndexError: Replacement index 1 out of range for positional args tuple"
    );
    assert_eq!(f("{a}", &[]), "KeyError: 'a'");
    assert_eq!(
        f("{!x}", &[i(&vm, 1)]),
        "ValueError: Unknown conversion specifier x"
    );
    assert_eq!(
        f("{0!}", &[i(&vm, 1)]),
        "ValueError: unmatched '{' in format spec"
    );
    assert_eq!(
        f("{0!", &[i(&vm, 1)]),
        "ValueError: end of string while looking for conversion specifier"
    );
    assert_eq!(
        f("{0!rr}", &[i(&vm, 1)]),
        "ValueError: expected ':' after conversion specifier"
    );
    assert_eq!(
        f("{0[}", &[i(&vm, 1)]),
        "ValueError: expected '}' before end of string"
    );
    assert_eq!(
        f("{0.}", &[i(&vm, 1)]),
        "ValueError: Empty attribute in format string"
    );
    assert_eq!(
        f("{:{:{}}}", &[i(&vm, 1), i(&vm, 2), i(&vm, 3)]),
        "ValueError: Max string recursion exceeded"
    );
    assert_eq!(
        f("{99999999999999999999}", &[i(&vm, 1)]),
        "ValueError: Too many decimal digits in format string"
    );
    assert_eq!(
        f("{:d}", &[s(&vm, "a")]),
        "ValueError: Unknown format code 'd' for object of type 'str'"
    );
    assert_eq!(
        res(
            &vm,
            call_kw(
                &vm,
                &s(&vm, "{name}-{0}"),
                "format",
                &[i(&vm, 1)],
                &[("name", s(&vm, "n"))]
            )
        ),
        "'n-1'"
    );
    let d = vm.new_dict();
    d.payload.set_item(&vm, s(&vm, "k"), i(&vm, 7)).unwrap();
    assert_eq!(
        res(
            &vm,
            call(
                &vm,
                &s(&vm, "{k:03}"),
                "format_map",
                &[d.clone().into_object()]
            )
        ),
        "'007'"
    );
    assert_eq!(
        res(
            &vm,
            call(&vm, &s(&vm, "{0}"), "format_map", &[d.into_object()])
        ),
        "ValueError: Format string contains positional fields"
    );
    let fo = |o: PyObjectRef, spec: &str| {
        res(
            &vm,
            crate::python::formatter::format_object(&vm, &o, spec).map(|x| x.into_object()),
        )
    };
    assert_eq!(
        fo(i(&vm, 1), "q"),
        "ValueError: Unknown format code 'q' for object of type 'int'"
    );
    assert_eq!(fo(vm.new_bool(true), ">5"), "'    1'");
    assert_eq!(fo(vm.new_float(1.5), "08.3f"), "'0001.500'");
    assert_eq!(fo(vm.new_complex(1.0, 2.0), ".1f"), "'1.0+2.0j'");
    assert_eq!(fo(s(&vm, "ab"), "*^6"), "'**ab**'");
}

#[test]
fn bytes_basics() {
    let vm = vm();
    let x = b(&vm, b"hello world");
    assert_eq!(res(&vm, vm.get_item(&x, &i(&vm, 0))), "104");
    assert_eq!(
        res(&vm, vm.get_item(&x, &i(&vm, 50))),
        "IndexError: index out of range"
    );
    assert_eq!(
        res(&vm, vm.get_item(&x, &s(&vm, "a"))),
        "TypeError: byte indices must be integers or slices, not str"
    );
    assert_eq!(
        res(&vm, binop(&vm, &x, &s(&vm, "a"), NumberOp::Add)),
        "TypeError: can't concat str to bytes"
    );
    assert_eq!(
        res(
            &vm,
            binop(&vm, &b(&vm, b"ab"), &i(&vm, 2), NumberOp::Multiply)
        ),
        "b'abab'"
    );
    assert!(vm.contains(&x, &i(&vm, 104)).unwrap());
    assert!(vm.contains(&x, &b(&vm, b"lo w")).unwrap());
    assert_eq!(
        res(&vm, vm.contains(&x, &i(&vm, 300)).map(|v| vm.new_bool(v))),
        "ValueError: byte must be in range(0, 256)"
    );
    assert_eq!(
        vm.hash(&b(&vm, b"abc")).unwrap(),
        vm.hash(&s(&vm, "abc")).unwrap()
    );
    let c = |name: &str, args: &[PyObjectRef]| res(&vm, call(&vm, &x, name, args));
    assert_eq!(c("split", &[]), "[b'hello', b'world']");
    assert_eq!(c("upper", &[]), "b'HELLO WORLD'");
    assert_eq!(c("title", &[]), "b'Hello World'");
    assert_eq!(
        c("find", &[s(&vm, "a")]),
        "TypeError: argument should be integer or bytes-like object, not 'str'"
    );
    assert_eq!(
        c("index", &[b(&vm, b"z")]),
        "ValueError: subsection not found"
    );
    assert_eq!(c("count", &[i(&vm, 108)]), "3");
    assert_eq!(
        c("replace", &[b(&vm, b"o"), b(&vm, b"0")]),
        "b'hell0 w0rld'"
    );
    assert_eq!(
        c("partition", &[b(&vm, b" ")]),
        "(b'hello', b' ', b'world')"
    );
    assert_eq!(
        c("center", &[i(&vm, 15), b(&vm, b"*")]),
        "b'**hello world**'"
    );
    assert_eq!(
        c("center", &[i(&vm, 3), s(&vm, "x")]),
        "TypeError: center() argument 2 must be a byte string of length 1, not str"
    );
    assert_eq!(c("hex", &[]), "'68656c6c6f20776f726c64'");
    assert_eq!(
        res(
            &vm,
            call(&vm, &b(&vm, b"abc"), "hex", &[s(&vm, ":"), i(&vm, 2)])
        ),
        "'61:6263'"
    );
    assert_eq!(
        res(
            &vm,
            call(&vm, &b(&vm, b"abc"), "hex", &[s(&vm, "-"), i(&vm, -2)])
        ),
        "'6162-63'"
    );
    let cls = vm.types.bytes_type.clone().into_object();
    let fh = |arg: PyObjectRef| {
        let d = vm.types.bytes_type.lookup_str(&vm, "fromhex").unwrap();
        let d = d.downcast_ref::<PyMethodDescr>().unwrap();
        res(&vm, (d.func)(&vm, &[cls.clone(), arg], None))
    };
    assert_eq!(fh(s(&vm, " 01 ff ")), "b'\\x01\\xff'");
    assert_eq!(
        fh(s(&vm, "0 1")),
        "ValueError: non-hexadecimal number found in fromhex() arg at position 1"
    );
    assert_eq!(
        fh(i(&vm, 1)),
        "TypeError: fromhex() argument must be str, not int"
    );
    let join = vm.new_list(vec![b(&vm, b"a"), s(&vm, "b")]).into_object();
    assert_eq!(
        res(&vm, call(&vm, &b(&vm, b","), "join", &[join])),
        "TypeError: sequence item 1: expected a bytes-like object, str found"
    );
    assert_eq!(
        res(
            &vm,
            call(
                &vm,
                &b(&vm, b"a\nb\r\nc"),
                "splitlines",
                &[vm.new_bool(true)]
            )
        ),
        "[b'a\\n', b'b\\r\\n', b'c']"
    );
}

#[test]
fn bytes_and_bytearray_constructors() {
    let vm = vm();
    let mk = |ty: &crate::object::PyTypeRef, args: &[PyObjectRef]| -> PyResult<PyObjectRef> {
        let new = ty.payload.slots.new.get().unwrap();
        let o = new(&vm, ty, args, None)?;
        if let Some(init) = ty.payload.slots.init.get() {
            init(&vm, &o, args, None)?;
        }
        Ok(o)
    };
    let bt = vm.types.bytes_type.clone();
    let ba = vm.types.bytearray_type.clone();
    assert_eq!(res(&vm, mk(&bt, &[i(&vm, 3)])), "b'\\x00\\x00\\x00'");
    assert_eq!(
        res(&vm, mk(&bt, &[i(&vm, -1)])),
        "ValueError: negative count"
    );
    let l = vm.new_list(vec![i(&vm, 65), i(&vm, 256)]).into_object();
    assert_eq!(
        res(&vm, mk(&bt, &[l])),
        "ValueError: bytes must be in range(0, 256)"
    );
    assert_eq!(
        res(&vm, mk(&bt, &[s(&vm, "a")])),
        "TypeError: string argument without an encoding"
    );
    assert_eq!(
        res(&vm, mk(&bt, &[s(&vm, "é"), s(&vm, "utf-8")])),
        "b'\\xc3\\xa9'"
    );
    assert_eq!(
        res(&vm, mk(&bt, &[vm.new_float(1.5)])),
        "TypeError: cannot convert 'float' object to bytes"
    );
    assert_eq!(
        res(&vm, mk(&ba, &[vm.new_float(1.5)])),
        "TypeError: cannot convert 'float' object to bytearray"
    );
    assert_eq!(res(&vm, mk(&ba, &[b(&vm, b"xy")])), "bytearray(b'xy')");
    let st = vm.types.str_type.clone();
    assert_eq!(res(&vm, mk(&st, &[b(&vm, b"ab")])), "\"b'ab'\"");
    assert_eq!(
        res(&vm, mk(&st, &[b(&vm, b"\xc3\xa9"), s(&vm, "utf-8")])),
        "'é'"
    );
    assert_eq!(
        res(&vm, mk(&st, &[i(&vm, 1), s(&vm, "utf-8")])),
        "TypeError: decoding to str: need a bytes-like object, int found"
    );
    assert_eq!(res(&vm, mk(&st, &[])), "''");
}

#[test]
fn bytearray_mutation() {
    let vm = vm();
    let a = vm.new_bytearray(b"abc".to_vec());
    let c = |name: &str, args: &[PyObjectRef]| res(&vm, call(&vm, &a, name, args));
    assert_eq!(c("append", &[i(&vm, 100)]), "None");
    assert_eq!(
        c("append", &[i(&vm, 300)]),
        "ValueError: byte must be in range(0, 256)"
    );
    assert_eq!(c("extend", &[b(&vm, b"ef")]), "None");
    assert_eq!(
        c("extend", &[s(&vm, "a")]),
        "TypeError: expected iterable of integers; got: 'str'"
    );
    assert_eq!(
        c("extend", &[i(&vm, 1)]),
        "TypeError: can't extend bytearray with int"
    );
    assert_eq!(c("insert", &[i(&vm, 0), i(&vm, 90)]), "None");
    assert_eq!(
        c("insert", &[i(&vm, 0)]),
        "TypeError: insert expected 2 arguments, got 1"
    );
    assert_eq!(show(&vm, &a), "bytearray(b'Zabcdef')");
    assert_eq!(c("pop", &[]), "102");
    assert_eq!(
        c("pop", &[i(&vm, 50)]),
        "IndexError: pop index out of range"
    );
    assert_eq!(c("remove", &[i(&vm, 90)]), "None");
    assert_eq!(
        c("remove", &[i(&vm, 90)]),
        "ValueError: value not found in bytearray"
    );
    vm.set_item(&a, &i(&vm, 0), i(&vm, 65)).unwrap();
    assert_eq!(show(&vm, &a), "bytearray(b'Abcde')");
    let sl = |start: i64, stop: i64, step: i64| {
        crate::object::PyRef::new_exact(
            crate::objects::sliceobject::PySlice {
                start: i(&vm, start),
                stop: i(&vm, stop),
                step: i(&vm, step),
            },
            vm.types.slice_type.clone(),
        )
        .into_object()
    };
    vm.set_item(&a, &sl(1, 3, 1), b(&vm, b"XYZ")).unwrap();
    assert_eq!(show(&vm, &a), "bytearray(b'AXYZde')");
    vm.del_item(&a, &sl(0, 6, 2)).unwrap();
    assert_eq!(show(&vm, &a), "bytearray(b'XZe')");
    assert_eq!(
        res(
            &vm,
            vm.set_item(&a, &sl(0, 3, 2), b(&vm, b"abc"))
                .map(|_| vm.none())
        ),
        "ValueError: attempt to assign bytes of size 3 to extended slice of size 2"
    );
    assert_eq!(
        res(
            &vm,
            vm.set_item(&a, &sl(0, 1, 1), i(&vm, 5)).map(|_| vm.none())
        ),
        "TypeError: can assign only bytes, buffers, or iterables of ints in range(0, 256)"
    );
    let r = vm.inplace_op(&a, &b(&vm, b"!"), NumberOp::Add).unwrap();
    assert!(r.is(&a));
    vm.inplace_op(&a, &i(&vm, 2), NumberOp::Multiply).unwrap();
    assert_eq!(show(&vm, &a), "bytearray(b'XZe!XZe!')");
    assert_eq!(
        res(&vm, vm.repr(&a).map(|x| x.into_object())),
        "\"bytearray(b'XZe!XZe!')\""
    );
    assert_eq!(
        res(&vm, vm.hash(&a).map(|h| vm.new_int(h))),
        "TypeError: unhashable type: 'bytearray'"
    );
    assert_eq!(
        res(&vm, vm.binary_op(&a, &b(&vm, b"?"), NumberOp::Add)),
        "bytearray(b'XZe!XZe!?')"
    );
    assert!(vm
        .eq_bool(&vm.new_bytearray(b"ab".to_vec()), &b(&vm, b"ab"))
        .unwrap());
    let empty = vm.new_bytearray(Vec::new());
    assert_eq!(
        res(&vm, call(&vm, &empty, "pop", &[])),
        "IndexError: pop from empty bytearray"
    );
}

fn unhex(s: &str) -> String {
    let bytes: Vec<u8> = (0..s.len() / 2)
        .map(|k| u8::from_str_radix(&s[2 * k..2 * k + 2], 16).unwrap())
        .collect();
    String::from_utf8(bytes).unwrap()
}

fn decode_value(vm: &VM, t: &str) -> PyObjectRef {
    let latin1 = |x: &str| x.chars().map(|c| c as u32 as u8).collect::<Vec<u8>>();
    match t.split_at(t.find(':').map(|p| p + 1).unwrap_or(t.len())) {
        ("N", _) => vm.none(),
        ("T", _) => vm.new_bool(true),
        ("F", _) => vm.new_bool(false),
        ("s:", x) => vm.new_str_obj(x),
        ("b:", x) => vm.new_bytes(latin1(x)),
        ("a:", x) => vm.new_bytearray(latin1(x)),
        ("i:", x) => vm.new_bigint(x.parse().unwrap()),
        ("f:", x) => vm.new_float(match x {
            "inf" => f64::INFINITY,
            "-inf" => f64::NEG_INFINITY,
            "nan" => f64::NAN,
            x => x.parse().unwrap(),
        }),
        ("d:", x) => {
            let d = vm.new_dict();
            for pair in x.split('\x1e').filter(|p| !p.is_empty()) {
                let (k, v) = pair.split_once('\x1d').unwrap();
                d.payload
                    .set_item(vm, decode_value(vm, k), decode_value(vm, v))
                    .unwrap();
            }
            d.into_object()
        }
        ("l:", x) => {
            let p: Vec<PyObjectRef> = x.split('\x1e').map(|v| decode_value(vm, v)).collect();
            crate::object::PyRef::new_exact(
                crate::objects::sliceobject::PySlice {
                    start: p[0].clone(),
                    stop: p[1].clone(),
                    step: p[2].clone(),
                },
                vm.types.slice_type.clone(),
            )
            .into_object()
        }
        ("t:", x) => {
            let items = if x.is_empty() {
                vec![]
            } else {
                x.split('\x1e').map(|v| decode_value(vm, v)).collect()
            };
            vm.new_tuple_obj(items)
        }
        other => panic!("bad value {other:?}"),
    }
}

/// Replays testdata/str_cases.txt (generated by CPython 3.13).
#[test]
fn cpython_cases() {
    let vm = vm();
    let data = include_str!("testdata/str_cases.txt");
    let mut failures = Vec::new();
    let mut total = 0;
    for line in data.lines() {
        let f: Vec<String> = line.split('\t').map(unhex).collect();
        let (op, recv, args, expected) = (&f[0], &f[1], &f[2], &f[3]);
        let recv = decode_value(&vm, recv);
        let args: Vec<PyObjectRef> = if args.is_empty() {
            vec![]
        } else {
            args.split('\x1f').map(|a| decode_value(&vm, a)).collect()
        };
        total += 1;
        let got = match op.as_str() {
            "m" => {
                let name = args[0]
                    .downcast_ref::<PyStr>()
                    .unwrap()
                    .as_str()
                    .to_string();
                match name.as_str() {
                    "__len__" => res(&vm, vm.len(&recv).map(|n| vm.new_int(n as i64))),
                    "__getitem__" => res(&vm, vm.get_item(&recv, &args[1])),
                    _ => res(&vm, call(&vm, &recv, &name, &args[1..])),
                }
            }
            "%" => res(&vm, vm.binary_op(&recv, &args[0], NumberOp::Remainder)),
            _ => {
                let spec = args[0]
                    .downcast_ref::<PyStr>()
                    .unwrap()
                    .as_str()
                    .to_string();
                res(
                    &vm,
                    crate::python::formatter::format_object(&vm, &recv, &spec)
                        .map(|x| x.into_object()),
                )
            }
        };
        if &got != expected {
            let shown: Vec<String> = args.iter().map(|a| show(&vm, a)).collect();
            failures.push(format!(
                "{op} {} {}\n   got: {got}\n  want: {expected}",
                show(&vm, &recv),
                shown.join(", ")
            ));
        }
    }
    for f in failures.iter().take(60) {
        eprintln!("{f}");
    }
    assert!(
        failures.is_empty(),
        "{} of {total} cases differ",
        failures.len()
    );
}

/// Huge sizes become MemoryError/OverflowError, never an abort.
#[test]
fn huge_sizes_raise() {
    let vm = vm();
    let big = vm.new_int(i64::MAX);
    let err = |r: PyResult<PyObjectRef>| res(&vm, r).split(':').next().unwrap().to_string();
    assert_eq!(
        err(vm.binary_op(&s(&vm, "ab"), &big, NumberOp::Multiply)),
        "OverflowError"
    );
    assert_eq!(
        err(call(
            &vm,
            &s(&vm, "a"),
            "center",
            &[vm.new_int(isize::MAX as i64)]
        )),
        "MemoryError"
    );
    assert_eq!(
        err(call(
            &vm,
            &b(&vm, b"\t"),
            "expandtabs",
            &[vm.new_int(isize::MAX as i64)]
        )),
        // The tab size is a C int.
        "OverflowError"
    );
    assert_eq!(
        res(
            &vm,
            vm.get_item(
                &s(&vm, "a"),
                &vm.new_bigint(num_bigint::BigInt::from(10).pow(30))
            )
        ),
        "IndexError: cannot fit 'int' into an index-sized integer"
    );
}

#[test]
fn sequence_repeat_errors_name_the_count() {
    let vm = vm();
    let l = vm.new_list(vec![i(&vm, 1)]).into_object();
    let mul = |a: &PyObjectRef, bb: &PyObjectRef| res(&vm, vm.binary_op(a, bb, NumberOp::Multiply));
    assert_eq!(
        mul(&l, &s(&vm, "a")),
        "TypeError: can't multiply sequence by non-int of type 'str'"
    );
    assert_eq!(
        mul(&s(&vm, "a"), &l),
        "TypeError: can't multiply sequence by non-int of type 'list'"
    );
    assert_eq!(
        mul(&l, &b(&vm, b"a")),
        "TypeError: can't multiply sequence by non-int of type 'bytes'"
    );
    let ba = vm.new_bytearray(b"a".to_vec());
    assert_eq!(
        mul(&ba, &b(&vm, b"x")),
        "TypeError: can't multiply sequence by non-int of type 'bytes'"
    );
    assert_eq!(
        mul(&b(&vm, b"x"), &ba),
        "TypeError: can't multiply sequence by non-int of type 'bytearray'"
    );
    assert_eq!(
        mul(&vm.new_float(1.5), &b(&vm, b"x")),
        "TypeError: can't multiply sequence by non-int of type 'float'"
    );
}

/// Every method of str/bytes/bytearray with many argument combinations:
/// errors are fine, panics are not.
#[test]
fn no_panics_on_odd_arguments() {
    let vm = vm();
    let pool: Vec<PyObjectRef> = vec![
        vm.none(),
        i(&vm, 0),
        i(&vm, -1),
        i(&vm, 3),
        i(&vm, 255),
        i(&vm, 1 << 40),
        vm.new_bigint(num_bigint::BigInt::from(10).pow(25)),
        vm.new_bigint(-num_bigint::BigInt::from(10).pow(25)),
        vm.new_float(1.5),
        s(&vm, ""),
        s(&vm, "a"),
        s(&vm, "é😀\t\n x"),
        s(&vm, "%s%d{}{0}{a}"),
        b(&vm, b""),
        b(&vm, b"\xff:a"),
        vm.new_bytearray(b"ab".to_vec()),
        vm.new_tuple_obj(vec![s(&vm, "a"), b(&vm, b"a")]),
        vm.new_bool(true),
    ];
    let receivers = vec![
        s(&vm, ""),
        s(&vm, "héllo\tWorld ß ǅ\r\n"),
        s(&vm, "%s %(a)d {0!r:{1}} {"),
        b(&vm, b""),
        b(&vm, b"abc\xff\t%s"),
        vm.new_bytearray(b"xy\x00".to_vec()),
    ];
    for recv in &receivers {
        let names: Vec<String> = recv
            .class()
            .payload
            .dict
            .keys()
            .iter()
            .filter_map(|k| k.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()))
            .filter(|n| {
                recv.class()
                    .lookup_str(&vm, n)
                    .is_some_and(|d| d.payload_is::<PyMethodDescr>())
            })
            .collect();
        assert!(names.len() > 30, "{names:?}");
        for name in &names {
            // A bare descriptor call without even `self`.
            if let Some(d) = recv.class().lookup_str(&vm, name) {
                if let Some(d) = d.downcast_ref::<PyMethodDescr>() {
                    let _ = (d.func)(&vm, &[], None);
                    let _ = (d.func)(&vm, &[i(&vm, 1)], None);
                }
            }
            let _ = call(&vm, recv, name, &[]);
            for a in &pool {
                let _ = call(&vm, recv, name, &[a.clone()]);
                for c in pool.iter().step_by(3) {
                    let _ = call(&vm, recv, name, &[a.clone(), c.clone()]);
                    let _ = call(&vm, recv, name, &[a.clone(), c.clone(), i(&vm, -2)]);
                }
            }
        }
        for a in &pool {
            let _ = vm.binary_op(recv, a, NumberOp::Remainder);
            let _ = vm.binary_op(recv, a, NumberOp::Add);
            let _ = vm.binary_op(a, recv, NumberOp::Multiply);
            let _ = vm.get_item(recv, a);
            let _ = vm.contains(recv, a);
        }
    }
}

/// Replays testdata/unicode_cases.txt: predicates and case mappings of
/// sampled single characters against CPython 3.13.
#[test]
fn unicode_predicates_and_mappings() {
    let vm = vm();
    let data = include_str!("testdata/unicode_cases.txt");
    let mut lines = data.lines();
    let step: u32 = lines
        .next()
        .unwrap()
        .split('\t')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let cps: Vec<u32> = (0..0x32000)
        .step_by(step as usize)
        .filter(|cp| !(0xD800..0xE000).contains(cp))
        .collect();
    let mut bad = Vec::new();
    let mut mapped: std::collections::HashMap<(String, u32), String> = Default::default();
    let mut preds = Vec::new();
    for line in lines {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() == 2 {
            preds.push((f[0].to_string(), f[1].to_string()));
        } else {
            mapped.insert((f[0].to_string(), f[1].parse().unwrap()), unhex(f[2]));
        }
    }
    for (name, bits) in &preds {
        for (k, cp) in cps.iter().enumerate() {
            let c = char::from_u32(*cp).unwrap();
            let got = res(&vm, call(&vm, &s(&vm, &c.to_string()), name, &[])) == "True";
            if got != (bits.as_bytes()[k] == b'1') {
                bad.push(format!("{name} U+{cp:04X}: got {got}"));
            }
        }
    }
    for name in [
        "upper",
        "lower",
        "title",
        "swapcase",
        "casefold",
        "capitalize",
    ] {
        for cp in &cps {
            let c = char::from_u32(*cp).unwrap().to_string();
            let want = mapped
                .get(&(name.to_string(), *cp))
                .cloned()
                .unwrap_or(c.clone());
            let got = call(&vm, &s(&vm, &c), name, &[]).unwrap();
            let got = got.downcast_ref::<PyStr>().unwrap().as_str().to_string();
            if got != want {
                bad.push(format!("{name} U+{cp:04X}: got {got:?} want {want:?}"));
            }
        }
    }
    for b in bad.iter().take(40) {
        eprintln!("{b}");
    }
    assert!(bad.is_empty(), "{} mismatches", bad.len());
}
