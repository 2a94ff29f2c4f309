def f(k):
    try:
        if k == 1: raise KeyError("k")
        if k == 2: raise ValueError("v")
        if k == 3: raise TypeError("t")
    except KeyError:
        print("key")
    except (ValueError, IndexError) as e:
        print("val", e)
    except Exception as e:
        print("other", type(e).__name__)
    else:
        print("else")
    finally:
        print("finally", k)
for k in range(4):
    f(k)
try:
    try:
        raise ValueError
    finally:
        print("inner finally")
except ValueError:
    print("outer")
try:
    pass
finally:
    print("just finally")
