"""`make lupakan TEKS="..."` on a scratch repository: a name and a number, however typed, leave every commit,
every commit message and every object; the steps that must follow on the host are printed; and it refuses
what it cannot do safely."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

NAME = "Siti Contoh Aminah"
NUMBER = "0812-0000-0777"
ENV = {**os.environ, "PYTHONPATH": str(REPO / "scripts"), "GIT_AUTHOR_NAME": "Pengelola", "GIT_AUTHOR_EMAIL": "p@contoh.example",
       "GIT_COMMITTER_NAME": "Pengelola", "GIT_COMMITTER_EMAIL": "p@contoh.example"}


def git(repo: Path, *arguments: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *arguments], capture_output=True, text=True, env=ENV, check=True).stdout


def everything(repo: Path) -> str:
    """Every object in the repository, reachable or not, as text."""
    objects = subprocess.run(["git", "-C", str(repo), "cat-file", "--batch-all-objects", "--batch"], capture_output=True, check=True)
    return objects.stdout.decode("utf-8", "replace")


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """A repository whose history holds a board member who withdrew consent: in a file, typed three ways, and in
    a commit message; a later commit deleted the entry, as the maintainer guide says."""
    origin = tmp_path / "asal.git"
    subprocess.run(["git", "init", "--bare", "-q", str(origin)], check=True)
    repo = tmp_path / "repo"
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    ksb = repo / "content" / "ksb" / "kab-lebak" / "uji.yml"
    ksb.parent.mkdir(parents=True)
    ksb.write_text("nama: KSB Uji\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "KSB Uji")
    ksb.write_text(f"nama: KSB Uji\npengurus:\n  - nama: {NAME}\n    jabatan: ketua\n    telepon: {NUMBER}\n"
                   "# juga +62 812 0000 0777 dan 081200000777, dan SITI  CONTOH AMINAH\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", f"Tambah ketua {NAME}, 081200000777")
    ksb.write_text("nama: KSB Uji\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Persetujuan ditarik: entri dihapus")
    git(repo, "remote", "add", "origin", str(origin))
    git(repo, "push", "-q", "origin", "main")
    return repo


def forget(repo: Path, text: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "siaga", "--root", str(repo), "lupakan", text, "--ya"], capture_output=True,
                          text=True, env=ENV)


def test_a_name_and_a_number_leave_the_whole_history(scratch):
    assert NAME in everything(scratch) and "0777" in everything(scratch)
    files_before = git(scratch, "log", "--all", "--format=%s").splitlines()
    for text in (NAME, "+62 812-0000-0777"):
        result = forget(scratch, text)
        assert result.returncode == 0, result.stderr
    held = everything(scratch)
    assert NAME.casefold() not in held.casefold() and "SITI  CONTOH" not in held
    assert "0777" not in held, "the number, however it was typed, is gone"
    assert "***DIHAPUS***" in git(scratch, "log", "--all", "-p")
    messages = git(scratch, "log", "--all", "--format=%s").splitlines()
    assert len(messages) == len(files_before) and messages[1] == "Tambah ketua ***DIHAPUS***, ***DIHAPUS***"
    assert "KSB Uji" in (scratch / "content/ksb/kab-lebak/uji.yml").read_text(encoding="utf-8"), "the rest is untouched"


def test_the_steps_that_must_follow_on_the_host_are_printed(scratch):
    origin = git(scratch, "remote", "get-url", "origin").strip()
    result = forget(scratch, NAME)
    assert result.returncode == 0, result.stderr
    steps = result.stdout
    assert f"git remote add origin {origin}" in steps
    assert "git push --force --all origin" in steps and "git push --force --tags origin" in steps
    assert "support.github.com" in steps and "commit-map" in steps
    assert "fork" in steps.lower() and "clone ulang" in steps
    # The server still has the old history until the maintainer pushes: the tool said so.
    assert "BELUM berubah" in steps


@pytest.mark.parametrize(("prepare", "text", "reason"), [
    (lambda repo: None, "Ani", "paling sedikit 4 huruf"),
    (lambda repo: None, "Nama Yang Tidak Pernah Ada", "tidak ditemukan"),
    (lambda repo: (repo / "content/ksb/kab-lebak/uji.yml").write_text("ubah\n", encoding="utf-8"), NAME, "belum di-commit"),
])
def test_it_refuses_what_it_cannot_do_safely_and_changes_nothing(scratch, prepare, text, reason):
    prepare(scratch)
    before = git(scratch, "rev-parse", "HEAD")
    result = forget(scratch, text)
    assert result.returncode == 1 and reason in result.stderr, result.stderr
    assert git(scratch, "rev-parse", "HEAD") == before


def test_make_lupakan_asks_for_the_text(tmp_path):
    result = subprocess.run(["make", "-s", "-C", str(REPO), "lupakan", "TEKS="], capture_output=True, text=True)
    assert result.returncode == 2 and 'make lupakan TEKS="' in result.stdout
