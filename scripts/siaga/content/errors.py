"""Problems a maintainer can act on, and the exceptions that carry them to the one top-level catch."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one content file, at a 1-based line and column."""

    path: Path
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path.as_posix()}:{self.line}:{self.column}: {self.message}"


class SiagaError(Exception):
    """Base of every error the command line reports without a traceback."""


class ContentInvalid(SiagaError):
    """The content has problems; nothing was written."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = sorted(errors)
        super().__init__("\n".join(str(error) for error in self.errors))


class BuildFailed(SiagaError):
    """MkDocs could not build the site; the previous ``site/`` is untouched."""
