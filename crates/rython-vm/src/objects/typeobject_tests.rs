//! Classes through the VM API: creation, MRO, slots, descriptors, super.

use crate::object::{PyObjectRef, PyRef, PyTypeRef};
use crate::objects::methodobject::{MethodKind, NativeFn, PyMethodDescr};
use crate::objects::strobject::PyStr;
use crate::objects::typeobject::{CompareOp, NumberOp, PyType};
use crate::{PyResult, VM};

fn vm() -> VM {
    VM::new(Default::default()).unwrap()
}

/// `type(name, bases, ns)`.
fn class(
    vm: &VM,
    name: &str,
    bases: &[&PyTypeRef],
    ns: &[(&str, PyObjectRef)],
) -> PyResult<PyTypeRef> {
    let d = vm.new_dict();
    for (k, v) in ns {
        d.payload.set_str(vm, k, v.clone());
    }
    let bases = vm.new_tuple_obj(bases.iter().map(|b| (*b).clone().into_object()).collect());
    let c = vm.call(
        vm.types.type_type.as_object(),
        &[vm.new_str_obj(name), bases, d.into_object()],
        None,
    )?;
    Ok(c.downcast::<PyType>().ok().expect("a class"))
}

/// A method (bound like a Python function) defined on `owner`.
fn method(vm: &VM, owner: &PyTypeRef, name: &'static str, f: NativeFn) -> PyObjectRef {
    PyRef::new_exact(
        PyMethodDescr {
            name,
            func: f,
            objclass: owner.clone(),
            kind: MethodKind::Instance,
            doc: None,
            slot: None,
        },
        vm.types.method_descriptor_type.clone(),
    )
    .into_object()
}

fn err(vm: &VM, r: PyResult) -> String {
    match r {
        Ok(v) => format!("OK {}", vm.repr_string(&v).unwrap_or_default()),
        Err(e) => {
            let args = e.payload.args.borrow().clone();
            let msg = args
                .payload
                .as_slice()
                .first()
                .and_then(|a| a.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()))
                .unwrap_or_default();
            format!("{}: {}", e.as_object().class().name_string(), msg)
        }
    }
}

fn repr(vm: &VM, o: &PyObjectRef) -> String {
    vm.repr_string(o).unwrap()
}

/// The text of a str object.
fn st(o: &PyObjectRef) -> String {
    o.downcast_ref::<PyStr>()
        .map(|s| s.as_str().to_string())
        .unwrap_or_else(|| "<not a str>".into())
}

/// Reprs of the items of a tuple or list, comma-separated (str/tuple reprs
/// belong to other files, so only our own objects' reprs are used).
fn reprs(vm: &VM, o: &PyObjectRef) -> String {
    vm.collect(o)
        .unwrap()
        .iter()
        .map(|x| repr(vm, x))
        .collect::<Vec<_>>()
        .join(", ")
}

fn s(vm: &VM, v: &str) -> PyObjectRef {
    vm.new_str_obj(v)
}

#[test]
fn create_class_and_repr() {
    let vm = vm();
    let c = class(&vm, "C", &[], &[("__module__", s(&vm, "mod"))]).unwrap();
    assert_eq!(repr(&vm, c.as_object()), "<class 'mod.C'>");
    let inst = vm.call0(c.as_object()).unwrap();
    assert!(repr(&vm, &inst).starts_with("<mod.C object at 0x"));
    assert_eq!(
        st(&vm.get_attr_str(c.as_object(), "__name__").unwrap()),
        "C"
    );
    assert_eq!(
        reprs(&vm, &vm.get_attr_str(c.as_object(), "__mro__").unwrap()),
        "<class 'mod.C'>, <class 'object'>"
    );
    assert_eq!(
        err(&vm, vm.get_attr_str(c.as_object(), "x")),
        "AttributeError: type object 'C' has no attribute 'x'"
    );
    assert_eq!(
        err(&vm, vm.call(c.as_object(), &[vm.new_int(1)], None)),
        "TypeError: C() takes no arguments"
    );
    assert_eq!(repr(&vm, vm.types.int_type.as_object()), "<class 'int'>");
    // type(x)
    let t = vm
        .call1(vm.types.type_type.as_object(), inst.clone())
        .unwrap();
    assert!(t.is(c.as_object()));
    assert_eq!(
        err(
            &vm,
            vm.call(vm.types.type_type.as_object(), &[inst.clone(), inst], None)
        ),
        "TypeError: type() takes 1 or 3 arguments"
    );
}
