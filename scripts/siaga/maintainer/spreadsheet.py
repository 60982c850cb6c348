"""``make import FILE=...``: KSB from a spreadsheet (CSV as Excel or LibreOffice saves it, or .xlsx).

The columns are those of ``templat/ksb.csv``, with Indonesian headers. Each row becomes or updates
``content/ksb/<wilayah>/<berkas>.yml``: only the columns the sheet has, and only cells that are
filled, are written, so a board list, consent and everything else a file holds stay as they were.
Every row is checked as validation would check it, problems are reported by row and column name,
and nothing is written unless every row is right. Running the same sheet twice changes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from ..content import model
from ..content.errors import ContentError, ContentInvalid
from ..content.load import CONTROL, control_message
from ..content.regions import official_list
from ..content.validate import error_message, load_and_validate
from .scaffold import slug

# Spreadsheet column → where it goes in a KSB file. "wilayah" and "berkas" name the file itself.
COLUMNS: dict[str, tuple[str, ...]] = {
    "wilayah": (),
    "berkas": (),
    "nama": ("nama",),
    "kecamatan": ("kecamatan",),
    "desa": ("desa",),
    "ancaman": ("ancaman",),
    "posko_alamat": ("posko", "alamat"),
    "posko_telepon": ("posko", "telepon"),
    "posko_whatsapp": ("posko", "whatsapp"),
    "posko_email": ("posko", "email"),
    "lat": ("lokasi", "lat"),
    "lon": ("lokasi", "lon"),
    "relawan": ("relawan",),
    "contoh": ("contoh",),
    # One public source per row, added to the file's sources unless it is there already.
    "sumber_judul": (),
    "sumber_penerbit": (),
    "sumber_tanggal": (),
    "sumber_url": (),
}
REQUIRED = ("wilayah", "nama", "kecamatan")
# The words templat/ksb.csv's sample row carries in its name: a row with them is the sample, never a KSB to publish.
TEMPLATE_EXAMPLE = "(hapus baris ini)"
SOURCE_COLUMNS = {"sumber_judul": "judul", "sumber_penerbit": "penerbit", "sumber_tanggal": "tanggal", "sumber_url": "url"}


def read_rows(path: Path) -> list[dict[str, str]]:
    """The sheet's rows as {header: cell text}, from .xlsx or from CSV in whatever form spreadsheets save it."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        # A read-only workbook keeps its file open until closed: closed here, not whenever the collector runs.
        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            rows = [["" if cell is None else str(cell).strip() for cell in row]
                    for row in workbook.worksheets[0].iter_rows(values_only=True)]
        finally:
            workbook.close()
    else:
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")  # Excel on Windows saves "CSV" in the system's code page
        dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=",;\t")
        rows = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), dialect)]
    rows = [row for row in rows if any(row)]
    if not rows:
        return []
    headers = [header.strip().lower().replace(" ", "_") for header in rows[0]]
    return [dict(zip(headers, row + [""] * (len(headers) - len(row)), strict=False)) for row in rows[1:]]


def _value(column: str, text: str) -> Any:
    if column in ("ancaman", "desa"):
        return [part.strip() for part in text.replace(",", ";").split(";") if part.strip()]
    if column in ("posko_whatsapp", "contoh"):
        return {"ya": True, "true": True, "1": True, "tidak": False, "false": False, "0": False}.get(text.lower(), text)
    if column in ("lat", "lon"):
        return float(text.replace(",", ".")) if _is_number(text.replace(",", ".")) else text
    if column == "relawan":
        return int(text) if text.isdigit() else text
    return text


def _source_value(key: str, text: str) -> Any:
    """A source's date as a date (so that it is checked as one), everything else as typed."""
    if key == "tanggal":
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _yaml() -> YAML:
    yaml = YAML()
    yaml.width = 1000
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def import_file(sheet: Path, content_dir: Path) -> list[Path]:
    """Import every row of ``sheet`` into ``content_dir``; raise ``ContentInvalid`` (nothing written) on any problem."""
    shown = Path(sheet.name)
    rows = read_rows(sheet)
    content = load_and_validate(content_dir)
    regions = {r.slug: r for r in content.wilayah} | {r.nama.lower(): r for r in content.wilayah}
    context = {"ancaman": {hazard.id for hazard in content.ancaman}}
    problems: list[ContentError] = []
    planned: dict[Path, str] = {}
    unknown = [header for header in (rows[0] if rows else {}) if header and header not in COLUMNS]
    for header in unknown:
        problems.append(ContentError(shown, 1, 1, f"kolom {header!r} tidak dikenal (yang dikenal: {', '.join(COLUMNS)})"))
    skipped = []
    for number, row in enumerate(rows, start=2):  # row 1 holds the headers
        if TEMPLATE_EXAMPLE in row.get("nama", ""):
            skipped.append(number)  # the template's sample row, kept by a maintainer who filled the rows below it
            continue
        target, text, row_problems = _row(row, number, shown, content_dir, regions, context)
        problems += row_problems
        if target is not None and text is not None:
            if target in planned:
                message = f"baris {number}: menulis berkas yang sama dengan baris lain ({target.name})"
                problems.append(ContentError(shown, number, 1, message))
            planned[target] = text
    if problems:
        raise ContentInvalid(problems)
    for number in skipped:
        print(f"Baris {number} adalah baris contoh dari templat ({TEMPLATE_EXAMPLE}): dilewati, tidak diimpor. "
              "Hapus baris itu dari lembar Anda.")
    written = []
    root = content_dir.parent
    for target, text in planned.items():
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            action = "diubah" if target.exists() else "ditulis"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            written.append(target)
            print(f"  {action}: {target.relative_to(root).as_posix()}")
    imported = len(rows) - len(skipped)
    print(f"{imported} baris diimpor, {len(written)} berkas ditulis atau diubah, {len(planned) - len(written)} tidak berubah.")
    if not imported:
        print("Tidak ada baris KSB di lembar ini selain baris contoh: isi satu baris per KSB di bawah judul kolom.")
    return written


def _row(row: dict[str, str], number: int, shown: Path, content_dir: Path, regions: dict[str, model.Wilayah],
         context: dict[str, Any]) -> tuple[Path | None, str | None, list[ContentError]]:
    """One row: its target file and new text, or the problems, each at its row and column."""
    columns = list(row)  # the sheet's own order: the column number a spreadsheet shows

    def problem(column: str, message: str) -> ContentError:
        position = columns.index(column) + 1 if column in columns else 1
        return ContentError(shown, number, position, f"baris {number}, kolom {column}: {message}")

    # A cell pasted from Word or WhatsApp may carry a control character (a vertical tab): refused here as in a file.
    problems = [problem(column, control_message(found.group()[0]))
                for column, text in row.items() if (found := CONTROL.search(text))]
    if problems:
        return None, None, problems
    missing = [column for column in REQUIRED if not row.get(column)]
    region = regions.get(row.get("wilayah", "").lower())
    problems = [problem(column, "wajib diisi") for column in missing]
    if row.get("wilayah") and region is None:
        hint = "tulis kode seperti kab-lebak atau nama seperti Kabupaten Lebak"
        problems.append(problem("wilayah", f"{row['wilayah']!r} tidak dikenal ({hint})"))
    if problems or region is None:
        return None, None, problems
    problems += _official_names(row, region, problem)
    if problems:
        return None, None, problems
    name = slug(row.get("berkas") or row["kecamatan"])
    target = content_dir / "ksb" / region.slug / f"{name}.yml"
    yaml = _yaml()
    data = yaml.load(target.read_text(encoding="utf-8")) if target.exists() else CommentedMap()
    for column, place in COLUMNS.items():
        if not place or not row.get(column):
            continue  # an empty cell never erases what the file holds
        node = data
        for key in place[:-1]:
            node = node.setdefault(key, CommentedMap())
        node[place[-1]] = _value(column, row[column])
    source = CommentedMap((key, _source_value(key, row[column])) for column, key in SOURCE_COLUMNS.items() if row.get(column))
    if source and dict(source) not in [dict(item) for item in data.get("sumber", [])]:
        data.setdefault("sumber", []).append(source)
    try:
        model.Ksb.model_validate(_plain(data), context=context)
    except ValidationError as error:
        for item in error.errors(include_url=False):
            loc = tuple(str(part) for part in item["loc"] if isinstance(part, str))
            column = next((c for c, place in COLUMNS.items() if place and loc[: len(place)] == place), loc[-1] if loc else "")
            problems.append(problem(column, error_message(item, list(model.Ksb.model_fields))))
        return None, None, problems
    stream = io.StringIO()
    yaml.dump(data, stream)
    return target, stream.getvalue(), []


def _official_names(row: dict[str, str], region: model.Wilayah, problem: Any) -> list[ContentError]:
    """The kecamatan and villages of a row checked against the official list, with "maksud Anda ...?"."""
    official = official_list()
    kecamatan = official.find(region.kode, row["kecamatan"])
    if kecamatan is None:
        hint = official.suggest(region.kode, row["kecamatan"])
        return [problem("kecamatan", f"{row['kecamatan']!r} tidak ada di daftar resmi Kemendagri untuk {region.nama}"
                        + (f": maksud Anda {hint!r}?" if hint else ""))]
    found = []
    for name in _value("desa", row.get("desa", "")):
        if official.find(kecamatan.kode, name) is None:
            hint = official.suggest(kecamatan.kode, name)
            found.append(problem("desa", f"{name!r} tidak ada di Kecamatan {kecamatan.nama} menurut daftar resmi Kemendagri"
                                 + (f": maksud Anda {hint!r}?" if hint else "")))
    return found


def _plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: _plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_plain(value) for value in node]
    return node
