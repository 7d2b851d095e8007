"""Workbooks and CSV folders as a person makes them, for the tests of the sheet readers: written
with openpyxl and the csv module, never with tally."""

from __future__ import annotations

import csv
import io
import pathlib
from typing import Any

import pytest
from openpyxl import Workbook

from tally import examples
from tally.errors import RecordError
from tally.records import load
from tally.records.sheets import record_sheets

Sheets = dict[str, list[list[Any]]]


def village() -> Sheets:
    """The village example as `tally convert` writes its sheets, in Chinese."""
    return {name: [list(row) for row in rows] for name, rows in record_sheets(examples.load("village"), lang="zh")}


def party(**changes: list[list[Any]]) -> Sheets:
    """A small party-meeting workbook in Chinese: three members, one contest, three papers; the
    sheets named in *changes* replaced."""
    sheets: Sheets = {
        "选举信息": [["项目", "内容"], ["标题", "某支部选举"], ["选举类型", "party-meeting"],
                 ["规则", "cpc-basic-2020"], ["选举日期", "2021-05-21"], ["收回选票数", 3]],
        "名册": [["编号", "姓名", "党籍"], ["M01", "张三", "full"], ["M02", "李四", "full"], ["M03", "王五", "full"]],
        "签到": [["编号"], ["M01"], ["M02"], ["M03"]],
        "职位": [["职位编号", "名称", "应选人数"], ["committee", "支部委员", 1]],
        "候选人": [["职位编号", "候选人编号"], ["committee", "M01"], ["committee", "M02"]],
        "选票": [["票号", "废票", "committee:M01", "committee:M02", "committee:另选他人"],
               [1, None, "赞成", None, None], [2, None, "赞成", "不赞成", None], [3, None, None, "赞成", None]],
        "公布结果": [["职位编号", "人员编号", "当选", "公布票数"],
                 ["committee", "M01", "是", 2], ["committee", "M02", "否", 1]],
    }  # fmt: skip
    sheets.update(changes)
    return sheets


def workbook(path: pathlib.Path, sheets: Sheets) -> pathlib.Path:
    """The sheets saved as an .xlsx workbook, one worksheet each, in order."""
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        for row in rows:
            ws.append(row)
    book.save(path)
    return path


def csv_folder(folder: pathlib.Path, sheets: Sheets) -> pathlib.Path:
    """The sheets saved as a folder of CSV files (UTF-8 with a BOM, as Excel saves "CSV UTF-8")."""
    folder.mkdir()
    for name, rows in sheets.items():
        text = io.StringIO()
        csv.writer(text).writerows([["" if v is None else v for v in row] for row in rows])
        (folder / f"{name}.csv").write_text(text.getvalue(), encoding="utf-8-sig")
    return folder


def zh_lines(source: pathlib.Path) -> list[str]:
    """The problems of loading *source*, each as a line in Chinese."""
    with pytest.raises(RecordError) as caught:
        load(source)
    return [p.line("zh") for p in caught.value.problems]
