//! Source decoding as `compile(bytes, ...)` does it in CPython 3.13.

use rython_parser::{decode_source, parse_bytes, Mode};

fn err(src: &[u8]) -> (String, u32, u32) {
    let e = parse_bytes(src, Mode::Exec, "f.py").unwrap_err();
    (e.msg, e.lineno, e.offset)
}

#[test]
fn bom_and_declarations() {
    assert_eq!(decode_source(b"\xef\xbb\xbfx = 1\n").unwrap(), "x = 1\n");
    assert_eq!(
        decode_source(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n").unwrap(),
        "# -*- coding: latin-1 -*-\nx = '\u{e9}'\n"
    );
    let s =
        decode_source(b"#!/usr/bin/python\n# vim: set fileencoding=iso-8859-15 :\nx = '\xa4'\n")
            .unwrap();
    assert!(s.ends_with("x = '\u{20ac}'\n"));
    assert_eq!(
        decode_source(b"# coding: cp1252\nx = '\x80'\n").unwrap(),
        "# coding: cp1252\nx = '\u{20ac}'\n"
    );
    // A declaration after a code line is not one.
    assert!(decode_source(b"x = 1\n# coding: latin-1\ny = '\xe9'\n").is_err());
}

#[test]
fn declaration_errors() {
    assert_eq!(
        err(b"# coding: foo\nx = 1\n"),
        ("unknown encoding: foo".into(), 0, 0)
    );
    assert_eq!(
        err(b"\xef\xbb\xbf# coding: latin-1\nx = 1\n"),
        ("encoding problem: iso-8859-1 with BOM".into(), 0, 0)
    );
    assert_eq!(
        err(b"# coding: ascii\n\xe2\x98\x83"),
        (
            "'ascii' codec can't decode byte 0xe2 in position 16: ordinal not in range(128)".into(),
            0,
            0
        )
    );
}

#[test]
fn invalid_utf8() {
    // Comments may hold anything.
    assert!(parse_bytes(b"# \xff\nx = 1 # \xe9\n", Mode::Exec, "f.py").is_ok());
    assert_eq!(
        err(b"x = \"ab\xffcd\"\n"),
        ("(unicode error) 'utf-8' codec can't decode byte 0xff in position 2: invalid start byte".into(), 1, 5)
    );
    assert_eq!(
        err(b"x = \"\xe2\x82\"\n"),
        ("(unicode error) 'utf-8' codec can't decode bytes in position 0-1: unexpected end of data".into(), 1, 5)
    );
    assert_eq!(
        err(b"x\xff = 1\n"),
        ("(unicode error) 'utf-8' codec can't decode byte 0xff in position 1: invalid start byte".into(), 1, 2)
    );
    assert_eq!(
        err(b"x = 1\xff\n"),
        ("(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte".into(), 1, 6)
    );
    assert_eq!(
        err(b"x = \"\"\"a\nb\xff\"\"\"\n"),
        ("(unicode error) 'utf-8' codec can't decode byte 0xff in position 3: invalid start byte".into(), 1, 5)
    );
}

#[test]
fn null_bytes_are_refused() {
    assert_eq!(
        err(b"x = 1\0\n"),
        ("source code string cannot contain null bytes".into(), 0, 0)
    );
}

#[test]
fn escaped_non_ascii_next_to_bad_comment_bytes() {
    let m = parse_bytes(b"x = \"\\\xc3\xa9\"  # \xff\n", Mode::Exec, "f.py");
    assert!(m.is_ok(), "{m:?}");
}
