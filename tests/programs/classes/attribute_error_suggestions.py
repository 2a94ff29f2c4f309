class Account:
    def __init__(self): self.balance = 0
    def deposit(self, v): self.balance += v
a = Account()
for name in ["balanse", "deposti", "zzz"]:
    try:
        getattr(a, name)
    except AttributeError as e:
        print(e, "|", e.name, e.obj is a)
a.balanse
