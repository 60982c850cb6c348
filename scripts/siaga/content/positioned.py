"""YAML text to plain values that remember where they were written, read by libyaml's C composer.

ruamel's round-trip reader gave us positions too, but it is written in Python and was most of the
tool's own time (about 20 ms per KSB file). libyaml (through PyYAML) composes the same nodes, each
with its start line and column, ten times faster. Two things are ours: the YAML 1.2 core schema, as
ruamel reads it (``yes`` and ``on`` stay text, unlike PyYAML's YAML 1.1), and values built the way
the model expects them (dates and leading-zero numbers as typed text). One position differs, for
the better: an empty value (``telepon:``) is placed just after its colon, where ruamel placed it at
the next token, often on the next line.

:func:`compose` answers only for files it reads exactly as ruamel would and that keep within the
limits; for anything else (a syntax error, a duplicate key, an alias, a tag, a ``%YAML`` directive, a
merge key, a key that is not plain text, too deep, too many values, too long a value) it hands the
file over: :mod:`siaga.content.load` checks it for what it refuses, reads it with ruamel, whose errors it
explains, and converts the result with :func:`from_ruamel`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml._yaml import CParser
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

_TAG = "tag:yaml.org,2002:"


class YamlMap(dict):  # type: ignore[type-arg]
    """A YAML mapping as read, with the 0-based ``(key line, key column, value line, value column)`` of each key."""

    __slots__ = ("positions",)

    def __init__(self) -> None:
        super().__init__()
        self.positions: dict[Any, tuple[int, int, int, int]] = {}


class YamlList(list):  # type: ignore[type-arg]
    """A YAML sequence as read, with the 0-based ``(line, column)`` of each item."""

    __slots__ = ("positions",)

    def __init__(self) -> None:
        super().__init__()
        self.positions: dict[int, tuple[int, int]] = {}


class _Core12Resolver(yaml.resolver.BaseResolver):
    """The YAML 1.2 core schema's plain scalars, with the patterns ruamel uses for YAML 1.2."""


for _tag, _pattern, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("float", r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
                  |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
                  |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
                  |[-+]?\.(?:inf|Inf|INF)
                  |\.(?:nan|NaN|NAN))$""", "-+0123456789."),
    ("int", r"""^(?:[-+]?0b[0-1_]+
                |[-+]?0o?[0-7_]+
                |[-+]?[0-9_]+
                |[-+]?0x[0-9a-fA-F_]+)$""", "-+0123456789"),
    ("merge", r"^(?:<<)$", "<"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("timestamp", r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
                      |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
                      (?:[Tt]|[\ \t]+)[0-9][0-9]?
                      :[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
                      (?:[\ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""", "0123456789"),
    ("value", r"^(?:=)$", "="),
):
    _Core12Resolver.add_implicit_resolver(_TAG + _tag, re.compile(_pattern, re.X), list(_first))


class _Composer(CParser, _Core12Resolver):  # type: ignore[misc]
    def __init__(self, text: str) -> None:
        CParser.__init__(self, text)
        _Core12Resolver.__init__(self)


class _NotOurs(Exception):
    """Something ruamel must read instead (and maybe explain)."""


@dataclass(frozen=True)
class Limits:
    """What a file may hold (see :mod:`siaga.content.load`): past any of them, :func:`compose` hands the file over."""

    depth: int
    values: int
    text: int


def compose(text: str, limits: Limits) -> tuple[bool, Any]:
    """``(True, value)`` when libyaml reads ``text`` as ruamel would and it keeps within ``limits``;
    ``(False, None)`` when ruamel must read it (and :mod:`siaga.content.load`'s checks name what is wrong).

    An alias (``*x``) hands the file over too: libyaml gives the aliased value itself, and expanding it
    is what a few lines that stand for billions of values rely on."""
    # A version directive changes the schema; libyaml skips a byte-order mark inside the text where
    # ruamel stops, and breaks lines at NEL, LS and PS as YAML 1.1 did; a "!" tag may be the non-specific
    # one, which libyaml resolves silently where we refuse it: ruamel reads all of those.
    if "%YAML" in text or "!" in text or any(mark in text for mark in "\ufeff\x85\u2028\u2029"):
        return False, None
    composer = _Composer(text)
    try:
        node = composer.get_single_node()
        return True, (None if node is None else _Walk(limits).value(node, 1))
    except (yaml.YAMLError, _NotOurs, RecursionError):
        return False, None
    finally:
        composer.dispose()


class _Walk:
    """libyaml's nodes to positioned values, counting as :mod:`siaga.content.load`'s event check counts."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.values = 0
        self.seen: set[int] = set()

    def value(self, node: Any, depth: int) -> Any:
        self._count(node)
        if isinstance(node, ScalarNode):
            return _scalar(node)
        if depth > self.limits.depth:
            raise _NotOurs
        if isinstance(node, SequenceNode) and node.tag == _TAG + "seq":
            items = YamlList()
            for index, child in enumerate(node.value):
                items.append(self.value(child, depth + 1))
                items.positions[index] = (child.start_mark.line, child.start_mark.column)
            return items
        if isinstance(node, MappingNode) and node.tag == _TAG + "map":
            mapping = YamlMap()
            for key_node, value_node in node.value:
                self._count(key_node)
                if not isinstance(key_node, ScalarNode) or key_node.tag == _TAG + "merge":
                    raise _NotOurs
                key = _scalar(key_node)
                if key in mapping:  # ruamel refuses a duplicate key, in words that name both lines
                    raise _NotOurs
                mapping[key] = self.value(value_node, depth + 1)
                key_mark, value_mark = key_node.start_mark, value_node.start_mark
                mapping.positions[key] = (key_mark.line, key_mark.column, value_mark.line, value_mark.column)
            return mapping
        raise _NotOurs

    def _count(self, node: Any) -> None:
        if id(node) in self.seen:  # the same node twice: an alias
            raise _NotOurs
        self.seen.add(id(node))
        self.values += 1
        if self.values > self.limits.values or (isinstance(node, ScalarNode) and len(node.value) > self.limits.text):
            raise _NotOurs


def _scalar(node: ScalarNode) -> Any:
    value, kind = node.value, node.tag.removeprefix(_TAG)
    if kind in ("str", "timestamp"):  # a date stays text: the model reports an impossible one, with its line
        return value
    if kind == "null":
        return None
    if kind == "bool":
        return value.lower() == "true"
    if kind == "int":
        return _int_or_phone(value)
    if kind == "float":
        plain = value.replace("_", "").lower()
        if plain.lstrip("+-") == ".inf":
            return -math.inf if plain.startswith("-") else math.inf
        return math.nan if plain == ".nan" else float(plain)
    raise _NotOurs


def _int_or_phone(value: str) -> int | str:
    """``telepon: 081312345678`` without quotes: a leading zero or plus makes it text, as typed, because
    as an integer it would lose that zero. Ordinary numbers (``relawan: 25``) stay numbers."""
    if is_phone_like(value):
        return value
    try:
        return int(value.replace("_", ""), 0)
    except ValueError:  # "-017" and other shapes Python's int() reads differently: ruamel decides
        raise _NotOurs from None


def is_phone_like(value: str) -> bool:
    return value.startswith(("0", "+")) and len(value) > 1 and value.lstrip("+").isdigit()


def from_ruamel(data: Any) -> Any:
    """ruamel's round-trip values (for files only ruamel reads) as the same positioned plain values."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar

    if isinstance(data, CommentedMap):
        mapping = YamlMap()
        for key, value in data.items():
            mapping[key] = from_ruamel(value)
            if key in data.lc.data:
                mapping.positions[key] = tuple(data.lc.data[key])
        return mapping
    if isinstance(data, CommentedSeq):
        items = YamlList()
        for index, value in enumerate(data):
            items.append(from_ruamel(value))
            if index in data.lc.data:
                items.positions[index] = tuple(data.lc.data[index])
        return items
    # ruamel's scalar subclasses (kept for writing back) as the plain types compose() gives
    if isinstance(data, TaggedScalar) and str(data.tag) == _TAG + "str":  # "!!str 12" is the text "12"
        return str(data.value)
    if isinstance(data, str):
        return str(data)
    if isinstance(data, float):
        return float(data)
    if isinstance(data, int) and not isinstance(data, bool):
        return int(data)
    return data
