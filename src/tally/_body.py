"""What counting needs of the body that votes: a party meeting (:class:`~tally.Meeting`) or a
village or community polling (:class:`~tally.Polling`), as one :class:`Body` protocol.

The counting code asks these questions and never which kind of body it has before it; each kind
answers under its own rules (a party meeting rejects every proxy, P-17; a polling judged its
proxies when it was made, V-15, V-16).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Protocol

import attrs

from ._explain import Step

if TYPE_CHECKING:
    from ._contest import Contest
    from ._proxy import Proxy, ProxyOutcome
    from ._rulebook import Rulebook
    from ._threshold import Base
    from ._voters import Relative
    from .errors import Problem

__all__ = ["Body", "Opening"]


@attrs.frozen
class Opening:
    """Whether a round may elect anyone: ``held`` (the meeting quorate, the turnout met or not
    required), the ``step`` that says why when it matters, and whether the round needed a
    turnout (``turnout_required``: ``None`` for a party meeting, which has a quorum instead)."""

    held: bool
    step: Step | None
    turnout_required: bool | None


class Body(Protocol):
    """A party meeting or a polling, as counting sees it."""

    @property
    def rulebook(self) -> Rulebook: ...
    @property
    def steps(self) -> tuple[Step, ...]: ...
    @property
    def voters(self) -> int:
        """P-20, V-20: the number the ballots collected are compared with (投票人数)."""
        ...

    @property
    def electors(self) -> tuple[str, ...]:
        """Those who filled in a paper in person (who may have a scribe, P-18, V-17)."""
        ...

    def base_count(self, base: Base, papers: int) -> int:
        """The number a majority is taken of, for this base (P-22, V-21)."""
        ...

    def opening(self, contests: Sequence[Contest]) -> Opening:
        """Whether these contests may elect anyone (P-10, V-19, V-24)."""
        ...

    def ineligible(self, who: str) -> Problem | None:
        """Why *who* cannot be elected (a problem with no path yet), or ``None``."""
        ...

    def sex_of(self, who: str) -> str | None:
        """``"F"``, ``"M"`` or ``None`` (not known)."""
        ...

    def relatives_of(self, who: str) -> tuple[Relative, ...]:
        """The near relatives the roll gives for *who* (V-28)."""
        ...

    def judge_proxies(self, proxies: Iterable[Proxy], problems: list[Problem]) -> tuple[list[ProxyOutcome], list[Step]]:
        """The outcome of each proxy given to counting, with the steps that report them."""
        ...

    def unjudged(self, contests: Sequence[Contest]) -> list[Problem]:
        """Problems of contests whose candidates this body was not judged with (V-16)."""
        ...
