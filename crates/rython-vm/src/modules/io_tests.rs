//! Unit tests for the io modules, through the Rust API.

use crate::object::PyObjectRef;
use crate::VM;

fn vm() -> VM {
    VM::new(Default::default()).unwrap()
}

fn attr(vm: &VM, o: &PyObjectRef, name: &str) -> PyObjectRef {
    vm.get_attr(o, &vm.intern(name)).unwrap()
}

fn repr(vm: &VM, o: &PyObjectRef) -> String {
    vm.repr(o).unwrap().payload.as_str().to_string()
}

#[test]
fn stringio_write_seek_read() {
    let vm = vm();
    let io = super::iomodule::make_io_module(&vm).unwrap();
    let s = vm.call(&attr(&vm, &io, "StringIO"), &[], None).unwrap();
    let n = vm
        .call_method(&s, "write", &[vm.new_str_obj("ab\ncd")])
        .unwrap();
    assert_eq!(repr(&vm, &n), "5");
    vm.call_method(&s, "seek", &[vm.new_int(0)]).unwrap();
    let line = vm.call_method(&s, "readline", &[]).unwrap();
    assert_eq!(repr(&vm, &line), "'ab\\n'");
    let v = vm.call_method(&s, "getvalue", &[]).unwrap();
    assert_eq!(repr(&vm, &v), "'ab\\ncd'");
    vm.call_method(&s, "close", &[]).unwrap();
    let e = vm.call_method(&s, "read", &[]).unwrap_err();
    assert_eq!(
        repr(&vm, e.as_object()),
        "ValueError('I/O operation on closed file')"
    );
}

#[test]
fn open_modes_and_errors() {
    let vm = vm();
    let open = super::iomodule::io_open;
    let path = std::env::temp_dir().join(format!("rython_io_unit_{}.txt", std::process::id()));
    let p = vm.new_str_obj(path.to_string_lossy().as_ref());
    let f = open(&vm, &[p.clone(), vm.new_str_obj("w")], None).unwrap();
    vm.call_method(&f, "write", &[vm.new_str_obj("x\r\ny\n")])
        .unwrap();
    vm.call_method(&f, "close", &[]).unwrap();
    let f = open(&vm, &[p.clone()], None).unwrap();
    let all = vm.call_method(&f, "read", &[]).unwrap();
    assert_eq!(repr(&vm, &all), "'x\\ny\\n'");
    let tell = vm.call_method(&f, "tell", &[]).unwrap();
    assert_eq!(repr(&vm, &tell), "5");
    vm.call_method(&f, "close", &[]).unwrap();
    let e = open(&vm, &[p.clone(), vm.new_str_obj("rw")], None).unwrap_err();
    assert_eq!(
        repr(&vm, e.as_object()),
        "ValueError('must have exactly one of create/read/write/append mode')"
    );
    let e = open(&vm, &[p.clone(), vm.new_str_obj("x")], None).unwrap_err();
    assert_eq!(e.as_object().class().name_string(), "FileExistsError");
    let _ = std::fs::remove_file(&path);
    let e = open(&vm, &[p], None).unwrap_err();
    assert!(
        repr(&vm, e.as_object()).starts_with("FileNotFoundError(2, 'No such file or directory')")
    );
}

#[test]
fn memoryview_slices() {
    let vm = vm();
    let mv = vm.builtins.payload.get_str_name(&vm, "memoryview").unwrap();
    let m = vm
        .call(&mv, &[vm.new_bytes(b"abcdef".to_vec())], None)
        .unwrap();
    let tail = vm
        .call_method(&m, "__getitem__", &[vm.new_int(-1)])
        .unwrap();
    assert_eq!(repr(&vm, &tail), "102");
    assert_eq!(vm.len(&m).unwrap(), 6);
    let b = vm.call_method(&m, "tobytes", &[]).unwrap();
    assert_eq!(repr(&vm, &b), "b'abcdef'");
}

#[test]
fn sys_has_struct_sequences() {
    let vm = vm();
    let sys = super::sysmodule::get_module(&vm).unwrap();
    let fi = attr(&vm, &sys, "int_info");
    assert_eq!(
        repr(&vm, &fi),
        "sys.int_info(bits_per_digit=30, sizeof_digit=4, default_max_str_digits=4300, str_digits_check_threshold=640)"
    );
    let out = attr(&vm, &sys, "stdout");
    assert_eq!(
        repr(&vm, &out),
        "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>"
    );
}
