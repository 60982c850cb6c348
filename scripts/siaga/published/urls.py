"""Absolute addresses of pages and files, for what leaves the site: QR codes, feeds, vCards, calendars.

Pages link to each other with relative links (MkDocs checks them); only exports need the
public address: ``SIAGA_SITE_URL`` when the publishing job sets it, else ``alamat_situs`` in
``content/situs.yml``, else ``site_url`` in ``mkdocs.yml`` (a reserved example address).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..content.errors import BuildFailed
from ..content.model import Situs
from .penerbit import site_address

# Fixed once, never to change: every export's ids derive from it and from content names only.
_ID_NAMESPACE = uuid.UUID("d4c0a1ab-9c9a-4de6-aef9-1888a3ca32f1")

# A reserved name (RFC 2606) that can never be somebody else's site: used until the real address is set.
PLACEHOLDER_SUFFIX = ".example"


@dataclass(frozen=True)
class SiteUrls:
    """The public address of the site and of everything in it."""

    base: str
    """``site_url`` with a trailing slash, e.g. ``https://siagabanten.example/``."""

    @classmethod
    def from_config(cls, config: Path) -> SiteUrls:
        """Read ``site_url`` from ``mkdocs.yml`` (with MkDocs' own loader, so ``!ENV`` works)."""
        from mkdocs.utils.yaml import yaml_load

        with config.open(encoding="utf-8") as stream:
            site_url = (yaml_load(stream) or {}).get("site_url")
        parts = urlsplit(str(site_url or ""))
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise BuildFailed(f"{config}: site_url harus berisi alamat situs lengkap (https://...): kode QR, feed dan vCard memerlukannya")
        return cls(str(site_url).rstrip("/") + "/")

    @classmethod
    def for_site(cls, config: Path, site: Situs) -> SiteUrls:
        """The public address as the build uses it: ``SIAGA_SITE_URL`` when set, else ``alamat_situs`` from
        ``content/situs.yml``, else ``mkdocs.yml``'s ``site_url`` (the reserved example address)."""
        address = site_address(site)
        return cls(address.rstrip("/") + "/") if address else cls.from_config(config)

    @property
    def is_placeholder(self) -> bool:
        """True while the site still has the reserved example address instead of its real one."""
        return (urlsplit(self.base).hostname or "").endswith(PLACEHOLDER_SUFFIX)

    def page(self, docs_path: str) -> str:
        """The address of the page written to ``docs/<docs_path>`` (``ksb/x/y.md`` → ``.../ksb/x/y/``)."""
        stem = docs_path.removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            stem = stem.removesuffix("index")
        else:
            stem += "/"
        return self.base + stem

    def file(self, docs_path: str) -> str:
        """The address of a file copied as it is from ``docs/<docs_path>``."""
        return self.base + docs_path


def stable_id(key: str) -> str:
    """A ``urn:uuid:`` id for ``key`` (``fgd/<slug>``, ``ksb/<id>/posko``, ...) that survives a move of the site.

    Feed readers, calendars and phones recognise an entry they already have by this id, so it
    must not depend on ``site_url``.
    """
    return f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, key)}"
