"""Counting a round: validity of the vote, votes per candidate, winners, ties and shortfalls.

P-20: more ballots collected than voters voids the whole round. P-21: a section selecting more
persons than seats is invalid. P-22: a candidate wins only with 赞成 votes strictly above half of
the present electorate. P-23: more qualifiers than seats are ranked by votes; a tie at the
cut-off goes to another vote among the tied. P-24, P-25: seats left unfilled go to a further
election with the same threshold, never filled from below the line, unless the meeting consents
to reduce the seats.

Ballots stream: each distinct paper is read once, whatever the number of papers like it, so
memory grows with the candidates and the distinct papers, not with the number of ballots.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import attrs

from ._ballot import BLANK, Ballot, Reading, Scribe, read_section
from ._contest import POST_RANK, Contest, Post, Stage, check_contests, least_candidates
from ._explain import Step, step
from ._meeting import Meeting
from ._polling import Polling
from ._proxy import Proxy, ProxyOutcome
from ._rulebook import Rulebook, rule_id
from ._values import FrozenMap, int_map
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
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RecordError(Problem(attribute.name, f"must be a whole number of at least 0, not {value!r}"))


def _vote_map(value: Mapping[str, int] | None) -> FrozenMap[int]:
    votes = int_map(value)
    problems = [
        Problem(f"for.{who}", f"must be a whole number of at least 0, not {n!r}")
        for who, n in votes.items()
        if isinstance(n, bool) or not isinstance(n, int) or n < 0
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
        if c is not None and (isinstance(c, bool) or not isinstance(c, int) or c < 0):
            raise RecordError(Problem("consent", f"must be a whole number of at least 0, not {c!r}"))
        if c is None and not self.presidium:
            raise RecordError(Problem("consent", "a reduction needs the consent count or the presidium"))


@attrs.frozen
class ScribeOutcome:
    """P-18: whether a scribe was ``accepted``, and if not why (a candidate may not write for an
    elector)."""

    scribe: Scribe
    accepted: bool
    reason: str | None = None


@attrs.frozen(kw_only=True)
class ContestResult:
    """The count of one contest in one round.

    ``base`` is the number the majority is taken of (the present electorate, P-22);
    ``threshold`` the least number of votes that wins (``None`` in a tie-break, where the most
    votes win); ``valid`` and ``invalid`` the ballots for this contest, ``invalid_reasons`` and
    ``void_marks`` how many of each reason; ``votes`` each person's 赞成 votes (every
    candidate, then each write-in with a vote); ``elected`` in order of votes; ``tied`` the
    candidates tied across the last seat; ``unfilled`` the seats not filled in this round;
    ``next_round`` the contest to hold next (a tie-break or a further election), or ``None``;
    ``seats_reduced`` whether the meeting reduced the seats instead (P-24).
    """

    contest: Contest
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


@attrs.frozen(kw_only=True)
class Round:
    """A counted round: whether the vote as a whole is ``valid`` (the meeting quorate, P-10,
    and not ``void``: no more ballots ``collected`` than the base of P-20), each contest's
    result, and the outcome of each proxy and scribe."""

    meeting: Meeting | Polling
    valid: bool
    void: bool
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


def least_winning(base: int, rulebook: Rulebook) -> int:
    """P-22, C-3: the least number of 赞成 votes that strictly exceeds ``majority`` of ``base``.

    >>> from tally import preset
    >>> [least_winning(a, preset("cpc-basic-2020")) for a in (40, 41, 0)]
    [21, 21, 1]
    """
    n, d = rulebook.majority.numerator, rulebook.majority.denominator
    return base * n // d + 1  # the least x with x*d > base*n


class _Tally:
    """The running count of one contest."""

    __slots__ = ("invalid", "valid", "void", "votes")

    def __init__(self) -> None:
        self.valid = 0
        self.invalid: Counter[str] = Counter()
        self.votes: Counter[str] = Counter()
        self.void: Counter[str] = Counter()

    def add(self, reading: Reading, times: int) -> None:
        if not reading.valid:
            self.invalid[reading.reason or "invalid"] += times
            return
        self.valid += times
        for who in reading.votes:
            self.votes[who] += times
        for _, _, reason in reading.void:
            self.void[reason] += times


SPOILED = Reading(valid=False, reason="spoiled paper", rule="P-21")


def _women_only(contest: Contest, rulebook: Rulebook) -> bool:
    """V-30 (浙江): a separate women-member post is for women only."""
    return rulebook.women_seat_mode == "reserved-post" and contest.post is Post.WOMEN_MEMBER


def _check_candidates(contests: Sequence[Contest], meeting: Meeting | Polling) -> tuple[list[Problem], list[Problem]]:
    """(input problems, rule problems) of the candidates: on the roll, with the right to be
    elected; women only on a reserved women's post."""
    problems, rules = [], []
    for i, contest in enumerate(contests):
        women = _women_only(contest, meeting.rulebook)
        for j, who in enumerate(contest.candidates):
            where = f"contests[{i}].candidates[{j}]"
            why = meeting.ineligible(who)
            if why is not None:
                problems.append(Problem(where, f"{who!r} {why}"))
            elif women and meeting.roll[who].sex != "F":
                rules.append(
                    Problem(where, f"{who!r} is not recorded as a woman: the women-member post is for women (V-30)")
                )
    return problems, rules


def _proxy_outcomes(
    proxies: Iterable[Proxy], meeting: Meeting | Polling, problems: list[Problem]
) -> list[ProxyOutcome]:
    if isinstance(meeting, Polling):
        if list(proxies):
            problems.append(Problem("proxies", "a polling's proxies are judged by polling(): give them there"))
        return list(meeting.proxies)
    out = []
    for i, proxy in enumerate(proxies):
        if not isinstance(proxy, Proxy):
            problems.append(Problem(f"proxies[{i}]", f"must be a Proxy, not {proxy!r}"))
        else:
            # P-17: 因故未出席会议的党员或者代表不能委托他人代为投票
            out.append(ProxyOutcome(proxy, False, "P-17", "proxy not allowed"))
    return out


def _scribe_outcomes(
    scribes: Iterable[Scribe], contests: Sequence[Contest], meeting: Meeting | Polling, problems: list[Problem]
) -> list[ScribeOutcome]:
    scribes = list(scribes)
    if not scribes:
        return []
    candidates = {who for c in contests for who in c.candidates}
    voters = set(meeting.electors)
    seen: dict[str, int] = {}
    out = []
    for i, scribe in enumerate(scribes):
        where = f"scribes[{i}]"
        if not isinstance(scribe, Scribe):
            problems.append(Problem(where, f"must be a Scribe, not {scribe!r}"))
        elif scribe.elector not in voters:
            problems.append(Problem(f"{where}.elector", f"{scribe.elector!r} is not a present elector (P-18)"))
        elif scribe.elector in seen:
            first = seen[scribe.elector]
            problems.append(Problem(f"{where}.elector", f"{scribe.elector!r} has another scribe at scribes[{first}]"))
        else:
            seen[scribe.elector] = i
            if scribe.scribe in candidates:
                out.append(ScribeOutcome(scribe, False, "scribe is a candidate"))  # P-18: 非候选人
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
            problems.append(Problem(f"ballots[{papers - 1}]", f"must be a Ballot, not {paper!r}"))
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
    if isinstance(weighted, Mapping | str):
        problems.append(Problem("weighted", f"must be (Ballot, number) pairs, not {weighted!r}"))
        return 0, groups
    for i, pair in enumerate(weighted):
        where = f"weighted[{i}]"
        if not isinstance(pair, tuple) or len(pair) != 2:
            problems.append(Problem(where, f"must be a (Ballot, number) pair, not {pair!r}"))
            continue
        paper, n = pair
        if type(paper) is not Ballot:
            problems.append(Problem(f"{where}[0]", f"must be a Ballot, not {paper!r}"))
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            problems.append(Problem(f"{where}[1]", f"must be a whole number of papers, at least 1, not {n!r}"))
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
    groups: dict[str, _Group], contests: Sequence[Contest], meeting: Meeting | Polling, problems: list[Problem]
) -> dict[str, _Tally]:
    """Read each distinct paper once, counting it as many times as it was given."""
    rulebook = meeting.rulebook
    eligible = {c.id: _eligible(c, meeting) for c in contests}
    by_id = {c.id: c for c in contests}
    tallies = {c.id: _Tally() for c in contests}
    for paper, times, where in groups.values():
        also = f" (and {times - 1} more papers like it)" if times > 1 else ""
        for cid in paper.sections:
            if cid not in by_id:
                problems.append(Problem(f"{where}.{cid}", f"no contest {cid!r} in this round{also}"))
        readings: dict[str, Reading] = {}
        for contest in contests:
            if paper.spoiled:
                reading = SPOILED
            elif contest.id in paper.sections:
                reading, found = read_section(
                    paper.sections[contest.id], contest, eligible=eligible[contest.id], rulebook=rulebook
                )
                problems.extend(Problem(p.path, p.reason + also).within(f"{where}.{contest.id}") for p in found)
            else:
                reading = BLANK  # an unmarked section: valid, no votes
            readings[contest.id] = reading
        for cid, reading in _paper_rules(readings, rulebook).items():
            tallies[cid].add(reading, times)
    return tallies


def _eligible(contest: Contest, meeting: Meeting | Polling) -> Callable[[str], bool]:
    """Whether a written-in id may be elected in this contest."""
    women = _women_only(contest, meeting.rulebook)

    def eligible(who: str) -> bool:
        if meeting.ineligible(who) is not None:
            return False
        return not women or meeting.roll[who].sex == "F"

    return eligible


def _paper_rules(readings: dict[str, Reading], rulebook: Rulebook) -> dict[str, Reading]:
    """Rules about a whole paper of several posts: OQ-V5 (an over-selected section voids the
    paper, where the rulebook says so) and V-20 (浙江: one person voted into two posts)."""
    if len(readings) < 2:
        return readings
    if rulebook.invalid_scope == "paper" and any(r.reason == "over-selected" for r in readings.values()):
        void = Reading(valid=False, reason="over-selected on another post", rule="OQ-V5")
        return {cid: r if not r.valid else void for cid, r in readings.items()}
    if rulebook.two_posts_voids_paper:
        seen: set[str] = set()
        for r in readings.values():
            if seen & set(r.votes):
                void = Reading(valid=False, reason="one person voted into two posts", rule="V-20")
                return dict.fromkeys(readings, void)
            seen |= set(r.votes)
    return readings


def _read_totals(
    totals: Mapping[str, Totals], contests: Sequence[Contest], collected: int | None, problems: list[Problem]
) -> tuple[int, dict[str, _Tally]]:
    if not isinstance(totals, Mapping):
        raise RecordError(Problem("totals", f"must map contest ids to Totals, not {totals!r}"))
    by_id = {c.id: c for c in contests}
    tallies: dict[str, _Tally] = {}
    for cid in totals:
        if cid not in by_id:
            problems.append(Problem(f"totals.{cid}", f"no contest {cid!r} in this round"))
    for contest in contests:
        where = f"totals.{contest.id}"
        sheet = totals.get(contest.id)
        if not isinstance(sheet, Totals):
            problems.append(Problem(where, f"must be the Totals of the contest, not {sheet!r}"))
            continue
        papers = sheet.valid + sheet.invalid
        if collected is None:
            collected = papers
        elif papers != collected:
            problems.append(Problem(where, f"valid + invalid = {papers}, but {collected} ballots were collected"))
        allowed = set(contest.candidates)
        for who, n in sheet.votes.items():
            if contest.stage is Stage.TIE_BREAK and who not in allowed:
                problems.append(Problem(f"{where}.for.{who}", f"{who!r} is not among the tied"))
            if n > sheet.valid:
                problems.append(Problem(f"{where}.for.{who}", f"{n} votes, more than the {sheet.valid} valid ballots"))
        if sum(sheet.votes.values()) > sheet.valid * contest.seats:
            problems.append(
                Problem(
                    f"{where}.for",
                    f"{sum(sheet.votes.values())} votes in all, more than "
                    f"{sheet.valid} valid ballots × {contest.seats} seats (P-21)",
                )
            )
        tally = _Tally()
        tally.valid = sheet.valid
        tally.invalid["invalid"] = sheet.invalid
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
        raise RecordError(Problem("meeting", f"must be a Meeting or a Polling, not {meeting!r}"))
    rulebook = meeting.rulebook
    contests = check_contests(contests, rulebook)  # P-12 … P-14, V-1, V-10: before any counting
    problems, rules = _check_candidates(contests, meeting)
    if rules and not problems:
        raise RuleError(rules)
    proxy_outcomes = _proxy_outcomes(proxies, meeting, problems)
    scribe_outcomes = _scribe_outcomes(scribes, contests, meeting, problems)
    base = meeting.base  # P-22: 实到会有选举权的人数; V-21: 参加投票的村民
    plans = _check_reductions(reductions, contests, base, problems)
    for name, value in (("collected", collected), ("issued", issued)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            problems.append(Problem(name, f"must be a whole number of at least 0, not {value!r}"))
    collected_rule = rule_id(rulebook, "collected")
    if rulebook.collected_base == "issued" and issued is None:
        problems.append(
            Problem("issued", f"the rulebook compares the ballots with those issued ({collected_rule}): give them")
        )
    given = [name for name, v in (("ballots", ballots), ("weighted", weighted), ("totals", totals)) if v is not None]
    if len(given) != 1:
        raise RecordError(
            Problem("ballots", f"give the ballots, the weighted ballots or the totals: one, not {_none_or(given)}")
        )
    if problems:
        raise RecordError(problems)

    if ballots is not None or weighted is not None:
        if weighted is not None:
            papers, groups = _group_weighted(weighted, problems)
        else:
            assert ballots is not None
            papers, groups = _group_papers(ballots, problems)
        tallies = _read_ballots(groups, contests, meeting, problems)
        if collected is not None and collected != papers:
            problems.append(Problem("collected", f"{collected} ballots collected, but {papers} papers were given"))
    else:
        assert totals is not None
        papers, tallies = _read_totals(totals, contests, collected, problems)
    if problems:
        raise RecordError(problems)

    steps: list[Step] = []
    if isinstance(meeting, Meeting):
        steps.extend(step("P-17", "proxy rejected", o.proxy.principal) for o in proxy_outcomes)
    for s in scribe_outcomes:
        finding = "scribe accepted" if s.accepted else "scribe rejected: a candidate"
        steps.append(step("P-18" if isinstance(meeting, Meeting) else "V-17", finding, s.scribe.elector))

    voters = meeting.voters
    limit = issued if rulebook.collected_base == "issued" and issued is not None else voters
    within = papers <= limit  # P-20, V-20: 收回的选票等于或少于投票人数，选举有效
    quorate = meeting.valid
    if isinstance(meeting, Meeting):
        if not quorate:
            steps.append(step("P-10", "inquorate: no election", present=base, needed=meeting.quorum.needed))
    elif all(c.stage is Stage.FURTHER for c in contests) and not rulebook.further_turnout_required:
        quorate = True  # V-24: the national text asks no turnout of a further election
        steps.append(step("V-24", "further election: no turnout required", voted=voters))
    elif not quorate:
        t = meeting.turnout
        steps.append(step("V-19", "turnout not met: no election", voted=t.voted, needed=t.needed))
    valid = quorate and within
    steps.append(
        step(
            collected_rule,
            "ballots within voters" if within else "more ballots than voters: round void",
            collected=papers,
            base=limit,
        )
    )

    if rulebook.cross_post_aggregation == "cumulative-down":
        _aggregate(contests, tallies, steps)
    decided: dict[str, ContestResult] = {}
    taken: dict[str, Post] = {}
    for contest in sorted(contests, key=lambda c: POST_RANK.get(c.post, 3)):
        result = _decide(
            contest,
            tallies[contest.id],
            base=base,
            collected=papers,
            rulebook=rulebook,
            valid=valid,
            reduction=plans.get(contest.id),
            taken=taken,
        )
        decided[contest.id] = result
        taken.update((w, contest.post) for w in result.elected)
    if valid and rulebook.relatives_exclusive:
        _relatives(decided, contests, meeting, rulebook)
    if valid and rulebook.women_seat_mode == "reserved-in-rerun":
        _woman_in_rerun(decided, contests, meeting)
    return Round(
        meeting=meeting,
        valid=valid,
        void=not within,
        collected=papers,
        voters=voters,
        contests=tuple(decided[c.id] for c in contests),
        proxies=tuple(proxy_outcomes),
        scribes=tuple(scribe_outcomes),
        steps=tuple(steps),
    )


def _none_or(given: list[str]) -> str:
    return " and ".join(given) if given else "none"


def _aggregate(contests: Sequence[Contest], tallies: dict[str, _Tally], steps: list[Step]) -> None:
    """V-27 (cumulative-down): votes for a higher post also count for each lower post."""
    ranked = [c for c in contests if c.post in (Post.CHAIR, Post.VICE_CHAIR, Post.MEMBER)]
    own = {c.id: Counter(tallies[c.id].votes) for c in ranked}
    for lower in ranked:
        for higher in ranked:
            if POST_RANK[higher.post] < POST_RANK[lower.post]:
                tallies[lower.id].votes.update(own[higher.id])
                steps.append(step("V-27", "votes carried down", lower.id, votes=sum(own[higher.id].values())))


def _check_reductions(
    reductions: Mapping[str, Reduction] | None, contests: Sequence[Contest], base: int, problems: list[Problem]
) -> dict[str, Reduction]:
    if reductions is None:
        return {}
    if not isinstance(reductions, Mapping):
        problems.append(Problem("reductions", f"must map contest ids to a Reduction, not {reductions!r}"))
        return {}
    ids = {c.id for c in contests}
    out = {}
    for cid, plan in reductions.items():
        where = f"reductions.{cid}"
        if cid not in ids:
            problems.append(Problem(where, f"no contest {cid!r} in this round"))
        elif not isinstance(plan, Reduction):
            problems.append(Problem(where, f"must be a Reduction, not {plan!r}"))
        elif plan.consent is not None and plan.consent > base:
            reason = f"{plan.consent} consents, but only {base} electors are present"
            problems.append(Problem(f"{where}.consent", reason))
        else:
            out[cid] = plan
    return out


def _ranked(tally: _Tally, contest: Contest) -> list[str]:
    """Everyone with a vote or on the list, by votes, then in ballot order, then write-ins by id
    (the order after votes only lays out the table; it never decides a seat)."""
    order = {who: i for i, who in enumerate(contest.candidates)}
    everyone = set(contest.candidates) | set(tally.votes)
    return sorted(everyone, key=lambda w: (-tally.votes[w], order.get(w, len(order)), w))


def _decide(
    contest: Contest,
    tally: _Tally,
    *,
    base: int,
    collected: int,
    rulebook: Rulebook,
    valid: bool,
    reduction: Reduction | None,
    taken: Mapping[str, Post],
) -> ContestResult:
    ranked = _ranked(tally, contest)
    votes = FrozenMap({w: tally.votes[w] for w in ranked if w in contest.candidates or tally.votes[w]})
    seats = contest.seats
    invalid = sum(tally.invalid.values())
    ballots_rule = rule_id(rulebook, "invalid")
    steps = [step(ballots_rule, "ballots", contest.id, valid=tally.valid, invalid=invalid)]
    for reason, n in sorted(tally.invalid.items()):
        steps.append(step(ballots_rule, f"invalid: {reason}", contest.id, ballots=n))
    for reason, n in sorted(tally.void.items()):
        steps.append(step(ballots_rule, f"void mark: {reason}", contest.id, marks=n))
    tie_break = contest.stage is Stage.TIE_BREAK
    further = contest.stage is Stage.FURTHER
    majority = least_winning(base, rulebook)
    floor = _least_floor(collected, rulebook)
    if tie_break:
        threshold: int | None = None
    elif further and rulebook.further_rule == "plurality-floor":
        threshold = floor
    elif further and rulebook.further_rule == "majority-then-floor":
        # V-25 (河南): a majority of those voting first; only when nobody has one, the floor.
        threshold = majority if any(tally.votes[w] >= majority for w in ranked) else floor
    else:
        threshold = majority
    undecided = ContestResult(
        contest=contest,
        base=base,
        threshold=threshold,
        valid=tally.valid,
        invalid=invalid,
        votes=votes,
        elected=(),
        unfilled=seats,
        invalid_reasons=FrozenMap(dict(tally.invalid)),
        void_marks=FrozenMap(dict(tally.void)),
    )
    if not valid:
        # An inquorate meeting, a polling short of turnout or a void round decides nothing.
        steps.append(step(rule_id(rulebook, "collected"), "no decision: the round must be held again", contest.id))
        return attrs.evolve(undecided, steps=tuple(steps))

    for who in ranked:
        if who in taken:
            # V-27: elected to a higher post in this round, a person keeps the higher.
            steps.append(step("V-27", "elected to a higher post", who, votes=tally.votes[who]))
    ranked = [w for w in ranked if w not in taken]
    if threshold is None:
        # P-23, V-22, OQ-P5: another vote among the tied; the most votes win (plurality).
        qualified = [w for w in ranked if w in contest.candidates]
        rule = rule_id(rulebook, "tie")
        steps.append(step(rule, "tie-break: most votes win", contest.id, seats=seats))
    else:
        if further and threshold == floor and rulebook.further_rule != "majority":
            # V-23: most votes, and at least 1/3 of all ballots cast, spoiled ones included.
            rule = rule_id(rulebook, "further-threshold")
            n, d = rulebook.further_floor.numerator, rulebook.further_floor.denominator
            steps.append(
                step(rule, "floor", contest.id, ballots=collected, threshold=threshold, numerator=n, denominator=d)
            )
        else:
            # P-22 (P-25 in a further election), V-21: 赞成 votes strictly above half of the base.
            rule = rule_id(rulebook, "further-threshold" if further else "threshold")
            n, d = rulebook.majority.numerator, rulebook.majority.denominator
            steps.append(
                step(rule, "threshold", contest.id, base=base, threshold=threshold, numerator=n, denominator=d)
            )
        qualified = []
        for who in ranked:
            got = tally.votes[who]
            if got >= threshold:
                qualified.append(who)
            elif who in contest.candidates:
                steps.append(step(rule, "below the threshold", who, votes=got, threshold=threshold))

    tie_rule = rule_id(rulebook, "tie")
    tied: tuple[str, ...] = ()
    if len(qualified) > seats and tally.votes[qualified[seats]] == tally.votes[qualified[seats - 1]]:
        # P-23, V-22: a tie across the last seat: those above it win, the tied go to another vote.
        cut = tally.votes[qualified[seats - 1]]
        elected = tuple(w for w in qualified if tally.votes[w] > cut)
        tied = tuple(w for w in qualified if tally.votes[w] == cut)
    else:
        elected = tuple(qualified[:seats])
    for who in elected:
        steps.append(step(rule if threshold is not None else tie_rule, "elected", who, votes=tally.votes[who]))
    for who in qualified[seats:]:
        if who not in tied:
            steps.append(step(tie_rule, "over the threshold, outside the seats", who, votes=tally.votes[who]))

    unfilled = seats - len(elected)
    next_round: Contest | None = None
    reduced = False
    if tied:
        order = {w: i for i, w in enumerate(contest.candidates)}
        tied = tuple(sorted(tied, key=lambda w: (order.get(w, len(order)), w)))
        next_round = attrs.evolve(contest, seats=unfilled, candidates=tied, stage=Stage.TIE_BREAK)
        steps.append(
            step(
                tie_rule,
                "tie at the cut-off: another vote among the tied",
                contest.id,
                votes=tally.votes[tied[0]],
                tied=len(tied),
                seats=unfilled,
            )
        )
    elif unfilled and not tie_break:
        if reduction is not None and _consented(reduction, base, rulebook, contest, steps):
            reduced = True
        else:
            # P-24, V-23: never filled from below the line; a further election for the shortfall.
            rest = _further_candidates(contest, ranked, elected, tally, unfilled, rulebook)
            next_round = attrs.evolve(contest, seats=unfilled, candidates=rest, stage=Stage.FURTHER)
            further_rule = rule_id(rulebook, "further")
            steps.append(
                step(further_rule, "seats unfilled: further election", contest.id, seats=unfilled, candidates=len(rest))
            )
            least, rule = least_candidates(next_round, rulebook)
            if len(rest) < least:
                steps.append(
                    step(rule, "further election needs more candidates", contest.id, candidates=len(rest), least=least)
                )
    return attrs.evolve(
        undecided,
        elected=elected,
        tied=tied,
        unfilled=unfilled,
        next_round=next_round,
        seats_reduced=reduced,
        steps=tuple(steps),
    )


def _least_floor(collected: int, rulebook: Rulebook) -> int:
    """V-23: the least votes that reach the floor: ``yes*3 >= ballots`` (at least one vote)."""
    n, d = rulebook.further_floor.numerator, rulebook.further_floor.denominator
    return max(1, -(-collected * n // d))


def _further_candidates(
    contest: Contest, ranked: list[str], elected: tuple[str, ...], tally: _Tally, unfilled: int, rulebook: Rulebook
) -> tuple[str, ...]:
    """P-24, V-23: who stands in the further election."""
    if rulebook.further_candidates == "all-unelected":
        return tuple(w for w in contest.candidates if w not in elected)
    # V-23: 第一次投票未当选的人员得票多的为候选人: by votes, ties at the edge included.
    rest = [w for w in ranked if w not in elected and (w in contest.candidates or tally.votes[w])]
    want = unfilled + rulebook.further_extra_candidates
    if len(rest) <= want:
        return tuple(rest)
    edge = tally.votes[rest[want - 1]]
    return tuple(w for w in rest if tally.votes[w] >= edge)


def _relatives(
    decided: dict[str, ContestResult], contests: Sequence[Contest], meeting: Meeting | Polling, rulebook: Rulebook
) -> None:
    """V-28: near relatives (spouse, parent and child, siblings) may not serve together. Of two
    elected, the one in the higher post stays; with equal posts, the one with more votes. With
    equal votes too, the rules call for another vote: both stay, and a step says so."""
    close = {"spouse", "parent", "child", "sibling"}
    seat = {w: cid for cid, r in decided.items() for w in r.elected}
    rank = {c.id: POST_RANK.get(c.post, 3) for c in contests}
    withdrawn: set[str] = set()
    for who, cid in seat.items():
        person = meeting.roll[who]
        for rel in getattr(person, "relatives", ()):
            other = rel.id
            if rel.relation not in close or other not in seat or who in withdrawn or other in withdrawn:
                continue
            if who > other and any(r.id == who for r in getattr(meeting.roll[other], "relatives", ())):
                continue  # the pair is seen from the other side too: decide it once
            ocid = seat[other]
            mine, theirs = (rank[cid], -decided[cid].votes[who]), (rank[ocid], -decided[ocid].votes[other])
            if mine == theirs:
                r = decided[cid]
                decided[cid] = attrs.evolve(
                    r, steps=(*r.steps, step("V-28", "near relatives tied: another vote", who, votes=r.votes[who]))
                )
                continue
            loser, lcid = (other, ocid) if mine < theirs else (who, cid)
            withdrawn.add(loser)
            _withdraw(decided, lcid, loser, rulebook)


def _withdraw(decided: dict[str, ContestResult], cid: str, loser: str, rulebook: Rulebook) -> None:
    """V-28: *loser* leaves the seat; the next candidate over the threshold takes it (浙江), or
    it goes to a further election."""
    r = decided[cid]
    elected = tuple(w for w in r.elected if w != loser)
    steps = [*r.steps, step("V-28", "withdrawn: a near relative serves", loser, votes=r.votes[loser])]
    if rulebook.relatives_refill == "qualified" and r.threshold is not None:
        waiting = [w for w, v in r.votes.items() if v >= r.threshold and w not in r.elected and w != loser]
        if waiting:
            steps.append(step("V-28", "seat refilled from the qualified", waiting[0], votes=r.votes[waiting[0]]))
            decided[cid] = attrs.evolve(r, elected=(*elected, waiting[0]), steps=tuple(steps))
            return
    unfilled = r.unfilled + 1
    rest = tuple(w for w in r.votes if w not in elected and w != loser)
    nxt = r.next_round
    if nxt is None or nxt.stage is not Stage.FURTHER:
        nxt = attrs.evolve(r.contest, seats=unfilled, candidates=rest, stage=Stage.FURTHER)
    else:
        nxt = attrs.evolve(nxt, seats=unfilled)
    steps.append(
        step(
            rule_id(rulebook, "further"),
            "seats unfilled: further election",
            cid,
            seats=unfilled,
            candidates=len(nxt.candidates),
        )
    )
    decided[cid] = attrs.evolve(r, elected=elected, unfilled=unfilled, next_round=nxt, steps=tuple(steps))


def _woman_in_rerun(decided: dict[str, ContestResult], contests: Sequence[Contest], meeting: Meeting | Polling) -> None:
    """V-30 (山西): when no woman is elected, the best-placed woman not elected joins each
    further election's candidates."""
    roll = meeting.roll
    if any(roll[w].sex == "F" for r in decided.values() for w in r.elected):
        return
    for cid, r in decided.items():
        nxt = r.next_round
        if nxt is None or nxt.stage is not Stage.FURTHER or any(roll[w].sex == "F" for w in nxt.candidates):
            continue
        women = [w for w in r.votes if w not in r.elected and w in roll and roll[w].sex == "F"]
        if women:
            nxt = attrs.evolve(nxt, candidates=(*nxt.candidates, women[0]))
            steps = (*r.steps, step("V-30", "a woman joins the further election", women[0], votes=r.votes[women[0]]))
            decided[cid] = attrs.evolve(r, next_round=nxt, steps=steps)


def _consented(reduction: Reduction, base: int, rulebook: Rulebook, contest: Contest, steps: list[Step]) -> bool:
    """P-24: may the seats be reduced to those elected?"""
    if reduction.presidium and rulebook.reduction_by_presidium:
        steps.append(step("PC-4", "seats reduced by the presidium", contest.id))
        return True
    if reduction.consent is None:
        steps.append(step("P-24", "reduction not approved: no presidium here", contest.id))
        return False
    n, d = rulebook.reduction_consent.numerator, rulebook.reduction_consent.denominator
    if rulebook.reduction_consent_inclusive:
        agreed = reduction.consent * d >= base * n  # 半数以上: half or more (C-2)
    else:
        agreed = reduction.consent * d > base * n
    steps.append(
        step(
            "P-24",
            "seats reduced" if agreed else "reduction not approved",
            contest.id,
            consent=reduction.consent,
            base=base,
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
