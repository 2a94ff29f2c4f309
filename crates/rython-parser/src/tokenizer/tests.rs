use super::*;
use TokenKind::*;

fn kinds(src: &str) -> Vec<(TokenKind, std::string::String)> {
    tokenize(src)
        .unwrap()
        .into_iter()
        .map(|t| (t.kind, t.text))
        .collect()
}

fn expect(src: &str, want: &[(TokenKind, &str)]) {
    let want: Vec<(TokenKind, std::string::String)> =
        want.iter().map(|(k, s)| (*k, s.to_string())).collect();
    assert_eq!(kinds(src), want, "tokens of {src:?}");
}

fn error(src: &str) -> (SyntaxErrorKind, std::string::String) {
    let e = tokenize(src).unwrap_err();
    (e.kind, e.msg)
}

#[test]
fn indentation_and_newlines() {
    expect(
        "if x:\n    y = 1\n",
        &[
            (Name, "if"),
            (Name, "x"),
            (Op, ":"),
            (Newline, "\n"),
            (Indent, "    "),
            (Name, "y"),
            (Op, "="),
            (Number, "1"),
            (Newline, "\n"),
            (Dedent, ""),
            (EndMarker, ""),
        ],
    );
}

#[test]
fn missing_final_newline_is_synthesised() {
    expect("x", &[(Name, "x"), (Newline, ""), (EndMarker, "")]);
}

#[test]
fn blank_lines_comments_and_brackets_give_nl() {
    expect(
        "a = (1,\n  2)  # c\n\n",
        &[
            (Name, "a"),
            (Op, "="),
            (Op, "("),
            (Number, "1"),
            (Op, ","),
            (Nl, "\n"),
            (Number, "2"),
            (Op, ")"),
            (Comment, "# c"),
            (Newline, "\n"),
            (Nl, "\n"),
            (EndMarker, ""),
        ],
    );
}

#[test]
fn backslash_continuation_joins_lines() {
    expect(
        "x = 1 + \\\n    2\n",
        &[
            (Name, "x"),
            (Op, "="),
            (Number, "1"),
            (Op, "+"),
            (Number, "2"),
            (Newline, "\n"),
            (EndMarker, ""),
        ],
    );
}

#[test]
fn crlf_line_endings() {
    expect(
        "x\r\ny\r\n",
        &[
            (Name, "x"),
            (Newline, "\r\n"),
            (Name, "y"),
            (Newline, "\r\n"),
            (EndMarker, ""),
        ],
    );
}

#[test]
fn dedents_close_every_level() {
    let k: Vec<TokenKind> = tokenize("if a:\n if b:\n  c\nd\n")
        .unwrap()
        .into_iter()
        .map(|t| t.kind)
        .collect();
    assert_eq!(k.iter().filter(|&&k| k == Dedent).count(), 2);
    assert_eq!(k.iter().filter(|&&k| k == Indent).count(), 2);
}

#[test]
fn operators_are_maximal_munch() {
    expect(
        "a **= b // c -> d := e ... != f",
        &[
            (Name, "a"),
            (Op, "**="),
            (Name, "b"),
            (Op, "//"),
            (Name, "c"),
            (Op, "->"),
            (Name, "d"),
            (Op, ":="),
            (Name, "e"),
            (Op, "..."),
            (Op, "!="),
            (Name, "f"),
            (Newline, ""),
            (EndMarker, ""),
        ],
    );
}

#[test]
fn numbers() {
    for n in [
        "0",
        "00",
        "1_000",
        "0x_Ff",
        "0o17",
        "0B1_0",
        "1.",
        ".5",
        "1e-3",
        "1_0.0_1e+1_0",
        "3j",
        "1.5J",
        "0_0",
    ] {
        expect(n, &[(Number, n), (Newline, ""), (EndMarker, "")]);
    }
}

#[test]
fn bad_numbers() {
    assert_eq!(error("1_").1, "invalid decimal literal");
    assert_eq!(error("1__0").1, "invalid decimal literal");
    assert_eq!(error("0x").1, "invalid hexadecimal literal");
    assert_eq!(error("0b12").1, "invalid digit '2' in binary literal");
    assert_eq!(error("0o8").1, "invalid digit '8' in octal literal");
    assert_eq!(
        error("0777").1,
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
    );
    assert_eq!(error("1abc").1, "invalid decimal literal");
    assert_eq!(error("1.5jx").1, "invalid imaginary literal");
}

#[test]
fn string_prefixes_and_triple_quotes() {
    for s in [
        "'a'",
        "\"a\"",
        "r'\\d'",
        "b'x'",
        "Rb'x'",
        "bR'x'",
        "u'x'",
        "'''a\nb'''",
        "\"\"\"a\"b\"\"\"",
        "'a\\'b'",
    ] {
        let toks = kinds(s);
        assert_eq!(toks[0], (String, s.to_string()), "{s:?}");
    }
    // `ur` is not a prefix: a name followed by a string.
    assert_eq!(kinds("ur'x'")[0], (Name, "ur".to_string()));
}

#[test]
fn fstring_tokens() {
    let k = kinds("f'a{x!r:>{w}}b'");
    let texts: Vec<&str> = k.iter().map(|(_, s)| s.as_str()).collect();
    assert_eq!(
        texts,
        vec!["f'", "a", "{", "x", "!", "r", ":", ">", "{", "w", "}", "}", "b", "'", "", ""]
    );
    assert_eq!(k[0].0, FStringStart);
    assert_eq!(k[7].0, FStringMiddle);
    assert_eq!(k[13].0, FStringEnd);
}

#[test]
fn fstring_nested_quotes_and_braces() {
    let k = kinds("f\"{f\"{x}\"}{{}}\"");
    let texts: Vec<&str> = k.iter().map(|(_, s)| s.as_str()).collect();
    assert_eq!(
        texts,
        vec!["f\"", "{", "f\"", "{", "x", "}", "\"", "}", "{{}}", "\"", "", ""]
    );
    // `!=` stays an operator; `:=` at the top of a field starts a spec.
    let k = kinds("f'{a!=b}{c:=5}'");
    assert!(k.contains(&(Op, "!=".to_string())));
    assert!(k.contains(&(FStringMiddle, "=5".to_string())));
}

#[test]
fn indentation_errors() {
    assert_eq!(
        error("if x:\n    a\n  b\n"),
        (
            SyntaxErrorKind::IndentationError,
            "unindent does not match any outer indentation level".into()
        )
    );
    assert_eq!(
        error("if x:\n\ta\n        b\n"),
        (
            SyntaxErrorKind::TabError,
            "inconsistent use of tabs and spaces in indentation".into()
        )
    );
}

#[test]
fn bracket_errors() {
    assert_eq!(
        error("(]").1,
        "closing parenthesis ']' does not match opening parenthesis '('"
    );
    assert_eq!(
        error("(\n]").1,
        "closing parenthesis ']' does not match opening parenthesis '(' on line 1"
    );
    assert_eq!(error(")").1, "unmatched ')'");
    assert_eq!(error("f(").1, "'(' was never closed");
    assert_eq!(error(&"(".repeat(201)).1, "too many nested parentheses");
}

#[test]
fn string_errors() {
    assert_eq!(
        error("'abc").1,
        "unterminated string literal (detected at line 1)"
    );
    assert_eq!(
        error("'''abc\n\n").1,
        "unterminated triple-quoted string literal (detected at line 2)"
    );
    assert_eq!(
        error("'abc\\'").1,
        "unterminated string literal (detected at line 1); perhaps you escaped the end quote?"
    );
    assert_eq!(
        error("f'abc").1,
        "unterminated f-string literal (detected at line 1)"
    );
}

#[test]
fn invalid_characters() {
    assert_eq!(error("a € b").1, "invalid character '€' (U+20AC)");
    assert_eq!(
        error("a \u{a0} b").1,
        "invalid non-printable character U+00A0"
    );
    assert_eq!(error("x\u{7}").1, "invalid non-printable character U+0007");
}

#[test]
fn non_ascii_identifiers() {
    expect(
        "é = ﬁ",
        &[
            (Name, "é"),
            (Op, "="),
            (Name, "ﬁ"),
            (Newline, ""),
            (EndMarker, ""),
        ],
    );
}

#[test]
fn positions_are_utf8_byte_columns() {
    let toks = tokenize("é = 1").unwrap();
    assert_eq!((toks[0].start.col, toks[0].end.col), (0, 2));
    assert_eq!(toks[1].start.col, 3);
}
