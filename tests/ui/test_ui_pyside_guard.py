"""The Qt binding in use must not leak references to None (PySide6 6.12.0 on Python 3.11 did,
aborting a long session with "none_dealloc"; pyproject excludes it)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem


def test_none_returning_calls_keep_nones_refcount(qtbot):
    tree = QTreeWidget()
    qtbot.addWidget(tree)
    top = QTreeWidgetItem(tree, ["a"])
    kids = [QTreeWidgetItem(top, [str(i)]) for i in range(200)]
    before = sys.getrefcount(None)
    for _ in range(20):  # 8,000 calls that return None
        for k in kids:
            k.setHidden(False)
            k.setExpanded(False)
    assert sys.getrefcount(None) >= before - 10
