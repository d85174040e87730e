"""The one seeded graph generator of the repository (Scripts/README.md): `hubei` builds the Hubei
province network, `shaped` graphs of the same shape at any scale, both through `names` (the name
material) and `writer` (native JSON, CSV folders and the peers' edge lists).
"""
