# Run our compiler's bytecode on CPython 3.13: re-insert inline caches,
# re-encode the exception and location tables, build real code objects.
# usage: python3.13 cpython_exec.py CODE.json SOURCE.py [args...]
# (AS_MODULE=1 runs a unittest module under a non-__main__ name)
import json, sys, types, struct, dis, opcode, subprocess
CACHE = dis._inline_cache_entries
def mk_const(k):
    t = k["t"]
    if t == "none": return None
    if t == "ellipsis": return ...
    if t == "bool": return k["v"]
    if t == "int": return int(k["v"])
    if t == "float": return struct.unpack("<d", struct.pack("<Q", int(k["v"])))[0]
    if t == "complex":
        f = lambda b: struct.unpack("<d", struct.pack("<Q", int(b)))[0]
        return complex(f(k["r"]), f(k["i"]))
    if t == "str": return k["v"]
    if t == "bytes": return bytes(k["v"])
    if t == "tuple": return tuple(mk_const(x) for x in k["v"])
    if t == "frozenset": return frozenset(mk_const(x) for x in k["v"])
    if t == "code": return mk_code(k["v"])
    raise ValueError(t)
BACK = {opcode.opmap["JUMP_BACKWARD"], opcode.opmap["JUMP_BACKWARD_NO_INTERRUPT"]}
JREL = set(opcode.hasjrel)
def varint(v, out):
    chunks = []
    while True:
        chunks.append(v & 63); v >>= 6
        if not v: break
    for i, c in enumerate(reversed(chunks)):
        out.append(c | (64 if i < len(chunks)-1 else 0))
def mk_code(d):
    raw = d["code"]
    # decode to instructions: (first_unit, op, arg)
    ins = []; ext = 0; start = 0
    for i in range(0, len(raw), 2):
        op, a = raw[i], raw[i+1] | ext
        if op == opcode.opmap["EXTENDED_ARG"]:
            ext = a << 8; continue
        ext = 0
        ins.append([start, i//2, op, a]); start = i//2 + 1
    unit_to_ins = {x[0]: k for k, x in enumerate(ins)}
    nunits = len(raw)//2
    unit_to_ins[nunits] = len(ins)
    # jump targets as instruction indices
    tgt = {}
    for k, (s, last, op, a) in enumerate(ins):
        if op in JREL:
            t = last + 1 - a if op in BACK else last + 1 + a
            tgt[k] = unit_to_ins[t]
    sizes = [1]*len(ins)
    while True:
        offs = []; o = 0
        for k, x in enumerate(ins):
            offs.append(o); o += sizes[k] + CACHE.get(opcode.opname[x[2]], 0)
        offs.append(o)
        changed = False
        args = []
        for k, x in enumerate(ins):
            op, a = x[2], x[3]
            if k in tgt:
                after = offs[k] + sizes[k] + CACHE.get(opcode.opname[op], 0)
                t = offs[tgt[k]] + (sizes[tgt[k]] - 1) * 0
                # target points at the instruction start (its EXTENDED_ARGs)
                a = after - offs[tgt[k]] if op in BACK else offs[tgt[k]] - after
            args.append(a)
            need = 1 if a < 256 else 2 if a < 65536 else 3 if a < 1 << 24 else 4
            if need > sizes[k]: sizes[k] = need; changed = True
        if not changed: break
    code = bytearray(); lines = []
    pos = d["positions"]
    for k, x in enumerate(ins):
        op, a = x[2], args[k]
        for s in range(sizes[k]-1, 0, -1):
            code += bytes([opcode.opmap["EXTENDED_ARG"], (a >> (8*s)) & 255])
        code += bytes([op, a & 255])
        n = CACHE.get(opcode.opname[op], 0)
        code += b"\0\0" * n
        lines += [pos[x[1]]] * (sizes[k] + n)
    # exception table
    ex = bytearray()
    for (s, e, t, depth, lasti) in d["ex"]:
        so = offs[unit_to_ins[s]]; eo = offs[unit_to_ins[e]]; to = offs[unit_to_ins[t]]
        first = len(ex)
        varint(so, ex); ex[first] |= 128
        varint(eo - so, ex); varint(to, ex); varint((depth << 1) | lasti, ex)
    # line table: long-form entries (code 14), one per code unit
    lt = bytearray(); prev = d["firstlineno"]
    def uv(v):
        while v >= 64:
            lt.append((v & 63) | 64); v >>= 6
        lt.append(v)
    for (ln, eln, col, ecol) in lines:
        if ln == 0 and eln == 0:
            lt.append(0x80 | (15 << 3) | 0)
            continue
        delta = ln - prev; prev = ln
        lt.append(0x80 | (14 << 3) | 0)
        uv((-delta << 1) | 1 if delta < 0 else delta << 1)
        uv(max(eln - ln, 0))
        big = (1 << 32) - 1
        uv(0 if col == big else col + 1)
        uv(0 if ecol == big else ecol + 1)
    lp = d["lp"]; kinds = d["kinds"]
    varnames = tuple(n for n, k in zip(lp, kinds) if k & 0x20)
    cellvars = tuple(n for n, k in zip(lp, kinds) if k & 0x40)
    freevars = tuple(n for n, k in zip(lp, kinds) if k & 0x80)
    return types.CodeType(d["argcount"], d["posonly"], d["kwonly"], len(varnames), d["stacksize"], d["flags"],
        bytes(code), tuple(mk_const(k) for k in d["consts"]), tuple(d["names"]), varnames, sys.argv[1],
        d["name"], d["qualname"], d["firstlineno"], bytes(lt), bytes(ex), freevars, cellvars)
d = json.load(open(sys.argv[1]))
del sys.argv[1]
if "error" in d:
    print("COMPILE ERROR:", d["error"]); sys.exit(1)
co = mk_code(d)
import os
modname = "__main__" if not os.environ.get("AS_MODULE") else "testmod"
mod = types.ModuleType(modname)
mod.__file__ = sys.argv[1]
mod.__builtins__ = __builtins__
sys.modules[modname] = mod
sys.argv = sys.argv[1:]
exec(co, mod.__dict__)
if os.environ.get("AS_MODULE"):
    import unittest
    unittest.main(module=mod)
