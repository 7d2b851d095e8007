"""Records: the JSON election record (``tally.record/1``) and result (``tally.result/1``), and
ballots and rolls from CSV.

This is the edge: it reads and writes data, and it never trusts it. Every problem in a record
comes back at once as a :class:`~tally.errors.RecordError`, each with its path in the record
(``roll[3].id``, ``ballots.items[17].committee.for[2]``). The names of the record are a contract
with other software; see ``docs/record-format.md``.

>>> from tally import records
>>> from tally.examples import load
>>> rec = records.Record.from_dict(load("branch"))
>>> rec.verify().agrees
True
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import gc
import json
import pathlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from fractions import Fraction
from typing import IO, Any

import attrs

from ._ballot import Ballot, Marks, Scribe
from ._compliance import Board, Finding, Objection, Seat, Timeline, check_board, check_timeline
from ._contest import Contest
from ._count import Reduction, Round, Totals, count
from ._meeting import Exclusion, Meeting, meeting
from ._polling import Polling, polling
from ._proxy import Proxy
from ._roll import Member, Roll
from ._rulebook import PRESETS, Kind, Rulebook
from ._verify import Declared, Verification, verify
from ._voters import Relative, Voter, VoterRoll
from .errors import Problem, RecordError, RuleError

__all__ = [
    "RECORD_FORMAT",
    "RESULT_FORMAT",
    "Record",
    "ballots_from_csv",
    "load",
    "next_round",
    "result_to_dict",
    "roll_from_csv",
    "schema",
    "verify_many",
]

RECORD_FORMAT = "tally.record/1"
RESULT_FORMAT = "tally.result/1"

_PARTY_KINDS = {Kind.PARTY_MEETING.value, Kind.PARTY_CONFERENCE.value}
_ALL_KINDS = (*_PARTY_KINDS, "village-committee", "residents-committee")


# --- reading untrusted JSON, every problem at once ---------------------------------------------


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large record is parsed and checked.

    Parsing builds millions of containers that form no cycles; as the heap grows, CPython
    would walk all of them again and again (about 40% of the loading time of a million-ballot
    record, measured in benchmarks/bench.py). Nothing it could free exists until we are done.
    Reference counting still frees everything as usual, and the collector's previous state is
    restored on the way out.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Reader:
    """Walks untrusted JSON and keeps every problem with its path."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def bad(self, path: str, reason: str) -> None:
        self.problems.append(Problem(path, reason))

    def obj(
        self, path: str, value: Any, *, required: Sequence[str] = (), optional: Sequence[str] = ()
    ) -> dict[str, Any] | None:
        """An object with these keys; unknown keys (but ``extra``) and missing required ones are problems."""
        if not isinstance(value, dict):
            self.bad(path, f"must be an object, not {_kind(value)}")
            return None
        known = {*required, *optional, "extra"}
        for key in value:
            if key not in known:
                self.bad(_join(path, key), "unknown field")
        for key in required:
            if key not in value:
                self.bad(_join(path, key), "missing")
        return value

    def mapping(self, path: str, value: Any) -> dict[str, Any]:
        """An object keyed by ids (votes per person, sections per contest): any keys."""
        if not isinstance(value, dict):
            self.bad(path, f"must be an object, not {_kind(value)}")
            return {}
        return value

    def string(self, path: str, value: Any, *, blank: bool = False) -> str | None:
        if not isinstance(value, str) or (not blank and not value.strip()):
            self.bad(path, f"must be a non-empty string, not {_kind(value)}")
            return None
        return value

    def integer(self, path: str, value: Any, *, least: int = 0) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.bad(path, f"must be a whole number, not {_kind(value)}")
            return None
        if value < least:
            self.bad(path, f"must be at least {least}, not {value}")
            return None
        return value

    def boolean(self, path: str, value: Any) -> bool | None:
        if not isinstance(value, bool):
            self.bad(path, f"must be true or false, not {_kind(value)}")
            return None
        return value

    def date(self, path: str, value: Any) -> datetime.date | None:
        if not isinstance(value, str):
            self.bad(path, f"must be a date YYYY-MM-DD, not {_kind(value)}")
            return None
        try:
            if len(value) != 10:
                raise ValueError
            return datetime.date.fromisoformat(value)
        except ValueError:
            self.bad(path, f"{value!r} is not a date YYYY-MM-DD")
            return None

    def ids(self, path: str, value: Any) -> list[str]:
        if type(value) is list and all(type(v) is str and v.strip() for v in value):
            return value  # the common case, checked quickly: a sign-in list can be long
        if not isinstance(value, list):
            self.bad(path, f"must be a list of ids, not {_kind(value)}")
            return []
        out = []
        for i, item in enumerate(value):
            got = self.string(f"{path}[{i}]", item)
            if got is not None:
                out.append(got)
        return out

    def array(self, path: str, value: Any) -> list[Any]:
        if not isinstance(value, list):
            self.bad(path, f"must be a list, not {_kind(value)}")
            return []
        return value

    def choice(self, path: str, value: Any, allowed: Iterable[str]) -> str | None:
        allowed = tuple(allowed)
        if value not in allowed:
            self.bad(path, f"{value!r} is not one of {', '.join(allowed)}")
            return None
        return str(value)


def _join(path: str, key: object) -> str:
    return f"{path}.{key}" if path else str(key)


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true or false", type(None): "null"}
    if isinstance(value, bool) or value is None:
        return names[type(value)] if value is None else f"{str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the string {value!r}"
    return names.get(type(value), type(value).__name__)


# --- rulebook overrides ------------------------------------------------------------------------


def _override(r: _Reader, path: str, name: str, value: Any, default: Any) -> Any:
    """A JSON value for a rulebook field, in that field's type."""
    if isinstance(default, bool):
        return r.boolean(path, value)
    if isinstance(default, Fraction):
        if isinstance(value, int) and not isinstance(value, bool):
            return Fraction(value)
        if isinstance(value, str):
            try:
                return Fraction(value)
            except (ValueError, ZeroDivisionError):
                pass
        r.bad(path, f'must be a fraction such as "4/5", not {_kind(value)}')
        return None
    if isinstance(default, frozenset):
        return frozenset(r.ids(path, value))
    if isinstance(default, int):
        return r.integer(path, value)
    return r.string(path, value)


_FIXED = {"id", "kind", "title"}


def _rulebook(r: _Reader, kind: str | None, top: dict[str, Any]) -> Rulebook | None:
    if "rulebook" not in top:
        return None  # reported as missing
    rules = top.get("rules")
    pid = r.choice("rulebook", top["rulebook"], PRESETS)
    book = PRESETS[pid] if pid is not None else None
    if book is not None and kind is not None and book.kind.value != kind:
        r.bad("rulebook", f"{pid!r} is a rulebook for {book.kind.value}, but the record's kind is {kind}")
    if "rules" not in top or book is None:
        return book
    rules = r.obj("rules", rules, optional=[f.name for f in attrs.fields(Rulebook) if f.name not in _FIXED])
    if rules is None:
        return book
    changes: dict[str, Any] = {}
    defaults = {f.name: getattr(book, f.name) for f in attrs.fields(Rulebook)}
    for name, value in rules.items():
        if name == "extra" or name not in defaults or name in _FIXED:
            continue
        got = _override(r, f"rules.{name}", name, value, defaults[name])
        if got is not None:
            changes[name] = got
    try:
        return attrs.evolve(book, **changes)
    except (RuleError, RecordError) as error:
        r.problems.extend(p.within("rules") for p in error.problems)
        return book


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
    items: tuple[Ballot, ...] | None
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
        with _no_cycle_collection():
            return _read_record(data)

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON-ready data, in the record format."""
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
            return count(
                self.contests,
                self.items,
                meeting=body,
                totals=self.totals,
                collected=self.collected,
                issued=self.issued,
                proxies=self.proxies if isinstance(body, Meeting) else (),
                scribes=self.scribes,
                reductions=self.reductions,
            )
        except (RecordError, RuleError) as error:
            raise type(error)(Problem(_record_path(p.path), p.reason) for p in error.problems) from None

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


def _record_path(path: str) -> str:
    """A path of the counting API as the record names it."""
    for old, new in (
        ("ballots[", "ballots.items["),
        ("totals.", "ballots.totals."),
        ("collected", "ballots.collected"),
        ("issued", "ballots.issued"),
    ):
        if path.startswith(old):
            return new + path[len(old) :]
    return path


def _read_record(data: Any) -> Record:
    r = _Reader()
    top = r.obj(
        "",
        data,
        required=["format", "kind", "rulebook", "day", "roll", "present", "contests", "ballots"],
        optional=[
            "title",
            "rules",
            "exclusions",
            "proxies",
            "mobile",
            "scribes",
            "reductions",
            "declared",
            "mode",
            "board",
            "timeline",
        ],
    )
    if top is None:
        raise RecordError(r.problems)
    if "format" in top and top["format"] != RECORD_FORMAT:
        r.bad("format", f"{top['format']!r} is not {RECORD_FORMAT!r}")
    extras: dict[str, Any] = {}
    if "extra" in top:
        extras[""] = top["extra"]
    kind = r.choice("kind", top.get("kind"), _ALL_KINDS) if "kind" in top else None
    party = kind in _PARTY_KINDS
    mode = None
    if "mode" in top:
        if kind != Kind.RESIDENTS_COMMITTEE.value:
            r.bad("mode", "only residents' committee records have a mode (R-2)")
        else:
            mode = r.choice("mode", top["mode"], _MODES)
    title = r.string("title", top["title"], blank=True) if "title" in top else ""
    book = _rulebook(r, kind, top)
    day = r.date("day", top["day"]) if "day" in top else None

    members: list[Member | Voter | None] = []
    read_one = _member if party or kind is None else _voter
    for i, item in enumerate(r.array("roll", top.get("roll", []))):
        members.append(read_one(r, f"roll[{i}]", item, extras))
    if not party and kind is not None and top.get("exclusions"):
        r.bad("exclusions", "exclusions from the required attendance belong to party meetings (P-6 … P-8)")
    exclusions = []
    for i, item in enumerate(r.array("exclusions", top.get("exclusions", []))):
        exclusions.append(_exclusion(r, f"exclusions[{i}]", item, extras))
    present = r.ids("present", top.get("present", []))
    proxies = []
    for i, item in enumerate(r.array("proxies", top.get("proxies", []))):
        proxies.append(_proxy(r, f"proxies[{i}]", item, extras))
    mobile = r.ids("mobile", top.get("mobile", []))
    if mobile and party:
        r.bad("mobile", "mobile ballot boxes belong to village and residents' elections (V-18), not to a party meeting")
    scribes = []
    for i, item in enumerate(r.array("scribes", top.get("scribes", []))):
        o = r.obj(f"scribes[{i}]", item, required=["elector", "scribe"])
        if o is not None and "elector" in o and "scribe" in o:
            elector, scribe = (
                r.string(f"scribes[{i}].elector", o["elector"]),
                r.string(f"scribes[{i}].scribe", o["scribe"]),
            )
            if elector and scribe:
                scribes.append(Scribe(elector, scribe))
    contests = []
    for i, item in enumerate(r.array("contests", top.get("contests", []))):
        contests.append(_contest(r, f"contests[{i}]", item, extras))
    contest_ids = [c.id for c in contests if c is not None]
    collected, issued, items, totals = _ballots(r, top.get("ballots"), contest_ids)
    reductions = _reductions(r, top.get("reductions"))
    declared = _declared(r, top.get("declared")) if "declared" in top else None
    board = _board(r, top["board"], members) if "board" in top else None
    timeline = _timeline(r, top["timeline"]) if "timeline" in top else None

    if r.problems:
        raise RecordError(r.problems)
    if party:
        roll: Roll | VoterRoll = _checked(lambda: Roll(m for m in members if isinstance(m, Member)))
    else:
        roll = _checked(lambda: VoterRoll(m for m in members if isinstance(m, Voter)))
    assert book is not None
    assert day is not None
    assert kind is not None
    assert collected is not None
    record = Record(
        title=title or "",
        kind=kind,
        rulebook_id=book.id if top["rulebook"] == book.id else str(top["rulebook"]),
        rules=dict(top.get("rules") or {}),
        rulebook=book,
        day=day,
        roll=roll,
        exclusions=tuple(e for e in exclusions if e is not None),
        present=tuple(present),
        proxies=tuple(p for p in proxies if p is not None),
        mobile=tuple(mobile),
        scribes=tuple(scribes),
        contests=tuple(c for c in contests if c is not None),
        collected=collected,
        issued=issued,
        items=items,
        totals=totals,
        reductions=reductions,
        declared=declared,
        mode=mode,
        board=board,
        timeline=timeline,
        extras=extras,
    )
    _checked(record.meeting)  # ids on the roll, sign-in, exclusions: every problem now
    return record


def _board(r: _Reader, value: Any, members: list[Member | Voter | None]) -> Board | None:
    """The elected boards; a seat's sex, birth date, party membership and relatives come from
    the roll when the seat does not give them."""
    o = r.obj("board", value, optional=["village", "party", "population", "party_members"])
    if o is None:
        return None
    known = {m.id: m for m in members if m is not None}
    boards: dict[str, list[Seat]] = {"village": [], "party": []}
    for side in ("village", "party"):
        for i, item in enumerate(r.array(f"board.{side}", o.get(side, []))):
            path = f"board.{side}[{i}]"
            so = r.obj(path, item, required=["id", "post"], optional=["name", "sex", "born", "party_member"])
            if so is None:
                continue
            before = len(r.problems)
            sid = r.string(f"{path}.id", so.get("id")) if "id" in so else None
            post = r.string(f"{path}.post", so.get("post")) if "post" in so else None
            person = known.get(sid or "")
            name = r.string(f"{path}.name", so["name"], blank=True) if "name" in so else getattr(person, "name", None)
            sex = r.choice(f"{path}.sex", so["sex"], ("F", "M")) if "sex" in so else getattr(person, "sex", None)
            born = r.date(f"{path}.born", so["born"]) if "born" in so else getattr(person, "born", None)
            if "party_member" in so:
                party_member = r.boolean(f"{path}.party_member", so["party_member"])
            elif isinstance(person, Voter):
                party_member = person.party_member
            else:
                party_member = True if isinstance(person, Member) else None
            relatives = person.relatives if isinstance(person, Voter) else ()
            if len(r.problems) == before and sid and post:
                boards[side].append(
                    Seat(sid, post=post, name=name, sex=sex, born=born, party_member=party_member, relatives=relatives)
                )
    population = r.integer("board.population", o["population"]) if "population" in o else None
    party_members = r.integer("board.party_members", o["party_members"]) if "party_members" in o else None
    return Board(village=boards["village"], party=boards["party"], population=population, party_members=party_members)


def _timeline(r: _Reader, value: Any) -> Timeline | None:
    o = r.obj("timeline", value, optional=["published", "objections"])
    if o is None:
        return None
    published = r.date("timeline.published", o["published"]) if "published" in o else None
    objections = []
    for i, item in enumerate(r.array("timeline.objections", o.get("objections", []))):
        path = f"timeline.objections[{i}]"
        io = r.obj(path, item, required=["filed"], optional=["decided"])
        if io is None or "filed" not in io:
            continue
        filed = r.date(f"{path}.filed", io["filed"])
        decided = r.date(f"{path}.decided", io["decided"]) if "decided" in io else None
        if filed is not None:
            objections.append(Objection(filed, decided=decided))
    return Timeline(published=published, objections=objections)


def _checked(make: Callable[[], Any]) -> Any:
    try:
        return make()
    except RecordError as error:
        raise RecordError(error.problems) from None


_MODES = ("direct", "household", "group-representatives")
_REGISTRATIONS = ("resident", "away-opted-in", "non-hukou-approved")


def _voter(r: _Reader, path: str, item: Any, extras: dict[str, Any]) -> Voter | None:
    """A voter of a village or residents' roll (V-5, V-6)."""
    o = r.obj(
        path,
        item,
        required=["id"],
        optional=[
            "name",
            "sex",
            "born",
            "registration",
            "household",
            "party_member",
            "deprived",
            "relatives",
            "standing",
            "rights",
        ],
    )
    if o is None:
        return None
    if "extra" in o:
        extras[path] = o["extra"]
    for key in ("standing", "rights"):
        if key in o:
            r.bad(f"{path}.{key}", "belongs to party rolls, not to a voter roll")
    before = len(r.problems)
    vid = r.string(f"{path}.id", o.get("id")) if "id" in o else None
    name = r.string(f"{path}.name", o["name"], blank=True) if "name" in o else None
    sex = r.choice(f"{path}.sex", o["sex"], ("F", "M")) if "sex" in o else None
    born = r.date(f"{path}.born", o["born"]) if "born" in o else None
    registration = (
        r.choice(f"{path}.registration", o["registration"], _REGISTRATIONS) if "registration" in o else "resident"
    )
    household = r.string(f"{path}.household", o["household"]) if "household" in o else None
    party_member = r.boolean(f"{path}.party_member", o["party_member"]) if "party_member" in o else False
    deprived = r.boolean(f"{path}.deprived", o["deprived"]) if "deprived" in o else False
    relatives = []
    for j, rel in enumerate(r.array(f"{path}.relatives", o.get("relatives", []))):
        ro = r.obj(f"{path}.relatives[{j}]", rel, required=["id", "relation"])
        if ro is not None:
            rid = r.string(f"{path}.relatives[{j}].id", ro.get("id"))
            relation = r.string(f"{path}.relatives[{j}].relation", ro.get("relation"))
            if rid and relation:
                relatives.append(Relative(rid, relation))
    if len(r.problems) > before or vid is None or registration is None:
        return None
    return Voter(
        vid,
        name=name,
        sex=sex,
        born=born,
        registration=registration,
        household=household,
        party_member=bool(party_member),
        deprived=bool(deprived),
        relatives=relatives,
    )


_SIMPLE_MEMBER = frozenset({"id", "name", "standing", "rights", "sex"})
_STANDINGS = {"full", "probationary"}
_RIGHTS = {"full", "probation", "suspended"}


def _member(r: _Reader, path: str, item: Any, extras: dict[str, Any]) -> Member | None:
    # The common case, checked quickly: a roll can hold thousands of members.
    if type(item) is dict and _SIMPLE_MEMBER.issuperset(item):
        mid, name = item.get("id"), item.get("name")
        standing, rights, sex = item.get("standing", "full"), item.get("rights", "full"), item.get("sex")
        if (
            type(mid) is str
            and mid.strip()
            and (name is None or type(name) is str)
            and type(standing) is str
            and standing in _STANDINGS
            and type(rights) is str
            and rights in _RIGHTS
            and (sex is None or sex == "F" or sex == "M")
        ):
            return Member(mid, name=name, standing=standing, rights=rights, sex=sex)
    o = r.obj(
        path,
        item,
        required=["id"],
        optional=[
            "name",
            "sex",
            "born",
            "standing",
            "rights",
            "relatives",
            "registration",
            "household",
            "party_member",
        ],
    )
    if o is None:
        return None
    if "extra" in o:
        extras[path] = o["extra"]
    for key in ("registration", "household", "party_member"):
        if key in o:
            r.bad(f"{path}.{key}", "belongs to village and residents' rolls, not to a party roll")
    mid = r.string(f"{path}.id", o.get("id")) if "id" in o else None
    name = r.string(f"{path}.name", o["name"], blank=True) if "name" in o else None
    sex = r.choice(f"{path}.sex", o["sex"], ("F", "M")) if "sex" in o else None
    born = r.date(f"{path}.born", o["born"]) if "born" in o else None
    standing = r.choice(f"{path}.standing", o["standing"], ("full", "probationary")) if "standing" in o else "full"
    rights = r.choice(f"{path}.rights", o["rights"], ("full", "probation", "suspended")) if "rights" in o else "full"
    if "relatives" in o:
        for j, rel in enumerate(r.array(f"{path}.relatives", o["relatives"])):
            ro = r.obj(f"{path}.relatives[{j}]", rel, required=["id", "relation"])
            if ro is not None:
                r.string(f"{path}.relatives[{j}].id", ro.get("id"))
                r.string(f"{path}.relatives[{j}].relation", ro.get("relation"))
        extras[f"{path}.relatives"] = o["relatives"]
    if (
        mid is None
        or standing is None
        or rights is None
        or ("sex" in o and sex is None)
        or ("born" in o and born is None)
    ):
        return None
    if "name" in o and name is None:
        return None
    return Member(mid, name=name, standing=standing, rights=rights, sex=sex, born=born)


def _exclusion(r: _Reader, path: str, item: Any, extras: dict[str, Any]) -> Exclusion | None:
    o = r.obj(path, item, required=["member", "category", "upper_approved", "meeting_approved"], optional=["note"])
    if o is None:
        return None
    if "extra" in o:
        extras[path] = o["extra"]
    member = r.string(f"{path}.member", o.get("member")) if "member" in o else None
    category = r.string(f"{path}.category", o.get("category")) if "category" in o else None
    upper = r.boolean(f"{path}.upper_approved", o["upper_approved"]) if "upper_approved" in o else None
    approved = r.boolean(f"{path}.meeting_approved", o["meeting_approved"]) if "meeting_approved" in o else None
    note = r.string(f"{path}.note", o["note"], blank=True) if "note" in o else None
    if member is None or category is None or upper is None or approved is None:
        return None
    return Exclusion(member, category, upper_approved=upper, meeting_approved=approved, note=note)


def _proxy(r: _Reader, path: str, item: Any, extras: dict[str, Any]) -> Proxy | None:
    o = r.obj(path, item, required=["principal", "agent", "written"], optional=["relation", "filed"])
    if o is None:
        return None
    if "extra" in o:
        extras[path] = o["extra"]
    principal = r.string(f"{path}.principal", o.get("principal")) if "principal" in o else None
    agent = r.string(f"{path}.agent", o.get("agent")) if "agent" in o else None
    written = r.boolean(f"{path}.written", o["written"]) if "written" in o else None
    relation = r.string(f"{path}.relation", o["relation"]) if "relation" in o else None
    filed = r.date(f"{path}.filed", o["filed"]) if "filed" in o else None
    if principal is None or agent is None or written is None:
        return None
    return Proxy(principal, agent, relation=relation, written=written, filed=filed)


_POSTS = ("member", "secretary", "deputy-secretary", "chair", "vice-chair", "women-member")
_STAGES = ("regular", "tie-break", "further")


def _contest(r: _Reader, path: str, item: Any, extras: dict[str, Any]) -> Contest | None:
    o = r.obj(path, item, required=["id", "seats", "candidates"], optional=["title", "post", "stage"])
    if o is None:
        return None
    if "extra" in o:
        extras[path] = o["extra"]
    cid = r.string(f"{path}.id", o.get("id")) if "id" in o else None
    seats = r.integer(f"{path}.seats", o.get("seats"), least=1) if "seats" in o else None
    candidates = r.ids(f"{path}.candidates", o.get("candidates", []))
    seen: dict[str, int] = {}
    for j, who in enumerate(candidates):
        if who in seen:
            r.bad(f"{path}.candidates[{j}]", f"duplicate candidate {who!r} (first at candidates[{seen[who]}])")
        seen.setdefault(who, j)
    title = r.string(f"{path}.title", o["title"], blank=True) if "title" in o else ""
    post = r.choice(f"{path}.post", o["post"], _POSTS) if "post" in o else "member"
    stage = r.choice(f"{path}.stage", o["stage"], _STAGES) if "stage" in o else "regular"
    if cid is None or seats is None or post is None or stage is None or len(seen) != len(candidates):
        return None
    return Contest(cid, seats=seats, candidates=candidates, title=title or "", post=post, stage=stage)


_MARK_KEYS = ("for", "against", "abstain", "write_in", "unreadable")


def _ballots(
    r: _Reader, value: Any, contest_ids: list[str]
) -> tuple[int | None, int | None, tuple[Ballot, ...] | None, dict[str, Totals] | None]:
    o = r.obj("ballots", value, required=["collected"], optional=["items", "totals", "issued"])
    if o is None:
        return None, None, None, None
    collected = r.integer("ballots.collected", o["collected"]) if "collected" in o else None
    issued = r.integer("ballots.issued", o["issued"]) if "issued" in o else None
    if ("items" in o) == ("totals" in o):
        r.bad("ballots", "give either items (one per paper) or totals (the tally sheet), not both or neither")
        return collected, issued, None, None
    if "items" in o:
        raw = r.array("ballots.items", o["items"])
        if collected is not None and len(raw) != collected:
            r.bad("ballots.items", f"{len(raw)} papers listed, but collected says {collected}")
        return collected, issued, _items(r, raw), None
    totals: dict[str, Totals] = {}
    for cid, sheet in r.mapping("ballots.totals", o["totals"]).items():
        path = f"ballots.totals.{cid}"
        so = r.obj(path, sheet, required=["valid", "invalid", "for"])
        if so is None:
            continue
        valid = r.integer(f"{path}.valid", so.get("valid")) if "valid" in so else None
        invalid = r.integer(f"{path}.invalid", so.get("invalid")) if "invalid" in so else None
        votes: dict[str, int] = {}
        for who, n in r.mapping(f"{path}.for", so.get("for", {})).items():
            got = r.integer(f"{path}.for.{who}", n)
            if got is not None:
                votes[who] = got
        if valid is not None and invalid is not None:
            totals[cid] = Totals(valid=valid, invalid=invalid, votes=votes)
    return collected, issued, None, totals


def _items(r: _Reader, raw: list[Any]) -> tuple[Ballot, ...]:
    """Papers from JSON; equal papers share one Ballot, so a large box costs one object per
    distinct paper."""
    seen: dict[str, Ballot] = {}
    out: list[Ballot] = []
    for i, item in enumerate(raw):
        path = f"ballots.items[{i}]"
        key = repr(item)  # equal parsed papers have equal reprs (in C, fast)
        paper = seen.get(key)
        if paper is None:
            paper = _paper(r, path, item)
            if paper is None:
                continue
            seen[key] = paper
        out.append(paper)
    return tuple(out)


def _paper(r: _Reader, path: str, item: Any) -> Ballot | None:
    if not isinstance(item, dict):
        r.bad(path, f"must be an object, not {_kind(item)}")
        return None
    if "spoiled" in item:
        spoiled = r.boolean(f"{path}.spoiled", item["spoiled"])
        if len(item) > 1:
            r.bad(path, "a spoiled paper has no sections")
        return Ballot(spoiled=True) if spoiled else (Ballot() if spoiled is False and len(item) == 1 else None)
    before = len(r.problems)
    sections: dict[str, Marks] = {}
    for cid, section in item.items():
        spath = f"{path}.{cid}"
        so = r.obj(spath, section, optional=_MARK_KEYS)
        if so is None:
            continue
        lists = {key: tuple(r.ids(f"{spath}.{key}", so[key])) for key in _MARK_KEYS if key in so}
        sections[cid] = Marks(
            for_=lists.get("for", ()),
            against=lists.get("against", ()),
            abstain=lists.get("abstain", ()),
            write_in=lists.get("write_in", ()),
            unreadable=lists.get("unreadable", ()),
        )
    if len(r.problems) > before:
        return None
    return Ballot(sections)


def _reductions(r: _Reader, value: Any) -> dict[str, Reduction]:
    if value is None:
        return {}
    out: dict[str, Reduction] = {}
    for cid, plan in r.mapping("reductions", value).items():
        path = f"reductions.{cid}"
        po = r.obj(path, plan, optional=["consent", "presidium"])
        if po is None:
            continue
        consent = r.integer(f"{path}.consent", po["consent"]) if "consent" in po else None
        presidium = r.boolean(f"{path}.presidium", po["presidium"]) if "presidium" in po else False
        if consent is None and not presidium:
            if "consent" not in po:
                r.bad(path, "a reduction needs the consent count or the presidium's decision")
            continue
        out[cid] = Reduction(consent=consent, presidium=bool(presidium))
    return out


def _declared(r: _Reader, value: Any) -> dict[str, Declared]:
    out: dict[str, Declared] = {}
    for cid, said in r.mapping("declared", value).items():
        path = f"declared.{cid}"
        so = r.obj(path, said, required=["elected"], optional=["votes"])
        if so is None or "elected" not in so:
            continue
        elected = r.ids(f"{path}.elected", so["elected"])
        votes = None
        if "votes" in so:
            votes = {}
            for who, n in r.mapping(f"{path}.votes", so["votes"]).items():
                got = r.integer(f"{path}.votes.{who}", n)
                if got is not None:
                    votes[who] = got
        out[cid] = Declared(elected, votes=votes)
    return out


# --- writing -------------------------------------------------------------------------------------


def _with_extra(out: dict[str, Any], extras: Mapping[str, Any], path: str) -> dict[str, Any]:
    if path in extras:
        out["extra"] = extras[path]
    return out


def _write_record(rec: Record) -> dict[str, Any]:
    x = rec.extras
    roll = []
    people: tuple[Member | Voter, ...] = rec.roll.members if isinstance(rec.roll, Roll) else rec.roll.voters
    for i, m in enumerate(people):
        if isinstance(m, Voter):
            roll.append(_with_extra(_voter_dict(m), x, f"roll[{i}]"))
            continue
        item: dict[str, Any] = {"id": m.id}
        if m.name is not None:
            item["name"] = m.name
        if m.sex is not None:
            item["sex"] = m.sex
        if m.born is not None:
            item["born"] = m.born.isoformat()
        item["standing"] = m.standing.value
        item["rights"] = m.rights.value
        if f"roll[{i}].relatives" in x:
            item["relatives"] = x[f"roll[{i}].relatives"]
        roll.append(_with_extra(item, x, f"roll[{i}]"))
    out: dict[str, Any] = {
        "format": RECORD_FORMAT,
        "title": rec.title,
        "kind": rec.kind,
        "rulebook": rec.rulebook_id,
    }
    if rec.mode is not None:
        out["mode"] = rec.mode
    if rec.rules:
        out["rules"] = dict(rec.rules)
    out["day"] = rec.day.isoformat()
    out["roll"] = roll
    out["exclusions"] = [
        _with_extra(
            {
                "member": e.member,
                "category": e.category,
                "upper_approved": e.upper_approved,
                "meeting_approved": e.meeting_approved,
                **({"note": e.note} if e.note is not None else {}),
            },
            x,
            f"exclusions[{i}]",
        )
        for i, e in enumerate(rec.exclusions)
    ]
    out["present"] = list(rec.present)
    out["proxies"] = [
        _with_extra(
            {
                "principal": p.principal,
                "agent": p.agent,
                **({"relation": p.relation} if p.relation is not None else {}),
                "written": p.written,
                **({"filed": p.filed.isoformat()} if p.filed is not None else {}),
            },
            x,
            f"proxies[{i}]",
        )
        for i, p in enumerate(rec.proxies)
    ]
    out["mobile"] = list(rec.mobile)
    if rec.scribes:
        out["scribes"] = [{"elector": s.elector, "scribe": s.scribe} for s in rec.scribes]
    out["contests"] = [_contest_dict(c, x, f"contests[{i}]") for i, c in enumerate(rec.contests)]
    ballots: dict[str, Any] = {"collected": rec.collected}
    if rec.issued is not None:
        ballots["issued"] = rec.issued
    if rec.items is not None:
        ballots["items"] = [_paper_dict(b) for b in rec.items]
    else:
        assert rec.totals is not None
        ballots["totals"] = {
            cid: {"valid": t.valid, "invalid": t.invalid, "for": dict(t.votes)} for cid, t in rec.totals.items()
        }
    out["ballots"] = ballots
    if rec.reductions:
        out["reductions"] = {
            cid: {
                **({"consent": p.consent} if p.consent is not None else {}),
                **({"presidium": True} if p.presidium else {}),
            }
            for cid, p in rec.reductions.items()
        }
    if rec.board is not None:
        out["board"] = _board_dict(rec.board)
    if rec.timeline is not None:
        t = rec.timeline
        timeline: dict[str, Any] = {}
        if t.published is not None:
            timeline["published"] = t.published.isoformat()
        if t.objections:
            timeline["objections"] = [
                {"filed": o.filed.isoformat(), **({"decided": o.decided.isoformat()} if o.decided else {})}
                for o in t.objections
            ]
        out["timeline"] = timeline
    if rec.declared is not None:
        out["declared"] = {
            cid: {"elected": list(d.elected), **({"votes": dict(d.votes)} if d.votes is not None else {})}
            for cid, d in rec.declared.items()
        }
    return _with_extra(out, x, "")


def _board_dict(board: Board) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for side, seats in (("village", board.village), ("party", board.party)):
        if seats:
            out[side] = [
                {
                    "id": s.id,
                    "post": s.post,
                    **({"name": s.name} if s.name is not None else {}),
                    **({"sex": s.sex} if s.sex is not None else {}),
                    **({"born": s.born.isoformat()} if s.born is not None else {}),
                    **({"party_member": s.party_member} if s.party_member is not None else {}),
                }
                for s in seats
            ]
    if board.population is not None:
        out["population"] = board.population
    if board.party_members is not None:
        out["party_members"] = board.party_members
    return out


def _voter_dict(v: Voter) -> dict[str, Any]:
    item: dict[str, Any] = {"id": v.id}
    if v.name is not None:
        item["name"] = v.name
    if v.sex is not None:
        item["sex"] = v.sex
    if v.born is not None:
        item["born"] = v.born.isoformat()
    item["registration"] = v.registration.value
    if v.household is not None:
        item["household"] = v.household
    if v.party_member:
        item["party_member"] = True
    if v.deprived:
        item["deprived"] = True
    if v.relatives:
        item["relatives"] = [{"id": r.id, "relation": r.relation} for r in v.relatives]
    return item


def _contest_dict(c: Contest, extras: Mapping[str, Any], path: str) -> dict[str, Any]:
    out: dict[str, Any] = {"id": c.id}
    if c.title:
        out["title"] = c.title
    out.update({"seats": c.seats, "candidates": list(c.candidates), "post": c.post.value, "stage": c.stage.value})
    return _with_extra(out, extras, path)


def _paper_dict(b: Ballot) -> dict[str, Any]:
    if b.spoiled:
        return {"spoiled": True}
    return {cid: marks.to_dict() for cid, marks in b.sections.items()}


# --- results ------------------------------------------------------------------------------------


def result_to_dict(v: Verification, compliance: Iterable[Finding] = ()) -> dict[str, Any]:
    """A verification as the result format (``tally.result/1``) writes it, with the compliance
    findings when given (:meth:`Record.compliance`)."""
    rnd = v.round
    m = rnd.meeting
    steps = [s.to_dict() for s in m.steps] + [s.to_dict() for s in rnd.steps]
    contests = []
    for c in rnd.contests:
        steps.extend({**s.to_dict(), "contest": c.contest.id} for s in c.steps)
        nxt = c.next_round
        contests.append(
            {
                "id": c.contest.id,
                "title": c.contest.title,
                "post": c.contest.post.value,
                "stage": c.contest.stage.value,
                "seats": c.contest.seats,
                "base": c.base,
                "threshold": c.threshold,
                "ballots": {"valid": c.valid, "invalid": c.invalid, "reasons": dict(c.invalid_reasons)},
                "void_marks": dict(c.void_marks),
                "votes": dict(c.votes),
                "elected": list(c.elected),
                "tied": list(c.tied),
                "unfilled": c.unfilled,
                "seats_reduced": c.seats_reduced,
                "next_round": None
                if nxt is None
                else {"stage": nxt.stage.value, "seats": nxt.seats, "candidates": list(nxt.candidates)},
            }
        )
    # A polling's proxy outcomes are the round's (count() takes them from polling()).
    proxies = [
        {"principal": o.proxy.principal, "agent": o.proxy.agent, "accepted": o.accepted, "reason": o.reason}
        for o in rnd.proxies
    ]
    return {
        "format": RESULT_FORMAT,
        "agrees": v.agrees,
        "election_valid": rnd.valid,
        "void": rnd.void,
        "collected": rnd.collected,
        "quorum": m.quorum.to_dict() if isinstance(m, Meeting) else None,
        "turnout": None if isinstance(m, Meeting) else {**m.turnout.to_dict(), "proxies": proxies},
        "proxies": proxies,
        "scribes": [
            {"elector": s.scribe.elector, "scribe": s.scribe.scribe, "accepted": s.accepted, "reason": s.reason}
            for s in rnd.scribes
        ],
        "contests": contests,
        "discrepancies": [d.to_dict() for d in v.discrepancies],
        "compliance": [f.to_dict() for f in compliance],
        "steps": steps,
    }


def next_round(rec: Record, verification: Verification | None = None) -> dict[str, Any] | None:
    """The skeleton record of the next round (tie-breaks and further elections), or ``None``
    when no contest has one: the same meeting, the next contests, no ballots yet."""
    v = verification or rec.verify()
    contests = [c.next_round for c in v.round.contests if c.next_round is not None]
    if not contests:
        return None
    out = rec.to_dict()
    out["title"] = f"{rec.title} ({', '.join(sorted({c.stage.value for c in contests}))})".strip()
    out["contests"] = [_contest_dict(c, {}, "") for c in contests]
    out["ballots"] = {"collected": 0, "items": []}
    out["declared"] = {c.id: {"elected": []} for c in contests}
    out.pop("reductions", None)
    out.pop("scribes", None)
    out["proxies"] = []
    return out


# --- files ---------------------------------------------------------------------------------------


def load(source: str | pathlib.Path | IO[str]) -> Record:
    """Read and check a record from a path, or from an open text file such as stdin."""
    try:
        with _no_cycle_collection():
            if isinstance(source, str | pathlib.Path):
                with open(source, encoding="utf-8") as f:
                    data = json.load(f)
            else:
                data = json.load(source)
    except OSError as error:
        raise RecordError(Problem("", f"cannot read the file: {error.strerror or error}")) from None
    except UnicodeDecodeError:
        raise RecordError(Problem("", "the file is not UTF-8 text")) from None
    except json.JSONDecodeError as error:
        reason = f"the file is not JSON: {error.msg} at line {error.lineno} column {error.colno}"
        raise RecordError(Problem("", reason)) from None
    return Record.from_dict(data)


def schema(name: str = "record") -> dict[str, Any]:
    """The JSON Schema of the record (``"record"``) or of the result (``"result"``)."""
    from importlib.resources import files

    if name not in ("record", "result"):
        raise RuleError(Problem("schema", f"{name!r} is not one of record, result"))
    text = files("tally").joinpath("schema", f"{name}.schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


# --- CSV --------------------------------------------------------------------------------------------

_FOR = {"for", "y", "yes", "1", "✓", "√", "○", "o", "赞成", "同意"}
_AGAINST = {"against", "n", "no", "x", "×", "不赞成", "反对"}
_ABSTAIN = {"abstain", "a", "-", "弃权"}
_UNREADABLE = {"?", "unreadable", "无法辨认"}
_TRUE = {"1", "true", "yes", "y", "是"}


def ballots_from_csv(lines: Iterable[str], contest: Contest, *, where: str = "ballots") -> Iterator[Ballot]:
    """Papers of one contest from CSV as election staff keep them: a header row, then one row
    per paper with a column per candidate (its id as the header). A cell holds the mark:
    赞成 (``for``, ``✓``, ``○``, ``1``), 不赞成 (``against``, ``×``, ``x``), 弃权
    (``abstain``, ``-``), unreadable (``?``), or nothing. Optional columns: ``write_in`` (ids
    separated by spaces or ``;``) and ``spoiled`` (``1``/``true``/``是``).

    Rows are read one at a time and equal rows share one Ballot, so a large file streams.
    A bad cell raises a :class:`RecordError` naming the row and column (all bad cells of the
    file at once, once the file has been read).

    >>> rows = ["M01,M02,M03,write_in", "✓,×,,", "✓,✓,✓,", "-,×,✓,M09"]
    >>> contest = Contest("c", seats=2, candidates=["M01", "M02", "M03"])
    >>> for paper in ballots_from_csv(rows, contest):
    ...     print(paper.sections["c"].to_dict())
    {'for': ['M01'], 'against': ['M02']}
    {'for': ['M01', 'M02', 'M03']}
    {'for': ['M03'], 'against': ['M02'], 'abstain': ['M01'], 'write_in': ['M09']}
    """
    reader = csv.reader(iter(lines))
    header = next(reader, None)
    if header is None:
        raise RecordError(Problem(where, "the CSV file is empty: it needs a header row"))
    header = [h.strip().lstrip("\ufeff") for h in header]
    problems: list[Problem] = []
    known = set(contest.candidates)
    for j, name in enumerate(header):
        if name not in known and name not in ("write_in", "spoiled"):
            problems.append(Problem(f"{where}[0][{j}]", f"column {name!r} is not a candidate of {contest.id!r}"))
    if problems:
        raise RecordError(problems)
    memo: dict[tuple[str, ...], Ballot] = {}
    for i, row in enumerate(reader, start=1):
        if not row:
            continue  # an empty line; a row of empty cells is a blank paper
        cells = tuple(row)
        paper = memo.get(cells)
        if paper is None:
            paper = _csv_paper(tuple(c.strip() for c in cells), header, contest, f"{where}[{i}]", problems)
            if paper is None:
                continue
            memo[cells] = paper
        yield paper
    if problems:
        raise RecordError(problems)


def _csv_paper(
    cells: tuple[str, ...], header: list[str], contest: Contest, path: str, problems: list[Problem]
) -> Ballot | None:
    if len(cells) != len(header):
        problems.append(Problem(path, f"{len(cells)} cells, but the header has {len(header)}"))
        return None
    marks: dict[str, list[str]] = {"for_": [], "against": [], "abstain": [], "unreadable": [], "write_in": []}
    spoiled = False
    for j, (name, cell) in enumerate(zip(header, cells, strict=True)):
        low = cell.lower()
        if name == "spoiled":
            spoiled = low in _TRUE
        elif name == "write_in":
            marks["write_in"] = [w for w in cell.replace(";", " ").split() if w]
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
            problems.append(
                Problem(f"{path}[{j}]", f"{cell!r} is not a mark (for ✓, against ×, abstain -, unreadable ?)")
            )
            return None
    if spoiled:
        return Ballot(spoiled=True)
    return Ballot({contest.id: Marks(**marks)})


def roll_from_csv(lines: Iterable[str], *, where: str = "roll") -> Roll:
    """A party roll from CSV: a header with ``id`` and any of ``name``, ``sex``, ``born``,
    ``standing``, ``rights``, then one row per member. Every bad cell is reported at once.

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
            r.bad(f"{where}[0][{j}]", f"unknown column {name!r}; the columns are {', '.join(allowed)}")
    if r.problems:
        raise RecordError(r.problems)
    reader.fieldnames = fields
    members = []
    for i, row in enumerate(reader):
        item = {k: v.strip() for k, v in row.items() if k is not None and v is not None and v.strip()}
        members.append(_member(r, f"{where}[{i}]", item, {}))
    if r.problems:
        raise RecordError(r.problems)
    roll: Roll = _checked(lambda: Roll(m for m in members if m is not None))
    return roll


# --- many records ---------------------------------------------------------------------------------


@attrs.frozen
class Outcome:
    """The verification of one file among many: its ``path``, the exit ``status`` (0 agrees,
    1 disagrees or void, 2 broken), a one-line ``summary``, and its compliance ``findings``."""

    path: str
    status: int
    summary: str
    discrepancies: int = 0
    findings: tuple[Finding, ...] = ()


def verify_path(path: str) -> Outcome:
    """Verify one record file; never raises for a broken record (its status is 2)."""
    try:
        rec = load(path)
        v = rec.verify()
        findings = rec.compliance()
    except (RecordError, RuleError) as error:
        many = len(error.problems)
        first = str(error.problems[0])
        return Outcome(path, 2, first if many == 1 else f"{many} problems; the first: {first}")
    if v.agrees:
        return Outcome(path, 0, "agrees", 0, findings)
    what = ", ".join(sorted({d.what for d in v.discrepancies}))
    return Outcome(path, 1, f"disagrees: {what}", len(v.discrepancies), findings)


def compliance_table(outcomes: Iterable[Outcome]) -> list[dict[str, Any]]:
    """Per check over many records: how many meet it, do not, cannot tell, or do not apply, and
    which records do not meet it. The rows of the township summary (``tally compliance``)."""
    rows: dict[str, dict[str, Any]] = {}
    for o in outcomes:
        for f in o.findings:
            row = rows.setdefault(
                f.check,
                {
                    "check": f.check,
                    "rule": f.rule,
                    "statutory": f.statutory,
                    "met": 0,
                    "not met": 0,
                    "cannot tell": 0,
                    "not applicable": 0,
                    "failing": [],
                },
            )
            row[f.status] += 1
            if f.status == "not met" and o.path not in row["failing"]:
                row["failing"].append(o.path)
    return list(rows.values())


def verify_many(paths: Iterable[str], *, executor: Executor | None = None) -> list[Outcome]:
    """Verify many record files, in order, through any :class:`concurrent.futures.Executor`
    (a process pool on one machine, a cluster's executor across many), or in this process
    when none is given."""
    paths = list(paths)
    if executor is None:
        return [verify_path(p) for p in paths]
    if isinstance(executor, ProcessPoolExecutor):
        # Send paths to the workers in batches: one round trip per record would cost more
        # than verifying a small record.
        return list(executor.map(verify_path, paths, chunksize=max(1, min(32, len(paths) // 16))))
    return list(executor.map(verify_path, paths))


def expand(paths: Iterable[str]) -> list[str]:
    """Files named, and the ``*.json`` files in folders named, in sorted order."""
    out: list[str] = []
    for p in paths:
        path = pathlib.Path(p)
        if path.is_dir():
            out.extend(str(f) for f in sorted(path.rglob("*.json")))
        else:
            out.append(p)
    return out


def dumps(data: Any) -> str:
    """JSON as tally writes it: UTF-8 text, Chinese kept readable, two-space indent."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
