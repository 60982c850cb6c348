"""``make bench``: how the tool scales. A temporary copy of the content grows to N synthetic KSB, is
built, and one row per N is printed: total time, ms per KSB, the tool's own time, MkDocs' time, a
bare ``mkdocs build`` of the same pages in the same run, peak memory, site size, bytes per KSB
page, and what a first visit to the home page and to a KSB page transfers (gzip).

It is a benchmark, not a test: the numbers go to ``bench/RESULTS.md`` with the machine described.
Usage: ``python scripts/bench.py 1000 4000 10000`` (the default sizes; the preview is timed at 4,000).
"""

from __future__ import annotations

import datetime as dt
import gzip
import itertools
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT / "tests")]

REGIONS = ["kab-pandeglang", "kab-lebak", "kab-tangerang", "kab-serang", "kota-tangerang", "kota-cilegon", "kota-serang",
           "kota-tangerang-selatan"]


def synthetic_ksb(number: int, kecamatan: str, villages: list[str]) -> str:
    """A sample KSB as full as real ones get: posko, board, assembly points, stock, needs, activities; its
    kecamatan and villages from the official list, since validation checks them."""
    return f"""\
nama: KSB Sintetis {number}
kecamatan: {kecamatan}
desa: [{", ".join(villages)}]
ancaman: [banjir, tanah-longsor]
posko:
  alamat: Jalan Sintetis {number}
  telepon: 0812-0000-{number % 10000:04d}
  whatsapp: true
pengurus:
  - {{nama: Ketua Sintetis {number}, jabatan: ketua, telepon: 0812-0000-{(number + 1) % 10000:04d}, persetujuan: 2026-01-01}}
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


def synthetic_report(number: int, region: str, village: str, received: dt.datetime) -> tuple[str, str]:
    """(path under content/, text) of a situation report from synthetic KSB ``number``, as make laporan writes one."""
    stamp = received.strftime("%Y-%m-%d-%H%M")
    confirmed = "" if number % 3 else (f"- status: dikonfirmasi-posko\n  waktu: '{(received + dt.timedelta(hours=1)).isoformat()}'\n")
    text = f"""\
ksb: {region}/sintetis-{number}
ancaman: banjir
waktu_kejadian: '{(received - dt.timedelta(hours=2)).isoformat()}'
waktu_laporan: '{received.isoformat()}'
lokasi: Desa {village}
ringkasan: Air setinggi 40 cm di dua RT; jalan desa tergenang.
terdampak_kk: {number % 200}
mengungsi_jiwa: {number % 90}
pengungsian: [Balai Desa {village}]
kebutuhan: [air-bersih, selimut]
rentan: {{lansia: {number % 12}, balita: {number % 15}}}
pelapor: Sekretaris KSB
status:
- status: belum-diverifikasi
  waktu: '{received.isoformat()}'
{confirmed}berlaku_sampai: '{(received + dt.timedelta(hours=24)).isoformat()}'
"""
    return f"laporan/{received:%Y}/{stamp}-sintetis-{number}.yml", text


def places(region_code: str) -> Iterator[tuple[str, list[str]]]:
    """(kecamatan, [village]) of a region from the official list, kecamatan by kecamatan in turn, over and over:
    synthetic KSB are samples, which may share a place (real KSB may not)."""
    from siaga.content.regions import official_list

    official = official_list()
    districts = [[(kecamatan.nama, [desa.nama]) for desa in official.children(kecamatan.kode)]
                 for kecamatan in official.children(region_code)]
    rows = [place for row in itertools.zip_longest(*districts) for place in row if place]
    return itertools.cycle(rows)


# Every other synthetic KSB has sent a situation report: thousands of reports at 4,000 and 10,000 KSB.
REPORT_EVERY = 2


def grow(content: Path, count: int) -> None:
    codes = dict(zip(REGIONS, ["36.01", "36.02", "36.03", "36.04", "36.71", "36.72", "36.73", "36.74"], strict=True))
    made = {region: places(code) for region, code in codes.items()}
    newest = dt.datetime.now(dt.timezone(dt.timedelta(hours=7))).replace(second=0, microsecond=0) - dt.timedelta(hours=1)
    for number in range(count):
        region = REGIONS[number % len(REGIONS)]
        kecamatan, villages = next(made[region])
        folder = content / "ksb" / region
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"sintetis-{number}.yml").write_text(synthetic_ksb(number, kecamatan, villages), encoding="utf-8")
        if number % REPORT_EVERY == 0:  # one report an hour, going back in time: the newest still stand
            path, text = synthetic_report(number, region, villages[0], newest - dt.timedelta(hours=number // REPORT_EVERY))
            (content / path).parent.mkdir(parents=True, exist_ok=True)
            (content / path).write_text(text, encoding="utf-8")


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


# One whole `siaga build` in a process of its own: its steps' times and peak memory (the build process's,
# and its child processes': Pagefind and the forked page renderers) come back as JSON on the last line.
_BUILD = """
import json, resource, sys, time
from pathlib import Path
from siaga.build import Project, Timings, build
timings = Timings()
started = time.perf_counter()
build(Project(Path(sys.argv[1])), timings=timings)
print(json.dumps({"total": time.perf_counter() - started, "steps": timings.steps,
                  "own_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "child_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def _build(project: Path, env: dict[str, str]) -> dict:
    done = subprocess.run([sys.executable, "-c", _BUILD, str(project)], cwd=project, env=env, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def first_visits(site: Path, paths: dict[str, str]) -> dict[str, tuple[float, str]]:
    """KB (gzip, as a host sends them) a first visit to each page transfers in Chromium, everything fetched until
    the network is idle included (Material's sitemap fetch among it), and the largest thing fetched."""
    from browser_support import chromium, first_visit, serving_compressed

    measured = {}
    with serving_compressed(site) as (address, sent), chromium() as browser:
        for kind, path in paths.items():
            fetched = first_visit(browser, address, sent, path)
            largest = max(fetched, key=fetched.__getitem__)
            measured[kind] = (sum(fetched.values()) / 1024, f"{largest} {fetched[largest] / 1024:.0f}")
    return measured


def page_kinds(site: Path) -> dict[str, str]:
    """One address per kind of page, the largest region page among them, and the 404 page by a missing address."""
    region = max((site / "ksb").glob("*/index.html"), key=lambda path: path.stat().st_size).parent
    ksb_page = next(path for path in sorted(region.glob("*/index.html")))
    kinds = {"beranda": "/", "darurat": "/darurat/", "panduan": "/panduan/", "panduan tsunami": "/panduan/tsunami/",
             "ksb": "/ksb/", "wilayah terbesar": f"/ksb/{region.name}/", "halaman KSB": f"/ksb/{region.name}/{ksb_page.parent.name}/",
             "poster": f"/ksb/{region.name}/{ksb_page.parent.name}/poster/", "kontak": "/kontak/", "kebutuhan": "/kebutuhan/",
             "data": "/data/", "fgd": "/fgd/", "tentang": "/tentang/", "pengelola": "/pengelola/", "404": "/tidak-ada/",
             "laporan": "/laporan/"}
    report = next(iter(sorted((site / "laporan").glob("[0-9]*/*/index.html"))), None)
    if report is not None:
        kinds["halaman laporan"] = "/" + report.parent.relative_to(site).as_posix() + "/"
    return {kind: path for kind, path in kinds.items() if path == "/tidak-ada/" or (site / path.strip("/") / "index.html").is_file()}


def preview_seconds(project: Path, env: dict[str, str]) -> float:
    """`siaga serve` on the grown project: seconds from saving an edited KSB file to the edited page being served."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "siaga", "--root", str(project), "serve", "--addr", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    edited = next((project / "content" / "ksb").glob("*/sintetis-7.yml"))
    url = f"http://127.0.0.1:{port}/ksb/{edited.parent.name}/{edited.stem}/"
    original = edited.read_text(encoding="utf-8")
    waits = []
    try:
        _served(url, "KSB Sintetis 7", timeout=1800)
        for edit in range(3):  # three saves, a few seconds apart as a maintainer makes them: the middle one counts
            time.sleep(3)
            edited.write_text(original.replace("nama: KSB Sintetis 7\n", f"nama: KSB Sintetis 7 Diubah {edit}\n"), encoding="utf-8")
            saved = time.perf_counter()
            _served(url, f"KSB Sintetis 7 Diubah {edit}", timeout=300)
            waits.append(time.perf_counter() - saved)
        return sorted(waits)[1]
    finally:
        server.terminate()
        server.wait(timeout=30)


def _served(url: str, text: str, timeout: float) -> None:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{url} did not show {text!r}")


def measure(count: int, preview: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="siaga-bench-") as folder:
        project = Path(folder)
        for name in ("content", "overrides", "mkdocs.yml"):
            source = ROOT / name
            (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
        (project / "docs").mkdir()
        grow(project / "content", count - sum(1 for _ in (ROOT / "content/ksb").rglob("*.yml")))
        env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
        # A first build on a fresh clone (no QR codes kept yet), then the build a maintainer or a CI job with
        # its cache makes, then a bare `mkdocs build` of the same generated pages, all in the same run.
        # The next build and the bare one are each run twice, and the faster run counts: on a shared machine one
        # run can be slowed by anything else, and the best of two compares the work, not the neighbours.
        # They take turns (build, bare, build, bare), so that neither gains from coming later.
        cold = _build(project, env)
        builds, bares = [], []
        for _ in range(REPEATS):
            builds.append(_build(project, env))
            bares.append(_run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml", "-d", str(project / "bare")],
                              project, env))
        warm, bare = min(builds, key=lambda run: run["total"]), min(bares)
        site = (project / "site").resolve()
        size = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
        ksb_pages = [path for path in (site / "ksb").glob("*/*/index.html")]
        per_page = sum(path.stat().st_size for path in ksb_pages) / len(ksb_pages)
        visits = first_visits(site, page_kinds(site))
        heaviest = max(visits, key=lambda kind: visits[kind][0])
        region = max((site / "ksb").glob("*/index.html"), key=lambda path: path.stat().st_size)
        mkdocs = warm["steps"]["MkDocs"]
        return {
            "reports": sum(1 for _ in (project / "content" / "laporan").rglob("*.yml")),
            "count": count, "cold": cold["total"], "total": warm["total"], "ms_per_ksb": warm["total"] / count * 1000,
            "tool": warm["total"] - mkdocs, "mkdocs": mkdocs, "bare": bare, "ratio": warm["total"] / bare,
            "peak_mb": max(cold["own_mb"], warm["own_mb"]), "children_mb": max(cold["child_mb"], warm["child_mb"]),
            "site_mb": size / 1e6, "bytes_per_ksb_page": per_page,
            "visits": visits, "heaviest": heaviest, "heaviest_kb": visits[heaviest][0],
            "sitemap_kb": (site / "sitemap.xml").stat().st_size / 1024,
            "region_ksb": region.read_text(encoding="utf-8").count("Posko:"), "region_kb": region.stat().st_size / 1024,
            "region_gz_kb": len(gzip.compress(region.read_bytes(), 6)) / 1024,
            "preview": preview_seconds(project, env) if preview else None,
            "steps": warm["steps"],
        }


def table(rows: list[dict]) -> str:
    header = ("| KSB | reports | first build s | build s | ms/KSB | tool s | MkDocs s | bare mkdocs s | build ÷ bare | peak MB build | "
              "peak MB children | site MB | bytes/KSB page | heaviest first visit KB gz | "
              "largest region page (KSB, KB, KB gz) | preview s |")
    lines = [header, "|" + "---|" * 16]
    for r in rows:
        preview = f"{r['preview']:.1f}" if r["preview"] is not None else "not measured"
        lines.append(f"| {r['count']:,} | {r['reports']:,} | {r['cold']:.1f} | {r['total']:.1f} | {r['ms_per_ksb']:.1f} | "
                     f"{r['tool']:.1f} | "
                     f"{r['mkdocs']:.1f} | "
                     f"{r['bare']:.1f} | {r['ratio']:.2f} | {r['peak_mb']:.0f} | {r['children_mb']:.0f} | {r['site_mb']:.1f} | "
                     f"{r['bytes_per_ksb_page']:,.0f} | {r['heaviest_kb']:.0f} ({r['heaviest']}) | "
                     f"{r['region_ksb']:,}, {r['region_kb']:,.0f}, {r['region_gz_kb']:.0f} | {preview} |")
    return "\n".join(lines)


def visits_table(rows: list[dict]) -> str:
    """The first visit of each page kind, per size: KB gzip until the network is idle, and the largest thing fetched."""
    kinds = list(rows[0]["visits"])
    lines = ["| page | " + " | ".join(f"{r['count']:,} KSB: KB gz (largest fetch, KB)" for r in rows) + " |",
             "|---|" + "---|" * len(rows)]
    lines += [f"| {kind} | " + " | ".join(f"{r['visits'][kind][0]:.0f} ({r['visits'][kind][1]})" if kind in r["visits"] else "-"
                                         for r in rows) + " |" for kind in kinds]
    lines.append("| sitemap.xml, bytes on disk | " + " | ".join(f"{r['sitemap_kb'] * 1024:,.0f}" for r in rows) + " |")
    return "\n".join(lines)


def steps(rows: list[dict]) -> str:
    """Each step of the second build, per size: where the time goes."""
    names = list(rows[0]["steps"])
    lines = ["| step | " + " | ".join(f"{r['count']:,} KSB s" for r in rows) + " |", "|---|" + "---|" * len(rows)]
    lines += [f"| {name} | " + " | ".join(f"{r['steps'].get(name, 0):.1f}" for r in rows) + " |" for name in names]
    return "\n".join(lines)


def main(sizes: list[int]) -> int:
    rows = []
    for count in sizes:
        rows.append(measure(count, preview=count == PREVIEW_SIZE))
        print(table(rows), flush=True)
        write_results(rows)  # after each size: a long run stopped early keeps what it measured
    return 0


def write_results(rows: list[dict]) -> None:
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}"
    report = (f"# Benchmark results\n\n{dt.date.today().isoformat()}, `make bench` on {machine}.\n"
              "First build = a fresh clone (no QR codes kept in .build/cache yet); build = the next one, as a maintainer "
              f"or a CI job with its cache makes it (the faster of {REPEATS} runs, as is the bare build). "
              "Tool = everything but MkDocs' own step in that build (MkDocs runs in a process of its own). Peak MB: "
              "the build process, and the largest of its child processes (MkDocs, Pagefind, the forked page renderers; a forked "
              "process counts the pages it shares with the build). First visit: Chromium at 360 px with an empty cache, the "
              "site served gzip-compressed as a host does, every byte fetched until the network has been idle for half a "
              "second (the service worker blocked: what it saves for offline reading comes after, in the background). "
              "Preview = `siaga serve`, seconds from saving "
              f"an edited KSB file to the page showing the edit, at {PREVIEW_SIZE:,} KSB (the median of three saves). "
              f"At 4,000 KSB each region has 500. Every {REPORT_EVERY}nd synthetic KSB has sent one situation report.\n"
              "Timings on this shared machine are noisy: compare columns of the same run.\n\n" + table(rows) +
              "\n\nFirst visit of each page kind:\n\n" + visits_table(rows) +
              "\n\nSteps of that build (the faster run):\n\n" + steps(rows) + "\n")
    (ROOT / "bench").mkdir(exist_ok=True)
    (ROOT / "bench" / "RESULTS.md").write_text(report, encoding="utf-8")


PREVIEW_SIZE = 4000
REPEATS = 2

if __name__ == "__main__":
    raise SystemExit(main([int(arg) for arg in sys.argv[1:]] or [1000, 4000, 10000]))
