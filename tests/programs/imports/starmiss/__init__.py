__all__ = ["nosuch"]
