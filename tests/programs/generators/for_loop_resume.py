# `for` over a generator: state, exceptions and tracebacks across resumes.
import sys


def count(n):
    for i in range(n):
        yield i
    return "done"


g = count(5)
for x in g:
    if x == 2:
        break
print(x, next(g), list(g), next(g, "exhausted"))


def watch():
    print("running:", w.gi_running)
    yield sys.exc_info()[0]
    try:
        yield "in try"
    finally:
        print("finally ran")


w = watch()
try:
    raise KeyError("outer")
except KeyError:
    for v in w:
        print(v, sys.exc_info()[0])
print(sys.exc_info())


def tree(n):
    if n:
        for x in tree(n - 1):
            yield x
        yield n


print(sum(tree(50)), list(tree(4)))


def self_iter():
    for x in me:
        yield x


me = self_iter()
try:
    for _ in me:
        pass
except ValueError as e:
    print("ValueError:", e)


def stops():
    yield 1
    raise StopIteration("inner")


try:
    for v in stops():
        print("got", v)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))


def handled():
    try:
        yield 1
        1 / 0
    except ZeroDivisionError:
        yield "caught in generator"
        yield sys.exc_info()[0].__name__


print([v for v in handled()])
for v in handled():
    print(v, sys.exc_info()[0])


def deep(n):
    if n == 0:
        yield 0
        return
    for x in deep(n - 1):
        yield x


try:
    for _ in deep(5000):
        pass
except RecursionError as e:
    print("RecursionError:", e)


def broken(n):
    for i in range(n):
        yield 10 // (2 - i)


for v in broken(5):
    print(v)
