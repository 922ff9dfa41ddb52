"""For the classroom: discussion questions, a quiz per section and a printable handout per section."""

from __future__ import annotations

from explainer import scale
from explainer.context import RenderContext
from explainer.dataset import claim_source_ids
from explainer.markup import markdown_escape

HANDOUT_SOURCES = 2


class Classroom:
    def __init__(self, ctx: RenderContext):
        self.ctx = ctx

    def discussion_questions(self, section_id: str) -> str:
        return self.ctx.render("questions.html", section=self.ctx.section(section_id))

    def all_questions(self, page_url: str) -> str:
        """Every section's discussion questions under a heading, with links to its quiz and handout."""
        links = self.ctx.links(page_url)
        parts = []
        for section in self.ctx.ds.sections:
            parts.append(
                f"### {markdown_escape(section.title)} {{ #questions-{section.id} }}\n\n"
                + self.discussion_questions(section.id)
                + f'\n<p><a href="{links.page(section.id)}">Read the section</a> · '
                f'<a href="{links.page("quiz/" + section.id)}">Quiz</a> · '
                f'<a href="{links.page("handouts/" + section.id)}">Printable handout</a></p>\n'
            )
        return "\n".join(parts)

    def quiz(self, section_id: str, page_url: str) -> str:
        """Each claim of a section as a question: the article's words, pick a verdict, see ours."""
        ctx = self.ctx
        section = ctx.section(section_id)
        links = ctx.links(page_url)
        items = [
            {"claim": c, "verdict": ctx.verdict(c.verdict), "href": links.claim(c.id), "n": i}
            for i, c in enumerate(ctx.ds.claims_in(section_id), 1)
        ]
        choices = [ctx.verdict(v) for v in scale.VERDICTS]
        return (
            f"# Quiz: {markdown_escape(section.title)}\n\n"
            + ctx.slot(ctx.render("quiz.html", section=section, items=items, choices=choices,
                                  section_href=links.page(section.id)).strip()) + "\n"
        )

    def _key_sources(self, claim) -> list:
        """The sources a handout prints for a claim: evidence first, reliable publishers first."""
        ids = [sid for sid in claim_source_ids(claim) if sid in self.ctx.ds.sources]
        evidence = [e.source for e in claim.evidence if e.source in self.ctx.ds.sources]
        ordered = list(dict.fromkeys(evidence + ids))

        def rank(sid: str) -> int:
            publisher = self.ctx.ds.publisher_of(self.ctx.ds.sources[sid])
            return 0 if publisher is not None and publisher.rating == "reliable" else 1

        return [self.ctx.ds.sources[sid] for sid in sorted(ordered, key=rank)[:HANDOUT_SOURCES]]

    def handout(self, section_id: str, page_url: str) -> str:
        """A print-first page: each claim's words, verdict, conclusion and two key sources; the questions."""
        ctx = self.ctx
        section = ctx.section(section_id)
        links = ctx.links(page_url)
        items = [
            {"claim": c, "verdict": ctx.verdict(c.verdict), "leader": scale.LEADERS[c.leader],
             "href": links.claim(c.id), "sources": self._key_sources(c)}
            for c in ctx.ds.claims_in(section_id)
        ]
        return (
            f"# Handout: {markdown_escape(section.title)}\n\n"
            + ctx.slot(ctx.render("handout.html", section=section, items=items, article=ctx.ds.article,
                                  article_date=ctx.article_date(), section_href=links.page(section.id)).strip())
            + "\n"
        )
