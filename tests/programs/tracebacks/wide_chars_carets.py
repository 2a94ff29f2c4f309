données = {"clé": 1}
résultat = données["clé"] + données["absente"]
