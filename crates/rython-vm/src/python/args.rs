//! Argument parsing for native functions (CPython's Python/getargs.c and
//! Argument Clinic's generated parsers).

use crate::object::PyObjectRef;
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::PyTupleRef;
use crate::{PyResult, VM};

/// Binds `args`/`kwnames` to the parameters `names`: the first `posonly`
/// are positional-only, the first `required` must be given. Returns one
/// slot per name.
pub fn bind<const N: usize>(
    vm: &VM,
    fname: &str,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
    names: [&str; N],
    required: usize,
    posonly: usize,
) -> PyResult<[Option<PyObjectRef>; N]> {
    bind_ex(vm, fname, args, kwnames, names, required, posonly, N)
}

/// `bind` for functions whose last `N - maxpos` parameters are
/// keyword-only (Argument Clinic's `*`): the count checks and messages of
/// `_PyArg_UnpackKeywords`.
#[allow(clippy::too_many_arguments)]
pub fn bind_ex<const N: usize>(
    vm: &VM,
    fname: &str,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
    names: [&str; N],
    required: usize,
    posonly: usize,
    maxpos: usize,
) -> PyResult<[Option<PyObjectRef>; N]> {
    let nkw = kwnames.map(|k| k.payload.len()).unwrap_or(0);
    let npos = args.len() - nkw;
    let mut out: [Option<PyObjectRef>; N] = std::array::from_fn(|_| None);
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if posonly < N {
        // Keywords allowed: `_PyArg_UnpackKeywords` counts before it looks
        // at the names.
        if npos + nkw > N {
            return Err(vm.new_type_error(format!(
                "{fname}() takes at most {N} {}argument{} ({} given)",
                if npos == 0 { "keyword " } else { "" },
                plural(N),
                npos + nkw
            )));
        }
        if npos > maxpos {
            return Err(vm.new_type_error(if maxpos == 0 {
                format!("{fname}() takes no positional arguments")
            } else {
                format!(
                    "{fname}() takes {} {maxpos} positional argument{} ({npos} given)",
                    if required.min(maxpos) < maxpos {
                        "at most"
                    } else {
                        "exactly"
                    },
                    plural(maxpos)
                )
            }));
        }
        let minposonly = posonly.min(required);
        if npos < minposonly {
            return Err(vm.new_type_error(format!(
                "{fname}() takes {} {minposonly} positional argument{} ({npos} given)",
                if required.min(maxpos) < maxpos {
                    "at least"
                } else {
                    "exactly"
                },
                plural(minposonly)
            )));
        }
    }
    if npos > N {
        return Err(if N == 0 {
            vm.new_type_error(format!("{fname}() takes no arguments ({npos} given)"))
        } else if required == N {
            vm.new_type_error(format!(
                "{fname}() takes exactly {N} argument{} ({npos} given)",
                if N == 1 { "" } else { "s" }
            ))
        } else {
            vm.new_type_error(format!(
                "{fname}() takes at most {N} argument{} ({npos} given)",
                if N == 1 { "" } else { "s" }
            ))
        });
    }
    // Missing positional-only arguments are reported before any keyword
    // (`_PyArg_UnpackKeywords` checks the positional count first).
    if npos < required.min(posonly) && nkw > 0 {
        let s = if required == 1 { "" } else { "s" };
        return Err(vm.new_type_error(format!(
            "{fname}() takes at least {required} positional argument{s} ({npos} given)"
        )));
    }
    for (i, a) in args[..npos].iter().enumerate() {
        out[i] = Some(a.clone());
    }
    if let Some(kw) = kwnames {
        for (k, v) in kw.payload.as_slice().iter().zip(&args[npos..]) {
            let key = k.downcast_ref::<PyStr>().map(|s| s.as_str()).unwrap_or("");
            match names.iter().position(|n| *n == key) {
                Some(i) if i >= posonly => {
                    if out[i].is_some() {
                        return Err(vm.new_type_error(format!(
                            "argument for {fname}() given by name ('{key}') and position ({})",
                            i + 1
                        )));
                    }
                    out[i] = Some(v.clone());
                }
                _ => {
                    if posonly >= N {
                        return Err(
                            vm.new_type_error(format!("{fname}() takes no keyword arguments"))
                        );
                    }
                    return Err(
                        vm.new_type_error(crate::python::suggestions::unexpected_keyword(
                            fname,
                            key,
                            &names[posonly..],
                        )),
                    );
                }
            }
        }
    }
    for (i, slot) in out.iter().enumerate().take(required) {
        if slot.is_none() {
            if i < posonly {
                let s = if required == 1 { "" } else { "s" };
                return Err(vm.new_type_error(format!(
                    "{fname}() takes at least {required} positional argument{s} ({npos} given)"
                )));
            }
            return Err(vm.new_type_error(format!(
                "{fname}() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            )));
        }
    }
    Ok(out)
}

/// For functions that take only positional arguments: checks the count.
pub fn positional<'a>(
    vm: &VM,
    fname: &str,
    args: &'a [PyObjectRef],
    kwnames: Option<&PyTupleRef>,
    min: usize,
    max: usize,
) -> PyResult<&'a [PyObjectRef]> {
    if kwnames.is_some_and(|k| !k.payload.is_empty()) {
        return Err(vm.new_type_error(format!("{fname}() takes no keyword arguments")));
    }
    let n = args.len();
    if n < min || n > max {
        let msg = if min == max {
            if min == 0 {
                format!("{fname}() takes no arguments ({n} given)")
            } else if min == 1 {
                format!("{fname}() takes exactly one argument ({n} given)")
            } else {
                format!("{fname} expected {min} arguments, got {n}")
            }
        } else if n < min {
            format!(
                "{fname} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{fname} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        };
        return Err(vm.new_type_error(msg));
    }
    Ok(args)
}

/// How an argument's type is named in "argument ... must be X, not Y"
/// errors: `None` for None itself, as CPython's `_PyArg_BadArgument` says.
pub fn arg_type_name(o: &crate::object::PyObjectRef) -> String {
    if o.payload_is::<crate::objects::noneobject::PyNone>() {
        "None".to_string()
    } else {
        o.class().name_string()
    }
}
