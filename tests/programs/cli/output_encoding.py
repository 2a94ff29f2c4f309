import sys
print("héllo wörld ✓ 日本")
print(sys.stdout.encoding, sys.stderr.encoding)
sys.stdout.write("written directly\n")
n = sys.stderr.write("to stderr\n")
print(n)
