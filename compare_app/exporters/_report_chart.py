"""A coverage donut chart as a PNG, drawn in pure Python (no matplotlib, no Pillow, no Qt).

Word shows any PNG, on every platform and in every viewer, so a small raster image is the
most robust chart the Word report can carry. The labels and figures stay in the document as
real text next to the image; the image itself only shows the three shares and the overall
coverage figure, drawn with a tiny built-in digit font.
"""

from __future__ import annotations

import math
import struct
import zlib

# 5x7 bitmaps for the only characters the chart writes: digits, space and the percent sign.
_GLYPHS = {
    "0": ("01110", "10001", "10011", "10101", "11001", "10001", "01110"),
    "1": ("00100", "01100", "00100", "00100", "00100", "00100", "01110"),
    "2": ("01110", "10001", "00001", "00010", "00100", "01000", "11111"),
    "3": ("11110", "00001", "00001", "01110", "00001", "00001", "11110"),
    "4": ("00010", "00110", "01010", "10010", "11111", "00010", "00010"),
    "5": ("11111", "10000", "11110", "00001", "00001", "10001", "01110"),
    "6": ("00110", "01000", "10000", "11110", "10001", "10001", "01110"),
    "7": ("11111", "00001", "00010", "00100", "01000", "01000", "01000"),
    "8": ("01110", "10001", "10001", "01110", "10001", "10001", "01110"),
    "9": ("01110", "10001", "10001", "01111", "00001", "00010", "01100"),
    "%": ("11001", "11010", "00010", "00100", "01000", "01011", "10011"),
    " ": ("000", "000", "000", "000", "000", "000", "000"),
}
_WHITE = (255, 255, 255)
_TEXT = (51, 51, 51)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return int(hex_colour[0:2], 16), int(hex_colour[2:4], 16), int(hex_colour[4:6], 16)


def donut_png(values: list[tuple[float, str]], label: str, size: int = 360) -> bytes:
    """PNG bytes of a donut: ``values`` are (count, RRGGBB) clockwise from twelve o'clock.

    ``label`` (digits, spaces and ``%`` only) is drawn in the hole. An all-zero input
    draws an empty grey ring.
    """
    total = sum(v for v, _ in values)
    pixels = [[_WHITE] * size for _ in range(size)]
    _draw_ring(pixels, values, total, size)
    _draw_text(pixels, label, size)
    return _encode_png(pixels)


def _segments(values, total):
    """(start, end, colour) angles in radians, clockwise from twelve o'clock."""
    out, start = [], 0.0
    for count, colour in values:
        if count <= 0 or total <= 0:
            continue
        end = start + 2 * math.pi * count / total
        out.append((start, end, _rgb(colour)))
        start = end
    return out


def _draw_ring(pixels, values, total, size):
    centre = (size - 1) / 2
    outer, inner = size * 0.48, size * 0.30
    segments = _segments(values, total) or [(0.0, 2 * math.pi, (221, 221, 221))]
    boundaries = [s for s, _, _ in segments] if len(segments) > 1 else []
    for y in range(size):
        dy = y - centre
        row = pixels[y]
        for x in range(size):
            dx = x - centre
            r = math.hypot(dx, dy)
            alpha = min(1.0, max(0.0, outer - r + 0.5), max(0.0, r - inner + 0.5))
            if alpha <= 0.0:
                continue
            angle = math.atan2(dx, -dy) % (2 * math.pi)  # clockwise from the top
            colour = segments[-1][2]
            for start, end, seg_colour in segments:
                if start <= angle < end:
                    colour = seg_colour
                    break
            for b in boundaries:  # a thin white gap between neighbouring segments
                gap = abs(dx * math.cos(b) + dy * math.sin(b))  # distance to the boundary ray
                if gap < 2.0 and (dx * math.sin(b) - dy * math.cos(b)) > 0:
                    alpha *= min(1.0, gap / 2.0)
            row[x] = _blend(colour, alpha)


def _blend(colour, alpha):
    return tuple(int(round(c * alpha + 255 * (1 - alpha))) for c in colour)


def _draw_text(pixels, text, size):
    glyphs = [_GLYPHS[ch] for ch in text if ch in _GLYPHS]
    if not glyphs:
        return
    width_cells = sum(len(g[0]) + 1 for g in glyphs) - 1
    scale = max(1, int(size * 0.42 / max(width_cells, 1)))
    scale = min(scale, int(size * 0.16 / 7))
    x0 = (size - width_cells * scale) // 2
    y0 = (size - 7 * scale) // 2
    for glyph in glyphs:
        for gy, line in enumerate(glyph):
            for gx, bit in enumerate(line):
                if bit == "1":
                    _fill(pixels, x0 + gx * scale, y0 + gy * scale, scale)
        x0 += (len(glyph[0]) + 1) * scale


def _fill(pixels, x, y, scale):
    for yy in range(y, y + scale):
        row = pixels[yy]
        for xx in range(x, x + scale):
            row[xx] = _TEXT


def _encode_png(pixels) -> bytes:
    height, width = len(pixels), len(pixels[0])
    raw = bytearray()
    for row in pixels:
        raw.append(0)  # filter type: none
        for r, g, b in row:
            raw += bytes((r, g, b))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b"")
