//! The code object the compiler produces (CPython's `PyCodeObject`, built by
//! Python/assemble.c). It is plain data; the VM wraps it in its `code` type.

use rython_parser::ast::Constant;

/// `co_flags` bits, with CPython's values.
pub mod flags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const NOFREE: u32 = 0x0040;
    pub const COROUTINE: u32 = 0x0080;
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    pub const ASYNC_GENERATOR: u32 = 0x0200;
    pub const HAS_DOCSTRING: u32 = 0x4000000;
    pub const METHOD: u32 = 0x8000000;
}

/// Kind bits of each entry of `co_localsplus` (CPython's `CO_FAST_*`).
pub mod fast_kind {
    /// A comprehension-inlined local of a module or class body (`CO_FAST_HIDDEN`).
    pub const HIDDEN: u8 = 0x10;
    pub const LOCAL: u8 = 0x20;
    pub const CELL: u8 = 0x40;
    pub const FREE: u8 = 0x80;
}

/// A constant in `co_consts`: a literal, or a nested code object.
#[derive(Clone, Debug, PartialEq)]
pub enum ConstValue {
    Literal(Constant),
    Code(Box<CodeObject>),
}

/// The source span of one instruction (CPython's `co_positions()` entry).
/// A `lineno` of 0 means "no location" (CPython's `None`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub lineno: u32,
    pub end_lineno: u32,
    pub col: u32,
    pub end_col: u32,
}

/// One row of the exception table: an exception raised by an instruction in
/// `start..end` (instruction indices) unwinds the value stack to `depth`,
/// pushes the offset of the raising instruction if `lasti`, pushes the
/// exception and jumps to `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionTableEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct CodeObject {
    /// Code units: (opcode, oparg) byte pairs, `EXTENDED_ARG` prefixes for
    /// arguments above 255. Jump arguments count code units.
    pub code: Vec<u8>,
    pub consts: Vec<ConstValue>,
    pub names: Vec<String>,
    /// Every fast slot: locals (arguments first), then cells, then free
    /// variables (CPython's `co_localsplusnames`). A cell that is also an
    /// argument appears once, with both LOCAL and CELL bits.
    pub localsplusnames: Vec<String>,
    pub localspluskinds: Vec<u8>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub stacksize: u32,
    pub flags: u32,
    pub filename: String,
    pub name: String,
    pub qualname: String,
    pub firstlineno: u32,
    /// One entry per code unit (so `EXTENDED_ARG` units repeat their
    /// instruction's position).
    pub positions: Vec<Position>,
    pub exception_table: Vec<ExceptionTableEntry>,
}

impl CodeObject {
    fn names_of_kind(&self, want: u8) -> Vec<&str> {
        self.localsplusnames
            .iter()
            .zip(&self.localspluskinds)
            .filter(|(_, k)| *k & want != 0)
            .map(|(n, _)| n.as_str())
            .collect()
    }

    /// `co_varnames`: arguments and local variables.
    pub fn varnames(&self) -> Vec<&str> {
        self.names_of_kind(fast_kind::LOCAL)
    }

    /// `co_cellvars`.
    pub fn cellvars(&self) -> Vec<&str> {
        self.names_of_kind(fast_kind::CELL)
    }

    /// `co_freevars`.
    pub fn freevars(&self) -> Vec<&str> {
        self.names_of_kind(fast_kind::FREE)
    }

    /// Number of code units.
    pub fn len(&self) -> usize {
        self.code.len() / 2
    }

    pub fn is_empty(&self) -> bool {
        self.code.is_empty()
    }
}
