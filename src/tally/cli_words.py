"""The words of the command line and of the workbooks it writes, in Chinese and English.

The words live in the one catalogue of tally's words (:data:`tally.catalogue.CLI_WORDS`, beside
the reports' and the forms'); a test checks that every key has both languages. Values are
``str.format`` templates.

>>> say("records", "zh", n=3, agree=2, disagree=1, broken=0)
'3份记录：2份一致，1份不一致，0份记录有误'
>>> say("records", "en", n=3, agree=2, disagree=1, broken=0)
'3 records: 2 agree, 1 disagree, 0 broken'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from .catalogue import CLI_WORDS

__all__ = ["WORDS", "instructions", "say"]

Lang = Literal["zh", "en"]

WORDS: Mapping[str, Mapping[str, str]] = CLI_WORDS


def say(key: str, lang: Lang, **values: Any) -> str:
    """The message *key* in *lang*, filled in with *values*."""
    return WORDS[key][lang].format(**values)


_STEPS = {
    "zh": [
        "填写说明",
        "",
        "本工作簿是一次选举（一轮投票）的记录。填好后，用 tally 核对：",
        "    tally verify 本文件.xlsx --lang zh",
        "也可转为 JSON 记录：tally convert 本文件.xlsx -o 记录.json",
        "",
        "步骤：",
        "1. “选举信息”：填写标题、规则（tally rulebooks 列出可用规则）、选举日期（YYYY-MM-DD）、收回选票数。",
        "2. “名册”：每行一人；编号不可重复，建议用文字格式（如 M01、V001），不要用纯数字以免丢失前导 0。",
        "3. “签到”：每行一个亲自到会领票者的编号。",
        "4. 党员大会：“不计入应到会”填写经批准不计入应到会人数的党员；"
        "村（居）委会：“委托投票”填写书面委托，“流动票箱”填写在流动票箱投票者的编号。",
        "5. “职位”：每个职位一行（编号、名称、应选人数）；“候选人”：每行一个候选人，按选票上的顺序。",
        "6. “选票”：每张选票一行。在第一行为每个候选人加一列，列名为 职位编号:候选人编号（如 chair:V01），"
        "每个职位再加一列 职位编号:另选他人，填写另选的人的编号（多人用空格分隔）。"
        "单元格填 赞成、不赞成、弃权、无法辨认 或留空；整张无法辨认的选票在“废票”填 是。",
        "   只有计票单（没有逐张选票）时，不填“选票”，改填“计票单”（每个职位的有效票、无效票）和“得票”（每人得票数）。",
        "7. “公布结果”：每个职位每人一行，“当选”填 是 或 否，可填公布的票数。",
        "",
        "规则：全角的数字、字母和标点会转为半角，单元格首尾空格会去掉，tally 会提示。"
        "出错时，错误会指出单元格，如 选票!C12（表名!列行）。",
        "也可以把每张表另存为 CSV（UTF-8 或 GBK 均可），文件名为表名（如 名册.csv），放在同一文件夹中，"
        "再核对这个文件夹。",
        "",
        "各表的列：",
    ],
    "en": [
        "How to fill in",
        "",
        "This workbook is the record of one election round. Once filled in, check it with tally:",
        "    tally verify this-file.xlsx",
        "or turn it into a JSON record: tally convert this-file.xlsx -o record.json",
        "",
        "Steps:",
        "1. Election: the title, the rulebook (tally rulebooks lists them), the day (YYYY-MM-DD), "
        "the ballots collected.",
        "2. Roll: one person a row; ids are unique, best as text (M01, V001), not bare numbers, "
        "which lose their leading zeros.",
        "3. Sign-in: one row per person who signed in and took a ballot in person.",
        "4. Party meetings: Exclusions lists the members left out of the required attendance, with "
        "both approvals. Villager and residents' committees: Proxies lists the written proxies, "
        "Mobile box who voted at a mobile ballot box.",
        "5. Contests: one row per contest (id, title, seats); Candidates: one row per candidate, in ballot order.",
        "6. Ballots: one row per paper. Add a column per candidate named contest:candidate (such as "
        "chair:V01), and per contest one named contest:write-in for the ids written in (separated "
        "by spaces). A cell holds for, against, abstain, unreadable or nothing; a paper that cannot "
        "be read at all has yes under spoiled.",
        "   When only the tally sheet exists, leave Ballots empty and fill in Tally sheet (valid and "
        "invalid ballots per contest) and Votes (votes per person).",
        "7. Declared: one row per contest and person, elected yes or no, and the declared votes.",
        "",
        "Full-width digits, letters and punctuation are folded, spaces at either end of a cell are "
        "trimmed, and tally says so. Each error names its cell, such as Ballots!C12 (sheet!column row).",
        "Each sheet may also be saved as a CSV file (UTF-8 or GBK) named as the sheet (Roll.csv) in "
        "one folder; verify the folder.",
        "",
        "The columns of each sheet:",
    ],
}


def instructions(lang: Lang) -> list[str]:
    """The lines of a workbook's first sheet, which says how to fill it in."""
    from .records.sheets import SETTING_ROWS, SETTINGS, SHEETS, WRITE_IN, choices

    lines = list(_STEPS[lang])
    for sheet in SHEETS:
        name = sheet.zh if lang == "zh" else sheet.en
        if sheet is SETTINGS:
            items = (
                "、".join(zh for _, zh, *_ in SETTING_ROWS)
                if lang == "zh"
                else ", ".join(en for _, _, en, *_ in SETTING_ROWS)
            )
            lines.append(f"{name}: {items}; rules.FIELD")
            continue
        cols = []
        for col in sheet.columns:
            title = col.zh if lang == "zh" else col.en
            if col.kind == "bool":
                title += " (" + "/".join(choices("bool", lang)) + ")"
            elif col.choices is not None:
                title += " (" + "/".join(choices(col.choices, lang)) + ")"
            cols.append(title)
        if sheet.key == "ballots":
            cols.append(
                ("职位编号:候选人编号, 职位编号:" if lang == "zh" else "contest:candidate, contest:") + WRITE_IN[lang]
            )
        lines.append(f"{name}: " + ", ".join(cols))
    return lines
