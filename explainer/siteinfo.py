"""What a site says about itself (name, author line, licence): read from the site's config, never built in."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SiteInfo:
    name: str
    author: str = ""
    licence: str = ""
    licence_url: str = ""

    @property
    def credit(self) -> str:
        """Who to credit in a citation: the author line, else the site's name."""
        return self.author or self.name
