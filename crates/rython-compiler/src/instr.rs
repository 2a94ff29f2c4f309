//! Instructions as codegen emits them: real opcodes plus CPython's pseudo
//! instructions (SETUP_*, POP_BLOCK, JUMP, ...), with their stack effects.
use crate::opcode::Opcode;

/// Opcodes: a real `Opcode` byte, or one of the pseudo instructions below.
pub type Op = u16;

pub const SETUP_FINALLY: Op = 256;
pub const SETUP_CLEANUP: Op = 257;
pub const SETUP_WITH: Op = 258;
pub const POP_BLOCK: Op = 259;
pub const JUMP: Op = 260;
pub const JUMP_NO_INTERRUPT: Op = 261;
pub const LOAD_CLOSURE: Op = 262;
pub const STORE_FAST_MAYBE_NULL: Op = 263;

pub const NO_LABEL: usize = usize::MAX;

pub const fn op(o: Opcode) -> Op {
    o as u8 as Op
}

/// An instruction location; -1 means "none yet" (CPython's NO_LOCATION), to
/// be filled in by line-number propagation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Loc {
    pub line: i32,
    pub end_line: i32,
    pub col: i32,
    pub end_col: i32,
}

pub const NO_LOC: Loc = Loc {
    line: -1,
    end_line: -1,
    col: -1,
    end_col: -1,
};

impl Loc {
    pub fn from_ast(l: rython_parser::ast::Loc) -> Loc {
        Loc {
            line: l.lineno as i32,
            end_line: l.end_lineno as i32,
            col: l.col_offset as i32,
            end_col: l.end_col_offset as i32,
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Instr {
    pub op: Op,
    pub arg: u32,
    /// Jump target: a label while emitting, a block index in the CFG.
    pub target: usize,
    pub loc: Loc,
    /// Exception handler block (CFG only).
    pub except: usize,
    /// The location was copied from a neighbour by line-number propagation
    /// (CPython's `i_loc_propagated`); jump threading treats it as absent.
    pub propagated: bool,
}

pub fn is_real(o: Op) -> bool {
    o < 256
}

pub fn real(o: Op) -> Opcode {
    Opcode::from_u8(o as u8).expect("real opcode")
}

pub fn op_name(o: Op) -> &'static str {
    match o {
        SETUP_FINALLY => "SETUP_FINALLY",
        SETUP_CLEANUP => "SETUP_CLEANUP",
        SETUP_WITH => "SETUP_WITH",
        POP_BLOCK => "POP_BLOCK",
        JUMP => "JUMP",
        JUMP_NO_INTERRUPT => "JUMP_NO_INTERRUPT",
        LOAD_CLOSURE => "LOAD_CLOSURE",
        STORE_FAST_MAYBE_NULL => "STORE_FAST_MAYBE_NULL",
        _ => Opcode::from_u8(o as u8).map_or("<invalid>", |o| o.name()),
    }
}

/// Has a jump target (CPython's `OPCODE_HAS_JUMP`; excludes SETUP_*).
pub fn is_jump(o: Op) -> bool {
    use Opcode::*;
    matches!(o, JUMP | JUMP_NO_INTERRUPT)
        || (is_real(o)
            && matches!(
                real(o),
                JumpForward
                    | JumpBackward
                    | JumpBackwardNoInterrupt
                    | PopJumpIfFalse
                    | PopJumpIfTrue
                    | PopJumpIfNone
                    | PopJumpIfNotNone
                    | ForIter
                    | Send
            ))
}

pub fn is_block_push(o: Op) -> bool {
    matches!(o, SETUP_FINALLY | SETUP_CLEANUP | SETUP_WITH)
}

pub fn is_uncond_jump(o: Op) -> bool {
    use Opcode::*;
    matches!(o, JUMP | JUMP_NO_INTERRUPT)
        || (is_real(o)
            && matches!(
                real(o),
                JumpForward | JumpBackward | JumpBackwardNoInterrupt
            ))
}

pub fn is_scope_exit(o: Op) -> bool {
    use Opcode::*;
    is_real(o) && matches!(real(o), ReturnValue | ReturnConst | RaiseVarargs | Reraise)
}

pub fn has_target(o: Op) -> bool {
    is_jump(o) || is_block_push(o)
}

/// Stack effect of an instruction when it does (`jump`) or does not jump.
pub fn stack_effect(o: Op, arg: u32, jump: bool) -> i32 {
    use Opcode::*;
    let a = arg as i32;
    match o {
        SETUP_FINALLY => return if jump { 1 } else { 0 },
        SETUP_CLEANUP => return if jump { 2 } else { 0 },
        SETUP_WITH => return if jump { 1 } else { 0 },
        POP_BLOCK | JUMP | JUMP_NO_INTERRUPT => return 0,
        LOAD_CLOSURE => return 1,
        STORE_FAST_MAYBE_NULL => return -1,
        _ => {}
    }
    match real(o) {
        Nop | ExtendedArg | Resume | CopyFreeVars | MakeCell | Swap => 0,
        PopTop => -1,
        PushNull => 1,
        EndFor => -1,
        EndSend => -1,
        UnaryInvert | UnaryNegative | UnaryNot | ToBool => 0,
        BinaryOp | BinarySubscr => -1,
        BinarySlice => -2,
        StoreSlice => -4,
        StoreSubscr => -3,
        DeleteSubscr => -2,
        GetIter | GetYieldFromIter | GetAiter | GetAwaitable => 0,
        GetAnext | GetLen => 1,
        LoadBuildClass | LoadLocals | LoadAssertionError => 1,
        ReturnValue => -1,
        ReturnConst => 0,
        YieldValue => 0,
        ReturnGenerator => 1,
        SetupAnnotations => 0,
        PopExcept => -1,
        PushExcInfo => 1,
        WithExceptStart => 1,
        CheckExcMatch | CheckEgMatch => 0,
        CleanupThrow => -1,
        EndAsyncFor => -2,
        BeforeWith | BeforeAsyncWith => 1,
        MatchMapping | MatchSequence | MatchKeys => 1,
        MatchClass => -2,
        MakeFunction => 0,
        SetFunctionAttribute => -1,
        StoreName | StoreGlobal | StoreFast | StoreDeref => -1,
        DeleteName | DeleteGlobal | DeleteFast | DeleteDeref => 0,
        StoreAttr => -2,
        DeleteAttr => -1,
        LoadConst | LoadName | LoadFast | LoadFastCheck | LoadFastAndClear | LoadDeref => 1,
        LoadFastLoadFast => 2,
        StoreFastLoadFast => 0,
        StoreFastStoreFast => -2,
        LoadGlobal => 1 + (a & 1),
        LoadAttr => a & 1,
        LoadSuperAttr => -2 + (a & 1),
        LoadFromDictOrDeref | LoadFromDictOrGlobals => 0,
        UnpackSequence => a - 1,
        UnpackEx => (a & 0xff) + (a >> 8),
        BuildTuple | BuildList | BuildSet | BuildString | BuildSlice => 1 - a,
        BuildMap => 1 - 2 * a,
        BuildConstKeyMap => -a,
        ListAppend | SetAdd | ListExtend | SetUpdate | DictUpdate | DictMerge => -1,
        MapAdd => -2,
        CompareOp | IsOp | ContainsOp => -1,
        ImportName => -1,
        ImportFrom => 1,
        JumpForward | JumpBackward | JumpBackwardNoInterrupt => 0,
        PopJumpIfFalse | PopJumpIfTrue | PopJumpIfNone | PopJumpIfNotNone => -1,
        ForIter => 1,
        Send => 0,
        Call => -1 - a,
        CallKw => -2 - a,
        CallFunctionEx => -2 - (a & 1),
        CallIntrinsic1 => 0,
        CallIntrinsic2 => -1,
        RaiseVarargs => -a,
        Reraise => -1,
        Copy => 1,
        FormatSimple | ConvertValue => 0,
        FormatWithSpec => -1,
    }
}
