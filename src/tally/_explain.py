"""Explanation steps: each decision as data, made next to the code that decides.

A step carries a :class:`Code` (what was decided), the rule ID behind it, the subject it concerns
(a member, a voter or a contest id; none for the meeting as a whole), a :class:`Reason` where the
decision has one (why a ballot is invalid, why a proxy is rejected) and the numbers the decision
used. The rule ID is looked up in one table, :data:`RULES`, by code (or reason) and kind of body,
so that a residents' committee's step cites an R rule and a conference's quorum cites PC-3; a
threshold's step cites the rule its :class:`~tally._threshold.Threshold` carries. The core
formats no prose: the words of every code and reason, in Chinese and English, live at the edge
(``tally.catalogue``).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import attrs

from ._codes import Code, Reason
from ._rulebook import Kind
from ._threshold import Threshold
from ._values import FrozenMap, int_map

__all__ = ["Code", "Reason", "Step"]

_P, _C, _V, _R = Kind.PARTY_MEETING, Kind.PARTY_CONFERENCE, Kind.VILLAGE_COMMITTEE, Kind.RESIDENTS_COMMITTEE

# The kinds of meeting that decide by attendance and vote, each with its own rule.
_DECIDING = {
    Kind.PARTY_MOTION: "P-27",
    Kind.VILLAGER_ASSEMBLY: "V-9",
    Kind.REPRESENTATIVE_ASSEMBLY: "V-9",
    Kind.RESIDENTS_ASSEMBLY: "R-4",
    Kind.VILLAGE_RECALL: "V-31",
}


def _party(rule: str, *, conference: str | None = None) -> dict[Kind, str]:
    return {_P: rule, _C: conference or rule}


def _village(village: str, residents: str = "R-5") -> dict[Kind, str]:
    return {_V: village, _R: residents}


def _all(party: str, village: str, residents: str = "R-5") -> dict[Kind, str]:
    return {**_party(party), **_village(village, residents)}


# The rule that speaks for each decision, by kind of body. A residents' committee has few rules
# of its own: R-3 (who votes), R-1 and R-6 (size, candidates), and R-5 for everything the national
# law leaves to the provinces, whose defaults follow the village rules (UNCONFIRMED). A
# conference follows the party meeting's rules, delegates for members (PC-4), but for its quorum
# (PC-3, from the Threshold) and its presidium (PC-4). Codes whose rule is a threshold's are
# absent: their steps take the rule of the threshold they apply.
RULES: Mapping[Code | Reason, Mapping[Kind, str]] = MappingProxyType(
    {
        Code.ELECTORATE: _party("P-5"),
        Code.EXCLUDED: _party("P-8"),
        Code.REQUIRED_ATTENDANCE: _party("P-6"),
        Code.PRESENT_ELECTORATE: _party("P-11"),
        Code.PRESENT_NOT_COUNTED: _party("P-11"),
        Reason.EXCLUSIONS_DO_NOT_APPLY: _party("PC-4", conference="PC-4"),
        Reason.CATEGORY_NOT_LISTED: _party("P-7"),
        Reason.NO_UPPER_APPROVAL: _party("P-8"),
        Reason.NO_MEETING_APPROVAL: _party("P-8"),
        Reason.PROBATIONARY: _party("P-2"),
        Reason.UNDER_PROBATION: _party("P-3"),
        Reason.SUSPENDED: _party("P-4"),
        Code.REGISTERED: _village("V-5", "R-3"),
        Code.NOT_A_VOTER: _village("V-5", "R-3"),
        Code.VOTED_NOT_COUNTED: _village("V-5", "R-3"),
        Reason.UNDER_18: _village("V-5", "R-3"),
        Reason.DEPRIVED: _village("V-5", "R-3"),
        Code.PROXY_ACCEPTED: _village("V-15"),
        Reason.PROXY_NOT_ALLOWED: _all("P-17", "V-15"),
        Reason.NOT_WRITTEN: _village("V-15"),
        Reason.PRINCIPAL_NOT_A_VOTER: _village("V-15"),
        Reason.PRINCIPAL_VOTED: _village("V-15"),
        Reason.PRINCIPAL_AT_MOBILE_BOX: _village("V-18"),
        Reason.AGENT_IS_PRINCIPAL: _village("V-15"),
        Reason.AGENT_NOT_A_VOTER: _village("V-15"),
        Reason.RELATION_NOT_GIVEN: _village("V-15"),
        Reason.NOT_NEAR_RELATIVE: _village("C-5", "C-5"),
        Reason.AGENT_IS_CANDIDATE: _village("V-16"),
        Reason.AGENT_GAVE_PROXY: _village("V-16"),
        Reason.PRINCIPAL_HAS_PROXY: _village("V-15"),
        Reason.AGENT_AT_CAP: _village("V-16"),
        Reason.FILED_AFTER_DAY: _village("V-16"),
        Reason.FILED_ON_DAY: _village("V-16"),
        Reason.FILED_LATE: _village("V-16"),
        Reason.AGENT_DID_NOT_VOTE: _village("V-15"),
        Code.SCRIBE_ACCEPTED: _all("P-18", "V-17"),
        Code.SCRIBE_REJECTED: _all("P-18", "V-17"),
        Reason.SCRIBE_IS_CANDIDATE: _all("P-18", "V-17"),
        Code.TURNOUT_NOT_REQUIRED: _village("V-24"),
        Code.BALLOTS_WITHIN: _all("P-20", "V-20"),
        Code.BALLOTS_OVER: _all("P-20", "V-20"),
        Code.VOTES_CARRIED_DOWN: _village("V-27"),
        Code.CONTEST_BALLOTS: _all("P-21", "V-20"),
        Reason.OVER_SELECTED: _all("P-21", "V-20"),
        Reason.SPOILED: _all("P-21", "V-20"),
        Reason.WRITE_IN_REFUSED: _all("P-19", "V-14"),
        Reason.SHEET_INVALID: _all("P-21", "V-20"),
        Reason.OVER_SELECTED_OTHER_POST: _village("OQ-V5", "OQ-V5"),
        Reason.TWO_POSTS: _village("V-20"),
        Reason.UNREADABLE: _all("P-21", "V-20"),
        Reason.DUPLICATE: _all("P-21", "V-20"),
        Reason.WRITE_IN_OF_CANDIDATE: _all("P-21", "V-20"),
        Reason.WRITE_IN_IN_TIE_BREAK: _all("P-23", "V-22"),
        Reason.WRITE_IN_NOT_ELIGIBLE: _all("P-1", "V-5", "R-3"),
        Code.TIE_BREAK: _all("P-23", "V-22"),
        Code.HIGHER_POST: _village("V-27"),
        Code.OUTSIDE_SEATS: _all("P-23", "V-22"),
        Code.FEWER_VOTES: _all("P-23", "V-22"),
        Code.TIED: _all("P-23", "V-22"),
        Code.FURTHER_ELECTION: _all("P-24", "V-23"),
        Code.RELATIVES_TIED: _village("V-28", "V-28"),
        Code.RELATIVE_WITHDRAWN: _village("V-28", "V-28"),
        Code.SEAT_REFILLED: _village("V-28", "V-28"),
        Code.WOMAN_JOINS_FURTHER: _village("V-30", "V-30"),
        Code.REDUCED_BY_PRESIDIUM: _party("PC-4", conference="PC-4"),
        Code.REDUCTION_NEEDS_CONSENT: _party("P-24"),
        Code.MARGIN: _all("P-12", "V-10", "R-6"),
        Code.FURTHER_MARGIN: _all("OQ-P6", "V-23"),
        Code.TIE_BREAK_CANDIDATES: _all("P-23", "V-22"),
        Code.UNCONTESTED: _all("P-14", "V-10", "R-6"),
        Code.ASSEMBLY_ATTENDANCE: _DECIDING,
        Code.HOUSEHOLDS_REPRESENTED: _DECIDING,
        Code.PRESENT_NOT_IN_BASE: _DECIDING,
        Reason.UNDER_18_AT_MEETING: _DECIDING,
        Code.BY_ELECTION: _village("V-32", "R-4"),
        Code.RECALL_REGISTERED: {Kind.VILLAGE_RECALL: "V-5"},
        Code.RECALL_NOT_A_VOTER: {Kind.VILLAGE_RECALL: "V-5"},
        Code.RECALL_VOTED_NOT_COUNTED: {Kind.VILLAGE_RECALL: "V-5"},
        Reason.NAME_NOT_ON_ROLL: _village("V-11", "V-11"),
        Reason.NAME_AMBIGUOUS: _village("V-11", "V-11"),
        Reason.NAME_DETAIL_MISMATCH: _village("V-11", "V-11"),
    }
)
"""The rule ID of each code (or reason) by kind of body. The other codes are decided by a
:class:`~tally._threshold.Threshold`, and cite its rule."""

# The codes whose rule is the threshold they apply (the quorum, the turnout, the majority, the
# floor, the consent), or the margin rule of the contest.
THRESHOLD_CODES = frozenset(
    {
        Code.QUORUM_MET,
        Code.QUORUM_NOT_MET,
        Code.NOT_HELD_INQUORATE,
        Code.TURNOUT_MET,
        Code.TURNOUT_NOT_MET,
        Code.NOT_HELD_TURNOUT,
        Code.MAJORITY,
        Code.FLOOR,
        Code.BELOW_THRESHOLD,
        Code.ELECTED,
        Code.SEATS_REDUCED,
        Code.REDUCTION_NOT_APPROVED,
        Code.FURTHER_NEEDS_CANDIDATES,
        Code.NO_ELECTION,
        Code.INVALID,
        Code.VOID_MARK,
        Code.NOT_EXCLUDED,
        Code.PROXY_REJECTED,
        Code.ASSEMBLY_SITS,
        Code.ASSEMBLY_DOES_NOT_SIT,
        Code.RECALL_VALID,
        Code.RECALL_NOT_VALID,
        Code.MOTION_PASSED,
        Code.MOTION_NOT_PASSED,
        Code.MOTION_NOT_DECIDED,
    }
)
"""Codes whose rule comes from the decision itself: a threshold's rule, or the rule of the
step's reason (``INVALID``, ``VOID_MARK``, ``NOT_EXCLUDED``, ``PROXY_REJECTED``), or the rule
that stopped the round (``NO_ELECTION``)."""


def rule_of(key: Code | Reason, kind: Kind) -> str:
    """The rule ID that governs *key* for this kind of body.

    >>> rule_of(Code.BALLOTS_WITHIN, Kind.VILLAGE_COMMITTEE), rule_of(Reason.SPOILED, Kind.PARTY_MEETING)
    ('V-20', 'P-21')
    """
    return RULES[key][kind]


@attrs.frozen
class Step:
    """One decision: its code, the rule behind it, whom it concerns, why, the numbers used, and
    the ``test`` (a :class:`~tally._threshold.Threshold`) where the decision applied one.

    >>> step = Step(Code.QUORUM_MET, "P-10", numbers={"present": 34, "required": 42, "needed": 34})
    >>> step.code, step.rule, step.numbers["needed"]
    (<Code.QUORUM_MET: 'quorum-met'>, 'P-10', 34)
    """

    code: Code
    rule: str
    subject: str | None = attrs.field(default=None, kw_only=True)
    reason: Reason | None = attrs.field(default=None, kw_only=True)
    numbers: FrozenMap[int] = attrs.field(factory=FrozenMap, converter=int_map, kw_only=True)
    test: Threshold | None = attrs.field(default=None, kw_only=True)

    def to_dict(self) -> dict[str, object]:
        """The step as plain data, as the result format writes it."""
        out: dict[str, object] = {"rule": self.rule, "finding": self.code.value}
        if self.subject is not None:
            out["subject"] = self.subject
        if self.reason is not None:
            out["reason"] = self.reason.value
        out["numbers"] = dict(self.numbers)
        if self.test is not None:
            out["test"] = self.test.to_dict()
        return out


def step(
    code: Code,
    kind: Kind,
    subject: str | None = None,
    *,
    reason: Reason | None = None,
    by: Threshold | str | None = None,
    figures: Mapping[str, int] | None = None,
    **numbers: int,
) -> Step:
    """A step of the core, its rule looked up once: from the threshold or rule it applies (*by*),
    from its reason, or from :data:`RULES` by code and kind of body. Its numbers are *figures*
    and the keyword arguments."""
    test = by if isinstance(by, Threshold) else None
    if isinstance(by, Threshold):
        rule = by.rule
    elif by is not None:
        rule = by
    elif reason is not None:
        rule = RULES[reason][kind]
    else:
        rule = RULES[code][kind]
    return Step(code, rule, subject=subject, reason=reason, numbers={**(figures or {}), **numbers}, test=test)
