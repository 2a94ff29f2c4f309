# leading comment


x = 1  # trailing
    # indented comment

if x:
    # comment in block

    print("x")  # more

#last
