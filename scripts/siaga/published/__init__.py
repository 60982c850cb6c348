"""What the site publishes and where, known to both the exports and the pages: where each page and file
is written (``paths``), its public address (``urls``), the public KSB table's columns and the list of
downloads (``catalogue``).

May import :mod:`siaga.content` only. Exports and pages both import it, and never each other.
"""
