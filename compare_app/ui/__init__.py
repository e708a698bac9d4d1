"""The PySide6 desktop interface over the Qt-free core (see ``app.run``)."""
