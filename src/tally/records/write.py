"""Writing a record back as JSON-ready data, in the record format."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .._ballot import Ballot
from .._compliance import Board
from .._contest import Contest
from .._meeting import Exclusion
from .._proxy import Proxy
from .._roll import Member, Roll
from .._voters import Voter
from .record import RECORD_FORMAT, Record, thawed

# --- writing -------------------------------------------------------------------------------------


def _with_extra(out: dict[str, Any], extras: Mapping[str, Any], path: str) -> dict[str, Any]:
    if path in extras:
        out["extra"] = thawed(extras[path])
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
            item["relatives"] = thawed(x[f"roll[{i}].relatives"])
        roll.append(_with_extra(item, x, f"roll[{i}]"))
    out: dict[str, Any] = {
        "format": RECORD_FORMAT,
        "title": rec.title,
        "kind": rec.kind,
        "rulebook": rec.rulebook_id,
    }
    if rec.mode is not None:
        out["mode"] = rec.mode
    if rec.rules or "rules" in x:
        out["rules"] = _with_extra({name: thawed(value) for name, value in rec.rules.items()}, x, "rules")
    out["day"] = rec.day.isoformat()
    out["roll"] = roll
    out["exclusions"] = exclusion_dicts(rec.exclusions, x)
    out["present"] = list(rec.present)
    out["proxies"] = proxy_dicts(rec.proxies, x)
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


def exclusion_dicts(exclusions: Iterable[Exclusion], x: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The exclusions as the record format writes them, each with its ``extra``."""
    return [
        _with_extra(
            {
                "member": e.member,
                "category": e.category,
                "upper_approved": e.upper_approved,
                "meeting_approved": e.meeting_approved,
                **({"note": e.note} if e.note is not None else {}),
                **({"motion": e.motion} if e.motion is not None else {}),
            },
            x,
            f"exclusions[{i}]",
        )
        for i, e in enumerate(exclusions)
    ]


def proxy_dicts(proxies: Iterable[Proxy], x: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The proxies as the record format writes them, each with its ``extra``."""
    return [
        _with_extra(
            {
                "principal": p.principal,
                "agent": p.agent,
                **({"relation": p.relation.value} if p.relation is not None else {}),
                "written": p.written,
                **({"filed": p.filed.isoformat()} if p.filed is not None else {}),
            },
            x,
            f"proxies[{i}]",
        )
        for i, p in enumerate(proxies)
    ]


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
    if v.party_member is not None:
        item["party_member"] = v.party_member
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


