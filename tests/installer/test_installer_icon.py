"""The app icon: the committed .png/.ico/.icns are well-formed and what scripts/make_icon.py draws."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ICONS = REPO / "resources" / "icons"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE, "not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def _ico_entries(data: bytes) -> list[tuple[int, bytes]]:
    """(declared size, image bytes) per ICONDIRENTRY."""
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1), "not an icon file"
    entries = []
    for i in range(count):
        width, height, _, _, _, _, length, offset = struct.unpack("<BBBBHHII", data[6 + 16 * i: 22 + 16 * i])
        assert width == height
        assert offset + length <= len(data)
        entries.append((width or 256, data[offset: offset + length]))
    return entries


def _icns_entries(data: bytes) -> dict[bytes, bytes]:
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    entries, pos = {}, 8
    while pos < len(data):
        kind, length = data[pos: pos + 4], struct.unpack(">I", data[pos + 4: pos + 8])[0]
        entries[kind] = data[pos + 8: pos + length]
        pos += length
    assert pos == len(data)
    return entries


@pytest.fixture(scope="module")
def make_icon():
    spec = importlib.util.spec_from_file_location("make_icon", REPO / "scripts" / "make_icon.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_png_is_256_square():
    assert _png_size((ICONS / "app.png").read_bytes()) == (256, 256)


def test_ico_holds_every_windows_size_as_png(make_icon):
    entries = _ico_entries((ICONS / "app.ico").read_bytes())
    assert [size for size, _ in entries] == sorted(make_icon.ICO_SIZES)
    for size, image in entries:
        assert _png_size(image) == (size, size)


def test_icns_holds_the_macos_sizes(make_icon):
    entries = _icns_entries((ICONS / "app.icns").read_bytes())
    assert set(entries) == set(make_icon.ICNS_TYPES.values())
    for size, kind in make_icon.ICNS_TYPES.items():
        assert _png_size(entries[kind]) == (size, size)


def test_script_regenerates_the_same_layout(make_icon, tmp_path):
    assert make_icon.main(tmp_path) == 0
    committed = _ico_entries((ICONS / "app.ico").read_bytes())
    fresh = _ico_entries((tmp_path / "app.ico").read_bytes())
    assert [s for s, _ in fresh] == [s for s, _ in committed]
    assert _icns_entries((tmp_path / "app.icns").read_bytes()).keys() == _icns_entries((ICONS / "app.icns").read_bytes()).keys()


def test_icon_has_transparent_corners_and_an_opaque_centre(make_icon):
    image = make_icon.draw(64)
    assert image.pixelColor(0, 0).alpha() == 0
    assert image.pixelColor(32, 32).alpha() == 255
