def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: ValueError('x'))
t(lambda: KeyError('k'))
t(lambda: str(KeyError('k')))
t(lambda: OSError(2, 'No such file or directory', 'x'))
t(lambda: str(OSError(2, 'No such file or directory', 'x')))
t(lambda: type(OSError(2, 'x')))
t(lambda: IOError)
t(lambda: StopIteration(5).value)
t(lambda: SystemExit(1,2).code)
t(lambda: ImportError('m', name='n').name)
t(lambda: BaseException(a=1))
t(lambda: ValueError(1,2))
e = ValueError(1)
e.add_note('hello')
t(lambda: e.__notes__)
t(lambda: e.__dict__)
t(lambda: e.__reduce__())
t(lambda: str(UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'invalid start byte')))
eg = ExceptionGroup('a', [ValueError(1), TypeError(2), ExceptionGroup('b', [ValueError(3), KeyError(4)])])
t(lambda: eg)
t(lambda: str(eg))
t(lambda: eg.split(ValueError))
t(lambda: eg.subgroup(lambda e: isinstance(e, KeyError)))
t(lambda: BaseExceptionGroup('x', [ValueError()]))
t(lambda: ExceptionGroup('x', [KeyboardInterrupt()]))
t(lambda: ExceptionGroup('x', []))
class MyErr(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
t(lambda: MyErr(1, 2))
t(lambda: MyErr(1, 2).b)
t(lambda: str(MyErr(1, 2)))
t(lambda: MyErr(1, 2).args)
class E2(ValueError): pass
t(lambda: E2('q'))
try:
    raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
except* ValueError as e:
    print('caught V', repr(e))
except* TypeError as e:
    print('caught T', repr(e))
try:
    try:
        raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
    except* ValueError as e:
        print('caught V', repr(e))
except ExceptionGroup as e:
    print('outer', repr(e))
try:
    raise ValueError(9)
except* ValueError as e:
    print('naked', repr(e))
try:
    try:
        raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise KeyError('new')
except ExceptionGroup as e:
    print('outer2', repr(e), repr(e.exceptions[0].__context__))
try:
    try:
        raise ValueError(1)
    except* ExceptionGroup:
        pass
except TypeError as e:
    print(e)
