__debug__ = False
