//! Start-up objects written in Python: the `site` builtins (`exit`,
//! `quit`, `help`, `copyright`, `credits`, `license` — CPython's
//! Lib/_sitebuiltins.py), `aiter`/`anext`/`breakpoint`, and the `sys`
//! struct sequences and hooks (`sys.flags`, `float_info`, `int_info`,
//! `hash_info`, `getsizeof`, `unraisablehook`, trace/profile/audit
//! no-ops). Python is the natural language for these: their behaviour is
//! defined in terms of attribute lookups and calls, and they are not hot.
//!
//! `settrace`/`setprofile` store the function but never call it: the eval
//! loop has no tracing hooks yet. `audit`/`addaudithook` are no-ops.

use crate::object::PyObjectRef;
use crate::{PyResult, VM};

const BOOTSTRAP: &str = r#####"
_MISSING = object()

def _structseq(name, fields, values):
    def __repr__(self):
        return name + "(" + ", ".join(f"{f}={v!r}" for f, v in zip(fields, self)) + ")"
    def __reduce__(self):
        return (type(self), (tuple(self),))
    ns = {"__slots__": (), "__repr__": __repr__, "__reduce__": __reduce__,
          "n_fields": len(fields), "n_sequence_fields": len(fields),
          "n_unnamed_fields": 0, "_fields": tuple(fields),
          "__module__": name.rpartition(".")[0] or "builtins"}
    for i, f in enumerate(fields):
        ns[f] = property(lambda self, i=i: tuple.__getitem__(self, i))
    cls = type(name.rpartition(".")[2], (tuple,), ns)
    return tuple.__new__(cls, values)

_sys.flags = _structseq("sys.flags", [
    "debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
    "no_user_site", "no_site", "ignore_environment", "verbose", "bytes_warning",
    "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode",
    "warn_default_encoding", "safe_path", "int_max_str_digits"], _cfg)
_sys.version_info = _structseq("sys.version_info", [
    "major", "minor", "micro", "releaselevel", "serial"], tuple(_sys.version_info))
_sys.float_info = _structseq("sys.float_info", [
    "max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig",
    "mant_dig", "epsilon", "radix", "rounds"],
    (1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307,
     15, 53, 2.220446049250313e-16, 2, 1))
_sys.int_info = _structseq("sys.int_info", [
    "bits_per_digit", "sizeof_digit", "default_max_str_digits",
    "str_digits_check_threshold"], (30, 4, 4300, 640))
_sys.hash_info = _structseq("sys.hash_info", [
    "width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits",
    "seed_bits", "cutoff"],
    (64, 2305843009213693951, 314159, 0, 1000003, "siphash13", 64, 128, 0))

def getsizeof(object, default=_MISSING):
    # Sizes of CPython 3.13's 64-bit layouts, for the common builtins.
    t = type(object)
    if t is bool or t is int:
        n = abs(int(object))
        digits = 1
        while n >= 1 << 30:
            n >>= 30
            digits += 1
        return 24 + 4 * digits
    if t is float:
        return 24
    if object is None:
        return 16
    if t is str:
        m = max(map(ord, object), default=0)
        n = len(object)
        if m < 128:
            return 41 + n
        if m < 256:
            return 57 + n
        if m < 65536:
            return 58 + 2 * (n + 1)
        return 60 + 4 * (n + 1)
    if t is bytes:
        return 33 + len(object)
    if t is bytearray:
        return 56 + (len(object) + 1 if object else 0)
    if t is tuple:
        return 40 + 8 * len(object) if object else 40
    if t is list:
        return 56 + 8 * len(object)
    if t is dict:
        return 64 if not object else 184 + 8 * max(0, len(object) - 5)
    if t is set or t is frozenset:
        return 216 if len(object) <= 4 else 216 + 16 * (1 << (len(object) * 5 // 3).bit_length())
    try:
        size = t.__sizeof__(object)
    except Exception:
        if default is _MISSING:
            raise
        return default
    return size + 16

def getdefaultencoding():
    return "utf-8"

def getfilesystemencoding():
    return "utf-8"

def getfilesystemencodeerrors():
    return "surrogateescape"

_trace = [None, None]

def settrace(function):
    _trace[0] = function

def gettrace():
    return _trace[0]

def setprofile(function):
    _trace[1] = function

def getprofile():
    return _trace[1]

def is_finalizing():
    return False

def audit(event, *args):
    if not isinstance(event, str):
        raise TypeError(f"expected str for argument 'event', not {type(event).__name__}")

def addaudithook(hook):
    pass

def call_tracing(func, args):
    if not isinstance(args, tuple):
        raise TypeError(f"call_tracing() argument 2 must be tuple, not {type(args).__name__}")
    return func(*args)

def breakpointhook(*args, **kws):
    # No debugger to enter: like PYTHONBREAKPOINT=0.
    return None

def unraisablehook(unraisable, /):
    err = _sys.stderr
    if err is None:
        return
    msg = getattr(unraisable, "err_msg", None) or "Exception ignored in"
    obj = getattr(unraisable, "object", None)
    if obj is not None:
        try:
            r = repr(obj)
        except Exception:
            r = "<object repr() failed>"
        err.write(f"{msg}: {r}\n")
    else:
        err.write(f"{msg}\n")
    exc = getattr(unraisable, "exc_value", None)
    if exc is not None:
        _sys.excepthook(type(exc), exc, getattr(unraisable, "exc_traceback", None))
    err.flush()

for _f in (getsizeof, getdefaultencoding, getfilesystemencoding,
           getfilesystemencodeerrors, settrace, gettrace, setprofile, getprofile,
           is_finalizing, audit, addaudithook, call_tracing, breakpointhook,
           unraisablehook):
    _f.__module__ = "sys"
    setattr(_sys, _f.__name__, _f)
def __interactivehook__():
    pass

_sys.__interactivehook__ = __interactivehook__
_sys.__breakpointhook__ = breakpointhook
_sys.__unraisablehook__ = unraisablehook
_sys.stdlib_module_names = frozenset(_stdlib_names)

class Quitter(object):
    def __init__(self, name, eof):
        self.name = name
        self.eof = eof
    def __repr__(self):
        return f"Use {self.name}() or {self.eof} to exit"
    def __call__(self, code=None):
        try:
            _sys.stdin.close()
        except Exception:
            pass
        raise SystemExit(code)

class _Printer(object):
    def __init__(self, name, text, short=True):
        self.__name = name
        self.__text = text
        self.__short = short
    def __repr__(self):
        if self.__short:
            return self.__text
        return f"Type {self.__name}() to see the full {self.__name} text"
    def __call__(self):
        print(self.__text)

class _Helper(object):
    def __repr__(self):
        return ("Type help() for interactive help, "
                "or help(object) for help about object.")
    def __call__(self, *args, **kwds):
        if not args:
            print("Interactive help is not available; use help(object).")
            return
        obj = args[0]
        doc = getattr(obj, "__doc__", None)
        name = getattr(obj, "__name__", None)
        what = f"{type(obj).__name__} {name}" if name else f"{type(obj).__name__} object"
        print(f"Help on {what}:\n")
        if doc:
            print(doc)

for _c in (Quitter, _Printer, _Helper):
    _c.__module__ = "_sitebuiltins"

def aiter(async_iterable, /):
    t = type(async_iterable)
    f = getattr(t, "__aiter__", None)
    if f is None:
        raise TypeError(f"'{t.__name__}' object is not an async iterable")
    it = f(async_iterable)
    if getattr(type(it), "__anext__", None) is None:
        raise TypeError(f"aiter() returned not an async iterator of type '{type(it).__name__}'")
    return it

async def _anext_default(awaitable, default):
    try:
        return await awaitable
    except StopAsyncIteration:
        return default

def anext(aiterator, default=_MISSING, /):
    t = type(aiterator)
    f = getattr(t, "__anext__", None)
    if f is None:
        raise TypeError(f"'{t.__name__}' object is not an async iterator")
    awaitable = f(aiterator)
    if default is _MISSING:
        return awaitable
    return _anext_default(awaitable, default)

def breakpoint(*args, **kws):
    try:
        hook = _sys.breakpointhook
    except AttributeError:
        raise RuntimeError("lost sys.breakpointhook") from None
    if kws:
        return hook(*args, **kws)
    return hook(*args)

for _f in (aiter, anext, breakpoint):
    _f.__module__ = "builtins"
    setattr(_builtins, _f.__name__, _f)
_builtins.exit = Quitter("exit", "Ctrl-D (i.e. EOF)")
_builtins.quit = Quitter("quit", "Ctrl-D (i.e. EOF)")
_builtins.copyright = _Printer("copyright", _sys.copyright)
_builtins.credits = _Printer("credits", "    Thanks to the CPython developers, whose language Rython implements.")
_builtins.license = _Printer("license", "Rython is distributed under the terms of its repository's LICENSE file.", False)
_builtins.help = _Helper()
"#####;

/// Runs the bootstrap with `sys`, `builtins` and the flag values bound.
/// Failure leaves those names missing rather than stopping start-up.
pub fn install(vm: &VM, sys: &PyObjectRef, flags: Vec<PyObjectRef>) -> PyResult<()> {
    let code = vm.compile_str(
        BOOTSTRAP,
        "<frozen _sitebuiltins>",
        rython_compiler::Mode::Exec,
    )?;
    let g = vm.new_dict();
    g.payload
        .set_str(vm, "__name__", vm.new_str_obj("_sitebuiltins"));
    g.payload
        .set_str(vm, "__builtins__", vm.builtins.clone().into_object());
    g.payload.set_str(vm, "_sys", sys.clone());
    g.payload
        .set_str(vm, "_builtins", crate::python::bltinmodule::get_module(vm)?);
    g.payload
        .set_str(vm, "_cfg", vm.new_tuple(flags).into_object());
    let names = crate::python::suggestions::STDLIB_MODULE_NAMES
        .iter()
        .map(|n| vm.new_str_obj(*n))
        .collect();
    g.payload
        .set_str(vm, "_stdlib_names", vm.new_list(names).into_object());
    vm.run_code(code, g, None)?;
    Ok(())
}
