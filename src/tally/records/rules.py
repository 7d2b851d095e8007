"""A record's ``rules``: every field of the rulebook in its JSON form, read and written back.

Each field's JSON form follows from its type in :class:`~tally.Rulebook`, so that a new field
has a form (or fails the tests) without a change here:

=====================================  ===========================================================
the field's type                       its JSON form
=====================================  ===========================================================
``bool``                               ``true``/``false`` or a yes/no word (``是``/``否``)
``Fraction``                           ``"4/5"`` or a whole number (never a decimal: ``0.33`` is
                                       not one third)
``int``; ``int | None``                a whole number; or ``null``
a ``Literal`` of words                 one of the words (:mod:`.vocabulary`)
``frozenset`` of categories, posts,    a list of words of that vocabulary (``category``, ``post``,
relations                              ``relation``)
``tuple[int, int] | None``             ``[least, most]`` or ``null`` (``committee_size``)
``FrozenMap`` of posts                 ``{"chair": [1, 1], "*": [1, null]}`` (``post_margins``)
``tuple`` of bands                     ``[[least pop, most pop, least posts, most posts], ...]``
=====================================  ===========================================================

Every value is checked as the API checks it (the rulebook's own converters and validators), and
every problem is reported at once, at ``rules.NAME``.

>>> from tally import preset
>>> form("post_bands"), form("proxy_cap"), form("proxy_relations")
('bands', 'optional-count', 'set:relation')
>>> to_json("post_margins", preset("village-shanghai-2020").post_margins)
{'chair': [1, 1], 'vice-chair': [1, 1], 'member': [1, 3], '*': [1, None]}
"""

from __future__ import annotations

import re
import typing
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import attrs

from .._rulebook import Rulebook
from .._values import FrozenMap, shown
from ..errors import RecordError, RuleError
from .vocabulary import _shown

__all__ = ["FIXED", "SET_VOCABULARIES", "form", "to_json"]

FIXED = frozenset({"id", "kind", "title"})
"""The fields a record's ``rules`` cannot set: the preset's id, its kind and its title."""

SET_VOCABULARIES: Mapping[str, str] = {
    "exclusion_categories": "category",
    "uncontested_posts": "post",
    "proxy_relations": "relation",
}
"""The vocabulary of each set-valued field's words."""

_HINTS = typing.get_type_hints(Rulebook)
_FRACTION = re.compile(r"\s*[0-9]+\s*(/\s*[0-9]+\s*)?")


def form(name: str) -> str:
    """The JSON form of the rulebook field *name*, from its type: ``boolean``, ``fraction``,
    ``count``, ``optional-count``, ``words:FIELD`` (a vocabulary), ``set:FIELD``, ``size``,
    ``margins`` or ``bands``. A type tally has no JSON form for is a :class:`TypeError`."""
    hint = _HINTS[name]
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is bool:
        return "boolean"
    if hint is Fraction:
        return "fraction"
    if hint is int:
        return "count"
    if origin is typing.Literal:
        return f"words:{name}"
    if origin is frozenset and name in SET_VOCABULARIES:
        return f"set:{SET_VOCABULARIES[name]}"
    if origin in (typing.Union, _UNION) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        if rest == [int]:
            return "optional-count"
        if len(rest) == 1 and typing.get_origin(rest[0]) is tuple and typing.get_args(rest[0]) == (int, int):
            return "size"
    if origin is FrozenMap:
        return "margins"
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return "bands"
    raise TypeError(f"the rulebook field {name} has no JSON form: {hint!r}")


_UNION = type(int | None)


def to_json(name: str, value: Any) -> Any:
    """The value of the rulebook field *name* in its JSON form, as a record writes it."""
    kind = form(name)
    if kind == "fraction":
        return str(value)
    if kind.startswith("set:"):
        return sorted(str(v) for v in value)
    if kind == "size":
        return None if value is None else list(value)
    if kind == "margins":
        return {str(post): list(pair) for post, pair in value.items()}
    if kind == "bands":
        return [list(band) for band in value]
    if kind.startswith("words:"):
        return str(value)
    return value  # booleans, counts, None


def read_rules(reader: Any, path: str, rules: Mapping[str, Any], book: Rulebook) -> Rulebook:
    """*book* with the fields that *rules* sets; every problem goes to *reader* (a ``_Reader``),
    with ``rule=True`` for a value the rulebook itself refuses (a :class:`RuleError`)."""
    changes: dict[str, Any] = {}
    fields = {f.name: f for f in attrs.fields(Rulebook)}
    for name, given in rules.items():
        if name == "extra" or name not in fields or name in FIXED:
            continue
        where = f"{path}.{name}"
        before = len(reader.problems)
        value = _read(reader, where, form(name), given)
        if len(reader.problems) > before:
            continue
        field = fields[name]
        try:  # the field's own checks, as the API makes them
            if field.converter is not None:
                value = field.converter(value)  # type: ignore[operator]
            if field.validator is not None:
                field.validator(book, field, value)
        except (RuleError, RecordError) as error:
            for p in error.problems:
                reader.bad_rule(p.within(path), rule=isinstance(error, RuleError))
            continue
        changes[name] = value
    if len(changes) < len([n for n in rules if n != "extra"]):
        return book  # some values were refused: the others are not worth checking together
    try:  # the fields together (a strict quorum of one, P-10a)
        return attrs.evolve(book, **changes)
    except (RuleError, RecordError) as error:
        for p in error.problems:
            reader.bad_rule(p.within(path), rule=isinstance(error, RuleError))
        if changes.get("without_candidates") and all(p.path == "without_candidates" for p in error.problems):
            # V-11 refused, and reported: the record is refused for it. Its contests are those of
            # an election without candidates, checked as such, so that a contest with nobody
            # nominated is not told again as too few candidates for an election with them.
            return attrs.evolve(book, **{**changes, "without_candidates_allowed": True})
        return book


def _read(r: Any, path: str, kind: str, value: Any) -> Any:
    """A JSON value in the form *kind*, as the Python value the field's converter takes."""
    if kind == "boolean":
        return r.boolean(path, value)
    if kind == "count":
        return r.integer(path, value)
    if kind == "optional-count":
        return None if value is None else r.integer(path, value)
    if kind == "fraction":
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return Fraction(value)
        if isinstance(value, str) and _FRACTION.fullmatch(value):
            try:
                return Fraction(value.replace(" ", ""))
            except ZeroDivisionError:
                r.bad(path, "rules-divides-by-zero", {"value": shown(value)})
                return None
        r.bad(path, "rules-not-fraction", {"value": _shown(value)})
        return None
    if kind.startswith("words:"):
        return r.word(path, kind[len("words:") :], value)
    if kind.startswith("set:"):
        if not isinstance(value, list):
            r.bad(path, "json-not-list", {"value": _shown(value)})
            return None
        return frozenset(r.word(f"{path}[{i}]", kind[len("set:") :], item) for i, item in enumerate(value))
    if kind == "size":
        if value is None or isinstance(value, list):
            return value  # the converter checks [least, most]
        r.bad(path, "rules-not-size", {"value": _shown(value)})
        return None
    if kind == "margins":
        if not isinstance(value, dict):
            r.bad(path, "rules-not-margins", {"value": _shown(value)})
            return None
        out = {}
        for key, pair in value.items():
            post = "*" if key == "*" else r.word(f"{path}.{key}", "post", key)
            if post is not None:
                out[post] = pair  # the converter checks [least, most or null]
        return out
    if kind == "bands":
        return value  # the converter checks each band
    raise TypeError(kind)  # pragma: no cover - form() knows no other
