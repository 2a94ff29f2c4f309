import sys
import _counter_mod
import _counter_mod
import _counter_mod as again
print(again is sys.modules["_counter_mod"], _counter_mod.loads)
_counter_mod.loads += 1
import _counter_mod
print(_counter_mod.loads)
del sys.modules["_counter_mod"]
import _counter_mod as fresh
print(fresh.loads, fresh is again)
import importlib
reloaded = importlib.reload(fresh)
print(reloaded is fresh)
sys.modules["fake_module"] = "I am a string"
import fake_module
print(fake_module)
