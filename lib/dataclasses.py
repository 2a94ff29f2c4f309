"""Data classes: generated __init__, __repr__, __eq__ and friends."""

import copy
import sys
import types

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar',
           'KW_ONLY', 'MISSING', 'fields', 'asdict', 'astuple',
           'make_dataclass', 'replace', 'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    def __repr__(self):
        return 'MISSING'


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    def __repr__(self):
        return 'KW_ONLY'


KW_ONLY = _KW_ONLY_TYPE()


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()

_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'
_POST_INIT_NAME = '__post_init__'


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE('_FIELD')
_FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')


class InitVar:
    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return f'dataclasses.InitVar[{type_name}]'

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr',
                 'hash', 'init', 'compare', 'metadata', 'kw_only',
                 '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare,
                 metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = types.MappingProxyType({}) if metadata is None \
            else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type}'
                ')')

    def __set_name__(self, owner, name):
        func = getattr(type(self.default), '__set_name__', None)
        if func:
            func(self.default, owner, name)


class _DataclassParams:
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen',
                 'match_args', 'kw_only', 'slots', 'weakref_slot')

    def __init__(self, **kw):
        for k in self.__slots__:
            setattr(self, k, kw[k])

    def __repr__(self):
        return '_DataclassParams(' + ','.join(
            f'{k}={getattr(self, k)!r}' for k in self.__slots__) + ')'


def _take(kw, defaults, fname):
    # Keyword-only arguments are parsed by hand: the VM does not yet apply
    # defaults of keyword-only parameters that follow a bare '*'.
    out = dict(defaults)
    for k, v in kw.items():
        if k not in out:
            raise TypeError(f"{fname}() got an unexpected keyword argument "
                            f"'{k}'")
        out[k] = v
    return out


_FIELD_DEFAULTS = dict(default=MISSING, default_factory=MISSING, init=True,
                       repr=True, hash=None, compare=True, metadata=None,
                       kw_only=MISSING)


def field(**kw):
    a = _take(kw, _FIELD_DEFAULTS, 'field')
    if a['default'] is not MISSING and a['default_factory'] is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(a['default'], a['default_factory'], a['init'], a['repr'],
                 a['hash'], a['compare'], a['metadata'], a['kw_only'])


def _is_classvar(a_type):
    typing = sys.modules.get('typing')
    if typing is None:
        return False
    return (a_type is typing.ClassVar
            or (isinstance(a_type, typing._GenericAlias)
                and a_type.__origin__ is typing.ClassVar))


def _is_type_str(annotation, name):
    if not isinstance(annotation, str):
        return False
    a = annotation.strip()
    return a == name or a.startswith(name + '[') or \
        a.startswith('typing.' + name) or a.startswith('dataclasses.' + name)


def _get_field(cls, a_name, a_type, default_kw_only):
    default = getattr(cls, a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        if isinstance(default, types.MemberDescriptorType):
            default = MISSING
        f = field(default=default)
    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD
    if _is_classvar(a_type) or _is_type_str(a_type, 'ClassVar'):
        f._field_type = _FIELD_CLASSVAR
    if isinstance(a_type, InitVar) or a_type is InitVar or \
            _is_type_str(a_type, 'InitVar'):
        f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError(f'field {f.name} cannot have a '
                            'default factory')
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        if f.kw_only is not MISSING:
            raise TypeError(f'field {f.name} is a ClassVar but specifies '
                            'kw_only')
    if f._field_type is _FIELD and f.default is not MISSING and \
            f.default.__class__.__hash__ is None:
        raise ValueError(f'mutable default {type(f.default)} for field '
                         f'{f.name} is not allowed: use default_factory')
    return f


def _tuple_str(obj_name, flds):
    if not flds:
        return '()'
    return f'({",".join([f"{obj_name}.{f.name}" for f in flds])},)'


def _create_fn(name, args, body, globals_, locals_, return_type=MISSING):
    locals_ = dict(locals_)
    body = '\n'.join(f'  {b}' for b in body) or '  pass'
    txt = f' def {name}({args}):\n{body}'
    local_vars = ', '.join(locals_.keys())
    txt = f"def __create_fn__({local_vars}):\n{txt}\n return {name}"
    ns = {}
    exec(txt, globals_, ns)
    return ns['__create_fn__'](**locals_)


def _field_init(f, frozen, globals_, self_name):
    default_name = f'__dataclass_dflt_{f.name}__'
    if f.default_factory is not MISSING:
        if f.init:
            globals_[default_name] = f.default_factory
            value = (f'{default_name}() '
                     f'if {f.name} is __dataclass_HAS_DEFAULT_FACTORY__ '
                     f'else {f.name}')
        else:
            globals_[default_name] = f.default_factory
            value = f'{default_name}()'
    else:
        if f.init:
            if f.default is MISSING:
                value = f.name
            else:
                globals_[default_name] = f.default
                value = f.name
        else:
            if f.default is MISSING:
                return None
            globals_[default_name] = f.default
            value = default_name
    if f._field_type is _FIELD_INITVAR:
        return None
    if frozen:
        return (f'__dataclass_builtins_object__.__setattr__({self_name},'
                f'{f.name!r},{value})')
    return f'{self_name}.{f.name}={value}'


def _init_param(f):
    if f.default is MISSING and f.default_factory is MISSING:
        default = ''
    elif f.default is not MISSING:
        default = f'=__dataclass_dflt_{f.name}__'
    else:
        default = '=__dataclass_HAS_DEFAULT_FACTORY__'
    return f'{f.name}{default}'


def _init_fn(fields, std_fields, kw_only_fields, frozen, has_post_init,
             self_name, globals_):
    seen_default = None
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = f
            elif seen_default:
                raise TypeError(f'non-default argument {f.name!r} '
                                f'follows default argument '
                                f'{seen_default.name!r}')
    locals_ = {'__dataclass_HAS_DEFAULT_FACTORY__': _HAS_DEFAULT_FACTORY,
               '__dataclass_builtins_object__': object}
    for f in fields:
        if f.default is not MISSING:
            locals_[f'__dataclass_dflt_{f.name}__'] = f.default
        elif f.default_factory is not MISSING:
            locals_[f'__dataclass_dflt_{f.name}__'] = f.default_factory
    body_lines = []
    extra = {}
    for f in fields:
        line = _field_init(f, frozen, extra, self_name)
        if line:
            body_lines.append(line)
    locals_.update(extra)
    if has_post_init:
        params_str = ','.join(f.name for f in fields
                              if f._field_type is _FIELD_INITVAR)
        body_lines.append(f'{self_name}.{_POST_INIT_NAME}({params_str})')
    _init_params = [_init_param(f) for f in std_fields]
    if kw_only_fields:
        _init_params += ['*']
        _init_params += [_init_param(f) for f in kw_only_fields]
    return _create_fn('__init__', ', '.join([self_name] + _init_params),
                      body_lines, globals_, locals_)


_repr_running = set()


def _repr_fn(fields):
    names = [f.name for f in fields]

    def __repr__(self):
        key = id(self)
        if key in _repr_running:
            return '...'
        _repr_running.add(key)
        try:
            parts = ', '.join(f'{n}={getattr(self, n)!r}' for n in names)
        finally:
            _repr_running.discard(key)
        return f'{self.__class__.__qualname__}({parts})'
    return __repr__


def _frozen_get_del_attr(cls, fields):
    names = tuple(f.name for f in fields)

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f'cannot assign to field {name!r}')
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f'cannot delete field {name!r}')
        super(cls, self).__delattr__(name)
    return __setattr__, __delattr__


def _cmp_fn(op, fields):
    names = [f.name for f in fields]

    def cmp(self, other):
        if other.__class__ is self.__class__:
            a = tuple(getattr(self, n) for n in names)
            b = tuple(getattr(other, n) for n in names)
            if op == '==':
                return a == b
            if op == '<':
                return a < b
            if op == '<=':
                return a <= b
            if op == '>':
                return a > b
            return a >= b
        return NotImplemented
    return cmp


def _hash_fn(fields):
    names = [f.name for f in fields]

    def __hash__(self):
        return hash(tuple(getattr(self, n) for n in names))
    return __hash__


def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    try:
        value.__qualname__ = f'{cls.__qualname__}.{value.__name__}'
    except (AttributeError, TypeError):
        pass
    setattr(cls, name, value)
    return False


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                   match_args, kw_only, slots, weakref_slot):
    fields = {}
    if cls.__module__ in sys.modules:
        globals_ = sys.modules[cls.__module__].__dict__
    else:
        globals_ = {}
    setattr(cls, _PARAMS, _DataclassParams(
        init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash,
        frozen=frozen, match_args=match_args, kw_only=kw_only, slots=slots,
        weakref_slot=weakref_slot))

    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if getattr(b, _PARAMS).frozen:
                any_frozen_base = True

    cls_annotations = cls.__dict__.get('__annotations__', {})
    cls_fields = []
    KW_ONLY_seen = False
    for name, type_ in cls_annotations.items():
        if type_ is KW_ONLY or _is_type_str(type_, 'KW_ONLY'):
            if KW_ONLY_seen:
                raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY '
                                'has already been specified')
            KW_ONLY_seen = True
            kw_only = True
        else:
            cls_fields.append(_get_field(cls, name, type_, kw_only))

    for f in cls_fields:
        fields[f.name] = f
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a '
                            'frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a '
                            'non-frozen one')

    setattr(cls, _FIELDS, fields)

    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and '__eq__' in cls.__dict__))

    if order and not eq:
        raise ValueError('eq must be true if order is true')

    all_init_fields = [f for f in fields.values()
                       if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init_fields = [f for f in all_init_fields if f.init and not f.kw_only]
    kw_only_init_fields = [f for f in all_init_fields
                           if f.init and f.kw_only]

    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        self_name = '__dataclass_self__' if 'self' in fields else 'self'
        _set_new_attribute(cls, '__init__',
                           _init_fn(all_init_fields, std_init_fields,
                                    kw_only_init_fields, frozen,
                                    has_post_init, self_name, globals_))

    field_list = [f for f in fields.values() if f._field_type is _FIELD]

    if repr:
        flds = [f for f in field_list if f.repr]
        _set_new_attribute(cls, '__repr__', _repr_fn(flds))

    if eq:
        cmp_fields = [f for f in field_list if f.compare]
        fn = _cmp_fn('==', cmp_fields)
        fn.__name__ = '__eq__'
        _set_new_attribute(cls, '__eq__', fn)

    if order:
        flds = [f for f in field_list if f.compare]
        for name, op in [('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'),
                         ('__ge__', '>=')]:
            fn = _cmp_fn(op, flds)
            fn.__name__ = name
            if _set_new_attribute(cls, name, fn):
                raise TypeError(f'Cannot overwrite attribute {name} '
                                f'in class {cls.__name__}. Consider using '
                                'functools.total_ordering')

    if frozen:
        setter, deleter = _frozen_get_del_attr(cls, field_list)
        for fn in (setter, deleter):
            if _set_new_attribute(cls, fn.__name__, fn):
                raise TypeError(f'Cannot overwrite attribute {fn.__name__} '
                                f'in class {cls.__name__}')

    hash_fields = [f for f in field_list
                   if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError(f'Cannot overwrite attribute __hash__ '
                            f'in class {cls.__name__}')
        cls.__hash__ = _hash_fn(hash_fields)
    elif not has_explicit_hash:
        if eq and frozen:
            cls.__hash__ = _hash_fn(hash_fields)
        elif eq:
            cls.__hash__ = None

    if not getattr(cls, '__doc__'):
        try:
            cls.__doc__ = cls.__name__ + '(' + ', '.join(
                f.name for f in std_init_fields) + ')'
        except (TypeError, AttributeError):
            pass

    if match_args:
        _set_new_attribute(cls, '__match_args__',
                           tuple(f.name for f in std_init_fields))

    if slots:
        cls = _add_slots(cls, frozen, weakref_slot)

    abc = sys.modules.get('abc')
    if abc is not None:
        abc.update_abstractmethods(cls)
    return cls


def _add_slots(cls, is_frozen, weakref_slot):
    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    cls_dict['__slots__'] = field_names + (
        ('__weakref__',) if weakref_slot else ())
    for field_name in field_names:
        cls_dict.pop(field_name, None)
    cls_dict.pop('__dict__', None)
    cls_dict.pop('__weakref__', None)
    qualname = getattr(cls, '__qualname__', None)
    cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        cls.__qualname__ = qualname
    return cls


_DATACLASS_DEFAULTS = dict(init=True, repr=True, eq=True, order=False,
                           unsafe_hash=False, frozen=False, match_args=True,
                           kw_only=False, slots=False, weakref_slot=False)


def dataclass(cls=None, /, **kw):
    a = _take(kw, _DATACLASS_DEFAULTS, 'dataclass')

    def wrap(cls):
        return _process_class(cls, **a)

    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') \
            from None
    return tuple(f for f in fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def asdict(obj, **kw):
    dict_factory = _take(kw, {'dict_factory': dict}, 'asdict')['dict_factory']
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory, 0)


def _asdict_inner(obj, dict_factory, depth):
    if depth > 900:
        raise RecursionError('maximum recursion depth exceeded')
    depth += 1
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name),
                                                    dict_factory, depth))
                             for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory, depth)
                           for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory, depth) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory, depth),
                          _asdict_inner(v, dict_factory, depth))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


def astuple(obj, **kw):
    tuple_factory = _take(kw, {'tuple_factory': tuple},
                          'astuple')['tuple_factory']
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory, 0)


def _astuple_inner(obj, tuple_factory, depth):
    if depth > 900:
        raise RecursionError('maximum recursion depth exceeded')
    depth += 1
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name),
                                             tuple_factory, depth)
                              for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory, depth)
                           for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory, depth)
                         for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory, depth),
                          _astuple_inner(v, tuple_factory, depth))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise TypeError(f'field {f.name} is declared with '
                                f'init=False, it cannot be specified with '
                                f'replace()')
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise TypeError(f"InitVar {f.name!r} "
                                f'must be specified with replace()')
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, **kw):
    bases = kw.pop('bases', ())
    namespace = kw.pop('namespace', None)
    if namespace is None:
        namespace = {}
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name, tp = item, 'typing.Any'
        elif len(item) == 2:
            name, tp = item
        else:
            name, tp, spec = item
            defaults[name] = spec
        annotations[name] = tp

    def exec_body(ns):
        ns.update(namespace)
        ns.update(defaults)
        ns['__annotations__'] = annotations
    cls = types.new_class(cls_name, bases, {}, exec_body)
    cls.__module__ = kw.pop('module', None) or '__main__'
    return dataclass(cls, **kw)
