data = {"a": 1, "b": 0}
ratios = {k: 10 / v for k, v in data.items()}
