"""Surname-stroke order (按姓氏笔画为序): the order of the candidates on a party ballot (P-15) and
of the elected in a published result (P-26).

Names are compared character by character, the surname first: a character with fewer strokes
comes first; with as many strokes, the kinds of stroke in writing order decide, 横 (一) before
竖 (丨) before 撇 (丿) before 点 (丶) before 折 (乛), the first stroke first, then the second, and so
on. So 王 (横横竖横) comes before 孔 (折竖横折), both of four strokes; 丁 (two strokes) before both.
Strokes outside the five count as the 1965 字形表 counts them: 提 as 横, 竖钩 as 竖, 捺 as 点, every
turning stroke as 折.

- **Compound surnames** (复姓) in :data:`COMPOUND_SURNAMES` are read as one surname: 欧阳修 is
  欧阳 and 修. A surname that is a prefix of another comes first (欧 before 欧阳).
- **A single given name** is read with an empty place before it (空字), as the lists of party
  congresses and of the CPPCC do: 田富 comes before 田大利, and 李希 before 李克强.
- **Two characters with the same strokes** (人 and 八) are told apart by their code point, so
  that different names never tie: the order is total. The same name twice keeps its place
  (the sort is stable).
- **A character with no stroke data is never guessed.** It is an error that names the
  character (:class:`~tally.errors.RecordError`, every such character at once); give its
  strokes with ``extra={"𠮷": "25121"}`` and try again. Middle dots and spaces in a name
  (阿依古丽·买买提) are separators, not characters.

The table is ``strokes.txt`` beside this module, made by ``tools/make_strokes.py`` from the
stroke-order data of the npm package ``cnchar-order`` (MIT licence; ``strokes-LICENSE.txt``).

>>> by_strokes(["孔伟", "王芳", "丁一"])
['丁一', '王芳', '孔伟']
>>> strokes("王"), strokes("孔")
('1121', '5215')
>>> surname("欧阳修")
('欧阳', '修')
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from importlib.resources import files
from typing import TypeVar, cast

from ._values import Quoted, shown
from .errors import Problem, RecordError

__all__ = ["COMPOUND_SURNAMES", "KINDS", "by_strokes", "stroke_key", "strokes", "surname"]

T = TypeVar("T")

KINDS = {"1": "横", "2": "竖", "3": "撇", "4": "点", "5": "折"}
"""The five kinds of stroke, in the order they sort, by the digit the table writes."""

COMPOUND_SURNAMES: frozenset[str] = frozenset(
    {
        "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
        "夏侯", "令狐", "端木", "万俟", "闻人", "钟离", "宗政", "濮阳", "淳于", "单于", "太叔", "申屠",
        "轩辕", "百里", "呼延", "南宫", "东郭", "西门", "独孤", "拓跋", "公羊", "澹台", "公冶", "赫连",
        "司空", "左丘", "谷梁", "第五", "微生", "羊舌", "段干", "巫马", "乐正", "仲孙", "叔孙", "子车",
    }
)  # fmt: skip
"""Two-character surnames read as one surname (a fixed list: 欧阳, 司马, 诸葛, 上官, ...)."""

_SEPARATORS = frozenset("·•・‧ \u3000\t")
_BLANK = (0, "", 0)  # the empty place before a single given name: before every character


@functools.cache
def _table() -> dict[str, str]:
    text = files(__package__).joinpath("strokes.txt").read_text(encoding="utf-8")
    return {line[0]: line[1:] for line in text.splitlines() if line and not line.startswith("#")}


def strokes(char: str, *, extra: Mapping[str, str] | None = None) -> str:
    """The kinds of the strokes of one character in writing order, as digits (1 横, 2 竖, 3 撇,
    4 点, 5 折); ``extra`` gives characters the table lacks. An unknown character is a
    :class:`~tally.errors.RecordError`, never a guess.

    >>> strokes("马"), strokes("习")
    ('551', '541')
    >>> strokes("𠮷")
    Traceback (most recent call last):
      ...
    tally.errors.RecordError: char: no stroke data for '𠮷' (U+20BB7); it is never guessed: ...
    >>> strokes("𠮷", extra={"𠮷": "251211"})
    '251211'
    """
    found = _lookup(char, extra)
    if found is None:
        raise RecordError(_missing(char).at("char"))
    return found


def _lookup(char: str, extra: Mapping[str, str] | None) -> str | None:
    if extra and char in extra:
        return extra[char]
    return _table().get(char)


def _missing(*chars: str) -> Problem:
    """No stroke data for *chars* (a problem with no path yet)."""
    named = tuple(Quoted(f"{c!r} (U+{ord(c):04X})", f"{c!r}（U+{ord(c):04X}）") for c in chars)
    return Problem("", "no-stroke-data", {"chars": named, "example": f"extra={{{chars[0]!r}: '...'}}"})


def _check_extra(extra: Mapping[str, str] | None) -> None:
    if not extra:
        return
    problems = [
        Problem(f"extra.{char}", "strokes-not-digits", {"value": shown(s)})
        for char, s in extra.items()
        if not (isinstance(char, str) and len(char) == 1 and isinstance(s, str) and s and set(s) <= set(KINDS))
    ]
    if problems:
        raise RecordError(problems)


def surname(name: str) -> tuple[str, str]:
    """The surname and the given name: a compound surname (:data:`COMPOUND_SURNAMES`) is read as
    one; otherwise the surname is the first character. Separators (middle dots, spaces) are
    dropped.

    >>> surname("王芳"), surname("司马光"), surname("欧阳")
    (('王', '芳'), ('司马', '光'), ('欧阳', ''))
    """
    chars = "".join(c for c in name if c not in _SEPARATORS)
    cut = 2 if chars[:2] in COMPOUND_SURNAMES else 1
    return chars[:cut], chars[cut:]


def _key(name: str, extra: Mapping[str, str] | None, path: str, problems: list[Problem]) -> tuple[object, ...]:
    family, given = surname(name) if isinstance(name, str) else ("", "")
    if not family:
        problems.append(Problem(path, "strokes-no-name", {"value": shown(name)}))
        return ()
    unknown = [c for c in dict.fromkeys(family + given) if _lookup(c, extra) is None]
    if unknown:
        problems.append(Problem(path, "strokes-of-name", {"name": shown(name), "why": _missing(*unknown)}))
        return ()

    def char(c: str) -> tuple[int, str, int]:
        s = _lookup(c, extra) or ""
        return (len(s), s, ord(c))

    given_keys = [char(c) for c in given]
    if len(given_keys) == 1:  # 空字: a single given name has an empty place before it
        given_keys.insert(0, _BLANK)
    return (tuple(char(c) for c in family), tuple(given_keys))


def stroke_key(name: str, *, extra: Mapping[str, str] | None = None) -> tuple[object, ...]:
    """A sort key that puts names in surname-stroke order (按姓氏笔画为序, P-15, P-26).

    Two different names never have the same key. A character the table lacks is a
    :class:`~tally.errors.RecordError` naming it (``extra`` gives its strokes).

    >>> sorted(["孔伟", "王芳"], key=stroke_key)
    ['王芳', '孔伟']
    >>> stroke_key("丁一") < stroke_key("王芳")
    True
    >>> sorted(["欧阳明", "欧芳", "洪少东"], key=stroke_key)
    ['欧芳', '欧阳明', '洪少东']
    """
    _check_extra(extra)
    problems: list[Problem] = []
    key = _key(name, extra, "name", problems)
    if problems:
        raise RecordError(problems)
    return key


def by_strokes(
    items: Iterable[T], *, key: Callable[[T], str] | None = None, extra: Mapping[str, str] | None = None
) -> list[T]:
    """The items in surname-stroke order of their names (``key`` gives an item's name; by
    default the item is the name). Stable: the same name twice keeps its order. Every name
    with a character the table lacks is reported at once, by its place in ``items``.

    >>> by_strokes(["陈静", "张伟", "何强", "李娜"])
    ['李娜', '何强', '张伟', '陈静']
    >>> by_strokes(["田大利", "田富"])
    ['田富', '田大利']
    >>> people = {"M01": "孔伟", "M02": "王芳"}
    >>> by_strokes(people, key=people.__getitem__)
    ['M02', 'M01']
    >>> by_strokes(["王芳", "Smith"])
    Traceback (most recent call last):
      ...
    tally.errors.RecordError: [1]: 'Smith': no stroke data for 'S' (U+0053), 'm' (U+006D), ...
    """
    _check_extra(extra)
    listed = list(items)
    problems: list[Problem] = []
    names = [cast(str, item) if key is None else key(item) for item in listed]
    keys = [_key(name, extra, f"[{i}]", problems) for i, name in enumerate(names)]
    if problems:
        raise RecordError(problems)
    order = sorted(range(len(listed)), key=keys.__getitem__)
    return [listed[i] for i in order]
