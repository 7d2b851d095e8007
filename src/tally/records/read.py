"""Reading a record from untrusted JSON: every problem at once, each with its path."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import attrs

from .._assembly import DECIDING
from .._ballot import Ballot, Marks, Scribe
from .._compliance import Board, Objection, Seat, Timeline
from .._contest import Contest
from .._count import Reduction, Totals
from .._ids import canonical_id, id_problem
from .._meeting import Exclusion
from .._proxy import Proxy
from .._roll import Member, Roll, plain_member
from .._rulebook import PRESETS, Kind, Rulebook
from .._values import EXCERPT, MOST_BALLOTS, MOST_CANDIDATES, MOST_ID_LENGTH, MOST_SEATS, Word, shown, typed
from .._verify import Declared, declared_problems
from .._voters import Relative, Voter, VoterRoll, plain_voter
from ..errors import Problem, RecordError, RuleError
from .assembly import AssemblyRecord, read_assembly
from .check import Parts, Placed, references
from .record import _PARTY_KINDS, RECORD_FORMAT, GroupedItems, Note, Papers, Record, StreamedRoll
from .rules import FIXED, read_rules, to_json
from .vocabulary import choices, read_word, unknown

_DECIDING = frozenset(k.value for k in DECIDING)


def read(data: Any) -> Record | AssemblyRecord:
    """A record of any kind from parsed JSON, by its ``kind``: an election (:class:`Record`) or a
    sitting of a meeting that decides (:class:`~tally.records.assembly.AssemblyRecord`).

    >>> from tally.examples import load
    >>> type(read(load("branch"))).__name__, type(read(load("party-motion"))).__name__
    ('Record', 'AssemblyRecord')
    """
    if isinstance(data, dict) and read_word("kind", data.get("kind")) in _DECIDING:
        return read_assembly(data)
    return Record.from_dict(data)


# --- reading untrusted JSON, every problem at once ---------------------------------------------


class _Reader:
    """Walks untrusted JSON and keeps every problem with its path."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.rule_problems: set[Problem] = set()
        self._notes: dict[tuple[str, str], list[Any]] = {}  # (as written, id) -> [first path, times]

    def bad(self, path: str, code: str, values: Mapping[str, Any] | None = None) -> None:
        """A problem at *path*: its *code* (:data:`tally.catalogue.PROBLEMS`) and *values*."""
        self.problems.append(Problem(path, code=code, values=values or {}))

    def add(self, problem: Problem, path: str) -> None:
        """A problem made with no path yet (:func:`~tally.records.vocabulary.unknown`), at *path*."""
        self.problems.append(problem.at(path))

    def notes(self) -> tuple[Note, ...]:
        """Each id the id policy changed, once, where it first appears: ``Note("id", {"path":
        "roll[3].id", "written": "'Ｍ０７'", "id": "'M07'"})`` (code ``id-again`` when the same
        spelling comes again elsewhere)."""
        return tuple(
            Note("id" if times == 1 else "id-again", {"path": path, "written": shown(raw), "id": shown(canonical)})
            for (raw, canonical), (path, times) in self._notes.items()
        )

    def bad_rule(self, problem: Problem, *, rule: bool) -> None:
        """A problem found by the core's checks: *rule* when the core raised a :class:`RuleError`
        for it (a value against the rules rather than a malformed one)."""
        self.problems.append(problem)
        if rule:
            self.rule_problems.add(problem)

    def error(self) -> RecordError | RuleError:
        """Every problem found, as one error: a :class:`RuleError` when each is against the rules
        (a margin, a rulebook value out of range), else a :class:`RecordError`."""
        found = list(dict.fromkeys(self.problems))  # identical problems once, in order
        if all(p in self.rule_problems for p in found):
            return RuleError(found)
        return RecordError(found)

    def obj(
        self, path: str, value: Any, *, required: Sequence[str] = (), optional: Sequence[str] = ()
    ) -> dict[str, Any] | None:
        """An object with these keys; unknown keys (but ``extra``) and missing required ones are problems."""
        if not isinstance(value, dict):
            self.bad(path, "json-not-object", {"value": typed(value)})
            return None
        self.once(path, value)
        known = {*required, *optional, "extra"}
        for key in value:
            if key not in known:
                self.bad(_join(path, key), "json-unknown-field")
        for key in required:
            if key not in value:
                self.bad(_join(path, key), "missing")
        return value

    def mapping(self, path: str, value: Any) -> dict[str, Any]:
        """An object keyed by ids (votes per person, sections per contest): each key an id under
        the id policy (tally._ids), as its canonical id; two keys that are one id are a problem."""
        if not isinstance(value, dict):
            self.bad(path, "json-not-object", {"value": typed(value)})
            return {}
        self.once(path, value)
        if all(_plain(key) for key in value):
            return value  # the common case, checked quickly
        out: dict[str, Any] = {}
        written: dict[str, str] = {}
        for key, item in value.items():
            where = _join(path, key)
            got = self.ident(where, key, what="key")
            if got is None:
                continue
            if got in out:
                self.bad(where, "json-key-same-id", {"key": shown(key), "id": shown(got), "first": shown(written[got])})
                continue
            out[got] = item
            written[got] = key
        return out

    def ident(self, path: str, value: Any, *, what: str = "id") -> str | None:
        """An id under the id policy (tally._ids): a visible string of at most 100 characters,
        read as its canonical form (NFKC, trimmed); a change is noted once, never silent."""
        if type(value) is str and _plain(value):
            return value  # the common case, checked quickly
        if not isinstance(value, str) or not value.strip():
            self.bad(path, "not-text", {"value": typed(value)})
            return None
        problem = id_problem(value)
        if problem is not None:
            values = {"value": shown(value), "why": problem}
            if what == "key":
                self.problems.append(Problem(path, "bad-key", values))
            else:
                self.problems.append(Problem(path, "bad-id", values))
            return None
        canonical = canonical_id(value)
        if len(canonical) > MOST_ID_LENGTH:
            values = {"most": MOST_ID_LENGTH, "length": len(canonical)}
            self.problems.append(Problem(path, "id-too-long-length", values))
            return None
        if canonical != value:
            seen = self._notes.get((value, canonical))
            if seen is None:
                self._notes[(value, canonical)] = [path, 1]
            else:
                seen[1] += 1
        return canonical

    def once(self, path: str, value: dict[str, Any]) -> None:
        """Each key of a JSON object given once: a file that gives one twice (read by
        :func:`~tally.records.load`) is a problem at that key, never the last one silently."""
        for key in getattr(value, "duplicates", ()):
            self.bad(_join(path, key), "json-key-twice")

    def string(self, path: str, value: Any, *, blank: bool = False) -> str | None:
        if not isinstance(value, str) or (not blank and not value.strip()):
            self.bad(path, "not-text", {"value": typed(value)})
            return None
        return value

    def integer(self, path: str, value: Any, *, least: int = 0, most: int = MOST_BALLOTS) -> int | None:
        """A whole number from *least* to *most*: every count of a record has a bound
        (tally._values: ballots and votes at most 10^9)."""
        if isinstance(value, bool) or not isinstance(value, int):
            self.bad(path, "json-not-whole", {"value": typed(value)})
            return None
        if value < least:
            self.bad(path, "json-below-least", {"least": least, "value": shown(value)})
            return None
        if value > most:
            self.bad(path, "json-above-most", {"most": most, "value": shown(value)})
            return None
        return value

    def boolean(self, path: str, value: Any, field: str = "boolean") -> bool | None:
        """``true`` or ``false``, or a word for them (``是``/``否``, ``yes``/``no``); anything else
        is a problem, never a silent ``false``."""
        if isinstance(value, bool):
            return value
        got = read_word(field, value)
        if got is None:
            self.add(unknown(field, value), path)
            return None
        return bool(got)

    def word(self, path: str, field: str, value: Any) -> str | None:
        """One of the words of *field*'s vocabulary, as its canonical value; an unknown word is a
        problem naming the accepted values."""
        got = read_word(field, value)
        if got is None or isinstance(got, bool):
            self.add(unknown(field, value), path)
            return None
        return str(got)

    def date(self, path: str, value: Any) -> datetime.date | None:
        if not isinstance(value, str):
            self.bad(path, "json-not-date", {"value": typed(value)})
            return None
        if _DATE.fullmatch(value):  # only this form: fromisoformat also reads 2026-W21-4 and 20260521
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                pass
        self.bad(path, "json-bad-date", {"value": shown(value)})
        return None

    def ids(self, path: str, value: Any) -> list[str]:
        """A list of ids under the id policy (tally._ids), each as its canonical id."""
        if type(value) is list and all(type(v) is str and _plain(v) for v in value):
            return value  # the common case, checked quickly: a sign-in list can be long
        if not isinstance(value, list):
            self.bad(path, "not-id-list", {"value": typed(value)})
            return []
        out = []
        for i, item in enumerate(value):
            got = self.ident(f"{path}[{i}]", item)
            if got is not None:
                out.append(got)
        return out

    def placed_ids(self, path: str, value: Any) -> Placed:
        """The ids of a list under the id policy (tally._ids), each as its canonical id with its
        place in the list (a bad item does not shift the others)."""
        if type(value) is list and all(type(v) is str and _plain(v) for v in value):
            return Placed(value)  # the common case, checked quickly: a sign-in list can be long
        if not isinstance(value, list):
            self.bad(path, "not-id-list", {"value": typed(value)})
            return Placed([])
        return Placed.of(self.ident(f"{path}[{i}]", item) for i, item in enumerate(value))

    def array(self, path: str, value: Any) -> list[Any]:
        if not isinstance(value, list):
            self.bad(path, "json-not-list", {"value": typed(value)})
            return []
        return value

    def choice(self, path: str, value: Any, allowed: Iterable[str]) -> str | None:
        allowed = tuple(allowed)
        if type(value) is not str or value not in allowed:
            self.bad(path, "not-one-of", {"value": shown(value), "accepted": allowed})
            return None
        return value


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _plain(value: str) -> bool:
    """Whether *value* is an id as tally writes it, by a quick test that most ids pass: short
    printable ASCII with no space at either end."""
    return value.isascii() and value.isprintable() and 0 < len(value) <= MOST_ID_LENGTH and value.strip() == value


def _join(path: str, key: object) -> str:
    """The path of *key* within *path*: ``path.key``, or ``path['key ']`` (escaped, short) when
    the key holds anything a reader could miss: spaces, dots, brackets, quotes, invisible
    characters."""
    text = str(key)
    if len(text) > EXCERPT or not text.isprintable() or any(c in text for c in " .[]'\"") or not text.strip():
        return f"{path}[{shown(text)}]"
    return f"{path}.{text}" if path else text


# --- rulebook overrides ------------------------------------------------------------------------


def _rulebook(r: _Reader, kind: str | None, top: dict[str, Any]) -> Rulebook | None:
    if "rulebook" not in top:
        return None  # reported as missing
    pid = r.choice("rulebook", top["rulebook"], (Word("rulebook", p) for p in PRESETS))
    book = PRESETS[pid] if pid is not None else None
    if book is not None and kind is not None and book.kind.value != kind:
        r.bad(
            "rulebook",
            "record-rulebook-for-other-kind",
            {"rulebook": shown(pid), "book_kind": book.kind, "kind": Kind(kind)},
        )
    if "rules" not in top or book is None:
        return book
    rules = r.obj("rules", top["rules"], optional=[f.name for f in attrs.fields(Rulebook) if f.name not in FIXED])
    if rules is None:
        return book
    return read_rules(r, "rules", rules, book)


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
        r.bad("format", "record-format", {"value": shown(top["format"]), "format": shown(RECORD_FORMAT)})
    extras: dict[str, Any] = {}
    if "extra" in top:
        extras[""] = top["extra"]
    if isinstance(top.get("rules"), dict) and "extra" in top["rules"]:
        extras["rules"] = top["rules"]["extra"]
    kind = r.word("kind", "kind", top.get("kind")) if "kind" in top else None
    if kind in _DECIDING:
        r.bad("kind", "record-kind-decides", {"kind": shown(kind), "load": "load()", "read": "read()"})
        raise r.error()
    party = kind in _PARTY_KINDS
    mode = None
    if kind == Kind.RESIDENTS_COMMITTEE.value and "mode" not in top:
        # R-2: whose roll it is (residents, household or group representatives) decides the base;
        # it is never assumed.
        r.bad("mode", "record-mode-missing", {"accepted": choices("mode")})
    if "mode" in top and kind is not None:  # an unknown or missing kind is reported: no guess
        if kind != Kind.RESIDENTS_COMMITTEE.value:
            r.bad("mode", "record-mode-not-residents")
        else:
            mode = r.word("mode", "mode", top["mode"])
    title = r.string("title", top["title"], blank=True) if "title" in top else ""
    book = _rulebook(r, kind, top)
    day = r.date("day", top["day"]) if "day" in top else None

    raw_roll = top.get("roll", [])
    members: list[Member | Voter | None] = []
    # An unknown kind is reported: each entry is read as the roll its own fields belong to, and
    # never said to belong to the other one (that would be a guess from a kind tally does not know).
    read_one = _member if party else _voter if kind is not None else _person
    for i, item in enumerate(_roll_items(r, raw_roll)):
        members.append(read_one(r, f"roll[{i}]", item, extras))
    if not party and kind is not None and top.get("exclusions"):
        r.bad("exclusions", "record-exclusions-not-party")
    exclusions = Placed.of(
        _exclusion(r, f"exclusions[{i}]", item, extras)
        for i, item in enumerate(r.array("exclusions", top.get("exclusions", [])))
    )
    present = r.placed_ids("present", top.get("present", []))
    proxies = Placed.of(
        _proxy(r, f"proxies[{i}]", item, extras) for i, item in enumerate(r.array("proxies", top.get("proxies", [])))
    )
    mobile = r.placed_ids("mobile", top.get("mobile", []))
    if mobile and party:
        r.bad("mobile", "record-mobile-in-party")
    scribes = Placed.of(
        _scribe(r, f"scribes[{i}]", item) for i, item in enumerate(r.array("scribes", top.get("scribes", [])))
    )
    broken: set[str] = set()
    contests = Placed.of(
        _contest(r, f"contests[{i}]", item, extras, broken)
        for i, item in enumerate(r.array("contests", top.get("contests", [])))
    )
    # No ballots at all is reported as missing, once: nothing to read.
    collected, issued, items, totals = _ballots(r, top["ballots"]) if "ballots" in top else (None, None, None, None)
    reductions = _reductions(r, top.get("reductions"))
    declared = _declared(r, top.get("declared")) if "declared" in top else None
    board = _board(r, top["board"], members) if "board" in top else None
    timeline = _timeline(r, top["timeline"]) if "timeline" in top else None

    # Every reference and rule, on whatever was readable (check.py): one run, every problem.
    # No roll at all (reported as missing): nothing to check the references against, rather than
    # every candidate and sign-in "not on the roll" of an empty one.
    given = "roll" in top and isinstance(raw_roll, list | StreamedRoll)
    roll_items = Placed.of(members) if given else None
    parts = Parts(
        kind=kind,
        party=party,
        book=book,
        day=day,
        mode=mode,
        roll=roll_items,
        exclusions=exclusions,
        present=present,
        proxies=proxies,
        mobile=mobile,
        scribes=scribes,
        contests=contests,
        broken_contests=broken,
        collected=collected,
        issued=issued,
        items=items,
        totals=totals,
        reductions=reductions,
        declared=declared,
    )
    written = raw_roll.entries if isinstance(raw_roll, StreamedRoll) else raw_roll if isinstance(raw_roll, list) else []
    checked = references(parts, lambda p, rule: r.bad_rule(_as_written(p, written), rule=rule), clean=not r.problems)
    if declared is not None and roll_items is not None:
        known = [*(c.id for c in contests.items), *broken]  # a broken contest's problems are reported
        for problem in declared_problems(declared, contests=known, roll=roll_items.items):
            r.bad_rule(problem, rule=False)
    if r.problems:
        raise r.error()
    if checked is not None:
        roll: Roll | VoterRoll = checked[0].roll  # the roll the meeting was worked out on
    elif party:
        roll = Roll(m for m in members if isinstance(m, Member))
    else:
        roll = VoterRoll(m for m in members if isinstance(m, Voter))
    assert book is not None
    assert day is not None
    assert kind is not None
    assert collected is not None
    record = Record(
        title=title or "",
        kind=kind,
        rulebook_id=book.id if top["rulebook"] == book.id else str(top["rulebook"]),
        rules=_written_rules(top.get("rules"), book),
        rulebook=book,
        day=day,
        roll=roll,
        exclusions=tuple(exclusions.items),
        present=tuple(present.items),
        proxies=tuple(proxies.items),
        mobile=tuple(mobile.items),
        notes=r.notes(),
        scribes=tuple(scribes.items),
        contests=tuple(contests.items),
        collected=collected,
        issued=issued,
        items=None if items is None else _record_items(items),
        totals=totals,
        reductions=reductions,
        declared=declared,
        mode=mode,
        board=board,
        timeline=timeline,
        extras=extras,
    )
    if checked is not None:  # the meeting and the count of the record as given, done once
        record._meeting.append(checked[0])
        record._round.append(checked[1])
    return record


_ROLL_ID = re.compile(r"roll\[(\d+)\]\.id")


def _as_written(problem: Problem, roll: list[Any]) -> Problem:
    """A duplicate id on the roll as the record writes it, when that is not the id tally reads
    (``'Ｍ０１'``, which is ``'M01'``): the user looks for what is in the file."""
    found = _ROLL_ID.fullmatch(problem.path) if problem.code == "duplicate-id" else None
    if found is None or int(found.group(1)) >= len(roll):
        return problem
    item = roll[int(found.group(1))]
    raw = item if isinstance(item, str) else item.get("id") if isinstance(item, dict) else None
    if not isinstance(raw, str) or shown(raw) == problem.values["id"]:
        return problem
    return Problem(problem.path, "duplicate-id-as-written", {"written": shown(raw), **problem.values})


def _scribe(r: _Reader, path: str, item: Any) -> Scribe | None:
    o = r.obj(path, item, required=["elector", "scribe"])
    if o is None or "elector" not in o or "scribe" not in o:
        return None
    elector, scribe = r.ident(f"{path}.elector", o["elector"]), r.ident(f"{path}.scribe", o["scribe"])
    return Scribe(elector, scribe) if elector and scribe else None


def _written_rules(given: Any, book: Rulebook) -> dict[str, Any]:
    """The overrides of a record's ``rules``, each in the JSON form of the value it set."""
    if not isinstance(given, dict):
        return {}
    return {name: to_json(name, getattr(book, name)) for name in given if name != "extra"}


def _board(r: _Reader, value: Any, members: list[Member | Voter | None]) -> Board | None:
    """The elected boards; a seat's sex, birth date, party membership and relatives come from
    the roll when the seat does not give them (a party membership the roll does not give is
    "cannot tell", never "no")."""
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
            sid = r.ident(f"{path}.id", so.get("id")) if "id" in so else None
            post = r.word(f"{path}.post", "post", so.get("post")) if "post" in so else None
            person = known.get(sid or "")
            name = r.string(f"{path}.name", so["name"], blank=True) if "name" in so else getattr(person, "name", None)
            sex = r.word(f"{path}.sex", "sex", so["sex"]) if "sex" in so else getattr(person, "sex", None)
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


_VOTER_FIELDS = ("registration", "household", "party_member", "deprived")


def _person(r: _Reader, path: str, item: Any, extras: dict[str, Any]) -> Member | Voter | None:
    """An entry of the roll of a record whose kind is unknown or missing (reported): a voter when
    it has a field of the voters' roll, else a party member; a field of the other roll is then no
    problem of its own."""
    if isinstance(item, dict) and any(key in item for key in _VOTER_FIELDS):
        return _voter(r, path, item, extras, other_roll=False)
    return _member(r, path, item, extras, other_roll=False)


def _voter(r: _Reader, path: str, item: Any, extras: dict[str, Any], *, other_roll: bool = True) -> Voter | None:
    """A voter of a village or residents' roll (V-5, V-6); *other_roll*: whether a field of the
    party roll is a problem."""
    if type(item) is dict and len(item) == 1:  # only an id, checked here: a resident, nothing more
        vid = item.get("id")
        if type(vid) is str and _plain(vid):
            return plain_voter(vid)
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
    for key in ("standing", "rights") if other_roll else ():
        if key in o:
            r.bad(f"{path}.{key}", "record-party-field-on-voter-roll")
    before = len(r.problems)
    vid = r.ident(f"{path}.id", o.get("id")) if "id" in o else None
    name = r.string(f"{path}.name", o["name"], blank=True) if "name" in o else None
    sex = r.word(f"{path}.sex", "sex", o["sex"]) if "sex" in o else None
    born = r.date(f"{path}.born", o["born"]) if "born" in o else None
    registration = (
        r.word(f"{path}.registration", "registration", o["registration"]) if "registration" in o else "resident"
    )
    household = r.ident(f"{path}.household", o["household"]) if "household" in o else None
    party_member = r.boolean(f"{path}.party_member", o["party_member"]) if "party_member" in o else None
    deprived = r.boolean(f"{path}.deprived", o["deprived"]) if "deprived" in o else False
    relatives = []
    for j, rel in enumerate(r.array(f"{path}.relatives", o.get("relatives", []))):
        ro = r.obj(f"{path}.relatives[{j}]", rel, required=["id", "relation"])
        if ro is not None:
            rid = r.ident(f"{path}.relatives[{j}].id", ro.get("id"))
            relation = r.word(f"{path}.relatives[{j}].relation", "relation", ro.get("relation"))
            if rid and relation:
                relatives.append(Relative(rid, relation))
    if vid is None:
        return None
    if len(r.problems) > before or registration is None:
        return Voter(vid)  # a stand-in, so that the other checks know the id (the record is refused)
    return Voter(
        vid,
        name=name,
        sex=sex,
        born=born,
        registration=registration,
        household=household,
        party_member=party_member,
        deprived=bool(deprived),
        relatives=relatives,
    )


_SIMPLE_MEMBER = frozenset({"id", "name", "standing", "rights", "sex"})
_STANDINGS = {"full", "probationary"}
_RIGHTS = {"full", "probation", "suspended"}


def _member(r: _Reader, path: str, item: Any, extras: dict[str, Any], *, other_roll: bool = True) -> Member | None:
    """A member of a party roll (P-1 … P-4); *other_roll*: whether a field of the voters' roll
    is a problem."""
    # The common case, checked quickly: a roll can hold thousands of members, or millions.
    if type(item) is dict and len(item) == 1:
        mid = item.get("id")
        if type(mid) is str and _plain(mid):
            return plain_member(mid)  # only an id, checked here: a full member, nothing more
    if type(item) is dict and _SIMPLE_MEMBER.issuperset(item):
        mid, name = item.get("id"), item.get("name")
        standing, rights, sex = item.get("standing", "full"), item.get("rights", "full"), item.get("sex")
        if (
            type(mid) is str
            and _plain(mid)
            and (name is None or type(name) is str)
            and type(standing) is str
            and standing in _STANDINGS
            and type(rights) is str
            and rights in _RIGHTS
            and (sex is None or sex == "F" or sex == "M")
        ):
            return Member(mid, name=name, standing=standing, rights=rights, sex=sex)
    before = len(r.problems)
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
    for key in ("registration", "household", "party_member") if other_roll else ():
        if key in o:
            r.bad(f"{path}.{key}", "record-voter-field-on-party-roll")
    mid = r.ident(f"{path}.id", o.get("id")) if "id" in o else None
    name = r.string(f"{path}.name", o["name"], blank=True) if "name" in o else None
    sex = r.word(f"{path}.sex", "sex", o["sex"]) if "sex" in o else None
    born = r.date(f"{path}.born", o["born"]) if "born" in o else None
    standing = r.word(f"{path}.standing", "standing", o["standing"]) if "standing" in o else "full"
    rights = r.word(f"{path}.rights", "rights", o["rights"]) if "rights" in o else "full"
    if "relatives" in o:
        for j, rel in enumerate(r.array(f"{path}.relatives", o["relatives"])):
            ro = r.obj(f"{path}.relatives[{j}]", rel, required=["id", "relation"])
            if ro is not None:
                r.ident(f"{path}.relatives[{j}].id", ro.get("id"))
                r.word(f"{path}.relatives[{j}].relation", "relation", ro.get("relation"))
        extras[f"{path}.relatives"] = o["relatives"]
    if mid is None:
        return None
    if len(r.problems) > before or standing is None or rights is None:
        return Member(mid)  # a stand-in, so that the other checks know the id (the record is refused)
    return Member(mid, name=name, standing=standing, rights=rights, sex=sex, born=born)


def _exclusion(r: _Reader, path: str, item: Any, extras: dict[str, Any]) -> Exclusion | None:
    o = r.obj(
        path, item, required=["member", "category", "upper_approved", "meeting_approved"], optional=["note", "motion"]
    )
    if o is None:
        return None
    if "extra" in o:
        extras[path] = o["extra"]
    member = r.ident(f"{path}.member", o.get("member")) if "member" in o else None
    category = r.word(f"{path}.category", "category", o.get("category")) if "category" in o else None
    upper = r.boolean(f"{path}.upper_approved", o["upper_approved"]) if "upper_approved" in o else None
    approved = r.boolean(f"{path}.meeting_approved", o["meeting_approved"]) if "meeting_approved" in o else None
    note = r.string(f"{path}.note", o["note"], blank=True) if "note" in o else None
    motion = r.string(f"{path}.motion", o["motion"]) if "motion" in o else None  # P-8: the approving vote
    if member is None or category is None or upper is None or approved is None:
        return None
    return Exclusion(member, category, upper_approved=upper, meeting_approved=approved, note=note, motion=motion)


def _proxy(r: _Reader, path: str, item: Any, extras: dict[str, Any]) -> Proxy | None:
    o = r.obj(path, item, required=["principal", "agent", "written"], optional=["relation", "filed"])
    if o is None:
        return None
    if "extra" in o:
        extras[path] = o["extra"]
    principal = r.ident(f"{path}.principal", o.get("principal")) if "principal" in o else None
    agent = r.ident(f"{path}.agent", o.get("agent")) if "agent" in o else None
    written = r.boolean(f"{path}.written", o["written"]) if "written" in o else None
    relation = r.word(f"{path}.relation", "relation", o["relation"]) if "relation" in o else None
    filed = r.date(f"{path}.filed", o["filed"]) if "filed" in o else None
    if principal is None or agent is None or written is None or ("relation" in o and relation is None):
        return None
    return Proxy(principal, agent, relation=relation, written=written, filed=filed)


def _contest(r: _Reader, path: str, item: Any, extras: dict[str, Any], broken: set[str]) -> Contest | None:
    """A contest; when it cannot be read but its id can, the id goes to *broken* (its ballots and
    declaration are then not checked against a contest that is not there)."""
    before = len(r.problems)
    o = r.obj(path, item, required=["id", "seats", "candidates"], optional=["title", "post", "stage"])
    if o is None:
        return None
    if "extra" in o:
        extras[path] = o["extra"]
    cid = r.ident(f"{path}.id", o.get("id")) if "id" in o else None
    seats = r.integer(f"{path}.seats", o.get("seats"), least=1, most=MOST_SEATS) if "seats" in o else None
    candidates = r.ids(f"{path}.candidates", o.get("candidates", []))
    if len(candidates) > MOST_CANDIDATES:
        r.bad(f"{path}.candidates", "too-many-candidates", {"most": MOST_CANDIDATES, "count": len(candidates)})
    seen: dict[str, int] = {}
    for j, who in enumerate(candidates):
        if who in seen:
            r.bad(
                f"{path}.candidates[{j}]",
                "record-duplicate-candidate",
                {"who": shown(who), "first": f"candidates[{seen[who]}]"},
            )
        seen.setdefault(who, j)
    title = r.string(f"{path}.title", o["title"], blank=True) if "title" in o else ""
    post = r.word(f"{path}.post", "post", o["post"]) if "post" in o else "member"
    stage = r.word(f"{path}.stage", "stage", o["stage"]) if "stage" in o else "regular"
    if cid is None or len(r.problems) > before:
        if cid is not None:
            broken.add(cid)
        return None
    assert seats is not None
    assert post is not None
    assert stage is not None
    return Contest(cid, seats=seats, candidates=candidates, title=title or "", post=post, stage=stage)


_MARK_KEYS = ("for", "against", "abstain", "write_in", "unreadable")


def _ballots(r: _Reader, value: Any) -> tuple[int | None, int | None, Placed | None, dict[str, Totals] | None]:
    o = r.obj("ballots", value, required=["collected"], optional=["items", "totals", "issued"])
    if o is None:
        return None, None, None, None
    collected = r.integer("ballots.collected", o["collected"]) if "collected" in o else None
    issued = r.integer("ballots.issued", o["issued"]) if "issued" in o else None
    if ("items" in o) == ("totals" in o):
        r.bad("ballots", "record-items-or-totals", {"items": "items", "totals": "totals"})
        return collected, issued, None, None
    if "items" in o and isinstance(o["items"], GroupedItems):  # streamed: equal papers grouped
        grouped = o["items"]
        if collected is not None and grouped.papers != collected:
            r.bad("ballots.items", "record-papers-not-collected", {"papers": grouped.papers, "collected": collected})
        return collected, issued, _grouped(r, grouped), None
    if "items" in o:
        raw = r.array("ballots.items", o["items"])
        if collected is not None and len(raw) != collected:
            r.bad("ballots.items", "record-papers-not-collected", {"papers": len(raw), "collected": collected})
        return collected, issued, _items(r, raw), None
    totals: dict[str, Totals] = {}
    for cid, sheet in r.mapping("ballots.totals", o["totals"]).items():
        path = _join("ballots.totals", cid)
        so = r.obj(path, sheet, required=["valid", "invalid", "for"])
        if so is None:
            continue
        valid = r.integer(f"{path}.valid", so.get("valid")) if "valid" in so else None
        invalid = r.integer(f"{path}.invalid", so.get("invalid")) if "invalid" in so else None
        votes: dict[str, int] = {}
        for who, n in r.mapping(f"{path}.for", so.get("for", {})).items():
            got = r.integer(_join(f"{path}.for", who), n)
            if got is not None:
                votes[who] = got
        if valid is not None and invalid is not None:
            totals[cid] = Totals(valid=valid, invalid=invalid, votes=votes)
    return collected, issued, None, totals


def _items(r: _Reader, raw: list[Any]) -> Placed:
    """Papers from JSON, each with its place; equal papers share one Ballot, so a large box costs
    one object per distinct paper."""
    seen: dict[str, Ballot] = {}
    out: list[Ballot | None] = []
    for i, item in enumerate(raw):
        path = f"ballots.items[{i}]"
        key = repr(item)  # equal parsed papers have equal reprs (in C, fast)
        paper = seen.get(key)
        if paper is None:
            paper = _paper(r, path, item)
            if paper is not None:
                seen[key] = paper
        out.append(paper)
    return Placed.of(out)


def _grouped(r: _Reader, grouped: GroupedItems) -> Placed:
    """Papers streamed from a file, equal ones grouped: each distinct paper checked once, at the
    place of the first like it (a bad one is named there, with how many more there were), and
    counted as many times as it came (``weights``)."""
    papers: list[Ballot] = []
    at: list[int] = []
    weights: list[int] = []
    for first, n, item in grouped.items:
        before = len(r.problems)
        paper = _paper(r, f"ballots.items[{first}]", item)
        if paper is not None:
            papers.append(paper)
            at.append(first)
            weights.append(n)
        elif n > 1:
            r.problems[before:] = [p.again(n - 1, "papers") for p in r.problems[before:]]
    return Placed(papers, at, weights)


def _record_items(items: Placed) -> tuple[Ballot, ...] | Papers:
    """The record's papers: one by one, or grouped as they were streamed."""
    if items.weights is None:
        return tuple(items.items)
    return Papers(tuple(zip(items.items, items.weights, items.at or range(len(items.items)), strict=True)))


def _roll_items(r: _Reader, value: Any) -> Iterable[Any]:
    """The items of the roll; a streamed roll keeps an item that is only an id as the id, and
    gives it back here as the object it was."""
    if isinstance(value, StreamedRoll):
        return ({"id": item} if type(item) is str else item for item in value.entries)
    return r.array("roll", value)


def _paper(r: _Reader, path: str, item: Any) -> Ballot | None:
    if not isinstance(item, dict):
        r.bad(path, "json-not-object", {"value": typed(item)})
        return None
    r.once(path, item)
    if "spoiled" in item:
        spoiled = r.boolean(f"{path}.spoiled", item["spoiled"], "spoiled")
        if len(item) > 1:
            r.bad(path, "record-spoiled-with-sections")
        return Ballot(spoiled=True) if spoiled else (Ballot() if spoiled is False and len(item) == 1 else None)
    before = len(r.problems)
    sections: dict[str, Marks] = {}
    for cid, section in r.mapping(path, item).items():
        spath = _join(path, cid)
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
        path = _join("reductions", cid)
        po = r.obj(path, plan, optional=["consent", "presidium"])
        if po is None:
            continue
        consent = r.integer(f"{path}.consent", po["consent"]) if "consent" in po else None
        presidium = r.boolean(f"{path}.presidium", po["presidium"]) if "presidium" in po else False
        if consent is None and not presidium:
            if "consent" not in po:
                r.bad(path, "record-reduction-needs-consent")
            continue
        out[cid] = Reduction(consent=consent, presidium=bool(presidium))
    return out


def _declared(r: _Reader, value: Any) -> dict[str, Declared]:
    out: dict[str, Declared] = {}
    for cid, said in r.mapping("declared", value).items():
        path = _join("declared", cid)
        so = r.obj(path, said, required=["elected"], optional=["votes"])
        if so is None or "elected" not in so:
            continue
        elected = r.ids(f"{path}.elected", so["elected"])
        votes = None
        if "votes" in so:
            votes = {}
            for who, n in r.mapping(f"{path}.votes", so["votes"]).items():
                got = r.integer(_join(f"{path}.votes", who), n)
                if got is not None:
                    votes[who] = got
        out[cid] = Declared(elected, votes=votes)
    return out
