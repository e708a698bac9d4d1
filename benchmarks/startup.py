"""Start-up time: from process start to the main window first on screen. Target: under 2 s.

    python benchmarks/startup.py                      # checkout, and dist/ bundle if built
    python benchmarks/startup.py --runs 10 --demo     # open the samples too
    python benchmarks/startup.py --bundle path/to/compare_app --platform xcb   # needs DISPLAY (Xvfb)
    python benchmarks/startup.py --importtime         # slowest imports on the way to the window

Each run launches the program with the launcher's hidden ``--startup-probe`` flag, which
prints a marker once the QMainWindow is first exposed and quits. The clock runs in this
process, from just before the child is spawned to the moment the marker line arrives,
so interpreter start-up (and, for a bundle, the bootloader) is included. Every run gets
fresh, empty user folders, so no saved settings or recovery files change the path taken.
Exit code 1 if any median exceeds the target.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from compare_app.launcher import STARTUP_PROBE_MARKER  # noqa: E402  (needs the path above)

TARGET_S = 2.0
DEFAULT_BUNDLE = REPO / "dist" / "compare_app" / ("compare_app.exe" if sys.platform == "win32" else "compare_app")


def _env(user_root: Path, platform: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": platform}
    for var in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "APPDATA", "LOCALAPPDATA"):
        env[var] = str(user_root / var.lower())
    return env


def time_to_window(command: list[str], platform: str, timeout: float = 60.0) -> float:
    """Seconds from spawning ``command`` until it prints the probe's marker."""
    with tempfile.TemporaryDirectory(prefix="compare_app-startup-") as user_root:
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=user_root, env=_env(Path(user_root), platform),
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            for line in proc.stdout:
                if line.startswith(STARTUP_PROBE_MARKER):
                    elapsed = time.perf_counter() - start
                    proc.wait(timeout=timeout)
                    return elapsed
                if time.perf_counter() - start > timeout:
                    break
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    raise RuntimeError(f"no start-up marker from {' '.join(command)} (exit code {proc.returncode})")


def measure(label: str, command: list[str], runs: int, platform: str) -> float:
    """Print the first (coldest) run and the median/min/max of the rest; return the median of the rest."""
    first = time_to_window(command, platform)
    times = [time_to_window(command, platform) for _ in range(max(runs - 1, 1))]
    median = statistics.median(times)
    verdict = "ok" if median <= TARGET_S else f"SLOWER than {TARGET_S:.1f} s"
    print(f"{label:<10} first {first:.2f} s; then median {median:.2f} s (min {min(times):.2f}, max {max(times):.2f}, "
          f"{len(times)} runs)  {verdict}")
    return median


def slowest_imports(top: int = 15) -> None:
    """The modules that cost most to import on the way to the main window (python -X importtime)."""
    code = "import compare_app.launcher, compare_app.ui.app, compare_app.ui.main_window"
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", code], cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
                          capture_output=True, text=True)
    rows = []
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "cumulative" not in line:
            _, cumulative, name = (part.strip() for part in line.split(":", 1)[1].split("|"))
            rows.append((int(cumulative), name))
    print(f"slowest imports (cumulative) for: {code}")
    for micros, name in sorted(rows, reverse=True)[:top]:
        print(f"  {micros / 1000:8.1f} ms  {name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bundle", type=Path, default=DEFAULT_BUNDLE, help="built executable (default: dist/)")
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM: offscreen (default), xcb, windows")
    parser.add_argument("--demo", action="store_true", help="start with the samples open (--demo)")
    parser.add_argument("--importtime", action="store_true", help="also list the slowest imports")
    args = parser.parse_args(argv)

    extra = ["--startup-probe"] + (["--demo"] if args.demo else [])
    medians = [measure("checkout", [sys.executable, "-m", "compare_app.launcher", *extra], args.runs, args.platform)]
    if args.bundle.is_file():
        medians.append(measure("bundle", [str(args.bundle), *extra], args.runs, args.platform))
    else:
        print(f"bundle     not measured: {args.bundle} does not exist (bash scripts/build_installer.sh)")
    if args.importtime:
        slowest_imports()
    return 0 if all(m <= TARGET_S for m in medians) else 1


if __name__ == "__main__":
    sys.exit(main())
