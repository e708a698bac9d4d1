"""compare_app: compare branch competence standards with Swedish course content."""

__version__ = "0.1.0"
