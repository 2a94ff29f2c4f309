//! The import system (CPython's Python/import.c plus the path-based finder
//! of importlib._bootstrap_external): `sys.modules` caching, native
//! modules, embedded `lib/` modules, and `.py` modules and packages found
//! on `sys.path`.

use std::path::{Path, PathBuf};

use crate::object::PyObjectRef;
use crate::objects::dictobject::PyDict;
use crate::objects::listobject::PyList;
use crate::objects::strobject::{PyStr, PyStrRef};
use crate::python::frame::Frame;
use crate::{PyResult, VM};

/// The directory a `sys.path` entry stands for, as importlib's
/// `FileFinder` makes it: `''` and `'.'` are the current directory, other
/// relative entries are joined to it (after one leading `./`), trailing
/// slashes go. Modules found through it get absolute `__file__` paths.
fn finder_path(entry: &str) -> PathBuf {
    let cwd = || std::env::current_dir().ok();
    if entry.is_empty() || entry == "." {
        return cwd().unwrap_or_else(|| PathBuf::from("."));
    }
    let trimmed = entry.trim_end_matches('/');
    let trimmed = if trimmed.is_empty() { "/" } else { trimmed };
    if trimmed.starts_with('/') {
        return rython_common::surrogates::os_path(trimmed);
    }
    let rel = entry.strip_prefix("./").unwrap_or(entry);
    let rel = rel.trim_end_matches('/');
    match cwd() {
        Some(d) if !rel.is_empty() => d.join(rython_common::surrogates::os_path(rel)),
        Some(d) => d,
        None => rython_common::surrogates::os_path(entry),
    }
}

/// What the finder found for a module name.
pub(crate) enum Found {
    /// A regular package: its `__init__.py` and directory.
    Package { init: PathBuf, dir: PathBuf },
    /// A `.py` file.
    Module(PathBuf),
    /// A module of the embedded library.
    Embedded { src: &'static str, package: bool },
    /// A namespace package's portions (PEP 420).
    Namespace(Vec<PathBuf>),
}

/// Native modules compiled into the binary (CPython's inittab).
pub type ModuleInit = fn(&VM) -> PyResult<PyObjectRef>;

fn native_module(name: &str) -> Option<ModuleInit> {
    crate::modules::native_module(name)
}

impl VM {
    /// `importlib.import_module(name)` for an absolute dotted name.
    pub fn import_module(&self, name: &str) -> PyResult {
        if let Some(m) = self.sys_modules.payload.get_str_name(self, name) {
            if !self.is_none(&m) {
                return Ok(m);
            }
        }
        let mut parent: Option<PyObjectRef> = None;
        let mut prefix = String::new();
        for (i, part) in name.split('.').enumerate() {
            if i > 0 {
                prefix.push('.');
            }
            prefix.push_str(part);
            if let Some(m) = self.sys_modules.payload.get_str_name(self, &prefix) {
                if self.is_none(&m) {
                    return Err(self.new_import_error(
                        format!("import of {prefix} halted; None in sys.modules"),
                        Some(&prefix),
                        true,
                    ));
                }
                parent = Some(m);
                continue;
            }
            let m = self.load_module(&prefix, parent.as_ref())?;
            if let Some(p) = &parent {
                // Bind the submodule as an attribute of its package.
                let _ = self.set_attr_str(p, part, m.clone());
            }
            parent = Some(m);
        }
        Ok(parent.expect("non-empty module name"))
    }

    fn load_module(&self, name: &str, parent: Option<&PyObjectRef>) -> PyResult {
        if parent.is_none() {
            if let Some(init) = native_module(name) {
                let m = init(self)?;
                self.sys_modules.payload.set_str(self, name, m.clone());
                return Ok(m);
            }
        }
        let search: Vec<String> = match parent {
            Some(p) => match self.get_attr_opt_str(p, "__path__")? {
                Some(path) => self
                    .collect(&path)?
                    .iter()
                    .filter_map(|s| s.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()))
                    .collect(),
                None => {
                    let pname = name.rsplit_once('.').map(|x| x.0).unwrap_or("");
                    return Err(self.new_import_error(
                        format!("No module named '{name}'; '{pname}' is not a package"),
                        Some(name),
                        true,
                    ));
                }
            },
            None => self.sys_path(),
        };
        match self.find_module(name, &search, parent.is_none()) {
            Some(Found::Package { init, dir }) => self.exec_source_module(name, &init, Some(&dir)),
            Some(Found::Module(file)) => self.exec_source_module(name, &file, None),
            Some(Found::Embedded { src, package }) => self.exec_embedded_module(name, src, package),
            Some(Found::Namespace(portions)) => self.new_namespace_package(name, &portions),
            None => {
                Err(self.new_import_error(format!("No module named '{name}'"), Some(name), true))
            }
        }
    }

    /// Where module `name` would be loaded from (the path-based finder over
    /// `search`, then the embedded library), without running it.
    pub(crate) fn find_module(
        &self,
        name: &str,
        search: &[String],
        top_level: bool,
    ) -> Option<Found> {
        let last = name.rsplit('.').next().unwrap_or(name);
        // importlib matches names against directory listings: a name
        // with a separator (`-m pkg/mod`) is never found.
        if last.is_empty() || last.contains(['/', '\0']) {
            return None;
        }
        // Directories without `__init__.py` are namespace package portions
        // (PEP 420), used only when no module or regular package is found.
        let mut portions: Vec<PathBuf> = Vec::new();
        for dir in search {
            let base = finder_path(dir);
            let pkg_init = base.join(last).join("__init__.py");
            if pkg_init.is_file() {
                return Some(Found::Package {
                    init: pkg_init,
                    dir: base.join(last),
                });
            }
            let file = base.join(format!("{last}.py"));
            if file.is_file() {
                return Some(Found::Module(file));
            }
            let portion = base.join(last);
            if portion.is_dir() {
                portions.push(portion);
            }
        }
        if top_level {
            if let Some(src) = crate::lib_modules::source(name) {
                return Some(Found::Embedded {
                    src,
                    package: false,
                });
            }
            if let Some(src) = crate::lib_modules::source(&format!("{name}/__init__")) {
                return Some(Found::Embedded { src, package: true });
            }
        } else if let Some(src) = crate::lib_modules::source(&name.replace('.', "/")) {
            return Some(Found::Embedded {
                src,
                package: false,
            });
        }
        if !portions.is_empty() {
            return Some(Found::Namespace(portions));
        }
        None
    }

    /// A PEP 420 namespace package: no code, `__file__` None, `__path__` a
    /// `_NamespacePath` (a list here) of its portions.
    fn new_namespace_package(&self, name: &str, portions: &[PathBuf]) -> PyResult {
        let module = self.new_module(name, None);
        let d = &module.payload.dict.payload;
        let entries: Vec<PyObjectRef> = portions
            .iter()
            .map(|p| self.new_str_obj(rython_common::surrogates::path_text(p)))
            .collect();
        let ns = self.new_dict();
        ns.payload.set_str(
            self,
            "__module__",
            self.new_str_obj("_frozen_importlib_external"),
        );
        let cls = self.call(
            self.types.type_type.as_object(),
            &[
                self.new_str_obj("_NamespacePath"),
                self.new_tuple(vec![self.types.list_type.clone().into_object()])
                    .into_object(),
                ns.into_object(),
            ],
            None,
        )?;
        let path = self.call(&cls, &[self.new_list(entries).into_object()], None)?;
        d.set_str(self, "__file__", self.none());
        d.set_str(self, "__path__", path);
        d.set_str(self, "__package__", self.new_str_obj(name));
        let mobj = module.into_object();
        self.sys_modules.payload.set_str(self, name, mobj.clone());
        Ok(mobj)
    }

    /// `module.__spec__` (PEP 451): a `_frozen_importlib.ModuleSpec` made
    /// after the module is created (that module itself gets none).
    pub(crate) fn set_module_spec(
        &self,
        module: &PyObjectRef,
        name: &str,
        origin: Option<&str>,
        search_locations: Option<PyObjectRef>,
    ) -> PyResult<()> {
        if name == "_frozen_importlib" {
            return Ok(());
        }
        // The embedded module, never a same-named file on sys.path (in
        // CPython it is frozen into the interpreter).
        let frozen = match self
            .sys_modules
            .payload
            .get_str_name(self, "_frozen_importlib")
        {
            Some(m) => m,
            None => match crate::lib_modules::source("_frozen_importlib") {
                Some(src) => self.exec_embedded_module("_frozen_importlib", src, false)?,
                None => return Ok(()),
            },
        };
        let cls = self.get_attr_str(&frozen, "ModuleSpec")?;
        let kw = self.new_tuple(vec![self.new_str_obj("origin")]);
        let origin = origin
            .map(|o| self.new_str_obj(o))
            .unwrap_or_else(|| self.none());
        let spec = self.call(
            &cls,
            &[self.new_str_obj(name), self.none(), origin],
            Some(&kw),
        )?;
        if let Some(locations) = search_locations {
            self.set_attr_str(&spec, "submodule_search_locations", locations)?;
        }
        if self
            .get_attr_str(&spec, "origin")
            .is_ok_and(|o| !self.is_none(&o))
        {
            self.set_attr_str(&spec, "has_location", self.new_bool(true))?;
        }
        self.set_attr_str(module, "__spec__", spec)
    }

    pub fn sys_path(&self) -> Vec<String> {
        match self.sys_attr("path") {
            Ok(p) => match p.downcast_ref::<PyList>() {
                Some(l) => l
                    .to_vec()
                    .iter()
                    .filter_map(|s| s.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()))
                    .collect(),
                None => Vec::new(),
            },
            Err(_) => Vec::new(),
        }
    }

    /// Creates module `name`, registers it in `sys.modules` (before running
    /// it, so circular imports see the partial module) and runs `file`.
    fn exec_source_module(&self, name: &str, file: &Path, package_dir: Option<&Path>) -> PyResult {
        let bytes = std::fs::read(file).map_err(|e| {
            self.new_import_error(
                format!("cannot read {}: {e}", file.display()),
                Some(name),
                false,
            )
        })?;
        let filename = rython_common::surrogates::path_text(file);
        let module = self.new_module(name, None);
        let d = &module.payload.dict.payload;
        d.set_str(self, "__file__", self.new_str_obj(filename.as_str()));
        d.set_str(self, "__cached__", self.none());
        let package = match package_dir {
            Some(dir) => {
                let path = self.new_list(vec![
                    self.new_str_obj(rython_common::surrogates::path_text(dir))
                ]);
                d.set_str(self, "__path__", path.into_object());
                name.to_string()
            }
            None => name
                .rsplit_once('.')
                .map(|x| x.0.to_string())
                .unwrap_or_default(),
        };
        d.set_str(self, "__package__", self.new_str_obj(package));
        d.set_str(self, "__builtins__", self.builtins_module_obj());
        let mobj = module.clone().into_object();
        let locations = d.get_str_name(self, "__path__");
        self.set_module_spec(&mobj, name, Some(&filename), locations)?;
        self.sys_modules.payload.set_str(self, name, mobj.clone());
        let result = self.run_module_body(&mobj, || {
            let code = self.compile_bytes(&bytes, &filename, rython_compiler::Mode::Exec)?;
            self.run_code(code, module.payload.dict.clone(), None)
        });
        if let Err(e) = result {
            let _ = self
                .sys_modules
                .payload
                .pop_item(self, self.intern(name).as_object());
            return Err(e);
        }
        // The module may have replaced itself in sys.modules.
        Ok(self
            .sys_modules
            .payload
            .get_str_name(self, name)
            .unwrap_or(mobj))
    }

    fn exec_embedded_module(&self, name: &str, src: &str, is_package: bool) -> PyResult {
        let filename = format!("<frozen {name}>");
        let module = self.new_module(name, None);
        let d = &module.payload.dict.payload;
        let package = if is_package {
            name.to_string()
        } else {
            name.rsplit_once('.')
                .map(|x| x.0.to_string())
                .unwrap_or_default()
        };
        if is_package {
            d.set_str(self, "__path__", self.new_list(vec![]).into_object());
        }
        d.set_str(self, "__package__", self.new_str_obj(package));
        d.set_str(self, "__builtins__", self.builtins_module_obj());
        let mobj = module.clone().into_object();
        let locations = d.get_str_name(self, "__path__");
        self.set_module_spec(&mobj, name, None, locations)?;
        self.sys_modules.payload.set_str(self, name, mobj.clone());
        let result = self.run_module_body(&mobj, || {
            let code =
                self.compile_bytes(src.as_bytes(), &filename, rython_compiler::Mode::Exec)?;
            self.run_code(code, module.payload.dict.clone(), None)
        });
        if let Err(e) = result {
            let _ = self
                .sys_modules
                .payload
                .pop_item(self, self.intern(name).as_object());
            return Err(e);
        }
        Ok(self
            .sys_modules
            .payload
            .get_str_name(self, name)
            .unwrap_or(mobj))
    }

    pub fn builtins_module_obj(&self) -> PyObjectRef {
        self.state
            .builtins_module
            .borrow()
            .clone()
            .map(|m| m.into_object())
            .unwrap_or_else(|| self.builtins.clone().into_object())
    }

    /// `__import__(name, globals, locals, fromlist, level)`.
    pub fn import_full(
        &self,
        name: &str,
        globals: Option<&PyDict>,
        fromlist: &PyObjectRef,
        level: usize,
    ) -> PyResult {
        let abs_name = if level > 0 {
            let package = self.package_of(globals)?;
            resolve_relative(self, name, &package, level)?
        } else {
            if name.is_empty() {
                return Err(self.new_value_error("Empty module name"));
            }
            name.to_string()
        };
        let module = self.import_module(&abs_name)?;
        let has_fromlist = !self.is_none(fromlist) && self.is_true(fromlist)?;
        if !has_fromlist {
            if level == 0 || !name.is_empty() {
                let top = if level == 0 {
                    name.split('.').next().unwrap_or(name).to_string()
                } else {
                    let cut = abs_name.len() - name.len();
                    let first = name.split('.').next().unwrap_or(name);
                    abs_name[..cut + first.len()].to_string()
                };
                return self.import_module(&top);
            }
            return Ok(module);
        }
        // `from package import submodule`: import submodules on demand.
        if self.get_attr_opt_str(&module, "__path__")?.is_some() {
            let items = self.collect(fromlist)?;
            self.handle_fromlist(&module, &items, false)?;
        }
        Ok(module)
    }

    /// importlib's `_handle_fromlist`: imports the names of `items` that
    /// are not attributes of the package yet as its submodules; `*` does
    /// so for the names of `__all__`.
    fn handle_fromlist(
        &self,
        module: &PyObjectRef,
        items: &[PyObjectRef],
        recursive: bool,
    ) -> PyResult<()> {
        let module_name = || -> PyResult<String> {
            let n = self.get_attr_str(module, "__name__")?;
            self.str_string(&n)
        };
        for item in items {
            let Some(s) = item.downcast_ref::<PyStr>() else {
                let wh = if recursive {
                    format!("{}.__all__", module_name()?)
                } else {
                    "``from list''".to_string()
                };
                return Err(self.new_type_error(format!(
                    "Item in {wh} must be str, not {}",
                    item.class().name_string()
                )));
            };
            if s.as_str() == "*" {
                if !recursive {
                    if let Some(all) = self.get_attr_opt_str(module, "__all__")? {
                        let names = self.collect(&all)?;
                        self.handle_fromlist(module, &names, true)?;
                    }
                }
                continue;
            }
            if self.get_attr_opt_str(module, s.as_str())?.is_some() {
                continue;
            }
            let sub = format!("{}.{}", module_name()?, s.as_str());
            match self.import_module(&sub) {
                Ok(_) => {}
                Err(e)
                    if e.as_object()
                        .class()
                        .is_subtype(&self.types.exc.module_not_found_error) =>
                {
                    let missing = self.get_attr_opt_str(e.as_object(), "name")?;
                    let is_this = missing
                        .and_then(|m| m.downcast_ref::<PyStr>().map(|m| m.as_str() == sub))
                        .unwrap_or(false);
                    let blocked = self
                        .sys_modules
                        .payload
                        .get_str_name(self, &sub)
                        .is_some_and(|m| self.is_none(&m));
                    if !is_this || blocked {
                        return Err(e);
                    }
                }
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    fn package_of(&self, globals: Option<&PyDict>) -> PyResult<String> {
        let Some(g) = globals else {
            return Err(self.new_import_error(
                "attempted relative import with no known parent package",
                None,
                false,
            ));
        };
        if let Some(p) = g.get_str_name(self, "__package__") {
            if let Some(s) = p.downcast_ref::<PyStr>() {
                return Ok(s.as_str().to_string());
            }
        }
        let name = g
            .get_str_name(self, "__name__")
            .and_then(|n| n.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()))
            .unwrap_or_default();
        if g.get_str_name(self, "__path__").is_some() {
            return Ok(name);
        }
        Ok(name
            .rsplit_once('.')
            .map(|x| x.0.to_string())
            .unwrap_or_default())
    }

    pub(crate) fn import_name_op(
        &self,
        frame: &Frame,
        name: &PyStrRef,
        fromlist: &PyObjectRef,
        level: &PyObjectRef,
    ) -> PyResult {
        let level = self.to_isize(level, "")?.max(0) as usize;
        let import = frame.builtins.payload.get_str_name(self, "__import__");
        let is_builtin_import = match (&import, &self.state.original_import.borrow().clone()) {
            (Some(a), Some(b)) => a.is(b),
            _ => true,
        };
        if !is_builtin_import {
            let f = import.expect("checked");
            let locals = frame.locals.clone().unwrap_or_else(|| self.none());
            return self.call(
                &f,
                &[
                    name.clone().into_object(),
                    frame.globals.clone().into_object(),
                    locals,
                    fromlist.clone(),
                    self.new_int(level as i64),
                ],
                None,
            );
        }
        self.import_full(
            name.payload.as_str(),
            Some(&frame.globals.payload),
            fromlist,
            level,
        )
    }

    /// `from module import name`.
    pub(crate) fn import_from(&self, module: &PyObjectRef, name: &PyStrRef) -> PyResult {
        if let Some(v) = self.get_attr_opt(module, name)? {
            return Ok(v);
        }
        // A submodule that is imported but not bound as an attribute yet.
        let mname = self
            .get_attr_opt_str(module, "__name__")?
            .and_then(|n| n.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()));
        if let Some(m) = &mname {
            let full = format!("{m}.{}", name.payload.as_str());
            if let Some(v) = self.sys_modules.payload.get_str_name(self, &full) {
                return Ok(v);
            }
        }
        let mname = mname.unwrap_or_else(|| "<unknown module name>".into());
        let file = self
            .get_attr_opt_str(module, "__file__")?
            .and_then(|f| f.downcast_ref::<PyStr>().map(|s| s.as_str().to_string()));
        let initializing = self.module_is_initializing(module);
        let msg = if initializing {
            format!("cannot import name '{}' from partially initialized module '{}' (most likely due to a circular import) ({})", name.payload.as_str(), mname, file.clone().unwrap_or_else(|| "unknown location".into()))
        } else {
            match file {
                Some(f) => format!(
                    "cannot import name '{}' from '{}' ({})",
                    name.payload.as_str(),
                    mname,
                    f
                ),
                None => format!(
                    "cannot import name '{}' from '{}' (unknown location)",
                    name.payload.as_str(),
                    mname
                ),
            }
        };
        let e = self.new_import_error(msg, Some(&mname), false);
        self.set_exception_attr(&e, "name_from", name.clone().into_object());
        Err(e)
    }

    fn module_is_initializing(&self, module: &PyObjectRef) -> bool {
        self.state
            .initializing_modules
            .borrow()
            .iter()
            .any(|m| m.is(module))
    }

    /// Runs `code` as the body of `module`, marked as initializing meanwhile.
    fn run_module_body(&self, module: &PyObjectRef, run: impl FnOnce() -> PyResult) -> PyResult {
        self.state
            .initializing_modules
            .borrow_mut()
            .push(module.clone());
        let r = run();
        let mut init = self.state.initializing_modules.borrow_mut();
        if let Some(i) = init.iter().rposition(|m| m.is(module)) {
            init.remove(i);
        }
        r
    }

    /// `from module import *`.
    pub(crate) fn import_star(&self, frame: &Frame, module: &PyObjectRef) -> PyResult<()> {
        let Some(locals) = frame.locals.clone() else {
            return Err(self.new_system_error("no locals found during 'import *'"));
        };
        let (names, check_private) = match self.get_attr_opt_str(module, "__all__")? {
            Some(all) => (self.collect(&all)?, false),
            None => {
                let d = self.get_attr_str(module, "__dict__")?;
                let keys = match d.downcast_ref::<PyDict>() {
                    Some(d) => d.keys(),
                    None => {
                        return Err(self.new_import_error(
                            "from-import-* object has no __dict__ and no __all__",
                            None,
                            false,
                        ))
                    }
                };
                (keys, true)
            }
        };
        for n in names {
            let Some(s) = n.downcast_ref::<PyStr>() else {
                let m = self
                    .get_attr_opt_str(module, "__name__")?
                    .map(|m| self.str_string(&m))
                    .transpose()?
                    .unwrap_or_default();
                return Err(self.new_type_error(format!(
                    "Item in {m}.__all__ must be str, not {}",
                    n.class().name_string()
                )));
            };
            if check_private && s.as_str().starts_with('_') {
                continue;
            }
            let name = self.intern(s.as_str());
            let v = self.get_attr(module, &name)?;
            self.set_item(&locals, name.as_object(), v)?;
        }
        Ok(())
    }
}

fn resolve_relative(vm: &VM, name: &str, package: &str, level: usize) -> PyResult<String> {
    if package.is_empty() {
        return Err(vm.new_import_error(
            "attempted relative import with no known parent package",
            None,
            false,
        ));
    }
    let parts: Vec<&str> = package.split('.').collect();
    if level > parts.len() {
        return Err(vm.new_import_error(
            "attempted relative import beyond top-level package",
            None,
            false,
        ));
    }
    let base = parts[..parts.len() - (level - 1)].join(".");
    Ok(if name.is_empty() {
        base
    } else {
        format!("{base}.{name}")
    })
}
