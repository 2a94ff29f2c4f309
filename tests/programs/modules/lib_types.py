import types
ns = types.SimpleNamespace(a=1, b='x'); ns.c = [1]
print(ns, ns == types.SimpleNamespace(a=1, b='x', c=[1]), types.SimpleNamespace())
print(types.FunctionType, types.MethodType, types.GeneratorType, types.ModuleType, types.NoneType, types.BuiltinFunctionType, types.LambdaType)
print(isinstance(len, types.BuiltinFunctionType), isinstance(lambda: 0, types.FunctionType), types.EllipsisType, types.CodeType)
C = types.new_class('C', (object,), {}, lambda ns: ns.update(x=1)); print(C.x, C.__name__)
print(types.MappingProxyType, types.TracebackType, types.FrameType, types.CoroutineType)
