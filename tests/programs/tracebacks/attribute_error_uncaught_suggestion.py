class Service:
    def start(self):
        pass
s = Service()
s.strat()
