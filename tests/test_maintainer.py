"""Tools for maintainers who are not programmers: a new KSB from questions, a spreadsheet import, annotations
in a pull request, and on every page when its content changed and where to fix it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import REPO, TODAY, write
from siaga.content.errors import ContentInvalid
from siaga.content.validate import load_and_validate
from siaga.maintainer.spreadsheet import import_file

ENV = {**os.environ, "PYTHONPATH": str(REPO / "scripts")}


def siaga(project, *args: str, answers: str = "", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "siaga", "--root", str(project.root), *args], input=answers,
                          capture_output=True, text=True, env={**ENV, **(env or {})}, check=False)


# --- make new-ksb ------------------------------------------------------------------------------

ANSWERS = "\n".join([
    "2",                      # Kabupaten Lebak, by number
    "KSB Desa Cibeber: Siaga #1",  # a name with ': ' and '#', which must stay text
    "Cibeberr",               # not in the official list: "maksud Anda 'Cibeber'?", asked again
    "Cibeber",
    "Cibeber",                # the village, official spelling
    "-6,85 106,3",            # a decimal comma: the format is explained, asked again
    "106.3012, -6.8512",      # longitude first, as some apps copy it: read the right way round
    "1,2",                    # banjir, tanah-longsor
    "Berita uji: KSB Cibeber dibentuk",
    "Koran uji",
    "2025-10-03",
    "",                       # no web address
    "ya",                     # the posko agreed to publish its contact
    "Balai desa Cibeber",
    "0812-ABC",               # refused, asked again
    "0813-1111-2222",
]) + "\n"


def test_new_ksb_writes_a_valid_commented_file_from_answers(project):
    result = siaga(project, "ksb-baru", answers=ANSWERS)
    assert result.returncode == 0, result.stderr
    target = project.content / "ksb/kab-lebak/cibeber.yml"
    text = target.read_text(encoding="utf-8")
    assert "# Kolom lain yang bisa diisi" in text and "'KSB Desa Cibeber: Siaga #1'" in text
    assert "bukan nomor telepon" in result.stdout  # the wrong number was explained, then asked again
    assert "maksud Anda 'Cibeber'?" in result.stdout  # and the misspelt kecamatan
    content = load_and_validate(project.content, today=TODAY)
    [entry] = [e for e in content.ksb if e.slug == "cibeber"]
    assert entry.record.nama == "KSB Desa Cibeber: Siaga #1"
    assert entry.record.ancaman == ["banjir", "tanah-longsor"] and entry.record.posko.telepon == "+6281311112222"
    assert entry.tempat.desa == (("36.02.19.2001", "Cibeber", "desa"),)
    assert (entry.record.lokasi.lat, entry.record.lokasi.lon) == (-6.8512, 106.3012) and not entry.tempat.titik_perkiraan
    assert "titik desimal" in result.stdout and "# lokasi:" not in text
    assert [(s.judul, s.tanggal.isoformat()) for s in entry.record.sumber] == [("Berita uji: KSB Cibeber dibentuk", "2025-10-03")]


def test_new_ksb_without_a_posko_contact_is_written_without_one(project):
    answers = ANSWERS.replace("\nya\nBalai desa Cibeber\n0812-ABC\n0813-1111-2222\n", "\ntidak\n")
    answers = answers.replace("-6,85 106,3\n106.3012, -6.8512\n", "\n")  # no coordinates: the question is skipped
    result = siaga(project, "ksb-baru", answers=answers)
    assert result.returncode == 0, result.stderr
    [entry] = [e for e in load_and_validate(project.content, today=TODAY).ksb if e.slug == "cibeber"]
    assert entry.record.posko is None


def test_new_ksb_never_overwrites_a_file(project):
    existing = write(project, "ksb/kab-lebak/cibeber.yml", "# milik orang lain\n")
    answers = ANSWERS + "cibeber-2\n"
    result = siaga(project, "ksb-baru", answers=answers)
    assert result.returncode == 0, result.stderr
    assert existing.read_text(encoding="utf-8") == "# milik orang lain\n"
    assert "tidak akan ditimpa" in result.stdout
    assert (project.content / "ksb/kab-lebak/cibeber-2.yml").is_file()


def test_new_ksb_stops_without_writing_on_an_empty_answer(project):
    before = sorted(project.content.rglob("*"))
    result = siaga(project, "ksb-baru", answers="2\n\n")
    assert result.returncode == 0
    assert "tidak ada berkas yang ditulis" in result.stderr
    assert sorted(project.content.rglob("*")) == before


# --- make import -------------------------------------------------------------------------------

HEADER = ("wilayah,berkas,nama,kecamatan,desa,ancaman,posko_alamat,posko_telepon,posko_whatsapp,relawan,"
          "sumber_judul,sumber_penerbit\n")
ROWS = ("Kabupaten Lebak,cikotok,KSB Cikotok,Cibeber,Cikotok,banjir; tanah-longsor,Balai desa,0813-2222-3333,ya,15,Berita uji,Koran uji\n"
        "kota-serang,cipare,KSB Cipare,Serang,Cipare,banjir,Posko baru,(0254) 200000,tidak,,,\n")


def test_import_writes_valid_files_and_a_second_run_changes_nothing(project, tmp_path):
    sheet = tmp_path / "ksb.csv"
    sheet.write_text(HEADER + ROWS, encoding="utf-8")
    written = import_file(sheet, project.content)
    assert sorted(path.name for path in written) == ["cikotok.yml", "cipare.yml"]
    content = load_and_validate(project.content, today=TODAY)
    cikotok = next(e for e in content.ksb if e.slug == "cikotok")
    assert cikotok.record.posko.whatsapp is True and cikotok.record.relawan == 15
    before = {path: path.read_bytes() for path in project.content.rglob("*.yml")}
    assert import_file(sheet, project.content) == []
    assert {path: path.read_bytes() for path in project.content.rglob("*.yml")} == before


def test_import_never_touches_people_or_consent_it_was_not_given(project, tmp_path):
    cipare = project.content / "ksb/kota-serang/cipare.yml"
    before = load_and_validate(project.content, today=TODAY)
    people_before = next(e for e in before.ksb if e.slug == "cipare").record.pengurus
    sheet = tmp_path / "ksb.csv"
    sheet.write_text(HEADER + ROWS, encoding="utf-8")
    import_file(sheet, project.content)
    after = next(e for e in load_and_validate(project.content, today=TODAY).ksb if e.slug == "cipare")
    assert after.record.pengurus == people_before
    assert after.record.posko.alamat == "Posko baru"
    assert "titik_kumpul" in cipare.read_text(encoding="utf-8")  # columns the sheet lacks stay


def test_import_reads_what_excel_and_libreoffice_save(project, tmp_path):
    from openpyxl import Workbook

    semicolons = tmp_path / "excel.csv"  # Excel in an Indonesian locale: semicolons, Windows code page
    semicolons.write_bytes((HEADER + ROWS).replace(",", ";").replace("; tanah-longsor", ", tanah-longsor")
                           .replace("KSB Cikotok", "KSB Cikotok Ñ").encode("cp1252"))
    import_file(semicolons, project.content)
    assert next(e for e in load_and_validate(project.content, today=TODAY).ksb if e.slug == "cikotok").record.nama == "KSB Cikotok Ñ"
    workbook = Workbook()
    sheet = workbook.active
    for line in (HEADER + ROWS).splitlines():
        sheet.append(line.split(","))
    sheet.append(["kab-lebak", "cisimeut", "KSB Cisimeut", "Leuwidamar", "Cisimeut", "banjir", "Masjid", "0813-4444-5555", "", 7,
                  "Berita", "Koran"])
    xlsx = tmp_path / "ksb.xlsx"
    workbook.save(xlsx)
    import_file(xlsx, project.content)
    assert "cisimeut" in {e.slug for e in load_and_validate(project.content, today=TODAY).ksb}


def test_import_skips_the_templates_sample_row_and_names_every_file_it_wrote(project, tmp_path, capsys):
    """The template filled in below its sample row: the sample is never published, and the maintainer is told so, and
    which files changed."""
    template = (REPO / "templat" / "ksb.csv").read_text(encoding="utf-8")
    header = template.splitlines()[0].split(",")
    row = dict.fromkeys(header, "") | {"wilayah": "kab-lebak", "berkas": "cikotok", "nama": "KSB Cikotok", "kecamatan": "Cibeber",
                                       "desa": "Cikotok", "ancaman": "banjir", "sumber_judul": "Berita uji", "sumber_penerbit": "Koran uji"}
    sheet = tmp_path / "ksb.csv"
    sheet.write_text(template + ",".join(row[column] for column in header) + "\n", encoding="utf-8")
    written = import_file(sheet, project.content)
    said = capsys.readouterr().out
    assert [path.name for path in written] == ["cikotok.yml"]
    assert not list(project.content.rglob("contoh-baris.yml")), "the sample row is not imported"
    assert "Baris 2 adalah baris contoh dari templat ((hapus baris ini)): dilewati, tidak diimpor." in said
    assert "  ditulis: content/ksb/kab-lebak/cikotok.yml" in said and "1 baris diimpor, 1 berkas ditulis atau diubah" in said
    (tmp_path / "templat.csv").write_text(template, encoding="utf-8")
    assert import_file(tmp_path / "templat.csv", project.content) == []
    assert "Tidak ada baris KSB di lembar ini selain baris contoh" in capsys.readouterr().out


def test_import_reports_problems_by_row_and_column_and_writes_nothing(project, tmp_path):
    sheet = tmp_path / "ksb.csv"
    sheet.write_text(HEADER + ROWS + "kab-lebk,,X,Y,Z,banjir,A,0813-2222-4444,,,S,P\n"
                     "kab-lebak,,KSB Rusak,Cibeber,Cikotok,banjr,A,0813-ABC,,banyak,S,P\n"
                     "kab-lebak,,KSB Salah Tempat,Cibeberr,Cikotok,banjir,,,,,S,P\n", encoding="utf-8")
    before = sorted(project.content.rglob("*"))
    with pytest.raises(ContentInvalid) as caught:
        import_file(sheet, project.content)
    assert [str(problem) for problem in caught.value.errors] == [
        "ksb.csv:4:1: baris 4, kolom wilayah: 'kab-lebk' tidak dikenal (tulis kode seperti kab-lebak atau nama seperti Kabupaten Lebak)",
        "ksb.csv:5:6: baris 5, kolom ancaman: ancaman: 'banjr' tidak dikenal (dikenal: banjir, tanah-longsor)",
        "ksb.csv:5:8: baris 5, kolom posko_telepon: telepon: '0813-ABC' bukan nomor telepon: "
        "hanya angka, spasi, tanda hubung dan '+' di depan",
        "ksb.csv:5:10: baris 5, kolom relawan: relawan: harus berupa bilangan bulat, bukan 'banyak'",
        "ksb.csv:6:4: baris 6, kolom kecamatan: 'Cibeberr' tidak ada di daftar resmi Kemendagri untuk Kabupaten Lebak: "
        "maksud Anda 'Cibeber'?",
    ]
    assert sorted(project.content.rglob("*")) == before


def test_the_template_in_the_repository_imports_once_its_sample_row_is_filled_in(project, tmp_path):
    """The template's columns and sample values stay importable: the sample row, renamed as a maintainer would, imports."""
    from siaga.maintainer.spreadsheet import TEMPLATE_EXAMPLE

    sheet = tmp_path / "ksb.csv"
    sheet.write_text((REPO / "templat/ksb.csv").read_text(encoding="utf-8").replace(f" {TEMPLATE_EXAMPLE}", ""), encoding="utf-8")
    written = import_file(sheet, project.content)
    assert [path.name for path in written] == ["contoh-baris.yml"]
    assert next(e for e in load_and_validate(project.content, today=TODAY).ksb if e.slug == "contoh-baris").record.contoh


# --- pull requests and pages -------------------------------------------------------------------


def test_content_problems_become_annotations_on_github(project):
    write(project, "ksb/kab-lebak/rusak.yml", "nama: 'KSB Rusak\n")
    result = siaga(project, "validate", env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=content/ksb/kab-lebak/rusak.yml,line=1,col=7::tanda kutip dibuka di sini tetapi tidak ditutup: "
        "tambahkan tanda kutip penutup di akhir nilainya"]


def test_pages_say_when_their_content_changed_and_where_to_fix_it(project):
    from bs4 import BeautifulSoup

    git = ["git", "-C", str(project.root), "-c", "user.name=Uji", "-c", "user.email=uji@contoh.example"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "content"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "isi", "--date", "2026-11-20T03:30:00+00:00"],
                   check=True, env={**os.environ, "GIT_COMMITTER_DATE": "2026-11-20T03:30:00+00:00"})
    result = siaga(project, "build", env={"SIAGA_EDIT_URL": "https://github.com/contoh/siaga/edit/main/"})
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((project.site / "ksb/kota-serang/cipare/index.html").read_text(encoding="utf-8"), "html.parser")
    text = " ".join(soup.select_one("article").get_text(" ").split())
    assert "Terakhir diubah: 20 November 2026, pukul 10.30 WIB" in text  # 03:30 UTC is 10:30 in Banten
    assert soup.select_one('a[href="https://github.com/contoh/siaga/edit/main/content/ksb/kota-serang/cipare.yml"]').get_text() == \
        "Perbaiki data ini"
    assert soup.select_one('a[href$="tentang/#mengoreksi-data-atau-menarik-persetujuan"]').get_text() == "Laporkan kesalahan"


def test_workflows_run_the_same_make_targets_as_ci(project):
    from ruamel.yaml import YAML

    github = YAML(typ="safe").load((REPO / ".github/workflows/situs.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", "") for step in github["jobs"]["periksa"]["steps"]]
    assert {"make validate", "make test", "make check"} <= set(steps)
    publish = [step.get("uses", "").split("@")[0] for step in github["jobs"]["terbitkan"]["steps"]]
    pages_actions = [name for name in publish if name.startswith("actions/") and "pages" in name]
    assert pages_actions == ["actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"]
    gitlab = YAML(typ="safe").load((REPO / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert {"make validate", "make test", "make check"} <= set(gitlab["periksa"]["script"])
    assert gitlab["pages"]["artifacts"]["paths"] == ["public"]
    hooks = YAML(typ="safe").load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hooks["repos"][0]["hooks"][0]["entry"] == "make validate"


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="counts open files through /proc")
def test_a_spreadsheet_is_closed_once_read(tmp_path):
    """openpyxl's read-only workbook keeps its file open until closed; left to the garbage collector, the
    warning landed on whichever test ran next."""
    import gc

    from openpyxl import Workbook

    from siaga.maintainer.spreadsheet import read_rows

    path = tmp_path / "ksb.xlsx"
    workbook = Workbook()
    workbook.active.append(["wilayah", "slug"])
    workbook.active.append(["kab-lebak", "cikotok"])
    workbook.save(path)
    gc.disable()  # only an explicit close may close it
    try:
        before = len(os.listdir("/proc/self/fd"))
        assert read_rows(path) == [{"wilayah": "kab-lebak", "slug": "cikotok"}]
        assert len(os.listdir("/proc/self/fd")) == before
    finally:
        gc.enable()
        gc.collect()
