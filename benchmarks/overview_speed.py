"""Speed and memory of the regional overview on the whole Skolverket catalog (run by hand).

    python benchmarks/overview_speed.py [--standards N] [--xlsx OUT]

Target (issue 18): 10 standards of about 40 requirements against every course in the catalog in
under 10 s on two cores once the catalog is indexed, memory bounded by one standard's alignment
at a time plus the tables.

The standards are the development sets in ../shared/bench (36 requirements each) and the
sample welder standard, made into N standards of 40 requirements: each takes a dev set and
four welder requirements, and the later ones mix two dev sets half and half, so no two are alike.

Reported: catalog load, index (first use: from the disk cache or built), the overview itself
(alignment per standard and tables), the workbook, and the process's peak memory after each
standard (it should level off, not grow with every standard).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from compare_app.importers import load_curriculum, load_standard  # noqa: E402
from compare_app.model import Framework, Item, Provenance  # noqa: E402
from compare_app.progress import Progress  # noqa: E402

SHARED = REPO.parent / "shared"
ARCHIVE = SHARED / "data" / "skolverket" / "gy11-syllabus-2019-11-29.tgz"
SAMPLE = REPO / "samples" / "standard_svetsare.xlsx"
SIZE = 40


def peak_mb() -> float | None:
    """Peak resident memory of this process in MB (None where the platform does not say)."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)


def dev_items(path: Path) -> tuple[str, list[Item]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return data["title"], [Item(r["id"], r["text"], Provenance(path.name, r["id"]), area=r["area"], kind=r["kind"])
                           for r in data["requirements"]]


def make_standards(n: int) -> list[Framework]:
    sets = [dev_items(p) for p in sorted((SHARED / "bench").glob("dev_*.json")) if p.name != "dev_packages.json"]
    welder = load_standard(SAMPLE).items
    out = []
    for k in range(n):
        title, items = sets[k % len(sets)]
        if k >= len(sets):  # mix two sets half and half
            other_title, other = sets[(k + 1) % len(sets)]
            half = len(items) // 2
            items = items[:half] + other[half:]
            title = f"{title} + {other_title}"
        extra = welder[(4 * k) % len(welder):][:SIZE - len(items)]
        out.append(Framework("standard", f"{k + 1}: {title}", (items + extra)[:SIZE]))
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--standards", type=int, default=10)
    parser.add_argument("--xlsx", help="also write the workbook here and time it")
    args = parser.parse_args(argv)
    if not ARCHIVE.is_file():
        print(f"missing {ARCHIVE}", file=sys.stderr)
        return 2

    from compare_app.align.index import get_index
    from compare_app.overview import build_overview

    t = time.perf_counter()
    catalog = load_curriculum(ARCHIVE)
    print(f"catalog: {len(catalog.courses)} courses, {len(catalog.items)} items, loaded in {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    get_index(catalog)
    print(f"index (first use, disk cache or built): {time.perf_counter() - t:.1f} s; peak {peak_mb() or 0:.0f} MB")

    standards = make_standards(args.standards)
    print(f"{len(standards)} standards of {', '.join(str(len(s.items)) for s in standards)} requirements")
    marks: list[tuple[str, float, float, float | None]] = []

    def on_step(done, total, message):
        label = message.split(" (")[0]
        if not marks or marks[-1][0] != label:
            marks.append((label, time.perf_counter(), time.process_time(), peak_mb()))

    t0, c0 = time.perf_counter(), time.process_time()
    ov = build_overview(standards, catalog, progress=Progress(callback=on_step))
    total, cpu = time.perf_counter() - t0, time.process_time() - c0
    ends = [(m[1], m[2]) for m in marks[1:]] + [(t0 + total, c0 + cpu)]
    for (label, start, cstart, mem), (end, cend) in zip(marks, ends):
        print(f"  {end - start:5.2f} s  cpu {cend - cstart:5.2f} s  peak {mem or 0:5.0f} MB  {label[:60]}")
    print(f"overview: {total:.1f} s ({cpu:.1f} s of CPU: the wall time when nothing else runs) for "
          f"{sum(len(s.items) for s in standards)} requirements ({total / len(standards):.2f} s per standard); "
          f"target < 10 s")
    print(f"tables: {len(ov.courses)} courses serve something, {len(ov.shared_units)} candidate shared units, "
          f"{len(ov.gaps)} gaps in {len(ov.gap_groups)} groups "
          f"({sum(1 for g in ov.gap_groups if len(g.standards) > 1)} across standards)")
    if args.xlsx:
        from compare_app.exporters import overview_xlsx

        t = time.perf_counter()
        overview_xlsx.write(ov, args.xlsx)
        print(f"workbook: {time.perf_counter() - t:.1f} s -> {args.xlsx}")
    print(f"peak memory: {peak_mb() or 0:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
