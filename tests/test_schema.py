"""Issue 12: the JSON Schemas are made from the code, and the shipped ones are up to date."""

from __future__ import annotations

import importlib.util
import json
import pathlib
import sys
from types import ModuleType

import jsonschema
import pytest

from tally import Kind, Post, Stage
from tally.examples import load
from tally.records import schema
from tally.records.vocabulary import accepted

TOOL = pathlib.Path(__file__).resolve().parent.parent / "tools" / "make_schema.py"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_schema", TOOL)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_schema", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["record", "result"])
def test_regenerating_the_schemas_changes_nothing(name: str) -> None:
    """`python tools/make_schema.py` would write exactly the shipped schemas (package and docs/):
    an enumeration changed in the code without regenerating them fails here."""
    tool = _tool()
    made = tool.build()[name]
    for path in tool.targets(name):
        assert path.read_text(encoding="utf-8") == made, f"{path} is stale: run python tools/make_schema.py"


def test_the_schema_enumerations_are_the_codes() -> None:
    """The record schema's enumerations list the code's values and the vocabularies' words."""
    record = schema("record")
    props, words = record["properties"], record["$defs"]
    assert props["kind"] == {"$ref": "#/$defs/kind"}
    assert words["kind"]["enum"] == accepted("kind")
    assert {k.value for k in Kind} <= set(words["kind"]["enum"])
    assert {p.value for p in Post} <= set(words["post"]["enum"])
    assert {s.value for s in Stage} <= set(words["stage"]["enum"])
    assert {"配偶", "spouse", "other", "父母"} <= set(words["relation"]["enum"])
    assert words["boolean"]["enum"][:2] == [True, False]
    assert props["rules"]["properties"]["majority_base"] == {"$ref": "#/$defs/majority_base"}
    assert words["majority_base"]["enum"] == ["present", "voted"]  # was ["present"]: the villages' "voted" failed
    assert props["rules"]["properties"]["post_margins"]["propertyNames"]["enum"][:2] == ["*", "member"]


def test_a_record_in_chinese_words_validates() -> None:
    """The schema accepts the Chinese words the reader accepts."""
    data = load("village")
    data["kind"] = "村民委员会"
    data["proxies"][0]["relation"] = "配偶"
    data["contests"][0]["post"] = "主任"
    data["roll"][0]["sex"] = "男"
    data["proxies"][0]["written"] = "是"
    jsonschema.validate(data, schema("record"))
    data["proxies"][0]["relation"] = "husbnd"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema("record"))


def test_every_rules_value_of_the_presets_validates() -> None:
    """Each preset written as a record's `rules` (every field) validates against the schema."""
    import attrs

    from tally import PRESETS, Rulebook
    from tally.records.rules import FIXED, to_json

    data = load("village")
    for book in PRESETS.values():
        rules = {f.name: to_json(f.name, getattr(book, f.name)) for f in attrs.fields(Rulebook) if f.name not in FIXED}
        data["rules"] = json.loads(json.dumps(rules))
        jsonschema.validate(data, schema("record"))
