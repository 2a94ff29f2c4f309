"""JSONDecoder: JSON text to Python objects."""

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


JSONDecodeError.__module__ = 'json.decoder'

_CONSTANTS = {'-Infinity': NegInf, 'Infinity': PosInf, 'NaN': NaN}
_BACKSLASH = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f',
              'n': '\n', 'r': '\r', 't': '\t'}
_WS = ' \t\n\r'
_DIGITS = '0123456789'
_HEX = '0123456789abcdefABCDEF'


class _Parser:
    def __init__(self, dec, s):
        self.dec = dec
        self.s = s
        self.depth = 0

    def ws(self, i):
        s = self.s
        n = len(s)
        while i < n and s[i] in _WS:
            i += 1
        return i

    def value(self, i):
        s = self.s
        if i >= len(s):
            raise JSONDecodeError("Expecting value", s, i)
        c = s[i]
        if c == '"':
            return self.string(i + 1)
        if c == '{':
            return self.obj(i + 1)
        if c == '[':
            return self.array(i + 1)
        if c == 'n' and s.startswith('null', i):
            return None, i + 4
        if c == 't' and s.startswith('true', i):
            return True, i + 4
        if c == 'f' and s.startswith('false', i):
            return False, i + 5
        if c == 'N' and s.startswith('NaN', i):
            return self.dec.parse_constant('NaN'), i + 3
        if c == 'I' and s.startswith('Infinity', i):
            return self.dec.parse_constant('Infinity'), i + 8
        if c == '-' and s.startswith('-Infinity', i):
            return self.dec.parse_constant('-Infinity'), i + 9
        return self.number(i)

    def number(self, i):
        s = self.s
        n = len(s)
        start = i
        if i < n and s[i] == '-':
            i += 1
        if i < n and s[i] == '0':
            i += 1
        elif i < n and s[i] in '123456789':
            while i < n and s[i] in _DIGITS:
                i += 1
        else:
            raise JSONDecodeError("Expecting value", s, start)
        is_float = False
        if i + 1 < n and s[i] == '.' and s[i + 1] in _DIGITS:
            i += 2
            while i < n and s[i] in _DIGITS:
                i += 1
            is_float = True
        if i < n and s[i] in 'eE':
            j = i + 1
            if j < n and s[j] in '+-':
                j += 1
            if j < n and s[j] in _DIGITS:
                while j < n and s[j] in _DIGITS:
                    j += 1
                i = j
                is_float = True
        text = s[start:i]
        if is_float:
            return self.dec.parse_float(text), i
        return self.dec.parse_int(text), i

    def string(self, i):
        s = self.s
        n = len(s)
        begin = i - 1
        chunks = []
        strict = self.dec.strict
        while True:
            j = i
            while j < n and s[j] not in '"\\' and (
                    not strict or s[j] >= ' '):
                j += 1
            chunks.append(s[i:j])
            if j >= n:
                raise JSONDecodeError("Unterminated string starting at", s,
                                      begin)
            c = s[j]
            if c == '"':
                return ''.join(chunks), j + 1
            if c != '\\':
                raise JSONDecodeError("Invalid control character at", s, j)
            j += 1
            if j >= n:
                raise JSONDecodeError("Unterminated string starting at", s,
                                      begin)
            esc = s[j]
            if esc != 'u':
                ch = _BACKSLASH.get(esc)
                if ch is None:
                    raise JSONDecodeError("Invalid \\escape", s, j - 1)
                chunks.append(ch)
                i = j + 1
                continue
            uni = self.hex4(j + 1, j - 1)
            i = j + 5
            if 0xd800 <= uni <= 0xdbff and s[i:i + 2] == '\\u':
                uni2 = self.hex4(i + 2, i)
                if 0xdc00 <= uni2 <= 0xdfff:
                    uni = 0x10000 + (((uni - 0xd800) << 10) |
                                     (uni2 - 0xdc00))
                    i += 6
            chunks.append(chr(uni))

    def hex4(self, i, esc_pos):
        esc = self.s[i:i + 4]
        if len(esc) == 4 and all(c in _HEX for c in esc):
            return int(esc, 16)
        raise JSONDecodeError("Invalid \\uXXXX escape", self.s, esc_pos)

    def _enter(self, i):
        self.depth += 1
        if self.depth > 900:
            raise RecursionError('maximum recursion depth exceeded while '
                                 'decoding a JSON document')

    def obj(self, i):
        s = self.s
        self._enter(i)
        pairs = []
        i = self.ws(i)
        if s[i:i + 1] != '"':
            if s[i:i + 1] == '}':
                self.depth -= 1
                return self._finish_obj(pairs), i + 1
            raise JSONDecodeError("Expecting property name enclosed in "
                                  "double quotes", s, i)
        i += 1
        while True:
            key, i = self.string(i)
            i = self.ws(i)
            if s[i:i + 1] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, i)
            i = self.ws(i + 1)
            value, i = self.value(i)
            pairs.append((key, value))
            i = self.ws(i)
            c = s[i:i + 1]
            i += 1
            if c == '}':
                break
            if c != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i - 1)
            comma = i - 1
            i = self.ws(i)
            c = s[i:i + 1]
            i += 1
            if c != '"':
                if c == '}':
                    raise JSONDecodeError("Illegal trailing comma before end "
                                          "of object", s, comma)
                raise JSONDecodeError("Expecting property name enclosed in "
                                      "double quotes", s, i - 1)
        self.depth -= 1
        return self._finish_obj(pairs), i

    def _finish_obj(self, pairs):
        if self.dec.object_pairs_hook is not None:
            return self.dec.object_pairs_hook(pairs)
        d = dict(pairs)
        if self.dec.object_hook is not None:
            return self.dec.object_hook(d)
        return d

    def array(self, i):
        s = self.s
        self._enter(i)
        values = []
        i = self.ws(i)
        if s[i:i + 1] == ']':
            self.depth -= 1
            return values, i + 1
        while True:
            value, i = self.value(i)
            values.append(value)
            i = self.ws(i)
            c = s[i:i + 1]
            i += 1
            if c == ']':
                break
            if c != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i - 1)
            comma = i - 1
            i = self.ws(i)
            if s[i:i + 1] == ']':
                raise JSONDecodeError("Illegal trailing comma before end of "
                                      "array", s, comma)
        self.depth -= 1
        return values, i


class JSONDecoder(object):
    def __init__(self, *, object_hook=None, parse_float=None,
                 parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        p = _Parser(self, s)
        obj, end = self.raw_decode(s, p.ws(0))
        end = p.ws(end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        try:
            return _Parser(self, s).value(idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
