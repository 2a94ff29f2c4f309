//! The `time` module (CPython's Modules/timemodule.c): clocks and sleep.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::object::PyObjectRef;
use crate::objects::tupleobject::PyTupleRef;
use crate::python::args;
use crate::{PyResult, VM};

thread_local! {
    static START: Instant = Instant::now();
}

fn now_since_start() -> Duration {
    START.with(|s| s.elapsed())
}

fn time_time(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    args::positional(vm, "time.time", a, k, 0, 0)?;
    let d = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    Ok(vm.new_float(d.as_secs_f64()))
}

fn time_time_ns(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    args::positional(vm, "time.time_ns", a, k, 0, 0)?;
    let d = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    Ok(vm.new_bigint(d.as_nanos().into()))
}

fn perf_counter(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    args::positional(vm, "time.perf_counter", a, k, 0, 0)?;
    Ok(vm.new_float(now_since_start().as_secs_f64()))
}

fn perf_counter_ns(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    args::positional(vm, "time.perf_counter_ns", a, k, 0, 0)?;
    Ok(vm.new_bigint(now_since_start().as_nanos().into()))
}

fn monotonic(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    args::positional(vm, "time.monotonic", a, k, 0, 0)?;
    Ok(vm.new_float(now_since_start().as_secs_f64()))
}

fn monotonic_ns(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    args::positional(vm, "time.monotonic_ns", a, k, 0, 0)?;
    Ok(vm.new_bigint(now_since_start().as_nanos().into()))
}

fn process_time(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    args::positional(vm, "time.process_time", a, k, 0, 0)?;
    Ok(vm.new_float(now_since_start().as_secs_f64()))
}

/// A timeout in nanoseconds (`_PyTime_FromSecondsObject` with
/// `_PyTime_ROUND_TIMEOUT`): floats round away from zero, ints must fit.
fn timeout_ns(vm: &VM, o: &PyObjectRef) -> PyResult<i64> {
    if let Some(f) = o.downcast_ref::<crate::objects::floatobject::PyFloat>() {
        let d = f.value;
        if d.is_nan() {
            return Err(vm.new_value_error("Invalid value NaN (not a number)"));
        }
        let mut ns = d * 1e9;
        ns = if ns >= 0.0 { ns.ceil() } else { ns.floor() };
        if !((i64::MIN as f64) <= ns && ns < -(i64::MIN as f64)) {
            return Err(vm.new_overflow_error("timestamp out of range for platform time_t"));
        }
        return Ok(ns as i64);
    }
    let i = vm.to_index(o)?;
    i.downcast_ref::<crate::objects::longobject::PyInt>()
        .and_then(|i| i.as_i64())
        .and_then(|s| s.checked_mul(1_000_000_000))
        .ok_or_else(|| vm.new_overflow_error("timestamp too large to convert to C PyTime_t"))
}

/// Sleeps until `ns` nanoseconds from now on the monotonic clock. A signal
/// interrupts the sleep (EINTR): its Python handler runs, and the sleep
/// goes on unless the handler raised (PEP 475).
pub fn sleep_ns(vm: &VM, ns: i64) -> PyResult<()> {
    use nix::errno::Errno;
    use nix::sys::time::TimeSpec;
    use nix::time::{clock_gettime, clock_nanosleep, ClockId, ClockNanosleepFlags};
    let clock = ClockId::CLOCK_MONOTONIC;
    let now = clock_gettime(clock).map_err(|e| errno_error(vm, e as i32))?;
    let total = now.tv_sec() as i128 * 1_000_000_000 + now.tv_nsec() as i128 + ns as i128;
    let deadline = TimeSpec::new(
        (total / 1_000_000_000) as i64,
        (total % 1_000_000_000) as i64,
    );
    loop {
        match clock_nanosleep(clock, ClockNanosleepFlags::TIMER_ABSTIME, &deadline) {
            Ok(_) => return Ok(()),
            Err(Errno::EINTR) => super::signalmodule::check_signals(vm)?,
            Err(e) => return Err(errno_error(vm, e as i32)),
        }
    }
}

fn errno_error(vm: &VM, errno: i32) -> crate::PyBaseExceptionRef {
    crate::objects::exceptions::new_os_error_errno(
        vm,
        errno as i64,
        &super::posixmodule::strerror_text(errno),
        None,
    )
}

fn sleep(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "time.sleep", a, k, 1, 1)?;
    let ns = timeout_ns(vm, &a[0])?;
    if ns < 0 {
        return Err(vm.new_value_error("sleep length must be non-negative"));
    }
    sleep_ns(vm, ns)?;
    Ok(vm.none())
}

pub fn make_module(vm: &VM) -> PyResult<PyObjectRef> {
    let m = vm.new_module(
        "time",
        Some("This module provides various functions to manipulate time values."),
    );
    let d = &m.payload.dict.payload;
    let mo = m.clone().into_object();
    vm.add_function(d, &mo, "time", time_time);
    vm.add_function(d, &mo, "time_ns", time_time_ns);
    vm.add_function(d, &mo, "perf_counter", perf_counter);
    vm.add_function(d, &mo, "perf_counter_ns", perf_counter_ns);
    vm.add_function(d, &mo, "monotonic", monotonic);
    vm.add_function(d, &mo, "monotonic_ns", monotonic_ns);
    vm.add_function(d, &mo, "process_time", process_time);
    vm.add_function(d, &mo, "sleep", sleep);
    // A signal handler run during the sleep gets the caller's frame.
    if let Some(f) = d.get_str_name(vm, "sleep") {
        vm.state
            .frame_builtins
            .register(f.id(), crate::python::pylifecycle::FrameUse::Globals);
    }
    super::io_time::install(vm, &mo)?;
    Ok(mo)
}
