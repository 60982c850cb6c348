"""Builds that hold up: two at once, a crash at any step, the same bytes twice, links that lead somewhere,
nothing loaded from elsewhere, and proof of who consented."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import os
import re
import subprocess
import sys
import time

import pytest

from conftest import GOLDEN_CONTENT, KSB_MINIMAL, REPO, TODAY, make_project, readable_bytes
from siaga import build as pipeline
from siaga.content.errors import BuildFailed, ContentInvalid
from siaga.pages import mdtext
from siaga.published.urls import SiteUrls
from siaga.site import linkcheck, publish

ENV = {**os.environ, "PYTHONPATH": str(REPO / "scripts")}


def contents(site) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(site.rglob("*")) if path.is_file()}


def start_build(project, output: int = subprocess.PIPE) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "siaga", "--root", str(project.root), "build"],
                            stdout=output, stderr=output, text=True, env=ENV)


# --- two builds at once ------------------------------------------------------------------------


def test_two_builds_at_once_take_turns_and_publish_a_whole_site(project):
    pipeline.build(project, today=TODAY)
    expected = set(contents(project.site))
    first, second = start_build(project), start_build(project)
    outputs = [process.communicate(timeout=300) for process in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], outputs
    waited = [stderr for _, stderr in outputs if publish.WAITING in stderr]
    assert len(waited) == 1, "the second build says in one line that it waits"
    assert set(contents(project.site)) == expected
    assert project.site.is_symlink() and (project.site / "index.html").is_file()
    builds = sorted((project.scratch / "sites").iterdir())
    assert len(builds) <= 2, "the previous build stays for readers mid-request, older ones go"


# A build with its work logged: when it starts generating docs/ and when its site is published.
_LOGGED_BUILD = """
import sys, time
from siaga import build as pipeline
from siaga import cli

log = sys.argv[1]


def logged(name, real):
    def step(*args, **kwargs):
        with open(log, "a", encoding="utf-8") as stream:
            stream.write(f"{name} {time.time()}\\n")
        return real(*args, **kwargs)
    return step


pipeline.generate = logged("mulai", pipeline.generate)
pipeline.publish = logged("pasang", pipeline.publish)
sys.exit(cli.main(sys.argv[2:]))
"""


def test_two_builds_at_once_never_overlap(project, tmp_path):
    """Each build works alone from generating docs/ to publishing: without the lock both exit 0, but one
    rewrites docs/ while the other's MkDocs reads it."""
    pipeline.build(project, today=TODAY)
    expected = contents(project.site)
    logs = [tmp_path / "satu.log", tmp_path / "dua.log"]
    processes = [subprocess.Popen([sys.executable, "-c", _LOGGED_BUILD, str(log), "--root", str(project.root), "build"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV) for log in logs]
    outputs = [process.communicate(timeout=300) for process in processes]
    assert [process.returncode for process in processes] == [0, 0], outputs
    spans = []
    for log in logs:
        steps = dict(line.split() for line in log.read_text(encoding="utf-8").splitlines())
        spans.append((float(steps["mulai"]), float(steps["pasang"])))
    (_, first_end), (second_start, _) = sorted(spans)
    assert first_end <= second_start, f"the builds overlapped: {spans}"
    assert contents(project.site) == expected, "the published site is whole"


def test_a_reader_never_sees_the_site_missing_during_a_swap(project):
    pipeline.build(project, today=TODAY)
    process = start_build(project, subprocess.DEVNULL)
    seen_missing = 0
    while process.poll() is None:
        if not (project.site / "index.html").is_file():
            seen_missing += 1
        time.sleep(0.002)
    assert process.returncode == 0 and seen_missing == 0


# What changes the file system, as Python's audit hooks name it (each is raised just before it happens).
_FILE_SYSTEM_STEPS = {"os.remove", "os.rename", "os.symlink", "os.link", "os.rmdir", "os.truncate", "shutil.rmtree", "shutil.move"}


def test_at_every_file_system_step_of_a_build_a_reader_finds_a_whole_site(project):
    """A reader polling the site can miss a gap of microseconds; this looks at the reader's view between
    every two steps the build takes on the file system, so a swap that leaves a gap fails every time."""
    pipeline.build(project, today=TODAY)
    index = project.site / "index.html"
    views: list[tuple[str, bool]] = []
    state = {"watching": True, "busy": False}

    def reader_view(event: str, args: tuple) -> None:
        if not state["watching"] or state["busy"] or event not in _FILE_SYSTEM_STEPS:
            return
        state["busy"] = True  # reading the page raises audit events of its own
        try:
            views.append((event, index.is_file() and b"</html>" in index.read_bytes()))
        finally:
            state["busy"] = False

    sys.addaudithook(reader_view)  # hooks cannot be removed: this one stops watching when the test ends
    try:
        pipeline.build(project, today=TODAY)
    finally:
        state["watching"] = False
    assert "os.rename" in {event for event, _ in views}, "the swap itself was watched"
    assert [event for event, whole in views if not whole] == []
    assert index.is_file()


# --- crashes -----------------------------------------------------------------------------------


def test_crash_during_mkdocs_leaves_the_site_and_no_half_build(project, monkeypatch):
    pipeline.build(project, today=TODAY)
    before = contents(project.site)

    def crash(*args, **kwargs):
        raise KeyboardInterrupt  # the machine, the user or CI stops the build

    monkeypatch.setattr(pipeline, "run_mkdocs", crash)
    with pytest.raises(KeyboardInterrupt):
        pipeline.build(project, today=TODAY)
    assert contents(project.site) == before
    assert [path.resolve() for path in (project.scratch / "sites").iterdir()] == [project.site.resolve()]


def test_crash_at_the_swap_leaves_the_old_site_in_place(project, monkeypatch):
    pipeline.build(project, today=TODAY)
    before = contents(project.site)
    real_replace = os.replace

    def crash(source, target):
        if str(target).endswith("site"):
            raise OSError("disk penuh")
        return real_replace(source, target)

    monkeypatch.setattr(publish.os, "replace", crash)
    with pytest.raises(OSError):
        pipeline.build(project, today=TODAY)
    assert contents(project.site) == before
    monkeypatch.undo()
    pipeline.build(project, today=TODAY)
    assert contents(project.site) == before


def test_a_build_first_restores_a_site_an_old_crash_left_behind(project):
    pipeline.build(project, today=TODAY)
    before = contents(project.site)
    # What a crash between the two renames of the old swap left: no site/, the last good one in .build.
    real = project.site.resolve()
    project.site.unlink()
    real.rename(project.scratch / "site.old")
    (project.content / "ksb/kab-lebak/rusak.yml").write_text("nama: [\n", encoding="utf-8")
    with pytest.raises(ContentInvalid):
        pipeline.build(project, today=TODAY)
    assert contents(project.site) == before


def test_a_site_link_to_a_deleted_build_points_again_at_the_newest_complete_one(project):
    pipeline.build(project, today=TODAY)
    before = contents(project.site)
    spare = project.scratch / "sites" / "cadangan"
    subprocess.run(["cp", "-r", str(project.site.resolve()), str(spare)], check=True)
    import shutil

    shutil.rmtree(project.site.resolve())
    assert not project.site.exists()
    publish.recover(project.site, project.scratch)
    assert contents(project.site) == before


# --- identical rebuilds ------------------------------------------------------------------------


def test_two_builds_of_the_same_content_are_byte_identical_whatever_the_day(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = make_project(tmp_path / "satu", GOLDEN_CONTENT)
    pipeline.build(first, today=TODAY)
    time.sleep(1.1)  # another second on the clock
    second = make_project(tmp_path / "dua", GOLDEN_CONTENT)
    pipeline.build(second, today=TODAY + dt.timedelta(days=40))  # and another day for validation
    assert contents(first.site) == contents(second.site)
    sitemap = (second.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2026-11-28</lastmod>" in sitemap  # the content's newest date, not the clock's


def test_builds_in_processes_with_different_hash_seeds_give_the_same_bytes(project):
    """Two builds in one process share one hash seed, so a set's order never differs between them:
    only separate processes with different ``PYTHONHASHSEED`` catch output written in set order."""
    # Enough rows and list items that two seeds giving one order by chance is out of the question.
    needs = "".join(f"  - {{barang: Barang {letter}, jumlah: 1, prioritas: sedang}}\n" for letter in "ABCDEFGH")
    for number in range(1, 9):
        (project.content / f"ksb/kab-lebak/banyak-{number}.yml").write_text(
            KSB_MINIMAL.replace("KSB Uji", f"KSB Banyak {number}") + "contoh: true\nkebutuhan:\n" + needs, encoding="utf-8")
    builds = []
    for seed in ("1", "2"):
        result = subprocess.run([sys.executable, "-m", "siaga", "--root", str(project.root), "build"],
                                capture_output=True, text=True, env={**ENV, "PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        builds.append({path: readable_bytes(project.site / path) for path in contents(project.site)})
    assert builds[0].keys() == builds[1].keys()
    assert [path for path in builds[0] if builds[0][path] != builds[1][path]] == []


def test_source_date_epoch_from_the_caller_is_respected(project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 1, 2, tzinfo=dt.UTC).timestamp())))
    pipeline.build(project, today=TODAY)
    assert "<lastmod>2026-01-02</lastmod>" in (project.site / "sitemap.xml").read_text(encoding="utf-8")


def test_today_is_banten_date_whatever_the_machine_zone():
    from siaga.content.wording import today_in_banten

    # 20:00 UTC on 27 November is already 03:00 on 28 November in Banten.
    assert today_in_banten(dt.datetime(2026, 11, 27, 20, 0, tzinfo=dt.UTC)) == dt.date(2026, 11, 28)
    assert today_in_banten(dt.datetime(2026, 11, 27, 16, 59, tzinfo=dt.UTC)) == dt.date(2026, 11, 27)


def test_a_consent_recorded_today_in_banten_is_accepted_on_a_utc_runner(project, monkeypatch):
    """A UTC runner at 01:00 UTC is at 08:00 WIB: a consent dated today in Banten is not in the future."""
    from siaga.content import validate, wording

    monkeypatch.setattr(validate, "today_in_banten", lambda: wording.today_in_banten(dt.datetime(2026, 11, 29, 1, 0, tzinfo=dt.UTC)))
    path = project.content / "ksb/kab-lebak/sukamaju.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("persetujuan: 2026-01-15", "persetujuan: 2026-11-29"), encoding="utf-8")
    validate.load_and_validate(project.content)


# --- links and hosts ---------------------------------------------------------------------------


def test_built_site_has_no_broken_internal_link_or_anchor_and_loads_nothing_from_elsewhere(bundled_site, golden_site):
    for project, _ in (bundled_site, golden_site):
        assert linkcheck.problems(project.site.resolve(), SiteUrls.from_config(project.config).base) == []


def test_the_link_check_finds_a_broken_link_a_missing_anchor_and_a_foreign_script(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text('<a href="a/">ok</a><a href="b/">rusak</a><a href="a/#ada">ok</a><a href="a/#tiada">x</a>'
                                     '<script src="https://cdn.example/x.js"></script><a href="https://other.example/">ok</a>',
                                     encoding="utf-8")
    (site / "a" / "index.html").write_text('<h2 id="ada">Ada</h2><a href="../">ok</a>', encoding="utf-8")
    assert linkcheck.problems(site, "https://siagabanten.example/") == [
        "site/index.html: jangkar tidak ada: a/#tiada",
        "site/index.html: memuat <script> dari host lain: https://cdn.example/x.js",
        "site/index.html: tautan rusak: b/",
    ]


def test_strict_build_fails_on_a_broken_link_and_keeps_the_site(project, monkeypatch):
    pipeline.build(project, today=TODAY)
    before = contents(project.site)
    real_worker = pipeline.write_service_worker

    def break_a_link(site, content):
        real_worker(site, content)
        (site / "index.html").write_text((site / "index.html").read_text(encoding="utf-8").replace('href="darurat/"', 'href="hilang/"'),
                                         encoding="utf-8")

    monkeypatch.setattr(pipeline, "write_service_worker", break_a_link)
    with pytest.raises(BuildFailed, match="tautan rusak: hilang/"):
        pipeline.build(project, strict=True, today=TODAY)
    assert contents(project.site) == before


# --- proof of consent --------------------------------------------------------------------------


def test_consent_report_lists_every_published_person_and_only_them(project):
    result = subprocess.run([sys.executable, "-m", "siaga", "--root", str(project.root), "persetujuan"],
                            capture_output=True, text=True, env=ENV, check=True)
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows[0] == ["berkas", "ksb", "nama", "jabatan", "persetujuan", "contoh"]
    from siaga.content.validate import load_and_validate

    content = load_and_validate(project.content, today=TODAY)
    published = {(person.nama, person.persetujuan.isoformat()) for e in content.ksb for person in e.record.pengurus}
    assert published and {(row[2], row[4]) for row in rows[1:]} == published
    assert "make lupakan" in result.stderr


@pytest.mark.parametrize("target", ["&#106;avascript:alert(1)", "&#x6A;avascript:alert(1)", "jav&#x09;ascript:alert(1)",
                                    "\x01javascript:alert(1)", "java\nscript:alert(1)", "&NewLine;javascript:alert(1)", "//[x]/javascript"])
def test_a_link_target_is_judged_as_the_browser_decodes_it(target):
    """Markdown passes character references into href unchanged, and the browser decodes them."""
    assert not mdtext.safe_target(target)
    assert "](" not in mdtext.link("x", target)
    body = mdtext.body(f"[Jangan diklik]({target}) dan <{target}>", "panduan/uji.md")
    hrefs = [html.unescape(href) for href in re.findall(r'href="([^"]*)"', body)]
    assert not [href for href in hrefs if "script" in href.replace("\t", "").replace("\n", "").lower()], body
