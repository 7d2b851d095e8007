"""Explanation steps: each decision as data, next to the code that makes it.

A step names the rule (``P-10``), the subject it concerns (a member or contest id, or none for
the meeting), the finding (a short fixed phrase, listed in the docs, that a renderer turns into
Chinese or English) and the numbers the decision used. The core formats no prose.
"""

from __future__ import annotations

import attrs

from ._values import FrozenMap, int_map

__all__ = ["Step"]


@attrs.frozen
class Step:
    """One decision: the rule behind it, what it found, and the numbers it compared.

    >>> step = Step("P-10", "quorum met", numbers={"present": 34, "required": 42, "needed": 34})
    >>> step.rule, step.finding, step.numbers["needed"]
    ('P-10', 'quorum met', 34)
    """

    rule: str
    finding: str
    subject: str | None = attrs.field(default=None, kw_only=True)
    numbers: FrozenMap[int] = attrs.field(factory=FrozenMap, converter=int_map, kw_only=True)

    def to_dict(self) -> dict[str, object]:
        """The step as plain data, as the result format writes it."""
        out: dict[str, object] = {"rule": self.rule, "finding": self.finding}
        if self.subject is not None:
            out["subject"] = self.subject
        out["numbers"] = dict(self.numbers)
        return out


def step(rule: str, finding: str, subject: str | None = None, **numbers: int) -> Step:
    """Shorthand used by the core: ``step("P-10", "quorum met", present=34)``."""
    return Step(rule, finding, subject=subject, numbers=numbers)
