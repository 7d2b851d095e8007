"""The meeting: who signed in, which absent members are excluded, required attendance, quorum.

P-6: the required attendance (应到会人数) is the electorate less the members whose exclusion was
approved under P-7 and P-8; anyone absent for another reason stays in it.
P-10, PC-3: the meeting is valid only if the present electorate (有选举权的到会人数) exceeds 4/5
of the required attendance (P-10a: or equals it, where the rulebook says so).
P-11: only members of the electorate count as present; others who attend are reported.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ._explain import Step, step
from ._roll import Member, Roll, as_roll
from ._rulebook import Kind, Rulebook
from ._values import boolean, nonblank
from .errors import Problem, RecordError, RuleError

__all__ = ["Exclusion", "ExclusionOutcome", "Meeting", "Quorum", "meeting"]


@attrs.frozen
class Exclusion:
    """A request to leave an absent member out of the required attendance (P-6 … P-8).

    It takes effect only for a listed ``category`` (P-7) and with **both** approvals: the
    upper-level party organisation's (``upper_approved``) and the party-member meeting's
    (``meeting_approved``) (P-8). Either approval missing, the member stays in the required
    attendance; the meeting reports why.

    >>> Exclusion("M07", "abroad", upper_approved=True, meeting_approved=True, note="自费出国八个月")
    Exclusion(member='M07', category='abroad', upper_approved=True, meeting_approved=True, note='自费出国八个月')
    """

    member: str = attrs.field(validator=nonblank)
    category: str = attrs.field(validator=nonblank)
    upper_approved: bool = attrs.field(default=False, validator=boolean, kw_only=True)
    meeting_approved: bool = attrs.field(default=False, validator=boolean, kw_only=True)
    note: str | None = attrs.field(default=None, kw_only=True)


@attrs.frozen
class ExclusionOutcome:
    """What became of one exclusion: ``excluded`` or not, and each reason why not.

    ``reasons`` holds the findings that kept the member in the required attendance:
    ``"exclusions do not apply"`` (PC-4), ``"category not listed"`` (P-7),
    ``"no upper-level approval"`` and ``"no meeting approval"`` (P-8). It is empty when the
    member was excluded.
    """

    exclusion: Exclusion
    excluded: bool
    reasons: tuple[str, ...] = ()


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

    # What counting needs of any meeting or polling (see _count.py).
    @property
    def valid(self) -> bool:
        """P-10: the meeting is quorate."""
        return self.quorum.met

    @property
    def voters(self) -> int:
        """P-20: the number of voters (投票人数), against which the ballots collected are compared."""
        return self.quorum.present

    @property
    def base(self) -> int:
        """P-22: the base of the majority, the present electorate (实到会有选举权的人数)."""
        return self.quorum.present

    @property
    def electors(self) -> tuple[str, ...]:
        """The present electorate, who may have a scribe (P-18)."""
        return self.present_electorate

    def ineligible(self, who: str) -> str | None:
        """Why *who* cannot be elected, or ``None`` (P-1 … P-4)."""
        if who not in self.roll:
            return "is not on the roll"
        rule = self.roll[who].outside_electorate_rule
        return None if rule is None else f"has no right to be elected ({rule})"

    @property
    def excluded(self) -> tuple[str, ...]:
        """The ids excluded from the required attendance."""
        return tuple(o.exclusion.member for o in self.exclusions if o.excluded)


# The rule that sets the quorum, by kind of meeting (a table, not a branch on the province).
_QUORUM_RULE = {Kind.PARTY_MEETING: "P-10", Kind.PARTY_CONFERENCE: "PC-3"}


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
    n, q = rulebook.quorum.numerator, rulebook.quorum.denominator
    if rulebook.quorum_inclusive:
        return -(-required * n // q)
    return required * n // q + 1


def quorum_met(present: int, required: int, rulebook: Rulebook) -> bool:
    """P-10 (P-10a): does this present electorate make the meeting valid? Integers only (C-3).

    >>> from tally import preset
    >>> quorum_met(32, 40, preset("cpc-basic-2020")), quorum_met(33, 40, preset("cpc-basic-2020"))
    (False, True)
    """
    n, q = rulebook.quorum.numerator, rulebook.quorum.denominator
    if rulebook.quorum_inclusive:
        return present * q >= required * n  # P-10a: exactly 4/5 tolerated
    return present * q > required * n  # P-10: 超过五分之四, strictly more than 4/5


def _reasons(exclusion: Exclusion, rulebook: Rulebook) -> list[tuple[str, str]]:
    """The (rule, finding) pairs that keep an exclusion from taking effect; none if it does."""
    if not rulebook.exclusions_apply:
        return [("PC-4", "exclusions do not apply")]
    found = []
    if exclusion.category not in rulebook.exclusion_categories:
        found.append(("P-7", "category not listed"))  # P-7: only the named categories
    if not exclusion.upper_approved:
        found.append(("P-8", "no upper-level approval"))  # P-8(a): 经报上级党组织同意
    if not exclusion.meeting_approved:
        found.append(("P-8", "no meeting approval"))  # P-8(b): 经党员大会通过
    return found


def _describe_outside(member: Member) -> str:
    rule = member.outside_electorate_rule
    what = {"P-2": "probationary", "P-3": "under 留党察看", "P-4": "suspended"}[rule or "P-2"]
    return f"{what} and so not in the electorate ({rule})"


def _sign_in(
    roll: Roll, present: Iterable[str], excluded_at: dict[str, int], problems: list[Problem], steps: list[Step]
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
        steps.extend(step(outside[who], "present, not counted", who) for who in counted_out)
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
                steps.append(step(rule, "present, not counted", who))
            continue
        where = f"present[{i}]"
        if not isinstance(who, str):
            problems.append(Problem(where, f"must be a member id, not {who!r}"))
            continue
        if not known:
            problems.append(Problem(where, f"{who!r} is not on the roll"))
            continue
        if who in signed:
            problems.append(Problem(where, f"{who!r} signed in twice (first at present[{signed[who]}])"))
            continue
        if who in excluded_at:
            problems.append(
                Problem(
                    where,
                    f"{who!r} signed in, but exclusions[{excluded_at[who]}] excluded them "
                    "from the required attendance as absent (P-8)",
                )
            )
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
    if not isinstance(rulebook, Rulebook) or rulebook.kind not in _QUORUM_RULE:
        raise RuleError(Problem("rulebook", f"must be a party rulebook, not {rulebook!r}"))
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
            problems.append(Problem(where, f"must be an Exclusion, not {exclusion!r}"))
            continue
        who = exclusion.member
        if who not in roll:
            problems.append(Problem(f"{where}.member", f"{who!r} is not on the roll"))
            continue
        if who in seen_exclusion:
            first = seen_exclusion[who]
            problems.append(Problem(f"{where}.member", f"{who!r} has another exclusion at exclusions[{first}]"))
            continue
        seen_exclusion[who] = i
        member = roll[who]
        if not member.in_electorate:
            # P-6: only the electorate is in the base; excluding anyone else is contradictory.
            problems.append(
                Problem(
                    f"{where}.member",
                    f"{who!r} is {_describe_outside(member)}; only a member of the electorate can be excluded (P-6)",
                )
            )
            continue
        reasons = _reasons(exclusion, rulebook)
        outcomes.append(ExclusionOutcome(exclusion, not reasons, tuple(r for _, r in reasons)))
        if reasons:
            steps.extend(step(rule, f"not excluded: {finding}", who) for rule, finding in reasons)
        else:
            excluded_at[who] = i
            steps.append(step("P-8", "excluded", who))

    # Sign-in: every id on the roll, once; nobody whose exclusion took effect.
    signed, not_counted = _sign_in(roll, present, excluded_at, problems, steps)

    if problems:
        raise RecordError(problems)

    outside = roll.count_by(lambda m: m.outside_electorate_rule)
    electorate = outside[None]
    steps.insert(
        0,
        step(
            "P-5",
            "electorate",
            roll=len(roll),
            probationary=outside["P-2"],
            probation=outside["P-3"],
            suspended=outside["P-4"],
            electorate=electorate,
        ),
    )
    required = electorate - len(excluded_at)
    steps.append(
        step("P-6", "required attendance", electorate=electorate, excluded=len(excluded_at), required=required)
    )
    count = len(signed) - len(not_counted)
    steps.append(step("P-11", "present electorate", signed_in=len(signed), not_counted=len(not_counted), present=count))
    needed = least_present(required, rulebook)
    met = quorum_met(count, required, rulebook)
    rule = "P-10a" if rulebook.quorum_inclusive else _QUORUM_RULE[rulebook.kind]
    steps.append(
        step(
            rule,
            "quorum met" if met else "quorum not met",
            present=count,
            required=required,
            needed=needed,
            numerator=rulebook.quorum.numerator,
            denominator=rulebook.quorum.denominator,
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
