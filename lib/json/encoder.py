"""JSONEncoder: Python objects to JSON text."""

_ESCAPES = {'\\': '\\\\', '"': '\\"', '\b': '\\b', '\f': '\\f',
            '\n': '\\n', '\r': '\\r', '\t': '\\t'}

INFINITY = float('inf')


def py_encode_basestring(s):
    out = ['"']
    for c in s:
        e = _ESCAPES.get(c)
        if e is not None:
            out.append(e)
        elif c < ' ':
            out.append('\\u%04x' % ord(c))
        else:
            out.append(c)
    out.append('"')
    return ''.join(out)


def py_encode_basestring_ascii(s):
    out = ['"']
    for c in s:
        e = _ESCAPES.get(c)
        if e is not None:
            out.append(e)
        elif ' ' <= c <= '~':
            out.append(c)
        else:
            n = ord(c)
            if n < 0x10000:
                out.append('\\u%04x' % n)
            else:
                n -= 0x10000
                out.append('\\u%04x\\u%04x' % (0xd800 | ((n >> 10) & 0x3ff),
                                               0xdc00 | (n & 0x3ff)))
    out.append('"')
    return ''.join(out)


encode_basestring = py_encode_basestring
encode_basestring_ascii = py_encode_basestring_ascii


class JSONEncoder(object):
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        return ''.join(self.iterencode(o, _one_shot=True))

    def iterencode(self, o, _one_shot=False):
        markers = {} if self.check_circular else None
        _encoder = encode_basestring_ascii if self.ensure_ascii \
            else encode_basestring
        allow_nan = self.allow_nan

        def floatstr(o):
            if o != o:
                text = 'NaN'
            elif o == INFINITY:
                text = 'Infinity'
            elif o == -INFINITY:
                text = '-Infinity'
            else:
                return float.__repr__(o)
            if not allow_nan:
                raise ValueError("Out of range float values are not JSON "
                                 "compliant: " + repr(o))
            return text

        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        return _Iterencoder(markers, self.default, _encoder, indent,
                            floatstr, self.key_separator,
                            self.item_separator, self.sort_keys,
                            self.skipkeys).encode(o, 0)


class _Iterencoder:
    """Generates JSON chunks; recursion depth is bounded by the VM."""

    def __init__(self, markers, default, encoder, indent, floatstr,
                 key_sep, item_sep, sort_keys, skipkeys):
        self.markers = markers
        self.default = default
        self.encoder = encoder
        self.indent = indent
        self.floatstr = floatstr
        self.key_sep = key_sep
        self.item_sep = item_sep
        self.sort_keys = sort_keys
        self.skipkeys = skipkeys

    def _mark(self, o):
        if self.markers is not None:
            mid = id(o)
            if mid in self.markers:
                raise ValueError("Circular reference detected")
            self.markers[mid] = o
            return mid
        return None

    def _unmark(self, mid):
        if mid is not None:
            del self.markers[mid]

    def encode(self, o, level):
        if isinstance(o, str):
            yield self.encoder(o)
        elif o is None:
            yield 'null'
        elif o is True:
            yield 'true'
        elif o is False:
            yield 'false'
        elif isinstance(o, int):
            yield int.__repr__(o)
        elif isinstance(o, float):
            yield self.floatstr(o)
        elif isinstance(o, (list, tuple)):
            yield from self.encode_list(o, level)
        elif isinstance(o, dict):
            yield from self.encode_dict(o, level)
        else:
            mid = self._mark(o)
            o = self.default(o)
            yield from self.encode(o, level)
            self._unmark(mid)

    def _newline(self, level):
        return '\n' + self.indent * level

    def encode_list(self, lst, level):
        if not lst:
            yield '[]'
            return
        mid = self._mark(lst)
        buf = '['
        if self.indent is not None:
            level += 1
            sep = self.item_sep + self._newline(level)
            buf += self._newline(level)
        else:
            sep = self.item_sep
        first = True
        for value in lst:
            if first:
                first = False
            else:
                buf = sep
            yield buf
            yield from self.encode(value, level)
        if self.indent is not None:
            level -= 1
            yield self._newline(level)
        yield ']'
        self._unmark(mid)

    def encode_dict(self, dct, level):
        if not dct:
            yield '{}'
            return
        mid = self._mark(dct)
        yield '{'
        if self.indent is not None:
            level += 1
            sep = self.item_sep + self._newline(level)
            yield self._newline(level)
        else:
            sep = self.item_sep
        first = True
        items = sorted(dct.items()) if self.sort_keys else dct.items()
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = self.floatstr(key)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = int.__repr__(key)
            elif self.skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, '
                                f'not {key.__class__.__name__}')
            if first:
                first = False
            else:
                yield sep
            yield self.encoder(key)
            yield self.key_sep
            yield from self.encode(value, level)
        if self.indent is not None:
            level -= 1
            yield self._newline(level)
        yield '}'
        self._unmark(mid)
