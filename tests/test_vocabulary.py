"""Issue 11: the words of every enumerated field, in Chinese and English, and no unknown word read
as a silent "no"."""

from __future__ import annotations

import json
import typing

import attrs
import pytest

from tally import (
    EXCLUSION_CATEGORIES,
    Contest,
    Kind,
    Post,
    Proxy,
    RecordError,
    Registration,
    Relation,
    Relative,
    Rights,
    RuleError,
    Stage,
    Standing,
    preset,
)
from tally._rulebook import NEAR_RELATIVES, ResidentsMode
from tally.examples import load
from tally.records import Record, ballots_from_csv, roll_from_csv
from tally.records.vocabulary import BOOLEAN_FIELDS, VOCABULARIES, accepted, read_word

# --- the vocabulary module ----------------------------------------------------------------------


@pytest.mark.parametrize("field", sorted(VOCABULARIES))
def test_every_word_reads_as_its_own_value(field: str) -> None:
    """Each word of a field reads as the value it is listed under (no word stands for two values,
    even after case and width are folded), and the canonical value comes first."""
    for value, words in VOCABULARIES[field].items():
        assert words, (field, value)
        if field not in BOOLEAN_FIELDS:
            assert words[0] == value
        for word in words:
            assert read_word(field, word) == value, (field, word)
            assert read_word(field, word.upper()) == value, (field, word)
            assert read_word(field, f" {word} ") == value, (field, word)
    assert accepted(field) == [w for words in VOCABULARIES[field].values() for w in words]


def test_the_vocabularies_are_the_code_enumerations() -> None:
    """The canonical values are exactly the values of the code's enumerations: a new enum member
    without its words fails here."""
    enums: dict[str, typing.Any] = {
        "kind": Kind,
        "standing": Standing,
        "rights": Rights,
        "registration": Registration,
        "relation": Relation,
        "post": Post,
        "stage": Stage,
    }
    for field, enum in enums.items():
        assert list(VOCABULARIES[field]) == list(enum), field
    assert list(VOCABULARIES["mode"]) == list(typing.get_args(ResidentsMode))
    assert list(VOCABULARIES["category"]) == [*EXCLUSION_CATEGORIES, "migrant-work", "other"]
    assert list(VOCABULARIES["boolean"]) == [True, False]


@pytest.mark.parametrize(
    ("field", "word", "value"),
    [
        ("relation", "配偶", "spouse"),
        ("relation", "husband", "spouse"),
        ("relation", "Spouse", "spouse"),
        ("relation", "父亲", "parent"),
        ("relation", "母亲", "parent"),
        ("relation", "女儿", "child"),
        ("relation", "兄弟姐妹", "sibling"),
        ("relation", "外祖父母", "grandparent"),
        ("relation", "外孙子女", "grandchild"),
        ("relation", "cousin", "other"),
        ("sex", "男", "M"),
        ("sex", "ｆ", "F"),
        ("standing", "预备党员", "probationary"),
        ("rights", "留党察看", "probation"),
        ("post", "妇女委员", "women-member"),
        ("post", "副书记", "deputy-secretary"),
        ("post", "Vice Chair", "vice-chair"),
        ("stage", "Tie_Break", "tie-break"),
        ("mark", "不赞成", "against"),
        ("mark", "？", "unreadable"),
        ("boolean", "是", True),
        ("boolean", "FALSE", False),
        ("spoiled", "废", True),
    ],
)
def test_chinese_and_english_words(field: str, word: str, value: object) -> None:
    """Chinese words, English words in any case, full-width letters: each reads as its value."""
    assert read_word(field, word) == value


@pytest.mark.parametrize(
    ("field", "word"),
    [("relation", "husbnd"), ("relation", "表哥哥"), ("sex", "W"), ("boolean", "ture"), ("spoiled", "x"), ("mark", "")],
)
def test_an_unknown_word_is_none(field: str, word: str) -> None:
    """A word that is not in the field's vocabulary reads as nothing, never as a value."""
    assert read_word(field, word) is None


# --- Relation in the core -----------------------------------------------------------------------


def test_relation_is_an_enumeration_with_an_explicit_other() -> None:
    """C-5: six near relations and `other`, said on purpose; the near relatives are the six."""
    assert [r.value for r in Relation] == ["spouse", "parent", "child", "sibling", "grandparent", "grandchild", "other"]
    assert frozenset(r for r in Relation if r.near) == NEAR_RELATIVES == preset("village-national-2018").proxy_relations


def test_an_unknown_relation_is_refused_by_the_core() -> None:
    """`Proxy.relation` and `Relative.relation` take a Relation: an unknown word is an error, not
    "not a near relative"."""
    with pytest.raises(RecordError, match="relation: 'husband' is not one of spouse"):
        Proxy("V1", "V2", relation="husband")
    with pytest.raises(RecordError, match="relation: 'cousin' is not one of"):
        Relative("V1", "cousin")
    assert Proxy("V1", "V2", relation="other").relation is Relation.OTHER
    assert Proxy("V1", "V2").relation is None
    book = preset("village-national-2018")
    with pytest.raises(RuleError, match="proxy_relations: 'in-law' is not one of"):
        attrs.evolve(book, proxy_relations={"spouse", "in-law"})


# --- the JSON record ----------------------------------------------------------------------------


def _relations_in_chinese(data: dict[str, typing.Any]) -> dict[str, typing.Any]:
    zh = {"spouse": "配偶", "parent": "父亲", "child": "儿子", "sibling": "姐妹", "cousin": "其他"}
    for p in data["proxies"]:
        p["relation"] = zh[p["relation"]]
    for v in data["roll"]:
        for r in v.get("relatives", []):
            r["relation"] = zh[r["relation"]]
    return data


def test_chinese_relations_count_as_the_english_ones() -> None:
    """The village example with every relation written in Chinese counts the same: its proxies
    to a spouse (配偶) and a parent (父亲) are accepted, not taken as "not a near relative"."""
    english = Record.from_dict(load("village"))
    chinese = Record.from_dict(_relations_in_chinese(load("village")))
    assert [o.accepted for o in chinese.meeting().proxies] == [True, True, False]
    assert chinese.verify().agrees
    assert chinese.to_dict() == english.to_dict()  # written back in the canonical English words


@pytest.mark.parametrize("word", ["husband", "Spouse", "ＳＰＯＵＳＥ", "wife"])
def test_english_relation_words_in_any_case(word: str) -> None:
    """`husband`, `Spouse`, full-width `ＳＰＯＵＳＥ`: the spouse, and the proxy is accepted."""
    data = load("village")
    data["proxies"][0]["relation"] = word
    rec = Record.from_dict(data)
    assert rec.proxies[0].relation is Relation.SPOUSE
    assert rec.verify().agrees


def test_an_unknown_relation_word_is_an_error_naming_path_and_words() -> None:
    """An unknown relation word is a RecordError at its path listing the accepted values."""
    data = load("village")
    data["proxies"][0]["relation"] = "husbnd"
    data["roll"][3]["relatives"][0]["relation"] = "in-law"
    with pytest.raises(RecordError) as caught:
        Record.from_dict(data)
    assert [p.path for p in caught.value.problems] == ["roll[3].relatives[0].relation", "proxies[0].relation"]
    assert "'husbnd' is not one of spouse (配偶), parent (父母)" in str(caught.value)


def test_chinese_words_in_every_enumerated_field_of_a_record() -> None:
    """kind, sex, standing, rights, post, stage, category and the yes/no fields read Chinese words,
    and the record is written back in the canonical values."""
    data = load("ex-p-01")
    data["kind"] = "党员大会"
    data["roll"][0]["sex"] = "女"
    data["roll"][0]["standing"] = "正式党员"
    data["roll"][44]["standing"] = "预备党员"
    data["roll"][48]["rights"] = "留党察看"
    data["roll"][49]["rights"] = "中止"
    for e in data["exclusions"]:
        e["upper_approved"] = "是" if e["upper_approved"] else "否"
        e["category"] = {"abroad": "自费出国", "bedridden": "卧床不起", "migrant-work": "外出务工"}[e["category"]]
    data["contests"][0]["post"] = "委员"
    data["contests"][0]["stage"] = "正式选举"
    english = Record.from_dict(load("ex-p-01"))
    chinese = Record.from_dict(data)
    assert chinese.roll.members[0].sex == "F"
    assert [m.rights for m in chinese.roll.members[48:]] == [Rights.PROBATION, Rights.SUSPENDED]
    assert chinese.roll.members[44].standing is Standing.PROBATIONARY
    written = chinese.to_dict()
    assert written["kind"] == "party-meeting"
    assert [e["category"] for e in written["exclusions"]] == [e.category for e in english.exclusions]
    assert chinese.meeting().quorum == english.meeting().quorum


@pytest.mark.parametrize(
    ("where", "value", "path"),
    [
        (("kind",), "党大会", "kind"),
        (("roll", 0, "sex"), "female?", "roll[0].sex"),
        (("roll", 0, "standing"), "正式党", "roll[0].standing"),
        (("exclusions", 0, "category"), "外出", "exclusions[0].category"),
        (("exclusions", 0, "upper_approved"), "ture", "exclusions[0].upper_approved"),
        (("contests", 0, "post"), "总书记", "contests[0].post"),
        (("ballots", "items", 0), {"spoiled": "maybe"}, "ballots.items[0].spoiled"),
    ],
)
def test_an_unknown_word_in_any_enumerated_field_is_an_error(where: tuple, value: object, path: str) -> None:
    """Every enumerated field of a record: an unknown word is an error at its path."""
    data = load("ex-p-01" if where[0] != "ballots" else "branch")
    target = data
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    with pytest.raises(RecordError) as caught:
        Record.from_dict(data)
    assert path in [p.path for p in caught.value.problems]


def test_a_board_post_in_chinese_is_the_post() -> None:
    """T-1 reads the board's posts: 主任 and 书记 are the chair and the secretary, not unknown
    posts that silently fail the check."""
    data = load("village")
    data["board"]["village"][0]["post"] = "主任"
    data["board"]["party"][0]["post"] = "党支部书记"
    english = Record.from_dict(load("village")).compliance()
    assert Record.from_dict(data).compliance() == english
    data["board"]["village"][0]["post"] = "村长"
    with pytest.raises(RecordError, match=r"board\.village\[0\]\.post: '村长' is not one of"):
        Record.from_dict(data)


def test_party_membership_not_given_on_the_roll_is_cannot_tell() -> None:
    """A board seat whose person's roll entry does not say `party_member` is "cannot tell" for T-4,
    never a "no"."""
    data = load("village")
    for v in data["roll"]:
        v.pop("party_member", None)
    rec = Record.from_dict(data)
    assert rec.board is not None
    assert {s.party_member for s in rec.board.village} == {None}
    share = [f for f in rec.compliance() if f.rule == "T-4"]
    assert [f.status for f in share] == ["cannot tell"]


# --- CSV ----------------------------------------------------------------------------------------

CONTEST = Contest("c", seats=1, candidates=["M01", "M02"])


@pytest.mark.parametrize(
    ("cell", "spoiled"), [("", False), ("否", False), ("no", False), ("是", True), ("废", True), ("TRUE", True)]
)
def test_the_spoiled_column_reads_its_words(cell: str, spoiled: bool) -> None:
    """The `spoiled` column: 是/废/true is a spoiled paper, 否/no or an empty cell is not."""
    (paper,) = ballots_from_csv(["M01,M02,spoiled", f"✓,,{cell}"], CONTEST)
    assert paper.spoiled is spoiled


@pytest.mark.parametrize("cell", ["ture", "废?", "maybe"])
def test_an_unknown_word_in_the_spoiled_column_is_an_error(cell: str) -> None:
    """Issue 11: `ture` in the spoiled column was read as "not spoiled"; it is an error at its cell."""
    with pytest.raises(RecordError) as caught:
        list(ballots_from_csv(["M01,M02,spoiled", f"✓,,{cell}"], CONTEST))
    assert [p.path for p in caught.value.problems] == ["ballots[1][2]"]
    assert "is not one of spoiled (废), valid (有效)" in str(caught.value)


def test_marks_in_any_case_and_width() -> None:
    """Marks are read through the same vocabulary: `FOR`, full-width `Ｘ`, `弃权`."""
    (paper,) = ballots_from_csv(["M01,M02", "FOR,Ｘ"], CONTEST)
    assert paper.sections["c"].to_dict() == {"for": ["M01"], "against": ["M02"]}


def test_a_roll_csv_in_chinese_words() -> None:
    """A roll CSV as a township keeps it: 正式党员/预备党员, 男/女."""
    roll = roll_from_csv(["id,name,sex,standing,rights", "M01,张三,女,正式党员,", "M02,李四,男,预备党员,正常"])
    assert [(m.sex, m.standing, m.rights) for m in roll] == [
        ("F", Standing.FULL, Rights.FULL),
        ("M", Standing.PROBATIONARY, Rights.FULL),
    ]
    with pytest.raises(RecordError) as caught:
        roll_from_csv(["id,sex,standing", "M01,女士,正式"])
    assert [p.path for p in caught.value.problems] == ["roll[1].sex"]


def test_written_back_in_canonical_words() -> None:
    """A record read from Chinese words writes back the canonical English values."""
    data = _relations_in_chinese(load("village"))
    data["roll"][0]["sex"] = "男"
    data["contests"][0]["post"] = "主任"
    out = Record.from_dict(data).to_dict()
    assert out["roll"][0]["sex"] == "M"
    assert out["contests"][0]["post"] == "chair"
    assert {p["relation"] for p in out["proxies"]} == {"spouse", "parent", "other"}
    assert json.loads(json.dumps(out)) == out


def test_the_words_table_of_the_docs_is_the_modules() -> None:
    """docs/record-format.md lists the words of every field exactly as the vocabulary module
    defines them (`python tools/make_words_doc.py` writes the table)."""
    import importlib.util
    import pathlib

    tool_path = pathlib.Path(__file__).resolve().parent.parent / "tools" / "make_words_doc.py"
    spec = importlib.util.spec_from_file_location("make_words_doc", tool_path)
    assert spec is not None
    assert spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    page = tool.PAGE.read_text(encoding="utf-8")
    assert tool.build(page) == page, "docs/record-format.md is stale: run python tools/make_words_doc.py"
    for field, words in VOCABULARIES.items():
        assert f"| `{field}` |" in page
        for said in words.values():
            assert all(f"`{w}`" in page for w in said), field
