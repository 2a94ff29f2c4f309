l = [1, 2, 3, 4, 5, 6]
for x in l[:]:
    if x % 2 == 0:
        l.remove(x)
print(l)
l2 = [i for i in range(10)]
print(l2[::-3], l2[-3::-3], sum(l2), len(l2))
stack = []
stack.append(1); stack.append(2); print(stack.pop(), stack)
q = [1, 2, 3]; q.extend(q); print(q)
q += "ab"; print(q)
