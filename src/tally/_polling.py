"""The polling of a villager or residents' committee election: who voted, how, and turnout.

V-15, V-16: an absent registered voter may authorise in writing a near relative (C-5) who is a
registered voter of the same village to vote for them; the rulebook sets the cap per agent, the
deadline and whether a candidate may be an agent. V-18: voters who cannot come vote at a mobile
ballot box. V-19: the election is valid only when more than half of the registered voted
(in person, by accepted proxy or at a mobile box; nobody counted twice).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import attrs

from ._explain import Step, step
from ._proxy import Proxy, ProxyOutcome
from ._rulebook import Kind, Rulebook
from ._values import shown
from ._voters import Voter, VoterRoll, as_voter_roll
from .errors import Problem, RecordError, RuleError

__all__ = ["Polling", "Turnout", "polling"]

_VILLAGE_KINDS = {Kind.VILLAGE_COMMITTEE, Kind.RESIDENTS_COMMITTEE}


@attrs.frozen(kw_only=True)
class Turnout:
    """The turnout of a polling, as the result format writes it (V-19).

    ``registered`` voters eligible on the day; ``in_person``, ``by_proxy`` (accepted proxies),
    ``mobile`` (mobile ballot boxes); ``voted`` their sum; ``needed`` the least ``voted`` that
    makes the election valid; ``valid``.
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
    ``not_counted`` those who signed in but may not vote (V-5), ``steps`` every decision.
    """

    roll: VoterRoll
    rulebook: Rulebook
    day: datetime.date
    present: tuple[str, ...]
    mobile: tuple[str, ...]
    proxies: tuple[ProxyOutcome, ...]
    not_counted: tuple[str, ...]
    turnout: Turnout
    steps: tuple[Step, ...]

    # What counting needs of any meeting or polling (see _count.py).
    @property
    def valid(self) -> bool:
        """V-19: more than half of the registered voted."""
        return self.turnout.valid

    @property
    def voters(self) -> int:
        """V-20: how many voted, against which the ballots collected are compared."""
        return self.turnout.voted

    @property
    def base(self) -> int:
        """V-21: the base of the majority: those who voted (参加投票的村民)."""
        return self.turnout.voted

    @property
    def electors(self) -> tuple[str, ...]:
        """Those who filled in a ballot in person (who may have a scribe, V-17)."""
        skip = set(self.not_counted)
        return tuple(i for i in self.present if i not in skip)

    def ineligible(self, who: str) -> str | None:
        """Why *who* cannot be elected, or ``None`` (V-5: registered and of age)."""
        if who not in self.roll:
            return "is not on the roll"
        why = self.roll[who].ineligible_on(self.day)
        return None if why is None else f"cannot be elected: {why} (V-5)"


_MODES = ("direct", "household", "group-representatives")


def _check_mode(mode: str, roll: VoterRoll, rulebook: Rulebook) -> list[Problem]:
    """R-2: the mode of a residents' committee election, and one vote per household in the
    household mode."""
    if mode not in _MODES:
        return [Problem("mode", f"{shown(mode)} is not one of {', '.join(_MODES)}")]
    if mode == "direct":
        return []
    if rulebook.kind is not Kind.RESIDENTS_COMMITTEE:
        return [Problem("mode", "only a residents' committee is elected by representatives (R-2)")]
    problems = []
    if mode == "household":
        seen: dict[str, int] = {}
        for i, v in enumerate(roll):
            if v.household is None:
                problems.append(
                    Problem(f"roll[{i}].household", "the household mode needs each voter's household (R-2)")
                )
            elif v.household in seen:
                first = seen[v.household]
                problems.append(
                    Problem(
                        f"roll[{i}].household",
                        f"household {shown(v.household)} already votes through roll[{first}] (R-2)",
                    )
                )
            else:
                seen[v.household] = i
    return problems


def _ids(values: Iterable[str], where: str, roll: VoterRoll, problems: list[Problem]) -> dict[str, int]:
    seen: dict[str, int] = {}
    for i, who in enumerate(values):
        if not isinstance(who, str):
            problems.append(Problem(f"{where}[{i}]", f"must be a voter id, not {shown(who)}"))
        elif who not in roll:
            problems.append(Problem(f"{where}[{i}]", f"{shown(who)} is not on the roll"))
        elif who in seen:
            problems.append(Problem(f"{where}[{i}]", f"{shown(who)} is listed twice (first at {where}[{seen[who]}])"))
        else:
            seen[who] = i
    return seen


def polling(
    roll: VoterRoll | Iterable[Voter],
    *,
    present: Iterable[str],
    proxies: Iterable[Proxy] = (),
    mobile: Iterable[str] = (),
    candidates: Iterable[str] = (),
    mode: str = "direct",
    rulebook: Rulebook,
    day: datetime.date,
) -> Polling:
    """Check a polling's sign-in, proxies and mobile-box list, and work out its turnout.

    ``candidates`` are every candidate of the round, for the rule that a candidate may not be an
    agent (V-16). ``mode`` is a residents' committee's mode of election (R-2): ``"direct"`` (the
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
    ...             rulebook=preset("village-national-2018"), day=datetime.date(2026, 5, 21))
    >>> p.turnout
    Turnout(registered=6, in_person=2, by_proxy=1, mobile=0, voted=3, needed=4, valid=False)
    """
    if not isinstance(rulebook, Rulebook) or rulebook.kind not in _VILLAGE_KINDS:
        raise RuleError(Problem("rulebook", f"must be a village or residents' rulebook, not {shown(rulebook)}"))
    if not isinstance(day, datetime.date):
        raise RecordError(Problem("day", f"must be a date, not {shown(day)}"))
    roll = as_voter_roll(roll)
    problems: list[Problem] = _check_mode(mode, roll, rulebook)
    signed = _ids(present, "present", roll, problems)
    boxed = _ids(mobile, "mobile", roll, problems)
    for who, i in boxed.items():
        if who in signed:
            problems.append(
                Problem(
                    f"mobile[{i}]", f"{shown(who)} also voted in person (present[{signed[who]}]): nobody votes twice"
                )
            )
    standing = set(candidates)
    filed = list(proxies)
    for i, proxy in enumerate(filed):
        where = f"proxies[{i}]"
        if not isinstance(proxy, Proxy):
            problems.append(Problem(where, f"must be a Proxy, not {shown(proxy)}"))
            continue
        if proxy.principal not in roll:
            problems.append(Problem(f"{where}.principal", f"{shown(proxy.principal)} is not on the roll"))
        if rulebook.proxy_deadline_days and proxy.filed is None:
            days = rulebook.proxy_deadline_days
            problems.append(
                Problem(f"{where}.filed", f"the rulebook needs proxies filed {days} days ahead: give the date")
            )
    if problems:
        raise RecordError(problems)

    steps: list[Step] = []
    eligible = {v.id for v in roll if v.ineligible_on(day) is None}
    for v in roll:
        why = v.ineligible_on(day)
        if why is not None:
            steps.append(step("V-5", f"not registered: {why}", v.id))
    not_counted = [who for who in signed if who not in eligible]
    not_counted += [who for who in boxed if who not in eligible]
    steps.extend(step("V-5", "voted, not counted", who) for who in not_counted)

    outcomes = _judge_proxies(filed, roll, eligible, set(signed), set(boxed), standing, rulebook, day)
    for o in outcomes:
        if o.accepted:
            steps.append(step("V-15", "proxy accepted", o.proxy.principal))
        else:
            numbers = {"cap": rulebook.proxy_cap or 0, "days": rulebook.proxy_deadline_days}
            steps.append(step(o.rule or "V-15", f"proxy rejected: {o.reason}", o.proxy.principal, **numbers))

    registered = len(eligible)
    in_person = sum(1 for who in signed if who in eligible)
    by_proxy = sum(1 for o in outcomes if o.accepted)
    at_box = sum(1 for who in boxed if who in eligible)
    voted = in_person + by_proxy + at_box
    n, d = rulebook.turnout.numerator, rulebook.turnout.denominator
    valid = voted * d > registered * n  # V-19: 过半数, strictly more than half
    needed = registered * n // d + 1
    turnout = Turnout(
        registered=registered,
        in_person=in_person,
        by_proxy=by_proxy,
        mobile=at_box,
        voted=voted,
        needed=needed,
        valid=valid,
    )
    steps.insert(0, step("V-5", "registered", roll=len(roll), registered=registered))
    figures: dict[str, int] = {f.name: getattr(turnout, f.name) for f in attrs.fields(Turnout) if f.name != "valid"}
    steps.append(step("V-19", "turnout met" if valid else "turnout not met", None, **figures))
    return Polling(
        roll=roll,
        rulebook=rulebook,
        day=day,
        present=tuple(signed),
        mobile=tuple(boxed),
        proxies=tuple(outcomes),
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
    candidates: set[str],
    rulebook: Rulebook,
    day: datetime.date,
) -> list[ProxyOutcome]:
    """Each proxy's outcome, in input order; the cap is applied in filing order (V-16)."""
    order = sorted(range(len(filed)), key=lambda i: (filed[i].filed or day, i))
    # No chains: an agent may not have delegated their own vote. A proxy that fails on its own
    # (not written, not a relative, ...) delegates nothing, so only the others count here.
    no_principals: set[str] = set()
    principals = {
        p.principal
        for p in filed
        if _reason(p, roll, eligible, in_person, at_box, candidates, no_principals, rulebook, day)[1] is None
    }
    held: dict[str, int] = {}
    decided: dict[int, ProxyOutcome] = {}
    seen_principal: set[str] = set()
    for i in order:
        p = filed[i]
        rule, reason = _reason(p, roll, eligible, in_person, at_box, candidates, principals, rulebook, day)
        if reason is None and p.principal in seen_principal:
            rule, reason = "V-15", "the principal already has a proxy"
        if reason is None and rulebook.proxy_cap is not None and held.get(p.agent, 0) >= rulebook.proxy_cap:
            rule, reason = "V-16", "the agent holds the most proxies allowed (PROXY_CAP_EXCEEDED)"
        if reason is None:
            held[p.agent] = held.get(p.agent, 0) + 1
            seen_principal.add(p.principal)
            decided[i] = ProxyOutcome(p, True)
        else:
            decided[i] = ProxyOutcome(p, False, rule, reason)
    return [decided[i] for i in range(len(filed))]


def _reason(
    p: Proxy,
    roll: VoterRoll,
    eligible: set[str],
    in_person: set[str],
    at_box: set[str],
    candidates: set[str],
    principals: set[str],
    rulebook: Rulebook,
    day: datetime.date,
) -> tuple[str | None, str | None]:
    """The first rule a proxy breaks, in the order a clerk would check, or (None, None)."""
    if not rulebook.proxies_allowed:
        return "P-17", "proxy not allowed"
    if not p.written:
        return "V-15", "not in writing"
    if p.principal not in eligible:
        return "V-15", "the principal is not a registered voter"
    if p.principal in in_person:
        return "V-15", "the principal voted in person"
    if p.principal in at_box:
        return "V-18", "the principal voted at a mobile ballot box"
    if p.agent == p.principal:
        return "V-15", "the agent is the principal"
    if p.agent not in roll or p.agent not in eligible:
        return "V-15", "the agent is not a registered voter of this village"
    if p.relation is None:
        return "V-15", "the relation is not given"
    if p.relation not in rulebook.proxy_relations:
        return "C-5", "not a near relative"
    if p.agent in candidates and not rulebook.proxy_agent_may_be_candidate:
        return "V-16", "the agent is a candidate"
    if p.agent in principals:
        return "V-16", "the agent has given a proxy too: no chains"
    if p.filed is not None:
        if p.filed > day:
            return "V-16", "filed after the election day"
        if p.filed == day and not rulebook.proxy_onsite_allowed:
            return "V-16", "filed on the election day (no on-site proxies)"
        if rulebook.proxy_deadline_days and (day - p.filed).days < rulebook.proxy_deadline_days:
            return "V-16", "filed after the deadline"
    return None, None
