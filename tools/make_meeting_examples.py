"""Writes the examples of issue 16 under src/tally/examples/: the meetings that decide by attendance
and vote (P-27, V-9, R-4, V-31), a by-election (V-32), an election without candidates (V-11) and a
party conference's size (PC-2). docs/meetings.md counts each of them by hand.

Run from the repository root: python tools/make_meeting_examples.py
The records are data the package ships (`tally example NAME`); this script is how they were made,
kept so that a change to a case is made here and the file written again.
"""

from __future__ import annotations

import json
import pathlib

OUT = pathlib.Path("src/tally/examples")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗梁宋郑谢韩唐冯于董萧"
GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明"]


def name(i: int) -> str:
    return SURNAMES[i % len(SURNAMES)] + GIVEN[(i * 7) % len(GIVEN)]


def record(kind: str, rulebook: str, title: str, day: str, **fields: object) -> dict:
    return {"format": "tally.record/1", "title": title, "kind": kind, "rulebook": rulebook, "day": day, **fields}


def write(name_: str, data: dict) -> None:
    """The record as tally writes it back (every default said), so that it reads and writes the same."""
    from tally.records import read

    data = read(data).to_dict()
    (OUT / f"{name_}.json").write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# P-27: the branch of the 'branch' example, a month before its election, approves the exclusion of
# M12 (P-8). OQ-P3: the base of that vote is the required attendance before the exclusion, 12.
BRANCH = json.loads((OUT / "branch.json").read_text(encoding="utf-8"))
write(
    "party-motion",
    record(
        "party-motion",
        "cpc-branch-motion-2018",
        "某社区党支部党员大会：审议不计入应到会人数等事项",
        "2026-04-20",
        roll=BRANCH["roll"],
        present=["M01", "M02", "M03", "M04", "M05", "M06", "M07", "M08", "Y1"],
        motions=[
            {
                "id": "m1",
                "title": "同意孙丽（M12，年老卧床不起）不计入支部委员会换届选举的应到会人数",
                "subject": "M12",
                "for": 7,
                "against": 1,
                "abstain": 0,
            },
            {"id": "m2", "title": "同意将主题党日活动改在周六举行", "for": 6, "against": 1, "abstain": 1},
        ],
        declared={"m1": {"passed": True}, "m2": {"passed": False}},
    ),
)

# V-9: a 村民会议 of 25 villagers, one under 18 on the day; V-6(3): it approves a non-hukou
# villager's registration.
villagers = [
    {"id": f"V{i:02}", "name": name(i), "sex": "MF"[i % 2], "household": f"H{(i + 1) // 2:02}"} for i in range(1, 26)
]
villagers[24]["born"] = "2008-09-01"  # 17 on 2026-04-12
write(
    "villager-assembly",
    record(
        "villager-assembly",
        "villager-assembly-2018",
        "某村村民会议：审议非户籍村民登记参加选举",
        "2026-04-12",
        mode="direct",
        roll=villagers,
        present=[f"V{i:02}" for i in range(1, 14)] + ["V25"],
        motions=[
            {
                "id": "m1",
                "title": "同意吴某（户籍不在本村，在本村居住三年）登记参加第十二届村民委员会选举",
                "for": 7,
                "against": 4,
                "abstain": 2,
            },
            {"id": "m2", "title": "同意调整村民小组划分", "for": 6, "against": 5, "abstain": 2},
        ],
        declared={"m1": {"passed": True}, "m2": {"passed": False}},
    ),
)

# V-9: a 村民代表会议 of 15: 12 villager representatives (5 of them women) and 3 committee members;
# exactly 4/5 representatives, exactly 1/3 women representatives, exactly 2/3 present.
reps = []
for i in range(1, 16):
    role = "representative" if i <= 12 else "committee-member"
    reps.append({"id": f"R{i:02}", "name": name(40 + i), "sex": "F" if i <= 5 else "M", "role": role})
write(
    "representative-assembly",
    record(
        "representative-assembly",
        "representative-assembly-2018",
        "某村村民代表会议：审议村规民约修订",
        "2026-03-18",
        roll=reps,
        present=[f"R{i:02}" for i in range(1, 11)],
        motions=[{"id": "m1", "title": "通过村规民约（修订稿）", "for": 6, "against": 3, "abstain": 1}],
        declared={"m1": {"passed": True}},
    ),
)

# a 居民会议 of household representatives: 8 households, 5 represented.
residents = []
homes = ["户01", "户01", "户02", "户03", "户03", "户04", "户05", "户06", "户06", "户07", "户08", "户08"]
for i, home in enumerate(homes, start=1):
    residents.append({"id": f"J{i:02}", "name": name(70 + i), "household": home})
write(
    "residents-assembly",
    record(
        "residents-assembly",
        "residents-assembly-2018",
        "某社区居民会议（户代表会议）：撤换并补选居民委员会委员",
        "2026-06-06",
        mode="household",
        roll=residents,
        present=["J01", "J03", "J04", "J07", "J10"],
        motions=[
            {"id": "m1", "title": "撤换居民委员会委员郑某", "subject": "J09", "for": 3, "against": 2},
        ],
        declared={"m1": {"passed": True}},
    ),
)

# V-31: a recall among 20 on the list, one of them under 18: 19 registered; 10 in person, one by
# proxy, one at a mobile box: 12 voted.
voters = [
    {"id": f"V{i:02}", "name": name(100 + i), "sex": "MF"[i % 2], "household": f"H{(i + 1) // 2:02}"}
    for i in range(1, 21)
]
voters[19]["born"] = "2009-01-15"  # 17 on 2026-07-08
voters[10]["relatives"] = [{"id": "V12", "relation": "spouse"}]
write(
    "recall",
    record(
        "village-recall",
        "village-recall-2018",
        "某村罢免村民委员会委员投票",
        "2026-07-08",
        roll=voters,
        present=[f"V{i:02}" for i in range(1, 10)] + ["V11"],
        proxies=[{"principal": "V12", "agent": "V11", "relation": "spouse", "written": True, "filed": "2026-07-01"}],
        mobile=["V13"],
        motions=[
            {"id": "m1", "title": "罢免村民委员会委员赵某", "subject": "V05", "for": 7, "against": 4, "invalid": 1}
        ],
        declared={"m1": {"passed": True}},
    ),
)

# V-32: a by-election for one member who left, held as an election.
by = [{"id": f"V{i:02}", "name": name(130 + i), "sex": "MF"[i % 2]} for i in range(1, 13)]
items = [{"member": {"for": ["V01"]}}] * 5 + [{"member": {"for": ["V02"]}}] * 3
write(
    "by-election",
    record(
        "village-committee",
        "village-national-2018",
        "某村村民委员会补选委员",
        "2026-09-06",
        roll=by,
        present=[f"V{i:02}" for i in range(1, 9)],
        contests=[
            {
                "id": "member",
                "title": "补选村民委员会委员",
                "seats": 1,
                "candidates": ["V01", "V02"],
                "post": "member",
                "stage": "by-election",
            }
        ],
        ballots={"collected": 8, "items": items},
        declared={"member": {"elected": ["V01"], "votes": {"V01": 5, "V02": 3}}},
    ),
)

# V-11 (浙江): an election without candidates; two voters named 王伟.
named = [
    {"id": f"V{i:02}", "name": name(160 + i), "sex": "MF"[i % 2], "household": f"{(i + 1) // 2}组"}
    for i in range(1, 13)
]
named[0]["name"] = "李娜"
named[2].update(name="王伟", household="三组")
named[6].update(name="王伟", household="五组")
papers = (
    [{"chair": {"write_in": ["李娜"]}}] * 6
    + [{"chair": {"write_in": ["王伟(三组)"]}}]
    + [{"chair": {"write_in": ["王伟"]}}]
    + [{"chair": {"write_in": ["张三"]}}]
    + [{"chair": {"write_in": ["王伟(七组)"]}}]
)
write(
    "without-candidates",
    record(
        "village-committee",
        "village-zhejiang-2020",
        "某村村民委员会主任选举（无候选人选举）",
        "2026-05-21",
        rules={"without_candidates": True},
        roll=named,
        present=[f"V{i:02}" for i in range(1, 11)],
        contests=[
            {
                "id": "chair",
                "title": "村民委员会主任",
                "seats": 1,
                "candidates": [],
                "post": "chair",
                "stage": "regular",
            }
        ],
        ballots={"collected": 10, "items": papers},
        declared={"chair": {"elected": ["V01"], "votes": {"V01": 6, "V03": 1}}},
    ),
)

# PC-2: a conference of 260 delegates (at most 300, generally 100 to 200); the tally sheet only.
delegates = [{"id": f"D{i:03}", "name": name(200 + i)} for i in range(1, 261)]
candidates = ["D001", "D002", "D003", "D004", "D005", "D006"]
write(
    "conference",
    record(
        "party-conference",
        "cpc-conference-2020",
        "某街道党工委党员代表大会选举委员会委员",
        "2026-06-26",
        roll=delegates,
        present=[d["id"] for d in delegates[:230]],
        contests=[
            {
                "id": "committee",
                "title": "党工委委员",
                "seats": 5,
                "candidates": candidates,
                "post": "member",
                "stage": "regular",
            }
        ],
        ballots={
            "collected": 230,
            "totals": {
                "committee": {
                    "valid": 228,
                    "invalid": 2,
                    "for": {"D001": 200, "D002": 190, "D003": 150, "D004": 120, "D005": 110, "D006": 60},
                }
            },
        },
        declared={"committee": {"elected": ["D001", "D002", "D003", "D004"]}},
    ),
)
