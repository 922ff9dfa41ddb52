"""The macros pages call, registered with mkdocs-macros. Each is one call into the engine's renderers.

A project lists this module as an mkdocs-macros pluglet (``modules: [explainer_mkdocs.macros]``) or
re-exports ``define_env`` from its own macros module.
"""

from __future__ import annotations

import os

from explainer import session
from explainer.urls import UnknownId


def _page(env) -> tuple[str, str]:
    page = getattr(env, "page", None)
    url = page.url if page is not None else ""
    src = page.file.src_path if page is not None else "?"
    return url, src


def _guarded(env, name: str, call):
    """Call ``call(*args, page_url)``; an unknown id becomes a located build problem, not a traceback."""

    def macro(*args):
        try:
            return call(*args, _page(env)[0])
        except UnknownId as exc:
            from explainer_mkdocs.build import record_macro_problem

            record_macro_problem(env, name, args, str(exc))
            return f'<p class="ax-error">Unknown id in {name}(): {exc}</p>'

    return macro


def _r():
    return session.current().renderer


# name -> (docstring, function of (*args, page_url)). The docstring is what the contributing page lists.
MACROS = {
    "section_intro": ("A section's heading, intro, verdict tally and classroom links: ``{{ section_intro('leads') }}``",
                      lambda sid, url: _r().overview.section_intro(sid, url)),
    "section_claims": ("Every claim of a section as compact cards (rows past 30): ``{{ section_claims('leads') }}``",
                       lambda sid, url: _r().cards.section_claims(sid, url)),
    "discussion_questions": ("A section's questions for a class: ``{{ discussion_questions('leads') }}``",
                             lambda sid, url: _r().classroom.discussion_questions(sid)),
    "all_questions": ("Every section's questions (the educators' page): ``{{ all_questions() }}``",
                      lambda url: _r().classroom.all_questions(url)),
    "claim_card": ("One claim's full card: ``{{ claim_card('drones-consumer-market') }}``",
                   lambda cid, url: _r().cards.claim_card(cid, url)),
    "claim_page": ("The body of a claim's own page (used by the generated pages): ``{{ claim_page('id') }}``",
                   lambda cid, url: _r().cards.claim_card(cid, url)),
    "claim_explorer": ("Every claim, filterable (the generated /claims/ page): ``{{ claim_explorer() }}``",
                       lambda url: _r().explorer.claim_explorer(url)),
    "quiz": ("A section's quiz (the generated /quiz/<section>/ pages): ``{{ quiz('leads') }}``",
             lambda sid, url: _r().classroom.quiz(sid, url)),
    "handout": ("A section's printable handout (the generated /handouts/<section>/ pages): ``{{ handout('leads') }}``",
                lambda sid, url: _r().classroom.handout(sid, url)),
    "answer": ("One paragraph answering the article's question from the lead map: ``{{ answer() }}``",
               lambda url: _r().overview.answer()),
    "lead_map": ("Who leads each domain now and at publication (home page): ``{{ lead_map() }}``",
                 lambda url: _r().overview.lead_map(url)),
    "tally": ("The verdict tally of every claim: ``{{ tally() }}``", lambda url: _r().overview.tally()),
    "recent_changes": ("The newest developments since publication: ``{{ recent_changes() }}``",
                       lambda url: _r().overview.recent_changes(url)),
    "article_box": ("What is known of the annotated article: ``{{ article_box() }}``",
                    lambda url: _r().overview.article_box()),
    "sources_list": ("Every source, grouped by type: ``{{ sources_list() }}``", lambda url: _r().reference.sources_list(url)),
    "glossary_list": ("The glossary: ``{{ glossary_list() }}``", lambda url: _r().reference.glossary_list(url)),
    "figure": ("One chart: ``{{ figure('notable-models-by-country') }}``", lambda fid, url: _r().charts.figure(fid, url)),
    "all_figures": ("Every chart: ``{{ all_figures() }}``", lambda url: _r().charts.all_figures(url)),
    "verdict_scale": ("The verdict scale: ``{{ verdict_scale() }}``", lambda url: _r().reference.verdict_scale()),
    "publisher_ratings": ("Every registered publisher with its kind, rating and reason: ``{{ publisher_ratings() }}``",
                          lambda url: _r().reference.publisher_ratings()),
    "dataset_citation": ("How to cite the data, with its year and address: ``{{ dataset_citation() }}``",
                         lambda url: _r().reference.dataset_citation(url)),
    "corrections_log": ("Every correction, newest first: ``{{ corrections_log() }}``",
                        lambda url: _r().reference.corrections_log(url)),
    "problem_codes": ("The table of problem codes (contributing page): ``{{ problem_codes() }}``",
                      lambda url: _r().reference.problem_codes()),
}


def _offline_copy(url: str) -> str:
    path = os.environ.get("EXPLAINER_OFFLINE_ZIP")
    if path and os.path.isfile(path):
        name = os.path.basename(path)
        size = os.path.getsize(path) / 1_000_000
        return f"[Download the offline copy (zip, {size:.1f} MB)](downloads/{name}){{ .md-button }}"
    return "*The offline copy is added to the site by `make site`; this preview was built without it.*"


def _stats() -> dict:
    ds = session.current().dataset
    return {"claims": len(ds.claims), "sources": len(ds.sources), "terms": len(ds.terms),
            "figures": len(ds.figures), "sections": len(ds.sections), "domains": len(ds.domains)}


def define_env(env) -> None:
    for name, (doc, call) in MACROS.items():
        macro = _guarded(env, name, call)
        macro.__name__, macro.__doc__ = name, doc
        env.macro(macro, name)
    offline = _guarded(env, "offline_copy", _offline_copy)
    offline.__doc__ = "A link to the offline zip when the build has one (``make site``), else how to get it."
    env.macro(offline, "offline_copy")
    _stats.__doc__ = "Counts for prose: ``{{ stats().claims }}`` claims, ``{{ stats().sources }}`` sources."
    env.macro(_stats, "stats")
