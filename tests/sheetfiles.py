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
