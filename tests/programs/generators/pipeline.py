def read(lines):
    for l in lines:
        yield l.strip()
def nonempty(it):
    for l in it:
        if l:
            yield l
def numbered(it):
    for i, l in enumerate(it, 1):
        yield f"{i}: {l}"
text = ["alpha\n", "\n", "  beta", "", "gamma  "]
for line in numbered(nonempty(read(text))):
    print(line)
def chunks(seq, n):
    for i in range(0, len(seq), n):
        yield seq[i:i + n]
print(list(chunks(list(range(7)), 3)))
