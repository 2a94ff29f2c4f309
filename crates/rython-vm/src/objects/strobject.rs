//! `str` (CPython's Objects/unicodeobject.c): the payload and its core
//! operations. Methods live in `str_methods.rs`.
//!
//! Text is stored as UTF-8 with its length in code points; an all-ASCII
//! string (the common case) indexes in O(1). Lone surrogates cannot be
//! represented yet (documented in ARCHITECTURE.md).

use std::cell::Cell;

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::VM;

pub type PyStrRef = PyRef<PyStr>;

pub struct PyStr {
    value: Box<str>,
    char_len: usize,
    /// Cached `hash()`; -1 until computed (a str never hashes to -1).
    hash: Cell<i64>,
}

impl PyPayload for PyStr {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.str_type
    }
}

impl PyStr {
    pub fn new(s: impl Into<Box<str>>) -> PyStr {
        let value: Box<str> = s.into();
        let char_len = if value.is_ascii() {
            value.len()
        } else {
            value.chars().count()
        };
        PyStr {
            value,
            char_len,
            hash: Cell::new(-1),
        }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.value
    }

    /// Length in code points (`len(s)`).
    #[inline]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.value.len()
    }

    #[inline]
    pub fn hash_value(&self, vm: &VM) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = vm.hash_secret.hash_str(&self.value);
        self.hash.set(h);
        h
    }

    /// Byte offset of code point `index` (which must be <= char_len).
    pub fn byte_offset(&self, index: usize) -> usize {
        if self.is_ascii() {
            index
        } else {
            self.value
                .char_indices()
                .nth(index)
                .map(|(b, _)| b)
                .unwrap_or(self.value.len())
        }
    }

    /// The code point at `index` (< char_len).
    pub fn char_at(&self, index: usize) -> Option<char> {
        if self.is_ascii() {
            self.value.as_bytes().get(index).map(|&b| b as char)
        } else {
            self.value.chars().nth(index)
        }
    }

    /// Code points `start..end` (clamped, start <= end).
    pub fn substring(&self, start: usize, end: usize) -> &str {
        let a = self.byte_offset(start);
        let b = if self.is_ascii() {
            end.min(self.value.len())
        } else {
            a + self.value[a..]
                .char_indices()
                .nth(end - start)
                .map(|(i, _)| i)
                .unwrap_or(self.value.len() - a)
        };
        &self.value[a..b]
    }
}

impl VM {
    pub fn new_str(&self, s: impl Into<Box<str>>) -> PyStrRef {
        PyRef::new_exact(PyStr::new(s), self.types.str_type.clone())
    }

    pub fn new_str_obj(&self, s: impl Into<Box<str>>) -> PyObjectRef {
        let s: Box<str> = s.into();
        if s.is_empty() {
            return self.ctx.empty_str.clone().into_object();
        }
        if s.len() == 1 && s.as_bytes()[0] < 128 {
            return self.ctx.ascii_chars[s.as_bytes()[0] as usize]
                .clone()
                .into_object();
        }
        self.new_str(s).into_object()
    }
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let _ = vm;
}
