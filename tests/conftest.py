"""Fixtures: a throw-away project (config, theme overrides, content) and small content builders."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from siaga.build import Project

REPO = Path(__file__).resolve().parent.parent
GOLDEN_CONTENT = REPO / "tests" / "golden" / "content"
# Validation compares dates with today; the fixtures fix it so results never depend on the clock.
TODAY = dt.date(2026, 11, 28)


def make_project(root: Path, content: Path) -> Project:
    """A project folder like the repository's, with ``content`` copied in."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "overrides", root / "overrides")
    shutil.copytree(content, root / "content")
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


KSB_MINIMAL = """\
nama: KSB Uji
kecamatan: Cibeber
desa: Cibeber
ancaman: [banjir]
posko:
  alamat: Balai desa
  telepon: 0812-0000-0101
"""
