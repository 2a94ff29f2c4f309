def f():
    for i in range(3):
        try:
            if i == 1:
                return i
        finally:
            print("finally", i)
print(f())
def g():
    try:
        try:
            raise ValueError("a")
        finally:
            print("cleanup 1")
    finally:
        print("cleanup 2")
try:
    g()
except ValueError as e:
    print("caught", e)
def h():
    while True:
        try:
            break
        finally:
            print("break finally")
    return "h done"
print(h())
