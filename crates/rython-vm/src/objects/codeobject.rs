//! Code objects (CPython's Objects/codeobject.c): the compiler's
//! `CodeObject` with its constants and names turned into Python objects.

use rython_compiler::{CodeObject, ConstValue};
use rython_parser::ast::Constant;

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::strobject::PyStr;
use crate::objects::strobject::PyStrRef;
use crate::VM;

pub type PyCodeRef = PyRef<PyCode>;

/// Where `LOAD_GLOBAL` found a name last time (CPython's
/// `LOAD_GLOBAL_MODULE`/`LOAD_GLOBAL_BUILTIN` specialisations): valid while
/// the dicts' key layouts (`PyDict::version`) are unchanged.
#[derive(Clone)]
pub struct GlobalCacheEntry {
    pub globals: crate::objects::dictobject::PyDictRef,
    pub globals_version: u64,
    /// `Some((builtins version, index))` when found in builtins.
    pub builtins: Option<(u64, usize)>,
    pub index: usize,
}

pub struct PyCode {
    pub code: CodeObject,
    /// One slot per `co_names` entry.
    pub global_cache: std::cell::RefCell<Vec<Option<GlobalCacheEntry>>>,
    /// One slot per code unit, for `LOAD_ATTR`/`STORE_ATTR` (see
    /// `python::ceval_attr`).
    pub attr_cache: crate::python::ceval_attr::AttrCache,
    pub consts: Box<[PyObjectRef]>,
    /// `co_names`, interned.
    pub names: Box<[PyStrRef]>,
    /// `co_localsplusnames`, interned.
    pub localsplusnames: Box<[PyStrRef]>,
    pub filename: PyStrRef,
    pub name: PyStrRef,
    pub qualname: PyStrRef,
}

impl PyPayload for PyCode {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.code_type
    }
}

impl PyCode {
    #[inline]
    pub fn nlocalsplus(&self) -> usize {
        self.localsplusnames.len()
    }

    #[inline]
    pub fn flags(&self) -> u32 {
        self.code.flags
    }

    /// The line of the instruction at code-unit index `i`, if it has one.
    pub fn line_at(&self, i: usize) -> Option<u32> {
        match self.code.positions.get(i) {
            Some(p) if p.lineno > 0 => Some(p.lineno),
            _ => None,
        }
    }
}

/// Fills the slots and methods of this file's type(s).
/// Turns a literal constant into its object.
pub fn constant_to_object(vm: &VM, c: &Constant) -> PyObjectRef {
    match c {
        Constant::None => vm.none(),
        Constant::Bool(b) => vm.new_bool(*b),
        Constant::Int(i) => vm.new_bigint(i.clone()),
        Constant::Float(f) => vm.new_float(*f),
        Constant::Complex { real, imag } => vm.new_complex(*real, *imag),
        Constant::Str(s) => {
            // Identifier-like constants are interned, as CPython does.
            if s.len() <= 40 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                vm.intern(s).into_object()
            } else {
                vm.new_str_obj(s.as_str())
            }
        }
        Constant::Bytes(b) => vm.new_bytes(b.clone()),
        Constant::Tuple(items) => vm
            .new_tuple(items.iter().map(|c| constant_to_object(vm, c)).collect())
            .into_object(),
        Constant::FrozenSet(items) => {
            let items = items.iter().map(|c| constant_to_object(vm, c)).collect();
            // Constants hash without running Python code, so this cannot fail.
            match crate::objects::setobject::new_frozenset(vm, items) {
                Ok(s) => s.into_object(),
                Err(_) => vm.none(),
            }
        }
        Constant::Ellipsis => vm.ctx.ellipsis.clone(),
    }
}

/// Wraps a compiled code object (and its nested ones) as Python objects.
pub fn from_compiled(vm: &VM, mut code: CodeObject) -> PyCodeRef {
    // Nested code objects are moved out (not cloned): cloning them at every
    // level would make deeply nested functions quadratic.
    let consts: Box<[PyObjectRef]> = code
        .consts
        .iter_mut()
        .map(|c| match c {
            ConstValue::Literal(l) => constant_to_object(vm, l),
            ConstValue::Code(_) => {
                let taken = std::mem::replace(c, ConstValue::Literal(Constant::None));
                match taken {
                    ConstValue::Code(inner) => from_compiled(vm, *inner).into_object(),
                    ConstValue::Literal(_) => vm.none(),
                }
            }
        })
        .collect();
    let names = code.names.iter().map(|n| vm.intern(n)).collect();
    let localsplusnames = code.localsplusnames.iter().map(|n| vm.intern(n)).collect();
    new_code(vm, code, consts, names, localsplusnames)
}

/// The code object for `code` with its constants and interned names.
fn new_code(
    vm: &VM,
    code: CodeObject,
    consts: Box<[PyObjectRef]>,
    names: Box<[PyStrRef]>,
    localsplusnames: Box<[PyStrRef]>,
) -> PyCodeRef {
    let filename = vm.intern(&code.filename);
    let name = vm.intern(&code.name);
    let qualname = vm.intern(&code.qualname);
    PyRef::new_exact(
        PyCode {
            code,
            global_cache: std::cell::RefCell::new(Vec::new()),
            attr_cache: std::cell::RefCell::new(Vec::new()),
            consts,
            names,
            localsplusnames,
            filename,
            name,
            qualname,
        },
        vm.types.code_type.clone(),
    )
}

fn as_code<'a>(vm: &VM, obj: &'a PyObjectRef) -> crate::PyResult<&'a PyCode> {
    obj.downcast_ref::<PyCode>()
        .ok_or_else(|| vm.new_type_error("expected a code object"))
}

fn strs(vm: &VM, v: Vec<&str>) -> PyObjectRef {
    vm.new_tuple(v.into_iter().map(|s| vm.intern(s).into_object()).collect())
        .into_object()
}

macro_rules! getter {
    ($name:ident, |$vm:ident, $c:ident| $body:expr) => {
        fn $name($vm: &VM, obj: &PyObjectRef) -> crate::PyResult {
            let $c = as_code($vm, obj)?;
            Ok($body)
        }
    };
}

getter!(co_code, |vm, c| vm.new_bytes(c.code.code.clone()));
getter!(co_consts, |vm, c| vm
    .new_tuple(c.consts.to_vec())
    .into_object());
getter!(co_names, |vm, c| vm
    .new_tuple(c.names.iter().map(|n| n.clone().into_object()).collect())
    .into_object());
getter!(co_varnames, |vm, c| strs(vm, c.code.varnames()));
getter!(co_cellvars, |vm, c| strs(vm, c.code.cellvars()));
getter!(co_freevars, |vm, c| strs(vm, c.code.freevars()));
getter!(co_argcount, |vm, c| vm.new_int(c.code.argcount as i64));
getter!(co_posonlyargcount, |vm, c| vm
    .new_int(c.code.posonlyargcount as i64));
getter!(co_kwonlyargcount, |vm, c| vm
    .new_int(c.code.kwonlyargcount as i64));
getter!(co_nlocals, |vm, c| vm
    .new_int(c.code.varnames().len() as i64));
getter!(co_stacksize, |vm, c| vm.new_int(c.code.stacksize as i64));
getter!(co_flags, |vm, c| vm.new_int(c.code.flags as i64));
getter!(co_filename, |_vm, c| c.filename.clone().into_object());
getter!(co_name, |_vm, c| c.name.clone().into_object());
getter!(co_qualname, |_vm, c| c.qualname.clone().into_object());
getter!(co_firstlineno, |vm, c| vm
    .new_int(c.code.firstlineno as i64));

fn co_positions(
    vm: &VM,
    args: &[PyObjectRef],
    _kw: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> crate::PyResult {
    let c = as_code(vm, &args[0])?;
    let opt = |v: u32, present: bool| {
        if present {
            vm.new_int(v as i64)
        } else {
            vm.none()
        }
    };
    let items: Vec<PyObjectRef> = c
        .code
        .positions
        .iter()
        .map(|p| {
            let has = p.lineno > 0;
            vm.new_tuple(vec![
                opt(p.lineno, has),
                opt(p.end_lineno, has),
                opt(p.col, has),
                opt(p.end_col, has),
            ])
            .into_object()
        })
        .collect();
    let list = vm.new_list(items).into_object();
    vm.get_iter(&list)
}

fn co_lines(
    vm: &VM,
    args: &[PyObjectRef],
    _kw: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> crate::PyResult {
    let c = as_code(vm, &args[0])?;
    let mut items: Vec<PyObjectRef> = Vec::new();
    let mut start = 0usize;
    let n = c.code.positions.len();
    while start < n {
        let line = c.code.positions[start].lineno;
        let mut end = start + 1;
        while end < n && c.code.positions[end].lineno == line {
            end += 1;
        }
        let l = if line > 0 {
            vm.new_int(line as i64)
        } else {
            vm.none()
        };
        items.push(
            vm.new_tuple(vec![
                vm.new_int(2 * start as i64),
                vm.new_int(2 * end as i64),
                l,
            ])
            .into_object(),
        );
        start = end;
    }
    let list = vm.new_list(items).into_object();
    vm.get_iter(&list)
}

fn code_repr(vm: &VM, obj: &PyObjectRef) -> crate::PyResult {
    let c = as_code(vm, obj)?;
    Ok(vm.new_str_obj(format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        c.name.payload.as_str(),
        obj.id(),
        c.filename.payload.as_str(),
        c.code.firstlineno
    )))
}

/// `code.replace(**changes)` (also `copy.replace` through `__replace__`):
/// a new code object with some fields changed.
fn code_replace(
    vm: &VM,
    args: &[PyObjectRef],
    kw: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> crate::PyResult {
    let Some(zelf) = args.first() else {
        return Err(vm.new_type_error("replace() needs a code object"));
    };
    let c = as_code(vm, zelf)?;
    let nkw = kw.map(|k| k.payload.len()).unwrap_or(0);
    if args.len() - nkw > 1 {
        return Err(vm.new_type_error(format!(
            "replace() takes exactly 1 positional argument ({} given)",
            args.len() - nkw
        )));
    }
    let mut code = c.code.clone();
    let mut consts = c.consts.clone();
    let mut names = c.names.clone();
    let int = |v: &PyObjectRef, what: &str| -> crate::PyResult<u32> {
        let i = vm.to_index(v).map_err(|_| {
            vm.new_type_error(format!(
                "replace() argument '{what}' must be int, not {}",
                crate::python::args::arg_type_name(&v)
            ))
        })?;
        let n = vm.to_isize(&i, "")?;
        u32::try_from(n)
            .map_err(|_| vm.new_value_error(format!("{what} must be a positive integer")))
    };
    let string = |v: &PyObjectRef, what: &str| -> crate::PyResult<String> {
        v.downcast_ref::<PyStr>()
            .map(|s| s.as_str().to_string())
            .ok_or_else(|| {
                vm.new_type_error(format!(
                    "replace() argument '{what}' must be str, not {}",
                    crate::python::args::arg_type_name(&v)
                ))
            })
    };
    let tuple = |v: &PyObjectRef, what: &str| -> crate::PyResult<Vec<PyObjectRef>> {
        v.downcast_ref::<crate::objects::tupleobject::PyTuple>()
            .map(|t| t.as_slice().to_vec())
            .ok_or_else(|| {
                vm.new_type_error(format!(
                    "replace() argument '{what}' must be tuple, not {}",
                    crate::python::args::arg_type_name(&v)
                ))
            })
    };
    let keys = kw
        .map(|k| k.payload.as_slice().to_vec())
        .unwrap_or_default();
    for (k, v) in keys.iter().zip(&args[args.len() - nkw..]) {
        let key = k.downcast_ref::<PyStr>().map(|s| s.as_str()).unwrap_or("");
        match key {
            "co_flags" => code.flags = int(v, key)?,
            "co_argcount" => code.argcount = int(v, key)?,
            "co_posonlyargcount" => code.posonlyargcount = int(v, key)?,
            "co_kwonlyargcount" => code.kwonlyargcount = int(v, key)?,
            "co_stacksize" => code.stacksize = int(v, key)?,
            "co_firstlineno" => code.firstlineno = int(v, key)?,
            "co_name" => code.name = string(v, key)?,
            "co_qualname" => code.qualname = string(v, key)?,
            "co_filename" => code.filename = string(v, key)?,
            "co_consts" => consts = tuple(v, key)?.into(),
            "co_names" => {
                let items = tuple(v, key)?;
                let mut out = Vec::new();
                for n in &items {
                    out.push(vm.intern(&string(n, key)?));
                }
                names = out.into();
                code.names = names
                    .iter()
                    .map(|n| n.payload.as_str().to_string())
                    .collect();
            }
            "co_code" => {
                let b = crate::objects::bytes_methods::buffer_bytes(vm, v)?.ok_or_else(|| {
                    vm.new_type_error(format!(
                        "replace() argument 'co_code' must be bytes, not {}",
                        crate::python::args::arg_type_name(&v)
                    ))
                })?;
                // Bytecode is trusted by the eval loop (operand indices,
                // jump targets), so only the same bytes are accepted.
                if b != code.code {
                    return Err(vm.new_value_error("replace(): changing co_code is not supported"));
                }
            }
            "co_varnames" | "co_freevars" | "co_cellvars" | "co_nlocals" | "co_linetable"
            | "co_exceptiontable" => {
                return Err(
                    vm.new_value_error(format!("replace(): changing {key} is not supported"))
                )
            }
            _ => {
                return Err(vm.new_type_error(format!(
                    "replace() got an unexpected keyword argument '{key}'"
                )))
            }
        }
    }
    // The bytecode indexes constants, names and fast locals without
    // checks, and the frame layout follows the argument counts and these
    // flags: changes that would break them are refused, not run.
    use rython_compiler::code::flags as co;
    let layout_flags = co::OPTIMIZED
        | co::NEWLOCALS
        | co::VARARGS
        | co::VARKEYWORDS
        | co::GENERATOR
        | co::COROUTINE
        | co::ASYNC_GENERATOR;
    let refused = if consts.len() < c.consts.len() {
        Some("a shorter co_consts (the bytecode indexes it)")
    } else if names.len() < c.names.len() {
        Some("a shorter co_names (the bytecode indexes it)")
    } else if (code.argcount, code.posonlyargcount, code.kwonlyargcount)
        != (
            c.code.argcount,
            c.code.posonlyargcount,
            c.code.kwonlyargcount,
        )
    {
        Some("changing the argument counts")
    } else if (code.flags ^ c.code.flags) & layout_flags != 0 {
        Some("changing the frame flags of co_flags")
    } else {
        None
    };
    if let Some(what) = refused {
        return Err(vm.new_value_error(format!("replace(): {what} is not supported")));
    }
    Ok(new_code(vm, code, consts, names, c.localsplusnames.clone()).into_object())
}

pub(crate) fn init(vm: &VM) {
    let t = &vm.types.code_type;
    vm.add_method(t, "replace", code_replace);
    vm.add_method(t, "__replace__", code_replace);
    t.payload.slots.repr.set(Some(code_repr));
    vm.add_getset(t, "co_code", co_code, None);
    vm.add_getset(t, "co_consts", co_consts, None);
    vm.add_getset(t, "co_names", co_names, None);
    vm.add_getset(t, "co_varnames", co_varnames, None);
    vm.add_getset(t, "co_cellvars", co_cellvars, None);
    vm.add_getset(t, "co_freevars", co_freevars, None);
    vm.add_getset(t, "co_argcount", co_argcount, None);
    vm.add_getset(t, "co_posonlyargcount", co_posonlyargcount, None);
    vm.add_getset(t, "co_kwonlyargcount", co_kwonlyargcount, None);
    vm.add_getset(t, "co_nlocals", co_nlocals, None);
    vm.add_getset(t, "co_stacksize", co_stacksize, None);
    vm.add_getset(t, "co_flags", co_flags, None);
    vm.add_getset(t, "co_filename", co_filename, None);
    vm.add_getset(t, "co_name", co_name, None);
    vm.add_getset(t, "co_qualname", co_qualname, None);
    vm.add_getset(t, "co_firstlineno", co_firstlineno, None);
    vm.add_method(t, "co_positions", co_positions);
    vm.add_method(t, "co_lines", co_lines);
}
