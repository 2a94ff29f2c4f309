class Calc:
    def divide(self, a, b):
        return a / b
calc = Calc()
value = calc.divide(
    10,
    0,
)
