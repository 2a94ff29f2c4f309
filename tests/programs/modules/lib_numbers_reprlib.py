import numbers, reprlib
print(isinstance(1, numbers.Integral), isinstance(1.5, numbers.Real), isinstance(1j, numbers.Complex), isinstance(1.5, numbers.Integral), isinstance(True, numbers.Number), issubclass(int, numbers.Rational))
print(reprlib.repr(list(range(100))), reprlib.repr('x' * 100), reprlib.repr({i: i for i in range(10)}), reprlib.repr(set(range(20))), reprlib.repr(2 ** 200), reprlib.repr((1,)), reprlib.repr([[[[[[[1]]]]]]]))
class L(list):
    @reprlib.recursive_repr()
    def __repr__(self): return '<' + '|'.join(map(repr, self)) + '>'
l = L([1]); l.append(l); print(l)
