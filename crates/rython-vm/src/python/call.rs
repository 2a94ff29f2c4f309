//! Calling Python functions (CPython's `_PyEval_MakeFrameVector` /
//! `initialize_locals` in Python/ceval.c): binding arguments to the fast
//! locals of a new frame, with CPython's exact `TypeError` messages.

use crate::object::{PyObjectRef, PyRef};
use crate::objects::funcobject::{PyFunction, PyFunctionRef};
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::PyTupleRef;
use crate::python::frame::Frame;
use crate::{PyResult, VM};
use rython_compiler::code::flags as co;

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// "'a', 'b' and 'c'".
fn name_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

/// Builds the frame for calling `func` with vectorcall-style arguments.
pub fn make_frame(
    vm: &VM,
    func: &PyFunctionRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult<Box<Frame>> {
    let code = func.payload.code.clone();
    let c = &code.payload.code;
    let mut frame = Frame::new(
        code.clone(),
        Some(func.clone()),
        func.payload.globals.clone(),
        func.payload.builtins.clone(),
        None,
    );
    let argcount = c.argcount as usize;
    let kwonly = c.kwonlyargcount as usize;
    let nkw = kwnames.map(|k| k.payload.len()).unwrap_or(0);
    let npos = args.len() - nkw;
    let has_varargs = c.flags & co::VARARGS != 0;
    let has_varkw = c.flags & co::VARKEYWORDS != 0;
    let total_args = argcount + kwonly;
    let locals = &mut frame.values;

    // Fast path: exact positional call, no defaults needed.
    if nkw == 0 && npos == argcount && kwonly == 0 && !has_varargs && !has_varkw {
        for (slot, a) in locals.iter_mut().zip(args) {
            *slot = Some(a.clone());
        }
        return finish_cells(vm, func, frame);
    }

    let fname = || func.payload.qualname.borrow().payload.as_str().to_string();
    let kwdict = if has_varkw { Some(vm.new_dict()) } else { None };
    let n = npos.min(argcount);
    for i in 0..n {
        locals[i] = Some(args[i].clone());
    }
    if has_varargs {
        let extra = if npos > argcount {
            args[argcount..npos].to_vec()
        } else {
            Vec::new()
        };
        locals[total_args] = Some(vm.new_tuple(extra).into_object());
    }
    if let Some(d) = &kwdict {
        let idx = total_args + has_varargs as usize;
        locals[idx] = Some(d.clone().into_object());
    }
    // Keyword arguments.
    if let Some(kw) = kwnames {
        let posonly = c.posonlyargcount as usize;
        let mut posonly_as_kw: Vec<String> = Vec::new();
        for (k, v) in kw.payload.as_slice().iter().zip(&args[npos..]) {
            let key = k.downcast_ref::<PyStr>().map(|s| s.as_str()).unwrap_or("");
            let names = &code.payload.localsplusnames;
            let found = (posonly..total_args).find(|&i| names[i].payload.as_str() == key);
            match found {
                Some(i) => {
                    if locals[i].is_some() {
                        return Err(vm.new_type_error(format!(
                            "{}() got multiple values for argument '{}'",
                            fname(),
                            key
                        )));
                    }
                    locals[i] = Some(v.clone());
                }
                None => {
                    if let Some(d) = &kwdict {
                        d.payload.set_item(vm, k.clone(), v.clone())?;
                    } else if (0..posonly).any(|i| names[i].payload.as_str() == key) {
                        posonly_as_kw.push(key.to_string());
                    } else {
                        let candidates: Vec<&str> = names[posonly..total_args]
                            .iter()
                            .map(|n| n.payload.as_str())
                            .collect();
                        return Err(vm.new_type_error(
                            crate::python::suggestions::unexpected_keyword(
                                &fname(),
                                key,
                                &candidates,
                            ),
                        ));
                    }
                }
            }
        }
        if !posonly_as_kw.is_empty() {
            let names: Vec<&str> = posonly_as_kw.iter().map(|s| s.as_str()).collect();
            return Err(vm.new_type_error(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                fname(),
                names.join(", ")
            )));
        }
    }
    if npos > argcount && !has_varargs {
        return Err(too_many_positional(vm, func, npos, locals));
    }
    // Defaults for missing positional arguments.
    let defaults = func.payload.defaults.borrow().clone();
    let ndefaults = defaults.as_ref().map(|d| d.payload.len()).unwrap_or(0);
    if npos < argcount {
        let mut missing = Vec::new();
        for i in npos..argcount {
            if locals[i].is_none() {
                // Defaults fill the last parameters; `__defaults__` may be
                // longer than the parameter list.
                if i + ndefaults >= argcount {
                    let d = defaults.as_ref().expect("defaults present");
                    locals[i] = Some(d.payload.as_slice()[i + ndefaults - argcount].clone());
                } else {
                    missing.push(code.payload.localsplusnames[i].payload.as_str().to_string());
                }
            }
        }
        if !missing.is_empty() {
            let names: Vec<&str> = missing.iter().map(|s| s.as_str()).collect();
            return Err(vm.new_type_error(format!(
                "{}() missing {} required positional argument{}: {}",
                fname(),
                names.len(),
                if names.len() == 1 { "" } else { "s" },
                name_list(&names)
            )));
        }
    }
    if kwonly > 0 {
        let kwdefaults = func.payload.kwdefaults.borrow().clone();
        let mut missing = Vec::new();
        for i in argcount..total_args {
            if locals[i].is_some() {
                continue;
            }
            let name = &code.payload.localsplusnames[i];
            if let Some(kd) = &kwdefaults {
                if let Some(v) = kd.payload.get_item(vm, name.as_object())? {
                    locals[i] = Some(v);
                    continue;
                }
            }
            missing.push(name.payload.as_str().to_string());
        }
        if !missing.is_empty() {
            let names: Vec<&str> = missing.iter().map(|s| s.as_str()).collect();
            return Err(vm.new_type_error(format!(
                "{}() missing {} required keyword-only argument{}: {}",
                fname(),
                names.len(),
                if names.len() == 1 { "" } else { "s" },
                name_list(&names)
            )));
        }
    }
    finish_cells(vm, func, frame)
}

fn too_many_positional(
    vm: &VM,
    func: &PyRef<PyFunction>,
    given: usize,
    locals: &[Option<PyObjectRef>],
) -> crate::PyBaseExceptionRef {
    let code = &func.payload.code.payload.code;
    let argcount = code.argcount as usize;
    let kwonly = code.kwonlyargcount as usize;
    let ndefaults = func
        .payload
        .defaults
        .borrow()
        .as_ref()
        .map(|d| d.payload.len())
        .unwrap_or(0);
    let kwonly_given = (argcount..argcount + kwonly)
        .filter(|&i| locals[i].is_some())
        .count();
    let takes = if ndefaults > 0 {
        format!(
            "from {} to {} positional arguments",
            argcount as isize - ndefaults as isize,
            argcount
        )
    } else {
        plural(argcount, "positional argument")
    };
    let was = if given == 1 && kwonly_given == 0 {
        "was"
    } else {
        "were"
    };
    let kw_part = if kwonly_given > 0 {
        format!(
            " positional argument{} (and {} keyword-only argument{})",
            if given == 1 { "" } else { "s" },
            kwonly_given,
            if kwonly_given == 1 { "" } else { "s" }
        )
    } else {
        String::new()
    };
    vm.new_type_error(format!(
        "{}() takes {} but {}{} {} given",
        func.payload.qualname.borrow().payload.as_str(),
        takes,
        given,
        kw_part,
        was
    ))
}

/// Free variables are copied in by `COPY_FREE_VARS` and cells made by
/// `MAKE_CELL`, both at the start of the code, as in CPython 3.11+.
fn finish_cells(_vm: &VM, _func: &PyFunctionRef, frame: Box<Frame>) -> PyResult<Box<Frame>> {
    Ok(frame)
}
