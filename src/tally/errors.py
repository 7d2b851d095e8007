"""The errors tally raises on purpose.

An outcome of the rules (an inquorate meeting, a rejected exclusion, an invalid ballot) is never
an error: it is a field of the result. An error means the input itself is malformed or
contradicts itself, and it says where: every problem carries a *path* in the input, written the
way the record format names it (``roll[3].id``, ``exclusions[0].member``), and every problem
found is reported at once, so that a user fixing a file sees them all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from ._frozen import FrozenMap

__all__ = ["Problem", "RecordError", "RuleError", "TallyError"]


class TallyError(Exception):
    """Base of every error that tally raises on purpose.

    Catch this to handle any bad input to tally; anything else escaping from tally is a bug.
    """


def _freeze(values: Mapping[str, Any]) -> FrozenMap[Any]:
    if isinstance(values, FrozenMap):
        return values
    return FrozenMap({k: tuple(v) if isinstance(v, list) else v for k, v in values.items()})


@attrs.frozen
class Problem:
    """One thing wrong with the input: where it is (``path``), what is wrong (``code``, with its
    ``values``), and, for a bad paper or row that came more than once, how many more were like it
    (``more``, with the ``unit``: ``papers`` or ``rows``).

    The words for each code are in :data:`tally.catalogue.PROBLEMS`, in Chinese and English:
    :meth:`words` gives them in either language, ``reason`` in English.

    >>> p = Problem("roll[3].id", "duplicate-id", {"id": "'M01'", "first": "roll[0]"})
    >>> p.reason
    "duplicate id 'M01' (first at roll[0])"
    >>> print(p.words("zh"))  # noqa: io
    编号'M01'重复（首次出现在roll[0]）
    """

    path: str
    code: str
    values: Mapping[str, Any] = attrs.field(factory=FrozenMap, converter=_freeze)
    more: int = 0
    unit: str = ""

    def within(self, prefix: str) -> Problem:
        """The same problem seen from an enclosing value: ``id`` within ``roll[3]`` is
        ``roll[3].id``.

        >>> Problem("id", "empty-id").within("roll[3]").path
        'roll[3].id'
        """
        if not prefix:
            return self
        if not self.path:
            return attrs.evolve(self, path=prefix)
        joiner = "" if self.path.startswith("[") else "."
        return attrs.evolve(self, path=f"{prefix}{joiner}{self.path}")

    def at(self, path: str) -> Problem:
        """The same problem at another place (a cell of a sheet, a file's name)."""
        return attrs.evolve(self, path=path)

    def again(self, more: int, unit: str) -> Problem:
        """The same problem, said of a paper (``unit="papers"``) or a row (``"rows"``) that came
        *more* times again."""
        return attrs.evolve(self, more=more, unit=unit)

    def words(self, lang: str = "en") -> str:
        """Why the input is wrong, in *lang* (``"zh"`` or ``"en"``)."""
        from .catalogue import problem_words  # the words are an edge module; the core only codes

        return problem_words(self, lang)

    @property
    def reason(self) -> str:
        """Why the input is wrong, in English."""
        return self.words("en")

    def line(self, lang: str = "en") -> str:
        """``path: why`` in *lang*, or only why for a problem of the whole input."""
        words = self.words(lang)
        return f"{self.path}: {words}" if self.path else words

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The problem as JSON: its ``path``, ``code``, ``values`` (as they are quoted in *lang*)
        and the ``reason`` in *lang*.

        >>> Problem("roll[3].sex", "not-date", {"value": "'X'"}).to_dict("zh")
        {'path': 'roll[3].sex', 'code': 'not-date', 'values': {'value': "'X'"}, 'reason': "应为日期，而不是'X'"}
        """
        values = _plain(self.values, lang)
        return {"path": self.path, "code": self.code, "values": values, "reason": self.words(lang)}

    def __str__(self) -> str:
        return self.line("en")


def _plain(value: Any, lang: str) -> Any:
    """A value of a problem as JSON: a nested problem as its code and values, a kind by its
    value, a quoted excerpt as its text in *lang* (``the number 7``, ``数字 7``)."""
    if isinstance(value, Problem):
        return {"code": value.code, "values": _plain(value.values, lang)}
    if isinstance(value, Mapping):
        return {k: _plain(v, lang) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_plain(v, lang) for v in value]
    if isinstance(value, int | float | bool) or value is None:
        return value
    if lang == "zh" and hasattr(value, "zh"):  # a Quoted (tally._values), which imports this module
        return str(value.zh)
    return str(getattr(value, "value", value))


def message(problems: Sequence[Problem], lang: str = "en") -> str:
    """Problems as one message in *lang*: the problem, or their number and one line each."""
    if len(problems) == 1:
        return problems[0].line(lang)
    from .catalogue import PROBLEM_WORDS

    lines = [PROBLEM_WORDS["problems"]["zh" if lang == "zh" else "en"].format(n=len(problems))]
    lines.extend(f"  {p.line(lang)}" for p in problems)
    return "\n".join(lines)


class _ProblemsError(TallyError, ValueError):
    """An error that carries one or more located problems."""

    problems: tuple[Problem, ...]

    def __init__(self, problems: Problem | Iterable[Problem]) -> None:
        found = (problems,) if isinstance(problems, Problem) else tuple(problems)
        if not found:
            raise ValueError("an error needs at least one problem")
        self.problems = found
        super().__init__(found)  # so that it pickles (a batch runs across processes)

    def __str__(self) -> str:
        return message(self.problems)

    def words(self, lang: str = "en") -> str:
        """The error's message in *lang* (``"zh"`` or ``"en"``)."""
        return message(self.problems, lang)

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

    >>> err = RecordError([Problem("roll[1].id", "duplicate-id", {"id": "'M01'", "first": "roll[0]"}),
    ...                    Problem("present[4]", "not-on-roll", {"who": "'M99'"})])
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
