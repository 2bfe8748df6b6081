"""One module per stage, named after it: ingest, repair, sentences, published.

Ingest reads inputs into Docs; every other stage is a ``Doc -> Doc`` callable (see
:mod:`sitrep.pipeline`).
"""
