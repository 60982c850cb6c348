"""Live preview: MkDocs' own server, with docs/ regenerated whenever a file in content/ changes.

MkDocs watches docs/ and reloads the browser; this module only keeps docs/ in step with
content/. A content mistake is printed and the preview keeps the last good pages.

A preview must stay quick with thousands of KSB (issue 8: an edited KSB page within 5 seconds at
4,000): files not changed since the last regeneration are not read again, an edit of KSB files
renders only their pages and the pages that list them, and MkDocs rebuilds only the pages in
docs/ that were rewritten (its "dirty" build). A removed page may linger in the preview until
it is restarted; ``make site`` always builds everything.
"""

from __future__ import annotations

import logging
import sys
import threading
import time

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from .build import Project, generate, theme_extra
from .content.errors import ContentInvalid
from .content.model import Content
from .content.validate import ReadCache
from .site.publish import exclusive


class _Regenerate(FileSystemEventHandler):
    """Regenerate docs/ shortly after the last change (editors write files in several steps)."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()
        self.cache = ReadCache()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        with self.lock:
            if self.timer:
                self.timer.cancel()
            self.timer = threading.Timer(0.3, self.run)
            self.timer.start()

    def run(self) -> None:
        try:
            started = time.perf_counter()
            with exclusive(self.project.scratch):  # never while a build writes docs/
                generate(self.project, cache=self.cache)
            print(f"content/ berubah: halaman dibuat ulang ({time.perf_counter() - started:.1f} detik).".replace(".", ",", 1),
                  file=sys.stderr)
        except ContentInvalid as error:
            print(f"{error}\nHalaman lama tetap dipakai sampai masalah di atas diperbaiki.", file=sys.stderr)


def _extra(project: Project, content: Content) -> dict[str, object]:
    """``extra`` of mkdocs.yml with the content's theme values added (an ``extra=`` given to MkDocs replaces the whole)."""
    from mkdocs.utils.yaml import yaml_load

    with project.config.open(encoding="utf-8") as stream:
        configured = (yaml_load(stream) or {}).get("extra") or {}
    return {**configured, **theme_extra(content)}


def serve(project: Project, addr: str) -> None:
    """Generate docs/, then run ``mkdocs serve`` with live reload until interrupted."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    # MkDocs warns at every dirty rebuild that links may be stale; the module docstring says what a preview
    # may lack, and a maintainer who reads a warning every save stops reading warnings.
    logging.getLogger("mkdocs.commands.build").addFilter(lambda record: not record.getMessage().startswith("A 'dirty' build"))
    regenerate = _Regenerate(project)
    with exclusive(project.scratch):
        content = generate(project, cache=regenerate.cache)
    observer = Observer()
    observer.schedule(regenerate, str(project.content), recursive=True)
    observer.start()
    print(f"Pratinjau: http://{addr}/  (berhenti dengan Ctrl+C; content/ diawasi)", file=sys.stderr)
    try:
        # livereload is passed explicitly: with click newer than 8.2.1 the flag's default is lost.
        # The theme's values from the content (the 404 page's numbers, the footer's publisher), as the build gives them.
        mkdocs_serve(str(project.config), livereload=True, build_type="dirty", dev_addr=addr, extra=_extra(project, content))
    finally:
        observer.stop()
        observer.join()
