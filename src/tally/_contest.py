"""Contests: what is to be elected in one section of the ballot, and the margin it needs.

P-12, P-13: a regular contest for committee members or delegates needs a competitive margin
(差额) of at least 20% of the seats; P-14: the secretary and deputy secretary may have one
candidate per post (等额); OQ-P6: a further election needs more candidates than seats.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from ._explain import Code, rule_of
from ._rulebook import Kind, Rulebook
from ._values import MOST_CANDIDATES, MOST_SEATS, Quoted, choice, count_problem, id_reason, shown, valid_id
from .errors import Problem, RecordError, RuleError

__all__ = ["Contest", "Post", "Stage", "least_candidates"]


class Stage(enum.StrEnum):
    """Which vote of a contest this is."""

    REGULAR = "regular"
    """The first, regular vote (正式选举)."""
    TIE_BREAK = "tie-break"
    """Another vote among the candidates tied at the cut-off (P-23, V-22): most votes win."""
    FURTHER = "further"
    """A further election (另行选举) for seats left unfilled (P-24, P-25, V-23)."""
    BY_ELECTION = "by-election"
    """A by-election (补选) for members who left: counted as an election, for the seats it fills
    (V-32, R-4); it is not the whole committee, so the committee's size is not checked on it."""


class Post(enum.StrEnum):
    """The post a contest fills."""

    MEMBER = "member"
    """委员 (committee member) or delegate."""
    SECRETARY = "secretary"
    """书记 (P-14)."""
    DEPUTY_SECRETARY = "deputy-secretary"
    """副书记 (P-14)."""
    CHAIR = "chair"
    """主任 of a villager or residents' committee (V-1, R-1)."""
    VICE_CHAIR = "vice-chair"
    """副主任."""
    WOMEN_MEMBER = "women-member"
    """妇女委员: a separate post for a woman member (V-30)."""


# V-27: the order of the posts, highest first; a person elected to two keeps the higher.
POST_RANK = {
    Post.SECRETARY: 0,
    Post.DEPUTY_SECRETARY: 1,
    Post.CHAIR: 0,
    Post.VICE_CHAIR: 1,
    Post.MEMBER: 2,
    Post.WOMEN_MEMBER: 2,
}


def _stage(value: object) -> Stage:
    return choice(Stage, "stage", value)


def _post(value: object) -> Post:
    return choice(Post, "post", value)


def _seats(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    problem = count_problem(value, least=1, most=MOST_SEATS)
    if problem is not None:
        raise RecordError(problem.at("seats"))


def _ids(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise RecordError(Problem("candidates", "not-id-list", {"value": shown(value)}))
    out = tuple(value)
    if len(out) > MOST_CANDIDATES:
        raise RecordError(
            Problem("candidates", "too-many-candidates", {"most": MOST_CANDIDATES, "count": len(out)})
        )
    return out


@attrs.frozen
class Contest:
    """One contest: its ``id``, the ``seats`` to fill, the ``candidates`` in ballot order, the
    ``post`` and the ``stage`` of the vote.

    >>> c = Contest("committee", seats=5, candidates=["M01", "M02", "M03", "M04", "M05", "M06"])
    >>> c.candidates, c.post, c.stage
    (('M01', 'M02', 'M03', 'M04', 'M05', 'M06'), <Post.MEMBER: 'member'>, <Stage.REGULAR: 'regular'>)
    >>> Contest("committee", seats=2, candidates=["M01", "M01", "M02"])
    Traceback (most recent call last):
      ...
    tally.errors.RecordError: candidates[1]: duplicate candidate 'M01' (first at candidates[0])
    """

    id: str = attrs.field(validator=valid_id)
    seats: int = attrs.field(validator=_seats, kw_only=True)
    candidates: tuple[str, ...] = attrs.field(converter=_ids, kw_only=True)
    title: str = attrs.field(default="", kw_only=True)
    post: Post = attrs.field(default=Post.MEMBER, converter=_post, kw_only=True)
    stage: Stage = attrs.field(default=Stage.REGULAR, converter=_stage, kw_only=True)

    def __attrs_post_init__(self) -> None:
        seen: dict[str, int] = {}
        problems = []
        for i, who in enumerate(self.candidates):
            why = id_reason(who)
            if why is not None:
                problems.append(why.at(f"candidates[{i}]"))
            elif who in seen:
                values = {"id": shown(who), "first": f"candidates[{seen[who]}]"}
                problems.append(Problem(f"candidates[{i}]", "duplicate-candidate", values))
            else:
                seen[who] = i
        if problems:
            raise RecordError(problems)


def least_candidates(contest: Contest, rulebook: Rulebook) -> tuple[int, str]:
    """The fewest candidates the rules allow for this contest, and the rule that says so.

    >>> from tally import preset
    >>> book = preset("cpc-basic-2020")
    >>> [least_candidates(Contest("c", seats=s, candidates=[]), book)[0] for s in (3, 5, 6, 11)]
    [4, 6, 8, 14]
    >>> least_candidates(Contest("s", seats=1, candidates=[], post="secretary"), book)
    (1, 'P-14')
    >>> least_candidates(Contest("c", seats=2, candidates=[], post="chair"), preset("village-national-2018"))
    (3, 'V-10')
    """
    least, rule, _ = _bounds(contest, rulebook)
    return least, rule


def _bounds(contest: Contest, rulebook: Rulebook) -> tuple[int, str, int | None]:
    """(least, rule, most) candidates for a contest; ``most`` is ``None`` when unbounded."""
    seats, kind = contest.seats, rulebook.kind
    if rulebook.without_candidates and not contest.candidates:
        return 0, "V-11", None  # V-11: nobody is nominated; every mark is a name written in
    if contest.stage is Stage.TIE_BREAK:
        return seats + 1, rule_of(Code.TIE_BREAK_CANDIDATES, kind), None  # the tied outnumber the seats
    if contest.stage is Stage.FURTHER:
        return seats + rulebook.further_extra_candidates, rule_of(Code.FURTHER_MARGIN, kind), None
    if contest.post in rulebook.uncontested_posts:
        return seats, rule_of(Code.UNCONTESTED, kind), None  # P-14, 等额: one candidate per post
    # P-12: (candidates - seats) >= seats * margin, in integers: the least whole margin.
    n, d = rulebook.margin.numerator, rulebook.margin.denominator
    least, most = seats + -(-seats * n // d), None
    extra = rulebook.post_margins.get(contest.post.value, rulebook.post_margins.get("*"))
    if extra is not None:  # V-10, R-6: the provinces' extra candidates per post
        least = max(least, seats + extra[0])
        most = None if extra[1] is None else seats + extra[1]
    return least, rule_of(Code.MARGIN, kind), most


_PARTY = {Kind.PARTY_MEETING, Kind.PARTY_CONFERENCE}


_INSUFFICIENT = Quoted("INSUFFICIENT_MARGIN", "差额不足")
"""The name programmers look for in the English message of too few candidates; the Chinese says
it in words."""


def check_margin(contest: Contest, rulebook: Rulebook) -> Problem | None:
    """The problem with a contest's candidate count under the rules, or ``None``."""
    least, rule, most = _bounds(contest, rulebook)
    have = len(contest.candidates)
    if have < least:
        values = {"have": have, "seats": contest.seats, "least": least, "rule": rule, "error": _INSUFFICIENT}
        return Problem("candidates", "contest-margin-too-small", values)
    if most is not None and have > most:
        values = {"have": have, "seats": contest.seats, "most": most, "rule": rule}
        return Problem("candidates", "contest-margin-too-large", values)
    return None


def check_contests(contests: Iterable[Contest], rulebook: Rulebook) -> tuple[Contest, ...]:
    """Every contest of a round is a Contest with a distinct id and enough candidates; else a
    :class:`~tally.errors.RuleError` (margins) or :class:`~tally.errors.RecordError` (shape)."""
    out = tuple(contests)
    shape: list[Problem] = []
    margins: list[Problem] = []
    seen: dict[str, int] = {}
    for i, contest in enumerate(out):
        where = f"contests[{i}]"
        if not isinstance(contest, Contest):
            shape.append(Problem(where, "not-instance", {"type": "Contest", "value": shown(contest)}))
            continue
        if contest.id in seen:
            first = seen[contest.id]
            values = {"id": shown(contest.id), "first": f"contests[{first}]"}
            shape.append(Problem(f"{where}.id", "duplicate-contest-id", values))
            continue
        seen[contest.id] = i
        problem = check_margin(contest, rulebook)
        if problem is not None:
            margins.append(problem.within(where))
    if shape:
        raise RecordError(shape)
    if margins:
        raise RuleError(margins)
    if not out:
        raise RecordError(Problem("contests", "no-contest"))
    return out
