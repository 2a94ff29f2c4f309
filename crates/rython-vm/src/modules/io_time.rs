//! The calendar half of `time` (struct_time, gmtime, localtime, mktime,
//! strftime, asctime, ctime, get_clock_info), written in Python on top of
//! the native clocks in timemodule.rs. Local time is UTC: reading the
//! system time zone database needs libc (unsafe) or a tz crate, so
//! `timezone == 0` and `tzname == ('UTC', 'UTC')`, right for the usual
//! TZ-less container and documented as a gap otherwise.

use crate::object::PyObjectRef;
use crate::{PyResult, VM};

const SOURCE: &str = r#####"
_FIELDS = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
           "tm_wday", "tm_yday", "tm_isdst")

def _repr(self):
    return "time.struct_time(" + ", ".join(
        f"{f}={v!r}" for f, v in zip(_FIELDS, self)) + ")"

def _new(cls, seq, dict=None):
    seq = tuple(seq)
    n = len(seq)
    if n < 9:
        raise TypeError(f"time.struct_time() takes an at least 9-sequence ({n}-sequence given)")
    if n > 11:
        raise TypeError(f"time.struct_time() takes an at most 11-sequence ({n}-sequence given)")
    self = tuple.__new__(cls, seq[:9])
    extra = list(seq[9:]) + [None] * (11 - n)
    self._extra = tuple(extra)
    return self

_ns = {"__module__": "time", "__repr__": _repr, "__new__": _new,
       "n_fields": 11, "n_sequence_fields": 9, "n_unnamed_fields": 0,
       "__reduce__": lambda self: (type(self), (tuple(self),))}
for _i, _f in enumerate(_FIELDS):
    _ns[_f] = property(lambda self, i=_i: tuple.__getitem__(self, i))
_ns["tm_zone"] = property(lambda self: self._extra[0])
_ns["tm_gmtoff"] = property(lambda self: self._extra[1])
struct_time = type("struct_time", (tuple,), _ns)

def _int(x):
    if isinstance(x, float):
        return int(x)
    if isinstance(x, int):
        return x
    raise TypeError(f"'{type(x).__name__}' object cannot be interpreted as an integer")

def _days_to_civil(z):
    z += 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return (y + (m <= 2), m, d)

def _civil_to_days(y, m, d):
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468

def _leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)

def gmtime(seconds=None, /):
    if seconds is None:
        seconds = _time()
    s = _int(seconds)
    days, rem = divmod(s, 86400)
    y, m, d = _days_to_civil(days)
    yday = days - _civil_to_days(y, 1, 1) + 1
    wday = (days + 3) % 7
    return struct_time((y, m, d, rem // 3600, rem % 3600 // 60, rem % 60,
                        wday, yday, 0, "GMT", 0))

def localtime(seconds=None, /):
    t = gmtime(seconds)
    return struct_time(tuple(t) + ("UTC", 0))

def _tuple_arg(t, fname):
    if t is None:
        return localtime()
    if not isinstance(t, tuple):
        raise TypeError("Tuple or struct_time argument required")
    if len(t) != 9:
        raise TypeError(f"{fname}(): illegal time tuple argument")
    return t

def mktime(t, /):
    t = _tuple_arg(t, "mktime")
    y, mo, d, h, mi, s = (_int(v) for v in t[:6])
    y += (mo - 1) // 12
    mo = (mo - 1) % 12 + 1
    return float(_civil_to_days(y, mo, 1) * 86400 + (d - 1) * 86400 + h * 3600 + mi * 60 + s)

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December")

def asctime(t=None, /):
    t = _tuple_arg(t, "asctime")
    return (f"{_DAYS[t[6] % 7][:3]} {_MONTHS[(t[1] - 1) % 12][:3]} {t[2]:2d} "
            f"{t[3]:02d}:{t[4]:02d}:{t[5]:02d} {t[0]}")

def ctime(seconds=None, /):
    return asctime(localtime(seconds))

def _week(t, first):
    yday = t[7] - 1
    wd = (t[6] + 1) % 7 if first == 0 else t[6]
    return (yday + 7 - wd) // 7

def strftime(format, t=None, /):
    if not isinstance(format, str):
        raise TypeError(f"strftime() argument 1 must be str, not {type(format).__name__}")
    t = _tuple_arg(t, "strftime")
    zone = getattr(t, "tm_zone", None) or "UTC"
    out = []
    i = 0
    n = len(format)
    while i < n:
        c = format[i]
        if c != "%" or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        k = format[i + 1]
        i += 2
        h12 = t[3] % 12 or 12
        if k == "Y": out.append(str(t[0]))
        elif k == "y": out.append(f"{t[0] % 100:02d}")
        elif k == "m": out.append(f"{t[1]:02d}")
        elif k == "d": out.append(f"{t[2]:02d}")
        elif k == "e": out.append(f"{t[2]:2d}")
        elif k == "H": out.append(f"{t[3]:02d}")
        elif k == "I": out.append(f"{h12:02d}")
        elif k == "M": out.append(f"{t[4]:02d}")
        elif k == "S": out.append(f"{t[5]:02d}")
        elif k == "p": out.append("AM" if t[3] < 12 else "PM")
        elif k == "a": out.append(_DAYS[t[6] % 7][:3])
        elif k == "A": out.append(_DAYS[t[6] % 7])
        elif k == "b" or k == "h": out.append(_MONTHS[(t[1] - 1) % 12][:3])
        elif k == "B": out.append(_MONTHS[(t[1] - 1) % 12])
        elif k == "j": out.append(f"{t[7]:03d}")
        elif k == "w": out.append(str((t[6] + 1) % 7))
        elif k == "u": out.append(str(t[6] + 1))
        elif k == "U": out.append(f"{_week(t, 0):02d}")
        elif k == "W": out.append(f"{_week(t, 1):02d}")
        elif k == "c": out.append(asctime(t))
        elif k == "x": out.append(f"{t[1]:02d}/{t[2]:02d}/{t[0] % 100:02d}")
        elif k == "X" or k == "T": out.append(f"{t[3]:02d}:{t[4]:02d}:{t[5]:02d}")
        elif k == "D": out.append(f"{t[1]:02d}/{t[2]:02d}/{t[0] % 100:02d}")
        elif k == "F": out.append(f"{t[0]}-{t[1]:02d}-{t[2]:02d}")
        elif k == "R": out.append(f"{t[3]:02d}:{t[4]:02d}")
        elif k == "Z": out.append(zone)
        elif k == "z": out.append("+0000")
        elif k == "n": out.append("\n")
        elif k == "t": out.append("\t")
        elif k == "%": out.append("%")
        else: out.append("%" + k)
    return "".join(out)

def get_clock_info(name, /):
    info = {
        "time": ("clock_gettime(CLOCK_REALTIME)", False, True, 1e-09),
        "monotonic": ("clock_gettime(CLOCK_MONOTONIC)", True, False, 1e-09),
        "perf_counter": ("clock_gettime(CLOCK_MONOTONIC)", True, False, 1e-09),
        "process_time": ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", True, False, 1e-09),
        "thread_time": ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", True, False, 1e-09),
    }
    if name not in info:
        raise ValueError("unknown clock")
    impl, mono, adj, res = info[name]
    return _namespace(implementation=impl, monotonic=mono, adjustable=adj, resolution=res)

for _f in (gmtime, localtime, mktime, asctime, ctime, strftime, get_clock_info):
    _f.__module__ = "time"
    setattr(_mod, _f.__name__, _f)
_mod.struct_time = struct_time
_mod.timezone = 0
_mod.altzone = 0
_mod.daylight = 0
_mod.tzname = ("UTC", "UTC")
"#####;

/// `namespace(**kw)`: a SimpleNamespace with the keyword arguments.
fn namespace(
    vm: &VM,
    a: &[PyObjectRef],
    k: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    let d = vm.new_dict();
    if let Some(k) = k {
        let npos = a.len() - k.payload.len();
        for (name, v) in k.payload.as_slice().iter().zip(&a[npos..]) {
            d.payload.set_item(vm, name.clone(), v.clone())?;
        }
    }
    Ok(crate::python::bltinmodule::simple_namespace(vm, d))
}

/// Adds the calendar functions to the `time` module `m`.
pub fn install(vm: &VM, m: &PyObjectRef) -> PyResult<()> {
    let code = vm.compile_str(SOURCE, "<frozen time>", rython_compiler::Mode::Exec)?;
    let g = vm.new_dict();
    g.payload.set_str(vm, "__name__", vm.new_str_obj("time"));
    g.payload
        .set_str(vm, "__builtins__", vm.builtins.clone().into_object());
    g.payload.set_str(vm, "_mod", m.clone());
    g.payload
        .set_str(vm, "_time", vm.get_attr(m, &vm.intern("time"))?);
    g.payload.set_str(
        vm,
        "_namespace",
        vm.new_builtin_function("namespace", namespace),
    );
    vm.run_code(code, g, None)?;
    Ok(())
}
