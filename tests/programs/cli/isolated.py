import sys
print(sys.flags.isolated, sys.flags.ignore_environment, sys.flags.no_user_site, sys.flags.safe_path)
print(sys.path[0].endswith("cli"))
