"""String constants, capwords, Template and Formatter."""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


_ID_START = set(ascii_letters + '_')
_ID_CONT = _ID_START | set(digits)


class Template:
    """$-substitution strings (PEP 292)."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = None

    def __init__(self, template):
        self.template = template

    def __init_subclass__(cls):
        super().__init_subclass__()

    # Parsing is done by hand so the module needs no regular expressions;
    # each piece is ('text', s) / ('name', name, pos) / ('invalid', pos).
    def _scan(self):
        t = self.template
        d = self.delimiter
        dl = len(d)
        i = 0
        n = len(t)
        text_start = 0
        while i < n:
            if not t.startswith(d, i):
                i += 1
                continue
            if i > text_start:
                yield ('text', t[text_start:i])
            j = i + dl
            if t.startswith(d, j):
                yield ('text', d)
                i = text_start = j + dl
                continue
            if j < n and t[j] == '{':
                k = j + 1
                e = k
                if e < n and t[e] in _ID_START:
                    e += 1
                    while e < n and t[e] in _ID_CONT:
                        e += 1
                if e > k and e < n and t[e] == '}':
                    yield ('name', t[k:e], i)
                    i = text_start = e + 1
                    continue
                yield ('invalid', j)
                i = text_start = j
                continue
            e = j
            if e < n and t[e] in _ID_START:
                e += 1
                while e < n and t[e] in _ID_CONT:
                    e += 1
                yield ('name', t[j:e], i)
                i = text_start = e
                continue
            yield ('invalid', j)
            i = text_start = j
        if text_start < n:
            yield ('text', t[text_start:])

    def _invalid(self, pos):
        lines = self.template[:pos].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = pos - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = _ChainDict(kws, mapping)
        out = []
        for piece in self._scan():
            if piece[0] == 'text':
                out.append(piece[1])
            elif piece[0] == 'name':
                out.append('%s' % (mapping[piece[1]],))
            else:
                self._invalid(piece[1])
        return ''.join(out)

    def safe_substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = _ChainDict(kws, mapping)
        out = []
        t = self.template
        for piece in self._scan():
            if piece[0] == 'text':
                out.append(piece[1])
            elif piece[0] == 'name':
                try:
                    out.append('%s' % (mapping[piece[1]],))
                except KeyError:
                    pos = piece[2]
                    if t.startswith(self.delimiter + '{', pos):
                        out.append(self.delimiter + '{' + piece[1] + '}')
                    else:
                        out.append(self.delimiter + piece[1])
            else:
                out.append(self.delimiter)
        return ''.join(out)

    def is_valid(self):
        return all(p[0] != 'invalid' for p in self._scan())

    def get_identifiers(self):
        ids = []
        for p in self._scan():
            if p[0] == 'name' and p[1] not in ids:
                ids.append(p[1])
        return ids


class _ChainDict:
    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]


class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        return format_string.format_map(_FormatterMap(self, args, kwargs)) \
            if not args else format_string.format(*args, **kwargs)

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}"
                         .format(conversion))


class _FormatterMap:
    def __init__(self, formatter, args, kwargs):
        self.f = formatter
        self.args = args
        self.kwargs = kwargs

    def __getitem__(self, key):
        return self.f.get_value(key, self.args, self.kwargs)
