# `0x1f` followed by `or_`: not the keyword `or`, so an invalid literal.
g = 0x1for_ = 1
