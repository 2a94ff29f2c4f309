SIB = "sibling constant"
