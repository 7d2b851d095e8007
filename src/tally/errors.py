"""The errors tally raises on purpose.

An outcome of the rules (an inquorate meeting, a rejected exclusion, an invalid ballot) is never
an error: it is a field of the result. An error means the input itself is malformed or
contradicts itself, and it says where: every problem carries a *path* in the input, written the
way the record format names it (``roll[3].id``, ``exclusions[0].member``), and every problem
found is reported at once, so that a user fixing a file sees them all.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = ["Problem", "RecordError", "RuleError", "TallyError"]


class TallyError(Exception):
    """Base of every error that tally raises on purpose.

    Catch this to handle any bad input to tally; anything else escaping from tally is a bug.
    """


@attrs.frozen
class Problem:
    """One thing wrong with the input: where it is (``path``) and why it is wrong (``reason``).

    >>> Problem("roll[3].id", "duplicate id 'M01' (first at roll[0])")
    Problem(path='roll[3].id', reason="duplicate id 'M01' (first at roll[0])")
    """

    path: str
    reason: str

    def within(self, prefix: str) -> Problem:
        """The same problem seen from an enclosing value: ``id`` within ``roll[3]`` is
        ``roll[3].id``.

        >>> Problem("id", "empty").within("roll[3]")
        Problem(path='roll[3].id', reason='empty')
        """
        if not prefix:
            return self
        if not self.path:
            return Problem(prefix, self.reason)
        joiner = "" if self.path.startswith("[") else "."
        return Problem(f"{prefix}{joiner}{self.path}", self.reason)

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason


def _message(problems: tuple[Problem, ...]) -> str:
    if len(problems) == 1:
        return str(problems[0])
    lines = [f"{len(problems)} problems in the input:"]
    lines.extend(f"  {p}" for p in problems)
    return "\n".join(lines)


class _ProblemsError(TallyError, ValueError):
    """An error that carries one or more located problems."""

    problems: tuple[Problem, ...]

    def __init__(self, problems: Problem | Iterable[Problem]) -> None:
        found = (problems,) if isinstance(problems, Problem) else tuple(problems)
        if not found:
            raise ValueError("an error needs at least one problem")
        self.problems = found
        super().__init__(_message(found))

    @property
    def path(self) -> str:
        """The path of the first problem."""
        return self.problems[0].path

    def within(self, prefix: str) -> _ProblemsError:
        """The same error with every path seen from an enclosing value."""
        return type(self)(p.within(prefix) for p in self.problems)


class RecordError(_ProblemsError):
    """The input breaks the format or an invariant of one value.

    Raised for an unknown or duplicate id, a member present who is not on the roll, an
    exclusion for a member who is not in the electorate, a value of the wrong type or outside
    its range. ``problems`` lists every problem found, each with its ``path``; ``path`` is the
    first one's. Fix the input at each path and try again.

    >>> err = RecordError([Problem("roll[1].id", "duplicate id 'M01' (first at roll[0])"),
    ...                    Problem("present[4]", "'M99' is not on the roll")])
    >>> print(err)
    2 problems in the input:
      roll[1].id: duplicate id 'M01' (first at roll[0])
      present[4]: 'M99' is not on the roll
    >>> err.path
    'roll[1].id'
    """


class RuleError(_ProblemsError):
    """A rulebook, or a request, that contradicts the rules it asks for.

    Raised for an unknown rulebook preset, a rulebook field outside its range, a contest with
    fewer candidates than the rulebook's margin requires. The ``path`` names the field or the
    value at fault. Fix the rulebook or the request; the rules themselves are in
    ``spec/rules.md`` under the rule ID the message names.
    """
