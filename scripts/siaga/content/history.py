"""Where each page's content comes from and when it last changed: read from git, shown in WIB.

One ``git log`` over ``content/`` gives every file's last commit time (a file's newest commit
comes first in the log), so the cost does not grow with one call per file. Outside a git
checkout, or without git, pages simply carry no date.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Provenance:
    """What a page may say about its sources."""

    changed: dict[str, dt.datetime] = field(default_factory=dict)
    """Last commit time of each content file, by its path from the project root (``content/ksb/...``)."""
    edit_url: str = ""
    """Where a source file can be edited online (``https://github.com/<org>/<repo>/edit/main/``), or empty."""

    def last_change(self, sources: list[str]) -> dt.datetime | None:
        """The newest change among ``sources``, if git knows any of them."""
        return max((self.changed[source] for source in sources if source in self.changed), default=None)

    def edit_link(self, source: str) -> str:
        """The address that opens ``source`` in the online editor, or empty."""
        return self.edit_url + source if self.edit_url else ""


def read_provenance(root: Path, edit_url: str = "") -> Provenance:
    """Every content file's last commit time from git, and the editing address if it is a web address."""
    if edit_url and (urlsplit(edit_url).scheme not in ("http", "https") or not edit_url.endswith("/")):
        edit_url = ""  # not a web address ending in "/": leave the link out rather than print a wrong one
    try:
        log = subprocess.run(["git", "-C", str(root), "log", "--format=%x00%ct", "--name-only", "--", "content"],
                             capture_output=True, text=True, check=True, timeout=120).stdout
    except (OSError, subprocess.SubprocessError):
        return Provenance(edit_url=edit_url)
    prefix = subprocess.run(["git", "-C", str(root), "rev-parse", "--show-prefix"], capture_output=True, text=True,
                            check=False).stdout.strip()
    changed: dict[str, dt.datetime] = {}
    when = None
    for line in log.splitlines():
        if line.startswith("\0"):
            when = dt.datetime.fromtimestamp(int(line[1:]), dt.UTC)
        elif line and when is not None:
            path = line.removeprefix(prefix)
            changed.setdefault(path, when)  # the log is newest first
    return Provenance(changed, edit_url)
