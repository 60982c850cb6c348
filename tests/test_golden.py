"""The golden site: rendering the fixed content gives exactly the checked-in pages."""

from __future__ import annotations

import difflib

from golden_site import expected_pages, golden_pages


def test_golden_pages_match_the_checked_in_expectation():
    actual, expected = golden_pages(), expected_pages()
    assert sorted(actual) == sorted(expected), "page set changed: run `make golden` and review the diff"
    for path in sorted(actual):
        if actual[path] != expected[path]:
            diff = "".join(difflib.unified_diff(expected[path].splitlines(True), actual[path].splitlines(True), "expected", "actual"))
            raise AssertionError(f"{path} differs (run `make golden` if intended):\n{diff}")


def test_rendering_twice_gives_identical_pages():
    assert golden_pages() == golden_pages()
