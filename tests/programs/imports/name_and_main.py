import _named
print(__name__, _named.who, _named.__name__)
print(__spec__ is None, __package__ is None or __package__ == "")
print(__file__.endswith("name_and_main.py"), _named.__file__.endswith("_named.py"))
