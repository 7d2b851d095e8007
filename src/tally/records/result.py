"""The result format (``tally.result/1``) and the skeleton of the next round."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .._compliance import Finding
from .._meeting import Meeting
from .._verify import Verification
from .record import RESULT_FORMAT, Record
from .write import _contest_dict

# --- results ------------------------------------------------------------------------------------


def result_to_dict(v: Verification, compliance: Iterable[Finding] = (), *, notes: Iterable[str] = ()) -> dict[str, Any]:
    """A verification as the result format (``tally.result/1``) writes it, with the compliance
    findings when given (:meth:`Record.compliance`) and what reading the record changed
    (:attr:`Record.notes`: ids written another way), when given."""
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
        "notes": list(notes),
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
