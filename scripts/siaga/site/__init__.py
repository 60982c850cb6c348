"""What happens to the built site: MkDocs run in a process of its own, the Pagefind search index, the
content security policy on every page, the offline copy (service worker), the link check, and the lock
and atomic swap that publish ``site/``.

May import :mod:`siaga.content` and :mod:`siaga.published`; never :mod:`siaga.pages` or :mod:`siaga.exports`.
"""
