"""What leaves the site as files: the KSB table (CSV, HXL, JSON, GeoJSON), contacts (vCard), the FGD
agenda (iCalendar), the Atom feed, QR codes and the share picture, made in memory by small pure
serialisers with sorted, stable output (:func:`siaga.exports.files.export_files` makes them all).

May import :mod:`siaga.content` and :mod:`siaga.published`; never :mod:`siaga.pages` or :mod:`siaga.site`.
"""
