"""The table of rules shipped in the package: every cited rule ID is defined, in both languages,
with its source; docs/rules.md is written from it; tally.citations reads it at the edge."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import json
import pathlib
import re
import subprocess
import sys
from types import ModuleType

import attrs
import pytest

import tally
from tally.citations import BODIES, RULES, STATUSES, Rule, cite, describe_rule
from tally.errors import RuleError

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = pathlib.Path(tally.__file__).resolve().parent

# A rule ID as the code and the docs write it: P-22, P-10a, PC-3, V-19, OQ-V5, EX-P-01. Not
# preceded or followed by an ASCII letter, digit, "_" or "-", so that the tail of EX-P-01 is not
# read as a rule of its own, nor the end of UTF-8 as a T rule; re.ASCII, so that an ID next to a Chinese
# character ("见OQ-V6") is still found (a Chinese character is a word character to \b).
RULE_ID = re.compile(r"(?<![\w-])(?:(?:PC|P|V|R|T|C)-\d+[a-z]?|OQ-[A-Z]\d+|EX-[A-Z]-\d+)(?![\w-])", re.ASCII)

# The places where an ID-shaped string is deliberately not a rule: unknown IDs used to show the
# error. Anything else that looks like a rule ID must be in the table.
NOT_RULE_IDS = {
    "src/tally/citations.py": {"P-99"},
    "tests/test_citations.py": {"P-99", "V-33"},
}


def _sources() -> list[pathlib.Path]:
    """Every file that may cite a rule: the package (code, comments, docstrings, example
    records, schemas; not the table itself), the docs, the README and the tests."""
    found = [p for p in SRC.rglob("*") if p.suffix in {".py", ".json", ".md"} and p.name != "rules.json"]
    found += [p for p in (ROOT / "docs").rglob("*") if p.suffix in {".md", ".json"}]
    found += list((ROOT / "tests").rglob("*.py"))
    found += [ROOT / "README.md"]
    return sorted(p for p in found if p.is_file())


def _where(path: pathlib.Path) -> str:
    if path.is_relative_to(SRC):
        return "src/tally/" + path.relative_to(SRC).as_posix()
    return path.relative_to(ROOT).as_posix()


def _cited(path: pathlib.Path) -> set[str]:
    return set(RULE_ID.findall(path.read_text(encoding="utf-8"))) - NOT_RULE_IDS.get(_where(path), set())


def _make_rules_doc() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_rules_doc", ROOT / "tools" / "make_rules_doc.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rules_page_is_written_from_the_table() -> None:
    """docs/rules.md is exactly what tools/make_rules_doc.py writes from src/tally/rules.json."""
    written = _make_rules_doc().render()
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == written, (
        "docs/rules.md is out of date: run python tools/make_rules_doc.py"
    )


def test_every_rule_id_cited_anywhere_is_defined() -> None:
    """Every rule ID in the package's code, comments, docstrings, example records and rule
    tables (RULE_IDS, FIELD_RULES), in the docs, the README and the tests is in the table."""
    sources = _sources()
    cited = {(_where(path), rule_id) for path in sources for rule_id in _cited(path)}
    assert len({rule_id for _, rule_id in cited}) > 100, "the scan found almost no rule IDs"
    undefined = sorted(f"{where}: {rule_id}" for where, rule_id in cited if rule_id not in RULES)
    assert undefined == []


def test_the_scan_finds_rule_ids_next_to_chinese_and_not_inside_other_words() -> None:
    """The scan's pattern: an ID beside a Chinese character counts; the tail of EX-P-01, UTF-8
    and an id such as M01 do not."""
    assert RULE_ID.findall("见OQ-V6，P-8(a)、P-10a；EX-P-01") == ["OQ-V6", "P-8", "P-10a", "EX-P-01"]
    assert RULE_ID.findall("UTF-8, M01, ex-p-01, AP-3, P-1-2") == []


def test_every_entry_has_both_languages_a_source_and_a_known_status() -> None:
    """Each entry has a title, a statement and a source in Chinese and in English, a known body
    and status; an open question has tally's choice, a worked example the rules it applies."""
    cjk = re.compile(r"[\u4e00-\u9fff]")
    for rule in RULES.values():
        for words in (rule.title, rule.statement, rule.source):
            assert words.zh.strip(), rule.id
            assert words.en.strip(), rule.id
            assert cjk.search(words.zh), rule.id
        assert rule.body in BODIES, rule.id
        assert rule.status in STATUSES, rule.id
        assert (rule.choice is not None) == (rule.status == "open-question") == rule.id.startswith("OQ-"), rule.id
        assert bool(rule.applies) == (rule.status == "example") == rule.id.startswith("EX-"), rule.id
        assert all(r in RULES for r in rule.applies), rule.id
        if rule.choice is not None:
            assert rule.choice.zh.strip(), rule.id
            assert rule.choice.en.strip(), rule.id


def test_a_confirmed_rule_cites_a_named_text_and_its_article() -> None:
    """A confirmed rule names a law or regulation (《…》) and an article (第…条, Art.)."""
    for rule in RULES.values():
        if rule.status == "confirmed":
            assert "《" in rule.source.zh, rule.id
            assert "第" in rule.source.zh, rule.id
            assert "Art" in rule.source.en, rule.id


def test_an_unchecked_article_is_marked_in_both_languages() -> None:
    """Where the Chinese citation says 待核 the English one says UNCONFIRMED, and the reverse."""
    for rule in RULES.values():
        assert ("待核" in rule.source.zh) == ("UNCONFIRMED" in rule.source.en), rule.id


def test_the_body_of_an_entry_follows_its_id() -> None:
    """P- rules govern party meetings, PC- conferences, V- villages, R- residents, T- the
    two committees, C- everything; an OQ- or EX- entry the body its letter names."""
    bodies = {
        "P": "party-meeting",
        "PC": "party-conference",
        "V": "village-committee",
        "R": "residents-committee",
        "T": "composition",
        "C": "general",
    }
    for rule in RULES.values():
        letter = re.sub(r"^(?:OQ-|EX-)", "", rule.id).split("-")[0].rstrip("0123456789")
        assert rule.body == bodies[letter], rule.id


def test_the_table_file_has_each_id_once() -> None:
    """rules.json lists each ID once (the mapping would hide a duplicate)."""
    table = json.loads((SRC / "rules.json").read_text(encoding="utf-8"))
    ids = [entry["id"] for entry in table["rules"]]
    assert len(ids) == len(set(ids)) == len(RULES)


def test_implementing_fields_and_names_exist() -> None:
    """Every rulebook field the table names is a field of Rulebook; every name is public (in
    tally.__all__, or an edge module's); every example record is built in."""
    from tally.examples import ALL

    fields = {f.name for f in attrs.fields(tally.Rulebook)}
    for rule in RULES.values():
        assert set(rule.fields) <= fields, (rule.id, set(rule.fields) - fields)
        assert set(rule.examples) <= set(ALL), rule.id
        for name in rule.api:
            if name.startswith("tally."):
                module, _, attr = name.rpartition(".")
                assert hasattr(importlib.import_module(module), attr), (rule.id, name)
            else:
                root, *rest = name.split(".")
                assert root in tally.__all__, (rule.id, name)
                obj = getattr(tally, root)
                for part in rest:
                    obj = getattr(obj, part)


def test_the_table_agrees_with_the_rule_ids_each_rulebook_field_names() -> None:
    """Each rule ID that FIELD_RULES gives for a rulebook field lists that field in the table
    ("P-6 … P-8" is P-6, P-7 and P-8)."""
    rulebook = importlib.import_module("tally._rulebook")
    field_rules = getattr(rulebook, "FIELD_RULES", None)
    if field_rules is None:
        pytest.skip("tally._rulebook.FIELD_RULES has moved; the source scan still covers its IDs")
    missing = []
    for field, ids in field_rules.items():
        for start, end in re.findall(r"([A-Z]+-\d+[a-z]?)(?:\s*…\s*([A-Z]+-\d+))?", ids):
            named = [start]
            if end:
                prefix = start.rsplit("-", 1)[0]
                named = [f"{prefix}-{n}" for n in range(int(start.rsplit("-", 1)[1]), int(end.rsplit("-", 1)[1]) + 1)]
            missing += [f"{rule_id}: {field}" for rule_id in named if field not in RULES[rule_id].fields]
    assert missing == []


def test_cite_gives_the_article_in_chinese_or_english() -> None:
    """cite: the citation an officer quotes, in Chinese by default; describe_rule: the statement."""
    assert cite("P-1") == "《中国共产党基层组织选举工作条例》（2020）第五条；《中国共产党章程》第七条"
    assert cite("C-5", lang="en") == "Civil Code of the PRC (2020), Art. 1045"
    assert "条号待核" in cite("P-22")
    assert "UNCONFIRMED" in cite("P-22", lang="en")
    assert describe_rule("V-21", lang="en").startswith("A candidate or write-in is elected")
    assert describe_rule("OQ-V5") == RULES["OQ-V5"].statement.zh


@pytest.mark.parametrize("bad", ["P-99", "p-22", "", "P22", None, 22])
def test_cite_of_an_unknown_id_raises_rule_error_with_its_path(bad: object) -> None:
    """An unknown rule ID is our RuleError at the path rule_id, never a bare KeyError."""
    with pytest.raises(RuleError) as caught:
        cite(bad)  # type: ignore[arg-type]
    assert caught.value.path == "rule_id"
    with pytest.raises(RuleError):
        describe_rule(bad)  # type: ignore[arg-type]


def test_an_unknown_language_raises_rule_error_with_its_path() -> None:
    """lang is "zh" or "en"; anything else is a RuleError at the path lang."""
    with pytest.raises(RuleError) as caught:
        cite("P-22", lang="fr")  # type: ignore[arg-type]
    assert caught.value.path == "lang"


def test_the_table_is_read_only() -> None:
    """RULES cannot be changed in place, nor can an entry."""
    with pytest.raises(TypeError):
        RULES["V-33"] = RULES["V-32"]  # type: ignore[index]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        RULES["P-22"].status = "confirmed"  # type: ignore[misc]
    assert isinstance(RULES["P-22"], Rule)


def test_import_tally_does_not_load_citations() -> None:
    """tally.citations is edge: `import tally` does not load it, and no core module imports it."""
    code = "import sys, tally; print('tally.citations' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    for path in SRC.glob("_*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert node.module not in {"citations", "tally.citations"}, path.name
                assert all(a.name != "citations" for a in node.names), path.name
            elif isinstance(node, ast.Import):
                assert all(a.name != "tally.citations" for a in node.names), path.name
