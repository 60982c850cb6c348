"""Every content mistake a maintainer can make, with the exact message and position they see."""

from __future__ import annotations

import pytest

from conftest import KSB_MINIMAL, TODAY, write
from siaga.content.errors import ContentInvalid
from siaga.content.validate import load_and_validate


def problems(project) -> list[str]:
    with pytest.raises(ContentInvalid) as caught:
        load_and_validate(project.content, today=TODAY)
    return [str(error) for error in caught.value.errors]


def test_golden_content_is_valid(project):
    content = load_and_validate(project.content, today=TODAY)
    assert [entry.slug for entry in content.ksb] == ["sukamaju", "cipare"]


def test_yaml_syntax_error_points_at_the_line(project):
    write(project, "ksb/kab-lebak/rusak.yml", "nama: KSB Rusak\nancaman: [banjir\nposko: x\n")
    assert problems(project) == [
        "content/ksb/kab-lebak/rusak.yml:3:6: YAML tidak sah (periksa titik dua, tanda kutip, kurung dan jumlah spasi "
        "di awal baris sekitar posisi ini): while parsing a flow sequence expected ',' or ']', but got ':'"
    ]


def test_unknown_field_names_the_known_ones(project):
    write(project, "ksb/kab-lebak/uji.yml", KSB_MINIMAL + "warna: merah\n")
    assert problems(project) == [
        "content/ksb/kab-lebak/uji.yml:8:1: kolom tidak dikenal 'warna' (yang dikenal: nama, kecamatan, desa, ancaman, posko, "
        "pengurus, lokasi, relawan, dibentuk, dasar_hukum, lumbung_sosial, titik_kumpul, jalur_evakuasi, logistik, kebutuhan, "
        "kegiatan, mitra, perbedaan, sumber, diperbarui, contoh). Rujukan kolom: content/SKEMA.md, bagian "
        "\"content/ksb/<wilayah>/<nama>.yml\" (juga di situs: Untuk pengelola > Rujukan kolom)"
    ]


def test_unknown_nested_field_points_at_its_key(project):
    write(project, "ksb/kab-lebak/uji.yml", KSB_MINIMAL + "  faks: 021\n")
    assert problems(project) == [
        "content/ksb/kab-lebak/uji.yml:8:3: kolom tidak dikenal 'faks' (yang dikenal: alamat, telepon, whatsapp, email). "
        'Rujukan kolom: content/SKEMA.md, bagian "ksb: posko" (juga di situs: Untuk pengelola > Rujukan kolom)'
    ]


def test_wrong_type_points_at_the_value(project):
    write(project, "ksb/kab-lebak/uji.yml", KSB_MINIMAL + "relawan: banyak\n")
    assert problems(project) == ["content/ksb/kab-lebak/uji.yml:8:10: relawan: harus berupa bilangan bulat, bukan 'banyak'"]


def test_number_where_text_is_expected_suggests_quotes(project):
    write(project, "ksb/kab-lebak/uji.yml", KSB_MINIMAL.replace("desa: Cibeber", "desa: [12]"))
    assert problems(project) == ["content/ksb/kab-lebak/uji.yml:3:8: desa: harus berupa teks, bukan 12 (beri tanda kutip)"]


def test_unknown_hazard_names_the_vocabulary(project):
    write(project, "ksb/kab-lebak/uji.yml", KSB_MINIMAL + "ancaman: [banjir, banjr]\n")
    assert problems(project) == ["content/ksb/kab-lebak/uji.yml:8:19: ancaman: 'banjr' tidak dikenal (dikenal: banjir, tanah-longsor)"]


def test_region_folder_must_be_one_of_the_eight(project):
    write(project, "ksb/kab-lebk/uji.yml", KSB_MINIMAL)
    assert problems(project) == [
        "content/ksb/kab-lebk/uji.yml:1:1: folder wilayah 'kab-lebk' tidak dikenal (dikenal: kab-lebak, kab-pandeglang, "
        "kab-serang, kab-tangerang, kota-cilegon, kota-serang, kota-tangerang, kota-tangerang-selatan)"
    ]


def test_letters_in_a_phone_number(project):
    write(project, "ksb/kab-lebak/uji.yml", KSB_MINIMAL.replace("0812-0000-0101", "0812-ABC"))
    assert problems(project) == [
        "content/ksb/kab-lebak/uji.yml:7:12: telepon: '0812-ABC' bukan nomor telepon: hanya angka, spasi, tanda hubung dan '+' di depan"
    ]


def test_too_short_phone_number(project):
    write(project, "ksb/kab-lebak/uji.yml", KSB_MINIMAL.replace("0812-0000-0101", "0812-12"))
    assert problems(project) == [
        "content/ksb/kab-lebak/uji.yml:7:12: telepon: '0812-12' bukan nomor telepon Indonesia yang sah "
        "(contoh bentuk yang benar: 0812-3456-7890 atau 0254-123456)"
    ]


def test_impossible_calendar_date(project):
    write(project, "ksb/kab-lebak/uji.yml", KSB_MINIMAL + "diperbarui: 2025-02-30\n")
    assert problems(project) == [
        "content/ksb/kab-lebak/uji.yml:8:13: diperbarui: '2025-02-30' bukan tanggal yang mungkin (tulis YYYY-MM-DD, misalnya 2025-09-10)"
    ]


def test_consent_date_in_the_future(project):
    person = "pengurus:\n  - {nama: A, jabatan: ketua, persetujuan: 2027-01-01}\n"
    write(project, "ksb/kab-lebak/uji.yml", KSB_MINIMAL + person)
    assert problems(project) == [
        "content/ksb/kab-lebak/uji.yml:9:44: persetujuan: tanggal 2027-01-01 belum terjadi (hari ini 2026-12-02)"
    ]


def test_follow_up_due_before_the_meeting(project):
    path = project.content / "fgd" / "2025-09-10-fgd-uji.md"
    path.write_text(path.read_text(encoding="utf-8").replace("tenggat: 2025-12-31", "tenggat: 2025-01-31"), encoding="utf-8")
    assert problems(project) == ["content/fgd/2025-09-10-fgd-uji.md:17:14: tenggat: 2025-01-31 jatuh sebelum tanggal FGD 2025-09-10"]


def test_fgd_cannot_be_updated_before_it_met(project):
    path = project.content / "fgd" / "2025-09-10-fgd-uji.md"
    text = path.read_text(encoding="utf-8").replace("diperbarui: 2026-11-20", "diperbarui: 2025-09-01")
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("diperbarui: 2025-09-01") + 1
    expected = f"content/fgd/2025-09-10-fgd-uji.md:{line}:13: diperbarui: 2025-09-01 jatuh sebelum tanggal FGD 2025-09-10"
    assert problems(project) == [expected]


def test_fgd_date_must_match_file_name(project):
    path = project.content / "fgd" / "2025-09-10-fgd-uji.md"
    path.write_text(path.read_text(encoding="utf-8").replace("tanggal: 2025-09-10", "tanggal: 2025-09-11"), encoding="utf-8")
    assert problems(project) == [
        "content/fgd/2025-09-10-fgd-uji.md:3:10: tanggal: 2025-09-11 berbeda dengan tanggal di nama berkas (2025-09-10)"
    ]


def test_same_ksb_twice(project):
    write(project, "ksb/kab-lebak/satu.yml", KSB_MINIMAL)
    write(project, "ksb/kab-lebak/dua.yml", KSB_MINIMAL.replace("KSB Uji", "ksb  uji"))
    assert problems(project) == [
        "content/ksb/kab-lebak/satu.yml:1:7: nama: KSB ganda: nama 'KSB Uji' sudah ada di content/ksb/kab-lebak/dua.yml; "
        "satukan kedua berkas"
    ]


def test_file_that_is_not_utf8(project):
    write(project, "ksb/kab-lebak/uji.yml", KSB_MINIMAL.replace("Balai desa", "Balai Caf\xe9").encode("latin-1"))
    assert problems(project) == [
        "content/ksb/kab-lebak/uji.yml:6:20: berkas bukan UTF-8 (byte 0xe9 tidak sah): simpan ulang berkas sebagai UTF-8 di penyunting teks"
    ]


@pytest.mark.parametrize("text", ["", "\n\n", "# hanya komentar\n"])
def test_empty_file(project, text):
    write(project, "ksb/kab-lebak/kosong.yml", text)
    assert problems(project) == ["content/ksb/kab-lebak/kosong.yml:1:1: berkas kosong: isi kolom-kolomnya atau hapus berkasnya"]


def test_fgd_front_matter_never_closed(project):
    write(project, "fgd/2025-10-01-rapat.md", "---\njudul: Rapat\ntanggal: 2025-10-01\n\nIsi catatan.\n")
    assert problems(project) == [
        "content/fgd/2025-10-01-rapat.md:1:1: front matter dibuka di baris 1 tetapi tidak pernah ditutup: "
        "tambahkan baris '---' setelah kolom terakhir"
    ]


def test_the_old_publik_field_is_named_and_explained(project):
    person = "pengurus:\n  - nama: A\n    jabatan: ketua\n    publik: true\n    persetujuan: 2026-01-01\n"
    write(project, "ksb/kab-lebak/uji.yml", KSB_MINIMAL + person)
    assert problems(project) == [
        "content/ksb/kab-lebak/uji.yml:11:5: publik: kolom ini tidak dipakai lagi, karena setiap pengurus di berkas ini ditampilkan. "
        "Hapus baris ini"
    ]


def test_missing_required_field_points_at_its_parent(project):
    write(project, "ksb/kab-lebak/uji.yml", KSB_MINIMAL.replace("  telepon: 0812-0000-0101\n", ""))
    assert problems(project) == [
        "content/ksb/kab-lebak/uji.yml:5:1: kolom wajib 'telepon' di dalam 'posko' belum diisi: tambahkan "
        "baris 'telepon: ...' di bawah 'posko:', menjorok sejajar dengan kolom lain di dalamnya. Rujukan "
        "kolom: content/SKEMA.md, bagian \"ksb: posko\" (juga di situs: Untuk pengelola > Rujukan kolom)",
    ]


def test_choice_lists_the_valid_values(project):
    write(project, "ksb/kab-lebak/uji.yml", KSB_MINIMAL + "kebutuhan:\n  - {barang: tenda, prioritas: segera}\n")
    assert problems(project) == [
        "content/ksb/kab-lebak/uji.yml:9:32: prioritas: 'segera' tidak dikenal (pilihan: tinggi, sedang atau rendah)"
    ]


def test_every_problem_of_every_file_is_reported_at_once(project):
    write(project, "ksb/kab-lebak/a.yml", KSB_MINIMAL.replace("KSB Uji", "KSB A") + "relawan: x\nwarna: 1\n")
    write(project, "ksb/kota-serang/b.yml", KSB_MINIMAL.replace("KSB Uji", "KSB B").replace("Cibeber", "Serang", 1)
          .replace("desa: Cibeber", "desa: Cipare") + "ancaman: [gempa]\n")
    write(project, "panduan/kosong.md", "")
    found = problems(project)
    assert [message.split(": ")[0] for message in found] == [
        "content/ksb/kab-lebak/a.yml:8:10",
        "content/ksb/kab-lebak/a.yml:9:1",
        "content/ksb/kota-serang/b.yml:8:11",
        "content/panduan/kosong.md:1:1",
    ]
