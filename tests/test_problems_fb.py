"""Findings of a review of tally's problems, read as an officer would: each problem told once, in
the words of its language, and nothing guessed from a value tally does not know."""

from __future__ import annotations

import pytest

from tally.errors import Problem, RecordError, RuleError
from tally.examples import load as example
from tally.records import Record

Capture = pytest.CaptureFixture[str]


def _problems(data: object) -> list[Problem]:
    """The problems of a record in parsed JSON."""
    with pytest.raises((RecordError, RuleError)) as caught:
        Record.from_dict(data)
    return list(caught.value.problems)


@pytest.mark.parametrize("name", ["village", "branch"])
def test_an_unknown_kind_is_told_once_with_no_guess_about_the_roll(name: str) -> None:
    """Finding 10: `village` is no kind (`village-committee` is). The kind is told once; the roll's
    fields are not said to belong to the voters' roll (or the party's) on a guess of the kind."""
    data = example(name)
    data["kind"] = "village"
    assert [(p.path, p.code) for p in _problems(data)] == [("kind", "not-a-word")]


def test_a_mode_with_an_unknown_kind_is_no_second_problem() -> None:
    """Finding 10: a residents' record with its kind misspelt: its mode is not said to belong to
    residents' committees only."""
    data = example("residents")
    data["kind"] = "residents"
    assert [(p.path, p.code) for p in _problems(data)] == [("kind", "not-a-word")]


def test_a_roll_entry_of_an_unknown_kind_is_still_checked() -> None:
    """An entry's own fields are checked whatever the kind: a bad sex word is still told."""
    data = example("village")
    data["kind"] = "village"
    data["roll"][0]["sex"] = "X"
    assert [(p.path, p.code) for p in _problems(data)] == [("kind", "not-a-word"), ("roll[0].sex", "not-a-word")]
