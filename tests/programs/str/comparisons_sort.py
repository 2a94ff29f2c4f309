words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print("a" < "aa" < "b", "Z" < "a", "é" > "z", max(words), min(words, key=len))
print(list(reversed("abc")), "".join(reversed("abc")))
