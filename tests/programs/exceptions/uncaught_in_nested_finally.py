def cleanup():
    print("cleaning up")
def work():
    try:
        return {}["k"]
    finally:
        cleanup()
work()
