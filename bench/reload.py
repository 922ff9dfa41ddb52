"""Edit-to-reload under ``mkdocs serve --livereload`` on the real site (a temporary copy of it).

Serve starts on a free port; once the claim page answers, one claim's restated text in
``data/claims/<section>.yml`` gets a harmless word appended, and the page is fetched every 50 ms until
the word appears. The time from the save to that response is one measurement; the edit is repeated.
Serve is stopped with SIGTERM (its leftover temp folder lives under our scratch TMPDIR and goes with it).
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.project import make_project, tool


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, timeout: float = 5) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError, ValueError):
        return None


def first_claim(data: Path, section: str) -> str:
    text = (data / "claims" / f"{section}.yml").read_text(encoding="utf-8")
    match = re.search(r"^\s*-\s+id:\s*([a-z0-9-]+)\s*$", text, re.M)
    if not match:
        raise RuntimeError(f"no claim found in data/claims/{section}.yml")
    return match.group(1)


def append_to_claim_text(path: Path, claim_id: str, word: str) -> None:
    """Append `` word`` to the ``claim:`` text of one claim, keeping the YAML valid."""
    lines = path.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if re.match(rf"^\s*-\s+id:\s*{re.escape(claim_id)}\s*$", line))
    key = next(i for i in range(start + 1, len(lines)) if re.match(r"^\s+claim:", lines[i]))
    head = lines[key]
    indent = len(head) - len(head.lstrip())
    value = head.split(":", 1)[1].strip()
    if value in (">", ">-", "|", "|-", ">+", "|+"):
        last = key
        for i in range(key + 1, len(lines)):
            line = lines[i]
            if line.strip() and len(line) - len(line.lstrip()) <= indent:
                break
            if line.strip():
                last = i
        lines[last] = lines[last].rstrip() + f" {word}"
    elif value[:1] in ("'", '"'):
        lines[key] = head.rstrip()[:-1] + f" {word}" + value[0]
    else:
        lines[key] = head.rstrip() + f" {word}"
    with open(path, "w", encoding="utf-8") as handle:  # written in place, as an editor saves
        handle.write("\n".join(lines))
        handle.flush()
        os.fsync(handle.fileno())


def measure_reload(scratch: Path, env: dict[str, str], edits: int = 3, section: str = "leads",
                   start_timeout: float = 180, edit_timeout: float = 120) -> dict:
    project = make_project(scratch / "reload-project")
    tmp = scratch / "reload-tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    claim_id = first_claim(project / "data", section)
    port = free_port()
    url = f"http://127.0.0.1:{port}/claims/{claim_id}/"
    log = open(scratch / "reload-serve.log", "wb")
    started = time.perf_counter()
    proc = subprocess.Popen(
        [tool("mkdocs"), "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env={**env, "TMPDIR": str(tmp)}, stdout=log, stderr=subprocess.STDOUT,
    )
    times: list[float] = []
    try:
        while _get(url, timeout=2) is None:
            if proc.poll() is not None:
                raise RuntimeError(f"mkdocs serve exited {proc.returncode}; see {scratch / 'reload-serve.log'}")
            if time.perf_counter() - started > start_timeout:
                raise RuntimeError("mkdocs serve did not answer in time")
            time.sleep(0.1)
        ready = time.perf_counter() - started
        time.sleep(1.0)
        for n in range(edits):
            word = f"benchedit{n}q{os.getpid()}"
            append_to_claim_text(project / "data" / "claims" / f"{section}.yml", claim_id, word)
            saved = time.perf_counter()
            while True:
                body = _get(url, timeout=5)
                if body is not None and word in body:
                    times.append(time.perf_counter() - saved)
                    break
                if time.perf_counter() - saved > edit_timeout:
                    raise RuntimeError(f"edit {n} did not show up in {edit_timeout} s")
                if proc.poll() is not None:
                    raise RuntimeError(f"mkdocs serve exited {proc.returncode} after an edit")
                time.sleep(0.05)
            time.sleep(1.5)  # let serve settle before the next save
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        log.close()
    return {"page": f"/claims/{claim_id}/", "file": f"data/claims/{section}.yml", "serve_ready_s": round(ready, 3),
            "times": [round(t, 3) for t in times]}
