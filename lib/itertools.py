"""Functions creating iterators for efficient looping (pure Python)."""

__all__ = ['accumulate', 'batched', 'chain', 'combinations',
           'combinations_with_replacement', 'compress', 'count', 'cycle',
           'dropwhile', 'filterfalse', 'groupby', 'islice', 'pairwise',
           'permutations', 'product', 'repeat', 'starmap', 'takewhile', 'tee',
           'zip_longest']


class _Iter:
    """Base of the iterator classes: iter(x) is x."""
    __slots__ = ()

    def __iter__(self):
        return self


def _check_int(name, value):
    if not isinstance(value, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__)


class count(_Iter):
    __slots__ = ('_n', '_step')

    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not isinstance(v, (int, float, complex)) and \
                    not hasattr(v, '__add__'):
                raise TypeError('a number is required')
        self._n = start
        self._step = step

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if isinstance(self._step, int) and self._step == 1 and \
                type(self._step) is int:
            return 'count(%r)' % (self._n,)
        return 'count(%r, %r)' % (self._n, self._step)


class cycle(_Iter):
    __slots__ = ('_it', '_saved', '_i', '_done')

    def __init__(self, iterable, /):
        self._it = iter(iterable)
        self._saved = []
        self._i = 0
        self._done = False

    def __next__(self):
        if not self._done:
            for x in self._it:
                self._saved.append(x)
                return x
            self._done = True
        if not self._saved:
            raise StopIteration
        x = self._saved[self._i]
        self._i = (self._i + 1) % len(self._saved)
        return x


class repeat(_Iter):
    __slots__ = ('_obj', '_times')

    def __init__(self, object, times=None):
        self._obj = object
        if times is not None:
            _check_int('times', times)
            if times < 0:
                times = 0
        self._times = times

    def __next__(self):
        if self._times is None:
            return self._obj
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._obj

    def __length_hint__(self):
        if self._times is None:
            raise TypeError('len() of unsized object')
        return self._times

    def __repr__(self):
        if self._times is None:
            return 'repeat(%r)' % (self._obj,)
        return 'repeat(%r, %r)' % (self._obj, self._times)


class _GenWrap(_Iter):
    """Iterator class whose items come from a private generator."""
    __slots__ = ('_gen',)

    def __next__(self):
        return next(self._gen)


def _accumulate(iterable, func, initial):
    it = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for element in it:
        total = func(total, element) if func is not None else total + element
        yield total


class accumulate(_GenWrap):
    __slots__ = ()

    def __init__(self, iterable, func=None, **kw):
        initial = kw.pop('initial', None)
        self._gen = _accumulate(iterable, func, initial)


def _chain(iterables):
    for it in iterables:
        yield from it


class chain(_GenWrap):
    __slots__ = ()

    def __init__(self, *iterables):
        self._gen = _chain(iterables)

    @classmethod
    def from_iterable(cls, iterable, /):
        self = cls.__new__(cls)
        self._gen = _chain(iterable)
        return self

    def __class_getitem__(cls, item):
        return cls


class compress(_GenWrap):
    __slots__ = ()

    def __init__(self, data, selectors):
        self._gen = (d for d, s in zip(data, selectors) if s)


def _dropwhile(predicate, iterable):
    it = iter(iterable)
    for x in it:
        if not predicate(x):
            yield x
            break
    yield from it


class dropwhile(_GenWrap):
    __slots__ = ()

    def __init__(self, predicate, iterable, /):
        self._gen = _dropwhile(predicate, iterable)


def _takewhile(predicate, iterable):
    for x in iterable:
        if predicate(x):
            yield x
        else:
            break


class takewhile(_GenWrap):
    __slots__ = ()

    def __init__(self, predicate, iterable, /):
        self._gen = _takewhile(predicate, iterable)


def _filterfalse(predicate, iterable):
    if predicate is None:
        predicate = bool
    for x in iterable:
        if not predicate(x):
            yield x


class filterfalse(_GenWrap):
    __slots__ = ()

    def __init__(self, function, iterable, /):
        self._gen = _filterfalse(function, iterable)


class starmap(_GenWrap):
    __slots__ = ()

    def __init__(self, function, iterable, /):
        self._gen = (function(*args) for args in iterable)


class _grouper(_Iter):
    __slots__ = ('_parent', '_key')

    def __init__(self, parent, key):
        self._parent = parent
        self._key = key

    def __next__(self):
        p = self._parent
        if p._grouper is not self:
            raise StopIteration
        if p._curr is _marker:
            p._step()
        if not (p._currkey is self._key or p._currkey == self._key):
            raise StopIteration
        value = p._curr
        p._curr = _marker
        return value


_marker = object()


class groupby(_Iter):
    __slots__ = ('_it', '_keyfunc', '_tgtkey', '_currkey', '_curr',
                 '_grouper')

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._tgtkey = self._currkey = self._curr = _marker
        self._grouper = None

    def _step(self):
        value = next(self._it)
        self._currkey = value if self._keyfunc is None else \
            self._keyfunc(value)
        self._curr = value

    def __next__(self):
        self._grouper = None
        while True:
            if self._curr is _marker:
                self._step()
            if self._tgtkey is _marker:
                break
            if not (self._tgtkey is self._currkey or
                    self._tgtkey == self._currkey):
                break
            self._curr = _marker
        self._tgtkey = self._currkey
        grouper = _grouper(self, self._tgtkey)
        self._grouper = grouper
        return self._currkey, grouper


def _islice(iterable, start, stop, step):
    it = iter(iterable)
    i = 0
    nexti = start
    if stop is not None and start >= stop:
        for _ in zip(range(stop), it):
            pass
        return
    for x in it:
        if i == nexti:
            yield x
            nexti += step
            if stop is not None and nexti >= stop:
                # consume exactly up to stop like CPython
                for _ in zip(range(stop - i - 1), it):
                    pass
                return
        i += 1


class islice(_GenWrap):
    __slots__ = ()

    def __init__(self, iterable, *args):
        if len(args) == 1:
            start, stop, step = None, args[0], None
        elif len(args) in (2, 3):
            start, stop = args[0], args[1]
            step = args[2] if len(args) == 3 else None
        elif not args:
            raise TypeError('islice expected at least 2 arguments, got 1')
        else:
            raise TypeError('islice expected at most 4 arguments, got %d'
                            % (len(args) + 1))
        if stop is not None:
            try:
                stop = stop.__index__()
                if stop < 0:
                    raise ValueError
            except (AttributeError, ValueError):
                raise ValueError('Stop argument for islice() must be None or '
                                 'an integer: 0 <= x <= sys.maxsize.') from None
        try:
            start = 0 if start is None else start.__index__()
            step = 1 if step is None else step.__index__()
            if start < 0 or step < 1:
                raise ValueError
        except (AttributeError, ValueError):
            if step is not None and isinstance(step, int) and step < 1:
                raise ValueError('Step for islice() must be a positive '
                                 'integer or None.') from None
            raise ValueError('Indices for islice() must be None or an '
                             'integer: 0 <= x <= sys.maxsize.') from None
        self._gen = _islice(iterable, start, stop, step)


class _TeeData:
    __slots__ = ('it', 'values', 'offset')

    def __init__(self, it):
        self.it = it
        self.values = []
        self.offset = 0


class _tee(_Iter):
    __slots__ = ('_data', '_pos')

    def __init__(self, data, pos):
        self._data = data
        self._pos = pos

    def __next__(self):
        d = self._data
        idx = self._pos - d.offset
        if idx < len(d.values):
            value = d.values[idx]
        else:
            value = next(d.it)
            d.values.append(value)
        self._pos += 1
        return value

    def __copy__(self):
        return _tee(self._data, self._pos)


_tee.__name__ = _tee.__qualname__ = '_tee'


def tee(iterable, n=2, /):
    _check_int('n', n)
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    it = iter(iterable)
    if isinstance(it, _tee):
        return (it,) + tuple(it.__copy__() for _ in range(n - 1))
    data = _TeeData(it)
    return tuple(_tee(data, 0) for _ in range(n))


def _zip_longest(iterables, fillvalue):
    iterators = [iter(it) for it in iterables]
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            try:
                value = next(it)
            except StopIteration:
                active -= 1
                if not active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


class zip_longest(_GenWrap):
    __slots__ = ()

    def __init__(self, *iterables, fillvalue=None):
        self._gen = _zip_longest(iterables, fillvalue)


def _product(pools):
    result = [()]
    for pool in pools:
        result = [x + (y,) for x in result for y in pool]
    for prod in result:
        yield prod


class product(_GenWrap):
    __slots__ = ()

    def __init__(self, *iterables, repeat=1):
        _check_int('repeat', repeat)
        if repeat < 0:
            raise ValueError('repeat argument cannot be negative')
        pools = [tuple(pool) for pool in iterables] * repeat
        self._gen = _product(pools)


def _permutations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


class permutations(_GenWrap):
    __slots__ = ()

    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        if r is None:
            r = len(pool)
        else:
            _check_int('r', r)
            if r < 0:
                raise ValueError('r must be non-negative')
        self._gen = _permutations(pool, r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


class combinations(_GenWrap):
    __slots__ = ()

    def __init__(self, iterable, r):
        _check_int('r', r)
        if r < 0:
            raise ValueError('r must be non-negative')
        self._gen = _combinations(tuple(iterable), r)


def _cwr(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)


class combinations_with_replacement(_GenWrap):
    __slots__ = ()

    def __init__(self, iterable, r):
        _check_int('r', r)
        if r < 0:
            raise ValueError('r must be non-negative')
        self._gen = _cwr(tuple(iterable), r)


def _pairwise(iterable):
    it = iter(iterable)
    for a in it:
        for b in it:
            yield a, b
            a = b
        return


class pairwise(_GenWrap):
    __slots__ = ()

    def __init__(self, iterable, /):
        self._gen = _pairwise(iterable)


def _batched(iterable, n, strict):
    it = iter(iterable)
    while True:
        batch = tuple(islice(it, n))
        if not batch:
            return
        if strict and len(batch) != n:
            raise ValueError('batched(): incomplete batch')
        yield batch


class batched(_GenWrap):
    __slots__ = ()

    # strict is read from **kw: the VM does not yet apply defaults of
    # keyword-only parameters declared after a bare '*'.
    def __init__(self, iterable, n, **kw):
        strict = kw.pop('strict', False)
        if kw:
            raise TypeError("batched() got an unexpected keyword argument "
                            "'%s'" % next(iter(kw)))
        _check_int('n', n)
        if n < 1:
            raise ValueError('n must be at least one')
        self._gen = _batched(iterable, n, strict)
