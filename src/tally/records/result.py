"""The result format (``tally.result/1``) and the skeleton of the next round."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from .. import __version__
from .._assembly import Decisions, DecisionsVerification
from .._compliance import Finding
from .._count import Round
from .._polling import Polling
from .._values import shown
from .._verify import Verification
from ..errors import Problem, RecordError
from .record import RESULT_FORMAT, Record
from .write import _contest_dict

# --- results ------------------------------------------------------------------------------------


def result_to_dict(
    result: Round | Verification | Decisions | DecisionsVerification,
    compliance: Iterable[Finding] = (),
    *,
    title: str = "",
    day: datetime.date | None = None,
) -> dict[str, Any]:
    """A counted round, or a verification of one, as the result format (``tally.result/1``)
    writes it, with the compliance findings when given (:meth:`Record.compliance`).

    The result describes itself: the tally version, the title, the kind of body, the rulebook,
    the election day (a polling knows its own; give it for a party meeting). Without a
    declaration (a bare :class:`~tally.Round`), ``agrees`` is ``null`` and there are no
    discrepancies. The same input gives the same result, key for key and in the same order.
    """
    if isinstance(result, Decisions | DecisionsVerification):  # a meeting that decides (P-27, V-9, V-31, R-4)
        from .assembly import decisions_to_dict

        return decisions_to_dict(result, compliance, title=title, day=day)
    verification = result if isinstance(result, Verification) else None
    rnd = verification.round if verification is not None else result
    if not isinstance(rnd, Round):
        values = {"round": "Round", "verification": "Verification", "value": shown(result)}
        raise RecordError(Problem("result", "result-not-a-round", values))
    body = rnd.meeting
    if day is None and isinstance(body, Polling):
        day = body.day
    book = body.rulebook
    return {
        "format": RESULT_FORMAT,
        "tally": __version__,
        "title": title,
        "kind": book.kind.value,
        "rulebook": {"id": book.id, "title": book.title},
        "day": None if day is None else day.isoformat(),
        "agrees": None if verification is None else verification.agrees,
        **rnd.to_dict(),
        "discrepancies": [] if verification is None else [d.to_dict() for d in verification.discrepancies],
        "compliance": [f.to_dict() for f in compliance],
    }


def next_round(rec: Record, verification: Verification | None = None) -> dict[str, Any] | None:
    """The skeleton record of the next round (tie-breaks and further elections), or ``None``
    when no contest has one: the same meeting, the next contests, no ballots yet."""
    v = verification or rec.verify()
    contests = [c.next_round for c in v.round.contests if c.next_round is not None]
    if not contests:
        return None
    out = rec.to_dict()
    out["contests"] = [_contest_dict(c, {}, "") for c in contests]
    out["ballots"] = {"collected": 0, "items": []}
    out["declared"] = {c.id: {"elected": []} for c in contests}
    out.pop("reductions", None)
    out.pop("scribes", None)
    out["proxies"] = []
    return out
