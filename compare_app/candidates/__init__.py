"""Candidates: one person's validation against the standard, what it credits, and what is left.

Qt-free. :mod:`.model` holds the records (stored in the project file), :mod:`.edit` the
edits, :mod:`.credit` which courses the shown requirements cover, :mod:`.outcome` the
complementary plan and the units completed, :mod:`.json_out` the ``candidate@1`` JSON and
:mod:`.cli` ``compare-app candidate``. The personal document is
:mod:`compare_app.exporters.candidate_docx`.
"""
