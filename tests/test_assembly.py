"""Meetings that decide by attendance and vote (issue 16): the core, the records, the reports and
the command line; by-elections (V-32), elections without candidates (V-11), PC-2 and V-12."""

from __future__ import annotations

import datetime
import json
import re
from typing import Any

import attrs
import jsonschema
import pytest

from tally import (
    Contest,
    Exclusion,
    Member,
    Motion,
    RecordError,
    RuleError,
    Voter,
    assembly,
    check_delegates,
    check_nomination,
    check_representatives,
    decide,
    preset,
    verify_decisions,
)
from tally.cli import main
from tally.examples import MEETINGS, NAMES, load
from tally.records import AssemblyRecord, Record, read, result_to_dict, schema
from tally.report import render

DAY = datetime.date(2026, 4, 12)
Capture = pytest.CaptureFixture[str]


# --- the core ---------------------------------------------------------------------------------------


def test_a_motion_refuses_a_negative_or_missing_count() -> None:
    """A Motion's counts are whole numbers of at least 0, each error at its name."""
    with pytest.raises(RecordError) as caught:
        Motion("m", for_=3, against=-1)
    assert caught.value.path == "against"
    with pytest.raises(RecordError) as caught2:
        Motion("m", for_=True)  # type: ignore[arg-type]
    assert caught2.value.path == "for"


def test_a_mode_is_never_assumed() -> None:
    """The 村民会议 and 居民会议 need their mode; the other kinds have none (no default either way)."""
    roll = [Voter(f"V{i}") for i in range(4)]
    with pytest.raises(RuleError, match="needs its mode") as caught:
        assembly(roll, present=[], mode=None, rulebook=preset("villager-assembly-2018"), day=DAY)
    assert caught.value.path == "mode"
    with pytest.raises(RuleError, match="has no mode"):
        assembly(roll, present=[], mode="direct", rulebook=preset("representative-assembly-2018"), day=DAY)
    with pytest.raises(RuleError, match="group-representatives"):
        assembly(roll, present=[], mode="group-representatives", rulebook=preset("villager-assembly-2018"), day=DAY)


def test_an_election_rulebook_is_not_an_assembly() -> None:
    """assembly() takes the rulebook of a meeting that decides, and says so otherwise."""
    with pytest.raises(RuleError) as caught:
        assembly([Member("M1")], present=[], mode=None, rulebook=preset("cpc-basic-2020"), day=DAY)
    assert caught.value.path == "rulebook"


def test_every_sign_in_problem_at_once() -> None:
    """Ids not on the roll, signed in twice, a household twice, a roll entry without its
    household, proxies at an assembly: every problem in one error, each at its path."""
    roll = [Voter("V1", household="H1"), Voter("V2", household="H1"), Voter("V3")]
    with pytest.raises(RecordError) as caught:
        assembly(
            roll,
            present=["V1", "V9", "V1", "V2"],
            mode="household",
            rulebook=preset("villager-assembly-2018"),
            day=DAY,
            mobile=["V3"],
        )
    assert [p.path for p in caught.value.problems] == [
        "mobile",
        "present[1]",
        "present[2]",
        "roll[2].household",
        "present[1]",
    ]


def test_one_under_18_present_is_not_counted_at_a_villager_assembly() -> None:
    """V-9: the base and the count are the villagers aged 18 or over on the day of the meeting."""
    roll = [Voter("A"), Voter("B"), Voter("C", born=datetime.date(2009, 1, 1))]
    a = assembly(roll, present=["A", "C"], mode="direct", rulebook=preset("villager-assembly-2018"), day=DAY)
    assert (a.base, a.attending, a.sits) == (2, 1, False)
    assert [s.code.value for s in a.steps] == ["assembly-attendance", "present-not-in-base", "assembly-does-not-sit"]


def test_a_party_motion_keeps_the_exclusions_of_p_8() -> None:
    """P-27 on P-6: the required attendance is the electorate less the approved exclusions."""
    roll = [Member(f"M{i}") for i in range(10)]
    excl = [Exclusion("M9", "abroad", upper_approved=True, meeting_approved=True)]
    a = assembly(
        roll,
        present=["M0", "M1", "M2", "M3"],
        exclusions=excl,
        mode=None,
        rulebook=preset("cpc-branch-motion-2018"),
        day=DAY,
    )
    assert (a.base, a.attending, a.needed, a.sits) == (9, 4, 5, False)


def test_nothing_passes_at_a_meeting_that_did_not_sit() -> None:
    """A motion at a meeting that may not decide is not decided, not passed, with no test; a
    declaration that it passed is the discrepancy "inquorate" (a recall: "turnout not met")."""
    roll = [Voter(f"V{i}") for i in range(10)]
    a = assembly(roll, present=["V0", "V1"], mode="direct", rulebook=preset("residents-assembly-2018"), day=DAY)
    d = decide([Motion("m", for_=2)], assembly=a)
    assert (d["m"].decided, d["m"].passed, d["m"].test, d["m"].needed) == (False, False, None, None)
    assert [x.what for x in verify_decisions(d, {"m": True}).discrepancies] == ["inquorate"]
    assert verify_decisions(d, {"m": False}).agrees
    r = assembly(roll, present=["V0"], mode=None, rulebook=preset("village-recall-2018"), day=DAY)
    dr = decide([Motion("m", for_=1)], assembly=r)
    assert [x.what for x in verify_decisions(dr, {"m": True}).discrepancies] == ["turnout not met"]
    assert [x.what for x in verify_decisions(dr, {}).discrepancies] == ["not declared"]


def test_decide_reports_every_problem_of_its_motions() -> None:
    """No motion, a motion given twice, more votes than those present: our error, every problem."""
    a = assembly(
        [Member("A"), Member("B")], present=["A"], mode=None, rulebook=preset("cpc-branch-motion-2018"), day=DAY
    )
    with pytest.raises(RecordError, match="at least one motion"):
        decide([], assembly=a)
    with pytest.raises(RecordError) as caught:
        decide([Motion("m", for_=1), Motion("m", for_=0), Motion("n", for_=1, against=1), "x"], assembly=a)  # type: ignore[list-item]
    assert [p.path for p in caught.value.problems] == ["motions[1].id", "motions[2].votes", "motions[3]"]
    with pytest.raises(RecordError) as caught2:
        verify_decisions(decide([Motion("m", for_=1)], assembly=a), {"x": True, "m": "yes"})  # type: ignore[dict-item]
    assert [p.path for p in caught2.value.problems] == ["declared.x", "declared.m.passed"]


def test_representative_composition_cannot_tell_without_the_roles() -> None:
    """V-9: members whose role is not recorded make the finding "cannot tell" where they could
    decide it, never "not met"; a role outside the two is our error."""
    roll = [Voter(f"R{i}", sex="F") for i in range(10)]
    shares, women = check_representatives(
        roll, roles={"R0": "representative"}, rulebook=preset("representative-assembly-2018")
    )
    assert (shares.status, women.status) == ("cannot tell", "cannot tell")
    with pytest.raises(RecordError) as caught:
        check_representatives(
            roll, roles={"R0": "chair", "X": "representative"}, rulebook=preset("representative-assembly-2018")
        )
    assert [p.path for p in caught.value.problems] == ["roles.R0", "roles.X"]


def test_findings_that_do_not_apply_say_so() -> None:
    """PC-2 outside a conference, V-12 under the national law: not applicable; V-12 without the
    number who took part: cannot tell; more who took part than registered: our error."""
    assert {f.status for f in check_delegates(500, rulebook=preset("cpc-basic-2020"))} == {"not applicable"}
    assert check_nomination(3, registered=10, rulebook=preset("village-national-2018")).status == "not applicable"
    assert check_nomination(None, registered=10, rulebook=preset("village-zhejiang-2020")).status == "cannot tell"
    with pytest.raises(RecordError) as caught:
        check_nomination(11, registered=10, rulebook=preset("village-zhejiang-2020"))
    assert caught.value.path == "took_part"


def test_a_by_election_is_no_whole_committee() -> None:
    """V-32: the committee's size is not checked on a by-election's contests."""
    from tally import check_committee

    c = [
        Contest("chair", seats=1, candidates=[], post="chair", stage="by-election"),
        Contest("m", seats=1, candidates=[], stage="by-election"),
    ]
    assert check_committee(c, rulebook=preset("village-national-2018")).status == "not applicable"


# --- the records ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", MEETINGS)
def test_meeting_examples_validate_round_trip_and_agree(name: str) -> None:
    """Each meeting example is valid under the shipped schema, reads, writes back to a record that
    reads and decides the same, agrees with its declaration, and its result is valid too."""
    data = load(name)
    jsonschema.validate(data, schema("record"))
    rec = read(data)
    assert isinstance(rec, AssemblyRecord)
    written = rec.to_dict()
    assert written == data
    again = AssemblyRecord.from_dict(json.loads(json.dumps(written)))
    assert again == rec
    v = rec.verify()
    assert v.agrees
    result = result_to_dict(v, rec.compliance(), title=rec.title)
    jsonschema.validate(result, schema("result"))
    assert result == result_to_dict(again.verify(), again.compliance(), title=again.title)


def test_an_election_is_not_read_as_a_sitting_nor_the_reverse() -> None:
    """Record.from_dict refuses a meeting that decides at `kind`; AssemblyRecord an election."""
    with pytest.raises(RecordError) as caught:
        Record.from_dict(load("party-motion"))
    assert "kind" in [p.path for p in caught.value.problems]
    with pytest.raises(RecordError) as caught2:
        AssemblyRecord.from_dict(load("branch"))
    assert "kind" in [p.path for p in caught2.value.problems]


def test_a_sitting_in_chinese_words_reads_and_validates() -> None:
    """The kind and the roles may be written in Chinese, as for elections."""
    data = load("representative-assembly")
    data["kind"] = "村民代表会议"
    data["roll"][0]["role"] = "村民代表"
    data["roll"][14]["role"] = "村委会成员"
    jsonschema.validate(data, schema("record"))
    assert read(data).roles["R15"] == "committee-member"


def test_extras_are_kept_and_written_back() -> None:
    """`extra` on the record, a roll entry and a motion is kept unchanged."""
    data = load("villager-assembly")
    data["extra"] = {"source": "会议记录第3页"}
    data["roll"][0]["extra"] = {"note": 1}
    data["motions"][0]["extra"] = ["表决方式：举手"]
    assert read(data).to_dict() == data


def test_every_problem_of_a_sitting_at_once() -> None:
    """A sitting with several problems: each at its path, in one error."""
    data = load("recall")
    data["day"] = "2026-13-01"
    data["motions"][0]["for"] = -1
    data["roll"][0]["sex"] = "X"
    data["mode"] = "direct"
    with pytest.raises(RecordError) as caught:
        read(data)
    assert sorted(p.path for p in caught.value.problems) == ["day", "motions[0].for", "roll[0].sex"]


def test_an_exclusion_may_name_its_motion() -> None:
    """P-8, OQ-P3: an election's exclusion may say where the motion that approved it is; the
    record keeps it and writes it back, and the motion's outcome can be checked against it."""
    data = load("branch")
    data["exclusions"][0]["motion"] = "party-motion.json#m1"
    rec = Record.from_dict(data)
    assert rec.exclusions[0].motion == "party-motion.json#m1"
    assert rec.to_dict()["exclusions"][0]["motion"] == "party-motion.json#m1"
    jsonschema.validate(data, schema("record"))
    motion = read(load("party-motion"))
    assert isinstance(motion, AssemblyRecord)
    assert motion.decide()["m1"].passed is rec.exclusions[0].meeting_approved


def test_the_conference_record_reports_its_size() -> None:
    """PC-2: a conference record's findings give its number of delegates."""
    rec = Record.from_dict(load("conference"))
    found = {f.check: (f.status, dict(f.numbers)) for f in rec.compliance()}
    assert found["delegates-most"] == ("met", {"delegates": 260, "most": 300})
    assert found["delegates-usual"] == ("not met", {"delegates": 260, "least": 100, "most": 200})


def test_the_election_without_candidates_counts_names() -> None:
    """V-11: the Zhejiang example: 李娜 6 votes and elected; 王伟(三组) is V03; 王伟 alone, a
    detail that fits nobody and a name on nobody are each void with their reason."""
    r = Record.from_dict(load("without-candidates")).count()["chair"]
    assert (r.elected, dict(r.votes)) == (("V01",), {"V01": 6, "V03": 1})
    assert dict(r.void_marks) == {"name-ambiguous": 1, "name-detail-mismatch": 1, "name-not-on-roll": 1}


def test_a_v_11_election_needs_the_rules_to_allow_it() -> None:
    """V-11: a contest without candidates under rules without it is refused with the margin rule."""
    data = load("without-candidates")
    data["rules"] = {}
    with pytest.raises((RecordError, RuleError)) as caught:
        Record.from_dict(data)
    margin = [p for p in caught.value.problems if p.path == "contests[0].candidates"]
    assert margin
    assert "V-10" in margin[0].reason


# --- reports and the command line ------------------------------------------------------------------


@pytest.mark.parametrize("name", MEETINGS)
def test_meeting_reports_render_in_every_format_and_language(name: str) -> None:
    """Each meeting example renders in every format and language; a Chinese report holds no
    English word but ids and rule IDs."""
    rec = read(load(name))
    v = rec.verify()
    for lang in ("zh", "en"):
        for fmt in ("text", "markdown", "html", "json"):
            assert render(
                v, fmt=fmt, lang=lang, title=rec.title, day=rec.day.isoformat(), findings=rec.compliance()
            ).strip()  # type: ignore[arg-type]
    text = render(v, lang="zh", title=rec.title, findings=rec.compliance(), cite="article")
    ids = {m.id for m in (rec.roll.members if hasattr(rec.roll, "members") else rec.roll.voters)}
    words = set(re.findall(r"[A-Za-z]{3,}", text)) - ids
    assert words == set(), words


@pytest.mark.parametrize("name", MEETINGS)
def test_verify_a_meeting_example_exits_0(name: str, tmp_path: Any, capsys: Capture) -> None:
    """`tally verify` on each meeting example: exit 0, the report in Chinese on request."""
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(load(name), ensure_ascii=False), encoding="utf-8")
    assert main(["verify", str(path), "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "复核结果与公布结果一致" in out


def test_a_wrong_declaration_exits_1_and_says_what(tmp_path: Any, capsys: Capture) -> None:
    """A motion declared passed that did not pass: exit 1, the discrepancy in the report and in
    the JSON result."""
    data = load("villager-assembly")
    data["declared"]["m2"] = {"passed": True}
    path = tmp_path / "wrong.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["verify", str(path)]) == 1
    assert "does NOT agree" in capsys.readouterr().out
    assert main(["verify", str(path), "--format", "json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["discrepancies"] == [{"contest": "m2", "what": "passed", "declared": True, "counted": False}]
    jsonschema.validate(result, schema("result"))


def test_many_records_of_both_kinds_verify_together(tmp_path: Any, capsys: Capture) -> None:
    """A folder with elections and sittings: one line each, every one agrees."""
    for name in (*MEETINGS, "branch"):
        (tmp_path / f"{name}.json").write_text(json.dumps(load(name), ensure_ascii=False), encoding="utf-8")
    assert main(["verify", str(tmp_path)]) == 0
    assert f"{len(MEETINGS) + 1} records: {len(MEETINGS) + 1} agree" in capsys.readouterr().out


def test_election_commands_refuse_a_sitting(tmp_path: Any, capsys: Capture) -> None:
    """`next`, `forms` and a conversion to a workbook are for elections: a sitting is our error at
    `kind` (exit 2), never a traceback."""
    path = tmp_path / "m.json"
    path.write_text(json.dumps(load("recall"), ensure_ascii=False), encoding="utf-8")
    for argv in (
        ["next", str(path)],
        ["forms", str(path), "--form", "ballot"],
        ["convert", str(path), "-o", str(tmp_path / "m.xlsx")],
    ):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert "kind:" in err
        assert "Traceback" not in err


def test_the_examples_and_rulebooks_list_the_meetings(capsys: Capture) -> None:
    """`tally example` lists the meetings beside the elections; `tally rulebooks` shows a
    meeting's own fields and not an election's."""
    assert main(["example"]) == 0
    out = capsys.readouterr().out
    assert all(name in out for name in (*MEETINGS, *NAMES))
    assert main(["rulebooks", "representative-assembly-2018"]) == 0
    out = capsys.readouterr().out
    assert "assembly_quorum_inclusive" in out
    assert "women_representatives_share" in out
    assert "proxy_cap" not in out
    assert main(["rulebooks", "village-national-2018"]) == 0
    assert "assembly_quorum" not in capsys.readouterr().out


def test_a_sitting_keeps_its_notes_when_read_from_gb18030(tmp_path: Any) -> None:
    """A sitting read from a GB18030 file says so, as an election does."""
    from tally.records import load as load_file

    path = tmp_path / "m.json"
    path.write_bytes(json.dumps(load("party-motion"), ensure_ascii=False).encode("gb18030"))
    rec = load_file(path)
    assert isinstance(rec, AssemblyRecord)
    assert [n.code for n in rec.notes] == ["gb18030"]
    assert rec.verify().agrees


def test_a_frozen_sitting() -> None:
    """A sitting is read-only: its values cannot be changed in place."""
    rec = read(load("recall"))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        rec.title = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        rec.rules["x"] = 1  # type: ignore[index]
