"""MkDocs builds the site from docs/ in a fresh Python process of its own.

Inside the build process, which holds the whole validated content, MkDocs ran 4-12 % slower than a
bare ``mkdocs build`` of the same pages (a larger heap for the garbage collector to walk, and forked
renderers' pages shared with it); alone it runs as fast as a bare build, and its memory is its own.
Its warnings reach the terminal as ``mkdocs build`` prints them; a failure comes back as one line.

Run as ``python -m siaga.site.mkdocs_build CONFIG SITE_DIR [--strict]`` with the theme's extra values and the
public address as JSON on standard input; :func:`run_mkdocs` does that.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

from ..content.errors import BuildFailed

# The folder that holds the siaga package: MkDocs loads our Markdown extensions (siaga.pages.*) from it.
_SCRIPTS = Path(__file__).resolve().parents[2]


def run_mkdocs(config: Path, site_dir: Path, *, strict: bool, extra: dict[str, object] | None = None,
               site_url: str | None = None) -> None:
    """Build the site with MkDocs in a new process; any failure becomes ``BuildFailed``. ``site_url``, when given,
    replaces the configuration's (content/situs.yml decides it). The environment (``SOURCE_DATE_EPOCH`` for the
    sitemap's date) is passed on as it is."""
    command = [sys.executable, "-m", "siaga.site.mkdocs_build", str(config), str(site_dir), *(["--strict"] if strict else [])]
    path = os.pathsep.join(filter(None, [str(_SCRIPTS), os.environ.get("PYTHONPATH", "")]))
    result = subprocess.run(command, input=json.dumps({"extra": extra or {}, "site_url": site_url}), stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": path}, check=False)
    if result.returncode != 0:
        reason = result.stdout.strip() or f"proses MkDocs berhenti dengan kode {result.returncode}"
        raise BuildFailed(f"MkDocs gagal membangun situs: {reason}")


def _policies_plugin():
    """A plugin that writes the content security policy into every page as MkDocs renders it (siaga.site.policy):
    the pages, and the 404 page, which MkDocs renders as a template of its own."""
    from mkdocs.plugins import BasePlugin

    from .policy import with_policies

    class Policies(BasePlugin):
        def on_post_page(self, output: str, **kwargs: object) -> str:
            return with_policies(output)

        def on_post_template(self, output_content: str, template_name: str, **kwargs: object) -> str:
            return with_policies(output_content) if template_name.endswith(".html") else output_content

    return Policies()


def _build(config: str, site_dir: str, strict: bool, extra: dict[str, object], site_url: str | None = None) -> str | None:
    """The build itself, in the child: None when it succeeded, else why it failed."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        loaded = load_config(config, site_dir=site_dir, strict=strict, **({"site_url": site_url} if site_url else {}))
        loaded.extra.update(extra)
        loaded.plugins["siaga-kebijakan"] = _policies_plugin()
        # In strict mode MkDocs itself counts its warnings and aborts.
        mkdocs_build(loaded)
    except (MkDocsException, OSError) as error:
        return str(error)
    return None


def main(argv: list[str]) -> int:
    config, site_dir, *flags = argv
    # MkDocs reports through logging; show its warnings the way `mkdocs build` would.
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    given = json.load(sys.stdin)
    failure = _build(config, site_dir, "--strict" in flags, given["extra"], given["site_url"])
    if failure is not None:
        print(failure)  # standard output is the parent's channel for the reason
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
