print("about to interrupt", flush=True)
raise KeyboardInterrupt
