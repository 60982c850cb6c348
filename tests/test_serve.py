"""`make serve`: the live preview follows edits to content/ and survives a content mistake."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import REPO


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
