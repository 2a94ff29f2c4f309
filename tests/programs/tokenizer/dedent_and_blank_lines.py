def f():
    x = 1

    # comment at deeper indent
        # comment at even deeper indent

    if x:

        return "blank lines inside blocks are fine"
print(f())
class C:
    pass



print("after many blanks")
