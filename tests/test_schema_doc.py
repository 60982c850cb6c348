"""content/SKEMA.md, the maintainer's field reference, is what the model says today."""

from __future__ import annotations

from conftest import REPO
from siaga.content import model
from siaga.content.schema_doc import SECTIONS, schema_markdown


def test_field_reference_is_up_to_date():
    committed = (REPO / "content" / "SKEMA.md").read_text(encoding="utf-8")
    assert committed == schema_markdown(), "content/SKEMA.md is stale: run `make schema`"


def test_every_content_class_and_field_is_documented():
    documented = {cls for _, cls in SECTIONS}
    content_classes = {
        cls for cls in vars(model).values()
        if isinstance(cls, type) and issubclass(cls, model.Record) and cls is not model.Record and not cls.__name__.endswith("File")
    }
    assert content_classes <= documented
    undocumented = [f"{cls.__name__}.{name}" for cls in documented for name, field in cls.model_fields.items() if not field.description]
    assert undocumented == []
