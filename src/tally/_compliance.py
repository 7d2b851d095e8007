"""Compliance checks: the two committees' composition (T-1 … T-6, V-1, V-28 … V-30, R-1) and the
election timeline (V-8, C-6).

Each check is named, cites its rule and says whether it is statutory or a policy target; its
finding is ``met``, ``not met``, ``not applicable`` or ``cannot tell`` (data missing). A check
never changes who was elected: it reads an elected board as given.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Literal

import attrs

from ._contest import Contest, Post, Stage
from ._proxy import Proxy
from ._rulebook import Kind, Rulebook
from ._values import (
    MOST_BALLOTS,
    FrozenMap,
    count_problem,
    instances,
    int_map,
    nonblank,
    optional_date,
    shown,
    valid_id,
)
from ._voters import Relative, age_on
from .errors import Problem, RecordError

__all__ = [
    "Board",
    "Finding",
    "Objection",
    "Seat",
    "Timeline",
    "check_board",
    "check_committee",
    "check_timeline",
    "period_end",
]

Status = Literal["met", "not met", "not applicable", "cannot tell"]


def _optional_bool(instance: object, attribute: attrs.Attribute[bool | None], value: object) -> None:
    if value is not None and not isinstance(value, bool):
        raise RecordError(Problem(attribute.name, "not-optional-boolean", {"value": shown(value)}))


def _date(instance: object, attribute: attrs.Attribute[datetime.date], value: object) -> None:
    if not isinstance(value, datetime.date):
        raise RecordError(Problem(attribute.name, "not-date", {"value": shown(value)}))


def _optional_count(instance: object, attribute: attrs.Attribute[int | None], value: object) -> None:
    if value is not None and (problem := count_problem(value, most=MOST_BALLOTS)) is not None:
        raise RecordError(problem.at(attribute.name))


def _relatives_tuple(value: Iterable[Relative]) -> tuple[Relative, ...]:
    return instances(Relative, "relatives", value)


def _village_seats(value: Iterable[Seat]) -> tuple[Seat, ...]:
    return instances(Seat, "village", value)


def _party_seats(value: Iterable[Seat]) -> tuple[Seat, ...]:
    return instances(Seat, "party", value)


def _objections(value: Iterable[Objection]) -> tuple[Objection, ...]:
    return instances(Objection, "objections", value)


@attrs.frozen
class Seat:
    """One elected member of a board: their ``post`` and what the checks need to know."""

    id: str = attrs.field(validator=valid_id)
    post: str = attrs.field(validator=nonblank, kw_only=True)
    name: str | None = attrs.field(default=None, kw_only=True)
    sex: str | None = attrs.field(default=None, kw_only=True)
    born: datetime.date | None = attrs.field(default=None, validator=optional_date, kw_only=True)
    party_member: bool | None = attrs.field(default=None, validator=_optional_bool, kw_only=True)
    relatives: tuple[Relative, ...] = attrs.field(default=(), converter=_relatives_tuple, kw_only=True)


@attrs.frozen
class Board:
    """The elected boards of a village or community: the villager (or residents') committee, the
    party committee (or branch), and what the checks need of the place."""

    village: tuple[Seat, ...] = attrs.field(default=(), converter=_village_seats, kw_only=True)
    party: tuple[Seat, ...] = attrs.field(default=(), converter=_party_seats, kw_only=True)
    population: int | None = attrs.field(default=None, validator=_optional_count, kw_only=True)
    party_members: int | None = attrs.field(default=None, validator=_optional_count, kw_only=True)


@attrs.frozen
class Objection:
    """An objection to the voter list (V-8): when it was filed and when it was decided."""

    filed: datetime.date = attrs.field(validator=_date)
    decided: datetime.date | None = attrs.field(default=None, validator=optional_date, kw_only=True)


@attrs.frozen
class Timeline:
    """The dates of a polling's preparation (V-8)."""

    published: datetime.date | None = attrs.field(default=None, validator=optional_date, kw_only=True)
    objections: tuple[Objection, ...] = attrs.field(default=(), converter=_objections, kw_only=True)


@attrs.frozen
class Finding:
    """One check's finding: its name, rule, whether it is ``statutory`` (else a policy target, a
    warning), the ``status``, a ``detail`` phrase, whom it concerns and the numbers it used."""

    check: str
    rule: str
    statutory: bool
    status: Status
    detail: str = ""
    subject: str | None = None
    numbers: FrozenMap[int] = attrs.field(factory=FrozenMap, converter=int_map)

    def to_dict(self) -> dict[str, object]:
        """As the result format writes it."""
        out: dict[str, object] = {
            "check": self.check,
            "rule": self.rule,
            "statutory": self.statutory,
            "status": self.status,
            "detail": self.detail,
        }
        if self.subject is not None:
            out["subject"] = self.subject
        out["numbers"] = dict(self.numbers)
        return out


_VILLAGE = {Kind.VILLAGE_COMMITTEE, Kind.RESIDENTS_COMMITTEE}
_CLOSE = {"spouse", "parent", "child", "sibling"}


def check_board(board: Board, *, rulebook: Rulebook, day: datetime.date) -> tuple[Finding, ...]:
    """Every composition check of an elected board, on the election day (C-4).

    >>> import datetime
    >>> from tally import preset
    >>> b = Board(village=[Seat("A", post="chair", sex="M", born=datetime.date(1980, 1, 1), party_member=True),
    ...                    Seat("B", post="member", sex="F", born=datetime.date(1995, 1, 1), party_member=True),
    ...                    Seat("C", post="member", sex="M", born=datetime.date(1970, 1, 1), party_member=False)])
    >>> [(f.check, f.status) for f in check_board(b, rulebook=preset("village-national-2018"),
    ...                                            day=datetime.date(2026, 5, 21))][:4]
    [('committee-size', 'met'), ('women', 'met'), ('youth', 'met'), ('party-share', 'met')]
    """
    if not isinstance(board, Board):
        raise RecordError(Problem("board", "not-instance", {"type": "Board", "value": shown(board)}))
    out: list[Finding] = []
    village, party = board.village, board.party
    out.append(_size(len(village), rulebook))
    out.append(_women(village, rulebook))
    out.append(_youth(village, party, rulebook, day))
    out.append(_party_share(village, rulebook))
    out.append(_one_shoulder(village, party))
    out.append(_post_band(village, board.population, rulebook))
    out.extend(_relatives(village, rulebook))
    out.append(_women_post(village, rulebook))
    out.append(_party_organisation(board.party_members))
    return tuple(out)


def _size(members: int, rulebook: Rulebook) -> Finding:
    """V-1, R-1 (statutory): the committee has 3–7 members (villages) or 5–9 (residents)."""
    rule = "R-1" if rulebook.kind is Kind.RESIDENTS_COMMITTEE else "V-1"
    if rulebook.committee_size is None or not members:
        return Finding("committee-size", rule, True, "not applicable")
    lo, hi = rulebook.committee_size
    status: Status = "met" if lo <= members <= hi else "not met"
    return Finding("committee-size", rule, True, status, "members", None, {"members": members, "least": lo, "most": hi})


def whole_committee(contests: Iterable[Contest]) -> bool:
    """Whether these contests elect a whole villager or residents' committee: a regular vote of
    the chair and of the members (one paper, or the separate votes of one election together)."""
    posts = {c.post for c in contests if c.stage is Stage.REGULAR}
    return Post.CHAIR in posts and bool(posts & {Post.MEMBER, Post.WOMEN_MEMBER})


def check_committee(contests: Iterable[Contest], *, rulebook: Rulebook) -> Finding:
    """V-1, R-1: the regular contests that elect a whole committee (one vote, or every separate
    vote of the election together, from one record or several) add up to a size the law allows:
    3–7 for a villager committee, 5–9 for a residents' committee. A composition finding
    (statutory), never a reason to refuse a count: a record of the chair's vote alone is counted,
    and its size is checked with the other votes of the same election.

    >>> from tally import Contest, preset
    >>> f = check_committee([Contest("m", seats=4, candidates=[])], rulebook=preset("residents-national-2018"))
    >>> f.check, f.rule, f.status, dict(f.numbers)
    ('committee-size', 'R-1', 'not met', {'members': 4, 'least': 5, 'most': 9})
    """
    contests = tuple(contests)
    for i, c in enumerate(contests):
        if not isinstance(c, Contest):
            raise RecordError(Problem(f"contests[{i}]", "not-instance", {"type": "Contest", "value": shown(c)}))
    return _size(sum(c.seats for c in contests if c.stage is Stage.REGULAR), rulebook)


def _women(village: tuple[Seat, ...], rulebook: Rulebook) -> Finding:
    # T-2, V-29: 村民委员会成员中应当有妇女成员 (statutory).
    if not village or rulebook.kind not in _VILLAGE:
        return Finding("women", "T-2", True, "not applicable")
    women = sum(1 for s in village if s.sex == "F")
    unknown = sum(1 for s in village if s.sex is None)
    numbers = {"women": women, "least": rulebook.min_women, "unknown": unknown}
    if women >= rulebook.min_women:
        return Finding("women", "T-2", True, "met", "women", None, numbers)
    status: Status = "cannot tell" if women + unknown >= rulebook.min_women else "not met"
    return Finding("women", "T-2", True, status, "women", None, numbers)


def _youth(village: tuple[Seat, ...], party: tuple[Seat, ...], rulebook: Rulebook, day: datetime.date) -> Finding:
    # T-3: at least one member aged 35 or under (35周岁以下, C-1 inclusive) on the two committees.
    members = [*village, *party]
    if not members or rulebook.min_youth == 0:
        return Finding("youth", "T-3", False, "not applicable")
    young = sum(1 for s in members if s.born is not None and age_on(s.born, day) <= rulebook.youth_age)
    unknown = sum(1 for s in members if s.born is None)
    numbers = {"young": young, "least": rulebook.min_youth, "age": rulebook.youth_age, "unknown": unknown}
    if young >= rulebook.min_youth:
        return Finding("youth", "T-3", False, "met", "young members", None, numbers)
    if not village or not party:
        # One of the two committees is not given: what it holds is not known (as for T-1).
        return Finding("youth", "T-3", False, "cannot tell", "a committee is not given", None, numbers)
    status: Status = "cannot tell" if young + unknown >= rulebook.min_youth else "not met"
    return Finding("youth", "T-3", False, status, "young members", None, numbers)


def _party_share(village: tuple[Seat, ...], rulebook: Rulebook) -> Finding:
    # T-4: party members more than half of the villager committee (policy, UNCONFIRMED).
    if not village or rulebook.kind not in _VILLAGE:
        return Finding("party-share", "T-4", False, "not applicable")
    members = sum(1 for s in village if s.party_member is True)
    unknown = sum(1 for s in village if s.party_member is None)
    n, d = rulebook.party_share.numerator, rulebook.party_share.denominator
    numbers = {"party": members, "members": len(village), "unknown": unknown, "numerator": n, "denominator": d}
    if members * d > len(village) * n:  # T-4: party*2 > members
        return Finding("party-share", "T-4", False, "met", "party members", None, numbers)
    status: Status = "cannot tell" if (members + unknown) * d > len(village) * n else "not met"
    return Finding("party-share", "T-4", False, status, "party members", None, numbers)


def _one_shoulder(village: tuple[Seat, ...], party: tuple[Seat, ...]) -> Finding:
    # T-1: the party secretary also elected chair (一肩挑): a policy target.
    chair = [s.id for s in village if s.post == "chair"]
    secretary = [s.id for s in party if s.post == "secretary"]
    if not chair or not secretary:
        return Finding("one-shoulder", "T-1", False, "cannot tell" if village or party else "not applicable")
    met = chair[0] == secretary[0]
    return Finding("one-shoulder", "T-1", False, "met" if met else "not met", "secretary and chair", chair[0])


def _post_band(village: tuple[Seat, ...], population: int | None, rulebook: Rulebook) -> Finding:
    # T-5: the number of posts within the band for the population (local rules; both bands of
    # the 新昌 example include exactly 2,000, so such a village is flagged, not guessed).
    if not rulebook.post_bands or not village:
        return Finding("post-band", "T-5", False, "not applicable")
    if population is None:
        return Finding("post-band", "T-5", False, "cannot tell", "population unknown")
    bands = [
        (lo_n, hi_n)
        for lo_p, hi_p, lo_n, hi_n in rulebook.post_bands
        if (lo_p is None or population >= lo_p) and (hi_p is None or population <= hi_p)
    ]
    numbers = {"population": population, "posts": len(village)}
    if not bands:
        return Finding("post-band", "T-5", False, "cannot tell", "no band for the population", None, numbers)
    fits = {lo <= len(village) <= hi for lo, hi in bands}
    if len(fits) > 1:
        return Finding(
            "post-band", "T-5", False, "cannot tell", "the population is on the edge of two bands", None, numbers
        )
    lo, hi = bands[0]
    return Finding(
        "post-band",
        "T-5",
        False,
        "met" if fits.pop() else "not met",
        "posts",
        None,
        {**numbers, "least": lo, "most": hi},
    )


def _relatives(village: tuple[Seat, ...], rulebook: Rulebook) -> list[Finding]:
    # V-28: near relatives (spouse, parent and child, siblings) do not serve together.
    if not village or rulebook.kind not in _VILLAGE:
        return [Finding("relatives", "V-28", rulebook.relatives_exclusive, "not applicable")]
    ids = {s.id for s in village}
    pairs = sorted(
        {
            tuple(sorted((s.id, r.id)))
            for s in village
            for r in s.relatives
            if r.relation in _CLOSE and r.id in ids and r.id != s.id
        }
    )
    if not pairs:
        return [Finding("relatives", "V-28", rulebook.relatives_exclusive, "met")]
    return [
        Finding("relatives", "V-28", rulebook.relatives_exclusive, "not met", f"near relatives with {b}", a)
        for a, b in pairs
    ]


def _women_post(village: tuple[Seat, ...], rulebook: Rulebook) -> Finding:
    # V-30 (reserved post): the women-member post is held by a woman.
    holders = [s for s in village if s.post == "women-member"]
    if rulebook.women_seat_mode != "reserved-post" or not village:
        return Finding("women-post", "V-30", True, "not applicable")
    if not holders:
        return Finding("women-post", "V-30", True, "not met", "no women-member post filled")
    if any(s.sex is None for s in holders):
        return Finding("women-post", "V-30", True, "cannot tell")
    ok = all(s.sex == "F" for s in holders)
    return Finding("women-post", "V-30", True, "met" if ok else "not met", "women-member post")


def _party_organisation(members: int | None) -> Finding:
    # T-6: 3 or more full members: a branch; more than 50 may form a 总支; 100 or more may form
    # a party committee (with county approval).
    if members is None:
        return Finding("party-organisation", "T-6", False, "not applicable")
    if members < 3:
        return Finding(
            "party-organisation", "T-6", False, "not met", "fewer than 3 members: no branch", None, {"members": members}
        )
    if members >= 100:
        kind = "may form a party committee"
    else:
        kind = "may form a general branch" if members > 50 else "a branch"
    return Finding("party-organisation", "T-6", False, "met", kind, None, {"members": members})


# --- the timeline ----------------------------------------------------------------------------------


def period_end(start: datetime.date, days: int, *, rulebook: Rulebook) -> datetime.date:
    """C-6: the last day of a period of *days* days counted from *start*: the start day is not
    counted; when the last day is a rest day (Saturday or Sunday, where the rulebook says so:
    OQ-V6, UNCONFIRMED) the period ends on the next working day.

    >>> import datetime
    >>> from tally import preset
    >>> period_end(datetime.date(2026, 5, 1), 5, rulebook=preset("village-national-2018"))  # the 6th is a Wednesday
    datetime.date(2026, 5, 6)
    >>> period_end(datetime.date(2026, 5, 4), 5, rulebook=preset("village-national-2018"))  # the 9th is a Saturday
    datetime.date(2026, 5, 11)
    """
    try:
        end = start + datetime.timedelta(days=days)
        while rulebook.period_skips_rest_days and end.weekday() >= 5:
            end += datetime.timedelta(days=1)
    except OverflowError:
        raise RecordError(_off_calendar(start, days, after=True).at("start")) from None
    return end


def _off_calendar(day: datetime.date, days: int, *, after: bool) -> Problem:
    """The day *days* days after (or before) *day* is not in the calendar (a problem with no path yet)."""
    values = {"day": day.isoformat(), "days": days}
    if after:
        return Problem("", "date-off-calendar-after", values)
    return Problem("", "date-off-calendar-before", values)


def _before(day: datetime.date, days: int, where: str, problems: list[Problem]) -> datetime.date | None:
    """*days* days before *day*; a problem at *where* when that leaves the calendar."""
    try:
        return day - datetime.timedelta(days=days)
    except OverflowError:
        problems.append(_off_calendar(day, days, after=False).at(where))
        return None


def _end(start: datetime.date, days: int, rulebook: Rulebook, where: str, problems: list[Problem]) -> datetime.date:
    """:func:`period_end`, with a problem at *where* when the period leaves the calendar (the
    period is then taken to end on the calendar's last day, for the problem is raised anyway)."""
    try:
        return period_end(start, days, rulebook=rulebook)
    except RecordError as error:
        problems.extend(p.at(where) for p in error.problems)
        return datetime.date.max


def check_timeline(
    timeline: Timeline | None, *, rulebook: Rulebook, day: datetime.date, proxies: Iterable[Proxy] = ()
) -> tuple[Finding, ...]:
    """V-8, C-6: the voter list published in time, objections filed and decided in time, and
    proxies filed by the rulebook's deadline.

    >>> import datetime
    >>> from tally import preset
    >>> day = datetime.date(2026, 5, 21)
    >>> found = check_timeline(Timeline(published=datetime.date(2026, 5, 2)),
    ...                        rulebook=preset("village-national-2018"), day=day)
    >>> [(f.check, f.status, dict(f.numbers)) for f in found]
    [('list-published', 'not met', {'days_before': 19, 'least': 20})]
    """
    out: list[Finding] = []
    problems: list[Problem] = []  # dates whose periods leave the calendar (years 1 to 9999)
    published = timeline.published if timeline else None
    if rulebook.kind not in _VILLAGE:
        return (Finding("list-published", "V-8", True, "not applicable"),)
    if published is None:
        out.append(Finding("list-published", "V-8", True, "cannot tell", "publication date unknown"))
    elif (latest := _before(day, rulebook.list_days_before, "day", problems)) is not None:
        # 选举日的二十日前 (OQ-V6)
        out.append(
            Finding(
                "list-published",
                "V-8",
                True,
                "met" if published <= latest else "not met",
                "list published",
                None,
                {"days_before": (day - published).days, "least": rulebook.list_days_before},
            )
        )
    for i, o in enumerate(timeline.objections if timeline else ()):
        where = f"objections[{i}]"
        if published is None:
            out.append(Finding("objection-filed", "V-8", True, "cannot tell", "publication date unknown", where))
        else:
            last = _end(published, rulebook.objection_days, rulebook, "timeline.published", problems)
            ok = published <= o.filed <= last
            out.append(
                Finding(
                    "objection-filed",
                    "V-8",
                    True,
                    "met" if ok else "not met",
                    "objection filed",
                    where,
                    {"days": (o.filed - published).days, "most": rulebook.objection_days},
                )
            )
        if o.decided is None:
            out.append(Finding("objection-decided", "V-8", True, "cannot tell", "decision date unknown", where))
        else:
            last = _end(o.filed, rulebook.decision_days, rulebook, f"timeline.{where}.filed", problems)
            ok = o.filed <= o.decided <= last
            out.append(
                Finding(
                    "objection-decided",
                    "V-8",
                    True,
                    "met" if ok else "not met",
                    "objection decided",
                    where,
                    {"days": (o.decided - o.filed).days, "most": rulebook.decision_days},
                )
            )
    for p in proxies:
        if p.filed is None:
            out.append(Finding("proxy-filed", "V-16", True, "cannot tell", "filing date unknown", p.principal))
            continue
        deadline = _before(day, rulebook.proxy_deadline_days, "day", problems)
        if deadline is None:
            continue
        ok = p.filed <= deadline and (rulebook.proxy_onsite_allowed or p.filed < day)
        out.append(
            Finding(
                "proxy-filed",
                "V-16",
                True,
                "met" if ok else "not met",
                "proxy filed",
                p.principal,
                {"days_before": (day - p.filed).days, "least": rulebook.proxy_deadline_days},
            )
        )
    if problems:
        raise RecordError(dict.fromkeys(problems))  # each date once
    return tuple(out)
