"""compare_app: compare branch competence standards with Swedish course content."""

__version__ = "0.1.0"


def __getattr__(name: str):
    """``compare_app.build_overview``, imported on first use so ``import compare_app`` stays cheap."""
    if name == "build_overview":
        from .overview import build_overview

        return build_overview
    raise AttributeError(f"module 'compare_app' has no attribute {name!r}")
