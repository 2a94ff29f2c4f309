//! Prints `ast.dump(..., include_attributes=True)` of each file given, or
//! its SyntaxError fields, for comparison with CPython.
fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("read");
        let r = std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(move || {
                match rython_parser::parse_bytes(&bytes, rython_parser::Mode::Exec, "f.py") {
                    Ok(m) => rython_parser::dump::dump_mod(&m),
                    Err(e) => format!(
                        "ERR|{}|{}|{}|{}|{}|{}",
                        e.kind.name(),
                        e.msg,
                        e.lineno,
                        e.offset,
                        e.end_lineno,
                        e.end_offset,
                    ),
                }
            })
            .unwrap()
            .join()
            .unwrap_or_else(|_| "PANIC".to_string());
        println!("{}", r);
    }
}
