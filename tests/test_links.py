"""`explainer links` against a local HTTP server (200, 301, 404, 500 and a hang); never the internet."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import PROJECT, PUBLISHERS, SOURCES, line_of

HANG = threading.Event()


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        if self.path == "/hang":
            HANG.wait(10)
            return
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.end_headers()
            return
        if self.path == "/found-elsewhere":
            self.send_response(302)
            self.send_header("Location", "/ok")
            self.end_headers()
            return
        code = {"/ok": 200, "/gone": 404, "/error": 500}.get(self.path, 404)
        self.send_response(code)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"hello")

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    HANG.set()
    httpd.shutdown()
    HANG.clear()


LOCAL = PUBLISHERS + (
    "  - id: local\n    name: Local\n    domains: [127.0.0.1]\n    kind: research-institute\n"
    "    rating: reliable\n    note: The test server.\n"
)


def _local(base: str) -> str:
    """The fixture's sources, pointed at the local server (nothing may leave the machine)."""
    return SOURCES.replace("https://institute.example.org/report", f"{base}/ok").replace(
        "https://news.example.com/story", f"{base}/ok"
    )


def _links(data, *args):
    env = {**os.environ, "PYTHONPATH": str(PROJECT / "tests" / "support" / "nonet")}  # any outbound call fails
    return subprocess.run(
        [sys.executable, "-m", "explainer", "links", "--data", str(data), *args],
        cwd=PROJECT, capture_output=True, text=True, timeout=60, env=env,
    )


def _source(sid: str, url: str) -> str:
    return (
        f"  - id: {sid}\n    title: Page {sid}\n    publisher: Local\n    url: {url}\n"
        "    type: research\n    accessed: 2026-11-01\n"
    )


def test_links_reports_broken_and_moved_links_at_their_lines(tree, server):
    paths = ["ok", "moved", "found-elsewhere", "gone", "error", "hang"]
    sources = _local(server) + "".join(_source(f"src-{p}", f"{server}/{p}") for p in paths)
    citing = "".join(f"      - source: src-{p}\n        finding: x.\n        locator: y\n        stance: context\n" for p in paths)
    from conftest import CLAIM

    claim = CLAIM.replace("        stance: supports\n    since:", "        stance: supports\n" + citing + "    since:")
    data = tree({"sources.yml": sources, "publishers.yml": LOCAL, "claims/alpha.yml": claim})
    started = time.monotonic()
    result = _links(data, "--timeout", "1", "--concurrency", "4")
    elapsed = time.monotonic() - started
    where = str(data / "sources.yml")
    line = lambda sid: line_of(sources, f"url: {server}/{sid}")  # noqa: E731
    assert result.stdout.splitlines() == [
        f"{where}:{line('moved')}: source 'src-moved': {server}/moved has moved to {server}/ok; update the url [link-moved] (warning)",
        f"{where}:{line('gone')}: source 'src-gone': HTTP 404 for {server}/gone [link-broken]",
        f"{where}:{line('error')}: source 'src-error': HTTP 500 for {server}/error [link-broken]",
        f"{where}:{line('hang')}: source 'src-hang': no answer within 1 s for {server}/hang [link-broken]",
        "3 errors and 1 warning.",
    ]
    assert result.returncode == 1 and result.stderr == ""
    assert elapsed < 30  # the hang costs one timeout, not a stalled run


def test_links_on_unreachable_hosts_reports_them_without_a_traceback(tree):
    # a closed port on loopback: refused at once, nothing leaves the machine
    sources = _local("http://127.0.0.1:9")  # a closed port on loopback: refused at once
    data = tree({"sources.yml": sources, "publishers.yml": LOCAL})
    result = _links(data, "--timeout", "2")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3 and lines[-1] == "2 errors and 0 warnings."
    for line, sid in zip(lines, ("src-report", "src-news")):
        assert f"source '{sid}': cannot connect (" in line and line.endswith("for http://127.0.0.1:9/ok [link-broken]")


def test_links_refuses_data_with_errors(tree):
    data = tree({"sources.yml": SOURCES.replace("type: research", "type: rumour")})
    result = _links(data)
    assert result.returncode == 1 and "[invalid-value]" in result.stderr and result.stdout == ""
