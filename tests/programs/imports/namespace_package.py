import nspkg.inner
print(nspkg.inner.NAME, nspkg.__file__, type(nspkg.__path__).__name__)
from nspkg import inner
print(inner is nspkg.inner)
