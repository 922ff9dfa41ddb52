"""The MkDocs adapter for the explainer engine: the only code that imports MkDocs.

- ``plugin``: the ``explainer`` MkDocs plugin (registered as an entry point): loads and checks the data
  once per build, adds the generated pages, the theme overrides and the assets, fails the build on
  problems, and writes the exports.
- ``macros``: the macros pages call (an mkdocs-macros "pluglet": list it under ``modules``, or import
  ``define_env`` from a project's own macros module).
"""
