"""The pipeline as a maintainer meets it: the command, its exit code, and a site/ that only changes on success."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import KSB_MINIMAL, REPO, TODAY, page, site_files, write
from siaga.build import build

CASES = {
    "yaml": ("ksb/kab-lebak/x.yml", "nama: [\n"),
    "unknown-field": ("ksb/kab-lebak/x.yml", KSB_MINIMAL + "warna: merah\n"),
    "wrong-type": ("ksb/kab-lebak/x.yml", KSB_MINIMAL + "relawan: banyak\n"),
    "unknown-hazard": ("ksb/kab-lebak/x.yml", KSB_MINIMAL + "ancaman: [banjr]\n"),
    "region-folder": ("ksb/kab-lebk/x.yml", KSB_MINIMAL),
    "phone": ("ksb/kab-lebak/x.yml", KSB_MINIMAL.replace("0812-0000-0101", "0812-ABC")),
    "date": ("ksb/kab-lebak/x.yml", KSB_MINIMAL + "diperbarui: 2025-13-01\n"),
    "duplicate": ("ksb/kab-lebak/tiruan-sukamaju.yml", None),
    "not-utf8": ("ksb/kab-lebak/x.yml", b"nama: Caf\xe9\n"),
    "empty": ("ksb/kab-lebak/x.yml", ""),
    "front-matter": ("fgd/2025-10-01-rapat.md", "---\njudul: Rapat\n"),
    "consent": ("ksb/kab-lebak/x.yml", KSB_MINIMAL + "pengurus:\n  - {nama: A, jabatan: ketua, publik: true}\n"),
}


def run_cli(project, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "scripts")}
    return subprocess.run([sys.executable, "-m", "siaga", "--root", str(project.root), *args],
                          capture_output=True, text=True, env=env, check=False)


def fingerprint(folder) -> dict[str, tuple[str, int]]:
    return {str(path.relative_to(folder)): (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.mark.parametrize("case", sorted(CASES))
def test_content_mistake_stops_the_build_and_leaves_site_untouched(project, case):
    assert run_cli(project, "build").returncode == 0
    site_before, docs_before = fingerprint(project.site), fingerprint(project.docs)
    relative, text = CASES[case]
    if text is None:  # the same KSB again under another file name
        text = (project.content / "ksb/kab-lebak/sukamaju.yml").read_text(encoding="utf-8")
    write(project, relative, text)

    result = run_cli(project, "build")

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"content/{relative}:"), first
    line, column = first.split(":")[1:3]
    assert line.isdigit() and column.isdigit()
    assert fingerprint(project.site) == site_before
    assert fingerprint(project.docs) == docs_before


def test_validate_reports_all_problems_and_writes_nothing(project):
    write(project, "ksb/kab-lebak/a.yml", KSB_MINIMAL.replace("KSB Uji", "KSB A") + "relawan: x\n")
    write(project, "ksb/kota-serang/b.yml", KSB_MINIMAL.replace("KSB Uji", "KSB B").replace("0812-0000-0101", "12"))
    result = run_cli(project, "validate")
    assert result.returncode == 1
    assert [line.split(":")[0] for line in result.stderr.splitlines() if line.startswith("content/")] == [
        "content/ksb/kab-lebak/a.yml", "content/ksb/kota-serang/b.yml"]
    assert not (project.root / "site").exists()
    assert list(project.docs.iterdir()) == []


def test_mkdocs_failure_leaves_the_last_good_site(project):
    assert run_cli(project, "build").returncode == 0
    before = fingerprint(project.site)
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - Tentang: tentang.md", "  - Hilang: hilang.md"), encoding="utf-8")
    result = run_cli(project, "build", "--strict")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "site/ tidak berubah" in result.stderr
    assert fingerprint(project.site) == before


def test_successful_build_replaces_the_site_and_removes_stale_pages(project):
    assert run_cli(project, "build").returncode == 0
    (project.content / "ksb/kota-serang/cipare.yml").unlink()
    result = run_cli(project, "build")
    assert result.returncode == 0, result.stderr
    assert not (project.site / "ksb/kota-serang/cipare").exists()
    assert not (project.docs / "ksb/kota-serang/cipare.md").exists()
    assert not any(path.name.endswith(".old") for path in project.root.rglob("*"))


def test_check_builds_strictly_without_touching_site(project):
    result = run_cli(project, "check")
    assert result.returncode == 0, result.stderr
    assert not project.site.exists()


# --- what typed content can and cannot do ----------------------------------------------------

HOSTILE_NAME = "KSB *Suka* | Maju <b>x</b> [x](https://evil.example)"


def test_hostile_name_shows_exactly_as_typed_in_title_heading_and_tables(golden_site):
    project, _ = golden_site
    ksb_page = page(project, "/ksb/kab-lebak/sukamaju/")
    assert ksb_page.title.get_text() == f"{HOSTILE_NAME} - Siaga Banten"
    assert ksb_page.select_one("article h1").get_text() == HOSTILE_NAME
    assert ksb_page.select_one('meta[name="description"]')["content"].startswith(HOSTILE_NAME)
    region = page(project, "/ksb/kab-lebak/")
    assert region.select_one("article li strong a").get_text() == HOSTILE_NAME
    contacts = page(project, "/kontak/")
    row = next(tr for tr in contacts.select("article tbody tr") if HOSTILE_NAME in tr.get_text())
    assert row.select("td a")[0].get_text() == HOSTILE_NAME
    assert len(row.select("td")) == 4, "the | must not split the table row"


def test_typed_markup_never_becomes_a_link_a_tag_or_a_template(golden_site):
    project, _ = golden_site
    for path in site_files(project):
        if path.suffix != ".html":
            continue
        soup = page(project, str(path.parent.relative_to(project.site)))
        article = soup.select_one("article")
        assert not article.select('a[href*="evil.example"], a[href^="javascript:"], script, b')
    ksb_text = page(project, "/ksb/kab-lebak/sukamaju/").select_one("article").get_text(" ")
    assert "Desa {{ 7*7 }} {% raw %}" in ksb_text
    assert "Ketua [Publik](javascript:alert(1))" in ksb_text
    assert "Kec_amatan #1" in ksb_text
    fgd_text = page(project, "/fgd/2025-09-10-fgd-uji/").select_one("article").get_text(" ")
    assert "<script>alert(1)</script>" in fgd_text and "{{ 7*7 }}" in fgd_text
    guide = page(project, "/panduan/banjir/").select_one("article")
    assert guide.find("code", string="<div>"), "inline code shows its characters"
    assert guide.select_one('a[href="https://bmkg.example/peringatan"]'), "autolinks still work"
    assert "<script>alert(2)</script>" in guide.select_one("pre code").get_text(), "a fenced block shows its code"
    assert '<div onclick="alert(3)">bukan HTML</div>' in guide.get_text()
    assert not guide.select('[onclick], a[href^="javascript:"], a[href^="data:"], img[src^="https:"]')
    assert guide.find(string="Jangan diklik") and guide.find(string="gambar dari host lain")
    assert guide.select_one('a[href="./#saat"]'), "a link to a page of the site works in a body"
    # The home page, the guides and the 404 page write numbers into our own HTML: still text there.
    hostile_number = 'Polisi <b>uji</b> & "kutip" {{ 7*7 }}'
    for built in ("index.html", "panduan/banjir/index.html", "404.html"):
        soup = BeautifulSoup((project.site / built).read_text(encoding="utf-8"), "html.parser")
        assert hostile_number in soup.select_one("article").get_text(), built
        assert not soup.select_one("article").select("b, script"), built


def test_consent_withdrawal_removes_the_person_on_the_next_build(project):
    build(project)
    assert "Ketua [Publik]" in (project.site / "ksb/kab-lebak/sukamaju/index.html").read_text(encoding="utf-8")
    path = project.content / "ksb/kab-lebak/sukamaju.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("pengurus:\n")  # the only board member: the whole list goes
    path.write_text(text[:start] + text[text.index("persetujuan:", start):].split("\n", 1)[1], encoding="utf-8")
    build(project)
    for file in site_files(project):
        data = file.read_bytes()
        assert b"Ketua [Publik]" not in data and b"0812-0000-0002" not in data and b"6281200000002" not in data, file


def test_missing_site_address_stops_the_build_with_a_clear_message(project):
    assert run_cli(project, "build").returncode == 0
    site_before = fingerprint(project.site)
    config = project.config.read_text(encoding="utf-8")
    project.config.write_text("\n".join(line for line in config.splitlines() if not line.startswith("site_url:")) + "\n", encoding="utf-8")

    result = run_cli(project, "build")

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "site_url harus berisi alamat situs lengkap" in result.stderr
    assert fingerprint(project.site) == site_before


def test_build_warns_while_the_site_has_the_example_address_and_uses_the_real_one_when_set(project):
    placeholder = run_cli(project, "build")
    assert placeholder.returncode == 0
    assert "Peringatan: alamat situs masih https://siagabanten.example/" in placeholder.stderr

    env = {**os.environ, "PYTHONPATH": str(REPO / "scripts"), "SIAGA_SITE_URL": "https://siaga.banten.test"}
    real = subprocess.run([sys.executable, "-m", "siaga", "--root", str(project.root), "build"],
                          capture_output=True, text=True, env=env, check=False)
    assert real.returncode == 0
    assert "Peringatan" not in real.stderr
    assert "https://siaga.banten.test/ksb/kab-lebak/sukamaju/" in (project.site / "data/ksb.csv").read_text(encoding="utf-8")
    assert "siagabanten.example" not in (project.site / "feed.xml").read_text(encoding="utf-8")


def test_pages_rendered_in_forked_processes_are_the_pages_of_a_serial_run(golden_site, monkeypatch):
    """Past render.PARALLEL_FROM pages the work is shared between processes; the pages must not change."""
    from siaga.exports.files import export_files
    from siaga.pages import render
    from siaga.published.urls import SiteUrls

    project, content = golden_site
    urls = SiteUrls.from_config(project.config)
    downloads = export_files(content, urls).downloads
    serial = render.render_pages(content, urls, downloads)
    monkeypatch.setattr(render, "PARALLEL_FROM", 0)
    monkeypatch.setattr(render.os, "cpu_count", lambda: 3)
    monkeypatch.setattr(render.threading, "active_count", lambda: 1)  # a test server thread may be alive
    forks = []
    get_context = render.multiprocessing.get_context
    monkeypatch.setattr(render.multiprocessing, "get_context", lambda method: forks.append(method) or get_context(method))
    shared = render.render_pages(content, urls, downloads)
    assert forks == ["fork"], "the pages were rendered in forked processes"
    assert list(shared.items()) == list(serial.items())


def test_zensical_config_carries_the_theme_values_as_data(project):
    """``make zensical`` builds from a generated copy of mkdocs.yml: the 404 page's numbers must be in it, read back
    as the same values whatever characters they hold (JSON inside YAML), and the site goes to its own folder."""
    import yaml
    from mkdocs.utils.yaml import get_yaml_loader

    from siaga.build import theme_extra
    from siaga.content.validate import load_and_validate
    from zensical_config import zensical_config

    content = load_and_validate(project.content, today=TODAY)
    extra = theme_extra(content)
    extra["panel_darurat"]["lain"].append({"nomor": "112", "nama": 'Uji "kutip": {{ 7*7 }} # bukan komentar',
                                           "href": "tel:112", "telepon": True})
    extra["panel_darurat"]["catatan"] = "112: belum # terverifikasi: {% raw %}"
    config = yaml.load(zensical_config(project.config.read_text(encoding="utf-8"), extra), Loader=get_yaml_loader())
    assert config["extra"]["panel_darurat"] == extra["panel_darurat"]
    assert config["site_dir"] == ".build/zensical"
    assert config["theme"]["variant"] == "classic"
