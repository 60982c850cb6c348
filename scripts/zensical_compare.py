"""Compare a Zensical build of the generated pages with the MkDocs build: pages, links, overrides.

Run by ``make zensical`` after both builds: ``python scripts/zensical_compare.py site .build/zensical``.
It prints what it compared and exits 1 when the sites differ: a page only one engine built, a broken
link or a script from elsewhere in either, or one of our overrides or Markdown extensions that took
effect in MkDocs and not in Zensical. ``.ci/run`` runs it, so the successor path cannot break unnoticed.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from siaga.site.linkcheck import problems

# Text that shows one of our theme overrides or Markdown extensions took effect.
MARKERS = {
    "overrides/home.html": ("index.html", 'class="siaga-beranda"'),
    "overrides/404.html": ("404.html", "Halaman tidak ditemukan"),
    "overrides/404.html, nomor darurat": ("404.html", 'class="siaga-panggil"'),
    "overrides/404.html, catatan 112": ("404.html", 'class="siaga-hero__catatan"'),
    "overrides/main.html (tautan darurat)": ("ksb/kab-lebak/index.html", 'class="siaga-ke-darurat" href="../../darurat/"'),
    "overrides/main.html (judul beranda)": ("index.html", "<title>Siaga Banten</title>"),
    "overrides/partials/languages/id.html": ("index.html", 'aria-label="Kepala halaman"'),
    "overrides/partials/copyright.html": ("index.html", "Lisensi data belum ditetapkan"),
    "overrides/partials/logo.html": ("index.html", 'width="24"'),
    "overrides/main.html (service worker, print button)": ("index.html", "assets/siaga.js"),
    "overrides/main.html (kotak cari)": ("ksb/kab-lebak/index.html", 'data-dasar="../../"'),
    "siaga.pages.tablecards": ("ksb/index.html", "data-label="),
    "siaga.pages.checklist": ("panduan/tas-siaga/index.html", 'class="siaga-centang"'),
}


def pages(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html")}


def main(mkdocs_site: Path, zensical_site: Path, site_url: str = "https://siagabanten.example/") -> int:
    differences = []
    mkdocs_pages, zensical_pages = pages(mkdocs_site), pages(zensical_site)
    print(f"Halaman HTML: MkDocs {len(mkdocs_pages)}, Zensical {len(zensical_pages)}")
    for label, missing in (("hanya di MkDocs", mkdocs_pages - zensical_pages), ("hanya di Zensical", zensical_pages - mkdocs_pages)):
        if missing:
            differences.append(f"{label}: {', '.join(sorted(missing)[:10])}{' ...' if len(missing) > 10 else ''}")
    for label, site in (("MkDocs", mkdocs_site), ("Zensical", zensical_site)):
        found = problems(site, site_url)
        print(f"Tautan rusak atau dimuat dari host lain, {label}: {len(found)}")
        differences += [f"{label}: {line}" for line in found[:10]]
    for label, (page, marker) in MARKERS.items():
        states = [(site / page).is_file() and marker in (site / page).read_text(encoding="utf-8", errors="replace")
                  for site in (mkdocs_site, zensical_site)]
        print(f"{label}: MkDocs {'ya' if states[0] else 'TIDAK'}, Zensical {'ya' if states[1] else 'TIDAK'}")
        if not all(states):
            engines = [name for name, took_effect in zip(("MkDocs", "Zensical"), states, strict=True) if not took_effect]
            differences.append(f"{label}: tidak berlaku di {' dan '.join(engines)}")
    if differences:
        print(f"\n{len(differences)} perbedaan antara situs MkDocs dan Zensical:", *differences, sep="\n  ", file=sys.stderr)
        return 1
    print("Situs Zensical sama dengan situs MkDocs pada semua yang dibandingkan.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()))
