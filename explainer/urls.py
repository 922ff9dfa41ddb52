"""Relative URLs between the site's pages, so the site also works opened from disk."""

from __future__ import annotations


class UnknownId(LookupError):
    """A page asked for a record that does not exist."""


class Links:
    """Relative URLs from one page to the others."""

    def __init__(self, page_url: str, dir_urls: bool = True):
        self.root = "../" * page_url.count("/")
        self.dir_urls = dir_urls

    def page(self, name: str, anchor: str | None = None) -> str:
        if name in ("", "index"):
            target = "" if self.dir_urls else "index.html"
        else:
            target = f"{name}/" if self.dir_urls else f"{name}.html"
        url = f"{self.root}{target}" or "./"
        return f"{url}#{anchor}" if anchor else url

    def claim(self, claim_id: str) -> str:
        return self.page(f"claims/{claim_id}")

    def source(self, source_id: str) -> str:
        return self.page("sources", f"src-{source_id}")

    def explorer(self, query: str = "") -> str:
        base = self.page("claims") if self.dir_urls else self.page("claims/index")
        return f"{base}?{query}" if query else base
