def g():
    if a:
        r = 1
        if not r:
            raise E
    else:
        r = 2
    return r
def h():
    for x in y:
        if a:
            r = 1
            if not r:
                raise E
        else:
            r = 2
        return r
