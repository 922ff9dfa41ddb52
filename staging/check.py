"""Check data/ with every staged file merged in: python staging/check.py [SECTION]

Each helper stages new records in staging/<section>/{sources,glossary,publishers}.yml, written exactly
like the matching data file (a top-level key holding a list; list items at column 0: '- id: ...').
This copies data/ to a temporary folder, appends every staged list to the matching data file and runs
`explainer check` on the copy. Problems in staged records are reported with the merged file's line;
the script also says which staged file each merged line came from.
With SECTION, only problems that mention that section's claim file or staged files are printed.
"""
import shutil, subprocess, sys, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEYS = {"sources.yml": "sources:", "glossary.yml": "terms:", "publishers.yml": "publishers:"}

def _indent(lines):
    import re
    for l in lines:
        m = re.match(r"^( *)- id:", l)
        if m:
            return len(m.group(1))
    return None


def reindent(lines, target_text):
    """Shift staged list items to the target file's own indentation (column 0 or 2)."""
    want, have = _indent(target_text.splitlines()), _indent(lines)
    if want is None or have is None or want == have:
        return lines
    if want > have:
        return [(" " * (want - have) + l) if l.strip() else l for l in lines]
    cut = have - want
    return [l[cut:] if l[:cut].strip() == "" else l for l in lines]


def main() -> int:
    only = sys.argv[1] if len(sys.argv) > 1 else None
    tmp = Path(tempfile.mkdtemp()) / "data"
    shutil.copytree(ROOT / "data", tmp)
    origin = {}
    for name, key in KEYS.items():
        target = tmp / name
        text = target.read_text(encoding="utf-8") if target.exists() else key + "\n"
        for staged in sorted((ROOT / "staging").glob(f"*/{name}")):
            body = staged.read_text(encoding="utf-8")
            lines = [l for l in body.splitlines() if l.strip() != key and not l.startswith("# yaml-language")]
            lines = reindent(lines, text)
            start = text.count("\n") + 1
            if not text.endswith("\n"):
                text += "\n"; start += 1
            text += "\n".join(lines) + "\n"
            origin[(name, start, start + len(lines))] = staged.relative_to(ROOT)
        target.write_text(text, encoding="utf-8")
    out = subprocess.run([str(ROOT / ".venv/bin/python"), "-m", "explainer", "check", "--data", str(tmp)],
                         capture_output=True, text=True)
    shown = 0
    for line in out.stdout.splitlines():
        line = line.replace(str(tmp), "data")
        note = ""
        for (name, lo, hi), src in origin.items():
            if line.startswith(f"data/{name}:"):
                n = int(line.split(":")[1])
                if lo <= n < hi:
                    note = f"   <- from {src} (line {n - lo + 1})"
        if only and only not in line and only not in note:
            continue
        print(line + note); shown += 1
    print(f"exit {out.returncode} ({shown} lines shown)")
    shutil.rmtree(tmp.parent)
    return out.returncode

if __name__ == "__main__":
    sys.exit(main())
