"""Files to raw data: every value keeps the line and column it came from.

Nothing here knows about the model or pages. Reading problems (not UTF-8, empty,
YAML syntax, front matter never closed) become :class:`ContentError` values; the
caller collects them with the schema errors so that one bad file never hides the next.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import ScalarNode

from .errors import ContentError
from .positioned import Limits, YamlList, YamlMap, compose, from_ruamel, is_phone_like
from .yamlhelp import explain

# Limits a careless or hostile file meets before any parsing: each is named in its message.
MAX_FILE_BYTES = 512 * 1024  # a KSB file is about 3 KB, a guide about 6 KB
MAX_DEPTH = 30  # real content nests four or five levels
MAX_VALUES = 20_000  # a KSB with every list full has a few hundred
MAX_TEXT = 10_000  # characters in one value; a guide's body is not a value
_LIMITS = Limits(depth=MAX_DEPTH, values=MAX_VALUES, text=MAX_TEXT)
_STANDARD_TAG = "tag:yaml.org,2002:"
# A plain value YAML 1.2's integer pattern takes for a number though it holds no digit ("-_", "0x_"): ruamel's reader
# fails on it with a Python error, so it is refused here, at its place, before ruamel reads the file.
_DIGITLESS_NUMBER = re.compile(r"^(?:[-+]|[-+]?0[xob])_+$")


class _TextDatesConstructor(RoundTripConstructor):
    """Keeps ``2025-02-30`` as text so that the schema, not the YAML parser, reports an impossible
    date, with its line, like every other wrong value."""


_TextDatesConstructor.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)


def _int_or_phone(constructor: RoundTripConstructor, node: ScalarNode) -> object:
    """As :func:`siaga.content.positioned.compose` reads numbers: a leading zero or plus keeps a phone number as typed."""
    if is_phone_like(node.value):
        return node.value
    return RoundTripConstructor.construct_yaml_int(constructor, node)


_TextDatesConstructor.add_constructor("tag:yaml.org,2002:int", _int_or_phone)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _TextDatesConstructor
    yaml.allow_duplicate_keys = False
    return yaml


@dataclass(frozen=True)
class Document:
    """One content file as read: its data (a mapping with positions), and a Markdown body."""

    path: Path
    """Path shown in messages, relative to the project (``content/ksb/kab-lebak/x.yml``)."""
    data: YamlMap
    """The YAML mapping (a whole ``.yml`` file, or a Markdown file's front matter)."""
    body: str = ""
    """Markdown after the front matter; empty for YAML files."""
    line_offset: int = 0
    """Lines before the YAML starts in the file (1 for front matter after the opening ``---``)."""
    yaml_text: str = ""
    """The YAML as written: a message may quote a line of it, corrected."""

    def text_lines(self) -> list[str]:
        """The YAML's lines, numbered from 0 as positions are."""
        return self.yaml_text.splitlines()

    def error(self, loc: Iterable[str | int], message: str, *, at_key: bool = False) -> ContentError:
        """A problem at the value (or with ``at_key``, the key) found by following ``loc``."""
        line, column = locate(self.data, tuple(loc), at_key=at_key)
        return ContentError(self.path, line + self.line_offset, column, message)


def locate(data: Any, loc: tuple[str | int, ...], *, at_key: bool = False) -> tuple[int, int]:
    """1-based (line, column) of the deepest part of ``loc`` present in ``data``.

    Every mapping and sequence keeps 0-based positions. When the last part of ``loc`` is missing (a
    required field not given), the position is that of its parent.
    """
    line, column = 0, 0
    if isinstance(data, YamlMap) and data and next(iter(data)) in data.positions:
        # Nothing of loc found (a required top-level field left out): point at the first field, not
        # at line 1, which is often a comment.
        line, column = data.positions[next(iter(data))][:2]
    node = data
    for depth, part in enumerate(loc):
        last = depth == len(loc) - 1
        if isinstance(node, YamlMap) and part in node and part in node.positions:
            key_line, key_col, value_line, value_col = node.positions[part]
            use_key = (at_key and last) or isinstance(node[part], (YamlMap, YamlList)) or value_line is None
            line, column = (key_line, key_col) if use_key else (value_line, value_col)
            node = node[part]
        elif isinstance(node, YamlList) and isinstance(part, int) and 0 <= part < len(node) and part in node.positions:
            line, column = node.positions[part]
            node = node[part]
        else:
            break
    return line + 1, column + 1


def _size(size: int) -> str:
    # Kilobytes round up: a file one byte over the limit must not read "512 KB; paling besar 512 KB".
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",") if size >= 1024 * 1024 else f"{-(-size // 1024)} KB"


# Control characters (C0 but tab, newline and a Windows line end's carriage return; DEL; C1) are no text a
# reader can see: a vertical tab from a Word paste passed validation and then stopped the build in the feed
# writer (XML refuses it), broke a QR code's SVG, and \x02 broke MkDocs' front matter. Refused in every file,
# written raw or as a YAML escape ("\v", "\x02", "\u0085").
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")
_CONTROL_NAMES = {0x0B: "tab vertikal", 0x0C: "pindah halaman", 0x0D: "carriage return tanpa baris baru",
                  0x1B: "escape", 0x7F: "delete", 0x85: "baris baru NEL"}


def control_message(character: str) -> str:
    """The Indonesian message for one control character, naming it as U+000B and saying what to do."""
    code = ord(character)
    name = f" ({_CONTROL_NAMES[code]})" if code in _CONTROL_NAMES else ""
    return (f"karakter kendali U+{code:04X}{name} tidak boleh ada di teks: biasanya terbawa saat menyalin dari Word, "
            "PDF atau WhatsApp. Hapus bagian itu lalu ketik ulang")


def _control_characters(display: Path, text: str) -> list[ContentError]:
    """Every raw control character in a file, at its own line and column."""
    problems = []
    for match in CONTROL.finditer(text):
        before = text[: match.start()]
        line = before.count("\n") + 1
        column = match.start() - (before.rfind("\n") + 1) + 1
        problems.append(ContentError(display, line, column, control_message(match.group()[0])))
    return problems


def string_values(node: Any, loc: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every text value of a parsed file with the path to it (for ``Document.error``), in the file's order."""
    if isinstance(node, str):
        yield loc, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from string_values(value, (*loc, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from string_values(value, (*loc, index))


def _escaped_control_characters(doc: Document) -> list[ContentError]:
    """Control characters a YAML escape put into a value ("Ciruas\\vBaru"), at that value."""
    return [doc.error(loc, control_message(found.group()[0]))
            for loc, text in string_values(doc.data) if (found := CONTROL.search(text.replace("\r\n", "\n")))]


def _decode(display: Path, raw: bytes) -> tuple[str | None, list[ContentError]]:
    """UTF-8 (with or without the byte-order mark some Windows editors write) to text, or one clear error."""
    if len(raw) > MAX_FILE_BYTES:
        message = f"berkas terlalu besar ({_size(len(raw))}; paling besar {_size(MAX_FILE_BYTES)}): apakah ini berkas yang benar?"
        return None, [ContentError(display, 1, 1, message)]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [ContentError(display, 1, 1, "berkas tersimpan sebagai UTF-16: simpan ulang sebagai UTF-8 di penyunting teks")]
    if b"\x00" in raw:
        return None, [ContentError(display, 1, 1, "berkas berisi byte NUL, jadi bukan berkas teks: simpan ulang sebagai teks UTF-8")]
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        message = (
            f"berkas bukan UTF-8 (byte 0x{raw[error.start]:02x} tidak sah): "
            "simpan ulang berkas sebagai UTF-8 di penyunting teks"
        )
        return None, [ContentError(display, line, column, message)]
    if problems := _control_characters(display, text):
        return None, problems
    return text, []


def _refusals(display: Path, text: str, line_offset: int) -> list[ContentError]:
    """What we refuse before building any value, from the parser's events (which need no recursion):
    aliases (``*x``, ``<<: *x``: a few lines can stand for billions of values), custom tags
    (``!penting``), nesting deeper than :data:`MAX_DEPTH`, more than :data:`MAX_VALUES` values,
    and one value longer than :data:`MAX_TEXT` characters."""

    def at(event: Any, message: str) -> ContentError:
        mark = event.start_mark
        return ContentError(display, mark.line + 1 + line_offset, mark.column + 1, message)

    # libyaml's C parser (through PyYAML) reads the events ten times faster than ruamel's Python one. A file
    # it stops on (a syntax error, or libyaml's own nesting limit) is read again with ruamel's events, whose
    # positions and messages the rest of the tool uses.
    try:
        return _scan(yaml.parse(text, Loader=yaml.CSafeLoader), at)
    except yaml.YAMLError:
        try:
            return _scan(_yaml().parse(text), at)
        except MarkedYAMLError:
            return []  # ruamel's load reports the syntax error in our words next


def _scan(stream: Iterable[Any], at: Callable[[Any, str], ContentError]) -> list[ContentError]:
    problems: list[ContentError] = []
    depth = values = 0
    for event in stream:
        if refusal := _refusal(event, at, problems, depth, values):
            return [*problems, refusal]
        kind = type(event).__name__
        depth += (kind in ("MappingStartEvent", "SequenceStartEvent")) - (kind in ("MappingEndEvent", "SequenceEndEvent"))
        values += kind in ("ScalarEvent", "MappingStartEvent", "SequenceStartEvent", "AliasEvent")
    return problems


def _refusal(event: Any, at: Callable[[Any, str], ContentError], problems: list[ContentError],
             depth: int, values: int) -> ContentError | None:
    """Record what one event breaks; return the error that ends the reading (too deep, too many values).

    Events of libyaml and of ruamel have the same class names and fields, so both are read by name."""
    kind = type(event).__name__
    if kind == "AliasEvent":
        problems.append(at(event, f"alias YAML '*{event.anchor}' tidak dipakai di sini: tulis nilainya langsung"))
    elif kind in ("ScalarEvent", "MappingStartEvent", "SequenceStartEvent"):
        tag = getattr(event, "tag", None)
        if tag and not str(tag).startswith(_STANDARD_TAG):
            problems.append(at(event, f"tanda YAML {tag!s} tidak dikenal: hapus tanda itu, tulis nilainya saja"))
        if kind == "ScalarEvent" and not tag and not getattr(event, "style", None) and _DIGITLESS_NUMBER.match(event.value):
            problems.append(at(event, f"nilai {event.value!r} tampak seperti angka tetapi tidak memuat angka: beri tanda kutip bila "
                                      f"itu teks, misalnya '{event.value}'"))
        if kind == "ScalarEvent" and len(event.value) > MAX_TEXT:
            length = f"{len(event.value):,}".replace(",", ".")
            problems.append(at(event, f"nilai terlalu panjang ({length} karakter; paling banyak {MAX_TEXT:,})".replace(",", ".")))
    if kind in ("MappingStartEvent", "SequenceStartEvent") and depth + 1 > MAX_DEPTH:
        return at(event, f"terlalu banyak tingkat bersarang (lebih dari {MAX_DEPTH}): periksa kurung dan indentasi")
    if kind in ("ScalarEvent", "MappingStartEvent", "SequenceStartEvent", "AliasEvent") and values + 1 > MAX_VALUES:
        return at(event, f"terlalu banyak nilai dalam satu berkas (lebih dari {MAX_VALUES:,})".replace(",", "."))
    return None


def _parse_yaml(display: Path, text: str, line_offset: int) -> tuple[YamlMap | None, list[ContentError]]:
    try:
        composed, data = compose(text, _LIMITS)
        if not composed:  # libyaml stopped, or the file needs a closer look: refused, or read by ruamel
            refused = _refusals(display, text, line_offset)
            if refused:
                return None, refused
            data = from_ruamel(_yaml().load(text))
    except MarkedYAMLError as error:
        line, column, message = explain(error, text)
        return None, [ContentError(display, line + 1 + line_offset, column + 1, message)]
    except YAMLError as error:
        return None, [ContentError(display, 1 + line_offset, 1, f"YAML tidak sah: {error}")]
    except RecursionError:  # a shape the event check did not see: refused all the same, never a traceback
        message = f"terlalu banyak tingkat bersarang (lebih dari {MAX_DEPTH}): periksa kurung dan indentasi"
        return None, [ContentError(display, 1 + line_offset, 1, message)]
    if data is None:
        return None, [ContentError(display, 1 + line_offset, 1, "berkas kosong: isi kolom-kolomnya atau hapus berkasnya")]
    if not isinstance(data, YamlMap):
        kind = "daftar" if isinstance(data, YamlList) else "satu nilai"
        return None, [ContentError(display, 1 + line_offset, 1, f"isi berkas harus berupa kolom 'kunci: nilai', bukan {kind}")]
    return data, []


def read_yaml(path: Path, display: Path) -> tuple[Document | None, list[ContentError]]:
    """Read a ``.yml`` file whose top level is a mapping."""
    text, errors = _decode(display, path.read_bytes())
    if text is None:
        return None, errors
    data, errors = _parse_yaml(display, text, 0)
    if data is None:
        return None, errors
    doc = Document(display, data, yaml_text=text)
    if escaped := _escaped_control_characters(doc):
        return None, [*errors, *escaped]
    return doc, errors


def read_markdown(path: Path, display: Path) -> tuple[Document | None, list[ContentError]]:
    """Read a Markdown file that starts with YAML front matter between two ``---`` lines."""
    text, errors = _decode(display, path.read_bytes())
    if text is None:
        return None, errors
    if not text.strip():
        return None, [ContentError(display, 1, 1, "berkas kosong: tulis front matter di antara dua baris '---', lalu isinya")]
    lines = text.lstrip("\ufeff").splitlines()
    if lines[0].rstrip() != "---":
        return None, [ContentError(display, 1, 1, "berkas harus diawali baris '---' (pembuka front matter)")]
    closing = next((number for number, line in enumerate(lines[1:], start=1) if line.rstrip() in ("---", "...")), None)
    if closing is None:
        message = "front matter dibuka di baris 1 tetapi tidak pernah ditutup: tambahkan baris '---' setelah kolom terakhir"
        return None, [ContentError(display, 1, 1, message)]
    front_matter = "\n".join(lines[1:closing]) + "\n"
    data, errors = _parse_yaml(display, front_matter, 1)
    if data is None:
        return None, errors
    body = "\n".join(lines[closing + 1 :]).strip("\n") + "\n"
    doc = Document(display, data, body=body, line_offset=1, yaml_text=front_matter)
    if escaped := _escaped_control_characters(doc):
        return None, [*errors, *escaped]
    return doc, errors
