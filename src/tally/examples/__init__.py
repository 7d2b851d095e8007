"""Built-in worked examples: election records shipped with the package, and EX-P-01 as values.

``tally example NAME`` prints a record; every command can be tried on them with no file of
one's own.

>>> from tally.examples import MEETINGS, NAMES, load
>>> NAMES[:6]
('branch', 'by-election', 'conference', 'ex-p-01', 'exact-four-fifths', 'exact-half')
>>> MEETINGS
('party-motion', 'recall', 'representative-assembly', 'residents-assembly', 'villager-assembly')
>>> load("branch")["title"]
'某社区党支部委员会换届选举（第一轮）'
>>> ex_p_01().quorum
Quorum(electorate=44, required=42, present=34, needed=34, met=True)
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

from .._meeting import Exclusion, Meeting, meeting
from .._roll import Member
from .._rulebook import preset
from .._values import shown
from ..errors import Problem, RecordError

__all__ = [
    "ALL",
    "DESCRIPTIONS",
    "MEETINGS",
    "MEETING_DESCRIPTIONS",
    "NAMES",
    "ex_p_01",
    "ex_p_01_roll",
    "load",
    "text",
]

DESCRIPTIONS = {
    "branch": "a branch committee's first round: an excused member, a probationary member present, "
    "an over-selected and a spoiled ballot, a write-in; two seats left for a further election",
    "ex-p-01": "EX-P-01: required attendance 42 from a roll of 50, quorum met with 34; the tally sheet only",
    "further": "the further election (另行选举) after 'branch': a tie across the last seat",
    "inquorate": "EX-P-01 with 33 present: the meeting is not valid and nobody is elected",
    "tie-break": "the vote among the tied after 'further'",
    "void": "'branch' with one ballot more than voters: the round is void (P-20)",
    "residents": "a residents' committee elected by household representatives (R-2), uncontested (R-6), "
    "a committee of six (R-1)",
    "exact-four-fifths": "teaching: 8 of 10 required attend, exactly 4/5: no election (P-10)",
    "exact-half": "teaching: 5 votes of 10 present, exactly half: not elected (P-22)",
    "more-qualifiers": "teaching: four pass the threshold for three seats (P-23)",
    "one-third-floor": "teaching: a further election won with exactly 1/3 of the ballots cast (V-23)",
    "rejected-proxy": "teaching: a proxy to a cousin is rejected, and the turnout falls to half (V-15, V-19)",
    "over-selected": "teaching: ballots that select more persons than seats (P-21, EX-P-06)",
    "womens-seat": "teaching: the women-member post stays empty and goes to a further election (V-30)",
    "village": "a villager committee under the Beijing rules: proxies (one rejected), a mobile ballot box, "
    "a voter under 18, chair, vice-chair and members on one paper",
}
DESCRIPTIONS.update(
    {
        "by-election": "a by-election (补选) for one member of a villager committee, counted as an election (V-32)",
        "without-candidates": "an election without candidates under the Zhejiang rules: names written in, "
        "two voters named 王伟 told apart or not (V-11)",
        "conference": "a party conference of 260 delegates: more than usual, within the most (PC-2); "
        "the tally sheet only",
    }
)
NAMES = tuple(sorted(DESCRIPTIONS))
"""The election examples: records of contests and ballots."""

MEETING_DESCRIPTIONS = {
    "party-motion": "a branch meeting approves an exclusion (P-8) by more than half of the required attendance; "
    "a motion with 6 of 8 present for it fails (P-27)",
    "villager-assembly": "a 村民会议 approves a non-hukou villager's registration (V-6(3)): a voter under 18 "
    "present is not counted (V-9)",
    "representative-assembly": "a 村民代表会议 of 15: exactly 2/3 present, exactly 4/5 representatives and "
    "1/3 women (V-9)",
    "residents-assembly": "a 居民会议 of household representatives dismisses a member (R-4)",
    "recall": "a recall vote: 12 of 19 registered voted, in person, by proxy and at a mobile box; 7 for (V-31)",
}
MEETINGS = tuple(sorted(MEETING_DESCRIPTIONS))
"""The examples of meetings that decide by attendance and vote: records of motions."""
ALL = tuple(sorted((*NAMES, *MEETINGS)))
"""Every built-in example."""


def text(name: str) -> str:
    """The record of the built-in example *name*, as JSON text."""
    if name not in DESCRIPTIONS and name not in MEETING_DESCRIPTIONS:
        raise RecordError(Problem("example", "no-example", {"value": shown(name), "examples": ALL}))
    return files(__name__).joinpath(f"{name}.json").read_text(encoding="utf-8")


def load(name: str) -> Any:
    """The record of the built-in example *name*, as parsed JSON."""
    return json.loads(text(name))


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
