"""The voter roll of a villager or residents' committee election (选民登记).

V-5: villagers aged 18 or over on the election day (C-4) vote, except those deprived of
political rights. V-6: the three bases of registration. V-15, C-5: relatives, for proxies and
for V-28.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Iterator, KeysView, Mapping

import attrs

from ._explain import Reason
from ._register import Register
from ._values import boolean, choice, instances, optional_date, shown, valid_id
from .errors import Problem, RecordError

__all__ = ["Registration", "Relation", "Relative", "Voter", "VoterRoll", "age_on"]


class Registration(enum.StrEnum):
    """V-6: why a person is on the list of villagers taking part in the election."""

    RESIDENT = "resident"
    """户籍 in the village and living there (V-6(1))."""
    AWAY_OPTED_IN = "away-opted-in"
    """户籍 in the village, living elsewhere, and declaring that they take part (V-6(2))."""
    NON_HUKOU_APPROVED = "non-hukou-approved"
    """户籍 elsewhere, living in the village a year or more, applying, and approved by the
    村民会议 or 村民代表会议 (V-6(3))."""


def _registration(value: object) -> Registration:
    return choice(Registration, "registration", value)


class Relation(enum.StrEnum):
    """What one person is to another, for proxies (V-15, C-5) and for near relatives who may not
    serve together (V-28).

    C-5 (民法典 Art. 1045): the near relatives (近亲属) are the spouse, parents, children,
    siblings, grandparents (paternal and maternal) and grandchildren (both lines). Anyone else is
    :attr:`OTHER`, said on purpose: tally never takes an unknown word for "not a near relative".

    >>> Relation("spouse").near, Relation.OTHER.near
    (True, False)
    >>> Relative("V02", "husband")
    Traceback (most recent call last):
      ...
    tally.errors.RecordError: relation: 'husband' is not one of spouse, parent, child, sibling, ..., other
    """

    SPOUSE = "spouse"
    """配偶."""
    PARENT = "parent"
    """父母 (father or mother)."""
    CHILD = "child"
    """子女 (son or daughter)."""
    SIBLING = "sibling"
    """兄弟姐妹."""
    GRANDPARENT = "grandparent"
    """祖父母, 外祖父母."""
    GRANDCHILD = "grandchild"
    """孙子女, 外孙子女."""
    OTHER = "other"
    """Not a near relative (a cousin, a friend, a neighbour, ...)."""

    @property
    def near(self) -> bool:
        """C-5: a near relative (近亲属)."""
        return self is not Relation.OTHER


def _relation(value: object) -> Relation:
    return choice(Relation, "relation", value)


def optional_relation(value: object) -> Relation | None:
    """Converter: a :class:`Relation` (or its value), or ``None`` when it is not given."""
    return None if value is None else choice(Relation, "relation", value)


@attrs.frozen
class Relative:
    """Someone on the roll and what they are to this voter (a :class:`Relation`).

    >>> Relative("V02", "spouse")
    Relative(id='V02', relation=<Relation.SPOUSE: 'spouse'>)
    """

    id: str = attrs.field(validator=valid_id)
    relation: Relation = attrs.field(converter=_relation)


def _relatives(value: Iterable[Relative]) -> tuple[Relative, ...]:
    return instances(Relative, "relatives", value)


def _sex(instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value not in (None, "F", "M"):
        raise RecordError(Problem(attribute.name, "not-sex", {"value": shown(value)}))


def _optional_boolean(instance: object, attribute: attrs.Attribute[bool | None], value: object) -> None:
    """Validator: ``True``, ``False`` or ``None`` (not known: a check that needs it cannot tell)."""
    if value is not None and not isinstance(value, bool):
        raise RecordError(Problem(attribute.name, "not-optional-boolean", {"value": shown(value)}))


def age_on(born: datetime.date, day: datetime.date) -> int:
    """Whole years of age on *day* (C-4): the birthday itself counts.

    >>> age_on(datetime.date(2008, 5, 21), datetime.date(2026, 5, 21))
    18
    >>> age_on(datetime.date(2008, 5, 22), datetime.date(2026, 5, 21))
    17
    """
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


@attrs.frozen
class Voter:
    """A person on the voter roll of a village or community.

    >>> import datetime
    >>> v = Voter("V001", name="王大", born=datetime.date(2008, 5, 22), registration="resident")
    >>> v.ineligible_on(datetime.date(2026, 5, 21))
    <Reason.UNDER_18: 'under-18'>
    >>> v.ineligible_on(datetime.date(2026, 5, 22)) is None
    True
    """

    id: str = attrs.field(validator=valid_id)
    name: str | None = attrs.field(default=None, kw_only=True)
    sex: str | None = attrs.field(default=None, validator=_sex, kw_only=True)
    born: datetime.date | None = attrs.field(default=None, validator=optional_date, kw_only=True)
    registration: Registration = attrs.field(default=Registration.RESIDENT, converter=_registration, kw_only=True)
    household: str | None = attrs.field(default=None, kw_only=True)
    party_member: bool | None = attrs.field(default=None, validator=_optional_boolean, kw_only=True)
    deprived: bool = attrs.field(default=False, validator=boolean, kw_only=True)
    """Deprived of political rights by law (V-5)."""
    relatives: tuple[Relative, ...] = attrs.field(default=(), converter=_relatives, kw_only=True)

    def ineligible_on(self, day: datetime.date) -> Reason | None:
        """V-5: why this person may not vote on *day* (``Reason.DEPRIVED`` or
        ``Reason.UNDER_18``), or ``None`` when they may. A roll entry with no birth date is taken
        as of age: the published list was checked."""
        if self.deprived:
            return Reason.DEPRIVED
        if self.born is not None and age_on(self.born, day) < 18:
            return Reason.UNDER_18
        return None


def _plain_voter(v: Voter) -> bool:
    """A voter who is nothing but an id: a resident with nothing else given."""
    return (
        v.registration is Registration.RESIDENT
        and v.name is None
        and v.sex is None
        and v.born is None
        and v.household is None
        and v.party_member is None
        and v.deprived is False
        and not v.relatives
    )


_new = object.__new__
_set = object.__setattr__


def plain_voter(id: str) -> Voter:
    """``Voter(id)`` for an id already found a non-blank string (the record reader checks it),
    made without running the checks again: a roll of millions is read voter by voter.

    >>> plain_voter("V01") == Voter("V01")
    True
    """
    voter: Voter = _new(Voter)
    for name, value in (
        ("id", id),
        ("name", None),
        ("sex", None),
        ("born", None),
        ("registration", Registration.RESIDENT),
        ("household", None),
        ("party_member", None),
        ("deprived", False),
        ("relatives", ()),
    ):
        _set(voter, name, value)
    return voter


def _voters(value: Iterable[Voter] | Register[Voter]) -> Register[Voter]:
    if isinstance(value, Register):
        return value
    return Register(value, kind=Voter, plain=_plain_voter, make=Voter)


@attrs.frozen(repr=False)
class VoterRoll:
    """Everyone on a village's or community's voter roll, each id once. A voter who is only an
    id (a resident, nothing else given) is kept as that id and made again on access.

    >>> roll = VoterRoll([Voter("V1"), Voter("V2", registration="away-opted-in")])
    >>> len(roll), roll["V2"].registration
    (2, <Registration.AWAY_OPTED_IN: 'away-opted-in'>)
    """

    _people: Register[Voter] = attrs.field(alias="voters", converter=_voters)

    @property
    def voters(self) -> tuple[Voter, ...]:
        """Every voter in roll order (made on each call: iterate the roll to go one by one)."""
        return tuple(self._people)

    def __len__(self) -> int:
        return len(self._people)

    def __iter__(self) -> Iterator[Voter]:
        return iter(self._people)

    def __contains__(self, id: object) -> bool:
        return id in self._people

    def ids(self) -> KeysView[str]:
        """Every id in roll order, as a set-like view (``roll.ids() >= {"M01", "M02"}``)."""
        return self._people.ids()

    def __getitem__(self, id: str) -> Voter:
        """The voter with this id; a :class:`KeyError` if there is none."""
        return self._people[id]

    def __repr__(self) -> str:
        return f"VoterRoll({self._people!r})"

    @property
    def positions(self) -> Mapping[str, int]:
        """Every id with its place in the roll (read-only; worked out on first use)."""
        return self._people.positions()

    def special(self) -> Iterator[Voter]:
        """The voters with anything more than an id (a birth date, a household, ...), in roll
        order: every other voter is a resident of age, not deprived (V-5)."""
        return self._people.special()


def voter_roll_of(entries: Iterable[Voter | str]) -> VoterRoll:
    """A voter roll from voters and bare ids, each bare id an ordinary voter (for the record
    reader, which has checked the ids)."""
    return VoterRoll(Register(entries, kind=Voter, plain=_plain_voter, make=Voter, bare_ids=True))


def as_voter_roll(roll: VoterRoll | Iterable[Voter]) -> VoterRoll:
    """Accept a :class:`VoterRoll` or any iterable of voters."""
    return roll if isinstance(roll, VoterRoll) else VoterRoll(roll)
