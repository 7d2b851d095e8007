"""A record file read as a stream: the same record, the same checks, the same error paths."""

from __future__ import annotations

import json
import pathlib
import tempfile

import pytest
from hypothesis import HealthCheck, given, settings

from property.test_record_laws import as_record
from tally import RecordError, TallyError
from tally.examples import MEETINGS
from tally.records import Record, load, result_to_dict
from tally.records.files import _from_json_bytes
from tally.records.record import Papers
from tally.records.stream import streamed

from strategies import elections

HERE = pathlib.Path(__file__).parent
# The elections among the examples: a sitting of a meeting that decides has no papers to stream.
EXAMPLES = [
    p
    for p in sorted((HERE.parent / "src" / "tally" / "examples").glob("*.json"))
    if p.stem not in MEETINGS
]
BROKEN = sorted(p for p in (HERE / "broken").iterdir() if p.name != "expected.json")


def _problems(read: object) -> list[str]:
    try:
        read()  # type: ignore[operator]
    except (RecordError, TallyError) as error:
        return [f"{type(error).__name__}: {p}" for p in getattr(error, "problems", ())]
    return []


def _checked(rec: object) -> object:
    """A record verified and checked for compliance, where a broken record's problems show."""
    rec.verify()  # type: ignore[attr-defined]
    return rec.compliance()  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_a_broken_record_gives_the_same_problems_streamed(path: pathlib.Path) -> None:
    """Every broken record of the corpus: the stream finds exactly the problems that reading the
    file whole finds, with the same paths and words, in the same order."""
    got = _problems(lambda: _checked(load(path)))
    whole = _problems(lambda: _checked(_from_json_bytes(path.read_bytes(), path.name)))
    assert got == whole
    assert got


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_an_example_verifies_the_same_streamed(path: pathlib.Path) -> None:
    """Every built-in example: the streamed record verifies as the record read whole, and writes
    back a record that reads the same."""
    streamed = load(path)
    whole = Record.from_dict(json.loads(path.read_text(encoding="utf-8")))
    assert result_to_dict(streamed.verify()) == result_to_dict(whole.verify())
    again = Record.from_dict(json.loads(json.dumps(streamed.to_dict())))
    assert result_to_dict(again.verify()) == result_to_dict(whole.verify())


def _write(tmp: pathlib.Path, data: object, text: str | None = None) -> pathlib.Path:
    path = tmp / "record.json"
    path.write_text(json.dumps(data) if text is None else text, encoding="utf-8")
    return path


def _branch() -> dict:
    from tally.examples import load as example

    return example("branch")


def test_equal_papers_are_grouped_and_a_bad_one_is_named_where_it_first_stands(tmp_path: pathlib.Path) -> None:
    """Equal papers become one group; a bad paper repeated is named at its first place, with how
    many more there were; a paper whose mark names no candidate is named at its first place too."""
    data = _branch()
    items = data["ballots"]["items"] = data["ballots"]["items"] * 4
    data["ballots"]["collected"] = len(items)
    rec = load(_write(tmp_path, data))
    assert isinstance(rec.items, Papers)
    assert len(rec.items) == len(items)
    assert sorted(map(repr, rec.items)) == sorted(
        map(repr, Record.from_dict(data).items or ())
    )
    assert len(rec.items.groups) < len(items)
    items[17] = {"committee": {"for": ["M01", "M02", "M77"]}}
    items[30] = {"committee": {"for": ["M01", "M02", "M77"]}}
    assert _problems(lambda: load(_write(tmp_path, data)).verify()) == [
        "RecordError: ballots.items[17].committee.for[2]: 'M77' is not a candidate in 'committee'"
        " (and 1 more papers like it)"
    ]
    items[17] = items[30] = {"committee": {"for": "M01"}}
    assert _problems(lambda: load(_write(tmp_path, data))) == [
        "RecordError: ballots.items[17].committee.for: must be a list of ids, not the string 'M01'"
        " (and 1 more papers like it)"
    ]


@pytest.mark.parametrize(
    "text",
    [
        '[{"format": "tally.record/1"}]',
        '{"format": "tally.record/1", "format": "x"}',
        '{"ballots": {"items": [], "items": []}}',
        '{"roll": [{"id": "M01", "id": "M02"}]}',
        '{"ballots": {"items": [{"c": {"for": ["M01"], "for": ["M02"]}}]}}',
        '{"format": NaN}',
        '{"format": "tally.record/1"} {}',
        '\ufeff{"format": "tally.record/1"}',
        '{"format": "tally.record/1"',
        "",
        '{"format": "tally.record/1", "day": "\\ud800"}',
    ],
)
def test_what_the_stream_cannot_take_is_read_whole_as_before(tmp_path: pathlib.Path, text: str) -> None:
    """A file that is not JSON, or not a record object, that repeats a key or starts with a
    byte-order mark: exactly what reading it whole gives."""
    path = _write(tmp_path, None, text)
    assert streamed(path) is None
    assert _problems(lambda: load(path)) == _problems(lambda: _from_json_bytes(path.read_bytes(), path.name))


def test_a_file_that_is_not_utf8_is_read_whole_with_its_note(tmp_path: pathlib.Path) -> None:
    """GB18030 bytes (the default of Excel and WPS in China): read whole, with the note that says
    so; a file that cannot be opened: the same words as before."""
    from tally.examples import text

    path = tmp_path / "record.json"
    path.write_bytes(text("branch").encode("gb18030"))
    assert streamed(path) is None
    assert [note.code for note in load(path).notes] == ["gb18030"]
    assert _problems(lambda: load(tmp_path / "missing.json"))[0].startswith("RecordError: cannot read the file")


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(elections())
def test_any_election_streamed_counts_as_read_whole(data: tuple) -> None:
    """Any generated election, written to a file: streamed, it counts as when read whole."""
    m, contest, papers = data
    record = as_record(m, contest, papers)
    with tempfile.TemporaryDirectory() as tmp:
        path = _write(pathlib.Path(tmp), record)
        assert load(path).count() == Record.from_dict(record).count()
