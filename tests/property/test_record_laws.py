"""Records and reports keep their laws over generated elections and mutated records."""

from __future__ import annotations

import copy
import json
from typing import Any

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tally import Ballot, Contest, Meeting, TallyError, count
from tally.catalogue import describe
from tally.examples import NAMES, load
from tally.records import Record, result_to_dict, schema
from tally.report import FORMATS, LANGS, render

from strategies import elections

RESULT_SCHEMA = schema("result")
RECORD_SCHEMA = schema("record")


def as_record(m: Meeting, contest: Contest, papers: list[Ballot]) -> dict[str, Any]:
    """A generated election written as a record."""
    return {
        "format": "tally.record/1",
        "title": "generated",
        "kind": "party-meeting",
        "rulebook": m.rulebook.id,
        "day": "2026-05-21",
        "roll": [{"id": x.id, "standing": x.standing.value, "rights": x.rights.value} for x in m.roll],
        "present": list(m.present),
        "contests": [
            {
                "id": contest.id,
                "seats": contest.seats,
                "candidates": list(contest.candidates),
                "stage": contest.stage.value,
            }
        ],
        "ballots": {
            "collected": len(papers),
            "items": [
                {"spoiled": True} if p.spoiled else {k: v.to_dict() for k, v in p.sections.items()} for p in papers
            ],
        },
    }


@given(elections())
def test_any_election_written_as_a_record_counts_the_same(data: tuple) -> None:
    """Round trip: an election written as a record and read back counts the same, and writing
    the record again gives the same record."""
    m, contest, papers = data
    d = json.loads(json.dumps(as_record(m, contest, papers)))
    jsonschema.validate(d, RECORD_SCHEMA)
    rec = Record.from_dict(d)
    assert rec.count().contests == count([contest], papers, meeting=m).contests
    assert Record.from_dict(json.loads(json.dumps(rec.to_dict()))) == rec


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(elections(), st.sampled_from(FORMATS), st.sampled_from(LANGS))
def test_report_never_fails_and_json_validates(data: tuple, fmt: str, lang: str) -> None:
    """Any result renders in every format and language; the JSON validates against the shipped
    schema; every step has words."""
    m, contest, papers = data
    rec = Record.from_dict(as_record(m, contest, papers))
    v = rec.verify()
    out = render(v, fmt=fmt, lang=lang, title=rec.title)  # type: ignore[arg-type]
    assert out.strip()
    if fmt == "json":
        jsonschema.validate(json.loads(out), RESULT_SCHEMA)
    steps = [*v.round.meeting.steps, *v.round.steps, *(s for c in v.round.contests for s in c.steps)]
    for s in steps:  # every decision has words in both languages
        assert describe(s, lang="zh")
        assert describe(s, lang="en")


def _paths(node: Any, here: tuple = ()) -> list[tuple]:
    out = [here]
    if isinstance(node, dict):
        for k, v in node.items():
            out.extend(_paths(v, (*here, k)))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out.extend(_paths(v, (*here, i)))
    return out


# Fresh containers every draw (st.just would share one object, which a later mutation could
# put inside itself).
JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 60),
    st.text(max_size=4),
    st.builds(list),
    st.builds(dict),
    st.builds(lambda: ["M01"]),
    st.just("2026-02-30"),
    st.just("M01"),
    st.floats(allow_nan=False, allow_infinity=False),
)


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    """A built-in record with one to three mutations: a value dropped, a list item duplicated, or
    a value replaced by one of another type."""
    data = load(draw(st.sampled_from(NAMES)))
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(data) if p]
        path = draw(st.sampled_from(paths))
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        key = path[-1]
        action = draw(st.sampled_from(["drop", "duplicate", "retype"]))
        if action == "drop":
            del parent[key]
        elif action == "duplicate" and isinstance(parent, list):
            parent.insert(key, copy.deepcopy(parent[key]))
        else:
            parent[key] = draw(JUNK)
    return data


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_records_give_a_result_or_our_error(data: Any) -> None:
    """Whatever is dropped, duplicated or retyped, reading and verifying a record gives a clean
    result or a TallyError with located problems, never another exception."""
    try:
        rec = Record.from_dict(data)
        v = rec.verify()
        render(v, fmt="text", lang="zh")
        jsonschema.validate(result_to_dict(v), RESULT_SCHEMA)
    except TallyError as error:
        problems = error.problems  # type: ignore[attr-defined]
    else:
        return
    assert problems
    assert all(isinstance(p.path, str) and p.reason for p in problems)


@given(st.lists(st.lists(st.text(max_size=6), max_size=5), max_size=8))
def test_csv_gives_papers_or_our_error(rows: list[list[str]]) -> None:
    """Any CSV text gives papers or a RecordError with located problems, never another exception."""
    import csv
    import io

    from tally import RecordError
    from tally.records import ballots_from_csv, roll_from_csv

    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    lines = buffer.getvalue().splitlines(keepends=True)
    contest = Contest("c", seats=1, candidates=["M01", "M02"])
    for read in (lambda: list(ballots_from_csv(lines, contest)), lambda: roll_from_csv(lines)):
        problems: tuple = ()
        try:
            read()
        except RecordError as error:
            problems = error.problems
        assert all(p.reason for p in problems)
