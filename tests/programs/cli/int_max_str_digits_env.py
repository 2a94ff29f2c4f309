import sys
print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)
print(len(str(10 ** 999)))
try:
    str(10 ** 1000)
except ValueError as e:
    print(e)
