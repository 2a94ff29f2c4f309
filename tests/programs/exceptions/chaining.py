try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("during") from e
except ValueError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("implicit")
except ValueError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("none") from None
except ValueError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    raise KeyError("a") from TypeError("b")
except KeyError as e:
    print(repr(e.__cause__), e.__context__)
try:
    raise ValueError from 5
except TypeError as e:
    print(e)
