import sys
print(__name__, repr(__package__), __spec__.name, repr(__spec__.parent), __spec__.origin == __file__)
print(__file__.endswith("_app_spec/__main__.py"), sys.argv[0], sys.path[0].endswith("_app_spec"))
