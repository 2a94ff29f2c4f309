for key in ["str", 1, (1, 2), None, "", "with 'quote'", 1.5]:
    try:
        {}[key]
    except KeyError as e:
        print(str(e), repr(e))
print(str(KeyError()), str(KeyError(1, 2)), str(KeyError(["l"])))
