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
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from ..content.model import Content
from ..content.wording import BANTEN
from ..published.catalogue import Column, Value

# The date a zip entry carries: fixed, so a rebuild of the same content is byte for byte the same file.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


# A text Excel would read as a number if it were typed again (a phone number, a region code): it gets the Text
# format, so a partner who edits the cell keeps the leading zero or the "+".
_NUMBER_LIKE = re.compile(r"[+0-9][0-9 .\-]*")
# A text openpyxl would write as something else: a formula ("=...") or an error value ("#N/A").
_NOT_PLAIN = ("=", "#")


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


def _cell(sheet: WriteOnlyWorksheet, value: Any, kind: str) -> Any:
    """The value as written: plain where openpyxl writes it as it is, else a cell with its type or format set.
    Plain values keep the workbook quick to write (thousands of rows, one cell object each otherwise)."""
    if isinstance(value, str):
        if value.startswith(_NOT_PLAIN) or _NUMBER_LIKE.fullmatch(value):
            cell = WriteOnlyCell(sheet, value)
            cell.data_type = "s"  # never a formula, whatever it starts with
            cell.number_format = "@"
            return cell
        return value
    if isinstance(value, dt.datetime):
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = "yyyy-mm-dd hh:mm"
        return cell
    if isinstance(value, dt.date):
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    if kind == "desimal" and value is not None:
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = "0.00000"
        return cell
    return value


def _header(sheet: WriteOnlyWorksheet, names: Sequence[str]) -> list[WriteOnlyCell]:
    bold = Font(bold=True)
    cells = []
    for name in names:
        cell = WriteOnlyCell(sheet, name)
        cell.font = bold
        cells.append(cell)
    return cells


def _sheet(book: Workbook, title: str, columns: Sequence[Column], rows: list[dict[str, Value]]) -> None:
    sheet = book.create_sheet(title)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(max(len(column.name) + 2, 12), 40)
    sheet.append(_header(sheet, [column.name for column in columns]))
    for row in rows:
        sheet.append([_cell(sheet, _typed(row[column.name], column.kind), column.kind) for column in columns])


def _dictionary(book: Workbook, tables: list[tuple[str, Sequence[Column]]]) -> None:
    sheet = book.create_sheet("Kamus data")
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDE", (12, 24, 20, 100, 30), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.append(_header(sheet, ["lembar", "kolom", "tipe", "arti", "HXL"]))
    for title, columns in tables:
        for column in columns:
            sheet.append([_cell(sheet, text, "teks") for text in (title, column.name, column.kind, column.description, column.hxl)])


def workbook(tables: list[tuple[str, Sequence[Column], list[dict[str, Value]]]], content: Content) -> bytes:
    """The workbook: one sheet per (title, columns, rows), then the data dictionary. Written in openpyxl's write-only
    mode, row by row: at 4,000 KSB and 2,000 reports it is twice as quick as building the sheets in memory."""
    book = Workbook(write_only=True)
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
