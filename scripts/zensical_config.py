"""Write ``zensical.yml``, the configuration ``make zensical`` builds with: ``mkdocs.yml`` with what Zensical
needs besides, and the theme values ``siaga build`` passes MkDocs through its Python API.

Zensical wants its configuration in the project root and has no output-folder option, so the copy
sends its site to ``.build/zensical``; without ``variant: classic`` its default look drops our header;
the 404 page's call buttons (``config.extra.panel_darurat``, from content/kontak/darurat.yml), the footer's
publisher and licences (``config.extra.situs``) and the public address (from content/situs.yml, as the MkDocs
build uses it) must be in the file, since Zensical runs as a program of its own.

Run by ``make zensical``: ``python scripts/zensical_config.py > zensical.yml``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from siaga.build import theme_extra  # noqa: E402  (the path is set just above, as in zensical_compare.py)
from siaga.content.validate import load_and_validate  # noqa: E402
from siaga.published.urls import SiteUrls  # noqa: E402


def zensical_config(mkdocs_yml: str, extra: dict[str, object], site_url: str | None = None) -> str:
    lines = []
    for line in mkdocs_yml.splitlines():
        if line.startswith("site_dir:"):
            line = "site_dir: .build/zensical"
        elif line.startswith("site_url:") and site_url:  # the address content/situs.yml gives, as the MkDocs build uses it
            line = f"site_url: {json.dumps(site_url)}"
        elif line == "  custom_dir: overrides":
            lines.append("  variant: classic")
        lines.append(line)
        if line == "extra:":
            # JSON is YAML: every value, whatever the content holds, arrives as data.
            lines += [f"  {key}: {json.dumps(value, ensure_ascii=False)}" for key, value in extra.items()]
    if not any(line == "extra:" for line in lines):
        raise SystemExit("mkdocs.yml has no 'extra:' section for the theme values")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    content = load_and_validate(ROOT / "content")
    address = SiteUrls.for_site(ROOT / "mkdocs.yml", content.situs).base
    sys.stdout.write(zensical_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), theme_extra(content), address))
