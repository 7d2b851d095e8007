"""The meeting: who signed in, which absent members are excluded, required attendance, quorum.

P-6: the required attendance (应到会人数) is the electorate less the members whose exclusion was
approved under P-7 and P-8; anyone absent for another reason stays in it.
P-10, PC-3: the meeting is valid only if the present electorate (有选举权的到会人数) exceeds 4/5
of the required attendance (P-10a: or equals it, where the rulebook says so).
P-11: only members of the electorate count as present; others who attend are reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from ._body import Opening
from ._contest import Contest
from ._explain import RULES, Code, Reason, Step, step
from ._proxy import Proxy, ProxyOutcome
from ._roll import Member, Roll, as_roll
from ._rulebook import Kind, Rulebook
from ._threshold import Base
from ._threshold import quorum as quorum_threshold
from ._values import boolean, nonblank, shown, valid_id
from ._voters import Relative
from .errors import Problem, RecordError, RuleError

__all__ = ["Exclusion", "ExclusionOutcome", "Meeting", "Quorum", "meeting"]


@attrs.frozen
class Exclusion:
    """A request to leave an absent member out of the required attendance (P-6 … P-8).

    It takes effect only for a listed ``category`` (P-7) and with **both** approvals: the
    upper-level party organisation's (``upper_approved``) and the party-member meeting's
    (``meeting_approved``) (P-8). Either approval missing, the member stays in the required
    attendance; the meeting reports why. ``motion`` may name the vote that gave the meeting's
    approval (P-8, OQ-P3: a motion of the 党员大会, P-27), as its record or result says where to
    find it (``party-motion.json#m1``); ``meeting_approved`` stays what counts.

    >>> Exclusion("M07", "abroad", upper_approved=True, meeting_approved=True, note="自费出国八个月")
    Exclusion(member='M07', category='abroad', upper_approved=True, meeting_approved=True, note='自费出国八个月',
              motion=None)
    """

    member: str = attrs.field(validator=valid_id)
    category: str = attrs.field(validator=nonblank)
    upper_approved: bool = attrs.field(default=False, validator=boolean, kw_only=True)
    meeting_approved: bool = attrs.field(default=False, validator=boolean, kw_only=True)
    note: str | None = attrs.field(default=None, kw_only=True)
    motion: str | None = attrs.field(default=None, kw_only=True)


@attrs.frozen
class ExclusionOutcome:
    """What became of one exclusion: ``excluded`` or not, and each reason why not.

    ``reasons`` holds what kept the member in the required attendance:
    ``Reason.EXCLUSIONS_DO_NOT_APPLY`` (PC-4), ``Reason.CATEGORY_NOT_LISTED`` (P-7),
    ``Reason.NO_UPPER_APPROVAL`` and ``Reason.NO_MEETING_APPROVAL`` (P-8). It is empty when the
    member was excluded.
    """

    exclusion: Exclusion
    excluded: bool
    reasons: tuple[Reason, ...] = ()


@attrs.frozen(kw_only=True)
class Quorum:
    """The attendance figures of a meeting, as the result format writes them.

    ``electorate`` (有选举权的党员, P-5), ``required`` (应到会人数, P-6), ``present`` (有选举权的
    到会人数, P-11), ``needed`` (the least ``present`` that makes the meeting valid) and ``met``.
    """

    electorate: int
    required: int
    present: int
    needed: int
    met: bool

    def to_dict(self) -> dict[str, object]:
        """The figures as plain data."""
        return attrs.asdict(self)


@attrs.frozen(kw_only=True)
class Meeting:
    """A party-member meeting (or conference) after sign-in: its inputs, checked, and its quorum.

    Build one with :func:`meeting`. ``present`` is every id that signed in, in order;
    ``not_counted`` those of them outside the electorate (P-11); ``exclusions`` the outcome of
    each exclusion in input order; ``steps`` every decision with its rule.
    """

    roll: Roll
    rulebook: Rulebook
    present: tuple[str, ...]
    not_counted: tuple[str, ...]
    exclusions: tuple[ExclusionOutcome, ...]
    quorum: Quorum
    steps: tuple[Step, ...]

    @property
    def present_electorate(self) -> tuple[str, ...]:
        """The ids of the present members who count (有选举权的到会人员), in sign-in order."""
        skip = set(self.not_counted)
        return tuple(i for i in self.present if i not in skip)

    # What counting needs of a body that votes (the Body protocol of _body.py).
    @property
    def valid(self) -> bool:
        """P-10: the meeting is quorate."""
        return self.quorum.met

    @property
    def voters(self) -> int:
        """P-20: the number of voters (投票人数), against which the ballots collected are compared."""
        return self.quorum.present

    @property
    def electors(self) -> tuple[str, ...]:
        """The present electorate, who may have a scribe (P-18)."""
        return self.present_electorate

    def base_count(self, base: Base, papers: int) -> int:
        """P-22: the present electorate (实到会有选举权的人数), or, where the rulebook's
        ``majority_base`` says ``"voted"``, the papers cast (投票人数)."""
        return self.quorum.present if base is Base.PRESENT else papers

    def opening(self, contests: Sequence[Contest]) -> Opening:
        """P-10, PC-3: an inquorate meeting elects nobody, in any round."""
        if self.quorum.met:
            return Opening(True, None, None)
        q = self.quorum
        why = step(
            Code.NOT_HELD_INQUORATE,
            self.rulebook.kind,
            by=quorum_threshold(self.rulebook),
            present=q.present,
            needed=q.needed,
        )
        return Opening(False, why, None)

    def ineligible(self, who: str) -> Problem | None:
        """Why *who* cannot be elected (a problem with no path yet), or ``None`` (P-1 … P-4)."""
        if who not in self.roll:
            return Problem("", "not-on-roll", {"who": shown(who)})
        rule = self.roll[who].outside_electorate_rule
        return None if rule is None else Problem("", "candidate-not-in-electorate", {"who": shown(who), "rule": rule})

    def sex_of(self, who: str) -> str | None:
        """The member's sex as the roll gives it, or ``None``."""
        return self.roll[who].sex if who in self.roll else None

    def relatives_of(self, who: str) -> tuple[Relative, ...]:
        """A party roll records no relatives (V-28 is a village rule)."""
        return ()

    def judge_proxies(self, proxies: Iterable[Proxy], problems: list[Problem]) -> tuple[list[ProxyOutcome], list[Step]]:
        """P-17: 因故未出席会议的党员或者代表不能委托他人代为投票: every proxy is rejected."""
        out, steps = [], []
        for i, proxy in enumerate(proxies):
            if not isinstance(proxy, Proxy):
                problems.append(Problem(f"proxies[{i}]", "not-instance", {"type": "Proxy", "value": shown(proxy)}))
                continue
            out.append(ProxyOutcome(proxy, False, Reason.PROXY_NOT_ALLOWED))
            steps.append(
                step(Code.PROXY_REJECTED, self.rulebook.kind, proxy.principal, reason=Reason.PROXY_NOT_ALLOWED)
            )
        return out, steps

    def unjudged(self, contests: Sequence[Contest]) -> list[Problem]:
        """Nothing: a party meeting admits no proxy, so no agent can be a candidate."""
        return []

    @property
    def excluded(self) -> tuple[str, ...]:
        """The ids excluded from the required attendance."""
        return tuple(o.exclusion.member for o in self.exclusions if o.excluded)


_PARTY = frozenset({Kind.PARTY_MEETING, Kind.PARTY_CONFERENCE})
# Why a member is outside the electorate (P-2 … P-4), by the rule that puts them there.
_OUTSIDE = {"P-2": Reason.PROBATIONARY, "P-3": Reason.UNDER_PROBATION, "P-4": Reason.SUSPENDED}


def least_present(required: int, rulebook: Rulebook) -> int:
    """The least present electorate that makes a meeting with this required attendance valid.

    C-3: integers only. Strict (P-10): the least ``p`` with ``p*q > required*n`` for a quorum of
    ``n/q``; inclusive (P-10a): the least with ``>=``.

    >>> from tally import preset
    >>> least_present(42, preset("cpc-basic-2020"))
    34
    >>> import attrs
    >>> least_present(40, attrs.evolve(preset("cpc-basic-2020"), quorum_inclusive=True))
    32
    """
    return quorum_threshold(rulebook).least(required)


def quorum_met(present: int, required: int, rulebook: Rulebook) -> bool:
    """P-10 (P-10a): does this present electorate make the meeting valid? Integers only (C-3).

    >>> from tally import preset
    >>> quorum_met(32, 40, preset("cpc-basic-2020")), quorum_met(33, 40, preset("cpc-basic-2020"))
    (False, True)
    """
    return quorum_threshold(rulebook).met(present, required)  # P-10: 超过五分之四 (P-10a: or equal)


def _reasons(exclusion: Exclusion, rulebook: Rulebook) -> list[Reason]:
    """What keeps an exclusion from taking effect; nothing if it does."""
    if not rulebook.exclusions_apply:
        return [Reason.EXCLUSIONS_DO_NOT_APPLY]  # PC-4
    found = []
    if exclusion.category not in rulebook.exclusion_categories:
        found.append(Reason.CATEGORY_NOT_LISTED)  # P-7: only the named categories
    if not exclusion.upper_approved:
        found.append(Reason.NO_UPPER_APPROVAL)  # P-8(a): 经报上级党组织同意
    if not exclusion.meeting_approved:
        found.append(Reason.NO_MEETING_APPROVAL)  # P-8(b): 经党员大会通过
    return found


def _outside_excluded(member: Member) -> Problem:
    """P-6: a member outside the electorate (P-2 … P-4) cannot be excluded from the required
    attendance (a problem with no path yet)."""
    rule = member.outside_electorate_rule or "P-2"
    values = {"who": shown(member.id), "rule": rule}
    if rule == "P-3":
        return Problem("", "exclusion-under-probation", values)
    if rule == "P-4":
        return Problem("", "exclusion-suspended", values)
    return Problem("", "exclusion-probationary", values)


def _sign_in(
    roll: Roll,
    present: Iterable[str],
    excluded_at: dict[str, int],
    problems: list[Problem],
    steps: list[Step],
    kind: Kind,
) -> tuple[tuple[str, ...], list[str]]:
    """The sign-in list, checked (every id on the roll, once; nobody whose exclusion took
    effect), and those signed in who are outside the electorate (P-11), in sign-in order.

    A sign-in list can hold millions of ids: a right one is checked with set operations, which
    keep nothing per member; only a wrong one is walked id by id, to name every problem."""
    listed = present if isinstance(present, list | tuple) else list(present)
    try:
        distinct = set(listed)
    except TypeError:  # an unhashable item: the walk below names it
        distinct = set()
    if len(distinct) == len(listed) and distinct.isdisjoint(excluded_at) and roll.ids() >= distinct:
        del distinct
        outside = {m.id: rule for m in roll.special() if (rule := m.outside_electorate_rule) is not None}
        counted_out = [who for who in listed if who in outside] if outside else []
        for who in counted_out:
            why = _OUTSIDE[outside[who]]
            steps.append(step(Code.PRESENT_NOT_COUNTED, kind, who, reason=why, by=RULES[why][kind]))
        return tuple(listed), counted_out
    del distinct
    signed: dict[str, int] = {}
    not_counted: list[str] = []
    for i, who in enumerate(listed):
        known = type(who) is str and who in roll
        if known and who not in signed and who not in excluded_at:
            signed[who] = i
            rule = roll[who].outside_electorate_rule
            if rule is not None:
                not_counted.append(who)
                why = _OUTSIDE[rule]
                steps.append(step(Code.PRESENT_NOT_COUNTED, kind, who, reason=why, by=RULES[why][kind]))
            continue
        where = f"present[{i}]"
        if not isinstance(who, str):
            problems.append(Problem(where, "sign-in-not-member-id", {"value": shown(who)}))
            continue
        if not known:
            problems.append(Problem(where, "not-on-roll", {"who": shown(who)}))
            continue
        if who in signed:
            problems.append(Problem(where, "signed-in-twice", {"who": shown(who), "first": f"present[{signed[who]}]"}))
            continue
        if who in excluded_at:
            exclusion = f"exclusions[{excluded_at[who]}]"
            problems.append(Problem(where, "signed-in-but-excluded", {"who": shown(who), "exclusion": exclusion}))
            continue
    return tuple(signed), not_counted


def meeting(
    roll: Roll | Iterable[Member],
    *,
    present: Iterable[str],
    exclusions: Iterable[Exclusion] = (),
    rulebook: Rulebook,
) -> Meeting:
    """Check a meeting's sign-in and exclusions and decide its quorum.

    Malformed input (an id not on the roll, a member signed in twice, two exclusions for one
    member, an exclusion for a member outside the electorate, an excluded member who signed in)
    raises :class:`~tally.errors.RecordError` listing every problem. An exclusion that fails
    the rules is not an error: its outcome says why it did not count.

    >>> from tally import Exclusion, Member, meeting, preset
    >>> roll = [Member(f"M{i:02}") for i in range(1, 11)] + [Member("P1", standing="probationary")]
    >>> m = meeting(roll, present=["M01", "M02", "M03", "M04", "M05", "M06", "M07", "P1"],
    ...             exclusions=[Exclusion("M10", "abroad", upper_approved=True,
    ...                                   meeting_approved=True)],
    ...             rulebook=preset("cpc-basic-2020"))
    >>> m.quorum
    Quorum(electorate=10, required=9, present=7, needed=8, met=False)
    >>> m.not_counted
    ('P1',)
    """
    if not isinstance(rulebook, Rulebook) or rulebook.kind not in _PARTY:
        raise RuleError(Problem("rulebook", "meeting-not-party-rulebook", {"value": shown(rulebook)}))
    kind = rulebook.kind
    roll = as_roll(roll)
    problems: list[Problem] = []

    # The exclusions first: who is out of the required attendance, and why the others are not.
    outcomes: list[ExclusionOutcome] = []
    excluded_at: dict[str, int] = {}
    seen_exclusion: dict[str, int] = {}
    steps: list[Step] = []
    for i, exclusion in enumerate(exclusions):
        where = f"exclusions[{i}]"
        if not isinstance(exclusion, Exclusion):
            problems.append(Problem(where, "not-instance", {"type": "Exclusion", "value": shown(exclusion)}))
            continue
        who = exclusion.member
        if who not in roll:
            problems.append(Problem(f"{where}.member", "not-on-roll", {"who": shown(who)}))
            continue
        if who in seen_exclusion:
            first = f"exclusions[{seen_exclusion[who]}]"
            problems.append(Problem(f"{where}.member", "exclusion-twice", {"who": shown(who), "first": first}))
            continue
        seen_exclusion[who] = i
        member = roll[who]
        if not member.in_electorate:
            # P-6: only the electorate is in the base; excluding anyone else is contradictory.
            problems.append(_outside_excluded(member).at(f"{where}.member"))
            continue
        reasons = _reasons(exclusion, rulebook)
        outcomes.append(ExclusionOutcome(exclusion, not reasons, tuple(reasons)))
        if reasons:
            steps.extend(step(Code.NOT_EXCLUDED, kind, who, reason=reason) for reason in reasons)
        else:
            excluded_at[who] = i
            steps.append(step(Code.EXCLUDED, kind, who))

    # Sign-in: every id on the roll, once; nobody whose exclusion took effect.
    signed, not_counted = _sign_in(roll, present, excluded_at, problems, steps, kind)

    if problems:
        raise RecordError(problems)

    outside = roll.count_by(lambda m: m.outside_electorate_rule)
    electorate = outside[None]
    steps.insert(
        0,
        step(
            Code.ELECTORATE,
            kind,
            roll=len(roll),
            probationary=outside["P-2"],
            probation=outside["P-3"],
            suspended=outside["P-4"],
            electorate=electorate,
        ),
    )
    required = electorate - len(excluded_at)
    steps.append(
        step(Code.REQUIRED_ATTENDANCE, kind, electorate=electorate, excluded=len(excluded_at), required=required)
    )
    count = len(signed) - len(not_counted)
    steps.append(
        step(Code.PRESENT_ELECTORATE, kind, signed_in=len(signed), not_counted=len(not_counted), present=count)
    )
    threshold = quorum_threshold(rulebook)
    needed = threshold.least(required)
    met = threshold.met(count, required)  # P-10: 超过应到会人数的五分之四 (P-10a: or exactly 4/5)
    steps.append(
        step(
            Code.QUORUM_MET if met else Code.QUORUM_NOT_MET,
            kind,
            by=threshold,
            present=count,
            required=required,
            needed=needed,
            numerator=threshold.fraction.numerator,
            denominator=threshold.fraction.denominator,
        )
    )
    return Meeting(
        roll=roll,
        rulebook=rulebook,
        present=signed,
        not_counted=tuple(not_counted),
        exclusions=tuple(outcomes),
        quorum=Quorum(electorate=electorate, required=required, present=count, needed=needed, met=met),
        steps=tuple(steps),
    )
