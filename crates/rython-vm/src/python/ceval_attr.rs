//! Inline caches for `LOAD_ATTR` and `STORE_ATTR` (the role of CPython's
//! specialised forms `LOAD_ATTR_WITH_HINT`, `LOAD_ATTR_METHOD_WITH_VALUES`,
//! `LOAD_ATTR_MODULE`, `LOAD_ATTR_PROPERTY` and `STORE_ATTR_WITH_HINT`).
//!
//! Each attribute instruction owns entries for the last few types seen
//! there (four; a site in a base-class method sees every subclass), each
//! remembering what the type lookup found: the type attribute, its
//! `__get__`/`__set__` and whether it is a data descriptor or a plain method.
//! An entry is valid while the type keeps the same version tag; tags are
//! never reused, and any change to a class or its bases gives it (and its
//! subclasses) a fresh tag, so a stale entry can only miss. Entries also
//! keep where the name lives in the instance: its index in the class's
//! shared keys (inline values, `objects::instancedict`) or a dict-entry
//! hint, so a hit reads the value without a probe. Class attributes that are
//! instances of user classes are not cached: their class may gain `__get__`
//! or `__set__` without the owner's tag changing.
//!
//! Only types using the generic `__getattribute__`/`__setattr__` are cached;
//! everything else takes the general path, which is also the fallback on
//! every miss, so error messages and hooks (`__getattr__`) are unchanged.

use std::cell::Cell;

use crate::object::PyObjectRef;
use crate::objects::codeobject::PyCodeRef;
use crate::objects::dictobject::PyDict;
use crate::objects::funcobject::PyFunction;
use crate::objects::instancedict::InstDict;
use crate::objects::moduleobject::PyModule;
use crate::objects::strobject::PyStrRef;
use crate::objects::typeobject::{DescrGetFn, DescrSetFn};
use crate::{PyResult, VM};

/// What one attribute instruction learnt about the last type it saw.
pub struct AttrCacheEntry {
    type_id: usize,
    tag: u32,
    /// The attribute found on the type (its MRO), if any.
    attr: Option<PyObjectRef>,
    getter: Option<DescrGetFn>,
    setter: Option<DescrSetFn>,
    /// `attr` defines `__set__`/`__delete__`: it wins over the instance dict.
    data: bool,
    /// `attr` is a plain function: the method form calls it unbound.
    method: bool,
    /// Entry index of the name in the instance or module dict last time.
    hint: Cell<u32>,
    /// The index of the name in the class's shared keys, once verified
    /// (`u32::MAX` until then). Keys are append-only, so it stays right for
    /// as long as the entry lives: a hit needs no look at the keys.
    value_index: Cell<u32>,
    /// The length of the class's shared keys when the name was last seen
    /// missing from them (`u32::MAX`: not known). Keys only grow, so while
    /// the length is the same, no instance with inline values shadows a
    /// method of that name.
    absent_at_len: Cell<u32>,
    /// `attr` is a `__slots__` member of this type: its index in the
    /// instance's slot storage (`u32::MAX` otherwise), so a hit reads or
    /// writes the slot without calling the descriptor.
    slot: u32,
}

/// What the borrow-only fast path found.
enum Fast {
    Value(PyObjectRef),
    Method(PyObjectRef),
    Miss,
}

/// The cache table of a code object: per code unit, the entries for the
/// last few types seen there (a site in a base-class method sees every
/// subclass), allocated on the first miss.
pub type AttrCache = std::cell::RefCell<Vec<Vec<AttrCacheEntry>>>;

/// Types remembered per site; past this the oldest entry is replaced.
const MAX_TYPES_PER_SITE: usize = 4;

/// The entry of site `at` for this exact type and version tag.
#[inline(always)]
fn entry_for<'a>(
    cache: &'a [Vec<AttrCacheEntry>],
    at: usize,
    ty: &crate::object::PyTypeRef,
    tag: u32,
) -> Option<&'a AttrCacheEntry> {
    let ty_id = ty.as_object().id();
    cache
        .get(at)?
        .iter()
        .find(|e| e.type_id == ty_id && e.tag == tag)
}

/// A store through a valid cache entry `e` of the owner's type: a
/// `__slots__` member, an inline value replaced, or a new inline value added
/// in the keys' order. `Ok(old value)`, or the value back.
#[inline(always)]
fn store_with_entry(
    e: &AttrCacheEntry,
    owner: &PyObjectRef,
    ext: &crate::object::InstanceExt,
    value: PyObjectRef,
) -> Result<Option<PyObjectRef>, PyObjectRef> {
    if e.data {
        // A `__slots__` member (`STORE_ATTR_SLOT`).
        return match (e.slot, ext.slot(e.slot as usize)) {
            (u32::MAX, _) | (_, None) => Err(value),
            (_, Some(slot)) => {
                owner.gc_track_for(&value);
                Ok(slot.replace(Some(value)))
            }
        };
    }
    let mut inst = ext.dict.borrow_mut();
    let InstDict::Values(vals) = &mut *inst else {
        return Err(value);
    };
    let i = e.value_index.get();
    if i == u32::MAX {
        return Err(value);
    }
    let i = i as usize;
    if let Some(Some(slot)) = vals.get_mut(i) {
        owner.gc_track_for(&value);
        return Ok(Some(std::mem::replace(slot, value)));
    }
    // A new attribute (as in `__init__`): inline values keep the keys'
    // order, which must also be the insertion order, so only when no
    // later key has a value yet.
    if vals
        .get(i + 1..)
        .is_none_or(|rest| rest.iter().all(Option::is_none))
    {
        owner.gc_track_for(&value);
        if vals.len() <= i {
            vals.resize(i + 1, None);
        }
        vals[i] = Some(value);
        return Ok(None);
    }
    Err(value)
}

/// A copy of the parts of a hit entry, taken so no borrow of the table is
/// held while a getter or `__eq__` runs Python code.
struct Hit {
    attr: Option<PyObjectRef>,
    getter: Option<DescrGetFn>,
    setter: Option<DescrSetFn>,
    data: bool,
    method: bool,
    hint: usize,
    /// The type the entry is for (to store a new hint into it).
    type_id: usize,
}

impl VM {
    fn attr_cache_hit(
        &self,
        code: &PyCodeRef,
        at: usize,
        ty: &crate::object::PyTypeRef,
        tag: u32,
    ) -> Option<Hit> {
        let cache = code.payload.attr_cache.borrow();
        let e = entry_for(&cache, at, ty, tag)?;
        let ty_id = ty.as_object().id();
        Some(Hit {
            attr: e.attr.clone(),
            getter: e.getter,
            setter: e.setter,
            data: e.data,
            method: e.method,
            hint: e.hint.get() as usize,
            type_id: ty_id,
        })
    }

    /// Looks `name` up on the type and records the result for `at`.
    fn attr_cache_fill(
        &self,
        code: &PyCodeRef,
        at: usize,
        owner: &PyObjectRef,
        name: &PyStrRef,
    ) -> Hit {
        let ty = owner.class();
        let attr = ty.lookup(self, name);
        let (getter, setter) = match &attr {
            Some(a) => {
                let slots = &a.class().payload.slots;
                (slots.descr_get.get(), slots.descr_set.get())
            }
            None => (None, None),
        };
        let data = setter.is_some();
        let method = attr.as_ref().is_some_and(|a| {
            a.payload_is::<PyFunction>()
                || (a.payload_is::<crate::objects::methodobject::PyMethodDescr>()
                    && a.class().is(&self.types.method_descriptor_type))
        });
        // A member found on the type's MRO applies to its instances, unless
        // it was copied into an unrelated class (the descriptor then raises).
        let slot = attr
            .as_ref()
            .filter(|a| a.class().is(&self.types.member_descriptor_type))
            .and_then(|a| a.downcast_ref::<crate::objects::descrobject::PyMemberDescr>())
            .filter(|d| d.getter.is_none() && ty.is_subtype(&d.objclass))
            .map_or(u32::MAX, |d| d.index as u32);
        let entry = AttrCacheEntry {
            slot,
            type_id: ty.as_object().id(),
            tag: ty.payload.version_tag.get(),
            attr: attr.clone(),
            getter,
            setter,
            data,
            method,
            hint: Cell::new(0),
            value_index: Cell::new(u32::MAX),
            absent_at_len: Cell::new(u32::MAX),
        };
        let type_id = entry.type_id;
        // An instance of a user class found on the type could gain
        // `__get__`/`__set__` later without the owner's tag changing: such
        // attributes are looked up every time.
        if attr
            .as_ref()
            .is_some_and(|a| a.class().payload.is_heap_type())
        {
            return Hit {
                attr,
                getter,
                setter,
                data,
                method,
                hint: 0,
                type_id,
            };
        }
        let old = {
            let mut cache = code.payload.attr_cache.borrow_mut();
            if cache.len() <= at {
                let units = code.payload.code.code.len() / 2;
                cache.resize_with(units.max(at + 1), Vec::new);
            }
            let site = &mut cache[at];
            // A stale entry for this type (older tag) is replaced in place.
            match site.iter().position(|e| e.type_id == type_id) {
                Some(i) => Some(std::mem::replace(&mut site[i], entry)),
                None if site.len() < MAX_TYPES_PER_SITE => {
                    site.push(entry);
                    None
                }
                None => {
                    let old = site.remove(0);
                    site.push(entry);
                    Some(old)
                }
            }
        };
        // The evicted entry may hold the last reference to an attribute.
        drop(old);
        Hit {
            attr,
            getter,
            setter,
            data,
            method,
            hint: 0,
            type_id,
        }
    }

    /// Updates the entry of site `at` for `type_id`, if it is still there.
    fn with_entry(
        &self,
        code: &PyCodeRef,
        at: usize,
        type_id: usize,
        f: impl FnOnce(&AttrCacheEntry),
    ) {
        let cache = code.payload.attr_cache.borrow();
        if let Some(e) = cache
            .get(at)
            .and_then(|site| site.iter().find(|e| e.type_id == type_id))
        {
            f(e);
        }
    }

    /// Records that `name` is key `i` of the type's shared keys.
    fn set_value_index(&self, code: &PyCodeRef, at: usize, type_id: usize, i: usize) {
        self.with_entry(code, at, type_id, |e| e.value_index.set(i as u32));
    }

    fn set_attr_hint(&self, code: &PyCodeRef, at: usize, type_id: usize, ix: usize) {
        self.with_entry(code, at, type_id, |e| e.hint.set(ix as u32));
    }

    fn set_attr_absent(&self, code: &PyCodeRef, at: usize, type_id: usize, keys_len: u32) {
        self.with_entry(code, at, type_id, |e| e.absent_at_len.set(keys_len));
    }

    /// The cache entry for a type with generic attribute access, or None
    /// when the type cannot be cached.
    #[inline]
    fn attr_entry(
        &self,
        code: &PyCodeRef,
        at: usize,
        owner: &PyObjectRef,
        name: &PyStrRef,
        setting: bool,
    ) -> Option<Hit> {
        let ty = owner.class();
        let tag = ty.payload.version_tag.get();
        let slots = &ty.payload.slots;
        // Comparing slot pointers is only a shortcut: a false mismatch takes
        // the general path.
        #[allow(unpredictable_function_pointer_comparisons)]
        let generic = if setting {
            let f = slots.setattro.get();
            f.is_none()
                || f == Some(
                    crate::python::abstract_::generic_setattr
                        as crate::objects::typeobject::SetattroFn,
                )
        } else {
            let f = slots.getattro.get();
            f.is_none()
                || f == Some(
                    crate::python::abstract_::generic_getattr
                        as crate::objects::typeobject::GetattroFn,
                )
        };
        if tag == 0 || !generic {
            return None;
        }
        Some(match self.attr_cache_hit(code, at, ty, tag) {
            Some(h) => h,
            None => self.attr_cache_fill(code, at, owner, name),
        })
    }

    /// `name` in the instance dict of `owner`, trying the hint first.
    #[inline]
    fn instance_dict_get(
        &self,
        code: &PyCodeRef,
        at: usize,
        owner: &PyObjectRef,
        name: &PyStrRef,
        hit: &Hit,
    ) -> Option<PyObjectRef> {
        let hint = hit.hint;
        let ext = owner.instance_ext()?;
        let dict = match &*ext.dict.borrow() {
            InstDict::Values(vals) => {
                // The hint is the name's index in the class's keys, which
                // only ever grow: a match is definitive.
                let keys = owner.class().payload.shared_keys.borrow();
                if keys.is_at(hint, name) {
                    drop(keys);
                    self.set_value_index(code, at, hit.type_id, hint);
                    return vals.get(hint).cloned().flatten();
                }
                let Some(i) = keys.index_of(self, name) else {
                    let len = keys.len() as u32;
                    drop(keys);
                    self.set_attr_absent(code, at, hit.type_id, len);
                    return None;
                };
                drop(keys);
                self.set_attr_hint(code, at, hit.type_id, i);
                self.set_value_index(code, at, hit.type_id, i);
                return vals.get(i).cloned().flatten();
            }
            InstDict::Dict(dict) => {
                if let Some(v) = dict
                    .downcast_ref::<PyDict>()
                    .and_then(|d| d.get_at_hint(hint, name.as_object()))
                {
                    return Some(v);
                }
                dict.clone()
            }
        };
        let (ix, v) = dict.downcast_ref::<PyDict>()?.get_str_indexed(self, name)?;
        self.set_attr_hint(code, at, hit.type_id, ix);
        Some(v)
    }

    /// The common cases of `LOAD_ATTR`, decided under one borrow of the
    /// cache with no reference-count traffic on the cache entry: an
    /// instance attribute stored as an inline value, or (`method`) a
    /// function of the class that the instance does not shadow.
    #[inline]
    fn load_attr_fast(
        &self,
        code: &PyCodeRef,
        at: usize,
        owner: &PyObjectRef,
        method: bool,
    ) -> Fast {
        let ty = owner.class();
        let tag = ty.payload.version_tag.get();
        let cache = code.payload.attr_cache.borrow();
        let Some(e) = entry_for(&cache, at, ty, tag) else {
            return Fast::Miss;
        };
        // Entries exist only for types with generic attribute access, and
        // any change to the class gives it a new tag.
        if tag == 0 {
            return Fast::Miss;
        }
        if e.data {
            // A `__slots__` member: its getter runs no Python code, so it
            // may run under the borrow.
            return match (&e.attr, e.getter) {
                (Some(a), Some(g)) if a.class().is(&self.types.member_descriptor_type) => {
                    match g(self, a, Some(owner), Some(ty.as_object())) {
                        Ok(v) => Fast::Value(v),
                        Err(_) => Fast::Miss,
                    }
                }
                _ => Fast::Miss,
            };
        }
        let Some(ext) = owner.instance_ext() else {
            return match (&e.attr, method && e.method) {
                (Some(a), true) => Fast::Method(a.clone()),
                _ => Fast::Miss,
            };
        };
        let inst = ext.dict.borrow();
        let InstDict::Values(vals) = &*inst else {
            return Fast::Miss;
        };
        if let Some(Some(v)) = vals.get(e.value_index.get() as usize) {
            return Fast::Value(v.clone());
        }
        let keys = ty.payload.shared_keys.borrow();
        if method && e.method && keys.len() as u32 == e.absent_at_len.get() {
            if let Some(a) = &e.attr {
                return Fast::Method(a.clone());
            }
        }
        Fast::Miss
    }

    // This repeats part of `load_attr_fast` on purpose: sharing one
    // routine (tried: `load_with_entry`) ran the same instructions but cost
    // float 17%, spectral_norm 15% and mandelbrot 10% in wall time through
    // the eval loop's code layout.
    /// The commonest `LOAD_ATTR` hits, small enough to sit in the eval loop
    /// (CPython's `LOAD_ATTR_INSTANCE_VALUE` and
    /// `LOAD_ATTR_METHOD_WITH_VALUES`): an instance with inline values whose
    /// class this site has seen first, and either the value stored inline or,
    /// for the method form, a plain function on the class that no instance
    /// shadows. `Some((obj, true))` is a method to call with `owner` as
    /// self. Anything else is `None`, for `load_attr_cached` or
    /// `load_method_cached`.
    #[inline(always)]
    pub(crate) fn load_attr_inline(
        &self,
        code: &PyCodeRef,
        at: usize,
        owner: &PyObjectRef,
        name: &PyStrRef,
        method: bool,
    ) -> Option<(PyObjectRef, bool)> {
        let Some(ext) = owner.instance_ext() else {
            if method {
                if let Some(m) = self.load_method_no_dict_inline(code, at, owner) {
                    return Some(m);
                }
            }
            return self.load_module_attr_inline(code, at, owner, name);
        };
        let ty = owner.class();
        let cache = code.payload.attr_cache.borrow();
        let e = cache.get(at)?.first()?;
        let tag = ty.payload.version_tag.get();
        if e.type_id != ty.as_object().id() || e.tag != tag || tag == 0 {
            return None;
        }
        if e.data {
            // A `__slots__` member (`LOAD_ATTR_SLOT`); an empty slot takes
            // the general path, which raises the AttributeError.
            if e.slot == u32::MAX {
                return None;
            }
            let v = ext.slot(e.slot as usize)?.borrow().clone()?;
            return Some((v, false));
        }
        let inst = ext.dict.borrow();
        let InstDict::Values(vals) = &*inst else {
            return None;
        };
        match vals.get(e.value_index.get() as usize) {
            Some(Some(v)) => Some((v.clone(), false)),
            _ if method && e.method => {
                let keys = ty.payload.shared_keys.borrow();
                if keys.len() as u32 == e.absent_at_len.get() {
                    e.attr.clone().map(|a| (a, true))
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// The method form on an object without instance attributes (a builtin
    /// type's instance: `lst.append`, `s.add`), whose class this site saw
    /// first: nothing can shadow the class's method (CPython's
    /// `LOAD_ATTR_METHOD_NO_DICT`).
    #[inline(always)]
    fn load_method_no_dict_inline(
        &self,
        code: &PyCodeRef,
        at: usize,
        owner: &PyObjectRef,
    ) -> Option<(PyObjectRef, bool)> {
        let ty = owner.class();
        let cache = code.payload.attr_cache.borrow();
        let e = cache.get(at)?.first()?;
        let tag = ty.payload.version_tag.get();
        if e.type_id != ty.as_object().id() || e.tag != tag || tag == 0 || !e.method || e.data {
            return None;
        }
        e.attr.clone().map(|a| (a, true))
    }

    /// A module attribute at the dict entry this site found last time
    /// (CPython's `LOAD_ATTR_MODULE`): the entry's key is the name object
    /// itself, so a hit costs no hashing.
    #[inline(always)]
    fn load_module_attr_inline(
        &self,
        code: &PyCodeRef,
        at: usize,
        owner: &PyObjectRef,
        name: &PyStrRef,
    ) -> Option<(PyObjectRef, bool)> {
        let m = owner.downcast_exact::<PyModule>(&self.types.module_type)?;
        let cache = code.payload.attr_cache.borrow();
        let e = cache.get(at)?.first()?;
        if e.type_id != self.types.module_type.as_object().id() {
            return None;
        }
        let v = m
            .dict
            .payload
            .get_at_hint(e.hint.get() as usize, name.as_object())?;
        Some((v, false))
    }

    /// `LOAD_ATTR` (attribute form).
    pub(crate) fn load_attr_cached(
        &self,
        code: &PyCodeRef,
        at: usize,
        owner: &PyObjectRef,
        name: &PyStrRef,
    ) -> PyResult {
        if let Some(m) = owner.downcast_exact::<PyModule>(&self.types.module_type) {
            let module_type = self.types.module_type.as_object().id();
            let hint = code
                .payload
                .attr_cache
                .borrow()
                .get(at)
                .and_then(|site| site.iter().find(|e| e.type_id == module_type))
                .map(|e| e.hint.get() as usize);
            if let Some(v) = hint.and_then(|h| m.dict.payload.get_at_hint(h, name.as_object())) {
                return Ok(v);
            }
            if let Some((ix, v)) = m.dict.payload.get_str_indexed(self, name) {
                if hint.is_none() {
                    self.attr_cache_fill(code, at, owner, name);
                }
                self.set_attr_hint(code, at, module_type, ix);
                return Ok(v);
            }
            return self.get_attr(owner, name);
        }
        if let Fast::Value(v) = self.load_attr_fast(code, at, owner, false) {
            return Ok(v);
        }
        let Some(hit) = self.attr_entry(code, at, owner, name, false) else {
            return self.get_attr(owner, name);
        };
        if hit.data {
            if let (Some(a), Some(g)) = (&hit.attr, hit.getter) {
                return g(self, a, Some(owner), Some(owner.class().as_object()));
            }
        }
        if let Some(v) = self.instance_dict_get(code, at, owner, name, &hit) {
            return Ok(v);
        }
        match (hit.attr, hit.getter) {
            (Some(a), Some(g)) => g(self, &a, Some(owner), Some(owner.class().as_object())),
            (Some(a), None) => Ok(a),
            // Missing: the general path raises the right AttributeError.
            (None, _) => self.get_attr(owner, name),
        }
    }

    /// `LOAD_ATTR` (method form): `(function, true)` when `owner.name` is a
    /// plain function on the type not shadowed by the instance, to be
    /// called with `owner` as self; else `(attribute, false)`.
    pub(crate) fn load_method_cached(
        &self,
        code: &PyCodeRef,
        at: usize,
        owner: &PyObjectRef,
        name: &PyStrRef,
    ) -> PyResult<(PyObjectRef, bool)> {
        match self.load_attr_fast(code, at, owner, true) {
            Fast::Method(m) => return Ok((m, true)),
            Fast::Value(v) => return Ok((v, false)),
            Fast::Miss => {}
        }
        if let Some(hit) = self.attr_entry(code, at, owner, name, false) {
            if hit.method {
                if let Some(v) = self.instance_dict_get(code, at, owner, name, &hit) {
                    return Ok((v, false));
                }
                if let Some(a) = hit.attr {
                    return Ok((a, true));
                }
            }
        }
        Ok((self.load_attr_cached(code, at, owner, name)?, false))
    }

    /// `STORE_ATTR` through any of the site's entries for the owner's type
    /// (`store_attr_inline` looks only at the first): `Ok(old value)`, or
    /// the value back.
    #[inline]
    fn store_attr_fast(
        &self,
        code: &PyCodeRef,
        at: usize,
        owner: &PyObjectRef,
        value: PyObjectRef,
    ) -> Result<Option<PyObjectRef>, PyObjectRef> {
        let ty = owner.class();
        let tag = ty.payload.version_tag.get();
        let cache = code.payload.attr_cache.borrow();
        match (entry_for(&cache, at, ty, tag), owner.instance_ext()) {
            (Some(e), Some(ext)) if tag != 0 => store_with_entry(e, owner, ext, value),
            _ => Err(value),
        }
    }

    /// The commonest `STORE_ATTR` hits, inlined into the eval loop (CPython's
    /// `STORE_ATTR_INSTANCE_VALUE` and `STORE_ATTR_SLOT`) for an instance
    /// whose class this site has seen first: `Ok(old value)`, or the value
    /// back for `store_attr_cached`.
    #[inline(always)]
    pub(crate) fn store_attr_inline(
        &self,
        code: &PyCodeRef,
        at: usize,
        owner: &PyObjectRef,
        value: PyObjectRef,
    ) -> Result<Option<PyObjectRef>, PyObjectRef> {
        let Some(ext) = owner.instance_ext() else {
            return Err(value);
        };
        let ty = owner.class();
        let cache = code.payload.attr_cache.borrow();
        let Some(e) = cache.get(at).and_then(|site| site.first()) else {
            return Err(value);
        };
        let tag = ty.payload.version_tag.get();
        if e.type_id != ty.as_object().id() || e.tag != tag || tag == 0 {
            return Err(value);
        }
        store_with_entry(e, owner, ext, value)
    }

    /// `STORE_ATTR`.
    pub(crate) fn store_attr_cached(
        &self,
        code: &PyCodeRef,
        at: usize,
        owner: &PyObjectRef,
        name: &PyStrRef,
        value: PyObjectRef,
    ) -> PyResult<()> {
        let value = match self.store_attr_fast(code, at, owner, value) {
            Ok(old) => {
                // The replaced value may be the last reference to an object.
                drop(old);
                return Ok(());
            }
            Err(value) => value,
        };
        let Some(hit) = self.attr_entry(code, at, owner, name, true) else {
            return self.set_attr(owner, name, Some(value));
        };
        // A data descriptor (a `__slots__` member, a property) is called
        // directly, as generic `__setattr__` would.
        if let (Some(set), Some(a)) = (hit.setter, &hit.attr) {
            return set(self, a, owner, Some(value));
        }
        let has_dict = owner
            .class()
            .payload
            .has_flag(crate::objects::typeobject::flags::HAS_DICT);
        let (true, Some(ext)) = (has_dict, owner.instance_ext()) else {
            return self.set_attr(owner, name, Some(value));
        };
        let dict = {
            let mut inst = ext.dict.borrow_mut();
            match &mut *inst {
                InstDict::Values(vals) => {
                    let ty = owner.class();
                    let keys = ty.payload.shared_keys.borrow();
                    if keys.is_at(hit.hint, name) {
                        if let Some(slot @ Some(_)) = vals.get_mut(hit.hint) {
                            owner.gc_track_for(&value);
                            let old = slot.replace(value);
                            drop(keys);
                            drop(inst);
                            self.set_value_index(code, at, hit.type_id, hit.hint);
                            // May free the last reference: outside the borrow.
                            drop(old);
                            return Ok(());
                        }
                    }
                    drop(keys);
                    drop(inst);
                    ext.set_attr(self, ty, name, Some(value))?;
                    let found = ty.payload.shared_keys.borrow().index_of(self, name);
                    if let Some(i) = found {
                        self.set_attr_hint(code, at, hit.type_id, i);
                        self.set_value_index(code, at, hit.type_id, i);
                    }
                    return Ok(());
                }
                InstDict::Dict(d) => d.clone(),
            }
        };
        let Some(d) = dict.downcast_ref::<PyDict>() else {
            return self.set_attr(owner, name, Some(value));
        };
        match d.set_at_hint(hit.hint, name.as_object(), value) {
            Ok(old) => {
                drop(old);
                Ok(())
            }
            Err(value) => {
                d.set_item(self, name.clone().into_object(), value)?;
                if let Some(ix) = d.index_of_str(self, name) {
                    self.set_attr_hint(code, at, hit.type_id, ix);
                }
                Ok(())
            }
        }
    }
}
