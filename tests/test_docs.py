"""The documentation keeps step with the code."""

from __future__ import annotations

import pathlib
import re

import tally

from test_rules import RULES

DOCS = pathlib.Path(__file__).parent.parent / "docs"


def test_conformance_page_lists_exactly_the_tested_rules_as_implemented() -> None:
    """docs/conformance.md calls a rule implemented exactly when tests/test_rules.py has its row."""
    text = (DOCS / "conformance.md").read_text(encoding="utf-8")
    implemented = set(re.findall(r"^\| ([A-Z]+-\d+a?) \| implemented \| `test_rule\[\1\]`", text, re.M))
    assert implemented == set(RULES)


def test_rulebook_page_documents_every_field() -> None:
    """docs/rulebooks.md has a row for every Rulebook field."""
    import attrs

    text = (DOCS / "rulebooks.md").read_text(encoding="utf-8")
    for field in attrs.fields(tally.Rulebook):
        if field.name not in {"id", "kind", "title"}:
            assert f"| `{field.name}` |" in text, field.name


def test_errors_page_names_every_error() -> None:
    """docs/errors.md names every error class."""
    text = (DOCS / "errors.md").read_text(encoding="utf-8")
    for name in ("TallyError", "RecordError", "RuleError"):
        assert f"`{name}`" in text


def test_api_page_lists_every_public_name() -> None:
    """docs/api.md names every name in tally.__all__."""
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    missing = [name for name in tally.__all__ if f"`{name}`" not in text]
    assert missing == []


def test_errors_page_and_glossary_exist_and_link() -> None:
    """The reference pages the index promises are there."""
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    for page in re.findall(r"\]\(([\w/.-]+\.md)\)", index):
        assert (DOCS / page).is_file(), page
