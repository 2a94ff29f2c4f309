import dis
def mod(a, b):
    result = a % b
    return result
print(mod(13, 3))
print(mod("%s%s", ('Hello', 'World')))
class Surprising(object):
    def __mod__(self, other):
        print("surprise!")
s = Surprising()
t = Surprising()
s % t
print([b for b in mod.__code__.co_code][:4])
dis.dis(mod)
