"""The polling of a villager or residents' committee election: who voted, how, and turnout.

V-15, V-16: an absent registered voter may authorise in writing a near relative (C-5) who is a
registered voter of the same village to vote for them; the rulebook sets the cap per agent, the
deadline and whether a candidate may be an agent. V-18: voters who cannot come vote at a mobile
ballot box. V-19: the election is valid only when more than half of the registered voted
(in person, by accepted proxy or at a mobile box; nobody counted twice).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

import attrs

from ._body import Opening
from ._contest import Contest, Stage
from ._explain import Code, Reason, Step, step
from ._proxy import Proxy, ProxyOutcome
from ._roll import Roll
from ._rulebook import Kind, Rulebook
from ._threshold import Base
from ._threshold import turnout as turnout_threshold
from ._values import Word, shown
from ._voters import Relative, Voter, VoterRoll, as_voter_roll
from .errors import Problem, RecordError, RuleError

__all__ = ["Polling", "Turnout", "polling"]

_VILLAGE_KINDS = {Kind.VILLAGE_COMMITTEE, Kind.RESIDENTS_COMMITTEE}


@attrs.frozen(kw_only=True)
class Turnout:
    """The turnout of a polling, as the result format writes it (V-19).

    ``registered`` voters eligible on the day; ``in_person``, ``by_proxy`` (proxies exercised),
    ``mobile`` (mobile ballot boxes); ``voted`` their sum; ``needed`` the least ``voted`` that is
    more than half of the registered; ``valid`` whether ``voted`` reaches it. Whether a round
    needs that turnout at all is the round's decision (V-24: a further election may not), so the
    round, not the turnout, says whether the election is valid (``Round.valid``).
    """

    registered: int
    in_person: int
    by_proxy: int
    mobile: int
    voted: int
    needed: int
    valid: bool

    def to_dict(self) -> dict[str, object]:
        """The figures as plain data."""
        return attrs.asdict(self)


@attrs.frozen(kw_only=True)
class Polling:
    """A village or community polling after the vote: its inputs, checked, and its turnout.

    Build one with :func:`polling`. ``present`` are those who voted in person, ``mobile`` those
    who voted at a mobile ballot box, ``proxies`` the outcome of every proxy in input order,
    ``candidates`` every candidate of the round (V-16), ``mode`` whose roll it is (R-2: residents,
    household representatives or group representatives), ``not_counted`` those who signed in but
    may not vote (V-5), ``steps`` every decision.
    """

    roll: VoterRoll
    rulebook: Rulebook
    day: datetime.date
    present: tuple[str, ...]
    mobile: tuple[str, ...]
    proxies: tuple[ProxyOutcome, ...]
    candidates: frozenset[str]
    mode: str
    not_counted: tuple[str, ...]
    turnout: Turnout
    steps: tuple[Step, ...]

    # What counting needs of a body that votes (the Body protocol of _body.py).
    @property
    def valid(self) -> bool:
        """V-19: more than half of the registered voted."""
        return self.turnout.valid

    @property
    def voters(self) -> int:
        """V-20: how many voted, against which the ballots collected are compared."""
        return self.turnout.voted

    @property
    def electors(self) -> tuple[str, ...]:
        """Those who filled in a ballot in person (who may have a scribe, V-17)."""
        skip = set(self.not_counted)
        return tuple(i for i in self.present if i not in skip)

    def base_count(self, base: Base, papers: int) -> int:
        """V-21: those who voted (参加投票的村民); a rulebook cannot name another base for a
        polling (``Rulebook`` refuses ``majority_base="present"`` for village kinds)."""
        return self.turnout.voted

    def opening(self, contests: Sequence[Contest]) -> Opening:
        """V-19: more than half of the registered must vote; V-24: a further election needs no
        turnout of its own unless the rulebook says so (河南)."""
        kind = self.rulebook.kind
        further = bool(contests) and all(c.stage is Stage.FURTHER for c in contests)
        if further and not self.rulebook.further_turnout_required:
            return Opening(True, step(Code.TURNOUT_NOT_REQUIRED, kind, voted=self.turnout.voted), False)
        if self.turnout.valid:
            return Opening(True, None, True)
        t = self.turnout
        why = step(Code.NOT_HELD_TURNOUT, kind, by=turnout_threshold(self.rulebook), voted=t.voted, needed=t.needed)
        return Opening(False, why, True)

    def ineligible(self, who: str) -> Problem | None:
        """Why *who* cannot be elected (a problem with no path yet), or ``None`` (V-5: registered
        and of age)."""
        if who not in self.roll:
            return Problem("", "not-on-roll", {"who": shown(who)})
        why = self.roll[who].ineligible_on(self.day)
        if why is None:
            return None
        if why is Reason.DEPRIVED:
            return Problem("", "candidate-deprived", {"who": shown(who)})
        return Problem("", "candidate-under-18", {"who": shown(who)})

    def sex_of(self, who: str) -> str | None:
        """The voter's sex as the roll gives it, or ``None``."""
        return self.roll[who].sex if who in self.roll else None

    def relatives_of(self, who: str) -> tuple[Relative, ...]:
        """The relatives the voter roll records for *who* (V-28)."""
        return self.roll[who].relatives if who in self.roll else ()

    def judge_proxies(self, proxies: Iterable[Proxy], problems: list[Problem]) -> tuple[list[ProxyOutcome], list[Step]]:
        """A polling's proxies were judged by :func:`polling` (their steps are the polling's)."""
        if list(proxies):
            problems.append(Problem("proxies", "polling-proxies-in-count", {"function": "polling()"}))
        return list(self.proxies), []

    def unjudged(self, contests: Sequence[Contest]) -> list[Problem]:
        """V-16: every candidate counted must have been given to :func:`polling`, which judged the
        proxies against them (an agent may not be a candidate)."""
        return [
            Problem(
                f"contests[{i}].candidates[{j}]",
                "candidate-not-given-to-polling",
                {"who": shown(who), "function": "polling()"},
            )
            for i, c in enumerate(contests)
            for j, who in enumerate(c.candidates)
            if who not in self.candidates
        ]


_MODES = ("direct", "household", "group-representatives")


def _check_mode(mode: str, roll: VoterRoll, rulebook: Rulebook) -> list[Problem]:
    """R-2: the mode of a residents' committee election, and one vote per household in the
    household mode."""
    if mode not in _MODES:
        return [
            Problem("mode", "not-one-of", {"value": shown(mode), "accepted": tuple(Word("mode", m) for m in _MODES)})
        ]
    if mode == "direct":
        return []
    if rulebook.kind is not Kind.RESIDENTS_COMMITTEE:
        return [Problem("mode", "polling-mode-residents-only")]
    problems = []
    if mode == "household":
        seen: dict[str, int] = {}
        for i, v in enumerate(roll):
            if v.household is None:
                problems.append(Problem(f"roll[{i}].household", "polling-household-missing"))
            elif v.household in seen:
                first = seen[v.household]
                problems.append(
                    Problem(
                        f"roll[{i}].household",
                        "polling-household-twice",
                        {"household": shown(v.household), "first": f"roll[{first}]"},
                    )
                )
            else:
                seen[v.household] = i
    return problems


def sign_in(values: Iterable[object], where: str, roll: Roll | VoterRoll, problems: list[Problem]) -> dict[str, int]:
    """Each id of a sign-in (or mobile-box) list with its place: every id on the roll, once; the
    others are problems at their paths."""
    seen: dict[str, int] = {}
    for i, who in enumerate(values):
        if not isinstance(who, str):
            problems.append(Problem(f"{where}[{i}]", "sign-in-not-voter-id", {"value": shown(who)}))
        elif who not in roll:
            problems.append(Problem(f"{where}[{i}]", "not-on-roll", {"who": shown(who)}))
        elif who in seen:
            first = f"{where}[{seen[who]}]"
            problems.append(Problem(f"{where}[{i}]", "listed-twice", {"who": shown(who), "first": first}))
        else:
            seen[who] = i
    return seen


def polling(
    roll: VoterRoll | Iterable[Voter],
    *,
    present: Iterable[str],
    proxies: Iterable[Proxy] = (),
    mobile: Iterable[str] = (),
    candidates: Iterable[str],
    mode: str = "direct",
    rulebook: Rulebook,
    day: datetime.date,
) -> Polling:
    """Check a polling's sign-in, proxies and mobile-box list, and work out its turnout.

    ``candidates`` are every candidate of the round, for the rule that a candidate may not be an
    agent (V-16): required, because a polling judged without them could accept a proxy the rules
    refuse (give ``()`` only for a round with no candidates); :func:`~tally.count` checks that
    every candidate of its contests was given here. A proxy is exercised only by an agent who
    voted (in person or at a mobile box); otherwise it is rejected as not exercised, and its
    principal has not voted (V-15). ``mode`` is a residents' committee's mode of election (R-2): ``"direct"`` (the
    roll is the residents with a vote), ``"household"`` (the roll is one representative per
    household: each voter names a ``household``, and no household twice) or
    ``"group-representatives"``; the base of every threshold is the roll in each mode.

    Malformed input (an id not on the roll or listed twice, a voter both in person and at a
    mobile box, a proxy for someone not on the roll, a missing filing date where the rulebook
    has a deadline, a household twice in the household mode) raises
    :class:`~tally.errors.RecordError` with every problem. A proxy that breaks the rules is no
    error: its outcome says why it was rejected, and its principal counts as not voting.

    >>> import datetime
    >>> from tally import Proxy, Voter, polling, preset
    >>> roll = [Voter(f"V{i}") for i in range(1, 7)]
    >>> p = polling(roll, present=["V1", "V2"], proxies=[Proxy("V3", "V2", relation="spouse")],
    ...             candidates=["V1", "V4"], rulebook=preset("village-national-2018"),
    ...             day=datetime.date(2026, 5, 21))
    >>> p.turnout
    Turnout(registered=6, in_person=2, by_proxy=1, mobile=0, voted=3, needed=4, valid=False)
    """
    if not isinstance(rulebook, Rulebook) or rulebook.kind not in _VILLAGE_KINDS:
        raise RuleError(Problem("rulebook", "polling-not-village-rulebook", {"value": shown(rulebook)}))
    if not isinstance(day, datetime.date):
        raise RecordError(Problem("day", "not-date", {"value": shown(day)}))
    roll = as_voter_roll(roll)
    problems: list[Problem] = _check_mode(mode, roll, rulebook)
    signed = sign_in(present, "present", roll, problems)
    boxed = sign_in(mobile, "mobile", roll, problems)
    for who, i in boxed.items():
        if who in signed:
            first = f"present[{signed[who]}]"
            problems.append(Problem(f"mobile[{i}]", "mobile-also-in-person", {"who": shown(who), "first": first}))
    standing = set(candidates)
    filed = list(proxies)
    for i, proxy in enumerate(filed):
        where = f"proxies[{i}]"
        if not isinstance(proxy, Proxy):
            problems.append(Problem(where, "not-instance", {"type": "Proxy", "value": shown(proxy)}))
            continue
        if proxy.principal not in roll:
            problems.append(Problem(f"{where}.principal", "not-on-roll", {"who": shown(proxy.principal)}))
        if rulebook.proxy_deadline_days and proxy.filed is None:
            days = rulebook.proxy_deadline_days
            problems.append(Problem(f"{where}.filed", "proxy-filed-date-missing", {"days": days}))
    if problems:
        raise RecordError(problems)

    steps: list[Step] = []
    kind = rulebook.kind
    # V-5: only a voter with more than an id (a birth date, deprived) can be ineligible; the
    # others are read as ids alone, so a roll of millions is not made voter by voter.
    why_not = {v.id: why for v in roll.special() if (why := v.ineligible_on(day)) is not None}
    eligible = roll.ids() - why_not.keys()
    steps.extend(step(Code.NOT_A_VOTER, kind, who, reason=why) for who, why in why_not.items())
    not_counted = [who for who in signed if who not in eligible]
    not_counted += [who for who in boxed if who not in eligible]
    steps.extend(step(Code.VOTED_NOT_COUNTED, kind, who) for who in not_counted)
    voted = {who for who in (*signed, *boxed) if who in eligible}
    outcomes = _judge_proxies(filed, roll, eligible, set(signed), set(boxed), voted, standing, rulebook, day)
    for o in outcomes:
        if o.accepted:
            steps.append(step(Code.PROXY_ACCEPTED, kind, o.proxy.principal))
        else:
            assert o.reason is not None
            numbers = {"cap": rulebook.proxy_cap or 0, "days": rulebook.proxy_deadline_days}
            steps.append(step(Code.PROXY_REJECTED, kind, o.proxy.principal, reason=o.reason, figures=numbers))

    registered = len(eligible)
    in_person = sum(1 for who in signed if who in eligible)
    by_proxy = sum(1 for o in outcomes if o.accepted)
    at_box = sum(1 for who in boxed if who in eligible)
    threshold = turnout_threshold(rulebook)
    total = in_person + by_proxy + at_box
    turnout = Turnout(
        registered=registered,
        in_person=in_person,
        by_proxy=by_proxy,
        mobile=at_box,
        voted=total,
        needed=threshold.least(registered),
        valid=threshold.met(total, registered),  # V-19: 过半数, strictly more than half
    )
    steps.insert(0, step(Code.REGISTERED, kind, roll=len(roll), registered=registered))
    figures: dict[str, int] = {f.name: getattr(turnout, f.name) for f in attrs.fields(Turnout) if f.name != "valid"}
    n, d = threshold.fraction.numerator, threshold.fraction.denominator
    code = Code.TURNOUT_MET if turnout.valid else Code.TURNOUT_NOT_MET
    steps.append(step(code, kind, by=threshold, figures=figures, numerator=n, denominator=d))
    return Polling(
        roll=roll,
        rulebook=rulebook,
        day=day,
        present=tuple(signed),
        mobile=tuple(boxed),
        proxies=tuple(outcomes),
        candidates=frozenset(standing),
        mode=mode,
        not_counted=tuple(not_counted),
        turnout=turnout,
        steps=tuple(steps),
    )


def _judge_proxies(
    filed: list[Proxy],
    roll: VoterRoll,
    eligible: set[str],
    in_person: set[str],
    at_box: set[str],
    voted: set[str],
    candidates: set[str],
    rulebook: Rulebook,
    day: datetime.date,
) -> list[ProxyOutcome]:
    """Each proxy's outcome, in input order; the cap is applied in filing order (V-16)."""
    order = sorted(range(len(filed)), key=lambda i: (filed[i].filed or day, i))
    facts = _Facts(roll, eligible, in_person, at_box, voted, candidates, rulebook, day)
    # No chains: an agent may not have delegated their own vote. A proxy that fails on its own
    # (not written, not a relative, ...) delegates nothing, so only the others count here.
    principals = {p.principal for p in filed if _reason(p, facts, set()) is None}
    held: dict[str, int] = {}
    decided: dict[int, ProxyOutcome] = {}
    seen_principal: set[str] = set()
    for i in order:
        p = filed[i]
        reason = _reason(p, facts, principals)
        if reason is None and p.principal in seen_principal:
            reason = Reason.PRINCIPAL_HAS_PROXY  # V-15: one proxy per principal
        if reason is None and rulebook.proxy_cap is not None and held.get(p.agent, 0) >= rulebook.proxy_cap:
            reason = Reason.AGENT_AT_CAP  # V-16: 每一选民接受委托投票不得超过三人
        if reason is None:
            held[p.agent] = held.get(p.agent, 0) + 1
            seen_principal.add(p.principal)
            decided[i] = ProxyOutcome(p, True)
        else:
            decided[i] = ProxyOutcome(p, False, reason)
    return [decided[i] for i in range(len(filed))]


@attrs.frozen
class _Facts:
    """What a clerk knows when judging a proxy."""

    roll: VoterRoll
    eligible: set[str]
    in_person: set[str]
    at_box: set[str]
    voted: set[str]
    candidates: set[str]
    rulebook: Rulebook
    day: datetime.date


def _reason(p: Proxy, f: _Facts, principals: set[str]) -> Reason | None:
    """The first rule a proxy breaks, in the order a clerk would check, or ``None``."""
    rulebook = f.rulebook
    if not rulebook.proxies_allowed:
        return Reason.PROXY_NOT_ALLOWED
    if not p.written:
        return Reason.NOT_WRITTEN  # V-15: 书面委托
    if p.principal not in f.eligible:
        return Reason.PRINCIPAL_NOT_A_VOTER
    if p.principal in f.in_person:
        return Reason.PRINCIPAL_VOTED
    if p.principal in f.at_box:
        return Reason.PRINCIPAL_AT_MOBILE_BOX  # V-18
    if p.agent == p.principal:
        return Reason.AGENT_IS_PRINCIPAL
    if p.agent not in f.roll or p.agent not in f.eligible:
        return Reason.AGENT_NOT_A_VOTER  # V-15: 本村有选举权的近亲属
    if p.relation is None:
        return Reason.RELATION_NOT_GIVEN
    if p.relation not in rulebook.proxy_relations:
        return Reason.NOT_NEAR_RELATIVE  # C-5
    if p.agent in f.candidates and not rulebook.proxy_agent_may_be_candidate:
        return Reason.AGENT_IS_CANDIDATE  # V-16
    if p.agent in principals:
        return Reason.AGENT_GAVE_PROXY  # V-16: no chains
    if p.filed is not None:
        if p.filed > f.day:
            return Reason.FILED_AFTER_DAY
        if p.filed == f.day and not rulebook.proxy_onsite_allowed:
            return Reason.FILED_ON_DAY  # V-16 (上海): no on-site proxies
        if rulebook.proxy_deadline_days and (f.day - p.filed).days < rulebook.proxy_deadline_days:
            return Reason.FILED_LATE  # V-16, C-6
    if p.agent not in f.voted:
        return Reason.AGENT_DID_NOT_VOTE  # V-15: a proxy is exercised only by an agent who voted
    return None
