//! `pydis FILE`: compile a Python file and print its disassembly
//! (compare with `python3.13 -m dis FILE`).
fn main() {
    let path = std::env::args().nth(1).expect("usage: pydis FILE");
    let src = std::fs::read_to_string(&path).expect("read");
    let m = match rython_parser::parse(&src, rython_parser::Mode::Exec, &path) {
        Ok(m) => m,
        Err(e) => {
            println!("SyntaxError: {} ({}:{})", e.msg, e.lineno, e.offset);
            return;
        }
    };
    match rython_compiler::compile(&m, &src, &path, rython_compiler::Mode::Exec, 0) {
        Ok(c) => print!("{}", rython_compiler::disassemble(&c)),
        Err(e) => println!(
            "SyntaxError: {} ({}:{}-{}:{})",
            e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset
        ),
    }
}
