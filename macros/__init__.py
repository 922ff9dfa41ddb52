"""mkdocs-macros adapter: registers the macros docs pages call. No logic lives here.

Every macro reads the build session that ``macros/hooks.py`` starts in ``on_config``; all the work is
done by the engine (``explainer``). A macro called with an id that does not exist records a problem
(reported with the page's path and line when the build ends) instead of raising a traceback.
"""

from __future__ import annotations

from explainer import session as _session
from explainer.render import UnknownId


def _page(env) -> tuple[str, str]:
    page = getattr(env, "page", None)
    url = page.url if page is not None else ""
    src = page.file.src_path if page is not None else "?"
    return url, src


def _safe(env, name: str, call, *args):
    url, src = _page(env)
    try:
        return call(*args, url) if url is not None else call(*args, "")
    except UnknownId as exc:
        from macros.build import record_macro_problem

        record_macro_problem(env, name, args, str(exc))
        return f'<p class="ax-error">Unknown id in {name}(): {exc}</p>'


def define_env(env) -> None:
    """Register the macros (see README, "Macros")."""

    def r():
        return _session.current().renderer

    @env.macro
    def section_intro(section_id: str) -> str:
        """The section's intro and verdict tally: ``{{ section_intro('leads') }}``"""
        return _safe(env, "section_intro", lambda sid, url: r().section_intro(sid), section_id)

    @env.macro
    def section_claims(section_id: str) -> str:
        """Every claim card of a section, in order: ``{{ section_claims('leads') }}``"""
        return _safe(env, "section_claims", r().section_claims, section_id)

    @env.macro
    def discussion_questions(section_id: str) -> str:
        """The section's questions for a class: ``{{ discussion_questions('leads') }}``"""
        return _safe(env, "discussion_questions", lambda sid, url: r().discussion_questions(sid), section_id)

    @env.macro
    def all_questions() -> str:
        """Every section's discussion questions (educators' page): ``{{ all_questions() }}``"""
        return r().all_questions(_page(env)[0])

    @env.macro
    def claim_card(claim_id: str) -> str:
        """One claim card: ``{{ claim_card('drones-consumer-market') }}``"""
        return _safe(env, "claim_card", r().claim_card, claim_id)

    @env.macro
    def claim_page(claim_id: str) -> str:
        """A claim's own page body (used by the generated /claims/<id>/ pages)."""
        return _safe(env, "claim_page", lambda cid, url: r().claim_card(cid, url, standalone=True), claim_id)

    @env.macro
    def scoreboard() -> str:
        """The home-page table of every claim and verdict: ``{{ scoreboard() }}``"""
        return r().scoreboard(_page(env)[0])

    @env.macro
    def recent_changes(limit: int = 8) -> str:
        """The newest developments since publication: ``{{ recent_changes() }}``"""
        return r().recent_changes(_page(env)[0], limit)

    @env.macro
    def sources_list() -> str:
        """All sources grouped by type, each with the claims citing it: ``{{ sources_list() }}``"""
        return r().sources_list(_page(env)[0])

    @env.macro
    def glossary_list() -> str:
        """The glossary: ``{{ glossary_list() }}``"""
        return r().glossary_list(_page(env)[0])

    @env.macro
    def figure(figure_id: str) -> str:
        """A chart drawn at build time as inline SVG, with its data table: ``{{ figure('notable-models') }}``"""
        return _safe(env, "figure", r().figure, figure_id)

    @env.macro
    def all_figures() -> str:
        """Every chart in data/figures.yml: ``{{ all_figures() }}``"""
        return r().all_figures(_page(env)[0])

    @env.macro
    def verdict_scale() -> str:
        """The published verdict scale: ``{{ verdict_scale() }}``"""
        return r().verdict_scale()

    @env.macro
    def dataset_citation() -> str:
        """How to cite the data, with its year and address: ``{{ dataset_citation() }}``"""
        return r().dataset_citation(_page(env)[0])

    @env.macro
    def publisher_ratings() -> str:
        """Every registered publisher with its kind, rating and reason: ``{{ publisher_ratings() }}``"""
        return r().publisher_ratings()

    @env.macro
    def corrections_log() -> str:
        """Every correction, newest first: ``{{ corrections_log() }}``"""
        return r().corrections_log(_page(env)[0])

    @env.macro
    def article_box() -> str:
        """What is known of the article being annotated: ``{{ article_box() }}``"""
        return r().article_box()

    @env.macro
    def problem_codes() -> str:
        """The table of problem codes (contributing page): ``{{ problem_codes() }}``"""
        return r().problem_codes()

    @env.macro
    def offline_copy() -> str:
        """A link to the offline zip when the build has one (``make site``), else how to get it."""
        import os

        path = os.environ.get("EXPLAINER_OFFLINE_ZIP")
        if path and os.path.isfile(path):
            size = os.path.getsize(path) / 1_000_000
            return f"[Download the offline copy (zip, {size:.1f} MB)](downloads/ai-race-annotated-offline.zip){{ .md-button }}"
        return "*The offline copy is added to the site by `make site`; this preview was built without it.*"

    @env.macro
    def stats() -> dict:
        """Counts for prose: ``{{ stats().claims }}`` claims, ``{{ stats().sources }}`` sources."""
        ds = _session.current().dataset
        return {"claims": len(ds.claims), "sources": len(ds.sources), "terms": len(ds.terms),
                "figures": len(ds.figures), "sections": len(ds.sections)}
