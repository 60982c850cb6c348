"""Who publishes the site, under which licences, and at which addresses (``content/situs.yml``), as every page
kind and export says it: the footer, the about page, the feeds, the vCards, the data package and the edit links.

A field left empty is undecided, and each reader says so in the same words.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from ..content.model import Situs

SITE_NAME = "Siaga Banten"
UNDECIDED_PUBLISHER = "Pengelola resmi belum dikonfirmasi"
UNDECIDED_LICENCE = "belum ditetapkan"
# Set by the publishing job (GitHub Actions, GitLab CI): it wins over content/situs.yml, as it did before the file.
SITE_URL_VARIABLE = "SIAGA_SITE_URL"
EDIT_URL_VARIABLE = "SIAGA_EDIT_URL"


def publisher(site: Situs) -> str:
    """The name a feed or a vCard gives as its author: the publisher once decided, the site's name until then."""
    return site.penerbit or SITE_NAME


def publisher_line(site: Situs) -> str:
    """One sentence on who publishes the site, for the footer and the vCards."""
    return f"Diterbitkan oleh {site.penerbit}" if site.penerbit else UNDECIDED_PUBLISHER


def theme_values(site: Situs) -> dict[str, object]:
    """What the theme's footer (overrides/partials/copyright.html) shows, as plain values MkDocs and Zensical both read:
    the sentence on who publishes (:func:`publisher_line`, the same as the vCards') and each licence's name and address."""
    def licence(field: str) -> dict[str, str] | None:
        found = site.lisensi(field)
        return {"nama": found[0], "url": found[1]} if found else None

    return {"penerbit": publisher_line(site), "lisensi_data": licence("lisensi_data"), "lisensi_konten": licence("lisensi_konten")}


def site_address(site: Situs) -> str | None:
    """The public address: ``SIAGA_SITE_URL`` when the publishing job sets it, else ``alamat_situs``; None for neither
    (then ``mkdocs.yml``'s reserved example address stands)."""
    return os.environ.get(SITE_URL_VARIABLE) or site.alamat_situs


def edit_address(site: Situs) -> str:
    """Where "Perbaiki data ini" opens a content file: ``SIAGA_EDIT_URL`` when the publishing job sets it (it knows the
    default branch), else the online editor of ``alamat_repositori`` on GitHub or GitLab, on branch main; else nothing."""
    if from_job := os.environ.get(EDIT_URL_VARIABLE):
        return from_job
    if not site.alamat_repositori:
        return ""
    repository = site.alamat_repositori.rstrip("/").removesuffix(".git")
    host = urlsplit(repository).hostname or ""
    if host == "github.com" or host.endswith(".github.com"):
        return f"{repository}/edit/main/"
    if host == "gitlab.com" or host.startswith("gitlab."):
        return f"{repository}/-/edit/main/"
    return ""
