import sys
print("running as", __name__, "argv", sys.argv[1:], sys.argv[0].endswith("_cli_mod.py"))
