"""The domain core: entities, the organisation aggregate and its structure rules.

Pure Python plus networkx: nothing here imports Qt or SQLAlchemy (a test
enforces it), so the CLI, storage and GUI all share one set of rules.
"""
