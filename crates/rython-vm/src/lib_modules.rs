//! The Python-source modules of `lib/`, embedded at build time (see
//! build.rs), looked up by slash-separated path without `.py`
//! (`"collections/__init__"`).

include!(concat!(env!("OUT_DIR"), "/lib_modules.rs"));

pub fn source(path: &str) -> Option<&'static str> {
    MODULES.iter().find(|(n, _)| *n == path).map(|(_, s)| *s)
}

pub fn names() -> impl Iterator<Item = &'static str> {
    MODULES.iter().map(|(n, _)| *n)
}
