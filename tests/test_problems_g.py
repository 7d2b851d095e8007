"""A review of broken workbooks and CSV folders (`tally convert` of the village example, then
broken with openpyxl): each problem once, at the cell or file the user sees, and nothing that
only restates a missing sheet."""

from __future__ import annotations

import pathlib

from sheetfiles import csv_folder, village, workbook, zh_lines
from tally import examples
from tally.records import load
from tally.records.sheets import record_sheets


def test_a_missing_candidates_sheet_is_said_once_without_margins(tmp_path: pathlib.Path) -> None:
    """No 候选人 sheet (deleted, or renamed): the missing sheet, once, and no margin problem of
    contests whose candidates were never read."""
    sheets = village()
    del sheets["候选人"]
    assert zh_lines(workbook(tmp_path / "a.xlsx", sheets)) == ["工作簿缺少候选人工作表"]
    renamed = {("候选" if name == "候选人" else name): rows for name, rows in village().items()}
    lines = zh_lines(workbook(tmp_path / "b.xlsx", renamed))
    assert lines[1:] == ["工作簿缺少候选人工作表"]
    assert lines[0].startswith("候选: 未知的工作表")


def test_a_candidates_sheet_without_its_candidate_column_is_said_once(tmp_path: pathlib.Path) -> None:
    """The 候选人编号 header renamed: the missing column, once; no row, no margin."""
    sheets = village()
    sheets["候选人"][0][1] = "人选"
    lines = zh_lines(workbook(tmp_path / "a.xlsx", sheets))
    assert lines[1:] == ["候选人!1:1: 缺少候选人编号列"]
    assert lines[0].startswith("候选人!B1: 未知的列'人选'")


def test_a_missing_contests_sheet_is_said_once(tmp_path: pathlib.Path) -> None:
    """No 职位 sheet: said once, not again at each ballot column nor at each declared result."""
    sheets = village()
    del sheets["职位"]
    assert zh_lines(workbook(tmp_path / "a.xlsx", sheets)) == ["工作簿缺少职位工作表"]


def test_a_bad_elected_cell_is_one_problem_and_its_words_read(tmp_path: pathlib.Path) -> None:
    """公布结果!C2 holding a word that is not yes or no: that, once, never "not filled in" too;
    当选 and 未当选 (what an officer writes there) read as yes and no."""
    sheets = village()
    assert sheets["公布结果"][0][2] == "当选"
    sheets["公布结果"][1][2] = "也许"
    assert zh_lines(workbook(tmp_path / "a.xlsx", sheets)) == ["公布结果!C2: 应填写“是”或“否”，而不是'也许'"]
    for word, elected in (("当选", True), ("未当选", False), ("落选", False), (" 当选 ", True)):
        sheets["公布结果"][1][2] = word
        record = load(workbook(tmp_path / f"{word.strip()}.xlsx", sheets))
        cid, who = sheets["公布结果"][1][:2]
        assert record.declared is not None
        assert (who in record.declared[cid].elected) is elected, word


def test_a_column_without_its_header_is_one_problem_at_the_header(tmp_path: pathlib.Path) -> None:
    """名册!C1 emptied over thirty values, a mark past the ballots' last header, a value beside
    a setting: each column once, at its header cell, with its first value."""
    sheets = village()
    sheets["名册"][0][2] = None
    sheets["选票"][3].append("赞成")
    sheets["选票"][5].append("赞成")
    sheets["选举信息"][2].append("备注")
    sheets["选举信息"][4].append("备注")
    ballots = len(sheets["选票"][0])
    lines = zh_lines(workbook(tmp_path / "a.xlsx", sheets))
    from tally.records.sheets import letter

    col = letter(ballots)
    assert sorted(lines) == sorted(
        [
            "名册!C1: 此列没有列名，下方却填了内容（首个在名册!C2）：请补上列名，或清除这些内容",
            f"选票!{col}1: 此列没有列名，下方却填了内容（首个在选票!{col}4）：请补上列名，或清除这些内容",
            "选举信息!C1: 此列没有列名，下方却填了内容（首个在选举信息!C3）：请补上列名，或清除这些内容",
        ]
    )


def test_dates_written_year_first_read_and_others_say_the_forms(tmp_path: pathlib.Path) -> None:
    """Year-first dates as Excel saves them in a CSV file or an officer writes them read, in a
    workbook and in a CSV folder; a day the calendar lacks and a day-first date are each an
    error at its cell, the latter naming the forms read."""
    sheets = village()
    day_row = next(i for i, row in enumerate(sheets["选举信息"]) if row[0] == "选举日期")
    born = sheets["名册"][0].index("出生日期")
    for i, written in enumerate(("2026/5/21", "2026年5月21日", "２０２６.５.２１", "2026-5-21")):
        sheets["选举信息"][day_row][1] = written
        sheets["名册"][1][born] = "1970年3月4日"
        for source in (workbook(tmp_path / f"{i}.xlsx", sheets), csv_folder(tmp_path / f"c{i}", sheets)):
            record = load(source)
            assert str(record.day) == "2026-05-21", (written, source)
            assert str(next(iter(record.roll)).born) == "1970-03-04"
    sheets["名册"][1][born] = "2026/2/30"
    sheets["名册"][2][born] = "21/5/2026"
    col = "ABCDEFGHIJ"[born]
    assert zh_lines(csv_folder(tmp_path / "bad", sheets)) == [
        f"名册.csv!{col}2: 日历上没有'2026/2/30'这一天",
        f"名册.csv!{col}3: '21/5/2026'不是可读的日期："
        "请写作2026-05-21、2026/5/21、2026.5.21或2026年5月21日（年份在前）",
    ]


def test_every_drop_down_offers_the_vocabulary_the_reader_accepts(tmp_path: pathlib.Path) -> None:
    """The drop-down lists of a converted workbook and of a template, and the first sheet that
    says how to fill one in, offer every canonical value the reader accepts (关系 with other,
    轮次 with by-election), and nothing it refuses."""
    from openpyxl import load_workbook

    from tally.cli_words import instructions
    from tally.records.sheets import TEMPLATE_KINDS, template_sheets, write_workbook
    from tally.records.vocabulary import VOCABULARIES, read_word

    path = tmp_path / "v.xlsx"
    write_workbook(path, record_sheets(examples.load("village"), lang="zh"), lang="zh")
    lists: dict[str, set[str]] = {}
    for kind in ("village-committee", "party-meeting"):
        write_workbook(tmp_path / f"{kind}.xlsx", template_sheets(kind, lang="zh"), lang="zh")
    for book_path in (path, tmp_path / "village-committee.xlsx", tmp_path / "party-meeting.xlsx"):
        book = load_workbook(book_path)
        for ws in book.worksheets:
            for dv in ws.data_validations.dataValidation:
                for where in str(dv.sqref).split():
                    first = where.split(":")[0]
                    row = first.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                    header = ws[f"A{row}"].value if ws.title == "选举信息" else ws[f"{first.rstrip(row)}1"].value
                    lists.setdefault(f"{ws.title}:{header}", set()).update(str(dv.formula1).strip('"').split(","))
    assert "other" in lists["委托投票:关系"]
    assert "by-election" in lists["职位:轮次"]
    fields = {"委托投票:关系": "relation", "职位:轮次": "stage", "职位:职务": "post", "名册:性别": "sex",
              "名册:登记类别": "registration", "名册:党籍": "standing", "名册:党员权利": "rights",
              "不计入应到会:类别": "category"}  # fmt: skip
    for where, field in fields.items():
        canonical = {str(getattr(v, "value", v)) for v in VOCABULARIES[field]}
        assert lists[where] == canonical, where
        assert all(read_word(field, word) is not None for word in lists[where])
    assert lists["选举信息:选举类型"] == set(TEMPLATE_KINDS)
    lines = "\n".join(instructions("zh"))
    assert "spouse/parent/child/sibling/grandparent/grandchild/other" in lines
    assert "regular/tie-break/further/by-election" in lines
