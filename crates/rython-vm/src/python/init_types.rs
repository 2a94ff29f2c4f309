//! Fills the slot tables and method dicts of every builtin type at start-up
//! (CPython's `_PyTypes_InitTypes`). Each type's file has an `init`.

use crate::objects;
use crate::VM;

pub fn init_all(vm: &VM) {
    crate::python::bootstrap_slots::init(vm);
    objects::baseobject::init(vm);
    objects::bytearrayobject::init(vm);
    objects::bytesobject::init(vm);
    objects::cellobject::init(vm);
    objects::classobject::init(vm);
    objects::codeobject::init(vm);
    objects::complexobject::init(vm);
    objects::descrobject::init(vm);
    objects::dictobject::init(vm);
    objects::exceptions::init(vm);
    objects::floatobject::init(vm);
    objects::frameobject::init(vm);
    objects::funcobject::init(vm);
    objects::genobject::init(vm);
    objects::iterobject::init(vm);
    objects::listobject::init(vm);
    objects::longobject::init(vm);
    objects::memoryobject::init(vm);
    objects::methodobject::init(vm);
    objects::moduleobject::init(vm);
    objects::noneobject::init(vm);
    objects::rangeobject::init(vm);
    objects::setobject::init(vm);
    objects::sliceobject::init(vm);
    objects::strobject::init(vm);
    objects::traceback::init(vm);
    objects::tupleobject::init(vm);
    objects::typeobject::init(vm);
    // Wrapper descriptors (`int.__add__`...) for every filled slot that has
    // no explicit method, after all slots are set.
    objects::typeobject::add_operators_all(vm);
    let t = &vm.types;
    for ty in [
        &t.int_type,
        &t.bool_type,
        &t.float_type,
        &t.complex_type,
        &t.str_type,
        &t.bytes_type,
        &t.range_iterator_type,
    ] {
        ty.payload
            .set_flag(crate::objects::typeobject::flags::LEAF, true);
    }
}
