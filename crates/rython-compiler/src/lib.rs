//! AST → code objects. Mirrors CPython's Python/symtable.c, Python/compile.c,
//! Python/flowgraph.c and Python/assemble.c.

pub mod code;
pub mod opcode;

mod assemble;
mod codegen;
pub mod dis;
mod error;
mod flowgraph;
mod fold;
mod instr;
#[doc(hidden)]
pub mod json;
mod swaps;
pub mod symtable;
mod unparse;
#[cfg(test)]
mod verify;

pub use code::{CodeObject, ConstValue, ExceptionTableEntry, Position};
pub use opcode::Opcode;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Exec,
    Eval,
    Single,
}

/// `source` is used only to fill SyntaxErrorInfo.text. `optimize` is -O level (0: keep asserts, __debug__ True).
///
/// Deeply nested code is compiled (like CPython, up to a few thousand levels)
/// on a helper thread with a large stack; beyond the limit the error message
/// is "maximum recursion depth exceeded during compilation", which CPython
/// raises as `RecursionError`.
pub fn compile(
    module: &rython_parser::ast::Mod,
    source: &str,
    filename: &str,
    mode: Mode,
    optimize: u8,
) -> Result<CodeObject, rython_parser::SyntaxErrorInfo> {
    compile_with_warnings(module, source, filename, mode, optimize).0
}

/// `compile` plus the `SyntaxWarning`s it raised, in source order, for the
/// caller to report.
pub fn compile_with_warnings(
    module: &rython_parser::ast::Mod,
    source: &str,
    filename: &str,
    mode: Mode,
    optimize: u8,
) -> CompileOutcome {
    let run = || {
        let _ = codegen::warn::take();
        let r = codegen::compile_module(module, source, filename, mode, optimize).map_err(|e| {
            // CPython locates errors found after parsing with
            // `PyErr_RangedSyntaxLocationObject`, which reads the line from
            // the file named `filename` (no text for a string).
            let mut info = e.into_info(source);
            info.text = rython_parser::program_text(filename, info.lineno);
            info
        });
        let warnings = codegen::warn::take()
            .into_iter()
            .map(|(loc, msg)| {
                let mut error = error::CompileError::new(msg.clone(), loc).into_info(source);
                error.text = rython_parser::program_text(filename, loc.lineno);
                rython_parser::CompileWarning {
                    lineno: loc.lineno,
                    msg,
                    error,
                }
            })
            .collect();
        (r, warnings)
    };
    std::thread::scope(|s| {
        match std::thread::Builder::new()
            .stack_size(COMPILER_STACK)
            .spawn_scoped(s, run)
        {
            Ok(h) => h.join().unwrap_or_else(|_| {
                (
                    Err(error::CompileError::new(
                        "internal compiler error",
                        rython_parser::ast::Loc::default(),
                    )
                    .into_info(source)),
                    Vec::new(),
                )
            }),
            Err(_) => run(),
        }
    })
}

/// A compilation's result and its warnings.
pub type CompileOutcome = (
    Result<CodeObject, rython_parser::SyntaxErrorInfo>,
    Vec<rython_parser::CompileWarning>,
);

/// Stack for the compiler thread: enough for `symtable::MAX_DEPTH` levels
/// of recursion in unoptimized builds (only touched pages are committed).
const COMPILER_STACK: usize = 256 << 20;

/// A `dis`-like listing of a code object and its nested code objects, formatted like CPython 3.13's dis.dis output (for tests and a future `dis` module).
pub fn disassemble(code: &CodeObject) -> String {
    dis::disassemble(code)
}

/// `BINARY_OP` arguments (CPython's `NB_*`). In-place forms are the binary
/// form plus `NB_INPLACE_ADD`.
pub mod binop {
    pub const ADD: u32 = 0;
    pub const AND: u32 = 1;
    pub const FLOOR_DIVIDE: u32 = 2;
    pub const LSHIFT: u32 = 3;
    pub const MATRIX_MULTIPLY: u32 = 4;
    pub const MULTIPLY: u32 = 5;
    pub const REMAINDER: u32 = 6;
    pub const OR: u32 = 7;
    pub const POWER: u32 = 8;
    pub const RSHIFT: u32 = 9;
    pub const SUBTRACT: u32 = 10;
    pub const TRUE_DIVIDE: u32 = 11;
    pub const XOR: u32 = 12;
    pub const INPLACE_ADD: u32 = 13;
}

/// `CALL_INTRINSIC_1` arguments.
pub mod intrinsic1 {
    pub const PRINT: u32 = 1;
    pub const IMPORT_STAR: u32 = 2;
    pub const STOPITERATION_ERROR: u32 = 3;
    pub const ASYNC_GEN_WRAP: u32 = 4;
    pub const UNARY_POSITIVE: u32 = 5;
    pub const LIST_TO_TUPLE: u32 = 6;
    pub const TYPEVAR: u32 = 7;
    pub const PARAMSPEC: u32 = 8;
    pub const TYPEVARTUPLE: u32 = 9;
    pub const SUBSCRIPT_GENERIC: u32 = 10;
    pub const TYPEALIAS: u32 = 11;
}

/// `CALL_INTRINSIC_2` arguments.
pub mod intrinsic2 {
    pub const PREP_RERAISE_STAR: u32 = 1;
    pub const TYPEVAR_WITH_BOUND: u32 = 2;
    pub const TYPEVAR_WITH_CONSTRAINTS: u32 = 3;
    pub const SET_FUNCTION_TYPE_PARAMS: u32 = 4;
    pub const SET_TYPEPARAM_DEFAULT: u32 = 5;
}

/// `SET_FUNCTION_ATTRIBUTE` flags.
pub mod fn_attr {
    pub const DEFAULTS: u32 = 0x01;
    pub const KWDEFAULTS: u32 = 0x02;
    pub const ANNOTATIONS: u32 = 0x04;
    pub const CLOSURE: u32 = 0x08;
}

/// `COMPARE_OP` argument: `(op << 5) | COERCE_TO_BOOL?`, ops in
/// `opcode.cmp_op` order.
pub mod cmp {
    pub const LT: u32 = 0;
    pub const LE: u32 = 1;
    pub const EQ: u32 = 2;
    pub const NE: u32 = 3;
    pub const GT: u32 = 4;
    pub const GE: u32 = 5;
    pub const COERCE_TO_BOOL: u32 = 16;
    /// Low bits of the argument: the comparison outcomes that make it true
    /// (CPython's `compare_masks`), used by specialized comparisons.
    pub const MASK_UNORDERED: u32 = 1;
    pub const MASK_LESS: u32 = 2;
    pub const MASK_GREATER: u32 = 4;
    pub const MASK_EQUAL: u32 = 8;
}
