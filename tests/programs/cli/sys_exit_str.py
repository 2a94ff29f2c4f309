import sys
print("stdout before exit")
sys.exit("error message goes to stderr")
