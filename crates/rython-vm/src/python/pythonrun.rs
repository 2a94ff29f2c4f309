//! Running programs and reporting uncaught exceptions (CPython's
//! Python/pythonrun.c and the traceback printing of Python/traceback.c /
//! Lib/traceback.py): compile-and-run entry points for files, `-c`
//! strings and modules, `SystemExit` handling, and the 3.13 traceback
//! format with source lines and `~~^^` carets.

use crate::object::PyObjectRef;
use crate::objects::codeobject::PyCodeRef;
use crate::objects::exceptions::PyBaseExceptionRef;
use crate::objects::strobject::PyStr;
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
        let text = rython_parser::decode_source(source)
            .map_err(|e| self.new_syntax_error(&e, filename))?;
        self.compile_text(&text, filename, mode)
    }

    /// Parses and compiles already-decoded source, as `compile()` does a
    /// `str`: no BOM or coding declaration is looked for.
    pub fn compile_text(
        &self,
        text: &str,
        filename: &str,
        mode: rython_compiler::Mode,
    ) -> PyResult<PyCodeRef> {
        let pmode = match mode {
            rython_compiler::Mode::Exec => rython_parser::Mode::Exec,
            rython_compiler::Mode::Eval => rython_parser::Mode::Eval,
            rython_compiler::Mode::Single => rython_parser::Mode::Single,
        };
        let ast = rython_parser::parse(text, pmode, filename);
        self.report_syntax_warnings(filename, text, &rython_parser::take_warnings())?;
        let ast = ast.map_err(|e| self.new_syntax_error(&e, filename))?;
        let optimize = self.config.borrow().optimize;
        let (code, warnings) =
            rython_compiler::compile_with_warnings(&ast, text, filename, mode, optimize);
        self.report_syntax_warnings(filename, text, &warnings)?;
        let code = code.map_err(|e| self.new_syntax_error(&e, filename))?;
        Ok(crate::objects::codeobject::from_compiled(self, code))
    }

    /// Issues compile-time SyntaxWarnings: through `warnings.warn_explicit`
    /// once the `warnings` module is loaded (its filters apply; a warning
    /// turned into an error becomes the `SyntaxError` CPython raises
    /// instead), else printed the way the default filter does
    /// (`file:line: SyntaxWarning: msg` plus the source line).
    fn report_syntax_warnings(
        &self,
        filename: &str,
        text: &str,
        warnings: &[rython_parser::CompileWarning],
    ) -> PyResult<()> {
        if warnings.is_empty() {
            return Ok(());
        }
        if let Some(wm) = self.sys_modules.payload.get_str_name(self, "warnings") {
            if let Ok(Some(we)) = self.get_attr_opt_str(&wm, "warn_explicit") {
                for w in warnings {
                    let r = self.call(
                        &we,
                        &[
                            self.new_str_obj(w.msg.as_str()),
                            self.types.exc.syntax_warning.clone().into_object(),
                            self.new_str_obj(filename),
                            self.new_int(w.lineno as i64),
                        ],
                        None,
                    );
                    if let Err(e) = r {
                        if e.as_object()
                            .class()
                            .is_subtype(&self.types.exc.syntax_warning)
                        {
                            return Err(self.new_syntax_error(&w.error, filename));
                        }
                        return Err(e);
                    }
                }
                return Ok(());
            }
        }
        for w in warnings {
            let (lineno, msg) = (w.lineno, &w.msg);
            let mut out = format!("{filename}:{lineno}: SyntaxWarning: {msg}\n");
            if !filename.starts_with('<') {
                if let Some(line) = text.lines().nth((lineno as usize).saturating_sub(1)) {
                    let line = line.trim();
                    if !line.is_empty() {
                        out.push_str(&format!("  {line}\n"));
                    }
                }
            }
            self.write_stderr(&out);
        }
        Ok(())
    }

    pub fn compile_str(
        &self,
        source: &str,
        filename: &str,
        mode: rython_compiler::Mode,
    ) -> PyResult<PyCodeRef> {
        self.compile_text(source, filename, mode)
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
        // No location at all (null bytes, undecodable input); an error at
        // line 0 of empty input still has its zeros and an empty text.
        let opt_int = |v: u32| {
            if v == 0 && info.lineno == 0 && info.text.is_none() {
                self.none()
            } else {
                self.new_int(v as i64)
            }
        };
        if info.lineno == 0 && info.text.is_none() && info.msg.contains("null bytes") {
            // Raised before parsing, with the message only.
            let e = self.new_exception(ty, vec![self.new_str_obj(info.msg.as_str())]);
            self.set_exception_attr(&e, "msg", self.new_str_obj(info.msg.as_str()));
            for a in [
                "filename",
                "lineno",
                "offset",
                "text",
                "end_lineno",
                "end_offset",
            ] {
                self.set_exception_attr(&e, a, self.none());
            }
            self.set_exception_attr(&e, "print_file_and_line", self.none());
            return e;
        }
        let start_only = info.end_offset == rython_parser::error::END_OFFSET_NONE;
        let end_offset = if info.end_offset == rython_parser::error::END_OFFSET_EOF {
            self.new_int(-1)
        } else if start_only {
            self.none()
        } else {
            opt_int(info.end_offset)
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
            end_offset.clone(),
        ]);
        let args = if start_only || info.args_msg_only {
            vec![self.new_str_obj(info.msg.as_str())]
        } else {
            vec![self.new_str_obj(info.msg.as_str()), details.into_object()]
        };
        let e = self.new_exception(ty, args);
        self.set_exception_attr(&e, "msg", self.new_str_obj(info.msg.as_str()));
        self.set_exception_attr(&e, "filename", self.new_str_obj(filename));
        self.set_exception_attr(&e, "lineno", opt_int(info.lineno));
        self.set_exception_attr(&e, "offset", opt_int(info.offset));
        self.set_exception_attr(&e, "text", text);
        self.set_exception_attr(&e, "end_lineno", opt_int(info.end_lineno));
        self.set_exception_attr(&e, "end_offset", end_offset);
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

/// The full report for an exception and its chain (the formatting lives
/// in traceback_format.rs).
pub fn format_exception(vm: &VM, exc: &PyBaseExceptionRef) -> String {
    crate::python::traceback_format::format_uncaught(vm, exc.as_object())
}

/// The last line(s): `Type: message`, with SyntaxError's source and caret.
pub fn format_exception_only(vm: &VM, exc: &PyObjectRef) -> String {
    crate::python::traceback_format::format_exception_only(vm, exc)
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
        if filename == "<string>" {
            // CPython 3.13 keeps the `-c` source for its tracebacks.
            crate::python::traceback_format::register_source(
                filename,
                &String::from_utf8_lossy(source),
            );
        }
        if file.is_some() {
            if let Err(msg) = rython_parser::check_file_encoding(source, filename) {
                return Err(
                    self.new_exception(&self.types.exc.syntax_error, vec![self.new_str_obj(msg)])
                );
            }
            if let Some(nul) = source.iter().position(|&b| b == 0) {
                // The file tokenizer's wording and location; `compile()` of
                // the same bytes says "source code string ...".
                let line_start = source[..nul]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |i| i + 1);
                let lineno = source[..nul].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
                let info = rython_parser::SyntaxErrorInfo {
                    kind: rython_parser::SyntaxErrorKind::SyntaxError,
                    msg: "source code cannot contain null bytes".into(),
                    lineno,
                    offset: 0,
                    end_lineno: lineno,
                    end_offset: 0,
                    text: Some(String::from_utf8_lossy(&source[line_start..nul]).into_owned()),
                    args_msg_only: false,
                };
                return Err(self.new_syntax_error(&info, filename));
            }
        }
        let code = self
            .compile_bytes(source, filename, rython_compiler::Mode::Exec)
            .map_err(|e| {
                // The file tokenizer has no column at end of input: an error
                // on that token (end_offset -1) reports offset 0. These
                // errors' -1 is no such token.
                let not_eof_token = self
                    .get_attr_opt_str(e.as_object(), "msg")
                    .ok()
                    .flatten()
                    .and_then(|m| m.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()))
                    .is_some_and(|m| {
                        m == "unexpected indent"
                            || m == "unindent does not match any outer indentation level"
                            || m == "unexpected EOF while parsing"
                    });
                if file.is_some()
                    && !not_eof_token
                    && e.as_object()
                        .class()
                        .is_subtype(&self.types.exc.syntax_error)
                {
                    let at_eof = self
                        .get_attr_opt_str(e.as_object(), "end_offset")
                        .ok()
                        .flatten()
                        .and_then(|v| self.to_isize(&v, "end_offset").ok())
                        == Some(-1);
                    if at_eof {
                        let _ = self.set_attr_str(e.as_object(), "offset", self.new_int(0));
                    }
                }
                e
            })?;
        self.run_code(code, m.payload.dict.clone(), None)?;
        Ok(())
    }

    /// `-m module`: finds the module's source on sys.path and runs it as
    /// `__main__` (packages run their `__main__` submodule).
    pub fn run_module_as_main(&self, name: &str) -> PyResult<()> {
        // `__main__` exists (spec-less) before runpy looks for the module.
        self.main_module();
        let details = match self.main_module_details(name)? {
            Ok(d) => d,
            Err(msg) => {
                // runpy's `sys.exit(f"{sys.executable}: {msg}")`.
                let prog = std::env::args().next().unwrap_or_else(|| "rython".into());
                crate::modules::sysmodule::flush_std_streams(self);
                self.write_stderr(&format!("{prog}: {msg}\n"));
                return Err(self
                    .new_exception(&self.types.exc.system_exit, vec![self.new_int(1)])
                    .with_code(self, 1));
            }
        };
        let (name, path) = details;
        let m = self.main_module();
        let d = &m.payload.dict.payload;
        d.set_str(self, "__file__", self.new_str_obj(path.as_str()));
        d.set_str(self, "__cached__", self.none());
        self.set_main_spec(&name, &path)?;
        if let Ok(argv) = self.sys_attr("argv") {
            let _ = self.set_item(&argv, &self.new_int(0), self.new_str_obj(path.as_str()));
        }
        let source = std::fs::read(rython_common::surrogates::os_path(&path))
            .map_err(|e| self.new_os_error(e.to_string()))?;
        let code = self.compile_bytes(&source, &path, rython_compiler::Mode::Exec)?;
        self.run_code(code, m.payload.dict.clone(), None)?;
        Ok(())
    }

    /// Gives `__main__` the spec of module `name` loaded from `origin`
    /// (a `-m` module, a directory's `__main__.py`), and the package that
    /// goes with it.
    pub fn set_main_spec(&self, name: &str, origin: &str) -> PyResult<()> {
        let m = self.main_module().into_object();
        self.set_module_spec(&m, name, Some(origin), None)?;
        let package = name.rsplit_once('.').map(|x| x.0).unwrap_or("");
        self.set_attr_str(&m, "__package__", self.new_str_obj(package))
    }

    /// runpy's `_get_module_details`: the module to run for `-m name` and
    /// its file, or the message runpy exits with. Exceptions other than
    /// the finding errors (an error inside a parent package) propagate.
    fn main_module_details(&self, name: &str) -> PyResult<Result<(String, String), String>> {
        if name.starts_with('.') {
            return Ok(Err("Relative module names not supported".into()));
        }
        let pkg_name = name.rsplit_once('.').map(|x| x.0).unwrap_or("");
        if !pkg_name.is_empty() {
            // Import the parent first so that its own errors are not taken
            // for "not found"; a missing parent is reported below.
            if let Err(e) = self.import_module(pkg_name) {
                if !e
                    .as_object()
                    .class()
                    .is_subtype(&self.types.exc.import_error)
                {
                    return Err(e);
                }
                let ename = self
                    .get_attr_opt_str(e.as_object(), "name")?
                    .and_then(|n| n.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()));
                match ename {
                    Some(n) if n == pkg_name || pkg_name.starts_with(&format!("{n}.")) => {}
                    _ => return Err(e),
                }
            }
        }
        let found = match self.runpy_find_spec(name) {
            Ok(f) => f,
            Err(e) => {
                let cls = e.as_object().class();
                let t = &self.types.exc;
                if ![
                    &t.import_error,
                    &t.attribute_error,
                    &t.type_error,
                    &t.value_error,
                ]
                .iter()
                .any(|c| cls.is_subtype(c))
                {
                    return Err(e);
                }
                let mut msg = format!(
                    "Error while finding module specification for {} ({}: {})",
                    self.repr(&self.new_str_obj(name))?.payload.as_str(),
                    cls.name_string(),
                    self.str_string(e.as_object())?
                );
                if let Some(stem) = name.strip_suffix(".py") {
                    msg.push_str(&format!(
                        ". Try using '{stem}' instead of '{name}' as the module name."
                    ));
                }
                return Ok(Err(msg));
            }
        };
        match found {
            None => Ok(Err(format!("No module named {name}"))),
            Some(MainSpec::NoCode) => Ok(Err(format!("No code object available for {name}"))),
            Some(MainSpec::Package) => {
                if name == "__main__" || name.ends_with(".__main__") {
                    return Ok(Err("Cannot use package as __main__ module".into()));
                }
                match self.main_module_details(&format!("{name}.__main__"))? {
                    Ok(d) => Ok(Ok(d)),
                    Err(msg) => {
                        if self.sys_modules.payload.get_str_name(self, name).is_none() {
                            return Ok(Err(msg));
                        }
                        Ok(Err(format!(
                            "{msg}; {} is a package and cannot be directly executed",
                            self.repr(&self.new_str_obj(name))?.payload.as_str()
                        )))
                    }
                }
            }
            Some(MainSpec::File(path)) => Ok(Ok((name.to_string(), path))),
        }
    }

    /// `importlib.util.find_spec(name)` reduced to what `-m` needs.
    fn runpy_find_spec(&self, name: &str) -> PyResult<Option<MainSpec>> {
        if !name.contains('.') && crate::modules::native_module(name).is_some() {
            return Ok(Some(MainSpec::NoCode));
        }
        if let Some(m) = self.sys_modules.payload.get_str_name(self, name) {
            let spec = self.get_attr_opt_str(&m, "__spec__")?;
            let Some(spec) = spec.filter(|s| !self.is_none(s)) else {
                return Err(self.new_value_error(format!("{name}.__spec__ is None")));
            };
            let locations = self.get_attr_opt_str(&spec, "submodule_search_locations")?;
            if locations.is_some_and(|l| !self.is_none(&l)) {
                return Ok(Some(MainSpec::Package));
            }
            let origin = self.get_attr_opt_str(&spec, "origin")?;
            return Ok(Some(
                match origin.and_then(|o| o.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()))
                {
                    Some(o) if rython_common::surrogates::os_path(&o).is_file() => {
                        MainSpec::File(o)
                    }
                    _ => MainSpec::NoCode,
                },
            ));
        }
        let (search, top_level) = match name.rsplit_once('.') {
            Some((parent_name, _)) => {
                let parent = self.import_module(parent_name)?;
                let Some(path) = self.get_attr_opt_str(&parent, "__path__")? else {
                    return Err(self.new_import_error(
                        format!(
                            "__path__ attribute not found on {} while trying to find {}",
                            self.repr(&self.new_str_obj(parent_name))?.payload.as_str(),
                            self.repr(&self.new_str_obj(name))?.payload.as_str()
                        ),
                        Some(name),
                        true,
                    ));
                };
                let dirs = self
                    .collect(&path)?
                    .iter()
                    .filter_map(|s| s.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()))
                    .collect::<Vec<_>>();
                (dirs, false)
            }
            None => (self.sys_path(), true),
        };
        use crate::python::import::Found;
        Ok(match self.find_module(name, &search, top_level) {
            None => None,
            Some(Found::Package { .. }) | Some(Found::Namespace(_)) => Some(MainSpec::Package),
            Some(Found::Embedded { package: true, .. }) => Some(MainSpec::Package),
            Some(Found::Embedded { .. }) => Some(MainSpec::NoCode),
            Some(Found::Module(file)) => {
                Some(MainSpec::File(rython_common::surrogates::path_text(&file)))
            }
        })
    }

    /// Interpreter shutdown (`Py_FinalizeEx`): runs pending finalizers,
    /// flushes the standard streams. Returns an exit status override when
    /// flushing stdout fails (CPython exits 120 then).
    pub fn finalize(&self) -> Option<i32> {
        self.run_finalizers();
        crate::modules::atexitmodule::run_exitfuncs(self);
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

/// What `-m` found for a module name.
enum MainSpec {
    /// A package: its `__main__` runs.
    Package,
    /// A source file.
    File(String),
    /// A module without source (builtin, embedded).
    NoCode,
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
