"""Compare rython-parser against CPython 3.13 on snippets or files.

usage: python3 compare.py [--files F...] | [--snippets FILE]
A snippets file (tests/data/*.txt) holds cases separated by lines of `----`.
Prints mismatches and a summary. Run with PYENV_VERSION=3.13.0.
"""
import ast, subprocess, sys, os, tempfile

BIN = os.environ.get("PYDUMP", "/work/target-parser/debug/examples/pydump")

def cpython(src_bytes):
    try:
        t = ast.parse(src_bytes)
        return ast.dump(t, include_attributes=True)
    except SyntaxError as e:
        end_off = e.end_offset if e.end_offset is not None else 0
        if end_off < 0: end_off = 0
        off = e.offset if e.offset is not None and e.offset >= 0 else 0
        return "ERR|%s|%s|%s|%s|%s|%s" % (type(e).__name__, e.msg, e.lineno or 0, off, e.end_lineno or 0, end_off)
    except (MemoryError, RecursionError) as e:
        return "ERR|SyntaxError|%s|..." % e
    except ValueError as e:
        return "VALUEERROR %s" % e

def ours(paths):
    out = subprocess.run([BIN] + paths, capture_output=True).stdout.decode("utf-8", "replace")
    return out.split("\n")[:len(paths)]

def main():
    args = sys.argv[1:]
    cases = []
    if args and args[0] == "--snippets":
        text = open(args[1], encoding="utf-8").read()
        for c in text.split("\n----\n"):
            cases.append(("snippet", c.encode()))
    else:
        for f in args:
            cases.append((f, open(f, "rb").read()))
    tmp = tempfile.mkdtemp()
    paths = []
    for i, (_, src) in enumerate(cases):
        p = os.path.join(tmp, "c%d.py" % i)
        open(p, "wb").write(src)
        paths.append(p)
    mine = []
    for i in range(0, len(paths), 200):
        mine += ours(paths[i:i+200])
    bad = 0
    for (name, src), m in zip(cases, mine):
        c = cpython(src)
        if c.startswith("ERR") and m.startswith("ERR"):
            ok = c.split("|")[:7] == m.split("|")[:7] if "|..." not in c else c.split("|")[2] == m.split("|")[2]
        else:
            ok = c == m
        if not ok:
            bad += 1
            print("=" * 60)
            print(name, repr(src.decode("utf-8", "replace")[:300]))
            i = next((i for i, (a, b) in enumerate(zip(c, m)) if a != b), min(len(c), len(m)))
            lo = max(0, i - 200)
            print("CPY:", c[lo:i + 150])
            print("OUR:", m[lo:i + 150])
    print("%d/%d match" % (len(cases) - bad, len(cases)))

main()
