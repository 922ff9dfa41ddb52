"""``make bench``: speed, memory and first-load bytes at 100 to 10,000 synthetic claims and on the real site.

``__main__`` runs, ``report`` prints the table, ``targets`` checks issue 13's targets; ``synth`` writes the
data, ``project`` the temporary projects (and the plain twin), ``measure`` times a child process,
``browser`` serves with gzip, measures first loads in Chromium and runs Lighthouse, ``reload`` times
``mkdocs serve``.
"""
