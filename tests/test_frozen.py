"""Issue 12: a Record and every value inside it are immutable all the way down."""

from __future__ import annotations

import datetime
import enum
from fractions import Fraction
from typing import Any

import attrs
import pytest

from tally import Declared, Discrepancy, FrozenMap, verify
from tally.examples import NAMES, load
from tally.records import Record

_ATOMS = (str, int, float, bool, type(None), Fraction, datetime.date, enum.Enum)


def _mutable(value: Any, path: str, seen: set[int]) -> list[str]:
    """The paths inside *value* that hold a mutable container (list, dict, set, bytearray)."""
    if isinstance(value, _ATOMS) or id(value) in seen:
        return []
    seen.add(id(value))
    if isinstance(value, list | dict | set | bytearray):
        return [f"{path}: {type(value).__name__}"]
    if isinstance(value, tuple | frozenset):
        return [p for i, v in enumerate(value) for p in _mutable(v, f"{path}[{i}]", seen)]
    if isinstance(value, FrozenMap):
        return [p for k, v in value.items() for p in _mutable(v, f"{path}.{k}", seen)]
    if attrs.has(type(value)):
        return [
            p
            for f in attrs.fields(type(value))
            if not f.name.startswith("_")  # private caches and indexes, never exposed as such
            for p in _mutable(getattr(value, f.name), f"{path}.{f.name}", seen)
        ]
    return [f"{path}: {type(value).__name__} (unknown)"]


@pytest.mark.parametrize("name", NAMES)
def test_a_record_holds_no_mutable_container(name: str) -> None:
    """Every built-in record, read with extras in it, holds no list, dict or set anywhere: rules,
    extras, totals, reductions, declared and everything inside them are tuples and FrozenMaps."""
    data = load(name)
    data["extra"] = {"source": ["scan", {"page": 3}]}
    rec = Record.from_dict(data)
    assert _mutable(rec, "record", set()) == []
    result = rec.verify()
    assert _mutable(result.discrepancies, "discrepancies", set()) == []


def _branch() -> Record:
    data = load("branch")
    data["rules"] = {"quorum_inclusive": True, "post_bands": [[None, 2000, 3, 5]]}
    data["extra"] = {"source": ["scan 17"]}
    data["ballots"]["totals"] = {"committee": {"valid": 9, "invalid": 1, "for": {"M01": 8, "M02": 5, "M03": 5}}}
    del data["ballots"]["items"]
    data["reductions"] = {"committee": {"consent": 2}}
    return Record.from_dict(data)


MUTATIONS = {
    "rules": lambda r: r.rules.__setitem__("quorum", "1/2"),
    "a rule's value": lambda r: r.rules["post_bands"].append([1, 2, 3, 4]),
    "extras": lambda r: r.extras.__setitem__("x", 1),
    "an extra's value": lambda r: r.extras[""]["source"].append("more"),
    "totals": lambda r: r.totals.__setitem__("committee", None),
    "a total's votes": lambda r: r.totals["committee"].votes.__setitem__("M01", 9),
    "reductions": lambda r: r.reductions.pop("committee"),
    "declared": lambda r: r.declared.__setitem__("committee", None),
    "declared votes": lambda r: r.declared["committee"].votes.__setitem__("M01", 1),
    "the field itself": lambda r: setattr(r, "rules", {}),
}


@pytest.mark.parametrize("what", sorted(MUTATIONS))
def test_every_part_of_a_record_refuses_to_change(what: str) -> None:
    """Trying to change any part of a record fails, and the record is as it was."""
    rec = _branch()
    before = rec.to_dict()
    with pytest.raises((TypeError, AttributeError, attrs.exceptions.FrozenInstanceError)):
        MUTATIONS[what](rec)
    assert rec.to_dict() == before


def test_a_discrepancy_is_read_only() -> None:
    """Discrepancy.declared and .counted are tuples and FrozenMaps; to_dict gives plain JSON."""
    rec = Record.from_dict(load("branch"))
    found = verify(rec.count(), {"committee": Declared(["M02"], votes={"M01": 1})}).discrepancies
    elected, votes = found
    assert (elected.declared, elected.counted) == (("M02",), ("M01",))
    with pytest.raises(AttributeError):
        elected.declared.append("M03")  # type: ignore[union-attr]
    with pytest.raises(TypeError):
        votes.declared["M01"] = 8  # type: ignore[index]
    assert votes.to_dict() == {"contest": "committee", "what": "votes", "declared": {"M01": 1}, "counted": {"M01": 8}}
    assert Discrepancy("c", "elected", ["A"], ["B"]) == Discrepancy("c", "elected", ("A",), ("B",))
    assert hash(elected) == hash(Discrepancy("committee", "elected", ["M02"], ["M01"]))


def test_a_record_is_hashable_and_equal_after_a_round_trip() -> None:
    """Frozen all the way down: a record has a hash, and reading its JSON again gives an equal one."""
    rec = _branch()
    again = Record.from_dict(rec.to_dict())
    assert again == rec
    assert hash(again) == hash(rec)
