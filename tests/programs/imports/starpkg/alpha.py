print("alpha imported"); A = "a"
