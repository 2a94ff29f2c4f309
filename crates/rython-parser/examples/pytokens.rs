//! Prints the token stream of a file: KIND|text|line:col-line:col (UTF-8
//! byte columns), for comparison with CPython's tokenize module.
fn main() {
    for path in std::env::args().skip(1) {
        let src = std::fs::read_to_string(&path).expect("read");
        match rython_parser::tokenize(&src) {
            Ok(toks) => {
                for t in toks {
                    println!(
                        "{:?}|{:?}|{}:{}-{}:{}",
                        t.kind, t.text, t.start.line, t.start.col, t.end.line, t.end.col
                    );
                }
            }
            Err(e) => println!("ERR {}", e.msg),
        }
    }
}
