from .model import Project, Scope, Settings

__all__ = ["Project", "Scope", "Settings"]
