"""Fixtures: a throw-away project (config, theme overrides, content) and small content builders."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from siaga.build import Project

REPO = Path(__file__).resolve().parent.parent
GOLDEN_CONTENT = REPO / "tests" / "golden" / "content"
# Sample KSB and a media desk owned by the tests (fictional numbers, board members with and without consent): the
# features that need numbers are tested on them, since the published content holds only real KSB.
SAMPLES = REPO / "tests" / "fixtures" / "contoh"
# Validation compares dates with today; the fixtures fix it so results never depend on the clock.
TODAY = dt.date(2026, 12, 2)


def make_project(root: Path, content: Path, *, samples: bool = False) -> Project:
    """A project folder like the repository's, with ``content`` copied in (and with ``samples``, the sample KSB too)."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "overrides", root / "overrides")
    shutil.copytree(content, root / "content")
    if samples:
        shutil.copytree(SAMPLES, root / "content", dirs_exist_ok=True)
    (root / "docs").mkdir()
    return Project(root)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A small valid project (the golden content) to change one file at a time."""
    return make_project(tmp_path / "proyek", GOLDEN_CONTENT)


def write(project: Project, relative: str, text: str | bytes) -> Path:
    """Write a content file (path relative to content/), creating folders."""
    path = project.content / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


# A real KSB needs a public source: line 4 holds it (tests add lines from line 8 on).
KSB_SOURCE = "sumber: [{judul: Berita uji, penerbit: Koran uji, tahun: 2025}]"
KSB_MINIMAL = f"""\
nama: KSB Uji
kecamatan: Cibeber
desa: Cibeber
{KSB_SOURCE}
posko:
  alamat: Balai desa
  telepon: 0812-0000-0101
"""


@pytest.fixture(scope="session")
def bundled_site(tmp_path_factory) -> tuple[Project, object]:
    """The bundled content of the repository with the tests' sample KSB added, built once: (project, validated content)."""
    from siaga.build import build

    project = make_project(tmp_path_factory.mktemp("bundled") / "proyek", REPO / "content", samples=True)
    content = build(project, strict=True, today=TODAY)
    return project, content


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> tuple[Project, object]:
    """The bundled content exactly as the public site publishes it, built once: (project, validated content)."""
    from siaga.build import build

    project = make_project(tmp_path_factory.mktemp("published") / "proyek", REPO / "content")
    content = build(project, strict=True, today=TODAY)
    return project, content


@pytest.fixture(scope="session")
def golden_site(tmp_path_factory) -> tuple[Project, object]:
    """The golden content (hostile names, a non-consented person), built once."""
    from siaga.build import build

    project = make_project(tmp_path_factory.mktemp("golden") / "proyek", GOLDEN_CONTENT)
    content = build(project, strict=True, today=TODAY)
    return project, content


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium for one test module (browser_support.chromium)."""
    from browser_support import chromium

    with chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def site(bundled_site):
    """The bundled site served on 127.0.0.1 for one test module: (address, validated content)."""
    from browser_support import serving

    project, content = bundled_site
    with serving(project.site) as url:
        yield url, content


def page(project: Project, url: str):
    """The built page at ``url`` (``/ksb/kab-lebak/``), parsed."""
    from bs4 import BeautifulSoup

    path = project.site / url.strip("/") / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def section_after(heading) -> list:
    """The elements after a heading up to the next heading of its level or above: one organisation on /kontak/."""
    block = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h2", "h3"):
            break
        block.append(sibling)
    return block


def site_files(project: Project) -> list[Path]:
    """Every file of the built site, downloads and search index included."""
    return sorted(path for path in project.site.rglob("*") if path.is_file())


def readable_bytes(path: Path) -> bytes:
    """A built file's bytes as a reader's browser gets them: Pagefind's index pieces are gzip-compressed."""
    import gzip

    data = path.read_bytes()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
