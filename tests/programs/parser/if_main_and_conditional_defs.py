import sys
if sys.version_info >= (3, 13):
    def which(): return "new"
else:
    def which(): return "old"
print(which())
try:
    import nonexistent_optional_dep
except ImportError:
    nonexistent_optional_dep = None
print(nonexistent_optional_dep)
if __name__ == "__main__":
    print("running as main")
