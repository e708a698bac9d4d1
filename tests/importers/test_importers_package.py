"""Course-code lists of a yrkespaket from CSV/TXT/XLSX."""

from __future__ import annotations

import pytest

from compare_app.errors import InputError
from compare_app.importers import load_package
from compare_app.importers.package_list import looks_like_code

CODES = ["SAAKÄL01S", "SAARÖR01S", "MAEMAT01", "DRIAVH01"]


def test_one_code_per_line_txt(tmp_path):
    path = tmp_path / "paket.txt"
    path.write_text("Svetspaket\n\n" + "\n".join(CODES) + "\nSAAKÄL01S\n", encoding="utf-8")
    assert load_package(path) == CODES  # title skipped, duplicate dropped, order kept


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_code_column_by_header(make_csv, encoding, delimiter):
    rows = [["Kursnamn", "Kurskod", "Poäng"], *[[f"Kurs {c}", c, "100"] for c in CODES], ["Summa", "", "400"]]
    assert load_package(make_csv(rows, name="paket.csv", encoding=encoding, delimiter=delimiter)) == CODES


def test_codes_found_without_header_and_lower_case(make_csv):
    rows = [["Kälsvets 1", "saakäl01s", "100"], ["Rörsvets 1", "SAARÖR01S", "100"]]
    assert load_package(make_csv(rows, name="paket.csv")) == ["SAAKÄL01S", "SAARÖR01S"]


def test_xlsx_with_code_column(make_xlsx):
    rows = [["Yrkespaket svetsare"], ["Kod", "Kurs"], *[[c, "namn"] for c in CODES]]
    assert load_package(make_xlsx(rows, name="paket.xlsx", sheet="Paket")) == CODES


def test_no_codes_is_an_error(tmp_path):
    path = tmp_path / "paket.csv"
    path.write_text("Kurs;Poäng\nSvetsning;100\n", encoding="utf-8")
    with pytest.raises(InputError, match="inga kurskoder"):
        load_package(path)


def test_unknown_extension_and_missing_file(tmp_path):
    with pytest.raises(InputError, match="finns inte"):
        load_package(tmp_path / "saknas.csv")
    other = tmp_path / "paket.pdf"
    other.write_bytes(b"%PDF")
    with pytest.raises(InputError, match="okänt format"):
        load_package(other)


@pytest.mark.parametrize("value, ok", [("SAAKÄL01S", True), ("GRNMAT2", True), ("MAEMAT01", True),
                                       ("Kälsvets 1", False), ("SVETS", False), ("100", False), ("KURSKOD", False)])
def test_looks_like_code(value, ok):
    assert looks_like_code(value) is ok
