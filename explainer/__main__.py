"""``python -m explainer`` runs the command line."""

from explainer.cli import run

raise SystemExit(run())
