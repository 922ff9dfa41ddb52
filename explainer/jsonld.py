"""schema.org ClaimReview for a claim page, serialised so no text can close the script element."""

from __future__ import annotations

import json

from explainer import scale
from explainer.markup import plain_text
from explainer.model import Article, Claim
from explainer.siteinfo import SiteInfo


def claim_review(claim: Claim, article: Article | None, site: SiteInfo, url: str) -> dict:
    label, _, _ = scale.VERDICTS[claim.verdict]
    rating: dict = {"@type": "Rating", "alternateName": label, "name": label}
    if claim.verdict in scale.RATING_VALUES:
        rating.update(
            ratingValue=scale.RATING_VALUES[claim.verdict], bestRating=5, worstRating=1,
            ratingExplanation=plain_text(claim.conclusion),
        )
    item: dict = {"@type": "Claim", "name": claim.quote}
    if article is not None:
        work: dict = {
            "@type": "OpinionNewsArticle", "headline": article.title, "url": article.url,
            "publisher": {"@type": "Organization", "name": article.outlet},
        }
        if not article.date_estimated:
            work["datePublished"] = article.date
        if article.author:
            work["author"] = {"@type": "Person", "name": article.author}
        item["appearance"] = work
        item["firstAppearance"] = work
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": plain_text(claim.claim),
        "reviewRating": rating,
        "itemReviewed": item,
        "author": {"@type": "Organization", "name": site.credit},
        "publisher": {"@type": "Organization", "name": site.name},
        "datePublished": claim.as_of,
        "dateModified": claim.reviewed,
        "headline": claim.title,
    }
    if site.licence_url:
        review["license"] = site.licence_url
    return review


def script_json(data: dict) -> str:
    """JSON for inside <script>: '<', '>', '&' and line separators escaped, so '</script>' cannot appear."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )
