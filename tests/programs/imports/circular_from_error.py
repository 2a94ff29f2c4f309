import _cyc_x
