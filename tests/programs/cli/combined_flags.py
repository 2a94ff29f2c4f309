import sys
print(sys.flags.unbuffered if hasattr(sys.flags, "unbuffered") else "", sys.flags.dont_write_bytecode, sys.flags.quiet)
