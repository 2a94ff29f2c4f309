import sys
sys.setrecursionlimit(200)
def boom(n):
    return boom(n + 1)
boom(0)
