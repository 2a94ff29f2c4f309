async def broken():
    raise RuntimeError("coroutine failure")
async def main():
    await broken()
main().send(None)
