print("start")
x = 'abc
