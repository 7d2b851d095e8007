"""Records of meetings that decide by attendance and vote: a motion of a branch's 党员大会 (P-27),
the 村民会议 and 村民代表会议 (V-9), the 居民会议 (R-4) and a recall vote (V-31).

The same record format as an election (``tally.record/1``: ``format``, ``title``, ``kind``,
``rulebook``, ``rules``, ``day``, ``roll``, ``present``, ``extra``), with ``motions`` and their
declared outcome in place of contests and ballots::

    {"format": "tally.record/1", "kind": "villager-assembly", "rulebook": "villager-assembly-2018",
     "mode": "direct", "day": "2026-04-12", "roll": [...], "present": [...],
     "motions": [{"id": "m1", "title": "…", "for": 301, "against": 40, "abstain": 12}],
     "declared": {"m1": {"passed": true}}}

``mode`` is how a 村民会议 or 居民会议 sits (``direct``, ``household``; a 居民会议 also
``group-representatives``) and nothing else has one; ``exclusions`` belong to a party motion,
``proxies`` and ``mobile`` to a recall, ``role`` (``representative`` or ``committee-member``) to
the roll of a 村民代表会议. Reading never trusts the file: every problem comes back at once with
its path.

>>> from tally.examples import load
>>> rec = AssemblyRecord.from_dict(load("villager-assembly"))
>>> rec.verify().agrees, rec.decide()["m1"].passed
(True, True)
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from .. import __version__
from .._assembly import (
    DECIDING,
    Assembly,
    Decisions,
    DecisionsVerification,
    Motion,
    assembly,
    check_representatives,
    decide,
    verify_decisions,
)
from .._compliance import Finding
from .._meeting import Exclusion
from .._proxy import Proxy
from .._roll import Member, Roll
from .._rulebook import Kind, Rulebook
from .._values import FrozenMap, shown
from .._voters import Voter, VoterRoll
from ..errors import Problem, RecordError, RuleError
from .record import RECORD_FORMAT, RESULT_FORMAT, Note, frozen, thawed
from .write import _voter_dict, exclusion_dicts, proxy_dicts

__all__ = ["AssemblyRecord", "decisions_to_dict", "read_assembly"]


def _frozen_map(value: Mapping[str, Any]) -> FrozenMap[Any]:
    return FrozenMap({str(k): frozen(v) for k, v in value.items()})


def _optional_map(value: Mapping[str, bool] | None) -> FrozenMap[bool] | None:
    return None if value is None else FrozenMap(value)


def _map(value: Mapping[str, str]) -> FrozenMap[str]:
    return value if isinstance(value, FrozenMap) else FrozenMap(value)


@attrs.define(frozen=True, kw_only=True, eq=True)
class AssemblyRecord:
    """One sitting of a meeting that decides, as the record format describes it, read and checked.

    Build one with :meth:`from_dict` (or :func:`~tally.records.load` from a file, which reads an
    election or a sitting by its ``kind``); :meth:`to_dict` writes it back; :meth:`decide` decides
    the motions, :meth:`verify` compares them with what was declared, :meth:`compliance` gives
    the composition findings (V-9, for a 村民代表会议).
    """

    title: str
    kind: str
    rulebook_id: str
    rules: FrozenMap[Any] = attrs.field(converter=_frozen_map)
    rulebook: Rulebook
    day: datetime.date
    mode: str | None
    roll: Roll | VoterRoll
    roles: FrozenMap[str] = attrs.field(converter=_map)
    """V-9: each member's role in a 村民代表会议 (``representative``, ``committee-member``)."""
    exclusions: tuple[Exclusion, ...]
    present: tuple[str, ...]
    proxies: tuple[Proxy, ...]
    mobile: tuple[str, ...]
    motions: tuple[Motion, ...]
    declared: FrozenMap[bool] | None = attrs.field(converter=_optional_map)
    extras: FrozenMap[Any] = attrs.field(factory=FrozenMap, converter=_frozen_map)
    notes: tuple[Note, ...] = attrs.field(default=(), eq=False)
    _sitting: list[Assembly] = attrs.field(factory=list, init=False, eq=False, repr=False)

    @classmethod
    def from_dict(cls, data: Any) -> AssemblyRecord:
        """Read a sitting from parsed JSON; every problem at once as a :class:`RecordError` (or a
        :class:`RuleError` when each is against the rules)."""
        return read_assembly(data)

    def to_dict(self) -> dict[str, Any]:
        """The sitting as JSON-ready data, in the record format."""
        return _write(self)

    def assembly(self) -> Assembly:
        """The sitting: attendance and whether it may decide, worked out once."""
        if not self._sitting:
            self._sitting.append(
                assembly(
                    self.roll,
                    present=self.present,
                    exclusions=self.exclusions,
                    proxies=self.proxies,
                    mobile=self.mobile,
                    mode=self.mode,
                    rulebook=self.rulebook,
                    day=self.day,
                )
            )
        return self._sitting[0]

    def decide(self) -> Decisions:
        """Decide every motion."""
        return decide(self.motions, assembly=self.assembly())

    def verify(self) -> DecisionsVerification:
        """Decide and compare with what was declared."""
        return verify_decisions(self.decide(), self.declared or {})

    def compliance(self) -> tuple[Finding, ...]:
        """V-9: the composition of a 村民代表会议 (villager representatives at least 4/5, women
        villager representatives at least 1/3); none for the other kinds."""
        if self.rulebook.kind is not Kind.REPRESENTATIVE_ASSEMBLY or not isinstance(self.roll, VoterRoll):
            return ()
        return check_representatives(self.roll, roles=self.roles, rulebook=self.rulebook)


# --- reading -------------------------------------------------------------------------------------

_COMMON = ("title", "rules", "mode", "exclusions", "proxies", "mobile", "declared")
_MOTION_KEYS = ("title", "subject", "against", "abstain", "invalid")


def read_assembly(data: Any) -> AssemblyRecord:
    """A sitting from untrusted JSON (see the module's docstring for the fields)."""
    from .read import _exclusion, _member, _proxy, _Reader, _rulebook, _voter, _written_rules

    r = _Reader()
    top = r.obj(
        "",
        data,
        required=["format", "kind", "rulebook", "day", "roll", "present", "motions"],
        optional=_COMMON,
    )
    if top is None:
        raise r.error()
    if "format" in top and top["format"] != RECORD_FORMAT:
        r.bad("format", "record-format", {"value": shown(top["format"]), "format": shown(RECORD_FORMAT)})
    extras: dict[str, Any] = {}
    if "extra" in top:
        extras[""] = top["extra"]
    if isinstance(top.get("rules"), dict) and "extra" in top["rules"]:
        extras["rules"] = top["rules"]["extra"]
    kind_word = r.word("kind", "kind", top.get("kind")) if "kind" in top else None
    kind = Kind(kind_word) if kind_word in {k.value for k in DECIDING} else None
    if kind_word is not None and kind is None:
        r.bad("kind", "record-kind-elects", {"kind": shown(kind_word)})
    title = r.string("title", top["title"], blank=True) if "title" in top else ""
    book = _rulebook(r, kind_word, top)
    day = r.date("day", top["day"]) if "day" in top else None
    mode = r.word("mode", "mode", top["mode"]) if "mode" in top else None

    party = kind is Kind.PARTY_MOTION
    members: list[Member | Voter] = []
    roles: dict[str, str] = {}
    for i, item in enumerate(r.array("roll", top.get("roll", []))):
        path = f"roll[{i}]"
        if party:
            got: Member | Voter | None = _member(r, path, item, extras)
        else:
            plain = item
            if isinstance(item, dict) and "role" in item:
                plain = {k: v for k, v in item.items() if k != "role"}
                if kind is not Kind.REPRESENTATIVE_ASSEMBLY:
                    r.bad(f"{path}.role", "record-role-not-representatives")
                else:
                    role = r.word(f"{path}.role", "role", item["role"])
                    if role is not None and isinstance(item.get("id"), str):
                        roles[item["id"]] = role
            got = _voter(r, path, plain, extras)
        if got is not None:
            members.append(got)
    for name, belongs in (
        ("exclusions", Kind.PARTY_MOTION),
        ("proxies", Kind.VILLAGE_RECALL),
        ("mobile", Kind.VILLAGE_RECALL),
    ):
        if top.get(name) and kind is not None and kind is not belongs:
            r.bad(name, "record-field-of-other-kind", {"kind": kind, "name": name, "belongs": belongs})
    exclusions = [
        e
        for i, item in enumerate(r.array("exclusions", top.get("exclusions", [])))
        if (e := _exclusion(r, f"exclusions[{i}]", item, extras)) is not None
    ]
    present = r.ids("present", top.get("present", []))
    proxies = [
        p
        for i, item in enumerate(r.array("proxies", top.get("proxies", [])))
        if (p := _proxy(r, f"proxies[{i}]", item, extras)) is not None
    ]
    mobile = r.ids("mobile", top.get("mobile", []))
    motions = [
        m
        for i, item in enumerate(r.array("motions", top.get("motions", [])))
        if (m := _motion(r, f"motions[{i}]", item, extras)) is not None
    ]
    declared = _declared(r, top["declared"]) if "declared" in top else None
    if r.problems:
        raise r.error()
    assert book is not None
    assert day is not None
    assert kind is not None
    roll: Roll | VoterRoll = _checked(
        lambda: (
            Roll(m for m in members if isinstance(m, Member))
            if party
            else VoterRoll(m for m in members if isinstance(m, Voter))
        )
    )
    record = AssemblyRecord(
        title=title or "",
        kind=kind.value,
        rulebook_id=book.id,
        rules=_written_rules(top.get("rules"), book),
        rulebook=book,
        day=day,
        mode=mode,
        roll=roll,
        roles=roles,
        exclusions=tuple(exclusions),
        present=tuple(present),
        proxies=tuple(proxies),
        mobile=tuple(mobile),
        motions=tuple(motions),
        declared=declared,
        extras=extras,
    )
    # Sign-in, mode, the motions' votes, the declaration and the roles: every problem now.
    problems: list[Problem] = []
    rule = True
    for check in (record.assembly, record.verify, record.compliance):
        try:
            check()
        except RuleError as error:
            problems.extend(error.problems)
        except RecordError as error:
            problems.extend(error.problems)
            rule = False
        if problems:
            break
    if problems:
        raise RuleError(problems) if rule else RecordError(problems)
    return record


def _checked(make: Any) -> Any:
    try:
        return make()
    except RecordError as error:
        raise RecordError(error.problems) from None


def _motion(r: Any, path: str, item: Any, extras: dict[str, Any]) -> Motion | None:
    o = r.obj(path, item, required=["id", "for"], optional=_MOTION_KEYS)
    if o is None:
        return None
    if "extra" in o:
        extras[path] = o["extra"]
    before = len(r.problems)
    mid = r.string(f"{path}.id", o.get("id")) if "id" in o else None
    title = r.string(f"{path}.title", o["title"], blank=True) if "title" in o else ""
    subject = r.string(f"{path}.subject", o["subject"]) if "subject" in o else None
    counts = {key: r.integer(f"{path}.{key}", o[key]) for key in ("for", "against", "abstain", "invalid") if key in o}
    if mid is None or len(r.problems) > before or counts.get("for") is None:
        return None
    return Motion(
        mid,
        for_=counts["for"],
        against=counts.get("against"),
        abstain=counts.get("abstain"),
        invalid=counts.get("invalid"),
        title=title or "",
        subject=subject,
    )


def _declared(r: Any, value: Any) -> dict[str, bool]:
    out: dict[str, bool] = {}
    for mid, said in r.mapping("declared", value).items():
        path = f"declared.{mid}"
        so = r.obj(path, said, required=["passed"])
        if so is None or "passed" not in so:
            continue
        passed = r.boolean(f"{path}.passed", so["passed"])
        if passed is not None:
            out[mid] = passed
    return out


# --- writing -------------------------------------------------------------------------------------


def _with_extra(out: dict[str, Any], extras: Mapping[str, Any], path: str) -> dict[str, Any]:
    if path in extras:
        out["extra"] = thawed(extras[path])
    return out


def _member_dict(m: Member) -> dict[str, Any]:
    item: dict[str, Any] = {"id": m.id}
    if m.name is not None:
        item["name"] = m.name
    if m.sex is not None:
        item["sex"] = m.sex
    if m.born is not None:
        item["born"] = m.born.isoformat()
    item["standing"] = m.standing.value
    item["rights"] = m.rights.value
    return item


def _write(rec: AssemblyRecord) -> dict[str, Any]:
    x = rec.extras
    roll: list[dict[str, Any]] = []
    people: Iterable[Member | Voter] = rec.roll.members if isinstance(rec.roll, Roll) else rec.roll.voters
    for i, person in enumerate(people):
        item = _member_dict(person) if isinstance(person, Member) else _voter_dict(person)
        if person.id in rec.roles:
            item["role"] = rec.roles[person.id]
        roll.append(_with_extra(item, x, f"roll[{i}]"))
    out: dict[str, Any] = {"format": RECORD_FORMAT, "title": rec.title, "kind": rec.kind, "rulebook": rec.rulebook_id}
    if rec.mode is not None:
        out["mode"] = rec.mode
    if rec.rules:
        out["rules"] = {name: thawed(value) for name, value in rec.rules.items()}
        if "rules" in x:
            out["rules"]["extra"] = thawed(x["rules"])
    out["day"] = rec.day.isoformat()
    out["roll"] = roll
    if rec.exclusions:
        out["exclusions"] = exclusion_dicts(rec.exclusions, x)
    out["present"] = list(rec.present)
    if rec.proxies:
        out["proxies"] = proxy_dicts(rec.proxies, x)
    if rec.mobile:
        out["mobile"] = list(rec.mobile)
    motions = []
    for i, m in enumerate(rec.motions):
        item = {"id": m.id}
        if m.title:
            item["title"] = m.title
        if m.subject is not None:
            item["subject"] = m.subject
        item["for"] = m.for_
        for key, value in (("against", m.against), ("abstain", m.abstain), ("invalid", m.invalid)):
            if value is not None:
                item[key] = value
        motions.append(_with_extra(item, x, f"motions[{i}]"))
    out["motions"] = motions
    if rec.declared is not None:
        out["declared"] = {mid: {"passed": passed} for mid, passed in rec.declared.items()}
    return _with_extra(out, x, "")


# --- the result ----------------------------------------------------------------------------------


def decisions_to_dict(
    result: Decisions | DecisionsVerification,
    compliance: Iterable[Finding] = (),
    *,
    title: str = "",
    day: datetime.date | None = None,
) -> dict[str, Any]:
    """Decided motions, or their verification, as the result format (``tally.result/1``) writes
    them for a meeting that decides: the sitting's attendance, each motion, the discrepancies,
    the composition findings and every step."""
    verification = result if isinstance(result, DecisionsVerification) else None
    decisions = verification.decisions if verification is not None else result
    if not isinstance(decisions, Decisions):
        values = {"decisions": "Decisions", "value": shown(result)}
        raise RecordError(Problem("result", "result-not-decisions", values))
    a = decisions.assembly
    book = a.rulebook
    return {
        "format": RESULT_FORMAT,
        "tally": __version__,
        "title": title,
        "kind": book.kind.value,
        "rulebook": {"id": book.id, "title": book.title},
        "day": (day or a.day).isoformat(),
        "agrees": None if verification is None else verification.agrees,
        **decisions.to_dict(),
        "discrepancies": [] if verification is None else [d.to_dict() for d in verification.discrepancies],
        "compliance": [f.to_dict() for f in compliance],
    }
