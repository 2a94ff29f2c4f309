src = "def f(:\n    pass\n"
exec(src)
