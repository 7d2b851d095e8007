"""The election record (``tally.record/1``) as a value: read, checked, counted, verified."""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from .._ballot import Ballot, Scribe
from .._compliance import Board, Finding, Timeline, check_board, check_timeline
from .._contest import Contest
from .._count import Reduction, Round, Totals, count
from .._meeting import Exclusion, Meeting, meeting
from .._polling import Polling, polling
from .._proxy import Proxy
from .._roll import Roll
from .._rulebook import Kind, Rulebook
from .._verify import Declared, Verification, verify
from .._voters import VoterRoll
from ..errors import Problem, RecordError, RuleError

RECORD_FORMAT = "tally.record/1"
RESULT_FORMAT = "tally.result/1"

_PARTY_KINDS = {Kind.PARTY_MEETING.value, Kind.PARTY_CONFERENCE.value}
_ALL_KINDS = (*_PARTY_KINDS, "village-committee", "residents-committee")


# --- papers read as a stream ----------------------------------------------------------------------


@attrs.frozen
class GroupedItems:
    """``ballots.items`` as the stream reads it, before any check: each distinct raw paper once,
    as ``(first, n, item)``: where the first paper like it stands, how many there were, and the
    paper as ``json`` would have built it; ``papers`` in all."""

    items: tuple[tuple[int, int, Any], ...]
    papers: int


@attrs.frozen
class StreamedRoll:
    """``roll`` as the stream reads it, before any check: each item as ``json`` would build it,
    except an item that is ``{"id": "..."}`` and nothing else, kept as that id alone."""

    entries: list[Any]


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


# --- the record ---------------------------------------------------------------------------------


@attrs.define(frozen=True, kw_only=True, eq=True)
class Record:
    """One election round as the record format describes it, read and checked.

    Build one with :meth:`from_dict` (or :func:`load` from a file); :meth:`to_dict` writes it
    back. :meth:`count` recounts the round, :meth:`verify` compares it with what was declared.
    """

    title: str
    kind: str
    rulebook_id: str
    rules: Mapping[str, Any]
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
    totals: Mapping[str, Totals] | None
    reductions: Mapping[str, Reduction]
    declared: Mapping[str, Declared] | None
    mode: str | None = None
    """R-2, residents' committees only: ``direct``, ``household`` or ``group-representatives``."""
    board: Board | None = None
    """The elected boards, for the composition checks (T-1 … T-6); ``None`` when not given."""
    timeline: Timeline | None = None
    """The dates of the polling's preparation, for the timeline checks (V-8)."""
    extras: Mapping[str, Any] = attrs.field(factory=dict)
    """The ``extra`` values of the record and of its items, by path, written back unchanged."""
    _meeting: list[Meeting | Polling] = attrs.field(factory=list, init=False, eq=False, repr=False)

    @classmethod
    def from_dict(cls, data: Any) -> Record:
        """Read a record from parsed JSON; every problem at once as a :class:`RecordError`."""
        from .read import _read_record

        return _read_record(data)

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
        """Recount the round."""
        try:
            body = self.meeting()
            grouped = isinstance(self.items, Papers)
            return count(
                self.contests,
                None if isinstance(self.items, Papers) else self.items,
                weighted=self.items.weighted() if isinstance(self.items, Papers) else None,
                meeting=body,
                totals=self.totals,
                collected=self.collected,
                issued=self.issued,
                proxies=self.proxies if isinstance(body, Meeting) else (),
                scribes=self.scribes,
                reductions=self.reductions,
            )
        except (RecordError, RuleError) as error:
            firsts = [first for _, _, first in self.items.groups] if grouped else []  # type: ignore[union-attr]
            paths = (_record_path(p.path, firsts) for p in error.problems)
            raise type(error)(Problem(path, p.reason) for path, p in zip(paths, error.problems, strict=True)) from None

    def verify(self) -> Verification:
        """Recount and compare with what was declared."""
        return verify(self.count(), self.declared or {})

    def compliance(self) -> tuple[Finding, ...]:
        """The composition checks of the board and the timeline checks, where the record gives
        them (T-1 … T-6, V-1, V-8, V-28 … V-30, R-1); none otherwise. They never change a count."""
        found: list[Finding] = []
        if self.board is not None:
            found.extend(check_board(self.board, rulebook=self.rulebook, day=self.day))
        if self.timeline is not None or (self.proxies and isinstance(self.roll, VoterRoll)):
            found.extend(check_timeline(self.timeline, rulebook=self.rulebook, day=self.day, proxies=self.proxies))
        return tuple(found)


def _record_path(path: str, firsts: list[int]) -> str:
    """A path of the counting API as the record names it; ``weighted[g][0]`` is the paper where
    the group *g* of a streamed record first stands."""
    if path.startswith("weighted[") and firsts:
        g, _, rest = path[len("weighted[") :].partition("]")
        if g.isdigit() and rest.startswith("[0]"):
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


