//! Like pydump, with the mode as the first argument (exec/eval/single).
fn main() {
    let mut args = std::env::args().skip(1);
    let mode = match args.next().as_deref() {
        Some("eval") => rython_parser::Mode::Eval,
        Some("single") => rython_parser::Mode::Single,
        _ => rython_parser::Mode::Exec,
    };
    for path in args {
        let bytes = std::fs::read(&path).expect("read");
        let out = match rython_parser::parse_bytes(&bytes, mode, "f.py") {
            Ok(m) => rython_parser::dump::dump_mod(&m),
            Err(e) => format!(
                "ERR|{}|{}|{}|{}|{}|{}",
                e.kind.name(),
                e.msg,
                e.lineno,
                e.offset,
                e.end_lineno,
                e.end_offset
            ),
        };
        println!("{}", out.replace('\n', "\\n"));
    }
}
