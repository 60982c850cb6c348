"""Putting a finished build in place: one build at a time, an atomic swap, recovery after a crash.

``site`` is a symbolic link to a complete build in ``.build/sites/``. A new build is made in a
folder of its own there and published by replacing the link in one ``os.replace``: a reader (or
a web server) sees the old site or the new one, never half of either, and a crash at any moment
leaves a working ``site``. Builds take a lock first, so ``make serve``, CI and a second terminal
never write ``docs/`` or the site at the same time.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

try:  # POSIX: Linux and macOS, where maintainers and CI build. Elsewhere builds are not serialised.
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

WAITING = "Pembangunan lain sedang berjalan di folder ini; menunggu sampai selesai..."


@contextlib.contextmanager
def exclusive(scratch: Path) -> Iterator[None]:
    """Hold ``.build/lock`` for the whole build; a second build says so in one line, then waits its turn."""
    scratch.mkdir(parents=True, exist_ok=True)
    with (scratch / "lock").open("a+") as lock:
        if fcntl is not None:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                print(WAITING, file=sys.stderr, flush=True)
                fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(lock, fcntl.LOCK_UN)


def new_build_dir(scratch: Path) -> Path:
    """A fresh folder for this build's site, never shared with another build."""
    sites = scratch / "sites"
    sites.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for attempt in range(1000):
        candidate = sites / f"{stamp}-{os.getpid()}-{attempt}"
        try:
            candidate.mkdir()
        except FileExistsError:
            continue
        return candidate
    raise FileExistsError(f"tidak ada nama folder bebas di {sites}")


def recover(site: Path, scratch: Path) -> None:
    """Before anything else: put back a last good site that a crash left behind.

    Older versions swapped by two renames and could leave the site in ``.build/site.old``; a
    ``site`` link whose folder was deleted points again at the newest complete build.
    """
    if site.exists():
        return
    legacy = scratch / "site.old"
    if legacy.is_dir() and not site.is_symlink():
        legacy.rename(site)
        return
    builds = sorted((path for path in (scratch / "sites").glob("*") if (path / "index.html").is_file()), key=os.path.getmtime)
    if builds:
        _point(site, builds[-1], scratch)


def publish(build: Path, site: Path, scratch: Path) -> None:
    """Make ``site`` show ``build`` in one atomic step. The previous build stays until the next build
    begins (see :func:`removing_old_builds`): a request that began before the swap can finish."""
    if site.is_dir() and not site.is_symlink():
        # A site from before the link: keep it whole under .build until the link replaces it.
        site.rename(scratch / "sites" / f"lama-{os.getpid()}")
    _point(site, build, scratch)


@contextlib.contextmanager
def removing_old_builds(site: Path, scratch: Path) -> Iterator[None]:
    """Remove every build but the one ``site`` shows, beside the work of this build, and wait for it before
    the build ends. In a process of its own: deleting a 10,000-KSB site is mostly waiting on the disk, and
    a thread would take turns with MkDocs for the interpreter.

    Call it inside :func:`exclusive` and after :func:`recover`, so that ``site`` is whole."""
    shown = site.resolve() if site.is_symlink() else None
    sites = scratch / "sites"
    old = [str(path) for path in sites.iterdir() if path.resolve() != shown] if sites.is_dir() else []
    remover = subprocess.Popen([sys.executable, "-c", _REMOVE, *old]) if old else None
    try:
        yield
    finally:
        if remover is not None:
            remover.wait()


_REMOVE = "import shutil, sys\nfor path in sys.argv[1:]:\n    shutil.rmtree(path, ignore_errors=True)"


def _point(site: Path, build: Path, scratch: Path) -> None:
    link = scratch / f"site-{os.getpid()}.link"
    with contextlib.suppress(FileNotFoundError):
        link.unlink()
    # Relative, so the project folder can be moved or mounted elsewhere.
    link.symlink_to(os.path.relpath(build, site.parent), target_is_directory=True)
    os.replace(link, site)
