"""The pipeline: load and validate content, export data, render pages, write docs/, build, swap in.

Read :func:`generate` and :func:`build` top to bottom to see the whole tool. Nothing is written
before all content is valid, and ``site/`` is replaced only by a complete new build (built beside
it, then published by an atomic swap of the ``site`` link, see :mod:`siaga.site.publish`), so a failed
build leaves the last good site in place.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import gc
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .content.errors import BuildFailed
from .content.history import read_provenance
from .content.model import Content
from .content.validate import ReadCache, load_and_validate
from .exports.files import Exports, export_files
from .pages.panggil import panel_darurat
from .pages.render import render_pages
from .published.catalogue import Download
from .published.penerbit import edit_address, theme_values
from .published.urls import SiteUrls
from .site import linkcheck
from .site.mkdocs_build import run_mkdocs
from .site.offline import write_service_worker
from .site.publish import exclusive, new_build_dir, publish, recover, removing_old_builds
from .site.search import index_for_search
from .site.sitemap import split_sitemap

# Files in docs/ that belong to the repository, not to the generator.
_KEEP = {".gitignore"}


@dataclass(frozen=True)
class Project:
    """Where things are: everything is relative to the project root."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def scratch(self) -> Path:
        return self.root / ".build"


def generate(project: Project, today: dt.date | None = None, timings: Timings | None = None,
             cache: ReadCache | None = None) -> Content:
    """Validate all content, then (only if it is all valid) write the pages and exports into docs/.

    With ``cache`` (``make serve``), unchanged files are not read again, and when the last change only
    edited KSB files, only the pages those files make, and the pages that list every KSB, are rendered."""
    step = (timings or Timings()).step
    with step("baca dan periksa konten"), collector_paused():
        content = load_and_validate(project.content, today=today, cache=cache)
    with collector_skips_what_lives():
        with step("ekspor, kode QR dan halaman"):
            urls = SiteUrls.for_site(project.config, content.situs)
            provenance = read_provenance(project.root, edit_address(content.situs))
            changed = _edited_ksb(project, cache)
            made: list[Exports] = []

            def export() -> list[Download]:  # called by render_pages while other processes render the pages
                made.append(export_files(content, urls, qr_cache=project.scratch / "cache" / "qr"))
                return made[0].downloads

            pages = render_pages(content, urls, export, provenance, changed_ksb=changed)
            exports = made[0]
        with step("tulis docs/"):
            write_docs(project.docs, {**pages, **exports.files}, prune=changed is None)
    if cache is not None:
        cache.mark_written()
    return content


def _edited_ksb(project: Project, cache: ReadCache | None) -> set[str] | None:
    """The KSB files (from the project root) changed since docs/ was last written, if nothing else changed
    and no file was added or removed; otherwise None: every page is rendered."""
    if cache is None or cache.written != cache.seen:
        return None
    ksb_folder = project.content / "ksb"
    if not all(path.is_relative_to(ksb_folder) for path in cache.unwritten):
        return None
    return {path.relative_to(project.root).as_posix() for path in cache.unwritten}


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while reading content: reading makes no cycles, and the collector's
    walks over a heap that grows with every file made reading 10,000 KSB files 1.7 times slower."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextlib.contextmanager
def collector_skips_what_lives() -> Iterator[None]:
    """The validated content lives as long as the build: frozen, the garbage collector stops walking its
    objects again and again while exports and pages are made. No collection first: in
    ``make serve`` the heap holds the whole previewed site, and walking it took a second per save."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def build(project: Project, *, strict: bool = False, today: dt.date | None = None, swap: bool = True,
          timings: Timings | None = None) -> Content:
    """load, validate, render, write docs/, build with MkDocs in a folder of its own, then publish as site/."""
    step = (timings := timings or Timings()).step
    with exclusive(project.scratch):
        recover(project.site, project.scratch)
        with removing_old_builds(project.site, project.scratch):
            content = generate(project, today=today, timings=timings)
            urls = SiteUrls.for_site(project.config, content.situs)
            staging = new_build_dir(project.scratch)
            published = False
            try:
                with step(MKDOCS_STEP), content_time(content):
                    run_mkdocs(project.config, staging, strict=strict, extra=theme_extra(content), site_url=urls.base)
                with step("peta situs"):
                    split_sitemap(staging, urls.base)
                with step("indeks pencarian"):
                    index_for_search(staging, content)
                with step("service worker"):
                    write_service_worker(staging, content)
                if strict:
                    with step("periksa tautan"):
                        check_site(staging, urls)
                if swap:
                    with step("pasang situs"):
                        publish(staging, project.site, project.scratch)
                    published = True
            finally:
                if not published:  # a check, or a failed build: the folder was never the site
                    shutil.rmtree(staging, ignore_errors=True)
    return content


MKDOCS_STEP = "MkDocs"


@dataclass
class Timings:
    """Seconds spent in each step of one build, in order: ``siaga build --waktu`` prints them, and
    ``make bench`` tells MkDocs' own part from the tool's with them."""

    steps: dict[str, float] = field(default_factory=dict)

    @contextlib.contextmanager
    def step(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.steps[name] = self.steps.get(name, 0.0) + time.perf_counter() - started

    def report(self) -> str:
        """One line per step, then the total, in Indonesian."""
        width = max(map(len, self.steps), default=0)
        lines = [f"  {name:<{width}}  {seconds:6.2f} s".replace(".", ",") for name, seconds in self.steps.items()]
        return "\n".join(["Waktu per tahap:", *lines, f"  {'jumlah':<{width}}  {sum(self.steps.values()):6.2f} s".replace(".", ",")])


def check_site(site: Path, urls: SiteUrls) -> None:
    """The strict gate after MkDocs: every internal link and anchor leads somewhere, nothing loads from elsewhere."""
    found = linkcheck.problems(site, urls.base)
    if found:
        raise BuildFailed(f"{len(found)} masalah tautan di situs yang dibangun:\n" + "\n".join(found))


@contextlib.contextmanager
def content_time(content: Content) -> Iterator[None]:
    """Stamp the build with the content's own last change (``SOURCE_DATE_EPOCH``), not the clock: MkDocs
    dates the sitemap with it, so two builds of the same content give the same bytes. A
    ``SOURCE_DATE_EPOCH`` set by the caller wins."""
    day = content.last_change()
    if "SOURCE_DATE_EPOCH" in os.environ or day is None:
        yield
        return
    # Midnight UTC of that day: the sitemap prints the date in UTC, and must print this date.
    os.environ["SOURCE_DATE_EPOCH"] = str(int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp()))
    try:
        yield
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]


def write_docs(docs: Path, files: dict[str, str | bytes], *, prune: bool = True) -> None:
    """Make docs/ hold ``files`` (pages as text, exports as bytes): rewrite changed files and, with
    ``prune``, delete every other one (without, the other files are pages a preview did not render again).

    Files are rewritten only when their bytes changed so that ``mkdocs serve`` rebuilds only those. Paths
    are plain strings here: at 4,000 KSB docs/ holds 14,000 files, and pathlib's objects took most of the time.
    """
    root = os.fspath(docs)
    os.makedirs(root, exist_ok=True)
    made: set[str] = set()
    wanted: set[str] = set()
    for relative, data in files.items():
        target = os.path.join(root, *relative.split("/"))
        wanted.add(target)
        data = data.encode("utf-8") if isinstance(data, str) else data
        folder = os.path.dirname(target)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        if not _holds(target, data):
            with open(target, "wb") as out:
                out.write(data)
    if not prune:
        return
    for folder, _, names in os.walk(root, topdown=False):
        for name in names:
            path = os.path.join(folder, name)
            if path not in wanted and name not in _KEEP:
                os.unlink(path)
        if folder != root and not os.listdir(folder):
            os.rmdir(folder)


def _holds(path: str, data: bytes) -> bool:
    """Whether the file at ``path`` has exactly these bytes (its size is compared first, without reading it)."""
    try:
        if os.stat(path).st_size != len(data):
            return False
        with open(path, "rb") as existing:
            return existing.read() == data
    except FileNotFoundError:
        return False


def theme_extra(content: Content) -> dict[str, object]:
    """What the theme's own templates show from the content: the 404 page's call buttons, the same as every
    other first screen's (siaga.pages.panggil), and the footer's publisher and licences (content/situs.yml)."""
    return {"panel_darurat": dataclasses.asdict(panel_darurat(content.nomor_darurat, content.wilayah)),
            "situs": theme_values(content.situs)}
