"""Learning across projects: the user-level store of term pairs (compare_app.align.memory)."""

from __future__ import annotations

import json

import pytest
from alignfactory import make_curriculum, make_standard

from compare_app.align import memory
from compare_app.align.index import clear_memo
from compare_app.alignment import Review
from compare_app.project import Project, Settings

ITEM = "BARN01:cc2"  # the item on alternative ways of communicating


@pytest.fixture()
def curriculum():
    clear_memo()
    return make_curriculum()


def _earlier(curriculum) -> Project:
    """A saved project in which the person linked 'tecken som stöd' to the communication item."""
    std = make_standard([("A", "Kommunikation", "Kan använda tecken som stöd med barn som behöver det.")])
    project = Project(std, curriculum, title="Tidigare")
    project.reviews = {"A": Review(links={ITEM: "manual"})}
    return project


def _new(curriculum, learn: bool) -> Project:
    std = make_standard([("B", "Stöd", "Använder tecken och bilder i samtal med elever.")])
    return Project(std, curriculum, settings=Settings(top_k=12, learn_from_history=learn), title="Ny")


def _match(project):
    return next(m for m in project.alignment.results["B"].matches if m.item_id == ITEM)


def test_a_pair_taught_in_an_earlier_project_lifts_a_new_one(curriculum):
    assert memory.remember(_earlier(curriculum)) > 0
    plain, helped = _new(curriculum, learn=False), _new(curriculum, learn=True)
    plain.align()
    helped.align()
    assert _match(helped).score > _match(plain).score
    assert any(e.bridge == "memory" for e in _match(helped).evidence)
    assert not any(e.bridge == "memory" for e in _match(plain).evidence)
    assert helped.alignment.remembered_pairs > 0 and plain.alignment.remembered_pairs == 0


def test_saving_again_replaces_a_projects_pairs_and_its_own_are_not_recalled(curriculum):
    earlier = _earlier(curriculum)
    memory.remember(earlier)
    memory.remember(earlier)  # saved twice: counted once
    pairs = memory.recall()
    assert pairs and all(w == memory.WEIGHT / 2 for targets in pairs.values() for w in targets.values())
    assert memory.recall(exclude=earlier.id) == {}
    earlier.reviews = {}  # the person took the decision back and saved
    memory.remember(earlier)
    assert memory.recall() == {}


def test_the_store_keeps_no_text(curriculum):
    memory.remember(_earlier(curriculum))
    raw = memory.store_path().read_text(encoding="utf-8")
    assert "tecken som stöd" not in raw and "Tidigare" not in raw
    assert json.loads(raw)["schema"] == memory.SCHEMA


@pytest.mark.parametrize("content", [b"", b"\xff\xfe not json", b'{"schema": "other"}', b"[1, 2]",
                                     b'{"schema": "compare-app/learned-pairs@1", "projects": {"x": {"pairs": [[1]]}}}'])
def test_a_damaged_store_reads_as_empty_and_is_rewritten(curriculum, content):
    path = memory.store_path()
    path.write_bytes(content)
    assert memory.recall() == {}
    project = _new(curriculum, learn=True)
    project.align()  # no crash, nothing remembered
    assert project.alignment.remembered_pairs == 0
    memory.remember(_earlier(curriculum))
    assert memory.recall()
