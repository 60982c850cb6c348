"""Situation reports end to end: the example message from the issue, for a KSB in the bundled content, becomes a
report file, a report page, a KSB status, entries in the feeds, a GeoJSON feature and a CSV row, in one `make laporan`
and one build; every refusal has a case with its exact message; the reading is tolerant where people are."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import subprocess
import sys

import feedparser
import pytest

from conftest import REPO, TODAY, make_project, page, write
from siaga.content.reports import REPORT_FORMAT
from siaga.content.wording import BANTEN

ENV = {**os.environ, "PYTHONPATH": str(REPO / "scripts")}
# The message as a volunteer pastes it from WhatsApp: the app's prefix, with the sender's number, above it.
SENDER = "+62 857-1234-9876"
MESSAGE = f"[03/11/25 04.52] {SENDER}: *LAPORAN KSB*\n" + REPORT_FORMAT.split("\n", 1)[1] + "\n"


@pytest.fixture(scope="module")
def reported(tmp_path_factory):
    """The bundled content, the example message through `python -m siaga laporan` (as make laporan runs it), then a
    strict build at today's real time (a report is received now)."""
    from siaga.build import build

    project = make_project(tmp_path_factory.mktemp("laporan") / "proyek", REPO / "content")
    message = project.root / "pesan.txt"
    message.write_text(MESSAGE, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "siaga", "--root", str(project.root), "laporan", str(message)],
                            capture_output=True, text=True, env=ENV)
    assert result.returncode == 0, result.stderr
    report_file = project.root / result.stdout.strip()
    content = build(project, strict=True)
    return project, content, report_file


def test_the_message_becomes_one_report_file_without_the_raw_message(reported):
    project, content, report_file = reported
    assert re.fullmatch(r"content/laporan/\d{4}/\d{4}-\d{2}-\d{2}-\d{4}-angsana\.yml", report_file.relative_to(project.root).as_posix())
    text = report_file.read_text(encoding="utf-8")
    assert "ksb: kab-pandeglang/angsana" in text and "ancaman: banjir" in text
    assert "waktu_kejadian: '2025-11-03T04:30:00+07:00'" in text
    assert "- status: belum-diverifikasi" in text
    assert "LAPORAN KSB" not in text and "9876" not in text, "neither the raw message nor the sender's number is kept"
    [entry] = content.laporan
    report = entry.record
    assert (report.terdampak_kk, report.mengungsi_jiwa) == (120, 85)
    assert (report.rumah_rusak.ringan, report.rumah_rusak.sedang, report.rumah_rusak.berat) == (4, 0, 0)
    assert report.kebutuhan == ["air-bersih", "selimut", "makanan-bayi"]
    assert (report.rentan.lansia, report.rentan.balita, report.rentan.ibu_hamil, report.rentan.disabilitas) == (10, 12, None, 2)
    received = dt.datetime.now(BANTEN)
    assert dt.timedelta(0) <= received - report.waktu_laporan < dt.timedelta(minutes=10), "received when the maintainer ran the tool"
    assert report.berlaku_sampai - report.waktu_laporan == dt.timedelta(hours=24)


def test_the_report_page_is_labelled_for_what_it_is(reported):
    project, content, _ = reported
    [entry] = content.laporan
    soup = page(project, f"/laporan/{entry.kunci}/")
    article = soup.select_one("article")
    banner = article.select_one(".siaga-laporan-status").get_text(" ", strip=True)
    assert banner.startswith("Laporan warga dari posko KSB, belum diverifikasi.")
    assert "BPBD" in banner and "BNPB" in banner and "112" in banner
    assert article.select_one('.siaga-hero a[href="tel:112"]'), "the number to call on the first screen"
    text = article.get_text(" ", strip=True)
    assert "Air 50-80 cm di 3 RT; jalan desa terputus." in text and "Balai Desa Angsana" in text
    copy = article.select_one("pre.siaga-salin").get_text()
    assert copy.startswith("*Laporan warga dari posko KSB Angsana (belum diverifikasi)*")
    assert copy.rstrip().endswith(f"/laporan/{entry.kunci}/")
    listed = page(project, "/laporan/").select_one("article")
    assert listed.select_one(f'a[href$="{entry.kunci}/"]')
    assert page(project, "/laporan/wilayah/kab-pandeglang/").select_one(f'a[href$="{entry.kunci}/"]')
    assert not page(project, "/laporan/wilayah/kab-lebak/").select_one(f'a[href$="{entry.kunci}/"]')


def test_the_ksb_page_and_the_home_page_show_the_situation(reported):
    project, content, _ = reported
    [entry] = content.laporan
    status = page(project, "/ksb/kab-pandeglang/angsana/").select_one(".siaga-keadaan")
    assert status["data-siaga-berlaku-sampai"] == entry.record.berlaku_sampai.isoformat()
    now_line = status.select_one("[data-siaga-saat-berlaku]")
    assert now_line.get_text(" ", strip=True).startswith("Keadaan: Butuh bantuan") and not now_line.has_attr("hidden")
    assert status.select_one("[data-siaga-sesudah-berlaku]").has_attr("hidden")
    assert not re.search(r"\b(Waspada|Siaga|Awas)\b", status.get_text(" ")), "never the official alert words"
    other = page(project, "/ksb/kab-lebak/bayah/").select_one(".siaga-keadaan").get_text(" ", strip=True)
    assert other.startswith("Keadaan: Normal")
    home = page(project, "/").select_one("[data-siaga-laporan-aktif]")
    assert home.select_one(f'li[data-siaga-hilang] a[href$="{entry.kunci}/"]')


def test_feeds_geojson_and_csv_carry_the_report(reported):
    project, content, _ = reported
    [entry] = content.laporan
    for feed_path, expected in (("laporan/feed.xml", True), ("laporan/wilayah/kab-pandeglang.xml", True),
                                ("laporan/wilayah/kab-lebak.xml", False)):
        feed = feedparser.parse((project.site / feed_path).read_bytes())
        assert not feed.bozo, feed_path
        titles = [item.title for item in feed.entries]
        assert ("[Belum diverifikasi] Banjir di KSB Angsana (Kabupaten Pandeglang)" in titles) is expected, feed_path
    features = json.loads((project.site / "data/laporan.geojson").read_text(encoding="utf-8"))["features"]
    [feature] = features
    assert feature["id"] == entry.kunci
    lon, lat = feature["geometry"]["coordinates"]
    assert round(lat, 2) == lat and round(lon, 2) == lon, "no finer than a village"
    rows = list(csv.reader(io.StringIO((project.site / "data/laporan-hxl.csv").read_text(encoding="utf-8"))))
    header, tags, row = rows[0], rows[1], rows[2]
    assert tags[header.index("mengungsi_jiwa")] == "#affected+idps+ind"
    values = dict(zip(header, row, strict=True))
    assert values["id"] == entry.kunci and values["status"] == "belum-diverifikasi" and values["terdampak_kk"] == "120"
    assert values["ibu_hamil"] == "" and values["rumah_rusak_berat"] == "0", "unknown stays empty, a reported zero stays zero"
    for file in project.site.rglob("*"):
        if file.is_file() and file.suffix in (".html", ".xml", ".csv", ".json", ".geojson"):
            assert "1234-9876" not in file.read_text(encoding="utf-8", errors="replace"), file


# --- the reading: tolerant where people are ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    from siaga.content.validate import load_and_validate

    return load_and_validate(REPO / "content", today=TODAY)


NOW = dt.datetime(2026, 12, 2, 10, 0, tzinfo=BANTEN)


def _read(content, text: str):
    from siaga.maintainer.laporan import read_message

    return read_message(text, content, NOW)


def test_how_people_write_is_read_the_same(bundled):
    neat = _read(bundled, REPORT_FORMAT)
    assert not neat.problems
    messy = ("\n\n  *laporan ksb*  \n"
             "pelapor :  sekretaris ksb\n\n"
             "_ksb_: KSB   angsana\n"
             "WAKTU KEJADIAN: 3/11/2025 04:30\n"
             "kejadian: Banjir\n"
             "- Lokasi: Desa Angsana, Kec. Angsana\n"
             "Ringkasan: *Air 50-80 cm di 3 RT; jalan desa terputus.*\n"
             "Kebutuhan: Air bersih; selimut, MAKANAN BAYI\n"
             "terdampak: 120 kk\n"
             "Mengungsi: 85\n"
             "rumah rusak: 4 ringan, sedang 0, berat 0\n"
             "Pengungsian: Balai Desa Angsana\n"
             "rentan: Lansia 10, balita 12, disabilitas 2\n")
    read = _read(bundled, messy)
    assert not read.problems, read.problems
    assert read.values == neat.values
    short = _read(bundled, "LAPORAN KSB\nKSB: Angsana\nKejadian: banjir\nWaktu kejadian: 03-11-2025 04.30\n"
                           "Lokasi: Desa Angsana\nRingkasan: Air naik.\nPelapor: Relawan KSB\n")
    assert not short.problems and "terdampak_kk" not in short.values, "a missing optional line is unknown, not zero"


def _changed(line: str, replacement: str | None = None, *, add: str = "") -> str:
    """The example message with the line starting ``line`` replaced (or removed), and ``add`` appended."""
    lines = REPORT_FORMAT.split("\n")
    if replacement is not None or line:
        lines = [replacement if item.startswith(line) and line else item for item in lines]
        lines = [item for item in lines if item is not None]
    return "\n".join(lines) + ("\n" + add if add else "") + "\n"


# Each refusal with the exact message the maintainer sees (line and column in the message).
REFUSALS = {
    "unknown-ksb": (_changed("KSB:", "KSB: Angsanna"), [
        "pesan:2:6: KSB: 'Angsanna' tidak ada di daftar KSB situs ini: maksud Anda 'Angsana'?"]),
    "unknown-hazard": (_changed("Kejadian:", "Kejadian: banjr"), ["pesan:3:11: Kejadian: 'banjr' tidak dikenal: maksud Anda 'Banjir'?"]),
    "time-in-the-future": (_changed("Waktu kejadian:", "Waktu kejadian: 03-01-2027 04.30"), [
        "pesan:4:17: Waktu kejadian: 3 Januari 2027 pukul 04.30 WIB belum terjadi (sekarang 2 Desember 2026 pukul 10.00 WIB)"]),
    "event-after-report": (_changed("", add="Waktu laporan: 01-11-2025 08.00"), [
        "pesan:4:17: Waktu kejadian: 3 November 2025 pukul 04.30 WIB sesudah waktu laporan (1 November 2025 pukul 08.00 WIB)"]),
    "not-a-whole-number": (_changed("Terdampak:", "Terdampak: sekitar 120 KK"), [
        "pesan:7:12: Terdampak: 'sekitar 120 KK' bukan bilangan bulat; tulis satu angka, misalnya 120"]),
    "unknown-line": (_changed("", add="Cuaca: hujan deras"), [
        "pesan:14:1: baris tidak dikenal: 'Cuaca: hujan deras' (baris yang dikenal: KSB, Kejadian, Waktu kejadian, Waktu laporan, "
        "Lokasi, Ringkasan, Terdampak, Mengungsi, Rumah rusak, Pengungsian, Kebutuhan, Rentan, Pelapor, Rilis resmi, Meninggal, "
        "Hilang, Luka, Menggantikan)"]),
    "phone-number": (_changed("Ringkasan:", "Ringkasan: Hubungi 0812-3456-7890 untuk jemputan."), [
        "pesan:6:12: Ringkasan: memuat nomor telepon; nomor pelapor, korban atau warga tidak pernah dimuat"]),
    "nik": (_changed("Ringkasan:", "Ringkasan: Korban 3601234567890123 dirawat."), [
        "pesan:6:12: Ringkasan: memuat 16 angka berurutan seperti NIK; nomor identitas tidak pernah dimuat"]),
    "e-mail": (_changed("Ringkasan:", "Ringkasan: Kabar ke posko.angsana@contoh.example"), [
        "pesan:6:12: Ringkasan: memuat alamat e-mail; tidak dimuat"]),
    "name-in-summary": (_changed("Ringkasan:", "Ringkasan: Rumah Pak Budi roboh."), [
        "pesan:6:12: Ringkasan: menyebut nama orang ('Pak Budi'); tulis perannya atau jumlahnya saja"]),
    "name-as-reporter": (_changed("Pelapor:", "Pelapor: Budi Santoso"), [
        "pesan:13:10: Pelapor: 'Budi Santoso' bukan peran di KSB: tulis perannya saja, misalnya 'Sekretaris KSB' atau "
        "'Relawan seksi evakuasi', bukan nama orang"]),
    "house-as-shelter": (_changed("Pengungsian:", "Pengungsian: Rumah keluarga di RT 03"), [
        "pesan:10:14: Pengungsian: 'Rumah keluarga di RT 03' menyebut rumah; tempat pengungsian yang dimuat hanya tempat umum "
        "(balai, masjid, sekolah, tenda, ...)"]),
    "house-level-place": (_changed("Lokasi:", "Lokasi: Desa Angsana RT 02 RW 01"), [
        "pesan:5:9: Lokasi: 'Desa Angsana RT 02 RW 01' lebih rinci dari desa/kelurahan; lokasi dimuat paling rinci sampai desa, "
        "tanpa rumah, RT/RW atau nomor"]),
    "village-elsewhere": (_changed("Lokasi:", "Lokasi: Desa Cibaliung"), [
        "pesan:5:9: Lokasi: desa/kelurahan 'Cibaliung' tidak ada di Kecamatan Angsana (daftar resmi Kemendagri)"]),
    "deaths-without-release": (_changed("", add="Meninggal: 2"), [
        "pesan:14:12: Meninggal: jumlah korban meninggal, hilang dan luka hanya dimuat bersama tautan rilis resmi BPBD atau BNPB; "
        "angka awal sering berubah setelah verifikasi (tambahkan baris 'Rilis resmi: https://...')"]),
    "release-not-official": (_changed("", add="Meninggal: 2\nRilis resmi: https://berita.example/banjir"), [
        "pesan:15:14: Rilis resmi: 'https://berita.example/banjir' bukan halaman BPBD atau BNPB (alamat .go.id)",
        "pesan:14:12: Meninggal: jumlah korban meninggal, hilang dan luka hanya dimuat bersama tautan rilis resmi BPBD atau BNPB; "
        "angka awal sering berubah setelah verifikasi (tambahkan baris 'Rilis resmi: https://...')"]),
    "unknown-need": (_changed("Kebutuhan:", "Kebutuhan: air bersih, helikopter"), [
        "pesan:11:12: Kebutuhan: 'helikopter' tidak ada di daftar tetap (yang dikenal: air bersih, air minum, makanan siap santap, "
        "makanan bayi, selimut, tikar atau alas tidur, kasur atau matras, terpal, tenda, pakaian, perlengkapan bayi, "
        "perlengkapan perempuan, perlengkapan kebersihan, obat-obatan, layanan kesehatan, dapur umum, penerangan, genset, "
        "perahu evakuasi, jamban darurat, alat pembersih lumpur dan puing)"]),
    "no-header": ("KSB: Angsana\nKejadian: banjir\n", [
        "pesan:1:1: pesan harus diawali baris LAPORAN KSB (salin formatnya dari halaman KSB atau /pengelola/)"]),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_a_refusal_names_the_line_and_the_reason(bundled, case):
    message, expected = REFUSALS[case]
    assert _read(bundled, message).problems == expected


def test_make_laporan_writes_nothing_when_the_message_is_refused(tmp_path):
    project = make_project(tmp_path / "proyek", REPO / "content")
    result = subprocess.run([sys.executable, "-m", "siaga", "--root", str(project.root), "laporan"], input=REFUSALS["phone-number"][0],
                            capture_output=True, text=True, env=ENV)
    assert result.returncode == 1
    assert "pesan:6:12: Ringkasan: memuat nomor telepon" in result.stderr and "Laporan belum dibuat" in result.stderr
    assert not (project.content / "laporan").exists()


# --- the report file: what the intake enforces holds for a file typed by hand ------------------------------------

FILE = "laporan/2026/2026-12-01-0800-angsana.yml"
VALID = """\
ksb: kab-pandeglang/angsana
ancaman: banjir
waktu_kejadian: '2026-12-01T06:00:00+07:00'
waktu_laporan: '2026-12-01T08:00:00+07:00'
lokasi: Desa Angsana
ringkasan: Air naik di dua RT.
pelapor: Ketua KSB
status:
- status: belum-diverifikasi
  waktu: '2026-12-01T08:00:00+07:00'
berlaku_sampai: '2026-12-02T08:00:00+07:00'
"""

FILE_REFUSALS = {
    "phone-in-summary": (VALID.replace("Air naik di dua RT.", "Telepon 0812 3456 7890."), [
        "content/laporan/2026/2026-12-01-0800-angsana.yml:6:12: ringkasan: memuat nomor telepon; nomor pelapor, korban atau warga "
        "tidak pernah dimuat"]),
    "name-as-reporter": (VALID.replace("pelapor: Ketua KSB", "pelapor: Ibu Siti"), [
        "content/laporan/2026/2026-12-01-0800-angsana.yml:7:10: pelapor: 'Ibu Siti' bukan peran di KSB: tulis perannya saja, "
        "misalnya 'Sekretaris KSB' atau 'Relawan seksi evakuasi', bukan nama orang"]),
    "deaths-without-release": (VALID + "meninggal: 3\n", [
        "content/laporan/2026/2026-12-01-0800-angsana.yml:12:12: meninggal: jumlah korban meninggal, hilang dan luka hanya dimuat "
        "bersama tautan rilis resmi BPBD atau BNPB; angka awal sering berubah setelah verifikasi"]),
    "status-backwards": (VALID.replace("berlaku_sampai", "- status: dikonfirmasi-posko\n  waktu: '2026-12-01T09:00:00+07:00'\n"
                                       "- status: belum-diverifikasi\n  waktu: '2026-12-01T10:00:00+07:00'\nberlaku_sampai"), None),
    "village-elsewhere": (VALID.replace("lokasi: Desa Angsana", "lokasi: Desa Cibaliung"), [
        "content/laporan/2026/2026-12-01-0800-angsana.yml:5:9: lokasi: desa/kelurahan 'Cibaliung' tidak ada di Kecamatan Angsana "
        "(daftar resmi Kemendagri)"]),
    "unknown-ksb": (VALID.replace("kab-pandeglang/angsana", "kab-pandeglang/angsanna"), [
        "content/laporan/2026/2026-12-01-0800-angsana.yml:1:6: ksb: 'kab-pandeglang/angsanna' tidak ada di content/ksb: "
        "maksud Anda 'kab-pandeglang/angsana'?"]),
    "corrected-without-replacement": (VALID.replace("berlaku_sampai", "- status: dikoreksi\n  waktu: '2026-12-01T09:00:00+07:00'\n"
                                                    "  catatan: Lokasi salah.\nberlaku_sampai"), [
        "content/laporan/2026/2026-12-01-0800-angsana.yml:11:3: status: dikoreksi perlu laporan pengganti yang menyebut "
        "menggantikan: 2026/2026-12-01-0800-angsana"]),
}


@pytest.mark.parametrize("case", sorted(FILE_REFUSALS))
def test_a_report_file_is_held_to_the_same_rules(project, case):
    from siaga.content.errors import ContentInvalid
    from siaga.content.validate import load_and_validate

    text, expected = FILE_REFUSALS[case]
    write(project, "ksb/kab-pandeglang/angsana.yml", "nama: KSB Angsana\nkecamatan: Angsana\ndesa: [Angsana]\n"
          "sumber: [{judul: Berita uji, penerbit: Koran uji, tahun: 2025}]\n")
    write(project, FILE, text)
    with pytest.raises(ContentInvalid) as caught:
        load_and_validate(project.content, today=TODAY)
    problems = [str(error) for error in caught.value.errors]
    if expected is None:  # status order: the message names the step that went back
        assert problems == [f"content/{FILE}:13:3: status: belum-diverifikasi sesudah dikonfirmasi-posko berarti mundur; "
                            "status hanya boleh maju"]
    else:
        assert problems == expected


def test_two_ksb_of_one_name_are_told_apart_by_their_region(project):
    from siaga.content.validate import load_and_validate
    from siaga.maintainer.laporan import read_message

    source = "sumber: [{judul: Berita uji, penerbit: Koran uji, tahun: 2025}]\n"
    write(project, "ksb/kab-lebak/kembar.yml", "nama: KSB Kembar\nkecamatan: Bayah\n" + source)
    write(project, "ksb/kota-serang/kembar.yml", "nama: KSB Kembar\nkecamatan: Serang\n" + source)
    content = load_and_validate(project.content, today=TODAY)
    message = "LAPORAN KSB\nKSB: Kembar\n"
    assert ("pesan:2:6: KSB: ada lebih dari satu KSB bernama 'Kembar' (Kabupaten Lebak, Kota Serang); tulis misalnya "
            "'KSB: kab-lebak/kembar'") in read_message(message, content, NOW).problems
    named = read_message(message.replace("Kembar", "kota-serang/kembar"), content, NOW)
    assert named.ksb is not None and named.ksb.wilayah.slug == "kota-serang"


def test_the_search_finds_the_reports_that_stand_and_no_others(bundled_site):
    """Only a report still standing at build time is in the search: the one confirmed this morning, not the corrected,
    the withdrawn or the one that ran out. Their pages stay, out of the index, and Pagefind reads no more than it indexes."""
    from siaga.published.situasi import searchable

    project, content = bundled_site
    standing = searchable(content)
    assert standing and len(standing) < len(content.laporan), "the sample reports must have both kinds"
    for entry in content.laporan:
        body = page(project, f"/laporan/{entry.kunci}/").select_one("[data-pagefind-body]")
        assert (body is not None) is (entry.kunci in standing), entry.kunci
    bundle = json.loads((project.site / "pagefind/laporan/pagefind-entry.json").read_text(encoding="utf-8"))
    indexed = sum(language["page_count"] for language in bundle["languages"].values())
    assert indexed == len(standing) + len(content.wilayah), "the standing reports and each region's list of reports"
