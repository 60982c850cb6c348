"""Markdown pages from the content, one Jinja2 template per page kind (``templates/``), and the two
Python-Markdown extensions MkDocs loads for them (``tablecards``, ``checklist``).

May import :mod:`siaga.content` and :mod:`siaga.published`; never :mod:`siaga.exports` (the pages learn
what the exports made from the :class:`~siaga.published.catalogue.Download` list) or :mod:`siaga.site`.
"""
