"""Ballots and rolls from CSV, as election staff keep them."""

from __future__ import annotations

import csv
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator

import attrs

from .._ballot import Ballot, Marks
from .._contest import Contest
from .._roll import Roll
from .._values import shown
from ..errors import Problem, RecordError
from .read import _member, _Reader
from .record import Note
from .sheets import letter
from .vocabulary import mark_choices, read_word, unknown

# --- CSV --------------------------------------------------------------------------------------------

_MARK_LISTS = {"for": "for_", "against": "against", "abstain": "abstain", "unreadable": "unreadable"}


def ballots_from_csv(
    lines: Iterable[str], contest: Contest, *, where: str = "ballots", notes: list[Note] | None = None
) -> Iterator[Ballot]:
    """Papers of one contest from CSV as election staff keep them: a header row, then one row
    per paper with a column per candidate (its id as the header). A cell holds the mark:
    赞成 (``for``, ``✓``, ``○``, ``1``), 不赞成 (``against``, ``×``, ``x``), 弃权
    (``abstain``, ``-``), unreadable (``?``), or nothing; the words are those of
    :mod:`tally.records.vocabulary` (``mark``), in any case and width. Optional columns:
    ``write_in`` (ids separated by spaces or ``;``) and ``spoiled`` (``是``/``废``/``true`` for
    a spoiled paper, ``否``/``false`` or an empty cell for one that is not; any other word is an
    error, never a silent "not spoiled").

    Rows are read one at a time and equal rows share one Ballot, so a large file streams.
    A bad cell raises a :class:`RecordError` naming the row and column (all bad cells of the
    file at once, once the file has been read; a bad row that comes again is named at its
    first row, with how many more there were, as :func:`weighted_ballots_from_csv` does).
    Headers and write-ins are ids under the id policy (``Ｍ０７`` is ``M07``, invisible
    characters are refused, two columns that are one id are an error); each id written another
    way is added once to *notes*, when given.

    >>> rows = ["M01,M02,M03,write_in", "✓,×,,", "✓,✓,✓,", "-,×,✓,M09"]
    >>> contest = Contest("c", seats=2, candidates=["M01", "M02", "M03"])
    >>> for paper in ballots_from_csv(rows, contest):
    ...     print(paper.sections["c"].to_dict())
    {'for': ['M01'], 'against': ['M02']}
    {'for': ['M01', 'M02', 'M03']}
    {'for': ['M03'], 'against': ['M02'], 'abstain': ['M01'], 'write_in': ['M09']}
    """
    reader = csv.reader(iter(lines))
    r = _Reader()
    header = _ballot_header(next(reader, None), contest, where, r)
    problems = r.problems
    memo: dict[tuple[str, ...], Ballot] = {}
    bad: dict[tuple[str, ...], list[int]] = {}  # a bad row -> its problems' place, how many more came
    for i, row in enumerate(reader, start=1):
        if not row:
            continue  # an empty line; a row of empty cells is a blank paper
        cells = tuple(row)
        paper = memo.get(cells)
        if paper is None:
            if cells in bad:
                bad[cells][2] += 1  # said once, at its first row, as the grouped reader does
                continue
            before = len(problems)
            paper = _csv_paper(tuple(c.strip() for c in cells), header, contest, f"{where}[{i}]", r)
            if paper is None:
                bad[cells] = [before, len(problems), 0]
                continue
            memo[cells] = paper
        yield paper
    if notes is not None:
        notes.extend(r.notes())
    for start, end, more in bad.values():
        if more:
            problems[start:end] = [p.again(more, "rows") for p in problems[start:end]]
    if problems:
        raise RecordError(problems)


def _ballot_header(first: list[str] | None, contest: Contest, where: str, r: _Reader) -> list[str]:
    """A ballots file's header: candidates' ids under the id policy, ``write_in`` and ``spoiled``;
    every problem of it at once."""
    if first is None:
        raise RecordError(Problem(where, "csv-empty"))
    read = _header(r, first, where)
    problems = r.problems
    problems.extend(_twice([name for name in read if name is not None], where, read))
    known = set(contest.candidates)
    for j, name in enumerate(read):
        if name is not None and name not in known and name not in ("write_in", "spoiled"):
            values = {"name": shown(name), "contest": shown(contest.id)}
            problems.append(Problem(f"{where}[0][{j}]", "csv-column-not-candidate", values))
    if problems:
        raise RecordError(problems)
    return [name or "" for name in read]


def weighted_ballots_from_csv(
    lines: Iterable[str], contest: Contest, *, where: str = "ballots", notes: list[Note] | None = None
) -> list[tuple[Ballot, int]]:
    """Papers of one contest from CSV, as :func:`ballots_from_csv` reads them, grouped: each
    distinct row once as ``(paper, n)``, in the order each first appears, ready for
    ``count(contests, weighted=...)``.

    Equal lines are grouped as the file is read, by C code (``dict`` and ``Counter``), keeping one
    entry per distinct line: a file of millions of rows streams at about the speed of reading
    it. Each distinct row is then parsed and checked once, and a bad one is named at its first
    row with how many more rows like it there were. A quoted cell that runs over several lines
    (a line break typed in a cell) cannot be told from its lines apart: the rows are then read
    again with ``csv`` (from a list, or an open file that can seek), or the error says so.

    >>> rows = ["M01,M02,M03", "✓,×,", "✓,✓,✓", "✓,×,"]
    >>> contest = Contest("c", seats=2, candidates=["M01", "M02", "M03"])
    >>> [(paper.sections["c"].to_dict(), n) for paper, n in weighted_ballots_from_csv(rows, contest)]
    [({'for': ['M01'], 'against': ['M02']}, 2), ({'for': ['M01', 'M02', 'M03']}, 1)]
    """
    source = iter(lines)
    line = next(source, None)
    r = _Reader()
    header = _ballot_header(None if line is None else next(csv.reader([line]), []), contest, where, r)
    # Line number of the first line like each: setdefault keeps the first; Counter counts the lines
    # by that first line number. All of it runs in C, line by line, one entry per distinct line.
    first: dict[str, int] = {}
    counts = Counter(map(first.setdefault, source, itertools.count(1)))
    rows: list[tuple[list[str], int, int]] = []
    for text, i in first.items():
        row = next(csv.reader([text]), [])
        if any("\n" in cell or "\r" in cell for cell in row):
            rows = _rows_again(lines, where, i)
            break
        rows.append((row, i, counts[i]))
    out = _weighted(rows, header, contest, where, r)
    if notes is not None:
        notes.extend(r.notes())
    return out


def _rows_again(lines: Iterable[str], where: str, at: int) -> list[tuple[list[str], int, int]]:
    """The rows grouped by ``csv`` itself, for a file whose quoted cells run over lines."""
    seek = getattr(lines, "seek", None)
    if isinstance(lines, list | tuple):
        again: Iterable[str] = lines
    elif seek is not None and getattr(lines, "seekable", lambda: False)():
        seek(0)
        again = lines
    else:
        raise RecordError(Problem(f"{where}[{at}]", "csv-cell-over-lines"))
    reader = csv.reader(again)
    next(reader, None)  # the header, read already
    first: dict[tuple[str, ...], int] = {}
    counts = Counter(map(first.setdefault, map(tuple, reader), itertools.count(1)))
    return [(list(cells), i, counts[i]) for cells, i in first.items()]


def _weighted(
    rows: list[tuple[list[str], int, int]], header: list[str], contest: Contest, where: str, r: _Reader
) -> list[tuple[Ballot, int]]:
    """Each distinct row (cells, first row, how many) checked once, as (paper, n)."""
    problems = r.problems
    out: list[tuple[Ballot, int]] = []
    for cells, i, n in rows:
        if not cells:
            continue  # an empty line; a row of empty cells is a blank paper
        before = len(problems)
        paper = _csv_paper(tuple(c.strip() for c in cells), header, contest, f"{where}[{i}]", r)
        if paper is not None:
            out.append((paper, n))
        elif n > 1:
            problems[before:] = [p.again(n - 1, "rows") for p in problems[before:]]
    if problems:
        raise RecordError(problems)
    return out


def _header(r: _Reader, header: list[str], where: str) -> list[str | None]:
    """The header's names under the id policy (a byte-order mark before the first is dropped)."""
    if header:
        header = [header[0].removeprefix("\ufeff"), *header[1:]]
    return [r.ident(f"{where}[0][{j}]", name) for j, name in enumerate(header)]


def _csv_paper(cells: tuple[str, ...], header: list[str], contest: Contest, path: str, r: _Reader) -> Ballot | None:
    problems = r.problems
    if len(cells) != len(header):
        problems.append(Problem(path, "csv-row-length", {"cells": len(cells), "header": len(header)}))
        return None
    marks: dict[str, list[str]] = {"for_": [], "against": [], "abstain": [], "unreadable": [], "write_in": []}
    spoiled = False
    bad = False
    for j, (name, cell) in enumerate(zip(header, cells, strict=True)):
        if name == "spoiled":
            if cell:
                said = read_word("spoiled", cell)
                if said is None:
                    problems.append(unknown("spoiled", cell).at(f"{path}[{j}]"))
                    bad = True
                spoiled = said is True
        elif name == "write_in":
            written = [r.ident(f"{path}[{j}]", w) for w in cell.replace(";", " ").split() if w]
            bad = bad or None in written
            marks["write_in"] = [w for w in written if w is not None]
        elif cell:
            mark = read_word("mark", cell)
            if mark is None:
                values = {"value": shown(cell), "marks": mark_choices()}
                problems.append(Problem(f"{path}[{j}]", "csv-not-a-mark", values))
                bad = True
            else:
                marks[_MARK_LISTS[str(mark)]].append(name)
    if bad:
        return None
    if spoiled:
        return Ballot(spoiled=True)
    return Ballot({contest.id: Marks(**marks)})


def _twice(header: list[str], where: str, places: list[str | None] | None = None) -> list[Problem]:
    """A column named twice in a header: both read (ballots), or the last (rolls), never said.
    *places* is the header as read, with ``None`` for a name refused, to give each its column."""
    columns = [j for j, name in enumerate(places) if name is not None] if places is not None else range(len(header))
    first: dict[str, int] = {}
    problems = []
    for j, name in zip(columns, header, strict=True):
        if name in first:
            values = {"name": shown(name), "first": letter(first[name])}  # the column as a spreadsheet shows it
            problems.append(Problem(f"{where}[0][{j}]", "csv-column-twice", values))
        first.setdefault(name, j)
    return problems


def roll_from_csv(lines: Iterable[str], *, where: str = "roll", notes: list[Note] | None = None) -> Roll:
    """A party roll from CSV: a header with ``id`` and any of ``name``, ``sex``, ``born``,
    ``standing``, ``rights``, then one row per member. The words of ``sex``, ``standing`` and
    ``rights`` may be Chinese or English (``女``, ``预备党员``, ``留党察看``); an empty cell
    leaves ``standing`` and ``rights`` at ``full``, as in a record. Every bad cell is reported at
    once. Ids follow the id policy (each id written another way is added once to *notes*, when
    given); dates are ``YYYY-MM-DD``.

    A problem names the row of the file as :func:`ballots_from_csv` counts it: the header is
    row 0 (``roll[0][2]``, its third column), the first member row 1 (``roll[1].sex``), and an
    id given twice is said at its second row with its first (``roll[3].id``, first at
    ``roll[1]``).

    >>> roll = roll_from_csv(["id,name,standing", "M01,张三,full", "M02,李四,probationary"])
    >>> [(m.id, m.name, m.standing.value) for m in roll]
    [('M01', '张三', 'full'), ('M02', '李四', 'probationary')]
    """
    reader = csv.reader(iter(lines))
    first = next(reader, None) or []
    fields = [f.strip().lstrip("\ufeff") for f in first]
    allowed = ("id", "name", "sex", "born", "standing", "rights")
    r = _Reader()
    r.problems.extend(_twice(fields, where))
    if "id" not in fields:
        r.bad(where, "csv-needs-id-column")
    for j, name in enumerate(fields):
        if name not in allowed:
            r.bad(f"{where}[0][{j}]", "csv-unknown-column", {"name": shown(name), "columns": allowed})
    if r.problems:
        raise RecordError(r.problems)
    members = []
    rows: list[int] = []  # the row of the file of each member
    for i, row in enumerate(reader, start=1):
        if not row:
            continue  # an empty line
        # Cells are trimmed, but for the id, which the id policy trims with a note. A cell beyond
        # the header has no column and is not read; a column a row stops short of is empty.
        cells = {k: v for k, v in zip(fields, row, strict=False) if v.strip()}
        item = {k: v if k == "id" else v.strip() for k, v in cells.items()}
        members.append(_member(r, f"{where}[{i}]", item, {}))
        rows.append(i)
    if r.problems:
        raise RecordError(r.problems)
    if notes is not None:
        notes.extend(r.notes())
    try:
        return Roll(m for m in members if m is not None)
    except RecordError as error:
        raise RecordError([_at_row(p, where, rows) for p in error.problems]) from None


_ROLL_PATH = re.compile(r"roll\[(\d+)\]")


def _at_row(problem: Problem, where: str, rows: list[int]) -> Problem:
    """A problem of the Roll itself (``roll[2].id``, first at ``roll[0]``: places in the roll)
    at the rows of the file they came from."""

    def row(text: str) -> str:
        return _ROLL_PATH.sub(lambda m: f"{where}[{rows[int(m.group(1))]}]", text, count=1)

    values = dict(problem.values)
    first = values.get("first")
    if isinstance(first, str):
        values["first"] = row(first)
    return attrs.evolve(problem, path=row(problem.path), values=values)
