"""Records from workbooks and CSV folders, and the command line that reads them (issue 13)."""

from __future__ import annotations

import csv
import io
import json
import pathlib
import subprocess
import sys
from typing import Any

import jsonschema
import pytest
from openpyxl import load_workbook

from sheetfiles import party, workbook
from tally import examples
from tally.catalogue import FIELDS
from tally.cli import language, main
from tally.cli_words import WORDS
from tally.errors import RecordError
from tally.records import Record, load, schema
from tally.records.sheets import (
    INSTRUCTIONS,
    SHEETS,
    TEMPLATE_KINDS,
    record_sheets,
    template_sheets,
    write_csv_folder,
    write_workbook,
)

Capture = pytest.CaptureFixture[str]


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests choose the language; the machine's locale does not."""
    monkeypatch.setenv("TALLY_LANG", "en")


def _cells(path: pathlib.Path) -> dict[str, list[list[Any]]]:
    book = load_workbook(path)
    return {ws.title: [list(row) for row in ws.iter_rows(values_only=True)] for ws in book.worksheets}


def _workbook(path: pathlib.Path, sheets: dict[str, list[list[Any]]]) -> str:
    """A workbook as a person would make it (tests/sheetfiles.py), as the command line takes it."""
    return str(workbook(path, sheets))




# --- the round trip --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", examples.NAMES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_example_goes_to_a_workbook_and_back(tmp_path: pathlib.Path, name: str, lang: str) -> None:
    """JSON → xlsx → JSON gives an equal record (``to_dict()``), and xlsx → JSON → xlsx gives
    equal cell values, for every built-in example, in both languages."""
    original = Record.from_dict(examples.load(name))
    first = tmp_path / "first.xlsx"
    assert main(["convert", _json(tmp_path, name), "-o", str(first), "--lang", lang]) == 0
    back = tmp_path / "back.json"
    assert main(["convert", str(first), "-o", str(back)]) == 0
    assert load(back).to_dict() == original.to_dict()
    second = tmp_path / "second.xlsx"
    assert main(["convert", str(back), "-o", str(second), "--lang", lang]) == 0
    assert _cells(second) == _cells(first)


def _json(tmp_path: pathlib.Path, name: str) -> str:
    path = tmp_path / f"{name}.json"
    path.write_text(examples.text(name), encoding="utf-8")
    return str(path)


def test_a_csv_folder_goes_to_json_and_back(tmp_path: pathlib.Path) -> None:
    """JSON → CSV folder → JSON gives an equal record; the files are UTF-8 with a BOM."""
    original = Record.from_dict(examples.load("village"))
    folder = tmp_path / "village"
    assert main(["convert", _json(tmp_path, "village"), "-o", str(folder), "--lang", "zh"]) == 0
    assert (folder / "名册.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert load(folder).to_dict() == original.to_dict()


def test_a_paper_marking_one_person_twice_cannot_be_a_row() -> None:
    """A sheet has one cell per candidate: a paper marking one twice is refused with its path,
    never written as something else."""
    data = examples.load("branch")
    data["ballots"]["items"][0]["committee"] = {"for": ["M01"], "against": ["M01"]}
    with pytest.raises(RecordError) as caught:
        record_sheets(data, lang="zh")
    assert [p.path for p in caught.value.problems] == ["ballots.items[0].committee"]


def test_marks_out_of_ballot_order_are_noted(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """A paper's marks come back in ballot order; convert says so once, and the count is the same."""
    data = examples.load("branch")
    first = data["ballots"]["items"][1]["committee"]
    first["for"] = list(reversed(first["for"]))
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["convert", str(path), "-o", str(tmp_path / "r.xlsx")]) == 0
    assert capsys.readouterr().err.count("ballot order") == 1
    assert load(tmp_path / "r.xlsx").verify().agrees


# --- reading as staff keep the files ------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_verify_a_workbook_made_with_openpyxl(tmp_path: pathlib.Path, lang: str, capsys: Capture) -> None:
    """A workbook written by openpyxl (no tally) verifies: exit 0, the report in the language."""
    path = _workbook(tmp_path / "支部.xlsx", party())
    assert main(["verify", path, "--lang", lang]) == 0
    out = capsys.readouterr().out
    assert ("复核结果与公布结果一致" if lang == "zh" else "The recount agrees with what was declared.") in out


def _csv_folder(folder: pathlib.Path, sheets: dict[str, list[list[Any]]], encoding: str) -> pathlib.Path:
    folder.mkdir()
    for name, rows in sheets.items():
        text = io.StringIO()
        csv.writer(text).writerows([["" if v is None else v for v in row] for row in rows])
        (folder / f"{name}.csv").write_bytes(text.getvalue().encode(encoding))
    return folder


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_csv_saved_as_gb18030_is_read_with_a_note(tmp_path: pathlib.Path, lang: str, capsys: Capture) -> None:
    """CSV files saved as GBK/GB18030 (Excel's default in China) are read, and the output says so:
    a note on stderr, and ``notes`` in the JSON result."""
    folder = _csv_folder(tmp_path / "支部", party(), "gb18030")
    assert main(["verify", str(folder), "--lang", lang]) == 0
    err = capsys.readouterr().err
    assert ("已按 GB18030（GBK）读取" if lang == "zh" else "it was read as GB18030") in err
    assert main(["verify", str(folder), "--lang", lang, "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["agrees"] is True
    assert any("GB18030" in note for note in result["notes"])
    jsonschema.validate(result, schema("result"))


def test_csv_saved_as_utf8_with_a_bom_is_read_quietly(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """UTF-8 with a byte-order mark (Excel's "CSV UTF-8") is plain UTF-8: no note."""
    folder = _csv_folder(tmp_path / "支部", party(), "utf-8-sig")
    assert main(["verify", str(folder)]) == 0
    assert capsys.readouterr().err == ""


def test_a_file_neither_utf8_nor_gb18030_says_what_to_save_as(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """Bytes that are neither: exit 2, and the error names the file and the encoding to save in."""
    folder = _csv_folder(tmp_path / "支部", party(), "utf-8")
    (folder / "签到.csv").write_bytes(b"\x81\x30\xff\xff")  # no byte-order mark: not UTF-16
    assert main(["verify", str(folder)]) == 2
    assert "签到.csv: the file is neither UTF-8 nor GB18030 text: save it as 'CSV UTF-8'" in capsys.readouterr().err


def test_json_with_a_bom_or_in_gb18030_is_read(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """A JSON record that Notepad saved with a BOM reads; one in GB18030 reads with a note."""
    bom = tmp_path / "bom.JSON"
    bom.write_bytes(b"\xef\xbb\xbf" + examples.text("branch").encode())
    gbk = tmp_path / "gbk.json"
    gbk.write_bytes(examples.text("branch").encode("gb18030"))
    assert main(["verify", str(bom)]) == 0
    assert capsys.readouterr().err == ""
    assert main(["verify", str(gbk)]) == 0
    assert "gbk.json is not UTF-8; it was read as GB18030" in capsys.readouterr().err


def test_full_width_ids_and_marks_are_folded_and_said_once(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """Full-width ids (Ｍ０１), marks and digits are NFKC-folded, names trimmed, and the output
    says so once, naming the first cell changed."""
    sheets = party()
    sheets["签到"] = [["编号"], ["Ｍ０１"], [" M02 "], ["Ｍ03"]]
    sheets["名册"][1][1] = " 张三 "
    sheets["选票"][1][2] = "√"
    sheets["选票"][3][3] = "○"
    path = _workbook(tmp_path / "w.xlsx", sheets)
    rec = load(path)
    assert rec.present == ("M01", "M02", "M03")
    assert rec.roll.members[0].name == "张三"  # type: ignore[union-attr]
    assert main(["verify", path]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"tally: {path}: note: full-width characters were folded in 2 cells (the first: 签到!A2)",
        f"tally: {path}: note: spaces were trimmed at either end of 2 cells (the first: 名册!B2)",
    ]


def test_english_sheet_and_column_names_are_read_too(tmp_path: pathlib.Path) -> None:
    """Sheet and column names in English are accepted, mixed with Chinese ones."""
    sheets = party()
    sheets["Roll"] = [["id", "name", "standing"], *sheets.pop("名册")[1:]]
    sheets["Sign-in"] = [["id"], *sheets.pop("签到")[1:]]
    assert load(_workbook(tmp_path / "w.xlsx", sheets)).verify().agrees


def test_excel_numbers_and_dates_are_read_as_the_user_sees_them(tmp_path: pathlib.Path) -> None:
    """A numeric id cell (1001) is the id "1001"; a date cell is the date; yes/no as Excel's TRUE."""
    import datetime

    sheets = party()
    sheets["选举信息"][4][1] = datetime.datetime(2021, 5, 21)
    sheets["名册"] = [["编号", "姓名"], [1001, "张三"], [1002, "李四"], [1003, "王五"]]
    sheets["签到"] = [["编号"], [1001], [1002], [1003]]
    sheets["候选人"] = [["职位编号", "候选人编号"], ["committee", 1001], ["committee", 1002]]
    sheets["选票"][0][2:4] = ["committee:1001", "committee:1002"]
    sheets["公布结果"] = [["职位编号", "人员编号", "当选"], ["committee", 1001, True], ["committee", 1002, False]]
    rec = load(_workbook(tmp_path / "w.xlsx", sheets))
    assert rec.day.isoformat() == "2021-05-21"
    assert rec.present == ("1001", "1002", "1003")
    assert rec.verify().agrees


# --- a broken workbook: every error at its cell -----------------------------------------------------


def test_every_error_of_a_broken_workbook_names_its_cell(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """Each problem is shown at the cell the user sees (sheet!column row), all at once."""
    sheets = party()
    sheets["名册"][2][2] = "党员"  # 名册!C3: full or probationary? not a standing the record knows
    sheets["签到"].append(["M0\u200b4"])  # 签到!A5: an invisible character
    sheets["选票"][2][3] = "maybe"  # 选票!D3: not a mark
    sheets["选票"][3][1] = "也许"  # 选票!B4: not yes or no
    sheets["公布结果"][1][3] = "两"  # 公布结果!D2: not a number
    sheets["职位"][0].append("颜色")  # 职位!D1: an unknown column
    sheets["选举信息"].append(["天气", "晴"])  # 选举信息!A7: an unknown item
    sheets["选举信息"][4][1] = "2021-13-01"  # 选举信息!B5: not a date
    path = _workbook(tmp_path / "w.xlsx", sheets)
    with pytest.raises(RecordError) as caught:
        load(path)
    cells = sorted(p.path for p in caught.value.problems)
    expected = ["名册!C3", "签到!A5", "选票!D3", "选票!B4", "公布结果!D2", "职位!D1", "选举信息!A7", "选举信息!B5"]
    assert cells == sorted(expected), caught.value.problems
    assert main(["verify", path]) == 2
    err = capsys.readouterr().err
    assert f"tally: {path}: 选票!D3: 'maybe' is not a mark" in err
    assert "roll[" not in err
    assert "ballots.items" not in err


def test_roll_and_sign_in_errors_name_their_cells(tmp_path: pathlib.Path) -> None:
    """A duplicate id on the roll and a sign-in of someone not on it, each at its cell."""
    sheets = party()
    sheets["名册"].append(["M01", "重复", "full"])
    with pytest.raises(RecordError) as caught:
        load(_workbook(tmp_path / "a.xlsx", sheets))
    assert [p.path for p in caught.value.problems] == ["名册!A5"]
    sheets = party()
    sheets["签到"].append(["M99"])
    with pytest.raises(RecordError) as caught:
        load(_workbook(tmp_path / "b.xlsx", sheets))
    assert [p.path for p in caught.value.problems] == ["签到!A5"]


def test_a_column_for_one_who_is_not_a_candidate_is_said_once_at_its_header(
    tmp_path: pathlib.Path, capsys: Capture
) -> None:
    """A column for someone who is not a candidate of its contest is said once, at its header,
    not once for every paper that marks it; so is a column for a contest that the round does
    not hold; both in one run."""
    sheets = party()
    sheets["选票"][0].append("committee:M03")
    sheets["选票"][2].append("赞成")
    sheets["选票"][0].append("secretary:M01")
    sheets["选票"][3].extend([None, "赞成"])
    path = _workbook(tmp_path / "w.xlsx", sheets)
    with pytest.raises(RecordError) as caught:
        load(path)
    assert [str(p) for p in caught.value.problems] == [
        "选票!F1: 'M03' is not a candidate of 'committee' on the sheet 候选人: mend the header, or add the row there",
        "选票!G1: 'secretary' is not a contest of the sheet 职位",
    ]
    del sheets["选票"][0][-1], sheets["选票"][3][-2:]
    path = _workbook(tmp_path / "w.xlsx", sheets)
    with pytest.raises(RecordError) as caught:
        load(path)
    assert [p.path for p in caught.value.problems] == ["选票!F1"]
    assert main(["verify", path]) == 2
    assert f"{path}: 选票!F1: 'M03' is not a candidate of 'committee'" in capsys.readouterr().err


def test_missing_sheets_are_named(tmp_path: pathlib.Path) -> None:
    """A workbook without the roll or the ballots says which sheets it needs."""
    sheets = party()
    del sheets["名册"], sheets["选票"]
    with pytest.raises(RecordError) as caught:
        load(_workbook(tmp_path / "w.xlsx", sheets))
    reasons = [p.reason for p in caught.value.problems]
    assert "the workbook needs a sheet 名册 (Roll)" in reasons
    assert "the workbook needs a sheet 选票 (Ballots) or 计票单 (Tally sheet)" in reasons


def test_not_a_workbook_is_our_error(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """A file named .xlsx that is not one: exit 2 and one line, no traceback."""
    path = tmp_path / "bad.xlsx"
    path.write_text("not a zip", encoding="utf-8")
    assert main(["verify", str(path)]) == 2
    err = capsys.readouterr().err
    assert "cannot read the workbook" in err
    assert "Traceback" not in err


# --- templates -------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", TEMPLATE_KINDS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_template_has_the_sheets_of_its_kind(tmp_path: pathlib.Path, kind: str, lang: str) -> None:
    """`tally template KIND` writes the instructions first, then the sheets of that kind, with
    headers in the language and a drop-down list on every enumerated column."""
    path = tmp_path / "t.xlsx"
    assert main(["template", kind, "-o", str(path), "--lang", lang]) == 0
    book = load_workbook(path)
    names = book.sheetnames
    assert names[0] == INSTRUCTIONS[lang]
    by_key = {s.key: (s.zh if lang == "zh" else s.en) for s in SHEETS}
    party = kind.startswith("party")
    assert (by_key["exclusions"] in names) == party
    assert (by_key["proxies"] in names) == (by_key["mobile"] in names) == (not party)
    for key in ("settings", "roll", "present", "contests", "candidates", "ballots", "tally", "votes", "declared"):
        assert by_key[key] in names
    roll = book[by_key["roll"]]
    lists = {str(dv.sqref).split(":")[0][0]: dv.formula1 for dv in roll.data_validations.dataValidation}
    header = [c.value for c in roll[1]]
    sex = "ABCDEFGHIJ"[header.index("性别" if lang == "zh" else "sex")]
    assert lists[sex] == '"F,M"'
    assert book[by_key["settings"]]["B3"].value == kind
    assert book[by_key["ballots"]].data_validations.dataValidation  # marks: a drop-down list too


def test_template_sheets_read_back_as_a_record_to_fill_in(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """An empty template is a broken record whose errors name the cells to fill in."""
    path = tmp_path / "t.xlsx"
    write_workbook(path, template_sheets("party-meeting", lang="zh"), lang="zh")
    assert main(["verify", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}: 选举信息!B4: empty: this must be filled in" in err  # the rulebook


# --- many records and the command line -----------------------------------------------------------


def test_a_folder_counts_json_xlsx_and_csv_folders(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """In a folder, .JSON and .xlsx files count, a folder of CSV sheets counts as one record,
    Excel's lock files do not; --format json prints one result per record (JSON Lines)."""
    (tmp_path / "a.JSON").write_text(examples.text("branch"), encoding="utf-8")
    write_workbook(tmp_path / "b.xlsx", record_sheets(examples.load("village"), lang="zh"), lang="zh")
    write_csv_folder(tmp_path / "c", record_sheets(examples.load("residents"), lang="en"))
    (tmp_path / "~$b.xlsx").write_bytes(b"lock")
    assert main(["verify", str(tmp_path), "--format", "json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(pathlib.Path(line["record"]).name, line["status"], line["result"]["agrees"]) for line in lines] == [
        ("a.JSON", 0, True),
        ("b.xlsx", 0, True),
        ("c", 0, True),
    ]
    for line in lines:
        jsonschema.validate(line["result"], schema("result"))


def test_many_records_in_chinese(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """--lang zh gives the Chinese table and summary for several records."""
    for name in ("branch", "void"):
        (tmp_path / f"{name}.json").write_text(examples.text(name), encoding="utf-8")
    assert main(["verify", str(tmp_path), "--lang", "zh"]) == 1
    out = capsys.readouterr().out
    assert "2份记录：1份一致，1份不一致，0份记录有误" in out
    assert "不一致：本轮选举无效" in out


def test_a_broken_record_among_many_in_json_lines(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """A broken record's line lists all its problems; the exit status is the worst."""
    (tmp_path / "a.json").write_text(examples.text("branch"), encoding="utf-8")
    (tmp_path / "b.json").write_text("{", encoding="utf-8")
    assert main(["verify", str(tmp_path), "--format", "json"]) == 2
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines[1]["status"] == 2
    assert lines[1]["problems"][0]["reason"].startswith("the file is not JSON")


def test_a_folder_with_no_record_is_an_error(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """An empty folder: exit 2 and a message, not "0 records" and exit 0."""
    assert main(["verify", str(tmp_path)]) == 2
    assert "no record found" in capsys.readouterr().err
    assert main(["compliance", str(tmp_path)]) == 2


def test_an_error_flood_is_cut_at_20(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """A roll with numeric ids gives a problem per member: 20 are printed, then how many more;
    --format json prints them all."""
    data = examples.load("ex-p-01")
    for member in data["roll"]:
        member["id"] = 7
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["verify", str(path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 21
    assert err[-1].startswith(f"tally: {path}: ... and ")
    assert "more problems" in err[-1]
    assert main(["verify", str(path), "--format", "json"]) == 2
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert len(problems) == 20 + int(err[-1].split("and ")[1].split()[0])


def test_compliance_reads_standard_input_and_prints_json() -> None:
    """`tally example village | tally compliance - --format json`: the checks as JSON."""
    done = subprocess.run(
        [sys.executable, "-m", "tally", "compliance", "-", "--format", "json"],
        input=examples.text("village").encode(),
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["records"] == 1
    assert out["broken"] == []
    assert {"committee-size", "women"} <= {row["check"] for row in out["checks"]}
    assert all(row["met"] + row["not met"] + row["cannot tell"] + row["not applicable"] >= 1 for row in out["checks"])


def test_a_closed_pipe_ends_quietly() -> None:
    """`tally example village | head -1`: no traceback, and tally ends 0 or as SIGPIPE would (141)."""
    script = f"set -o pipefail; {sys.executable} -m tally example village | head -1; echo status=$? >&2"
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=False)
    assert done.stdout == "{\n"
    assert "Traceback" not in done.stderr, done.stderr
    assert "Exception" not in done.stderr, done.stderr
    assert done.stderr.strip() in ("status=0", "status=141")


def test_a_big_output_into_a_closed_pipe_ends_quietly(tmp_path: pathlib.Path) -> None:
    """Output far larger than a pipe's buffer, cut by head: exit 141, quietly."""
    for i in range(40):
        (tmp_path / f"v{i:02}.json").write_text(examples.text("village"), encoding="utf-8")
    script = (
        f"{sys.executable} -m tally verify {tmp_path} --format json | head -c 10 >/dev/null; echo $" + "{PIPESTATUS[0]}"
    )
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=False)
    assert done.stdout.strip() == "141"
    assert done.stderr == ""


def test_rulebooks_show_only_the_fields_of_their_kind(capsys: Capture) -> None:
    """A party preset shows the quorum and not the turnout; a village preset the reverse; each
    field with its Chinese name and its rule IDs."""
    assert main(["rulebooks", "cpc-basic-2020"]) == 0
    party = capsys.readouterr().out
    assert "会议有效的到会比例" in party
    assert "quorum " in party
    assert "turnout" not in party
    assert "proxy_cap" not in party
    assert main(["rulebooks", "village-national-2018", "--lang", "zh"]) == 0
    village = capsys.readouterr().out
    assert "选举有效的参加投票比例" in village
    assert "V-19" in village
    assert "quorum_inclusive" not in village


def test_every_rulebook_field_has_a_chinese_name_and_a_kind() -> None:
    """Every field of the Rulebook with rules (FIELD_RULES) has its Chinese and English name in
    the catalogue, and concerns some kind of body."""
    import attrs

    from tally import Kind, Rulebook
    from tally._rulebook import FIELD_RULES
    from tally.cli import applies

    names = [f.name for f in attrs.fields(Rulebook)]
    assert sorted(FIELD_RULES) == sorted(n for n in names if n not in ("id", "kind", "title"))
    for name in FIELD_RULES:
        assert FIELDS[name]["zh"], name
        assert FIELDS[name]["en"], name
        assert any(applies(name, kind.value) for kind in Kind), name  # an election's or a deciding meeting's


def test_every_word_of_the_command_line_is_in_both_languages() -> None:
    """Each key of the command line's words has Chinese and English, and no other language."""
    for key, words in WORDS.items():
        assert set(words) == {"zh", "en"}, key
        assert words["zh"].strip(), key
        assert words["en"].strip(), key


def test_the_language_comes_from_the_option_the_environment_or_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """--lang, else TALLY_LANG, else LC_ALL/LC_MESSAGES/LANG beginning with zh, else English."""
    assert language("en", {"TALLY_LANG": "zh"}) == "en"
    assert language(None, {"TALLY_LANG": "zh", "LANG": "en_US.UTF-8"}) == "zh"
    assert language(None, {"LC_ALL": "zh_CN.GB18030", "LANG": "en_US"}) == "zh"
    assert language(None, {"LC_ALL": "", "LANG": "zh_TW.UTF-8"}) == "zh"
    assert language(None, {}) == "en"


def test_an_unknown_tally_lang_is_an_error(monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    """TALLY_LANG=fr is refused with the languages tally speaks, not taken as English."""
    monkeypatch.setenv("TALLY_LANG", "fr")
    assert main(["example"]) == 2
    assert "TALLY_LANG='fr' is not a language tally speaks: zh, en" in capsys.readouterr().err


def test_the_locale_gives_chinese_output(
    monkeypatch: pytest.MonkeyPatch, tmp_path: pathlib.Path, capsys: Capture
) -> None:
    """With LANG=zh_CN.UTF-8 and no TALLY_LANG, the report is in Chinese."""
    monkeypatch.delenv("TALLY_LANG")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert main(["verify", _json(tmp_path, "branch")]) == 0
    assert "复核结果与公布结果一致" in capsys.readouterr().out
