"""Ballots and rolls from CSV, as election staff keep them."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

from .._ballot import Ballot, Marks
from .._contest import Contest
from .._roll import Roll
from .._values import shown
from ..errors import Problem, RecordError
from .read import _checked, _member, _Reader
from .record import Note

# --- CSV --------------------------------------------------------------------------------------------

_FOR = {"for", "y", "yes", "1", "✓", "√", "○", "o", "赞成", "同意"}
_AGAINST = {"against", "n", "no", "x", "×", "不赞成", "反对"}
_ABSTAIN = {"abstain", "a", "-", "弃权"}
_UNREADABLE = {"?", "unreadable", "无法辨认"}
_TRUE = {"1", "true", "yes", "y", "是"}


def ballots_from_csv(
    lines: Iterable[str], contest: Contest, *, where: str = "ballots", notes: list[Note] | None = None
) -> Iterator[Ballot]:
    """Papers of one contest from CSV as election staff keep them: a header row, then one row
    per paper with a column per candidate (its id as the header). A cell holds the mark:
    赞成 (``for``, ``✓``, ``○``, ``1``), 不赞成 (``against``, ``×``, ``x``), 弃权
    (``abstain``, ``-``), unreadable (``?``), or nothing. Optional columns: ``write_in`` (ids
    separated by spaces or ``;``) and ``spoiled`` (``1``/``true``/``是``).

    Rows are read one at a time and equal rows share one Ballot, so a large file streams.
    A bad cell raises a :class:`RecordError` naming the row and column (all bad cells of the
    file at once, once the file has been read). Headers and write-ins are ids under the id
    policy (``Ｍ０７`` is ``M07``, invisible characters are refused, two columns that are one id
    are an error); each id written another way is added once to *notes*, when given.

    >>> rows = ["M01,M02,M03,write_in", "✓,×,,", "✓,✓,✓,", "-,×,✓,M09"]
    >>> contest = Contest("c", seats=2, candidates=["M01", "M02", "M03"])
    >>> for paper in ballots_from_csv(rows, contest):
    ...     print(paper.sections["c"].to_dict())
    {'for': ['M01'], 'against': ['M02']}
    {'for': ['M01', 'M02', 'M03']}
    {'for': ['M03'], 'against': ['M02'], 'abstain': ['M01'], 'write_in': ['M09']}
    """
    reader = csv.reader(iter(lines))
    first = next(reader, None)
    if first is None:
        raise RecordError(Problem(where, "the CSV file is empty: it needs a header row"))
    r = _Reader()
    header = _header(r, first, where)
    known = set(contest.candidates)
    seen: dict[str, int] = {}
    for j, name in enumerate(header):
        if name is None:
            continue
        if name in seen:
            r.bad(f"{where}[0][{j}]", f"column {shown(name)} again (first at column {seen[name]})")
        seen.setdefault(name, j)
        if name not in known and name not in ("write_in", "spoiled"):
            r.bad(f"{where}[0][{j}]", f"column {shown(name)} is not a candidate of {shown(contest.id)}")
    if r.problems:
        raise RecordError(r.problems)
    names = [name or "" for name in header]
    memo: dict[tuple[str, ...], Ballot] = {}
    for i, row in enumerate(reader, start=1):
        if not row:
            continue  # an empty line; a row of empty cells is a blank paper
        cells = tuple(row)
        paper = memo.get(cells)
        if paper is None:
            paper = _csv_paper(tuple(c.strip() for c in cells), names, contest, f"{where}[{i}]", r)
            if paper is None:
                continue
            memo[cells] = paper
        yield paper
    if notes is not None:
        notes.extend(r.notes())
    if r.problems:
        raise RecordError(r.problems)


def _header(r: _Reader, header: list[str], where: str) -> list[str | None]:
    """The header's names under the id policy (a byte-order mark before the first is dropped)."""
    if header:
        header = [header[0].removeprefix("\ufeff"), *header[1:]]
    return [r.ident(f"{where}[0][{j}]", name) for j, name in enumerate(header)]


def _csv_paper(cells: tuple[str, ...], header: list[str], contest: Contest, path: str, r: _Reader) -> Ballot | None:
    if len(cells) != len(header):
        r.bad(path, f"{len(cells)} cells, but the header has {len(header)}")
        return None
    marks: dict[str, list[str]] = {"for_": [], "against": [], "abstain": [], "unreadable": [], "write_in": []}
    spoiled = False
    for j, (name, cell) in enumerate(zip(header, cells, strict=True)):
        low = cell.lower()
        if name == "spoiled":
            spoiled = low in _TRUE
        elif name == "write_in":
            written = [r.ident(f"{path}[{j}]", w) for w in cell.replace(";", " ").split() if w]
            if None in written:
                return None
            marks["write_in"] = [w for w in written if w is not None]
        elif not cell:
            continue
        elif low in _FOR:
            marks["for_"].append(name)
        elif low in _AGAINST:
            marks["against"].append(name)
        elif low in _ABSTAIN:
            marks["abstain"].append(name)
        elif low in _UNREADABLE:
            marks["unreadable"].append(name)
        else:
            r.bad(f"{path}[{j}]", f"{shown(cell)} is not a mark (for ✓, against ×, abstain -, unreadable ?)")
            return None
    if spoiled:
        return Ballot(spoiled=True)
    return Ballot({contest.id: Marks(**marks)})


def roll_from_csv(lines: Iterable[str], *, where: str = "roll", notes: list[Note] | None = None) -> Roll:
    """A party roll from CSV: a header with ``id`` and any of ``name``, ``sex``, ``born``,
    ``standing``, ``rights``, then one row per member. Every bad cell is reported at once. Ids
    follow the id policy (each id written another way is added once to *notes*, when given),
    dates are ``YYYY-MM-DD``.

    >>> roll = roll_from_csv(["id,name,standing", "M01,张三,full", "M02,李四,probationary"])
    >>> [(m.id, m.name, m.standing.value) for m in roll]
    [('M01', '张三', 'full'), ('M02', '李四', 'probationary')]
    """
    reader = csv.DictReader(iter(lines))
    fields = [f.strip().lstrip("\ufeff") for f in (reader.fieldnames or [])]
    allowed = ("id", "name", "sex", "born", "standing", "rights")
    r = _Reader()
    if "id" not in fields:
        r.bad(where, "the header needs an id column")
    for j, name in enumerate(fields):
        if name not in allowed:
            r.bad(f"{where}[0][{j}]", f"unknown column {shown(name)}; the columns are {', '.join(allowed)}")
    if r.problems:
        raise RecordError(r.problems)
    reader.fieldnames = fields
    members = []
    for i, row in enumerate(reader):
        # Cells are trimmed, but for the id, which the id policy trims with a note.
        cells = {k: v for k, v in row.items() if k is not None and v is not None and v.strip()}
        item = {k: v if k == "id" else v.strip() for k, v in cells.items()}
        members.append(_member(r, f"{where}[{i}]", item, {}))
    if r.problems:
        raise RecordError(r.problems)
    if notes is not None:
        notes.extend(r.notes())
    roll: Roll = _checked(lambda: Roll(m for m in members if m is not None))
    return roll
