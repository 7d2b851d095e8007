"""The problems of a workbook or a folder of CSV sheets, in Chinese and in English, each at the
cell the user sees (issue 13: the command line in Chinese)."""

from __future__ import annotations

import csv
import io
import pathlib

import pytest

from sheetfiles import csv_folder, party, village, workbook, zh_lines
from tally import examples
from tally.errors import Problem, RecordError
from tally.records import load
from tally.records.sheets import record_sheets, template_sheets, write_workbook


def _problems(source: pathlib.Path) -> dict[str, Problem]:
    """The problems of loading *source*, by their cell."""
    with pytest.raises(RecordError) as caught:
        load(source)
    return {p.path: p for p in caught.value.problems}


def test_cells_of_a_broken_workbook_in_both_languages(tmp_path: pathlib.Path) -> None:
    """A mark, a yes/no cell and a column header the sheets do not know: each at its cell, the
    names of sheets and columns in Chinese only when the words are Chinese."""
    sheets = party()
    sheets["选票"][2][3] = "maybe"  # 选票!D3
    sheets["选票"][3][1] = "也许"  # 选票!B4
    sheets["职位"][0].append("颜色")  # 职位!D1
    found = _problems(workbook(tmp_path / "w.xlsx", sheets))

    mark = found["选票!D3"]
    assert mark.code == "sheet-not-a-mark"
    assert mark.reason == (
        "'maybe' is not a mark; the marks are for (y, yes, 1, ✓, √, ○, o, 赞成, 同意), "
        "against (n, no, x, ×, 不赞成, 反对), abstain (a, -, 弃权), unreadable (?, 无法辨认), or empty"
    )
    assert mark.words("zh") == (
        "'maybe'不是有效的标记；标记应为：赞成（for、y、yes、1、✓、√、○、o、同意）、"
        "不赞成（against、n、no、x、×、反对）、弃权（abstain、a、-）、无法辨认（unreadable、?），或留空"
    )

    yes_no = found["选票!B4"]
    assert yes_no.code == "sheet-not-yes-no"
    assert yes_no.reason == "'也许' is not yes or no: write 是 or 否 (yes or no)"
    assert yes_no.words("zh") == "应填写“是”或“否”，而不是'也许'"

    column = found["职位!D1"]
    assert column.code == "sheet-unknown-column"
    assert column.reason.startswith("unknown column '颜色'; the columns are 职位编号 (contest), 名称 (title), ")
    assert column.words("zh").startswith("未知的列'颜色'；列名应为以下之一：职位编号、名称、应选人数、")
    assert "(" not in column.words("zh")


def test_missing_and_second_sheets_in_both_languages(tmp_path: pathlib.Path) -> None:
    """A workbook without its roll and with two sign-in sheets (one named in English)."""
    sheets = party()
    del sheets["名册"]
    sheets["Sign-in"] = [["id"], ["M01"]]
    with pytest.raises(RecordError) as caught:
        load(workbook(tmp_path / "w.xlsx", sheets))
    by_code = {p.code: p for p in caught.value.problems}
    needs = by_code["sheet-needs-sheet"]
    assert (needs.path, needs.reason) == ("", "the workbook needs a sheet 名册 (Roll)")
    assert needs.words("zh") == "工作簿缺少名册工作表"
    second = by_code["sheet-second-sheet"]
    assert second.path == "Sign-in"
    assert second.reason == "a second sheet for 签到 (Sign-in): the first is 签到"
    assert second.words("zh") == "签到工作表重复（第一张是签到）"


def test_a_field_left_empty_is_empty_at_its_cell(tmp_path: pathlib.Path) -> None:
    """The record's reader finds a required field missing; the user sees the empty cell."""
    path = tmp_path / "t.xlsx"
    write_workbook(path, template_sheets("party-meeting", lang="zh"), lang="zh")
    empty = _problems(path)["选举信息!B4"]  # the rulebook
    assert empty.code == "sheet-empty"
    assert empty.reason == "empty: this must be filled in"
    assert empty.words("zh") == "空白：此处必须填写"


def test_a_csv_file_in_another_encoding_says_how_to_save_it(tmp_path: pathlib.Path) -> None:
    """Bytes neither UTF-8 nor GB18030: the officer is told, in Chinese, to save as CSV UTF-8."""
    folder = tmp_path / "支部"
    folder.mkdir()
    for name, rows in party().items():
        text = io.StringIO()
        csv.writer(text).writerows([["" if v is None else v for v in row] for row in rows])
        (folder / f"{name}.csv").write_text(text.getvalue(), encoding="utf-8")
    (folder / "签到.csv").write_bytes(b"\x81\x30\xff\xff")  # no byte-order mark: not UTF-16
    problem = _problems(folder)["签到.csv"]
    assert problem.code == "sheet-not-utf8"
    assert problem.reason == "the file is neither UTF-8 nor GB18030 text: save it as 'CSV UTF-8' (Excel) or UTF-8"
    assert "另存为" in problem.words("zh")
    assert "“CSV UTF-8（逗号分隔）”" in problem.words("zh")


def test_a_file_that_is_not_a_workbook_says_what_to_do(tmp_path: pathlib.Path) -> None:
    """Not a workbook at all: the reason in English as before, in Chinese what to do."""
    path = tmp_path / "bad.xlsx"
    path.write_text("not a zip", encoding="utf-8")
    problem = _problems(path)[""]
    assert problem.code == "sheet-cannot-read-workbook"
    assert problem.reason == "cannot read the workbook: File is not a zip file"
    assert problem.words("zh") == (
        "无法读取此工作簿：文件已损坏，或不是 xlsx 工作簿。如果 Excel 或 WPS 能打开它，"
        "请“另存为”Excel 工作簿（*.xlsx）后再试"
    )


def test_writing_sheets_and_templates_name_their_problems(tmp_path: pathlib.Path) -> None:
    """A paper that marks one person twice cannot be a row; a template of an unknown kind."""
    data = examples.load("branch")
    paper = data["ballots"]["items"][0]
    cid = next(k for k in paper if k != "spoiled")
    who = next(iter(paper[cid].values()))[0]
    paper[cid]["against"] = [*paper[cid].get("against", []), who]
    with pytest.raises(RecordError) as caught:
        record_sheets(data)
    twice = caught.value.problems[0]
    assert (twice.path, twice.code) == (f"ballots.items[0].{cid}", "sheet-marked-twice")
    assert twice.reason == f"marks '{who}' twice: a sheet has one cell for it"
    assert twice.words("zh") == f"同一张选票两次标记'{who}'：表格中每人只有一格"
    with pytest.raises(RecordError) as caught:
        template_sheets("village")
    kind = caught.value.problems[0]
    assert (kind.path, kind.code) == ("kind", "not-one-of")
    assert kind.words("zh") == (
        "'village'不是可用的值；应为以下之一：party-meeting（党员大会）、party-conference（党员代表大会）、"
        "village-committee（村民委员会）、residents-committee（居民委员会）"
    )


def test_a_result_row_without_its_person_is_one_problem(tmp_path: pathlib.Path) -> None:
    """A declared row with 当选 and 公布票数 but no person: one problem at the person's cell."""
    sheets = party()
    sheets["公布结果"][1][1] = None  # 公布结果!B2
    with pytest.raises(RecordError) as caught:
        load(workbook(tmp_path / "w.xlsx", sheets))
    at = [p for p in caught.value.problems if p.path == "公布结果!B2"]
    assert [p.code for p in at] == ["sheet-missing-person"]


def test_a_board_row_without_its_side_is_empty_not_none(tmp_path: pathlib.Path) -> None:
    """A 两委班子 row whose 班子 cell is empty: "must be filled in", never "None is not one of"."""
    from openpyxl import load_workbook

    book_path = tmp_path / "v.xlsx"
    write_workbook(book_path, record_sheets(examples.load("village")), lang="zh")
    book = load_workbook(book_path)
    sheet = book["两委班子"]
    column = next(c.column_letter for c in sheet[1] if c.value == "班子")
    sheet[f"{column}2"] = None
    book.save(book_path)
    found = _problems(book_path)
    assert found[f"两委班子!{column}2"].code == "sheet-empty"
    assert "None" not in found[f"两委班子!{column}2"].words("zh")


# --- what a review of broken workbooks and CSV folders found ------------------------------------------


def test_a_village_workbook_without_its_roll_is_one_problem(tmp_path: pathlib.Path) -> None:
    """No roll sheet, or no id column on it: one problem that says so, never a line per row of
    the roll in Python's words (a stand-in member on a villagers' roll), nor a candidate or a
    sign-in "not on the roll" of a roll that is not there."""
    sheets = village()
    del sheets["名册"]
    assert zh_lines(workbook(tmp_path / "a.xlsx", sheets)) == ["工作簿缺少名册工作表"]
    assert zh_lines(csv_folder(tmp_path / "c", sheets)) == ["文件夹中缺少名册.csv"]
    sheets = village()
    sheets["名册"][0][0] = "号码"
    lines = zh_lines(workbook(tmp_path / "b.xlsx", sheets))
    assert lines[1:] == ["名册!1:1: 缺少编号列"]
    assert lines[0].startswith("名册!A1: 未知的列'号码'")


def test_a_village_record_with_an_empty_roll_names_no_python_value() -> None:
    """A villagers' roll left empty: the candidates are not on it (a stand-in voter stands for
    each in the later checks, never a party member), in tally's words."""
    from tally.records import Record

    data = examples.load("village")
    data["roll"] = []
    with pytest.raises(RecordError) as caught:
        Record.from_dict(data)
    codes = {p.code for p in caught.value.problems}
    assert "not-instance" not in codes
    assert "not-on-roll" in codes


def test_a_workbook_without_ballots_says_so_once(tmp_path: pathlib.Path) -> None:
    """No ballots sheet nor tally sheet: said once, not again as the record's items or totals."""
    sheets = village()
    del sheets["选票"]
    assert zh_lines(workbook(tmp_path / "w.xlsx", sheets)) == ["工作簿缺少选票或计票单工作表"]


def test_the_first_of_two_is_named_at_its_cell(tmp_path: pathlib.Path) -> None:
    """An id given twice on the roll or the sign-in sheet: the first is named at its cell too."""
    sheets = party()
    sheets["名册"][2][0] = "M01"
    sheets["签到"][2][0] = "M01"
    lines = zh_lines(workbook(tmp_path / "w.xlsx", sheets))
    assert "名册!A3: 编号'M01'重复（首次出现在名册!A2）" in lines
    assert "签到!A3: 'M01'重复签到（首次出现在签到!A2）" in lines
    assert not any("roll[" in line or "present[" in line for line in lines)


def test_a_ballot_column_for_one_not_a_candidate_is_said_at_its_header(tmp_path: pathlib.Path) -> None:
    """A ballot column `chair:V99`: once, at its header, however many papers mark it."""
    sheets = village()
    sheets["选票"][0][2] = "chair:V99"
    assert zh_lines(workbook(tmp_path / "w.xlsx", sheets)) == [
        "选票!C1: 'V99'不是候选人工作表中选举项目'chair'的候选人：请改正列名，或在候选人工作表中补上这一行"
    ]


def test_a_margin_problem_is_at_its_contest(tmp_path: pathlib.Path) -> None:
    """Too few candidates for a contest: the problem is at the contest's row, not at one of its
    candidates' rows."""
    sheets = village()
    sheets["候选人"][1][0] = "nope"
    lines = zh_lines(workbook(tmp_path / "w.xlsx", sheets))
    assert any(line.startswith("职位!A2:E2: 应选1名，候选人只有1名") for line in lines), lines
    assert not any(line.startswith("候选人!A3") for line in lines)


def test_an_empty_csv_file_is_a_problem(tmp_path: pathlib.Path) -> None:
    """A sign-in file of no bytes at all is not an empty sign-in list: it is said."""
    folder = csv_folder(tmp_path / "c", village())
    (folder / "签到.csv").write_bytes(b"")
    assert zh_lines(folder) == ["签到.csv: CSV 文件是空的：第一行须为表头"]


def test_a_paper_number_given_twice_names_both_rows(tmp_path: pathlib.Path) -> None:
    """Two rows of one paper number: one paper entered twice (counted twice), or a number
    mistyped; the problem names both rows."""
    sheets = party()
    sheets["选票"][2][0] = 1
    assert zh_lines(workbook(tmp_path / "w.xlsx", sheets)) == [
        "选票!A3: 票号'1'重复（首次出现在选票!A2）：同一张选票录入了两次，或票号填错"
    ]


def test_a_json_file_in_utf16_reads_and_one_in_no_known_encoding_says_save_as_utf8(
    tmp_path: pathlib.Path,
) -> None:
    """A JSON record that Windows Notepad saved as "Unicode" (UTF-16 with its byte-order mark)
    reads; bytes in no encoding tally knows are told to be saved as UTF-8 (not as CSV), at the
    whole file (the command line names it, once)."""
    from tally.cli import main

    text = examples.text("branch")
    for codec, mark in (("utf-16-le", "\ufeff"), ("utf-16-be", "\ufeff"), ("utf-32", "")):  # utf-32 writes its own
        path = tmp_path / f"{codec}.json"
        path.write_bytes((mark + text).encode(codec))
        assert load(path).title
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\x81\x30\xff\xff")
    with pytest.raises(RecordError) as caught:
        load(bad)
    (problem,) = caught.value.problems
    assert (problem.path, problem.code) == ("", "file-not-utf8")
    assert "CSV" not in problem.words("zh")
    assert "CSV" not in problem.reason
    assert main(["check", str(bad)]) == 2


def test_csv_ballots_name_a_repeated_bad_row_once_and_a_column_by_its_letter() -> None:
    """ballots_from_csv, like the grouped reader, names a bad row at its first row with how many
    more were like it; a column given twice names the first as a spreadsheet shows it."""
    from tally import Contest
    from tally.records import ballots_from_csv, weighted_ballots_from_csv

    contest = Contest("c", seats=1, candidates=["M01", "M02"])
    rows = ["M01,M02", "q,", "✓,", "q,", "q,"]
    for read in (lambda: list(ballots_from_csv(rows, contest)), lambda: weighted_ballots_from_csv(rows, contest)):
        with pytest.raises(RecordError) as caught:
            read()
        assert [p.line("zh") for p in caught.value.problems] == [
            "ballots[1][0]: 'q'不是选票标记：请填赞成（for、y、yes、1、✓、√、○、o、同意）、"
            "不赞成（against、n、no、x、×、反对）、弃权（abstain、a、-）、无法辨认（unreadable、?）之一"
            "（另有2行有同样的问题）"
        ]
    with pytest.raises(RecordError) as caught:
        list(ballots_from_csv(["M01,M02,M01"], contest))
    assert [p.line("zh") for p in caught.value.problems] == ["ballots[0][2]: 列'M01'出现了两次（首次出现在A列）"]


def test_a_sheet_reads_every_mark_word_the_vocabulary_has(tmp_path: pathlib.Path) -> None:
    """A ballot cell holds any word or sign of the vocabulary's marks (○ and × included), read as
    a CSV file reads it: the sheets keep no words of their own."""
    from tally.records.vocabulary import VOCABULARIES

    for mark, words in VOCABULARIES["mark"].items():
        for k, word in enumerate(words):
            sheets = party()
            sheets["选票"][1][2] = word  # 选票!C2: the first paper's mark for M01
            rec = load(workbook(tmp_path / f"{mark}-{k}.xlsx", sheets))
            assert rec.items is not None
            marks = next(iter(rec.items)).sections["committee"]
            assert getattr(marks, "for_" if mark == "for" else mark) == ("M01",), (mark, word)


def test_a_csv_folder_says_files_and_names_each_cell_by_its_file(tmp_path: pathlib.Path) -> None:
    """A folder of CSV files is what the user has: a cell is named by its file (`选举信息.csv!B6`),
    a file tally does not know is named and the files it reads listed, and a missing or second
    file is said in a folder's words, never a workbook's."""
    sheets = party()
    sheets["选举信息"][5][1] = "三"  # 收回选票数: 选举信息.csv!B6
    sheets["签到表"] = sheets.pop("签到")  # a file tally does not know; so no sign-in file
    sheets["Contests"] = [["contest", "title", "seats"], ["committee", "支部委员", 1]]  # a second 职位
    del sheets["选票"]  # ... and neither ballots nor a tally sheet
    found = _problems(csv_folder(tmp_path / "c", sheets))
    assert set(found) == {"", "签到表.csv", "选举信息.csv!B6", "职位.csv"}
    with pytest.raises(RecordError) as caught:
        load(tmp_path / "c")
    lines = [p.line("zh") for p in caught.value.problems]
    assert "文件夹中缺少签到.csv" in lines
    assert "文件夹中缺少选票.csv或计票单.csv" in lines
    assert "职位.csv: 职位.csv重复（第一个是Contests.csv）" in lines  # the files are read in order of name
    unknown = found["签到表.csv"]
    assert unknown.code == "sheet-unknown-file"
    assert unknown.words("zh").startswith("未知的文件；文件夹中的 CSV 文件名应为以下之一：选举信息.csv、名册.csv、")
    assert unknown.reason.startswith("unknown file; the CSV files of a folder are 选举信息.csv (Election.csv), ")
    assert found["选举信息.csv!B6"].reason == "must be a whole number, not the string '三'"
    en = [p.line("en") for p in caught.value.problems]
    assert "the folder needs a file 签到.csv (Sign-in.csv)" in en
    assert "the folder needs a file 选票.csv (Ballots.csv) or 计票单.csv (Tally sheet.csv)" in en
    said = " ".join(lines + en)
    assert not any(word in said for word in ("工作簿", "工作表", "workbook", "the sheet", "a sheet", "unknown sheet"))


def test_a_csv_folder_names_its_files_in_the_words_of_a_cell(tmp_path: pathlib.Path) -> None:
    """A contest or candidate a ballot column names, absent from its file: the file is named
    (`职位.csv中`), as a workbook names its sheet (`职位工作表中`)."""
    sheets = party()
    sheets["选票"][0][4] = "secretary:M01"
    sheets["选票"][0][3] = "committee:M09"
    assert zh_lines(csv_folder(tmp_path / "c", sheets)) == [
        "选票.csv!D1: 'M09'不是候选人.csv中选举项目'committee'的候选人：请改正列名，或在候选人.csv中补上这一行",
        "选票.csv!E1: 'secretary'不是职位.csv中的选举项目",
    ]
    assert zh_lines(workbook(tmp_path / "w.xlsx", sheets)) == [
        "选票!D1: 'M09'不是候选人工作表中选举项目'committee'的候选人：请改正列名，或在候选人工作表中补上这一行",
        "选票!E1: 'secretary'不是职位工作表中的选举项目",
    ]


def test_a_sheet_of_a_workbook_named_as_a_csv_file_is_unknown(tmp_path: pathlib.Path) -> None:
    """Only a folder's files set `.csv` aside: a workbook's sheet `名册.csv` is no sheet of it."""
    sheets = party()
    sheets["名册.csv"] = sheets.pop("名册")
    found = _problems(workbook(tmp_path / "w.xlsx", sheets))
    assert found["名册.csv"].code == "sheet-unknown-sheet"
    assert found[""].words("zh") == "工作簿缺少名册工作表"
