//! "Did you mean" hints for NameError, AttributeError and ImportError
//! (CPython 3.13's Python/suggestions.c, as called by Lib/traceback.py's
//! `_compute_suggestion_error`).

use crate::object::PyObjectRef;
use crate::objects::dictobject::PyDict;
use crate::objects::frameobject::PyFrameObject;
use crate::objects::strobject::PyStr;
use crate::objects::traceback::PyTraceback;
use crate::VM;

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.to_ascii_lowercase() == b.to_ascii_lowercase() {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// Weighted Levenshtein distance over UTF-8 bytes, giving up (returning
/// `max_cost + 1`) as soon as `max_cost` cannot be met.
pub fn levenshtein_distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let mut a = a;
    let mut b = b;
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost.saturating_add(1);
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost.saturating_add(1);
    }
    let mut buffer: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        let mut distance = b_index * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = buffer[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost.saturating_add(1);
        }
    }
    result
}

/// `_Py_CalculateSuggestions`: the closest candidate to `name`, if close
/// enough (at most a third of the characters changed).
pub fn calculate_suggestion(candidates: &[String], name: &str) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best = usize::MAX;
    let mut suggestion: Option<&String> = None;
    for item in candidates {
        if item == name {
            continue;
        }
        let max = ((name.len() + item.len() + 3) * MOVE_COST / 6).min(best.saturating_sub(1));
        let d = levenshtein_distance(name.as_bytes(), item.as_bytes(), max);
        if d > max {
            continue;
        }
        if suggestion.is_none() || d < best {
            suggestion = Some(item);
            best = d;
        }
    }
    suggestion.cloned()
}

/// The message of an unexpected keyword argument, with CPython 3.13's
/// hint naming the closest of the parameters that accept keywords
/// (`int() got an unexpected keyword argument 'bas'. Did you mean 'base'?`).
pub fn unexpected_keyword(fname: &str, key: &str, candidates: &[&str]) -> String {
    let names: Vec<String> = candidates.iter().map(|s| s.to_string()).collect();
    match calculate_suggestion(&names, key) {
        Some(s) => {
            format!("{fname}() got an unexpected keyword argument '{key}'. Did you mean '{s}'?")
        }
        None => format!("{fname}() got an unexpected keyword argument '{key}'"),
    }
}

fn str_keys(d: &PyDict) -> Vec<String> {
    d.keys()
        .iter()
        .filter_map(|k| k.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()))
        .collect()
}

/// The frame of the innermost traceback entry.
fn last_frame(tb: Option<PyObjectRef>) -> Option<crate::objects::frameobject::PyFrameRef> {
    let mut t = tb?.downcast::<PyTraceback>().ok()?;
    // A traceback is a finite linked list; the bound keeps a corrupted one
    // from looping.
    for _ in 0..1_000_000 {
        let next = t.payload.next.borrow().clone();
        match next {
            Some(n) => t = n,
            None => break,
        }
    }
    Some(t.payload.frame.clone())
}

/// Fields holding what the hint needs from the function frame a
/// NameError or AttributeError was raised in (frame objects do not keep
/// fast locals): the names of its bound locals, and its `self`. Only
/// names are kept so the exception does not keep every local alive.
const FRAME_LOCAL_NAMES: &str = "_frame_local_names";
const FRAME_SELF: &str = "_frame_self";

/// Records the bound local names (and `self`) of `frame` on `exc` when it
/// is a NameError or AttributeError leaving a function frame for the
/// first time, so the "Did you mean" hint can consult them as CPython
/// does through `tb_frame.f_locals`.
pub fn record_frame_locals(
    vm: &VM,
    exc: &crate::PyBaseExceptionRef,
    frame: &crate::python::frame::Frame,
) {
    let ty = exc.as_object().class();
    let e = &vm.types.exc;
    if frame.locals.is_some()
        || !(ty.is_subtype(&e.name_error) || ty.is_subtype(&e.attribute_error))
        || exc.payload.get_traceback().is_some()
    {
        return;
    }
    let mut names = Vec::new();
    let mut zelf = None;
    let slots = &frame.code.payload.localsplusnames;
    for (name, v) in slots.iter().zip(frame.values.iter()) {
        let Some(v) = v else { continue };
        let v = match v.downcast_ref::<crate::objects::cellobject::PyCell>() {
            Some(c) => match c.get() {
                Some(inner) => inner,
                None => continue,
            },
            None => v.clone(),
        };
        if name.payload.as_str() == "self" {
            zelf = Some(v);
        }
        names.push(name.clone().into_object());
    }
    let exc = exc.as_object();
    crate::objects::exceptions::set_field(
        vm,
        exc,
        FRAME_LOCAL_NAMES,
        Some(vm.new_tuple_obj(names)),
    );
    crate::objects::exceptions::set_field(vm, exc, FRAME_SELF, zelf);
}

/// What `record_frame_locals` kept: (local names, `self`).
fn recorded_locals(vm: &VM, exc: &PyObjectRef) -> Option<(Vec<String>, Option<PyObjectRef>)> {
    let names = crate::objects::exceptions::get_field(vm, exc, FRAME_LOCAL_NAMES)?;
    let names = names
        .downcast_ref::<crate::objects::tupleobject::PyTuple>()?
        .as_slice()
        .iter()
        .filter_map(|n| n.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()))
        .collect();
    Some((
        names,
        crate::objects::exceptions::get_field(vm, exc, FRAME_SELF),
    ))
}

/// Names bound in a frame: its locals mapping when it has one, otherwise
/// the code's local variable names.
fn frame_local_names(
    vm: &VM,
    f: &PyFrameObject,
    recorded: Option<&(Vec<String>, Option<PyObjectRef>)>,
) -> Vec<String> {
    if let Some((names, _)) = recorded {
        return names.clone();
    }
    let locals = f.locals.borrow().clone();
    if let Some(l) = locals {
        if let Some(d) = l.downcast_ref::<PyDict>() {
            return str_keys(d);
        }
        if let Ok(keys) = vm.call_method(&l, "keys", &[]) {
            if let Ok(items) = vm.collect(&keys) {
                return items
                    .iter()
                    .filter_map(|k| k.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()))
                    .collect();
            }
        }
        return Vec::new();
    }
    f.code
        .payload
        .localsplusnames
        .iter()
        .map(|s| s.payload.as_str().to_string())
        .collect()
}

fn frame_local(
    vm: &VM,
    f: &PyFrameObject,
    recorded: Option<&(Vec<String>, Option<PyObjectRef>)>,
    name: &str,
) -> Option<PyObjectRef> {
    if let Some((_, zelf)) = recorded {
        // Only `self` is ever asked for.
        return if name == "self" { zelf.clone() } else { None };
    }
    let locals = f.locals.borrow().clone()?;
    let d = locals.downcast_ref::<PyDict>()?;
    d.get_str_name(vm, name)
}

fn builtin_names(vm: &VM, f: &PyFrameObject) -> Vec<String> {
    if let Some(b) = f.globals.payload.get_str_name(vm, "__builtins__") {
        if let Some(d) = b.downcast_ref::<PyDict>() {
            return str_keys(d);
        }
        if let Some(m) = b.downcast_ref::<crate::objects::moduleobject::PyModule>() {
            return str_keys(&m.dict.payload);
        }
    }
    str_keys(&vm.builtins.payload)
}

/// `dir(obj)` as a sorted list of str, or the type's and instance's dict
/// keys when `__dir__` fails with TypeError.
fn dir_names(vm: &VM, obj: &PyObjectRef) -> Option<Vec<String>> {
    let strs = |items: Vec<PyObjectRef>| -> Vec<String> {
        items
            .iter()
            .filter_map(|k| k.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()))
            .collect()
    };
    let listed = match vm.lookup_special(obj, "__dir__") {
        Ok(Some(f)) => vm.call0(&f).and_then(|r| vm.collect(&r)).map(strs),
        _ => Err(vm.new_type_error("")),
    };
    let mut names = match listed {
        Ok(n) => n,
        Err(_) => {
            let mut v = Vec::new();
            for t in obj.class().mro_with_self() {
                v.extend(str_keys(&t.payload.dict));
            }
            if let Some(ext) = obj.instance_ext() {
                if let Some(d) = ext.existing_dict(vm, obj.class()) {
                    if let Some(d) = d.downcast_ref::<PyDict>() {
                        v.extend(str_keys(d));
                    }
                }
            }
            v
        }
    };
    names.sort();
    names.dedup();
    Some(names)
}

fn exc_field(vm: &VM, exc: &PyObjectRef, name: &str) -> Option<PyObjectRef> {
    vm.get_attr_opt_str(exc, name)
        .ok()
        .flatten()
        .filter(|v| !vm.is_none(v))
}

/// `_compute_suggestion_error`: the name to suggest for `exc`.
pub fn compute_suggestion(vm: &VM, exc: &PyObjectRef, wrong_name: &str) -> Option<String> {
    let tb = exc
        .downcast_ref::<crate::objects::exceptions::PyBaseException>()
        .and_then(|e| e.get_traceback());
    let recorded = recorded_locals(vm, exc);
    let recorded = recorded.as_ref();
    let ty = exc.class();
    let candidates: Vec<String> = if ty.is_subtype(&vm.types.exc.attribute_error) {
        let obj = vm
            .get_attr_opt_str(exc, "obj")
            .ok()
            .flatten()
            .unwrap_or_else(|| vm.none());
        let mut d = dir_names(vm, &obj)?;
        let mut hide_underscored = !wrong_name.starts_with('_');
        if hide_underscored {
            if let Some(f) = last_frame(tb) {
                if frame_local(vm, &f.payload, recorded, "self").is_some_and(|s| s.is(&obj)) {
                    hide_underscored = false;
                }
            }
        }
        if hide_underscored {
            d.retain(|x| !x.starts_with('_'));
        }
        d
    } else if ty.is_subtype(&vm.types.exc.import_error) {
        let name = exc_field(vm, exc, "name")?;
        let name = name.downcast_ref::<PyStr>()?.as_str().to_string();
        let module = vm.import_module(&name).ok()?;
        let mut d = dir_names(vm, &module)?;
        if !wrong_name.starts_with('_') {
            d.retain(|x| !x.starts_with('_'));
        }
        d
    } else {
        let f = last_frame(tb)?;
        let f = &f.payload;
        let mut d = frame_local_names(vm, f, recorded);
        d.extend(str_keys(&f.globals.payload));
        d.extend(builtin_names(vm, f));
        if let Some(zelf) = frame_local(vm, f, recorded, "self") {
            if let Ok(Some(_)) = vm.get_attr_opt_str(&zelf, wrong_name) {
                return Some(format!("self.{wrong_name}"));
            }
        }
        d
    };
    calculate_suggestion(&candidates, wrong_name)
}

/// The text Lib/traceback.py appends to the message of a NameError,
/// AttributeError or ImportError: ". Did you mean: 'x'?", ". Did you
/// forget to import 'sys'?" or both.
pub fn suggestion_suffix(vm: &VM, exc: &PyObjectRef) -> Option<String> {
    let ty = exc.class();
    let e = &vm.types.exc;
    let is_name = ty.is_subtype(&e.name_error);
    if is_name || ty.is_subtype(&e.attribute_error) {
        let wrong = exc_field(vm, exc, "name")?;
        let wrong = wrong.downcast_ref::<PyStr>()?.as_str().to_string();
        let suggestion = compute_suggestion(vm, exc, &wrong);
        let mut out = String::new();
        if let Some(s) = &suggestion {
            out.push_str(&format!(". Did you mean: '{s}'?"));
        }
        if is_name && STDLIB_MODULE_NAMES.binary_search(&wrong.as_str()).is_ok() {
            if suggestion.is_some() {
                out.push_str(&format!(" Or did you forget to import '{wrong}'?"));
            } else {
                out.push_str(&format!(". Did you forget to import '{wrong}'?"));
            }
        }
        return (!out.is_empty()).then_some(out);
    }
    if ty.is_subtype(&e.import_error) {
        let wrong = exc_field(vm, exc, "name_from")?;
        let wrong = wrong.downcast_ref::<PyStr>()?.as_str().to_string();
        let s = compute_suggestion(vm, exc, &wrong)?;
        return Some(format!(". Did you mean: '{s}'?"));
    }
    None
}

/// `sys.stdlib_module_names` of CPython 3.13 (sorted).
pub const STDLIB_MODULE_NAMES: &[&str] = &[
    "__future__",
    "_abc",
    "_aix_support",
    "_android_support",
    "_ast",
    "_asyncio",
    "_bisect",
    "_blake2",
    "_bz2",
    "_codecs",
    "_codecs_cn",
    "_codecs_hk",
    "_codecs_iso2022",
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_tw",
    "_collections",
    "_collections_abc",
    "_colorize",
    "_compat_pickle",
    "_compression",
    "_contextvars",
    "_csv",
    "_ctypes",
    "_curses",
    "_curses_panel",
    "_datetime",
    "_dbm",
    "_decimal",
    "_elementtree",
    "_frozen_importlib",
    "_frozen_importlib_external",
    "_functools",
    "_gdbm",
    "_hashlib",
    "_heapq",
    "_imp",
    "_interpchannels",
    "_interpqueues",
    "_interpreters",
    "_io",
    "_ios_support",
    "_json",
    "_locale",
    "_lsprof",
    "_lzma",
    "_markupbase",
    "_md5",
    "_multibytecodec",
    "_multiprocessing",
    "_opcode",
    "_opcode_metadata",
    "_operator",
    "_osx_support",
    "_overlapped",
    "_pickle",
    "_posixshmem",
    "_posixsubprocess",
    "_py_abc",
    "_pydatetime",
    "_pydecimal",
    "_pyio",
    "_pylong",
    "_pyrepl",
    "_queue",
    "_random",
    "_scproxy",
    "_sha1",
    "_sha2",
    "_sha3",
    "_signal",
    "_sitebuiltins",
    "_socket",
    "_sqlite3",
    "_sre",
    "_ssl",
    "_stat",
    "_statistics",
    "_string",
    "_strptime",
    "_struct",
    "_suggestions",
    "_symtable",
    "_sysconfig",
    "_thread",
    "_threading_local",
    "_tkinter",
    "_tokenize",
    "_tracemalloc",
    "_typing",
    "_uuid",
    "_warnings",
    "_weakref",
    "_weakrefset",
    "_winapi",
    "_wmi",
    "_zoneinfo",
    "abc",
    "antigravity",
    "argparse",
    "array",
    "ast",
    "asyncio",
    "atexit",
    "base64",
    "bdb",
    "binascii",
    "bisect",
    "builtins",
    "bz2",
    "cProfile",
    "calendar",
    "cmath",
    "cmd",
    "code",
    "codecs",
    "codeop",
    "collections",
    "colorsys",
    "compileall",
    "concurrent",
    "configparser",
    "contextlib",
    "contextvars",
    "copy",
    "copyreg",
    "csv",
    "ctypes",
    "curses",
    "dataclasses",
    "datetime",
    "dbm",
    "decimal",
    "difflib",
    "dis",
    "doctest",
    "email",
    "encodings",
    "ensurepip",
    "enum",
    "errno",
    "faulthandler",
    "fcntl",
    "filecmp",
    "fileinput",
    "fnmatch",
    "fractions",
    "ftplib",
    "functools",
    "gc",
    "genericpath",
    "getopt",
    "getpass",
    "gettext",
    "glob",
    "graphlib",
    "grp",
    "gzip",
    "hashlib",
    "heapq",
    "hmac",
    "html",
    "http",
    "idlelib",
    "imaplib",
    "importlib",
    "inspect",
    "io",
    "ipaddress",
    "itertools",
    "json",
    "keyword",
    "linecache",
    "locale",
    "logging",
    "lzma",
    "mailbox",
    "marshal",
    "math",
    "mimetypes",
    "mmap",
    "modulefinder",
    "msvcrt",
    "multiprocessing",
    "netrc",
    "nt",
    "ntpath",
    "nturl2path",
    "numbers",
    "opcode",
    "operator",
    "optparse",
    "os",
    "pathlib",
    "pdb",
    "pickle",
    "pickletools",
    "pkgutil",
    "platform",
    "plistlib",
    "poplib",
    "posix",
    "posixpath",
    "pprint",
    "profile",
    "pstats",
    "pty",
    "pwd",
    "py_compile",
    "pyclbr",
    "pydoc",
    "pydoc_data",
    "pyexpat",
    "queue",
    "quopri",
    "random",
    "re",
    "readline",
    "reprlib",
    "resource",
    "rlcompleter",
    "runpy",
    "sched",
    "secrets",
    "select",
    "selectors",
    "shelve",
    "shlex",
    "shutil",
    "signal",
    "site",
    "smtplib",
    "socket",
    "socketserver",
    "sqlite3",
    "sre_compile",
    "sre_constants",
    "sre_parse",
    "ssl",
    "stat",
    "statistics",
    "string",
    "stringprep",
    "struct",
    "subprocess",
    "symtable",
    "sys",
    "sysconfig",
    "syslog",
    "tabnanny",
    "tarfile",
    "tempfile",
    "termios",
    "textwrap",
    "this",
    "threading",
    "time",
    "timeit",
    "tkinter",
    "token",
    "tokenize",
    "tomllib",
    "trace",
    "traceback",
    "tracemalloc",
    "tty",
    "turtle",
    "turtledemo",
    "types",
    "typing",
    "unicodedata",
    "unittest",
    "urllib",
    "uuid",
    "venv",
    "warnings",
    "wave",
    "weakref",
    "webbrowser",
    "winreg",
    "winsound",
    "wsgiref",
    "xml",
    "xmlrpc",
    "zipapp",
    "zipfile",
    "zipimport",
    "zlib",
    "zoneinfo",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn distances_match_cpython() {
        assert_eq!(levenshtein_distance(b"prnt", b"print", 100), 2);
        assert_eq!(levenshtein_distance(b"Print", b"print", 100), 1);
        assert_eq!(levenshtein_distance(b"abc", b"abc", 100), 0);
        assert_eq!(levenshtein_distance(b"abc", b"xyz", 1), 2);
    }

    #[test]
    fn suggestions() {
        let c = names(&["print", "len", "range", "sum"]);
        assert_eq!(calculate_suggestion(&c, "prnt").as_deref(), Some("print"));
        assert_eq!(calculate_suggestion(&c, "rnge").as_deref(), Some("range"));
        assert_eq!(calculate_suggestion(&c, "zzzzzz"), None);
        assert_eq!(calculate_suggestion(&c, "print"), None);
        let c = names(&["fooo", "foo_"]);
        assert_eq!(calculate_suggestion(&c, "foo").as_deref(), Some("fooo"));
        assert!(STDLIB_MODULE_NAMES.binary_search(&"sys").is_ok());
        assert!(STDLIB_MODULE_NAMES.windows(2).all(|w| w[0] < w[1]));
    }
}
