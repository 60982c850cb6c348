"""``data/datapackage.json``: a Frictionless Data Package (v1) describing the open data files, so a partner's
tools (frictionless, CKAN, HDX) read each table with its field names, types and descriptions from the model.

The tables are described field by field (the CSVs and the JSON); the other files (spreadsheet, map, contacts,
calendar) as files. The HXL twins carry a second header row of hashtags and are left to HXL tools.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..content.model import Content
from ..published import paths
from ..published.catalogue import COLUMNS, REPORT_COLUMNS, Column, Download
from ..published.penerbit import UNDECIDED_LICENCE, publisher
from ..published.urls import SiteUrls

# How each column's kind (as /data/ names it) is typed in a Table Schema.
_TYPES = {
    "teks": "string", "bilangan bulat": "integer", "desimal": "number", "true/false": "boolean", "daftar teks": "string",
    "tanggal (YYYY-MM-DD)": "date", "tanggal dan jam (ISO 8601, WIB)": "datetime", "teks (URL)": "string",
}
_MEDIA = {".csv": "text/csv", ".json": "application/json", ".geojson": "application/geo+json", ".vcf": "text/vcard",
          ".ics": "text/calendar", ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def _schema(columns: Sequence[Column]) -> dict[str, object]:
    fields = []
    for column in columns:
        field: dict[str, object] = {"name": column.name, "type": _TYPES.get(column.kind, "string"), "description": column.description}
        if column.kind == "daftar teks":
            field["description"] = f"{column.description} Beberapa isian dipisahkan titik koma.".strip()
        fields.append(field)
    return {"fields": fields}


def _sources(content: Content) -> list[dict[str, str]]:
    """The public sources the KSB rows were taken from, each once, by title and publisher (and address when known)."""
    seen: dict[tuple[str, str], dict[str, str]] = {}
    for entry in content.ksb:
        if entry.record.contoh:
            continue
        for source in entry.record.sumber:
            item = {"title": f"{source.judul} ({source.penerbit})"}
            if source.url:
                item["path"] = source.url
            seen.setdefault((source.judul, source.penerbit), item)
    return list(seen.values())


def data_package(downloads: list[Download], content: Content, urls: SiteUrls) -> bytes:
    """The descriptor for ``downloads`` (paths under ``data/``, or elsewhere on the site), as UTF-8 JSON, with the data
    licence and the publisher from ``content/situs.yml`` (left out while undecided, and the description says so)."""
    tables = {paths.KSB_CSV: COLUMNS, paths.REPORTS_CSV: REPORT_COLUMNS}
    resources = []
    for download in downloads:
        if not download.path.startswith("data/") or "-hxl" in download.path:
            continue
        name = download.path.removeprefix("data/").replace(".", "-")
        suffix = "." + download.path.rsplit(".", 1)[-1]
        resource: dict[str, object] = {"name": name, "path": download.path.removeprefix("data/"), "title": download.title,
                                       "description": download.holds, "mediatype": _MEDIA.get(suffix, "application/octet-stream"),
                                       "bytes": len(download.data)}
        if download.path in tables:
            resource |= {"profile": "tabular-data-resource", "format": "csv", "encoding": "utf-8", "schema": _schema(tables[download.path])}
        resources.append(resource)
    descriptor: dict[str, object] = {
        "profile": "data-package",
        "name": "siaga-banten",
        "title": "Siaga Banten: Kampung Siaga Bencana, laporan situasi dan kontak di Provinsi Banten",
        "description": "Data terbuka Siaga Banten. Setiap KSB bersumber publik yang disebut di halamannya; laporan situasi adalah "
                       "laporan warga, bukan data resmi. Sel CSV yang diawali =, +, -, @, tab atau CR diberi petik tunggal di depannya.",
        "homepage": urls.page(paths.DATA_PAGE),
        "version": (content.last_change().isoformat() if content.last_change() else "0"),
        "resources": resources,
    }
    site = content.situs
    if licence := site.lisensi("lisensi_data"):
        descriptor["licenses"] = [{"name": site.lisensi_data, "title": licence[0], "path": licence[1]}]
    else:
        descriptor["description"] = f"{descriptor['description']} Lisensi data {UNDECIDED_LICENCE}."
    publisher_entry: dict[str, str] = {"title": publisher(site), "role": "publisher"}
    if site.kontak and site.kontak.email:
        publisher_entry["email"] = site.kontak.email
    if site.alamat_situs:
        publisher_entry["path"] = site.alamat_situs
    descriptor["contributors"] = [publisher_entry]
    descriptor["sources"] = _sources(content)
    return (json.dumps(descriptor, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
