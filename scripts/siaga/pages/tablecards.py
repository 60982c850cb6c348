"""A Python-Markdown extension that lets every table become a stack of cards on a narrow screen.

Each body cell gets ``data-label`` with its column's header text, so the stylesheet can hide
the header row on a phone and print the label before each value instead (``td::before``).
A cell holding one long code gets ``class="siaga-panjang"``, so only that may break mid-word.
Nothing else changes: on a wide screen the table is a table. MkDocs loads it from
``mkdocs.yml`` (``markdown_extensions: - siaga.pages.tablecards``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

# A cell with no space and more characters than this (an HXL tag, an HSDS name, a web address) may
# break anywhere, so it never widens its table past the page; ordinary words never break.
_LONG = 14


def _text(element: ElementTree.Element) -> str:
    return " ".join("".join(element.itertext()).split())


class _LabelCells(Treeprocessor):
    def run(self, root: ElementTree.Element) -> None:
        for table in root.iter("table"):
            headers = [_text(cell) for cell in table.iter("th")]
            for row in table.iter("tr"):
                for label, cell in zip(headers, row.findall("td"), strict=False):
                    # The header text is our own template's wording, but it is set as an attribute
                    # through ElementTree, which escapes it, so no value can break out of the quotes.
                    cell.set("data-label", label)
                    text = _text(cell)
                    if len(text) > _LONG and not any(char.isspace() for char in text):
                        cell.set("class", "siaga-panjang")  # a code or address: may break anywhere


class TableCardsExtension(Extension):
    """Label every table cell with its column header."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_LabelCells(md), "siaga_tablecards", 0)


def makeExtension(**kwargs: object) -> TableCardsExtension:
    return TableCardsExtension(**kwargs)
