use super::*;

fn kinds(src: &str) -> Vec<(TokenKind, String)> {
    tokenize(src)
        .unwrap()
        .into_iter()
        .map(|t| (t.kind, t.text))
        .collect()
}

#[test]
fn simple_tokens() {
    use TokenKind::*;
    let k = kinds("if x:\n    y = 1\n");
    let expect = vec![
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
    ];
    let expect: Vec<(TokenKind, std::string::String)> = expect
        .into_iter()
        .map(|(k, s)| (k, s.to_string()))
        .collect();
    assert_eq!(k, expect);
}

#[test]
fn fstring_tokens() {
    use TokenKind::*;
    let k = kinds("f'a{x!r:>{w}}b'");
    let texts: Vec<&str> = k.iter().map(|(_, s)| s.as_str()).collect();
    assert_eq!(
        texts,
        vec!["f'", "a", "{", "x", "!", "r", ":", ">", "{", "w", "}", "}", "b", "'", "", ""]
    );
    assert_eq!(k[0].0, FStringStart);
    assert_eq!(k[7].0, FStringMiddle);
}
