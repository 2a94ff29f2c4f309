//! No input may panic, hang or overflow the stack: mutated programs, random
//! bytes and pathologically deep nesting all end in a result.

use rython_parser::{parse, parse_bytes, tokenize, Mode};
use std::path::Path;

/// Runs `f` on a thread with an 8 MB stack, the budget the parser must
/// stay within even though callers give it more.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .expect("parser panicked")
}

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "\"",
    "'",
    "\"\"\"",
    "f\"",
    "rb'",
    "\\",
    "\n",
    "\r\n",
    "\t",
    " ",
    "    ",
    "#",
    ":",
    "=",
    ",",
    ".",
    "*",
    "**",
    "é",
    "€",
    "\u{1F600}",
    "\0",
    "0x",
    "1_",
    "1e",
    "j",
    "{x!r:>{w}}",
    "lambda",
    "match",
    "case",
    "async",
    "await",
    "yield",
    "def f():",
    "if x:\n  ",
    "@",
    ":=",
    "->",
    "\u{feff}",
    "\u{a0}",
    "\\N{",
    "\\x",
];

fn mutate(rng: &mut Lcg, src: &str) -> String {
    let mut s: Vec<char> = src.chars().collect();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(s.len() + 1);
        match rng.below(4) {
            0 => {
                let piece = PIECES[rng.below(PIECES.len())];
                for (i, c) in piece.chars().enumerate() {
                    s.insert(at + i, c);
                }
            }
            1 if !s.is_empty() => {
                let end = (at + rng.below(8)).min(s.len());
                s.drain(at.min(end)..end);
            }
            2 if !s.is_empty() => {
                let end = (at + rng.below(12)).min(s.len());
                let dup: Vec<char> = s[at.min(end)..end].to_vec();
                for (i, c) in dup.into_iter().enumerate() {
                    s.insert(end + i, c);
                }
            }
            _ => s.truncate(at),
        }
    }
    s.into_iter().collect()
}

fn corpus() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut out = Vec::new();
    for f in ["valid.txt", "errors.txt"] {
        let text = std::fs::read_to_string(dir.join(f)).unwrap();
        out.extend(text.split("\n----\n").map(String::from));
    }
    out
}

#[test]
fn mutated_programs_never_panic() {
    on_small_stack(|| {
        let corpus = corpus();
        let mut rng = Lcg(0x5eed);
        for i in 0..20_000 {
            let base = &corpus[i % corpus.len()];
            let src = mutate(&mut rng, base);
            let _ = parse(&src, Mode::Exec, "f.py");
            let _ = tokenize(&src);
            if i % 7 == 0 {
                let _ = parse(&src, Mode::Eval, "f.py");
                let _ = parse(&src, Mode::Single, "f.py");
            }
        }
    });
}

#[test]
fn random_bytes_never_panic() {
    on_small_stack(|| {
        let mut rng = Lcg(42);
        for _ in 0..5_000 {
            let n = rng.below(64);
            let bytes: Vec<u8> = (0..n)
                .map(|_| {
                    let alphabet = b"ab1 ()[]{}'\"\\\n\t:=#f.*,\xc3\xa9\xff\xe2\x82\xac";
                    if rng.below(4) == 0 {
                        rng.next() as u8
                    } else {
                        alphabet[rng.below(alphabet.len())]
                    }
                })
                .collect();
            let _ = parse_bytes(&bytes, Mode::Exec, "f.py");
        }
    });
}

fn msg_of(src: String) -> String {
    on_small_stack(move || match parse(&src, Mode::Exec, "f.py") {
        Ok(_) => "ok".to_string(),
        Err(e) => e.msg,
    })
}

#[test]
fn deep_nesting_is_refused_like_cpython() {
    let too_complex = "Parser stack overflowed - Python source too complex to parse";
    assert_eq!(msg_of("(".repeat(100_000)), "too many nested parentheses");
    assert_eq!(msg_of("[".repeat(300)), "too many nested parentheses");
    assert_eq!(
        msg_of(format!("{}1{}", "(".repeat(199), ")".repeat(199))),
        "ok"
    );
    assert_eq!(
        msg_of(format!("{}1{}", "{1:".repeat(199), "}".repeat(199))),
        "ok"
    );
    assert_eq!(msg_of("lambda:".repeat(100_000) + "1"), too_complex);
    assert_eq!(
        msg_of("x".to_string() + &"**x".repeat(100_000)),
        too_complex
    );
    assert_eq!(
        msg_of(
            "if 1:\n".to_string()
                + &(1..150)
                    .map(|i| " ".repeat(i) + "if 1:\n")
                    .collect::<String>()
        ),
        "too many levels of indentation"
    );
}

#[test]
fn long_flat_chains_are_accepted() {
    assert_eq!(msg_of("-".repeat(100_000) + "1"), "ok");
    assert_eq!(msg_of("not ".repeat(100_000) + "1"), "ok");
    assert_eq!(msg_of("~".repeat(100_000) + "1"), "ok");
    assert_eq!(msg_of("x".to_string() + &".a".repeat(100_000)), "ok");
    assert_eq!(msg_of("x".to_string() + &"()".repeat(100_000)), "ok");
    assert_eq!(msg_of("x".to_string() + &"[0]".repeat(100_000)), "ok");
    assert_eq!(msg_of("1".to_string() + &"+1".repeat(100_000)), "ok");
    assert_eq!(msg_of("1".to_string() + &" and 1".repeat(100_000)), "ok");
    assert_eq!(msg_of("x = ".to_string() + &"\"a\" ".repeat(100_000)), "ok");
    assert_eq!(
        msg_of("if x: pass\n".to_string() + &"elif x: pass\n".repeat(5_000)),
        "ok"
    );
    assert_eq!(msg_of("a if b else ".repeat(5_000) + "c"), "ok");
    assert_eq!(msg_of("lambda:".repeat(2_000) + "1"), "ok");
    assert_eq!(msg_of("x".to_string() + &"**x".repeat(2_000)), "ok");
    assert_eq!(msg_of("lambda: x if y else ".repeat(1_000) + "1"), "ok");
    assert_eq!(msg_of("@d\n".repeat(10_000) + "def f(): pass"), "ok");
    assert_eq!(
        msg_of(format!("{}x{}", "f\"{".repeat(50), "}\"".repeat(50))),
        "ok"
    );
}
