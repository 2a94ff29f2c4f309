# -*- coding: klingon-8 -*-
print('hi')
