"""The published scales: verdicts, who leads, kinds and stances, with labels, icons and definitions."""

from __future__ import annotations

# id: (label, icon, one-sentence definition). Icons are plain Unicode: no icon font, no request.
VERDICTS: dict[str, tuple[str, str, str]] = {
    "supported": ("Supported", "✔", "The best available evidence backs the claim as the article states it."),
    "partly-supported": (
        "Partly supported", "◐",
        "Part of the claim holds, or it holds only on a narrower metric than the article implies.",
    ),
    "contested": (
        "Contested", "⇄",
        "Credible sources that measure different things disagree, and we show each side.",
    ),
    "outdated": (
        "Outdated", "↻",
        "Broadly true when the article was published, but overtaken by events since.",
    ),
    "unsupported": (
        "Unsupported", "✘",
        "We found no credible evidence for the claim, or the evidence points the other way.",
    ),
    "opinion": (
        "Opinion", "❝",
        "A value judgement or forecast: we set out the arguments on each side and give no truth rating.",
    ),
}

LEADERS: dict[str, str] = {
    "china": "China",
    "us": "United States",
    "contested": "Contested",
    "neither": "Neither",
    "n/a": "Not applicable",
}

KINDS: dict[str, str] = {"fact": "Fact", "forecast": "Forecast", "opinion": "Opinion"}

STANCES: dict[str, str] = {"supports": "Supports", "contradicts": "Contradicts", "context": "Context"}

SOURCE_TYPES: dict[str, str] = {
    "government": "Government and official statistics",
    "academic": "Academic research",
    "research": "Think tanks and analysts",
    "data": "Datasets and trackers",
    "company": "Company reports and announcements",
    "analysis": "Law-firm and consultancy analysis",
    "news": "News reporting",
    "opinion": "Opinion and commentary",
}

RATINGS: dict[str, tuple[str, str]] = {
    "reliable": ("Reliable", "Accurate and independent for the facts we cite it for; may be the only support."),
    "use-with-care": (
        "Use with care",
        "Useful for context or a second view, but with an interest, a slant or a record of rewriting others' "
        "work; never the only support for a factual verdict.",
    ),
    "unreliable": ("Unreliable", "Not cited: partisan, an aggregator or re-post, or the outlet under review."),
}

PUBLISHER_KINDS: dict[str, str] = {
    "government": "Government",
    "intergovernmental": "Intergovernmental body",
    "company": "Company",
    "research-institute": "Research institute",
    "university": "University",
    "journal": "Journal",
    "preprint-server": "Preprint server",
    "data-provider": "Data provider",
    "news-agency": "News agency",
    "newspaper": "Newspaper",
    "broadcaster": "Broadcaster",
    "magazine": "Magazine",
    "trade-press": "Trade press",
    "law-firm": "Law firm",
    "consultancy": "Consultancy",
    "industry-association": "Industry association",
    "advocacy-group": "Advocacy group",
    "state-media": "State media",
    "blog": "Blog",
    "aggregator": "Aggregator",
    "partisan-outlet": "Partisan outlet",
}

TRENDS: dict[str, tuple[str, str]] = {
    "widening": ("Gap widening", "The leader has pulled further ahead since early 2025."),
    "narrowing": ("Gap narrowing", "The other side has closed some of the gap since early 2025."),
    "steady": ("Steady", "No clear change in the gap since early 2025."),
    "reversed": ("Lead changed hands", "The side that led in early 2025 no longer leads."),
}

# Rating values for schema.org ClaimReview (documented on the methodology page). Opinion has none.
RATING_VALUES: dict[str, int] = {
    "unsupported": 1,
    "outdated": 2,
    "contested": 3,
    "partly-supported": 4,
    "supported": 5,
}
