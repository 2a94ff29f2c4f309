"""Regenerate tests/data/*.expected from CPython 3.13 (the oracle).

usage: PYENV_VERSION=3.13.0 python3 tools/gen_expected.py
Each tests/data/NAME.txt (parsed in 'eval' / 'single' mode when NAME
starts with that word) holds snippets separated by lines of `----`;
NAME.expected gets one line per snippet: the ast.dump with attributes, or
ERR|class|msg|lineno|offset|end_lineno|end_offset (negative -> 0).
"""
import ast, glob, os, sys, warnings

warnings.simplefilter("ignore")
here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data")

def oracle(src, mode):
    try:
        return ast.dump(ast.parse(src, mode=mode), include_attributes=True)
    except SyntaxError as e:
        f = lambda v: 0 if v is None or v < 0 else v
        return "ERR|%s|%s|%d|%d|%d|%d" % (type(e).__name__, e.msg, f(e.lineno), f(e.offset), f(e.end_lineno), f(e.end_offset))
    except MemoryError as e:
        return "ERR|SyntaxError|%s|..." % e

for path in sorted(glob.glob(os.path.join(here, "*.txt"))):
    cases = open(path, encoding="utf-8").read().split("\n----\n")
    name = os.path.basename(path)
    mode = "eval" if name.startswith("eval") else "single" if name.startswith("single") else "exec"
    out = [oracle(c.encode(), mode).replace("\n", "\\n") for c in cases]
    open(path[:-4] + ".expected", "w", encoding="utf-8").write("\n".join(out) + "\n")
    print(path, len(cases))
