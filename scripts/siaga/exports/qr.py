"""QR codes, drawn by segno as small SVG files at build time (no script, no image service)."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import segno


def cached_qr_svg(url: str, title: str, cache: Path | None) -> bytes:
    """:func:`qr_svg`, kept in ``cache`` between builds: most of its cost is segno's search for the best
    mask, and a KSB's address rarely changes. The key covers everything the picture depends on."""
    if cache is None:
        return qr_svg(url, title)
    key = hashlib.sha256(f"{segno.__version__}\0{url}\0{title}".encode()).hexdigest()
    path = cache / f"{key}.svg"
    if path.is_file():
        return path.read_bytes()
    data = qr_svg(url, title)
    cache.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data


def qr_svg(url: str, title: str) -> bytes:
    """An SVG QR code for ``url``; without a fixed size, so the page's CSS decides how big it prints.

    Error correction level M survives a poster that is a little creased, dirty or badly printed.
    """
    code = segno.make(url, error="m", boost_error=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="svg", xmldecl=False, svgns=True, omitsize=True, border=4, title=title, svgclass="siaga-qr", lineclass=None)
    return buffer.getvalue()
