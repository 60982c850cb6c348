"""Raw documents to model objects, or every problem as ``path:line:column: message``.

:func:`load_and_validate` reads the whole ``content/`` tree and returns either a
:class:`~siaga.content.model.Content` or raises :class:`~siaga.content.errors.ContentInvalid` with all
problems of all files, sorted by path and line.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import model
from .errors import ContentError, ContentInvalid
from .load import Document, locate, read_markdown, read_yaml, string_values
from .positioned import YamlList, YamlMap
from .regions import PROVINCE, official_list
from .reports import suggestion, village_problem
from .wording import BANTEN, today_in_banten

ModelT = TypeVar("ModelT", bound=BaseModel)

_REPORT_NAME = re.compile(r"^(?P<when>[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{4})-(?P<ksb>[a-z0-9]+(-[a-z0-9]+)*?)(-(?P<n>[0-9]+))?$")
_FGD_NAME = re.compile(r"^(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})-(?P<slug>[a-z0-9]+(-[a-z0-9]+)*)$")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# Hints for values that must match a pattern, by field name: what the maintainer should type.
_PATTERN_HINTS = {
    "slug": "hanya huruf kecil, angka dan tanda hubung, misalnya kab-lebak",
    "id": "hanya huruf kecil, angka dan tanda hubung, misalnya dinsos-banten",
    "kode": "kode Kemendagri seperti \"36.01\" (dalam tanda kutip)",
    "url": "alamat web lengkap yang diawali https://",
    "situs": "alamat web lengkap yang diawali https://",
    "email": "alamat e-mail seperti posko@contoh.id",
    "alamat_situs": "alamat lengkap yang diawali https:// (bukan http://), misalnya https://siaga.contoh.go.id/",
    "alamat_repositori": "alamat lengkap yang diawali https://, misalnya https://github.com/organisasi/siaga-banten",
}


# A decimal comma, as Indonesian writes numbers: -6,5 where YAML needs -6.5.
_DECIMAL_COMMA = re.compile(r"(\d),(\d)")
_POINT = r"\1.\2"


def _describe(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return "daftar" if isinstance(value, list) else "kumpulan kolom"
    return repr(value if not isinstance(value, str) else str(value))


def error_message(error: dict[str, Any], allowed: list[str]) -> str:
    """Say in Indonesian what is wrong and what is expected, from one pydantic error."""
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    field = next((str(part) for part in reversed(error["loc"]) if isinstance(part, str)), "")
    if kind == "missing":
        return f"kolom wajib '{field}' belum diisi"
    if value is None and kind.endswith("_type"):  # "kecamatan:" with nothing after it reads as null
        if kind in ("list_type", "model_type", "dict_type", "model_attributes_type"):
            return f"{field}: masih kosong: tulis isinya di baris-baris berikutnya, menjorok 2 spasi, atau hapus baris ini"
        return f"{field}: masih kosong: tulis nilainya sesudah '{field}:' pada baris yang sama, atau hapus baris ini"
    if kind in ("float_type", "float_parsing") and isinstance(value, str) and _DECIMAL_COMMA.search(value):
        return f"{field}: {_describe(value)} memakai koma desimal: tulis {_DECIMAL_COMMA.sub(_POINT, value)} (titik, bukan koma)"
    if kind == "extra_forbidden":
        return f"kolom tidak dikenal '{field}' (yang dikenal: {', '.join(allowed)})"
    if kind == "string_type" and isinstance(value, list) and value:
        # nomor: [112, 115, 118]: one value per field, quoted when it is digits, said in one round, not two
        first, rest = value[0], ", ".join(str(item) for item in value[1:])
        shown = f'"{first}"' if isinstance(first, (int, float)) else str(first)
        others = f"; untuk {rest} buat entri '{field}: ...' sendiri-sendiri" if rest else ""
        return f"{field}: harus berupa satu teks, bukan daftar: tulis satu nilai, misalnya {field}: {shown}{others}"
    if kind == "string_type":
        hint = " (beri tanda kutip)" if isinstance(value, (int, float)) else ""
        return f"{field}: harus berupa teks, bukan {_describe(value)}{hint}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"{field}: harus berupa bilangan bulat, bukan {_describe(value)}"
    if kind == "finite_number":
        return f"{field}: harus berupa angka biasa, bukan {_describe(value)}"
    if kind in ("float_type", "float_parsing"):
        return f"{field}: harus berupa angka, bukan {_describe(value)}"
    if kind in ("bool_type", "bool_parsing"):
        return f"{field}: harus true atau false, bukan {_describe(value)}"
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"{field}: {_describe(value)} bukan tanggal yang mungkin (tulis YYYY-MM-DD, misalnya 2025-09-10)"
    if kind == "list_type":
        return f"{field}: harus berupa daftar (setiap butir diawali '- ')"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"{field}: harus berupa kumpulan kolom 'kunci: nilai', bukan {_describe(value)}"
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        listed = ", ".join(choices[:-1]) + f" atau {choices[-1]}" if len(choices) > 1 else "".join(choices)
        return f"{field}: {_describe(value)} tidak dikenal (pilihan: {listed})"
    if kind == "string_pattern_mismatch":
        hint = _PATTERN_HINTS.get(field, _PATTERN_HINTS["slug"])
        return f"{field}: {_describe(value)} tidak sesuai bentuknya: {hint}"
    if kind == "string_too_short":
        return f"{field}: tidak boleh kosong"
    if kind == "too_short":
        return f"{field}: harus berisi paling sedikit {ctx.get('min_length')} butir"
    if kind in ("greater_than_equal", "greater_than"):
        return f"{field}: {_describe(value)} terlalu kecil (paling sedikit {ctx.get('ge', ctx.get('gt'))})"
    if kind in ("less_than_equal", "less_than"):
        return f"{field}: {_describe(value)} terlalu besar (paling banyak {ctx.get('le', ctx.get('lt'))})"
    if "at" in ctx:  # our own checks (model.py) write the whole message, field included
        return error["msg"]
    if kind == "value_error":
        return f"{field}: {ctx.get('error')}"
    return f"{field}: {error['msg']}" if field else error["msg"]


def _model_at(cls: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class reached by following ``loc`` through field annotations."""
    current: type[BaseModel] | None = cls
    for part in loc:
        if isinstance(part, int):
            continue
        if current is None or part not in current.model_fields:
            return None
        current = _inner_model(current.model_fields[part].annotation)
    return current


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """Unwrap ``list[X]``, ``X | None`` and ``Annotated[X, ...]`` down to a model class."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((inner for arg in typing.get_args(annotation) if (inner := _inner_model(arg))), None)


def _misspelt(items: list[dict[str, Any]]) -> dict[tuple[str | int, ...], str]:
    """Unknown keys that are close to a missing required one at the same place: one mistake, not two."""
    unknown = [tuple(item["loc"]) for item in items if item["type"] == "extra_forbidden"]
    missing = [tuple(item["loc"]) for item in items if item["type"] == "missing"]
    pairs = {}
    for loc in unknown:
        candidates = [str(other[-1]) for other in missing if other[:-1] == loc[:-1]]
        if match := difflib.get_close_matches(str(loc[-1]), candidates, n=1, cutoff=0.7):
            pairs[loc] = match[0]
    return pairs


def _schema_errors(doc: Document, cls: type[BaseModel], error: ValidationError) -> Iterator[ContentError]:
    items = error.errors(include_url=False)
    misspelt = _misspelt(items)
    meant = {(*loc[:-1], wanted) for loc, wanted in misspelt.items()}
    strays = _strays(doc, cls, items)
    belonging = {(*owner, loc[-1]) for loc, owner in strays.items()}
    comma_reported: set[tuple[str | int, ...]] = set()
    listed: set[tuple[str | int, ...]] = set()
    for item in items:
        loc: tuple[str | int, ...] = tuple(item["loc"])
        if item["type"] == "missing" and (loc in meant or loc in belonging):
            continue  # reported once, as the misspelling or as the key that left its block
        if loc in misspelt:
            yield doc.error(loc, f"kolom tidak dikenal '{loc[-1]}': maksud Anda '{misspelt[loc]}'?", at_key=True)
            continue
        if loc in strays:
            yield doc.error(loc, _stray_message(doc, loc, strays[loc]), at_key=True)
            continue
        if item["type"] == "invalid_key" and not loc[:-1]:  # ": x" or "12: x" at the top: a key that is no name
            yield doc.error(loc[:-1], "setiap baris harus berupa 'nama_kolom: nilai': ada baris tanpa nama kolom, atau dengan "
                            "angka sebagai nama kolom")
            continue
        if item["type"] == "invalid_key":  # {lat: -6,5, lon: 106,1}: the parts after the commas became keys
            if loc[:-1] not in comma_reported:
                comma_reported.add(loc[:-1])
                yield doc.error(loc[:-1], _flow_comma_message(doc, loc[:-1]), at_key=True)
            continue
        at = (item.get("ctx") or {}).get("at")
        if at:  # our own checks name the key a maintainer has to change
            loc = loc + tuple(int(part) if part.isdigit() else part for part in str(at).split("."))
        parent = _model_at(cls, loc[:-1])
        allowed = list(parent.model_fields) if parent else []
        message = error_message(item, allowed)
        if item["type"] == "missing":
            message = _missing_message(cls, loc)
        elif item["type"] == "extra_forbidden" and loc[:-1] in listed:  # the known names once per place, not once per key
            message = f"kolom tidak dikenal '{loc[-1]}' (nama kolom yang dikenal ada di pesan sebelumnya). {_reference(cls, loc[:-1])}"
        elif item["type"] == "extra_forbidden":
            listed.add(loc[:-1])
            message += f". {_reference(cls, loc[:-1])}"
        elif isinstance(item.get("input"), str) and _FOLDED_ITEM.search(item["input"]):
            message = f"{_keys(loc)[-1]}: {item['input']!r}: {_FOLDED_HINT}"  # the format's example would mislead here
        yield doc.error(loc, message, at_key=item["type"] in ("extra_forbidden", "consent_missing", "publik_unused"))


# A list item indented deeper than the one above it is read as the rest of that item's text: "banjir - tanah-longsor".
_FOLDED_ITEM = re.compile(r"\S - \S")
_FOLDED_HINT = ("tampaknya dua butir daftar tergabung menjadi satu: butir berikutnya menjorok lebih dalam dari butir di atasnya, "
                "jadi terbaca sebagai lanjutan teksnya. Tulis tanda '-' setiap butir tepat di bawah tanda '-' butir pertama")


def _section(cls: type[BaseModel], loc: tuple[str | int, ...]) -> str | None:
    """The heading of content/SKEMA.md that documents the model reached by ``loc`` from ``cls``."""
    from .schema_doc import SECTIONS

    target = _model_at(cls, loc)
    return next((title for title, documented in SECTIONS if documented is target), None)


def _reference(cls: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    section = _section(cls, loc)
    where = f', bagian "{section}"' if section else ""
    return f"Rujukan kolom: content/SKEMA.md{where} (juga di situs: Untuk pengelola > Rujukan kolom)"


def _keys(loc: tuple[str | int, ...]) -> list[str]:
    return [part for part in loc if isinstance(part, str)]


def _missing_message(cls: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    """A required field left out, with where it belongs: under its block, indented like the keys beside it."""
    field, owner = str(loc[-1]), _keys(loc[:-1])
    if not owner:
        return f"kolom wajib '{field}' belum diisi: tambahkan baris '{field}: ...' di kolom pertama. {_reference(cls, ())}"
    if isinstance(loc[-2], int):  # an item of a list: its fields are beside each other, in {...} or on lines
        return (f"kolom wajib '{field}' belum diisi pada butir '{owner[-1]}' ini: tambahkan '{field}: ...' ke butir ini, "
                f"sejajar dengan kolom lain di dalamnya. {_reference(cls, loc[:-1])}")
    return (f"kolom wajib '{field}' di dalam '{owner[-1]}' belum diisi: tambahkan baris '{field}: ...' di bawah "
            f"'{owner[-1]}:', menjorok sejajar dengan kolom lain di dalamnya. {_reference(cls, loc[:-1])}")


def _strays(doc: Document, cls: type[BaseModel], items: list[dict[str, Any]]) -> dict[tuple[str | int, ...], tuple[str | int, ...]]:
    """Unknown keys that belong to the block just above them: ``telepon`` moved to column 0 under ``posko``.
    Maps the key's place to the block's."""
    found = {}
    for item in items:
        loc = tuple(item["loc"])
        if item["type"] != "extra_forbidden":
            continue
        mapping = _value_at(doc.data, loc[:-1])
        if not isinstance(mapping, YamlMap) or loc[-1] not in mapping.positions:
            continue
        key_line = mapping.positions[loc[-1]][0]
        above = [key for key in mapping if key in mapping.positions and mapping.positions[key][0] < key_line
                 and isinstance(mapping[key], YamlMap)]
        if not above:
            continue
        block = max(above, key=lambda key: mapping.positions[key][0])
        model_of_block = _model_at(cls, (*loc[:-1], block))
        if model_of_block is not None and loc[-1] in model_of_block.model_fields and loc[-1] not in mapping[block]:
            found[loc] = (*loc[:-1], block)
    return found


def _value_at(data: Any, loc: tuple[str | int, ...]) -> Any:
    for part in loc:
        if (isinstance(data, YamlMap) and part in data) or (isinstance(data, YamlList) and isinstance(part, int) and 0 <= part < len(data)):
            data = data[part]
        else:
            return None
    return data


def _stray_message(doc: Document, loc: tuple[str | int, ...], owner: tuple[str | int, ...]) -> str:
    block = _value_at(doc.data, owner)
    inner = [key for key in block if key in block.positions]
    indent = block.positions[inner[0]][1] if inner else 2
    like = f", sejajar dengan '{inner[0]}'" if inner else ""
    return (f"'{loc[-1]}' adalah kolom milik '{owner[-1]}', tetapi baris ini tidak menjorok sehingga terbaca sebagai kolom "
            f"tersendiri: tambahkan {indent} spasi di awal baris ini{like}")


def _flow_comma_message(doc: Document, loc: tuple[str | int, ...]) -> str:
    """``lokasi: {lat: -6,5, lon: 106,1}``: a comma separates the items of a ``{...}``, so a decimal comma splits a number."""
    line = locate(doc.data, loc, at_key=True)[0] - 1
    lines = doc.text_lines()
    written = lines[line].strip() if 0 <= line < len(lines) else ""
    if _DECIMAL_COMMA.search(written):
        return (f"{loc[-1]}: angka desimal ditulis dengan koma, padahal koma memisahkan isi kurung kurawal: pakai titik, "
                f"tulis {_DECIMAL_COMMA.sub(_POINT, written)}")
    return f"{loc[-1]}: ada angka yang terbaca sebagai nama kolom: periksa koma di dalam kurung kurawal"


# Editors leave these beside the file being edited: harmless, never read.
_BACKUPS = ("~", ".bak", ".swp", ".swo", ".tmp", ".orig")
# Names Windows cannot create: a file called con.yml would break every clone on a Windows laptop.
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)), *(f"lpt{n}" for n in range(1, 10))}
_MAX_NAME = 80


def _name_problem(path: Path, folder: str) -> str | None:
    """What is wrong with a content file's name, or None."""
    stem = path.stem
    if len(stem) > _MAX_NAME:
        return f"nama berkas terlalu panjang ({len(stem)} karakter; paling banyak {_MAX_NAME})"
    if stem.lower() in _WINDOWS_RESERVED:
        return f"nama berkas {stem!r} tidak bisa dibuat di Windows: pilih nama lain"
    if folder != "fgd" and not _SLUG.match(stem):
        return f"nama berkas {path.name!r} hanya boleh memuat huruf kecil, angka dan '-'"
    if stem == "index":
        # ksb/<wilayah>/index and panduan/index are the list pages themselves.
        return "nama berkas 'index' dipakai untuk halaman daftar: pilih nama lain"
    return None


@dataclass
class ReadCache:
    """Files already read in this process (``make serve``): a file is read and validated again only when its
    size, time or validation context changed. Also says which files the last validation read afresh."""

    entries: dict[Path, tuple[tuple[Any, ...], Document | None, BaseModel | None, list[ContentError]]] = field(default_factory=dict)
    """path -> (size, time, model and context when read; the document; the model or None; its problems)."""
    read_now: set[Path] = field(default_factory=set)
    """Files the last validation read from disk (new or changed since the call before)."""
    seen: set[Path] = field(default_factory=set)
    """Every file the last validation looked at."""
    unwritten: set[Path] = field(default_factory=set)
    """Files read from disk since docs/ was last written from this cache (an invalid round writes nothing)."""
    written: set[Path] | None = None
    """Every file of the validation docs/ was last written from; None before the first."""

    def mark_written(self) -> None:
        """docs/ now shows the last validation: nothing read since is left to render."""
        self.unwritten.clear()
        self.written = set(self.seen)


class _Reader:
    """Reads content files and collects every problem, so that one bad file never hides the next."""

    def __init__(self, content_dir: Path, today: dt.date, cache: ReadCache | None = None) -> None:
        self.content_dir = content_dir
        self.cache = cache
        self.root = content_dir.parent
        self.errors: list[ContentError] = []
        self.warnings: list[ContentError] = []
        self.numbers: list[tuple[Document, tuple[str | int, ...], str, bool]] = []
        self.today = today
        # A report may not be from later than now: the real clock, or the end of the day a test fixes.
        now = dt.datetime.now(BANTEN) if today == today_in_banten() else dt.datetime.combine(today, dt.time(23, 59, 59), BANTEN)
        self.context: dict[str, Any] = {"hari_ini": today, "sekarang": now}

    def number(self, doc: Document, loc: tuple[str | int, ...], e164: str | None, *, sample: bool) -> None:
        """Remember where a phone number was written, so that a sample number copied into real data is caught."""
        if e164:
            self.numbers.append((doc, loc, e164, sample))

    def file_error(self, path: Path, message: str) -> None:
        """A problem with a whole file (its name or folder): reported at 1:1."""
        self.errors.append(ContentError(path.relative_to(self.root), 1, 1, message))

    def files(self, folder: str, suffix: str) -> list[Path]:
        """Content files under ``folder`` with ``suffix``; any other file is reported, not ignored silently.

        Hidden files and editors' backup copies are passed over (a warning for backups); a link to a
        file elsewhere is refused, since it could publish a file that was never meant for the site.
        """
        found = []
        for path in sorted((self.content_dir / folder).rglob("*")):
            if path.name.startswith(".") or (path.is_dir() and not path.is_symlink()):
                continue
            if path.is_symlink():
                self.file_error(path, "tautan simbolik (symlink) tidak diterima: salin isinya ke berkas biasa")
            elif path.name.endswith(_BACKUPS):
                message = "salinan cadangan penyunting, diabaikan: boleh dihapus"
                self.warnings.append(ContentError(path.relative_to(self.root), 1, 1, message))
            elif path.suffix == ".yaml" and suffix == ".yml":
                self.file_error(path, f"akhiran .yaml tidak dibaca: ganti nama berkas menjadi {path.stem}.yml")
            elif path.suffix != suffix:
                self.file_error(path, f"berkas ini tidak dibaca: berkas di {folder}/ harus berakhiran {suffix}")
            elif problem := _name_problem(path, folder):
                self.file_error(path, problem)
            else:
                found.append(path)
        return found

    def read(self, path: Path, cls: type[ModelT]) -> tuple[Document, ModelT] | None:
        """Read one file and validate it against ``cls``; None (with errors recorded) if it is not valid."""
        if not path.exists():
            self.file_error(path, f"berkas {path.name} tidak ada")
            return None
        stat = path.stat()
        key = (stat.st_mtime_ns, stat.st_size, cls, self.today, frozenset(self.context.get("ancaman", ())))
        if self.cache is not None and (cached := self.cache.entries.get(path)) and cached[0] == key:
            doc, parsed, problems = cached[1:]
        else:
            doc, parsed, problems = self._read(path, cls)
            if self.cache is not None:
                self.cache.entries[path] = (key, doc, parsed, problems)
                self.cache.read_now.add(path)
                self.cache.unwritten.add(path)
        if self.cache is not None:
            self.cache.seen.add(path)
        self.errors.extend(problems)
        return (doc, parsed) if doc is not None and parsed is not None else None

    def _read(self, path: Path, cls: type[ModelT]) -> tuple[Document | None, ModelT | None, list[ContentError]]:
        doc, problems = (read_markdown if path.suffix == ".md" else read_yaml)(path, path.relative_to(self.root))
        if doc is None:
            return None, None, problems
        try:
            return doc, cls.model_validate(doc.data, context=self.context), problems
        except ValidationError as error:
            return doc, None, [*problems, *_schema_errors(doc, cls, error)]


def load_and_validate(content_dir: Path, today: dt.date | None = None, cache: ReadCache | None = None) -> model.Content:
    """Read and check every file under ``content_dir``; raise ``ContentInvalid`` with all problems.

    With ``cache`` (a preview), files unchanged since the last call are not read and validated again;
    checks across files (duplicates, sample numbers) run on all of them as always."""
    if cache is not None:
        cache.read_now, cache.seen = set(), set()
    reader = _Reader(content_dir, today or today_in_banten(), cache)
    regions = _read_regions(reader)
    hazards = _read_hazards(reader)
    organisations, numbers = _read_contacts(reader, regions)
    ksb = _read_ksb(reader, regions)
    fgd = _read_fgd(reader, regions)
    guides = _read_guides(reader, numbers)
    counts = _read_counts(reader, regions)
    reports = _read_reports(reader, ksb)
    site = _read_site(reader)
    _check_sample_numbers(reader)
    if reader.errors:
        raise ContentInvalid(reader.errors)
    return model.Content(
        wilayah=regions,
        ancaman=hazards,
        ksb=sorted(ksb, key=lambda entry: (entry.wilayah.kode if entry.wilayah else "", entry.record.kecamatan, entry.record.nama)),
        organisasi=organisations,
        nomor_darurat=numbers,
        fgd=sorted(fgd, key=lambda entry: entry.record.tanggal, reverse=True),
        panduan=sorted(guides, key=lambda entry: (entry.record.urutan, entry.slug)),
        hitungan=counts,
        laporan=sorted(reports, key=lambda entry: (entry.record.waktu_laporan, entry.slug), reverse=True),
        sekarang=reader.context["sekarang"],
        situs=site,
        peringatan=sorted(reader.warnings),
    )


def _read_regions(reader: _Reader) -> list[model.Wilayah]:
    read = reader.read(reader.content_dir / "wilayah.yml", model.WilayahFile)
    if read is None:
        return []
    doc, parsed = read
    for index, region in enumerate(parsed.wilayah):
        for column in ("kode", "slug"):
            if [getattr(other, column) for other in parsed.wilayah].index(getattr(region, column)) != index:
                reader.errors.append(doc.error(("wilayah", index, column), f"{column}: {getattr(region, column)!r} dipakai dua kali"))
    return parsed.wilayah


def _read_site(reader: _Reader) -> model.Situs:
    """``content/situs.yml``; without the file, everything about the publisher is undecided."""
    path = reader.content_dir / "situs.yml"
    if not path.exists():
        return model.Situs()
    read = reader.read(path, model.Situs)
    return read[1] if read is not None else model.Situs()


def _read_hazards(reader: _Reader) -> list[model.Ancaman]:
    read = reader.read(reader.content_dir / "ancaman.yml", model.AncamanFile)
    if read is None:
        return []
    reader.context["ancaman"] = {hazard.id for hazard in read[1].ancaman}
    return read[1].ancaman


def _check_regions(
    reader: _Reader, doc: Document, loc: tuple[str | int, ...], slugs: list[str] | None, regions: list[model.Wilayah]
) -> None:
    """Region slugs mentioned inside a record must be among the eight."""
    known = sorted(region.slug for region in regions)
    for index, slug in enumerate(slugs or []):
        if known and slug not in known:
            reader.errors.append(doc.error((*loc, index), f"wilayah {slug!r} tidak dikenal (dikenal: {', '.join(known)})"))


def _read_contacts(reader: _Reader, regions: list[model.Wilayah]) -> tuple[list[model.Organisasi], list[model.NomorDarurat]]:
    organisations: list[model.Organisasi] = []
    numbers: list[model.NomorDarurat] = []
    fallbacks: list[tuple[Document, int, model.NomorDarurat]] = []
    first_seen: dict[tuple[str, str], Path] = {}
    for path in reader.files("kontak", ".yml"):
        if (read := reader.read(path, model.KontakFile)) is None:
            continue
        doc, contacts = read
        for key, records, ident in (("organisasi", contacts.organisasi, "id"), ("nomor_darurat", contacts.nomor_darurat, "nomor")):
            for index, record in enumerate(records):
                value = getattr(record, ident)
                if (key, value) in first_seen:
                    message = f"{ident}: {value!r} sudah dipakai di {first_seen[key, value].as_posix()}"
                    reader.errors.append(doc.error((key, index, ident), message))
                first_seen.setdefault((key, value), doc.path)
        for index, organisation in enumerate(contacts.organisasi):
            _check_regions(reader, doc, ("organisasi", index, "wilayah"), organisation.wilayah, regions)
            reader.number(doc, ("organisasi", index, "telepon"), organisation.telepon, sample=organisation.contoh)
        for index, number in enumerate(contacts.nomor_darurat):
            _check_regions(reader, doc, ("nomor_darurat", index, "wilayah_terkonfirmasi"), number.wilayah_terkonfirmasi, regions)
            _check_regions(reader, doc, ("nomor_darurat", index, "kode_area"), list(number.kode_area), regions)
        organisations += contacts.organisasi
        numbers += contacts.nomor_darurat
        fallbacks += [(doc, index, number) for index, number in enumerate(contacts.nomor_darurat)]
    # Checked once every file is read: the number to call instead may be listed in another file.
    known = {number.nomor for number in numbers}
    for doc, index, number in fallbacks:
        for position, instead in enumerate(number.bila_tidak_tersambung):
            if instead not in known or instead == number.nomor:
                message = (f"bila_tidak_tersambung: {instead!r} bukan nomor lain di content/kontak/ "
                           f"(ada: {', '.join(sorted(known - {number.nomor}))})")
                reader.errors.append(doc.error(("nomor_darurat", index, "bila_tidak_tersambung", position), message))
    return organisations, numbers


def _read_ksb(reader: _Reader, regions: list[model.Wilayah]) -> list[model.Placed[model.Ksb]]:
    region_by_slug = {region.slug: region for region in regions}
    entries = []
    first_seen: dict[tuple[str, ...], Path] = {}  # (region folder, "nama" or "tempat", what identifies the group)
    for path in reader.files("ksb", ".yml"):
        folders = path.relative_to(reader.content_dir / "ksb").parts[:-1]
        if len(folders) != 1:
            reader.file_error(path, "berkas KSB harus berada di folder wilayahnya: content/ksb/<wilayah>/<nama>.yml")
            continue
        region = region_by_slug.get(folders[0])
        if region is None and region_by_slug:
            reader.file_error(path, f"folder wilayah {folders[0]!r} tidak dikenal (dikenal: {', '.join(sorted(region_by_slug))})")
        if (read := reader.read(path, model.Ksb)) is None:
            continue
        doc, ksb = read
        place = _official_place(reader, doc, ksb, region) if region is not None else None
        # The same group twice: the same name in a region, or the same kecamatan and villages.
        keys = [("nama", " ".join(ksb.nama.casefold().split()))]
        if place is not None and not ksb.contoh:  # sample data is fictional: samples may share a place
            keys.append(("tempat", place.kode_kecamatan, *sorted(code for code, _, _ in place.desa)))
        for key in keys:
            if (folders[0], *key) in first_seen:
                what = f"nama {ksb.nama!r}" if key[0] == "nama" else f"Kecamatan {place.kecamatan}" + (
                    f" dengan desa/kelurahan yang sama ({', '.join(name for _, name, _ in place.desa)})" if place.desa else " tanpa desa")
                message = f"nama: KSB ganda: {what} sudah ada di {first_seen[(folders[0], *key)].as_posix()}; satukan kedua berkas"
                reader.errors.append(doc.error(("nama",), message))
                break  # one message per pair of files
            first_seen.setdefault((folders[0], *key), doc.path)
        if ksb.posko is not None:
            reader.number(doc, ("posko", "telepon"), ksb.posko.telepon, sample=ksb.contoh)
        if not ksb.contoh:
            _warn_sample_text(reader, doc)
        for index, person in enumerate(ksb.pengurus):
            reader.number(doc, ("pengurus", index, "telepon"), person.telepon, sample=ksb.contoh)
        entries.append(model.Placed(ksb, path.stem, doc.path, wilayah=region, tempat=place))
    return entries


def _official_place(reader: _Reader, doc: Document, ksb: model.Ksb, region: model.Wilayah) -> model.Tempat | None:
    """The KSB's kecamatan and villages in the official list, or None with each problem recorded."""
    official = official_list()
    kecamatan = official.find(region.kode, ksb.kecamatan)
    if kecamatan is None:
        hint = official.suggest(region.kode, ksb.kecamatan)
        elsewhere = [other for other in official.children(PROVINCE)
                     if other.kode != region.kode and official.find(other.kode, ksb.kecamatan)]
        known = ", ".join(place.nama for place in official.children(region.kode))
        if hint:
            advice = f": maksud Anda {hint!r}?"
        elif elsewhere:
            advice = f": kecamatan itu ada di {elsewhere[0].nama}; pindahkan berkas ini ke folder wilayahnya"
        else:
            advice = f" (yang ada: {known})"
        message = f"kecamatan: {ksb.kecamatan!r} tidak ada di daftar resmi Kemendagri untuk {region.nama}{advice}"
        reader.errors.append(doc.error(("kecamatan",), message))
        return None
    villages = []
    listed = isinstance(doc.data.get("desa"), list)
    for index, name in enumerate(ksb.desa):
        loc = ("desa", index) if listed else ("desa",)
        if (village := official.find(kecamatan.kode, name)) is not None:
            villages.append((village.kode, village.nama, village.jenis))
            continue
        elsewhere = official.desa_anywhere(region.kode, name)
        if elsewhere:
            homes = " dan ".join(f"Kecamatan {official.by_code[place.induk].nama}" for place in elsewhere)
            message = f"desa: {name!r} berada di {homes}, bukan di Kecamatan {kecamatan.nama} (daftar resmi Kemendagri)"
        elif hint := official.suggest(kecamatan.kode, name):
            message = f"desa: {name!r} tidak ada di Kecamatan {kecamatan.nama} menurut daftar resmi Kemendagri: maksud Anda {hint!r}?"
        else:
            message = f"desa: {name!r} tidak ada di Kecamatan {kecamatan.nama} menurut daftar resmi Kemendagri"
        if _FOLDED_ITEM.search(name):
            message = f"desa: {name!r}: {_FOLDED_HINT}"
        reader.errors.append(doc.error(loc, message))
    centre = model.Lokasi(lat=round(kecamatan.lat, 5), lon=round(kecamatan.lon, 5))
    return model.Tempat(kecamatan.kode, kecamatan.nama, tuple(villages), titik=ksb.lokasi or centre, titik_perkiraan=ksb.lokasi is None)


_SAMPLE_WORD = re.compile(r"\bcontoh\b", re.IGNORECASE)


def _warn_sample_text(reader: _Reader, doc: Document) -> None:
    """A real KSB file copied from a sample may still say "contoh": warn at each such value."""
    for at, text in string_values(doc.data):
        if _SAMPLE_WORD.search(text):
            shown = text if len(text) <= 40 else text[:37] + "..."
            message = f"{at[-1]}: masih berisi teks contoh ({shown!r}): ganti dengan data sungguhan, atau tandai berkas ini contoh: true"
            reader.warnings.append(doc.error(at, message))


def _read_counts(reader: _Reader, regions: list[model.Wilayah]) -> list[model.HitunganKsb]:
    """Official counts, if the file exists (a project without it simply shows none)."""
    path = reader.content_dir / "hitungan-ksb.yml"
    if not path.exists() or (read := reader.read(path, model.HitunganFile)) is None:
        return []
    doc, parsed = read
    for index, count in enumerate(parsed.hitungan):
        _check_regions(reader, doc, ("hitungan", index, "wilayah"), [count.wilayah] if count.wilayah else [], regions)
        _check_regions(reader, doc, ("hitungan", index, "rincian"), list(count.rincian), regions)
    return sorted(parsed.hitungan, key=lambda count: (count.tanggal or dt.date(count.tahun, 1, 1)))


def _read_fgd(reader: _Reader, regions: list[model.Wilayah]) -> list[model.Placed[model.Fgd]]:
    entries = []
    for path in reader.files("fgd", ".md"):
        name = _FGD_NAME.match(path.stem)
        if not name:
            reader.file_error(path, "nama berkas FGD harus YYYY-MM-DD-judul-singkat.md, misalnya 2025-09-10-fgd-ksb.md")
            continue
        if (read := reader.read(path, model.Fgd)) is None:
            continue
        doc, fgd = read
        if fgd.tanggal.isoformat() != name["date"]:
            message = f"tanggal: {fgd.tanggal.isoformat()} berbeda dengan tanggal di nama berkas ({name['date']})"
            reader.errors.append(doc.error(("tanggal",), message))
        _check_regions(reader, doc, ("peserta", "wilayah"), fgd.peserta.wilayah, regions)
        entries.append(model.Placed(fgd, path.stem, doc.path, body=doc.body))
    return entries


def _read_reports(reader: _Reader, ksb: list[model.Placed[model.Ksb]]) -> list[model.Placed[model.Laporan]]:
    """Situation reports: each file against the model, then what only the whole content can tell (the KSB exists, the
    village is in its area, a correction names a report that says it was corrected)."""
    by_id = {f"{entry.wilayah.slug}/{entry.slug}": entry for entry in ksb if entry.wilayah}
    found: dict[str, tuple[Document, model.Placed[model.Laporan]]] = {}
    for path in reader.files("laporan", ".yml"):
        year = path.parent.name
        name = _REPORT_NAME.match(path.stem)
        if path.parent.parent != reader.content_dir / "laporan" or not re.fullmatch(r"[0-9]{4}", year) or not name:
            reader.file_error(path, "berkas laporan harus bernama content/laporan/<tahun>/<YYYY-MM-DD-HHMM>-<ksb>.yml, "
                                    "misalnya content/laporan/2025/2025-11-03-0445-angsana.yml (make laporan membuatnya)")
            continue
        if (read := reader.read(path, model.Laporan)) is None:
            continue
        doc, report = read
        written = report.waktu_laporan.strftime("%Y-%m-%d-%H%M")
        if name["when"] != written or year != written[:4]:
            reader.errors.append(doc.error(("waktu_laporan",), f"waktu_laporan: {written} berbeda dengan waktu di nama berkas "
                                                               f"({year}/{name['when']})"))
        entry = by_id.get(report.ksb)
        if entry is None:
            hint = suggestion(report.ksb, sorted(by_id))
            reader.errors.append(doc.error(("ksb",), f"ksb: {report.ksb!r} tidak ada di content/ksb" + hint))
            continue
        _check_report_place(reader, doc, report, entry)
        report_id = f"{year}/{path.stem}"
        found[report_id] = (doc, model.Placed(report, path.stem, doc.path, wilayah=entry.wilayah, tempat=entry.tempat, kunci=report_id))
    superseded = {placed.record.menggantikan: report_id for report_id, (_, placed) in found.items() if placed.record.menggantikan}
    for report_id, (doc, placed) in found.items():
        report = placed.record
        if report.menggantikan:
            earlier = found.get(report.menggantikan)
            if earlier is None:
                reader.errors.append(doc.error(("menggantikan",), f"menggantikan: laporan {report.menggantikan!r} tidak ada"))
            elif earlier[1].record.status_kini != "dikoreksi":
                reader.errors.append(doc.error(("menggantikan",), f"menggantikan: laporan {report.menggantikan} belum berstatus "
                                                                  "dikoreksi; tambahkan langkah status dikoreksi di berkasnya"))
        if report.status_kini == "dikoreksi" and report_id not in superseded:
            at = ("status", len(report.status) - 1)
            reader.errors.append(doc.error(at, f"status: dikoreksi perlu laporan pengganti yang menyebut menggantikan: {report_id}"))
    return [placed for _, placed in found.values()]


def _check_report_place(reader: _Reader, doc: Document, report: model.Laporan, entry: model.Placed[model.Ksb]) -> None:
    """The report's village is in its KSB's kecamatan, and among the KSB's villages if it lists them (official list)."""
    if problem := village_problem(report.lokasi, entry.tempat, entry.record.nama):
        reader.errors.append(doc.error(("lokasi",), "lokasi: " + problem))


def _read_guides(reader: _Reader, numbers: list[model.NomorDarurat]) -> list[model.Placed[model.Panduan]]:
    known = sorted(number.nomor for number in numbers)
    guides = []
    for path in reader.files("panduan", ".md"):
        if (read := reader.read(path, model.Panduan)) is not None:
            doc, guide = read
            for index, number in enumerate(guide.nomor):
                if known and number not in known:
                    message = f"nomor: {number!r} tidak ada di content/kontak/ (ada: {', '.join(known)})"
                    reader.errors.append(doc.error(("nomor", index), message))
            if _add_months(guide.ditinjau.tanggal, 12) < reader.today:
                message = (f"ditinjau: panduan ini terakhir ditinjau {guide.ditinjau.tanggal.isoformat()}, lebih dari 12 bulan lalu; "
                           "cocokkan lagi dengan sumbernya lalu perbarui tanggal dan peninjaunya")
                reader.warnings.append(doc.error(("ditinjau", "tanggal"), message))
            guides.append(model.Placed(guide, path.stem, doc.path, body=doc.body))
    return guides


def _add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the 29th to 31st fall back to that month's last day)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def _check_sample_numbers(reader: _Reader) -> None:
    """A sample number may belong to a real person: it must never reach real data by a copied file."""
    samples = {e164: doc.path for doc, _, e164, sample in reader.numbers if sample}
    for doc, loc, e164, sample in reader.numbers:
        if not sample and e164 in samples:
            message = (f"{loc[-1]}: nomor ini adalah nomor contoh (dari {samples[e164].as_posix()}), bukan nomor sungguhan; "
                       "tulis nomor yang benar, atau tandai berkas ini contoh: true")
            reader.errors.append(doc.error(loc, message))
