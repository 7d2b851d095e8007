"""The election record (``tally.record/1``) as a value: read, checked, counted, verified."""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from typing import Any, Protocol

import attrs

from .._assembly import check_delegates
from .._ballot import Ballot, Scribe
from .._compliance import Board, Finding, Timeline, check_board, check_timeline
from .._contest import Contest
from .._count import Reduction, Round, Totals, count
from .._meeting import Exclusion, Meeting, meeting
from .._polling import Polling, polling
from .._proxy import Proxy
from .._roll import Roll
from .._rulebook import Kind, Rulebook
from .._values import FrozenMap
from .._verify import Declared, Verification, verify
from .._voters import VoterRoll
from ..errors import Problem, RecordError, RuleError

RECORD_FORMAT = "tally.record/1"
RESULT_FORMAT = "tally.result/1"

_PARTY_KINDS = {Kind.PARTY_MEETING.value, Kind.PARTY_CONFERENCE.value}
_ALL_KINDS = (*_PARTY_KINDS, "village-committee", "residents-committee")


# --- read-only JSON ------------------------------------------------------------------------------


def frozen(value: Any) -> Any:
    """JSON data made read-only all the way down: objects as :class:`~tally.FrozenMap`, arrays as
    tuples (the values of a record's ``rules`` and ``extra``). :func:`thawed` undoes it.

    >>> frozen({"source": ["scan", {"page": 3}]})
    FrozenMap({'source': ('scan', FrozenMap({'page': 3}))})
    """
    if isinstance(value, Mapping):
        return FrozenMap({str(k): frozen(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(frozen(v) for v in value)
    return value


def thawed(value: Any) -> Any:
    """Read-only JSON data as plain JSON again: maps as dicts, tuples as lists."""
    if isinstance(value, Mapping):
        return {k: thawed(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [thawed(v) for v in value]
    return value


def _frozen_map(value: Mapping[str, Any]) -> FrozenMap[Any]:
    return FrozenMap({str(k): frozen(v) for k, v in value.items()})


def _map(value: Mapping[str, Any]) -> FrozenMap[Any]:
    return value if isinstance(value, FrozenMap) else FrozenMap(value)


def _optional_map(value: Mapping[str, Any] | None) -> FrozenMap[Any] | None:
    return None if value is None else _map(value)


# --- the record ---------------------------------------------------------------------------------


@attrs.frozen
class Note:
    """Something the loading did that the user should know, though nothing is wrong: a file read
    as GB18030 (``gb18030``, with its ``file``), cells whose full-width characters were folded
    (``folded``) or whose spaces were trimmed (``trimmed``), with their ``count`` and the
    ``first`` cell. The words for each code are in :mod:`tally.cli_words`.

    >>> Note("gb18030", {"file": "名册.csv"})
    Note(code='gb18030', values={'file': '名册.csv'})
    """

    code: str
    values: Mapping[str, str] = attrs.field(factory=dict)


class Cells(Protocol):
    """Where the record's paths came from, for a record read from sheets."""

    def cell(self, path: str) -> str: ...


class GroupedItems:
    """``ballots.items`` as the stream reads it, before any check: each distinct raw paper once,
    as ``(first, n, item)``: where the first paper like it stands, how many there were, and the
    paper as ``json`` would have built it; ``papers`` in all."""

    __slots__ = ("items", "papers")

    def __init__(self, items: tuple[tuple[int, int, Any], ...], papers: int) -> None:
        self.items = items
        self.papers = papers


class StreamedRoll:
    """``roll`` as the stream reads it, before any check: each item as ``json`` would build it,
    except an item that is ``{"id": "..."}`` and nothing else, kept as that id alone."""

    __slots__ = ("entries",)

    def __init__(self, entries: list[Any]) -> None:
        self.entries = entries


@attrs.frozen
class Papers:
    """The papers of a record read as a stream, checked: each distinct paper once, as
    ``(paper, n, first)``. Iterating gives every paper, equal papers together, in the order each
    first appears; ``len`` is the number of papers.

    >>> from tally import Ballot
    >>> papers = Papers(((Ballot(spoiled=True), 2, 0), (Ballot(), 1, 1)))
    >>> len(papers), [p.spoiled for p in papers], [n for _, n in papers.weighted()]
    (3, [True, True, False], [2, 1])
    """

    groups: tuple[tuple[Ballot, int, int], ...]

    def __len__(self) -> int:
        return sum(n for _, n, _ in self.groups)

    def __iter__(self) -> Iterator[Ballot]:
        for paper, n, _ in self.groups:
            for _ in range(n):
                yield paper

    def weighted(self) -> list[tuple[Ballot, int]]:
        """The ``(paper, n)`` pairs that :func:`tally.count` takes as ``weighted``."""
        return [(paper, n) for paper, n, _ in self.groups]


@attrs.define(frozen=True, kw_only=True, eq=True)
class Record:
    """One election round as the record format describes it, read and checked.

    Build one with :meth:`from_dict` (or :func:`load` from a file); :meth:`to_dict` writes it
    back. :meth:`count` recounts the round, :meth:`verify` compares it with what was declared.
    A record is read-only all the way down: its maps are :class:`~tally.FrozenMap`, its lists
    tuples, every value inside them frozen.
    """

    title: str
    kind: str
    rulebook_id: str
    rules: FrozenMap[Any] = attrs.field(converter=_frozen_map)
    """The ``rules`` of the record: each overridden field in its JSON form (read-only)."""
    rulebook: Rulebook
    day: datetime.date
    roll: Roll | VoterRoll
    exclusions: tuple[Exclusion, ...]
    present: tuple[str, ...]
    proxies: tuple[Proxy, ...]
    mobile: tuple[str, ...]
    scribes: tuple[Scribe, ...]
    contests: tuple[Contest, ...]
    collected: int
    issued: int | None
    items: tuple[Ballot, ...] | Papers | None
    """The papers one by one (:meth:`from_dict`), or grouped (:func:`load` of a file, which
    streams them), or ``None`` when the record gives the totals."""
    totals: FrozenMap[Totals] | None = attrs.field(converter=_optional_map)
    reductions: FrozenMap[Reduction] = attrs.field(converter=_map)
    declared: FrozenMap[Declared] | None = attrs.field(converter=_optional_map)
    mode: str | None = None
    """R-2, residents' committees only: ``direct``, ``household`` or ``group-representatives``."""
    board: Board | None = None
    """The elected boards, for the composition checks (T-1 … T-6); ``None`` when not given."""
    timeline: Timeline | None = None
    """The dates of the polling's preparation, for the timeline checks (V-8)."""
    extras: FrozenMap[Any] = attrs.field(factory=FrozenMap, converter=_frozen_map)
    """The ``extra`` values of the record and of its items, by path, written back unchanged
    (read-only: objects as :class:`~tally.FrozenMap`, arrays as tuples)."""
    notes: tuple[Note, ...] = attrs.field(default=(), eq=False)
    """What the loading changed or assumed, for the user to know (a file read as GB18030)."""
    cells: Cells | None = attrs.field(default=None, eq=False, repr=False)
    """For a record read from a workbook or CSV folder: the map from its paths to the cells, so
    that an error found while counting names the cell (``选票!C12``)."""
    _meeting: list[Meeting | Polling] = attrs.field(factory=list, init=False, eq=False, repr=False)
    _round: list[Round] = attrs.field(factory=list, init=False, eq=False, repr=False)

    @classmethod
    def from_dict(cls, data: Any) -> Record:
        """Read and check a record from parsed JSON.

        Every problem of the record is found in one run, whatever its phase: the shape of the
        JSON, the words of its fields, the references (ids on the roll, sign-in, exclusions,
        proxies), the contests' margins and candidates, the papers' marks and what was declared.
        They come back together, each with its path, as a :class:`~tally.errors.RecordError`,
        or a :class:`~tally.errors.RuleError` when every one of them is against the rules (a
        margin, a rulebook value out of range)."""
        from .read import _read_record

        return _read_record(data)

    @classmethod
    def check(cls, data: Any) -> tuple[Problem, ...]:
        """The problems of a record in parsed JSON, all of them, each with its path; ``()`` when
        the record is sound. It never raises for bad input: a checker's answer is the list (use
        :meth:`from_dict` to get the record, or the same problems as an error).

        >>> from tally.examples import load
        >>> data = load("branch")
        >>> Record.check(data)
        ()
        >>> data["present"][2], data["contests"][0]["seats"] = "M99", 4
        >>> for problem in Record.check(data):
        ...     print(problem)
        present[2]: 'M99' is not on the roll
        contests[0].candidates: 4 candidates for 4 seats; the rules require at least 5 (P-12, INSUFFICIENT_MARGIN)
        """
        try:
            cls.from_dict(data)
        except (RecordError, RuleError) as error:
            return error.problems
        return ()

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON-ready data, in the record format."""
        from .write import _write_record

        return _write_record(self)

    def meeting(self) -> Meeting | Polling:
        """The meeting of this record (party kinds: sign-in, exclusions, quorum) or its polling
        (village and residents' kinds: sign-in, proxies, mobile box, turnout), worked out once."""
        if not self._meeting:
            if isinstance(self.roll, VoterRoll):
                candidates = {w for c in self.contests for w in c.candidates}
                self._meeting.append(
                    polling(
                        self.roll,
                        present=self.present,
                        proxies=self.proxies,
                        mobile=self.mobile,
                        candidates=candidates,
                        mode=self.mode or "direct",
                        rulebook=self.rulebook,
                        day=self.day,
                    )
                )
            else:
                self._meeting.append(
                    meeting(self.roll, present=self.present, exclusions=self.exclusions, rulebook=self.rulebook)
                )
        return self._meeting[0]

    def count(self) -> Round:
        """Recount the round (counted once: a record read by :meth:`from_dict` was counted when
        it was checked)."""
        if self._round:
            return self._round[0]
        try:
            body = self.meeting()
            grouped = self.items if isinstance(self.items, Papers) else None
            counted = count(
                self.contests,
                None if grouped is not None else self.items,
                weighted=grouped.weighted() if grouped is not None else None,
                meeting=body,
                totals=self.totals,
                collected=self.collected,
                issued=self.issued,
                proxies=self.proxies if isinstance(body, Meeting) else (),
                scribes=self.scribes,
                reductions=self.reductions,
            )
        except (RecordError, RuleError) as error:
            where = self.cells.cell if self.cells is not None else str
            firsts = [first for _, _, first in grouped.groups] if grouped is not None else []
            raise type(error)(p.at(where(_record_path(p.path, firsts))) for p in error.problems) from None
        self._round.append(counted)
        return counted

    def verify(self) -> Verification:
        """Recount and compare with what was declared."""
        return verify(self.count(), self.declared or {})

    def compliance(self) -> tuple[Finding, ...]:
        """The composition checks of the board and the timeline checks, where the record gives
        them (T-1 … T-6, V-1, V-8, V-28 … V-30, R-1), and a conference's size (PC-2); none
        otherwise. They never change a count."""
        found: list[Finding] = []
        if self.board is not None:
            found.extend(check_board(self.board, rulebook=self.rulebook, day=self.day))
        if self.timeline is not None or (self.proxies and isinstance(self.roll, VoterRoll)):
            found.extend(check_timeline(self.timeline, rulebook=self.rulebook, day=self.day, proxies=self.proxies))
        if self.rulebook.kind is Kind.PARTY_CONFERENCE:
            found.extend(check_delegates(len(self.roll), rulebook=self.rulebook))  # PC-2: the roll is the delegates
        return tuple(found)


def _record_path(path: str, firsts: list[int] | None = None) -> str:
    """A path of the counting API as the record names it; ``weighted[g][0]`` is the paper where
    the group *g* of a streamed record first stands."""
    if path.startswith("weighted[") and firsts:
        g, _, rest = path[len("weighted[") :].partition("]")
        if g.isdigit() and int(g) < len(firsts) and rest.startswith("[0]"):
            return f"ballots.items[{firsts[int(g)]}]{rest[3:]}"
    for old, new in (
        ("ballots[", "ballots.items["),
        ("totals.", "ballots.totals."),
        ("collected", "ballots.collected"),
        ("issued", "ballots.issued"),
    ):
        if path.startswith(old):
            return new + path[len(old) :]
    return path
