//! The object core: header, reference-counted handles, allocation and
//! finalization. The only module with `unsafe` code besides the frame stack.
pub mod core;
pub mod finalize;
pub mod gc;
pub mod obmalloc;
pub mod obmalloc_debug;

pub use self::core::{
    make_immortal, Derived, ExactType, InstanceExt, LayoutInfo, PyObj, PyObjectRef, PyPayload,
    PyRef, PyTypeRef,
};
