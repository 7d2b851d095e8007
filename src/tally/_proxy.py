"""Proxy votes (委托投票) and what became of each.

P-17: a party election admits no proxy: an absent member or delegate cannot authorise anyone to
vote (因故未出席会议的党员或者代表不能委托他人代为投票). Every proxy filed for a party round is
rejected with that reason; it is an outcome, not an error.
"""

from __future__ import annotations

import datetime

import attrs

from ._explain import Reason
from ._values import boolean, nonblank, optional_date
from ._voters import Relation, optional_relation

__all__ = ["Proxy", "ProxyOutcome"]


@attrs.frozen
class Proxy:
    """A written authorisation by ``principal`` for ``agent`` to vote on their behalf.

    ``relation`` is what the agent is to the principal (a :class:`~tally.Relation`, or its value
    such as ``"spouse"``; ``None`` when the authorisation does not say, and the proxy is then
    rejected for it, V-15); ``written`` whether the authorisation is in writing; ``filed`` the
    day it was filed.

    >>> Proxy("M07", "M08", relation="spouse", written=True)
    Proxy(principal='M07', agent='M08', relation=<Relation.SPOUSE: 'spouse'>, written=True, filed=None)
    """

    principal: str = attrs.field(validator=nonblank)
    agent: str = attrs.field(validator=nonblank)
    relation: Relation | None = attrs.field(default=None, converter=optional_relation, kw_only=True)
    written: bool = attrs.field(default=True, validator=boolean, kw_only=True)
    filed: datetime.date | None = attrs.field(default=None, validator=optional_date, kw_only=True)


@attrs.frozen
class ProxyOutcome:
    """Whether a proxy was ``accepted`` (exercised), and if not the ``reason`` why; the rule
    behind a reason depends on the kind of body (``tally._explain.RULES``)."""

    proxy: Proxy
    accepted: bool
    reason: Reason | None = None
