//! Running programs and reporting uncaught exceptions (CPython's
//! Python/pythonrun.c and the traceback printing of Python/traceback.c /
//! Lib/traceback.py): compile-and-run entry points for files, `-c`
//! strings and modules, `SystemExit` handling, and the 3.13 traceback
//! format with source lines and `~~^^` carets.

use crate::object::PyObjectRef;
use crate::objects::codeobject::PyCodeRef;
use crate::objects::exceptions::{PyBaseException, PyBaseExceptionRef};
use crate::objects::strobject::PyStr;
use crate::objects::traceback::PyTraceback;
use crate::{PyResult, VM};
use rython_parser::SyntaxErrorInfo;

impl VM {
    /// Parses and compiles source bytes (encoding declaration honoured).
    pub fn compile_bytes(
        &self,
        source: &[u8],
        filename: &str,
        mode: rython_compiler::Mode,
    ) -> PyResult<PyCodeRef> {
        let pmode = match mode {
            rython_compiler::Mode::Exec => rython_parser::Mode::Exec,
            rython_compiler::Mode::Eval => rython_parser::Mode::Eval,
            rython_compiler::Mode::Single => rython_parser::Mode::Single,
        };
        let text = rython_parser::decode_source(source)
            .map_err(|e| self.new_syntax_error(&e, filename))?;
        let ast = rython_parser::parse(&text, pmode, filename)
            .map_err(|e| self.new_syntax_error(&e, filename))?;
        let optimize = self.config.borrow().optimize;
        let code = rython_compiler::compile(&ast, &text, filename, mode, optimize)
            .map_err(|e| self.new_syntax_error(&e, filename))?;
        Ok(crate::objects::codeobject::from_compiled(self, code))
    }

    pub fn compile_str(
        &self,
        source: &str,
        filename: &str,
        mode: rython_compiler::Mode,
    ) -> PyResult<PyCodeRef> {
        self.compile_bytes(source.as_bytes(), filename, mode)
    }

    /// A `SyntaxError` (or subclass) instance from the parser's report.
    pub fn new_syntax_error(&self, info: &SyntaxErrorInfo, filename: &str) -> PyBaseExceptionRef {
        if info.msg == "maximum recursion depth exceeded during compilation" {
            return self.new_recursion_error(info.msg.clone());
        }
        let ty = match info.kind {
            rython_parser::SyntaxErrorKind::SyntaxError => &self.types.exc.syntax_error,
            rython_parser::SyntaxErrorKind::IndentationError => &self.types.exc.indentation_error,
            rython_parser::SyntaxErrorKind::TabError => &self.types.exc.tab_error,
        };
        let opt_int = |v: u32| {
            if v == 0 && info.lineno == 0 {
                self.none()
            } else {
                self.new_int(v as i64)
            }
        };
        let text = info
            .text
            .as_ref()
            .map(|t| self.new_str_obj(t.as_str()))
            .unwrap_or_else(|| self.none());
        let details = self.new_tuple(vec![
            self.new_str_obj(filename),
            opt_int(info.lineno),
            opt_int(info.offset),
            text.clone(),
            opt_int(info.end_lineno),
            opt_int(info.end_offset),
        ]);
        let e = self.new_exception(
            ty,
            vec![self.new_str_obj(info.msg.as_str()), details.into_object()],
        );
        self.set_exception_attr(&e, "msg", self.new_str_obj(info.msg.as_str()));
        self.set_exception_attr(&e, "filename", self.new_str_obj(filename));
        self.set_exception_attr(&e, "lineno", opt_int(info.lineno));
        self.set_exception_attr(&e, "offset", opt_int(info.offset));
        self.set_exception_attr(&e, "text", text);
        self.set_exception_attr(&e, "end_lineno", opt_int(info.end_lineno));
        self.set_exception_attr(&e, "end_offset", opt_int(info.end_offset));
        self.set_exception_attr(&e, "print_file_and_line", self.none());
        e
    }

    /// Writes to `sys.stderr` (falling back to the process's stderr).
    pub fn write_stderr(&self, s: &str) {
        if let Ok(err) = self.sys_attr("stderr") {
            if !self.is_none(&err)
                && self
                    .call_method(&err, "write", &[self.new_str_obj(s)])
                    .is_ok()
            {
                let _ = self.call_method(&err, "flush", &[]);
                return;
            }
        }
        use std::io::Write;
        let _ = std::io::stderr().write_all(s.as_bytes());
    }

    /// Prints an uncaught exception as the interpreter does at exit
    /// (`sys.excepthook`).
    pub fn print_exception(&self, exc: &PyBaseExceptionRef) {
        if let Ok(hook) = self.sys_attr("excepthook") {
            let is_default = self
                .state
                .original_excepthook
                .borrow()
                .as_ref()
                .is_some_and(|h| h.is(&hook));
            if !is_default {
                let tb = exc
                    .payload
                    .traceback
                    .borrow()
                    .clone()
                    .unwrap_or_else(|| self.none());
                let r = self.call(
                    &hook,
                    &[
                        exc.as_object().class().clone().into_object(),
                        exc.clone().into_object(),
                        tb,
                    ],
                    None,
                );
                if let Err(e) = r {
                    self.write_stderr("Error in sys.excepthook:\n");
                    self.write_stderr(&format_exception(self, &e));
                    self.write_stderr("\nOriginal exception was:\n");
                } else {
                    return;
                }
            }
        }
        let text = format_exception(self, exc);
        self.write_stderr(&text);
    }

    /// The exit status for an uncaught `SystemExit` (printing its message
    /// when it is not an int), as `handle_system_exit` does.
    pub fn system_exit_code(&self, exc: &PyBaseExceptionRef) -> i32 {
        let code = self
            .get_attr_str(exc.as_object(), "code")
            .unwrap_or_else(|_| self.none());
        if self.is_none(&code) {
            return 0;
        }
        if let Some(i) = code.downcast_ref::<crate::objects::longobject::PyInt>() {
            return match i.as_i64() {
                Some(v) => v as i32,
                None => -1,
            };
        }
        let s = self.str_string(&code).unwrap_or_default();
        self.write_stderr(&format!("{s}\n"));
        1
    }
}

/// The full report for an exception and its chain.
pub fn format_exception(vm: &VM, exc: &PyBaseExceptionRef) -> String {
    let mut out = String::new();
    let mut seen: Vec<usize> = Vec::new();
    format_chain(vm, exc.as_object(), &mut out, &mut seen, 0);
    out
}

fn format_chain(vm: &VM, exc: &PyObjectRef, out: &mut String, seen: &mut Vec<usize>, depth: usize) {
    seen.push(exc.id());
    if depth < 100 {
        if let Some(e) = exc.downcast_ref::<PyBaseException>() {
            let cause = e.cause.borrow().clone();
            let context = e.context.borrow().clone();
            if let Some(c) = cause.filter(|c| !seen.contains(&c.id())) {
                format_chain(vm, &c, out, seen, depth + 1);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            } else if let Some(c) =
                context.filter(|c| !e.suppress_context.get() && !seen.contains(&c.id()))
            {
                format_chain(vm, &c, out, seen, depth + 1);
                out.push_str(
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                );
            }
        }
    }
    format_single(vm, exc, out);
}

fn format_single(vm: &VM, exc: &PyObjectRef, out: &mut String) {
    let tb = exc
        .downcast_ref::<PyBaseException>()
        .and_then(|e| e.traceback.borrow().clone());
    if let Some(tb) = tb {
        out.push_str("Traceback (most recent call last):\n");
        format_tb(vm, &tb, out);
    }
    out.push_str(&format_exception_only(vm, exc));
}

/// Stack entries, collapsing runs of more than 3 identical lines as
/// CPython does ("[Previous line repeated N more times]").
fn format_tb(vm: &VM, tb: &PyObjectRef, out: &mut String) {
    let mut entries: Vec<(String, u32, String, String)> = Vec::new();
    let _ = vm;
    let mut cur_obj = tb.clone().downcast::<PyTraceback>().ok();
    while let Some(t) = cur_obj {
        let code = &t.payload.frame.payload.code;
        let filename = code.payload.filename.payload.as_str().to_string();
        let name = code.payload.name.payload.as_str().to_string();
        let lineno = t.payload.lineno.unwrap_or(0);
        let pos = code
            .payload
            .code
            .positions
            .get(t.payload.lasti as usize)
            .copied();
        let mut text = format!("  File \"{}\", line {}, in {}\n", filename, lineno, name);
        if let Some(line) = source_line(&filename, lineno) {
            let stripped = line.trim_start();
            let indent = line.len() - stripped.len();
            let stripped_end = stripped.trim_end();
            text.push_str(&format!("    {}\n", stripped_end));
            if let Some(p) = pos {
                if let Some(carets) = caret_line(&line, indent, stripped_end, p) {
                    text.push_str(&format!("    {}\n", carets));
                }
            }
        }
        entries.push((filename, lineno, name, text));
        cur_obj = t.payload.next.borrow().clone();
    }
    let mut i = 0;
    while i < entries.len() {
        let mut j = i + 1;
        while j < entries.len()
            && entries[j].0 == entries[i].0
            && entries[j].1 == entries[i].1
            && entries[j].2 == entries[i].2
        {
            j += 1;
        }
        let run = j - i;
        for e in entries.iter().take(i + run.min(3)).skip(i) {
            out.push_str(&e.3);
        }
        if run > 3 {
            let more = run - 3;
            out.push_str(&format!(
                "  [Previous line repeated {} more time{}]\n",
                more,
                if more == 1 { "" } else { "s" }
            ));
        }
        i = j;
    }
}

fn source_line(filename: &str, lineno: u32) -> Option<String> {
    if lineno == 0 || filename.starts_with('<') {
        return None;
    }
    let data = std::fs::read(filename).ok()?;
    let text = String::from_utf8_lossy(&data);
    text.split('\n')
        .nth(lineno as usize - 1)
        .map(|l| l.trim_end_matches('\r').to_string())
}

/// The `^^^`/`~~^^` line under a source line, or None when the span covers
/// the whole statement line (CPython then omits it).
fn caret_line(
    line: &str,
    indent: usize,
    stripped: &str,
    p: rython_compiler::Position,
) -> Option<String> {
    if p.lineno == 0 {
        return None;
    }
    let bytes = line.as_bytes();
    let start = (p.col as usize).min(bytes.len());
    let end = if p.end_lineno == p.lineno {
        (p.end_col as usize).min(bytes.len())
    } else {
        indent + stripped.len()
    };
    if end <= start {
        return None;
    }
    if start <= indent && end >= indent + stripped.len() && p.end_lineno == p.lineno {
        return None;
    }
    let seg = line.get(start..end)?;
    let anchors = crate::python::traceback_anchors::anchors(seg);
    let width = |s: &str| s.chars().count();
    let prefix = width(line.get(indent..start)?);
    let mut s = " ".repeat(prefix);
    match anchors {
        Some((a, b)) => {
            let seg_chars: Vec<(usize, char)> = seg.char_indices().collect();
            for (bi, _) in seg_chars {
                s.push(if bi >= a && bi < b { '^' } else { '~' });
            }
        }
        None => s.push_str(&"^".repeat(width(seg))),
    }
    Some(s)
}

/// The last line(s): `Type: message`, with SyntaxError's source and caret.
pub fn format_exception_only(vm: &VM, exc: &PyObjectRef) -> String {
    let ty = exc.class();
    let name = crate::python::abstract_::type_qualified_name(vm, ty);
    let mut out = String::new();
    if ty.is_subtype(&vm.types.exc.syntax_error) {
        out.push_str(&format_syntax_error(vm, exc));
    }
    let msg = match vm.str(exc) {
        Ok(s) => s.payload.as_str().to_string(),
        Err(_) => "<exception str() failed>".to_string(),
    };
    let msg = if ty.is_subtype(&vm.types.exc.syntax_error) {
        vm.get_attr_opt_str(exc, "msg")
            .ok()
            .flatten()
            .and_then(|m| m.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()))
            .unwrap_or(msg)
    } else {
        msg
    };
    if msg.is_empty() {
        out.push_str(&format!("{name}\n"));
    } else {
        out.push_str(&format!("{name}: {msg}\n"));
    }
    if let Ok(Some(notes)) = vm.get_attr_opt_str(exc, "__notes__") {
        if let Ok(items) = vm.collect(&notes) {
            for n in items {
                match n.downcast_ref::<PyStr>() {
                    Some(s) => {
                        out.push_str(s.as_str());
                        out.push('\n');
                    }
                    None => out.push_str(&format!("{}\n", vm.repr_string(&n).unwrap_or_default())),
                }
            }
        }
    }
    out
}

fn format_syntax_error(vm: &VM, exc: &PyObjectRef) -> String {
    let get = |n: &str| {
        vm.get_attr_opt_str(exc, n)
            .ok()
            .flatten()
            .filter(|v| !vm.is_none(v))
    };
    let mut out = String::new();
    let filename =
        get("filename").and_then(|f| f.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()));
    let lineno = get("lineno").and_then(|l| {
        l.downcast_ref::<crate::objects::longobject::PyInt>()
            .and_then(|i| i.as_i64())
    });
    if let (Some(f), Some(l)) = (&filename, lineno) {
        out.push_str(&format!("  File \"{f}\", line {l}\n"));
    } else if let Some(l) = lineno {
        out.push_str(&format!("  File \"<string>\", line {l}\n"));
    }
    let text = get("text").and_then(|t| t.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()));
    if let Some(t) = text {
        let line = t.split('\n').next().unwrap_or("").trim_end_matches('\r');
        let stripped = line.trim_start_matches([' ', '\t', '\x0c']);
        let lead = line.chars().count() - stripped.chars().count();
        let shown = stripped.trim_end();
        out.push_str(&format!("    {shown}\n"));
        let offset = get("offset").and_then(|l| {
            l.downcast_ref::<crate::objects::longobject::PyInt>()
                .and_then(|i| i.as_i64())
        });
        let end_offset = get("end_offset").and_then(|l| {
            l.downcast_ref::<crate::objects::longobject::PyInt>()
                .and_then(|i| i.as_i64())
        });
        let end_lineno = get("end_lineno").and_then(|l| {
            l.downcast_ref::<crate::objects::longobject::PyInt>()
                .and_then(|i| i.as_i64())
        });
        if let Some(off) = offset {
            let start = (off - 1 - lead as i64).max(0) as usize;
            let mut end = match (end_offset, end_lineno) {
                (Some(e), Some(el)) if Some(el) == lineno && e > off => {
                    (e - 1 - lead as i64).max(0) as usize
                }
                _ => start + 1,
            };
            let len = shown.chars().count();
            if start >= len {
                end = start + 1;
            } else if end > len {
                end = len.max(start + 1);
            }
            out.push_str(&format!(
                "    {}{}\n",
                " ".repeat(start),
                "^".repeat(end.saturating_sub(start).max(1))
            ));
        }
    }
    out
}

impl VM {
    /// The `__main__` module, created on first use.
    pub fn main_module(&self) -> crate::objects::moduleobject::PyModuleRef {
        if let Some(m) = self.sys_modules.payload.get_str_name(self, "__main__") {
            if let Ok(m) = m.downcast::<crate::objects::moduleobject::PyModule>() {
                return m;
            }
        }
        let m = self.new_module("__main__", None);
        m.payload
            .dict
            .payload
            .set_str(self, "__builtins__", self.builtins_module_obj());
        self.sys_modules
            .payload
            .set_str(self, "__main__", m.clone().into_object());
        m
    }

    /// Runs source as `__main__` (a script file, `-c` or stdin).
    pub fn run_main_source(
        &self,
        source: &[u8],
        filename: &str,
        file: Option<&str>,
    ) -> PyResult<()> {
        let m = self.main_module();
        let d = &m.payload.dict.payload;
        if let Some(f) = file {
            d.set_str(self, "__file__", self.new_str_obj(f));
            d.set_str(self, "__cached__", self.none());
        }
        let code = self.compile_bytes(source, filename, rython_compiler::Mode::Exec)?;
        self.run_code(code, m.payload.dict.clone(), None)?;
        Ok(())
    }

    /// `-m module`: finds the module's source on sys.path and runs it as
    /// `__main__` (packages run their `__main__` submodule).
    pub fn run_module_as_main(&self, name: &str) -> PyResult<()> {
        let (path, pkg) = match self.find_module_source(name)? {
            Some(x) => x,
            None => {
                let prog = std::env::args().next().unwrap_or_else(|| "rython".into());
                self.write_stderr(&format!("{prog}: No module named {name}\n"));
                return Err(self
                    .new_exception(&self.types.exc.system_exit, vec![self.new_int(1)])
                    .with_code(self, 1));
            }
        };
        let m = self.main_module();
        let d = &m.payload.dict.payload;
        d.set_str(self, "__file__", self.new_str_obj(path.as_str()));
        d.set_str(self, "__package__", self.new_str_obj(pkg.as_str()));
        if let Ok(argv) = self.sys_attr("argv") {
            let _ = self.set_item(&argv, &self.new_int(0), self.new_str_obj(path.as_str()));
        }
        let source = std::fs::read(&path).map_err(|e| self.new_os_error(e.to_string()))?;
        let code = self.compile_bytes(&source, &path, rython_compiler::Mode::Exec)?;
        self.run_code(code, m.payload.dict.clone(), None)?;
        Ok(())
    }

    fn find_module_source(&self, name: &str) -> PyResult<Option<(String, String)>> {
        let (parent, last) = match name.rsplit_once('.') {
            Some((p, l)) => (Some(p), l),
            None => (None, name),
        };
        let dirs: Vec<String> = match parent {
            Some(p) => {
                let pm = self.import_module(p)?;
                match self.get_attr_opt_str(&pm, "__path__")? {
                    Some(path) => self
                        .collect(&path)?
                        .iter()
                        .filter_map(|s| s.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()))
                        .collect(),
                    None => return Ok(None),
                }
            }
            None => self.sys_path(),
        };
        for dir in dirs {
            let base = std::path::Path::new(if dir.is_empty() { "." } else { &dir }).to_path_buf();
            let pkg_main = base.join(last).join("__main__.py");
            if base.join(last).join("__init__.py").is_file() {
                if pkg_main.is_file() {
                    self.import_module(name)?;
                    return Ok(Some((
                        pkg_main.to_string_lossy().to_string(),
                        name.to_string(),
                    )));
                }
                let prog = std::env::args().next().unwrap_or_else(|| "rython".into());
                self.write_stderr(&format!("{prog}: No module named {name}.__main__; '{name}' is a package and cannot be directly executed\n"));
                return Err(self
                    .new_exception(&self.types.exc.system_exit, vec![self.new_int(1)])
                    .with_code(self, 1));
            }
            let file = base.join(format!("{last}.py"));
            if file.is_file() {
                return Ok(Some((
                    file.to_string_lossy().to_string(),
                    parent.unwrap_or("").to_string(),
                )));
            }
        }
        Ok(None)
    }

    /// Interpreter shutdown (`Py_FinalizeEx`): runs pending finalizers,
    /// flushes the standard streams. Returns an exit status override when
    /// flushing stdout fails (CPython exits 120 then).
    pub fn finalize(&self) -> Option<i32> {
        self.run_finalizers();
        // Clear __main__ so objects it holds die (and run __del__) now.
        if let Some(m) = self.sys_modules.payload.get_str_name(self, "__main__") {
            if let Some(m) = m.downcast_ref::<crate::objects::moduleobject::PyModule>() {
                for e in m.dict.payload.entries() {
                    if let Some(k) = e.key.downcast_ref::<PyStr>() {
                        if !k.as_str().starts_with("__") {
                            let _ = m.dict.payload.set_item(self, e.key.clone(), self.none());
                        }
                    }
                }
            }
        }
        self.run_finalizers();
        crate::modules::sysmodule::flush_std_streams(self);
        None
    }
}

trait WithCode {
    fn with_code(self, vm: &VM, code: i64) -> Self;
}

impl WithCode for PyBaseExceptionRef {
    fn with_code(self, vm: &VM, code: i64) -> Self {
        vm.set_exception_attr(&self, "code", vm.new_int(code));
        self
    }
}
