"""What the hooks do, each step a call into the engine. Imported afresh on every build."""

from __future__ import annotations

import html
import logging
import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from explainer import session
from explainer.cite import page_bibtex, page_citation, tasl_line
from explainer.export import render_exports
from explainer.jsonld import claim_review, script_json
from explainer.problems import Problem, display_path, sort_problems
from explainer.siteinfo import SiteInfo

log = logging.getLogger("mkdocs.plugins.explainer")


def _project(config) -> Path:
    return Path(os.path.dirname(os.path.abspath(config.config_file_path)))


def _fail_on(problems: list[Problem], what: str, hint: str = "") -> None:
    errors = [p for p in problems if p.is_error]
    for problem in problems:
        (log.error if problem.is_error else log.warning)(problem.format())
    if errors:
        noun = "problem" if len(errors) == 1 else "problems"
        raise PluginError(f"{len(errors)} {noun} {what}; fix them and build again{hint}")


OFFLINE_SHIM = "assets/vendor/iframe-worker/shim.js"
OFFLINE_ZIP_URI = "downloads/ai-race-annotated-offline.zip"


def on_config(config):
    project = _project(config)
    extra = config.extra or {}
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    if offline is not None and offline.config.enabled:
        # Search from file:// needs the iframe-worker shim; ship our vendored copy so the offline
        # plugin does not add its unpkg.com URL (no third-party request, even offline).
        extra["polyfills"] = [OFFLINE_SHIM]
        config.use_directory_urls = False  # what the offline plugin sets later; our links must agree
    s = session.start(
        project / extra.get("data_dir", "data"),
        project / "templates",
        site=SiteInfo(
            name=config.site_name, author=config.site_author or "",
            licence=extra.get("licence", ""), licence_url=extra.get("licence_url", ""),
        ),
        dir_urls=config.use_directory_urls,
        edit_url=extra.get("edit_data_url") or (f"{config.repo_url.rstrip('/')}/blob/main" if config.repo_url else None),
    )
    _fail_on(s.problems, "in the data", " (`make check` lists them in under a second)")
    # Glossary terms explain themselves on hover on every page (Markdown's abbr extension).
    config.mdx_configs.setdefault("abbr", {})["glossary"] = s.renderer.glossary()
    return config


def _redirect_html(target: str, title: str) -> str:
    from html import escape

    t = escape(target, quote=True)
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>Moved: {escape(title)}</title>"
        f"<link rel=\"canonical\" href=\"{t}\"><meta name=\"robots\" content=\"noindex\">"
        f"<meta http-equiv=\"refresh\" content=\"0; url={t}\">"
        f"<script>location.replace({script_json(target)}+location.hash)</script>"
        f"</head><body><p>This claim has moved to <a href=\"{t}\">{escape(title)}</a>.</p></body></html>\n"
    )


def on_files(files, config):
    """Add a page per claim (/claims/<id>/) and a redirect per former id (alias)."""
    ds = session.current().dataset
    for claim in ds.claims:
        files.append(File.generated(
            config, f"claims/{claim.id}.md", content=f"{{{{ claim_page('{claim.id}') }}}}\n",
            inclusion=InclusionLevel.NOT_IN_NAV,  # linked from every card; listing them in the nav would bury it
        ))
        for alias in claim.aliases:
            if config.use_directory_urls:
                src, target = f"claims/{alias}/index.html", f"../{claim.id}/"
            else:
                src, target = f"claims/{alias}.html", f"{claim.id}.html"
            files.append(File.generated(config, src, content=_redirect_html(target, claim.title)))
    # The offline copy, when `make site` built one (EXPLAINER_OFFLINE_ZIP names the archive).
    offline_zip = os.environ.get("EXPLAINER_OFFLINE_ZIP")
    if offline_zip and os.path.isfile(offline_zip):
        files.append(File.generated(config, OFFLINE_ZIP_URI, abs_src_path=offline_zip))
    # The data exports, as site files, so pages can link them and MkDocs checks the links.
    for name, text in render_exports(ds, base_url="/").items():
        files.append(File.generated(config, f"data/{name}", content=text))
    return files


def on_page_content(content, page, config, files):
    """Keep data-derived page titles escaped in <title>.

    A title taken from a page's h1 (claim and section titles come from data) is HTML-escaped text, but
    Material prints it through ``striptags``, which unescapes it again. Setting ``meta.title`` to the
    escaped text makes Material print it as it is.
    """
    if "title" not in page.meta and page.title:
        page.meta["title"] = page.title
    return session.current().renderer.fill_slots(content)


def record_macro_problem(env, name: str, args: tuple, message: str) -> None:
    page = getattr(env, "page", None)
    path, line = "docs/?", 1
    if page is not None and page.file.abs_src_path:
        path = display_path(page.file.abs_src_path)
        try:
            text = Path(page.file.abs_src_path).read_text(encoding="utf-8")
            needle = str(args[0]) if args else name
            for number, content in enumerate(text.splitlines(), 1):
                if name in content and needle in content:
                    line = number
                    break
        except OSError:
            pass
    elif page is not None:
        path = f"docs/{page.file.src_uri} (generated)"
    session.current().page_problems.append(
        Problem(path, line, f"{name}({', '.join(repr(a) for a in args)})", message, "unknown-macro-id")
    )


def on_env(env, config, files):
    """All Markdown is rendered by now: fail once, with every page problem, before writing HTML."""
    s = session.current()
    problems = list(s.page_problems)
    missing = [c for c in s.dataset.claims if c.id not in s.renderer.rendered]
    for claim in missing:
        problems.append(Problem(claim.path, claim.line, f"claim '{claim.id}'", "is not shown on any section page", "not-rendered"))
    _fail_on(sort_problems(problems), "on the pages")
    return env


def on_page_context(context, page, config, nav):
    """Description meta on every page; one ClaimReview JSON-LD block on each claim page."""
    s = session.current()
    uri = page.file.src_uri
    # Material prints page.meta.description into an attribute without escaping it: escape it here.
    if isinstance(page.meta.get("description"), str) and not page.meta.get("_ax_escaped"):
        page.meta["description"] = html.escape(page.meta["description"], quote=True)
        page.meta["_ax_escaped"] = True
    section = s.dataset.section(uri[:-3]) if uri.endswith(".md") else None
    if section is not None and s.renderer.edit_url:
        # A section page's text lives in data/claims/<section>.yml: "edit this page" leads there.
        claims = s.dataset.claims_in(section.id)
        if claims:
            page.edit_url = s.renderer.edit_link(claims[0].path, 1)
    if not page.is_homepage and not uri.startswith("claims/"):
        # "Cite or reuse this page" (overrides/partials/ax-cite-page.html), written by the engine so it
        # is escaped like every other citation; explainer.js swaps the page's URL for its address.
        title = html.unescape(re.sub(r"<[^>]+>", "", page.title or config.site_name))
        site = s.renderer.site
        page.meta["ax_cite"] = {
            "self": page.url, "citation": page_citation(title, site, page.url),
            "bibtex": page_bibtex(title, site, page.url), "tasl": tasl_line(title, site, page.url),
            "licence": site.licence,
        }
    if uri.startswith("claims/") and uri.endswith(".md"):
        claim = s.dataset.claim(uri[len("claims/"):-3])
        if claim is not None:
            # Material's edit button would point at a generated page: point it at the YAML record instead.
            page.edit_url = s.renderer.edit_link(claim.path, claim.line)
            url = (config.site_url or "/").rstrip("/") + "/" + page.url
            page.meta["description"] = html.escape(s.renderer.claim_description(claim.id), quote=True)
            page.meta["_ax_escaped"] = True
            page.meta["ax_jsonld"] = script_json(claim_review(claim, s.dataset.article, s.renderer.site, url))
    return context

