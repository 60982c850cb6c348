"""Siaga Banten: compiles the preparedness content of Banten province into a static site.

One folder per stage of the pipeline; data flows down this list and no import runs back up:

- ``content/``    files -> checked model objects, or every problem at ``path:line:column``
- ``published/``  what the site publishes and where: page paths, public addresses, the data columns
- ``exports/``    model -> CSV, JSON, GeoJSON, vCard, iCalendar, Atom feed, QR codes, share picture
- ``pages/``      model -> Markdown pages, one Jinja2 template per page kind
- ``site/``       the built site: MkDocs in a process of its own, search index, offline copy, link
  check, the atomic swap into ``site/``
- ``maintainer/`` tools for maintainers: a new KSB file, KSB from a spreadsheet

At the top: :mod:`siaga.build` (the pipeline, read it first), :mod:`siaga.serve` (the preview),
:mod:`siaga.cli` (the commands the Makefile calls). Only ``cli`` and ``serve`` import ``build``.
"""
