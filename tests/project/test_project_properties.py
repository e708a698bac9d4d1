"""Property-based tests: any project survives save and load; any bytes give at most an InputError."""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare_app.alignment import STATUSES, Alignment, Evidence, Match, RequirementResult, Review
from compare_app.errors import InputError
from compare_app.model import Course, Framework, Item, Package, Provenance, SourceInfo, Subject
from compare_app.project import Project, Scope, Settings, storage
from compare_app.project.migrations import FORMAT_NAME, FORMAT_VERSION
from compare_app.units.model import Unit
from projfactory_storage import make_project

# every code point, including control characters; lone surrogates and non-finite numbers are
# repaired or refused at the boundary (test_project_values.py)
text = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
short_list = lambda s: st.lists(s, max_size=4)  # noqa: E731
numbers = st.floats(allow_nan=False, allow_infinity=False)
whole = st.integers(-(2**53), 2**53)  # larger ones are refused at the boundary too

provenance = st.builds(Provenance, text, text)
item = st.builds(Item, id=text, text=text, provenance=provenance, area=text, section=text,
                 kind=st.none() | text, level=st.none() | text, course=st.none() | text, position=whole)
subject = st.builds(Subject, text, text, text, text, short_list(text))
package = st.builds(Package, text, short_list(text), text)
source = st.builds(SourceInfo, text, text, text, text)


@st.composite
def frameworks(draw) -> Framework:
    items = draw(st.lists(item, max_size=6))
    courses = {}
    for code in draw(st.lists(text, max_size=3, unique=True)):
        shared = draw(st.lists(st.sampled_from(items), max_size=3)) if items and draw(st.booleans()) else []
        own = draw(st.lists(item, max_size=2)) if draw(st.booleans()) else []
        courses[code] = Course(code, draw(text), draw(st.none() | whole), shared + own, draw(text), draw(text),
                               draw(text), draw(st.dictionaries(text, text, max_size=3)), draw(st.none() | provenance))
    return Framework(
        kind=draw(st.sampled_from(["standard", "curriculum"])),
        title=draw(text),
        items=items,
        courses=courses,
        subjects=draw(st.dictionaries(text, subject, max_size=2)),
        packages=draw(st.dictionaries(text, package, max_size=2)),
        sources=draw(short_list(source)),
        warnings=draw(short_list(text)),
    )


evidence = st.builds(Evidence, text, text, text, numbers)
match = st.builds(Match, text, text, numbers, text, short_list(evidence))
status = st.sampled_from(STATUSES)
result = st.builds(RequirementResult, text, status, numbers, short_list(match))
alignment = st.builds(Alignment, st.dictionaries(text, result, max_size=4), short_list(text), text,
                      st.dictionaries(text, numbers, max_size=3))
review = st.builds(Review, st.dictionaries(text, st.sampled_from(["accepted", "rejected", "manual"]), max_size=3),
                   st.none() | status, text, text, text)
unit = st.builds(Unit, text, text, short_list(text), text, text, text, text, st.booleans())
projects = st.builds(
    Project,
    standard=frameworks(),
    curriculum=frameworks(),
    scope=st.builds(Scope, st.none() | text, st.none() | short_list(text)),
    alignment=st.none() | alignment,
    reviews=st.dictionaries(text, review, max_size=4),
    units=short_list(unit),
    settings=st.builds(Settings, text, numbers, whole),
    title=text,
    id=text,
    essential=short_list(text),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(projects)
def test_any_project_saved_and_reopened_is_equal(project):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.cmpproj"
        storage.save(project, path)
        storage.save(project, path)  # over an existing file, with backup
        assert storage.load(path).project == project
        assert storage.load(storage.backup_path(path)).project == project


def load_bytes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.cmpproj"
        path.write_bytes(data)
        try:
            storage.load(path)
        except InputError as exc:
            assert exc.path == str(path) and exc.problem


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000) | st.binary(max_size=200).map(lambda b: b"PK\x03\x04" + b))
def test_arbitrary_bytes_never_raise_anything_but_input_error(data):
    load_bytes(data)


_GOOD = storage.to_bytes(make_project(n_courses=2, items_per_course=2, n_reqs=3))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(_GOOD) - 1), st.integers(0, 255)), min_size=1, max_size=8))
def test_damaged_project_file_never_raises_anything_but_input_error(changes):
    data = bytearray(_GOOD)
    for pos, value in changes:
        data[pos] = value
    load_bytes(bytes(data))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | numbers | text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=12,
)


@settings(max_examples=100, deadline=None)
@given(json_values, st.sampled_from(["project.json", "standard.json", "curriculum.json"]))
def test_any_json_in_a_member_never_raises_anything_but_input_error(value, member):
    with zipfile.ZipFile(io.BytesIO(_GOOD)) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members[member] = json.dumps(value).encode()
    members["manifest.json"] = json.dumps({"format": FORMAT_NAME, "format_version": FORMAT_VERSION}).encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for n, b in members.items():
            zf.writestr(n, b)
    load_bytes(buf.getvalue())
