//! The `dis` module (CPython's Lib/dis.py): disassembly of code objects,
//! using the compiler's listing formatter, plus the opcode tables
//! (`opname`, `opmap`, `HAVE_ARGUMENT`).

use rython_compiler::{CodeObject, ConstValue, Opcode};

use crate::object::PyObjectRef;
use crate::objects::codeobject::PyCode;
use crate::objects::tupleobject::PyTupleRef;
use crate::python::args;
use crate::{PyResult, VM};

/// The compiler-level code object of `code`, with nested code constants
/// restored from the Python-level constants (they are moved out when a code
/// object is created).
fn compiled_of(code: &PyCode) -> CodeObject {
    let mut c = code.code.clone();
    for (slot, obj) in c.consts.iter_mut().zip(code.consts.iter()) {
        if let Some(inner) = obj.downcast_ref::<PyCode>() {
            *slot = ConstValue::Code(Box::new(compiled_of(inner)));
        }
    }
    c
}

/// The code object behind a function, method, class body or code object.
fn code_of(vm: &VM, x: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    if x.payload_is::<PyCode>() {
        return Ok(Some(x.clone()));
    }
    for attr in ["__func__", "__code__", "gi_code", "cr_code", "ag_code"] {
        if let Some(v) = vm.get_attr_opt_str(x, attr)? {
            return code_of(vm, &v);
        }
    }
    Ok(None)
}

fn write_out(vm: &VM, text: &str, file: Option<PyObjectRef>) -> PyResult<()> {
    let out = match file {
        Some(f) if !vm.is_none(&f) => f,
        _ => vm.sys_attr("stdout")?,
    };
    vm.call_method(&out, "write", &[vm.new_str_obj(text)])?;
    Ok(())
}

fn dis_dis(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let [x, file] = args::bind(vm, "dis", a, k, ["x", "file"], 0, 1)?;
    let Some(x) = x else {
        return Err(vm.new_runtime_error("no last traceback to disassemble"));
    };
    if let Some(s) = x.downcast_ref::<crate::objects::strobject::PyStr>() {
        let code = vm.compile_str(s.as_str(), "<dis>", rython_compiler::Mode::Exec)?;
        write_out(
            vm,
            &rython_compiler::disassemble(&compiled_of(&code.payload)),
            file,
        )?;
        return Ok(vm.none());
    }
    match code_of(vm, &x)? {
        Some(c) => {
            let code = c.downcast_ref::<PyCode>().expect("code object");
            write_out(vm, &rython_compiler::disassemble(&compiled_of(code)), file)?;
            Ok(vm.none())
        }
        None => Err(vm.new_type_error(format!(
            "don't know how to disassemble {} objects",
            x.class().name_string()
        ))),
    }
}

fn dis_code_text(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "_disassemble_str", a, k, 1, 1)?;
    match code_of(vm, &a[0])? {
        Some(c) => {
            let code = c.downcast_ref::<PyCode>().expect("code object");
            Ok(vm.new_str_obj(rython_compiler::disassemble(&compiled_of(code))))
        }
        None => Err(vm.new_type_error(format!(
            "don't know how to disassemble {} objects",
            a[0].class().name_string()
        ))),
    }
}

pub fn make_module(vm: &VM) -> PyResult<PyObjectRef> {
    let m = vm.new_module(
        "dis",
        Some("Disassembler of Python byte code into mnemonics."),
    );
    let d = &m.payload.dict.payload;
    let mo = m.clone().into_object();
    vm.add_function(d, &mo, "dis", dis_dis);
    vm.add_function(d, &mo, "_disassemble_str", dis_code_text);
    let mut opname: Vec<PyObjectRef> = Vec::with_capacity(256);
    let opmap = vm.new_dict();
    for b in 0..=255u8 {
        match Opcode::from_u8(b) {
            Some(op) => {
                opname.push(vm.new_str_obj(op.name()));
                opmap.payload.set_str(vm, op.name(), vm.new_int(b as i64));
            }
            None => opname.push(vm.new_str_obj(format!("<{b}>"))),
        }
    }
    d.set_str(vm, "opname", vm.new_list(opname).into_object());
    d.set_str(vm, "opmap", opmap.into_object());
    d.set_str(
        vm,
        "HAVE_ARGUMENT",
        vm.new_int(rython_compiler::opcode::HAVE_ARGUMENT as i64),
    );
    Ok(mo)
}
