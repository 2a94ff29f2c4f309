//! Module objects (CPython's Objects/moduleobject.c).

use crate::object::{PyPayload, PyRef, PyTypeRef};
use crate::objects::dictobject::PyDictRef;
use crate::VM;

pub type PyModuleRef = PyRef<PyModule>;

pub struct PyModule {
    pub dict: PyDictRef,
}

impl PyPayload for PyModule {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.module_type
    }
}

impl VM {
    /// A new module named `name` with `__name__`, `__doc__` etc. set.
    pub fn new_module(&self, name: &str, doc: Option<&str>) -> PyModuleRef {
        let dict = self.new_dict();
        dict.payload
            .set_str(self, "__name__", self.new_str_obj(name));
        dict.payload.set_str(
            self,
            "__doc__",
            doc.map(|d| self.new_str_obj(d))
                .unwrap_or_else(|| self.none()),
        );
        dict.payload.set_str(self, "__package__", self.none());
        dict.payload.set_str(self, "__loader__", self.none());
        dict.payload.set_str(self, "__spec__", self.none());
        PyRef::new_exact(PyModule { dict }, self.types.module_type.clone())
    }
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let _ = vm;
}
