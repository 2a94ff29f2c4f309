"""Minimal typing: enough for annotations, generics and PEP 695."""

import collections.abc as _abc
import functools as _functools
import sys as _sys

__all__ = ['Any', 'Callable', 'ClassVar', 'Final', 'Generic', 'Literal',
           'Optional', 'ParamSpec', 'Protocol', 'Tuple', 'Type', 'TypeVar',
           'TypeVarTuple', 'Union', 'Dict', 'List', 'Set', 'FrozenSet',
           'Iterable', 'Iterator', 'Mapping', 'Sequence', 'TypeAlias',
           'TypeAliasType', 'NamedTuple', 'TypedDict', 'NewType', 'cast',
           'overload', 'final', 'get_args', 'get_origin', 'get_type_hints',
           'TYPE_CHECKING', 'NoReturn', 'Never', 'Self', 'Annotated',
           'no_type_check', 'runtime_checkable', 'override', 'Unpack',
           'LiteralString', 'TypeGuard', 'TypeIs', 'Concatenate']

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if obj is type(None):
        return 'None'
    if isinstance(obj, tuple):
        return '[' + ', '.join(_type_repr(t) for t in obj) + ']'
    return repr(obj)


def _type_check(arg, msg=None):
    if arg is None:
        return type(None)
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


class ForwardRef:
    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        self.__forward_arg__ = arg
        self.__forward_module__ = module

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)

    def __repr__(self):
        return f'ForwardRef({self.__forward_arg__!r})'


class _Final:
    __slots__ = ('__weakref__',)


class _SpecialForm(_Final):
    __slots__ = ('_name', '__doc__', '_getitem')

    def __init__(self, getitem):
        self._getitem = getitem
        self._name = getitem.__name__
        self.__doc__ = getitem.__doc__

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __getitem__(self, parameters):
        return self._getitem(self, parameters)

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass {self!r}")


class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError("typing.Any cannot be used with isinstance()")
        return super().__instancecheck__(obj)

    def __repr__(self):
        if self is Any:
            return "typing.Any"
        return super().__repr__()


class Any(metaclass=_AnyMeta):
    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError("Any cannot be instantiated")
        return super().__new__(cls)


def _bare(name):
    def getitem(self, parameters):
        raise TypeError(f"{self} is not subscriptable")
    getitem.__name__ = name
    return _SpecialForm(getitem)


NoReturn = _bare('NoReturn')
Never = _bare('Never')
Self = _bare('Self')
LiteralString = _bare('LiteralString')
TypeAlias = _bare('TypeAlias')


class _GenericAlias(_Final):
    def __init__(self, origin, args, inst=True, name=None):
        self.__origin__ = origin
        if not isinstance(args, tuple):
            args = (args,)
        self.__args__ = tuple(... if a is _TypingEllipsis else a
                              for a in args)
        self._inst = inst
        self._name = name
        self.__parameters__ = _collect_parameters(self.__args__)
        if not name:
            self.__module__ = getattr(origin, '__module__', None)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__
                and self.__args__ == other.__args__)

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f"Type {self._name} cannot be instantiated; "
                            f"use {self.__origin__.__name__}() instead")
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __mro_entries__(self, bases):
        res = []
        if self.__origin__ not in bases:
            res.append(self.__origin__)
        i = bases.index(self)
        for b in bases[i + 1:]:
            if isinstance(b, _GenericAlias) or (
                    isinstance(b, type) and issubclass(b, Generic)):
                break
        else:
            if Generic not in res and isinstance(self.__origin__, type) \
                    and issubclass(self.__origin__, Generic):
                pass
            elif self.__origin__ is Generic:
                pass
        return tuple(res)

    def __getattr__(self, attr):
        if attr.startswith('__') and attr.endswith('__'):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __getitem__(self, args):
        if not isinstance(args, tuple):
            args = (args,)
        subst = dict(zip(self.__parameters__, args))
        new_args = tuple(subst.get(a, a) if _is_param(a) else
                         (a[tuple(subst.get(p, p) for p in a.__parameters__)]
                          if isinstance(a, _GenericAlias) and a.__parameters__
                          else a)
                         for a in self.__args__)
        return self.copy_with(new_args)

    def copy_with(self, args):
        return self.__class__(self.__origin__, args, inst=self._inst,
                              name=self._name)

    def __repr__(self):
        if self._name:
            name = 'typing.' + self._name
        else:
            name = _type_repr(self.__origin__)
        if not self.__args__:
            args = '()'
        else:
            args = ', '.join(_type_repr(a) for a in self.__args__)
        return f'{name}[{args}]'

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __instancecheck__(self, obj):
        raise TypeError("Subscripted generics cannot be used with"
                        " class and instance checks")

    __subclasscheck__ = __instancecheck__


_TypingEllipsis = object()


def _is_param(a):
    return isinstance(a, (TypeVar, ParamSpec, TypeVarTuple))


def _collect_parameters(args):
    params = []
    for a in args:
        if _is_param(a):
            if a not in params:
                params.append(a)
        else:
            for p in getattr(a, '__parameters__', ()) \
                    if not isinstance(a, type) else ():
                if p not in params:
                    params.append(p)
    return tuple(params)


class _UnionGenericAlias(_GenericAlias):
    def copy_with(self, params):
        return Union[params]

    def __eq__(self, other):
        if not isinstance(other, _UnionGenericAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is type(None):
                return f'typing.Optional[{_type_repr(args[1])}]'
            if args[1] is type(None):
                return f'typing.Optional[{_type_repr(args[0])}]'
        return 'typing.Union[' + ', '.join(_type_repr(a) for a in args) + ']'

    def __instancecheck__(self, obj):
        return any(isinstance(obj, a) for a in self.__args__
                   if isinstance(a, type))

    def __subclasscheck__(self, cls):
        return any(issubclass(cls, a) for a in self.__args__
                   if isinstance(a, type))


def _dedup(params):
    out = []
    for p in params:
        if isinstance(p, _UnionGenericAlias):
            items = p.__args__
        else:
            items = (p,)
        for q in items:
            if q not in out:
                out.append(q)
    return tuple(out)


@_SpecialForm
def Union(self, parameters):
    """Union type; Union[X, Y] means either X or Y."""
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    parameters = tuple(_type_check(p) for p in parameters)
    parameters = _dedup(parameters)
    if len(parameters) == 1:
        return parameters[0]
    return _UnionGenericAlias(self, parameters, name='Union')


@_SpecialForm
def Optional(self, parameters):
    """Optional[X] is equivalent to Union[X, None]."""
    return Union[parameters, None]


@_SpecialForm
def ClassVar(self, parameters):
    """Special type construct to mark class variables."""
    return _GenericAlias(self, (_type_check(parameters),), name='ClassVar')


@_SpecialForm
def Final(self, parameters):
    """Special typing construct to indicate final names."""
    return _GenericAlias(self, (_type_check(parameters),), name='Final')


class _LiteralGenericAlias(_GenericAlias):
    def __repr__(self):
        return 'typing.Literal[' + ', '.join(map(repr, self.__args__)) + ']'


@_SpecialForm
def Literal(self, parameters):
    """Special typing form to define literal types."""
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _LiteralGenericAlias(self, parameters, name='Literal')


@_SpecialForm
def Concatenate(self, parameters):
    """Used with Callable and ParamSpec."""
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _GenericAlias(self, parameters, name='Concatenate')


@_SpecialForm
def TypeGuard(self, parameters):
    """Special typing construct for user-defined type guards."""
    return _GenericAlias(self, (parameters,), name='TypeGuard')


@_SpecialForm
def TypeIs(self, parameters):
    """Special typing construct for narrowing functions."""
    return _GenericAlias(self, (parameters,), name='TypeIs')


@_SpecialForm
def Unpack(self, parameters):
    """Type unpack operator."""
    return _GenericAlias(self, (parameters,), name='Unpack')


class _AnnotatedAlias(_GenericAlias):
    def __init__(self, origin, metadata):
        super().__init__(origin, (origin,))
        self.__metadata__ = metadata

    def __repr__(self):
        return 'typing.Annotated[%s, %s]' % (
            _type_repr(self.__origin__),
            ', '.join(repr(a) for a in self.__metadata__))


class Annotated:
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise TypeError("Type Annotated cannot be instantiated.")

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError("Annotated[...] should be used with at least two "
                            "arguments (a type and an annotation).")
        return _AnnotatedAlias(params[0], tuple(params[1:]))


class _SpecialGenericAlias(_Final):
    """An unsubscripted alias such as typing.List."""

    def __init__(self, origin, nparams, inst=True, name=None):
        self.__origin__ = origin
        self._nparams = nparams
        self._inst = inst
        self._name = name or origin.__name__

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_type_check(p) for p in params)
        if self._nparams >= 0 and len(params) != self._nparams:
            raise TypeError(f"Too {'many' if len(params) > self._nparams else 'few'}"
                            f" arguments for {self}; actual {len(params)}, "
                            f"expected {self._nparams}")
        return _GenericAlias(self.__origin__, params, inst=self._inst,
                             name=self._name)

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f"Type {self._name} cannot be instantiated; "
                            f"use {self.__origin__.__name__}() instead")
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__origin__)

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


class _CallableType(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as "
                            "Callable[[arg, ...], result].")
        args, result = params
        if isinstance(args, list):
            params = (tuple(args), result)
        return _CallableGenericAlias(self.__origin__, params,
                                     name='Callable')


class _CallableGenericAlias(_GenericAlias):
    def __init__(self, origin, params, inst=True, name=None):
        args, result = params
        if args is ...:
            flat = (..., result)
        else:
            flat = tuple(args) + (result,) if isinstance(args, tuple) \
                else (args, result)
        super().__init__(origin, flat, inst=inst, name=name)
        self._args_is_list = isinstance(args, tuple)

    def __repr__(self):
        if len(self.__args__) == 2 and (self.__args__[0] is ...
                                        or not self._args_is_list):
            return 'typing.Callable[%s, %s]' % (
                _type_repr(self.__args__[0]), _type_repr(self.__args__[1]))
        args = ', '.join(_type_repr(a) for a in self.__args__[:-1])
        return f'typing.Callable[[{args}], {_type_repr(self.__args__[-1])}]'


class _TupleType(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _GenericAlias(tuple, params, inst=False, name='Tuple')


List = _SpecialGenericAlias(list, 1, name='List')
Dict = _SpecialGenericAlias(dict, 2, name='Dict')
Set = _SpecialGenericAlias(set, 1, name='Set')
FrozenSet = _SpecialGenericAlias(frozenset, 1, name='FrozenSet')
Tuple = _TupleType(tuple, -1, inst=False, name='Tuple')
Type = _SpecialGenericAlias(type, 1, name='Type')
Callable = _CallableType(_abc.Callable, 2, name='Callable')
DefaultDict = _SpecialGenericAlias(__import__('collections').defaultdict, 2,
                                   name='DefaultDict')
OrderedDict = _SpecialGenericAlias(__import__('collections').OrderedDict, 2,
                                   name='OrderedDict')
Counter = _SpecialGenericAlias(__import__('collections').Counter, 1,
                               name='Counter')
Deque = _SpecialGenericAlias(__import__('collections').deque, 1,
                             name='Deque')
ChainMap = _SpecialGenericAlias(__import__('collections').ChainMap, 2,
                                name='ChainMap')
Hashable = _SpecialGenericAlias(_abc.Hashable, 0, name='Hashable')
Sized = _SpecialGenericAlias(_abc.Sized, 0, name='Sized')
Awaitable = _SpecialGenericAlias(_abc.Awaitable, 1, name='Awaitable')
Coroutine = _SpecialGenericAlias(_abc.Coroutine, 3, name='Coroutine')
AsyncIterable = _SpecialGenericAlias(_abc.AsyncIterable, 1,
                                     name='AsyncIterable')
AsyncIterator = _SpecialGenericAlias(_abc.AsyncIterator, 1,
                                     name='AsyncIterator')
Iterable = _SpecialGenericAlias(_abc.Iterable, 1, name='Iterable')
Iterator = _SpecialGenericAlias(_abc.Iterator, 1, name='Iterator')
Reversible = _SpecialGenericAlias(_abc.Reversible, 1, name='Reversible')
Container = _SpecialGenericAlias(_abc.Container, 1, name='Container')
Collection = _SpecialGenericAlias(_abc.Collection, 1, name='Collection')
AbstractSet = _SpecialGenericAlias(_abc.Set, 1, name='AbstractSet')
MutableSet = _SpecialGenericAlias(_abc.MutableSet, 1, name='MutableSet')
Mapping = _SpecialGenericAlias(_abc.Mapping, 2, name='Mapping')
MutableMapping = _SpecialGenericAlias(_abc.MutableMapping, 2,
                                      name='MutableMapping')
Sequence = _SpecialGenericAlias(_abc.Sequence, 1, name='Sequence')
MutableSequence = _SpecialGenericAlias(_abc.MutableSequence, 1,
                                       name='MutableSequence')
Generator = _SpecialGenericAlias(_abc.Generator, 3, name='Generator')
AsyncGenerator = _SpecialGenericAlias(_abc.AsyncGenerator, 2,
                                      name='AsyncGenerator')
KeysView = _SpecialGenericAlias(_abc.KeysView, 1, name='KeysView')
ItemsView = _SpecialGenericAlias(_abc.ItemsView, 2, name='ItemsView')
ValuesView = _SpecialGenericAlias(_abc.ValuesView, 1, name='ValuesView')


class _NoDefaultType:
    __slots__ = ()

    def __repr__(self):
        return 'typing.NoDefault'


NoDefault = _NoDefaultType()


def _caller_module(depth=2):
    try:
        return _sys._getframe(depth).f_globals.get('__name__', '__main__')
    except (AttributeError, ValueError):
        return '__main__'


class _LazyValue:
    # A PEP 695 bound, constraint tuple, default or alias value: evaluated
    # on first use, as CPython does (the compiler makes a function of it).
    __slots__ = ('func',)

    def __init__(self, func):
        self.func = func


def _evaluate(obj, attr):
    v = getattr(obj, attr)
    if type(v) is _LazyValue:
        v = v.func()
        setattr(obj, attr, v)
    return v


class _TypeVarLike:
    __default__ = property(lambda self: _evaluate(self, '_default'),
                           lambda self, v: setattr(self, '_default', v))
    __bound__ = property(lambda self: _evaluate(self, '_bound'),
                         lambda self, v: setattr(self, '_bound', v))

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __reduce__(self):
        return self.__name__

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def has_default(self):
        return self.__default__ is not NoDefault

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass an instance of "
                        f"{type(self).__name__}")


class TypeVar(_TypeVarLike):
    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False, infer_variance=False,
                 default=NoDefault):
        self.__name__ = name
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if infer_variance and (covariant or contravariant):
            raise ValueError("Variance cannot be specified with "
                             "infer_variance.")
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__infer_variance__ = bool(infer_variance)
        if constraints and bound is not None:
            raise TypeError("Constraints cannot be combined with bound=...")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self._constraints = tuple(_type_check(t) for t in constraints)
        self.__bound__ = _type_check(bound) if bound is not None else None
        self.__default__ = default
        mod = _caller_module()
        if mod != 'typing':
            self.__module__ = mod

    def __repr__(self):
        if self.__infer_variance__:
            prefix = ''
        elif self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    __constraints__ = property(lambda self: _evaluate(self, '_constraints'))

    def __typing_subst__(self, arg):
        return arg


class TypeVarTuple(_TypeVarLike):
    def __init__(self, name, *, default=NoDefault):
        self.__name__ = name
        self.__default__ = default

    def __iter__(self):
        yield Unpack[self]

    def __repr__(self):
        return self.__name__


class ParamSpecArgs:
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.args"


class ParamSpecKwargs:
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.kwargs"


class ParamSpec(_TypeVarLike):
    def __init__(self, name, *, bound=None, covariant=False,
                 contravariant=False, infer_variance=False,
                 default=NoDefault):
        self.__name__ = name
        self.__bound__ = bound
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__infer_variance__ = bool(infer_variance)
        self.__default__ = default

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)

    def __repr__(self):
        if self.__infer_variance__:
            prefix = ''
        elif self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__


class TypeAliasType:
    def __init__(self, name, value, *, type_params=()):
        if not isinstance(name, str):
            raise TypeError("TypeAliasType name must be a string")
        self.__name__ = name
        self._value = value
        self.__type_params__ = tuple(type_params)
        self.__parameters__ = self.__type_params__
        mod = _caller_module()
        self.__module__ = mod if mod and mod != 'typing' else '__main__'

    __value__ = property(lambda self: _evaluate(self, '_value'))

    def __repr__(self):
        return self.__name__

    def __getitem__(self, params):
        if not self.__type_params__:
            raise TypeError("Only generic type aliases are subscriptable")
        if not isinstance(params, tuple):
            params = (params,)
        return _GenericAlias(self, params)

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __reduce__(self):
        return self.__name__

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass an instance of TypeAliasType")


class Generic:
    """Abstract base class for generic types."""
    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if cls is Generic or cls is Protocol:
            if not params:
                raise TypeError(f"Parameter list to {cls.__qualname__}[...] "
                                f"cannot be empty")
            for p in params:
                if not _is_param(p) and not (
                        isinstance(p, _GenericAlias)
                        and p.__origin__ is Unpack):
                    raise TypeError(f"Parameters to {cls.__name__}[...] "
                                    f"must all be type variables or "
                                    f"parameter specification variables.")
            if len(set(params)) != len(params):
                raise TypeError(f"Parameters to {cls.__name__}[...] must "
                                f"all be unique")
        params = tuple(_type_check(p) for p in params)
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        tvars = []
        orig = cls.__dict__.get('__orig_bases__', ())
        gvars = None
        for base in orig:
            if isinstance(base, _GenericAlias) and \
                    base.__origin__ in (Generic, Protocol):
                gvars = base.__parameters__
        if gvars is None:
            for base in orig:
                for p in getattr(base, '__parameters__', ()):
                    if p not in tvars:
                        tvars.append(p)
            gvars = tuple(tvars)
        cls.__parameters__ = tuple(gvars)


Generic.__module__ = 'typing'


class _ProtocolMeta(type(_abc.Iterable)):
    def __instancecheck__(cls, instance):
        if cls.__dict__.get('_is_runtime_protocol'):
            attrs = [a for a in cls.__dict__
                     if not a.startswith('_')
                     or a in ('__call__', '__iter__', '__len__',
                              '__contains__', '__enter__', '__exit__')]
            if all(hasattr(instance, a) for a in attrs):
                return True
        return super().__instancecheck__(instance)


class Protocol(Generic, metaclass=_ProtocolMeta):
    __slots__ = ()
    _is_protocol = True

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)


def runtime_checkable(cls):
    cls._is_runtime_protocol = True
    return cls


def cast(typ, val):
    return val


def overload(func):
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            "You should not call an overloaded function. "
            "A series of @typing.overload-decorated functions "
            "outside a stub module should always be followed "
            "by an implementation that is not @typing.overload-ed.")
    return _overload_dummy


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def override(method, /):
    try:
        method.__override__ = True
    except (AttributeError, TypeError):
        pass
    return method


def no_type_check(arg):
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def get_origin(tp):
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, _GenericAlias):
        return tp.__origin__ if not isinstance(tp.__origin__, _SpecialForm) \
            or tp.__origin__ is not Union else Union
    if tp is Generic:
        return Generic
    ga = type(list[int])
    if isinstance(tp, ga):
        return tp.__origin__
    try:
        if isinstance(tp, type(int | str)):
            return type(int | str)
    except TypeError:
        pass
    return None


def get_args(tp):
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _CallableGenericAlias):
        args = tp.__args__
        if args[0] is ...:
            return args
        return (list(args[:-1]), args[-1])
    if isinstance(tp, _GenericAlias):
        return tp.__args__
    return getattr(tp, '__args__', ())


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get('__annotations__', {})
            g = globalns if globalns is not None else getattr(
                _sys.modules.get(base.__module__), '__dict__', {})
            for name, value in ann.items():
                hints[name] = _eval_hint(value, g, localns)
        return hints
    ann = getattr(obj, '__annotations__', None) or {}
    g = globalns if globalns is not None else getattr(obj, '__globals__', {})
    for name, value in ann.items():
        hints[name] = _eval_hint(value, g, localns)
    return hints


def _eval_hint(value, g, l):
    if value is None:
        return type(None)
    if isinstance(value, str):
        return eval(value, g, l)
    return value


class NewType:
    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        mod = _caller_module()
        if mod != 'typing':
            self.__module__ = mod

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __call__(self, x):
        return x

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def NamedTuple(typename, fields=None, /, **kwargs):
    from collections import namedtuple
    if fields is None:
        fields = kwargs.items()
    fields = list(fields)
    nt = namedtuple(typename, [n for n, t in fields],
                    module=_caller_module())
    nt.__annotations__ = dict(fields)
    return nt


def _namedtuple_mro_entries(bases):
    return (_NamedTuple,)


class _NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        from collections import namedtuple
        types = ns.get('__annotations__', {})
        default_names = [n for n in types if n in ns]
        nt = namedtuple(typename, list(types),
                        defaults=[ns[n] for n in default_names] or None,
                        module=ns.get('__module__', '__main__'))
        nt.__annotations__ = dict(types)
        for key, val in ns.items():
            if key not in ('__annotations__', '__module__', '__qualname__',
                           '__slots__', '__orig_bases__') \
                    and key not in types:
                setattr(nt, key, val)
        return nt


_NamedTuple = type.__new__(_NamedTupleMeta, 'NamedTuple', (), {})
NamedTuple.__mro_entries__ = _namedtuple_mro_entries


class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        tp = type.__new__(_TypedDictMeta, name, (dict,), ns)
        ann = {}
        for b in bases:
            ann.update(getattr(b, '__annotations__', {}))
        ann.update(ns.get('__annotations__', {}))
        tp.__annotations__ = ann
        tp.__total__ = total
        tp.__required_keys__ = frozenset(ann) if total else frozenset()
        tp.__optional_keys__ = frozenset() if total else frozenset(ann)
        return tp

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class '
                        'checks')

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=None, /, *, total=True):
    ns = {'__annotations__': dict(fields or {}),
          '__module__': _caller_module()}
    return _TypedDictMeta(typename, (), ns, total=total)


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {})
TypedDict.__mro_entries__ = lambda bases: (_TypedDict,)


def assert_type(val, typ, /):
    return val


def assert_never(arg, /):
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError(f"Expected code to be unreachable, but got: {value}")


def reveal_type(obj, /):
    print(f"Runtime type is {type(obj).__name__!r}", file=_sys.stderr)
    return obj


def dataclass_transform(**kwargs):
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = kwargs
        return cls_or_fn
    return decorator


Text = str
AnyStr = TypeVar('AnyStr', bytes, str)
T = TypeVar('T')
KT = TypeVar('KT')
VT = TypeVar('VT')
T_co = TypeVar('T_co', covariant=True)
V_co = TypeVar('V_co', covariant=True)
VT_co = TypeVar('VT_co', covariant=True)
T_contra = TypeVar('T_contra', contravariant=True)
CT_co = TypeVar('CT_co', covariant=True, bound=type)
