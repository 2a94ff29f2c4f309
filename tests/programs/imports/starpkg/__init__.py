__all__ = ["alpha", "beta", "CONST"]
CONST = 1
print("starpkg init")
