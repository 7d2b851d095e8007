"""Writes the teaching examples under src/tally/examples/ (one record per case of docs/teaching.md).

Run from the repository root: python tools/make_teaching_examples.py
The records are data the package ships (`tally example NAME`); this script is how they were made,
kept so that a change to a case is made here and the file written again.
"""

from __future__ import annotations

import json
import pathlib

OUT = pathlib.Path("src/tally/examples")
DAY = "2026-05-21"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗梁宋郑谢韩唐冯于董萧"
GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明"]


def name(i: int) -> str:
    return SURNAMES[i % len(SURNAMES)] + GIVEN[(i * 7) % len(GIVEN)]


def party(title: str, n: int, present: int, contests: list, items: list, declared: dict, **extra: object) -> dict:
    roll = [{"id": f"M{i:02}", "name": name(i)} for i in range(1, n + 1)]
    return {
        "format": "tally.record/1",
        "title": title,
        "kind": "party-meeting",
        "rulebook": "cpc-basic-2020",
        "day": DAY,
        "roll": roll,
        "present": [m["id"] for m in roll[:present]],
        "contests": contests,
        "ballots": {"collected": len(items), "items": items},
        "declared": declared,
        **extra,
    }


def village(
    title: str, rulebook: str, n: int, present: int, contests: list, items: list, declared: dict, **extra: object
) -> dict:
    roll = [{"id": f"V{i:02}", "name": name(i), "sex": "F" if i % 2 == 0 else "M"} for i in range(1, n + 1)]
    return {
        "format": "tally.record/1",
        "title": title,
        "kind": "village-committee",
        "rulebook": rulebook,
        "day": DAY,
        "roll": roll,
        "present": [v["id"] for v in roll[:present]],
        "contests": contests,
        "ballots": {"collected": len(items), "items": items},
        "declared": declared,
        **extra,
    }


def papers(times: int, **sections: dict) -> list:
    return [{cid: dict(marks) for cid, marks in sections.items()}] * times


CASES = {
    # 1. Exactly 4/5 of the required attendance: not more than 4/5, so no election (P-10).
    "exact-four-fifths": party(
        "教学案例：恰好五分之四到会",
        10,
        8,
        [{"id": "committee", "title": "支部委员会委员", "seats": 3, "candidates": ["M01", "M02", "M03", "M04"]}],
        [],
        {"committee": {"elected": []}},
    ),
    # 2. Exactly half of the present electorate: not more than half, so not elected (P-22).
    "exact-half": party(
        "教学案例：得票恰好半数",
        10,
        10,
        [{"id": "secretary", "title": "书记", "seats": 1, "candidates": ["M01", "M02"], "post": "secretary"}],
        papers(5, secretary={"for": ["M01"]}) + papers(4, secretary={"for": ["M02"]}) + papers(1, secretary={}),
        {"secretary": {"elected": []}},
    ),
    # 3. Four pass the threshold for three seats: the three with most votes (P-23).
    "more-qualifiers": party(
        "教学案例：过半数人数多于应选名额",
        10,
        10,
        [{"id": "committee", "title": "支部委员会委员", "seats": 3, "candidates": ["M01", "M02", "M03", "M04"]}],
        papers(1, committee={"for": ["M02", "M03", "M04"]})
        + papers(2, committee={"for": ["M01", "M03", "M04"]})
        + papers(3, committee={"for": ["M01", "M02", "M04"]})
        + papers(4, committee={"for": ["M01", "M02", "M03"]}),
        {"committee": {"elected": ["M01", "M02", "M03"], "votes": {"M01": 9, "M02": 8, "M03": 7, "M04": 6}}},
    ),
    # 4. A further election: most votes and at least 1/3 of all ballots cast, spoiled included (V-23).
    "one-third-floor": village(
        "教学案例：另行选举三分之一",
        "village-national-2018",
        60,
        30,
        [
            {
                "id": "member",
                "title": "委员",
                "seats": 1,
                "candidates": ["V01", "V02"],
                "post": "member",
                "stage": "further",
            }
        ],
        papers(10, member={"for": ["V01"]})
        + papers(9, member={"for": ["V02"]})
        + papers(9, member={})
        + [{"spoiled": True}] * 2,
        {"member": {"elected": ["V01"], "votes": {"V01": 10, "V02": 9}}},
    ),
    # 5. A proxy to a cousin is rejected; its principal has not voted, and the turnout falls to half.
    "rejected-proxy": village(
        "教学案例：不符合规定的委托",
        "village-national-2018",
        10,
        5,
        [
            {"id": "chair", "title": "主任", "seats": 1, "candidates": ["V01", "V02"], "post": "chair"},
            {"id": "member", "title": "委员", "seats": 2, "candidates": ["V03", "V04", "V05"], "post": "member"},
        ],
        papers(5, chair={"for": ["V01"]}, member={"for": ["V03", "V04"]}),
        {"chair": {"elected": []}, "member": {"elected": []}},
        proxies=[{"principal": "V10", "agent": "V01", "relation": "cousin", "written": True, "filed": "2026-05-18"}],
    ),
    # 6. Selecting more persons than seats voids that ballot (P-21, EX-P-06).
    "over-selected": party(
        "教学案例：多选无效票",
        12,
        12,
        [
            {
                "id": "committee",
                "title": "支部委员会委员",
                "seats": 5,
                "candidates": ["M01", "M02", "M03", "M04", "M05", "M06", "M07"],
            }
        ],
        papers(6, committee={"for": ["M01", "M02", "M03", "M04", "M05"]})
        + papers(2, committee={"for": ["M01", "M02", "M03", "M04"], "against": ["M05"], "write_in": ["M09"]})
        + papers(2, committee={"for": ["M01", "M02", "M03", "M04", "M05"], "against": ["M06"], "write_in": ["M09"]})
        + papers(2, committee={"abstain": ["M01", "M02", "M03", "M04", "M05", "M06", "M07"]}),
        {
            "committee": {
                "elected": ["M01", "M02", "M03", "M04"],
                "votes": {"M01": 8, "M02": 8, "M03": 8, "M04": 8, "M05": 6, "M09": 2},
            }
        },
    ),
    # 7. A separate women-member post (浙江): nobody passes, and the further election keeps the post.
    "womens-seat": village(
        "教学案例：妇女委员职位",
        "village-zhejiang-2020",
        40,
        30,
        [
            {"id": "chair", "title": "主任", "seats": 1, "candidates": ["V01", "V03"], "post": "chair"},
            {"id": "vice", "title": "副主任", "seats": 1, "candidates": ["V05", "V07"], "post": "vice-chair"},
            {"id": "member", "title": "委员", "seats": 2, "candidates": ["V09", "V11", "V13"], "post": "member"},
            {"id": "women", "title": "妇女委员", "seats": 1, "candidates": ["V02", "V04"], "post": "women-member"},
        ],
        papers(
            14, chair={"for": ["V01"]}, vice={"for": ["V05"]}, member={"for": ["V09", "V11"]}, women={"for": ["V02"]}
        )
        + papers(
            12, chair={"for": ["V01"]}, vice={"for": ["V05"]}, member={"for": ["V09", "V11"]}, women={"for": ["V04"]}
        )
        + papers(4, chair={"for": ["V01"]}, vice={"for": ["V05"]}, member={"for": ["V09", "V11"]}, women={}),
        {
            "chair": {"elected": ["V01"]},
            "vice": {"elected": ["V05"]},
            "member": {"elected": ["V09", "V11"]},
            "women": {"elected": []},
        },
    ),
}

for case, record in CASES.items():
    (OUT / f"{case}.json").write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print("wrote", case)
