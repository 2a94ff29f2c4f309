//! Instance attributes stored as inline values (CPython 3.11+'s "managed
//! dict" with shared keys, `Objects/dictobject.c` split tables).
//!
//! A class keeps one append-only list of attribute names (`shared_keys`),
//! and each instance keeps only a vector of values in that order, so
//! 100,000 points with `x`, `y`, `z` cost three pointers each instead of a
//! dict apiece. The instance turns into an ordinary dict the first time
//! something needs one (`__dict__`, `vars()`, pickling, `__class__`
//! assignment), when attributes are added out of the keys' order (a dict
//! must list them in insertion order), or past `MAX_SHARED_KEYS` names.

use crate::object::{InstanceExt, PyObjectRef, PyTypeRef};
use crate::objects::dictobject::PyDict;
use crate::objects::strobject::PyStrRef;
use crate::{PyResult, VM};

/// Names a class may share before new names make instances use a dict
/// (CPython's SHARED_KEYS_MAX_SIZE).
const MAX_SHARED_KEYS: usize = 30;

/// Where an instance's attributes live.
pub enum InstDict {
    /// Values in the order of the class's `shared_keys`; `None` is absent.
    Values(Vec<Option<PyObjectRef>>),
    /// A real dict object.
    Dict(PyObjectRef),
}

impl Default for InstDict {
    fn default() -> Self {
        InstDict::Values(Vec::new())
    }
}

/// A class's shared attribute names, with their hashes for a quick scan.
#[derive(Default)]
pub struct SharedKeys {
    keys: Vec<(i64, PyStrRef)>,
}

impl SharedKeys {
    /// The position of `name`, comparing hashes first.
    #[inline]
    pub fn index_of(&self, vm: &VM, name: &PyStrRef) -> Option<usize> {
        let h = name.payload.hash_value(vm);
        self.keys.iter().position(|(kh, k)| {
            *kh == h
                && (k.as_object().is(name.as_object())
                    || k.payload.as_str() == name.payload.as_str())
        })
    }

    /// Number of names shared so far (they are never removed).
    #[inline]
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Whether entry `i` is `name` itself (the attribute caches' hint).
    #[inline]
    pub fn is_at(&self, i: usize, name: &PyStrRef) -> bool {
        self.keys
            .get(i)
            .is_some_and(|(_, k)| k.as_object().is(name.as_object()))
    }
}

fn shared_keys(ty: &PyTypeRef) -> std::cell::Ref<'_, SharedKeys> {
    ty.payload.shared_keys.borrow()
}

impl InstanceExt {
    /// The attribute `name` stored on the instance, if any.
    pub fn get_attr(
        &self,
        vm: &VM,
        ty: &PyTypeRef,
        name: &PyStrRef,
    ) -> PyResult<Option<PyObjectRef>> {
        let dict = match &*self.dict.borrow() {
            InstDict::Values(vals) => {
                if vals.is_empty() {
                    return Ok(None);
                }
                let i = shared_keys(ty).index_of(vm, name);
                return Ok(i.and_then(|i| vals.get(i).cloned().flatten()));
            }
            InstDict::Dict(d) => d.clone(),
        };
        // No borrow is held here: a key's `__eq__` may run Python code.
        match dict.downcast_ref::<PyDict>() {
            Some(d) => d.get_item(vm, name.as_object()),
            None => Ok(None),
        }
    }

    /// The value at `i` of the inline values, when the instance uses them
    /// and `shared_keys[i]` is `name` (the eval loop's cached index).
    #[inline]
    pub fn get_at_index(&self, ty: &PyTypeRef, i: usize, name: &PyStrRef) -> Option<PyObjectRef> {
        match &*self.dict.borrow() {
            InstDict::Values(vals) if shared_keys(ty).is_at(i, name) => {
                vals.get(i).cloned().flatten()
            }
            _ => None,
        }
    }

    /// Whether the attributes are inline values (not a dict).
    #[inline]
    pub fn uses_values(&self) -> bool {
        matches!(&*self.dict.borrow(), InstDict::Values(_))
    }

    /// Stores (`Some`) or deletes (`None`) an attribute. `Ok(false)` when
    /// deleting a name the instance does not have.
    pub fn set_attr(
        &self,
        vm: &VM,
        ty: &PyTypeRef,
        name: &PyStrRef,
        value: Option<PyObjectRef>,
    ) -> PyResult<bool> {
        if let Some(done) = self.set_inline(vm, ty, name, &value) {
            return Ok(done);
        }
        let dict = self.dict_object(vm, ty);
        // Every setter of `__dict__` checks for a dict; a mapping of another
        // kind is reported, not trusted.
        let Some(d) = dict.downcast_ref::<PyDict>() else {
            return Err(vm.new_type_error(format!(
                "__dict__ must be set to a dictionary, not a '{}'",
                dict.class().name_string()
            )));
        };
        match value {
            Some(v) => {
                d.set_item(vm, name.clone().into_object(), v)?;
                Ok(true)
            }
            None => Ok(d.pop_item(vm, name.as_object())?.is_some()),
        }
    }

    /// The inline-values part of `set_attr`: `None` when the instance
    /// needs (or has) a dict instead.
    fn set_inline(
        &self,
        vm: &VM,
        ty: &PyTypeRef,
        name: &PyStrRef,
        value: &Option<PyObjectRef>,
    ) -> Option<bool> {
        let mut d = self.dict.borrow_mut();
        let InstDict::Values(vals) = &mut *d else {
            return None;
        };
        let found = shared_keys(ty).index_of(vm, name);
        let i = match found {
            Some(i) => i,
            None if value.is_none() => return Some(false),
            None => {
                let mut keys = ty.payload.shared_keys.borrow_mut();
                if keys.keys.len() >= MAX_SHARED_KEYS {
                    return None;
                }
                let interned = vm.intern_str(name.clone());
                keys.keys.push((name.payload.hash_value(vm), interned));
                keys.keys.len() - 1
            }
        };
        let old = match value {
            None => match vals.get_mut(i) {
                Some(slot) if slot.is_some() => slot.take(),
                _ => return Some(false),
            },
            Some(v) => {
                if i < vals.len() && vals[i].is_some() {
                    vals[i].replace(v.clone())
                } else if vals[i.min(vals.len())..].iter().any(|s| s.is_some()) {
                    // A new attribute before one already set: a dict keeps
                    // insertion order, values keep key order.
                    return None;
                } else {
                    if vals.len() <= i {
                        vals.resize(i + 1, None);
                    }
                    vals[i] = Some(v.clone());
                    None
                }
            }
        };
        drop(d);
        if value.as_ref().is_some_and(|v| v.may_be_container()) {
            self.track_owner(ty);
        }
        // The replaced value may be the last reference to an object.
        drop(old);
        Some(true)
    }

    /// The instance's dict object, made from the inline values the first
    /// time (the instance then keeps using it).
    pub fn dict_object(&self, vm: &VM, ty: &PyTypeRef) -> PyObjectRef {
        if let InstDict::Dict(d) = &*self.dict.borrow() {
            return d.clone();
        }
        let vals = match std::mem::take(&mut *self.dict.borrow_mut()) {
            InstDict::Values(v) => v,
            InstDict::Dict(d) => return d,
        };
        let dict = vm.new_dict();
        {
            let keys = shared_keys(ty);
            for (v, (h, k)) in vals.into_iter().zip(keys.keys.iter()) {
                if let Some(v) = v {
                    // Exact str keys never run Python code: this cannot fail.
                    let _ = dict
                        .payload
                        .set_item_hashed(vm, k.clone().into_object(), *h, v);
                }
            }
        }
        let obj = dict.into_object();
        *self.dict.borrow_mut() = InstDict::Dict(obj.clone());
        // The dict may come to hold the instance itself.
        self.track_owner(ty);
        obj
    }

    /// The dict object if the instance has one or has any attribute (so it
    /// is made now); `None` for an instance without attributes.
    pub fn existing_dict(&self, vm: &VM, ty: &PyTypeRef) -> Option<PyObjectRef> {
        match &*self.dict.borrow() {
            InstDict::Dict(d) => return Some(d.clone()),
            InstDict::Values(v) if v.iter().all(|s| s.is_none()) => return None,
            InstDict::Values(_) => {}
        }
        Some(self.dict_object(vm, ty))
    }

    /// Replaces the attributes with the dict `d` (`obj.__dict__ = d`).
    pub fn set_dict(&self, ty: &PyTypeRef, d: PyObjectRef) {
        let old = std::mem::replace(&mut *self.dict.borrow_mut(), InstDict::Dict(d));
        self.track_owner(ty);
        drop(old);
    }

    /// Drops every attribute (`del obj.__dict__`).
    pub fn clear_dict(&self) {
        let old = std::mem::take(&mut *self.dict.borrow_mut());
        drop(old);
    }
}
