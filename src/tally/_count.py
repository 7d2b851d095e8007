"""Counting a round: validity of the vote, votes per candidate, winners, ties and shortfalls.

P-20: more ballots collected than voters voids the whole round. P-21: a section selecting more
persons than seats is invalid. P-22: a candidate wins only with 赞成 votes strictly above half of
the present electorate. P-23: more qualifiers than seats are ranked by votes; a tie at the
cut-off goes to another vote among the tied. P-24, P-25: seats left unfilled go to a further
election with the same threshold, never filled from below the line, unless the meeting consents
to reduce the seats. The village rules (V-19 … V-30) are the same engine under other fields of
the rulebook; each step cites its own body's rule.

Ballots stream: each distinct paper is read once, whatever the number of papers like it, so
memory grows with the candidates and the distinct papers, not with the number of ballots.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from ._ballot import BLANK, Ballot, Reading, Scribe, read_section
from ._body import Body
from ._contest import POST_RANK, Contest, Post, Stage, check_contests, least_candidates
from ._explain import Code, Reason, Step, step
from ._meeting import Meeting
from ._names import Resolver, resolver
from ._polling import Polling
from ._proxy import Proxy, ProxyOutcome
from ._rulebook import Kind, Rulebook
from ._threshold import Threshold, consent, floor, majority
from ._values import MOST_BALLOTS, FrozenMap, Quoted, count_problem, int_map, shown
from .errors import Problem, RecordError, RuleError

__all__ = [
    "ContestResult",
    "Reduction",
    "Round",
    "ScribeOutcome",
    "Totals",
    "count",
    "least_winning",
    "vacancies_may_stay",
]


def _count_field(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    problem = count_problem(value, most=MOST_BALLOTS)
    if problem is not None:
        raise RecordError(problem.at(attribute.name))


def _vote_map(value: Mapping[str, int] | None) -> FrozenMap[int]:
    votes = int_map(value)
    problems = [
        problem.at(f"for.{who}")
        for who, n in votes.items()
        if (problem := count_problem(n, most=MOST_BALLOTS)) is not None
    ]
    if problems:
        raise RecordError(problems)
    return votes


@attrs.frozen
class Totals:
    """One contest's figures from a tally sheet, when the papers themselves are not at hand:
    ``valid`` and ``invalid`` ballots and the 赞成 votes of each person (``votes``). Validity is
    then taken as given; thresholds and ranking are checked.

    >>> Totals(valid=38, invalid=2, votes={"M01": 30, "M04": 25})
    Totals(valid=38, invalid=2, votes=FrozenMap({'M01': 30, 'M04': 25}))
    """

    valid: int = attrs.field(validator=_count_field, kw_only=True)
    invalid: int = attrs.field(validator=_count_field, kw_only=True)
    votes: FrozenMap[int] = attrs.field(factory=FrozenMap, converter=_vote_map, kw_only=True)


@attrs.frozen
class Reduction:
    """P-24: the meeting's answer to a shortfall, instead of a further election: ``consent``,
    how many electors agreed to reduce the seats to those elected, or, at a conference whose
    rulebook allows it, the ``presidium``'s decision.

    >>> Reduction(consent=21)
    Reduction(consent=21, presidium=False)
    """

    consent: int | None = attrs.field(default=None, kw_only=True)
    presidium: bool = attrs.field(default=False, kw_only=True)

    def __attrs_post_init__(self) -> None:
        c = self.consent
        if c is not None and (problem := count_problem(c, most=MOST_BALLOTS)) is not None:
            raise RecordError(problem.at("consent"))
        if c is None and not self.presidium:
            raise RecordError(Problem("consent", "reduction-needs-consent"))


@attrs.frozen
class ScribeOutcome:
    """P-18, V-17: whether a scribe was ``accepted``, and if not the ``reason`` (a candidate may
    not write for an elector)."""

    scribe: Scribe
    accepted: bool
    reason: Reason | None = None


@attrs.frozen(kw_only=True)
class ContestResult:
    """The count of one contest in one round.

    ``test`` is the :class:`~tally._threshold.Threshold` a winner had to meet (the majority of
    P-22, V-21, or the further election's floor of V-23), ``None`` in a tie-break (the most votes
    win) and in a round that elected nobody because it could not (inquorate, short of turnout,
    void); ``base`` the number the test is taken of and ``threshold`` the least number of votes
    that meets it. ``valid`` and ``invalid`` are the ballots for this contest, ``invalid_reasons``
    and ``void_marks`` how many of each reason; ``votes`` each person's 赞成 votes (every
    candidate, then each write-in with a vote); ``elected`` in order of votes; ``tied`` the
    candidates tied across the last seat; ``unfilled`` the seats not filled in this round;
    ``next_round`` the contest to hold next (a tie-break or a further election), or ``None``;
    ``seats_reduced`` whether the meeting reduced the seats instead (P-24).
    """

    contest: Contest
    test: Threshold | None
    base: int
    threshold: int | None
    valid: int
    invalid: int
    votes: FrozenMap[int]
    elected: tuple[str, ...]
    tied: tuple[str, ...] = ()
    unfilled: int
    next_round: Contest | None = None
    seats_reduced: bool = False
    invalid_reasons: FrozenMap[int] = attrs.field(factory=FrozenMap)
    void_marks: FrozenMap[int] = attrs.field(factory=FrozenMap)
    steps: tuple[Step, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The contest as the result format writes it."""
        c, nxt, test = self.contest, self.next_round, self.test
        return {
            "id": c.id,
            "title": c.title,
            "post": c.post.value,
            "stage": c.stage.value,
            "seats": c.seats,
            "test": None if test is None else test.to_dict(),
            "base": self.base,
            "threshold": self.threshold,
            "ballots": {"valid": self.valid, "invalid": self.invalid, "reasons": dict(self.invalid_reasons)},
            "void_marks": dict(self.void_marks),
            "votes": dict(self.votes),
            "elected": list(self.elected),
            "tied": list(self.tied),
            "unfilled": self.unfilled,
            "seats_reduced": self.seats_reduced,
            "next_round": None
            if nxt is None
            else {"stage": nxt.stage.value, "seats": nxt.seats, "candidates": list(nxt.candidates)},
        }


@attrs.frozen(kw_only=True)
class Round(Mapping[str, ContestResult]):
    """A counted round, and a read-only mapping of contest ids to their results.

    ``held``: the meeting was quorate (P-10), or the polling's turnout met or not required
    (V-19, V-24), so the round could elect; ``void``: more ballots were collected than the base
    of P-20 (V-20) allows, so it elects nobody and must be held again; ``valid``: held and not
    void. ``stopped_by`` is the code of the decision that kept the round from electing
    (``Code.NOT_HELD_INQUORATE``, ``Code.NOT_HELD_TURNOUT``, ``Code.BALLOTS_OVER``) or ``None``;
    ``turnout_required`` whether this round needed its turnout (``None`` for a party meeting).
    """

    meeting: Meeting | Polling
    held: bool
    valid: bool
    void: bool
    stopped_by: Code | None
    turnout_required: bool | None
    collected: int
    voters: int
    contests: tuple[ContestResult, ...]
    proxies: tuple[ProxyOutcome, ...] = ()
    scribes: tuple[ScribeOutcome, ...] = ()
    steps: tuple[Step, ...] = ()

    def __getitem__(self, contest_id: str) -> ContestResult:
        """The result of the contest with this id."""
        for result in self.contests:
            if result.contest.id == contest_id:
                return result
        raise KeyError(contest_id)

    def __iter__(self) -> Iterator[str]:
        return (r.contest.id for r in self.contests)

    def __len__(self) -> int:
        return len(self.contests)

    def to_dict(self) -> dict[str, Any]:
        """The round as the result format writes it (without a declaration to compare with):
        validity, quorum or turnout, proxies, scribes, contests and every step."""
        m = self.meeting
        steps = [s.to_dict() for s in m.steps] + [s.to_dict() for s in self.steps]
        for c in self.contests:
            steps.extend({**s.to_dict(), "contest": c.contest.id} for s in c.steps)
        proxies = [
            {
                "principal": o.proxy.principal,
                "agent": o.proxy.agent,
                "accepted": o.accepted,
                "reason": None if o.reason is None else o.reason.value,
            }
            for o in self.proxies
        ]
        turnout = None
        if isinstance(m, Polling):
            turnout = {**m.turnout.to_dict(), "required": self.turnout_required, "proxies": proxies}
        return {
            "election_valid": self.valid,
            "held": self.held,
            "void": self.void,
            "collected": self.collected,
            "quorum": m.quorum.to_dict() if isinstance(m, Meeting) else None,
            "turnout": turnout,
            "proxies": proxies,
            "scribes": [
                {
                    "elector": s.scribe.elector,
                    "scribe": s.scribe.scribe,
                    "accepted": s.accepted,
                    "reason": None if s.reason is None else s.reason.value,
                }
                for s in self.scribes
            ],
            "contests": [c.to_dict() for c in self.contests],
            "steps": steps,
        }


def least_winning(base: int, rulebook: Rulebook) -> int:
    """P-22, C-3: the least number of 赞成 votes that strictly exceeds ``majority`` of ``base``.

    >>> from tally import preset
    >>> [least_winning(a, preset("cpc-basic-2020")) for a in (40, 41, 0)]
    [21, 21, 1]
    """
    return majority(rulebook).least(base)


class _Tally:
    """The running count of one contest."""

    __slots__ = ("invalid", "valid", "void", "votes")

    def __init__(self) -> None:
        self.valid = 0
        self.invalid: Counter[Reason] = Counter()
        self.votes: Counter[str] = Counter()
        self.void: Counter[Reason] = Counter()

    def add(self, reading: Reading, times: int) -> None:
        if not reading.valid:
            self.invalid[reading.reason or Reason.SPOILED] += times
            return
        self.valid += times
        for who in reading.votes:
            self.votes[who] += times
        for _, reason in reading.void:
            self.void[reason] += times


SPOILED = Reading(valid=False, reason=Reason.SPOILED)


def _women_only(contest: Contest, rulebook: Rulebook) -> bool:
    """V-30 (浙江): a separate women-member post is for women only."""
    return rulebook.women_seat_mode == "reserved-post" and contest.post is Post.WOMEN_MEMBER


def _check_candidates(contests: Sequence[Contest], body: Body) -> tuple[list[Problem], list[Problem]]:
    """(input problems, rule problems) of the candidates: on the roll, with the right to be
    elected; women only on a reserved women's post."""
    problems, rules = [], []
    for i, contest in enumerate(contests):
        women = _women_only(contest, body.rulebook)
        for j, who in enumerate(contest.candidates):
            where = f"contests[{i}].candidates[{j}]"
            why = body.ineligible(who)
            if why is not None:
                problems.append(why.at(where))
            elif women and body.sex_of(who) != "F":
                rules.append(Problem(where, "women-post-not-a-woman", {"who": shown(who)}))
    return problems, rules


def _scribe_outcomes(
    scribes: Iterable[Scribe], contests: Sequence[Contest], body: Body, problems: list[Problem]
) -> list[ScribeOutcome]:
    scribes = list(scribes)
    if not scribes:
        return []
    candidates = {who for c in contests for who in c.candidates}
    voters = set(body.electors)
    seen: dict[str, int] = {}
    out = []
    for i, scribe in enumerate(scribes):
        where = f"scribes[{i}]"
        if not isinstance(scribe, Scribe):
            problems.append(Problem(where, "not-instance", {"type": "Scribe", "value": shown(scribe)}))
        elif scribe.elector not in voters:
            problems.append(Problem(f"{where}.elector", "scribe-elector-not-present", {"who": shown(scribe.elector)}))
        elif scribe.elector in seen:
            first = f"scribes[{seen[scribe.elector]}]"
            problems.append(Problem(f"{where}.elector", "scribe-twice", {"who": shown(scribe.elector), "first": first}))
        else:
            seen[scribe.elector] = i
            if scribe.scribe in candidates:
                out.append(ScribeOutcome(scribe, False, Reason.SCRIBE_IS_CANDIDATE))  # P-18: 非候选人
            else:
                out.append(ScribeOutcome(scribe, True))
    return out


def _group_papers(ballots: Iterable[Ballot], problems: list[Problem]) -> tuple[int, dict[str, _Group]]:
    """Stream the papers and group equal papers by their key."""
    groups: dict[str, _Group] = {}
    papers = 0
    ballot = Ballot
    for papers, paper in enumerate(ballots, start=1):  # papers ends as the number read
        if type(paper) is not ballot:
            where = f"ballots[{papers - 1}]"
            problems.append(Problem(where, "not-instance", {"type": "Ballot", "value": shown(paper)}))
            continue
        group = groups.get(paper.key)
        if group is None:
            groups[paper.key] = [paper, 1, f"ballots[{papers - 1}]"]
        else:
            group[1] += 1
    return papers, groups


def _group_weighted(weighted: Iterable[tuple[Ballot, int]], problems: list[Problem]) -> tuple[int, dict[str, _Group]]:
    """Papers given with how many of each, ``(paper, n)``; equal papers given twice add up."""
    groups: dict[str, _Group] = {}
    papers = 0
    if isinstance(weighted, Mapping | str) or not isinstance(weighted, Iterable):
        problems.append(Problem("weighted", "weighted-not-pairs", {"type": "Ballot", "value": shown(weighted)}))
        return 0, groups
    for i, pair in enumerate(weighted):
        where = f"weighted[{i}]"
        if not isinstance(pair, tuple) or len(pair) != 2:
            problems.append(Problem(where, "weighted-not-a-pair", {"type": "Ballot", "value": shown(pair)}))
            continue
        paper, n = pair
        if type(paper) is not Ballot:
            problems.append(Problem(f"{where}[0]", "not-instance", {"type": "Ballot", "value": shown(paper)}))
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            problems.append(Problem(f"{where}[1]", "weighted-not-papers", {"value": shown(n)}))
            continue
        if type(paper) is not Ballot:
            continue
        papers += n
        group = groups.get(paper.key)
        if group is None:
            groups[paper.key] = [paper, n, f"{where}[0]"]
        else:
            group[1] += n
    return papers, groups


_Group = list[Any]
"""[paper, how many papers like it, the path of the first]"""


def _read_ballots(
    groups: dict[str, _Group],
    contests: Sequence[Contest],
    body: Body,
    problems: list[Problem],
    resolve: Resolver | None = None,
) -> dict[str, _Tally]:
    """Read each distinct paper once, counting it as many times as it was given."""
    rulebook = body.rulebook
    eligible = {c.id: _eligible(c, body) for c in contests}
    by_id = {c.id: c for c in contests}
    tallies = {c.id: _Tally() for c in contests}
    for paper, times, where in groups.values():
        for cid in paper.sections:
            if cid not in by_id:
                problems.append(_like(Problem(f"{where}.{cid}", "no-such-contest", {"id": shown(cid)}), times))
        readings: dict[str, Reading] = {}
        for contest in contests:
            if paper.spoiled:
                reading = SPOILED
            elif contest.id in paper.sections:
                reading, found = read_section(
                    paper.sections[contest.id],
                    contest,
                    eligible=eligible[contest.id],
                    rulebook=rulebook,
                    resolve=resolve,
                )
                problems.extend(_like(p, times).within(f"{where}.{contest.id}") for p in found)
            else:
                reading = BLANK  # an unmarked section: valid, no votes
            readings[contest.id] = reading
        for cid, reading in _paper_rules(readings, rulebook).items():
            tallies[cid].add(reading, times)
    return tallies


def _like(problem: Problem, times: int) -> Problem:
    """The problem of a paper that came *times* times: said once, with how many more like it."""
    return problem.again(times - 1, "papers") if times > 1 else problem


def _eligible(contest: Contest, body: Body) -> Callable[[str], bool]:
    """Whether a written-in id may be elected in this contest."""
    women = _women_only(contest, body.rulebook)

    def eligible(who: str) -> bool:
        if body.ineligible(who) is not None:
            return False
        return not women or body.sex_of(who) == "F"

    return eligible


def _paper_rules(readings: dict[str, Reading], rulebook: Rulebook) -> dict[str, Reading]:
    """Rules about a whole paper of several posts: OQ-V5 (an over-selected section voids the
    paper, where the rulebook says so) and V-20 (浙江: one person voted into two posts)."""
    if len(readings) < 2:
        return readings
    if rulebook.invalid_scope == "paper" and any(r.reason is Reason.OVER_SELECTED for r in readings.values()):
        void = Reading(valid=False, reason=Reason.OVER_SELECTED_OTHER_POST)
        return {cid: r if not r.valid else void for cid, r in readings.items()}
    if rulebook.two_posts_voids_paper:
        seen: set[str] = set()
        for r in readings.values():
            if seen & set(r.votes):
                return dict.fromkeys(readings, Reading(valid=False, reason=Reason.TWO_POSTS))
            seen |= set(r.votes)
    return readings


def _read_totals(
    totals: Mapping[str, Totals], contests: Sequence[Contest], collected: int | None, problems: list[Problem]
) -> tuple[int, dict[str, _Tally]]:
    if not isinstance(totals, Mapping):
        raise RecordError(Problem("totals", "totals-not-a-mapping", {"type": "Totals", "value": shown(totals)}))
    by_id = {c.id: c for c in contests}
    tallies: dict[str, _Tally] = {}
    for cid in totals:
        if cid not in by_id:
            problems.append(Problem(f"totals.{cid}", "no-such-contest", {"id": shown(cid)}))
    for contest in contests:
        where = f"totals.{contest.id}"
        sheet = totals.get(contest.id)
        if not isinstance(sheet, Totals):
            problems.append(Problem(where, "totals-not-totals", {"type": "Totals", "value": shown(sheet)}))
            continue
        papers = sheet.valid + sheet.invalid
        if collected is None:
            collected = papers
        elif papers != collected:
            problems.append(Problem(where, "totals-not-collected", {"papers": papers, "collected": collected}))
        allowed = set(contest.candidates)
        for who, n in sheet.votes.items():
            if contest.stage is Stage.TIE_BREAK and who not in allowed:
                problems.append(Problem(f"{where}.for.{who}", "totals-not-tied", {"who": shown(who)}))
            if n > sheet.valid:
                problems.append(Problem(f"{where}.for.{who}", "totals-over-valid", {"votes": n, "valid": sheet.valid}))
        if sum(sheet.votes.values()) > sheet.valid * contest.seats:
            figures = {"votes": sum(sheet.votes.values()), "valid": sheet.valid, "seats": contest.seats}
            problems.append(Problem(f"{where}.for", "totals-over-seats", figures))
        tally = _Tally()
        tally.valid = sheet.valid
        if sheet.invalid:
            tally.invalid[Reason.SHEET_INVALID] = sheet.invalid
        tally.votes.update({who: n for who, n in sheet.votes.items() if n})
        tallies[contest.id] = tally
    return collected or 0, tallies


def count(
    contests: Iterable[Contest],
    ballots: Iterable[Ballot] | None = None,
    *,
    weighted: Iterable[tuple[Ballot, int]] | None = None,
    meeting: Meeting | Polling,
    totals: Mapping[str, Totals] | None = None,
    collected: int | None = None,
    issued: int | None = None,
    proxies: Iterable[Proxy] = (),
    scribes: Iterable[Scribe] = (),
    reductions: Mapping[str, Reduction] | None = None,
) -> Round:
    """Count one round of voting at a party meeting, or at a village or community polling.

    Give the papers one by one as ``ballots`` (any iterable; they are not kept), or ``weighted``:
    pairs ``(paper, n)``, each a paper and how many papers like it came out of the box (a whole
    number, at least 1), or the tally sheet's ``totals`` per contest. Equal papers are read once
    either way; ``weighted`` spares the caller building a value per paper when the papers come
    grouped (a CSV file, a scanner's export, a ``collections.Counter`` of raw marks).
    ``collected`` is the number of papers out of the box (with ``ballots`` or ``weighted`` it is
    checked against their number); ``issued`` the number of papers issued,
    needed when the rulebook compares against it (P-20). ``reductions`` gives, per contest id,
    the meeting's decision to reduce the seats instead of a further election (P-24).

    Malformed input raises :class:`~tally.errors.RecordError`, every problem at once; a
    contest without the margin the rules require raises :class:`~tally.errors.RuleError`
    before anything is counted. Everything the rules decide is in the result.

    >>> from tally import Ballot, Contest, Member, count, meeting, preset
    >>> m = meeting([Member(f"M{i}") for i in range(1, 6)], present=["M1", "M2", "M3", "M4", "M5"],
    ...             rulebook=preset("cpc-basic-2020"))
    >>> c = Contest("committee", seats=1, candidates=["M1", "M2"])
    >>> papers = [Ballot({"committee": {"for": ["M1"]}})] * 3 + [Ballot({"committee": {"for": ["M2"]}})] * 2
    >>> result = count([c], papers, meeting=m)
    >>> result["committee"].elected, result["committee"].threshold, dict(result["committee"].votes)
    (('M1',), 3, {'M1': 3, 'M2': 2})

    The same papers, weighted:

    >>> again = count([c], weighted=[(papers[0], 3), (papers[3], 2)], meeting=m)
    >>> again["committee"] == result["committee"]
    True
    >>> count([c], weighted=[(papers[0], 0)], meeting=m)
    Traceback (most recent call last):
      ...
    tally.errors.RecordError: weighted[0][1]: must be a whole number of papers, at least 1, not 0
    """
    if not isinstance(meeting, Meeting | Polling):
        values = {"one": "Meeting", "other": "Polling", "value": shown(meeting)}
        raise RecordError(Problem("meeting", "count-not-a-body", values))
    body: Body = meeting
    rulebook = body.rulebook
    kind = rulebook.kind
    contests = check_contests(contests, rulebook)  # P-12 … P-14, V-10: before any counting
    problems, rules = _check_candidates(contests, body)
    problems.extend(body.unjudged(contests))
    if rules and not problems:
        raise RuleError(rules)
    proxy_outcomes, proxy_steps = body.judge_proxies(proxies, problems)
    scribe_outcomes = _scribe_outcomes(scribes, contests, body, problems)
    for name, value in (("collected", collected), ("issued", issued)):
        if value is not None and (problem := count_problem(value, most=MOST_BALLOTS)) is not None:
            problems.append(problem.at(name))
    if rulebook.collected_base == "issued" and issued is None:
        rule = step(Code.BALLOTS_WITHIN, kind).rule
        problems.append(Problem("issued", "issued-missing", {"rule": rule}))
    given = [name for name, v in (("ballots", ballots), ("weighted", weighted), ("totals", totals)) if v is not None]
    if not given:
        raise RecordError(Problem("ballots", "count-given-none"))
    if len(given) > 1:
        both = Quoted(" and ".join(given), "、".join(given))
        raise RecordError(Problem("ballots", "count-given-several", {"given": both}))
    if problems:
        raise RecordError(problems)

    if ballots is not None or weighted is not None:
        if weighted is not None:
            papers, groups = _group_weighted(weighted, problems)
        else:
            assert ballots is not None
            papers, groups = _group_papers(ballots, problems)
        people = meeting.roll.members if isinstance(meeting, Meeting) else meeting.roll.voters
        resolve = resolver(people) if rulebook.without_candidates else None  # V-11: names written in
        tallies = _read_ballots(groups, contests, body, problems, resolve)
        if collected is not None and collected != papers:
            problems.append(Problem("collected", "collected-not-papers", {"collected": collected, "papers": papers}))
    else:
        assert totals is not None
        papers, tallies = _read_totals(totals, contests, collected, problems)
    # P-24: a reduction's consent is taken of the base, known once the papers are counted.
    test_base = majority(rulebook).base
    base = body.base_count(test_base, papers)
    plans = _check_reductions(reductions, contests, body.base_count(consent(rulebook).base, papers), problems)
    if plans and rulebook.kind not in (Kind.PARTY_MEETING, Kind.PARTY_CONFERENCE):
        # P-24 is a party meeting's answer to a shortfall; a village's is V-26 (vacancies_may_stay).
        problems.append(Problem("reductions", "reduction-not-party"))
    if problems:
        raise RecordError(problems)

    steps: list[Step] = [*proxy_steps]
    for s in scribe_outcomes:
        code = Code.SCRIBE_ACCEPTED if s.accepted else Code.SCRIBE_REJECTED
        steps.append(step(code, kind, s.scribe.elector, reason=s.reason))

    opening = body.opening(contests)
    if opening.step is not None:
        steps.append(opening.step)
    stopped_by = None if opening.held else (opening.step.code if opening.step else None)
    within = True
    if opening.held:
        # P-20, V-20: 收回的选票等于或少于投票人数，选举有效; more voids the round.
        limit = issued if rulebook.collected_base == "issued" and issued is not None else body.voters
        within = papers <= limit
        steps.append(step(Code.BALLOTS_WITHIN if within else Code.BALLOTS_OVER, kind, collected=papers, base=limit))
        if not within:
            stopped_by = Code.BALLOTS_OVER
    valid = opening.held and within

    if valid and rulebook.cross_post_aggregation == "cumulative-down":
        _aggregate(contests, tallies, steps, kind)
    decided: dict[str, ContestResult] = {}
    taken: dict[str, Post] = {}
    for contest in sorted(contests, key=lambda c: POST_RANK.get(c.post, 3)):
        tally = tallies[contest.id]
        if valid:
            result = _decide(contest, tally, base=base, collected=papers, rulebook=rulebook, taken=taken)
            result = _shortfall(result, tally, body=body, base=base, reduction=plans.get(contest.id), taken=taken)
        else:
            assert stopped_by is not None
            result = _undecided(contest, tally, base=base, stopped_by=stopped_by, steps=steps, kind=kind)
        decided[contest.id] = result
        taken.update((w, contest.post) for w in result.elected)
    if valid and rulebook.relatives_exclusive:
        _relatives(decided, contests, body)
    if valid and rulebook.women_seat_mode == "reserved-in-rerun":
        _woman_in_rerun(decided, body)
    return Round(
        meeting=meeting,
        held=opening.held,
        valid=valid,
        void=not within,
        stopped_by=stopped_by,
        turnout_required=opening.turnout_required,
        collected=papers,
        voters=body.voters,
        contests=tuple(decided[c.id] for c in contests),
        proxies=tuple(proxy_outcomes),
        scribes=tuple(scribe_outcomes),
        steps=tuple(steps),
    )


def _aggregate(contests: Sequence[Contest], tallies: dict[str, _Tally], steps: list[Step], kind: Kind) -> None:
    """V-27 (cumulative-down): votes for a higher post also count for each lower post."""
    ranked = [c for c in contests if c.post in (Post.CHAIR, Post.VICE_CHAIR, Post.MEMBER)]
    own = {c.id: Counter(tallies[c.id].votes) for c in ranked}
    for lower in ranked:
        for higher in ranked:
            if POST_RANK[higher.post] < POST_RANK[lower.post]:
                tallies[lower.id].votes.update(own[higher.id])
                steps.append(step(Code.VOTES_CARRIED_DOWN, kind, lower.id, votes=sum(own[higher.id].values())))


def _check_reductions(
    reductions: Mapping[str, Reduction] | None, contests: Sequence[Contest], base: int, problems: list[Problem]
) -> dict[str, Reduction]:
    if reductions is None:
        return {}
    if not isinstance(reductions, Mapping):
        problems.append(
            Problem("reductions", "reductions-not-a-mapping", {"type": "Reduction", "value": shown(reductions)})
        )
        return {}
    ids = {c.id for c in contests}
    out = {}
    for cid, plan in reductions.items():
        where = f"reductions.{cid}"
        if cid not in ids:
            problems.append(Problem(where, "no-such-contest", {"id": shown(cid)}))
        elif not isinstance(plan, Reduction):
            problems.append(Problem(where, "not-instance", {"type": "Reduction", "value": shown(plan)}))
        elif plan.consent is not None and plan.consent > base:
            figures = {"consent": plan.consent, "present": base}
            problems.append(Problem(f"{where}.consent", "reduction-consent-over-present", figures))
        else:
            out[cid] = plan
    return out


def _ranked(tally: _Tally, contest: Contest) -> list[str]:
    """Everyone with a vote or on the list, by votes, then in ballot order, then write-ins by id
    (the order after votes only lays out the table; it never decides a seat)."""
    order = {who: i for i, who in enumerate(contest.candidates)}
    everyone = set(contest.candidates) | set(tally.votes)
    return sorted(everyone, key=lambda w: (-tally.votes[w], order.get(w, len(order)), w))


def _sheet(contest: Contest, tally: _Tally, *, base: int) -> ContestResult:
    """A contest's figures before any decision: ballots, reasons, votes (in a fixed order, so
    that the same papers give the same result whatever their order)."""
    ranked = _ranked(tally, contest)
    return ContestResult(
        contest=contest,
        test=None,
        base=base,
        threshold=None,
        valid=tally.valid,
        invalid=sum(tally.invalid.values()),
        votes=FrozenMap({w: tally.votes[w] for w in ranked if w in contest.candidates or tally.votes[w]}),
        elected=(),
        unfilled=contest.seats,
        invalid_reasons=FrozenMap({r.value: n for r, n in sorted(tally.invalid.items())}),
        void_marks=FrozenMap({r.value: n for r, n in sorted(tally.void.items())}),
    )


def _undecided(
    contest: Contest, tally: _Tally, *, base: int, stopped_by: Code, steps: list[Step], kind: Kind
) -> ContestResult:
    """A round that could not elect (inquorate, short of turnout, void) decides nothing: no
    ballot verdict, no threshold, nobody elected; the step cites the rule that stopped it."""
    rule = next(s.rule for s in steps if s.code is stopped_by)
    why = step(Code.NO_ELECTION, kind, contest.id, by=rule)
    return attrs.evolve(_sheet(contest, tally, base=base), steps=(why,))


def _test(
    contest: Contest, tally: _Tally, ranked: list[str], *, base: int, collected: int, rulebook: Rulebook
) -> tuple[Threshold | None, int | None]:
    """The test a winner must pass in this contest, and the least votes that pass it."""
    if contest.stage is Stage.TIE_BREAK:
        return None, None  # P-23, V-22, OQ-P5: among the tied, the most votes win
    further = contest.stage is Stage.FURTHER
    first = majority(rulebook, further=further)
    if not further or rulebook.further_rule == "majority":
        return first, first.least(base)  # P-22, P-25, V-21: strictly more than half of the base
    low = floor(rulebook)
    least_floor = max(1, low.least(collected))  # V-23: 不得少于已投选票总数的三分之一, and a vote at least
    if rulebook.further_rule == "majority-then-floor":
        # V-25 (河南): a majority of those voting first; only when nobody has one, the floor.
        least = first.least(base)
        if any(tally.votes[w] >= least for w in ranked):
            return first, least
    return low, least_floor


def _decide(
    contest: Contest,
    tally: _Tally,
    *,
    base: int,
    collected: int,
    rulebook: Rulebook,
    taken: Mapping[str, Post],
) -> ContestResult:
    """The winners of a contest in a valid round: its sheet, its test, who passes it, and who
    takes the seats (ties at the cut-off go to another vote)."""
    kind = rulebook.kind
    sheet = _sheet(contest, tally, base=base)
    steps = [step(Code.CONTEST_BALLOTS, kind, contest.id, valid=sheet.valid, invalid=sheet.invalid)]
    if contest.stage is Stage.BY_ELECTION:
        steps.insert(0, step(Code.BY_ELECTION, kind, contest.id, seats=contest.seats))  # V-32, R-4: 补选
    steps.extend(step(Code.INVALID, kind, contest.id, reason=r, ballots=n) for r, n in sorted(tally.invalid.items()))
    steps.extend(step(Code.VOID_MARK, kind, contest.id, reason=r, marks=n) for r, n in sorted(tally.void.items()))
    ranked = _ranked(tally, contest)
    for who in ranked:
        if who in taken:
            # V-27: elected to a higher post in this round, a person keeps the higher.
            steps.append(step(Code.HIGHER_POST, kind, who, votes=tally.votes[who]))
    ranked = [w for w in ranked if w not in taken]
    test, threshold = _test(contest, tally, ranked, base=base, collected=collected, rulebook=rulebook)
    qualified = _qualified(
        contest, tally, ranked, test, threshold, base=base, collected=collected, steps=steps, kind=kind
    )
    elected, tied = _seated(contest, tally, qualified, test, steps, kind)
    return attrs.evolve(
        sheet,
        test=test,
        threshold=threshold,
        elected=elected,
        tied=tied,
        unfilled=contest.seats - len(elected),
        steps=tuple(steps),
    )


def _qualified(
    contest: Contest,
    tally: _Tally,
    ranked: list[str],
    test: Threshold | None,
    threshold: int | None,
    *,
    base: int,
    collected: int,
    steps: list[Step],
    kind: Kind,
) -> list[str]:
    """Those who pass the contest's test, by votes; a step for the test and for each candidate
    below it."""
    if test is None or threshold is None:
        steps.append(step(Code.TIE_BREAK, kind, contest.id, seats=contest.seats))
        return [w for w in ranked if w in contest.candidates]
    n, d = test.fraction.numerator, test.fraction.denominator
    if test.base.value == "ballots":
        # V-23: most votes, and at least 1/3 of all ballots cast, spoiled ones included.
        steps.append(
            step(
                Code.FLOOR,
                kind,
                contest.id,
                by=test,
                ballots=collected,
                threshold=threshold,
                numerator=n,
                denominator=d,
            )
        )
    else:
        # P-22 (P-25 in a further election), V-21: 赞成 votes strictly above half of the base.
        steps.append(
            step(Code.MAJORITY, kind, contest.id, by=test, base=base, threshold=threshold, numerator=n, denominator=d)
        )
    out = []
    for who in ranked:
        got = tally.votes[who]
        if got >= threshold:
            out.append(who)
        elif who in contest.candidates:
            steps.append(step(Code.BELOW_THRESHOLD, kind, who, by=test, votes=got, threshold=threshold))
    return out


def _seated(
    contest: Contest, tally: _Tally, qualified: list[str], test: Threshold | None, steps: list[Step], kind: Kind
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(elected, tied): the seats go to the qualified by votes; a tie across the last seat goes
    to another vote among the tied (P-23, V-22)."""
    seats = contest.seats
    tied: tuple[str, ...] = ()
    if len(qualified) > seats and tally.votes[qualified[seats]] == tally.votes[qualified[seats - 1]]:
        cut = tally.votes[qualified[seats - 1]]
        elected = tuple(w for w in qualified if tally.votes[w] > cut)
        order = {w: i for i, w in enumerate(contest.candidates)}
        tied = tuple(
            sorted((w for w in qualified if tally.votes[w] == cut), key=lambda w: (order.get(w, len(order)), w))
        )
    else:
        elected = tuple(qualified[:seats])
    for who in elected:
        by = test if test is not None else None
        if by is None:
            steps.append(step(Code.ELECTED, kind, who, by=step(Code.TIE_BREAK, kind).rule, votes=tally.votes[who]))
        else:
            steps.append(step(Code.ELECTED, kind, who, by=by, votes=tally.votes[who]))
    for who in qualified[seats:]:
        if who in tied:
            continue
        # In a tie-break nobody passes a threshold: those outside the seats have fewer votes.
        code = Code.FEWER_VOTES if test is None else Code.OUTSIDE_SEATS
        steps.append(step(code, kind, who, votes=tally.votes[who]))
    if tied:
        unfilled = seats - len(elected)
        steps.append(step(Code.TIED, kind, contest.id, votes=tally.votes[tied[0]], tied=len(tied), seats=unfilled))
    return elected, tied


def _shortfall(
    result: ContestResult,
    tally: _Tally,
    *,
    body: Body,
    base: int,
    reduction: Reduction | None,
    taken: Mapping[str, Post],
) -> ContestResult:
    """What follows the count of a contest: another vote among the tied, or, for seats left
    unfilled, a further election (P-24, V-23), never filled from below the line, unless the
    meeting reduced the seats. Those elected to a higher post in this round (``taken``, V-27)
    do not stand in it."""
    contest, rulebook = result.contest, body.rulebook
    kind = rulebook.kind
    steps = list(result.steps)
    if result.tied:
        nxt = attrs.evolve(contest, seats=result.unfilled, candidates=result.tied, stage=Stage.TIE_BREAK)
        return attrs.evolve(result, next_round=nxt)
    if not result.unfilled or contest.stage is Stage.TIE_BREAK:
        return result
    if reduction is not None and _consented(reduction, base, rulebook, contest, steps):
        return attrs.evolve(result, seats_reduced=True, steps=tuple(steps))
    ranked = [w for w in _ranked(tally, contest) if w not in result.elected and w not in taken]  # V-27
    rest = _further_candidates(contest, ranked, result.elected, tally, result.unfilled, rulebook)
    nxt = attrs.evolve(contest, seats=result.unfilled, candidates=rest, stage=Stage.FURTHER)
    steps.append(step(Code.FURTHER_ELECTION, kind, contest.id, seats=result.unfilled, candidates=len(rest)))
    least, rule = least_candidates(nxt, rulebook)
    if len(rest) < least:
        steps.append(step(Code.FURTHER_NEEDS_CANDIDATES, kind, contest.id, by=rule, candidates=len(rest), least=least))
    return attrs.evolve(result, next_round=nxt, steps=tuple(steps))


def _further_candidates(
    contest: Contest, ranked: list[str], elected: tuple[str, ...], tally: _Tally, unfilled: int, rulebook: Rulebook
) -> tuple[str, ...]:
    """P-24, V-23: who stands in the further election."""
    if rulebook.further_candidates == "all-unelected":
        # The candidates not elected, in ballot order; one elected to a higher post in this round
        # (absent from *ranked*, V-27) does not stand again.
        standing = set(ranked)
        return tuple(w for w in contest.candidates if w not in elected and w in standing)
    # V-23: 第一次投票未当选的人员得票多的为候选人: by votes, ties at the edge included.
    rest = [w for w in ranked if w not in elected and (w in contest.candidates or tally.votes[w])]
    want = unfilled + rulebook.further_extra_candidates
    if len(rest) <= want:
        return tuple(rest)
    edge = tally.votes[rest[want - 1]]
    return tuple(w for w in rest if tally.votes[w] >= edge)


_CLOSE = frozenset({"spouse", "parent", "child", "sibling"})


def _relatives(decided: dict[str, ContestResult], contests: Sequence[Contest], body: Body) -> None:
    """V-28: near relatives (spouse, parent and child, siblings) may not serve together. Of two
    elected, the one in the higher post stays; with equal posts, the one with more votes. With
    equal votes too, the rules call for another vote: both stay, and a step says so."""
    kind = body.rulebook.kind
    seat = {w: cid for cid, r in decided.items() for w in r.elected}
    rank = {c.id: POST_RANK.get(c.post, 3) for c in contests}
    withdrawn: set[str] = set()
    for who, cid in seat.items():
        for rel in body.relatives_of(who):
            other = rel.id
            if rel.relation not in _CLOSE or other not in seat or who in withdrawn or other in withdrawn:
                continue
            if who > other and any(r.id == who for r in body.relatives_of(other)):
                continue  # the pair is seen from the other side too: decide it once
            ocid = seat[other]
            mine, theirs = (rank[cid], -decided[cid].votes[who]), (rank[ocid], -decided[ocid].votes[other])
            if mine == theirs:
                r = decided[cid]
                tie = step(Code.RELATIVES_TIED, kind, who, votes=r.votes[who])
                decided[cid] = attrs.evolve(r, steps=(*r.steps, tie))
                continue
            loser, lcid = (other, ocid) if mine < theirs else (who, cid)
            withdrawn.add(loser)
            _withdraw(decided, lcid, loser, body.rulebook, withdrawn)


def _withdraw(decided: dict[str, ContestResult], cid: str, loser: str, rulebook: Rulebook, withdrawn: set[str]) -> None:
    """V-28: *loser* leaves the seat; the next candidate over the threshold takes it (浙江), or
    it goes to a further election. Nobody who has withdrawn (*withdrawn*) comes back either way."""
    kind = rulebook.kind
    r = decided[cid]
    elected = tuple(w for w in r.elected if w != loser)
    steps = [*r.steps, step(Code.RELATIVE_WITHDRAWN, kind, loser, votes=r.votes[loser])]
    if rulebook.relatives_refill == "qualified" and r.threshold is not None:
        waiting = [w for w, v in r.votes.items() if v >= r.threshold and w not in r.elected and w not in withdrawn]
        if waiting:
            steps.append(step(Code.SEAT_REFILLED, kind, waiting[0], votes=r.votes[waiting[0]]))
            decided[cid] = attrs.evolve(r, elected=(*elected, waiting[0]), steps=tuple(steps))
            return
    unfilled = r.unfilled + 1
    rest = tuple(w for w in r.votes if w not in elected and w not in withdrawn)
    nxt = r.next_round
    if nxt is None or nxt.stage is not Stage.FURTHER:
        nxt = attrs.evolve(r.contest, seats=unfilled, candidates=rest, stage=Stage.FURTHER)
    else:
        nxt = attrs.evolve(nxt, seats=unfilled)
    steps.append(step(Code.FURTHER_ELECTION, kind, cid, seats=unfilled, candidates=len(nxt.candidates)))
    decided[cid] = attrs.evolve(r, elected=elected, unfilled=unfilled, next_round=nxt, steps=tuple(steps))


def _woman_in_rerun(decided: dict[str, ContestResult], body: Body) -> None:
    """V-30 (山西): when no woman is elected, the best-placed woman not elected joins each
    further election's candidates."""
    kind = body.rulebook.kind
    if any(body.sex_of(w) == "F" for r in decided.values() for w in r.elected):
        return
    for cid, r in decided.items():
        nxt = r.next_round
        if nxt is None or nxt.stage is not Stage.FURTHER or any(body.sex_of(w) == "F" for w in nxt.candidates):
            continue
        women = [w for w in r.votes if w not in r.elected and body.sex_of(w) == "F"]
        if women:
            nxt = attrs.evolve(nxt, candidates=(*nxt.candidates, women[0]))
            joins = step(Code.WOMAN_JOINS_FURTHER, kind, women[0], votes=r.votes[women[0]])
            decided[cid] = attrs.evolve(r, next_round=nxt, steps=(*r.steps, joins))


def _consented(reduction: Reduction, base: int, rulebook: Rulebook, contest: Contest, steps: list[Step]) -> bool:
    """P-24: may the seats be reduced to those elected?"""
    kind = rulebook.kind
    if reduction.presidium and rulebook.reduction_by_presidium:
        steps.append(step(Code.REDUCED_BY_PRESIDIUM, kind, contest.id))
        return True
    if reduction.consent is None:
        steps.append(step(Code.REDUCTION_NEEDS_CONSENT, kind, contest.id))
        return False
    threshold = consent(rulebook)
    agreed = threshold.met(reduction.consent, base)  # 经半数以上选举人同意: half or more (C-2)
    n, d = threshold.fraction.numerator, threshold.fraction.denominator
    steps.append(
        step(
            Code.SEATS_REDUCED if agreed else Code.REDUCTION_NOT_APPROVED,
            kind,
            contest.id,
            by=threshold,
            consent=reduction.consent,
            base=base,
            least=threshold.least(base),
            numerator=n,
            denominator=d,
        )
    )
    return agreed


def vacancies_may_stay(elected: int, *, chair_elected: bool, rulebook: Rulebook) -> bool | None:
    """V-26: after a further election, may the village leave the other seats empty?

    ``elected`` counts every member elected so far, in all rounds. ``None`` when the rulebook
    says nothing (the national law): the village assembly decides under its own rules.

    >>> from tally import preset
    >>> vacancies_may_stay(3, chair_elected=True, rulebook=preset("village-beijing-2012"))
    False
    >>> vacancies_may_stay(4, chair_elected=True, rulebook=preset("village-beijing-2012"))
    True
    >>> vacancies_may_stay(3, chair_elected=False, rulebook=preset("village-zhejiang-2020"))
    True
    """
    if rulebook.vacancy_allowed_at is None:
        return None
    if rulebook.vacancy_needs_chair and not chair_elected:
        return False
    return elected >= rulebook.vacancy_allowed_at
