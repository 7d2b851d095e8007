"""Comparing a recount with what was declared.

A round agrees with its declaration only when every contest's counted ``elected`` equals the
declared one (as sets) and, where declared votes are given, every declared vote equals the
counted one. A void round (P-20) never agrees: it must be held again, whatever was declared; an
inquorate meeting (P-10), or a polling short of its turnout (V-19), agrees only with a
declaration that elects nobody.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

import attrs

from ._count import Round
from ._explain import Code
from ._roll import Member, Roll
from ._values import MOST_BALLOTS, FrozenMap, count_problem, id_reason, int_map, shown
from ._voters import Voter, VoterRoll
from .errors import Problem, RecordError

__all__ = ["Declared", "Discrepancy", "Verification", "declared_problems", "verify"]


def _ids(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise RecordError(Problem("elected", "not-id-list", {"value": shown(value)}))
    out = tuple(value)
    problems = [why.at(f"elected[{i}]") for i, who in enumerate(out) if (why := id_reason(who)) is not None]
    if problems:
        raise RecordError(problems)
    return out


def _optional_votes(value: Mapping[str, int] | None) -> FrozenMap[int] | None:
    if value is None:
        return None
    votes = int_map(value)
    problems = [
        why.at(f"votes.{who}") for who, n in votes.items() if (why := count_problem(n, most=MOST_BALLOTS)) is not None
    ]
    if problems:
        raise RecordError(problems)
    return votes


@attrs.frozen
class Declared:
    """What was announced for one contest: the ``elected`` ids and, optionally, the ``votes``.

    >>> Declared(["M01", "M04"], votes={"M01": 30, "M04": 25})
    Declared(elected=('M01', 'M04'), votes=FrozenMap({'M01': 30, 'M04': 25}))
    """

    elected: tuple[str, ...] = attrs.field(converter=_ids)
    votes: FrozenMap[int] | None = attrs.field(default=None, converter=_optional_votes, kw_only=True)


def _frozen(value: object) -> object:
    """Converter: a declared or counted value, read-only: a list of ids as a tuple, votes by id as
    a :class:`~tally.FrozenMap`."""
    if isinstance(value, list | tuple):
        return tuple(value)
    if isinstance(value, Mapping):
        return FrozenMap(value)
    return value


def _plain(value: object) -> object:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, Mapping):
        return dict(value)
    return value


@attrs.frozen
class Discrepancy:
    """One way the recount differs from the declaration: in ``contest``, ``what`` (``"elected"``,
    ``"votes"``, ``"not declared"``, ``"void round"``, ``"inquorate"`` or ``"turnout not met"``), with the declared and
    the counted value."""

    contest: str
    what: str
    declared: object = attrs.field(default=None, converter=_frozen)
    """What was declared: ids (a tuple), votes by id (a :class:`~tally.FrozenMap`), or ``None``."""
    counted: object = attrs.field(default=None, converter=_frozen)
    """What the recount found, in the same form."""

    def to_dict(self) -> dict[str, object]:
        """As the result format writes it (plain JSON: lists and objects)."""
        return {
            "contest": self.contest,
            "what": self.what,
            "declared": _plain(self.declared),
            "counted": _plain(self.counted),
        }


@attrs.frozen
class Verification:
    """A counted round beside its declaration: ``agrees`` when there is no ``discrepancies``."""

    round: Round
    discrepancies: tuple[Discrepancy, ...]

    @property
    def agrees(self) -> bool:
        """Whether the recount agrees with what was declared."""
        return not self.discrepancies


# What a declaration that elects someone in a round that could not elect is at odds with.
_NOT_HELD = {Code.NOT_HELD_INQUORATE: "inquorate", Code.NOT_HELD_TURNOUT: "turnout not met"}


def declared_problems(
    declared: Mapping[str, Declared], *, contests: Iterable[str], roll: Iterable[Member | Voter]
) -> list[Problem]:
    """What was declared must name contests of the round and, in ``elected`` and in the keys of
    ``votes``, ids on the roll: a name, or an id that is not there, would read as a winner who
    was not counted. A name where an id belongs is said to be one, with the id it names.

    >>> from tally import Member
    >>> roll = [Member("V07", name="张伟"), Member("V08", name="李娜")]
    >>> for p in declared_problems({"chair": Declared(["张伟"], votes={"V99": 3})}, contests=["chair"], roll=roll):
    ...     print(p)  # noqa: io
    declared.chair.elected[0]: '张伟' is the name of V07; give the id
    declared.chair.votes.V99: 'V99' is not an id on the roll
    """
    ids: Collection[str]
    people: list[Member | Voter]
    if isinstance(roll, Roll | VoterRoll):
        # A roll of millions: its ids as they are, and only those kept with more than an id can
        # have a name (the others are not made one by one).
        ids, people = roll.ids(), [*roll.special()]
    else:
        people = list(roll)
        ids = {person.id for person in people}
    names: dict[str, list[str]] = {}
    for person in people:
        if person.name and person.name.strip():
            names.setdefault(person.name.strip(), []).append(person.id)
    known = set(contests)
    problems = []
    for cid, said in declared.items():
        where = f"declared.{cid}"
        if cid not in known:
            problems.append(Problem(where, "no-such-contest", {"id": shown(cid)}))
            continue
        first: dict[str, int] = {}
        for i, who in enumerate(said.elected):
            if who in first:
                values = {"who": shown(who), "first": f"elected[{first[who]}]"}
                problems.append(Problem(f"{where}.elected[{i}]", "listed-twice", values))
            first.setdefault(who, i)
        named = [(f"{where}.elected[{i}]", who) for i, who in enumerate(said.elected) if first[who] == i]
        named += [(f"{where}.votes.{who}", who) for who in (said.votes or {})]
        for path, who in named:
            if who in ids:
                continue
            owners = names.get(who.strip()) if isinstance(who, str) else None
            if owners:
                problems.append(Problem(path, "declared-name-not-id", {"who": shown(who), "owners": tuple(owners)}))
            else:
                problems.append(Problem(path, "declared-not-on-roll", {"who": shown(who)}))
    return problems


def verify(round: Round, declared: Mapping[str, Declared]) -> Verification:
    """Compare a counted round with the declaration, contest by contest.

    >>> from tally import Ballot, Contest, Member, count, meeting, preset
    >>> m = meeting([Member("A"), Member("B"), Member("C")], present=["A", "B", "C"],
    ...             rulebook=preset("cpc-basic-2020"))
    >>> r = count([Contest("c", seats=1, candidates=["A", "B"])], [Ballot({"c": {"for": ["A"]}})] * 3,
    ...           meeting=m)
    >>> verify(r, {"c": Declared(["A"])}).agrees
    True
    >>> verify(r, {"c": Declared(["B"])}).discrepancies
    (Discrepancy(contest='c', what='elected', declared=('B',), counted=('A',)),)
    """
    contests = [c.contest.id for c in round.contests]
    problems = declared_problems(declared, contests=contests, roll=round.meeting.roll)
    if problems:
        raise RecordError(problems)
    found: list[Discrepancy] = []
    for result in round.contests:
        cid = result.contest.id
        said = declared.get(cid)
        if round.void:
            # P-20: more ballots than voters: the round must be held again, whatever was declared.
            found.append(Discrepancy(cid, "void round", None if said is None else list(said.elected), []))
            continue
        if said is None:
            found.append(Discrepancy(cid, "not declared", None, sorted(result.elected)))
            continue
        if set(said.elected) != set(result.elected):
            what = _NOT_HELD.get(round.stopped_by, "elected") if round.stopped_by is not None else "elected"
            found.append(Discrepancy(cid, what, list(said.elected), list(result.elected)))
        if said.votes is not None:
            for who, n in said.votes.items():
                got = result.votes.get(who, 0)
                if n != got:
                    found.append(Discrepancy(cid, "votes", {who: n}, {who: got}))
    return Verification(round=round, discrepancies=tuple(found))
