"""Write compare_app/align/item_vectors.npz: the language model's vector of every central-content item
of the published national archives, so that the catalog needs no embedding on a user's machine.

Run by hand when the archives or the model change (it takes minutes; texts already in the user's
embedding cache are not embedded again):

    python scripts/make_item_vectors.py ../shared/data/skolverket/*.tgz

The file holds, per distinct item text, a 12-byte key (sha1 of "query: " + text), the vector as
float16, and the sha256 of the weights file that made them; no text.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from compare_app.align import embed  # noqa: E402
from compare_app.importers import load_curriculum  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("archives", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, default=embed.SHIPPED)
    args = ap.parse_args(argv)
    embedder, status = embed.load()
    if embedder is None:
        print(f"no language model: {status.reason}", file=sys.stderr)
        return 1
    texts: set[str] = set()
    for path in args.archives:
        texts.update(it.text for it in load_curriculum(path).items)
    ordered = sorted(texts)
    t0 = time.perf_counter()
    vectors = embedder.vectors(ordered, lambda done, total: print(f"\r{done}/{total}", end="", file=sys.stderr))
    print(f"\n{len(ordered)} texts in {time.perf_counter() - t0:.0f} s ({embedder.engine})", file=sys.stderr)
    # as bytes rows, not numpy's "S12" (which drops a key's trailing zero bytes)
    keys = np.frombuffer(b"".join(embed.text_key(t) for t in ordered), dtype=np.uint8).reshape(-1, 12)
    np.savez_compressed(args.out, keys=keys, vectors=vectors.astype(np.float16),
                        weights_sha256=np.array(embedder.weights_sha256),
                        sources=np.array([p.name for p in args.archives]))
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
