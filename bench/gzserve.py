"""A static file server that gzips text responses, as a real host would (for Lighthouse).

``python bench/gzserve.py DIR PORT``: serves DIR on 127.0.0.1:PORT. HTML, CSS, JS, JSON, SVG, XML and
text are sent with ``Content-Encoding: gzip`` (level 6, cached in memory) when the client accepts it,
with ``Cache-Control: max-age=600`` as GitHub Pages sends.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import time
import urllib.request
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", ".csv", ".bib")
_cache: dict[tuple[str, float], bytes] = {}


class GzipHandler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # quiet
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "public, max-age=600")
        super().end_headers()

    def do_GET(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().do_GET()  # the redirect to the slash URL
            path = os.path.join(path, "index.html")
        accepts = "gzip" in (self.headers.get("Accept-Encoding") or "")
        if not (accepts and path.endswith(COMPRESSIBLE) and os.path.isfile(path)):
            return super().do_GET()
        key = (path, os.path.getmtime(path))
        body = _cache.get(key)
        if body is None:
            with open(path, "rb") as handle:
                body = gzip.compress(handle.read(), compresslevel=6)
            _cache[key] = body
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def start(site, port: int) -> tuple[subprocess.Popen, str]:
    """Run this server on ``site`` in a child process; return it and its base URL once it answers."""
    server = subprocess.Popen([sys.executable, __file__, str(site), str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/", timeout=1).close()
            return server, base
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError(f"bench/gzserve.py did not answer on {base}")


def serve(directory: str, port: int) -> None:
    handler = partial(GzipHandler, directory=directory)
    with ThreadingHTTPServer(("127.0.0.1", port), handler) as httpd:
        httpd.serve_forever()


if __name__ == "__main__":
    serve(sys.argv[1], int(sys.argv[2]))
