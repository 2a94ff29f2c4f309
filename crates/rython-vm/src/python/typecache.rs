//! The method cache (CPython's `_PyType_Lookup` cache in typeobject.c): a
//! direct-mapped table from (type, attribute name) to the result of the MRO
//! walk. Entries hold strong references to their type and name, so an
//! address cannot be reused while cached; any change to any type's
//! namespace bumps a global epoch that invalidates every entry.

use std::cell::{Cell, RefCell};

use crate::object::{PyObjectRef, PyTypeRef};
use crate::objects::strobject::PyStrRef;
use crate::VM;

const SIZE: usize = 4096;

struct Entry {
    epoch: u64,
    ty: PyTypeRef,
    name: PyStrRef,
    value: Option<PyObjectRef>,
}

#[derive(Default)]
pub struct TypeCache {
    epoch: Cell<u64>,
    entries: RefCell<Vec<Option<Entry>>>,
}

impl TypeCache {
    /// Forgets every cached lookup (a type's dict or bases changed).
    pub fn invalidate(&self) {
        self.epoch.set(self.epoch.get() + 1);
    }
}

#[inline]
fn slot(ty: &PyTypeRef, name: &PyStrRef) -> usize {
    let a = ty.as_object().id() >> 4;
    let b = name.as_object().id() >> 4;
    (a ^ b.wrapping_mul(0x9E37_79B9)) & (SIZE - 1)
}

impl VM {
    /// `_PyType_Lookup` through the cache.
    #[inline]
    pub fn type_lookup(&self, ty: &PyTypeRef, name: &PyStrRef) -> Option<PyObjectRef> {
        let cache = &self.state.type_cache;
        let i = slot(ty, name);
        let epoch = cache.epoch.get();
        {
            let entries = cache.entries.borrow();
            if let Some(Some(e)) = entries.get(i) {
                if e.epoch == epoch
                    && e.ty.as_object().is(ty.as_object())
                    && e.name.as_object().is(name.as_object())
                {
                    return e.value.clone();
                }
            }
        }
        let value = ty.lookup(self, name);
        // The walk may have run no Python code, but stay safe if the epoch
        // moved meanwhile: only cache results computed in this epoch.
        if cache.epoch.get() == epoch {
            let mut entries = cache.entries.borrow_mut();
            if entries.is_empty() {
                entries.resize_with(SIZE, || None);
            }
            let old = entries[i].replace(Entry {
                epoch,
                ty: ty.clone(),
                name: name.clone(),
                value: value.clone(),
            });
            drop(entries);
            drop(old);
        }
        value
    }

    /// Call after mutating any type's namespace or bases.
    pub fn invalidate_type_cache(&self) {
        self.state.type_cache.invalidate();
    }
}
