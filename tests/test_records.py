"""Records: reading, writing, the schema, CSV, and a corpus of broken records."""

from __future__ import annotations

import json
import pathlib
from concurrent.futures import ProcessPoolExecutor

import jsonschema
import pytest

from tally import Contest, RecordError, Stage
from tally.cli import main
from tally.examples import NAMES, load
from tally.records import (
    Record,
    ballots_from_csv,
    next_round,
    result_to_dict,
    roll_from_csv,
    schema,
    verify_many,
)
from tally.records.record import Note

HERE = pathlib.Path(__file__).parent
BROKEN = HERE / "broken"
EXPECTED: dict[str, str] = json.loads((BROKEN / "expected.json").read_text(encoding="utf-8"))
DOCS = HERE.parent / "docs"


@pytest.mark.parametrize("name", NAMES)
def test_examples_validate_and_round_trip(name: str) -> None:
    """Each built-in record is valid under the shipped schema, reads, and writes back to a record
    that reads the same and counts the same."""
    data = load(name)
    jsonschema.validate(data, schema("record"))
    rec = Record.from_dict(data)
    written = rec.to_dict()
    jsonschema.validate(written, schema("record"))
    again = Record.from_dict(json.loads(json.dumps(written)))
    assert again == rec
    assert result_to_dict(again.verify()) == result_to_dict(rec.verify())


@pytest.mark.parametrize("name", NAMES)
def test_results_validate_against_the_result_schema(name: str) -> None:
    """What `verify --format json` prints is valid under the shipped result schema."""
    jsonschema.validate(result_to_dict(Record.from_dict(load(name)).verify()), schema("result"))


def test_schemas_in_docs_are_the_shipped_ones() -> None:
    """docs/ carries the same schemas as the package, and both are valid JSON Schemas."""
    for name in ("record", "result"):
        shipped = schema(name)
        jsonschema.Draft202012Validator.check_schema(shipped)
        assert json.loads((DOCS / f"{name}.schema.json").read_text(encoding="utf-8")) == shipped


def test_the_broken_corpus_is_large_enough() -> None:
    """At least 30 broken records, each with the path its error must name."""
    files = {p.stem for p in BROKEN.iterdir() if p.name != "expected.json"}
    assert files == set(EXPECTED)
    assert len(files) >= 30


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_record_exits_2_naming_the_path(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Each broken record: exit 2, stderr names the expected path, stdout stays empty."""
    path = next(p for p in BROKEN.iterdir() if p.stem == name)
    assert main(["verify", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "Traceback" not in err
    want = EXPECTED[name]
    if want:
        assert f"tally: {path}: {want}:" in err, err
    else:
        assert f"tally: {path}: the file is not JSON" in err


def test_every_problem_of_a_record_at_once() -> None:
    """Several problems in one record come back together, each with its path."""
    data = load("branch")
    data["roll"][0]["standing"] = "lapsed"
    data["day"] = "2026-02-30"
    data["contests"][0]["seats"] = 0
    data["ballots"]["items"][1] = {"committee": {"for": "M01"}}
    with pytest.raises(RecordError) as caught:
        Record.from_dict(data)
    assert [p.path for p in caught.value.problems] == [
        "day",
        "roll[0].standing",
        "contests[0].seats",
        "ballots.items[1].committee.for",
    ]


def test_extra_is_kept_and_never_read() -> None:
    """`extra` at the top, in roll items and in contests is written back unchanged."""
    data = load("branch")
    data["extra"] = {"source": "scan 17"}
    data["roll"][0]["extra"] = {"phone": "x"}
    data["contests"][0]["extra"] = [1, 2]
    rec = Record.from_dict(data)
    out = rec.to_dict()
    assert (out["extra"], out["roll"][0]["extra"], out["contests"][0]["extra"]) == (
        {"source": "scan 17"},
        {"phone": "x"},
        [1, 2],
    )


def test_rules_override_the_preset() -> None:
    """`rules` sets rulebook fields by name: an inclusive quorum makes exactly 4/5 valid."""
    data = load("branch")
    data["present"] = ["M01", "M02", "M03", "M04", "M05", "M06", "M07", "M08"]  # 8 of 11: not > 4/5
    data["ballots"] = {"collected": 0, "items": []}
    data["declared"] = {"committee": {"elected": []}}
    assert Record.from_dict(data).meeting().quorum.met is False
    data["rules"] = {"quorum": "8/11", "quorum_inclusive": True}
    rec = Record.from_dict(data)
    assert (rec.rulebook.quorum_inclusive, rec.meeting().quorum.met) == (True, True)
    assert rec.to_dict()["rules"] == {"quorum": "8/11", "quorum_inclusive": True}


def test_next_round_skeleton_counts_as_a_record() -> None:
    """The next-round skeleton is itself a valid record, for the next contest."""
    rec = Record.from_dict(load("branch"))
    skeleton = next_round(rec)
    assert skeleton is not None
    jsonschema.validate(skeleton, schema("record"))
    nxt = Record.from_dict(skeleton)
    assert [c.stage for c in nxt.contests] == [Stage.FURTHER]
    assert nxt.contests[0].candidates == ("M02", "M03", "M04")


def test_verify_many_in_a_process_pool_equals_in_process() -> None:
    """The same outcomes through a process pool as in this process."""
    paths = [str(p) for p in sorted((HERE.parent / "src" / "tally" / "examples").glob("*.json"))]
    paths += [str(BROKEN / "roll-duplicate-id.json")]
    alone = verify_many(paths)
    with ProcessPoolExecutor(max_workers=2) as pool:
        pooled = verify_many(paths, executor=pool)
    assert pooled == alone
    assert [o.status for o in alone] == [1 if p.endswith("void.json") else 0 for p in paths[:-1]] + [2]


def test_ballots_from_csv_stream_and_count() -> None:
    """Papers from CSV count like papers from JSON; equal rows share one Ballot."""
    contest = Contest("committee", seats=3, candidates=["M01", "M02", "M03", "M04"])
    rows = ["M01,M02,M03,M04,write_in,spoiled"] + ["✓,✓,✓,,,"] * 5 + ["✓,×,,,M09,"] * 3
    rows += ["✓,✓,✓,✓,,", ",,,,,是"]
    papers = list(ballots_from_csv(rows, contest))
    assert len(papers) == 10
    assert papers[0] is papers[4]
    rec = Record.from_dict(load("branch"))
    from tally import count

    r = count([contest], papers, meeting=rec.meeting())["committee"]
    assert (r.valid, r.invalid, dict(r.votes)) == (8, 2, {"M01": 8, "M02": 5, "M03": 5, "M09": 3, "M04": 0})


def test_a_csv_row_of_empty_cells_is_a_blank_paper() -> None:
    """A row with no marks is a blank paper that counts as a valid ballot; an empty line is none."""
    contest = Contest("c", seats=1, candidates=["M01", "M02"])
    papers = list(ballots_from_csv(["M01,M02", ",", "", "✓,"], contest))
    assert [p.sections["c"].to_dict() for p in papers] == [{}, {"for": ["M01"]}]


def test_csv_problems_name_row_and_column() -> None:
    """A bad mark or a short row is a RecordError naming the row and cell."""
    contest = Contest("c", seats=1, candidates=["M01", "M02"])
    with pytest.raises(RecordError) as caught:
        list(ballots_from_csv(["M01,M02", "✓,maybe", "✓"], contest))
    assert [p.path for p in caught.value.problems] == ["ballots[1][1]", "ballots[2]"]
    with pytest.raises(RecordError, match=r"ballots\[0\]\[1\]: column 'M09'"):
        list(ballots_from_csv(["M01,M09"], contest))
    with pytest.raises(RecordError, match="empty"):
        list(ballots_from_csv([], contest))


def test_roll_from_csv() -> None:
    """A roll from CSV, every bad cell reported at once."""
    roll = roll_from_csv(["\ufeffid,name,standing,rights", "M01,张三,full,full", "M02,李四,probationary,"])
    assert [m.in_electorate for m in roll] == [True, False]
    with pytest.raises(RecordError) as caught:
        roll_from_csv(["id,standing,born", "M01,lapsed,1980-02-30", "M01,full,"])
    assert [p.path for p in caught.value.problems] == ["roll[1].born", "roll[1].standing"]  # rows of the file
    with pytest.raises(RecordError, match="duplicate id"):
        roll_from_csv(["id", "M01", "M01"])
    with pytest.raises(RecordError, match="unknown column 'phone'"):
        roll_from_csv(["id,phone", "M01,1"])


def test_a_roll_csv_names_the_rows_of_its_file_as_a_ballots_csv_does() -> None:
    """One scheme for a CSV file's rows, as ballots_from_csv counts them: the header is row 0
    (`roll[0][2]` is its third column), the first member row 1, an empty line a row too; the
    Roll's own duplicate id and the notes on ids are at those rows, under the name given."""
    contest = Contest("c", seats=1, candidates=["M01"])
    with pytest.raises(RecordError) as caught:
        list(ballots_from_csv(["M01,phone", "✓,1"], contest))
    assert [p.path for p in caught.value.problems] == ["ballots[0][1]"]
    with pytest.raises(RecordError) as caught:
        roll_from_csv(["id,sex,phone", "M01,x,1"])
    assert [p.path for p in caught.value.problems] == ["roll[0][2]"]
    with pytest.raises(RecordError) as caught:
        roll_from_csv(["id,sex", "M01,x"])
    assert [p.path for p in caught.value.problems] == ["roll[1].sex"]  # not the header's roll[0]
    notes: list[Note] = []
    with pytest.raises(RecordError) as caught:
        roll_from_csv(["id", "M01", "", "M02", "Ｍ０１"], where="名册", notes=notes)
    (twice,) = caught.value.problems
    assert (twice.path, twice.code, twice.values["first"]) == ("名册[4].id", "duplicate-id", "名册[1]")
    assert [n.values["path"] for n in notes] == ["名册[4].id"]


def test_weighted_csv_counts_as_the_rows_one_by_one() -> None:
    """Rows grouped by weighted_ballots_from_csv count as ballots_from_csv's papers; a bad row
    repeated is named at its first row, with how many more."""
    from tally import count
    from tally.records import weighted_ballots_from_csv

    contest = Contest("committee", seats=3, candidates=["M01", "M02", "M03", "M04"])
    rows = ["M01,M02,M03,M04,write_in,spoiled"] + ["✓,✓,✓,,,"] * 5 + ["✓,×,,,M09,", ""] * 3
    rows += ["✓,✓,✓,✓,,", ",,,,,是", " ✓,✓,✓,,,"]
    weighted = weighted_ballots_from_csv(rows, contest)
    assert [n for _, n in weighted] == [5, 3, 1, 1, 1]
    m = Record.from_dict(load("branch")).meeting()
    assert count([contest], weighted=weighted, meeting=m) == count(
        [contest], list(ballots_from_csv(rows, contest)), meeting=m
    )
    rows = ["M01,M02", "✓,maybe", "✓,", "✓,maybe", "✓"]
    two = Contest("c", seats=1, candidates=["M01", "M02"])
    with pytest.raises(RecordError) as one_by_one:
        list(ballots_from_csv(rows, two))
    with pytest.raises(RecordError) as caught:
        weighted_ballots_from_csv(rows, two)
    assert caught.value.problems == one_by_one.value.problems  # both name a bad row once, at its first
    first, short = caught.value.problems
    assert first.path == "ballots[1][1]"
    assert first.reason.endswith("(and 1 more rows like it)")
    assert short.path == "ballots[4]"
    with pytest.raises(RecordError, match=r"ballots\[0\]\[1\]: column 'M01' is given twice"):
        weighted_ballots_from_csv(["M01,M01"], two)


def test_weighted_csv_with_a_cell_over_several_lines() -> None:
    """A quoted write-in cell with a line break: read again by csv from a list or a file that can
    seek, counted as ballots_from_csv counts it; from a one-pass iterator, our error at its row."""
    import io

    from tally import count
    from tally.records import weighted_ballots_from_csv

    contest = Contest("committee", seats=3, candidates=["M01", "M02", "M03", "M04"])
    rows = ["M01,M02,M03,M04,write_in\n", '✓,×,,,"M09\n"\n', "✓,✓,,,\n", '"✓",✓,,,\n', '✓,×,,,"M09\n"\n']
    m = Record.from_dict(load("branch")).meeting()
    expected = count([contest], list(ballots_from_csv(rows, contest)), meeting=m)
    for source in (rows, io.StringIO("".join(rows), newline="")):
        weighted = weighted_ballots_from_csv(source, contest)
        assert [n for _, n in weighted] == [2, 2]  # csv reads "✓" and ✓ alike
        assert count([contest], weighted=weighted, meeting=m) == expected
    with pytest.raises(RecordError, match=r"ballots\[1\]: a quoted cell runs over several lines"):
        weighted_ballots_from_csv(iter(rows), contest)
    assert [n for _, n in weighted_ballots_from_csv(rows[:1] + rows[2:4], contest)] == [1, 1]
