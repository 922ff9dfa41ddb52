"""The explainer engine: typed claim records loaded from YAML, checked, rendered and exported.

Nothing here imports MkDocs; ``macros/`` adapts the engine to mkdocs-macros.
"""

__version__ = "0.1.0"
