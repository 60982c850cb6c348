"""``make bench``: how the tool scales. A temporary copy of the content grows to N synthetic KSB, is
built, and one row per N is printed: total time, ms per KSB, the tool's own time, MkDocs' time, a
bare ``mkdocs build`` of the same pages in the same run, peak memory, site size, bytes per KSB
page, and what a first visit to the home page and to a KSB page transfers (gzip).

It is a benchmark, not a test: the numbers go to ``bench/RESULTS.md`` with the machine described.
Usage: ``python scripts/bench.py 1000 10000`` (the default sizes).
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

REGIONS = ["kab-pandeglang", "kab-lebak", "kab-tangerang", "kab-serang", "kota-tangerang", "kota-cilegon", "kota-serang",
           "kota-tangerang-selatan"]


def synthetic_ksb(number: int) -> str:
    """A sample KSB as full as real ones get: posko, board, assembly points, stock, needs, activities."""
    return f"""\
nama: KSB Sintetis {number}
kecamatan: Kecamatan {number % 40}
desa: Desa Sintetis {number}
ancaman: [banjir, tanah-longsor]
posko:
  alamat: Jalan Sintetis {number}
  telepon: 0812-0000-{number % 10000:04d}
  whatsapp: true
pengurus:
  - {{nama: Ketua Sintetis {number}, jabatan: ketua, telepon: 0812-0000-{(number + 1) % 10000:04d}, publik: true, persetujuan: 2026-01-01}}
  - {{nama: Warga Sintetis {number}, jabatan: bendahara}}
lokasi: {{lat: {-6.0 - (number % 90) / 100:.4f}, lon: {105.5 + (number % 120) / 100:.4f}}}
relawan: {number % 50}
titik_kumpul:
  - {{nama: Lapangan {number}, keterangan: Di dataran tinggi}}
  - {{nama: Sekolah {number}}}
lumbung_sosial:
  lokasi: Gudang {number}
  isi: [{{barang: tenda, jumlah: 2}}, {{barang: kasur, jumlah: 10, satuan: buah}}]
kebutuhan:
  - {{barang: genset, jumlah: 1, prioritas: tinggi, keterangan: Posko belum punya cadangan listrik}}
kegiatan:
  - {{tanggal: 2025-05-01, jenis: simulasi, judul: Simulasi evakuasi}}
diperbarui: 2026-11-01
contoh: true
"""


def grow(content: Path, count: int) -> None:
    for number in range(count):
        folder = content / "ksb" / REGIONS[number % len(REGIONS)]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"sintetis-{number}.yml").write_text(synthetic_ksb(number), encoding="utf-8")


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def first_visit(site: Path, page: Path) -> int:
    """Bytes a first visit transfers, gzip-compressed as hosts serve them: the page and everything it loads on load."""
    html = page.read_text(encoding="utf-8")
    total = len(gzip.compress(html.encode(), 6))
    for reference in set(re.findall(r'(?:href|src)="([^"]+\.(?:css|js|svg))"', html)):
        if reference.startswith(("http:", "https:")):
            continue
        target = (page.parent / reference).resolve()
        if target.is_file():
            total += len(gzip.compress(target.read_bytes(), 6))
    # Material loads its search index when the page loads: count it if the site has one.
    index = site / "search" / "search_index.json"
    if index.is_file():
        total += len(gzip.compress(index.read_bytes(), 6))
    return total


def measure(count: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="siaga-bench-") as folder:
        project = Path(folder)
        for name in ("content", "overrides", "mkdocs.yml"):
            source = ROOT / name
            (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
        (project / "docs").mkdir()
        grow(project / "content", count - sum(1 for _ in (ROOT / "content/ksb").rglob("*.yml")))
        env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
        python = sys.executable
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        # The tool's own part alone (load, validate, export, render, write docs/) ...
        tool = _run([python, "-c", "from pathlib import Path; from siaga.build import Project, generate; "
                     f"generate(Project(Path({str(project)!r})))"], project, env)
        # ... the whole build as `make site` runs it ...
        total = _run([python, "-m", "siaga", "--root", str(project), "build"], project, env)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        # ... and a bare `mkdocs build` of the same generated pages, in the same run.
        bare = _run([python, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml", "-d", str(project / "bare")], project, env)
        del before
        site = (project / "site").resolve()
        size = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
        ksb_pages = [path for path in (site / "ksb").glob("*/*/index.html")]
        per_page = sum(path.stat().st_size for path in ksb_pages) / len(ksb_pages)
        return {
            "count": count, "total": total, "ms_per_ksb": total / count * 1000, "tool": tool, "mkdocs": total - tool,
            "bare": bare, "ratio": total / bare, "peak_mb": peak_mb, "site_mb": size / 1e6, "bytes_per_ksb_page": per_page,
            "home_kb": first_visit(site, site / "index.html") / 1024, "ksb_kb": first_visit(site, ksb_pages[0]) / 1024,
        }


def table(rows: list[dict[str, float]]) -> str:
    header = ("| KSB | total s | ms/KSB | tool s | MkDocs s | bare mkdocs s | total ÷ bare | peak MB | site MB | "
              "bytes/KSB page | first visit home KB gz | first visit KSB KB gz |")
    lines = [header, "|" + "---|" * 12]
    for r in rows:
        lines.append(f"| {r['count']:,} | {r['total']:.1f} | {r['ms_per_ksb']:.1f} | {r['tool']:.1f} | {r['mkdocs']:.1f} | "
                     f"{r['bare']:.1f} | {r['ratio']:.2f} | {r['peak_mb']:.0f} | {r['site_mb']:.1f} | {r['bytes_per_ksb_page']:,.0f} | "
                     f"{r['home_kb']:.0f} | {r['ksb_kb']:.0f} |")
    return "\n".join(lines)


def main(sizes: list[int]) -> int:
    rows = []
    for count in sizes:
        rows.append(measure(count))
        print(table(rows), flush=True)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}"
    report = (f"# Benchmark results\n\n{dt.date.today().isoformat()}, `make bench` on {machine}.\n"
              "Tool = load, validate, export, render and write docs/; MkDocs = the rest of `siaga build`.\n"
              "Timings on this shared machine are noisy: compare columns of the same run.\n\n" + table(rows) + "\n")
    (ROOT / "bench").mkdir(exist_ok=True)
    (ROOT / "bench" / "RESULTS.md").write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main([int(arg) for arg in sys.argv[1:]] or [1000, 10000]))
