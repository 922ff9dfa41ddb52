"""Browser tests: the built site, served on 127.0.0.1, driven in Debian's Chromium with Playwright.

Every test here is marked ``browser``. Chromium is never downloaded: the tests launch the system
browser (``$CHROMIUM_PATH``, default ``/usr/bin/chromium``). When it is missing the tests are skipped
with a visible reason, unless ``EXPLAINER_REQUIRE_BROWSER=1`` (set by ``.ci/run``), which turns the
skip into a failure.

Environment:
    CHROMIUM_PATH              the browser to launch (default /usr/bin/chromium)
    EXPLAINER_REQUIRE_BROWSER  1: a missing browser or Playwright fails instead of skipping
    EXPLAINER_SITE_DIR         serve this already-built site instead of building one
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
DESKTOP = {"width": 1280, "height": 900}

# The pages the accessibility, screenshot and privacy checks cover (path, short name).
KEY_PAGES = [
    ("/", "home"),
    ("/leads/", "section-leads"),
    (None, "claim"),  # filled in from the data: the first claim of the "leads" section
    ("/sources/", "sources"),
    ("/glossary/", "glossary"),
    ("/educators/", "educators"),
    ("/claims/", "explorer"),
    ("/quiz/leads/", "quiz-leads"),
    ("/handouts/leads/", "handout-leads"),
    ("/methodology/", "methodology"),
    ("/search/?q=chips", "search"),  # the online search page, with results
]

_MISSING_BROWSER: str | None = None


def _required() -> bool:
    return os.environ.get("EXPLAINER_REQUIRE_BROWSER", "") == "1"


def _skip_or_fail(reason: str):
    if _required():
        pytest.fail(f"{reason} (EXPLAINER_REQUIRE_BROWSER=1: browser tests may not be skipped)", pytrace=False)
    pytest.skip(reason)


# --------------------------------------------------------------------------------------------
# Data the tests need (claims, sections, aliases), read straight from the YAML records.
# --------------------------------------------------------------------------------------------


@dataclass
class Claim:
    id: str
    section: str
    title: str
    conclusion: str
    quote: str = ""
    aliases: list[str] = field(default_factory=list)


@dataclass
class SiteData:
    sections: list[str]
    claims: list[Claim]

    def in_section(self, section: str) -> list[Claim]:
        return [c for c in self.claims if c.section == section]

    def claim(self, claim_id: str) -> Claim:
        return next(c for c in self.claims if c.id == claim_id)

    @property
    def aliases(self) -> dict[str, Claim]:
        return {a: c for c in self.claims for a in c.aliases}


def load_site_data(data_dir: Path) -> SiteData:
    sections = [s["id"] for s in yaml.safe_load((data_dir / "sections.yml").read_text(encoding="utf-8"))["sections"]]
    claims: list[Claim] = []
    for section in sections:
        doc = yaml.safe_load((data_dir / "claims" / f"{section}.yml").read_text(encoding="utf-8")) or {}
        for c in doc.get("claims") or []:
            claims.append(
                Claim(
                    id=c["id"],
                    section=section,
                    title=str(c.get("title", "")),
                    conclusion=str(c.get("conclusion", "")),
                    quote=str(c.get("quote", "")),
                    aliases=[str(a) for a in (c.get("aliases") or [])],
                )
            )
    return SiteData(sections, claims)


@pytest.fixture(scope="session")
def site_data() -> SiteData:
    data = load_site_data(ROOT / "data")
    assert data.claims, "no claims found under data/claims/"
    return data


@pytest.fixture(scope="session")
def sample_claim(site_data: SiteData) -> Claim:
    """The claim the single-claim checks use: the first claim of the 'leads' section."""
    claims = site_data.in_section("leads") or site_data.claims
    return claims[0]


@pytest.fixture(scope="session")
def key_pages(sample_claim: Claim) -> list[tuple[str, str]]:
    return [(path or f"/claims/{sample_claim.id}/", name) for path, name in KEY_PAGES]


# --------------------------------------------------------------------------------------------
# The browser, the site and the server.
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    path = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        _skip_or_fail(f"Chromium not found at {path} (install Debian's chromium package or set CHROMIUM_PATH)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:  # pragma: no cover - depends on the environment
        _skip_or_fail(f"Playwright for Python is not installed ({exc}); run make test to install requirements-test.lock")
    return path


def build_site(project: Path, out: Path) -> None:
    """Strict MkDocs build of ``project`` into ``out``; fails the test run on any build error."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("SITE_URL", None)
    env.pop("OFFLINE", None)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        pytest.fail(f"mkdocs build failed (rc {result.returncode}):\n{result.stdout}\n{result.stderr}", pytrace=False)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature fixed by http.server
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


class SiteServer:
    """A static server for one directory on 127.0.0.1, on a free port, in a daemon thread."""

    def __init__(self, directory: Path):
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="site-server", daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


@pytest.fixture(scope="session")
def site_dir(chromium_executable, tmp_path_factory) -> Path:
    given = os.environ.get("EXPLAINER_SITE_DIR")
    if given:
        path = Path(given)
        if not (path / "index.html").is_file():
            pytest.fail(f"EXPLAINER_SITE_DIR={given} holds no built site (no index.html)", pytrace=False)
        return path
    out = tmp_path_factory.mktemp("site")
    build_site(ROOT, out)
    return out


@pytest.fixture(scope="session")
def site_url(site_dir: Path):
    server = SiteServer(site_dir)
    yield server.url
    server.close()


@pytest.fixture(scope="session")
def serve_dir():
    """Serve another directory for the length of the session: ``serve_dir(path) -> base URL``."""
    servers: list[SiteServer] = []

    def serve(directory: Path) -> str:
        server = SiteServer(directory)
        servers.append(server)
        return server.url

    yield serve
    for server in servers:
        server.close()


@pytest.fixture(scope="session")
def browser(chromium_executable):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_executable, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def is_local(url: str) -> bool:
    """True for a request that stays on this machine: http(s) to 127.0.0.1, or data:/blob: (no network)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob"):
        return True
    return parts.scheme in ("http", "https", "ws") and parts.hostname == "127.0.0.1"


@pytest.fixture
def new_context(browser, site_url):
    """Factory for browser contexts. Every request of every page is recorded; any request that
    leaves 127.0.0.1 fails the test (at teardown at the latest)."""
    contexts = []
    requests: list[str] = []

    def make(**options):
        options.setdefault("viewport", DESKTOP)
        options.setdefault("base_url", site_url)
        options.setdefault("reduced_motion", "reduce")
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        context.on("request", lambda request: requests.append(request.url))
        context.requests = requests  # type: ignore[attr-defined]
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    foreign = sorted({u for u in requests if not is_local(u)})
    if foreign:
        pytest.fail("requests left 127.0.0.1:\n  " + "\n  ".join(foreign), pytrace=False)


@pytest.fixture
def page(new_context):
    return new_context().new_page()


# --------------------------------------------------------------------------------------------
# Helpers shared by the test modules (as fixtures, so no module imports another's conftest).
# --------------------------------------------------------------------------------------------


def _set_palette(page, scheme: str) -> None:
    """Switch the palette with the header toggle until the body carries ``scheme``."""
    for _ in range(3):
        before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        if before == scheme:
            return
        page.locator("form[data-md-component=palette] label.md-header__button:visible").first.click()
        page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') !== s", arg=before)
    current = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert current == scheme, f"palette toggle did not reach {scheme!r} (body says {current!r})"


@pytest.fixture(scope="session")
def set_palette():
    return _set_palette


# Colours are resolved and alpha-composited by the browser itself (a 1x1 canvas), so any CSS
# colour syntax works: returns [r, g, b] of ``fg`` painted over ``bg`` (and bg over white).
_COMPOSITE_JS = """
([fg, bg]) => {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext('2d', {willReadFrequently: true});
  const paint = (colors) => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = '#ffffff'; ctx.fillRect(0, 0, 1, 1);
    for (const c of colors) { ctx.fillStyle = c; ctx.fillRect(0, 0, 1, 1); }
    return Array.from(ctx.getImageData(0, 0, 1, 1).data.slice(0, 3));
  };
  return {fg: paint([bg, fg]), bg: paint([bg])};
}
"""


def _luminance(rgb) -> float:
    def channel(c: float) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(fg, bg) -> float:
    lighter, darker = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


class Colors:
    luminance = staticmethod(_luminance)
    contrast_ratio = staticmethod(contrast_ratio)

    @staticmethod
    def composite(page, fg: str, bg: str):
        result = page.evaluate(_COMPOSITE_JS, [fg, bg])
        return result["fg"], result["bg"]


@pytest.fixture(scope="session")
def colors():
    return Colors


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture(scope="session")
def project_copy_with_alias(tmp_path_factory, site_data: SiteData):
    """When the data has no aliases yet: a copy of the project in which one claim gained a former
    id, built; returns (site directory, alias, claim). Exercises the real redirect mechanism."""

    def make():
        claim = (site_data.in_section("leads") or site_data.claims)[-1]
        alias = f"former-{claim.id}"
        work = tmp_path_factory.mktemp("alias-project")
        project = work / "project"
        ignore = shutil.ignore_patterns(
            ".venv", ".git", "site", "site.old", "dist", "tests", "bench", "node_modules", ".pytest_cache",
            ".hypothesis", ".staging", ".site-build.*", "*.egg-info", "__pycache__", ".lock-venv", "build",
        )
        shutil.copytree(ROOT, project, ignore=ignore)
        path = project / "data" / "claims" / f"{claim.section}.yml"
        text = path.read_text(encoding="utf-8")
        pattern = re.compile(rf"^(?P<indent>[ \t]*)- id: {re.escape(claim.id)}[ \t]*$", re.M)
        match = pattern.search(text)
        assert match, f"cannot find '- id: {claim.id}' in {path}"
        indent = match.group("indent") + "  "
        text = text[: match.end()] + f"\n{indent}aliases: [{alias}]" + text[match.end():]
        path.write_text(text, encoding="utf-8")
        out = work / "site"
        build_site(project, out)
        return out, alias, claim

    return make
