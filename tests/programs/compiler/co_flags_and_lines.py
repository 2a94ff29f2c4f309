import inspect
def plain(): pass
def varargs(*a, **k): pass
def gen(): yield
async def coro(): pass
async def agen(): yield
def closure():
    v = 1
    def inner(): return v
    return inner
for fn in [plain, varargs, gen, coro, agen, closure(), lambda: 0]:
    f = fn.__code__.co_flags
    print(fn.__name__, bool(f & inspect.CO_VARARGS), bool(f & inspect.CO_VARKEYWORDS), bool(f & inspect.CO_GENERATOR), bool(f & inspect.CO_COROUTINE), bool(f & inspect.CO_ASYNC_GENERATOR), bool(f & inspect.CO_NESTED), bool(f & inspect.CO_OPTIMIZED), bool(f & inspect.CO_NEWLOCALS))
print(plain.__code__.co_firstlineno, closure().__code__.co_firstlineno, (lambda: 0).__code__.co_name)
print(closure().__code__.co_qualname, closure.__code__.co_cellvars, closure().__code__.co_freevars)
