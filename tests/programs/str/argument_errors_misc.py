    try: print(t, '->', repr(eval(t)))
    except Exception as e: print(t, '->', type(e).__name__, e)
try:
    '\udc90\udc91'.encode('utf-16')
except UnicodeEncodeError as e:
    print(e.start, e.end)
