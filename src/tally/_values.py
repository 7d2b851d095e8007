"""Small building blocks shared by the value classes: a hashable mapping, enum converters, the
bounds of every count, the id check and the one way a message quotes a value of the input."""

from __future__ import annotations

import datetime
import enum
import reprlib
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

import attrs

from ._frozen import FrozenMap as FrozenMap  # re-exported: the rest of tally imports it from here
from ._ids import canonical_id, id_problem
from .errors import Problem, RecordError, RuleError

# --- bounds -------------------------------------------------------------------------------------
#
# Every count tally reads has an upper bound, far above any real election and far below what
# would make arithmetic on dates overflow or a number too long to print. A value above its bound
# is an error naming the bound (docs/record-format.md, "Bounds").

MOST_BALLOTS = 10**9
"""Ballots collected or issued, valid or invalid papers, votes, consents, a population, a number
of party members: at most a thousand million."""
MOST_SEATS = 1_000
"""Seats of a contest or a committee, and the counts of people that rules ask for (least women,
least young members, elected members that let seats stay empty, principals per proxy agent)."""
MOST_CANDIDATES = 10_000
"""Candidates of a contest, and the extra candidates that rules ask for."""
MOST_DAYS = 366
"""Day counts of the rules (V-8, V-16): at most a year."""
MOST_AGE = 150
"""Ages in years (T-3)."""
MOST_ID_LENGTH = 100
"""Characters of an id."""

EXCERPT = 60
"""The most characters of a value of the input that a message quotes."""


def count_problem(value: object, *, least: int = 0, most: int) -> Problem | None:
    """Why *value* is not a whole number from *least* to *most* (a problem with no path yet), or
    ``None``.

    >>> count_problem(3, most=366), count_problem(True, most=366).reason
    (None, 'must be a whole number from 0 to 366, not True')
    >>> count_problem(10**5000, most=MOST_BALLOTS).words("zh")
    '应为0至1,000,000,000的整数，而不是约5,000位的数'
    """
    if isinstance(value, bool) or not isinstance(value, int) or not least <= value <= most:
        return Problem("", "not-whole-in-range", {"least": least, "most": most, "value": shown(value)})
    return None


# --- quoting the input --------------------------------------------------------------------------


class _Short(reprlib.Repr):
    """reprlib, with strings and numbers shown as :func:`shown` shows them."""

    def __init__(self) -> None:
        super().__init__()
        self.maxlevel = 2
        self.maxlist = self.maxtuple = self.maxset = self.maxfrozenset = self.maxdeque = self.maxdict = 4
        self.maxother = EXCERPT

    def repr_str(self, x: str, level: int) -> str:
        return shown(x)

    def repr_int(self, x: int, level: int) -> str:
        return shown(x)


_SHORT = _Short()


class Quoted(str):
    """A value of the input as a message quotes it: the string is the English text, ``zh`` the
    Chinese one (the same but for a long string, a long number and a JSON value named by its
    kind). The words of a problem (:mod:`tally.catalogue`) take ``zh`` in Chinese.

    >>> q = typed({})
    >>> str(q), q.zh
    ('an object', '对象')
    """

    zh: str

    def __new__(cls, en: str, zh: str | None = None) -> Quoted:
        self = super().__new__(cls, en)
        self.zh = en if zh is None else zh
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Quoted, (str(self), self.zh))


class Word(str):
    """A canonical value of one of tally's vocabularies, as a problem lists it: ``field`` is the
    vocabulary (``mode``, ``kind``, ``post``; ``rulebook`` for a preset's id). The words of a problem
    (:mod:`tally.catalogue`) give it with its Chinese word, ``direct（直接选举）``, as the edge
    reads it; the core only names it.

    >>> w = Word("mode", "direct")
    >>> w, w.field
    ('direct', 'mode')
    """

    field: str

    def __new__(cls, field: str, value: str) -> Word:
        self = super().__new__(cls, value)
        self.field = field
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Word, (self.field, str(self)))


def shown(value: object) -> Quoted:
    """A value of the input as a message quotes it: Python's ``repr`` escapes, so that spaces at
    the ends and invisible characters can be seen, and never more than :data:`EXCERPT`
    characters of a string (with its length), a long number or a large value. Every message
    that quotes the input goes through it.

    >>> print(shown(" V04"), shown("M01\\u200b"), shown(7), shown(None))  # noqa: io
    ' V04' 'M01\\u200b' 7 None
    >>> shown("x" * 1_000_000)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'… (1,000,000 characters)"
    >>> shown(-(10**100)), shown(-(10**100)).zh
    ('a number of about 100 digits', '约100位的数')
    >>> shown(list(range(1000)))
    '[0, 1, 2, 3, ...]'
    """
    if isinstance(value, str):
        if len(value) <= EXCERPT:
            return Quoted(repr(value))
        head = repr(value[:EXCERPT])
        return Quoted(f"{head}… ({len(value):,} characters)", f"{head}…（共{len(value):,}个字符）")
    if isinstance(value, int) and not isinstance(value, bool):
        bits = abs(value).bit_length()
        if bits <= 3 * EXCERPT:  # at most 55 digits: print it
            return Quoted(repr(value))
        digits = bits * 30103 // 100000  # log10(2) = 0.30103
        return Quoted(f"a number of about {digits:,} digits", f"约{digits:,}位的数")
    if value is None or isinstance(value, bool | float):
        return Quoted(repr(value))
    try:
        text = _SHORT.repr(value)
    except (RecursionError, ValueError):  # pragma: no cover - reprlib guards its own depth
        return Quoted(f"a {type(value).__name__}", type(value).__name__)
    return Quoted(text if len(text) <= 4 * EXCERPT else f"{text[: 4 * EXCERPT]}…")


def typed(value: object) -> Quoted:
    """A JSON value as a message about a record names it: its kind, and a short excerpt of a
    string or a number.

    >>> print(typed("M01"), typed(7), typed(None), typed([1]))  # noqa: io
    the string 'M01' the number 7 null a list
    >>> typed("M01").zh, typed(7).zh, typed([1]).zh
    ("字符串 'M01'", '数字 7', '列表')
    """
    if value is None:
        return Quoted("null")
    if isinstance(value, bool):
        return Quoted(str(value).lower())
    if isinstance(value, int | float):
        text = shown(value)
        if text != repr(value):  # a long number, already named
            return text
        return Quoted(f"the number {text}", f"数字 {text}")
    if isinstance(value, str):
        text = shown(value)
        return Quoted(f"the string {text}", f"字符串 {text.zh}")
    if isinstance(value, dict):
        return Quoted("an object", "对象")
    if isinstance(value, list):
        return Quoted("a list", "列表")
    return Quoted(type(value).__name__)


# --- ids -------------------------------------------------------------------------------------------


def id_reason(value: object) -> Problem | None:
    """Why *value* is not an id as tally writes it (a problem with no path yet), or ``None``: a string of at most
    :data:`MOST_ID_LENGTH` characters that :func:`~tally._ids.id_problem` accepts and that is
    already in its canonical form (:func:`~tally._ids.canonical_id`: NFKC, trimmed).

    >>> id_reason("M07") is None, id_reason("Ｍ０７").reason
    (True, "'Ｍ０７' is written 'M07' in tally: ids are NFKC and trimmed")
    >>> id_reason("M01\\u200b").words("zh")
    '第4个字符是不可见字符U+200B（ZERO WIDTH SPACE）'
    """
    if not isinstance(value, str) or not value.strip():
        return Problem("", "not-text", {"value": shown(value)})
    if value.isascii() and value.isprintable() and 0 < len(value) <= MOST_ID_LENGTH and value.strip() == value:
        return None  # the common case, checked quickly
    if len(value) > MOST_ID_LENGTH:
        return Problem("", "id-too-long", {"most": MOST_ID_LENGTH, "value": shown(value)})
    problem = id_problem(value)
    if problem is not None:
        return problem
    canonical = canonical_id(value)
    if canonical != value:
        return Problem("", "id-not-canonical", {"value": shown(value), "id": shown(canonical)})
    return None


def valid_id(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    """Validator: an id as tally writes it (:func:`id_reason`): a visible, canonical string."""
    problem = id_reason(value)
    if problem is not None:
        raise RecordError(problem.at(attribute.name))


E = TypeVar("E", bound=enum.Enum)
V = TypeVar("V")


def int_map(value: Mapping[str, int] | None) -> FrozenMap[int]:
    """Converter: any mapping of names to counts as a :class:`FrozenMap`."""
    return value if isinstance(value, FrozenMap) else FrozenMap(value)


def choice(cls: type[E], field: str, value: Any, error: type[RecordError | RuleError] = RecordError) -> E:
    """An enum member, or its value, as the member; anything else is an *error* (a
    :class:`~tally.errors.RecordError` unless said) at *field* listing the accepted values.

    Converters call it from a named function (which the attrs plugin of mypy needs)."""
    try:
        found = cls._value2member_map_.get(value)  # a member or its value; fast on large rolls
    except TypeError:  # unhashable
        found = None
    if found is not None:
        return found  # type: ignore[return-value]
    accepted = tuple(Word(cls.__name__.lower(), str(m.value)) for m in cls)  # Kind: the field "kind"
    raise error(Problem(field, "not-one-of", {"value": shown(value), "accepted": accepted}))


def instances(kind: type[V], field: str, value: Iterable[V]) -> tuple[V, ...]:
    """Converter: the items of *value*, each a *kind*; anything else is a problem at
    ``field[i]`` (a list of dicts given where a list of values belongs, say).

    >>> instances(str, "names", ["a", 2])
    Traceback (most recent call last):
      ...
    tally.errors.RecordError: names[1]: must be a str, not 2
    """
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise RecordError(Problem(field, "not-a-list-of", {"type": kind.__name__, "value": shown(value)}))
    out = tuple(value)
    problems = [
        Problem(f"{field}[{i}]", "not-instance", {"type": kind.__name__, "value": shown(item)})
        for i, item in enumerate(out)
        if not isinstance(item, kind)
    ]
    if problems:
        raise RecordError(problems)
    return out


def nonblank(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    """Validator: a non-empty string (an id, a category)."""
    if not isinstance(value, str) or not value.strip():
        raise RecordError(Problem(attribute.name, "not-text", {"value": shown(value)}))


def boolean(instance: object, attribute: attrs.Attribute[bool], value: object) -> None:
    """Validator: ``True`` or ``False``, never a truthy stand-in such as ``"false"`` or ``1``."""
    if not isinstance(value, bool):
        raise RecordError(Problem(attribute.name, "not-boolean", {"value": shown(value)}))


def optional_date(instance: object, attribute: attrs.Attribute[datetime.date | None], value: object) -> None:
    """Validator: a date, or ``None``."""
    if value is not None and not isinstance(value, datetime.date):
        raise RecordError(Problem(attribute.name, "not-date", {"value": shown(value)}))
