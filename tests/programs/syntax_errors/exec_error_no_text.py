# An error found after parsing a string has no text: the traceback shows
# only the file and line.
exec("x = 1\nreturn x")
