class Resource:
    def __enter__(self):
        print("acquire")
        return self
    def __exit__(self, *exc):
        print("release")
        return False
with Resource():
    int("not a number")
