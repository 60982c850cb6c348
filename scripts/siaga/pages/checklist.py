"""A Python-Markdown extension for the checklists (emergency bag, household plan): "- [ ] item".

The item becomes a list item with a box drawn by the stylesheet, to tick with a pen on paper.
It is not a form control: nothing on the page can be ticked, so nothing announces an unlabelled
checkbox to a screen reader (which pymdownx.tasklist's disabled inputs do). MkDocs loads it from
``mkdocs.yml`` (``markdown_extensions: - siaga.pages.checklist``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

_BOX = "[ ] "


class _Boxes(Treeprocessor):
    def run(self, root: ElementTree.Element) -> None:
        for listing in root.iter("ul"):
            items = listing.findall("li")
            boxed = [item for item in items if (item.text or "").startswith(_BOX)]
            for item in boxed:
                item.text = (item.text or "")[len(_BOX):]
                item.set("class", "siaga-centang")
            if boxed and len(boxed) == len(items):
                listing.set("class", "siaga-daftar-centang")


class ChecklistExtension(Extension):
    """Turn "- [ ] item" into an item with a box to tick on paper."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_Boxes(md), "siaga_checklist", 1)


def makeExtension(**kwargs: object) -> ChecklistExtension:
    return ChecklistExtension(**kwargs)
