print(1j, 1J, 0j, 1.5j, 1e3j, 1_0j, .5j, 5.j)
print(1+2j, (1-2j)*3, abs(3+4j))
