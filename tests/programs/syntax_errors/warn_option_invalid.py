import sys, warnings
print(sys.warnoptions, "warnings" in sys.modules)
print(len([f for f in warnings.filters if f[0] == "always"]))
warnings.warn("hello")
