"""Raw documents to model objects, or every problem as ``path:line:column: message``.

:func:`load_and_validate` reads the whole ``content/`` tree and returns either a
:class:`~siaga.model.Content` or raises :class:`~siaga.errors.ContentInvalid` with all
problems of all files, sorted by path and line.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import model
from .errors import ContentError, ContentInvalid
from .load import Document, read_markdown, read_yaml

ModelT = TypeVar("ModelT", bound=BaseModel)

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
}


def _describe(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return "daftar" if isinstance(value, list) else "kumpulan kolom"
    return repr(value if not isinstance(value, str) else str(value))


def _message(error: dict[str, Any], allowed: list[str]) -> str:
    """Say in Indonesian what is wrong and what is expected, from one pydantic error."""
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    field = next((str(part) for part in reversed(error["loc"]) if isinstance(part, str)), "")
    if kind == "missing":
        return f"kolom wajib '{field}' belum diisi"
    if kind == "extra_forbidden":
        return f"kolom tidak dikenal '{field}' (yang dikenal: {', '.join(allowed)})"
    if kind == "string_type":
        hint = " (beri tanda kutip)" if isinstance(value, (int, float)) else ""
        return f"{field}: harus berupa teks, bukan {_describe(value)}{hint}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"{field}: harus berupa bilangan bulat, bukan {_describe(value)}"
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
        return f"{field}: {_describe(value)} tidak dikenal (pilihan: {ctx.get('expected', '')})"
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


def _schema_errors(doc: Document, cls: type[BaseModel], error: ValidationError) -> Iterator[ContentError]:
    for item in error.errors(include_url=False):
        loc: tuple[str | int, ...] = tuple(item["loc"])
        at = (item.get("ctx") or {}).get("at")
        if at:  # our own checks name the key a maintainer has to change
            loc = loc + tuple(int(part) if part.isdigit() else part for part in str(at).split("."))
        parent = _model_at(cls, loc[:-1])
        allowed = list(parent.model_fields) if parent else []
        yield doc.error(loc, _message(item, allowed), at_key=item["type"] in ("extra_forbidden", "consent_missing"))


def _validate(doc: Document, cls: type[ModelT], context: dict[str, Any], errors: list[ContentError]) -> ModelT | None:
    try:
        return cls.model_validate(doc.data, context=context)
    except ValidationError as error:
        errors.extend(_schema_errors(doc, cls, error))
        return None


def _files(folder: Path, suffix: str, errors: list[ContentError], root: Path) -> list[Path]:
    """Content files in ``folder`` with ``suffix``; any other file is a mistake worth reporting."""
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_dir() or path.name.startswith("."):
            continue
        if path.suffix != suffix:
            errors.append(ContentError(path.relative_to(root), 1, 1, f"berkas ini diabaikan: berkas di {folder.name}/ harus berakhiran {suffix}"))
            continue
        found.append(path)
    return found


def load_and_validate(content_dir: Path, today: dt.date | None = None) -> model.Content:
    """Read and check every file under ``content_dir``; raise ``ContentInvalid`` with all problems."""
    root = content_dir.parent
    errors: list[ContentError] = []
    context: dict[str, Any] = {"hari_ini": today or dt.date.today()}

    def read(path: Path) -> Document | None:
        doc, problems = (read_markdown if path.suffix == ".md" else read_yaml)(path, path.relative_to(root))
        errors.extend(problems)
        return doc

    regions: list[model.Wilayah] = []
    doc = read(content_dir / "wilayah.yml") if (content_dir / "wilayah.yml").exists() else None
    if doc and (parsed := _validate(doc, model.WilayahFile, context, errors)):
        regions = parsed.wilayah
    hazards: list[model.Ancaman] = []
    doc = read(content_dir / "ancaman.yml") if (content_dir / "ancaman.yml").exists() else None
    if doc and (parsed_hazards := _validate(doc, model.AncamanFile, context, errors)):
        hazards = parsed_hazards.ancaman
        context["ancaman"] = {hazard.id for hazard in hazards}

    organisations: list[model.Organisasi] = []
    numbers: list[model.NomorDarurat] = []
    seen_ids: dict[str, Path] = {}
    for path in _files(content_dir / "kontak", ".yml", errors, root):
        if (doc := read(path)) and (contacts := _validate(doc, model.KontakFile, context, errors)):
            for key, records, ident in (("organisasi", contacts.organisasi, "id"), ("nomor_darurat", contacts.nomor_darurat, "nomor")):
                for index, record in enumerate(records):
                    value = f"{key}:{getattr(record, ident)}"
                    if value in seen_ids:
                        message = f"{ident}: {getattr(record, ident)!r} sudah dipakai di {seen_ids[value].as_posix()}"
                        errors.append(doc.error((key, index, ident), message))
                    seen_ids.setdefault(value, doc.path)
            organisations += contacts.organisasi
            numbers += contacts.nomor_darurat

    region_by_slug = {region.slug: region for region in regions}
    ksb = _read_ksb(content_dir / "ksb", region_by_slug, read, context, errors, root)
    fgd = _read_fgd(content_dir / "fgd", read, context, errors, root)
    guides = []
    for path in _files(content_dir / "panduan", ".md", errors, root):
        if (doc := read(path)) and (guide := _validate(doc, model.Panduan, context, errors)):
            _check_slug(path, root, errors)
            guides.append(model.Placed(guide, path.stem, doc.path, body=doc.body))

    if not regions and not errors:
        errors.append(ContentError(Path(content_dir.name) / "wilayah.yml", 1, 1, "berkas wilayah.yml tidak ada"))
    if errors:
        raise ContentInvalid(errors)
    return model.Content(
        wilayah=regions,
        ancaman=hazards,
        ksb=sorted(ksb, key=lambda entry: (entry.wilayah.kode, entry.record.kecamatan, entry.record.nama)),
        organisasi=organisations,
        nomor_darurat=numbers,
        fgd=sorted(fgd, key=lambda entry: entry.record.tanggal, reverse=True),
        panduan=sorted(guides, key=lambda entry: (entry.record.urutan, entry.slug)),
    )


def _check_slug(path: Path, root: Path, errors: list[ContentError]) -> None:
    if not _SLUG.match(path.stem):
        errors.append(ContentError(path.relative_to(root), 1, 1, f"nama berkas {path.name!r} tidak boleh memuat huruf besar, spasi atau tanda baca selain '-'"))


def _read_ksb(folder, region_by_slug, read, context, errors, root) -> list[model.Placed[model.Ksb]]:
    entries = []
    seen: dict[tuple[str, str], Path] = {}
    for path in _files(folder, ".yml", errors, root):
        relative = path.relative_to(folder)
        if len(relative.parts) != 2:
            errors.append(ContentError(path.relative_to(root), 1, 1, "berkas KSB harus berada di folder wilayahnya: content/ksb/<wilayah>/<nama>.yml"))
            continue
        region = region_by_slug.get(relative.parts[0])
        if region is None and region_by_slug:
            known = ", ".join(sorted(region_by_slug))
            errors.append(ContentError(path.relative_to(root), 1, 1, f"folder wilayah {relative.parts[0]!r} tidak dikenal (dikenal: {known})"))
        _check_slug(path, root, errors)
        doc = read(path)
        if doc and (ksb := _validate(doc, model.Ksb, context, errors)) and region:
            _check_duplicate(ksb, doc, seen, errors)
            entries.append(model.Placed(ksb, path.stem, doc.path, wilayah=region))
    return entries


def _read_fgd(folder, read, context, errors, root) -> list[model.Placed[model.Fgd]]:
    entries = []
    for path in _files(folder, ".md", errors, root):
        name = _FGD_NAME.match(path.stem)
        if not name:
            errors.append(ContentError(path.relative_to(root), 1, 1, "nama berkas FGD harus YYYY-MM-DD-judul-singkat.md, misalnya 2025-09-10-fgd-ksb.md"))
            continue
        doc = read(path)
        if not doc or not (fgd := _validate(doc, model.Fgd, context, errors)):
            continue
        if fgd.tanggal.isoformat() != name["date"]:
            errors.append(doc.error(("tanggal",), f"tanggal: {fgd.tanggal.isoformat()} berbeda dengan tanggal di nama berkas ({name['date']})"))
            continue
        entries.append(model.Placed(fgd, path.stem, doc.path, body=doc.body))
    return entries


def _check_duplicate(ksb: model.Ksb, doc: Document, seen: dict[tuple[str, str], Path], errors: list[ContentError]) -> None:
    """The same KSB twice: same desa and nama, however they are capitalised or spaced."""
    key = (" ".join(ksb.desa.casefold().split()), " ".join(ksb.nama.casefold().split()))
    if key in seen:
        message = f"nama: KSB ganda: desa {ksb.desa!r} dengan nama {ksb.nama!r} sudah ada di {seen[key].as_posix()}"
        errors.append(doc.error(("nama",), message))
    else:
        seen[key] = doc.path
