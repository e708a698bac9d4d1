"""Interface language: Swedish source strings, English from resources/translations/."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from ..paths import resource_path

LANGUAGES = {"sv": "Svenska", "en": "English"}
_installed: list[QTranslator] = []


def translation_file(lang: str):
    return resource_path("translations", f"compare_app_{lang}.qm")


def install(app: QApplication, lang: str) -> bool:
    """Use ``lang`` for the interface; numbers and dates stay in Swedish format. True if found."""
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_tr = QTranslator(app)
    if qt_tr.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qt_tr)
        _installed.append(qt_tr)
    if lang == "sv":
        return True
    ours = QTranslator(app)
    if ours.load(str(translation_file(lang))):
        app.installTranslator(ours)
        _installed.append(ours)
        return True
    return False
