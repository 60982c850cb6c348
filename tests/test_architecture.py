"""The package's rooms: one folder per pipeline stage, and imports that run one way only.

The rule a newcomer reads in ``scripts/siaga/__init__.py`` is checked here on the source itself, so a
helper that one day imports sideways or upwards fails the tests instead of quietly tangling the stages.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "scripts" / "siaga"

# What each stage may import of the package (besides itself). The top-level modules are the entry
# points and the pipeline; only cli and serve may import build.
MAY_IMPORT: dict[str, set[str]] = {
    "content": set(),
    "published": {"content"},
    "exports": {"content", "published"},
    "pages": {"content", "published"},
    "site": {"content", "published"},
    "maintainer": {"content"},
    "build": {"content", "published", "exports", "pages", "site"},
    "serve": {"build", "content", "site"},
    "cli": {"build", "content", "published", "maintainer", "serve"},
    "__main__": {"cli"},
    "__init__": set(),
}


def room(module: Path) -> str:
    """The stage a module belongs to: its folder, or its own name at the top."""
    relative = module.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def imported_rooms(module: Path, source: str | None = None) -> set[str]:
    """The stages a module imports, from every ``import`` statement, including those inside functions."""
    tree = ast.parse(module.read_text(encoding="utf-8") if source is None else source)
    here = module.relative_to(PACKAGE).parent.parts  # () at the top, ("content",) in a folder
    found: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(here[: len(here) - (node.level - 1)]) if node.level > 1 else list(here)
                target = [*base, *(node.module.split(".") if node.module else [])]
                names = [".".join(target)] if node.module else [".".join([*target, alias.name]) for alias in node.names]
            elif node.module and (node.module == "siaga" or node.module.startswith("siaga.")):
                parts = node.module.split(".")[1:]
                names = [".".join(parts)] if parts else [alias.name for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name.split(".", 1)[1] for alias in node.names if alias.name.startswith("siaga.")]
        for name in names:
            if name:
                found.add(name.split(".")[0])
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_sits_in_a_stage_the_rule_knows():
    assert MODULES, "the package was found"
    assert {room(module) for module in MODULES} <= set(MAY_IMPORT)


@pytest.mark.parametrize("module", MODULES, ids=lambda module: module.relative_to(PACKAGE).as_posix())
def test_imports_run_down_the_stages_only(module):
    stage = room(module)
    wrong = imported_rooms(module) - MAY_IMPORT[stage] - {stage}
    assert not wrong, f"{module.relative_to(PACKAGE)} ({stage}) imports {sorted(wrong)}: only {sorted(MAY_IMPORT[stage])} allowed"


def test_each_stage_folder_says_what_it_does_and_what_it_may_import():
    for folder in sorted(path for path in PACKAGE.iterdir() if path.is_dir() and path.name in MAY_IMPORT):
        doc = ast.get_docstring(ast.parse((folder / "__init__.py").read_text(encoding="utf-8"))) or ""
        assert "import" in doc and len(doc.split()) > 20, folder.name


def test_the_rule_itself_catches_an_upward_import():
    """The checker must be able to fail: a content module importing the pages and the exports is found."""
    model = PACKAGE / "content" / "model.py"
    source = model.read_text(encoding="utf-8") + "\nfrom ..pages import render\nfrom siaga.exports.files import export_files\n"
    assert imported_rooms(model, source) - MAY_IMPORT["content"] - {"content"} == {"pages", "exports"}
