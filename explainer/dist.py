"""``python -m explainer.dist``: pack built sites into reproducible zip archives for any static host."""

from __future__ import annotations

import argparse
import os
import time
import zipfile
from pathlib import Path


def _stamp() -> tuple[int, int, int, int, int, int]:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))
    return time.gmtime(max(epoch, 315532800))[:6]  # zip cannot store dates before 1980


def pack(directory: str | Path, archive: str | Path, prefix: str) -> Path:
    """Zip ``directory`` with sorted entries and fixed timestamps (byte-identical for the same input)."""
    directory, archive = Path(directory), Path(archive)
    archive.parent.mkdir(parents=True, exist_ok=True)
    stamp = _stamp()
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(p for p in directory.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{prefix}/{path.relative_to(directory).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes())
    return archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer.dist", description=__doc__)
    parser.add_argument("--site", help="the built site directory")
    parser.add_argument("--offline", help="the offline build directory")
    parser.add_argument("--out", default="dist")
    args = parser.parse_args(argv)
    out = Path(args.out)
    if args.site:
        print(pack(args.site, out / "ai-race-annotated-site.zip", "ai-race-annotated"))
    if args.offline:
        print(pack(args.offline, out / "ai-race-annotated-offline.zip", "ai-race-annotated-offline"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
