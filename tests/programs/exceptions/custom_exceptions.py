class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"
class NotFound(AppError): pass
try:
    raise NotFound(404, "missing")
except AppError as e:
    print(e, repr(e), e.code, isinstance(e, NotFound), e.args)
class Simple(Exception): pass
print(repr(Simple()), repr(Simple(1, 2)), str(Simple("s")))
class WithRepr(Exception):
    def __repr__(self): return "WithRepr!"
print(repr(WithRepr()), str(WithRepr("x")))
class Stateful(Exception):
    def __init__(self, a, b):
        self.a, self.b = a, b
e = Stateful(1, 2)
print(e.args, str(e), e.a)
