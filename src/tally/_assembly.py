"""Meetings that decide by attendance and vote, and the findings that go with them.

The same bodies that elect also decide, and staff need the same exact arithmetic for them:

- a motion of a branch's 党员大会 (P-27): it sits with half or more (半数以上, C-1) of the
  members with a vote present, and a motion passes with 赞成 votes above half of the members
  required to attend (应到会人数, P-6), not of those present. The vote that approves exclusions
  from the required attendance (P-8) is such a motion;
- the 村民会议 (V-9): it sits with more than half of the villagers aged 18 or over, or with the
  representatives of two thirds or more of the households; the 村民代表会议 with two thirds or
  more of its members; both decide by more than half of those present (到会人员);
- the 居民会议 (R-4): it sits with more than half of its base (residents aged 18 or over,
  household representatives or group representatives, by mode) and decides by more than half of
  those present;
- a recall (罢免, V-31): the vote is valid with more than half of the registered voters voting,
  and the recall passes with more than half of the votes of those who voted.

Every quorum and every decision is a :class:`~tally.Threshold` of the rulebook
(``tally._threshold.sitting``, ``decision``); every decision is a step with its code. The
composition of a 村民代表会议 (V-9), the size of a party conference (PC-2) and the turnout of a
nomination (V-12) are findings, like the two committees' composition: they never change a count.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal

import attrs

from ._compliance import Finding, Status
from ._explain import Code, Reason, Step, step
from ._meeting import Exclusion, Meeting, meeting
from ._polling import Polling, polling, sign_in
from ._proxy import Proxy
from ._roll import Member, Roll, as_roll
from ._rulebook import Kind, Rulebook
from ._threshold import ASSEMBLY_RULES, Base, Threshold, decision, nomination, sitting
from ._threshold import representatives as representatives_share
from ._threshold import women_representatives as women_share
from ._values import Word, nonblank, shown
from ._verify import Discrepancy
from ._voters import Voter, VoterRoll, age_on, as_voter_roll
from .errors import Problem, RecordError, RuleError

__all__ = [
    "DECIDING",
    "Assembly",
    "Decisions",
    "DecisionsVerification",
    "Motion",
    "MotionResult",
    "Role",
    "assembly",
    "check_delegates",
    "check_nomination",
    "check_representatives",
    "decide",
    "verify_decisions",
]

DECIDING: frozenset[Kind] = frozenset(ASSEMBLY_RULES)
"""The kinds of meeting that decide by attendance and vote (P-27, V-9, R-4, V-31)."""

Role = Literal["representative", "committee-member"]
"""V-9: who a member of the 村民代表会议 is: a villager representative (村民代表) or a member of
the villager committee (村民委员会成员)."""
ROLES: tuple[Role, ...] = ("representative", "committee-member")


# --- the rules as a table --------------------------------------------------------------------------
# Per kind: the modes it may sit in, and the base of its quorum in each (None: the kind has no
# mode). P-27's base is the required attendance; V-31's the registered voters (a polling).
_MODES: Mapping[Kind, Mapping[str | None, Base]] = {
    Kind.PARTY_MOTION: {None: Base.REQUIRED},
    Kind.VILLAGER_ASSEMBLY: {"direct": Base.VILLAGERS, "household": Base.HOUSEHOLDS},  # V-9
    Kind.REPRESENTATIVE_ASSEMBLY: {None: Base.ASSEMBLY},  # V-9
    Kind.RESIDENTS_ASSEMBLY: {  # R-4, by the modes of R-2
        "direct": Base.RESIDENTS,
        "household": Base.HOUSEHOLDS,
        "group-representatives": Base.GROUP_REPRESENTATIVES,
    },
    Kind.VILLAGE_RECALL: {None: Base.REGISTERED},  # V-31
}
_ADULTS = frozenset({Base.VILLAGERS, Base.RESIDENTS})  # 十八周岁以上: aged 18 or over on the day


def _count(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        name = "for" if attribute.name == "for_" else attribute.name
        raise RecordError(Problem(name, "count-not-whole", {"least": 0, "value": shown(value)}))


def _optional_count(instance: object, attribute: attrs.Attribute[int | None], value: object) -> None:
    if value is not None:
        _count(instance, attribute, value)  # type: ignore[arg-type]


@attrs.frozen
class Motion:
    """One question put to the vote, with the votes counted for it: ``for_`` (赞成, needed to
    decide), ``against`` (反对), ``abstain`` (弃权) and, for a secret ballot, ``invalid``
    (spoiled papers); each ``None`` when the record does not give it. ``subject`` is whom the
    motion concerns where it is a person (the member a recall would remove).

    >>> Motion("m1", title="同意接纳李某登记参加选举", for_=40, against=3)
    Motion(id='m1', for_=40, against=3, abstain=None, invalid=None, title='同意接纳李某登记参加选举', subject=None)
    """

    id: str = attrs.field(validator=nonblank)
    for_: int = attrs.field(validator=_count, kw_only=True)
    against: int | None = attrs.field(default=None, validator=_optional_count, kw_only=True)
    abstain: int | None = attrs.field(default=None, validator=_optional_count, kw_only=True)
    invalid: int | None = attrs.field(default=None, validator=_optional_count, kw_only=True)
    title: str = attrs.field(default="", kw_only=True)
    subject: str | None = attrs.field(default=None, kw_only=True)

    @property
    def votes(self) -> int:
        """Every vote and paper the record gives for this motion (the ones it does not give as 0)."""
        return self.for_ + (self.against or 0) + (self.abstain or 0) + (self.invalid or 0)


@attrs.frozen(kw_only=True)
class Assembly:
    """A meeting that decides, after sign-in: its ``base`` (the number its quorum is taken of:
    the required attendance, the villagers or residents aged 18 or over, the households, the
    members, the registered voters), those ``attending`` who count against it, the ``test`` that
    decides whether it sits (:class:`~tally.Threshold`), the least attendance ``needed``,
    whether it ``sits``, and every step. Build one with :func:`assembly`.

    ``voters`` is the number a decision's votes may not exceed (those present, or those who
    voted in a recall); ``required`` the base of a P-27 decision. ``body`` is the party meeting
    (P-27: exclusions, required attendance) or the polling (V-31: proxies, mobile boxes) it was
    worked out with, ``None`` for the villagers' and residents' assemblies.
    """

    rulebook: Rulebook
    day: datetime.date
    mode: str | None
    roll: Roll | VoterRoll
    present: tuple[str, ...]
    base: int
    attending: int
    test: Threshold
    needed: int
    sits: bool
    body: Meeting | Polling | None
    steps: tuple[Step, ...]

    @property
    def kind(self) -> Kind:
        """The kind of meeting."""
        return self.rulebook.kind

    def decision_base(self, base: Base) -> int:
        """The number a decision's share is taken of: the required attendance (P-27), or those
        present or who voted (V-9, R-4, V-31)."""
        return self.base if base is Base.REQUIRED else self.attending

    def to_dict(self) -> dict[str, object]:
        """The attendance as the result format writes it."""
        return {
            "mode": self.mode,
            "base": self.base,
            "attending": self.attending,
            "needed": self.needed,
            "sits": self.sits,
            "test": self.test.to_dict(),
        }


def assembly(
    roll: Roll | VoterRoll | Iterable[Member] | Iterable[Voter],
    *,
    present: Iterable[str],
    exclusions: Iterable[Exclusion] = (),
    proxies: Iterable[Proxy] = (),
    mobile: Iterable[str] = (),
    mode: str | None,
    rulebook: Rulebook,
    day: datetime.date,
) -> Assembly:
    """Check a deciding meeting's sign-in and decide whether it sits (P-27, V-9, R-4) or whether
    a recall's vote is valid (V-31).

    ``mode`` is how a 村民会议 or 居民会议 sits: ``"direct"`` (the villagers, or residents, aged 18
    or over: the roll is them, and one under 18 on ``day`` is in no base), ``"household"`` (one
    representative per household: the roll is everyone with their ``household``, ``present`` the
    representatives, no household twice) or, for a 居民会议, ``"group-representatives"``; it is
    ``None`` for the other kinds, which have one base each: a party branch (the roll of its
    members; ``exclusions`` as P-6 … P-8, the base the required attendance), a 村民代表会议 (the
    roll is its members), a recall (the registered voters; ``present``, ``proxies`` and
    ``mobile`` are who voted, as in :func:`~tally.polling`). There is no default mode: a mode the
    kind does not have is a :class:`~tally.errors.RuleError`, an id not on the roll, signed in
    twice, or a household represented twice a :class:`~tally.errors.RecordError` (every problem
    at once).

    >>> import datetime
    >>> from tally import Voter, preset
    >>> roll = [Voter(f"V{i:02}") for i in range(1, 11)]
    >>> a = assembly(roll, present=["V01", "V02", "V03", "V04", "V05"], mode="direct",
    ...              rulebook=preset("villager-assembly-2018"), day=datetime.date(2026, 4, 12))
    >>> a.base, a.attending, a.needed, a.sits
    (10, 5, 6, False)
    """
    if not isinstance(rulebook, Rulebook) or rulebook.kind not in DECIDING:
        raise RuleError(Problem("rulebook", "assembly-not-deciding-rulebook", {"value": shown(rulebook)}))
    if not isinstance(day, datetime.date):
        raise RecordError(Problem("day", "not-date", {"value": shown(day)}))
    kind = rulebook.kind
    modes = _MODES[kind]
    if mode not in modes:
        named = tuple(Word("sitting", str(m)) for m in modes)
        if mode is None:  # no default: how the meeting sat decides its base
            raise RuleError(Problem("mode", "assembly-mode-missing", {"kind": kind, "modes": named}))
        if None in modes:
            raise RuleError(Problem("mode", "assembly-has-no-mode", {"kind": kind, "value": shown(mode)}))
        raise RuleError(Problem("mode", "assembly-mode-unknown", {"kind": kind, "value": shown(mode), "modes": named}))
    base_kind = modes[mode]
    if kind is Kind.PARTY_MOTION:
        return _party(roll, present, exclusions, rulebook, day)  # type: ignore[arg-type]
    if kind is Kind.VILLAGE_RECALL:
        return _recall(roll, present, proxies, mobile, rulebook, day)  # type: ignore[arg-type]
    problems: list[Problem] = []
    for name, given in (("exclusions", exclusions), ("proxies", proxies), ("mobile", mobile)):
        if list(given):
            problems.append(Problem(name, "assembly-has-no-list", {"kind": kind, "name": name}))
    voters = as_voter_roll(roll)  # type: ignore[arg-type]
    signed = list(sign_in(present, "present", voters, problems))
    steps: list[Step] = []
    test = sitting(rulebook, base_kind)
    if base_kind is Base.HOUSEHOLDS:
        households: dict[str, int] = {}
        for i, v in enumerate(voters):
            if v.household is None:
                problems.append(Problem(f"roll[{i}].household", "sitting-household-missing"))
            else:
                households.setdefault(v.household, i)
        represented: dict[str, int] = {}
        for i, who in enumerate(signed):
            home = voters[who].household
            if home is None:
                continue
            if home in represented:
                values = {"household": shown(home), "who": shown(signed[represented[home]])}
                problems.append(Problem(f"present[{i}]", "sitting-household-twice", values))
            else:
                represented[home] = i
        if problems:
            raise RecordError(problems)
        base, attending = len(households), len(represented)
        counted = step(Code.HOUSEHOLDS_REPRESENTED, kind, by=test, roll=len(voters), households=base, present=attending)
        return _sits(rulebook, day, mode, voters, tuple(signed), base, attending, test, None, [counted])
    else:
        if problems:
            raise RecordError(problems)
        adults = base_kind in _ADULTS
        outside = {v.id for v in voters if adults and v.born is not None and age_on(v.born, day) < 18}
        for who in signed:
            if who in outside:
                steps.append(step(Code.PRESENT_NOT_IN_BASE, kind, who, reason=Reason.UNDER_18_AT_MEETING))
        base = len(voters) - len(outside)
        not_counted = sum(1 for who in signed if who in outside)
        attending = len(signed) - not_counted
    steps.insert(
        0,
        step(
            Code.ASSEMBLY_ATTENDANCE,
            kind,
            by=test,
            roll=len(voters),
            base=base,
            signed_in=len(signed),
            not_counted=not_counted,
            present=attending,
        ),
    )
    return _sits(rulebook, day, mode, voters, tuple(signed), base, attending, test, None, steps)


def _sits(
    rulebook: Rulebook,
    day: datetime.date,
    mode: str | None,
    roll: Roll | VoterRoll,
    present: tuple[str, ...],
    base: int,
    attending: int,
    test: Threshold,
    body: Meeting | Polling | None,
    steps: list[Step],
) -> Assembly:
    """The decision whether the meeting sits (or the recall's vote is valid), as its last step."""
    kind = rulebook.kind
    needed = test.least(base)
    sits = test.met(attending, base)  # P-27 半数以上 (>=); V-9, R-4, V-31 过半数 (>); V-9 三分之二以上 (>=)
    recall = kind is Kind.VILLAGE_RECALL
    code = (
        (Code.RECALL_VALID if sits else Code.RECALL_NOT_VALID)
        if recall
        else (Code.ASSEMBLY_SITS if sits else Code.ASSEMBLY_DOES_NOT_SIT)
    )
    n, d = test.fraction.numerator, test.fraction.denominator
    steps.append(step(code, kind, by=test, present=attending, base=base, needed=needed, numerator=n, denominator=d))
    return Assembly(
        rulebook=rulebook,
        day=day,
        mode=mode,
        roll=roll,
        present=present,
        base=base,
        attending=attending,
        test=test,
        needed=needed,
        sits=sits,
        body=body,
        steps=tuple(steps),
    )


_ATTENDANCE_VERDICTS = frozenset({Code.QUORUM_MET, Code.QUORUM_NOT_MET, Code.TURNOUT_MET, Code.TURNOUT_NOT_MET})


def _party(
    roll: Roll | Iterable[Member],
    present: Iterable[str],
    exclusions: Iterable[Exclusion],
    rulebook: Rulebook,
    day: datetime.date,
) -> Assembly:
    """P-27: the electorate, the exclusions and the required attendance as for an election
    (P-5 … P-8, P-11, :func:`~tally.meeting`); the meeting's own quorum is P-27's."""
    m = meeting(
        as_roll(roll), present=present, exclusions=exclusions, rulebook=attrs.evolve(rulebook, kind=Kind.PARTY_MEETING)
    )
    q = m.quorum
    test = sitting(rulebook, Base.REQUIRED)
    steps = [s for s in m.steps if s.code not in _ATTENDANCE_VERDICTS]
    return _sits(rulebook, day, None, m.roll, m.present, q.required, q.present, test, m, steps)


def _recall(
    roll: VoterRoll | Iterable[Voter],
    present: Iterable[str],
    proxies: Iterable[Proxy],
    mobile: Iterable[str],
    rulebook: Rulebook,
    day: datetime.date,
) -> Assembly:
    """V-31: who voted, as in an election (V-5, V-15 … V-18, :func:`~tally.polling`); the vote's
    validity is V-31's."""
    book = attrs.evolve(rulebook, kind=Kind.VILLAGE_COMMITTEE)
    p = polling(
        as_voter_roll(roll), present=present, proxies=proxies, mobile=mobile, candidates=(), rulebook=book, day=day
    )
    t = p.turnout
    test = sitting(rulebook, Base.REGISTERED)
    steps = [_on_vote_day(s) for s in p.steps if s.code not in _ATTENDANCE_VERDICTS]
    return _sits(rulebook, day, None, p.roll, p.present, t.registered, t.voted, test, p, steps)


# A recall's vote is not an election: who may vote is judged on the day of the vote (V-5, V-31).
_ON_VOTE_DAY = {
    Code.REGISTERED: Code.RECALL_REGISTERED,
    Code.NOT_A_VOTER: Code.RECALL_NOT_A_VOTER,
    Code.VOTED_NOT_COUNTED: Code.RECALL_VOTED_NOT_COUNTED,
}


def _on_vote_day(s: Step) -> Step:
    """A step of the polling said of the recall's vote rather than of an election."""
    code = _ON_VOTE_DAY.get(s.code, s.code)
    reason = Reason.UNDER_18_AT_MEETING if s.reason is Reason.UNDER_18 else s.reason
    return s if (code, reason) == (s.code, s.reason) else attrs.evolve(s, code=code, reason=reason)


@attrs.frozen(kw_only=True)
class MotionResult:
    """One motion decided: ``passed`` or not; ``decided`` is ``False`` when the meeting did not
    sit (or the recall's vote was not valid), and then nothing passed and there is no ``test``.
    ``base`` is the number the decision's share is taken of, ``needed`` the least 赞成 votes
    that pass it."""

    motion: Motion
    decided: bool
    passed: bool
    test: Threshold | None
    base: int
    needed: int | None
    steps: tuple[Step, ...]

    def to_dict(self) -> dict[str, object]:
        """The motion as the result format writes it."""
        m = self.motion
        return {
            "id": m.id,
            "title": m.title,
            "subject": m.subject,
            "votes": {"for": m.for_, "against": m.against, "abstain": m.abstain, "invalid": m.invalid},
            "decided": self.decided,
            "passed": self.passed,
            "test": None if self.test is None else self.test.to_dict(),
            "base": self.base,
            "needed": self.needed,
        }


@attrs.frozen(kw_only=True)
class Decisions(Mapping[str, MotionResult]):
    """The motions of one sitting, decided; a read-only mapping of motion ids to their results.
    ``held`` is whether the meeting sat (or the recall's vote was valid)."""

    assembly: Assembly
    motions: tuple[MotionResult, ...]

    @property
    def held(self) -> bool:
        """Whether the meeting could decide."""
        return self.assembly.sits

    def __getitem__(self, motion_id: str) -> MotionResult:
        """The result of the motion with this id."""
        for result in self.motions:
            if result.motion.id == motion_id:
                return result
        raise KeyError(motion_id)

    def __iter__(self) -> Iterator[str]:
        return (r.motion.id for r in self.motions)

    def __len__(self) -> int:
        return len(self.motions)

    def to_dict(self) -> dict[str, Any]:
        """The sitting and its motions as the result format writes them, with every step."""
        steps = [s.to_dict() for s in self.assembly.steps]
        for r in self.motions:
            steps.extend({**s.to_dict(), "motion": r.motion.id} for s in r.steps)
        return {
            "held": self.held,
            "attendance": self.assembly.to_dict(),
            "motions": [r.to_dict() for r in self.motions],
            "steps": steps,
        }


def decide(motions: Iterable[Motion], *, assembly: Assembly) -> Decisions:
    """Decide each motion of a sitting: passed with 赞成 votes strictly above the share of its
    base (P-27: of the required attendance; V-9, R-4: of those present; V-31: of those who
    voted); nothing passes at a meeting that did not sit.

    A motion that is not a :class:`Motion`, an id given twice, no motion at all, or more votes
    than those who could vote (those present, or who voted) is a
    :class:`~tally.errors.RecordError`, every problem at once.

    >>> import datetime
    >>> from tally import Member, preset
    >>> a = assembly([Member(f"M{i:02}") for i in range(1, 11)], present=[f"M{i:02}" for i in range(1, 8)],
    ...              mode=None, rulebook=preset("cpc-branch-motion-2018"), day=datetime.date(2026, 3, 5))
    >>> d = decide([Motion("m1", for_=5, against=2), Motion("m2", for_=6, against=1)], assembly=a)
    >>> [(r.motion.id, r.base, r.needed, r.passed) for r in d.motions]
    [('m1', 10, 6, False), ('m2', 10, 6, True)]
    """
    if not isinstance(assembly, Assembly):
        raise RecordError(Problem("assembly", "not-instance", {"type": "Assembly", "value": shown(assembly)}))
    given = list(motions)
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    ok: list[Motion] = []
    for i, motion in enumerate(given):
        where = f"motions[{i}]"
        if not isinstance(motion, Motion):
            problems.append(Problem(where, "not-instance", {"type": "Motion", "value": shown(motion)}))
            continue
        if motion.id in seen:
            first = f"motions[{seen[motion.id]}]"
            problems.append(Problem(f"{where}.id", "motion-duplicate-id", {"id": shown(motion.id), "first": first}))
            continue
        seen[motion.id] = i
        if motion.votes > assembly.attending:
            figures = {"votes": motion.votes, "attending": assembly.attending}
            problems.append(
                Problem(f"{where}.votes", "motion-votes-over-voted", figures)
                if assembly.kind is Kind.VILLAGE_RECALL
                else Problem(f"{where}.votes", "motion-votes-over-present", figures)
            )
        ok.append(motion)
    if not given:
        problems.append(Problem("motions", "no-motions"))
    if problems:
        raise RecordError(problems)
    kind = assembly.kind
    test = decision(assembly.rulebook)
    base = assembly.decision_base(test.base)
    results = []
    for motion in ok:
        if not assembly.sits:
            why = step(Code.MOTION_NOT_DECIDED, kind, motion.id, by=assembly.test.rule, present=assembly.attending)
            results.append(
                MotionResult(
                    motion=motion, decided=False, passed=False, test=None, base=base, needed=None, steps=(why,)
                )
            )
            continue
        needed = test.least(base)
        passed = test.met(motion.for_, base)  # P-27, V-9, V-31, R-4: 过半数, strictly more than half
        n, d = test.fraction.numerator, test.fraction.denominator
        figures = {"for": motion.for_, "base": base, "needed": needed, "numerator": n, "denominator": d}
        figures.update({k: v for k, v in (("against", motion.against), ("abstain", motion.abstain)) if v is not None})
        said = step(Code.MOTION_PASSED if passed else Code.MOTION_NOT_PASSED, kind, motion.id, by=test, figures=figures)
        results.append(
            MotionResult(motion=motion, decided=True, passed=passed, test=test, base=base, needed=needed, steps=(said,))
        )
    return Decisions(assembly=assembly, motions=tuple(results))


@attrs.frozen
class DecisionsVerification:
    """Decided motions beside what was declared (``passed`` per motion): ``agrees`` when there
    is no discrepancy."""

    decisions: Decisions
    discrepancies: tuple[Discrepancy, ...]

    @property
    def agrees(self) -> bool:
        """Whether the recount agrees with what was declared."""
        return not self.discrepancies


def verify_decisions(decisions: Decisions, declared: Mapping[str, bool]) -> DecisionsVerification:
    """Compare decided motions with what was declared: each motion's ``passed``. A motion
    declared passed at a meeting that did not sit is a discrepancy of its own (``inquorate``,
    or ``turnout not met`` for a recall); a motion not declared is ``not declared``; a
    declaration for no motion of the sitting, or that is not true or false, a
    :class:`~tally.errors.RecordError`.

    >>> import datetime
    >>> from tally import Member, preset
    >>> a = assembly([Member("A"), Member("B"), Member("C")], present=["A", "B"], mode=None,
    ...              rulebook=preset("cpc-branch-motion-2018"), day=datetime.date(2026, 3, 5))
    >>> d = decide([Motion("m1", for_=2)], assembly=a)
    >>> verify_decisions(d, {"m1": True}).agrees, verify_decisions(d, {"m1": False}).discrepancies
    (True, (Discrepancy(contest='m1', what='passed', declared=False, counted=True),))
    """
    problems = [
        Problem(f"declared.{mid}", "motion-not-in-sitting", {"id": shown(mid)})
        for mid in declared
        if mid not in decisions
    ]
    problems += [
        Problem(f"declared.{mid}.passed", "not-boolean", {"value": shown(said)})
        for mid, said in declared.items()
        if not isinstance(said, bool)
    ]
    if problems:
        raise RecordError(problems)
    found: list[Discrepancy] = []
    not_held = "turnout not met" if decisions.assembly.kind is Kind.VILLAGE_RECALL else "inquorate"
    for result in decisions.motions:
        mid = result.motion.id
        if mid not in declared:
            found.append(Discrepancy(mid, "not declared", None, result.passed))
        elif declared[mid] != result.passed:
            what = "passed" if result.decided else not_held
            found.append(Discrepancy(mid, what, declared[mid], result.passed))
    return DecisionsVerification(decisions, tuple(found))


# --- findings -------------------------------------------------------------------------------------


def _share(count: int, unknown: int, members: int, test: Threshold) -> Status:
    """met, not met, or cannot tell when the members not recorded could still decide it."""
    if test.met(count, members):
        return "met"
    return "cannot tell" if unknown and test.met(count + unknown, members) else "not met"


def check_representatives(
    roll: VoterRoll | Iterable[Voter], *, roles: Mapping[str, str], rulebook: Rulebook
) -> tuple[Finding, Finding]:
    """V-9 (村民委员会组织法 Art. 25): villager representatives are at least 4/5 of the 村民代表
    会议's members, and women villager representatives at least 1/3 (以上: inclusive, C-1).
    ``roles`` gives each member's role (``representative`` or ``committee-member``); a member
    whose role or, for a representative, sex is not recorded makes the finding ``cannot tell``
    where it could decide it. Findings, never a reason to refuse the meeting's decisions.

    >>> from tally import Voter, preset
    >>> roll = [Voter(f"R{i}", sex="F" if i < 4 else "M") for i in range(10)]
    >>> roles = {f"R{i}": "representative" for i in range(8)} | {"R8": "committee-member", "R9": "committee-member"}
    >>> [(f.check, f.status) for f in check_representatives(roll, roles=roles,
    ...                                                      rulebook=preset("representative-assembly-2018"))]
    [('representatives', 'met'), ('women-representatives', 'met')]
    """
    voters = as_voter_roll(roll)
    problems = [
        Problem(f"roles.{who}", "not-one-of", {"value": shown(role), "accepted": ROLES})
        for who, role in roles.items()
        if role not in ROLES
    ]
    problems += [Problem(f"roles.{who}", "not-on-roll", {"who": shown(who)}) for who in roles if who not in voters]
    if problems:
        raise RecordError(problems)
    members = len(voters)
    reps = [v for v in voters if roles.get(v.id) == "representative"]
    unknown_role = [v for v in voters if v.id not in roles]
    test = representatives_share(rulebook)
    status = _share(len(reps), len(unknown_role), members, test)
    numbers = {
        "members": members,
        "representatives": len(reps),
        "unknown": len(unknown_role),
        "least": test.least(members),
    }
    first = Finding("representatives", "V-9", True, status, "representatives", None, numbers)
    women = sum(1 for v in reps if v.sex == "F")
    maybe = sum(1 for v in reps if v.sex is None) + sum(1 for v in unknown_role if v.sex != "M")
    w_test = women_share(rulebook)
    w_status = _share(women, maybe, members, w_test)
    w_numbers = {"members": members, "women": women, "unknown": maybe, "least": w_test.least(members)}
    second = Finding("women-representatives", "V-9", True, w_status, "women representatives", None, w_numbers)
    return first, second


def check_delegates(delegates: int, *, rulebook: Rulebook) -> tuple[Finding, Finding]:
    """PC-2 (1990 Art. 7; UNCONFIRMED for 2020): a party conference has at most 300 delegates
    (``delegates-most``, the rule's 最多不超过), and generally 100 to 200 (``delegates-usual``, a
    guide: 一般). ``not applicable`` where the rulebook sets no number (every kind but the
    conference).

    >>> from tally import preset
    >>> [(f.check, f.status) for f in check_delegates(260, rulebook=preset("cpc-conference-2020"))]
    [('delegates-most', 'met'), ('delegates-usual', 'not met')]
    """
    if isinstance(delegates, bool) or not isinstance(delegates, int) or delegates < 0:
        raise RecordError(Problem("delegates", "count-not-whole", {"least": 0, "value": shown(delegates)}))
    most, lo, hi = rulebook.delegates_most, rulebook.delegates_usual_least, rulebook.delegates_usual_most
    if most is None:
        top = Finding("delegates-most", "PC-2", True, "not applicable")
    else:
        top = Finding(
            "delegates-most", "PC-2", True, "met" if delegates <= most else "not met", "delegates", None,
            {"delegates": delegates, "most": most},
        )  # fmt: skip
    if lo is None or hi is None:
        usual = Finding("delegates-usual", "PC-2", False, "not applicable")
    else:
        usual = Finding(
            "delegates-usual", "PC-2", False, "met" if lo <= delegates <= hi else "not met", "delegates", None,
            {"delegates": delegates, "least": lo, "most": hi},
        )  # fmt: skip
    return top, usual


def check_nomination(took_part: int | None, *, registered: int, rulebook: Rulebook) -> Finding:
    """V-12 (浙江 Art. 18, 河南 Art. 24): the nomination is valid when more than half of the
    registered voters take part. ``not applicable`` where the rulebook has no such rule (the
    national law); ``cannot tell`` when the number who took part is not given.

    >>> from tally import preset
    >>> check_nomination(501, registered=1000, rulebook=preset("village-zhejiang-2020")).status
    'met'
    >>> check_nomination(500, registered=1000, rulebook=preset("village-zhejiang-2020")).status
    'not met'
    >>> check_nomination(None, registered=1000, rulebook=preset("village-henan-2011")).status
    'cannot tell'
    """
    for name, value in (("took_part", took_part), ("registered", registered)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            raise RecordError(Problem(name, "count-not-whole", {"least": 0, "value": shown(value)}))
    if not rulebook.nomination_turnout_required:
        return Finding("nomination", "V-12", True, "not applicable")
    test = nomination(rulebook)
    needed = test.least(registered)
    if took_part is None:
        return Finding(
            "nomination", "V-12", True, "cannot tell", "", None, {"registered": registered, "needed": needed}
        )
    if took_part > registered:
        figures = {"took_part": took_part, "registered": registered}
        raise RecordError(Problem("took_part", "nomination-over-registered", figures))
    status: Status = "met" if test.met(took_part, registered) else "not met"  # V-12: 过半数, strictly
    numbers = {"took_part": took_part, "registered": registered, "needed": needed}
    return Finding("nomination", "V-12", True, status, "took part", None, numbers)
