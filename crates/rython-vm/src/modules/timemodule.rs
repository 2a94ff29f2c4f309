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
    args::positional(vm, "time", a, k, 0, 0)?;
    let d = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    Ok(vm.new_float(d.as_secs_f64()))
}

fn time_time_ns(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    args::positional(vm, "time_ns", a, k, 0, 0)?;
    let d = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    Ok(vm.new_bigint(d.as_nanos().into()))
}

fn perf_counter(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    args::positional(vm, "perf_counter", a, k, 0, 0)?;
    Ok(vm.new_float(now_since_start().as_secs_f64()))
}

fn perf_counter_ns(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    args::positional(vm, "perf_counter_ns", a, k, 0, 0)?;
    Ok(vm.new_bigint(now_since_start().as_nanos().into()))
}

fn process_time(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    args::positional(vm, "process_time", a, k, 0, 0)?;
    Ok(vm.new_float(now_since_start().as_secs_f64()))
}

fn sleep(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "sleep", a, k, 1, 1)?;
    let secs = if a[0].payload_is::<crate::objects::floatobject::PyFloat>()
        || a[0].payload_is::<crate::objects::longobject::PyInt>()
    {
        vm.to_f64(&a[0])?
    } else {
        return Err(vm.new_type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            a[0].class().name_string()
        )));
    };
    if secs.is_nan() {
        return Err(vm.new_value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.new_value_error("sleep length must be non-negative"));
    }
    if !secs.is_finite() || secs > 1e12 {
        return Err(vm.new_overflow_error("sleep length is too large"));
    }
    std::thread::sleep(Duration::from_secs_f64(secs));
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
    vm.add_function(d, &mo, "monotonic", perf_counter);
    vm.add_function(d, &mo, "monotonic_ns", perf_counter_ns);
    vm.add_function(d, &mo, "process_time", process_time);
    vm.add_function(d, &mo, "sleep", sleep);
    super::io_time::install(vm, &mo)?;
    Ok(mo)
}
