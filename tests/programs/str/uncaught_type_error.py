name = "count: "
n = 5
message = name + n
print(message)
