"""Importers: one module per input format, all returning :class:`compare_app.model.Framework`.

Use the three entry points below; they pick the module from the file's type.
Every importer raises :class:`compare_app.errors.InputError` for a bad file.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..model import Framework, merge_curricula
from ..progress import Progress
from .cache import cached
from .preview import TablePreview, preview_table

__all__ = ["TablePreview", "load_curricula", "load_curriculum", "load_package", "load_standard", "preview_table"]

CURRICULUM_ARCHIVES = (".tgz", ".tar.gz", ".zip", ".tar")


def load_curriculum(path: str | Path, progress: Progress | None = None) -> Framework:
    """A Skolverket archive, folder, subject/programme XML file, or syllabus-API JSON file.

    A source read before with the same content comes from the cache (:mod:`.cache`)."""
    path = Path(path)
    name = path.name.lower()
    if path.is_dir() or name.endswith(CURRICULUM_ARCHIVES) or name.endswith(".xml"):
        from . import skolverket_xml

        return cached(path, lambda: skolverket_xml.read(path, progress), progress)
    if name.endswith(".json"):
        from . import skolverket_json

        return cached(path, lambda: skolverket_json.read(path), progress)
    if not path.exists():
        raise InputError(path, "filen finns inte")
    raise InputError(path, "okänd kursplanekälla (väntade Skolverkets .tgz/.zip/.xml eller API-JSON)")


def load_curricula(paths: list[str | Path], progress: Progress | None = None) -> Framework:
    return merge_curricula([load_curriculum(p, progress) for p in paths])


def load_standard(path: str | Path, mapping: dict[str, str] | None = None, progress: Progress | None = None) -> Framework:
    """A branch standard from .xlsx, .csv/.tsv/.txt, .docx or a CASE JSON package.

    ``mapping`` maps our field names (``id``, ``area``, ``kind``, ``text``, ``level``)
    to column headers, for tables whose headers are not recognised.
    """
    path = Path(path)
    name = path.name.lower()
    if not path.exists():
        raise InputError(path, "filen finns inte")
    if name.endswith((".xlsx", ".xlsm")):
        from . import standard_xlsx

        return standard_xlsx.read(path, mapping)
    if name.endswith((".csv", ".tsv", ".txt")):
        from . import standard_csv

        return standard_csv.read(path, mapping)
    if name.endswith(".docx"):
        from . import standard_docx

        return standard_docx.read(path)
    if name.endswith(".json"):
        from . import case_json

        return case_json.read(path)
    if name.endswith((".xls", ".doc")):
        raise InputError(path, "det gamla Office-formatet läses inte: spara filen som .xlsx eller .docx och försök igen")
    raise InputError(path, "okänt format för kompetensstandard (väntade .xlsx, .csv, .docx eller CASE .json)")


def load_package(path: str | Path) -> list[str]:
    """Course codes of a yrkespaket from a .csv/.txt/.xlsx list."""
    from . import package_list

    return package_list.read(path)
