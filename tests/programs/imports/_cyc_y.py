from _cyc_x import x_thing
y_thing = 2
