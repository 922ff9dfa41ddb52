"""Write the Markdown the data-driven site renders, as a plain docs folder (no MkDocs build needed).

Run as a script in a child process: ``python bench/render_plain.py PROJECT OUT_DIR [--unlimited]``.
Writes ``OUT_DIR/docs/`` (every page, claim pages included, and every generated file such as the data
exports) and ``OUT_DIR/markdown_extensions.json`` (the Markdown extensions and their settings after
the adapter's ``on_config``, e.g. the glossary it hands to ``abbr``).

It drives the project's own adapter (``macros.build``) as MkDocs would, minus the HTML stage:
``on_config`` starts the engine session, ``on_files`` adds the generated pages and files, each page's
Markdown goes through Jinja with the macros ``macros.define_env`` registers (mkdocs-macros renders
with a default ``jinja2.Environment`` too), then ``on_page_markdown`` if the adapter has one. Finished
HTML the engine keeps out of the Markdown pass (``renderer.fill_slots``) is put back into the Markdown,
as a hand-written page would hold it. ``on_env`` fails on any page problem, and ``on_page_context``
sets the claim description and JSON-LD, written back as front matter. ``python -m bench`` compares
the two built sites page by page (``plain_equivalence`` in the results).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from types import SimpleNamespace


class _MacroEnv:
    """The bits of mkdocs-macros' ``env`` that ``macros.define_env`` uses."""

    def __init__(self) -> None:
        self.macros: dict = {}
        self.page = None
        self.variables: dict = {}

    def macro(self, function, name: str = ""):
        self.macros[name or function.__name__] = function
        return function


def main(project: Path, out: Path) -> int:
    import jinja2
    import yaml
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.utils.meta import get_data

    project = project.resolve()
    docs = out / "docs"
    os.chdir(project)
    sys.path.insert(0, str(project))
    config = load_config(str(project / "mkdocs.yml"))
    config.plugins._current_plugin = "hooks"  # File.generated reads it; MkDocs sets it during events

    import macros
    import macros.build as build
    from explainer import session

    build.on_config(config)
    extensions = [{name: config.mdx_configs[name]} if name in config.mdx_configs else name
                  for name in config.markdown_extensions]
    (out / "markdown_extensions.json").write_text(json.dumps(extensions, ensure_ascii=False), encoding="utf-8")
    files = build.on_files(get_files(config), config)

    env = _MacroEnv()
    macros.define_env(env)
    jinja = jinja2.Environment(undefined=jinja2.StrictUndefined)
    jinja.globals.update(env.macros)
    renderer = session.current().renderer
    fill = getattr(renderer, "fill_slots", None)
    page_markdown = getattr(build, "on_page_markdown", None)

    pages = []
    for file in files:
        target = docs / file.src_uri
        if not file.src_uri.endswith(".md"):
            if file.generated_by:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(file.content_bytes)
            continue
        body, meta = get_data(file.content_string)
        url = "" if file.url in (".", "./") else file.url  # as mkdocs.structure.pages.Page.url
        page = SimpleNamespace(url=url, file=file, meta=dict(meta), title=meta.get("title"))
        env.page = page
        markdown = jinja.from_string(body).render()
        if page_markdown is not None:
            markdown = page_markdown(markdown, page, config, files)
        pages.append((page, target, markdown))
    build.on_env(None, config, files)
    for page, target, markdown in pages:
        if fill is not None:
            markdown = fill(markdown)
        build.on_page_context({}, page, config, None)
        front = ""
        if page.meta:
            front = "---\n" + yaml.safe_dump(page.meta, allow_unicode=True, sort_keys=False, width=10**9) + "---\n\n"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(front + markdown, encoding="utf-8")
    print(len(pages))
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    if "--unlimited" in args:  # the dataset's files exceed the loader's limit (see bench/limits.py)
        args.remove("--unlimited")
        import limits

        limits.install()
    raise SystemExit(main(Path(args[0]), Path(args[1]).resolve()))
