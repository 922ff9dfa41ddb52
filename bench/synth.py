"""Synthetic data in the real ``data/`` format, at any number of claims (deterministic).

The real article, sections, glossary, figures and publishers are copied unchanged. Claims are spread over
the real section files in the real proportions; claim *k* copies the shape of a real claim (kind,
verdict, leader, dates, tags, paragraphs, citations, developments) and the length of each text field,
filled with words from the real claims. Each claim rests on five sources (one synthetic source per
claim, each cited by five claims, plus the real sources the glossary and figures cite). Claim ids that
docs pages link to or figures name are given to synthetic claims, so the site builds with ``--strict``.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path
from typing import Any

import yaml

SOURCES_PER_CLAIM = 5
STANCES = ("supports", "context", "supports", "contradicts", "context")
SOURCE_TYPES = ("government", "academic", "research", "data", "company", "news", "opinion")
PUBLISHERS = (
    "Center for Security and Emerging Technology (CSET)", "Stanford HAI", "Reuters", "U.S. Department of Commerce",
    "Epoch AI", "Australian Strategic Policy Institute (ASPI)", "Nikkei Asia", "TechInsights", "OECD.AI",
    "World Intellectual Property Organization (WIPO)", "Carnegie Endowment for International Peace", "MERICS",
)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[0-9][0-9.,%]*[0-9%]|[A-Za-z0-9]")


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # libyaml emitter: fast
    """Block style like the real files; long text as folded (``>-``) or literal (``|``) scalars."""


_Dumper.add_representer(str, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:str", value, style="|" if "\n" in value else ">" if len(value) > 90 else None))


def _dump(header: str, data: Any) -> str:
    return header + yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, indent=2)


class _Words:
    """Text of a given length from the real claims' vocabulary."""

    def __init__(self, texts: list[str], seed: int):
        self.words = [w for text in texts for w in _WORD_RE.findall(re.sub(r"\[@[^\]]*\]", " ", text))] or ["claim"]
        self.rng = random.Random(seed)

    def phrase(self, length: int) -> str:
        """About ``length`` characters of words, no sentence punctuation."""
        out: list[str] = []
        size = 0
        while size < max(length, 1):
            word = self.rng.choice(self.words)
            out.append(word)
            size += len(word) + 1
        text = " ".join(out)
        return text[:1].upper() + text[1:]

    def sentences(self, length: int) -> str:
        """About ``length`` characters (to a word) as sentences of 12-28 words."""
        words, out = self.phrase(length).split(), []
        while words:
            n = self.rng.randint(12, 28)
            text = " ".join(words[:n])
            out.append(text[:1].upper() + text[1:] + ".")
            words = words[n:]
        return " ".join(out)


def reserved_claim_ids(docs_dir: Path) -> list[str]:
    """Claim ids that docs pages link to, which the synthetic data must therefore contain."""
    return list(dict.fromkeys(cid for page in sorted(docs_dir.rglob("*.md"))
                              for cid in re.findall(r"claims/([a-z0-9]+(?:-[a-z0-9]+)*)\.md", page.read_text(encoding="utf-8"))))


def _section_counts(n: int, real_counts: list[int]) -> list[int]:
    """Split ``n`` over the sections in the real proportions (largest remainder)."""
    total = sum(real_counts)
    exact = [n * c / total for c in real_counts]
    counts = [int(x) for x in exact]
    order = sorted(range(len(exact)), key=lambda i: exact[i] - counts[i], reverse=True)
    for i in order[: n - sum(counts)]:
        counts[i] += 1
    return counts


def _source(j: int, words: _Words) -> dict[str, Any]:
    rng = words.rng
    record: dict[str, Any] = {
        "id": f"src-{j:05d}",
        "title": words.phrase(rng.randint(45, 110)),
        "publisher": PUBLISHERS[j % len(PUBLISHERS)],
        "authors": [words.phrase(12) for _ in range(j % 3)],
        "date": f"20{18 + j % 8}-{1 + j % 12:02d}-{1 + j % 28:02d}",
        "url": f"https://example.org/{['report', 'news', 'data', 'paper'][j % 4]}/{j:05d}-{words.phrase(20).lower().replace(' ', '-').replace('’', '').replace(chr(39), '')[:40].strip('-')}",
        "type": SOURCE_TYPES[j % len(SOURCE_TYPES)],
        "accessed": "2026-11-26",
    }
    if j % 3 == 0:
        record["producer"] = PUBLISHERS[(j + 5) % len(PUBLISHERS)]
    if j % 4 == 0:
        record["note"] = words.sentences(rng.randint(60, 180))
    return record


def _claim(k: int, cid: str, tmpl: Any, sources: list[str], related: list[str], words: _Words) -> dict[str, Any]:
    rng = words.rng
    paragraphs = max(1, tmpl.annotation.strip().count("\n\n") + 1)
    per_par = len(tmpl.annotation) // paragraphs
    cites = max(SOURCES_PER_CLAIM, tmpl.annotation.count("[@"))
    pars: list[str] = []
    cite_order = [sources[i % len(sources)] for i in range(cites)]
    per = -(-cites // paragraphs)
    for p in range(paragraphs):
        mine = cite_order[p * per:(p + 1) * per]
        sents = re.split(r"(?<=\.) ", words.sentences(per_par - 14 * len(mine)))
        for i, sid in enumerate(mine):
            at = min(len(sents) - 1, (i + 1) * len(sents) // (len(mine) + 1))
            sents[at] = sents[at][:-1] + f" [@{sid}]."
        pars.append(" ".join(sents))
    findings = [e.finding for e in tmpl.evidence]
    evidence = []
    for i, sid in enumerate(sources):
        item: dict[str, Any] = {
            "source": sid,
            "finding": words.sentences(len(findings[i % len(findings)])),
        }
        if i % 2 == 0:
            item["figure"] = f"{rng.randint(2, 900)} vs {rng.randint(2, 900)}"
        item["year"] = 2014 + (k + i) % 12
        item["locator"] = words.phrase(rng.randint(12, 40))
        item["stance"] = STANCES[i]
        evidence.append(item)
    since = []
    for d, dev in enumerate(tmpl.since[:2]):
        sid = sources[(d + 1) % len(sources)]
        since.append({
            "date": f"2025-{1 + (k + d) % 12:02d}",
            "note": words.sentences(max(60, len(dev.note) - 14))[:-1] + f" [@{sid}].",
            "sources": [sid],
        })
    title = words.phrase(min(len(tmpl.title), 110))[:115].rstrip()
    return {
        "id": cid,
        "title": title,
        "quote": words.phrase(len(tmpl.quote)) + ".",
        "claim": words.sentences(len(tmpl.claim)),
        "kind": tmpl.kind,
        "verdict": tmpl.verdict,
        "conclusion": words.sentences(len(tmpl.conclusion)),
        "metric": words.phrase(len(tmpl.metric)),
        "leader": tmpl.leader,
        "annotation": "\n\n".join(pars) + "\n",
        "evidence": evidence,
        "since": since,
        "as_of": tmpl.as_of,
        "reviewed": tmpl.reviewed,
        "corrections": [],
        "related": related,
        "tags": list(tmpl.tags),
    }


def generate(n_claims: int, out: Path, real_data: Path, docs_dir: Path, seed: int = 7) -> dict[str, Any]:
    """Write a complete data directory with ``n_claims`` claims to ``out``; return a summary."""
    from explainer.load import load_dataset

    ds, _ = load_dataset(real_data)
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    (out / "claims").mkdir(parents=True)
    for name in ("article.yml", "sections.yml", "glossary.yml", "figures.yml", "publishers.yml"):
        if (real_data / name).exists():
            shutil.copyfile(real_data / name, out / name)
    with open(out / "publishers.yml", "a", encoding="utf-8") as handle:  # the synthetic sources' host
        handle.write(
            "- id: synthetic-example\n  name: Synthetic benchmark publisher\n  domains: [example.org]\n"
            "  kind: research-institute\n  rating: reliable\n  note: Generated by bench/synth.py.\n"
        )

    texts = [c.annotation for c in ds.claims] + [e.finding for c in ds.claims for e in c.evidence]
    words = _Words(texts, seed)
    sections = [s.id for s in ds.sections]
    real_counts = [max(1, len(ds.claims_in(s))) for s in sections]
    counts = _section_counts(n_claims, real_counts)
    templates = {s: ds.claims_in(s) or ds.claims for s in sections}

    reserved = reserved_claim_ids(docs_dir)
    for fig in ds.figures:  # figures.yml is copied as is: the claims it names must exist
        reserved += [c for c in fig.claims if c not in reserved]
    ids = [f"claim-{k:05d}" for k in range(n_claims)]
    for i, cid in enumerate(reserved[:n_claims]):
        ids[i * max(1, n_claims // max(1, len(reserved)))] = cid

    pool = max(n_claims, SOURCES_PER_CLAIM)
    k = 0
    per_section: dict[str, int] = {}
    for section, count in zip(sections, counts):
        records = []
        for i in range(count):
            tmpl = templates[section][i % len(templates[section])]
            srcs = [f"src-{(k + m) % pool:05d}" for m in range(SOURCES_PER_CLAIM)]
            related = [ids[j] for j in (k - 1, k + 1) if 0 <= j < n_claims and j != k]
            records.append(_claim(k, ids[k], tmpl, srcs, related, words))
            k += 1
        per_section[section] = count
        header = (
            "# yaml-language-server: $schema=../../schema/claims.schema.json\n"
            f"# Section: synthetic benchmark data (section id: {section}); generated by bench/synth.py\n"
        )
        (out / "claims" / f"{section}.yml").write_text(_dump(header, {"claims": records}), encoding="utf-8")

    needed = {t.source for t in ds.terms} | {s.source for f in ds.figures for s in f.series}
    real_sources = [s for s in ds.all_sources if s.id in needed]
    src_records = [_source(j, words) for j in range(pool)]
    for s in real_sources:
        src_records.append(s.model_dump(exclude_none=True))
    header = (
        "# yaml-language-server: $schema=../schema/sources.schema.json\n"
        "# Synthetic benchmark sources (bench/synth.py) plus the real sources the glossary and figures cite.\n"
    )
    (out / "sources.yml").write_text(_dump(header, {"sources": src_records}), encoding="utf-8")
    sizes = {str(p.relative_to(out)): p.stat().st_size for p in sorted(out.rglob("*.yml"))}
    return {"claims": n_claims, "per_section": per_section, "sources": len(src_records), "file_bytes": sizes}


if __name__ == "__main__":  # ``python -m bench.synth N OUT``: the benchmark generates in a child process, so the
    # generator's memory never shows in a measured command's peak (a child's max RSS starts at its parent's)
    import json
    import sys

    repo = Path(__file__).resolve().parent.parent
    print(json.dumps(generate(int(sys.argv[1]), Path(sys.argv[2]), repo / "data", repo / "docs")))
