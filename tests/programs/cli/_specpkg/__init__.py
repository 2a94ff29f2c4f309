print("_specpkg __init__ ran", __name__)
