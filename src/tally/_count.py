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
from collections.abc import Iterable, Mapping, Sequence

import attrs

from ._ballot import BLANK, Ballot, Reading, Scribe, read_section
from ._contest import Contest, Stage, check_contests, least_candidates
from ._explain import Step, step
from ._meeting import Meeting
from ._proxy import Proxy, ProxyOutcome
from ._rulebook import Rulebook
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

    meeting: Meeting
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


def _check_candidates(contests: Sequence[Contest], meeting: Meeting) -> list[Problem]:
    problems = []
    roll = meeting.roll
    for i, contest in enumerate(contests):
        for j, who in enumerate(contest.candidates):
            where = f"contests[{i}].candidates[{j}]"
            if who not in roll:
                problems.append(Problem(where, f"{who!r} is not on the roll"))
            elif not roll[who].in_electorate:
                rule = roll[who].outside_electorate_rule
                problems.append(Problem(where, f"{who!r} has no right to be elected ({rule})"))
    return problems


def _proxy_outcomes(proxies: Iterable[Proxy], rulebook: Rulebook, problems: list[Problem]) -> list[ProxyOutcome]:
    out = []
    for i, proxy in enumerate(proxies):
        if not isinstance(proxy, Proxy):
            problems.append(Problem(f"proxies[{i}]", f"must be a Proxy, not {proxy!r}"))
        elif not rulebook.proxies_allowed:
            # P-17: 因故未出席会议的党员或者代表不能委托他人代为投票
            out.append(ProxyOutcome(proxy, False, "P-17", "proxy not allowed"))
        else:  # pragma: no cover - no rulebook admits proxies until the village rules land
            raise RuleError(Problem("rulebook.proxies_allowed", "proxy validation is not available yet"))
    return out


def _scribe_outcomes(
    scribes: Iterable[Scribe], contests: Sequence[Contest], meeting: Meeting, problems: list[Problem]
) -> list[ScribeOutcome]:
    scribes = list(scribes)
    if not scribes:
        return []
    candidates = {who for c in contests for who in c.candidates}
    voters = set(meeting.present_electorate)
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


def _read_ballots(
    ballots: Iterable[Ballot], contests: Sequence[Contest], meeting: Meeting, problems: list[Problem]
) -> tuple[int, dict[str, _Tally]]:
    """Stream the papers: group equal papers by their key, then read each distinct one once."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    representative: dict[str, Ballot] = {}
    papers = 0
    ballot = Ballot
    for papers, paper in enumerate(ballots, start=1):  # papers ends as the number read
        if type(paper) is not ballot:
            problems.append(Problem(f"ballots[{papers - 1}]", f"must be a Ballot, not {paper!r}"))
            continue
        key = paper.key
        seen = counts.get(key)
        if seen is None:
            counts[key] = 1
            first[key] = papers - 1
            representative[key] = paper
        else:
            counts[key] = seen + 1
    patterns = {representative[key]: counts[key] for key in representative}
    first_at = {representative[key]: first[key] for key in representative}

    roll = meeting.roll

    def eligible(who: str) -> bool:
        return who in roll and roll[who].in_electorate

    by_id = {c.id: c for c in contests}
    tallies = {c.id: _Tally() for c in contests}
    rulebook = meeting.rulebook
    for paper, times in patterns.items():
        where = f"ballots[{first_at[paper]}]"
        also = f" (and {times - 1} more papers like it)" if times > 1 else ""
        for cid in paper.sections:
            if cid not in by_id:
                problems.append(Problem(f"{where}.{cid}", f"no contest {cid!r} in this round{also}"))
        for contest in contests:
            if paper.spoiled:
                reading = SPOILED
            elif contest.id in paper.sections:
                reading, found = read_section(paper.sections[contest.id], contest, eligible=eligible, rulebook=rulebook)
                problems.extend(Problem(p.path, p.reason + also).within(f"{where}.{contest.id}") for p in found)
            else:
                reading = BLANK  # an unmarked section: valid, no votes
            tallies[contest.id].add(reading, times)
    return papers, tallies


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
    meeting: Meeting,
    totals: Mapping[str, Totals] | None = None,
    collected: int | None = None,
    issued: int | None = None,
    proxies: Iterable[Proxy] = (),
    scribes: Iterable[Scribe] = (),
    reductions: Mapping[str, Reduction] | None = None,
) -> Round:
    """Count one round of voting at a meeting.

    Give the papers one by one as ``ballots`` (any iterable; they are not kept), or the tally
    sheet's ``totals`` per contest. ``collected`` is the number of papers out of the box (with
    ``ballots`` it is checked against their number); ``issued`` the number of papers issued,
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
    """
    if not isinstance(meeting, Meeting):
        raise RecordError(Problem("meeting", f"must be a Meeting, not {meeting!r}"))
    rulebook = meeting.rulebook
    contests = check_contests(contests, rulebook)  # P-12 … P-14: margins before any counting
    problems = _check_candidates(contests, meeting)
    proxy_outcomes = _proxy_outcomes(proxies, rulebook, problems)
    scribe_outcomes = _scribe_outcomes(scribes, contests, meeting, problems)
    base = meeting.quorum.present  # P-22: 实到会有选举权的人数
    plans = _check_reductions(reductions, contests, base, problems)
    for name, value in (("collected", collected), ("issued", issued)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            problems.append(Problem(name, f"must be a whole number of at least 0, not {value!r}"))
    if rulebook.collected_base == "issued" and issued is None:
        problems.append(Problem("issued", "the rulebook compares the ballots with those issued (P-20): give them"))
    if (ballots is None) == (totals is None):
        raise RecordError(Problem("ballots", "give either the ballots or the totals, not both or neither"))
    if problems:
        raise RecordError(problems)

    if ballots is not None:
        papers, tallies = _read_ballots(ballots, contests, meeting, problems)
        if collected is not None and collected != papers:
            problems.append(Problem("collected", f"{collected} ballots collected, but {papers} papers were given"))
    else:
        assert totals is not None
        papers, tallies = _read_totals(totals, contests, collected, problems)
    if problems:
        raise RecordError(problems)

    steps: list[Step] = []
    steps.extend(step("P-17", "proxy rejected", o.proxy.principal) for o in proxy_outcomes)
    for s in scribe_outcomes:
        finding = "scribe accepted" if s.accepted else "scribe rejected: a candidate"
        steps.append(step("P-18", finding, s.scribe.elector))

    voters = meeting.quorum.present
    limit = issued if rulebook.collected_base == "issued" and issued is not None else voters
    within = papers <= limit  # P-20: 收回的选票等于或少于投票人数，选举有效
    valid = meeting.quorum.met and within
    if not meeting.quorum.met:
        steps.append(step("P-10", "inquorate: no election", present=base, needed=meeting.quorum.needed))
    steps.append(
        step(
            "P-20",
            "ballots within voters" if within else "more ballots than voters: round void",
            collected=papers,
            base=limit,
        )
    )

    results = tuple(
        _decide(c, tallies[c.id], base=base, rulebook=rulebook, valid=valid, reduction=plans.get(c.id))
        for c in contests
    )
    return Round(
        meeting=meeting,
        valid=valid,
        void=not within,
        collected=papers,
        voters=voters,
        contests=results,
        proxies=tuple(proxy_outcomes),
        scribes=tuple(scribe_outcomes),
        steps=tuple(steps),
    )


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
    contest: Contest, tally: _Tally, *, base: int, rulebook: Rulebook, valid: bool, reduction: Reduction | None
) -> ContestResult:
    ranked = _ranked(tally, contest)
    votes = FrozenMap({w: tally.votes[w] for w in ranked if w in contest.candidates or tally.votes[w]})
    seats = contest.seats
    invalid = sum(tally.invalid.values())
    steps = [step("P-21", "ballots", contest.id, valid=tally.valid, invalid=invalid)]
    for reason, n in sorted(tally.invalid.items()):
        steps.append(step("P-21", f"invalid: {reason}", contest.id, ballots=n))
    for reason, n in sorted(tally.void.items()):
        steps.append(step("P-21", f"void mark: {reason}", contest.id, marks=n))
    tie_break = contest.stage is Stage.TIE_BREAK
    threshold = None if tie_break else least_winning(base, rulebook)
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
        # An inquorate meeting or a void round (P-10, P-20) decides nothing: it must be held again.
        steps.append(step("P-20", "no decision: the round must be held again", contest.id))
        return attrs.evolve(undecided, steps=tuple(steps))

    if threshold is None:
        # P-23, OQ-P5: another vote among the tied; the most votes win (plurality).
        qualified = [w for w in ranked if w in contest.candidates]
        steps.append(step("P-23", "tie-break: most votes win", contest.id, seats=seats))
    else:
        # P-22 (P-25 in a further election): 赞成 votes strictly above half of the base.
        rule = "P-25" if contest.stage is Stage.FURTHER else "P-22"
        n, d = rulebook.majority.numerator, rulebook.majority.denominator
        steps.append(step(rule, "threshold", contest.id, base=base, threshold=threshold, numerator=n, denominator=d))
        qualified = []
        for who in ranked:
            got = tally.votes[who]
            if got * d > base * n:  # P-22: yes*2 > present electorate
                qualified.append(who)
            elif who in contest.candidates:
                steps.append(step(rule, "below the threshold", who, votes=got, threshold=threshold))

    tied: tuple[str, ...] = ()
    if len(qualified) > seats and tally.votes[qualified[seats]] == tally.votes[qualified[seats - 1]]:
        # P-23: a tie across the last seat: those above it win, the tied go to another vote.
        cut = tally.votes[qualified[seats - 1]]
        elected = tuple(w for w in qualified if tally.votes[w] > cut)
        tied = tuple(w for w in qualified if tally.votes[w] == cut)
    else:
        elected = tuple(qualified[:seats])
    for who in elected:
        steps.append(step("P-22" if threshold is not None else "P-23", "elected", who, votes=tally.votes[who]))
    for who in qualified[seats:]:
        if who not in tied:
            steps.append(step("P-23", "over the threshold, outside the seats", who, votes=tally.votes[who]))

    unfilled = seats - len(elected)
    next_round: Contest | None = None
    reduced = False
    if tied:
        order = {w: i for i, w in enumerate(contest.candidates)}
        tied = tuple(sorted(tied, key=lambda w: (order.get(w, len(order)), w)))
        next_round = attrs.evolve(contest, seats=unfilled, candidates=tied, stage=Stage.TIE_BREAK)
        steps.append(
            step(
                "P-23",
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
            # P-24: never filled from below the line; a further election for the shortfall.
            rest = tuple(w for w in contest.candidates if w not in elected)
            next_round = attrs.evolve(contest, seats=unfilled, candidates=rest, stage=Stage.FURTHER)
            steps.append(
                step("P-24", "seats unfilled: further election", contest.id, seats=unfilled, candidates=len(rest))
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
