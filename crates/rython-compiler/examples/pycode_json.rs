//! `pycode_json FILE`: compile a Python file and print the code object tree
//! as JSON (used to run our bytecode on CPython itself in tests).

fn s(x: &str) -> String {
    format!("{:?}", x)
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: pycode_json FILE");
    let src = std::fs::read_to_string(&path).expect("read");
    let m = match rython_parser::parse(&src, rython_parser::Mode::Exec, &path) {
        Ok(m) => m,
        Err(e) => {
            println!("{{\"error\":{}}}", s(&e.msg));
            return;
        }
    };
    match rython_compiler::compile(&m, &src, &path, rython_compiler::Mode::Exec, 0) {
        Ok(c) => println!("{}", rython_compiler::json::code_to_json(&c)),
        Err(e) => println!("{{\"error\":{}}}", s(&e.msg)),
    }
}
