import sys
print(sys.flags, sys.float_info.max, sys.int_info, sys.hash_info.algorithm, len(sys.stdlib_module_names))
print(exit, quit, license, help, type(exit))
print(sys.getsizeof(1), sys.getsizeof([]), sys.getsizeof(""), sys.getsizeof("abc"), sys.getsizeof({}), sys.getsizeof(()), sys.getsizeof(1.0), sys.getsizeof(None), sys.getsizeof(b""))
def f(): return sys._getframe(), sys._getframe()
print(f()[0].f_code.co_name, f()[1].f_code.co_name)
print(sys.flags.optimize, sys.getdefaultencoding(), sys.getfilesystemencoding(), type(sys.flags).__name__)
print(sys.float_info, sys.hash_info)
print(sys.settrace(None) is None, sys.gettrace() is None, sys.is_finalizing(), sys.audit("x") is None, "os" in sys.stdlib_module_names)
try: sys._getframe(100)
except ValueError as e: print(e)
class A:
    async def __anext__(self): raise StopAsyncIteration
    def __aiter__(self): return self
async def main():
    print(await anext(A(), "dflt"))
    it = aiter(A())
    print(type(it).__name__)
c = main()
try: c.send(None)
except StopIteration: print("done")
for bad in (lambda: aiter(1), lambda: anext(1)):
    try: bad()
    except TypeError as e: print(e)
sys.breakpointhook = lambda *a: print("hook", a)
breakpoint(1, 2)

print(sorted(n for n in dir(sys) if n in ("flags", "argv", "path", "stdout")))
print(exit.__class__.__module__)
exit(3)
