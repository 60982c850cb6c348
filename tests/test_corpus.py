"""A corpus of bad input: what a careless maintainer, a tired volunteer on a phone and someone hostile
might commit. Each case gives its exact messages with their positions, exits 1 without a traceback,
and leaves the built site exactly as it was. Harmless, common input (BOM, CRLF, accents) is accepted.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
from pathlib import Path

import pytest

from conftest import GOLDEN_CONTENT, KSB_MINIMAL, KSB_SOURCE, TODAY, make_project
from siaga import cli
from siaga.build import build

KSB = "ksb/kab-lebak/uji.yml"
GUIDE = "panduan/uji.md"
FGD = "fgd/2025-10-01-rapat.md"
GUIDE_TEXT = """\
---
judul: Uji
ringkasan: Ringkasan.
sumber: [{judul: S, penerbit: P, tahun: 2024}]
ditinjau: {tanggal: 2026-11-01, oleh: Bidang uji}
---
Isi.
"""
FGD_TEXT = """\
---
judul: Rapat
tanggal: 2025-10-01
tempat: Serang
penyelenggara: Dinas
peserta: {jumlah: 10, keterangan: pengurus}
sumber: [{judul: Rilis, penerbit: Dinas, tahun: 2025}]
tindak_lanjut:
  - {id: satu, aksi: A, status: usulan}
---
"""


def ksb(extra: str = "", **replace: str) -> str:
    text = KSB_MINIMAL + extra
    for old, new in replace.items():
        text = text.replace(old.replace("_", " "), new)
    return text


def padded_to(size: int) -> bytes:
    """A valid KSB file of exactly ``size`` bytes: the minimal KSB, then comment lines."""
    text = KSB_MINIMAL.encode("utf-8")
    filler = size - len(text)
    lines = [b"#" + b"x" * 98 + b"\n"] * (filler // 100)
    rest = filler - 100 * len(lines)
    return text + b"".join(lines) + (b"#" + b"x" * (rest - 2) + b"\n" if rest >= 2 else b"\n" * rest)


REFERENCE_KSB = ('Rujukan kolom: content/SKEMA.md, bagian "content/ksb/<wilayah>/<nama>.yml" '
                 "(juga di situs: Untuk pengelola > Rujukan kolom)")

# (files to write, relative to content/ — None deletes — and the exact messages, in order)
CASES: dict[str, tuple[dict[str, str | bytes | None], list[str]]] = {
    # --- YAML a maintainer mistypes
    "unclosed-bracket": ({KSB: "nama: KSB Rusak\nancaman: [banjir\nposko: x\n"}, [
        "content/ksb/kab-lebak/uji.yml:3:6: YAML tidak sah (periksa titik dua, tanda kutip, kurung dan jumlah spasi di awal "
        "baris sekitar posisi ini): while parsing a flow sequence expected ',' or ']', but got ':'"]),
    "duplicate-key": ({KSB: ksb("nama: Lagi\n")}, [
        "content/ksb/kab-lebak/uji.yml:8:1: kolom 'nama' ditulis dua kali (yang pertama di baris 1): satu kolom hanya boleh "
        "muncul sekali di tempat yang sama; hapus salah satunya, atau gabungkan isinya"]),
    # --- the messages issue 20 found in parser or Python English, or pointing the wrong way
    "empty-value": ({KSB: ksb().replace("kecamatan: Cibeber", "kecamatan:")}, [
        "content/ksb/kab-lebak/uji.yml:2:11: kecamatan: masih kosong: tulis nilainya sesudah 'kecamatan:' pada baris yang sama, "
        "atau hapus baris ini"]),
    "decimal-comma-in-braces": ({KSB: ksb("lokasi: {lat: -6,5, lon: 106,1}\n")}, [
        "content/ksb/kab-lebak/uji.yml:8:1: lokasi: angka desimal ditulis dengan koma, padahal koma memisahkan isi kurung "
        "kurawal: pakai titik, tulis lokasi: {lat: -6.5, lon: 106.1}"]),
    "decimal-comma-on-lines": ({KSB: ksb("lokasi:\n  lat: -6,5\n  lon: 106,1\n")}, [
        "content/ksb/kab-lebak/uji.yml:9:8: lat: '-6,5' memakai koma desimal: tulis -6.5 (titik, bukan koma)",
        "content/ksb/kab-lebak/uji.yml:10:8: lon: '106,1' memakai koma desimal: tulis 106.1 (titik, bukan koma)"]),
    "text-after-closing-quote": ({KSB: ksb().replace("nama: KSB Uji", 'nama: "KSB" Uji')}, [
        "content/ksb/kab-lebak/uji.yml:1:13: ada teks sesudah tanda kutip penutup: bila tanda kutip itu bagian dari nilainya, "
        "apit seluruh nilai dengan tanda kutip jenis lain, misalnya nama: 'KSB \"Uji\" Baru'"]),
    "quote-closed-lines-later": ({KSB: ksb().replace("desa: Cibeber", 'desa: "Cibeber').replace("  alamat: Balai desa",
                                                                                                '  alamat: "Balai desa"')}, [
        "content/ksb/kab-lebak/uji.yml:3:7: tanda kutip dibuka di sini tetapi tidak ditutup di baris yang sama: tambahkan "
        "tanda kutip penutup di akhir nilainya"]),
    "key-left-its-block": ({KSB: ksb().replace("  telepon: 0812-0000-0101", "telepon: 0812-0000-0101")}, [
        "content/ksb/kab-lebak/uji.yml:7:1: 'telepon' adalah kolom milik 'posko', tetapi baris ini tidak menjorok sehingga "
        "terbaca sebagai kolom tersendiri: tambahkan 2 spasi di awal baris ini, sejajar dengan 'alamat'"]),
    "list-item-indented-deeper": ({KSB: ksb("ancaman:\n  - banjir\n    - tanah-longsor\n")}, [
        "content/ksb/kab-lebak/uji.yml:9:5: ancaman: 'banjir - tanah-longsor': tampaknya dua butir daftar tergabung menjadi "
        "satu: butir berikutnya menjorok lebih dalam dari butir di atasnya, jadi terbaca sebagai lanjutan teksnya. Tulis tanda "
        "'-' setiap butir tepat di bawah tanda '-' butir pertama"]),
    "numbers-as-a-list": ({"kontak/lain.yml": "nomor_darurat:\n  - nomor: [112, 115, 118]\n    nama: X\n    untuk: Y\n"
                                              "    dikelola: Z\n    sumber: [{judul: S, penerbit: P, tahun: 2020}]\n"}, [
        "content/kontak/lain.yml:2:5: nomor: harus berupa satu teks, bukan daftar: tulis satu nilai, misalnya nomor: \"112\"; "
        "untuk 115, 118 buat entri 'nomor: ...' sendiri-sendiri"]),
    "two-unknown-fields": ({KSB: ksb("warna: merah\nukuran: besar\n")}, [
        "content/ksb/kab-lebak/uji.yml:8:1: kolom tidak dikenal 'warna' (yang dikenal: nama, kecamatan, desa, ancaman, "
        "posko, pengurus, lokasi, relawan, dibentuk, dasar_hukum, lumbung_sosial, titik_kumpul, jalur_evakuasi, logistik, "
        "kebutuhan, kegiatan, mitra, perbedaan, sumber, diperbarui, contoh). " + REFERENCE_KSB,
        "content/ksb/kab-lebak/uji.yml:9:1: kolom tidak dikenal 'ukuran' (nama kolom yang dikenal ada di pesan sebelumnya). "
        + REFERENCE_KSB]),
    "a-list-not-fields": ({KSB: "- nama: KSB Uji\n"}, [
        "content/ksb/kab-lebak/uji.yml:1:1: isi berkas harus berupa kolom 'kunci: nilai', bukan daftar"]),
    "empty-file": ({KSB: "\n\n"}, ["content/ksb/kab-lebak/uji.yml:1:1: berkas kosong: isi kolom-kolomnya atau hapus berkasnya"]),
    "tab-for-indentation": ({KSB: ksb().replace("  alamat: Balai desa", "\talamat: Balai desa")}, [
        "content/ksb/kab-lebak/uji.yml:6:1: baris ini memakai karakter tab di awalnya; YAML hanya menerima spasi: ganti tab dengan spasi"]),
    "indented-too-far": ({KSB: ksb().replace("  telepon: 0812", "    telepon: 0812")}, [
        "content/ksb/kab-lebak/uji.yml:7:5: indentasi baris ini (4 spasi) tidak sejajar dengan baris di atasnya (2 spasi): "
        "kolom yang setingkat harus mulai di kolom yang sama"]),
    "key-moved-to-column-0": ({KSB: ksb("lokasi:\n  lat: -6.5\nlon: 106.1\n  catatan: x\n")}, [
        "content/ksb/kab-lebak/uji.yml:10:1: baris ini berada di kolom pertama, padahal baris sesudahnya masih menjorok (2 spasi): "
        "apakah baris ini seharusnya menjorok juga?"]),
    "missing-colon": ({KSB: ksb().replace("kecamatan: Cibeber", "kecamatan Cibeber")}, [
        "content/ksb/kab-lebak/uji.yml:2:1: titik dua (:) tidak ada setelah nama kolom: tulis 'nama_kolom: nilai'"]),
    "quote-never-closed": ({KSB: ksb().replace("nama: KSB Uji", "nama: 'KSB Uji")}, [
        "content/ksb/kab-lebak/uji.yml:1:7: tanda kutip dibuka di sini tetapi tidak ditutup: "
        "tambahkan tanda kutip penutup di akhir nilainya"]),
    "colon-inside-a-value": ({KSB: ksb("logistik: Catatan: kurang tenda\n")}, [
        "content/ksb/kab-lebak/uji.yml:8:18: ada ': ' di tengah nilai: beri tanda kutip pada nilai itu, "
        "misalnya judul: 'Catatan: banjir'"]),
    "misspelt-field": ({KSB: ksb().replace("kecamatan: Cibeber", "# KSB baru\nkecamatn: Cibeber")}, [
        "content/ksb/kab-lebak/uji.yml:3:1: kolom tidak dikenal 'kecamatn': maksud Anda 'kecamatan'?"]),
    "unknown-field": ({KSB: ksb("warna: merah\n")}, [
        "content/ksb/kab-lebak/uji.yml:8:1: kolom tidak dikenal 'warna' (yang dikenal: nama, kecamatan, desa, ancaman, "
        "posko, pengurus, lokasi, relawan, dibentuk, dasar_hukum, lumbung_sosial, titik_kumpul, jalur_evakuasi, logistik, "
        "kebutuhan, kegiatan, mitra, perbedaan, sumber, diperbarui, contoh). " + REFERENCE_KSB]),
    "missing-phone": ({KSB: ksb().replace("  telepon: 0812-0000-0101\n", "")}, [
        "content/ksb/kab-lebak/uji.yml:5:1: kolom wajib 'telepon' di dalam 'posko' belum diisi: tambahkan baris 'telepon: ...' "
        "di bawah 'posko:', menjorok sejajar dengan kolom lain di dalamnya. Rujukan kolom: content/SKEMA.md, bagian "
        "\"ksb: posko\" (juga di situs: Untuk pengelola > Rujukan kolom)"]),
    "text-expected": ({KSB: ksb().replace("desa: Cibeber", "desa: 12")}, [
        "content/ksb/kab-lebak/uji.yml:3:7: desa: harus berupa teks, bukan 12 (beri tanda kutip)"]),
    "number-without-digits": ({KSB: ksb("relawan: -_\n")}, [
        "content/ksb/kab-lebak/uji.yml:8:10: nilai '-_' tampak seperti angka tetapi tidak memuat angka: beri tanda kutip bila "
        "itu teks, misalnya '-_'"]),
    "whole-number-expected": ({KSB: ksb("relawan: banyak\n")}, [
        "content/ksb/kab-lebak/uji.yml:8:10: relawan: harus berupa bilangan bulat, bukan 'banyak'"]),
    "true-or-false": ({KSB: ksb().replace("posko:\n", "posko:\n  whatsapp: kadang\n")}, [
        "content/ksb/kab-lebak/uji.yml:6:13: whatsapp: harus true atau false, bukan 'kadang'"]),
    "choice": ({KSB: ksb("kebutuhan:\n  - {barang: tenda, prioritas: penting}\n")}, [
        "content/ksb/kab-lebak/uji.yml:9:32: prioritas: 'penting' tidak dikenal (pilihan: tinggi, sedang atau rendah)"]),
    "unknown-hazard": ({KSB: ksb("ancaman: [banjr]\n")}, [
        "content/ksb/kab-lebak/uji.yml:8:11: ancaman: 'banjr' tidak dikenal (dikenal: banjir, tanah-longsor)"]),
    # --- numbers and dates that cannot be true
    "letters-in-phone": ({KSB: ksb().replace("0812-0000-0101", "0812-ABC")}, [
        "content/ksb/kab-lebak/uji.yml:7:12: telepon: '0812-ABC' bukan nomor telepon: hanya angka, spasi, tanda hubung dan '+' di depan"]),
    "short-phone": ({KSB: ksb().replace("0812-0000-0101", "0812-12")}, [
        "content/ksb/kab-lebak/uji.yml:7:12: telepon: '0812-12' bukan nomor telepon Indonesia yang sah "
        "(contoh bentuk yang benar: 0812-3456-7890 atau 0254-123456)"]),
    "february-30": ({KSB: ksb("diperbarui: 2025-02-30\n")}, [
        "content/ksb/kab-lebak/uji.yml:8:13: diperbarui: '2025-02-30' bukan tanggal yang mungkin (tulis YYYY-MM-DD, misalnya 2025-09-10)"]),
    "updated-tomorrow": ({KSB: ksb("diperbarui: 2026-12-03\n")}, [
        "content/ksb/kab-lebak/uji.yml:8:13: diperbarui: tanggal 2026-12-03 belum terjadi (hari ini 2026-12-02)"]),
    "consent-in-the-future": ({KSB: ksb("pengurus:\n  - {nama: A, jabatan: ketua, persetujuan: 2027-01-01}\n")}, [
        "content/ksb/kab-lebak/uji.yml:9:44: persetujuan: tanggal 2027-01-01 belum terjadi (hari ini 2026-12-02)"]),
    "person-without-consent": ({KSB: ksb("pengurus:\n  - {nama: A, jabatan: ketua}\n")}, [
        "content/ksb/kab-lebak/uji.yml:9:6: pengurus tanpa 'persetujuan' (tanggal persetujuan dicatat, YYYY-MM-DD): repositori ini "
        "terbuka untuk umum, termasuk riwayatnya, jadi hanya memuat orang yang setuju nama dan nomornya dimuat di situs. Data "
        "pengurus lainnya disimpan di berkas kantor Dinas Sosial atau Forum KSB, bukan di sini"]),
    "person-marked-not-public": ({KSB: ksb("pengurus:\n  - {nama: A, jabatan: ketua, publik: false, persetujuan: 2026-01-01}\n")}, [
        "content/ksb/kab-lebak/uji.yml:9:31: publik: false: orang yang tidak ditampilkan tidak boleh dicatat di sini; repositori ini "
        "terbuka untuk umum, termasuk riwayatnya, jadi hanya memuat orang yang setuju nama dan nomornya dimuat di situs. Data "
        "pengurus lainnya disimpan di berkas kantor Dinas Sosial atau Forum KSB, bukan di sini. Hapus entri ini"]),
    "outside-banten": ({KSB: ksb("lokasi: {lat: -6.2, lon: 107.5}\n")}, [
        "content/ksb/kab-lebak/uji.yml:8:26: lon: 107.5 terlalu besar (paling banyak 106.9)"]),
    "not-a-number-coordinate": ({KSB: ksb("lokasi: {lat: .nan, lon: 106.1}\n")}, [
        "content/ksb/kab-lebak/uji.yml:8:15: lat: harus berupa angka biasa, bukan nan"]),
    "negative-volunteers": ({KSB: ksb("relawan: -3\n")}, [
        "content/ksb/kab-lebak/uji.yml:8:10: relawan: -3 terlalu kecil (paling sedikit 0)"]),
    "a-million-volunteers": ({KSB: ksb("relawan: 1000001\n")}, [
        "content/ksb/kab-lebak/uji.yml:8:10: relawan: 1000001 terlalu besar (paling banyak 100000)"]),
    "founded-before-ksb-existed": ({KSB: ksb("dibentuk: {tahun: 1990, oleh: kemensos, sumber: [{judul: S, penerbit: P}]}\n")}, [
        "content/ksb/kab-lebak/uji.yml:8:19: tahun: 1990 terlalu kecil (paling sedikit 2008)"]),
    "emergency-number-with-four-digits": ({"kontak/lain.yml": "nomor_darurat:\n  - {nomor: '1122', nama: X, untuk: Y, dikelola: Z, "
                                           "sumber: [{judul: S, penerbit: P, tahun: 2020}]}\n"}, [
        "content/kontak/lain.yml:2:13: nomor: '1122' bukan nomor darurat tiga angka (misalnya 112)"]),
    "email-without-domain": ({KSB: ksb().replace("posko:\n", "posko:\n  email: posko@desa\n")}, [
        "content/ksb/kab-lebak/uji.yml:6:10: email: 'posko@desa' tidak sesuai bentuknya: alamat e-mail seperti posko@contoh.id"]),
    "javascript-source": ({KSB: ksb().replace(KSB_SOURCE, "sumber: [{judul: S, penerbit: P, url: 'javascript:alert(1)'}]")}, [
        "content/ksb/kab-lebak/uji.yml:4:39: url: 'javascript:alert(1)' tidak sesuai bentuknya: alamat web lengkap yang diawali https://"]),
    # --- sourcing and sample rules
    "sample-number-in-real-data": ({KSB: ksb().replace("0812-0000-0101", "0812-0000-0001")}, [
        "content/ksb/kab-lebak/uji.yml:7:12: telepon: nomor ini adalah nomor contoh (dari content/ksb/kab-lebak/sukamaju.yml), "
        "bukan nomor sungguhan; tulis nomor yang benar, atau tandai berkas ini contoh: true"]),
    "sample-states-a-decree": ({KSB: KSB_MINIMAL.replace(KSB_SOURCE + "\n", "") + "dasar_hukum: SK Bupati 1/2013\ncontoh: true\n"}, [
        "content/ksb/kab-lebak/uji.yml:7:14: dasar_hukum: data contoh tidak boleh memuat fakta tentang KSB sungguhan tanpa sumber; "
        "hapus kolom ini atau cantumkan sumbernya di 'sumber'"]),
    "guide-calls-an-unknown-number": ({GUIDE: GUIDE_TEXT.replace("ringkasan: Ringkasan.\n", "ringkasan: Ringkasan.\nnomor: ['118']\n")}, [
        "content/panduan/uji.md:4:9: nomor: '118' tidak ada di content/kontak/ (ada: 110, 112, 129)"]),
    "guide-with-five-urgent-steps": ({GUIDE: GUIDE_TEXT.replace("ringkasan: Ringkasan.\n",
                                                                "ringkasan: Ringkasan.\nsegera: [a, b, c, d, e]\n")}, [
        "content/panduan/uji.md:4:1: segera: paling banyak 4 langkah segera (ada 5): layar pertama ponsel harus singkat"]),
    "two-actions-one-id": ({FGD: FGD_TEXT.replace("  - {id: satu, aksi: A, status: usulan}\n",
                                                  "  - {id: satu, aksi: A, status: usulan}\n  - {id: satu, aksi: B, status: usulan}\n")}, [
        "content/fgd/2025-10-01-rapat.md:10:10: id: 'satu' sudah dipakai tindak lanjut lain di FGD ini"]),
    "same-organisation-twice": ({"kontak/lain.yml": "organisasi:\n  - {id: lembaga-uji, nama: X, jenis: forum, peran: Y, "
                                 "cara_menghubungi: Z, sumber: [{judul: S, penerbit: P, tahun: 2020}]}\n"}, [
        "content/kontak/organisasi.yml:2:9: id: 'lembaga-uji' sudah dipakai di content/kontak/lain.yml"]),
    # --- FGD records
    "fgd-name-without-date": ({"fgd/rapat.md": FGD_TEXT}, [
        "content/fgd/rapat.md:1:1: nama berkas FGD harus YYYY-MM-DD-judul-singkat.md, misalnya 2025-09-10-fgd-ksb.md"]),
    "fgd-date-differs-from-name": ({"fgd/2025-10-02-rapat.md": FGD_TEXT}, [
        "content/fgd/2025-10-02-rapat.md:3:10: tanggal: 2025-10-01 berbeda dengan tanggal di nama berkas (2025-10-02)"]),
    "fgd-front-matter-never-closed": ({FGD: FGD_TEXT.rstrip("-\n") + "\n"}, [
        "content/fgd/2025-10-01-rapat.md:1:1: front matter dibuka di baris 1 tetapi tidak pernah ditutup: "
        "tambahkan baris '---' setelah kolom terakhir"]),
    "guide-without-front-matter": ({GUIDE: "# Judul\n\nIsi.\n"}, [
        "content/panduan/uji.md:1:1: berkas harus diawali baris '---' (pembuka front matter)"]),
    # --- encodings and bytes
    "latin-1": ({KSB: "nama: Caf\xe9\n".encode("latin-1")}, [
        "content/ksb/kab-lebak/uji.yml:1:10: berkas bukan UTF-8 (byte 0xe9 tidak sah): "
        "simpan ulang berkas sebagai UTF-8 di penyunting teks"]),
    "utf-16": ({KSB: KSB_MINIMAL.encode("utf-16")}, [
        "content/ksb/kab-lebak/uji.yml:1:1: berkas tersimpan sebagai UTF-16: simpan ulang sebagai UTF-8 di penyunting teks"]),
    "nul-byte": ({KSB: b"nama: KSB\x00Uji\n"}, [
        "content/ksb/kab-lebak/uji.yml:1:1: berkas berisi byte NUL, jadi bukan berkas teks: simpan ulang sebagai teks UTF-8"]),
    # --- sizes, shapes and YAML features we refuse
    "multi-megabyte-file": ({KSB: ksb("logistik: >-\n" + "  panjang sekali\n" * 200_000)}, [
        "content/ksb/kab-lebak/uji.yml:1:1: berkas terlalu besar (3,2 MB; paling besar 512 KB): apakah ini berkas yang benar?"]),
    # The limit itself, to the byte: 512 KB is read, one byte more is refused.
    "one-byte-over-the-size-limit": ({KSB: padded_to(512 * 1024 + 1)}, [
        "content/ksb/kab-lebak/uji.yml:1:1: berkas terlalu besar (513 KB; paling besar 512 KB): apakah ini berkas yang benar?"]),
    "value-too-long": ({KSB: ksb("logistik: " + "x" * 12_000 + "\n")}, [
        "content/ksb/kab-lebak/uji.yml:8:11: nilai terlalu panjang (12.000 karakter; paling banyak 10.000)"]),
    "thousands-of-brackets": ({KSB: "nama: " + "[" * 50_000 + "\n"}, [
        "content/ksb/kab-lebak/uji.yml:1:36: terlalu banyak tingkat bersarang (lebih dari 30): periksa kurung dan indentasi"]),
    "custom-tag": ({KSB: ksb().replace("nama: KSB Uji", "nama: !penting KSB Uji")}, [
        "content/ksb/kab-lebak/uji.yml:1:7: tanda YAML !penting tidak dikenal: hapus tanda itu, tulis nilainya saja"]),
    "alias": ({KSB: ksb().replace("desa: Cibeber", "desa: &d Cibeber") + "logistik: *d\n"}, [
        "content/ksb/kab-lebak/uji.yml:8:11: alias YAML '*d' tidak dipakai di sini: tulis nilainya langsung"]),
    "merge-key": ({KSB: "dasar: &dasar {kecamatan: Cibeber}\n<<: *dasar\n" + ksb()}, [
        "content/ksb/kab-lebak/uji.yml:2:5: alias YAML '*dasar' tidak dipakai di sini: tulis nilainya langsung"]),
    # --- file names and places
    "ksb-named-index": ({"ksb/kab-lebak/index.yml": ksb()}, [
        "content/ksb/kab-lebak/index.yml:1:1: nama berkas 'index' dipakai untuk halaman daftar: pilih nama lain"]),
    "guide-named-index": ({"panduan/index.md": GUIDE_TEXT}, [
        "content/panduan/index.md:1:1: nama berkas 'index' dipakai untuk halaman daftar: pilih nama lain"]),
    "windows-device-name": ({"ksb/kab-lebak/con.yml": ksb()}, [
        "content/ksb/kab-lebak/con.yml:1:1: nama berkas 'con' tidak bisa dibuat di Windows: pilih nama lain"]),
    "capital-letters-and-spaces": ({"ksb/kab-lebak/Desa Baru.yml": ksb()}, [
        "content/ksb/kab-lebak/Desa Baru.yml:1:1: nama berkas 'Desa Baru.yml' hanya boleh memuat huruf kecil, angka dan '-'"]),
    "overlong-name": ({"ksb/kab-lebak/" + "a" * 90 + ".yml": ksb()}, [
        f"content/ksb/kab-lebak/{'a' * 90}.yml:1:1: nama berkas terlalu panjang (90 karakter; paling banyak 80)"]),
    "yaml-extension": ({"ksb/kab-lebak/uji.yaml": ksb()}, [
        "content/ksb/kab-lebak/uji.yaml:1:1: akhiran .yaml tidak dibaca: ganti nama berkas menjadi uji.yml"]),
    "word-document": ({"ksb/kab-lebak/uji.docx": b"PK\x03\x04"}, [
        "content/ksb/kab-lebak/uji.docx:1:1: berkas ini tidak dibaca: berkas di ksb/ harus berakhiran .yml"]),
    "outside-a-region-folder": ({"ksb/uji.yml": ksb()}, [
        "content/ksb/uji.yml:1:1: berkas KSB harus berada di folder wilayahnya: content/ksb/<wilayah>/<nama>.yml"]),
    "unknown-region-folder": ({"ksb/kab-lebk/uji.yml": ksb()}, [
        "content/ksb/kab-lebk/uji.yml:1:1: folder wilayah 'kab-lebk' tidak dikenal (dikenal: kab-lebak, kab-pandeglang, kab-serang, "
        "kab-tangerang, kota-cilegon, kota-serang, kota-tangerang, kota-tangerang-selatan)"]),
    "same-ksb-twice": ({KSB: (GOLDEN_CONTENT / "ksb/kab-lebak/sukamaju.yml").read_text(encoding="utf-8")}, [
        "content/ksb/kab-lebak/uji.yml:1:7: nama: KSB ganda: nama 'KSB *Suka* | Maju <b>x</b> [x](https://evil.example)' "
        "sudah ada di content/ksb/kab-lebak/sukamaju.yml; satukan kedua berkas"]),
    # --- a real directory: sources with dates, places from the official list, one file per group
    "real-ksb-without-a-source": ({KSB: KSB_MINIMAL.replace(KSB_SOURCE + "\n", "")}, [
        "content/ksb/kab-lebak/uji.yml:1:1: sumber: KSB sungguhan perlu paling sedikit satu sumber publik yang menyebutnya "
        "(judul, penerbit, tanggal atau tahun, alamat web)"]),
    "source-dated-in-the-future": ({KSB: KSB_MINIMAL.replace("tahun: 2025", "tanggal: 2027-01-05")}, [
        "content/ksb/kab-lebak/uji.yml:4:60: tanggal: tanggal 2027-01-05 belum terjadi (hari ini 2026-12-02)"]),
    "source-year-in-the-future": ({KSB: KSB_MINIMAL.replace("tahun: 2025", "tahun: 2027")}, [
        "content/ksb/kab-lebak/uji.yml:4:58: tahun: 2027 belum terjadi (sekarang 2026)"]),
    "source-year-and-date-disagree": ({KSB: KSB_MINIMAL.replace("tahun: 2025", "tahun: 2024, tanggal: 2025-01-05")}, [
        "content/ksb/kab-lebak/uji.yml:4:58: tahun: 2024 berbeda dengan tahun pada tanggal 2025-01-05"]),
    "last-mention-before-the-formation": ({KSB: KSB_MINIMAL.replace("tahun: 2025", "tanggal: 2019-08-03") + (
        "dibentuk:\n  tanggal: 2025-05-29\n  oleh: kemensos\n  sumber: [{judul: Rilis, penerbit: Dinsos, tanggal: 2019-08-03}]\n")}, [
        "content/ksb/kab-lebak/uji.yml:8:1: dibentuk: tanggal pembentukan (2025-05-29) jatuh sesudah sumber terbaru yang menyebut "
        "KSB ini (2019-08-03); periksa tanggalnya, atau tambahkan sumber yang menyebut pembentukan itu"]),
    "formed-by-someone-unnamed": ({KSB: KSB_MINIMAL + (
        "dibentuk:\n  tahun: 2016\n  oleh: lainnya\n  sumber: [{judul: Rilis, penerbit: Dinsos, tahun: 2016}]\n")}, [
        "content/ksb/kab-lebak/uji.yml:10:9: oleh_nama: untuk 'oleh: lainnya' tuliskan siapa yang membentuk"]),
    "a-conflict-with-one-source": ({KSB: KSB_MINIMAL + (
        "perbedaan:\n  - {tentang: Nama, keterangan: Beda, sumber: [{judul: A, penerbit: B, tahun: 2025}]}\n")}, [
        "content/ksb/kab-lebak/uji.yml:9:39: sumber: harus berisi paling sedikit 2 butir"]),
    "kecamatan-misspelt": ({KSB: KSB_MINIMAL.replace("kecamatan: Cibeber", "kecamatan: Cibeberr")}, [
        "content/ksb/kab-lebak/uji.yml:2:12: kecamatan: 'Cibeberr' tidak ada di daftar resmi Kemendagri untuk Kabupaten Lebak: "
        "maksud Anda 'Cibeber'?"]),
    "kecamatan-of-another-region": ({KSB: KSB_MINIMAL.replace("kecamatan: Cibeber", "kecamatan: Angsana")}, [
        "content/ksb/kab-lebak/uji.yml:2:12: kecamatan: 'Angsana' tidak ada di daftar resmi Kemendagri untuk Kabupaten Lebak: "
        "kecamatan itu ada di Kabupaten Pandeglang; pindahkan berkas ini ke folder wilayahnya"]),
    "desa-of-another-kecamatan": ({KSB: KSB_MINIMAL.replace("desa: Cibeber", "desa: [Cibeber, Muncang]")}, [
        "content/ksb/kab-lebak/uji.yml:3:17: desa: 'Muncang' berada di Kecamatan Muncang, bukan di Kecamatan Cibeber "
        "(daftar resmi Kemendagri)"]),
    "desa-misspelt": ({KSB: KSB_MINIMAL.replace("desa: Cibeber", "desa: [Cibebber]")}, [
        "content/ksb/kab-lebak/uji.yml:3:8: desa: 'Cibebber' tidak ada di Kecamatan Cibeber menurut daftar resmi Kemendagri: "
        "maksud Anda 'Cibeber'?"]),
    "two-files-for-one-group": ({KSB: KSB_MINIMAL.replace("KSB Uji", "KSB Uji Dua"),
                                 "ksb/kab-lebak/uji-lain.yml": KSB_MINIMAL}, [
        "content/ksb/kab-lebak/uji.yml:1:7: nama: KSB ganda: Kecamatan Cibeber dengan desa/kelurahan yang sama (Cibeber) sudah ada "
        "di content/ksb/kab-lebak/uji-lain.yml; satukan kedua berkas"]),
    "regions-file-deleted": ({"wilayah.yml": None}, ["content/wilayah.yml:1:1: berkas wilayah.yml tidak ada"]),
    # --- one bad file never hides the next
    "two-files-two-problems": ({KSB: ksb("relawan: banyak\n"), "ksb/kota-serang/lain.yml": "nama: [\n"}, [
        "content/ksb/kab-lebak/uji.yml:8:10: relawan: harus berupa bilangan bulat, bukan 'banyak'",
        "content/ksb/kota-serang/lain.yml:2:1: YAML tidak sah (periksa titik dua, tanda kutip, kurung dan jumlah spasi di awal "
        "baris sekitar posisi ini): while parsing a flow node expected the node content, but found '<stream end>'"]),
}


def _fingerprint(site: Path) -> tuple[str, dict[str, tuple[int, int]]]:
    files = {str(path.relative_to(site)): (path.stat().st_size, path.stat().st_mtime_ns) for path in site.rglob("*") if path.is_file()}
    return os.readlink(site), files


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The golden project, built once; each case changes its content and puts it back."""
    project = make_project(tmp_path_factory.mktemp("corpus") / "proyek", GOLDEN_CONTENT)
    build(project, today=TODAY)
    return project


def _run(project, files: dict[str, str | bytes | None]) -> tuple[int, str]:
    for relative, text in files.items():
        path = project.content / relative
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            (path.write_bytes if isinstance(text, bytes) else lambda t, p=path: p.write_text(t, encoding="utf-8"))(text)
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
        code = cli.main(["--root", str(project.root), "build"])
    return code, stderr.getvalue()


def test_the_corpus_has_at_least_forty_cases():
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_reported_exactly_and_leaves_the_site_untouched(built, case, monkeypatch):
    monkeypatch.setattr("siaga.content.validate.today_in_banten", lambda: TODAY)
    files, expected = CASES[case]
    before = _fingerprint(built.site)
    backup = built.root / "content.asli"
    shutil.copytree(built.content, backup, symlinks=True)
    try:
        code, stderr = _run(built, files)
    finally:
        shutil.rmtree(built.content)
        backup.rename(built.content)
    problems = [line for line in stderr.splitlines() if line.startswith("content/")]
    assert code == 1
    assert "Traceback" not in stderr
    assert problems == expected
    assert stderr.rstrip().endswith(f"{len(expected)} masalah di konten; tidak ada yang ditulis, site/ tidak berubah.")
    assert _fingerprint(built.site) == before


def test_a_link_to_a_file_elsewhere_is_refused(built, tmp_path):
    secret = tmp_path / "rahasia.md"
    secret.write_text("---\njudul: Rahasia\n---\nkata sandi\n", encoding="utf-8")
    link = built.content / "panduan/rahasia.md"
    link.symlink_to(secret)
    try:
        code, stderr = _run(built, {})
    finally:
        link.unlink()
    assert code == 1
    assert "content/panduan/rahasia.md:1:1: tautan simbolik (symlink) tidak diterima: salin isinya ke berkas biasa" in stderr


def test_phone_typed_as_plain_digits_is_read_as_typed(built):
    backup = built.root / "content.asli"
    shutil.copytree(built.content, backup)
    try:
        (built.content / KSB).write_text(ksb().replace("telepon: 0812-0000-0101", "telepon: 081312345678"), encoding="utf-8")
        from siaga.content.validate import load_and_validate

        content = load_and_validate(built.content, today=TODAY)
    finally:
        shutil.rmtree(built.content)
        backup.rename(built.content)
    assert [e.record.posko.telepon for e in content.ksb if e.slug == "uji"] == ["+6281312345678"]


def test_sample_text_left_in_a_real_file_is_a_warning(built):
    backup = built.root / "content.asli"
    shutil.copytree(built.content, backup)
    try:
        person = "pengurus:\n  - {nama: Warga Contoh Uji, jabatan: ketua, persetujuan: 2026-01-01}\n"
        (built.content / KSB).write_text(ksb(person), encoding="utf-8")
        from siaga.content.validate import load_and_validate

        content = load_and_validate(built.content, today=TODAY)
    finally:
        shutil.rmtree(built.content)
        backup.rename(built.content)
    assert [str(w) for w in content.peringatan] == [
        "content/ksb/kab-lebak/uji.yml:9:12: nama: masih berisi teks contoh ('Warga Contoh Uji'): ganti dengan data sungguhan, "
        "atau tandai berkas ini contoh: true"]


def test_harmless_common_input_is_accepted(built):
    """A byte-order mark and CRLF line ends from Windows, accents in names, an editor's backup copy."""
    text = ("\ufeff" + KSB_MINIMAL.replace("nama: KSB Uji", "nama: KSB Cibeber Ámbon Ñ")).replace("\n", "\r\n")
    backup = built.root / "content.asli"
    shutil.copytree(built.content, backup)
    try:
        (built.content / KSB).write_bytes(text.encode("utf-8"))
        (built.content / "ksb/kab-lebak/uji.yml~").write_text("rusak: [", encoding="utf-8")
        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
            code = cli.main(["--root", str(built.root), "validate"])
    finally:
        shutil.rmtree(built.content)
        backup.rename(built.content)
    assert code == 0, stderr.getvalue()
    assert "content/ksb/kab-lebak/uji.yml~:1:1: peringatan: salinan cadangan penyunting, diabaikan: boleh dihapus" in stderr.getvalue()


def test_a_file_of_exactly_the_size_limit_is_read(built):
    backup = built.root / "content.asli"
    shutil.copytree(built.content, backup)
    try:
        (built.content / KSB).write_bytes(padded_to(512 * 1024))
        assert (built.content / KSB).stat().st_size == 512 * 1024
        from siaga.content.validate import load_and_validate

        content = load_and_validate(built.content, today=TODAY)
    finally:
        shutil.rmtree(built.content)
        backup.rename(built.content)
    assert "KSB Uji" in [entry.record.nama for entry in content.ksb]
