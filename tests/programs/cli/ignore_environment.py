import sys
print(sys.flags.ignore_environment, sys.flags.isolated)
