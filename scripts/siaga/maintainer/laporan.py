"""``make laporan FILE=pesan.txt``: a posko's WhatsApp message becomes one report file for review.

The message follows the fixed format published on ``/pengelola/`` and on every KSB page (:data:`FORMAT`).
The reading is tolerant where people are (any case, extra spaces and blank lines, WhatsApp's ``*bold*``,
lines in any order, ``3/11/2025 04:30`` or ``03-11-2025 04.30``, the KSB with or without "KSB", optional
lines left out) and strict where it matters: every problem is reported at ``pesan.txt:line:column`` in
Indonesian, and nothing is written until there is none. The raw message and the sender's number are never
stored: only the checked values reach ``content/laporan/<tahun>/<YYYY-MM-DD-HHMM>-<ksb>.yml``, which a second
maintainer then reviews in a pull request like any other content.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

from ..content import reports
from ..content.model import Content, Ksb, Placed
from ..content.wording import BANTEN

FORMAT = reports.REPORT_FORMAT

# Each line a message may hold: its label as people write it -> the report's field.
LINES = {
    "ksb": "ksb", "kejadian": "ancaman", "waktu kejadian": "waktu_kejadian", "waktu laporan": "waktu_laporan",
    "lokasi": "lokasi", "ringkasan": "ringkasan", "terdampak": "terdampak_kk", "mengungsi": "mengungsi_jiwa",
    "rumah rusak": "rumah_rusak", "pengungsian": "pengungsian", "kebutuhan": "kebutuhan", "rentan": "rentan",
    "pelapor": "pelapor", "rilis resmi": "rilis_resmi", "meninggal": "meninggal", "hilang": "hilang", "luka": "luka",
    "menggantikan": "menggantikan",
}
REQUIRED = ("ksb", "kejadian", "waktu kejadian", "lokasi", "ringkasan", "pelapor")
_SHOWN = {label: " ".join(word.capitalize() if i == 0 else word for i, word in enumerate(label.split())) for label in LINES}
_SHOWN["ksb"] = "KSB"
_HEADER = re.compile(r"laporan\s+ksb\s*$", re.I)
_TIME = re.compile(r"^(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4})\s*(?:,|pukul|jam)?\s*(?P<H>\d{1,2})[.:](?P<M>\d{2})\s*(wib)?$",
                   re.I)
_COUNT = re.compile(r"^(?P<n>\d+)\s*(kk|keluarga|jiwa|orang|rumah|unit)?$", re.I)
_CASUALTIES = ("meninggal", "hilang", "luka")


@dataclass
class Reading:
    """What one message gave: the report's values, and every problem at ``source:line:column``."""

    source: str
    values: dict[str, object] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    ksb: Placed[Ksb] | None = None

    def problem(self, line: int, column: int, message: str) -> None:
        self.problems.append(f"{self.source}:{line}:{column}: {message}")


def _plain(line: str) -> str:
    """A line without WhatsApp's formatting (*bold*, _italic_, ~strike~, ```mono```) and list marks."""
    line = re.sub(r"[*_~`]", "", line)
    return re.sub(r"^\s*[-•]\s*", "", line).strip()


def _count(text: str) -> int | None:
    found = _COUNT.match(text.strip())
    return int(found["n"]) if found else None


def _moment(text: str) -> dt.datetime | None:
    found = _TIME.match(text.strip())
    if not found:
        return None
    try:
        return dt.datetime(int(found["y"]), int(found["m"]), int(found["d"]), int(found["H"]), int(found["M"]), tzinfo=BANTEN)
    except ValueError:
        return None


def _key(entry: Placed[Ksb]) -> str:
    """How a report names its KSB: ``<wilayah>/<berkas>`` (``ksb_id`` in the exports, which this stage may not import)."""
    return f"{entry.wilayah.slug if entry.wilayah else ''}/{entry.slug}"


def _find_ksb(content: Content, text: str) -> tuple[Placed[Ksb] | None, str]:
    """The KSB a volunteer named ("Angsana", "KSB Angsana", "ksb angsana"), or None with the reason."""
    wanted = " ".join(re.sub(r"^ksb\b", "", text.strip(), flags=re.I).split()).casefold()
    matches = [entry for entry in content.ksb
               if " ".join(re.sub(r"^ksb\b", "", entry.record.nama, flags=re.I).split()).casefold() == wanted
               or wanted in (entry.slug, _key(entry))]
    if len(matches) == 1:
        return matches[0], ""
    if len(matches) > 1:
        regions = ", ".join(entry.wilayah.nama for entry in matches if entry.wilayah)
        return None, f"KSB: ada lebih dari satu KSB bernama {text.strip()!r} ({regions}); tulis misalnya 'KSB: {_key(matches[0])}'"
    names = sorted({re.sub(r"^KSB\s+", "", entry.record.nama) for entry in content.ksb})
    return None, f"KSB: {text.strip()!r} tidak ada di daftar KSB situs ini" + reports.suggestion(wanted, names)


def _parts(text: str, known: dict[str, str], line: int, column: int, reading: Reading, label: str) -> dict[str, int] | None:
    """``ringan 4, sedang 0`` or ``lansia 10, ibu hamil 2`` as counts by key; None (problems recorded) if unreadable."""
    counts: dict[str, int] = {}
    for part in filter(None, (piece.strip() for piece in re.split(r"[,;]", text))):
        found = re.match(r"^(?P<name>[^\d]+?)\s*:?\s*(?P<n>\S+)$", part) or re.match(r"^(?P<n>\S+)\s+(?P<name>[^\d]+)$", part)
        name = " ".join(found["name"].casefold().replace("rusak", "").split()) if found else ""
        key = next((key for key, shown in known.items() if name in (key.replace("_", " "), shown)), None)
        if key is None:
            names = ", ".join(k.replace("_", " ") for k in known)
            reading.problem(line, column, f"{label}: {part!r} tidak dikenal (yang dikenal: {names})")
            return None
        if not found["n"].isdigit():
            example = key.replace("_", " ")
            reading.problem(line, column, f"{label}: {found['n']!r} bukan bilangan bulat; tulis satu angka, misalnya {example} 3")
            return None
        counts[key] = int(found["n"])
    return counts


def read_message(text: str, content: Content, now: dt.datetime, *, source: str = "pesan") -> Reading:
    """Read one message; ``now`` is when the maintainer runs the tool (the report time unless the message gives one)."""
    reading = Reading(source)
    lines = text.splitlines()
    start = next((number for number, line in enumerate(lines, start=1) if _HEADER.search(_plain(line))), None)
    if start is None:
        reading.problem(1, 1, "pesan harus diawali baris LAPORAN KSB (salin formatnya dari halaman KSB atau /pengelola/)")
        return reading
    seen: dict[str, tuple[int, int, str]] = {}
    for number, raw in enumerate(lines[start:], start=start + 1):
        line = _plain(raw)
        if not line:
            continue
        label, colon, value = line.partition(":")
        label = " ".join(label.casefold().split())
        after = raw.find(":") + 1  # the value's first character in the line as typed, past spaces and WhatsApp's marks
        while after < len(raw) and raw[after] in " \t*_~":
            after += 1
        column = after + 1
        if not colon or label not in LINES:
            known = ", ".join(_SHOWN[name] for name in LINES)
            reading.problem(number, 1, f"baris tidak dikenal: {line[:40]!r}" + (
                reports.suggestion(label, list(LINES)) if colon and reports.suggestion(label, list(LINES)).startswith(":")
                else f" (baris yang dikenal: {known})"))
            continue
        if label in seen:
            reading.problem(number, 1, f"{_SHOWN[label]}: baris ini sudah ada di baris {seen[label][0]}")
            continue
        seen[label] = (number, max(column, 1), value.strip())
    for label in REQUIRED:
        if label not in seen and not reading.problems:
            reading.problem(len(lines), 1, f"baris {_SHOWN[label]}: belum ada (wajib)")
    for label, (number, column, value) in seen.items():
        _read_value(reading, content, now, label, number, column, value)
    _check_together(reading, seen, now)
    return reading


def _read_value(reading: Reading, content: Content, now: dt.datetime, label: str, number: int, column: int, value: str) -> None:
    shown = _SHOWN[label]
    if not value:
        reading.problem(number, column, f"{shown}: kosong; isi, atau hapus barisnya bila tidak diketahui")
        return
    if label not in ("waktu kejadian", "waktu laporan", "rilis resmi") and (problem := reports.personal_data(value)):
        reading.problem(number, column, f"{shown}: {problem}")
        return
    field_name = LINES[label]
    if label == "ksb":
        entry, why = _find_ksb(content, value)
        if entry is None:
            reading.problem(number, column, why)
            return
        reading.ksb = entry
        reading.values["ksb"] = _key(entry)
    elif label == "kejadian":
        hazard = next((h.id for h in content.ancaman if value.casefold() in (h.id.replace("-", " "), h.id, h.nama.casefold())), None)
        if hazard is None:
            hint = reports.suggestion(value, [h.nama for h in content.ancaman])
            reading.problem(number, column, f"Kejadian: {value!r} tidak dikenal" + hint)
            return
        reading.values["ancaman"] = hazard
    elif label in ("waktu kejadian", "waktu laporan"):
        moment = _moment(value)
        if moment is None:
            reading.problem(number, column, f"{shown}: {value!r} bukan tanggal dan jam; tulis misalnya 03-11-2025 04.30")
            return
        if moment > now:
            reading.problem(number, column, f"{shown}: {reports.waktu(moment)} belum terjadi (sekarang {reports.waktu(now)})")
            return
        reading.values[field_name] = moment
    elif label in ("terdampak", "mengungsi", *_CASUALTIES):
        count = _count(value)
        if count is None:
            reading.problem(number, column, f"{shown}: {value!r} bukan bilangan bulat; tulis satu angka, misalnya 120")
            return
        reading.values[field_name] = count
    elif label == "rumah rusak":
        if (counts := _parts(value, reports.DAMAGE, number, column, reading, shown)) is not None:
            reading.values["rumah_rusak"] = counts
    elif label == "rentan":
        if (counts := _parts(value, reports.VULNERABLE, number, column, reading, shown)) is not None:
            reading.values["rentan"] = counts
    elif label == "kebutuhan":
        needs = []
        for item in filter(None, (piece.strip() for piece in re.split(r"[,;]", value))):
            if (need := reports.need_id(item)) is None:
                known = [shown_need.split(" (")[0] for shown_need in reports.NEEDS.values()]
                reading.problem(number, column, f"Kebutuhan: {item!r} tidak ada di daftar tetap" + reports.suggestion(item, known))
                return
            needs.append(need)
        reading.values["kebutuhan"] = list(dict.fromkeys(needs))
    elif label == "pengungsian":
        places = [piece.strip() for piece in re.split(r"[;]|,(?!\s*(?:kec|desa|kel)\b)", value) if piece.strip()]
        for place in places:
            if problem := reports.shelter_problem(place):
                reading.problem(number, column, f"Pengungsian: {problem}")
                return
        reading.values["pengungsian"] = places
    elif label == "lokasi":
        if problem := reports.place_problem(value):
            reading.problem(number, column, f"Lokasi: {problem}")
            return
        reading.values["lokasi"] = value
    elif label == "pelapor":
        reading.values["pelapor"] = value
    elif label == "rilis resmi":
        if not reports.official_release(value):
            reading.problem(number, column, f"Rilis resmi: {value!r} bukan halaman BPBD atau BNPB (alamat .go.id)")
            return
        reading.values["rilis_resmi"] = value
    else:
        reading.values[field_name] = value


def _check_together(reading: Reading, seen: dict[str, tuple[int, int, str]], now: dt.datetime) -> None:
    """What one line cannot tell alone: the KSB's area, the reporter's role, times in order, casualties' source."""
    values = reading.values
    if reading.ksb and "lokasi" in values and (problem := reports.village_problem(str(values["lokasi"]), reading.ksb.tempat,
                                                                                    reading.ksb.record.nama)):
        number, column, _ = seen["lokasi"]
        reading.problem(number, column, f"Lokasi: {problem}")
    if reading.ksb is not None and "pelapor" in values:
        number, column, _ = seen["pelapor"]
        if problem := reports.role_problem(str(values["pelapor"]), set(reading.ksb.slug.split("-"))):
            reading.problem(number, column, f"Pelapor: {problem}")
        else:  # as the site writes roles, whatever the case typed: "Sekretaris KSB"
            words = [word.upper() if word.casefold() in ("ksb", "rt", "rw") else word.lower() for word in str(values["pelapor"]).split()]
            values["pelapor"] = " ".join(words)[:1].upper() + " ".join(words)[1:]
    reported = values.get("waktu_laporan", now)
    if isinstance(values.get("waktu_kejadian"), dt.datetime) and values["waktu_kejadian"] > reported:
        number, column, _ = seen["waktu kejadian"]
        reading.problem(number, column, f"Waktu kejadian: {reports.waktu(values['waktu_kejadian'])} sesudah waktu laporan "
                                        f"({reports.waktu(reported)})")
    for label in _CASUALTIES:
        if label in seen and "rilis_resmi" not in values:
            number, column, _ = seen[label]
            reading.problem(number, column, f"{_SHOWN[label]}: {reports.CASUALTIES_RULE} (tambahkan baris 'Rilis resmi: https://...')")


_ORDER = ("ksb", "ancaman", "waktu_kejadian", "waktu_laporan", "lokasi", "ringkasan", "terdampak_kk", "mengungsi_jiwa", "rumah_rusak",
          "pengungsian", "kebutuhan", "rentan", "pelapor", "rilis_resmi", "meninggal", "hilang", "luka", "menggantikan", "status",
          "berlaku_sampai")


def _as_text(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, list):
        return [_as_text(item) for item in value]
    if isinstance(value, dict):
        return {key: _as_text(item) for key, item in value.items()}
    return value


def report_data(reading: Reading, now: dt.datetime, validity: dt.timedelta = reports.DEFAULT_VALIDITY) -> dict[str, object]:
    """The report file's values in the model's order, times as ISO text in WIB: unverified, standing for ``validity``."""
    values = dict(reading.values)
    reported = values.get("waktu_laporan") or now.replace(second=0, microsecond=0)
    assert isinstance(reported, dt.datetime)
    values |= {"waktu_laporan": reported, "status": [{"status": "belum-diverifikasi", "waktu": reported}],
               "berlaku_sampai": reported + validity}
    return {name: _as_text(values[name]) for name in _ORDER if name in values}


def report_path(content_dir: Path, data: dict[str, object]) -> Path:
    """``content/laporan/<tahun>/<YYYY-MM-DD-HHMM>-<ksb>.yml``, numbered if that name is taken."""
    reported = dt.datetime.fromisoformat(str(data["waktu_laporan"]))
    folder = content_dir / "laporan" / f"{reported:%Y}"
    stem = f"{reported:%Y-%m-%d-%H%M}-{str(data['ksb']).split('/')[1]}"
    path, number = folder / f"{stem}.yml", 2
    while path.exists():
        path, number = folder / f"{stem}-{number}.yml", number + 1
    return path


def report_yaml(data: dict[str, object], ksb_name: str) -> str:
    """The file's text: a comment saying what it is and how it is reviewed, then the values."""
    yaml = YAML()
    yaml.default_flow_style = False
    yaml.width = 120
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return (f"# Laporan situasi dari posko {ksb_name}, dibuat dengan make laporan. Pesan aslinya tidak disimpan.\n"
            "# Periksa sebelum digabung: tanpa nama orang, tanpa nomor, tanpa alamat rumah. Status hanya boleh maju:\n"
            "# tambahkan langkah baru di bawah status, jangan ubah yang lama.\n" + buffer.getvalue())
