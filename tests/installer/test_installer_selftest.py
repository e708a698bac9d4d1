

def test_self_test_names_missing_data_files_beside_modules(monkeypatch, tmp_path):
    from compare_app import selftest
    from compare_app.align import reference
    from compare_app.exporters import _report_data

    assert selftest.check_app_data() == []
    monkeypatch.setattr(reference, "PATH", tmp_path / "gone.json.gz")
    monkeypatch.setattr(_report_data, "METHOD_README", tmp_path / "README.md")
    problems = selftest.check_app_data()
    assert len(problems) == 2 and "gone.json.gz" in problems[0]


def test_self_test_names_a_missing_trie_backend(monkeypatch):
    import sys

    from compare_app import selftest

    assert selftest.check_language_data() == []
    monkeypatch.setitem(sys.modules, "marisa_trie", None)  # as in a bundle built without it
    assert ["marisa-trie" in p for p in selftest.check_language_data()] == [True]
