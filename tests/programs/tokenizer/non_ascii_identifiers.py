café = 1
π = 3.14159
変数 = "hello"
Ωmega_1 = 2
print(café, π, 変数, Ωmega_1)
def naïve(ä):
    return ä * 2
print(naïve(21))
# NFKC normalisation: ﬁ (ligature) is the same name as fi
ﬁ = 5
print(fi)
class Ünïcode:
    pass
print(Ünïcode.__name__)
