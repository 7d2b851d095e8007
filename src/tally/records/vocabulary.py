"""The words tally reads for each enumerated field, in Chinese and English, defined once.

Every reader at the edge (the JSON record, the CSV files, the workbooks) reads an enumerated
value through this module, so that a word means the same thing wherever it is written and a word
that tally does not know is an error, never a silent "no". ``VOCABULARIES[field]`` maps each
canonical value of *field* to the words that stand for it (the canonical value first, then
English, then Chinese); :func:`read_word` reads one value; :func:`accepted` lists the words.

A word is compared after Unicode NFKC (full-width ``Ｆ`` is ``F``), without case (``Spouse`` is
``spouse``) and without spaces, hyphens and underscores (``tie break``, ``tie_break`` and
``tie-break`` are one word). A record written back uses the canonical values.

>>> read_word("relation", "配偶"), read_word("relation", "Husband"), read_word("relation", "husbnd")
(<Relation.SPOUSE: 'spouse'>, <Relation.SPOUSE: 'spouse'>, None)
>>> read_word("sex", "女"), read_word("boolean", "否"), read_word("spoiled", "废")
('F', False, True)
>>> accepted("standing")
['full', '正式党员', '正式', 'probationary', '预备党员', '预备']
"""

from __future__ import annotations

import typing
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from .._contest import Post, Stage
from .._roll import Rights, Standing
from .._rulebook import Kind, Rulebook
from .._values import Quoted, shown, typed
from .._voters import Registration, Relation
from ..errors import Problem

__all__ = [
    "BOOLEAN_FIELDS",
    "VOCABULARIES",
    "Canonical",
    "accepted",
    "choices",
    "describe",
    "gloss",
    "read_word",
    "unknown",
]

Canonical = str | bool
"""A canonical value: the enumeration's value (a ``str``, or a ``str`` enum member), or a
``bool`` for the yes/no fields."""

_YES = ("true", "yes", "y", "1", "是")
_NO = ("false", "no", "n", "0", "否")

# --- the vocabularies, one per field ------------------------------------------------------------
# Canonical value -> the words for it: the canonical value first, English, then Chinese.

_WORDS: dict[str, dict[Canonical, tuple[str, ...]]] = {
    "kind": {
        Kind.PARTY_MEETING: ("party-meeting", "党员大会"),
        Kind.PARTY_CONFERENCE: ("party-conference", "党员代表大会"),
        Kind.VILLAGE_COMMITTEE: ("village-committee", "村民委员会", "村委会"),
        Kind.RESIDENTS_COMMITTEE: ("residents-committee", "居民委员会", "居委会"),
        # meetings that decide by attendance and vote (P-27, V-9, R-4, V-31)
        Kind.PARTY_MOTION: ("party-motion", "党员大会议事", "党员大会表决"),
        Kind.VILLAGER_ASSEMBLY: ("villager-assembly", "村民会议"),
        Kind.REPRESENTATIVE_ASSEMBLY: ("representative-assembly", "村民代表会议"),
        Kind.RESIDENTS_ASSEMBLY: ("residents-assembly", "居民会议"),
        Kind.VILLAGE_RECALL: ("village-recall", "罢免", "罢免村民委员会成员"),
    },
    "role": {  # V-9: a member of the 村民代表会议
        "representative": ("representative", "村民代表"),
        "committee-member": ("committee-member", "村民委员会成员", "村委会成员"),
    },
    "mode": {
        "direct": ("direct", "直接选举", "直选"),
        "household": ("household", "户代表", "户代表选举"),
        "group-representatives": ("group-representatives", "居民小组代表", "居民小组代表选举"),
    },
    "sex": {
        "F": ("F", "female", "woman", "女", "女性"),
        "M": ("M", "male", "man", "男", "男性"),
    },
    "standing": {  # P-1, P-2
        Standing.FULL: ("full", "正式党员", "正式"),
        Standing.PROBATIONARY: ("probationary", "预备党员", "预备"),
    },
    "rights": {  # P-3, P-4
        Rights.FULL: ("full", "正常", "有选举权"),
        Rights.PROBATION: ("probation", "留党察看"),
        Rights.SUSPENDED: ("suspended", "中止", "中止权利"),
    },
    "registration": {  # V-6
        Registration.RESIDENT: ("resident", "户籍在本村并在本村居住", "本村居住村民"),
        Registration.AWAY_OPTED_IN: ("away-opted-in", "户籍在本村不在本村居住", "外出参选村民"),
        Registration.NON_HUKOU_APPROVED: ("non-hukou-approved", "户籍不在本村在本村居住", "非户籍村民"),
    },
    "relation": {  # C-5: what one person is to the other
        Relation.SPOUSE: ("spouse", "husband", "wife", "配偶", "丈夫", "妻子", "爱人", "老伴"),
        Relation.PARENT: ("parent", "parents", "father", "mother", "父母", "父亲", "母亲", "爸爸", "妈妈"),
        Relation.CHILD: ("child", "children", "son", "daughter", "子女", "儿子", "女儿"),
        Relation.SIBLING: (
            "sibling",
            "siblings",
            "brother",
            "sister",
            "兄弟姐妹",
            "兄弟",
            "姐妹",
            "哥哥",
            "弟弟",
            "姐姐",
            "妹妹",
        ),
        Relation.GRANDPARENT: (
            "grandparent",
            "grandparents",
            "grandfather",
            "grandmother",
            "祖父母",
            "外祖父母",
            "祖父",
            "祖母",
            "外祖父",
            "外祖母",
            "爷爷",
            "奶奶",
            "外公",
            "外婆",
            "姥爷",
            "姥姥",
        ),
        Relation.GRANDCHILD: (
            "grandchild",
            "grandchildren",
            "grandson",
            "granddaughter",
            "孙子女",
            "外孙子女",
            "孙子",
            "孙女",
            "外孙",
            "外孙女",
        ),
        Relation.OTHER: (
            "other",
            "not a near relative",
            "cousin",
            "friend",
            "neighbour",
            "neighbor",
            "其他",
            "非近亲属",
            "其他亲属",
            "堂兄弟姐妹",
            "表兄弟姐妹",
            "朋友",
            "邻居",
        ),
    },
    "category": {  # P-7: the listed categories, then two that are not listed (P-6)
        "mental-incapacity": ("mental-incapacity", "精神病", "不能表达本人意志"),
        "abroad": ("abroad", "出国", "自费出国", "出国半年以上", "自费出国半年以上"),
        "serving-sentence": ("serving-sentence", "服刑", "正在服刑"),
        "bedridden": ("bedridden", "卧床不起", "年老体弱卧床不起", "生活不能自理", "长期生病生活不能自理"),
        "relation-not-transferred": ("relation-not-transferred", "组织关系未转", "应转走组织关系而没有转走"),
        "retired-away": ("retired-away", "退休回原籍", "退休后回原籍长期居住"),
        "migrant-work": ("migrant-work", "外出务工", "外出打工"),
        "other": ("other", "其他"),
    },
    "post": {
        Post.MEMBER: ("member", "committee member", "delegate", "委员", "代表"),
        Post.SECRETARY: ("secretary", "书记", "支部书记", "党支部书记"),
        Post.DEPUTY_SECRETARY: ("deputy-secretary", "副书记", "支部副书记", "党支部副书记"),
        Post.CHAIR: ("chair", "chairman", "chairwoman", "主任", "村委会主任", "居委会主任"),
        Post.VICE_CHAIR: ("vice-chair", "副主任", "村委会副主任", "居委会副主任"),
        Post.WOMEN_MEMBER: ("women-member", "妇女委员"),
    },
    "stage": {
        Stage.REGULAR: ("regular", "正式选举"),
        Stage.TIE_BREAK: ("tie-break", "再次投票"),  # P-23, V-22
        Stage.FURTHER: ("further", "另行选举"),  # P-24, V-23
        Stage.BY_ELECTION: ("by-election", "补选"),  # V-32, R-4
    },
    "mark": {  # a cell of a ballots CSV or workbook (P-19)
        "for": ("for", "y", "yes", "1", "✓", "√", "○", "o", "赞成", "同意"),
        "against": ("against", "n", "no", "x", "×", "不赞成", "反对"),
        "abstain": ("abstain", "a", "-", "弃权"),
        "unreadable": ("unreadable", "?", "无法辨认"),
    },
    "boolean": {True: _YES, False: _NO},
    "spoiled": {  # a paper that cannot be read at all (废票)
        True: ("spoiled", "废", "废票", *_YES),
        False: ("valid", "有效", *_NO),
    },
}

# The rulebook's own choices (writein_policy, further_rule, ...): their values, from the code.
_HINTS = typing.get_type_hints(Rulebook)
for _field in attrs.fields(Rulebook):
    _args = typing.get_args(_HINTS[_field.name])
    if typing.get_origin(_HINTS[_field.name]) is typing.Literal:
        _WORDS[_field.name] = {value: (value,) for value in _args}

BOOLEAN_FIELDS = frozenset({"boolean", "spoiled"})
"""The fields whose canonical values are ``True`` and ``False``."""

VOCABULARIES: Mapping[str, Mapping[Canonical, tuple[str, ...]]] = MappingProxyType(
    {field: MappingProxyType(words) for field, words in _WORDS.items()}
)
"""Per field, each canonical value and the words that stand for it."""

_SEPARATORS = str.maketrans("", "", " \t\u3000-_")


def _fold(word: str) -> str:
    """A word as tally compares it: NFKC, no case, no spaces, hyphens or underscores."""
    folded = unicodedata.normalize("NFKC", word).casefold().strip()
    return folded.translate(_SEPARATORS) or folded  # "-" (abstain) is a word of its own


_EXACT: dict[str, dict[str, Canonical]] = {}
_FOLDED: dict[str, dict[str, Canonical]] = {}
for _name, _table in _WORDS.items():
    _EXACT[_name], _FOLDED[_name] = {}, {}
    for _value, _words in _table.items():
        for _word in _words:
            _EXACT[_name].setdefault(_word, _value)
            _FOLDED[_name].setdefault(_fold(_word), _value)


def read_word(field: str, value: object) -> Canonical | None:
    """The canonical value that *value* stands for in *field*, or ``None`` when it is not one of
    the field's words. For the yes/no fields, JSON ``true`` and ``false`` are themselves.
    An unknown *field* is a :class:`KeyError` (a mistake in the calling code).

    >>> read_word("post", "副主任"), read_word("post", "Vice Chair"), read_word("stage", "另行选举")
    (<Post.VICE_CHAIR: 'vice-chair'>, <Post.VICE_CHAIR: 'vice-chair'>, <Stage.FURTHER: 'further'>)
    >>> read_word("boolean", True), read_word("boolean", "ture"), read_word("sex", 1)
    (True, None, None)
    """
    exact = _EXACT[field]
    if isinstance(value, bool):
        return value if field in BOOLEAN_FIELDS else None
    if not isinstance(value, str):
        return None
    found = exact.get(value)  # the common case: the canonical value itself
    if found is not None:
        return found
    return _FOLDED[field].get(_fold(value))


def accepted(field: str) -> list[str]:
    """Every word that *field* accepts, each canonical value followed by its other words.

    >>> accepted("sex")
    ['F', 'female', 'woman', '女', '女性', 'M', 'male', 'man', '男', '男性']
    """
    return [word for words in _WORDS[field].values() for word in words]


def _chinese(words: tuple[str, ...]) -> str | None:
    return next((w for w in words if any("\u4e00" <= ch <= "\u9fff" for ch in w)), None)


def describe(field: str) -> str:
    """The canonical values of *field*, each with its first Chinese word, for error messages.

    >>> describe("sex")
    'F (女), M (男)'
    """
    return ", ".join(choices(field))


def unknown(field: str, value: object) -> Problem:
    """The problem of a value that *field* does not accept (with no path yet: the caller places
    it), naming the value and the field's canonical values, each with its first Chinese word.

    >>> unknown("relation", "husbnd").reason
    "'husbnd' is not one of spouse (配偶), parent (父母), child (子女), ..., other (其他)"
    >>> print(unknown("boolean", 2).words("zh"))  # noqa: io
    数字 2不是可用的值；应为以下之一：true（是）、false（否）
    """
    return Problem("", "not-a-word", {"value": _shown(value), "accepted": choices(field)})


def choices(field: str) -> tuple[Quoted, ...]:
    """The canonical values of *field*, each with its first Chinese word, in either language: the
    accepted values a problem lists.

    >>> [(c, c.zh) for c in choices("mode")][:2]
    [('direct (直接选举)', 'direct（直接选举）'), ('household (户代表)', 'household（户代表）')]
    """
    out = []
    for words in _WORDS[field].values():
        zh = _chinese(words)
        out.append(Quoted(f"{words[0]} ({zh})", f"{words[0]}（{zh}）") if zh else Quoted(words[0]))
    return tuple(out)


def mark_choices() -> tuple[Quoted, ...]:
    """Each mark a ballot cell may hold, with every word and sign read as it, so that a person
    told a cell is no mark sees that ``○`` and ``×`` are read too.

    >>> print(mark_choices()[1], "|", mark_choices()[1].zh)  # noqa: io
    against (n, no, x, ×, 不赞成, 反对) | 不赞成（against、n、no、x、×、反对）
    """
    out = []
    for words in _WORDS["mark"].values():
        zh = _chinese(words) or words[0]
        en = f"{words[0]} ({', '.join(words[1:])})"
        out.append(Quoted(en, f"{zh}（{'、'.join(w for w in words if w != zh)}）"))
    return tuple(out)


def gloss(field: str, value: str, lang: str) -> str:
    """A canonical *value* of *field* with its first Chinese word, in *lang*; the value alone when
    *field* is no vocabulary, or has no Chinese word for it.

    >>> gloss("mode", "household", "zh"), gloss("mode", "household", "en"), gloss("nope", "x", "zh")
    ('household（户代表）', 'household (户代表)', 'x')
    """
    table = _WORDS.get(field, {})
    words = next((w for canonical, w in table.items() if not isinstance(canonical, bool) and canonical == value), None)
    zh = None if words is None else _chinese(words)
    if zh is None:
        return str(value)
    return f"{value}（{zh}）" if lang == "zh" else f"{value} ({zh})"


def _shown(value: object) -> Quoted:
    """A value a vocabulary does not accept, for a message: a string quoted as the input holds it
    (:func:`~tally._values.shown`), anything else named by its kind (:func:`~tally._values.typed`)."""
    return shown(value) if isinstance(value, str) else typed(value)
