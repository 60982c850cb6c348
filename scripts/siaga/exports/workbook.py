"""``data/ksb.xlsx``: the public tables as a spreadsheet that opens right in Excel with Indonesian settings.

A CSV double-clicked in Excel set to Indonesian is read with the wrong separator and encoding, phone
numbers become 6.28E+12 and coordinates thousands. The workbook carries types instead: numbers as numbers,
dates as dates, codes and phone numbers as text. One sheet per table (KSB, reports, needs), each with a
frozen header row, and a sheet with the data dictionary. A text that starts like a formula stays text.

Written with openpyxl; the zip's timestamps are fixed, so the same content gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from ..content.model import Content
from ..content.wording import BANTEN
from ..published.catalogue import Column, Value

# The date a zip entry carries: fixed, so a rebuild of the same content is byte for byte the same file.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def _typed(value: Value, kind: str) -> Any:
    """A table value as the cell it should be: a date or a date and time where the column holds them."""
    if value is None:
        return None
    if isinstance(value, list):
        return "; ".join(value)
    if isinstance(value, str) and kind.startswith("tanggal dan jam"):
        return dt.datetime.fromisoformat(value).astimezone(BANTEN).replace(tzinfo=None)  # Excel has no zones: WIB
    if isinstance(value, str) and kind.startswith("tanggal") and len(value) == 10:
        return dt.date.fromisoformat(value)
    return value


def _sheet(book: Workbook, title: str, columns: Sequence[Column], rows: list[dict[str, Value]]) -> None:
    sheet = book.create_sheet(title)
    sheet.append([column.name for column in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_typed(row[column.name], column.kind) for column in columns])
    for line in sheet.iter_rows(min_row=2):
        for cell, column in zip(line, columns, strict=True):
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever it starts with
                cell.number_format = "@"
            elif isinstance(cell.value, dt.datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            elif column.kind == "desimal":
                cell.number_format = "0.00000"
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(max(len(column.name) + 2, 12), 40)


def _dictionary(book: Workbook, tables: list[tuple[str, Sequence[Column]]]) -> None:
    sheet = book.create_sheet("Kamus data")
    sheet.append(["lembar", "kolom", "tipe", "arti", "HXL"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for title, columns in tables:
        for column in columns:
            sheet.append([title, column.name, column.kind, column.description, column.hxl])
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            cell.data_type = "s"
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDE", (12, 24, 20, 100, 30), strict=True):
        sheet.column_dimensions[letter].width = width


def workbook(tables: list[tuple[str, Sequence[Column], list[dict[str, Value]]]], content: Content) -> bytes:
    """The workbook: one sheet per (title, columns, rows), then the data dictionary."""
    book = Workbook()
    book.remove(book.active)
    for title, columns, rows in tables:
        _sheet(book, title, columns, rows)
    _dictionary(book, [(title, columns) for title, columns, _ in tables])
    moment = dt.datetime.combine(content.last_change() or dt.date(2026, 1, 1), dt.time())
    book.properties.created = book.properties.modified = moment
    book.properties.creator = "Siaga Banten"
    buffer = io.BytesIO()
    book.save(buffer)
    return _fixed_dates(buffer.getvalue())


def _created(core: bytes) -> bytes:
    found = re.search(rb"<dcterms:created[^>]*>([^<]*)", core)
    return found.group(1) if found else b""


def _fixed_dates(data: bytes) -> bytes:
    """The same zip with every entry dated :data:`_ZIP_DATE` (openpyxl stamps the time of writing)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, _ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" with the clock when it saves
                created = _created(data)
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", lambda found, when=created: found.group(1) + when, data)
            target.writestr(fixed, data)
    return out.getvalue()
