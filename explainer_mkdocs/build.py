"""What the plugin does at each MkDocs event, each step a call into the engine. Imported afresh per build."""

from __future__ import annotations

import html
import logging
import os
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from explainer import session
from explainer.cite import page_bibtex, page_citation, tasl_line
from explainer.export import render_exports
from explainer.jsonld import claim_review, script_json
from explainer.pages import generated_pages, macro_call_line, unrendered_claims
from explainer.problems import Problem, display_path, sort_problems
from explainer.siteinfo import SiteInfo

from explainer_mkdocs import search

log = logging.getLogger("mkdocs.plugins.explainer")
HERE = Path(__file__).resolve().parent
THEME = HERE / "theme"
ASSETS = HERE / "assets"
CSS, JS = "assets/explainer.css", "assets/explainer.js"
OFFLINE_SHIM = "assets/vendor/iframe-worker/shim.js"


def _fail_on(problems: list[Problem], what: str, hint: str = "") -> None:
    errors = [p for p in problems if p.is_error]
    for problem in problems:
        (log.error if problem.is_error else log.warning)(problem.format())
    if errors:
        noun = "problem" if len(errors) == 1 else "problems"
        raise PluginError(f"{len(errors)} {noun} {what}; fix them and build again{hint}")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "explainer"


def offline_zip_uri(config: MkDocsConfig, options) -> str:
    return f"downloads/{options.offline_zip or _slug(config.site_name) + '-offline.zip'}"


def _theme_and_assets(config: MkDocsConfig) -> None:
    """Our theme overrides sit under the project's own (if any) and over Material's; our CSS and JS load last."""
    dirs = config.theme.dirs
    if str(THEME) not in dirs:
        custom = getattr(config.theme, "custom_dir", None)
        dirs.insert(1 if custom else 0, str(THEME))
    if CSS not in config.extra_css:
        config.extra_css.append(CSS)
    if JS not in [str(s) for s in config.extra_javascript]:
        script = ExtraScriptValue(JS)
        script.defer = True
        config.extra_javascript.append(script)


def on_config(config: MkDocsConfig, options):
    project = Path(os.path.dirname(os.path.abspath(config.config_file_path)))
    extra = config.extra or {}
    _theme_and_assets(config)
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    if offline is not None and offline.config.enabled:
        # Search from file:// needs the iframe-worker shim; ship our vendored copy so the offline
        # plugin does not add its unpkg.com URL (no third-party request, even offline).
        extra["polyfills"] = [OFFLINE_SHIM]
        config.use_directory_urls = False  # what the offline plugin sets later; our links must agree
    extra["ax_search_url"] = search.page_url(config) if search.active(config, options) else None
    edit = options.edit_data_url or (f"{config.repo_url.rstrip('/')}/blob/{extra.get('repo_branch', 'main')}" if config.repo_url else None)
    s = session.start(
        project / options.data_dir,
        (project / options.templates_dir) if options.templates_dir else None,
        site=SiteInfo(name=config.site_name, author=config.site_author or "",
                      licence=extra.get("licence", ""), licence_url=extra.get("licence_url", "")),
        dir_urls=config.use_directory_urls, edit_url=edit,
    )
    _fail_on(s.problems, "in the data", " (`explainer check` lists them in under a second)")
    # Glossary terms explain themselves on hover on every page (Markdown's abbr extension).
    config.mdx_configs.setdefault("abbr", {})["glossary"] = s.renderer.glossary()
    return config


def on_files(files, config: MkDocsConfig, options):
    """Add the generated pages, our assets, the data exports and (from `make site`) the offline copy."""
    ds = session.current().dataset
    for page in generated_pages(ds, config.use_directory_urls):
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page.path, content=page.content, inclusion=inclusion))
    for path in sorted(ASSETS.rglob("*")):
        uri = "assets/" + path.relative_to(ASSETS).as_posix()
        if path.is_file() and files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, abs_src_path=str(path)))
    offline_zip = os.environ.get("EXPLAINER_OFFLINE_ZIP")
    if offline_zip and os.path.isfile(offline_zip):
        files.append(File.generated(config, offline_zip_uri(config, options), abs_src_path=offline_zip))
    for name, text in render_exports(ds, base_url="/").items():
        files.append(File.generated(config, f"data/{name}", content=text))
    if search.active(config, options):
        files.append(File.generated(config, search.PAGE, content=search.PAGE_TEXT, inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def on_page_content(content, page, config, files):
    """Keep data-derived page titles escaped in <title>, and put finished HTML back into the page.

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
            line = macro_call_line(text, name, str(args[0]) if args else None)
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
    problems = list(s.page_problems) + unrendered_claims(s.dataset, s.renderer.rendered)
    _fail_on(sort_problems(problems), "on the pages")
    return env


def _escape_description(page) -> None:
    # Material prints page.meta.description into an attribute without escaping it: escape it once.
    if isinstance(page.meta.get("description"), str) and not page.meta.get("_ax_escaped"):
        page.meta["description"] = html.escape(page.meta["description"], quote=True)
        page.meta["_ax_escaped"] = True


def _page_cite(page, config, renderer) -> dict:
    """"Cite or reuse this page", written by the engine (escaped like every citation)."""
    title = html.unescape(re.sub(r"<[^>]+>", "", page.title or config.site_name))
    site = renderer.site
    return {"self": page.url, "citation": page_citation(title, site, page.url),
            "bibtex": page_bibtex(title, site, page.url), "tasl": tasl_line(title, site, page.url),
            "licence": site.licence}


def on_page_context(context, page, config, nav):
    """Description meta, edit links to the YAML behind a page, the page citation, ClaimReview JSON-LD."""
    s = session.current()
    uri = page.file.src_uri
    _escape_description(page)
    section = s.dataset.section(uri[:-3]) if uri.endswith(".md") else None
    if section is not None and s.renderer.edit_link("x", 1):
        claims = s.dataset.claims_in(section.id)
        if claims:  # a section page's text lives in its claims file
            page.edit_url = s.renderer.edit_link(claims[0].path, 1)
    claim = s.dataset.claim(uri[len("claims/"):-3]) if uri.startswith("claims/") and uri.endswith(".md") else None
    if claim is None and not page.is_homepage and not page.meta.get("ax_search"):  # nothing to cite on the search page
        page.meta["ax_cite"] = _page_cite(page, config, s.renderer)
    if claim is not None:
        page.edit_url = s.renderer.edit_link(claim.path, claim.line)
        url = (config.site_url or "/").rstrip("/") + "/" + page.url
        page.meta["description"] = html.escape(s.renderer.claim_description(claim.id), quote=True)
        page.meta["_ax_escaped"] = True
        page.meta["ax_jsonld"] = script_json(claim_review(claim, s.dataset.article, s.renderer.site, url))
    return context


def on_post_build(config, options, serving: bool = False):
    """Index the finished site for the online search page (beside the reload when serving)."""
    if search.active(config, options):
        search.build_index(config.site_dir, wait=not serving)
