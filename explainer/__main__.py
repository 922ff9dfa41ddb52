"""``python -m explainer`` runs the command line."""

from explainer.cli import main

raise SystemExit(main())
