"""The maintainer command line: ``explainer <command>`` (also ``python -m explainer``).

Exit codes: 0 clean, 1 the data has errors (or ``stale`` found something), 2 usage error.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from pathlib import Path



def _default_data() -> Path:
    return Path("data")


def cmd_check(args: argparse.Namespace) -> int:
    from explainer.load import load_and_check
    from explainer.problems import has_errors, report

    _, problems = load_and_check(args.data)
    if args.json:
        json.dump([p.as_dict() for p in problems], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        report(problems, sys.stdout)
    return 1 if has_errors(problems) else 0


def cmd_schema(args: argparse.Namespace) -> int:
    from explainer.schema import write_schemas

    for path in write_schemas(args.out):
        print(path)
    return 0


def _valid_dataset(args: argparse.Namespace):
    """The checked dataset, or None after printing its errors (commands that need clean data)."""
    from explainer.load import load_and_check
    from explainer.problems import has_errors, report

    dataset, problems = load_and_check(args.data)
    if has_errors(problems):
        report(problems, sys.stderr)
        return None
    return dataset


def cmd_links(args: argparse.Namespace) -> int:
    from explainer.linkcheck import check_links
    from explainer.problems import has_errors, report

    dataset = _valid_dataset(args)
    if dataset is None:
        return 1
    found = check_links(dataset, concurrency=args.concurrency, timeout=args.timeout)
    report(found, sys.stdout)
    return 1 if has_errors(found) else 0


def cmd_stale(args: argparse.Namespace) -> int:
    from explainer.stale import find_stale

    dataset = _valid_dataset(args)
    if dataset is None:
        return 1
    found = find_stale(dataset, args.days)
    for item in found:
        print(item.format())
    if found:
        print(f"{len(found)} {'item was' if len(found) == 1 else 'items were'} not reviewed in the last {args.days} days.")
    return 1 if found else 0


def cmd_export(args: argparse.Namespace) -> int:
    from explainer.export import write_exports

    dataset = _valid_dataset(args)
    if dataset is None:
        return 1
    formats = [args.format] if args.format != "all" else None
    for path in write_exports(dataset, args.out, formats=formats, base_url=args.base_url):
        print(path)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from explainer.scaffold import new_claim, new_source

    try:
        if args.what == "claim":
            path, line = new_claim(args.data, args.section, args.id, after=args.after)
        else:
            path, line = new_source(args.data, args.id)
    except ValueError as exc:
        print(f"explainer new: {exc}", file=sys.stderr)
        return 2
    print(f"{path}:{line}: added a skeleton {args.what} '{args.id}'; fill in the fields marked TODO")
    if args.what == "claim" and not args.after:
        print("It is at the end of the file; claims are shown in file order, so move it to its place in the "
              "article's reading order (or use --after ID next time).")
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    from explainer.starter import InitError, init_project

    try:
        written = init_project(args.dir, args.article_title, args.article_url, args.site_name)
    except InitError as exc:
        print(f"explainer init: {exc}", file=sys.stderr)
        return 2
    print(f"{args.dir}: a new explainer with {len(written)} files. Next:")
    print(f"  cd {args.dir} && explainer check && mkdocs serve")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="explainer", description="Check, export and maintain the explainer's claim data."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def data_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument("--data", type=Path, default=None, help="data directory (default: ./data)")

    p = sub.add_parser("check", help="validate the data; print every problem as path:line: subject: message [code]")
    data_arg(p)
    p.add_argument("--json", action="store_true", help="print the problems as JSON records")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("stale", help="list claims and sources not reviewed for N days (exit 1 if any)")
    data_arg(p)
    p.add_argument("--days", type=int, default=365, help="age limit in days (default 365)")
    p.set_defaults(func=cmd_stale)

    p = sub.add_parser("links", help="request every source URL; report broken (error) and moved (warning) links")
    data_arg(p)
    p.add_argument("--concurrency", type=int, default=8, help="requests at a time (default 8)")
    p.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for each answer (default 20)")
    p.set_defaults(func=cmd_links)

    p = sub.add_parser("export", help="write the data exports (JSON, CSV, BibTeX, CSL-JSON)")
    data_arg(p)
    p.add_argument("--format", choices=["json", "csv", "bibtex", "csl", "all"], default="all")
    p.add_argument("--out", type=Path, required=True, help="output directory")
    p.add_argument("--base-url", default="/", help="site URL prefix for claim URLs (default /)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("schema", help="write the JSON Schema files generated from the model")
    p.add_argument("--out", type=Path, default=Path("schema"), help="output directory (default ./schema)")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("init", help="start a new explainer project for another article")
    p.add_argument("dir", type=Path, help="the new project's folder (must not exist, or be empty)")
    p.add_argument("--article-title", required=True, help="the annotated article's title")
    p.add_argument("--article-url", required=True, help="the annotated article's address")
    p.add_argument("--site-name", default=None, help="the site's name (default: '<title>, annotated')")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("new", help="append a commented skeleton claim or source")
    p.add_argument("what", choices=["claim", "source"])
    data_arg(p)
    p.add_argument("--section", help="section id (for a claim)")
    p.add_argument("--id", required=True, help="the new record's kebab-case id")
    p.add_argument(
        "--after", metavar="ID",
        help="for a claim: place it right after this claim (claims are in the article's reading order); "
        "default: at the end of the section's file",
    )
    p.set_defaults(func=cmd_new)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if hasattr(args, "data"):
        args.data = args.data if args.data is not None else _default_data()
        if not args.data.is_dir():
            parser.error(f"data directory not found: {args.data}")
    if getattr(args, "what", None) == "claim" and not args.section:
        parser.error("new claim needs --section")
    return args.func(args)


def run() -> int:
    """The console entry point. A command lives for a moment and makes no garbage cycles worth collecting,
    so the cycle collector is off: it would only rescan the objects that imports create (a sixth of a warm
    ``check``). ``main`` (called in-process by tests and tools) leaves the collector alone."""
    gc.disable()
    return main()


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(run())
