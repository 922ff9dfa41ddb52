"""This project's mkdocs-macros module: the engine's macros, registered by the installed adapter."""

from explainer_mkdocs.macros import define_env  # noqa: F401
