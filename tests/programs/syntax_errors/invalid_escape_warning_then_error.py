s = "\d is a warning"
t = 'and this line has an error
