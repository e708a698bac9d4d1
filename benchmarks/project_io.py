"""Time and peak memory of saving and opening project files, and of refusing hostile ones.

Run by hand: ``python benchmarks/project_io.py [--repeat 3] [--skip-hostile]``.

Three measurements:

1. the sample project (``compare_app.demo.sample_project``: the bundled welder standard,
   curriculum and package), aligned, with a decision on every third requirement;
2. a project embedding the whole real Skolverket catalog (../shared; 1,074 courses, 12,115
   items) with a 40-requirement standard aligned against the whole catalog and decisions on
   every third requirement (the standard's texts come from the development gold sets in
   ../shared/bench; without them, from catalog items);
3. hostile project files built at the reading limits of ``compare_app.project.storage``:
   each must end in an InputError; the worst time and memory are the figures that matter.

Times are the best of ``--repeat`` runs without tracing; peak memory is measured in a
separate run under ``tracemalloc`` (Python allocations only).
Targets (chosen for an assessor's laptop): whole-catalog save and load under 2 s each,
autosave under 1 s, any hostile file refused within 5 s and 500 MB.
"""

from __future__ import annotations

import argparse
import base64
import io
import json
import os
import random
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from compare_app.errors import InputError  # noqa: E402
from compare_app.model import Framework, Item, Provenance  # noqa: E402
from compare_app.project import Project, Scope, recovery, storage  # noqa: E402
from compare_app.project.migrations import FORMAT_NAME, FORMAT_VERSION  # noqa: E402

SHARED = REPO.parent / "shared"
ARCHIVE = SHARED / "data" / "skolverket" / "gy11-syllabus-2019-11-29.tgz"
BENCH = SHARED / "bench"
MB = 1024 * 1024


def timed(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def peak_mb(fn: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        fn()
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak / MB


def decide_some(project: Project) -> None:
    """A person's decisions on every third requirement, so reviews are part of what is saved."""
    for n, req in enumerate(project.standard.items):
        result = project.alignment.results.get(req.id) if project.alignment else None
        if n % 3 == 0 and result and result.matches:
            project.accept(req.id, result.matches[0].item_id, by="bench")
            project.set_note(req.id, f"Bedömd i benchmark ({n})")


def report_project(label: str, project: Project, folder: Path, repeat: int) -> None:
    path = folder / f"{label}.cmpproj"
    storage.save(project, path)
    save_s = timed(lambda: storage.save(project, path), repeat)
    load_s = timed(lambda: storage.load(path), repeat)
    autosave_s = timed(lambda: recovery.autosave(project, path), repeat)
    pending_s = timed(recovery.pending, repeat)
    save_mb = peak_mb(lambda: storage.save(project, path))
    load_mb = peak_mb(lambda: storage.load(path))
    with zipfile.ZipFile(path) as zf:
        json_bytes = sum(i.file_size for i in zf.infolist())
    loaded = storage.load(path).project
    assert loaded == project, "round trip changed the project"
    recovery.clear(project.id)
    print(f"{label}: {len(project.standard.items)} requirements, {len(project.curriculum.courses)} courses, "
          f"{len(project.curriculum.items)} items, {len(project.reviews)} reviews")
    print(f"  file {path.stat().st_size / MB:.2f} MB ({json_bytes / MB:.1f} MB JSON)")
    print(f"  save {save_s:.3f} s (peak {save_mb:.0f} MB)   load {load_s:.3f} s (peak {load_mb:.0f} MB)")
    print(f"  autosave {autosave_s:.3f} s   recovery.pending {pending_s * 1000:.1f} ms")


def sample_project() -> Project | None:
    try:
        from compare_app.demo import sample_project as demo_sample
    except ImportError:
        return None
    try:
        project = demo_sample()
    except InputError as exc:
        print(f"sample project unavailable: {exc}")
        return None
    project.align()
    decide_some(project)
    return project


def catalog_project(n_reqs: int = 40) -> Project | None:
    if not ARCHIVE.is_file():
        print("whole-catalog project skipped: ../shared archive not present")
        return None
    from compare_app.importers import load_curriculum

    t = time.perf_counter()
    curriculum = load_curriculum(ARCHIVE)
    print(f"(catalog parsed from the archive in {time.perf_counter() - t:.2f} s)")
    standard = Framework("standard", "Benchmarkstandard", _requirements(curriculum, n_reqs))
    project = Project(standard, curriculum, Scope(), title="Hela katalogen")
    t = time.perf_counter()
    project.align()
    print(f"(aligned {n_reqs} requirements against the whole catalog in {time.perf_counter() - t:.2f} s)")
    decide_some(project)
    return project


def _requirements(curriculum: Framework, n: int) -> list[Item]:
    rows = []
    for gold in sorted(BENCH.glob("dev_*.json")) if BENCH.is_dir() else []:
        try:
            data = json.loads(gold.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        rows.extend(r for r in data.get("requirements", []) if isinstance(r, dict) and r.get("text"))
    if len(rows) < n:
        rows += [{"text": it.text, "area": "Katalog"} for it in random.Random(1).sample(curriculum.items, n - len(rows))]
    return [
        Item(f"B{k + 1}", row["text"], Provenance("benchmark", f"rad {k + 1}"), area=row.get("area", ""),
             kind=row.get("kind"), position=k + 1)
        for k, row in enumerate(rows[:n])
    ]


# --- hostile files -------------------------------------------------------------------------

def _zip(members: dict[str, bytes], level: int = 9) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        for name, body in members.items():
            zf.writestr(name, body)
    return buf.getvalue()


_EMPTY_FRAMEWORKS = {
    "standard.json": json.dumps({"kind": "standard", "title": ""}).encode(),
    "curriculum.json": json.dumps({"kind": "curriculum", "title": ""}).encode(),
}


def _hostile_project(project_json: bytes) -> bytes:
    """Valid frameworks and manifest, so the hostile ``project.json`` is what gets judged."""
    manifest = json.dumps({"format": FORMAT_NAME, "format_version": FORMAT_VERSION}).encode()
    return _zip({"manifest.json": manifest, "project.json": project_json, **_EMPTY_FRAMEWORKS})


def _padding(nbytes: int) -> bytes:
    """Incompressible JSON text, to bring a bomb's compression ratio under the limit."""
    return json.dumps(base64.b64encode(os.urandom(nbytes)).decode()).encode()


def _zero_bomb(nbytes: int) -> bytes:
    """A zip whose project.json unpacks to ``nbytes`` zeros, written in chunks (never held whole)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("manifest.json", json.dumps({"format": FORMAT_NAME, "format_version": FORMAT_VERSION}))
        for name, body in _EMPTY_FRAMEWORKS.items():
            zf.writestr(name, body)
        with zf.open("project.json", "w", force_zip64=True) as fh:
            chunk = bytes(MB)
            for _ in range(nbytes // MB):
                fh.write(chunk)
    return buf.getvalue()


def hostile_files() -> dict[str, bytes]:
    containers = storage.MAX_JSON_CONTAINERS - 10
    commas = storage.MAX_JSON_COMMAS - 10
    size_limit = storage.MAX_MEMBER_BYTES
    return {
        "zip bomb: 1 GB of zeros in one member": _zero_bomb(1024 * MB),
        "random bytes, 20 MB": os.urandom(20 * MB),
        "nesting 1,000,000 deep": _hostile_project(b"[" * 1_000_000),
        "lists at the container limit, ratio padded": _hostile_project(
            b"[" + b"[]," * containers + _padding(2 * containers * 3 // storage.MAX_RATIO) + b"]"),
        "numbers at the comma limit, ratio padded": _hostile_project(
            b"[" + b"1," * commas + _padding(2 * commas * 2 // storage.MAX_RATIO) + b"]"),
        "one string at the member size limit": _hostile_project(
            b'"' + base64.b64encode(os.urandom((size_limit - 1000) * 3 // 4)) + b'"'),
    }


def report_hostile(folder: Path) -> None:
    print("hostile files (each must give InputError):")
    worst_s = worst_mb = 0.0
    for label, data in hostile_files().items():
        path = folder / "hostile.cmpproj"
        path.write_bytes(data)
        outcome = []

        def attempt() -> None:
            try:
                storage.load(path)
                outcome.append("LOADED (bug)")
            except InputError as exc:
                outcome.append(exc.problem)

        seconds = timed(attempt, 1)
        mb = peak_mb(attempt)
        worst_s, worst_mb = max(worst_s, seconds), max(worst_mb, mb)
        print(f"  {label}: {len(data) / MB:.1f} MB file, {seconds:.2f} s, peak {mb:.0f} MB -> {outcome[0][:90]}")
    print(f"  worst: {worst_s:.2f} s, peak {worst_mb:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-hostile", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_DATA_HOME"] = str(Path(tmp) / "data")  # keep recovery files out of the real folder (Linux)
        folder = Path(tmp)
        sample = sample_project()
        if sample is not None:
            report_project("sample", sample, folder, args.repeat)
        whole = catalog_project()
        if whole is not None:
            report_project("whole-catalog", whole, folder, args.repeat)
        if not args.skip_hostile:
            report_hostile(folder)


if __name__ == "__main__":
    main()
