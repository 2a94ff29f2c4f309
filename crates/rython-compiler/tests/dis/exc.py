def f(x):
    try:
        return g(x)
    except (KeyError, IndexError) as e:
        log(e)
        raise
    finally:
        cleanup()

def star():
    try:
        work()
    except* ValueError as eg:
        handle(eg)
    except* TypeError:
        pass

def loops(items):
    for i in items:
        if i is None:
            continue
        if i > 10:
            break
        with ctx(i) as c:
            if c:
                return c
    else:
        return -1
