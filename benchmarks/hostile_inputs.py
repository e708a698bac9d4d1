"""Hostile and faulty inputs (issue 17): result, time and peak memory of each, one subprocess per input.

Run by hand (not part of the test suite; POSIX only, for the resource limits):

    python benchmarks/hostile_inputs.py [--repo PATH] [--timeout 60] [--memory-gb 4] [--only NAME]

Every input is written once to a scratch folder, then opened in a fresh Python process
under an address-space limit (``--memory-gb``) and a wall-clock timeout, with the
compare_app found in ``--repo`` (default: this checkout; point it at an older checkout
to get "before" figures). Prints per input: what the program answered (the first words
of its message, or "TIMEOUT" / "MemoryError" / the crash), seconds, and peak resident
memory of the process (MB).
"""

from __future__ import annotations

import argparse
import base64
import gzip
import io
import json
import os
import resource
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"

# --------------------------------------------------------------------------- inputs


def _xlsx_with(part: str, body_chunks, target: Path, compress=zipfile.ZIP_DEFLATED) -> Path:
    """A small standard saved by openpyxl (shared strings, as Excel writes) with ``part`` replaced
    by the streamed ``body_chunks``."""
    from openpyxl import Workbook

    wb = Workbook()
    for row in (["ID", "Krav"], ["A1", "Kan svetsa"], ["A2", "Kan mäta"]):
        wb.active.append(row)
    source = target.with_name("plain.xlsx")
    wb.save(source)
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", compress, compresslevel=9) as zout:
        for name in zin.namelist():
            if name != part:
                zout.writestr(name, zin.read(name))
        with zout.open(_member(part, compress), "w", force_zip64=True) as fh:
            for chunk in body_chunks():
                fh.write(chunk)
    return target


def _member(name: str, compress: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.compress_type = compress
    return info


def _repeat(head: bytes, unit: bytes, count: int, tail: bytes, chunk_units: int = 1_000_000):
    def chunks():
        yield head
        left = count
        while left:
            n = min(left, chunk_units)
            yield unit * n
            left -= n
        yield tail

    return chunks


def _shared_strings_bomb(d: Path) -> Path:
    """98 MB of empty <si/> after the real strings (the issue's file kept its ratio under the
    zip-bomb limit; stored here, so the ratio is 1)."""
    head = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            + b"".join(b"<si><t>" + t.encode() + b"</t></si>" for t in ("ID", "Krav", "A1", "Kan svetsa", "A2", "Kan mäta")))
    return _xlsx_with("xl/sharedStrings.xml", _repeat(head, b"<si/>", 19_600_000, b"</sst>"), d / "si-bomb.xlsx",
                      zipfile.ZIP_STORED)


def _review_meta_rows(d: Path) -> Path:
    """A returned review whose _meta sheet has 200 M <row/> and no <dimension>."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "Kopplingar"
    meta = wb.create_sheet("_meta")
    meta.append(["layout", "x"])
    meta.sheet_state = "veryHidden"
    plain = d / "review-plain.xlsx"
    wb.save(plain)
    head = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    target = d / "review-meta-rows.xlsx"
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        for name in zin.namelist():
            if name != "xl/worksheets/sheet2.xml":
                zout.writestr(name, zin.read(name))
        with zout.open(_member("xl/worksheets/sheet2.xml", zipfile.ZIP_DEFLATED), "w", force_zip64=True) as fh:
            for chunk in _repeat(head, b"<row/>", 200_000_000, b"</sheetData></worksheet>", 4_000_000)():
                fh.write(chunk)
    return target


def _raw_tar(members: list[tuple[str, int, bytes]]) -> bytes:
    out = b""
    for name, size, data in members:
        info = tarfile.TarInfo(name)
        info.size = size
        out += info.tobuf(format=tarfile.GNU_FORMAT) + data + bytes(-len(data) % 512)
    return out


def _subject() -> bytes:
    return (SAMPLES / "kursplaner" / "subject" / "Materialkunskap.xml").read_bytes()


def _tgz_big_skipped_member(d: Path) -> Path:
    """A .tgz whose second member is 2 GB of zeros that is not .xml (the issue's was 200 GB of bzip2)."""
    path = d / "big-skipped.tgz"
    subject = _subject()
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=1) as gz:
        gz.write(_raw_tar([("subject/a.xml", len(subject), subject)]))
        info = tarfile.TarInfo("data/stor.bin")
        info.size = 2 * 2**30
        gz.write(info.tobuf(format=tarfile.GNU_FORMAT))
        zeros = bytes(16 * 2**20)
        for _ in range(info.size // len(zeros)):
            gz.write(zeros)
        gz.write(_raw_tar([("subject/b.xml", len(subject), subject)]) + bytes(1024))
    return path


def _bzip2_named_tgz(d: Path) -> Path:
    import bz2

    subject = _subject()
    path = d / "really-bzip2.tgz"
    path.write_bytes(bz2.compress(_raw_tar([("subject/a.xml", len(subject), subject)]) + bytes(1024)))
    return path


def _five_big_members(d: Path) -> Path:
    """Five members of 12.5 M <x/> each."""
    path = d / "five-members.tgz"
    body = b"<subject>" + b"<x/>" * 12_500_000 + b"</subject>"
    with tarfile.open(path, "w:gz", compresslevel=1) as tf:
        for n in range(5):
            info = tarfile.TarInfo(f"subject/s{n}.xml")
            info.size = len(body)
            tf.addfile(info, io.BytesIO(body))
    return path


def _case(d: Path, name: str, items: list, links: list) -> Path:
    path = d / name
    path.write_text(json.dumps({"CFDocument": {"identifier": "doc", "title": "T"}, "CFItems": items,
                                "CFAssociations": links}), encoding="utf-8")
    return path


def _child(a: str, b: str) -> dict:
    return {"associationType": "isChildOf", "originNodeURI": {"identifier": a}, "destinationNodeURI": {"identifier": b}}


def _case_chain(d: Path, n: int) -> Path:
    """Each item's code is the next item's identifier and the last repeats the first's code: uniquing
    ids round by round falls back one item per round (quadratic)."""
    items = [{"identifier": f"i{k}", "humanCodingScheme": f"i{k + 1}", "fullStatement": f"Krav {k}"} for k in range(n)]
    items[-1]["humanCodingScheme"] = "i1"
    return _case(d, "case-chain.json", items, [_child(f"i{k}", "doc") for k in range(n)])


def _case_deep(d: Path, n: int) -> Path:
    items = [{"identifier": f"g{k}", "fullStatement": f"Grupp {k}"} for k in range(n)]
    items += [{"identifier": f"r{k}", "fullStatement": f"Krav {k}"} for k in range(n)]
    links = [_child("g0", "doc")] + [_child(f"g{k}", f"g{k - 1}") for k in range(1, n)]
    return _case(d, "case-deep.json", items, links + [_child(f"r{k}", f"g{k}") for k in range(n)])


def _case_many(d: Path) -> Path:
    items = [{"identifier": f"i{k}", "fullStatement": f"Krav {k}"} for k in range(50_000)]
    return _case(d, "case-50000.json", items, [])


def _case_cycle(d: Path) -> Path:
    items = [{"identifier": "a", "fullStatement": "A"}, {"identifier": "b", "fullStatement": "B"},
             {"identifier": "c", "fullStatement": "C"}]
    return _case(d, "case-cycle.json", items, [_child("a", "b"), _child("b", "a"), _child("c", "doc")])


def _csv_commas(d: Path) -> Path:
    path = d / "one-column.csv"
    path.write_text("Krav\n" + "\n".join(f"Kan svetsa, mäta och kontrollera del {n}, noga" for n in range(50)) + "\n",
                    encoding="utf-8")
    return path


def _hidden_sheet(d: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    old = wb.active
    old.title = "Gammal"
    old.append(["ID", "Krav"])
    old.append(["G1", "Gammalt krav"])
    old.sheet_state = "hidden"
    new = wb.create_sheet("Krav")
    new.append(["ID", "Krav"])
    new.append(["N1", "Kan svetsa"])
    new.append(["N2", "Dolt krav"])
    new.row_dimensions[3].hidden = True
    path = d / "hidden-sheet.xlsx"
    wb.save(path)
    return path


def _two_headers(d: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Område", "Krav", None])
    ws.merge_cells("B1:C1")
    ws.append([None, "Kunskap", "Färdighet"])
    ws.append(["Säkerhet", "Känner till risker", "Kan använda skydd"])
    path = d / "two-headers.xlsx"
    wb.save(path)
    return path


def _revision_docx(d: Path) -> Path:
    from docx import Document

    doc = Document()
    doc.add_heading("Kompetensstandard", level=0)
    table = doc.add_table(rows=0, cols=3)
    for row in (["Version", "Datum", "Beskrivning"], ["1.0", "2023-01-10", "Första utgåvan"]):
        for cell, value in zip(table.add_row().cells, row):
            cell.text = value
    for text in ("1. Säkerhet", "1. Kan använda andningsskydd vid svetsning.", "2. Kan bedöma brandrisk."):
        doc.add_paragraph(text)
    path = d / "revision-table.docx"
    doc.save(path)
    return path


def _project(d: Path, name: str, edit) -> Path:
    """A saved demo-sized project whose project.json text is changed by ``edit``."""
    sys.path.insert(0, str(REPO / "tests" / "project"))
    from projfactory_storage import make_project

    from compare_app.project import storage

    path = d / name
    storage.save(make_project(n_courses=5, items_per_course=5, n_reqs=20), path)
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    manifest = json.loads(members["manifest.json"])
    manifest.pop("members", None)
    members["manifest.json"] = json.dumps(manifest).encode()
    members = edit(members)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, body in members.items():
            zf.writestr(n, body)
    return path


def _project_root_source(d: Path) -> Path:
    def edit(members):
        cur = json.loads(members["curriculum.json"])
        cur["sources"] = [{"path": "/", "sha256": "0" * 64, "format": "skolverket-xml-folder", "version": ""}]
        members["curriculum.json"] = json.dumps(cur).encode()
        return members

    return _project(d, "root-source.cmpproj", edit)


def _project_number(d: Path, name: str, number: str) -> Path:
    def edit(members):
        text = members["project.json"].decode()
        doc = json.loads(text)
        first = next(iter(doc["alignment"]["results"]))
        doc["alignment"]["results"][first]["score"] = "@@"
        members["project.json"] = json.dumps(doc).replace('"@@"', number).encode()
        return members

    return _project(d, name, edit)


def _project_surrogate(d: Path) -> Path:
    def edit(members):
        members["standard.json"] = members["standard.json"].replace(b'"text":"', b'"text":"\\ud800', 1)
        return members

    return _project(d, "surrogate.cmpproj", edit)


def _project_brackets(d: Path) -> Path:
    path = d / "brackets.cmpproj"
    path.write_text("", encoding="utf-8")  # made by the child itself (the old code cannot reopen what it saves)
    return path


#: name -> (make input, child action)
INPUTS = {
    "xlsx: 98 MB of <si/>": (_shared_strings_bomb, "standard"),
    "review: _meta with 200 M <row/>": (_review_meta_rows, "review"),
    "tgz: 2 GB non-xml member": (_tgz_big_skipped_member, "curriculum"),
    "tgz that is really bzip2": (_bzip2_named_tgz, "curriculum"),
    "tgz: 5 members of 12.5 M <x/>": (_five_big_members, "curriculum"),
    "CASE: 20,000 ids chained": (lambda d: _case_chain(d, 20_000), "standard"),
    "CASE: 9,000 ids chained (under the cap)": (lambda d: _case_chain(d, 9_000), "standard"),
    "CASE: 20,000 nested groups": (lambda d: _case_deep(d, 20_000), "standard"),
    "CASE: 9,000 nested groups (under the cap)": (lambda d: _case_deep(d, 9_000), "standard"),
    "CASE: 50,000 items": (_case_many, "standard"),
    "CASE: two items each other's parent": (_case_cycle, "standard"),
    "CSV: one column, commas in texts": (_csv_commas, "standard"),
    "xlsx: hidden first sheet, hidden row": (_hidden_sheet, "standard"),
    "xlsx: two header rows": (_two_headers, "standard"),
    "docx: revision table + typed 1.": (_revision_docx, "standard"),
    "project: source path /": (_project_root_source, "open"),
    "project: NaN score": (lambda d: _project_number(d, "nan.cmpproj", "NaN"), "open+json"),
    "project: 1e400 score": (lambda d: _project_number(d, "inf.cmpproj", "1e400"), "open+json"),
    "project: lone surrogate": (_project_surrogate, "open+json"),
    "project: 400 x 4,000 '['": (_project_brackets, "brackets"),
}

# --------------------------------------------------------------------------- child

CHILD = r"""
import json, sys, time
sys.path.insert(0, {repo!r})
sys.path.insert(0, {repo!r} + "/tests/project")
action, path = {action!r}, {path!r}

def run():
    from pathlib import Path
    if action == "standard":
        from compare_app.importers import load_standard
        fw = load_standard(path)
        first = fw.items[0]
        return (f"{{len(fw.items)}} krav; 1:a {{first.id}} {{first.kind or ''}} {{first.text[:28]!r}}"
                + (f"; {{fw.warnings[0][:70]}}" if fw.warnings else ""))
    if action == "curriculum":
        from compare_app.importers import load_curriculum
        fw = load_curriculum(path)
        return f"{{len(fw.courses)}} kurser"
    if action == "review":
        from compare_app.importers import review_xlsx
        review_xlsx.diff(type("P", (), {{"id": "x"}})(), path)
        return "läst"
    if action in ("open", "open+json"):
        from compare_app.project import storage
        loaded = storage.load(path)
        note = (loaded.warnings or [""])[-1][:70]
        if action == "open":
            return f"öppnad; {{note}}"
        from compare_app.exporters import alignment_json
        out = alignment_json.write(loaded.project, path + ".json")
        json.loads(Path(out).read_text(encoding="utf-8"), parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
        return f"öppnad, giltig JSON; {{note}}"
    if action == "brackets":
        from projfactory_storage import make_project
        from compare_app.project import storage
        from compare_app.model import Item
        p = make_project(n_courses=3, items_per_course=3, n_reqs=5)
        p.standard.items = [Item(f"X{{n}}", "[" * 4000, p.standard.items[0].provenance) for n in range(400)]
        storage.save(p, path)
        storage.load(path)
        return "sparad och öppnad igen"
    raise SystemExit("unknown action")

try:
    result = run()
except Exception as exc:
    kind = type(exc).__name__
    result = ("InputError: " if kind == "InputError" else kind + ": ") + str(getattr(exc, "problem", exc))[:90]
print(result.replace("\n", " "))
"""


def run_child(repo: Path, action: str, path: Path, timeout: float, memory_gb: float) -> tuple[str, float, float]:
    limit = int(memory_gb * 2**30)

    def limits():
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    with tempfile.TemporaryFile() as out:
        start = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-c", CHILD.format(repo=str(repo), action=action, path=str(path))],
                                stdout=out, stderr=subprocess.STDOUT, preexec_fn=limits)
        status, usage = None, None
        while time.monotonic() - start < timeout:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.05)
        else:
            proc.kill()
            _, status, usage = os.wait4(proc.pid, 0)
            return "TIMEOUT", time.monotonic() - start, usage.ru_maxrss / 1024
        seconds = time.monotonic() - start
        proc.returncode = 0  # reaped by wait4
        out.seek(0)
        lines = out.read().decode("utf-8", "replace").strip().splitlines()
        text = lines[-1] if lines else f"(exit {status})"
        if "MemoryError" in " ".join(lines[-3:]):
            text = "MemoryError"
        return text, seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=REPO, help="checkout whose compare_app is measured")
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--memory-gb", type=float, default=4)
    parser.add_argument("--only", help="run only inputs whose name contains this")
    parser.add_argument("--scratch", type=Path, default=Path(tempfile.gettempdir()) / "compare-app-hostile")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    args.scratch.mkdir(parents=True, exist_ok=True)
    print(f"compare_app from {args.repo}; limits {args.memory_gb:g} GB, {args.timeout:g} s\n")
    print(f"{'input':<38} {'seconds':>8} {'peak MB':>8}  result")
    for name, (make, action) in INPUTS.items():
        if args.only and args.only not in name:
            continue
        target = args.scratch / (base64.urlsafe_b64encode(name.encode()).decode()[:40])
        target.mkdir(exist_ok=True)
        marker = target / "made"
        if not marker.exists():
            path = make(target)
            marker.write_text(str(path), encoding="utf-8")
        path = Path(marker.read_text(encoding="utf-8"))
        result, seconds, peak = run_child(args.repo.resolve(), action, path, args.timeout, args.memory_gb)
        print(f"{name:<38} {seconds:>8.2f} {peak:>8.0f}  {result[:120]}", flush=True)


if __name__ == "__main__":
    main()
