"""Record CPython 3.13's behaviour for every program under tests/programs.

Usage:  PYENV_VERSION=3.13.0 python3 tests/gen_expected.py [group/name | group ...]

Each program is run exactly as crates/rython/tests/differential.rs runs rython:
cwd = the program's group folder, argv = `<name>.py` (or the lines of the
`<name>.args` sidecar, `{script}` standing for `<name>.py`), stdin from the
`<name>.stdin` sidecar or /dev/null, and a cleared environment holding only
PATH, HOME, LC_ALL=C.UTF-8, PYTHONHASHSEED=0 and PYTHONDONTWRITEBYTECODE=1,
plus the `NAME=value` lines of the `<name>.env` sidecar.

stdout, stderr and the exit status go to tests/expected/<group>/<name>.out,
.err and .code. CPython prints absolute paths, so the absolute path of
tests/programs becomes `<PROGRAMS>` and the interpreter's own path (as it
appears in usage lines and "can't open file" messages) becomes `<PYTHON>`;
the harness applies the same replacements to rython's output.
"""

import concurrent.futures
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.realpath(__file__))
PROGRAMS = os.path.join(HERE, "programs")
EXPECTED = os.path.join(HERE, "expected")
TIME_LIMIT = 10


def discover():
    tests = []
    for group in sorted(os.listdir(PROGRAMS)):
        gdir = os.path.join(PROGRAMS, group)
        if group.startswith(("_", ".")) or not os.path.isdir(gdir):
            continue
        for f in sorted(os.listdir(gdir)):
            if f.endswith(".py") and not f.startswith("_") and os.path.isfile(os.path.join(gdir, f)):
                tests.append(f"{group}/{f[:-3]}")
    return tests


def environment():
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/"),
        "LC_ALL": "C.UTF-8",
        "PYTHONHASHSEED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    return env


def normalise(data, exe):
    text = data.decode("utf-8", "replace")
    return text.replace(PROGRAMS, "<PROGRAMS>").replace(exe, "<PYTHON>")


def unescape(line):
    """`\\n` in an .args line stands for a newline, `\\t` for a tab, `\\\\` for a backslash."""
    out = []
    i = 0
    while i < len(line):
        c = line[i]
        if c == "\\" and i + 1 < len(line) and line[i + 1] in "nt\\":
            out.append({"n": "\n", "t": "\t", "\\": "\\"}[line[i + 1]])
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def run_one(name, exe):
    group, stem = name.split("/")
    gdir = os.path.join(PROGRAMS, group)
    script = stem + ".py"
    args_path = os.path.join(gdir, stem + ".args")
    if os.path.exists(args_path):
        with open(args_path, encoding="utf-8") as f:
            args = [unescape(line).replace("{script}", script) for line in f.read().splitlines()]
    else:
        args = [script]
    env = environment()
    env_path = os.path.join(gdir, stem + ".env")
    if os.path.exists(env_path):
        with open(env_path, encoding="utf-8") as f:
            for line in f.read().splitlines():
                if "=" in line:
                    k, v = line.split("=", 1)
                    env[k] = unescape(v)
    stdin_path = os.path.join(gdir, stem + ".stdin")
    stdin_data = None
    if os.path.exists(stdin_path):
        with open(stdin_path, "rb") as f:
            stdin_data = f.read()
    try:
        proc = subprocess.run(
            [exe, *args],
            cwd=gdir,
            env=env,
            input=stdin_data,
            stdin=None if stdin_data is not None else subprocess.DEVNULL,
            capture_output=True,
            timeout=TIME_LIMIT,
        )
    except subprocess.TimeoutExpired:
        return name, None
    outdir = os.path.join(EXPECTED, group)
    os.makedirs(outdir, exist_ok=True)
    base = os.path.join(outdir, stem)
    with open(base + ".out", "w", encoding="utf-8", newline="") as f:
        f.write(normalise(proc.stdout, exe))
    with open(base + ".err", "w", encoding="utf-8", newline="") as f:
        f.write(normalise(proc.stderr, exe))
    with open(base + ".code", "w", encoding="utf-8") as f:
        f.write(f"{proc.returncode}\n")
    return name, proc.returncode


def main():
    if sys.version_info[:2] != (3, 13):
        sys.exit("gen_expected.py must run under CPython 3.13 (PYENV_VERSION=3.13.0 python3)")
    exe = sys.executable
    everything = discover()
    wanted = sys.argv[1:]
    if wanted:
        names = [n for n in everything if any(n == w or n.startswith(w.rstrip("/") + "/") for w in wanted)]
    else:
        names = everything
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(lambda n: run_one(n, exe), names))
    bad = [n for n, code in results if code is None]
    for n in bad:
        print(f"TIMEOUT: {n}", file=sys.stderr)
    print(f"recorded {len(results) - len(bad)} programs")
    # Expectations whose program disappeared would never be checked again.
    if not wanted:
        live = set(everything)
        for group in os.listdir(EXPECTED):
            for f in os.listdir(os.path.join(EXPECTED, group)):
                stem = f.rsplit(".", 1)[0]
                if f"{group}/{stem}" not in live:
                    os.remove(os.path.join(EXPECTED, group, f))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
