"""``make lupakan TEKS="..."``: remove a text (a person's name, a phone number) from the whole git history.

Deleting an entry from a KSB file removes the person from the site, but a public repository keeps every
earlier version: anyone can still read the name in the history. This rewrites every commit with
git-filter-repo (the tool git's own documentation recommends for it), replacing the text in every file and
every commit message, then checks that no object left in the repository holds it, and prints what must
follow on the host, which no local command can do: a force push, asking the host to drop its cached
views, forks and other people's clones.

A phone number is matched however it was typed (0812-3456-7890, 081234567890, +62 812 3456 7890); a name
in any capitalisation and spacing.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..content import phone

REPLACEMENT = b"***DIHAPUS***"
# Shorter texts would also match inside other words and names ("Ani" in "Daniel").
SHORTEST = 4
_SEPARATORS = r"[\s.\-()]*"


class CannotForget(Exception):
    """Why the history was left as it was, in Indonesian."""


@dataclass(frozen=True)
class Forgotten:
    """The result of a rewrite: how many commits were rewritten and the remotes git-filter-repo took off."""

    commits: int
    remotes: dict[str, str]


def pattern(text: str) -> bytes:
    """The regular expression (for bytes) that finds ``text`` in the history as people write it."""
    try:
        digits = phone.normalise(text).removeprefix("+62")
    except ValueError:
        digits = ""
    if digits:
        return ("(?<!\\d)(?:\\+?62|0)" + _SEPARATORS + _SEPARATORS.join(digits) + "(?!\\d)").encode()
    words = [re.escape(word) for word in text.split()]
    return ("(?i)" + r"\s+".join(words)).encode("utf-8")


def _git(repo: Path, *arguments: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *arguments], capture_output=True, text=True, check=True).stdout


def _holding(repo: Path, found: re.Pattern[bytes]) -> int:
    """How many objects in the repository (reachable or not) still hold the text."""
    listing = subprocess.run(["git", "-C", str(repo), "cat-file", "--batch-all-objects", "--batch"], capture_output=True,
                             check=True).stdout
    return len(found.findall(listing))


def forget(repo: Path, text: str) -> Forgotten:
    """Remove ``text`` from every commit of ``repo``; raises :class:`CannotForget` with the reason if it cannot."""
    text = text.strip()
    if len(text) < SHORTEST or "\n" in text or "==>" in text:
        raise CannotForget(f"TEKS harus satu baris dan paling sedikit {SHORTEST} huruf (nama lengkap atau nomor telepon)")
    try:
        if _git(repo, "status", "--porcelain", "--untracked-files=no").strip():
            raise CannotForget("ada perubahan yang belum di-commit: commit atau batalkan dulu, lalu ulangi")
    except subprocess.CalledProcessError as error:
        raise CannotForget(f"{repo} bukan repositori git") from error
    expression = pattern(text)
    found = re.compile(expression)
    if not _holding(repo, found):
        raise CannotForget(f"'{text}' tidak ditemukan di riwayat repositori ini; tidak ada yang diubah")
    remotes = dict(line.split()[:2] for line in _git(repo, "remote", "-v").splitlines() if line.endswith("(push)"))
    with tempfile.TemporaryDirectory() as scratch:
        rules = Path(scratch) / "ganti.txt"
        rules.write_bytes(b"regex:" + expression + b"==>" + REPLACEMENT + b"\n")
        result = subprocess.run([sys.executable, "-m", "git_filter_repo", "--force", "--replace-text", str(rules),
                                 "--replace-message", str(rules)], cwd=repo, capture_output=True, text=True)
    if result.returncode != 0:
        raise CannotForget("git-filter-repo gagal: " + (result.stderr.strip() or result.stdout.strip()))
    # What git-filter-repo leaves behind (its own backup refs, reflogs, loose objects) is dropped too.
    _git(repo, "reflog", "expire", "--expire=now", "--all")
    _git(repo, "gc", "--prune=now", "--quiet")
    left = _holding(repo, found)
    if left:
        raise CannotForget(f"teks itu masih ada di {left} tempat di repositori setelah penulisan ulang; jangan push, "
                           "minta bantuan pengembang")
    commits = int(_git(repo, "rev-list", "--all", "--count").strip() or 0)
    return Forgotten(commits=commits, remotes=remotes)


def next_steps(forgotten: Forgotten) -> str:
    """What must follow on the host, in Indonesian, in order."""
    remote = next(iter(forgotten.remotes.items()), ("origin", "<alamat repositori>"))
    return f"""\
Teks itu sudah dihapus dari {forgotten.commits} commit di komputer ini. Riwayat di server BELUM berubah.
Langkah berikutnya, berurutan:

1. Pasang kembali alamat repositori (git-filter-repo melepasnya agar tidak terkirim tanpa sengaja):
     git remote add {remote[0]} {remote[1]}
2. Kirim riwayat baru, menimpa yang lama (matikan dulu perlindungan cabang bila ada):
     git push --force --all {remote[0]}
     git push --force --tags {remote[0]}
3. Minta host membersihkan salinannya. Commit lama masih bisa dibuka lewat kodenya, dan pull request lama
   masih memuatnya:
   - GitHub: ajukan permintaan penghapusan data sensitif lewat https://support.github.com/contact
     (sebut nama repositori dan kode commit lama; jangan tulis data itu di issue publik).
   - GitLab: Settings > Repository > Repository cleanup, unggah berkas .git/filter-repo/commit-map.
4. Fork dan salinan orang lain masih memuat data lama: minta pemilik fork menghapusnya, dan setiap
   pengelola menghapus salinan lamanya lalu clone ulang. Jangan push dari salinan lama: data itu kembali.
5. Bangun dan terbitkan ulang situs (push di atas melakukannya), dan bila nama itu pernah muncul di
   situs, minta mesin pencari menghapus salinan tersimpannya.
"""
