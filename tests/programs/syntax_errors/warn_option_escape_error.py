s = '\d'
print(s)
