"""What sitrep knows before it reads an article: the actor knowledge base (``actors``) and the
place-name gazetteer, as data files under ``data/`` and the code that loads and queries them.

Nothing is loaded at import time; each module loads its data on first use.
"""
