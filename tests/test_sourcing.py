"""What residents act on and journalists call is sourced, reviewed, and never a made-up number one tap away.

Validation enforces the rules (exact messages and positions, as maintainers see them); the
rendering helpers cannot show a number without saying whether it is real.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import KSB_MINIMAL, KSB_SOURCE, REPO, TODAY, write
from siaga.content import phone
from siaga.content.validate import load_and_validate
from siaga.pages import render
from test_validate import problems

GUIDE = """\
---
judul: Uji
ringkasan: Ringkasan uji.
sumber:
  - {{judul: Sumber uji, penerbit: Penerbit uji{year}}}
ditinjau:
  tanggal: {reviewed}
  oleh: Bidang uji
---
Isi.
"""


def numbers_file(source: str) -> str:
    return f"""\
nomor_darurat:
  - nomor: "112"
    nama: Layanan uji
    untuk: Apa saja.
    dikelola: Pemerintah uji
    sumber:
{source}"""


# --- sources that can be checked ---------------------------------------------------------------


def test_emergency_number_source_needs_its_year(project):
    write(project, "kontak/darurat.yml", numbers_file("      - {judul: Sumber uji, penerbit: Penerbit uji}\n"))
    assert problems(project) == [
        "content/kontak/darurat.yml:7:9: kolom wajib 'tahun' belum diisi pada butir 'sumber' ini: tambahkan "
        "'tahun: ...' ke butir ini, sejajar dengan kolom lain di dalamnya. Rujukan kolom: content/SKEMA.md, "
        "bagian \"sumber nomor darurat, lembaga dan panduan (tahun wajib)\" (juga di situs: Untuk pengelola > "
        "Rujukan kolom)",
    ]


def test_emergency_number_without_any_source_is_refused(project):
    write(project, "kontak/darurat.yml", numbers_file("      []\n"))
    assert problems(project) == ["content/kontak/darurat.yml:6:5: sumber: harus berisi paling sedikit 1 butir"]


def test_emergency_number_must_say_who_runs_it(project):
    text = numbers_file("      - {judul: Sumber uji, penerbit: Penerbit uji, tahun: 2024}\n").replace("    dikelola: Pemerintah uji\n", "")
    write(project, "kontak/darurat.yml", text)
    assert problems(project) == [
        "content/kontak/darurat.yml:2:5: kolom wajib 'dikelola' belum diisi pada butir 'nomor_darurat' ini: "
        "tambahkan 'dikelola: ...' ke butir ini, sejajar dengan kolom lain di dalamnya. Rujukan kolom: "
        "content/SKEMA.md, bagian \"content/kontak/*.yml: nomor_darurat\" (juga di situs: Untuk pengelola > "
        "Rujukan kolom)",
    ]


def test_guide_source_needs_its_year(project):
    write(project, "panduan/uji.md", GUIDE.format(year="", reviewed="2026-11-01"))
    assert problems(project) == [
        "content/panduan/uji.md:5:5: kolom wajib 'tahun' belum diisi pada butir 'sumber' ini: tambahkan "
        "'tahun: ...' ke butir ini, sejajar dengan kolom lain di dalamnya. Rujukan kolom: content/SKEMA.md, "
        "bagian \"sumber nomor darurat, lembaga dan panduan (tahun wajib)\" (juga di situs: Untuk pengelola > "
        "Rujukan kolom)",
    ]


def test_organisation_channel_needs_where_it_was_published(project):
    write(project, "kontak/lain.yml", """\
organisasi:
  - id: lain
    nama: Lembaga Lain
    jenis: pemerintah
    peran: Uji.
    telepon: (0254) 200001
    sumber: [{judul: Sumber, penerbit: Penerbit, tahun: 2024}]
""")
    assert problems(project) == [
        "content/kontak/lain.yml:2:5: sumber_kontak: telepon, e-mail, situs, media sosial atau alamat perlu sumber "
        "(di mana lembaga itu mengumumkannya)"
    ]


def test_organisation_without_channel_must_say_how_to_reach_it(project):
    write(project, "kontak/lain.yml", """\
organisasi:
  - id: lain
    nama: Lembaga Lain
    jenis: relawan
    peran: Uji.
    sumber: [{judul: Sumber, penerbit: Penerbit, tahun: 2024}]
""")
    assert problems(project) == [
        "content/kontak/lain.yml:2:5: cara_menghubungi: lembaga tanpa telepon atau e-mail terverifikasi "
        "perlu keterangan bahwa keduanya belum ditemukan, dan cara lain menghubunginya"
    ]


def test_organisation_role_needs_a_source(project):
    write(project, "kontak/lain.yml", """\
organisasi:
  - id: lain
    nama: Lembaga Lain
    jenis: relawan
    peran: Uji.
    cara_menghubungi: Lewat posko.
""")
    assert problems(project) == [
        "content/kontak/lain.yml:2:5: kolom wajib 'sumber' belum diisi pada butir 'organisasi' ini: tambahkan "
        "'sumber: ...' ke butir ini, sejajar dengan kolom lain di dalamnya. Rujukan kolom: content/SKEMA.md, "
        "bagian \"content/kontak/*.yml: organisasi\" (juga di situs: Untuk pengelola > Rujukan kolom)",
    ]


# --- reviews that mean something ---------------------------------------------------------------


def test_guide_review_names_who_reviewed_it(project):
    write(project, "panduan/uji.md", GUIDE.format(year=", tahun: 2024", reviewed="2026-11-01").replace("  oleh: Bidang uji\n", ""))
    assert problems(project) == [
        "content/panduan/uji.md:6:1: kolom wajib 'oleh' di dalam 'ditinjau' belum diisi: tambahkan baris "
        "'oleh: ...' di bawah 'ditinjau:', menjorok sejajar dengan kolom lain di dalamnya. Rujukan kolom: "
        "content/SKEMA.md, bagian \"panduan: ditinjau\" (juga di situs: Untuk pengelola > Rujukan kolom)",
    ]


def test_a_review_date_alone_is_not_enough(project):
    structured = "ditinjau:\n  tanggal: x\n  oleh: Bidang uji\n"
    text = GUIDE.format(year=", tahun: 2024", reviewed="x").replace(structured, "ditinjau: 2026-11-01\n")
    write(project, "panduan/uji.md", text)
    assert problems(project) == [
        "content/panduan/uji.md:6:11: ditinjau: harus berupa kumpulan kolom 'kunci: nilai', bukan '2026-11-01'"
    ]


@pytest.mark.parametrize(("reviewed", "warned"), [("2025-12-02", False), ("2025-12-01", True), ("2026-12-02", False)])
def test_review_older_than_twelve_months_is_a_warning_not_an_error(project, reviewed, warned):
    write(project, "panduan/uji.md", GUIDE.format(year=", tahun: 2024", reviewed=reviewed))
    content = load_and_validate(project.content, today=TODAY)  # a warning never stops the build
    expected = [
        f"content/panduan/uji.md:7:12: ditinjau: panduan ini terakhir ditinjau {reviewed}, lebih dari 12 bulan lalu; "
        "cocokkan lagi dengan sumbernya lalu perbarui tanggal dan peninjaunya"
    ]
    assert [str(warning) for warning in content.peringatan] == (expected if warned else [])


def test_validate_command_prints_the_warning_and_succeeds(project):
    write(project, "panduan/uji.md", GUIDE.format(year=", tahun: 2024", reviewed="2020-01-01"))
    run = subprocess.run([sys.executable, "-m", "siaga", "--root", str(project.root), "validate"],
                         capture_output=True, text=True, env={"PYTHONPATH": str(REPO / "scripts")}, check=False)
    assert run.returncode == 0, run.stderr
    assert "content/panduan/uji.md:7:12: peringatan: ditinjau: panduan ini terakhir ditinjau 2020-01-01" in run.stderr


# --- sample data that cannot hurt --------------------------------------------------------------


def test_sample_ksb_states_no_decree_without_a_source(project):
    write(project, "ksb/kab-lebak/uji.yml", KSB_MINIMAL.replace(KSB_SOURCE + "\n", "") + "dasar_hukum: SK Bupati 1/2013\ncontoh: true\n")
    assert problems(project) == [
        "content/ksb/kab-lebak/uji.yml:7:14: dasar_hukum: data contoh tidak boleh memuat fakta tentang KSB sungguhan tanpa sumber; "
        "hapus kolom ini atau cantumkan sumbernya di 'sumber'"
    ]


def test_sample_ksb_may_state_a_sourced_fact(project):
    write(project, "ksb/kab-lebak/uji.yml", KSB_MINIMAL + "dasar_hukum: SK Bupati 1/2013\ncontoh: true\n")
    assert "uji" in [entry.slug for entry in load_and_validate(project.content, today=TODAY).ksb]


def test_sample_number_copied_into_real_data_is_refused(project):
    # 0812-0000-0001 is the golden sample KSB's posko number
    write(project, "ksb/kab-lebak/uji.yml", KSB_MINIMAL.replace("0812-0000-0101", "0812-0000-0001"))
    assert problems(project) == [
        "content/ksb/kab-lebak/uji.yml:7:12: telepon: nomor ini adalah nomor contoh (dari content/ksb/kab-lebak/sukamaju.yml), "
        "bukan nomor sungguhan; tulis nomor yang benar, atau tandai berkas ini contoh: true"
    ]


def test_activity_cannot_end_before_it_starts(project):
    activity = "kegiatan:\n  - {tanggal: 2025-10-03, sampai: 2025-09-30, jenis: lainnya, judul: X}\n"
    write(project, "ksb/kab-lebak/uji.yml", KSB_MINIMAL + activity)
    assert problems(project) == ["content/ksb/kab-lebak/uji.yml:9:35: sampai: 2025-09-30 jatuh sebelum tanggal mulai 2025-10-03"]


def test_agreed_follow_up_needs_someone_responsible(project):
    path = project.content / "fgd/2025-09-10-fgd-uji.md"
    text = path.read_text(encoding="utf-8").replace("    penanggung_jawab: Pihak uji\n", "").replace("status: usulan", "status: disepakati")
    path.write_text(text, encoding="utf-8")
    assert problems(project) == [
        "content/fgd/2025-09-10-fgd-uji.md:14:5: penanggung_jawab: tindak lanjut berstatus disepakati perlu penanggung jawab"
    ]


def test_proposal_may_name_nobody(project):
    path = project.content / "fgd/2025-09-10-fgd-uji.md"
    path.write_text(path.read_text(encoding="utf-8").replace("    penanggung_jawab: Pihak uji\n", ""), encoding="utf-8")
    [fgd] = load_and_validate(project.content, today=TODAY).fgd
    assert fgd.record.tindak_lanjut[0].penanggung_jawab is None


def test_a_number_cannot_be_rendered_without_saying_whether_it_is_real():
    with pytest.raises(TypeError):
        render.tel("+6281200000101")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        render.call("+6281200000101", True)  # type: ignore[call-arg]


@pytest.mark.parametrize("number", ["+6281200000101", "+62254200000", "+628111129129"])
def test_sample_number_is_masked_and_never_a_link(number):
    shown = render.call(number, True, contoh=True)
    assert "tel:" not in shown and "wa.me" not in shown and "](" not in shown
    digits_after_prefix = phone.masked(number).split("-", 1)[-1].split(")", 1)[-1]
    assert not any(char.isdigit() for char in digits_after_prefix)
    assert phone.national(number) not in shown


def test_real_number_is_a_call_and_a_chat_link():
    shown = render.call("+6281200000101", True, contoh=False)
    assert "(tel:+6281200000101)" in shown and "(https://wa.me/6281200000101)" in shown


# --- the bundled content follows the rules it is validated by -----------------------------------


def test_bundled_guides_name_a_reviewer_and_a_checkable_year(bundled_site):
    _, content = bundled_site
    for guide in content.panduan:
        assert guide.record.ditinjau.oleh.strip(), guide.slug
        assert all(source.tahun for source in guide.record.sumber), guide.slug
    today = TODAY
    assert all(guide.record.ditinjau.tanggal <= today for guide in content.panduan)
