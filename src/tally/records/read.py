"""Reading a record from untrusted JSON: every problem at once, each with its path."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction
from typing import Any

import attrs

from .._ballot import Ballot, Marks, Scribe
from .._compliance import Board, Objection, Seat, Timeline
from .._contest import Contest
from .._count import Reduction, Totals
from .._meeting import Exclusion
from .._proxy import Proxy
from .._roll import Member, Roll, roll_of
from .._rulebook import PRESETS, Kind, Rulebook
from .._verify import Declared
from .._voters import Relative, Voter, VoterRoll, voter_roll_of
from ..errors import Problem, RecordError, RuleError
from .record import _ALL_KINDS, _PARTY_KINDS, RECORD_FORMAT, GroupedItems, Papers, Record, StreamedRoll

# --- reading untrusted JSON, every problem at once ---------------------------------------------


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

    members: list[Member | Voter | str | None] = []
    read_one = _member if party or kind is None else _voter
    for i, item in enumerate(_roll_items(r, top.get("roll", []))):
        bare = item if type(item) is str else _only_id(item)
        if bare is not None and bare.strip():
            members.append(bare)  # only an id: an ordinary member or voter, kept as the id
            continue
        members.append(read_one(r, f"roll[{i}]", {"id": bare} if type(item) is str else item, extras))
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
    board = _board(r, top["board"], members, party=read_one is _member) if "board" in top else None
    timeline = _timeline(r, top["timeline"]) if "timeline" in top else None

    if r.problems:
        raise RecordError(r.problems)
    if party:
        roll: Roll | VoterRoll = _checked(lambda: roll_of(m for m in members if isinstance(m, Member | str)))
    else:
        roll = _checked(lambda: voter_roll_of(m for m in members if isinstance(m, Voter | str)))
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


def _roll_items(r: _Reader, value: Any) -> Iterable[Any]:
    """The items of the roll; a streamed roll gives an ordinary person as their id alone."""
    return value.entries if isinstance(value, StreamedRoll) else r.array("roll", value)


def _only_id(item: Any) -> str | None:
    """The id of a roll item that is ``{"id": ...}`` and nothing else, or ``None``."""
    if type(item) is dict and len(item) == 1:
        mid = item.get("id")
        return mid if type(mid) is str else None
    return None


def _board(r: _Reader, value: Any, members: list[Member | Voter | str | None], *, party: bool) -> Board | None:
    """The elected boards; a seat's sex, birth date, party membership and relatives come from
    the roll when the seat does not give them."""
    o = r.obj("board", value, optional=["village", "party", "population", "party_members"])
    if o is None:
        return None
    known = {m.id: m for m in members if m is not None and not isinstance(m, str)}
    known.update((m, Member(m) if party else Voter(m)) for m in members if isinstance(m, str))
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
    party_member = r.boolean(f"{path}.party_member", o["party_member"]) if "party_member" in o else None
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
        party_member=party_member,
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
) -> tuple[int | None, int | None, tuple[Ballot, ...] | Papers | None, dict[str, Totals] | None]:
    o = r.obj("ballots", value, required=["collected"], optional=["items", "totals", "issued"])
    if o is None:
        return None, None, None, None
    collected = r.integer("ballots.collected", o["collected"]) if "collected" in o else None
    issued = r.integer("ballots.issued", o["issued"]) if "issued" in o else None
    if ("items" in o) == ("totals" in o):
        r.bad("ballots", "give either items (one per paper) or totals (the tally sheet), not both or neither")
        return collected, issued, None, None
    if "items" in o and isinstance(o["items"], GroupedItems):  # streamed: equal papers grouped
        grouped = o["items"]
        if collected is not None and grouped.papers != collected:
            r.bad("ballots.items", f"{grouped.papers} papers listed, but collected says {collected}")
        return collected, issued, _grouped(r, grouped), None
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


def _grouped(r: _Reader, grouped: GroupedItems) -> Papers:
    """Papers streamed from a file, equal ones grouped: each distinct paper checked once, at the
    place of the first like it (a bad one is named there, with how many more there were)."""
    out: list[tuple[Ballot, int, int]] = []
    for first, n, item in grouped.items:
        before = len(r.problems)
        paper = _paper(r, f"ballots.items[{first}]", item)
        if paper is not None:
            out.append((paper, n, first))
        elif n > 1:
            also = f" (and {n - 1} more papers like it)"
            r.problems[before:] = [Problem(p.path, p.reason + also) for p in r.problems[before:]]
    return Papers(tuple(out))


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


