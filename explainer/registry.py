"""The publisher registry: which publisher a URL belongs to (its host, or the nearest parent domain)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from explainer.model import Publisher


_SIMPLE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://([A-Za-z0-9.-]+)(?:[:/?#]|$)")


def host_of(url: str) -> str:
    """The URL's host in lower case, without a leading ``www.`` (a fast path for the plain form)."""
    simple = _SIMPLE.match(url)
    host = (simple.group(1) if simple else (urlsplit(url).hostname or "")).lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


class Registry:
    """Publishers by domain; a host matches its own domain or the longest registered parent domain."""

    def __init__(self, publishers: list[Publisher]):
        self.by_domain: dict[str, Publisher] = {}
        for publisher in publishers:
            for domain in publisher.domains:
                self.by_domain.setdefault(domain.lower(), publisher)

    def for_host(self, host: str) -> Publisher | None:
        parts = host.split(".")
        for start in range(len(parts) - 1):
            found = self.by_domain.get(".".join(parts[start:]))
            if found is not None:
                return found
        return None

    def for_url(self, url: str) -> Publisher | None:
        return self.for_host(host_of(url))
