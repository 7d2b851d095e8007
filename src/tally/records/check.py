"""Checking a record's references and rules in one run, whatever phase a problem is in.

The core checks a record's references and rules when it is counted: the roll (duplicate ids),
the meeting or polling (sign-in, exclusions, proxies, mobile box), the contests (margins, the
committee's size, candidates on the roll and eligible), the scribes, the papers (marks for
candidates, contests of the round) and the reductions. Each of them stops at the first phase
that fails, so a record with a problem in each phase took a run per phase to show them all.

Here each phase runs on whatever parts of the record were readable, even when an earlier phase
failed: an item that a phase refuses is set aside for the later phases, and a refused margin
or committee size is not asked again. Nothing is weakened: every check is the core's own, and a
record with any problem is refused; setting an item aside only keeps one problem from hiding (or
causing) another. Each problem keeps the path of the record (an item set aside does not shift
the places of the others).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable
from fractions import Fraction
from typing import Any

import attrs

from .._ballot import Ballot
from .._contest import check_margin
from .._count import Reduction, Round, Totals, count
from .._meeting import Meeting, meeting
from .._polling import Polling, polling
from .._roll import Member, Roll
from .._rulebook import Rulebook
from .._values import FrozenMap
from .._verify import Declared
from .._voters import Voter, VoterRoll
from ..errors import Problem, RecordError, RuleError

__all__ = ["Collector", "Parts", "Placed", "references"]


class Placed:
    """The items of one of the record's lists that could be read, and where each stands in the
    record's list (``at``; ``None`` when every item could be read and none moved, the common
    case, which then costs nothing beyond the list itself)."""

    __slots__ = ("at", "items", "weights")

    def __init__(self, items: list[Any], at: list[int] | None = None, weights: list[int] | None = None) -> None:
        self.items = items
        self.at = at
        self.weights = weights  # papers streamed from a file: how many papers each item stands for

    @classmethod
    def of(cls, values: Iterable[Any]) -> Placed:
        """The values that are not ``None``, each with its place among *values*."""
        items: list[Any] = []
        at: list[int] | None = None
        for i, value in enumerate(values):
            if value is None:
                if at is None:
                    at = list(range(i))  # every item so far was read
                continue
            items.append(value)
            if at is not None:
                at.append(i)
        return cls(items, at)

    def place(self, k: int) -> int:
        """Where the *k*-th item stands in the record's list (-1: an item tally added)."""
        return k if self.at is None else self.at[k]

    def pairs(self) -> Iterable[tuple[int, Any]]:
        return zip(range(len(self.items)) if self.at is None else self.at, self.items, strict=True)

    def without(self, positions: set[int]) -> Placed:
        keep = [k for k in range(len(self.items)) if k not in positions]
        return Placed([self.items[k] for k in keep], [self.place(k) for k in keep])

    def with_item(self, k: int, item: Any) -> Placed:
        """A copy with the *k*-th item replaced, or appended (``k`` = the length) as one tally added."""
        items, at = list(self.items), list(range(len(self.items)) if self.at is None else self.at)
        if k == len(items):
            items.append(item)
            at.append(-1)
        else:
            items[k] = item
        return Placed(items, at)

    def __len__(self) -> int:
        return len(self.items)


_WEIGHTED = re.compile(r"weighted\[(\d+)\]\[0\](.*)", re.S)
_INDEXED = re.compile(r"(roll|present|mobile|exclusions|proxies|scribes|contests|ballots)\[(\d+)\](.*)", re.S)
_CANDIDATE = re.compile(r"contests\[(\d+)\]\.candidates\[(\d+)\]")
_MARGIN = re.compile(r"contests(\[(\d+)\](\.candidates)?)?")
_ATTEMPTS = 8  # each attempt sets aside what the last one refused; a record needs a few at most


@attrs.define
class Parts:
    """The readable parts of a record, as the reader found them."""

    kind: str | None
    party: bool
    book: Rulebook | None
    day: datetime.date | None
    mode: str | None
    roll: Placed | None  # None: the roll itself is unreadable
    exclusions: Placed
    present: Placed
    proxies: Placed
    mobile: Placed
    scribes: Placed
    contests: Placed
    broken_contests: set[str]  # the ids of contests that could not be read
    collected: int | None
    issued: int | None
    items: Placed | None
    totals: dict[str, Totals] | None
    reductions: dict[str, Reduction]
    declared: dict[str, Declared] | None


class _Lists:
    """The items each phase works on, each with its place in the record."""

    def __init__(self, **lists: Placed) -> None:
        self.lists = dict(lists)  # each Placed is replaced, never changed: the reader's lists stay

    def values(self, name: str) -> list[Any]:
        return self.lists[name].items

    def where(self, path: str) -> str:
        """A path of the core (``present[3]``, ``ballots[17].c.for[2]``) as the record names it."""
        weighted = _WEIGHTED.fullmatch(path)  # a streamed paper: the place of the first like it
        if weighted is not None and int(weighted.group(1)) < len(self.lists["ballots"]):
            return f"ballots.items[{self.lists['ballots'].place(int(weighted.group(1)))}]{weighted.group(2)}"
        found = _INDEXED.fullmatch(path)
        if found is not None:
            name, at, rest = found.group(1), int(found.group(2)), found.group(3)
            placed = self.lists.get(name)
            if placed is not None and at < len(placed):
                return f"{'ballots.items' if name == 'ballots' else name}[{placed.place(at)}]{rest}"
        for old, new in (
            ("totals.", "ballots.totals."),
            ("collected", "ballots.collected"),
            ("issued", "ballots.issued"),
        ):
            if path.startswith(old):
                return new + path[len(old) :]
        return path

    def set_aside(self, name: str, positions: Iterable[int]) -> bool:
        """Leave out the items at these positions (of the current list); whether any was."""
        drop = {k for k in positions if k < len(self.lists[name])}
        if drop:
            self.lists[name] = self.lists[name].without(drop)
        return bool(drop)

    def replace(self, name: str, position: int, item: Any) -> None:
        self.lists[name] = self.lists[name].with_item(position, item)


class Collector:
    """Every problem found, each once, with whether it is against the rules (a RuleError)."""

    def __init__(self, add: Callable[[Problem, bool], None]) -> None:
        self.add = add
        self.seen: set[Problem] = set()

    def take(self, error: RecordError | RuleError, lists: _Lists) -> list[Problem]:
        """The error's problems as the record names them; the new ones are reported."""
        found = [p.at(lists.where(p.path)) for p in error.problems]
        new = [p for p in found if p not in self.seen]
        for p in new:
            self.seen.add(p)
            self.add(p, isinstance(error, RuleError))
        return new


def references(
    parts: Parts, add: Callable[[Problem, bool], None], clean: bool
) -> tuple[Meeting | Polling, Round] | None:
    """Run the roll, the meeting or polling, and the count on the readable parts, reporting every
    problem through *add*. When the record is *clean* (no problem so far) and none is found, the
    meeting (or polling) and the counted round, which are then those of the record as given."""
    if parts.book is None or parts.kind is None or parts.roll is None or parts.book.kind.value != parts.kind:
        return None  # nothing to check the references against
    if not parts.party and parts.day is None:
        return None
    got = Collector(add)
    lists = _Lists(
        roll=parts.roll,
        present=parts.present,
        exclusions=parts.exclusions,
        proxies=parts.proxies,
        mobile=parts.mobile,
        contests=parts.contests,
        scribes=parts.scribes,
        ballots=parts.items or Placed([]),
    )
    roll = _roll(parts, lists, got)
    book, mode = parts.book, parts.mode or "direct"
    body = _body(parts, lists, roll, book, mode, got)
    if body is None:
        return None
    clean = clean and not got.seen
    totals = dict(parts.totals or {})
    reductions = dict(parts.reductions)
    _set_contests_aside(lists, parts.broken_contests, totals, reductions)
    if not lists.lists["contests"] and parts.broken_contests:
        return None  # no contest to count: its problems are reported already
    # Ballots the reader could not read (neither papers nor a tally sheet, or both) are reported
    # already: the other phases run on no papers, so that no problem is told of what is not there.
    unread = parts.items is None and parts.totals is None
    for _ in range(_ATTEMPTS):
        try:
            papers = lists.lists["ballots"]
            rnd = count(
                lists.values("contests"),
                papers.items if (parts.items is not None or unread) and papers.weights is None else None,
                weighted=list(zip(papers.items, papers.weights, strict=True)) if papers.weights is not None else None,
                meeting=body,
                totals=totals if parts.items is None and not unread else None,
                # with papers, the reader compares their number with `collected` itself
                collected=parts.collected if parts.items is None and not unread else None,
                issued=parts.issued,
                proxies=lists.values("proxies") if parts.party else (),
                scribes=lists.values("scribes"),
                reductions=reductions,
            )
        except (RecordError, RuleError) as error:
            clean = False
            new = got.take(error, lists)
            step = _set_aside(error, lists, book, totals, reductions, party=parts.party)
            if step is None or (not new and step == (book, False)):
                return None  # the last phase (papers, totals, reductions), or nothing to learn
            if not lists.lists["contests"]:
                return None  # every contest is set aside, its problems reported: nothing to count
            relaxed, stand_ins = step
            if relaxed is not book or stand_ins:
                book = relaxed
                roll = _roll(parts, lists, got)
                body = _body(parts, lists, roll, book, mode, got)
                if body is None:
                    return None
            continue
        return (body, rnd) if clean else None
    return None  # pragma: no cover - every attempt sets something aside


def _roll(parts: Parts, lists: _Lists, got: Collector) -> Roll | VoterRoll:
    """The roll; a duplicate id is reported and the later entry set aside."""
    make = Roll if parts.party else VoterRoll
    try:
        return make(lists.values("roll"))
    except RecordError as error:
        got.take(error, lists)
        seen: set[str] = set()
        later = []
        for i, person in enumerate(lists.values("roll")):
            if person.id in seen:
                later.append(i)
            seen.add(person.id)
        lists.set_aside("roll", later)
        return make(lists.values("roll"))


def _body(
    parts: Parts, lists: _Lists, roll: Roll | VoterRoll, book: Rulebook, mode: str, got: Collector
) -> Meeting | Polling | None:
    """The meeting or the polling; the sign-ins, exclusions, proxies and mobile-box entries it
    refuses are reported and set aside, and it is made again without them."""
    for _ in range(_ATTEMPTS):
        try:
            if isinstance(roll, Roll):
                return meeting(
                    roll, present=lists.values("present"), exclusions=lists.values("exclusions"), rulebook=book
                )
            assert parts.day is not None
            return polling(
                roll,
                present=lists.values("present"),
                proxies=lists.values("proxies"),
                mobile=lists.values("mobile"),
                candidates={w for c in lists.values("contests") for w in c.candidates},
                mode=mode,
                rulebook=book,
                day=parts.day,
            )
        except (RecordError, RuleError) as error:
            if not got.take(error, lists):
                return None
            aside: dict[str, set[int]] = {}
            for p in error.problems:
                found = _INDEXED.match(p.path)
                if found is not None and found.group(1) in ("present", "mobile", "exclusions", "proxies"):
                    aside.setdefault(found.group(1), set()).add(int(found.group(2)))
                elif p.path == "mode" or p.path.startswith("roll["):
                    mode = "direct"  # the mode's own problems are reported; count as direct
                else:
                    return None  # the rulebook or the day: nothing to go on
            for name, positions in aside.items():
                lists.set_aside(name, positions)
    return None  # pragma: no cover


def _set_aside(
    error: RecordError | RuleError,
    lists: _Lists,
    book: Rulebook,
    totals: dict[str, Totals],
    reductions: dict[str, Reduction],
    *,
    party: bool,
) -> tuple[Rulebook, bool] | None:
    """Set aside what count() refused, so that the next attempt goes further. The rulebook for
    the next attempt (without the margins, the committee's size or the number issued, once any
    of them is reported) and whether the roll took stand-ins; None when nothing was set aside."""
    drop: dict[str, set[int]] = {}
    relax = issued = stand_ins = False
    short: set[int] = set()
    for p in error.problems:
        candidate = _CANDIDATE.match(p.path)
        margin = _MARGIN.fullmatch(p.path)
        found = _INDEXED.match(p.path)
        if candidate is not None:  # not on the roll, not eligible, not a woman for the women's post
            stand_ins |= _stand_in(lists, int(candidate.group(1)), int(candidate.group(2)), party=party)
        elif margin is not None:  # a margin (P-12, V-10), or the committee's size (V-1, R-1)
            if margin.group(2) and _short(lists, int(margin.group(2)), book):
                # fewer candidates than seats: no margin helps, and the contest's problem is told
                # once (not again with the fewer candidates that the rules without margins ask)
                short.add(int(margin.group(2)))
            relax = True
        elif found is not None and found.group(1) in ("scribes", "proxies"):
            drop.setdefault(found.group(1), set()).add(int(found.group(2)))
        elif found is not None and found.group(1) == "contests" and found.group(3) == ".id":
            drop.setdefault("contests", set()).add(int(found.group(2)))  # a second contest of that id
        elif p.path == "issued":
            issued = True
    changed = stand_ins
    if short:
        placed = lists.values("contests")
        _set_contests_aside(lists, {placed[i].id for i in short if i < len(placed)}, totals, reductions)
        changed = True
    for name, positions in drop.items():
        changed |= lists.set_aside(name, positions)
    if issued and book.collected_base != "voters":
        book, changed = attrs.evolve(book, collected_base="voters"), True
    if relax and _without_margins(book) != book:
        book, changed = _without_margins(book), True
    return (book, stand_ins) if changed else None


def _short(lists: _Lists, i: int, book: Rulebook) -> bool:
    """Whether the *i*-th contest has too few candidates even without the margins."""
    placed = lists.values("contests")
    return i < len(placed) and check_margin(placed[i], _without_margins(book)) is not None


def _without_margins(book: Rulebook) -> Rulebook:
    return attrs.evolve(
        book, margin=Fraction(0), post_margins=FrozenMap(), further_extra_candidates=0, committee_size=None
    )


def _stand_in(lists: _Lists, i: int, j: int, *, party: bool) -> bool:
    """A refused candidate (not on the roll, or not eligible) gets an eligible stand-in on the roll
    for the later checks, so that the papers marking them are checked as they are: a member on a
    party roll, a voter on a villagers' or residents' roll (even an empty one)."""
    placed = lists.values("contests")
    if i >= len(placed) or j >= len(placed[i].candidates):
        return False
    who = placed[i].candidates[j]
    roll = lists.values("roll")
    make = Member if party else Voter
    stand_in = make(who, sex="F")  # F: a woman may stand for the women's post (V-30)
    for k, existing in enumerate(roll):
        if existing.id == who:
            if existing == stand_in:
                return False
            lists.replace("roll", k, stand_in)
            return True
    lists.replace("roll", len(roll), stand_in)  # never named in a problem: the roll is checked
    return True


def _set_contests_aside(
    lists: _Lists, ids: set[str], totals: dict[str, Totals], reductions: dict[str, Reduction]
) -> None:
    """Leave these contests out of the later checks, and their sections out of the papers: their
    problems are reported; "no such contest" would be a second report of the same fault."""
    if not ids:
        return
    lists.set_aside("contests", [i for i, c in enumerate(lists.values("contests")) if c.id in ids])
    papers = lists.lists["ballots"]
    if any(cid in ids for paper in papers.items for cid in paper.sections):
        kept = [Ballot({cid: m for cid, m in b.sections.items() if cid not in ids}) for b in papers.items]
        lists.lists["ballots"] = Placed(kept, papers.at, papers.weights)
    for cid in ids:
        totals.pop(cid, None)
        reductions.pop(cid, None)
