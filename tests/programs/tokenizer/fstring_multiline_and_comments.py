name = "x"
s = f"""
name={name!r}
upper={
    name.upper()  # comments allowed in 3.12+
}
"""
print(s)
print(f'{"""triple inside"""}')
print(f"{'\\n'.join(['a', 'b'])!r}")
print(f"{name:{'>'}{5}}|{name:<{3}}|")
