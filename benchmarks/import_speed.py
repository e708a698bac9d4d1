"""Import speed and memory: the whole Skolverket archive, the samples, and the worst hostile inputs.

Run by hand (not part of the test suite):

    python benchmarks/import_speed.py [--runs 5] [--archive PATH]

Prints a table: median wall time over ``--runs`` runs, and peak Python memory
(tracemalloc, one extra run) for each input, plus how the importer answered.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tarfile
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from compare_app.errors import InputError  # noqa: E402
from compare_app.importers import load_curriculum, load_standard  # noqa: E402

ARCHIVE = REPO.parent / "shared" / "data" / "skolverket" / "gy11-syllabus-2019-11-29.tgz"
SAMPLES = REPO / "samples"


def _outcome(fn: Callable[[], object]) -> str:
    try:
        result = fn()
    except InputError as exc:
        return f"InputError: {exc.problem[:60]}"
    items = getattr(result, "items", None)
    return f"ok, {len(items)} items" if items is not None else "ok"


def measure(fn: Callable[[], object], runs: int) -> tuple[float, float, str]:
    """Median seconds over ``runs``, peak MiB under tracemalloc, and the outcome."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        outcome = _outcome(fn)
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    _outcome(fn)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.median(times), peak / 2**20, outcome


# ------------------------------------------------------------------ hostile inputs


def _sheet_rows_xlsx(path: Path, rows: int, dimension: bool) -> Path:
    """An .xlsx whose only sheet has ``rows`` requirement rows (inline strings)."""
    body = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>Krav nummer {r}</t></is></c></row>'
                   for r in range(2, rows + 2))
    dim = f'<dimension ref="A1:A{rows + 1}"/>' if dimension else ""
    sheet = (f'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{dim}<sheetData>'
             f'<row r="1"><c r="A1" t="inlineStr"><is><t>Krav</t></is></c></row>{body}</sheetData></worksheet>')
    with zipfile.ZipFile(SAMPLES / "standard_svetsare.xlsx") as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = sheet.encode() if info.filename == "xl/worksheets/sheet1.xml" else zin.read(info.filename)
            zout.writestr(info.filename, data)
    return path


def hostile_inputs(tmp: Path) -> dict[str, Callable[[], object]]:
    csv_big = tmp / "100k.csv"
    csv_big.write_text("ID;Krav\n" + "".join(f"K{n};Krav {n}\n" for n in range(100_000)), encoding="utf-8")
    long_cells = tmp / "langa.csv"
    long_cells.write_text("ID;Krav\n" + "".join(f"K{n};{'svets ' * 10_000}\n" for n in range(50)), encoding="utf-8")
    bomb = tmp / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("subject/bomb.xml", b"<a>" + b" " * (60 * 2**20) + b"</a>")
    tar_bomb = tmp / "bomb.tgz"
    with tarfile.open(tar_bomb, "w:gz") as tf:
        data = b"<a>" + b" " * (45 * 2**20) + b"</a>"  # just under the member limit: parsed, then refused
        info = tarfile.TarInfo("subject/stor.xml")
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
    laughs = tmp / "laughs.xml"
    laughs.write_bytes(b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
                       + b"".join(b'<!ENTITY a%d "%s">' % (i, b"&a;" * 10 if i == 1 else b"&a%d;" % (i - 1) * 10) for i in range(1, 10))
                       + b"]><subject><name>&a9;</name></subject>")
    with_dim = _sheet_rows_xlsx(tmp / "dim.xlsx", 100_000, True)
    without_dim = _sheet_rows_xlsx(tmp / "nodim.xlsx", 100_000, False)
    return {
        "100 000 rader .xlsx med <dimension>": lambda: load_standard(with_dim),
        "100 000 rader .xlsx utan <dimension>": lambda: load_standard(without_dim),
        "100 000 rader .csv": lambda: load_standard(csv_big),
        "50 celler à 60 000 tecken (.csv)": lambda: load_standard(long_cells),
        "zip-bomb 60 MB-medlem (.zip)": lambda: load_curriculum(bomb),
        "45 MB XML-medlem (.tgz)": lambda: load_curriculum(tar_bomb),
        "billion laughs (.xml)": lambda: load_curriculum(laughs),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--archive", type=Path, default=ARCHIVE)
    args = parser.parse_args(argv)

    cases: dict[str, Callable[[], object]] = {}
    if args.archive.is_file():
        cases["hela Skolverket-arkivet (.tgz)"] = lambda: load_curriculum(args.archive)
    else:
        print(f"(arkivet saknas: {args.archive})")
    cases["exempel: standard_svetsare.xlsx"] = lambda: load_standard(SAMPLES / "standard_svetsare.xlsx")
    cases["exempel: standard_svetsare.docx"] = lambda: load_standard(SAMPLES / "standard_svetsare.docx")
    cases["exempel: kursplaner/"] = lambda: load_curriculum(SAMPLES / "kursplaner")

    with tempfile.TemporaryDirectory() as tmp:
        cases.update(hostile_inputs(Path(tmp)))
        print(f"{'indata':40} {'median s':>9} {'topp MiB':>9}  utfall")
        print("-" * 100)
        for name, fn in cases.items():
            runs = args.runs if "arkivet" in name or "exempel" in name else max(1, min(args.runs, 3))
            seconds, peak, outcome = measure(fn, runs)
            print(f"{name:40} {seconds:9.3f} {peak:9.1f}  {outcome}")


if __name__ == "__main__":
    main()
