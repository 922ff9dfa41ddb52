"""Benchmarks for issue 7: ``python -m bench`` (full) or ``python -m bench --quick``; see bench/README.md.

Modules: ``synth`` (synthetic data in the real format), ``project`` (temporary project copies and the
plain-Markdown twin, rendered by ``render_plain`` and checked by ``compare``), ``measure`` (wall time
and peak memory of a child process), ``weight`` (bytes of a first page load), ``reload``
(edit-to-reload under ``mkdocs serve``), ``lighthouse`` + ``gzserve`` (optional Lighthouse scores),
``targets`` (the issue's targets), ``profile`` (``python -m bench.profile --claims N``: where one build's time goes).
Results: ``bench/results/latest.json`` and ``latest.md``; every run also in ``bench/results/runs/``.
"""
