value = 1
raise ValueError("import-time failure")
