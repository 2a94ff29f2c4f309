import sys, warnings
print(sys.warnoptions)
print(warnings.filters[0][0], warnings.filters[0][2].__name__, len(warnings.filters))
