"""The roll of a party organisation: members, their standing and rights, the electorate.

P-1 … P-5: only full members (正式党员) whose rights are neither under 留党察看 (P-3) nor
suspended (P-4) have the right to vote and to be elected; they make up the electorate.
"""

from __future__ import annotations

import datetime
import enum
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, KeysView, Mapping
from typing import TypeVar

import attrs

from ._register import Register
from ._values import choice, optional_date, shown, valid_id
from .errors import Problem, RecordError

__all__ = ["Member", "Rights", "Roll", "Standing"]

K = TypeVar("K", bound=Hashable)


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
    if value is Standing.FULL or (type(value) is str and value == "full"):  # most members: no lookup
        return Standing.FULL
    return choice(Standing, "standing", value)


def _rights(value: object) -> Rights:
    if value is Rights.FULL or (type(value) is str and value == "full"):
        return Rights.FULL
    return choice(Rights, "rights", value)


def _sex(instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    """Validator: ``"F"``, ``"M"`` or ``None`` (not known)."""
    if value not in (None, "F", "M"):
        raise RecordError(Problem(attribute.name, "not-sex", {"value": shown(value)}))


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

    id: str = attrs.field(validator=valid_id)
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


_new = object.__new__
_set = object.__setattr__


def plain_member(id: str) -> Member:
    """``Member(id)`` for an id already found a non-blank string (the record reader checks it),
    made without running the checks again: a roll of millions is read member by member.

    >>> plain_member("M01") == Member("M01")
    True
    """
    member: Member = _new(Member)
    _set(member, "id", id)
    _set(member, "name", None)
    _set(member, "standing", Standing.FULL)
    _set(member, "rights", Rights.FULL)
    _set(member, "sex", None)
    _set(member, "born", None)
    return member


def _plain_member(m: Member) -> bool:
    """A member who is nothing but an id: full standing, rights in force, nothing else given."""
    return (
        m.standing is Standing.FULL and m.rights is Rights.FULL and m.name is None and m.sex is None and m.born is None
    )


def _members(value: Iterable[Member] | Register[Member]) -> Register[Member]:
    if isinstance(value, Register):
        return value
    return Register(value, kind=Member, plain=_plain_member, make=Member)


@attrs.frozen(repr=False)
class Roll:
    """Everyone on the roll, each id once.

    >>> roll = Roll([Member("M01"), Member("M02", standing="probationary")])
    >>> len(roll), roll["M02"].standing, roll.electorate
    (2, <Standing.PROBATIONARY: 'probationary'>, ('M01',))
    >>> Roll([Member("M01"), Member("M02"), Member("M01")])
    Traceback (most recent call last):
      ...
    tally.errors.RecordError: roll[2].id: duplicate id 'M01' (first at roll[0])

    A member who is only an id (a full member with rights in force, nothing else given) is kept
    as that id and made again on access, so a roll of millions costs little more than its ids:

    >>> roll["M01"]
    Member(id='M01', name=None, standing=<Standing.FULL: 'full'>, rights=<Rights.FULL: 'full'>, sex=None, born=None)
    """

    _people: Register[Member] = attrs.field(alias="members", converter=_members)

    @property
    def members(self) -> tuple[Member, ...]:
        """Every member in roll order (made on each call: iterate the roll to go one by one)."""
        return tuple(self._people)

    def __len__(self) -> int:
        return len(self._people)

    def __iter__(self) -> Iterator[Member]:
        return iter(self._people)

    def __contains__(self, id: object) -> bool:
        return id in self._people

    def ids(self) -> KeysView[str]:
        """Every id in roll order, as a set-like view (``roll.ids() >= {"M01", "M02"}``)."""
        return self._people.ids()

    def __getitem__(self, id: str) -> Member:
        """The member with this id; a :class:`KeyError` if there is none."""
        return self._people[id]

    def __repr__(self) -> str:
        return f"Roll({self._people!r})"

    @property
    def positions(self) -> Mapping[str, int]:
        """Every id with its place in the roll (read-only; worked out on first use)."""
        return self._people.positions()

    def position(self, id: str) -> int:
        """Where the member with this id stands in the roll (for error paths)."""
        return self._people.positions()[id]

    @property
    def electorate(self) -> tuple[str, ...]:
        """P-5: the ids of the members with the right to vote, in roll order."""
        return tuple(m.id for m in self._people if m.in_electorate)

    def special(self) -> Iterator[Member]:
        """The members with anything more than an id (a name, a standing, ...), in roll order:
        every other member is a full member with rights in force (P-5)."""
        return self._people.special()

    def count_by(self, key: Callable[[Member], K]) -> Counter[K]:
        """How many members have each value of ``key(member)``, for a *key* that reads a
        member's standing, never the id (ordinary members are asked once for all).

        >>> Roll([Member("M01"), Member("M02"), Member("P1", standing="probationary")]).count_by(
        ...     lambda m: m.in_electorate)
        Counter({True: 2, False: 1})
        """
        return self._people.count_by(key)


def roll_of(entries: Iterable[Member | str]) -> Roll:
    """A roll from members and bare ids, each bare id an ordinary member (for the record reader,
    which has checked the ids: a bare id is not checked again)."""
    return Roll(Register(entries, kind=Member, plain=_plain_member, make=Member, bare_ids=True))


def as_roll(roll: Roll | Iterable[Member]) -> Roll:
    """Accept a :class:`Roll` or any iterable of members."""
    return roll if isinstance(roll, Roll) else Roll(roll)
