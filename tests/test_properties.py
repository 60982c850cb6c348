"""Property-based tests (Hypothesis): whatever text arrives, only our own content error is raised,
and no HTML we generate from it holds a live tag, an event attribute or an unsafe link target.
"""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import markdown
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from conftest import GOLDEN_CONTENT, TODAY
from siaga.content.errors import ContentInvalid
from siaga.content.load import _LIMITS, _refusals, _yaml
from siaga.content.positioned import YamlList, YamlMap, compose, from_ruamel
from siaga.content.validate import load_and_validate
from siaga.pages import mdtext

EXAMPLES = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# The tags and attributes our templates and renderers write into an article; nothing else may appear.
ALLOWED_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "strong", "em", "code", "pre", "blockquote",
    "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "img", "div", "span",
}
SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}

# Text that leans on what breaks things: markup, templates, YAML syntax, control and odd characters.
NASTY = st.lists(
    st.one_of(
        st.sampled_from(list("<>&\"'`*_[]()!#|{}%:-=\\/\n\t ;@.?")),
        st.sampled_from(["<script>", "</div>", "javascript:", "onerror=", "{{ 7*7 }}", "{%", "&#106;", "```", "    ", "---",
                         "- [ ] ", "## ", "<!--", "![x](", "](", "<https://x.example>", "\r\n", "\u202e", "\ufeff"]),
        st.characters(codec="utf-8"),
    ),
    max_size=60,
).map("".join)


class _Audit(HTMLParser):
    """Every tag, attribute and link target in a piece of HTML, as a browser would read them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in ("style", "srcdoc", "formaction"):
                self.problems.append(f"attribute {name} on <{tag}>")
            if name in ("href", "src") and urlsplit((value or "").strip()).scheme.lower() not in SAFE_SCHEMES:
                self.problems.append(f"{name}={value!r}")


def audit(html_text: str) -> list[str]:
    parser = _Audit()
    parser.feed(html_text)
    parser.close()
    return parser.problems


@pytest.fixture(scope="module")
def content_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("sifat") / "content"
    shutil.copytree(GOLDEN_CONTENT, folder)
    return folder


def _only_our_error(content_dir: Path, relative: str, data: bytes) -> None:
    path = content_dir / relative
    path.write_bytes(data)
    try:
        load_and_validate(content_dir, today=TODAY)
    except ContentInvalid as error:
        assert error.errors and all(str(problem).startswith("content/") for problem in error.errors)
    finally:
        path.unlink()


@EXAMPLES
@given(NASTY)
@example(":")  # a key that is no name
@example("-_")  # YAML 1.2 reads it as a number without digits, which ruamel's reader fails on
def test_any_yaml_text_gives_our_error_or_valid_content(content_dir, text):
    _only_our_error(content_dir, "ksb/kab-lebak/acak.yml", text.encode("utf-8", "surrogatepass"))


_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), NASTY),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(NASTY, children, max_size=4),
    max_leaves=20,
)


@EXAMPLES
@given(st.dictionaries(st.sampled_from(["judul", "ringkasan", "sumber", "ditinjau", "nomor", "segera", "urutan", "ancaman"]) | NASTY,
                       _VALUES, max_size=8), NASTY)
def test_any_front_matter_and_body_give_our_error_or_valid_content(content_dir, front_matter, body):
    import io

    stream = io.StringIO()
    try:
        YAML().dump(front_matter, stream)
    except Exception:
        return
    _only_our_error(content_dir, "panduan/acak.md", f"---\n{stream.getvalue()}---\n{body}".encode("utf-8", "surrogatepass"))


@EXAMPLES
@given(NASTY)
def test_any_markdown_body_gives_no_live_tag_event_or_unsafe_link(body):
    rendered = mdtext.body(body, "panduan/acak.md")
    # The page's Markdown is converted by MkDocs with our raw HTML blocks passed through as they are.
    html_text = markdown.Markdown(extensions=["tables", "admonition", "toc"]).convert(rendered)
    assert audit(html_text) == []


@EXAMPLES
@given(NASTY, NASTY)
def test_any_value_in_a_template_stays_text(value, url):
    line = f"{mdtext.escape(value)} | {mdtext.link(value, url)}\n\n| A | B |\n|---|---|\n| {mdtext.escape(value)} | x |\n"
    html_text = markdown.Markdown(extensions=["tables", "admonition", "toc"]).convert(line)
    assert audit(html_text) == []


# YAML scalars where YAML 1.1 and 1.2, and the number and date rules, part ways.
_TRICKY_SCALARS = st.sampled_from([
    "yes", "no", "on", "off", "y", "~", "null", "Null", "true", "False", "0o17", "017", "-017", "0x1F", "1_000", "1e3",
    "1.", ".5", ".inf", "-.Inf", ".NaN", "2025-02-30", "2025-1-2 3:04:05", "+62812", "081312345678", "0", "-0", "12:30",
    "'quoted'", '"tab\\t"', "|\n  block\n", ">-\n  folded\n  text\n", "&a anchored", "!!str 12", "=", "<<",
    "*a", "&b [1, *b]", "! x", "!x y", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", "x" * 10_001,
])


def _same_reading(fast: object, slow: object) -> bool:
    """Equal values of the same types, and in every mapping and sequence the same positions."""
    if type(fast) is not type(slow) or len(getattr(fast, "positions", ())) != len(getattr(slow, "positions", ())):
        return False
    if isinstance(fast, YamlMap):
        # An empty value: libyaml places it just after its colon, ruamel at the next token, often the
        # next line. The key's own position is the same; the model reports such a value at its key line.
        placed = all(fast.positions[key][:2] == slow.positions[key][:2] if fast[key] is None else
                     fast.positions[key] == slow.positions[key] for key in fast)
        return placed and list(fast) == list(slow) and all(map(_same_reading, fast.values(), slow.values()))
    if isinstance(fast, YamlList):
        return fast.positions == slow.positions and len(fast) == len(slow) and all(map(_same_reading, fast, slow))
    return fast == slow or (fast != fast and slow != slow)  # NaN is unequal to itself


@EXAMPLES
@given(st.dictionaries(NASTY | _TRICKY_SCALARS, _VALUES | _TRICKY_SCALARS, max_size=8), st.booleans(), NASTY)
def test_libyaml_reads_every_file_exactly_as_ruamel_does(mapping, flow, tail):
    """The fast reader (libyaml) must give the values and positions ruamel gives, or hand the file to ruamel."""
    import io

    stream = io.StringIO()
    writer = YAML()
    writer.default_flow_style = flow
    try:
        writer.dump(mapping, stream)
    except Exception:
        return
    for text in (stream.getvalue(), stream.getvalue() + tail, "\n".join(f"k{i}: {v}" for i, v in enumerate(mapping))):
        composed, fast = compose(text, _LIMITS)
        if not composed:
            continue
        # The fast reader runs first: it must never accept what the event check refuses.
        assert _refusals(Path("x.yml"), text, 0) == [], text
        try:
            slow = from_ruamel(_yaml().load(text))
        except YAMLError:
            # ruamel is stricter than libyaml (the YAML reference parser) in a few corners: a tab as the
            # separating space it may be, a block scalar at its parent's indentation. Such a file is
            # read, then validated like any other (see the tests above).
            continue
        assert _same_reading(fast, slow), text


def test_libyaml_reads_the_bundled_content_as_ruamel_does():
    files = [*Path("content").rglob("*.yml"), *GOLDEN_CONTENT.rglob("*.yml")]
    for path in files:
        text = path.read_text(encoding="utf-8")
        composed, fast = compose(text, _LIMITS)
        # A "!" anywhere (SP4N-LAPOR! is a service's name) hands the file to ruamel: nothing to compare then.
        assert composed or "!" in text, path
        if composed:
            assert _same_reading(fast, from_ruamel(_yaml().load(text))), path


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: *x\n", "a: &x {c: 1}\nb:\n  <<: *x\n", "a: !penting 1\n", "a: ! 1\n",
    "a: " + "[" * 31 + "]" * 31 + "\n", "a: [" + ", ".join(["1"] * 20_000) + "]\n", "a: " + "x" * 10_001 + "\n",
])
def test_the_fast_reader_hands_over_every_file_the_event_check_refuses(text):
    assert _refusals(Path("x.yml"), text, 0), "the event check refuses it"
    assert compose(text, _LIMITS) == (False, None)
