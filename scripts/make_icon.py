"""Draw the app icon and write resources/icons/app.png, app.ico (Windows) and app.icns (macOS).

Run by hand after changing the drawing: ``python scripts/make_icon.py``. The icon is
two pages side by side (a standard and a course) with a green tick where they meet:
"does this course cover that requirement". Drawn with QPainter (no text, so no fonts
are needed); the .ico and .icns containers are written here with PNG entries, which
Windows Vista+ and macOS 10.7+ read, so no image library beyond Qt is needed.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen

OUT_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: ICNS element types holding PNG data, by pixel size
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}

BACKGROUND = QColor("#1d4e89")
PAGE = QColor("#ffffff")
LINE = QColor("#8fa9c9")
BADGE = QColor("#2e9d5b")


def _page(painter: QPainter, rect: QRectF, size: int) -> None:
    """A white sheet with a few text lines (lines only where they stay visible)."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(PAGE)
    painter.drawRoundedRect(rect, size * 0.025, size * 0.025)
    if size < 32:
        return
    painter.setPen(QPen(LINE, max(1.0, size * 0.035), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    left, right = rect.left() + rect.width() * 0.18, rect.right() - rect.width() * 0.18
    for i in range(4):
        y = rect.top() + rect.height() * (0.2 + 0.17 * i)
        painter.drawLine(QPointF(left, y), QPointF(right - (rect.width() * 0.2 if i == 3 else 0), y))


def _tick_badge(painter: QPainter, centre: QPointF, radius: float, size: int) -> None:
    painter.setPen(QPen(BACKGROUND, max(1.0, size * 0.03)))
    painter.setBrush(BADGE)
    painter.drawEllipse(centre, radius, radius)
    tick = QPainterPath(QPointF(centre.x() - radius * 0.45, centre.y() + radius * 0.02))
    tick.lineTo(centre.x() - radius * 0.1, centre.y() + radius * 0.38)
    tick.lineTo(centre.x() + radius * 0.5, centre.y() - radius * 0.35)
    painter.setPen(QPen(PAGE, max(1.5, radius * 0.28), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                        Qt.PenJoinStyle.RoundJoin))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(tick)


def draw(size: int) -> QImage:
    """The icon at ``size`` x ``size`` pixels, transparent corners."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    margin = size * 0.04
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(BACKGROUND)
    painter.drawRoundedRect(QRectF(margin, margin, size - 2 * margin, size - 2 * margin), size * 0.18, size * 0.18)
    top, height, width = size * 0.2, size * 0.52, size * 0.3
    _page(painter, QRectF(size * 0.15, top, width, height), size)
    _page(painter, QRectF(size * 0.55, top, width, height), size)
    _tick_badge(painter, QPointF(size * 0.5, size * 0.72), size * 0.17, size)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO container: ICONDIR, one 16-byte ICONDIRENTRY per size, then the PNG data."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, data in sorted(pngs.items()):
        dim = 0 if size >= 256 else size  # 0 means 256 in the ICO format
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICNS container: b'icns', total length, then (type, length, PNG) elements (big-endian)."""
    body = b"".join(ICNS_TYPES[size] + struct.pack(">I", 8 + len(data)) + data for size, data in sorted(pngs.items()))
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main(out_dir: Path = OUT_DIR) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    pngs = {size: png_bytes(draw(size)) for size in sorted(set(ICO_SIZES) | set(ICNS_TYPES))}
    (out_dir / "app.png").write_bytes(pngs[256])
    (out_dir / "app.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (out_dir / "app.icns").write_bytes(icns_bytes({s: pngs[s] for s in ICNS_TYPES}))
    for name in ("app.png", "app.ico", "app.icns"):
        print(f"wrote {out_dir / name} ({(out_dir / name).stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT_DIR))
