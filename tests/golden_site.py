"""The golden site: the pages the fixed content in tests/golden/content must produce.

``make golden`` (``python tests/golden_site.py``) rewrites tests/golden/expected/ after an
intended change to templates or rendering; review the diff before committing it.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "scripts"))

from siaga.content.validate import load_and_validate  # noqa: E402
from siaga.exports.files import export_files  # noqa: E402  (the path is set just above, for `make golden`)
from siaga.pages.render import render_pages  # noqa: E402
from siaga.published.urls import SiteUrls  # noqa: E402

CONTENT = HERE / "golden" / "content"
EXPECTED = HERE / "golden" / "expected"
TODAY = dt.date(2026, 12, 2)
# The address in mkdocs.yml until the real one is set; fixed here so the golden pages never depend on the environment.
URLS = SiteUrls("https://siagabanten.example/")


def golden_pages() -> dict[str, str]:
    """Render the golden content exactly as a build would write it into docs/."""
    content = load_and_validate(CONTENT, today=TODAY)
    return render_pages(content, URLS, export_files(content, URLS).downloads)


def expected_pages() -> dict[str, str]:
    return {path.relative_to(EXPECTED).as_posix(): path.read_text(encoding="utf-8") for path in sorted(EXPECTED.rglob("*.md"))}


def update() -> None:
    shutil.rmtree(EXPECTED, ignore_errors=True)
    for relative, text in golden_pages().items():
        target = EXPECTED / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    print(f"{len(list(EXPECTED.rglob('*.md')))} halaman ditulis ke {EXPECTED}")


if __name__ == "__main__":
    update()
