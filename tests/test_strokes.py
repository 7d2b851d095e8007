"""Surname-stroke order (P-15, P-26): the table, the published lists it reproduces, and the laws
of the order."""

from __future__ import annotations

import pathlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tally.errors import RecordError
from tally.strokes import COMPOUND_SURNAMES, by_strokes, stroke_key, strokes, surname

TABLE = pathlib.Path(__file__).parent.parent / "src" / "tally" / "strokes.txt"
CHARS = sorted(line[0] for line in TABLE.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))

# The Political Bureau as Xinhua published it after the 18th (2012) and 19th (2017) congresses,
# each list headed 按姓氏笔画为序. The 19th shows the empty place before a single given name:
# 李希 and 李强 before 李克强, 陈希 before 陈全国.
POLITBURO_18 = [
    "马凯", "王岐山", "王沪宁", "刘云山", "刘延东", "刘奇葆", "许其亮", "孙春兰", "孙政才", "李克强", "李建国",
    "李源潮", "汪洋", "张春贤", "张高丽", "张德江", "范长龙", "孟建柱", "赵乐际", "胡春华", "俞正声", "栗战书",
    "郭金龙", "韩正",
]  # fmt: skip
POLITBURO_19 = [
    "丁薛祥", "王晨", "刘鹤", "许其亮", "孙春兰", "李希", "李强", "李克强", "李鸿忠", "杨洁篪", "杨晓渡", "汪洋",
    "张又侠", "陈希", "陈全国", "陈敏尔", "赵乐际", "胡春华", "栗战书", "郭声琨", "黄坤明", "韩正", "蔡奇",
]  # fmt: skip
# The surnames of the 20th (2022) list, in its order: 习 and 马 have three strokes each, and
# 点 before 折 in the second stroke puts 习 first.
SURNAMES_20 = list("丁习马王尹石刘李何张陈赵袁黄蔡")


def test_table_is_the_five_kinds() -> None:
    """Every entry is one character and a non-empty string of the digits 1 to 5."""
    assert len(CHARS) > 6900
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            assert len(line) >= 2, line
            assert set(line[1:]) <= set("12345"), line


def test_table_ships_its_licence() -> None:
    """The MIT notice of the source is beside the table."""
    text = (TABLE.parent / "strokes-LICENSE.txt").read_text(encoding="utf-8")
    for words in ("cnchar-order", "MIT License", "theajack"):
        assert words in text


@pytest.mark.parametrize(
    ("char", "kinds"),
    [
        ("王", "1121"),  # 横 横 竖 横
        ("孔", "5215"),  # 横撇 竖钩 提 竖弯钩: 竖钩 counts as 竖, 提 as 横
        ("丁", "12"),
        ("习", "541"),
        ("马", "551"),
        ("人", "34"),  # 捺 counts as 点
        ("心", "4544"),
        ("李", "1234521"),
    ],
)
def test_strokes_of_known_characters(char: str, kinds: str) -> None:
    """The 1965 字形表's folding of strokes into five kinds (GF 2001-2001 preface)."""
    assert strokes(char) == kinds


@pytest.mark.parametrize("published", [POLITBURO_18, POLITBURO_19, SURNAMES_20])
def test_published_lists_in_their_order(published: list[str]) -> None:
    """P-15, P-26: three lists published 按姓氏笔画为序 come out in their published order, from
    any starting order."""
    assert by_strokes(published) == published
    assert by_strokes(reversed(published)) == published
    assert by_strokes(sorted(published)) == published


def test_wang_before_kong_and_ding_before_wang() -> None:
    """P-15: 王 before 孔 (four strokes each, 横 before 折); 丁 (two strokes) before 王."""
    assert by_strokes(["孔", "王", "丁"]) == ["丁", "王", "孔"]


def test_compound_surnames() -> None:
    """A compound surname is one surname; a single-character surname that prefixes it comes first."""
    assert {"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
            "夏侯", "令狐"} <= COMPOUND_SURNAMES  # fmt: skip
    assert surname("诸葛亮") == ("诸葛", "亮")
    assert surname("诸亮") == ("诸", "亮")
    # 欧阳明's given name is one character: the empty place goes before 明, not before 阳明.
    assert by_strokes(["欧阳明", "欧阳丁一", "欧芳"]) == ["欧芳", "欧阳明", "欧阳丁一"]
    assert surname("阿依古丽·买买提") == ("阿", "依古丽买买提")


def test_a_character_with_no_data_is_an_error_naming_it() -> None:
    """Never guessed: every unknown character of every name is reported, with its place."""
    with pytest.raises(RecordError) as caught:
        by_strokes(["王芳", "𠮷伟", "张𡘙"])
    assert [p.path for p in caught.value.problems] == ["[1]", "[2]"]
    assert "'𠮷' (U+20BB7)" in str(caught.value)
    assert "'𡘙'" in str(caught.value)
    assert by_strokes(["王芳", "𠮷伟"], extra={"𠮷": "251211"}) == ["王芳", "𠮷伟"]


def test_bad_extra_and_empty_name_are_errors() -> None:
    """`extra` must give digits 1 to 5; a name must have a character to order by."""
    with pytest.raises(RecordError, match=r"extra\.𠮷"):
        stroke_key("𠮷", extra={"𠮷": "26"})
    with pytest.raises(RecordError, match="a name is needed"):
        stroke_key(" · ")


names = st.lists(st.sampled_from(CHARS), min_size=1, max_size=4).map("".join)


@given(a=names, b=names)
def test_fewer_strokes_in_the_first_character_comes_first(a: str, b: str) -> None:
    """P-15: the order agrees with the stroke count of the first character."""
    if len(strokes(a[0])) < len(strokes(b[0])):
        assert stroke_key(a) < stroke_key(b)


@given(a=names, b=names)
def test_keys_tie_only_for_the_same_name(a: str, b: str) -> None:
    """The order is total: two different names never compare equal."""
    assert (stroke_key(a) == stroke_key(b)) == (a == b)


@given(a=names, b=names, c=names)
def test_order_is_transitive(a: str, b: str, c: str) -> None:
    """A total order: a <= b and b <= c give a <= c."""
    ka, kb, kc = stroke_key(a), stroke_key(b), stroke_key(c)
    if ka <= kb <= kc:
        assert ka <= kc


@given(st.lists(names, max_size=12), st.randoms(use_true_random=False))
def test_order_does_not_depend_on_the_input_order(listed: list[str], rnd: object) -> None:
    """Sorting any shuffle of the names gives the same list."""
    shuffled = listed[:]
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert by_strokes(shuffled) == by_strokes(listed)


@given(a=st.sampled_from(CHARS), b=st.sampled_from(CHARS))
def test_same_count_decided_by_the_first_differing_kind(a: str, b: str) -> None:
    """P-15: with as many strokes, 横 < 竖 < 撇 < 点 < 折 at the first stroke that differs."""
    sa, sb = strokes(a), strokes(b)
    if a != b and len(sa) == len(sb) and sa != sb:
        assert (stroke_key(a) < stroke_key(b)) == (sa < sb)
