for i in range(5):
    if i == 1:
        continue
    if i == 3:
        break
    print("for", i)
else:
    print("no else")
for i in range(2):
    pass
else:
    print("for else")
n = 0
while n < 3:
    n += 1
else:
    print("while else", n)
x = 5
if x < 0: print("neg")
elif x == 0: print("zero")
elif x < 10: print("small")
else: print("big")
while True:
    break
print("done")
for i in []: print("never")
