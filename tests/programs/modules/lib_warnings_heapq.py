import warnings, heapq, __future__, linecache
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("one")
    warnings.warn("two", DeprecationWarning)
print(len(w), [str(x.message) for x in w], [x.category.__name__ for x in w])
warnings.simplefilter("error")
try: warnings.warn("boom", RuntimeWarning)
except RuntimeWarning as e: print("raised", e)
warnings.resetwarnings()
warnings.simplefilter("ignore")
warnings.warn("silent")
h = []
for x in [5, 1, 4, 2, 3]: heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(5)])
l = [9, 3, 7, 1]; heapq.heapify(l); print(l, heapq.heappushpop(l, 0), heapq.heapreplace(l, 8), l)
print(heapq.nlargest(2, [1, 5, 3]), heapq.nsmallest(2, [4, 1, 3]), list(heapq.merge([1, 4], [2, 3])))
print(__future__.annotations, __future__.all_feature_names[:2])
