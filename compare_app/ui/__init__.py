"""The PySide6 desktop interface over the Qt-free core (see ``app.run``)."""

from ._pyside_guard import protect_none

protect_none()
