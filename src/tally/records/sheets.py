"""Workbooks and CSV folders: the election record as election staff keep it, one sheet a table.

This module is a translator. It reads the sheets of a workbook (``.xlsx``) or of a folder of CSV
files into the record's JSON form, then hands that to :meth:`Record.from_dict`, so that every
check of the record applies unchanged. It keeps a map from record paths back to the cells they
came from, and every problem is shown at the cell the user sees: ``选票!C12`` (the sheet, the
column letter and the row number as Excel shows them), never as an internal path.

Sheet and column names are fixed per language (Chinese and English) and both languages are
accepted on reading. Ids and marks are compared after Unicode NFKC (full-width digits, letters
and punctuation fold to ASCII) and trimmed; names are trimmed; each change is noted once.

openpyxl reads and writes the ``.xlsx`` files (with data validation, no Excel needed); large
ballot sheets stream (``read_only=True``).

>>> from tally.examples import load
>>> from tally.records import Record
>>> rec = Record.from_dict(load("branch"))
>>> sheets = record_sheets(rec.to_dict(), lang="zh")
>>> [name for name, _ in sheets][:4]
['选举信息', '名册', '签到', '不计入应到会']
>>> sheets[1][1][:2]
[['编号', '姓名', '性别', '出生日期', '党籍', '党员权利'], ['M01', '张伟', 'M', None, 'full', 'full']]
>>> data, where, _, problems = read_sheets(sheets)
>>> Record.from_dict(data) == rec, problems
(True, [])
>>> where.cell("roll[0].name"), where.cell("ballots.items[3].committee.for[1]")
('名册!B2', '选票!D5')
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime
import io
import json
import pathlib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal

import attrs

from .._ids import canonical_id, id_problem
from .._rulebook import PRESETS
from .._values import Quoted, Word, shown
from ..errors import Problem, RecordError
from .files import os_reason
from .record import RECORD_FORMAT, Note
from .vocabulary import VOCABULARIES, mark_choices, read_word

__all__ = [
    "INSTRUCTIONS",
    "SHEETS",
    "TEMPLATE_KINDS",
    "Locator",
    "decode",
    "read_csv_folder",
    "read_sheets",
    "read_workbook",
    "record_sheets",
    "template_sheets",
    "write_csv_folder",
    "write_workbook",
]

Lang = Literal["zh", "en"]
Rows = list[list[Any]]

# --- the layout: sheets and columns, in both languages -------------------------------------------
#
# A column's ``kind`` says how a cell becomes JSON: ``id`` (NFKC, trimmed), ``name`` (trimmed),
# ``word`` (an enumerated field: NFKC, trimmed, passed through for the record's reader to judge),
# ``bool`` (是/否, yes/no), ``date`` (an Excel date, or text written year first: :func:`year_first`),
# ``int``, ``json`` (the ``extra`` of the record format, as JSON text) and ``relatives``
# (``V02:spouse; V03:parent``).


@attrs.frozen
class Column:
    """One column of a sheet: the record's field (``key``), its header in Chinese and English,
    how a cell is read (``kind``) and, for a drop-down list, the field whose words it offers."""

    key: str
    zh: str
    en: str
    kind: str = "name"
    choices: str | None = None
    required: bool = False


@attrs.frozen
class Sheet:
    """One sheet: its ``key`` in the record, its names, its columns, and for which kinds of
    election a template holds it (``party``, ``village``; both when empty)."""

    key: str
    zh: str
    en: str
    columns: tuple[Column, ...]
    bodies: tuple[str, ...] = ("party", "village")


_EXTRA = Column("extra", "附加数据", "extra", "json")

SETTINGS = Sheet(
    "settings",
    "选举信息",
    "Election",
    (Column("item", "项目", "item", "name", required=True), Column("value", "内容", "value", "name")),
)
# The rows of the settings sheet: (path in the record, Chinese, English, kind, choices, bodies).
SETTING_ROWS: tuple[tuple[str, str, str, str, str | None, tuple[str, ...]], ...] = (
    ("title", "标题", "title", "name", None, ("party", "village")),
    ("kind", "选举类型", "kind", "word", "kind", ("party", "village")),
    ("rulebook", "规则", "rulebook", "word", "rulebook", ("party", "village")),
    ("mode", "投票方式", "mode", "word", "mode", ("residents",)),
    ("day", "选举日期", "day", "date", None, ("party", "village")),
    ("ballots.collected", "收回选票数", "ballots collected", "int", None, ("party", "village")),
    ("ballots.issued", "发出选票数", "ballots issued", "int", None, ()),
    ("timeline.published", "选民名单公布日期", "voter list published", "date", None, ()),
    ("board.population", "人口", "population", "int", None, ()),
    ("board.party_members", "党员人数", "party members", "int", None, ()),
    ("extra", "附加数据", "extra", "json", None, ()),
)
_RULES_FIELD = Quoted("rules.FIELD", "rules.规则字段名")
"""A rule override's item on the settings sheet, as a problem names it."""

SHEETS: tuple[Sheet, ...] = (
    SETTINGS,
    Sheet(
        "roll",
        "名册",
        "Roll",
        (
            Column("id", "编号", "id", "id", required=True),
            Column("name", "姓名", "name"),
            Column("sex", "性别", "sex", "word", "sex"),
            Column("born", "出生日期", "born", "date"),
            Column("standing", "党籍", "standing", "word", "standing"),
            Column("rights", "党员权利", "rights", "word", "rights"),
            Column("registration", "登记类别", "registration", "word", "registration"),
            Column("household", "户号", "household", "id"),
            Column("party_member", "党员", "party member", "bool"),
            Column("deprived", "被剥夺政治权利", "deprived", "bool"),
            Column("relatives", "亲属", "relatives", "relatives"),
            _EXTRA,
        ),
    ),
    Sheet("present", "签到", "Sign-in", (Column("id", "编号", "id", "id", required=True),)),
    Sheet(
        "exclusions",
        "不计入应到会",
        "Exclusions",
        (
            Column("member", "党员编号", "member", "id", required=True),
            Column("category", "类别", "category", "word", "category"),
            Column("upper_approved", "上级党组织同意", "upper approved", "bool"),
            Column("meeting_approved", "党员大会通过", "meeting approved", "bool"),
            Column("note", "备注", "note"),
            Column("motion", "表决记录", "motion"),  # P-8: the motion that approved it (P-27)
            _EXTRA,
        ),
        ("party",),
    ),
    Sheet(
        "proxies",
        "委托投票",
        "Proxies",
        (
            Column("principal", "委托人编号", "principal", "id", required=True),
            Column("agent", "受托人编号", "agent", "id", required=True),
            Column("relation", "关系", "relation", "word", "relation"),
            Column("written", "书面委托", "written", "bool"),
            Column("filed", "委托日期", "filed", "date"),
            _EXTRA,
        ),
        ("village",),
    ),
    Sheet("mobile", "流动票箱", "Mobile box", (Column("id", "编号", "id", "id", required=True),), ("village",)),
    Sheet(
        "scribes",
        "代写",
        "Scribes",
        (Column("elector", "选举人编号", "elector", "id"), Column("scribe", "代写人编号", "scribe", "id")),
        (),
    ),
    Sheet(
        "contests",
        "职位",
        "Contests",
        (
            Column("id", "职位编号", "contest", "id", required=True),
            Column("title", "名称", "title"),
            Column("seats", "应选人数", "seats", "int"),
            Column("post", "职务", "post", "word", "post"),
            Column("stage", "轮次", "stage", "word", "stage"),
            _EXTRA,
        ),
    ),
    Sheet(
        "candidates",
        "候选人",
        "Candidates",
        (
            Column("contest", "职位编号", "contest", "id", required=True),
            Column("candidate", "候选人编号", "candidate", "id", required=True),
        ),
    ),
    # The ballots sheet has one column per candidate of each contest, named "contest:candidate",
    # and one for write-ins per contest, named "contest:另选他人" (or "contest:write-in").
    Sheet(
        "ballots",
        "选票",
        "Ballots",
        (Column("paper", "票号", "paper", "name"), Column("spoiled", "废票", "spoiled", "bool")),
    ),
    Sheet(
        "tally",
        "计票单",
        "Tally sheet",
        (
            Column("contest", "职位编号", "contest", "id", required=True),
            Column("valid", "有效票", "valid", "int"),
            Column("invalid", "无效票", "invalid", "int"),
        ),
    ),
    Sheet(
        "votes",
        "得票",
        "Votes",
        (
            Column("contest", "职位编号", "contest", "id", required=True),
            Column("candidate", "候选人编号", "candidate", "id", required=True),
            Column("votes", "得票数", "votes", "int"),
        ),
    ),
    Sheet(
        "declared",
        "公布结果",
        "Declared",
        (
            Column("contest", "职位编号", "contest", "id", required=True),
            Column("person", "人员编号", "person", "id"),
            Column("elected", "当选", "elected", "bool"),
            Column("votes", "公布票数", "votes", "int"),
        ),
    ),
    Sheet(
        "reductions",
        "减少名额",
        "Reductions",
        (
            Column("contest", "职位编号", "contest", "id", required=True),
            Column("consent", "同意人数", "consent", "int"),
            Column("presidium", "主席团决定", "presidium", "bool"),
        ),
        (),
    ),
    Sheet(
        "board",
        "两委班子",
        "Board",
        (
            Column("side", "班子", "board", "word", "side", required=True),
            Column("id", "编号", "id", "id"),
            Column("post", "职务", "post", "word"),
            Column("name", "姓名", "name"),
            Column("sex", "性别", "sex", "word", "sex"),
            Column("born", "出生日期", "born", "date"),
            Column("party_member", "党员", "party member", "bool"),
        ),
        (),
    ),
    Sheet(
        "objections",
        "异议",
        "Objections",
        (Column("filed", "提出日期", "filed", "date"), Column("decided", "处理日期", "decided", "date")),
        (),
    ),
)
_BY_KEY = {s.key: s for s in SHEETS}

INSTRUCTIONS = {"zh": "填写说明", "en": "How to fill in"}
"""The first sheet of a workbook tally writes: how to fill it in. Skipped on reading."""

WRITE_IN = {"zh": "另选他人", "en": "write-in"}
_WRITE_IN_WORDS = {"另选他人", "write-in", "write_in", "writein"}

TEMPLATE_KINDS = ("party-meeting", "party-conference", "village-committee", "residents-committee")

# Marks on a paper and yes/no cells: these the translator reads itself, since JSON has no word for
# a cell. The words written are the first of each set in the workbook's language.
MARKS: dict[str, dict[str, str]] = {
    "for": {"zh": "赞成", "en": "for"},
    "against": {"zh": "不赞成", "en": "against"},
    "abstain": {"zh": "弃权", "en": "abstain"},
    "unreadable": {"zh": "无法辨认", "en": "unreadable"},
}
YES_NO = {True: {"zh": "是", "en": "yes"}, False: {"zh": "否", "en": "no"}}
_TRUE = {"是", "yes", "y", "true", "1", "✓", "√"}
_FALSE = {"否", "no", "n", "false", "0"}
_ELECTED = {"当选": True, "elected": True, "未当选": False, "落选": False, "not elected": False}
"""The words an officer writes in the 当选 column of the declared results, beside yes and no."""


def choices(field: str, lang: Lang) -> tuple[str, ...]:
    """The words a drop-down list (and the first sheet, which says how to fill in the workbook)
    offers for an enumerated column: the canonical values of the field's vocabulary
    (:data:`tally.records.vocabulary.VOCABULARIES`, which the record's reader reads), so that a
    list never leaves out a value the reader accepts; for the kind, the kinds of election a
    workbook holds (:data:`TEMPLATE_KINDS`: a meeting that decides is no workbook's).

    >>> choices("sex", "zh"), choices("mark", "zh")
    (('F', 'M'), ('赞成', '不赞成', '弃权', '无法辨认'))
    >>> choices("relation", "zh")[-1], choices("stage", "zh")[-1]
    ('other', 'by-election')
    """
    if field == "bool":
        return (YES_NO[True][lang], YES_NO[False][lang])
    if field == "mark":
        return tuple(MARKS[m][lang] for m in MARKS)
    if field == "rulebook":
        return tuple(PRESETS)
    if field == "side":
        return ("village", "party")
    words = tuple(str(getattr(v, "value", v)) for v in VOCABULARIES[field])
    if field == "kind":
        return tuple(k for k in words if k in TEMPLATE_KINDS)
    return words


# --- cells as the user sees them ------------------------------------------------------------------


def letter(index: int) -> str:
    """The column letter Excel shows for a 0-based column index.

    >>> letter(0), letter(25), letter(26), letter(701)
    ('A', 'Z', 'AA', 'ZZ')
    """
    out = ""
    n = index + 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(65 + rest) + out
    return out


_TOKEN = re.compile(r"\[(\d+)\]|\.?([^.\[]+)")


def _tokens(path: str) -> list[str | int]:
    out: list[str | int] = []
    for index, name in _TOKEN.findall(path):
        out.append(int(index) if index else name)
    return out


class Locator:
    """From a path in the record (``roll[3].id``) to the cell it came from (``名册!A5``).

    Built while reading the sheets; :meth:`cell` answers for any path the record's checks name,
    falling back to the row, then to the sheet.
    """

    def __init__(self, names: Mapping[str, str], *, folder: bool = False) -> None:
        self.names = dict(names)  # sheet key -> the sheet's name as the user wrote it
        self.folder = folder  # a folder of CSV files: each name is a file's (名册.csv)
        self.rows: dict[str, list[int]] = {}  # list sheet -> the row of each item
        self.cols: dict[str, dict[str, str]] = {}  # sheet -> field -> column letter
        self.last: dict[str, str] = {}  # sheet -> its last column letter
        self.settings: dict[str, int] = {}  # path -> row on the settings sheet
        self.rules: dict[str, int] = {}  # rule name -> row on the rules sheet (settings)
        self.candidates: dict[int, list[int]] = {}  # contest index -> rows of its candidates
        self.ballot_cols: dict[str, dict[str, str]] = {}  # contest -> candidate -> column
        self.write_in: dict[str, str] = {}  # contest -> write-in column
        self.tally: dict[str, int] = {}
        self.votes: dict[tuple[str, str], int] = {}
        self.declared_first: dict[str, int] = {}
        self.elected: dict[str, list[int]] = {}
        self.declared_votes: dict[tuple[str, str], int] = {}
        self.reductions: dict[str, int] = {}
        self.items: list[Any] = []  # the papers as read, to find the column of a mark
        self.said: set[str] = set()  # record paths left out, their sheet or column reported missing
        self.said_within: set[str] = set()  # record paths left out with every part within them
        self.said_codes: set[str] = set()  # problems that only restate a missing sheet or column

    def _at(self, sheet: str, row: int, field: str | None = None) -> str:
        name = self.names.get(sheet, sheet)
        col = self.cols.get(sheet, {}).get(field or "")
        if col is not None:
            return f"{name}!{col}{row}"
        return f"{name}!A{row}:{self.last.get(sheet, 'A')}{row}"

    def sheet(self, key: str) -> str:
        return self.names.get(key, _BY_KEY[key].zh if key in _BY_KEY else key)

    def called(self, key: str) -> Quoted:
        """A sheet as the words of a problem name it: ``the sheet 职位`` (``职位工作表``), or
        in a folder its file, ``职位.csv``.

        >>> book, folder = Locator({"contests": "职位"}), Locator({"contests": "职位.csv"}, folder=True)
        >>> book.called("contests").zh, folder.called("contests")
        ('职位工作表', '职位.csv')
        """
        name = self.sheet(key)
        return Quoted(name) if self.folder else Quoted(f"the sheet {name}", f"{name}工作表")

    def cell(self, path: str) -> str:
        """The cell (or row, or sheet) of a record path."""
        t = _tokens(path)
        if not t:
            return path
        try:
            found = self._cell(t)
        except (IndexError, KeyError, TypeError):
            found = None
        if found is not None:
            return found
        head = str(t[0])
        for key in (head, *(["ballots", "tally"] if head == "ballots" else [])):
            if key in self.names:
                return self.names[key]
        return self.names.get("settings", "") if head in ("format", "rules") else path

    def _cell(self, t: list[str | int]) -> str | None:
        head = t[0]
        dotted = ".".join(str(x) for x in t[:2])
        if dotted in self.settings:
            return f"{self.sheet('settings')}!B{self.settings[dotted]}"
        if (head in self.settings and len(t) == 1) or head == "extra":
            return f"{self.sheet('settings')}!B{self.settings[str(head)]}"
        if head == "rules" and len(t) > 1 and str(t[1]) in self.rules:
            return f"{self.sheet('settings')}!B{self.rules[str(t[1])]}"
        if head in ("roll", "exclusions", "proxies", "scribes") and len(t) > 1:
            row = self.rows[str(head)][int(t[1])]
            return self._at(str(head), row, str(t[2]) if len(t) > 2 else None)
        if head in ("present", "mobile") and len(t) > 1:
            return self._at(str(head), self.rows[str(head)][int(t[1])], "id")
        if head == "contests" and len(t) > 1:
            i = int(t[1])
            if len(t) > 3 and t[2] == "candidates":
                return self._at("candidates", self.candidates[i][int(t[3])], "candidate")
            return self._at("contests", self.rows["contests"][i], str(t[2]) if len(t) > 2 else None)
        if head == "ballots" and len(t) > 2 and t[1] == "items":
            i = int(t[2])
            row = self.rows["ballots"][i]
            if len(t) == 3:
                return self._at("ballots", row)
            cid = str(t[3])
            if cid == "spoiled":
                return self._at("ballots", row, "spoiled")
            if len(t) > 5:
                who = self.items[i][cid][str(t[4])][int(t[5])]
                col = self.write_in[cid] if t[4] == "write_in" else self.ballot_cols[cid][who]
                return f"{self.sheet('ballots')}!{col}{row}"
            cols = sorted((*self.ballot_cols.get(cid, {}).values(), self.write_in.get(cid, "")), key=_col_order)
            cols = [c for c in cols if c]
            if len(cols) == 1:
                return f"{self.sheet('ballots')}!{cols[0]}{row}"
            if cols:
                return f"{self.sheet('ballots')}!{cols[0]}{row}:{cols[-1]}{row}"
            return self._at("ballots", row)
        if head == "ballots" and len(t) > 2 and t[1] == "totals":
            cid = str(t[2])
            if len(t) > 4 and t[3] == "for":
                return self._at("votes", self.votes[(cid, str(t[4]))], "votes")
            return self._at("tally", self.tally[cid], str(t[3]) if len(t) > 3 else None)
        if head == "declared" and len(t) > 1:
            cid = str(t[1])
            if len(t) > 3 and t[2] == "elected":
                return self._at("declared", self.elected[cid][int(t[3])], "person")
            if len(t) > 3 and t[2] == "votes":
                return self._at("declared", self.declared_votes[(cid, str(t[3]))], "votes")
            return self._at("declared", self.declared_first[cid], "contest")
        if head == "reductions" and len(t) > 1:
            return self._at("reductions", self.reductions[str(t[1])], str(t[2]) if len(t) > 2 else None)
        if head == "board" and len(t) > 2 and isinstance(t[2], int):
            return self._at("board", self.rows[f"board.{t[1]}"][t[2]], str(t[3]) if len(t) > 3 else None)
        if head == "timeline" and len(t) > 2 and t[1] == "objections":
            return self._at("objections", self.rows["objections"][int(t[2])], str(t[3]) if len(t) > 3 else None)
        return None

    def problems(self, problems: Iterable[Problem]) -> list[Problem]:
        """The problems with their paths turned into cells (a field the record requires and the
        sheet leaves empty is "missing" to the record's reader, "empty" to the user), and the
        places they name (``first``) too. A problem at a part whose sheet or column is missing is
        left out: the translator has said so, once."""
        return [
            Problem(self.cell(p.path), "sheet-empty")
            if p.code == "missing" or p.reason == "missing"
            else self._placed(p)
            for p in problems
            if not self._said(p)
        ]

    def _said(self, p: Problem) -> bool:
        """Whether *p* is about a part whose sheet or column is missing (the part, or a part
        within it: ``declared`` says ``declared.chair`` too), or only restates that: a margin
        built on a list of candidates that was not there."""
        if p.path in self.said or p.code in self.said_codes:
            return True
        path = p.path
        while path:
            if path in self.said_within:
                return True
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return False

    def _placed(self, p: Problem) -> Problem:
        first = p.values.get("first")
        if not isinstance(first, str) or not _PATH.fullmatch(first):
            return p.at(self.cell(p.path))
        values = dict(p.values)
        values["first"] = self.cell(_first_path(p.path, first))
        return attrs.evolve(p, path=self.cell(p.path), values=values)


_PATH = re.compile(r"[A-Za-z_]\w*(\[\d+\]|\.[\w-]+)*")
"""A record path, as a problem's ``first`` names the first of two (``roll[0]``, ``candidates[1]``)."""


def _first_path(path: str, first: str) -> str:
    """The record path of a problem's *first*, which the core writes from where it stood: within
    the problem's own path (``candidates[0]`` of ``contests[2].candidates[3]``) when it shares a
    part with it, and at the same field (``roll[0]`` of ``roll[3].id`` is ``roll[0].id``).

    >>> _first_path("contests[2].candidates[3]", "candidates[0]"), _first_path("roll[3].id", "roll[0]")
    ('contests[2].candidates[0]', 'roll[0].id')
    >>> _first_path("mobile[1]", "present[4]")
    'present[4]'
    """
    at, where = _tokens(first), _tokens(path)
    head = at[0]
    k = max((i for i, x in enumerate(where) if x == head), default=None)
    full = at if k is None else [*where[:k], *at]
    n = len(full)
    if n < len(where) and where[: n - 1] == full[:-1] and isinstance(full[-1], int) and isinstance(where[n - 1], int):
        full = [*full, *where[n:]]
    return "".join(f"[{x}]" if isinstance(x, int) else f".{x}" for x in full).lstrip(".")


def _col_order(col: str) -> tuple[int, str]:
    return (len(col), col)


# --- reading cells --------------------------------------------------------------------------------


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip() if not text.isascii() else text.strip()


def _header(value: Any) -> str:
    return _fold(str(value)).casefold() if value is not None else ""


_ABSENT = object()


class _Cells:
    """Reads cells into JSON values, keeping problems (each at its cell) and the cells changed."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.folded: list[str] = []
        self.trimmed: list[str] = []

    def bad(self, where: str, code: str, values: Mapping[str, Any] | None = None) -> None:
        """A problem at a cell (or a sheet, or a file): *code* is a literal at every call."""
        self.problems.append(Problem(where, code=code, values=values or {}))

    def _text(self, value: Any, where: str, *, fold: bool) -> str:
        if isinstance(value, bool):
            return YES_NO[value]["en"]
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        if isinstance(value, datetime.datetime | datetime.date):
            return _date_text(value)
        raw = str(value)
        folded = unicodedata.normalize("NFKC", raw) if fold and not raw.isascii() else raw
        out = folded.strip()
        if folded != raw:
            self.folded.append(where)
        elif out != raw:
            self.trimmed.append(where)
        return out

    def read(self, value: Any, kind: str, where: str, *, words: Mapping[str, bool] | None = None) -> Any:
        """The JSON value of a cell, or ``_ABSENT`` for an empty one (or a bad one, said at its
        cell); a yes/no cell also takes *words*."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return _ABSENT
        if kind == "id":
            text = self._text(value, where, fold=True)
            problem = id_problem(text)
            if problem is not None:
                self.problems.append(Problem(where, "bad-id-cell", {"value": shown(text), "why": problem}))
            return canonical_id(text)
        if kind == "name":
            return self._text(value, where, fold=False)
        if kind == "word":
            return self._text(value, where, fold=True)
        if kind == "bool":
            if isinstance(value, bool):
                return value
            text = self._text(value, where, fold=True).casefold()
            if text in _TRUE or text in _FALSE:
                return text in _TRUE
            if words is not None and " ".join(text.split()) in words:
                return words[" ".join(text.split())]
            self.bad(where, "sheet-not-yes-no", {"value": shown(text)})
            return _ABSENT
        if kind == "date":
            if isinstance(value, datetime.datetime | datetime.date):
                return _date_text(value)
            text = self._text(value, where, fold=True)
            try:
                day = year_first(text)
            except ValueError:
                self.bad(where, "sheet-no-such-day", {"value": shown(text)})
                return text
            if day is None:
                self.bad(where, "sheet-not-date", {"value": shown(text)})
                return text
            return day
        if kind == "int":
            if isinstance(value, bool):
                return value  # the record's reader says it is not a number
            if isinstance(value, int):
                return value
            if isinstance(value, float):
                return int(value) if value.is_integer() else value
            text = self._text(value, where, fold=True)
            return int(text) if text.isdecimal() and text.isascii() else text
        if kind == "json":
            try:
                return json.loads(str(value))
            except json.JSONDecodeError as error:
                why = Quoted(error.msg, f"第{error.lineno}行第{error.colno}个字符处有误")
                self.bad(where, "sheet-not-json", {"why": why})
                return _ABSENT
        if kind == "relatives":
            out = []
            for part in re.split(r"[;\n]", self._text(value, where, fold=True)):
                if not part.strip():
                    continue
                rid, sep, relation = part.partition(":")
                if not sep or not rid.strip() or not relation.strip():
                    self.bad(where, "sheet-not-relatives", {"value": shown(part.strip()), "example": "V02:spouse"})
                    continue
                out.append({"id": canonical_id(rid), "relation": relation.strip()})
            return out
        raise AssertionError(kind)  # pragma: no cover - every kind of the layout is above

    def ids(self, value: Any, where: str) -> list[str]:
        """Ids in one cell, separated by spaces, commas, semicolons or 、."""
        if value is None:
            return []
        text = self._text(value, where, fold=True)
        out = []
        for part in re.split(r"[\s,;、]+", text):
            if part:
                problem = id_problem(part)
                if problem is not None:
                    self.problems.append(Problem(where, "bad-id-cell", {"value": shown(part), "why": problem}))
                out.append(canonical_id(part))
        return out


_YEAR_FIRST = re.compile(
    r"([0-9]{4})\s*(?:([-/.])\s*([0-9]{1,2})\s*\2\s*([0-9]{1,2})|年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日)"
)


def year_first(text: str) -> str | None:
    """A date written year first, as Excel saves one in a CSV file (``2026/5/21``) or an officer
    writes it (``2026年5月21日``, ``2026.5.21``, ``2026-5-21``), as the record writes it
    (``2026-05-21``); ``None`` for any other form (day or month first is ambiguous: never
    guessed). A day the calendar lacks is a :class:`ValueError`.

    >>> year_first("2026/5/21"), year_first("2026年5月21日"), year_first("2026.05.21"), year_first("21/5/2026")
    ('2026-05-21', '2026-05-21', '2026-05-21', None)
    >>> year_first("2026/2/30")
    Traceback (most recent call last):
    ValueError: day is out of range for month
    """
    found = _YEAR_FIRST.fullmatch(text.strip())
    if found is None:
        return None
    year, _, month, day, month_zh, day_zh = found.groups()
    return datetime.date(int(year), int(month or month_zh), int(day or day_zh)).isoformat()


def _date_text(value: datetime.date) -> str:
    return (value.date() if isinstance(value, datetime.datetime) else value).isoformat()


# --- reading sheets into the record's JSON form ----------------------------------------------------


def _match_sheet(name: str, *, folder: bool = False) -> Sheet | Literal["instructions"] | None:
    """The sheet a name stands for; in a CSV folder (*folder*) a file's name, its ``.csv`` set aside."""
    key = _header(name)
    if folder and key.endswith(".csv"):
        key = key.removesuffix(".csv").rstrip()
    if key in {_header(n) for n in INSTRUCTIONS.values()}:
        return "instructions"
    for sheet in SHEETS:
        if key in (_header(sheet.zh), _header(sheet.en)):
            return sheet
    return None


def _named(thing: Sheet | Column) -> Quoted:
    """A sheet or a column as a problem names it: in Chinese its Chinese name, in English both."""
    return Quoted(f"{thing.zh} ({thing.en})", thing.zh)


def _file(sheet: Sheet) -> Quoted:
    """A sheet's CSV file in a folder, as a problem names it: ``名册.csv`` (in English with
    ``Roll.csv`` beside it)."""
    return Quoted(f"{sheet.zh}.csv ({sheet.en}.csv)", f"{sheet.zh}.csv")


def _empty(row: Sequence[Any]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in row)


def read_sheets(
    sheets: Iterable[tuple[str, Iterable[Sequence[Any]]]], *, folder: bool = False
) -> tuple[dict[str, Any], Locator, list[Note], list[Problem]]:
    """The record's JSON form from sheets given as (name, rows), with the map back to the cells,
    the notes on what was changed, and the problems found in the cells themselves (each at its
    cell). The record's own checks come after, in :meth:`Record.from_dict`.

    For a *folder* of CSV files each name is a file's (``名册.csv``, as :func:`read_csv_folder`
    gives it): cells are named by it (``名册.csv!B5``), and a file unknown, missing or given
    twice is said in a folder's words."""
    cells = _Cells()
    found: dict[str, tuple[str, Iterable[Sequence[Any]]]] = {}
    for name, rows in sheets:
        spec = _match_sheet(name, folder=folder)
        if spec == "instructions":
            continue
        if spec is None and folder:
            cells.bad(name, "sheet-unknown-file", {"files": tuple(_file(s) for s in SHEETS)})
            continue
        if spec is None:
            cells.bad(name, "sheet-unknown-sheet", {"sheets": tuple(_named(s) for s in SHEETS)})
            continue
        if spec.key in found and folder:
            cells.bad(name, "sheet-second-file", {"sheet": _file(spec), "first": found[spec.key][0]})
            continue
        if spec.key in found:
            cells.bad(name, "sheet-second-sheet", {"sheet": _named(spec), "first": found[spec.key][0]})
            continue
        found[spec.key] = (name, rows)
    where = Locator({key: name for key, (name, _) in found.items()}, folder=folder)
    data: dict[str, Any] = {"format": RECORD_FORMAT}
    reader = _SheetReader(cells, where, data, folder=folder)
    for sheet in SHEETS:  # in the layout's order: contests before ballots
        if sheet.key in found:
            reader.sheet(sheet, found[sheet.key][1])
    reader.finish(found)
    notes = []
    if cells.folded:
        notes.append(Note("folded", {"count": str(len(cells.folded)), "first": cells.folded[0]}))
    if cells.trimmed:
        notes.append(Note("trimmed", {"count": str(len(cells.trimmed)), "first": cells.trimmed[0]}))
    return data, where, notes, cells.problems


_SAID_OF_SHEET = {"settings": tuple(path for path, *_ in SETTING_ROWS)}
"""The record paths a missing sheet leaves out (the settings sheet: each of its items)."""


class _SheetReader:
    def __init__(self, cells: _Cells, where: Locator, data: dict[str, Any], *, folder: bool = False) -> None:
        self.cells = cells
        self.folder = folder  # a folder of CSV files: a sheet is a file
        self.where = where
        self.data = data
        self.candidates: dict[str, list[str]] = {}
        self.candidate_rows: dict[str, list[int]] = {}
        self.declared: dict[str, dict[str, Any]] | None = None
        self.tally: dict[str, dict[str, Any]] = {}
        self.papers: list[Any] | None = None
        self.rules: list[tuple[str, Any, str]] = []
        self.ballot_header: Sequence[Any] = ()
        self.ballot_unnamed: dict[int, int] = {}  # a ballot column with marks but no header -> its first row
        self.lacking: set[str] = set()  # sheets without a column they require: not read
        self.unread: set[tuple[str, int, str]] = set()  # (sheet, row, field) of a cell said bad

    def _header(self, sheet: Sheet, header: Sequence[Any]) -> dict[int, Column]:
        name = self.where.sheet(sheet.key)
        columns: dict[int, Column] = {}
        by_name = {}
        for col in sheet.columns:
            by_name[_header(col.zh)] = col
            by_name[_header(col.en)] = col
            by_name[_header(col.key)] = col
        seen: dict[str, str] = {}
        for j, value in enumerate(header):
            key = _header(value)
            if not key:
                continue
            matched = by_name.get(key)
            if matched is None:
                self.cells.bad(
                    f"{name}!{letter(j)}1",
                    "sheet-unknown-column",
                    {"value": shown(str(value).strip()), "columns": tuple(_named(c) for c in sheet.columns)},
                )
                continue
            if matched.key in seen:
                self.cells.bad(
                    f"{name}!{letter(j)}1",
                    "sheet-second-column",
                    {"column": _named(matched), "first": seen[matched.key]},
                )
                continue
            seen[matched.key] = f"{letter(j)}1"
            columns[j] = matched
        for col in sheet.columns:
            if col.required and col.key not in seen:
                self.cells.bad(f"{name}!1:1", "sheet-needs-column", {"column": _named(col)})
                self.lacking.add(sheet.key)
        self.where.cols[sheet.key] = {c.key: letter(j) for j, c in columns.items()}
        self.where.last[sheet.key] = letter(max(len(header) - 1, 0))
        return columns

    def _table(self, sheet: Sheet, rows: Iterable[Sequence[Any]]) -> Iterator[tuple[int, dict[str, Any]]]:
        """The non-empty rows of a sheet as {field: JSON value}, with their row numbers."""
        it = iter(rows)
        header = next(it, None)
        name = self.where.sheet(sheet.key)
        if header is None:
            return
        columns = self._header(sheet, header)
        unnamed: dict[int, int] = {}  # a column with values but no header -> its first row
        for r, row in enumerate(it, start=2):
            if _empty(row):
                continue
            item: dict[str, Any] = {}
            for j, value in enumerate(row):
                col = columns.get(j)
                if col is None:
                    if value is not None and str(value).strip() and (j >= len(header) or not _header(header[j])):
                        unnamed.setdefault(j, r)
                    continue
                words = _ELECTED if sheet.key == "declared" and col.key == "elected" else None
                got = self.cells.read(value, col.kind, f"{name}!{letter(j)}{r}", words=words)
                if got is not _ABSENT:
                    item[col.key] = got
                elif value is not None and str(value).strip():
                    self.unread.add((sheet.key, r, col.key))  # said at its cell: not "missing" too
            yield r, item
        self._unnamed(name, unnamed)

    def _unnamed(self, name: str, unnamed: Mapping[int, int]) -> None:
        """Columns with values but no header: each once, at its header cell (a column of a
        hundred values is one thing to mend, not a hundred)."""
        for j, r in sorted(unnamed.items()):
            self.cells.bad(f"{name}!{letter(j)}1", "sheet-no-header", {"first": f"{name}!{letter(j)}{r}"})

    def sheet(self, sheet: Sheet, rows: Iterable[Sequence[Any]]) -> None:
        getattr(self, f"_{sheet.key}", self._list)(sheet, rows)

    # settings: one row per item, "item | value"
    def _settings(self, sheet: Sheet, rows: Iterable[Sequence[Any]]) -> None:
        name = self.where.sheet("settings")
        labels: dict[str, tuple[str, str, str | None]] = {}
        for path, zh, en, kind, _, _ in SETTING_ROWS:
            for label in (zh, en, path):
                labels[_header(label)] = (path, kind, None)
        it = iter(rows)
        header = next(it, None)
        if header is None:
            return
        self._header(sheet, header)
        unnamed: dict[int, int] = {}
        for r, row in enumerate(it, start=2):
            if _empty(row):
                continue
            label = _header(row[0] if row else None)
            value = row[1] if len(row) > 1 else None
            for j in range(2, len(row)):
                if row[j] is not None and str(row[j]).strip() and (j >= len(header) or not _header(header[j])):
                    unnamed.setdefault(j, r)
            rule = label[len("rules.") :] if label.startswith("rules.") else None
            if rule is not None:
                self._rule(name, r, rule, value)
                continue
            if label not in labels:
                items = (*(Quoted(f"{zh} ({en})", zh) for _, zh, en, *_ in SETTING_ROWS), _RULES_FIELD)
                self.cells.bad(
                    f"{name}!A{r}", "sheet-unknown-item", {"value": shown(str(row[0]).strip()), "items": items}
                )
                continue
            path, kind, _ = labels[label]
            if path in self.where.settings:
                self.cells.bad(f"{name}!A{r}", "sheet-second-item", {"row": self.where.settings[path]})
                continue
            self.where.settings[path] = r
            got = self.cells.read(value, kind, f"{name}!B{r}")
            if got is _ABSENT:
                continue
            target = self.data
            *parents, last = path.split(".")
            for p in parents:
                target = target.setdefault(p, {})
            target[last] = got
        self._unnamed(name, unnamed)

    def _rule(self, name: str, r: int, rule: str, value: Any) -> None:
        """A rule override, ``rules.FIELD``: read once the rulebook is known (:meth:`finish`)."""
        if rule in self.where.rules:
            self.cells.bad(f"{name}!A{r}", "sheet-second-row", {"what": f"rules.{rule}"})
            return
        self.where.rules[rule] = r
        self.rules.append((rule, value, f"{name}!B{r}"))

    def _read_rules(self) -> None:
        """Each override as its field's JSON type, judged by the record's reader."""
        book = PRESETS.get(self.data.get("rulebook", ""))
        rules = self.data.setdefault("rules", {})
        for rule, value, where in self.rules:
            if value is None or (isinstance(value, str) and not value.strip()):
                self.cells.bad(where, "sheet-empty-rule")
                continue
            if book is not None:
                default = getattr(book, rule, None)
            else:
                default = next((getattr(b, rule) for b in PRESETS.values() if getattr(b, rule, None) is not None), None)
            if isinstance(default, bool):
                got = self.cells.read(value, "bool", where)
            elif isinstance(default, frozenset):
                got = self.cells.ids(value, where)
            elif isinstance(default, int) or (isinstance(value, int) and not isinstance(value, bool)):
                got = self.cells.read(value, "int", where)
            else:
                got = self.cells.read(value, "word", where)
            if got is not _ABSENT:
                rules[rule] = got

    def _list(self, sheet: Sheet, rows: Iterable[Sequence[Any]]) -> None:
        items = []
        at = []
        for r, item in self._table(sheet, rows):
            items.append(item)
            at.append(r)
        self.where.rows[sheet.key] = at
        self._give(sheet.key, items)

    def _give(self, key: str, items: list[Any]) -> None:
        """A list sheet's items, unless the sheet lacks a column it requires (said at its header):
        its rows, each without that field, would be a problem each, and every reference to them
        another."""
        if key in self.lacking:
            self.where.said.add(key)
        else:
            self.data[key] = items

    def _present(self, sheet: Sheet, rows: Iterable[Sequence[Any]]) -> None:
        self._ids(sheet, rows)

    def _mobile(self, sheet: Sheet, rows: Iterable[Sequence[Any]]) -> None:
        self._ids(sheet, rows)

    def _ids(self, sheet: Sheet, rows: Iterable[Sequence[Any]]) -> None:
        out, at = [], []
        for r, item in self._table(sheet, rows):
            if "id" in item:
                out.append(item["id"])
                at.append(r)
        self.where.rows[sheet.key] = at
        self._give(sheet.key, out)

    def _contests(self, sheet: Sheet, rows: Iterable[Sequence[Any]]) -> None:
        self._list(sheet, rows)

    def _candidates(self, sheet: Sheet, rows: Iterable[Sequence[Any]]) -> None:
        name = self.where.sheet("candidates")
        for r, item in self._table(sheet, rows):
            if "contest" not in item or "candidate" not in item:
                if ("contest" in item or "candidate" in item) and "candidates" not in self.lacking:
                    missing = "candidate" if "contest" in item else "contest"
                    col = self.where.cols["candidates"].get(missing, "A")
                    self.cells.bad(f"{name}!{col}{r}", "missing")
                continue
            self.candidates.setdefault(item["contest"], []).append(item["candidate"])
            self.candidate_rows.setdefault(item["contest"], []).append(r)

    def _ballots(self, sheet: Sheet, rows: Iterable[Sequence[Any]]) -> None:
        name = self.where.sheet("ballots")
        it = iter(rows)
        header = next(it, None)
        papers: list[Any] = []
        self.papers = papers
        self.where.items = papers
        self.where.rows["ballots"] = []
        if header is None:
            return
        fixed: dict[int, str] = {}
        marks: dict[int, tuple[str, str | None]] = {}  # column -> (contest, candidate or None for write-ins)
        fixed_names = {_header(n): c.key for c in sheet.columns for n in (c.zh, c.en, c.key)}
        self.where.cols["ballots"] = {}
        self.ballot_header = header
        known = {c.get("id") for c in self.data.get("contests", []) if isinstance(c, dict)}
        judged = "contests" in self.where.names and "contests" not in self.lacking  # the contests were read
        listed = "candidates" in self.where.names and "candidates" not in self.lacking  # the candidates were read
        for j, value in enumerate(header):
            key = _header(value)
            if not key:
                continue
            at = f"{name}!{letter(j)}1"
            if key in fixed_names:
                fixed[j] = fixed_names[key]
                self.where.cols["ballots"][fixed_names[key]] = letter(j)
                continue
            text = unicodedata.normalize("NFKC", str(value)).strip()
            cid, sep, who = text.partition(":")
            cid, who = cid.strip(), who.strip()
            if not sep or not cid or not who:
                self.cells.bad(
                    at,
                    "sheet-not-ballot-column",
                    {
                        "value": shown(text),
                        "example": "committee:M01",
                        "write_in": WRITE_IN["zh"],
                        "paper": sheet.columns[0].zh,
                        "spoiled": sheet.columns[1].zh,
                    },
                )
                continue
            if not judged:
                continue  # no contests to judge it by: the missing sheet or column is said, once
            if cid not in known:
                # Said once at the column, rather than once for every paper.
                self.cells.bad(at, "sheet-not-a-contest", {"value": shown(cid), "sheet": self.where.called("contests")})
                continue
            if who.casefold() in _WRITE_IN_WORDS:
                if cid in self.where.write_in:
                    self.cells.bad(at, "sheet-second-write-in", {"value": shown(cid)})
                    continue
                self.where.write_in[cid] = letter(j)
                marks[j] = (cid, None)
            else:
                who = canonical_id(who)
                if listed and who not in self.candidates.get(cid, ()):
                    # Said once at the column, rather than once for every paper that marks it.
                    values = {"who": shown(who), "contest": shown(cid), "sheet": self.where.called("candidates")}
                    self.cells.bad(at, "sheet-not-a-candidate", values)
                    continue
                if who in self.where.ballot_cols.get(cid, {}):
                    self.cells.bad(at, "sheet-second-ballot-column", {"column": f"{cid}:{who}"})
                    continue
                self.where.ballot_cols.setdefault(cid, {})[who] = letter(j)
                marks[j] = (cid, who)
        self.where.last["ballots"] = letter(max(len(header) - 1, 0))
        contests = list(dict.fromkeys(cid for cid, _ in marks.values()))
        memo: dict[tuple[Any, ...], Any] = {}
        number = next((j for j, key in fixed.items() if key == "paper"), None)
        numbered: dict[str, int] = {}  # a paper's number -> its row
        for r, row in enumerate(it, start=2):
            if _empty(row):
                continue
            if number is not None and number < len(row):
                self._numbered(row[number], r, numbered, name)
            same = tuple(v for j, v in enumerate(row) if fixed.get(j) != "paper")
            paper = memo.get(same)
            if paper is None:
                paper = self._paper(row, r, fixed, marks, contests, name)
                memo[same] = paper
            papers.append(paper)
            self.where.rows["ballots"].append(r)
        self._unnamed(name, self.ballot_unnamed)

    def _numbered(self, value: Any, r: int, numbered: dict[str, int], name: str) -> None:
        """A paper's number, given once: two rows of one number are one paper entered twice (which
        would count it twice) or a number mistyped, and either way the sheet must say which."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        key = _fold(str(value))
        first = numbered.setdefault(key, r)
        if first != r:
            col = self.where.cols["ballots"]["paper"]
            values = {"paper": shown(key), "first": f"{name}!{col}{first}"}
            self.cells.bad(f"{name}!{col}{r}", "sheet-paper-twice", values)

    def _paper(
        self,
        row: Sequence[Any],
        r: int,
        fixed: Mapping[int, str],
        marks: Mapping[int, tuple[str, str | None]],
        contests: list[str],
        name: str,
    ) -> Any:
        spoiled: Any = _ABSENT
        sections: dict[str, dict[str, list[str]]] = {cid: {} for cid in contests}
        for j, value in enumerate(row):
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            at = f"{name}!{letter(j)}{r}"
            if fixed.get(j) == "spoiled":
                spoiled = self.cells.read(value, "bool", at)
                continue
            if j in fixed:
                continue  # the paper's number: for the people who keep the sheet
            if j not in marks:
                if j >= len(self.ballot_header) or not _header(self.ballot_header[j]):
                    self.ballot_unnamed.setdefault(j, r)
                continue  # else under a header already reported
            cid, who = marks[j]
            if who is None:
                sections[cid].setdefault("write_in", []).extend(self.cells.ids(value, at))
                continue
            text = self.cells._text(value, at, fold=True).casefold()
            mark = read_word("mark", text)  # the words of tally.records.vocabulary, as in a CSV file
            if not isinstance(mark, str):
                self.cells.bad(at, "sheet-not-a-mark", {"value": shown(text), "marks": mark_choices()})
                continue
            sections[cid].setdefault(mark, []).append(who)
        if spoiled is True:
            return {"spoiled": True, **{cid: s for cid, s in sections.items() if s}}
        return {cid: dict(s) for cid, s in sections.items()}

    def _tally(self, sheet: Sheet, rows: Iterable[Sequence[Any]]) -> None:
        for r, item in self._table(sheet, rows):
            cid = item.get("contest")
            if cid is None:
                continue
            if cid in self.tally:
                self.cells.bad(self.where._at("tally", r, "contest"), "sheet-second-row", {"what": shown(cid)})
                continue
            self.where.tally[cid] = r
            self.tally[cid] = {k: item[k] for k in ("valid", "invalid") if k in item} | {"for": {}}

    def _votes(self, sheet: Sheet, rows: Iterable[Sequence[Any]]) -> None:
        for r, item in self._table(sheet, rows):
            cid, who = item.get("contest"), item.get("candidate")
            if cid is None or who is None:
                continue
            if cid not in self.tally:
                self.cells.bad(
                    self.where._at("votes", r, "contest"),
                    "sheet-no-tally-row",
                    {"value": shown(cid), "sheet": self.where.called("tally")},
                )
                continue
            if (cid, who) in self.where.votes:
                self.cells.bad(self.where._at("votes", r, "candidate"), "sheet-second-row", {"what": f"{cid}:{who}"})
                continue
            self.where.votes[(cid, who)] = r
            if "votes" in item:
                self.tally[cid]["for"][who] = item["votes"]
            else:
                self.cells.bad(self.where._at("votes", r, "votes"), "missing")

    def _declared(self, sheet: Sheet, rows: Iterable[Sequence[Any]]) -> None:
        declared: dict[str, dict[str, Any]] = {}
        self.declared = declared
        for r, item in self._table(sheet, rows):
            cid = item.get("contest")
            if cid is None:
                continue
            said = declared.setdefault(cid, {"elected": []})
            self.where.declared_first.setdefault(cid, r)
            self.where.elected.setdefault(cid, [])
            who = item.get("person")
            if who is None:
                if "elected" in item or "votes" in item:
                    self.cells.bad(self.where._at("declared", r, "person"), "sheet-missing-person")
                continue
            if "elected" not in item:
                if ("declared", r, "elected") not in self.unread:
                    self.cells.bad(self.where._at("declared", r, "elected"), "sheet-missing-elected")
            elif item["elected"]:
                said["elected"].append(who)
                self.where.elected[cid].append(r)
            if "votes" in item:
                if (cid, who) in self.where.declared_votes:
                    self.cells.bad(
                        self.where._at("declared", r, "person"), "sheet-second-row", {"what": f"{cid}:{who}"}
                    )
                    continue
                said.setdefault("votes", {})[who] = item["votes"]
                self.where.declared_votes[(cid, who)] = r

    def _reductions(self, sheet: Sheet, rows: Iterable[Sequence[Any]]) -> None:
        out: dict[str, Any] = {}
        for r, item in self._table(sheet, rows):
            cid = item.pop("contest", None)
            if cid is None:
                continue
            self.where.reductions[cid] = r
            out[cid] = item
        self.data["reductions"] = out

    def _board(self, sheet: Sheet, rows: Iterable[Sequence[Any]]) -> None:
        board: dict[str, list[Any]] = {}
        for r, item in self._table(sheet, rows):
            side = item.pop("side", None)
            if side is None:
                self.cells.bad(self.where._at("board", r, "side"), "sheet-empty")
                continue
            if side not in ("village", "party"):
                self.cells.bad(
                    self.where._at("board", r, "side"),
                    "not-one-of",
                    {"value": shown(side), "accepted": ("village", "party")},
                )
                continue
            board.setdefault(side, []).append(item)
            self.where.rows.setdefault(f"board.{side}", []).append(r)
        self.data.setdefault("board", {}).update(board)

    def _objections(self, sheet: Sheet, rows: Iterable[Sequence[Any]]) -> None:
        items, at = [], []
        for r, item in self._table(sheet, rows):
            items.append(item)
            at.append(r)
        self.where.rows["objections"] = at
        self.data.setdefault("timeline", {})["objections"] = items

    def _needs(self, sheet: Sheet) -> None:
        """A sheet the record needs is not there: in a folder, its file."""
        if self.folder:
            self.cells.bad("", "sheet-needs-file", {"file": _file(sheet)})
        else:
            self.cells.bad("", "sheet-needs-sheet", {"sheet": _named(sheet)})

    def finish(self, found: Mapping[str, Any]) -> None:
        """Join what the sheets gave into the record's shape."""
        if self.rules:
            self._read_rules()
        for key, sheet in (("settings", SETTINGS), ("roll", _BY_KEY["roll"]), ("present", _BY_KEY["present"])):
            if key not in found:
                self._needs(sheet)
                self.where.said.update(_SAID_OF_SHEET.get(key, (key,)))
        if "contests" in self.data and "candidates" not in found:
            self._needs(_BY_KEY["candidates"])
        if "contests" in self.data and ("candidates" not in found or "candidates" in self.lacking):
            # Every contest would have no candidates: its margin is no news, the sheet or column is.
            self.where.said_codes.add("contest-margin-too-small")
        if "contests" not in self.data:
            # Results, reductions and totals by contest: each would say its contest is unknown.
            self.where.said_within.update(("declared", "reductions", "ballots.totals"))
        if "contests" in self.data:
            for i, contest in enumerate(self.data["contests"]):
                cid = contest.get("id")
                contest["candidates"] = self.candidates.pop(cid, []) if isinstance(cid, str) else []
                self.where.candidates[i] = self.candidate_rows.get(cid, []) if isinstance(cid, str) else []
            name = self.where.sheet("candidates")
            for cid, rows in self.candidate_rows.items():
                if cid in self.candidates:
                    col = self.where.cols.get("candidates", {}).get("contest", "A")
                    self.cells.bad(
                        f"{name}!{col}{rows[0]}",
                        "sheet-not-a-contest",
                        {"value": shown(cid), "sheet": self.where.called("contests")},
                    )
        elif "contests" not in found:
            self._needs(_BY_KEY["contests"])
            self.where.said.add("contests")
        ballots = self.data.setdefault("ballots", {})
        if self.papers is not None and (self.papers or not self.tally):
            ballots["items"] = self.papers
        if self.tally:
            ballots["totals"] = self.tally
        if self.papers is None and not self.tally and "tally" not in found:
            ballots, tally = _BY_KEY["ballots"], _BY_KEY["tally"]
            if self.folder:
                self.cells.bad("", "sheet-needs-ballots-file", {"ballots": _file(ballots), "tally": _file(tally)})
            else:
                self.cells.bad("", "sheet-needs-ballots", {"ballots": _named(ballots), "tally": _named(tally)})
            self.where.said.add("ballots")  # "give items or totals": the same, said of the record
        if self.declared is not None:
            self.data["declared"] = self.declared


# --- files: workbooks, CSV folders, text in any encoding Excel saves ---------------------------


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16's, which begins it
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(raw: bytes, name: str, *, sheet: bool = True) -> tuple[str, list[Note]]:
    """Text from bytes: UTF-8 with or without a byte-order mark; UTF-16 or UTF-32 with one (the
    "Unicode" of Windows Notepad: the mark says it, so no note); else GB18030 (the default of
    Excel and WPS in China) when the bytes decode as such, with a note saying so.

    Text that is none of these is a problem: at *name* for a *sheet* (a CSV file of a folder),
    with the advice for one; else at the whole input (a JSON file), with the advice for a text file.

    >>> decode("\\ufeff编号".encode(), "名册.csv")
    ('编号', [])
    >>> decode("编号".encode("gbk"), "名册.csv")
    ('编号', [Note(code='gb18030', values={'file': '名册.csv'})])
    >>> decode("\\ufeff{}".encode("utf-16-le"), "r.json", sheet=False)
    ('{}', [])
    """
    try:
        text = raw.decode("utf-8")
        return text.removeprefix("\ufeff"), []
    except UnicodeDecodeError:
        pass
    unicode = next((codec for bom, codec in _BOMS if raw.startswith(bom)), None)
    try:
        if unicode is not None:
            return raw.decode(unicode), []  # the codec drops its mark
        return raw.decode("gb18030"), [Note("gb18030", {"file": name})]
    except UnicodeDecodeError:
        problem = Problem(name, "sheet-not-utf8") if sheet else Problem("", "file-not-utf8")
        raise RecordError(problem) from None


def _csv_rows(text: str) -> Iterator[list[str | None]]:
    """The rows of a CSV text one at a time, empty cells as ``None`` (as openpyxl gives them)."""
    for row in csv.reader(io.StringIO(text, newline="")):
        yield [c if c.strip() else None for c in row]


def read_csv_folder(folder: pathlib.Path) -> tuple[list[tuple[str, Iterator[list[str | None]]]], list[Note]]:
    """The sheets of a folder of CSV files, one file a sheet, each named by its file's name
    (``名册.csv``: the cells of a folder are named as ``名册.csv!B5``, read with
    ``read_sheets(..., folder=True)``); the rows are read one at a time."""
    sheets: list[tuple[str, Iterator[list[str | None]]]] = []
    notes: list[Note] = []
    problems: list[Problem] = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() != ".csv" or not path.is_file():
            continue
        try:
            text, found = decode(path.read_bytes(), path.name)
        except RecordError as error:
            problems.extend(error.problems)
            continue
        except OSError as error:
            problems.append(Problem(path.name, "file-cannot-read", {"why": os_reason(error)}))
            continue
        if not text.strip():
            problems.append(Problem(path.name, "csv-empty"))  # not even a header: no sheet, not an empty one
            continue
        notes.extend(found)
        sheets.append((path.name, _csv_rows(text)))
    if problems:
        raise RecordError(problems)
    return sheets, notes


def is_csv_folder(folder: pathlib.Path) -> bool:
    """Whether a folder holds a record's sheets as CSV files (one named as the roll's sheet)."""
    names = {_header(n) for n in (_BY_KEY["roll"].zh, _BY_KEY["roll"].en, SETTINGS.zh, SETTINGS.en)}
    try:
        return any(p.suffix.lower() == ".csv" and _header(p.stem) in names for p in folder.iterdir())
    except OSError:
        return False


@contextlib.contextmanager
def read_workbook(path: str | pathlib.Path) -> Iterator[list[tuple[str, Iterator[tuple[Any, ...]]]]]:
    """The sheets of an ``.xlsx`` workbook, streamed (openpyxl ``read_only``: large ballot
    sheets are never held as cells), while the ``with`` block lasts; the file is closed after."""
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        if isinstance(error, OSError):
            why = os_reason(error)
        else:
            why = Quoted(str(error) or type(error).__name__, "文件已损坏，或不是 xlsx 工作簿")
        raise RecordError(Problem("", "sheet-cannot-read-workbook", {"why": why})) from None
    try:
        yield [(ws.title, ws.iter_rows(values_only=True)) for ws in book.worksheets]
    finally:
        book.close()


# --- writing: a record as sheets ----------------------------------------------------------------


def _body(kind: str) -> str:
    return "party" if kind.startswith("party") else "village"


def _yes_no(value: Any, lang: Lang) -> Any:
    return YES_NO[value][lang] if isinstance(value, bool) else value


def _out(value: Any, kind: str, lang: Lang) -> Any:
    if value is None:
        return None
    if kind == "bool":
        return _yes_no(value, lang)
    if kind == "json":
        return json.dumps(value, ensure_ascii=False)
    if kind == "relatives":
        return "; ".join(f"{r['id']}:{r['relation']}" for r in value)
    return value


def _columns(sheet: Sheet, items: Sequence[Mapping[str, Any]], wanted: Iterable[str]) -> list[Column]:
    keys = set(wanted) | {k for item in items for k in item}
    return [c for c in sheet.columns if c.key in keys]


def _table_rows(sheet: Sheet, items: Sequence[Mapping[str, Any]], wanted: Iterable[str], lang: Lang) -> Rows:
    cols = _columns(sheet, items, wanted)
    rows: Rows = [[getattr(c, lang) for c in cols]]
    for item in items:
        rows.append([_out(item.get(c.key), c.kind, lang) for c in cols])
    return rows


_ROLL_COLUMNS = {
    "party": ("id", "name", "sex", "born", "standing", "rights"),
    "village": ("id", "name", "sex", "born", "registration", "household", "party_member", "deprived", "relatives"),
}


def record_sheets(data: Mapping[str, Any], *, lang: Lang = "zh") -> list[tuple[str, Rows]]:
    """A record's JSON form (as :meth:`Record.to_dict` writes it) as sheets: (name, rows), the
    first row of each its header. Sheets that the record does not use are left out, but for the
    ones a template of its kind holds.

    A paper's marks are written in ballot order (one column per candidate), which does not change
    any count; a paper that marks one person twice in a section cannot be a row of a sheet, and
    is a :class:`RecordError`.
    """
    kind = str(data.get("kind", ""))
    body = _body(kind)
    out: list[tuple[str, Rows]] = []
    cols: tuple[str, ...]

    def name(key: str) -> str:
        sheet = _BY_KEY[key]
        return sheet.zh if lang == "zh" else sheet.en

    settings: Rows = [[SETTINGS.columns[0].zh if lang == "zh" else "item", "内容" if lang == "zh" else "value"]]
    for path, zh, en, kind_, _, bodies in SETTING_ROWS:
        value = _get(data, path)
        shown = body in bodies or (kind == "residents-committee" and "residents" in bodies)
        if value is not None or shown:
            settings.append([zh if lang == "zh" else en, _out(value, kind_, lang)])
    for rule, value in (data.get("rules") or {}).items():
        if isinstance(value, list):
            value = "; ".join(value)
        settings.append([f"rules.{rule}", _out(value, "bool" if isinstance(value, bool) else "name", lang)])
    out.append((name("settings"), settings))

    roll = list(data.get("roll", []))
    out.append((name("roll"), _table_rows(_BY_KEY["roll"], roll, _ROLL_COLUMNS[body], lang)))
    out.append((name("present"), [[_header_of("present", "id", lang)], *([p] for p in data.get("present", []))]))
    if body == "party" or data.get("exclusions"):
        cols = ("member", "category", "upper_approved", "meeting_approved", "note", "motion")
        out.append((name("exclusions"), _table_rows(_BY_KEY["exclusions"], data.get("exclusions", []), cols, lang)))
    if body == "village" or data.get("proxies"):
        cols = ("principal", "agent", "relation", "written", "filed")
        out.append((name("proxies"), _table_rows(_BY_KEY["proxies"], data.get("proxies", []), cols, lang)))
    if body == "village" or data.get("mobile"):
        out.append((name("mobile"), [[_header_of("mobile", "id", lang)], *([p] for p in data.get("mobile", []))]))
    if data.get("scribes"):
        out.append((name("scribes"), _table_rows(_BY_KEY["scribes"], data["scribes"], ("elector", "scribe"), lang)))
    contests = list(data.get("contests", []))
    rows = _table_rows(_BY_KEY["contests"], contests, ("id", "title", "seats", "post", "stage"), lang)
    out.append((name("contests"), rows))
    cand: Rows = [[_header_of("candidates", "contest", lang), _header_of("candidates", "candidate", lang)]]
    cand.extend([c.get("id"), who] for c in contests for who in c.get("candidates", []))
    out.append((name("candidates"), cand))
    ballots = data.get("ballots", {})
    if "totals" in ballots:
        tally: Rows = [[_header_of("tally", k, lang) for k in ("contest", "valid", "invalid")]]
        votes: Rows = [[_header_of("votes", k, lang) for k in ("contest", "candidate", "votes")]]
        for cid, sheet in ballots["totals"].items():
            tally.append([cid, sheet.get("valid"), sheet.get("invalid")])
            votes.extend([cid, who, n] for who, n in sheet.get("for", {}).items())
        out.append((name("tally"), tally))
        out.append((name("votes"), votes))
    else:
        out.append((name("ballots"), _ballot_rows(contests, ballots.get("items", []), lang)))
    if data.get("declared") is not None:
        declared: Rows = [[_header_of("declared", k, lang) for k in ("contest", "person", "elected", "votes")]]
        for cid, said in data["declared"].items():
            votes_said = said.get("votes") or {}
            people = list(dict.fromkeys([*said.get("elected", []), *votes_said]))
            if not people:
                declared.append([cid, None, None, None])
            for who in people:
                declared.append([cid, who, _yes_no(who in said.get("elected", []), lang), votes_said.get(who)])
        out.append((name("declared"), declared))
    if data.get("reductions"):
        red: Rows = [[_header_of("reductions", k, lang) for k in ("contest", "consent", "presidium")]]
        for cid, plan in data["reductions"].items():
            red.append([cid, plan.get("consent"), _out(plan.get("presidium"), "bool", lang)])
        out.append((name("reductions"), red))
    board = data.get("board") or {}
    if board.get("village") or board.get("party"):
        seats = [{"side": side, **seat} for side in ("village", "party") for seat in board.get(side, [])]
        cols = ("side", "id", "post", "name", "sex", "born", "party_member")
        out.append((name("board"), _table_rows(_BY_KEY["board"], seats, cols, lang)))
    objections = (data.get("timeline") or {}).get("objections")
    if objections:
        out.append((name("objections"), _table_rows(_BY_KEY["objections"], objections, ("filed", "decided"), lang)))
    return out


def _get(data: Mapping[str, Any], path: str) -> Any:
    value: Any = data
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _header_of(sheet: str, key: str, lang: Lang) -> str:
    col = next(c for c in _BY_KEY[sheet].columns if c.key == key)
    return str(getattr(col, lang))


def _ballot_rows(contests: Sequence[Mapping[str, Any]], items: Sequence[Any], lang: Lang) -> Rows:
    """One row a paper: its number, spoiled or not, a cell per candidate, the write-ins."""
    columns: list[tuple[str, str | None]] = []
    for c in contests:
        cid = c.get("id", "")
        extra = [
            who
            for paper in items
            if isinstance(paper.get(cid), Mapping)
            for key in MARKS
            for who in paper[cid].get(key, [])
        ]
        people = list(dict.fromkeys([*c.get("candidates", []), *extra]))
        columns.extend((cid, who) for who in people)
        columns.append((cid, None))
    index = {col: j for j, col in enumerate(columns)}
    fixed = [_header_of("ballots", "paper", lang), _header_of("ballots", "spoiled", lang)]
    rows: Rows = [[*fixed, *(f"{cid}:{who if who is not None else WRITE_IN[lang]}" for cid, who in columns)]]
    problems: list[Problem] = []
    for i, paper in enumerate(items):
        row: list[Any] = [i + 1, YES_NO[True][lang] if paper.get("spoiled") else None] + [None] * len(columns)
        for cid, section in paper.items():
            if cid == "spoiled" or not isinstance(section, Mapping):
                continue
            for key, ids in section.items():
                if key == "write_in":
                    row[2 + index[(cid, None)]] = " ".join(ids)
                    continue
                for who in ids:
                    j = 2 + index[(cid, who)]
                    if row[j] is not None:
                        problems.append(Problem(f"ballots.items[{i}].{cid}", "sheet-marked-twice", {"who": shown(who)}))
                    row[j] = MARKS[key][lang]
        rows.append(row)
    if problems:
        raise RecordError(problems)
    return rows


def template_sheets(kind: str, *, lang: Lang = "zh") -> list[tuple[str, Rows]]:
    """The empty sheets of a kind of election, headers only (the settings prefilled with the
    kind): what ``tally template`` writes."""
    if kind not in TEMPLATE_KINDS:
        accepted = tuple(Word("kind", k) for k in TEMPLATE_KINDS)
        raise RecordError(Problem("kind", "not-one-of", {"value": shown(kind), "accepted": accepted}))
    skeleton: dict[str, Any] = {"kind": kind, "roll": [], "present": [], "contests": [], "declared": {}}
    sheets = record_sheets(skeleton, lang=lang)
    tally = _BY_KEY["tally"]
    votes = _BY_KEY["votes"]
    extra: list[tuple[str, Rows]] = [
        (
            tally.zh if lang == "zh" else tally.en,
            [[_header_of("tally", k, lang) for k in ("contest", "valid", "invalid")]],
        ),
        (
            votes.zh if lang == "zh" else votes.en,
            [[_header_of("votes", k, lang) for k in ("contest", "candidate", "votes")]],
        ),
    ]
    ballots_at = next(i for i, (n, _) in enumerate(sheets) if _match_sheet(n) == _BY_KEY["ballots"])
    return [*sheets[: ballots_at + 1], *extra, *sheets[ballots_at + 1 :]]


# --- saving ---------------------------------------------------------------------------------------


def _column_of(sheet_name: str, header: str) -> Column | None:
    spec = _match_sheet(sheet_name)
    if not isinstance(spec, Sheet):
        return None
    key = _header(header)
    return next((c for c in spec.columns if key in (_header(c.zh), _header(c.en))), None)


def write_workbook(path: str | pathlib.Path, sheets: Sequence[tuple[str, Rows]], *, lang: Lang) -> None:
    """Save sheets as an ``.xlsx`` workbook: a first sheet that says how to fill it in, id and
    date columns kept as text, and a drop-down list on every enumerated column. Rows are
    streamed to the file (openpyxl ``write_only``), so a large ballot sheet is never held as cells."""
    from openpyxl import Workbook
    from openpyxl.worksheet.datavalidation import DataValidation

    from ..cli_words import instructions

    book = Workbook(write_only=True)
    first = book.create_sheet(INSTRUCTIONS[lang])
    first.column_dimensions["A"].width = 110
    for line in instructions(lang):
        first.append([line])
    for name, rows in sheets:
        ws = book.create_sheet(name)
        header = rows[0] if rows else []
        spec = _match_sheet(name)
        last = max(len(rows), 1) + 1000
        lists: dict[str, list[str]] = {}  # the drop-down list of a field -> its ranges

        for j, title in enumerate(header):
            col = letter(j)
            ws.column_dimensions[col].width = max(12, 2 * len(str(title)) + 2)
            field = _validation_field(spec, str(title), j)
            if field is not None:
                lists.setdefault(field, []).append(f"{col}2:{col}{last}")
            column = _column_of(name, str(title))
            if column is not None and column.kind in ("id", "date"):
                # Text, so that a typed id keeps its leading zeros and a typed date its form.
                ws.column_dimensions[col].number_format = "@"
        if spec == _BY_KEY["ballots"] and len(header) <= 2:
            lists.setdefault("mark", []).append(f"C2:AZ{last}")  # a template: candidates' columns to add
        if spec == SETTINGS:
            for r, row in enumerate(rows[1:], start=2):
                item = next((s for s in SETTING_ROWS if _header(row[0]) in (_header(s[1]), _header(s[2]))), None)
                if item is not None and item[4] is not None:
                    lists.setdefault(item[4], []).append(f"B{r}")
        ws.freeze_panes = "A2"
        for field, ranges in lists.items():
            words = choices(field, lang)
            dv = DataValidation(type="list", formula1='"' + ",".join(words) + '"', allow_blank=True)
            dv.errorStyle = "warning"  # a word the list lacks is judged on reading, not refused here
            dv.error = ("请从下拉列表中选择：" if lang == "zh" else "Choose from the list: ") + ", ".join(words)
            for where in ranges:
                dv.add(where)
            ws.data_validations.append(dv)
        for row in rows:
            ws.append(row)
    book.save(path)


def _validation_field(spec: Any, title: str, j: int) -> str | None:
    if spec == SETTINGS:
        return None  # one value per row: the instructions sheet lists the words
    if spec == _BY_KEY["ballots"]:
        col = _column_of(_BY_KEY["ballots"].zh, title)
        if col is None:
            return None if WRITE_IN["zh"] in title or WRITE_IN["en"] in title else "mark"
        return "bool" if col.kind == "bool" else None
    if not isinstance(spec, Sheet):
        return None
    col = next((c for c in spec.columns if _header(title) in (_header(c.zh), _header(c.en))), None)
    if col is None:
        return None
    if col.kind == "bool":
        return "bool"
    return col.choices


def write_csv_folder(folder: str | pathlib.Path, sheets: Sequence[tuple[str, Rows]]) -> None:
    """Save sheets as a folder of CSV files, one a sheet, in UTF-8 with a byte-order mark (which
    Excel and WPS open as UTF-8)."""
    out = pathlib.Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for name, rows in sheets:
        with open(out / f"{name}.csv", "w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f)
            for row in rows:
                writer.writerow(["" if v is None else v for v in row])
