//! Process and environment calls of `posix`: ids, `putenv`/`unsetenv`,
//! `strerror`, `urandom`, `cpu_count`.

use std::ffi::OsStr;
use std::fs::File;
use std::io::Read;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;

use super::posixmodule::{int_arg, os_error, strerror_text, Kw};
use crate::object::PyObjectRef;
use crate::objects::bytesobject::PyBytes;
use crate::objects::strobject::PyStr;
use crate::python::args;
use crate::{PyResult, VM};

pub(super) fn getpid(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    args::positional(vm, "posix.getpid", a, k, 0, 0)?;
    Ok(vm.new_int(std::process::id() as i64))
}

pub(super) fn getppid(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    args::positional(vm, "posix.getppid", a, k, 0, 0)?;
    Ok(vm.new_int(std::os::unix::process::parent_id() as i64))
}

/// The process's own `/proc` entry is owned by its effective ids.
pub(super) fn self_ids() -> (i64, i64) {
    std::fs::metadata("/proc/self")
        .map(|m| (m.uid() as i64, m.gid() as i64))
        .unwrap_or((0, 0))
}

pub(super) fn getuid(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    args::positional(vm, "posix.getuid", a, k, 0, 0)?;
    Ok(vm.new_int(self_ids().0))
}

pub(super) fn getgid(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    args::positional(vm, "posix.getgid", a, k, 0, 0)?;
    Ok(vm.new_int(self_ids().1))
}

pub(super) fn env_bytes(vm: &VM, o: &PyObjectRef) -> PyResult<Vec<u8>> {
    if let Some(s) = o.downcast_ref::<PyStr>() {
        return super::posixmodule::fs_encode(vm, s);
    }
    if let Some(b) = o.downcast_ref::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    Err(vm.new_type_error(format!(
        "expected str, bytes or os.PathLike object, not {}",
        o.class().name_string()
    )))
}

pub(super) fn putenv(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "putenv", a, k, 2, 2)?;
    let key = env_bytes(vm, &a[0])?;
    let val = env_bytes(vm, &a[1])?;
    if key.is_empty() || key.contains(&b'=') {
        return Err(vm.new_value_error("illegal environment variable name"));
    }
    if key.contains(&0) || val.contains(&0) {
        return Err(vm.new_value_error("embedded null byte"));
    }
    std::env::set_var(OsStr::from_bytes(&key), OsStr::from_bytes(&val));
    Ok(vm.none())
}

pub(super) fn unsetenv(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "posix.unsetenv", a, k, 1, 1)?;
    let key = env_bytes(vm, &a[0])?;
    if key.is_empty() || key.contains(&b'=') {
        return Err(vm.new_value_error("illegal environment variable name"));
    }
    if key.contains(&0) {
        return Err(vm.new_value_error("embedded null byte"));
    }
    std::env::remove_var(OsStr::from_bytes(&key));
    Ok(vm.none())
}

pub(super) fn strerror(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "posix.strerror", a, k, 1, 1)?;
    let n = int_arg(vm, Some(&a[0]), 0)?;
    let n = i32::try_from(n)
        .map_err(|_| vm.new_overflow_error("Python int too large to convert to C int"))?;
    Ok(vm.new_str_obj(strerror_text(n)))
}

pub(super) fn urandom(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "posix.urandom", a, k, 1, 1)?;
    let n = int_arg(vm, Some(&a[0]), 0)?;
    if n < 0 {
        return Err(vm.new_value_error("negative argument not allowed"));
    }
    let mut buf = Vec::new();
    if buf.try_reserve_exact(n as usize).is_err() {
        return Err(vm.new_memory_error());
    }
    buf.resize(n as usize, 0);
    File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .map_err(|e| os_error(vm, &e, None, None))?;
    Ok(vm.new_bytes(buf))
}

pub(super) fn cpu_count(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    args::positional(vm, "posix.cpu_count", a, k, 0, 0)?;
    // CPython counts online processors, not the ones this process may use.
    let online = std::fs::read_to_string("/sys/devices/system/cpu/online")
        .ok()
        .and_then(|s| {
            let mut n = 0i64;
            for part in s.trim().split(',') {
                let mut it = part.split('-');
                let lo: i64 = it.next()?.parse().ok()?;
                let hi: i64 = match it.next() {
                    Some(h) => h.parse().ok()?,
                    None => lo,
                };
                n += hi - lo + 1;
            }
            Some(n)
        });
    match online.or_else(|| {
        std::thread::available_parallelism()
            .ok()
            .map(|n| n.get() as i64)
    }) {
        Some(n) => Ok(vm.new_int(n)),
        None => Ok(vm.none()),
    }
}

/// `system(command)`: runs it under `/bin/sh -c` and returns the wait
/// status (exit code in the high byte, killing signal in the low one).
pub(super) fn system(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    use std::os::unix::process::ExitStatusExt;
    let [cmd] = args::bind(vm, "system", a, k, ["command"], 1, 0)?;
    let cmd = cmd.unwrap_or_else(|| vm.none());
    let cmd = super::posixmodule::to_path(vm, "system", "command", &cmd)?;
    match std::process::Command::new("/bin/sh")
        .arg("-c")
        .arg(cmd.path.as_os_str())
        .status()
    {
        Ok(st) => Ok(vm.new_int(st.into_raw() as i64)),
        Err(_) => Ok(vm.new_int(127 << 8)),
    }
}

pub(super) fn exit_now(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [n] = args::bind(vm, "_exit", a, k, ["status"], 1, 0)?;
    let n = int_arg(vm, n.as_ref(), 0)?;
    std::process::exit(n as i32)
}

/// The fields of `uname_result`, from the kernel's /proc entries.
pub(super) fn uname_fields(vm: &VM) -> PyObjectRef {
    let read = |name: &str| {
        std::fs::read_to_string(format!("/proc/sys/kernel/{name}"))
            .map(|s| s.trim_end_matches('\n').to_string())
            .unwrap_or_default()
    };
    let machine = match std::env::consts::ARCH {
        "x86" => "i686",
        a => a,
    };
    vm.new_tuple_obj(vec![
        vm.new_str_obj(read("ostype")),
        vm.new_str_obj(read("hostname")),
        vm.new_str_obj(read("osrelease")),
        vm.new_str_obj(read("version")),
        vm.new_str_obj(machine),
    ])
}

/// `_run_shell(cmd, input)`: runs `cmd` under `/bin/sh -c` to completion
/// and returns (returncode, stdout bytes); with `input` (bytes) the child
/// reads it on stdin and its output goes to ours. Backs `os.popen`, which
/// CPython builds on subprocess (not here yet).
pub(super) fn run_shell(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    use std::os::unix::process::ExitStatusExt;
    use std::process::{Command, Stdio};
    let a = args::positional(vm, "_run_shell", a, k, 2, 2)?;
    let cmd = super::posixmodule::to_path(vm, "popen", "cmd", &a[0])?;
    let mut c = Command::new("/bin/sh");
    c.arg("-c").arg(cmd.path.as_os_str());
    let input = if vm.is_none(&a[1]) {
        None
    } else {
        Some(super::iomodule::bytes_like(vm, &a[1])?)
    };
    let result = match &input {
        None => c
            .stdin(Stdio::inherit())
            .output()
            .map(|o| (o.status, o.stdout)),
        Some(data) => c.stdin(Stdio::piped()).spawn().and_then(|mut child| {
            if let Some(mut w) = child.stdin.take() {
                // A child that exits without reading is not an error.
                let _ = std::io::Write::write_all(&mut w, data);
            }
            child.wait().map(|s| (s, Vec::new()))
        }),
    };
    let (status, out) = result.map_err(|e| os_error(vm, &e, None, None))?;
    let code = match (status.code(), status.signal()) {
        (Some(c), _) => c as i64,
        (None, Some(s)) => -(s as i64),
        (None, None) => 0,
    };
    Ok(vm.new_tuple_obj(vec![vm.new_int(code), vm.new_bytes(out)]))
}
