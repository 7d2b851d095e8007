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
    "DESCRIPTIONS_ZH",
    "MEETINGS",
    "MEETING_DESCRIPTIONS",
    "MEETING_DESCRIPTIONS_ZH",
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
DESCRIPTIONS_ZH = {
    "branch": "党支部委员会第一轮选举：一名党员经批准不计入应到会人数，一名预备党员到会，一张多选票和一张废票，"
    "一人另选他人；两个名额留待另行选举",
    "ex-p-01": "EX-P-01：名册50人，应到会42人，实到34人，会议有效；只有计票单",
    "further": "“branch”之后的另行选举：最后一个名额得票相等",
    "inquorate": "EX-P-01中实到33人：会议无效，无人当选",
    "tie-break": "“further”之后对得票相等的候选人再次投票",
    "void": "“branch”中收回选票多于投票人数一张：本轮选举无效（P-20）",
    "residents": "居民委员会由户代表选举（R-2），等额选举（R-6），委员会六人（R-1）",
    "exact-four-fifths": "教学：应到会10人实到8人，恰好五分之四：不能进行选举（P-10）",
    "exact-half": "教学：实到会10人，得5票，恰好半数：不能当选（P-22）",
    "more-qualifiers": "教学：三个名额，四人达到当选票数（P-23）",
    "one-third-floor": "教学：另行选举中得票恰好为已投选票的三分之一而当选（V-23）",
    "rejected-proxy": "教学：委托堂（表）兄弟姐妹投票不予接受，参加投票的人数降至半数（V-15、V-19）",
    "over-selected": "教学：所选人数多于应选人数的选票（P-21、EX-P-06）",
    "womens-seat": "教学：妇女委员职位空缺，进行另行选举（V-30）",
    "village": "按北京市办法选举村民委员会：委托投票（一份不予接受）、流动票箱、一名未满18周岁的选民，"
    "主任、副主任和委员在同一张选票上",
    "by-election": "补选村民委员会委员一名，按选举计票（V-32）",
    "without-candidates": "按浙江省办法进行无候选人选举：选民自填姓名，两名同名“王伟”的选民能否区分（V-11）",
    "conference": "党员代表大会，代表260名：多于一般名额，未超过最高限（PC-2）；只有计票单",
}
"""The election examples' descriptions in Chinese, as ``tally example --lang zh`` lists them."""
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
MEETING_DESCRIPTIONS_ZH = {
    "party-motion": "党员大会以超过应到会党员半数同意不计入应到会人数（P-8）；"
    "实到8人、6人赞成的一项议题未获通过（P-27）",
    "villager-assembly": "村民会议同意一名户籍不在本村的村民登记参加选举（V-6(3)）："
    "到会的未满18周岁的村民不计算在内（V-9）",
    "representative-assembly": "15人的村民代表会议：到会恰好三分之二，村民代表恰好五分之四，妇女恰好三分之一（V-9）",
    "residents-assembly": "由户代表组成的居民会议罢免一名成员（R-4）",
    "recall": "罢免投票：登记选民19人，12人亲自、委托或在流动票箱投票；7人赞成（V-31）",
}
"""The meeting examples' descriptions in Chinese."""
assert set(DESCRIPTIONS_ZH) == set(DESCRIPTIONS)
assert set(MEETING_DESCRIPTIONS_ZH) == set(MEETING_DESCRIPTIONS)
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
