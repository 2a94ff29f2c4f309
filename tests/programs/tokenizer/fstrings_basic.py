x = 42
name = "world"
print(f"hello {name}!", F'{x}', f'{x:>8}', f'{x:08.3f}', f'{x!r}', f'{name!s:^11}|')
print(f'{x=}', f'{x = }', f'{x=:>5}', f'{name=!r}')
print(f'{{literal}}', f'{{{x}}}', f'{x:{"#"}>{6}}')
print(f'{3.14159:.{2}f}', f'{"nested quotes"}', f'{x:x}', f'{x:#o}', f'{x:,}')
print(fr'raw {x}\n', rf'{name}\t', Rf"{x}")
