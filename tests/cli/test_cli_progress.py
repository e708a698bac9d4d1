"""Progress on stderr: a bar on a terminal, plain lines in a log, nothing with --quiet or for quick work."""

from __future__ import annotations

import io

import pytest

from compare_app import progress as progress_module
from compare_app.cli import main
from compare_app.progress import Phases, Progress, console, report, within


class _Clock:
    """Stands in for time.monotonic so the tests decide how long a stage took."""

    def __init__(self):
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    c = _Clock()
    monkeypatch.setattr(progress_module.time, "monotonic", c)
    return c


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_quiet_gives_no_progress():
    assert console(quiet=True) is None
    report(None, 1, 2, "jämför krav: K1")  # reporting to nobody is allowed and free


def test_log_gets_a_line_only_for_stages_that_take_a_while(clock):
    log = io.StringIO()
    p = console(stream=log)
    p.step(0, 3, "läser kursplaner: a.xml")
    clock.now += 0.5
    p.step(3, 3, "läser kursplaner: klar")
    assert log.getvalue() == ""  # half a second: nobody waited
    p.step(0, 10, "jämför krav: K1")
    clock.now += 2
    p.step(4, 10, "jämför krav: K5")
    clock.now += 1
    p.step(6, 10, "jämför krav: K7")  # within the interval: no new line
    clock.now += 5
    p.step(9, 10, "jämför krav: K10")
    assert log.getvalue().splitlines() == ["jämför krav … 40 %", "jämför krav … 90 %"]


def test_terminal_gets_a_bar_named_by_the_stage(monkeypatch):
    term = _Terminal()
    p = console(stream=term)
    p.step(0, 4, "läser kursplaner: a.xml")
    p.step(4, 4, "läser kursplaner: klar")
    assert "läser" not in term.getvalue()  # quicker than the delay: no bar at all
    monkeypatch.setattr(progress_module, "DELAY", 0.0)
    p.step(0, 4, "bygger sökindex: ordförråd")
    bar = p.callback._bar
    p.step(2, 4, "bygger sökindex: samband")
    assert p.callback._bar is bar  # one stage, one bar
    p.step(0, 2, "jämför krav: K1")
    assert p.callback._bar is not bar
    p.close()
    assert "bygger sökindex" in term.getvalue()
    assert p.callback._bar is None


def test_within_names_the_stage_and_shares_cancel():
    seen = []
    outer = Progress(lambda d, t, m: seen.append(m))
    inner = within(outer, "skriver Word-rapport")
    inner.step(1, 6, "Skriver kravtabeller")
    assert seen == ["skriver Word-rapport: Skriver kravtabeller"]
    outer.cancel()
    with pytest.raises(Exception) as exc:
        inner.step(2, 6, "Sparar")
    assert type(exc.value).__name__ == "Cancelled"
    assert within(None, "x") is None


def test_phases_make_one_rising_bar():
    seen = []
    phases = Phases(Progress(lambda d, t, m: seen.append((d, t, m))), "bygger", {"a": 1, "b": 3})
    list(phases.each("a", range(10)))
    list(phases.each("b", range(300)))
    phases.step("b", 1, 1)
    done = [d for d, _, _ in seen]
    assert done == sorted(done) and done[0] == 0 and done[-1] == Phases.SCALE
    assert {t for _, t, _ in seen} == {Phases.SCALE}
    assert seen[0][2] == "bygger: a" and seen[-1][2] == "bygger: b"
    assert 100 < len(seen) < 250  # about a hundred reports per phase, not one per item


def _inputs(tmp_path, subject_xml):
    cur = tmp_path / "kursplaner"
    cur.mkdir()
    (cur / "Bageri.xml").write_text(subject_xml("BAG", "Bageri", [
        ("BAGBRÖ01", "Brödbakning 1", 100, ["Degberedning med jäst och surdeg för matbröd."])]), encoding="utf-8")
    std = tmp_path / "standard.csv"
    std.write_text("Nr;Område;Krav\nB1;Bröd;Kan bereda degar med jäst\nB2;Bröd;Kan grädda matbröd\n", encoding="utf-8")
    return std, cur


def test_cli_prints_progress_lines_for_slow_stages_and_none_with_quiet(tmp_path, subject_xml, capsys, monkeypatch):
    std, cur = _inputs(tmp_path, subject_xml)
    monkeypatch.setattr(progress_module, "DELAY", 0.0)  # every stage counts as slow
    assert main(["align", str(std), "--curriculum", str(cur)]) == 0
    err = capsys.readouterr().err
    assert "läser kursplaner …" in err and "jämför krav …" in err
    assert "bygger sökindex" in err  # a first run says why it takes a while

    assert main(["align", str(std), "--curriculum", str(cur), "--quiet"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert "Täckta:" in captured.out
