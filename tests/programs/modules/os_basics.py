import os
print(os.getcwd().endswith("modules"), os.sep, os.path.join("a", "b", "c.txt"), os.path.basename("/x/y.py"), os.path.dirname("/x/y.py"))
print(os.path.splitext("archive.tar.gz"), os.path.exists(__file__), os.path.isdir("."), os.path.isabs("/a"), os.path.normpath("a//b/../c"))
print(os.environ.get("PYTHONHASHSEED"), os.environ.get("LC_ALL"), "PYTHONPATH" in os.environ, os.name)
print(sorted(f for f in os.listdir(".") if f.startswith("os_basics")))
