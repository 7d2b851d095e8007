"""Thresholds: every rule that compares a count with a share of a base, as one value.

C-1 … C-3: "x exceeds p/q of n" (超过, 过半数) is ``x*q > n*p``; "x reaches p/q of n" (以上,
不少于) is ``x*q >= n*p``. Integers only: no float, no percentage, no rounding. One value,
:class:`Threshold`, carries the fraction, whether it is strict or inclusive, the base it is taken
of and the rule that sets it; every quorum, majority, turnout, floor, share and consent of tally is
one, made from the rulebook by the functions below, so that a decision and the words that report
it read the same value.
"""

from __future__ import annotations

import enum
from fractions import Fraction

import attrs

from ._rulebook import Kind, Rulebook
from ._values import shown
from .errors import Problem, RuleError

__all__ = ["Base", "Threshold"]


class Base(enum.StrEnum):
    """What a threshold's share is taken of: the words a report uses for it come from here."""

    REQUIRED = "required"
    """应到会人数: the required attendance of a party meeting (P-6)."""
    PRESENT = "present"
    """实到会有选举权的人数: the present electorate of a party meeting (P-11)."""
    REGISTERED = "registered"
    """登记参加选举的选民: the registered voters of a polling (V-19; R-2 by mode)."""
    VOTED = "voted"
    """参加投票的选民: those who voted (V-21)."""
    BALLOTS = "ballots"
    """已投选票总数: every ballot cast, spoiled ones included (V-23)."""
    MEMBERS = "members"
    """委员会成员: the members of an elected committee (T-4)."""
    VILLAGERS = "villagers"
    """本村十八周岁以上村民: the villagers aged 18 or over, the base of a 村民会议 (V-9)."""
    HOUSEHOLDS = "households"
    """户: the households, when one representative of each attends (V-9, R-4)."""
    ASSEMBLY = "assembly"
    """村民代表会议组成人员: the members of the villagers' representative assembly (V-9)."""
    RESIDENTS = "residents"
    """十八周岁以上居民: the residents aged 18 or over, the base of a 居民会议 (R-4)."""
    GROUP_REPRESENTATIVES = "group-representatives"
    """居民小组代表: the residents' group representatives (R-4)."""
    ATTENDING = "attending"
    """到会人员: those present at an assembly, the base of its decisions (V-9, R-4)."""


def _fraction(instance: Threshold, attribute: attrs.Attribute[Fraction], value: object) -> None:
    if not isinstance(value, Fraction) or not 0 <= value <= 1:
        raise RuleError(Problem(attribute.name, "threshold-not-share", {"value": shown(value)}))


def _count(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RuleError(Problem(name, "threshold-not-count", {"value": shown(value)}))
    return value


@attrs.frozen
class Threshold:
    """A share of a base that a count must exceed (``inclusive=False``) or reach (``True``).

    >>> majority = Threshold(Fraction(1, 2), inclusive=False, base=Base.PRESENT, rule="P-22")
    >>> majority.met(21, 40), majority.met(20, 40), majority.least(40), majority.least(41)
    (True, False, 21, 21)
    >>> floor = Threshold(Fraction(1, 3), inclusive=True, base=Base.BALLOTS, rule="V-23")
    >>> floor.met(10, 30), floor.met(9, 30), floor.least(31)
    (True, False, 11)
    """

    fraction: Fraction = attrs.field(validator=_fraction)
    inclusive: bool = attrs.field(kw_only=True)
    base: Base = attrs.field(kw_only=True)
    rule: str = attrs.field(kw_only=True)

    def met(self, count: int, base: int) -> bool:
        """Whether *count* exceeds (or, inclusive, reaches) the share of *base* (C-3)."""
        count, base = _count(count, "count"), _count(base, "base")
        n, d = self.fraction.numerator, self.fraction.denominator
        if self.inclusive:
            return count * d >= base * n  # 以上, 不少于: at least
        return count * d > base * n  # 超过, 过半数: strictly more

    def to_dict(self) -> dict[str, object]:
        """The threshold as the result format writes it: ``{"rule", "fraction", "inclusive", "of"}``."""
        return {"rule": self.rule, "fraction": str(self.fraction), "inclusive": self.inclusive, "of": self.base.value}

    def least(self, base: int) -> int:
        """The least count that meets the threshold for this *base*.

        Strict: the least ``x`` with ``x*d > base*n``; inclusive: the least with ``>=``.
        """
        base = _count(base, "base")
        n, d = self.fraction.numerator, self.fraction.denominator
        if self.inclusive:
            return -(-base * n // d)
        return base * n // d + 1


_PARTY = frozenset({Kind.PARTY_MEETING, Kind.PARTY_CONFERENCE})


def quorum(rulebook: Rulebook) -> Threshold:
    """P-10, PC-3 (P-10a): the present electorate must exceed 4/5 of the required attendance."""
    rule = "PC-3" if rulebook.kind is Kind.PARTY_CONFERENCE else "P-10"
    if rulebook.quorum_inclusive:
        rule = "P-10a"  # OQ-P2: the tolerated reading, exactly 4/5 suffices
    return Threshold(rulebook.quorum, inclusive=rulebook.quorum_inclusive, base=Base.REQUIRED, rule=rule)


def majority(rulebook: Rulebook, *, further: bool = False) -> Threshold:
    """P-22 (P-25 in a further election), V-21, R-5: votes strictly above the share of the base
    that ``majority_base`` names: those present (party meetings) or those who voted."""
    base = Base.PRESENT if rulebook.majority_base == "present" else Base.VOTED
    if rulebook.kind in _PARTY:
        rule = "P-25" if further else "P-22"
    elif rulebook.kind is Kind.RESIDENTS_COMMITTEE:
        rule = "R-5"
    else:
        rule = "V-25" if further and rulebook.further_rule == "majority-then-floor" else "V-21"
    return Threshold(rulebook.majority, inclusive=False, base=base, rule=rule)


def turnout(rulebook: Rulebook) -> Threshold:
    """V-19, R-5: more than half of the registered must vote (有登记参加选举的村民过半数投票)."""
    rule = "R-5" if rulebook.kind is Kind.RESIDENTS_COMMITTEE else "V-19"
    return Threshold(rulebook.turnout, inclusive=False, base=Base.REGISTERED, rule=rule)


def floor(rulebook: Rulebook) -> Threshold:
    """V-23, R-5: a further election's winner has at least 1/3 of all ballots cast (不得少于)."""
    rule = "R-5" if rulebook.kind is Kind.RESIDENTS_COMMITTEE else "V-23"
    return Threshold(rulebook.further_floor, inclusive=True, base=Base.BALLOTS, rule=rule)


def party_share(rulebook: Rulebook) -> Threshold:
    """T-4: party members strictly more than half of the villager committee."""
    return Threshold(rulebook.party_share, inclusive=False, base=Base.MEMBERS, rule="T-4")


def consent(rulebook: Rulebook) -> Threshold:
    """P-24, C-2: 经半数以上选举人同意 (half or more, where the rulebook reads it so) of the present
    electorate lets a meeting reduce the seats instead of holding a further election."""
    return Threshold(
        rulebook.reduction_consent, inclusive=rulebook.reduction_consent_inclusive, base=Base.PRESENT, rule="P-24"
    )


# --- meetings that decide by attendance and vote (P-27, V-9, V-31, R-4), V-9's composition, V-12 ---
# The rule of each kind of deciding meeting, and the base its decisions are taken of: P-27 the
# members required to attend (应到会, not those present), V-9 and R-4 those present (到会人员),
# V-31 those who voted (投票的村民).
ASSEMBLY_RULES: dict[Kind, str] = {
    Kind.PARTY_MOTION: "P-27",
    Kind.VILLAGER_ASSEMBLY: "V-9",
    Kind.REPRESENTATIVE_ASSEMBLY: "V-9",
    Kind.RESIDENTS_ASSEMBLY: "R-4",
    Kind.VILLAGE_RECALL: "V-31",
}
_DECISION_BASES = {Kind.PARTY_MOTION: Base.REQUIRED, Kind.VILLAGE_RECALL: Base.VOTED}


def sitting(rulebook: Rulebook, base: Base) -> Threshold:
    """P-27, V-9, R-4: the attendance an assembly needs before it may decide, taken of *base*;
    V-31: the turnout that makes a recall's vote valid.

    >>> from tally import preset
    >>> sitting(preset("cpc-branch-motion-2018"), Base.REQUIRED).met(5, 10)  # 半数以上: half suffices
    True
    >>> sitting(preset("villager-assembly-2018"), Base.HOUSEHOLDS).least(90)  # 三分之二以上
    60
    """
    kind = rulebook.kind
    rule = ASSEMBLY_RULES[kind]
    if kind is Kind.VILLAGE_RECALL:
        # V-31: 有登记参加选举的村民过半数投票
        return Threshold(rulebook.assembly_quorum, inclusive=rulebook.assembly_quorum_inclusive, base=base, rule=rule)
    if kind is Kind.VILLAGER_ASSEMBLY and base is Base.HOUSEHOLDS:
        # V-9: 本村三分之二以上的户的代表参加
        return Threshold(rulebook.household_quorum, inclusive=rulebook.household_quorum_inclusive, base=base, rule=rule)
    return Threshold(rulebook.assembly_quorum, inclusive=rulebook.assembly_quorum_inclusive, base=base, rule=rule)


def decision(rulebook: Rulebook) -> Threshold:
    """P-27, V-9, V-31, R-4: a motion passes with 赞成 votes strictly above the share of its base.

    >>> from tally import preset
    >>> decision(preset("cpc-branch-motion-2018")).base, decision(preset("village-recall-2018")).base
    (<Base.REQUIRED: 'required'>, <Base.VOTED: 'voted'>)
    """
    kind = rulebook.kind
    base = _DECISION_BASES.get(kind, Base.ATTENDING)
    return Threshold(rulebook.decision_majority, inclusive=False, base=base, rule=ASSEMBLY_RULES[kind])


def representatives(rulebook: Rulebook) -> Threshold:
    """V-9: villager representatives are 五分之四以上 (at least 4/5) of the 村民代表会议."""
    return Threshold(rulebook.representatives_share, inclusive=True, base=Base.ASSEMBLY, rule="V-9")


def women_representatives(rulebook: Rulebook) -> Threshold:
    """V-9: women villager representatives are 三分之一以上 (at least 1/3) of the 村民代表会议."""
    return Threshold(rulebook.women_representatives_share, inclusive=True, base=Base.ASSEMBLY, rule="V-9")


def nomination(rulebook: Rulebook) -> Threshold:
    """V-12: the nomination is valid when more than half of the registered voters take part."""
    return Threshold(rulebook.nomination_turnout, inclusive=False, base=Base.REGISTERED, rule="V-12")
