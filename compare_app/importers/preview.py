"""Public entry point for the GUI's import dialog: preview a table before importing it.

``preview_table(path, mapping=None)`` returns a :class:`TablePreview` (detected header
row, headers, guessed mapping field -> header, first data rows, warnings). The dialog
lets the user edit the mapping and then calls ``load_standard(path, mapping)``.
"""

from ._tabular import FIELDS, TablePreview, preview_table

__all__ = ["FIELDS", "TablePreview", "preview_table"]
