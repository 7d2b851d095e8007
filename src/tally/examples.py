"""Built-in worked examples from the specification, as ready-made inputs.

>>> from tally.examples import ex_p_01
>>> ex_p_01().quorum
Quorum(electorate=44, required=42, present=34, needed=34, met=True)
"""

from __future__ import annotations

from ._meeting import Exclusion, Meeting, meeting
from ._roll import Member
from ._rulebook import preset

__all__ = ["ex_p_01", "ex_p_01_roll"]

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
_GIVEN = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛"]


def _name(i: int) -> str:
    return _SURNAMES[i % len(_SURNAMES)] + _GIVEN[(i * 7) % len(_GIVEN)]


def ex_p_01_roll() -> list[Member]:
    """EX-P-01's roster of 50: M01 … M44 full members, P1 … P4 probationary, K1 under 留党察看
    (P-3), S1 with rights suspended while in 留置 (P-4)."""
    roll = [Member(f"M{i:02}", name=_name(i)) for i in range(1, 45)]
    roll += [Member(f"P{i}", name=_name(50 + i), standing="probationary") for i in range(1, 5)]
    roll.append(Member("K1", name=_name(60), rights="probation"))
    roll.append(Member("S1", name=_name(61), rights="suspended"))
    return roll


def ex_p_01(*, present: int = 34) -> Meeting:
    """EX-P-01 of the specification: building the required attendance from a roster.

    M01 is abroad at own expense for eight months and M02 bedridden, both with both approvals:
    excluded. M03 has been abroad seven months with only the upper level's approval, and M04 is
    away doing migrant work, which is no listed category: both stay in the required attendance,
    which is 42. ``present`` members of the electorate sign in (M05 onwards), with three
    probationary members beside them.
    """
    exclusions = [
        Exclusion("M01", "abroad", upper_approved=True, meeting_approved=True, note="自费出国八个月"),
        Exclusion("M02", "bedridden", upper_approved=True, meeting_approved=True, note="卧床不起"),
        Exclusion("M03", "abroad", upper_approved=True, meeting_approved=False, note="出国七个月，党员大会尚未通过"),
        Exclusion("M04", "migrant-work", upper_approved=True, meeting_approved=True, note="外出务工"),
    ]
    signed = [f"M{i:02}" for i in range(5, 5 + present)] + ["P1", "P2", "P3"]
    return meeting(ex_p_01_roll(), present=signed, exclusions=exclusions, rulebook=preset("cpc-basic-2020"))
