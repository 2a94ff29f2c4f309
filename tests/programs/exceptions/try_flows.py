def f(mode):
    log = []
    try:
        log.append("try")
        if mode == "raise":
            raise ValueError
        if mode == "return":
            return log + ["returned"]
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
for m in ["ok", "raise", "return"]:
    print(m, f(m))
def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"
print(finally_overrides())
def finally_swallow():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            if i < 2:
                continue
            break
    return "swallowed"
print(finally_swallow())
def nested():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise KeyError("inner")
        finally:
            print("inner finally")
    except KeyError as e:
        return f"outer caught {e}"
print(nested())
