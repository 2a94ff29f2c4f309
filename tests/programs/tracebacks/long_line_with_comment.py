values = [1, 2, 3]  # a comment after the statement
total = sum(values) + values[10]  # index out of range here
