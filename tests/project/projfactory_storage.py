"""Synthetic projects for the storage tests (no real data, deterministic for a seed)."""

from __future__ import annotations

import random

from compare_app.alignment import Alignment, Evidence, ItemRef, Match, RequirementResult, Review
from compare_app.model import Course, Framework, Item, Package, Provenance, SourceInfo, Subject
from compare_app.project import Project, Scope, Settings
from compare_app.units.model import Unit

WORDS = ["svetsa", "montera", "mäta", "säkerhet", "ritning", "kvalitet", "elektrisk", "åtgärda", "Ö-läge", "ånga"]


def make_curriculum(n_courses: int, items_per_course: int, rng: random.Random) -> Framework:
    fw = Framework(kind="curriculum", title="Syntetisk katalog")
    for c in range(n_courses):
        code = f"KURS{c:04d}"
        course = Course(code, f"Kurs {c}", rng.choice([50, 100, 150, None]), subject_code=f"SUB{c % 7}",
                        subject_name=f"Ämne {c % 7}", description=" ".join(rng.choices(WORDS, k=12)),
                        grading={"E": "enkelt " * 5, "C": "väl", "A": "mycket väl"},
                        provenance=Provenance("katalog.tgz", f"subject/{code}"))
        for n in range(items_per_course):
            item = Item(f"{code}:cc{n + 1}", " ".join(rng.choices(WORDS, k=rng.randint(3, 15))),
                        Provenance("katalog.tgz", f"{code}/li[{n + 1}]"), area=course.name,
                        section=f"Avsnitt {n // 4}", course=code, position=n + 1)
            course.items.append(item)
        fw.courses[code] = course
        fw.subjects.setdefault(course.subject_code, Subject(course.subject_code, course.subject_name, "syfte"))
        fw.subjects[course.subject_code].course_codes.append(code)
    fw.items = [it for course in fw.courses.values() for it in course.items]
    codes = list(fw.courses)
    fw.packages["Paket A"] = Package("Paket A", codes[: max(1, len(codes) // 2)], "paket.csv")
    fw.sources.append(SourceInfo("katalog.tgz", "0" * 64, "skolverket-xml-archive", "2019-11-29"))
    fw.warnings.append("en varning från inläsningen")
    return fw


def make_standard(n_reqs: int, rng: random.Random) -> Framework:
    kinds = ["kunskap", "färdighet", "kompetens", None]
    items = [
        Item(f"R{n + 1}", " ".join(rng.choices(WORDS, k=rng.randint(2, 10))), Provenance("standard.xlsx", f"rad {n + 2}"),
             area=f"Område {n % 4}", kind=rng.choice(kinds), level=rng.choice(["4", "5", None]), position=n + 1)
        for n in range(n_reqs)
    ]
    return Framework(kind="standard", title="Syntetisk standard", items=items,
                     sources=[SourceInfo("standard.xlsx", "1" * 64, "xlsx")])


def make_alignment(standard: Framework, curriculum: Framework, rng: random.Random, top_k: int = 5) -> Alignment:
    results = {}
    for req in standard.items:
        picks = rng.sample(curriculum.items, min(top_k, len(curriculum.items)))
        matches = [
            Match(it.id, it.course or "", round(rng.random(), 4), it.text,
                  [Evidence(req.text.split()[0], it.text.split()[0], rng.choice(["exact", "lemma", "synonym"]),
                            round(rng.random(), 3))],
                  [ItemRef(t.id, t.course or "") for t in rng.sample(curriculum.items, min(len(curriculum.items), rng.choice([0, 0, 1, 2])))])
            for it in picks
        ]
        matches.sort(key=lambda m: -m.score)
        best = matches[0].score if matches else 0.0
        status = "covered" if best >= 0.6 else "partial" if best >= 0.45 else "gap"
        results[req.id] = RequirementResult(req.id, status, best, matches)
    return Alignment(results, list(curriculum.courses), "test-method 1", {"covered": 0.6, "partial": 0.45})


def make_project(n_courses: int = 20, items_per_course: int = 10, n_reqs: int = 40, seed: int = 1) -> Project:
    """A project with every part filled in: proposals, all kinds of decisions, units, settings."""
    rng = random.Random(seed)
    curriculum = make_curriculum(n_courses, items_per_course, rng)
    standard = make_standard(n_reqs, rng)
    project = Project(standard, curriculum, scope=Scope(package="Paket A"), title="Granskning av svetsstandard",
                      settings=Settings(author="Assessor Å", hours_per_point=0.8, top_k=5),
                      essential=[standard.items[0].id, "Område 1"])
    project.alignment = make_alignment(standard, curriculum, rng)
    for n, req in enumerate(standard.items):
        matches = project.alignment.results[req.id].matches
        if n % 4 == 0:
            project.accept(req.id, matches[0].item_id)
        elif n % 4 == 1:
            project.reject(req.id, matches[0].item_id)
            project.set_note(req.id, f"Bedömning {n}: täcks inte fullt\nrad två")
        elif n % 4 == 2:
            project.link(req.id, curriculum.items[n % len(curriculum.items)].id)
            project.set_status(req.id, "partial")
    ids = [r.id for r in standard.items]
    project.units = [
        Unit("U1", "Svetsning grund", ids[: len(ids) // 2], level="4", assessment="praktiskt prov", locked=True),
        Unit("U2", "Säkerhet", ids[len(ids) // 2:], prerequisites="U1", notes="anteckning"),
    ]
    return project


def decisions(project: Project) -> dict[str, tuple]:
    """Every person-made decision, comparable across save and load."""
    return {rid: (dict(r.links), r.status, r.note, r.decided_by, r.decided_at) for rid, r in project.reviews.items()}
