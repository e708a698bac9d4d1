"""Makes the candidate tests' factory importable and gives each test a fresh hand-made project."""

import sys
from pathlib import Path

import pytest

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

from candfactory import make_project  # noqa: E402


@pytest.fixture
def project():
    return make_project()
