async def f():
    return lambda: [await x for x in y]
