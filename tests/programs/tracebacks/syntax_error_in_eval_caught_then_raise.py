try:
    eval("1 +* 2")
except SyntaxError as e:
    print("caught:", e.msg, e.offset)
compile("x = (1,\n", "<made-up>", "exec")
