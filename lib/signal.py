"""Set handlers for asynchronous events: the native _signal module with
its numbers as the Signals and Handlers enums."""

import _signal
from _signal import *
from enum import IntEnum as _IntEnum


def _members(keep):
    # Sorted by value, then name: the first name of a value is the
    # canonical one (SIGABRT before SIGIOT, SIGCHLD before SIGCLD).
    found = [(n, v) for n, v in vars(_signal).items() if keep(n)]
    found.sort(key=lambda item: (item[1], item[0]))
    return found


def _make_enum(name, keep):
    cls = _IntEnum(name, _members(keep), module=__name__)
    g = globals()
    for member_name, member in cls.__members__.items():
        g[member_name] = member
    return cls


Signals = _make_enum(
    "Signals",
    lambda n: n.isupper() and n.startswith("SIG") and not n.startswith("SIG_"))
Handlers = _make_enum("Handlers", lambda n: n in ("SIG_DFL", "SIG_IGN"))


def _int_to_enum(value, enum_klass):
    """A number as a member of enum_klass when it is one, else unchanged."""
    if not isinstance(value, int):
        return value
    try:
        return enum_klass(value)
    except ValueError:
        return value


def _enum_to_int(value):
    """An enum member (or anything int() accepts) as a plain int."""
    try:
        return int(value)
    except (ValueError, TypeError):
        return value


def signal(signalnum, handler):
    handler = _signal.signal(_enum_to_int(signalnum), _enum_to_int(handler))
    return _int_to_enum(handler, Handlers)


def getsignal(signalnum):
    handler = _signal.getsignal(signalnum)
    return _int_to_enum(handler, Handlers)


def valid_signals():
    return {_int_to_enum(x, Signals) for x in _signal.valid_signals()}


signal.__doc__ = _signal.signal.__doc__
getsignal.__doc__ = _signal.getsignal.__doc__
valid_signals.__doc__ = _signal.valid_signals.__doc__
