"""Where the app finds its bundled files and where it keeps the user's.

One lookup for every way the app runs: from a checkout, installed with pip, or
frozen by PyInstaller. The app never writes next to its own code or executable;
settings, caches and recovery files live in the platform's user folders.
"""

from __future__ import annotations

import sys
from importlib import resources as _res
from pathlib import Path

APP_NAME = "compare_app"
APP_AUTHOR = "compare_app"


def _bundled(folder: str, package: str) -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / folder
    checkout = Path(__file__).resolve().parent.parent / folder
    if checkout.is_dir():
        return checkout
    return Path(str(_res.files(package)))


def resource_dir() -> Path:
    """The ``resources/`` folder (thesaurus, icons, translations, templates)."""
    return _bundled("resources", "compare_app._resources")


def resource_path(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


def samples_dir() -> Path:
    """The bundled ``samples/`` folder used by ``compare-app demo`` and ``--demo``."""
    return _bundled("samples", "compare_app._samples")


def user_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, APP_AUTHOR, ensure_exists=True)


def user_cache_dir() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, APP_AUTHOR, ensure_exists=True)


def user_config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, APP_AUTHOR, ensure_exists=True)
