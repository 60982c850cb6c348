"""Tools for maintainers who are not programmers: a new KSB file from a few questions (``scaffold``) and
KSB files from a spreadsheet (``spreadsheet``), both writing content that the pipeline then checks; and a
name or number removed from the whole git history when consent is withdrawn (``lupakan``).

May import :mod:`siaga.content` only.
"""
