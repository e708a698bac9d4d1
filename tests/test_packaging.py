"""pyproject lists packages by hand (to ship resources/ and samples/): keep the list complete."""

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_every_package_folder_is_listed():
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(REPO).parts)
        for p in (REPO / "compare_app").rglob("__init__.py")
    }
    assert found <= listed, f"add to pyproject [tool.setuptools] packages: {sorted(found - listed)}"


def test_core_never_imports_qt():
    offenders = [
        str(p.relative_to(REPO))
        for p in (REPO / "compare_app").rglob("*.py")
        if "ui" not in p.relative_to(REPO / "compare_app").parts[:1]
        and any(line.lstrip().startswith(("import PySide6", "from PySide6")) for line in p.read_text(encoding="utf-8").splitlines())
    ]
    assert offenders == []
