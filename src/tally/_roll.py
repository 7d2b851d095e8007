"""The roll of a party organisation: members, their standing and rights, the electorate.

P-1 … P-5: only full members (正式党员) whose rights are neither under 留党察看 (P-3) nor
suspended (P-4) have the right to vote and to be elected; they make up the electorate.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType

import attrs

from ._values import choice, nonblank, optional_date
from .errors import Problem, RecordError

__all__ = ["Member", "Rights", "Roll", "Standing"]


class Standing(enum.StrEnum):
    """P-1, P-2: a member's standing in the party."""

    FULL = "full"
    """正式党员: has the rights to vote, to elect and to be elected (P-1)."""
    PROBATIONARY = "probationary"
    """预备党员: may attend, has none of the three rights, never counts in a base (P-2)."""


class Rights(enum.StrEnum):
    """P-3, P-4: whether a full member's rights are in force."""

    FULL = "full"
    """The rights are in force."""
    PROBATION = "probation"
    """留党察看: no vote, election or candidacy rights during the probation (P-3)."""
    SUSPENDED = "suspended"
    """中止: suspended by the party organisation for a member in 留置 or under arrest (P-4)."""


def _standing(value: object) -> Standing:
    return choice(Standing, "standing", value)


def _rights(value: object) -> Rights:
    return choice(Rights, "rights", value)



def _sex(instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    """Validator: ``"F"``, ``"M"`` or ``None`` (not known)."""
    if value not in (None, "F", "M"):
        raise RecordError(Problem(attribute.name, f"must be F or M, not {value!r}"))


@attrs.frozen
class Member:
    """A person on the roll of a party organisation, as of the day of the meeting (C-4).

    >>> Member("M03", name="王五", rights="probation").in_electorate
    False
    >>> Member("M04", standing="lapsed")
    Traceback (most recent call last):
      ...
    tally.errors.RecordError: standing: 'lapsed' is not one of full, probationary
    """

    id: str = attrs.field(validator=nonblank)
    name: str | None = attrs.field(default=None, kw_only=True)
    standing: Standing = attrs.field(default=Standing.FULL, converter=_standing, kw_only=True)
    rights: Rights = attrs.field(default=Rights.FULL, converter=_rights, kw_only=True)
    sex: str | None = attrs.field(default=None, validator=_sex, kw_only=True)
    born: datetime.date | None = attrs.field(default=None, validator=optional_date, kw_only=True)

    @property
    def in_electorate(self) -> bool:
        """P-5: a full member whose rights are in force (有选举权的党员)."""
        return self.standing is Standing.FULL and self.rights is Rights.FULL

    @property
    def outside_electorate_rule(self) -> str | None:
        """The rule that keeps this member out of the electorate, or ``None`` if none does."""
        if self.standing is Standing.PROBATIONARY:
            return "P-2"
        if self.rights is Rights.PROBATION:
            return "P-3"
        if self.rights is Rights.SUSPENDED:
            return "P-4"
        return None


def index_ids(items: tuple[object, ...], cls: type) -> dict[str, int]:
    """Each item's id and place in a roll; every item that is not a *cls*, and every id that
    comes again, is a :class:`RecordError` (all at once)."""
    index: dict[str, int] = {}
    problems = []
    for i, item in enumerate(items):
        if not isinstance(item, cls):
            problems.append(Problem(f"roll[{i}]", f"must be a {cls.__name__}, not {item!r}"))
            continue
        who = item.id  # type: ignore[attr-defined]
        if who in index:
            problems.append(Problem(f"roll[{i}].id", f"duplicate id {who!r} (first at roll[{index[who]}])"))
        else:
            index[who] = i
    if problems:
        raise RecordError(problems)
    return index


def _members(value: Iterable[Member]) -> tuple[Member, ...]:
    return tuple(value)


@attrs.frozen
class Roll:
    """Everyone on the roll, each id once.

    >>> roll = Roll([Member("M01"), Member("M02", standing="probationary")])
    >>> len(roll), roll["M02"].standing, roll.electorate
    (2, <Standing.PROBATIONARY: 'probationary'>, ('M01',))
    >>> Roll([Member("M01"), Member("M02"), Member("M01")])
    Traceback (most recent call last):
      ...
    tally.errors.RecordError: roll[2].id: duplicate id 'M01' (first at roll[0])
    """

    members: tuple[Member, ...] = attrs.field(converter=_members)
    _index: dict[str, int] = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", index_ids(self.members, Member))

    def __len__(self) -> int:
        return len(self.members)

    def __iter__(self) -> Iterator[Member]:
        return iter(self.members)

    def __contains__(self, id: object) -> bool:
        return id in self._index

    def __getitem__(self, id: str) -> Member:
        """The member with this id; a :class:`KeyError` if there is none."""
        return self.members[self._index[id]]

    @property
    def positions(self) -> Mapping[str, int]:
        """Every id with its place in the roll (read-only)."""
        return MappingProxyType(self._index)

    def position(self, id: str) -> int:
        """Where the member with this id stands in the roll (for error paths)."""
        return self._index[id]

    @property
    def electorate(self) -> tuple[str, ...]:
        """P-5: the ids of the members with the right to vote, in roll order."""
        return tuple(m.id for m in self.members if m.in_electorate)


def as_roll(roll: Roll | Iterable[Member]) -> Roll:
    """Accept a :class:`Roll` or any iterable of members."""
    return roll if isinstance(roll, Roll) else Roll(roll)
