"""The commands the Makefile calls: ``validate``, ``build``, ``check``, ``serve``, ``skema``, ``persetujuan``.

One top-level catch turns content mistakes into ``path:line:column: message`` lines and
exit code 1, without a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from . import build as pipeline
from .content.errors import ContentError, ContentInvalid, SiagaError
from .content.model import Content
from .content.validate import load_and_validate
from .published.urls import SiteUrls


def _project(args: argparse.Namespace) -> pipeline.Project:
    return pipeline.Project(Path(args.root).resolve())


def _warn(content: Content) -> None:
    """Warnings do not stop a build, but every maintainer sees them where the errors would be."""
    for warning in content.peringatan:
        print(f"{warning.path.as_posix()}:{warning.line}:{warning.column}: peringatan: {warning.message}", file=sys.stderr)
    _annotate("warning", content.peringatan)


def _annotate(level: str, problems: list[ContentError]) -> None:
    """On GitHub Actions, each problem also becomes an annotation on its file and line in the pull request."""
    if os.environ.get("GITHUB_ACTIONS") != "true":
        return
    for problem in problems:
        # Workflow commands escape %, CR and LF in the message (GitHub's "workflow commands" syntax).
        text = problem.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        print(f"::{level} file={problem.path.as_posix()},line={problem.line},col={problem.column}::{text}")


def cmd_validate(args: argparse.Namespace) -> None:
    content = load_and_validate(_project(args).content)
    _warn(content)
    print(f"Konten sah: {len(content.ksb)} KSB, {len(content.fgd)} FGD, {len(content.panduan)} panduan, "
          f"{len(content.organisasi)} lembaga, {len(content.nomor_darurat)} nomor darurat.")


def cmd_build(args: argparse.Namespace) -> None:
    project = _project(args)
    timings = pipeline.Timings()
    content = pipeline.build(project, strict=args.strict, timings=timings)
    _warn(content)
    if args.waktu:
        print(timings.report())
    print(f"Situs dibangun di {project.site}: {len(content.ksb)} KSB, {len(content.panduan)} panduan, {len(content.fgd)} FGD.")
    urls = SiteUrls.for_site(project.config, content.situs)
    if urls.is_placeholder:
        # Not an error: previews and tests need no real address. A printed poster does.
        print(f"Peringatan: alamat situs masih {urls.base} (alamat contoh). Kode QR di poster, feed dan vCard "
              "menunjuk ke sana. Untuk situs publik, isi alamat_situs di content/situs.yml (atau bangun dengan "
              "SIAGA_SITE_URL=https://<alamat situs>/).", file=sys.stderr)


def cmd_check(args: argparse.Namespace) -> None:
    project = _project(args)
    content = pipeline.build(project, strict=True, swap=False)
    print(f"Pemeriksaan lulus: konten sah dan mkdocs build --strict tanpa peringatan ({len(content.ksb)} KSB).")


def cmd_persetujuan(args: argparse.Namespace) -> None:
    """Everyone the site publishes, for a data-protection request (UU 27/2022): who, where, role, consent date."""
    content = load_and_validate(_project(args).content)
    rows = [(entry.path.as_posix(), entry.record.nama, person.nama, person.jabatan, person.persetujuan, entry.record.contoh)
            for entry in content.ksb for person in entry.record.pengurus]
    print("\t".join(["berkas", "ksb", "nama", "jabatan", "persetujuan", "contoh"]))
    for path, ksb, name, role, consent, sample in sorted(rows):
        print("\t".join([path, ksb, name, role, consent.isoformat() if consent else "", "ya" if sample else "tidak"]))
    print(f"{len(rows)} orang ditampilkan di situs atas persetujuannya. Untuk menarik persetujuan: hapus entri orang itu "
          "dari berkasnya, lalu jalankan make lupakan TEKS=\"<nama>\" dan TEKS=\"<nomor>\" untuk riwayat repositori.", file=sys.stderr)


def cmd_ksb_baru(args: argparse.Namespace) -> None:
    from .maintainer.scaffold import Stop, new_ksb

    try:
        new_ksb(_project(args).content)
    except (Stop, EOFError, KeyboardInterrupt):
        print("\nDihentikan; tidak ada berkas yang ditulis.", file=sys.stderr)


def cmd_impor(args: argparse.Namespace) -> None:
    from .maintainer.spreadsheet import import_file

    import_file(Path(args.berkas), _project(args).content)


def cmd_laporan(args: argparse.Namespace) -> None:
    """A posko's message (a file, or standard input) becomes one report file under content/laporan/ (make laporan)."""
    import datetime as dt

    from .content.reports import DEFAULT_VALIDITY
    from .content.wording import BANTEN
    from .maintainer.laporan import read_message, report_data, report_path, report_yaml

    project = _project(args)
    source = Path(args.berkas) if args.berkas and args.berkas != "-" else None
    text = source.read_text(encoding="utf-8-sig", errors="replace") if source else sys.stdin.read()
    content = load_and_validate(project.content)
    now = dt.datetime.now(BANTEN)
    reading = read_message(text, content, now, source=source.name if source else "pesan")
    if reading.problems:
        print("\n".join(reading.problems), file=sys.stderr)
        sys.exit(f"Laporan belum dibuat: {len(reading.problems)} masalah. Perbaiki pesannya, lalu ulangi.")
    data = report_data(reading, now, dt.timedelta(hours=args.berlaku) if args.berlaku else DEFAULT_VALIDITY)
    path = report_path(project.content, data)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(report_yaml(data, reading.ksb.record.nama if reading.ksb else ""), encoding="utf-8")
    try:
        load_and_validate(project.content)  # the new file against everything else, as CI will check it
    except ContentInvalid as invalid:
        path.unlink()
        print("\n".join(map(str, invalid.errors)), file=sys.stderr)
        sys.exit("Laporan belum dibuat.")
    print(path.relative_to(project.root).as_posix())
    print("Laporan ditulis. Buka pull request; orang kedua memeriksa dan menyetujuinya sebelum terbit.", file=sys.stderr)


def cmd_lupakan(args: argparse.Namespace) -> None:
    """Remove a name or number from the whole git history (make lupakan TEKS="...")."""
    from .maintainer.lupakan import CannotForget, forget, next_steps

    if not args.ya:
        if not sys.stdin.isatty():
            sys.exit("Tidak dihapus: jalankan dari terminal untuk mengonfirmasi, atau tambahkan --ya.")
        print(f"Semua commit repositori ini akan ditulis ulang untuk menghapus '{args.teks}'. Ketik YA untuk lanjut: ", end="")
        if input().strip().upper() != "YA":
            sys.exit("Dibatalkan: riwayat tidak diubah.")
    try:
        forgotten = forget(Path(args.root).resolve(), args.teks)
    except CannotForget as reason:
        sys.exit(f"Tidak dihapus: {reason}.")
    print(next_steps(forgotten))


def cmd_serve(args: argparse.Namespace) -> None:
    from .serve import serve

    serve(_project(args), args.addr)


def cmd_skema(args: argparse.Namespace) -> None:
    from .content.schema_doc import schema_markdown

    sys.stdout.write(schema_markdown())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="siaga", description="Membangun situs Siaga Banten dari folder content/.")
    parser.add_argument("--root", default=".", help="folder proyek (berisi content/ dan mkdocs.yml)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", help="periksa semua konten tanpa menulis apa pun").set_defaults(func=cmd_validate)
    build_parser = commands.add_parser("build", help="periksa konten lalu bangun situs ke site/")
    build_parser.add_argument("--strict", action="store_true", help="gagal bila MkDocs memberi peringatan")
    build_parser.add_argument("--waktu", action="store_true", help="cetak lama setiap tahap pembangunan")
    build_parser.set_defaults(func=cmd_build)
    commands.add_parser("check", help="periksa konten dan mkdocs build --strict, tanpa mengubah site/").set_defaults(func=cmd_check)
    serve_parser = commands.add_parser("serve", help="pratinjau langsung yang dibangun ulang saat content/ berubah")
    serve_parser.add_argument("--addr", default="127.0.0.1:8000")
    serve_parser.set_defaults(func=cmd_serve)
    commands.add_parser("skema", help="cetak rujukan kolom konten (Markdown)").set_defaults(func=cmd_skema)
    commands.add_parser("ksb-baru", help="buat berkas KSB baru dengan menjawab beberapa pertanyaan").set_defaults(func=cmd_ksb_baru)
    impor_parser = commands.add_parser("impor", help="impor KSB dari spreadsheet (CSV atau .xlsx) berkolom seperti templat/ksb.csv")
    impor_parser.add_argument("berkas")
    impor_parser.set_defaults(func=cmd_impor)
    laporan_parser = commands.add_parser("laporan", help="buat berkas laporan situasi dari pesan posko KSB (berkas teks atau stdin)")
    laporan_parser.add_argument("berkas", nargs="?", help="berkas teks berisi pesan; kosong atau - untuk stdin")
    laporan_parser.add_argument("--berlaku", type=int, help="berapa jam laporan berlaku (bawaan 24)")
    laporan_parser.set_defaults(func=cmd_laporan)
    lupakan_parser = commands.add_parser("lupakan", help="hapus sebuah nama atau nomor dari seluruh riwayat git repositori")
    lupakan_parser.add_argument("teks", help="nama lengkap atau nomor telepon yang dihapus")
    lupakan_parser.add_argument("--ya", action="store_true", help="tanpa pertanyaan konfirmasi")
    lupakan_parser.set_defaults(func=cmd_lupakan)
    commands.add_parser("persetujuan", help="daftar semua orang yang ditampilkan di situs, dengan tanggal persetujuannya"
                        ).set_defaults(func=cmd_persetujuan)
    args = parser.parse_args(argv)
    # MkDocs reports through logging; show its warnings the way `mkdocs build` would.
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        args.func(args)
    except ContentInvalid as error:
        for problem in error.errors:
            print(problem, file=sys.stderr)
        _annotate("error", error.errors)
        print(f"\n{len(error.errors)} masalah di konten; tidak ada yang ditulis, site/ tidak berubah.", file=sys.stderr)
        return 1
    except SiagaError as error:
        print(f"Gagal: {error}\nsite/ tidak berubah.", file=sys.stderr)
        return 1
    return 0
