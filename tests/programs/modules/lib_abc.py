import abc
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
    @property
    @abc.abstractmethod
    def p(self): ...
print(sorted(A.__abstractmethods__))
try: A()
except TypeError as e: print(e)
class B(A):
    def f(self): return 1
    p = 2
print(B().f(), B.__abstractmethods__)
class S(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return True if hasattr(C, 'quack') else NotImplemented
class Duck:
    def quack(self): pass
print(isinstance(Duck(), S), issubclass(int, S))
S.register(int); print(issubclass(int, S), isinstance(3, S), isinstance(True, S))
print(type(A), abc.ABCMeta)
