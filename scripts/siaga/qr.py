"""QR codes, drawn by segno as small SVG files at build time (no script, no image service)."""

from __future__ import annotations

import io

import segno


def qr_svg(url: str, title: str) -> bytes:
    """An SVG QR code for ``url``; without a fixed size, so the page's CSS decides how big it prints.

    Error correction level M survives a poster that is a little creased, dirty or badly printed.
    """
    code = segno.make(url, error="m", boost_error=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="svg", xmldecl=False, svgns=True, omitsize=True, border=4, title=title, svgclass="siaga-qr", lineclass=None)
    return buffer.getvalue()
