"""What a new project is made of, and how it is built (runs in a worker thread; no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..model import Framework, merge_curricula
from ..progress import Progress, report

# How the package (scope) was chosen
SCOPE_OUTCOME = "outcome"  # a vocational outcome named in curriculum.packages
SCOPE_LIST = "list"  # a yrkespaket file with course codes
SCOPE_SOURCE = "source"  # every course of one curriculum source
SCOPE_ALL = "all"  # the whole catalog
DEMO_PACKAGE = "Industritekniska programmet / Svetsare"


@dataclass
class ProjectSpec:
    standard_path: Path
    curriculum_paths: list[Path]
    scope_kind: str = SCOPE_ALL
    scope_value: str = ""  # outcome name, package-list path or source path
    mapping: dict[str, str] | None = None
    title: str = ""
    #: curricula already read by the dialog (path -> framework), so they are not read twice
    loaded: dict[str, Framework] = field(default_factory=dict)


def read_curricula(paths: list[Path], progress: Progress | None = None, loaded: dict | None = None) -> dict[str, Framework]:
    out: dict[str, Framework] = {}
    from ..importers import load_curriculum

    for n, path in enumerate(paths):
        report(progress, n, len(paths), str(path))
        key = str(path)
        out[key] = (loaded or {}).get(key) or load_curriculum(path, progress)
    return out


def build_project(spec: ProjectSpec, progress: Progress | None = None):
    """Read the files, choose the scope and return a new (not yet aligned) Project."""
    from ..importers import load_package, load_standard
    from ..project import Project, Settings

    if not spec.curriculum_paths:
        raise InputError(None, "välj minst en kursplanekälla")
    standard = load_standard(spec.standard_path, spec.mapping)
    sources = read_curricula(spec.curriculum_paths, progress, spec.loaded)
    curriculum = merge_curricula(list(sources.values()))
    scope = make_scope(spec, curriculum, sources, load_package)
    title = spec.title or standard.title or Path(spec.standard_path).stem
    # a project made in the app learns from the person's earlier saved projects (Inställningar turns it off)
    return Project(standard, curriculum, scope=scope, title=title, settings=Settings(learn_from_history=True))


def make_scope(spec: ProjectSpec, curriculum: Framework, sources: dict[str, Framework], load_package):
    from ..project import Scope

    if spec.scope_kind == SCOPE_OUTCOME:
        if spec.scope_value not in curriculum.packages:
            raise InputError(None, f"yrkesutgången '{spec.scope_value}' finns inte i kursplanekällorna")
        return Scope(package=spec.scope_value)
    if spec.scope_kind == SCOPE_LIST:
        return Scope(courses=list(load_package(spec.scope_value)))
    if spec.scope_kind == SCOPE_SOURCE:
        fw = sources.get(spec.scope_value)
        if fw is None:
            raise InputError(spec.scope_value, "källan är inte vald som kursplanekälla")
        return Scope(courses=list(fw.courses))
    return Scope()


def demo_spec(samples: Path) -> ProjectSpec:
    """The bundled welder example: standard, course plans and the welder package."""
    spec = ProjectSpec(
        standard_path=samples / "standard_svetsare.xlsx",
        curriculum_paths=[samples / "kursplaner"],
        scope_kind=SCOPE_OUTCOME,
        scope_value=DEMO_PACKAGE,
        title="Svetsare (exempel)",
    )
    return spec


def build_demo(samples: Path, progress: Progress | None = None):
    """The demo project; falls back to the package list when the samples lack the programme file."""
    spec = demo_spec(samples)
    sources = read_curricula(spec.curriculum_paths, progress)
    if DEMO_PACKAGE not in merge_curricula(list(sources.values())).packages:
        spec.scope_kind, spec.scope_value = SCOPE_LIST, str(samples / "yrkespaket_svetsare.csv")
    spec.loaded = sources
    return build_project(spec, progress)
