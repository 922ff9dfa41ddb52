"""Edit-to-reload under ``mkdocs serve --livereload`` on a temporary copy of the real site.

Once the claim page answers, a word is appended to one claim's restated text (``claim:``) in
``data/claims/<section>.yml`` and the page is fetched every 50 ms until the word appears: the time from
the save to that response is one measurement. A first edit warms serve up and is not counted (as the
check's warm-up run); each edit waits 2 s after the previous reload; serve is then stopped.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from bench.project import MKDOCS, make_project


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return None


def first_claim(data: Path, section: str) -> str:
    return re.search(r"^\s*-\s+id:\s*([a-z0-9-]+)\s*$", (data / "claims" / f"{section}.yml").read_text(), re.M).group(1)


def append_to_claim(path: Path, claim_id: str, word: str) -> None:
    """Append `` word`` to the ``claim:`` text of one claim (plain, quoted or block scalar), in place."""
    lines = path.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if re.match(rf"^\s*-\s+id:\s*{re.escape(claim_id)}\s*$", line))
    key = next(i for i in range(start + 1, len(lines)) if re.match(r"^\s+claim:", lines[i]))
    indent, value = len(lines[key]) - len(lines[key].lstrip()), lines[key].split(":", 1)[1].strip()
    if value[:1] in (">", "|"):  # a block scalar: its last non-empty line
        end = key + 1
        while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
            end += 1
        key = max(i for i in range(key + 1, end) if lines[i].strip())
        lines[key] = lines[key].rstrip() + f" {word}"
    elif value[:1] in ("'", '"'):
        lines[key] = lines[key].rstrip()[:-1] + f" {word}" + value[0]
    else:
        lines[key] = lines[key].rstrip() + f" {word}"
    with open(path, "w", encoding="utf-8") as handle:  # written in place, as an editor saves
        handle.write("\n".join(lines))


def measure_reload(scratch: Path, env: dict[str, str], edits: int, section: str = "leads") -> dict:
    project = make_project(scratch / "reload-project")
    claim_id, port = first_claim(project / "data", section), free_port()
    url = f"http://127.0.0.1:{port}/claims/{claim_id}/"
    (scratch / "reload-tmp").mkdir(exist_ok=True)  # serve's build folder, removed with the scratch folder
    proc = subprocess.Popen(MKDOCS + ["serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"], cwd=project,
                            env={**env, "TMPDIR": str(scratch / "reload-tmp")}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times: list[float] = []
    try:
        deadline = time.perf_counter() + 180
        while _get(url) is None:
            if proc.poll() is not None or time.perf_counter() > deadline:
                raise RuntimeError(f"mkdocs serve did not answer (exit code {proc.poll()})")
            time.sleep(0.1)
        time.sleep(1.0)
        for n in range(edits + 1):  # edit 0: the warm-up
            word = f"benchedit{n}q{os.getpid()}"
            append_to_claim(project / "data" / "claims" / f"{section}.yml", claim_id, word)
            saved = time.perf_counter()
            while word not in (_get(url) or ""):
                if proc.poll() is not None or time.perf_counter() - saved > 120:
                    raise RuntimeError(f"edit {n} did not show up (mkdocs serve exit code {proc.poll()})")
                time.sleep(0.05)
            times.append(round(time.perf_counter() - saved, 3))
            time.sleep(2.0)  # let serve settle (its search index is rebuilt beside the reload)
    finally:
        proc.terminate()
        proc.wait(timeout=15)
    return {"page": f"/claims/{claim_id}/", "file": f"data/claims/{section}.yml", "warm_up": times[0], "times": times[1:]}
