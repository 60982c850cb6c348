"""Tools for maintainers who are not programmers: a new KSB file from a few questions (``scaffold``) and
KSB files from a spreadsheet (``spreadsheet``). Both write content that the pipeline then checks.

May import :mod:`siaga.content` only.
"""
