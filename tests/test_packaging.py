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


#: import name -> distribution name, where they differ
_DIST_OF = {"PySide6": "pyside6-essentials", "shiboken6": "pyside6-essentials", "docx": "python-docx",
            "marisa_trie": "marisa-trie"}


def test_every_third_party_import_is_a_declared_dependency():
    """A fresh machine installs only what pyproject declares (numpy/scipy were once missed)."""
    import ast
    import re
    import sys

    declared = {
        re.split(r"[<>=!~\s\[]", d, maxsplit=1)[0].lower()
        for d in tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    }
    imported = set()
    for path in (REPO / "compare_app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = {m for m in imported if m not in sys.stdlib_module_names and m != "compare_app"}
    missing = {m for m in third_party if _DIST_OF.get(m, m).lower() not in declared}
    assert not missing, f"imported but not in [project] dependencies: {sorted(missing)}"
