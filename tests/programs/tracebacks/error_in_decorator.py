def checked(fn):
    def wrapper(*args):
        if not args:
            raise TypeError("checked function needs arguments")
        return fn(*args)
    return wrapper
@checked
def work(x):
    return x
work(1)
work()
