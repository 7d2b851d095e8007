"""The words of the command line and of the workbooks it writes, in Chinese and English.

One dict, ``{key: {"zh": ..., "en": ...}}``, so that every message is said in both languages and
can be folded into the shared catalogue; a test checks that every key has both. Values are
``str.format`` templates.

>>> say("records", "zh", n=3, agree=2, disagree=1, broken=0)
'3 份记录：2 份一致，1 份不一致，0 份无法读取'
>>> say("records", "en", n=3, agree=2, disagree=1, broken=0)
'3 records: 2 agree, 1 disagree, 0 broken'
"""

from __future__ import annotations

from typing import Any, Literal

__all__ = ["WORDS", "instructions", "say"]

Lang = Literal["zh", "en"]

WORDS: dict[str, dict[str, str]] = {
    # --- notes on loading ---
    "note": {"zh": "提示：{text}", "en": "note: {text}"},
    "note.gb18030": {
        "zh": "{file} 不是 UTF-8 编码，已按 GB18030（GBK）读取",
        "en": "{file} is not UTF-8; it was read as GB18030 (GBK)",
    },
    "note.folded": {
        "zh": "{count} 个单元格中的全角字符已转为半角（第一个：{first}）",
        "en": "full-width characters were folded in {count} cells (the first: {first})",
    },
    "note.trimmed": {
        "zh": "{count} 个单元格首尾的空格已去掉（第一个：{first}）",
        "en": "spaces were trimmed at either end of {count} cells (the first: {first})",
    },
    "note.reordered": {
        "zh": "表格中每位候选人占一列：选票上的标记按候选人顺序写出，未填的职位写作空白，计票结果不变",
        "en": "a sheet has one column per candidate: marks are written in ballot order and a section left "
        "off a paper is written blank; no count changes",
    },
    # --- errors and summaries ---
    "more problems": {
        "zh": "……另有 {n} 个问题未列出（用 --format json 可列出全部）",
        "en": "... and {n} more problems (--format json lists them all)",
    },
    "records": {
        "zh": "{n} 份记录：{agree} 份一致，{disagree} 份不一致，{broken} 份无法读取",
        "en": "{n} records: {agree} agree, {disagree} disagree, {broken} broken",
    },
    "records broken": {"zh": "{n} 份记录，{broken} 份无法读取", "en": "{n} records, {broken} broken"},
    "no records": {
        "zh": "{path}：没有找到记录（*.json、*.xlsx 文件，或含各表 CSV 文件的文件夹）",
        "en": "{path}: no record found (*.json or *.xlsx files, or a folder of a record's CSV sheets)",
    },
    "stdin one": {"zh": "“-”（标准输入）只能核对一份记录", "en": "'-' (standard input) verifies one record only"},
    "jobs": {"zh": "--jobs：至少为 1", "en": "--jobs: must be at least 1"},
    "no next round": {
        "zh": "没有下一轮：各职位均已决定（或本轮须重新举行）",
        "en": "no next round: every contest is decided (or the round must be held again)",
    },
    "no preset": {"zh": "没有规则 {id!r}；可用的规则：{ids}", "en": "no preset {id!r}; the presets are {ids}"},
    "bad lang": {
        "zh": "TALLY_LANG={value!r} 不是可用的语言：zh、en",
        "en": "TALLY_LANG={value!r} is not a language tally speaks: zh, en",
    },
    "written": {"zh": "已写入 {path}", "en": "wrote {path}"},
    "convert same": {
        "zh": "无法转换：输入和输出是同一种格式（{what}）",
        "en": "nothing to convert: the input and the output are both {what}",
    },
    "convert output": {
        "zh": "输出须为 .json、.xlsx 文件，或一个文件夹（写入各表的 CSV 文件）",
        "en": "the output must be a .json or .xlsx file, or a folder (for the sheets as CSV files)",
    },
    "status agrees": {"zh": "一致", "en": "agrees"},
    "status disagrees": {"zh": "不一致", "en": "DISAGREES"},
    "status broken": {"zh": "无法读取", "en": "BROKEN"},
    "example hint": {
        "zh": "打印一个：tally example 名称；核对它：tally example 名称 | tally verify -",
        "en": "Print one with: tally example NAME; verify it with: tally example NAME | tally verify -",
    },
    # --- table headings ---
    "h.record": {"zh": "记录", "en": "record"},
    "h.status": {"zh": "结果", "en": "status"},
    "h.detail": {"zh": "说明", "en": "detail"},
    "h.field": {"zh": "字段", "en": "field"},
    "h.name": {"zh": "名称", "en": "name"},
    "h.value": {"zh": "取值", "en": "value"},
    "h.rules": {"zh": "规则条款", "en": "rules"},
    "h.id": {"zh": "编号", "en": "id"},
    "h.kind": {"zh": "类型", "en": "kind"},
    "h.title": {"zh": "标题", "en": "title"},
    "h.example": {"zh": "示例", "en": "name"},
    "h.shows": {"zh": "内容", "en": "what it shows"},
    "h.check": {"zh": "检查项", "en": "check"},
    "h.rule": {"zh": "条款", "en": "rule"},
    "h.statutory": {"zh": "法定", "en": "statutory"},
    "h.met": {"zh": "符合", "en": "met"},
    "h.not met": {"zh": "不符合", "en": "not met"},
    "h.cannot tell": {"zh": "无法判断", "en": "cannot tell"},
    "h.not applicable": {"zh": "不适用", "en": "not applicable"},
    "h.failing": {"zh": "不符合的记录", "en": "failing"},
    # --- the help texts ---
    "help.description": {
        "zh": "按规则逐条计票并说明理由：党员大会、村（居）民委员会选举。",
        "en": "Count and explain grassroots election meetings, rule by rule.",
    },
    "help.epilog": {
        "zh": "试试：tally example branch | tally verify -；用表格：tally template village-committee -o 选举.xlsx",
        "en": "Try: tally example branch | tally verify -; "
        "with a workbook: tally template village-committee -o vote.xlsx",
    },
    "help.lang": {
        "zh": "语言：zh 或 en（默认取 TALLY_LANG，再取 LANG/LC_ALL，否则 en）",
        "en": "language, zh or en (else TALLY_LANG, else the locale LANG/LC_ALL, else en)",
    },
    "help.format": {"zh": "输出格式（默认 text）", "en": "output format (default text)"},
    "help.cite": {
        "zh": "rule：只列条款编号（默认）；article：在条款编号旁列出法规条文出处",
        "en": "rule: rule IDs only (default); article: the article of the law beside each rule ID",
    },
    "help.record": {
        "zh": "记录：.json 或 .xlsx 文件、含各表 CSV 的文件夹，或 -（标准输入）",
        "en": "a record: a .json or .xlsx file, a folder of the sheets as CSV, or - for stdin",
    },
    "help.records": {
        "zh": "记录文件或文件夹（*.json、*.xlsx、含各表 CSV 的文件夹）；- 为标准输入",
        "en": "record files or folders (*.json, *.xlsx, folders of CSV sheets); - for stdin",
    },
    "help.verify": {
        "zh": "重新计票并与公布结果核对（0 一致，1 不一致，2 记录有误）",
        "en": "recount records and compare with what was declared (exit 0 agrees, 1 not, 2 broken)",
    },
    "help.verify.description": {
        "zh": "重新计票并与公布结果核对。一份记录：完整报告。多份或文件夹：每份一行并汇总"
        "（--format json 时每份一行 JSON）。",
        "en": "Recount each record and compare with what was declared. One record: its full report. "
        "Several, or a folder: one line each and a summary (with --format json, one JSON line each).",
    },
    "help.jobs": {"zh": "多份记录时的工作进程数（默认 1）", "en": "worker processes for many records (default 1)"},
    "help.strict": {
        "zh": "法定的班子结构或时间要求不符合时，也以 1 退出",
        "en": "also exit 1 when a statutory composition or timeline check is not met",
    },
    "help.compliance": {
        "zh": "检查多份记录的班子结构和时间要求：每项多少份符合，哪些不符合",
        "en": "check the composition and timeline of many records: per check, how many meet it, and which do not",
    },
    "help.csv": {"zh": "输出 CSV 而不是表格", "en": "print CSV instead of a table"},
    "help.report": {"zh": "打印一份记录的报告（无论是否一致）", "en": "print the report of a record, agreeing or not"},
    "help.next": {
        "zh": "写出下一轮（再次投票或另行选举）的记录框架",
        "en": "write the record skeleton of the next round (tie-break or further election)",
    },
    "help.output": {"zh": "写入此文件，而不是标准输出", "en": "write here instead of standard output"},
    "help.rulebooks": {
        "zh": "列出规则预设，或显示其中一个适用的字段、取值和条款",
        "en": "list the rulebook presets, or show one: the fields that apply, their values and rules",
    },
    "help.preset": {"zh": "规则预设的编号", "en": "a preset id"},
    "help.example": {"zh": "列出内置示例记录，或打印其中一个", "en": "list the built-in example records, or print one"},
    "help.example.name": {"zh": "示例名称", "en": "an example name"},
    "help.template": {
        "zh": "写出一种选举的空白工作簿（.xlsx），含填写说明和下拉列表",
        "en": "write an empty workbook (.xlsx) for a kind of election, with instructions and drop-down lists",
    },
    "help.template.kind": {"zh": "选举类型", "en": "the kind of election"},
    "help.template.output": {"zh": "要写的 .xlsx 文件", "en": "the .xlsx file to write"},
    "help.convert": {
        "zh": "在 JSON 记录、工作簿（.xlsx）和 CSV 文件夹之间转换",
        "en": "convert a record between JSON, a workbook (.xlsx) and a folder of CSV files",
    },
    "help.convert.output": {
        "zh": "输出：.json、.xlsx，或文件夹（写入各表的 CSV 文件）",
        "en": "the output: .json, .xlsx, or a folder (for the sheets as CSV files)",
    },
    "help.forms": {
        "zh": "打印选举的纸质表格：选票、签到表、计票单或选举结果报告单",
        "en": "print a paper form of the election: ballot, sign-in sheet, tally sheet or result report",
    },
    "help.forms.description": {
        "zh": "为记录中的选举生成可打印的表格：选票（ballot）、签到表（sign-in）、空白计票单（tally-sheet）"
        "或待签字的结果报告单（result）。HTML 输出到标准输出或文件；PDF（需要 Chromium）输出到文件。",
        "en": "Make a form of the election in RECORD, ready to print: the ballot papers (ballot), the "
        "sign-in sheet (sign-in), a blank tally sheet (tally-sheet) or the result report to sign (result). "
        "HTML to standard output or FILE; PDF (needs Chromium) to FILE.",
    },
    "help.forms.lang": {
        "zh": "表格的语言（默认 zh：为中国的选举打印）",
        "en": "language of the form (default zh: forms are printed for a Chinese election)",
    },
    "help.forms.format": {"zh": "默认 html", "en": "default html"},
    "help.forms.output": {"zh": "写入此文件（pdf 时必须）", "en": "write here (needed for pdf)"},
    "forms pdf": {"zh": "forms --format pdf 需要 -o 文件", "en": "forms --format pdf needs -o FILE"},
    "forms same": {"zh": "这是记录本身；请另给 -o 文件", "en": "is the record itself; give another -o FILE"},
    "help.compliance.format": {"zh": "输出格式（默认 text）", "en": "output format (default text)"},
}


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
