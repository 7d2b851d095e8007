"""Issue 11: one run reports every problem of a record, whatever the phase (shape, references,
margins, ballots, what was declared), each with its path; `Record.check` and `tally check`."""

from __future__ import annotations

import json
import pathlib
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tally import RecordError, RuleError
from tally.cli import main
from tally.examples import NAMES, load
from tally.records import Record

Capture = pytest.CaptureFixture[str]
Data = dict[str, Any]


def _paths(data: Any) -> list[str]:
    with pytest.raises((RecordError, RuleError)) as caught:
        Record.from_dict(data)
    problems = caught.value.problems
    assert [p.path for p in problems] == [p.path for p in Record.check(data)]
    return [p.path for p in problems]


def test_the_three_runs_of_issue_11_are_one() -> None:
    """An unknown sign-in id, too few candidates for the seats and a mark for a non-candidate:
    three problems in three phases, reported by one run."""
    data = load("branch")
    data["present"][2] = "M99"  # references: not on the roll
    data["contests"][0]["seats"] = 4  # margins: 4 candidates for 4 seats (P-12)
    data["ballots"]["items"][5] = {"committee": {"for": ["M05"]}}  # ballots: M05 is no candidate
    assert _paths(data) == ["present[2]", "contests[0].candidates", "ballots.items[5].committee.for[0]"]


def test_shape_and_references_together() -> None:
    """A bad word (shape) and an id not on the roll (references) in one run."""
    data = load("branch")
    data["roll"][0]["standing"] = "lapsed"
    data["present"].append("M99")
    assert _paths(data) == ["roll[0].standing", "present[11]"]


def test_a_duplicate_roll_id_and_what_follows() -> None:
    """A duplicate id on the roll and an unknown sign-in: both (the second entry is set aside and
    the first one counts for the rest of the checks). M04, whose entry now says M01, is no
    longer on the roll: its sign-in and its candidacy are reported too, as they are wrong."""
    data = load("branch")
    data["roll"][3]["id"] = "M01"
    data["present"].append("M99")
    assert _paths(data) == ["roll[3].id", "present[3]", "present[11]", "contests[0].candidates[3]"]


def test_no_problem_follows_from_another() -> None:
    """A roll entry with a bad word is still on the roll for the other checks: signing it in is no
    second problem. A broken paper is no 'collected' mismatch. A broken contest's ballots are not
    'no such contest'."""
    data = load("branch")
    data["roll"][1]["sex"] = "X"  # M02, present and a candidate
    data["ballots"]["items"][0] = {"committee": {"for": "M01"}}
    assert _paths(data) == ["roll[1].sex", "ballots.items[0].committee.for"]
    data = load("branch")
    data["contests"][0]["post"] = "总书记"
    assert _paths(data) == ["contests[0].post"]


def test_problems_keep_the_places_of_the_record() -> None:
    """Items left out of one phase do not shift the paths of the next: the 12th sign-in is
    present[11] even when an earlier one was not an id."""
    data = load("branch")
    data["present"][0] = 7
    data["present"].append("M99")
    data["ballots"]["items"][2] = "torn"
    data["ballots"]["items"][6] = {"committee": {"for": ["M09"]}}
    assert _paths(data) == ["present[0]", "ballots.items[2]", "present[11]", "ballots.items[6].committee.for[0]"]


def test_a_village_record_every_phase() -> None:
    """Village: a bad relation word, a proxy for someone not on the roll, a candidate not on the
    roll and a mark for a non-candidate, all at once."""
    data = load("village")
    data["proxies"][0]["relation"] = "husbnd"
    data["proxies"][1]["principal"] = "V99"
    data["contests"][2]["candidates"].append("V98")
    data["ballots"]["items"][0]["chair"] = {"for": ["V03"]}
    paths = _paths(data)
    assert paths[:2] == ["proxies[0].relation", "proxies[1].principal"]
    assert "contests[2].candidates[3]" in paths
    assert any(p.startswith("ballots.items[0].chair.for[0]") for p in paths), paths


def test_identical_problems_are_reported_once() -> None:
    """A problem found twice (by the reader and again by a later phase) is listed once."""
    data = load("branch")
    data["present"].append("M01")
    paths = _paths(data)
    assert paths == ["present[11]"]


def test_margins_alone_are_a_rule_error_mixed_a_record_error() -> None:
    """Only problems against the rules (a margin): a RuleError, as from count(). With a broken
    field too: a RecordError listing both."""
    data = load("branch")
    data["contests"][0]["seats"] = 4
    with pytest.raises(RuleError) as caught:
        Record.from_dict(data)
    assert [p.path for p in caught.value.problems] == ["contests[0].candidates"]
    data["present"].append("M99")
    with pytest.raises(RecordError) as caught2:
        Record.from_dict(data)
    assert [p.path for p in caught2.value.problems] == ["present[11]", "contests[0].candidates"]


def test_fewer_candidates_than_seats_is_told_once() -> None:
    """Review finding 2: a contest with fewer candidates than seats is one problem, the least the
    rules ask; not a second one with the fewer candidates the rules without margins would ask,
    and not "no contest" once it is set aside."""
    data = load("branch")
    data["contests"][0]["candidates"] = data["contests"][0]["candidates"][:2]  # 2 for 3 seats
    with pytest.raises(RuleError) as caught:
        Record.from_dict(data)
    assert [(p.path, p.code) for p in caught.value.problems] == [("contests[0].candidates", "contest-margin-too-small")]
    assert caught.value.problems[0].values["least"] > data["contests"][0]["seats"]


def test_an_election_without_candidates_refused_is_told_once() -> None:
    """Review finding 2: a record that holds an election without candidates (V-11) under a
    rulebook that does not allow it is told that, once; its contest with nobody nominated is not
    told again as too few candidates, nor as no contest at all."""
    data = load("village")
    data["rules"] = {"without_candidates": True}
    data["contests"] = [dict(data["contests"][0], candidates=[])]
    cid = data["contests"][0]["id"]
    data["ballots"] = {"collected": 2, "items": [{cid: {"write_in": ["V01"]}}, {cid: {"write_in": ["V02"]}}]}
    data.pop("declared", None)
    with pytest.raises(RuleError) as caught:
        Record.from_dict(data)
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("rules.without_candidates", "rule-no-election-without-candidates")
    ]


@pytest.mark.parametrize("name", NAMES)
def test_check_of_a_sound_record_is_empty(name: str) -> None:
    """Record.check returns no problem for every built-in example."""
    assert Record.check(load(name)) == ()


@pytest.mark.parametrize("data", [None, [], "x", {"format": "tally.record/1"}])
def test_check_never_raises_for_bad_input(data: Any) -> None:
    """Record.check returns the problems of anything, never raises for it."""
    problems = Record.check(data)
    assert problems
    assert all(p.reason for p in problems)


def _rename_candidate(data: Data, old: str, new: str) -> None:
    """A candidate who is not on the roll, named the same in the contest and on the papers."""
    contest = data["contests"][0]
    contest["candidates"] = [new if w == old else w for w in contest["candidates"]]
    for paper in data["ballots"]["items"]:
        for marks in paper.get("committee", {}).values():
            marks[:] = [new if w == old else w for w in marks]


BREAKS: dict[str, tuple[Callable[[Data], None], str]] = {
    "shape": (lambda d: d["roll"][4].update(rights="revoked"), "roll[4].rights"),
    "sign-in": (lambda d: d["present"].insert(3, "M77"), "present[3]"),
    "exclusion": (lambda d: d["exclusions"][0].update(member="M66"), "exclusions[0].member"),
    "margin": (lambda d: d["contests"][0].update(seats=4), "contests[0].candidates"),
    "candidate": (lambda d: _rename_candidate(d, "M04", "M55"), "contests[0].candidates[3]"),
    "ballot": (
        lambda d: d["ballots"]["items"][6].update(committee={"for": ["M09"]}),
        "ballots.items[6].committee.for[0]",
    ),
    "declared": (lambda d: d["declared"]["committee"].update(elected=["张伟"]), "declared.committee.elected[0]"),
}


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_each_break_alone_is_the_only_problem(name: str) -> None:
    """One break, one problem: setting items aside for the later phases adds no problem of its own."""
    data = load("branch")
    BREAKS[name][0](data)
    assert _paths(data) == [BREAKS[name][1]]


@given(st.sets(st.sampled_from(sorted(BREAKS)), min_size=1))
def test_any_combination_of_breaks_in_one_run(breaks: set[str]) -> None:
    """Whichever phases are broken together, one run names each break's path, and nothing else."""
    data = load("branch")
    for name in sorted(breaks):
        BREAKS[name][0](data)
    assert sorted(_paths(data)) == sorted(BREAKS[name][1] for name in breaks)


# --- tally check -----------------------------------------------------------------------------


def _write(tmp_path: pathlib.Path, data: Any) -> str:
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_tally_check_a_sound_record(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """`tally check FILE`: exit 0 for a sound record, saying so."""
    path = _write(tmp_path, load("village"))
    assert main(["check", path]) == 0
    out, err = capsys.readouterr()
    assert f"{path}: sound" in out
    assert err == ""


def test_tally_check_lists_every_problem(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """`tally check FILE`: exit 2 with every problem on stderr, one line each with its path."""
    data = load("branch")
    data["present"][2] = "M99"
    data["contests"][0]["seats"] = 4
    data["ballots"]["items"][5] = {"committee": {"for": ["M05"]}}
    path = _write(tmp_path, data)
    assert main(["check", path]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert [line.split(": ")[2] for line in lines] == [
        "present[2]",
        "contests[0].candidates",
        "ballots.items[5].committee.for[0]",
    ]
    assert all(line.startswith(f"tally: {path}: ") for line in lines)


def test_tally_check_a_file_that_is_not_json(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """Not JSON: exit 2, the reason, no traceback."""
    path = tmp_path / "r.json"
    path.write_text("{", encoding="utf-8")
    assert main(["check", str(path)]) == 2
    assert "the file is not JSON" in capsys.readouterr().err


def _rename_village_candidate(data: Data, old: str, new: str) -> None:
    for contest in data["contests"]:
        contest["candidates"] = [new if w == old else w for w in contest["candidates"]]
    for paper in data["ballots"]["items"]:
        for section in paper.values():
            if isinstance(section, dict):
                for marks in section.values():
                    marks[:] = [new if w == old else w for w in marks]
    for said in data["declared"].values():
        said["elected"] = [new if w == old else w for w in said["elected"]]


VILLAGE_BREAKS: dict[str, tuple[Callable[[Data], None], str]] = {
    "word": (lambda d: d["roll"][2].update(registration="外来"), "roll[2].registration"),
    "relation": (lambda d: d["proxies"][0].update(relation="husbnd"), "proxies[0].relation"),
    "principal": (lambda d: d["proxies"][1].update(principal="V99"), "proxies[1].principal"),
    "mobile": (lambda d: d["mobile"].append("V98"), "mobile[2]"),
    "candidate": (lambda d: _rename_village_candidate(d, "V09", "V97"), "contests[2].candidates[2]"),
    "ballot": (lambda d: d["ballots"]["items"][1]["chair"].update({"for": ["V03"]}), "ballots.items[1].chair.for[0]"),
    "declared": (lambda d: d["declared"]["chair"].update(elected=["张建国"]), "declared.chair.elected[0]"),
}


@given(st.sets(st.sampled_from(sorted(VILLAGE_BREAKS)), min_size=1))
def test_any_combination_of_village_breaks_in_one_run(breaks: set[str]) -> None:
    """The same for a village record: words, proxies, mobile box, candidates, papers, declaration."""
    data = load("village")
    for name in sorted(breaks):
        VILLAGE_BREAKS[name][0](data)
    assert sorted(_paths(data)) == sorted(VILLAGE_BREAKS[name][1] for name in breaks)


# --- what was declared names ids on the roll ---------------------------------------------------


def test_a_declared_winner_written_as_a_name_is_an_error(tmp_path: pathlib.Path, capsys: Capture) -> None:
    """Issue 11: `"elected": ["张建国"]` gave "does NOT agree" (exit 1); it is an error (exit 2)
    saying whose name it is."""
    data = load("village")
    data["declared"]["chair"]["elected"] = ["张建国"]
    assert main(["verify", _write(tmp_path, data)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "declared.chair.elected[0]: '张建国' is the name of V01; give the id" in err


def test_declared_votes_and_unknown_ids() -> None:
    """The keys of `votes` too; an id that is nobody's is not on the roll."""
    data = load("branch")
    data["declared"]["committee"]["votes"] = {"M01": 8, "王芳": 5}
    data["declared"]["committee"]["elected"] = ["M01", "M77"]
    problems = Record.check(data)
    assert [str(p) for p in problems] == [
        "declared.committee.elected[1]: 'M77' is not an id on the roll",
        "declared.committee.votes.王芳: '王芳' is the name of M02; give the id",
    ]


def test_verify_refuses_a_name_in_the_declaration() -> None:
    """The API's verify() checks the same: a name is never compared as if it were an id."""
    from tally import Declared, verify

    rec = Record.from_dict(load("branch"))
    with pytest.raises(RecordError, match=r"declared\.committee\.elected\[0\]: '张伟' is the name of M01"):
        verify(rec.count(), {"committee": Declared(["张伟"])})


# --- the same kind of fault elsewhere: a value given twice is never silently one of them ----------


def test_a_key_given_twice_in_a_json_file_is_an_error(tmp_path: pathlib.Path) -> None:
    """JSON keeps the last of two equal keys without a word: a declaration given twice (the first
    saying M02) agreed with the recount. A file read by `load` reports each key given twice."""
    from tally.records import load as load_file

    text = json.dumps(load("branch"), ensure_ascii=False)
    text = text.replace('"declared": {', '"declared": {"committee": {"elected": ["M02"]}, ', 1)
    text = text.replace('{"id": "M01",', '{"id": "M01", "name": "张三",', 1)
    path = tmp_path / "r.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RecordError) as caught:
        load_file(str(path))
    assert [str(p) for p in caught.value.problems] == [
        "roll[0].name: given twice in the object; which one is meant cannot be told",
        "declared.committee: given twice in the object; which one is meant cannot be told",
    ]


def test_an_id_declared_twice_is_an_error() -> None:
    """`"elected": ["M01", "M01"]` agreed with one winner; a declaration that lists an id twice
    is an error."""
    data = load("branch")
    data["declared"]["committee"]["elected"] = ["M01", "M01"]
    assert [str(p) for p in Record.check(data)] == [
        "declared.committee.elected[1]: 'M01' is listed twice (first at elected[0])"
    ]


def test_a_csv_column_given_twice_is_an_error() -> None:
    """A ballots or roll CSV whose header names a column twice: an error at the second, where the
    last (roll) or both (ballots) were read without a word."""
    from tally import Contest
    from tally.records import ballots_from_csv, roll_from_csv

    contest = Contest("c", seats=2, candidates=["M01", "M02"])
    with pytest.raises(RecordError) as caught:
        list(ballots_from_csv(["M01,M02,M01", "✓,,✓"], contest))
    assert [str(p) for p in caught.value.problems] == ["ballots[0][2]: column 'M01' is given twice (first in column A)"]
    with pytest.raises(RecordError) as caught:
        roll_from_csv(["id,standing,standing", "M01,probationary,full"])
    assert [str(p) for p in caught.value.problems] == [
        "roll[0][2]: column 'standing' is given twice (first in column B)"
    ]


def test_ballots_given_both_ways_is_one_problem() -> None:
    """Papers and a tally sheet both given: one problem at `ballots`, none about the tally sheet
    that was not read."""
    data = load("branch")
    cid = data["contests"][0]["id"]
    data["ballots"]["totals"] = {cid: {"valid": 1, "invalid": 0, "for": {}}}
    problems = Record.check(data)
    assert [p.path for p in problems] == ["ballots"]
    assert problems[0].code == "record-items-or-totals"


def test_a_record_without_ballots_is_told_so_once() -> None:
    """No `ballots` at all: "missing", once; not also "must be an object, not null"."""
    data = load("branch")
    del data["ballots"]
    problems = Record.check(data)
    assert [(p.path, p.code) for p in problems] == [("ballots", "missing")]
