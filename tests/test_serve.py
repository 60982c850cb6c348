"""`make serve`: the live preview follows edits to content/ and survives a content mistake."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import REPO, TODAY
from siaga.content.errors import ContentInvalid


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(url: str, text: str, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = _fetch(url)
        if body and text in body:
            return True
        time.sleep(0.3)
    return False


def test_preview_rebuilds_when_content_changes_and_keeps_pages_on_a_mistake(project):
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO / "scripts")}
    server = subprocess.Popen(
        [sys.executable, "-m", "siaga", "--root", str(project.root), "serve", "--addr", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
    )
    url = f"http://127.0.0.1:{port}/ksb/kota-serang/cipare/"
    try:
        assert _wait_for(url, "KSB Cipare"), "the preview did not start"
        ksb_file = project.content / "ksb/kota-serang/cipare.yml"
        ksb_file.write_text(ksb_file.read_text(encoding="utf-8").replace("nama: KSB Cipare", "nama: KSB Cipare Baru"), encoding="utf-8")
        assert _wait_for(url, "KSB Cipare Baru"), "an edit in content/ did not reach the preview"
        ksb_file.write_text(ksb_file.read_text(encoding="utf-8") + "relawan: banyak\n", encoding="utf-8")
        mistake_line = len(ksb_file.read_text(encoding="utf-8").splitlines())
        time.sleep(2)
        assert "KSB Cipare Baru" in (_fetch(url) or ""), "a content mistake broke the preview"
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=10)
    assert f"content/ksb/kota-serang/cipare.yml:{mistake_line}:10: relawan: harus berupa bilangan bulat, bukan 'banyak'" in output


REPORT = """\
ksb: kota-serang/cipare
ancaman: banjir
waktu_kejadian: '2026-12-02T05:30:00+07:00'
waktu_laporan: '2026-12-02T08:15:00+07:00'
lokasi: Kelurahan Cipare
ringkasan: Air setinggi 30 cm di dua RT.
pelapor: Sekretaris KSB
status:
- status: belum-diverifikasi
  waktu: '2026-12-02T08:15:00+07:00'
berlaku_sampai: '2026-12-03T08:15:00+07:00'
"""


def _docs(project) -> dict[str, bytes]:
    return {path.relative_to(project.docs).as_posix(): path.read_bytes() for path in project.docs.rglob("*") if path.is_file()}


def test_a_preview_regeneration_writes_what_a_full_generation_writes(project):
    """The preview reads again only changed files and renders only what they make; docs/ must still come
    out byte for byte as a full generation makes it, after a KSB edit, a shared-file edit and a new KSB."""
    from siaga.build import generate
    from siaga.content.validate import ReadCache

    cache = ReadCache()
    # A situation report from the KSB edited below: its page shows the KSB's name, and must follow the edit.
    (project.content / "laporan/2026").mkdir(parents=True)
    (project.content / "laporan/2026/2026-12-02-0815-cipare.yml").write_text(REPORT, encoding="utf-8")
    generate(project, today=TODAY, cache=cache)
    assert "KSB Cipare" in (project.docs / "laporan/2026/2026-12-02-0815-cipare.md").read_text(encoding="utf-8")
    ksb_file = project.content / "ksb/kota-serang/cipare.yml"
    numbers = project.content / "kontak/darurat.yml"
    new_ksb = project.content / "ksb/kota-serang/cipare-dua.yml"
    edits = [
        (ksb_file, "nama: KSB Cipare", "nama: KSB Cipare Baru"),
        (numbers, "Layanan uji 129", "Layanan uji 129 baru"),
        (new_ksb, None, None),
    ]
    for path, old, new in edits:
        if old is None:
            path.write_text(ksb_file.read_text(encoding="utf-8").replace("KSB Cipare Baru", "KSB Cipare Dua")
                            .replace("desa: [Cipare]", "desa: [Lopang]"), encoding="utf-8")
        else:
            assert old in path.read_text(encoding="utf-8")
            path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        generate(project, today=TODAY, cache=cache)
        assert cache.read_now == {path}, "only the changed file is read again"
        if path == ksb_file:
            assert "KSB Cipare Baru" in (project.docs / "laporan/2026/2026-12-02-0815-cipare.md").read_text(encoding="utf-8")
        preview = _docs(project)
        generate(project, today=TODAY)
        assert _docs(project) == preview, f"after editing {path.name}"
    # A mistake in one KSB, then an edit of another (nothing is written while the first is wrong), then the fix.
    other = project.content / "ksb/kab-lebak/sukamaju.yml"
    broken = ksb_file.read_text(encoding="utf-8")
    ksb_file.write_text(broken + "relawan: banyak\n", encoding="utf-8")
    with pytest.raises(ContentInvalid):
        generate(project, today=TODAY, cache=cache)
    other.write_text(other.read_text(encoding="utf-8").replace("relawan: 12\n", "relawan: 13\n"), encoding="utf-8")
    assert "relawan: 13" in other.read_text(encoding="utf-8")
    with pytest.raises(ContentInvalid):
        generate(project, today=TODAY, cache=cache)
    ksb_file.write_text(broken.replace("KSB Cipare Baru", "KSB Cipare Lagi"), encoding="utf-8")
    generate(project, today=TODAY, cache=cache)
    preview = _docs(project)
    generate(project, today=TODAY)
    assert _docs(project) == preview, "the edit made while another file was wrong reached the preview"
