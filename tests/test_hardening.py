"""Hardened input (issue 17): every input gets our error, nothing is read two ways.

Each test breaks one promise of docs/record-format.md ("Bounds", "Ids", "Dates", "Duplicate
keys") or docs/errors.md, through the command (`tally verify`, exit 2 and a path, never a
traceback) or the API (a RecordError or RuleError with a path)."""

from __future__ import annotations

import datetime
import io
import json
import pathlib
from typing import Any

import attrs
import pytest

from tally import (
    Board,
    Contest,
    Member,
    Objection,
    Proxy,
    RecordError,
    Reduction,
    RuleError,
    Timeline,
    Totals,
    Voter,
    check_timeline,
    period_end,
    preset,
)
from tally._rulebook import COUNT_BOUNDS
from tally.cli import main, note_texts
from tally.examples import load as example
from tally.records import Record, ballots_from_csv, load, roll_from_csv, verify_many, verify_path
from tally.records.record import Note

Capture = pytest.CaptureFixture[str]


def _verify_text(text: str, monkeypatch: pytest.MonkeyPatch, capsys: Capture, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))
    status = main(["verify", "-", *args])
    out, err = capsys.readouterr()
    return status, out, err


def _verify(data: Any, monkeypatch: pytest.MonkeyPatch, capsys: Capture, *args: str) -> tuple[int, str, str]:
    return _verify_text(json.dumps(data, ensure_ascii=False), monkeypatch, capsys, *args)


def _raw(raw: str) -> str:
    """The branch example as JSON text, with *raw* as the text of ``ballots.collected``."""
    data = example("branch")
    data["ballots"]["collected"] = "@@RAW@@"
    return json.dumps(data, ensure_ascii=False).replace('"@@RAW@@"', raw)


def _broken(status: int, err: str, path: str) -> None:
    """Exit 2, our error naming *path*, no traceback."""
    assert status == 2, err
    assert "Traceback" not in err
    assert f"tally: {path}: " in err, err


# --- every input gets our error ---------------------------------------------------------------------


def test_json_nested_deeper_than_python_reads(monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    """`python3 -c "print('['*100000)" | tally verify -`: exit 2, not a RecursionError."""
    status, out, err = _verify_text("[" * 100_000, monkeypatch, capsys)
    assert (status, out) == (2, "")
    assert err == "tally: the file is not JSON that tally can read: its lists and objects are nested too deeply\n"


def test_an_integer_longer_than_python_reads(monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    """An integer of more than 4,300 digits: exit 2 saying where it is, not Python's ValueError."""
    status, _, err = _verify_text(_raw("7" * 5000), monkeypatch, capsys)
    assert status == 2
    assert "a number of 5,000 digits at line 1 column" in err
    assert len(err) < 200


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_not_json(constant: str, monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    """Python reads NaN and Infinity; JSON has no such values, so tally does not either."""
    status, _, err = _verify_text(_raw(constant), monkeypatch, capsys)
    assert (status, err) == (2, f"tally: the file is not JSON: {constant} is not a JSON value\n")


def test_a_huge_integer_within_what_python_reads(monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    """A 4,000-digit count is read, and refused by its bound, with a short message."""
    status, _, err = _verify_text(_raw("7" * 4000), monkeypatch, capsys)
    _broken(status, err, "ballots.collected")
    assert "must be at most 1,000,000,000, not a number of about 4,000 digits" in err


def _village(**changes: Any) -> dict[str, Any]:
    data = example("village")
    for key, value in changes.items():
        data[key] = value
    return data


def test_a_date_near_the_end_of_the_calendar(monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    """V-8, C-6: the objection period of a list published on 9999-12-28 would end after the last
    day of the calendar: our error at the date, not an OverflowError."""
    timeline = {"published": "9999-12-28", "objections": [{"filed": "9999-12-29"}]}
    status, _, err = _verify(_village(timeline=timeline), monkeypatch, capsys)
    _broken(status, err, "timeline.published")
    assert "9999-12-28: the day 5 days after it is not in the calendar (years 1 to 9999)" in err


def test_a_decision_period_that_leaves_the_calendar(monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    """V-8: the decision period of an objection filed on 9999-12-30 leaves the calendar too."""
    timeline = {"published": "9999-12-01", "objections": [{"filed": "9999-12-30", "decided": "9999-12-31"}]}
    status, _, err = _verify(_village(timeline=timeline), monkeypatch, capsys)
    _broken(status, err, "timeline.objections[0].filed")


def test_an_election_day_at_the_start_of_the_calendar(monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    """V-8, V-16: 20 days before 0001-01-05 is before the calendar: our error at ``day``."""
    data = _village(day="0001-01-05")
    data["timeline"] = {"published": "0001-01-01"}
    for p in data["proxies"]:
        p["filed"] = "0001-01-01"
    for v in data["roll"]:
        v.pop("born", None)
    status, _, err = _verify(data, monkeypatch, capsys)
    _broken(status, err, "day")


@pytest.mark.parametrize("field", ["objection_days", "list_days_before", "decision_days", "proxy_deadline_days"])
def test_day_counts_have_an_upper_bound(field: str, monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    """V-8, V-16: a day count of 1,000,000,000 is refused at its field (at most 366), before any
    date arithmetic could overflow."""
    status, _, err = _verify(_village(rules={field: 1_000_000_000}), monkeypatch, capsys)
    _broken(status, err, f"rules.{field}")
    assert "must be a whole number from 0 to 366, not 1000000000" in err


def test_period_end_and_check_timeline_through_the_api() -> None:
    """C-6, V-8: the API gives the same errors as the records."""
    book = preset("village-national-2018")
    with pytest.raises(RecordError, match=r"^start: 9999-12-31: the day 1 days after it is not in the calendar"):
        period_end(datetime.date.max, 1, rulebook=book)
    assert period_end(datetime.date(9999, 12, 30), 1, rulebook=attrs.evolve(book, period_skips_rest_days=False)) == (
        datetime.date.max
    )
    timeline = Timeline(published=datetime.date(9999, 12, 28), objections=[Objection(datetime.date(9999, 12, 29))])
    with pytest.raises(RecordError) as caught:
        check_timeline(timeline, rulebook=book, day=datetime.date(9999, 12, 31))
    assert [p.path for p in caught.value.problems] == ["timeline.published"]
    proxy = Proxy("V1", "V2", filed=datetime.date(1, 1, 1))
    with pytest.raises(RecordError) as caught:
        check_timeline(
            None, rulebook=attrs.evolve(book, proxy_deadline_days=3), day=datetime.date(1, 1, 2), proxies=[proxy]
        )
    assert [p.path for p in caught.value.problems] == ["day"]


@pytest.mark.parametrize(("field", "most"), sorted(COUNT_BOUNDS.items()))
def test_every_rulebook_count_has_a_bound(field: str, most: int) -> None:
    """Rulebook counts: the bound itself is accepted, one more is a RuleError at the field."""
    book = preset("village-national-2018")
    assert getattr(attrs.evolve(book, **{field: most}), field) == most
    with pytest.raises(RuleError, match=rf"^{field}: must be a whole number from 0 to {most:,}, not {most + 1}$"):
        attrs.evolve(book, **{field: most + 1})


def test_every_whole_number_field_of_the_rulebook_has_a_bound() -> None:
    """A new count field cannot be added without its bound."""
    ints = {f.name for f in attrs.fields(type(preset("cpc-basic-2020"))) if f.type in ("int", "int | None")}
    assert ints == set(COUNT_BOUNDS)


@pytest.mark.parametrize(
    ("field", "value", "path"),
    [
        ("committee_size", [1, 1001], "committee_size"),
        ("post_margins", {"chair": [1, 10_001]}, "post_margins.chair"),
        ("post_bands", [[None, 10**9 + 1, 3, 5]], "post_bands[0]"),
        ("post_bands", [[None, 2000, 3, 1001]], "post_bands[0]"),
    ],
)
def test_rulebook_lists_of_counts_have_bounds(field: str, value: object, path: str) -> None:
    """Committee sizes and posts at most 1,000, extra candidates 10,000, populations 10^9."""
    with pytest.raises(RuleError) as caught:
        attrs.evolve(preset("village-national-2018"), **{field: value})
    assert caught.value.path == path


@pytest.mark.parametrize(
    ("make", "path"),
    [
        (lambda n: Totals(valid=n, invalid=0), "valid"),
        (lambda n: Totals(valid=0, invalid=n), "invalid"),
        (lambda n: Totals(valid=0, invalid=0, votes={"M01": n}), "for.M01"),
        (lambda n: Reduction(consent=n), "consent"),
        (lambda n: Board(population=n), "population"),
        (lambda n: Board(party_members=n), "party_members"),
    ],
)
def test_ballot_counts_are_at_most_a_thousand_million(make: Any, path: str) -> None:
    """Ballots, votes, consents, a population: at most 10^9; one more is an error at its field."""
    make(10**9)
    with pytest.raises(RecordError) as caught:
        make(10**9 + 1)
    assert caught.value.path == path
    assert caught.value.problems[0].reason == "must be a whole number from 0 to 1,000,000,000, not 1000000001"


def test_seats_and_candidates_have_bounds() -> None:
    """P-12: a contest has at most 1,000 seats and 10,000 candidates."""
    assert Contest("c", seats=1000, candidates=[]).seats == 1000
    with pytest.raises(RecordError, match=r"^seats: must be a whole number from 1 to 1,000, not 1001$"):
        Contest("c", seats=1001, candidates=[])
    with pytest.raises(RecordError, match=r"^candidates: at most 10,000 candidates, not 10,001$"):
        Contest("c", seats=1, candidates=[f"C{i}" for i in range(10_001)])


def test_record_counts_have_bounds(monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    """The record reader applies the same bounds, with the record's paths."""
    data = example("branch")
    data["contests"][0]["seats"] = 1001
    data["ballots"]["collected"] = 10**9 + 1
    status, _, err = _verify(data, monkeypatch, capsys)
    _broken(status, err, "contests[0].seats")
    assert "ballots.collected: must be at most 1,000,000,000, not 1000000001" in err


# --- a batch always finishes ---------------------------------------------------------------------------


def _folder(tmp_path: pathlib.Path) -> list[str]:
    for name in ("branch", "void"):
        (tmp_path / f"{name}.json").write_text(json.dumps(example(name)), encoding="utf-8")
    (tmp_path / "deep.json").write_text("[" * 100_000, encoding="utf-8")
    return [str(tmp_path / n) for n in ("branch.json", "deep.json", "void.json")]


def test_a_batch_goes_on_past_a_broken_file(tmp_path: pathlib.Path) -> None:
    """A file that once stopped a batch (a RecursionError) is one line with status 2."""
    outcomes = verify_many(_folder(tmp_path))
    assert [o.status for o in outcomes] == [0, 2, 1]
    assert outcomes[1].summary.startswith("the file is not JSON that tally can read")


def test_a_bug_in_tally_is_one_line_with_status_3(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An exception that is not tally's own (a bug) is status 3, ``internal error: TypeError:
    …``, and the other files are verified all the same."""
    real = Record.verify
    branch = example("branch")["title"]

    def buggy(self: Record) -> Any:
        if self.title == branch:
            raise TypeError("unhashable type: 'list'")
        return real(self)

    monkeypatch.setattr(Record, "verify", buggy)
    outcomes = verify_many(_folder(tmp_path))
    assert [o.status for o in outcomes] == [3, 2, 1]
    assert outcomes[0].summary == "internal error: TypeError: \"unhashable type: 'list'\""
    assert verify_path(str(tmp_path / "branch.json")).status == 3


def test_the_command_shows_a_bug_and_exits_3(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    """`tally verify` on many files: the bug is a line "INTERNAL ERROR", the others their status;
    on one file: ``tally: internal error: …`` on stderr, no traceback, exit 3."""
    monkeypatch.setattr(Record, "compliance", lambda self: 1 / 0)
    paths = _folder(tmp_path)
    assert main(["verify", *paths]) == 3
    out, err = capsys.readouterr()
    assert "INTERNAL ERROR  internal error: ZeroDivisionError: 'division by zero'" in out
    assert "3 records: 0 agree, 0 disagree, 1 broken\n2 records met an internal error (a bug in tally" in out
    assert main(["verify", paths[0]]) == 3
    out, err = capsys.readouterr()
    assert (out, "Traceback" in err) == ("", False)
    assert err == (
        "tally: internal error: ZeroDivisionError: 'division by zero'. This is a bug in tally, not in the "
        "record: please report it, with the record\n"
    )
    assert main(["compliance", *paths]) == 3
    out, err = capsys.readouterr()
    assert "internal error: ZeroDivisionError" in err


# --- a message quotes a short, escaped excerpt -------------------------------------------------------------


@pytest.mark.parametrize("field", ["day", "kind", "rulebook", "format"])
def test_a_megabyte_value_gives_a_short_message(field: str, monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    """A 1 MB string is quoted by its first 60 characters, "…" and its length."""
    data = example("branch")
    data[field] = "x" * 1_000_000
    status, _, err = _verify(data, monkeypatch, capsys)
    _broken(status, err, field)
    assert "'" + "x" * 60 + "'… (1,000,000 characters)" in err
    assert len(err) < 500


def test_a_megabyte_id_gives_a_short_message(monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    """An id of 1 MB is refused by length (ids have at most 100 characters), briefly."""
    data = example("branch")
    data["present"][0] = "M" * 1_000_000
    status, _, err = _verify(data, monkeypatch, capsys)
    _broken(status, err, "present[0]")
    assert len(err) < 300


@pytest.mark.parametrize(
    ("key", "path"),
    [("roll ", "['roll ']"), ("roll\u200b", "['roll\\u200b']"), ("a.b", "['a.b']"), ("x" * 100, "['" + "x" * 60)],
)
def test_a_key_with_spaces_or_invisible_characters_is_shown(
    key: str, path: str, monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    """An unknown key that a reader could miss is shown escaped, in brackets."""
    data = example("branch")
    data[key] = 1
    status, _, err = _verify(data, monkeypatch, capsys)
    assert status == 2
    assert f"tally: {path}" in err, err


def test_core_messages_quote_through_one_helper() -> None:
    """The API's messages quote the input short and escaped too."""
    with pytest.raises(RecordError) as caught:
        Member("M01", standing="x" * 10_000)
    assert len(str(caught.value)) < 200
    with pytest.raises(RecordError) as caught:
        Totals(valid=-(10**5000), invalid=0)
    assert (
        str(caught.value) == "valid: must be a whole number from 0 to 1,000,000,000, not a number of about 5,000 digits"
    )


# --- nothing read two ways: duplicate keys ------------------------------------------------------------------


def test_a_duplicate_key_in_a_ballot_is_broken(monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    """`{"for": ["M01"], "for": []}` once turned a vote into a blank paper that "agreed": now the
    record is broken, at the path of the key given twice."""
    text = json.dumps(example("branch"), ensure_ascii=False)
    first = '{"committee": {"for": ["M01", "M02", "M03"]}}'
    assert first in text
    text = text.replace(first, '{"committee": {"for": ["M01", "M02", "M03"], "for": []}}', 1)
    status, out, err = _verify_text(text, monkeypatch, capsys)
    _broken(status, err, "ballots.items[0].committee.for")
    assert "ballots.items[0].committee.for: given twice in the object; which one is meant cannot be told" in err
    assert out == ""


def test_duplicate_keys_everywhere_are_all_reported() -> None:
    """Every key given twice where the record is read, with its path, beside the record's own
    problems."""
    data = example("branch")
    data["roll"][0]["@@TWICE@@"] = "M02"
    data["ballots"]["items"][3]["committee"]["@@TWICE@@"] = []
    text = json.dumps(data, ensure_ascii=False).replace('"@@TWICE@@": "M02"', '"id": "M02"')
    text = text.replace('"@@TWICE@@": []', '"for": []')
    with pytest.raises(RecordError) as caught:
        load(io.StringIO(text))
    twice = [p.path for p in caught.value.problems if p.reason.startswith("given twice")]
    assert twice == ["roll[0].id", "ballots.items[3].committee.for"]


def test_a_string_holding_a_key_mark_is_no_duplicate() -> None:
    """A value that holds `":` (which the fast check counts as a key) is read normally."""
    data = example("branch")
    data["title"] = 'quoted ": and " : too'
    rec = load(io.StringIO(json.dumps(data)))
    assert rec.title == data["title"]


def test_keys_spaced_from_their_colon_are_counted() -> None:
    """Pretty or odd spacing (`"key" : value`) is JSON too, and duplicates in it are found."""
    data = example("branch")
    spaced = json.dumps(data, separators=(" , ", " : "))
    assert load(io.StringIO(spaced)).title == data["title"]
    twice = spaced.replace('"format" : "tally.record/1"', '"format" : "tally.record/1" , "format" \n: "x"', 1)
    with pytest.raises(RecordError, match="format: given twice in the object"):
        load(io.StringIO(twice))


# --- nothing read two ways: ids ---------------------------------------------------------------------------------


def test_an_id_with_a_zero_width_space_is_refused(monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    """`M01` and `M01` + U+200B look the same: the second is refused, naming the character."""
    data = example("branch")
    data["roll"][1]["id"] = "M01\u200b"
    status, _, err = _verify(data, monkeypatch, capsys)
    _broken(status, err, "roll[1].id")
    assert "the id 'M01\\u200b' holds an invisible character U+200B (ZERO WIDTH SPACE) at position 4" in err


def test_a_full_width_id_is_the_same_person(monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    """`Ｍ０１` is `M01`: on the roll twice, it is a duplicate."""
    data = example("branch")
    data["roll"][1]["id"] = "Ｍ０１"
    status, _, err = _verify(data, monkeypatch, capsys)
    _broken(status, err, "roll[1].id")
    assert "duplicate id 'Ｍ０１', which is 'M01' (first at roll[0])" in err  # as written, and as read


def test_an_id_written_another_way_is_read_with_a_note(monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    """` M04` and `Ｍ０４` are `M04`: the record keeps `M04`, agrees, and says once on stderr and
    in the JSON result what it read."""
    data = example("branch")
    data["present"] = [" M04" if p == "M04" else p for p in data["present"]]
    data["contests"][0]["candidates"] = ["Ｍ０４" if c == "M04" else c for c in data["contests"][0]["candidates"]]
    status, out, err = _verify(data, monkeypatch, capsys, "--format", "json")
    assert status == 0, err
    assert err.splitlines() == [
        "tally: note: present[3]: ' M04' read as 'M04'",
        "tally: note: contests[0].candidates[3]: 'Ｍ０４' read as 'M04'",
    ]
    assert json.loads(out)["notes"] == [
        "present[3]: ' M04' read as 'M04'",
        "contests[0].candidates[3]: 'Ｍ０４' read as 'M04'",
    ]
    rec = Record.from_dict(data)
    assert rec.present[3] == "M04"
    assert rec == Record.from_dict(example("branch"))  # the same record, once read


def test_a_note_is_given_once_per_spelling() -> None:
    """The same spelling in many places is one note, at its first place."""
    data = example("branch")
    data["roll"][3]["id"] = "Ｍ０４"
    data["present"] = ["Ｍ０４" if p == "M04" else p for p in data["present"]]
    rec = Record.from_dict(data)
    assert note_texts(rec.notes, "en") == ["roll[3].id: 'Ｍ０４' read as 'M04' (and elsewhere)"]
    assert note_texts(rec.notes, "zh") == ["roll[3].id：编号 'Ｍ０４' 按统一规则读作 'M04'（其他位置也有）"]


@pytest.mark.parametrize(
    ("where", "path"),
    [
        (
            lambda d: d["ballots"]["items"][0]["committee"]["for"].__setitem__(0, "M01\u2060"),
            "ballots.items[0].committee.for[0]",
        ),
        (lambda d: d["declared"]["committee"]["elected"].__setitem__(0, "\ufeffM01"), "declared.committee.elected[0]"),
        (lambda d: d["contests"][0].__setitem__("id", "committee\u200e"), "contests[0].id"),
        (lambda d: d["present"].__setitem__(0, "M\t01"), "present[0]"),
    ],
)
def test_invisible_ids_are_refused_everywhere(
    where: Any, path: str, monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    """Marks, declared winners, contest ids, sign-in: an invisible character is refused."""
    data = example("branch")
    where(data)
    status, _, err = _verify(data, monkeypatch, capsys)
    _broken(status, err, path)
    assert "invisible character U+" in err


def test_two_keys_that_are_one_id(monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    """A section given as `committee` and as `ｃｏｍｍｉｔｔｅｅ` on one paper: one id twice."""
    data = example("branch")
    data["ballots"]["items"][0]["ｃｏｍｍｉｔｔｅｅ"] = {"for": []}
    status, _, err = _verify(data, monkeypatch, capsys)
    _broken(status, err, "ballots.items[0].ｃｏｍｍｉｔｔｅｅ")
    assert "is the id 'committee', a key given before as 'committee'" in err


@pytest.mark.parametrize(
    "make",
    [
        lambda: Member("M01\u200b"),
        lambda: Member("Ｍ０７"),
        lambda: Member(" V04"),
        lambda: Voter("V\u200b1"),
        lambda: Proxy("V1", "V2\u200b"),
        lambda: Contest("c\u200b", seats=1, candidates=[]),
        lambda: Contest("c", seats=1, candidates=["Ｍ０１"]),
    ],
)
def test_the_api_refuses_ids_that_are_not_canonical(make: Any) -> None:
    """The API takes ids as tally writes them: visible, NFKC, trimmed; others are an error."""
    with pytest.raises(RecordError):
        make()


def test_csv_ids_follow_the_policy() -> None:
    """CSV headers, write-ins and roll ids are ids: folded, trimmed, noted; invisible refused."""
    contest = Contest("c", seats=2, candidates=["M01", "M02", "M03"])
    notes: list[Note] = []
    papers = list(ballots_from_csv(["\ufeffＭ０１,M02 ,M03,write_in", "✓,✓,,Ｍ０９"], contest, notes=notes))
    assert papers[0].sections["c"].to_dict() == {"for": ["M01", "M02"], "write_in": ["M09"]}
    assert note_texts(notes, "en") == [
        "ballots[0][0]: 'Ｍ０１' read as 'M01'",
        "ballots[0][1]: 'M02 ' read as 'M02'",
        "ballots[1][3]: 'Ｍ０９' read as 'M09'",
    ]
    with pytest.raises(RecordError, match=r"^ballots\[0\]\[1\]: column 'M01' is given twice \(first in column A\)$"):
        list(ballots_from_csv(["M01,Ｍ０１"], contest))
    with pytest.raises(RecordError, match=r"ballots\[1\]\[1\]: the id 'M0\\u200b9' holds an invisible"):
        list(ballots_from_csv(["M01,write_in", "✓,M0\u200b9"], contest))
    notes = []
    roll = roll_from_csv(["id,name", " M01,张三", "Ｍ０２,李四"], notes=notes)
    assert [m.id for m in roll] == ["M01", "M02"]
    assert note_texts(notes, "en") == ["roll[1].id: ' M01' read as 'M01'", "roll[2].id: 'Ｍ０２' read as 'M02'"]
    with pytest.raises(RecordError, match=r"^roll\[2\]\.id: duplicate id 'M01' \(first at roll\[1\]\)"):
        roll_from_csv(["id", "M01", "Ｍ０１"])


# --- nothing read two ways: dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize("day", ["2026-W21-4", "20260521", "2026-5-21", "２０２６-０５-２１", "2026-05-21T00:00"])
def test_dates_are_yyyy_mm_dd_only(day: str, monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    """Python reads ISO week dates (2026-W21-4) and more; a record's dates are YYYY-MM-DD only."""
    status, _, err = _verify(_village(day=day), monkeypatch, capsys)
    _broken(status, err, "day")
    assert f"{day!r} is not a date YYYY-MM-DD" in err


def test_csv_birth_dates_are_yyyy_mm_dd_only() -> None:
    """The CSV roll's `born` is read as a record's date."""
    with pytest.raises(RecordError, match=r"^roll\[1\]\.born: '2026-W21-4' is not a date YYYY-MM-DD$"):
        roll_from_csv(["id,born", "M01,2026-W21-4"])
