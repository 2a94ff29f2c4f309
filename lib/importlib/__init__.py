"""A pure-Python subset of importlib built on __import__ and sys.modules."""

import sys

__all__ = ['import_module', 'invalidate_caches', 'reload']


def _resolve_name(name, package, level):
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level '
                          'package')
    base = bits[0]
    return '{}.{}'.format(base, name) if name else base


def import_module(name, package=None):
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform "
                            "a relative import for {!r}".format(name))
        for character in name:
            if character != '.':
                break
            level += 1
        name = _resolve_name(name[level:], package, level)
    if name in sys.modules:
        return sys.modules[name]
    __import__(name)
    return sys.modules[name]


def invalidate_caches():
    pass


def reload(module):
    try:
        name = module.__spec__.name
    except AttributeError:
        try:
            name = module.__name__
        except AttributeError:
            raise TypeError("reload() argument must be a module") from None
    if sys.modules.get(name) is not module:
        raise ImportError(f"module {name} not in sys.modules", name=name)
    filename = getattr(module, '__file__', None)
    if filename:
        with open(filename, encoding='utf-8') as f:
            source = f.read()
        exec(compile(source, filename, 'exec'), module.__dict__)
        return sys.modules[name]
    del sys.modules[name]
    try:
        __import__(name)
    except BaseException:
        sys.modules[name] = module
        raise
    new = sys.modules[name]
    if new is not module:
        module.__dict__.update(new.__dict__)
        sys.modules[name] = module
    return module
