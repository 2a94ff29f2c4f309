//! Compile-time SyntaxErrors: messages and positions as CPython 3.13
//! reports them (symtable and compiler errors; a few may come from the
//! parser, which reports the same thing).

fn err(src: &str) -> Option<(String, u32, u32, u32, u32)> {
    let m = match rython_parser::parse(src, rython_parser::Mode::Exec, "<test>") {
        Ok(m) => m,
        Err(e) => return Some((e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)),
    };
    match rython_compiler::compile(&m, src, "<test>", rython_compiler::Mode::Exec, 0) {
        Ok(_) => None,
        Err(e) => Some((e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)),
    }
}

#[test]
fn errors_match_cpython() {
    let cases: &[(&str, &str, u32, u32, u32, u32)] = &[
        ("def f():\n    x = 1\n    global x\n", "name 'x' is assigned to before global declaration", 3, 5, 3, 13),
        ("def f(x):\n    global x\n", "name 'x' is parameter and global", 2, 5, 2, 13),
        ("def f():\n    print(x)\n    global x\n", "name 'x' is used prior to global declaration", 3, 5, 3, 13),
        ("nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1, 1, 11),
        ("def f():\n    nonlocal y\n", "no binding for nonlocal 'y' found", 2, 5, 2, 15),
        ("return 1\n", "'return' outside function", 1, 1, 1, 9),
        ("yield 1\n", "'yield' outside function", 1, 1, 1, 8),
        ("x = [(yield) for y in z]\n", "'yield' inside list comprehension", 1, 7, 1, 12),
        ("await x\n", "'await' outside function", 1, 1, 1, 8),
        ("def f():\n    await x\n", "'await' outside async function", 2, 5, 2, 12),
        ("break\n", "'break' outside loop", 1, 1, 1, 6),
        ("if x:\n    continue\n", "'continue' not properly in loop", 2, 5, 2, 13),
        ("def f(a, a): pass\n", "duplicate argument 'a' in function definition", 1, 10, 1, 11),
        ("lambda a, b, a: 1\n", "duplicate argument 'a' in function definition", 1, 14, 1, 15),
        ("[x for x in (y := [1])]\n", "assignment expression cannot be used in a comprehension iterable expression", 1, 14, 1, 22),
        ("def f():\n    [i := 0 for i in range(3)]\n", "assignment expression cannot rebind comprehension iteration variable 'i'", 2, 6, 2, 7),
        ("class C:\n    [y := 1 for x in z]\n", "assignment expression within a comprehension cannot be used in a class body", 2, 6, 2, 7),
        ("match x:\n    case a:\n        pass\n    case 1:\n        pass\n", "name capture 'a' makes remaining patterns unreachable", 2, 10, 2, 11),
        ("match x:\n    case _:\n        pass\n    case 1:\n        pass\n", "wildcard makes remaining patterns unreachable", 2, 10, 2, 11),
        ("match x:\n    case [a, a]:\n        pass\n", "multiple assignments to name 'a' in pattern", 2, 14, 2, 15),
        ("match x:\n    case {1: a, 1: b}:\n        pass\n", "mapping pattern checks duplicate key (1)", 2, 10, 2, 22),
        ("match x:\n    case a | [b]:\n        pass\n", "name capture 'a' makes remaining patterns unreachable", 2, 10, 2, 11),
        ("f(a=1, a=2)\n", "keyword argument repeated: a", 1, 8, 1, 11),
        ("def f():\n    x = 1\n    def g():\n        nonlocal x\n        global x\n", "name 'x' is nonlocal and global", 4, 9, 4, 19),
        ("def f():\n    x: int = 1\n    global x\n", "annotated name 'x' can't be global", 3, 5, 3, 13),
        ("async def f():\n    yield 1\n    return 2\n", "'return' with value in async generator", 3, 5, 3, 13),
        ("def f():\n    yield from g()\n    async with a: pass\n", "'async with' outside async function", 3, 5, 3, 23),
        ("try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\n", "default 'except:' must be last", 3, 1, 4, 9),
        ("def f():\n    for x in y:\n        try:\n            pass\n        except* E:\n            break\n", "'break', 'continue' and 'return' cannot appear in an except* block", 6, 13, 6, 18),
        ("def f():\n    from os import *\n", "import * only allowed at module level", 2, 20, 2, 21),
        ("async def f():\n    def g():\n        await x\n", "'await' outside async function", 3, 9, 3, 16),
        ("def f():\n    [x async for x in y]\n", "asynchronous comprehension outside of an asynchronous function", 2, 5, 2, 25),
        ("class C:\n    def f(self):\n        nonlocal __x\n", "no binding for nonlocal '_C__x' found", 3, 9, 3, 21),
    ];
    let mut failures = vec![];
    for (src, msg, l, o, el, eo) in cases {
        let got = err(src);
        let want = Some((msg.to_string(), *l, *o, *el, *eo));
        if got != want {
            failures.push(format!("{src:?}: got {got:?}, want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
