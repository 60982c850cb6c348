"""A YAML syntax error in the words of a maintainer who is not a programmer, at the line to fix.

The parser says where it noticed the problem ("mapping values are not allowed here", one line
late); this module names the likely mistake in Indonesian (a tab, an indentation that does not
match the line above, a missing colon, a quote never closed) and points at the line where it is.
Anything it does not recognise keeps the parser's own words after a general hint.
"""

from __future__ import annotations

import re

from ruamel.yaml.error import MarkedYAMLError

_GENERAL = "periksa titik dua, tanda kutip, kurung dan jumlah spasi di awal baris sekitar posisi ini"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _previous(lines: list[str], index: int) -> int | None:
    """The nearest earlier line that holds something (not blank, not a comment)."""
    for earlier in range(index - 1, -1, -1):
        if lines[earlier].strip() and not lines[earlier].lstrip().startswith("#"):
            return earlier
    return None


# A value that starts with a quote: "nama: 'KSB" or "- 'Cibeber".
_QUOTED_START = re.compile(r"""^\s*(?:-\s+)?(?:[^\s:#'"][^:#]*:\s+)?(['"])""")
# A quoted value followed by more text on the same line: nama: "KSB" Uji.
_AFTER_CLOSING = re.compile(r"""^\s*(?:-\s+)?[^\s:#'"][^:#]*:\s+(['"])(?:(?!\1).)*\1\s*[^\s#,\]}]""")
_DUPLICATE = re.compile(r'found duplicate key "([^"]*)"')


def _unclosed_quote(lines: list[str], row: int) -> tuple[int, int] | None:
    """(line, column) of the first value up to ``row`` that opens a quote and does not close it on its line: the
    parser reads on to the next quote, lines later, and stops where the text no longer makes sense."""
    for index in range(0, min(row, len(lines) - 1) + 1):
        line = lines[index]
        found = _QUOTED_START.match(line)
        if not found:
            continue
        mark, start = found.group(1), found.end(1) - 1
        rest = line[start + 1:].rstrip()
        closed = rest.replace(mark * 2, "") if mark == "'" else rest.replace('\\"', "")
        if mark not in closed:
            return index, start
    return None


def explain(error: MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """(0-based line, 0-based column, message) for a YAML syntax error in ``text``."""
    lines = text.splitlines() or [""]
    problem = " ".join(part for part in (error.context, error.problem) if part)
    mark = error.problem_mark or error.context_mark
    row = min(mark.line, len(lines) - 1) if mark else 0
    column = mark.column if mark else 0

    if "'\\t'" in problem:
        for index in range(min(row, len(lines) - 1), -1, -1):
            whitespace = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
            if "\t" in whitespace:
                message = "baris ini memakai karakter tab di awalnya; YAML hanya menerima spasi: ganti tab dengan spasi"
                return index, whitespace.index("\t"), message
    if found := _DUPLICATE.search(problem):
        key = found.group(1)
        indent = _indent(lines[row])
        first = next((index for index in range(row) if lines[index].startswith(" " * indent + key + ":")
                      and _indent(lines[index]) == indent), None)
        where = f" (yang pertama di baris {first + 1})" if first is not None else ""
        return row, column, (f"kolom '{key}' ditulis dua kali{where}: satu kolom hanya boleh muncul sekali di tempat yang sama; "
                             "hapus salah satunya, atau gabungkan isinya")
    if ("expected <block end>" in problem or "mapping values are not allowed" in problem
            or "could not find expected ':'" in problem) and (opened := _unclosed_quote(lines, row)) and opened[0] < row:
        return opened[0], opened[1], ("tanda kutip dibuka di sini tetapi tidak ditutup di baris yang sama: tambahkan tanda kutip "
                                      "penutup di akhir nilainya")
    if "expected <block end>" in problem and (after := _AFTER_CLOSING.match(lines[row])):
        mark = after.group(1)
        other = '"' if mark == "'" else "'"
        return row, column, (f"ada teks sesudah tanda kutip penutup: bila tanda kutip itu bagian dari nilainya, apit seluruh "
                             f"nilai dengan tanda kutip jenis lain, misalnya nama: {other}KSB {mark}Uji{mark} Baru{other}")
    if "could not find expected ':'" in problem and error.context_mark:
        at = error.context_mark
        return at.line, at.column, "titik dua (:) tidak ada setelah nama kolom: tulis 'nama_kolom: nilai'"
    if "quoted scalar" in problem and error.context_mark:
        at = error.context_mark
        return at.line, at.column, "tanda kutip dibuka di sini tetapi tidak ditutup: tambahkan tanda kutip penutup di akhir nilainya"
    if "mapping values are not allowed" in problem and ": " in lines[row][:column]:
        return row, column, "ada ': ' di tengah nilai: beri tanda kutip pada nilai itu, misalnya judul: 'Catatan: banjir'"
    if "expected <block end>" in problem or "mapping values are not allowed" in problem:
        before = _previous(lines, row)
        if before is not None:
            here_indent, before_indent = _indent(lines[row]), _indent(lines[before])
            earlier = _previous(lines, before)
            if "mapping values" in problem and before_indent == 0 and earlier is not None and _indent(lines[earlier]) > 0 \
                    and here_indent > 0 and ":" in lines[before]:
                # A key moved to column 0: the line after it, still indented, is where the parser noticed.
                return before, 0, (f"baris ini berada di kolom pertama, padahal baris sesudahnya masih menjorok "
                                   f"({here_indent} spasi): apakah baris ini seharusnya menjorok juga?")
            if here_indent > before_indent or (here_indent != before_indent and "block end" in problem):
                return row, here_indent, (f"indentasi baris ini ({here_indent} spasi) tidak sejajar dengan baris di atasnya "
                                          f"({before_indent} spasi): kolom yang setingkat harus mulai di kolom yang sama")
        if "mapping values" in problem:
            return row, column, "ada ': ' di tengah nilai: beri tanda kutip pada nilai itu, misalnya judul: 'Catatan: banjir'"
    return (mark.line if mark else 0), column, f"YAML tidak sah ({_GENERAL}): {problem}"
