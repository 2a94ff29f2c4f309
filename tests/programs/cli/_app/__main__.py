import sys
print("package __main__ ran, argv[1:] =", sys.argv[1:])
