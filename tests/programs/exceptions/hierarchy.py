for e in [ZeroDivisionError, KeyError, IndexError, FileNotFoundError, RecursionError, UnboundLocalError, ModuleNotFoundError, StopAsyncIteration, KeyboardInterrupt, BaseExceptionGroup, UnicodeDecodeError, TimeoutError, NotImplementedError, IndentationError, TabError, BrokenPipeError, OverflowError, DeprecationWarning]:
    print(e.__name__, [k.__name__ for k in e.__mro__[1:]])
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException), IOError is OSError, EnvironmentError is OSError)
