import random
random.seed(12345)
print(random.random(), random.randint(1, 100), random.choice("abcdef"), random.uniform(1, 2))
r = random.Random(7)
l = list(range(10))
r.shuffle(l)
print(l, r.sample(range(100), 5), r.randrange(0, 1000, 7), r.getrandbits(64))
print(random.Random("seed").random(), random.Random(2 ** 100).random())
