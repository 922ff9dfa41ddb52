"""``explainer links``: request every source URL and report broken or moved links as problems.

Each URL is fetched once (GET, redirects followed, the body not read). A URL that answers 4xx/5xx, does
not answer within the timeout or cannot be reached is ``link-broken`` (an error); one that ends at a
different address after a permanent redirect (301 or 308) is ``link-moved`` (a warning naming the new
address, so the record can be updated).
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from explainer.dataset import Dataset
from explainer.model import Source
from explainer.problems import WARNING, Problem, sort_problems

USER_AGENT = "explainer-links/1 (checks that cited sources are still online)"
PERMANENT = (301, 308)


@dataclass
class Outcome:
    """What one request found: the final status and address, the redirects on the way, or an error."""

    status: int | None = None
    final_url: str | None = None
    redirects: list[int] = field(default_factory=list)
    error: str | None = None


class _Recorder(urllib.request.HTTPRedirectHandler):
    def __init__(self, outcome: Outcome):
        self.outcome = outcome

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        self.outcome.redirects.append(code)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, timeout: float) -> Outcome:
    outcome = Outcome()
    opener = urllib.request.build_opener(_Recorder(outcome))
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with opener.open(request, timeout=timeout) as response:
            outcome.status, outcome.final_url = response.status, response.geturl()
    except urllib.error.HTTPError as exc:
        outcome.status, outcome.final_url = exc.code, exc.geturl()
    except (socket.timeout, TimeoutError):
        outcome.error = f"no answer within {timeout:g} s"
    except urllib.error.URLError as exc:
        reason = exc.reason
        timed_out = isinstance(reason, (socket.timeout, TimeoutError))
        outcome.error = f"no answer within {timeout:g} s" if timed_out else f"cannot connect ({reason})"
    except (OSError, ValueError) as exc:
        outcome.error = f"cannot connect ({exc})"
    return outcome


def judge(source: Source, outcome: Outcome) -> Problem | None:
    """The problem one outcome means for its source, or None when the link is fine."""
    subject, line = f"source '{source.id}'", source.line_of("url")
    hint = "; an archive copy is recorded" if source.archive else ""
    if outcome.error:
        return Problem(source.path, line, subject, f"{outcome.error} for {source.url}{hint}", "link-broken")
    if outcome.status is not None and outcome.status >= 400:
        return Problem(source.path, line, subject, f"HTTP {outcome.status} for {source.url}{hint}", "link-broken")
    moved = outcome.final_url and outcome.final_url != source.url and any(c in PERMANENT for c in outcome.redirects)
    if moved:
        return Problem(
            source.path, line, subject, f"{source.url} has moved to {outcome.final_url}; update the url",
            "link-moved", WARNING,
        )
    return None


def check_links(ds: Dataset, concurrency: int = 8, timeout: float = 20.0) -> list[Problem]:
    sources = list(ds.sources.values())
    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        outcomes = list(pool.map(lambda s: fetch(s.url, timeout), sources))
    found = [judge(source, outcome) for source, outcome in zip(sources, outcomes)]
    return sort_problems([p for p in found if p is not None])
