"""Where the app finds its bundled files and where it keeps the user's.

One lookup for every way the app runs: from a checkout, installed with pip, or
frozen by PyInstaller. The app never writes next to its own code or executable;
settings, caches and recovery files live in the platform's user folders.
"""

from __future__ import annotations

import sys
from pathlib import Path

APP_NAME = "compare_app"
APP_AUTHOR = "compare_app"


def _bundled(folder: str) -> Path:
    """``folder`` in a frozen bundle, a checkout, or an installed wheel (as ``compare_app/_<folder>``)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / folder
    package_dir = Path(__file__).resolve().parent
    checkout = package_dir.parent / folder
    if checkout.is_dir() and (package_dir.parent / "pyproject.toml").is_file():
        return checkout
    return package_dir / f"_{folder}"


def resource_dir() -> Path:
    """The ``resources/`` folder (thesaurus, icons, translations, templates)."""
    return _bundled("resources")


def resource_path(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


def samples_dir() -> Path:
    """The bundled ``samples/`` folder used by ``compare-app demo`` and ``--demo``."""
    return _bundled("samples")


def user_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, APP_AUTHOR, ensure_exists=True)


def user_cache_dir() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, APP_AUTHOR, ensure_exists=True)


def user_config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, APP_AUTHOR, ensure_exists=True)
