"""The problems of records, files and CSV sheets, in Chinese and English (issue 13): each has a
code of the catalogue, a path and the same words as before in English."""

from __future__ import annotations

import io
import json
import pathlib

import pytest

from tally import Contest
from tally.cli import main
from tally.errors import Problem, RecordError, RuleError
from tally.examples import load as example
from tally.examples import text
from tally.records import Record, load, weighted_ballots_from_csv

Capture = pytest.CaptureFixture[str]


def _problems(data: object) -> dict[str, Problem]:
    """The problems of a record in parsed JSON, by path."""
    with pytest.raises((RecordError, RuleError)) as caught:
        Record.from_dict(data)
    return {p.path: p for p in caught.value.problems}


def test_a_missing_field_has_the_code_the_sheets_map_to_an_empty_cell() -> None:
    """A required field left out is ``missing``, an unknown one is named, and a value of the
    wrong kind is named by its kind in either language."""
    data = example("branch")
    del data["present"]
    data["prsent"] = []
    data["roll"][0]["born"] = 5
    found = _problems(data)
    assert (found["present"].code, found["present"].reason) == ("missing", "missing")
    assert found["present"].words("zh") == "缺少此项（必须填写）"
    assert found["prsent"].code == "json-unknown-field"
    assert found["prsent"].words("zh") == "记录格式中没有这一项（请检查拼写）"
    born = found["roll[0].born"]
    assert born.reason == "must be a date YYYY-MM-DD, not the number 5"
    assert born.words("zh") == "应为日期，写作“年-月-日”（如2026-05-21），而不是数字 5"


def test_an_unknown_word_lists_the_accepted_words_in_either_language() -> None:
    """A word the vocabulary does not know names the canonical values with their Chinese words,
    joined as each language joins a list."""
    data = example("branch")
    data["roll"][1]["sex"] = "X"
    problem = _problems(data)["roll[1].sex"]
    assert problem.code == "not-a-word"
    assert problem.reason == "'X' is not one of F (女), M (男)"
    assert problem.words("zh") == "'X'不是可用的值；应为以下之一：F（女）、M（男）"


def test_a_rulebook_for_another_kind_names_both_kinds_in_the_catalogue_s_words() -> None:
    """A preset of one kind of body for a record of another: the kinds in each language's words."""
    data = example("branch")
    data["kind"] = "village-committee"
    problem = _problems(data)["rulebook"]
    assert problem.code == "record-rulebook-for-other-kind"
    assert problem.reason == (
        "'cpc-basic-2020' is a rulebook for a party-member meeting, but the record is for a villager committee election"
    )
    assert problem.words("zh") == "规则集'cpc-basic-2020'用于党员大会，而本记录是村民委员会选举的记录"


def test_a_rulebook_field_shows_its_form_with_chinese_words_in_chinese() -> None:
    """``post_margins`` of the wrong form: the example in Chinese names a post in Chinese (which
    the reader takes)."""
    data = example("village")
    data["rules"] = {"post_margins": 3}
    problem = _problems(data)["rules.post_margins"]
    assert problem.code == "rules-not-margins"
    assert problem.reason == 'must be an object such as {"chair": [1, 1], "*": [1, null]}, not the number 3'
    assert problem.words("zh") == '应为对象，如{"主任": [1, 1], "*": [1, null]}，而不是数字 3'
    data["rules"] = {"post_margins": {"主任": [1, 1], "*": [1, None]}}
    assert "rules.post_margins" not in (p.path for p in Record.check(data))


def test_papers_that_came_again_are_named_once_with_how_many_more(tmp_path: pathlib.Path) -> None:
    """A record file's equal bad papers (streamed, grouped) are one problem at the first, with
    how many more there were, in either language."""
    data = example("branch")
    bad = {"committee": {"for": 7}}
    data["ballots"]["items"][2:5] = [bad, bad, bad]
    path = tmp_path / "record.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RecordError) as caught:
        load(path)
    (problem,) = caught.value.problems
    assert (problem.path, problem.code, problem.more, problem.unit) == (
        "ballots.items[2].committee.for",
        "not-id-list",
        2,
        "papers",
    )
    assert problem.reason == "must be a list of ids, not the number 7 (and 2 more papers like it)"
    assert problem.words("zh") == "应为编号列表，而不是数字 7（另有2张选票有同样的问题）"


def test_csv_rows_that_came_again_are_named_once_with_how_many_more() -> None:
    """The same for the rows of a ballots CSV file; the marks are listed in each language."""
    contest = Contest("c", seats=1, candidates=["M01", "M02"])
    with pytest.raises(RecordError) as caught:
        weighted_ballots_from_csv(["M01,M02", "✓,maybe", "✓,", "✓,maybe", "✓,maybe"], contest)
    (problem,) = caught.value.problems
    assert (problem.path, problem.code, problem.more, problem.unit) == ("ballots[1][1]", "csv-not-a-mark", 2, "rows")
    assert problem.reason == (
        "'maybe' is not a mark: use one of for (y, yes, 1, ✓, √, ○, o, 赞成, 同意), "
        "against (n, no, x, ×, 不赞成, 反对), abstain (a, -, 弃权), unreadable (?, 无法辨认) (and 2 more rows like it)"
    )
    assert problem.words("zh") == (
        "'maybe'不是选票标记：请填赞成（for、y、yes、1、✓、√、○、o、同意）、"
        "不赞成（against、n、no、x、×、反对）、弃权（abstain、a、-）、无法辨认（unreadable、?）之一（另有2行有同样的问题）"
    )


@pytest.mark.parametrize(
    ("raw", "code", "en", "zh"),
    [
        (
            b'{"format": "tally.record/1" "kind": 1}',
            "file-not-json",
            "the file is not JSON: Expecting ',' delimiter at line 1 column 29",
            "文件不是有效的 JSON：第1行第29列缺少逗号",
        ),
        (
            b'{"collected": NaN}',
            "file-not-json-value",
            "the file is not JSON: NaN is not a JSON value",
            "文件不是有效的 JSON：JSON 中没有NaN这样的值",
        ),
        (
            b"[" * 100_000,
            "file-too-deep",
            "the file is not JSON that tally can read: its lists and objects are nested too deeply",
            "文件无法按 JSON 读取：列表和对象嵌套的层数太多",
        ),
        (
            b"\n" + b"9" * 5000,
            "file-number-too-long",
            "the file is not JSON that tally can read: a number of 5,000 digits at line 2 column 1 "
            "(at most 4,300 digits)",
            "文件无法按 JSON 读取：第2行第1列的数有5,000位（最多4,300位）",
        ),
    ],
)
def test_a_file_that_is_not_json_says_where_in_either_language(raw: bytes, code: str, en: str, zh: str) -> None:
    """A file tally cannot read as JSON: at the path ``""``, with the line and column where
    there is one, and in Chinese what is wrong there."""
    with pytest.raises(RecordError) as caught:
        load(io.BytesIO(raw))
    (problem,) = caught.value.problems
    assert (problem.path, problem.code, problem.reason, problem.words("zh")) == ("", code, en, zh)


def test_a_file_that_cannot_be_read_says_why_in_either_language(tmp_path: pathlib.Path) -> None:
    """A file that is not there, and a workbook in a format tally does not read: what to do."""
    with pytest.raises(RecordError) as caught:
        load(tmp_path / "missing.json")
    (problem,) = caught.value.problems
    assert (problem.code, problem.reason) == ("file-cannot-read", "cannot read the file: No such file or directory")
    assert problem.words("zh") == "无法读取文件：文件不存在（请检查文件名和所在的文件夹）"
    with pytest.raises(RecordError) as caught:
        load(tmp_path / "选举.xls")
    (problem,) = caught.value.problems
    assert problem.code == "file-not-xlsx"
    assert problem.reason == "tally reads .xlsx workbooks, not .xls: save it as an Excel workbook (.xlsx)"
    assert problem.words("zh").endswith("请在 Excel 或 WPS 中另存为 Excel 工作簿（.xlsx）")


def test_a_meeting_that_decides_has_no_next_round(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """``tally next`` on a sitting of a meeting that decides: a problem at ``kind`` (exit 2)."""
    from tally.cli import _election

    path = tmp_path / "assembly.json"
    path.write_text(text("villager-assembly"), encoding="utf-8")
    assert main(["next", "--lang", "en", str(path)]) == 2
    reason = "'villager-assembly' is a meeting that decides (motions, not contests): this command is for elections"
    assert capsys.readouterr().err == f"tally: {path}: kind: {reason}\n"
    with pytest.raises(RecordError) as caught:
        _election(load(path))
    (problem,) = caught.value.problems
    assert (problem.path, problem.code, problem.reason) == ("kind", "record-kind-decides-command", reason)
    assert problem.words("zh") == "'villager-assembly'是表决事项的会议，没有选举项目：此命令只用于选举"
