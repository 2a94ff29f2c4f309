//! Embeds the Python-source standard library (`lib/` at the repository
//! root, CPython's `Lib/`) into the binary: generates a table of
//! (module path, source) pairs.

use std::fmt::Write;
use std::path::Path;

fn walk(dir: &Path, base: &Path, out: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            walk(&p, base, out);
        } else if p.extension().is_some_and(|x| x == "py") {
            let rel = p.strip_prefix(base).expect("under base").with_extension("");
            let name = rel.to_string_lossy().replace('\\', "/");
            out.push((
                name,
                p.canonicalize()
                    .expect("path")
                    .to_string_lossy()
                    .to_string(),
            ));
        }
    }
}

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("manifest dir");
    let lib = Path::new(&manifest).join("../../lib");
    println!("cargo:rerun-if-changed={}", lib.display());
    let mut files = Vec::new();
    walk(&lib, &lib, &mut files);
    for (_, path) in &files {
        println!("cargo:rerun-if-changed={path}");
    }
    let mut code = String::from("pub static MODULES: &[(&str, &str)] = &[\n");
    for (name, path) in &files {
        writeln!(code, "    ({name:?}, include_str!({path:?})),").expect("write");
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("out dir")).join("lib_modules.rs");
    std::fs::write(out, code).expect("write table");
}
