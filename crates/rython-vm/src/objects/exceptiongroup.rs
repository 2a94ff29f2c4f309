//! `BaseExceptionGroup` and `ExceptionGroup` (PEP 654; CPython's
//! Objects/exceptions.c group section), and the two helpers the eval loop
//! uses for `except*`: `check_eg_match` (CHECK_EG_MATCH) and
//! `prep_reraise_star` (`_PyExc_PrepReraiseStar`).

use std::collections::HashSet;

use crate::object::{PyObjectRef, PyRef, PyTypeRef};
use crate::objects::exceptions::{
    base_exc_init, exc_payload, get_field, is_exception_class, is_exception_instance, no_keywords,
    set_field, split_kwargs, PyBaseException,
};
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::{PyTuple, PyTupleRef};
use crate::objects::typeobject::PyType;
use crate::{PyResult, VM};

/// Nesting limit of the recursive walks over a group tree (CPython uses
/// the interpreter recursion limit).
const MAX_DEPTH: usize = 1000;

fn is_group(vm: &VM, obj: &PyObjectRef) -> bool {
    obj.class().is_subtype(&vm.types.exc.base_exception_group)
}

/// The `exceptions` tuple of a group (empty if unset).
pub fn group_exceptions(vm: &VM, eg: &PyObjectRef) -> Vec<PyObjectRef> {
    get_field(vm, eg, "exceptions")
        .and_then(|t| t.downcast_ref::<PyTuple>().map(|t| t.as_slice().to_vec()))
        .unwrap_or_default()
}

/// `PySequence_Check`: has `__getitem__` and is not a dict.
fn is_sequence(vm: &VM, obj: &PyObjectRef) -> bool {
    obj.payload_is::<PyTuple>()
        || obj.payload_is::<crate::objects::listobject::PyList>()
        || (obj.class().payload.slots.getitem.get().is_some()
            && !obj.class().is_subtype(&vm.types.dict_type))
}

fn group_new(
    vm: &VM,
    cls: &PyTypeRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult {
    no_keywords(vm, cls, kwnames)?;
    let (pos, _) = split_kwargs(args, kwnames);
    if pos.len() != 2 {
        return Err(vm.new_type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            pos.len()
        )));
    }
    let (message, exceptions) = (&pos[0], &pos[1]);
    if !message.payload_is::<PyStr>() {
        return Err(vm.new_type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            crate::python::args::arg_type_name(&message)
        )));
    }
    if !is_sequence(vm, exceptions) {
        return Err(vm.new_type_error("second argument (exceptions) must be a sequence"));
    }
    let excs = vm.collect(exceptions)?;
    if excs.is_empty() {
        return Err(vm.new_value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut nested_base = false;
    for (i, e) in excs.iter().enumerate() {
        if !is_exception_instance(e) {
            return Err(vm.new_value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
        if !e.class().is_subtype(&vm.types.exc.exception) {
            nested_base = true;
        }
    }
    let mut ty = cls.clone();
    if cls.is(&vm.types.exception_group_type) {
        if nested_base {
            return Err(vm.new_type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if cls.is(&vm.types.exc.base_exception_group) {
        if !nested_base {
            ty = vm.types.exception_group_type.clone();
        }
    } else if nested_base && cls.is_subtype(&vm.types.exc.exception) {
        return Err(vm.new_type_error(format!(
            "Cannot nest BaseExceptions in '{}'",
            cls.name_string()
        )));
    }
    let obj = PyRef::new_with_type(PyBaseException::new_ready(vm.new_tuple(pos.to_vec())), ty)
        .into_object();
    set_field(vm, &obj, "message", Some(message.clone()));
    set_field(vm, &obj, "exceptions", Some(vm.new_tuple_obj(excs)));
    Ok(obj)
}

fn group_init(
    vm: &VM,
    zelf: &PyObjectRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult<()> {
    base_exc_init(vm, zelf, args, kwnames)
}

fn group_str(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let msg = get_field(vm, zelf, "message").unwrap_or_else(|| vm.none());
    let n = group_exceptions(vm, zelf).len();
    Ok(vm.new_str_obj(format!(
        "{} ({n} sub-exception{})",
        vm.str_string(&msg)?,
        if n > 1 { "s" } else { "" }
    )))
}

fn get_message(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    exc_payload(vm, zelf)?;
    Ok(get_field(vm, zelf, "message").unwrap_or_else(|| vm.none()))
}

fn get_exceptions(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    exc_payload(vm, zelf)?;
    Ok(get_field(vm, zelf, "exceptions").unwrap_or_else(|| vm.none()))
}

/// `_PyExc_CreateExceptionGroup`: `BaseExceptionGroup(message, excs)`
/// (promoted to `ExceptionGroup` when every member is an `Exception`);
/// `excs` is any sequence, kept as given in `args`.
pub fn create_group(vm: &VM, message: &str, seq: PyObjectRef) -> PyResult {
    group_new(
        vm,
        &vm.types.exc.base_exception_group,
        &[vm.new_str_obj(message), seq],
        None,
    )
}

fn group_derive(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let args =
        crate::objects::exceptions::method_args(vm, "BaseExceptionGroup.derive", args, kw, 1)?;
    let msg = get_field(vm, &args[0], "message").unwrap_or_else(|| vm.none());
    group_new(
        vm,
        &vm.types.exc.base_exception_group,
        &[msg, args[1].clone()],
        None,
    )
}

enum Matcher<'a> {
    Type(&'a PyObjectRef),
    Predicate(&'a PyObjectRef),
    Ids(&'a HashSet<usize>),
}

fn get_matcher<'a>(vm: &VM, value: &'a PyObjectRef) -> PyResult<Matcher<'a>> {
    if vm.is_callable(value) && !value.payload_is::<PyType>() {
        return Ok(Matcher::Predicate(value));
    }
    if is_exception_class(vm, value) {
        return Ok(Matcher::Type(value));
    }
    if let Some(t) = value.downcast_ref::<PyTuple>() {
        if value.class().is(&vm.types.tuple_type)
            && t.as_slice().iter().all(|c| is_exception_class(vm, c))
        {
            return Ok(Matcher::Type(value));
        }
    }
    Err(vm.new_type_error(
        "expected an exception type, a tuple of exception types, or a callable (other than a class)",
    ))
}

/// `PyErr_GivenExceptionMatches` for an instance: subclass test on the
/// MRO (no `__subclasscheck__`), tuples matched element-wise.
pub fn exception_matches(vm: &VM, exc: &PyObjectRef, typ: &PyObjectRef) -> bool {
    if let Some(t) = typ.downcast_ref::<PyTuple>() {
        return t.as_slice().iter().any(|c| exception_matches(vm, exc, c));
    }
    match typ.clone().downcast::<PyType>() {
        Ok(t) => exc.class().is_subtype(&t),
        Err(_) => false,
    }
}

fn check_match(vm: &VM, exc: &PyObjectRef, m: &Matcher) -> PyResult<bool> {
    match m {
        Matcher::Type(t) => Ok(exception_matches(vm, exc, t)),
        Matcher::Predicate(f) => {
            let r = vm.call1(f, exc.clone())?;
            vm.is_true(&r)
        }
        Matcher::Ids(ids) => Ok(ids.contains(&exc.id())),
    }
}

/// `exceptiongroup_subset`: a group like `orig` holding `excs`, carrying
/// over its traceback, cause, context and a copy of its notes.
fn subset(vm: &VM, orig: &PyObjectRef, excs: Vec<PyObjectRef>) -> PyResult<Option<PyObjectRef>> {
    if excs.is_empty() {
        return Ok(None);
    }
    let list = vm.new_list(excs).into_object();
    let eg = vm.call_method(orig, "derive", &[list])?;
    if !is_group(vm, &eg) {
        return Err(vm.new_type_error("derive must return an instance of BaseExceptionGroup"));
    }
    let (Some(o), Some(e)) = (
        orig.downcast_ref::<PyBaseException>(),
        eg.downcast_ref::<PyBaseException>(),
    ) else {
        return Ok(Some(eg));
    };
    if let Some(tb) = o.get_traceback() {
        e.set_traceback(Some(tb));
    }
    e.set_context(o.get_context());
    e.set_cause(o.get_cause());
    if let Some(notes) = vm.get_attr_opt_str(orig, "__notes__")? {
        if is_sequence(vm, &notes) {
            let copy = vm.new_list(vm.collect(&notes)?).into_object();
            vm.set_attr_str(&eg, "__notes__", copy)?;
        }
    }
    Ok(Some(eg))
}

/// `exceptiongroup_split_recursive`: (match, rest), either may be absent.
fn split_recursive(
    vm: &VM,
    exc: &PyObjectRef,
    m: &Matcher,
    construct_rest: bool,
    depth: usize,
) -> PyResult<(Option<PyObjectRef>, Option<PyObjectRef>)> {
    if check_match(vm, exc, m)? {
        return Ok((Some(exc.clone()), None));
    }
    if !is_group(vm, exc) {
        return Ok((None, construct_rest.then(|| exc.clone())));
    }
    if depth > MAX_DEPTH {
        return Err(vm.new_recursion_error(
            "maximum recursion depth exceeded in exceptiongroup_split_recursive",
        ));
    }
    let mut matched = Vec::new();
    let mut rest = Vec::new();
    for e in group_exceptions(vm, exc) {
        let (m1, r1) = split_recursive(vm, &e, m, construct_rest, depth + 1)?;
        matched.extend(m1);
        rest.extend(r1);
    }
    let match_eg = subset(vm, exc, matched)?;
    let rest_eg = if construct_rest {
        subset(vm, exc, rest)?
    } else {
        None
    };
    Ok((match_eg, rest_eg))
}

fn group_split(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let args =
        crate::objects::exceptions::method_args(vm, "BaseExceptionGroup.split", args, kw, 1)?;
    let m = get_matcher(vm, &args[1])?;
    let (a, b) = split_recursive(vm, &args[0], &m, true, 0)?;
    Ok(vm.new_tuple_obj(vec![
        a.unwrap_or_else(|| vm.none()),
        b.unwrap_or_else(|| vm.none()),
    ]))
}

fn group_subgroup(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let args =
        crate::objects::exceptions::method_args(vm, "BaseExceptionGroup.subgroup", args, kw, 1)?;
    let m = get_matcher(vm, &args[1])?;
    let (a, _) = split_recursive(vm, &args[0], &m, false, 0)?;
    Ok(a.unwrap_or_else(|| vm.none()))
}

fn collect_leaf_ids(
    vm: &VM,
    exc: &PyObjectRef,
    ids: &mut HashSet<usize>,
    depth: usize,
) -> PyResult<()> {
    if vm.is_none(exc) {
        return Ok(());
    }
    if !is_group(vm, exc) {
        ids.insert(exc.id());
        return Ok(());
    }
    if depth > MAX_DEPTH {
        return Err(vm.new_recursion_error(
            "maximum recursion depth exceeded in collect_exception_group_leaf_ids",
        ));
    }
    for e in group_exceptions(vm, exc) {
        collect_leaf_ids(vm, &e, ids, depth + 1)?;
    }
    Ok(())
}

fn notes_of(vm: &VM, exc: &PyObjectRef) -> Option<usize> {
    let d = crate::objects::exceptions::exc_dict_opt(vm, exc)?;
    let d = d.downcast_ref::<crate::objects::dictobject::PyDict>()?;
    d.entries()
        .into_iter()
        .find(|e| {
            e.key
                .downcast_ref::<PyStr>()
                .is_some_and(|s| s.as_str() == "__notes__")
        })
        .map(|e| e.value.id())
}

/// Same traceback, cause, context and notes: `e` is `orig` re-raised.
fn same_metadata(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> bool {
    let (Some(x), Some(y)) = (
        a.downcast_ref::<PyBaseException>(),
        b.downcast_ref::<PyBaseException>(),
    ) else {
        return false;
    };
    let same = |p: Option<PyObjectRef>, q: Option<PyObjectRef>| match (p, q) {
        (None, None) => true,
        (Some(p), Some(q)) => p.is(&q),
        _ => false,
    };
    notes_of(vm, a) == notes_of(vm, b)
        && same(x.get_traceback(), y.get_traceback())
        && same(x.get_cause(), y.get_cause())
        && same(x.get_context(), y.get_context())
}

/// `_PyExc_PrepReraiseStar`: the exception to raise at the end of a
/// `try/except*`. `excs` is the list of exceptions raised or re-raised by
/// the clauses (None entries skipped); re-raised ones keep their place in
/// the original group's tree, new ones become siblings in a new group.
pub fn prep_reraise_star(vm: &VM, orig: PyObjectRef, excs: PyObjectRef) -> PyResult {
    let excs = vm.collect(&excs)?;
    if excs.is_empty() {
        return Ok(vm.none());
    }
    if !is_group(vm, &orig) {
        // A naked exception was caught and wrapped: only one clause ran.
        return Ok(excs[0].clone());
    }
    let mut raised = Vec::new();
    let mut reraised = Vec::new();
    for e in excs {
        if vm.is_none(&e) {
            continue;
        }
        if same_metadata(vm, &e, &orig) {
            reraised.push(e);
        } else {
            raised.push(e);
        }
    }
    let mut ids = HashSet::new();
    for e in &reraised {
        collect_leaf_ids(vm, e, &mut ids, 0)?;
    }
    let (reraised_eg, _) = split_recursive(vm, &orig, &Matcher::Ids(&ids), false, 0)?;
    if raised.is_empty() {
        return Ok(reraised_eg.unwrap_or_else(|| vm.none()));
    }
    raised.extend(reraised_eg);
    if raised.len() > 1 {
        create_group(vm, "", vm.new_list(raised).into_object())
    } else {
        Ok(raised.swap_remove(0))
    }
}

/// `_PyEval_CheckExceptStarTypeValid`.
fn check_except_star_type(vm: &VM, typ: &PyObjectRef) -> PyResult<()> {
    const CANNOT_CATCH: &str =
        "catching classes that do not inherit from BaseException is not allowed";
    let items: Vec<PyObjectRef> = match typ.downcast_ref::<PyTuple>() {
        Some(t) => t.as_slice().to_vec(),
        None => vec![typ.clone()],
    };
    for t in &items {
        if !is_exception_class(vm, t) {
            return Err(vm.new_type_error(CANNOT_CATCH));
        }
    }
    for t in &items {
        if let Ok(t) = t.clone().downcast::<PyType>() {
            if t.is_subtype(&vm.types.exc.base_exception_group) {
                return Err(vm.new_type_error(
                    "catching ExceptionGroup with except* is not allowed. Use except instead.",
                ));
            }
        }
    }
    Ok(())
}

impl VM {
    /// CHECK_EG_MATCH: splits `eg` (the exception being handled) by `typ`
    /// and returns `(rest, matched)`, each None when empty. A naked
    /// exception that matches is wrapped in `ExceptionGroup("", [exc])`;
    /// the caller gives the wrapper its traceback and makes `matched` the
    /// handled exception when it is not None.
    pub(crate) fn check_eg_match(
        &self,
        eg: &PyObjectRef,
        typ: &PyObjectRef,
    ) -> PyResult<(PyObjectRef, PyObjectRef)> {
        check_except_star_type(self, typ)?;
        if self.is_none(eg) {
            return Ok((self.none(), self.none()));
        }
        if exception_matches(self, eg, typ) {
            let matched = if is_group(self, eg) {
                eg.clone()
            } else {
                create_group(self, "", self.new_tuple_obj(vec![eg.clone()]))?
            };
            return Ok((self.none(), matched));
        }
        if is_group(self, eg) {
            let pair = self.call_method(eg, "split", &[typ.clone()])?;
            let items = pair
                .downcast_ref::<PyTuple>()
                .map(|t| t.as_slice().to_vec())
                .unwrap_or_default();
            if let [m, r] = items.as_slice() {
                return Ok((r.clone(), m.clone()));
            }
            return Err(self.new_type_error("split must return a 2-tuple"));
        }
        Ok((eg.clone(), self.none()))
    }
}

pub(crate) fn init(vm: &VM) {
    let beg = &vm.types.exc.base_exception_group;
    beg.payload.slots.new.set(Some(group_new));
    beg.payload.slots.init.set(Some(group_init));
    beg.payload.slots.str.set(Some(group_str));
    vm.add_method(beg, "derive", group_derive);
    vm.add_method(beg, "split", group_split);
    vm.add_method(beg, "subgroup", group_subgroup);
    vm.add_getset(beg, "message", get_message, None);
    vm.add_getset(beg, "exceptions", get_exceptions, None);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::exceptions::tests::{call_type, err, meth, rp, s, st, vm};

    fn leaf(vm: &VM, ty: &PyTypeRef, msg: &str) -> PyObjectRef {
        call_type(vm, ty, vec![s(vm, msg)], vec![]).unwrap()
    }

    fn group(vm: &VM, msg: &str, excs: Vec<PyObjectRef>) -> PyObjectRef {
        let cls = vm.types.exc.base_exception_group.clone();
        call_type(
            vm,
            &cls,
            vec![s(vm, msg), vm.new_list(excs).into_object()],
            vec![],
        )
        .unwrap()
    }

    #[test]
    fn construction_and_validation() {
        let vm = vm();
        let e = &vm.types.exc;
        let g = group(&vm, "m", vec![leaf(&vm, &e.value_error, "a")]);
        // Only Exceptions inside: promoted to ExceptionGroup.
        assert_eq!(g.class().name_string(), "ExceptionGroup");
        assert_eq!(rp(&vm, &g), "ExceptionGroup('m', [ValueError('a')])");
        assert_eq!(st(&vm, &g), "m (1 sub-exception)");
        let ki = call_type(&vm, &e.keyboard_interrupt, vec![], vec![]).unwrap();
        let g2 = group(&vm, "m", vec![leaf(&vm, &e.value_error, "a"), ki.clone()]);
        assert_eq!(g2.class().name_string(), "BaseExceptionGroup");
        assert_eq!(st(&vm, &g2), "m (2 sub-exceptions)");
        let eg = vm.types.exception_group_type.clone();
        let list = |v| vm.new_list(v).into_object();
        assert_eq!(
            err(
                &vm,
                call_type(&vm, &eg, vec![s(&vm, "m"), list(vec![ki])], vec![])
            ),
            "TypeError: Cannot nest BaseExceptions in an ExceptionGroup"
        );
        assert_eq!(
            err(
                &vm,
                call_type(&vm, &eg, vec![s(&vm, "m"), list(vec![])], vec![])
            ),
            "ValueError: second argument (exceptions) must be a non-empty sequence"
        );
        assert_eq!(
            err(
                &vm,
                call_type(&vm, &eg, vec![s(&vm, "m"), vm.new_int(1)], vec![])
            ),
            "TypeError: second argument (exceptions) must be a sequence"
        );
        assert_eq!(
            err(
                &vm,
                call_type(
                    &vm,
                    &eg,
                    vec![s(&vm, "m"), list(vec![vm.new_int(1)])],
                    vec![]
                )
            ),
            "ValueError: Item 0 of second argument (exceptions) is not an exception"
        );
        assert_eq!(
            err(&vm, call_type(&vm, &eg, vec![s(&vm, "m")], vec![])),
            "TypeError: BaseExceptionGroup.__new__() takes exactly 2 arguments (1 given)"
        );
        assert_eq!(
            err(
                &vm,
                call_type(&vm, &eg, vec![vm.new_int(1), list(vec![])], vec![])
            ),
            "TypeError: BaseExceptionGroup.__new__() argument 1 must be str, not int"
        );
    }

    #[test]
    fn split_and_subgroup_keep_structure_and_metadata() {
        let vm = vm();
        let e = &vm.types.exc;
        let inner = group(
            &vm,
            "b",
            vec![leaf(&vm, &e.value_error, "3"), leaf(&vm, &e.key_error, "4")],
        );
        let eg = group(
            &vm,
            "a",
            vec![
                leaf(&vm, &e.value_error, "1"),
                leaf(&vm, &e.type_error, "2"),
                inner,
            ],
        );
        let cause = leaf(&vm, &e.key_error, "c");
        eg.downcast_ref::<PyBaseException>()
            .unwrap()
            .set_cause(Some(cause.clone()));
        meth(&vm, &eg, "add_note", vec![s(&vm, "n1")]).unwrap();
        let ve = e.value_error.clone().into_object();
        let pair = meth(&vm, &eg, "split", vec![ve.clone()]).unwrap();
        let pair = pair.downcast_ref::<PyTuple>().unwrap().as_slice().to_vec();
        assert_eq!(
            rp(&vm, &pair[0]),
            "ExceptionGroup('a', [ValueError('1'), ExceptionGroup('b', [ValueError('3')])])"
        );
        assert_eq!(
            rp(&vm, &pair[1]),
            "ExceptionGroup('a', [TypeError('2'), ExceptionGroup('b', [KeyError('4')])])"
        );
        let m = pair[0].downcast_ref::<PyBaseException>().unwrap();
        assert!(m.get_cause().unwrap().is(&cause));
        let notes = vm.get_attr_str(&pair[0], "__notes__").unwrap();
        let orig_notes = vm.get_attr_str(&eg, "__notes__").unwrap();
        assert!(!notes.is(&orig_notes));
        assert_eq!(rp(&vm, &notes), "['n1']");
        // Nothing matches: (None, the whole group rebuilt).
        let oe = e.os_error.clone().into_object();
        let pair = meth(&vm, &eg, "split", vec![oe]).unwrap();
        assert!(vm.is_none(&pair.downcast_ref::<PyTuple>().unwrap().as_slice()[0]));
        let sub = meth(
            &vm,
            &eg,
            "subgroup",
            vec![e.key_error.clone().into_object()],
        )
        .unwrap();
        assert_eq!(
            rp(&vm, &sub),
            "ExceptionGroup('a', [ExceptionGroup('b', [KeyError('4')])])"
        );
        assert_eq!(
            err(&vm, meth(&vm, &eg, "split", vec![vm.new_int(1)])),
            "TypeError: expected an exception type, a tuple of exception types, or a callable (other than a class)"
        );
    }

    #[test]
    fn except_star_helpers() {
        let vm = vm();
        let e = &vm.types.exc;
        let naked = leaf(&vm, &e.value_error, "9");
        let ve = e.value_error.clone().into_object();
        let (rest, matched) = vm.check_eg_match(&naked, &ve).unwrap();
        assert!(vm.is_none(&rest));
        assert_eq!(rp(&vm, &matched), "ExceptionGroup('', (ValueError('9'),))");
        let (rest, matched) = vm
            .check_eg_match(&naked, &e.type_error.clone().into_object())
            .unwrap();
        assert!(rest.is(&naked) && vm.is_none(&matched));
        let egt = vm.types.exception_group_type.clone().into_object();
        assert_eq!(
            err(&vm, vm.check_eg_match(&naked, &egt)),
            "TypeError: catching ExceptionGroup with except* is not allowed. Use except instead."
        );
        assert_eq!(
            err(&vm, vm.check_eg_match(&naked, &vm.new_int(1))),
            "TypeError: catching classes that do not inherit from BaseException is not allowed"
        );
        // A group split in two; re-raising the matched part keeps the
        // original structure, a new exception becomes a sibling.
        let v1 = leaf(&vm, &e.value_error, "1");
        let t2 = leaf(&vm, &e.type_error, "2");
        let eg = group(&vm, "g", vec![v1, t2]);
        // Caught exceptions carry metadata (normally a traceback) that
        // re-raised parts share and new exceptions lack.
        let ctx = leaf(&vm, &e.os_error, "ctx");
        eg.downcast_ref::<PyBaseException>()
            .unwrap()
            .set_context(Some(ctx));
        let (rest, matched) = vm.check_eg_match(&eg, &ve).unwrap();
        assert_eq!(rp(&vm, &matched), "ExceptionGroup('g', [ValueError('1')])");
        assert_eq!(rp(&vm, &rest), "ExceptionGroup('g', [TypeError('2')])");
        let r = prep_reraise_star(
            &vm,
            eg.clone(),
            vm.new_list(vec![matched.clone()]).into_object(),
        )
        .unwrap();
        assert_eq!(rp(&vm, &r), "ExceptionGroup('g', [ValueError('1')])");
        let fresh = leaf(&vm, &e.key_error, "k");
        let r = prep_reraise_star(
            &vm,
            eg.clone(),
            vm.new_list(vec![fresh, vm.none(), matched]).into_object(),
        )
        .unwrap();
        assert_eq!(
            rp(&vm, &r),
            "ExceptionGroup('', [KeyError('k'), ExceptionGroup('g', [ValueError('1')])])"
        );
        let r = prep_reraise_star(&vm, eg, vm.new_list(vec![]).into_object()).unwrap();
        assert!(vm.is_none(&r));
    }
}
