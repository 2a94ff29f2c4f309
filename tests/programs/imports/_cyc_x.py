from _cyc_y import y_thing
x_thing = 1
