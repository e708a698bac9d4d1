"""Report charts as print-resolution PNG images, drawn with matplotlib.

Word shows any PNG, on every platform and in every viewer, so a raster image at print
resolution is the most robust chart the Word report can carry. matplotlib is imported
only when a chart is drawn (start-up and the CLI's other commands do not pay for it).
Charts are drawn on a bare ``Figure`` with the Agg canvas, not through ``pyplot``: no
global backend or figure state, so a report written on a worker thread while the GUI
runs is safe, and nothing needs a display. The font is the DejaVu Sans
matplotlib ships, so a chart looks the same on every machine. Figures follow Swedish
typography (``47 %``, decimal comma): labels come formatted by :mod:`._report_data`.
"""

from __future__ import annotations

import io

#: dots per inch of the PNG: print quality at the size the report places it
PRINT_DPI = 300
_FONT = "DejaVu Sans"
_TEXT = "#333333"
_EMPTY = "#DDDDDD"


def donut_png(values: list[tuple[float, str]], label: str, size_cm: float = 4.6) -> bytes:
    """PNG bytes of a donut: ``values`` are (count, RRGGBB) clockwise from twelve o'clock.

    ``label`` (e.g. ``47 %``) is written in the hole. An all-zero input draws an empty
    grey ring. ``size_cm`` is the printed width the image is made for.
    """
    counts = [max(0.0, float(v)) for v, _ in values]
    colours = ["#" + c for _, c in values]
    if sum(counts) <= 0:
        counts, colours = [1.0], [_EMPTY]
    inches = size_cm / 2.54
    fig = _figure(inches, inches)
    ax = fig.add_subplot()
    ax.pie(
            counts, colors=colours, startangle=90, counterclock=False,
        wedgeprops={"width": 0.36, "edgecolor": "white", "linewidth": 1.2},
    )
    ax.text(0, 0, label, ha="center", va="center", fontsize=size_cm * 3.1, fontweight="bold",
            color=_TEXT, family=_FONT)
    ax.set_aspect("equal")
    ax.set_axis_off()
    fig.subplots_adjust(0.02, 0.02, 0.98, 0.98)
    return _png(fig)


def _figure(width_in: float, height_in: float):
    """A matplotlib Figure on an Agg canvas (imported here, on first use)."""
    import warnings

    with warnings.catch_warnings():
        # the bundle leaves out mpl_toolkits (3-D axes, never drawn here); matplotlib warns about that
        warnings.filterwarnings("ignore", message="Unable to import Axes3D")
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

    fig = Figure(figsize=(width_in, height_in), dpi=PRINT_DPI)
    FigureCanvasAgg(fig)
    return fig


def _png(fig) -> bytes:
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=PRINT_DPI, facecolor="white", metadata={"Software": None})
    return out.getvalue()
