//! The math module against values printed by CPython 3.13 (the table in
//! `math_cases.rs` is generated; every result must match exactly).

use crate::object::PyObjectRef;
use crate::objects::longobject::number_tests::{show, vm};
use crate::objects::methodobject::PyBuiltinFunction;
use crate::VM;

#[path = "math_cases.rs"]
mod math_cases;

fn arg(vm: &VM, s: &str) -> PyObjectRef {
    let (kind, v) = s.split_at(2);
    match kind {
        "i:" => vm.new_int(v.parse().unwrap()),
        "b:" => vm.new_bigint(v.parse().unwrap()),
        "f:" => vm.new_float(match v {
            "inf" => f64::INFINITY,
            "-inf" => f64::NEG_INFINITY,
            "nan" => f64::NAN,
            _ => v.parse().unwrap(),
        }),
        "s:" => vm.new_str_obj(v),
        "l:" => {
            let items = if v.is_empty() {
                vec![]
            } else {
                v.split(',').map(|x| arg(vm, x)).collect()
            };
            vm.new_list(items).into_object()
        }
        _ => panic!("bad arg {s}"),
    }
}

fn call(vm: &VM, m: &PyObjectRef, name: &str, args: &[PyObjectRef]) -> String {
    let module = m
        .downcast_ref::<crate::objects::moduleobject::PyModule>()
        .unwrap();
    let f = module
        .dict
        .payload
        .get_str(vm, &vm.intern(name))
        .expect(name);
    let f = f.downcast_ref::<PyBuiltinFunction>().unwrap();
    show(vm, (f.func)(vm, args, None))
}

#[test]
fn math_matches_cpython() {
    let vm = vm();
    let m = super::make_module(&vm).unwrap();
    let mut bad = Vec::new();
    for (name, args, want) in math_cases::CASES {
        let a: Vec<_> = args.iter().map(|s| arg(&vm, s)).collect();
        let got = call(&vm, &m, name, &a);
        if got != *want {
            bad.push(format!("{name}{args:?}: got {got}, want {want}"));
        }
    }
    assert!(
        bad.is_empty(),
        "{} mismatches:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn big_factorial_is_fast() {
    let vm = vm();
    let m = super::make_module(&vm).unwrap();
    let t = std::time::Instant::now();
    let r = {
        let module = m
            .downcast_ref::<crate::objects::moduleobject::PyModule>()
            .unwrap();
        let f = module
            .dict
            .payload
            .get_str(&vm, &vm.intern("factorial"))
            .unwrap();
        let f = f.downcast_ref::<PyBuiltinFunction>().unwrap();
        (f.func)(&vm, &[vm.new_int(12000)], None).unwrap()
    };
    assert!(t.elapsed().as_secs_f64() < 2.0);
    let bits = crate::objects::longobject::number_tests::repr(&vm, &{
        let module = m
            .downcast_ref::<crate::objects::moduleobject::PyModule>()
            .unwrap();
        let f = module
            .dict
            .payload
            .get_str(&vm, &vm.intern("log2"))
            .unwrap();
        let f = f.downcast_ref::<PyBuiltinFunction>().unwrap();
        (f.func)(&vm, &[r], None).unwrap()
    });
    // math.log2(math.factorial(12000)) in CPython 3.13.
    assert_eq!(bits, "145304.7220654075");
}
